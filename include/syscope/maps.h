// SPDX-License-Identifier: MIT
// The memory map of a process (/proc/PID/maps) and address expressions
// relative to it: "0x7f00..", "[heap]+0x10", "libc.so.6+0x1000",
// "SYMBOL+OFF" (symbols come from a caller-supplied lookup).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syscope/error.h"

namespace syscope {

struct MapRegion {
  uint64_t start = 0;
  uint64_t end = 0;  // exclusive
  bool read = false, write = false, exec = false;
  bool shared = false;  // 's' (MAP_SHARED) instead of 'p'
  uint64_t offset = 0;  // file offset of start
  unsigned dev_major = 0, dev_minor = 0;
  uint64_t inode = 0;
  std::string path;     // "" (anonymous), "[heap]", "/usr/lib/x86_64-linux-gnu/libc.so.6", ...
  bool deleted = false; // the file was deleted (" (deleted)" stripped from path)

  uint64_t size() const { return end - start; }
  bool contains(uint64_t a) const { return a >= start && a < end; }
  std::string perms() const;  // "r-xp"
  // What REGION names match: the file's basename, or the pseudo name ("[heap]").
  std::string_view name() const;
  bool is_file() const { return !path.empty() && path[0] == '/'; }
  // [vvar], [vvar_vclock], [vsyscall]: mapped but not readable by any path.
  bool is_pseudo_unreadable() const;
};

class Maps {
 public:
  Maps() = default;
  explicit Maps(std::vector<MapRegion> regions) : regions_(std::move(regions)) {}
  // Reads /proc/PID/maps. Errors: ESRCH/ENOENT (no such process), EACCES.
  static Result<Maps> read(pid_t pid);
  // Parses the text of a maps file; malformed lines are skipped.
  static Maps parse(std::string_view text);

  const std::vector<MapRegion>& regions() const { return regions_; }
  const MapRegion* find(uint64_t addr) const;
  // Regions a name selects: "[heap]", a basename ("libc.so.6") or a full path.
  std::vector<const MapRegion*> named(std::string_view name) const;
  // Where REGION+OFF starts: for a file, the start of its lowest mapping
  // (file offset 0, the load base); otherwise the region's start.
  std::optional<uint64_t> base_of(std::string_view name) const;
  // "libc.so.6+0x1234", "[heap]+0x10" or "" for an address in no region.
  std::string describe(uint64_t addr) const;

 private:
  std::vector<MapRegion> regions_;
};

// Parses a number: hex with or without "0x" (address style) when hex is
// true, else decimal or "0x" hex. Rejects empty input, junk and overflow.
std::optional<uint64_t> parse_number(std::string_view s, bool hex);

// Resolves an address expression:
//   HEX | 0xHEX                        an address
//   NAME[+|-OFF]                       REGION (see Maps::base_of) or SYMBOL
//   OBJECT:SYMBOL[+|-OFF]              a symbol of one object
// OFF is hex ("0x" optional). A name that is both a region and all hex digits
// is read as a number; a region wins over a symbol of the same name.
// symbol(name) returns the symbol's run-time address; it may be empty.
// Errors (code EINVAL): "invalid address: 'EXPR'", "unknown symbol or region: 'NAME'".
using SymbolLookup = std::function<std::optional<uint64_t>(std::string_view name)>;
Result<uint64_t> resolve_address(std::string_view expr, const Maps& maps, const SymbolLookup& symbol = {});

}  // namespace syscope

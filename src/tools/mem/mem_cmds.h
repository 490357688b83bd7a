// SPDX-License-Identifier: MIT
// `syscope mem` commands; mem_main.cc parses the command line.
#pragma once

#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "syscope/maps.h"
#include "syscope/memory.h"
#include "syscope/process.h"
#include "tools/mem/symbols.h"

namespace syscope::tools {

inline constexpr const char* kMem = "mem";

struct MemArgs {
  pid_t pid = 0;
  std::string command;
  std::vector<std::string> positional;  // after the command
  std::string out;                      // -o FILE|DIR
  bool raw = false;                     // read --raw
  std::string value_opt;                // "--u32", ... ("" = none)
  std::string value_text;
  std::vector<std::string> regions;     // search --region
  uint64_t max_matches = 0;             // search --max (0 = all)
  size_t chunk = Memory::kSearchChunk;  // search --chunk
  Memory::Path via = Memory::Path::kAuto;
  bool no_stop = false;
};

// The process as the commands see it: attached (all threads stopped) unless
// --no-stop, its maps, and its symbols on demand.
class Target {
 public:
  static std::unique_ptr<Target> open(const MemArgs& a, bool stop);
  Memory& mem() { return proc_ ? proc_->memory() : *own_; }
  const Maps& maps() const { return maps_; }
  Symbols& symbols() { return *symbols_; }
  // Resolves an address expression or prints the error.
  std::optional<uint64_t> address(const std::string& expr);
  // Lets the process run on (the data needed was copied).
  void release();

 private:
  std::unique_ptr<Process> proc_;
  std::unique_ptr<Memory> own_;
  Maps maps_;
  std::unique_ptr<Symbols> symbols_;
};

// The bytes of the value option (--string/--hex/--u32/--u64/--f64), or
// prints "invalid value for --u32: 'abc'".
std::optional<std::vector<uint8_t>> value_bytes(const MemArgs& a);

int cmd_maps(const MemArgs& a);
int cmd_read(const MemArgs& a);
int cmd_write(const MemArgs& a);
int cmd_dump(const MemArgs& a, const std::string& what);
int cmd_search(const MemArgs& a);

}  // namespace syscope::tools

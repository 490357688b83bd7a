// SPDX-License-Identifier: MIT
// ELF symbols of the objects mapped into a process (.symtab and .dynsym,
// read with libelf), relocated to their run-time addresses.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syscope/maps.h"

namespace syscope::tools {

class Symbols {
 public:
  Symbols(pid_t pid, const Maps& maps);
  ~Symbols();
  Symbols(const Symbols&) = delete;
  Symbols& operator=(const Symbols&) = delete;

  // "name" (objects searched in map order: the executable first) or
  // "object:name" ("libc.so.6:malloc"). Defined symbols only; a global
  // definition wins over a weak or local one of the same object.
  std::optional<uint64_t> lookup(std::string_view name);
  // "main+0x12" for an address inside a function or object, else "".
  std::string describe(uint64_t addr);
  // For resolve_address().
  SymbolLookup lookup_fn() {
    return [this](std::string_view n) { return lookup(n); };
  }

 private:
  struct Sym {
    std::string name;
    uint64_t value, size;
    unsigned char bind, type;
  };
  struct Object {
    std::string path;    // as in maps
    uint64_t low = 0;    // lowest mapping
    uint64_t high = 0;   // end of its highest mapping
    bool loaded = false;
    bool ok = false;
    uint64_t bias = 0;
    std::vector<Sym> syms;
  };
  void load(Object& o);
  const MapRegion* lowest_mapping(const Object& o) const;

  pid_t pid_;
  const Maps& maps_;
  std::vector<Object> objects_;
};

}  // namespace syscope::tools

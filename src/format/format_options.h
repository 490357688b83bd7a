// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace syscope {

// How values are rendered; one object for the whole run (set by the CLI).
struct FormatOptions {
  uint32_t string_limit = 32;  // -s
  uint8_t hex_strings = 0;     // 0: escapes, 1: -x (hex if non-ascii), 2: -xx (all hex)
  bool abbrev = true;          // structs/arrays abbreviated (off with -v)
  bool verbose_structs = true; // dereference structs (off with -e verbose=none)
  enum class ConstStyle : uint8_t { kAbbrev, kRaw, kVerbose } const_style = ConstStyle::kAbbrev;  // -X
  uint8_t decode_fds = 0;      // 0, 1 (-y: paths), 2 (-yy: sockets, devices)
  bool raw = false;            // -e raw=: arguments undecoded in hex
};

}  // namespace syscope

// SPDX-License-Identifier: MIT
// Symbolic names of constants (flags and enums) as strace prints them.
// Tables are data: each entry's value comes from the uapi headers where they
// have it (checked by static_assert), or a literal where they do not.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace syscope::xlat {

struct Entry {
  uint64_t value;
  const char* name;
};

struct Table {
  const Entry* entries;
  size_t size;
  // Printed for an unknown enum value as a comment: "0x1234 /* FOO_??? */".
  const char* unknown;  // e.g. "F_???"; may be nullptr
  // For flag sets whose entries are not single bits (O_ACCMODE values, masks),
  // entries are matched in order and removed from the value as they match.
  bool multi_bit = false;

  const Entry* begin() const { return entries; }
  const Entry* end() const { return entries + size; }
  // Exact match, nullptr if none.
  const char* name_of(uint64_t v) const {
    for (size_t i = 0; i < size; ++i)
      if (entries[i].value == v) return entries[i].name;
    return nullptr;
  }
};

}  // namespace syscope::xlat

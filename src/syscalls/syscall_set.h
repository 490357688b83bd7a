// SPDX-License-Identifier: MIT
// Sets of syscalls as -e trace=SET (and inject=SET:..., -e raw=SET) spell them:
// names, all, none, %class, /regex, ! negation, ? to ignore unknown names,
// @64/@32 personality suffixes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "syscope/error.h"
#include "syscope/syscall_table.h"

namespace syscope {

class SyscallSet {
 public:
  // Empty set.
  SyscallSet();
  static SyscallSet all();
  // Parses an expression; the error text is strace's, e.g.
  // "invalid system call 'nosuchcall'".
  static Result<SyscallSet> parse(std::string_view expr);

  bool contains(Abi abi, long nr) const {
    const auto& v = bits_[static_cast<int>(abi)];
    if (nr < 0 || static_cast<size_t>(nr) >= v.size()) return unknown_;
    if (v[static_cast<size_t>(nr)]) return true;
    // Holes in the number space are unknown syscalls too.
    return unknown_ && !syscall_by_nr(abi, nr);
  }
  void add(Abi abi, long nr);
  void remove(Abi abi, long nr);
  void invert();
  // Whether every known syscall is in the set (seccomp filtering is useless then).
  bool is_all() const;
  bool is_empty() const;
  // Numbers in the set, for building filters.
  std::vector<long> numbers(Abi abi) const;
  // Out-of-table numbers (strace traces them whatever the set).
  bool unknown_included() const { return unknown_; }

 private:
  std::vector<bool> bits_[2];
  bool unknown_ = true;
};

}  // namespace syscope

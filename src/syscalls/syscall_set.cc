// SPDX-License-Identifier: MIT
#include "syscalls/syscall_set.h"

#include <regex.h>

namespace syscope {

SyscallSet::SyscallSet() {
  for (Abi abi : {Abi::kX86_64, Abi::kI386})
    bits_[static_cast<int>(abi)].assign(static_cast<size_t>(syscall_table_size(abi)), false);
}

SyscallSet SyscallSet::all() {
  SyscallSet s;
  s.invert();
  s.unknown_ = true;
  return s;
}

void SyscallSet::add(Abi abi, long nr) {
  auto& v = bits_[static_cast<int>(abi)];
  if (nr >= 0 && static_cast<size_t>(nr) < v.size()) v[static_cast<size_t>(nr)] = true;
}

void SyscallSet::remove(Abi abi, long nr) {
  auto& v = bits_[static_cast<int>(abi)];
  if (nr >= 0 && static_cast<size_t>(nr) < v.size()) v[static_cast<size_t>(nr)] = false;
}

void SyscallSet::invert() {
  for (Abi abi : {Abi::kX86_64, Abi::kI386}) {
    auto& v = bits_[static_cast<int>(abi)];
    for (const auto& d : syscall_table(abi)) v[static_cast<size_t>(d.nr)] = !v[static_cast<size_t>(d.nr)];
  }
}

bool SyscallSet::is_all() const {
  for (Abi abi : {Abi::kX86_64, Abi::kI386})
    for (const auto& d : syscall_table(abi))
      if (!contains(abi, d.nr)) return false;
  return true;
}

bool SyscallSet::is_empty() const {
  for (Abi abi : {Abi::kX86_64, Abi::kI386})
    for (const auto& d : syscall_table(abi))
      if (contains(abi, d.nr)) return false;
  return true;
}

std::vector<long> SyscallSet::numbers(Abi abi) const {
  std::vector<long> out;
  for (const auto& d : syscall_table(abi))
    if (contains(abi, d.nr)) out.push_back(d.nr);
  return out;
}

namespace {

// Adds the syscalls one element names to `s`; returns false if it names none.
bool add_element(SyscallSet& s, std::string_view elem, bool* error_regex) {
  int abis = 3;  // bit 0: x86_64, bit 1: i386
  if (elem.ends_with("@64")) {
    abis = 1;
    elem.remove_suffix(3);
  } else if (elem.ends_with("@32")) {
    abis = 2;
    elem.remove_suffix(3);
  } else if (elem.ends_with("@x32")) {
    return true;  // no x32 support: matches nothing, not an error
  }
  bool any = false;
  auto each_abi = [&](auto&& fn) {
    for (Abi abi : {Abi::kX86_64, Abi::kI386})
      if (abis & (1 << static_cast<int>(abi))) fn(abi);
  };
  if (elem == "all") {
    each_abi([&](Abi abi) {
      for (const auto& d : syscall_table(abi)) s.add(abi, d.nr);
    });
    return true;
  }
  if (elem == "none") return true;
  if (!elem.empty() && elem[0] == '/') {
    std::string re(elem.substr(1));
    regex_t rx;
    if (regcomp(&rx, re.c_str(), REG_EXTENDED | REG_NOSUB) != 0) {
      *error_regex = true;
      return false;
    }
    each_abi([&](Abi abi) {
      for (const auto& d : syscall_table(abi))
        if (regexec(&rx, d.name, 0, nullptr, 0) == 0) {
          s.add(abi, d.nr);
          any = true;
        }
    });
    regfree(&rx);
    return any;
  }
  std::string_view cls = elem;
  bool is_class = false;
  if (!cls.empty() && cls[0] == '%') {
    cls.remove_prefix(1);
    is_class = true;
  }
  uint32_t mask = syscall_class_by_name(cls);
  if (mask && (is_class || !syscall_by_name(Abi::kX86_64, elem))) {
    each_abi([&](Abi abi) {
      for (const auto& d : syscall_table(abi))
        if (d.classes & mask) s.add(abi, d.nr);
    });
    return true;
  }
  if (is_class) return false;
  each_abi([&](Abi abi) {
    if (const SyscallDesc* d = syscall_by_name(abi, elem)) {
      s.add(abi, d->nr);
      any = true;
    }
  });
  if (!any && elem.starts_with("syscall_0x")) {
    // Out-of-table numbers are always traced anyway.
    return true;
  }
  return any;
}

}  // namespace

Result<SyscallSet> SyscallSet::parse(std::string_view expr) {
  SyscallSet s;
  bool negate = false;
  if (!expr.empty() && expr[0] == '!') {
    negate = true;
    expr.remove_prefix(1);
  }
  if (expr.empty()) return make_error(EINVAL, "invalid system call ''");
  size_t pos = 0;
  while (pos <= expr.size()) {
    size_t comma = expr.find(',', pos);
    if (comma == std::string_view::npos) comma = expr.size();
    std::string_view elem = expr.substr(pos, comma - pos);
    pos = comma + 1;
    bool optional = false;
    if (!elem.empty() && elem[0] == '?') {
      optional = true;
      elem.remove_prefix(1);
    }
    if (elem.empty()) return make_error(EINVAL, "invalid system call ''");
    bool bad_regex = false;
    if (!add_element(s, elem, &bad_regex) && !optional) {
      if (bad_regex) return make_error(EINVAL, "invalid regular expression '" + std::string(elem.substr(1)) + "'");
      if (elem[0] == '%') return make_error(EINVAL, "invalid system call '" + std::string(elem) + "'");
      return make_error(EINVAL, "invalid system call '" + std::string(elem) + "'");
    }
    if (comma == expr.size()) break;
  }
  if (negate) s.invert();
  s.unknown_ = true;
  return s;
}

}  // namespace syscope

// SPDX-License-Identifier: MIT
#include <vector>

#include "decoders/families.h"

namespace syscope {
namespace {

struct Registry {
  std::vector<const DecoderEntry*> by_nr[2];

  Registry() {
    const std::span<const DecoderEntry> all[] = {
        families::file(), families::stat(),   families::io(),     families::ioctl(),
        families::memory(), families::process(), families::signal(), families::net(),
        families::time(), families::poll(),   families::sync(),   families::ipc(),
        families::misc(),
    };
    for (Abi abi : {Abi::kX86_64, Abi::kI386}) {
      auto& v = by_nr[static_cast<int>(abi)];
      v.assign(static_cast<size_t>(syscall_table_size(abi)), nullptr);
      for (const auto& fam : all)
        for (const auto& d : fam)
          if (const SyscallDesc* s = syscall_by_name(abi, d.name)) v[static_cast<size_t>(s->nr)] = &d;
    }
  }
};

const Registry& registry() {
  static const Registry r;
  return r;
}

}  // namespace

const DecoderEntry* find_decoder(Abi abi, long nr) {
  const auto& v = registry().by_nr[static_cast<int>(abi)];
  if (nr < 0 || static_cast<size_t>(nr) >= v.size()) return nullptr;
  return v[static_cast<size_t>(nr)];
}

bool decode_raw(Call& c) {
  int n = c.desc ? c.desc->nargs : 6;
  for (int i = 0; i < n; ++i) {
    if (i) c.p->sep();
    c.p->hex(c.args[i]);
  }
  return true;
}

}  // namespace syscope

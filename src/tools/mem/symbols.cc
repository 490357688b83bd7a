// SPDX-License-Identifier: MIT
#include "tools/mem/symbols.h"

#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace syscope::tools {
namespace {

constexpr uint64_t kPageMask = ~uint64_t{0xfff};

int open_object(pid_t pid, const MapRegion& r) {
  // The process may live in another mount namespace: its root first.
  std::string root = "/proc/" + std::to_string(pid) + "/root" + r.path;
  int fd = open(root.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fd = open(r.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || r.deleted) {
    char mf[96];
    snprintf(mf, sizeof mf, "/proc/%d/map_files/%llx-%llx", pid, static_cast<unsigned long long>(r.start),
             static_cast<unsigned long long>(r.end));
    int fd2 = open(mf, O_RDONLY | O_CLOEXEC);
    if (fd2 >= 0) {
      if (fd >= 0) close(fd);
      fd = fd2;
    }
  }
  return fd;
}

int bind_rank(unsigned char bind) {
  switch (bind) {
    case STB_GLOBAL: return 0;
    case STB_WEAK: return 1;
    default: return 2;
  }
}

}  // namespace

Symbols::Symbols(pid_t pid, const Maps& maps) : pid_(pid), maps_(maps) {
  for (const auto& r : maps.regions()) {
    if (!r.is_file()) continue;
    auto it = std::find_if(objects_.begin(), objects_.end(), [&](const Object& o) { return o.path == r.path; });
    if (it == objects_.end()) {
      Object o;
      o.path = r.path;
      o.low = r.start;
      o.high = r.end;
      objects_.push_back(std::move(o));
    } else {
      it->low = std::min(it->low, r.start);
      it->high = std::max(it->high, r.end);
    }
  }
}

Symbols::~Symbols() = default;

const MapRegion* Symbols::lowest_mapping(const Object& o) const {
  for (const auto& r : maps_.regions())
    if (r.path == o.path && r.start == o.low) return &r;
  return nullptr;
}

void Symbols::load(Object& o) {
  if (o.loaded) return;
  o.loaded = true;
  const MapRegion* low = lowest_mapping(o);
  if (!low) return;
  elf_version(EV_CURRENT);
  int fd = open_object(pid_, *low);
  if (fd < 0) return;
  Elf* elf = elf_begin(fd, ELF_C_READ_MMAP, nullptr);
  GElf_Ehdr eh;
  if (!elf || elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &eh)) {
    if (elf) elf_end(elf);
    close(fd);
    return;
  }
  // Load bias: the lowest mapping holds the PT_LOAD whose page-aligned file
  // offset is its offset; bias = run-time start - link-time page address.
  o.bias = eh.e_type == ET_EXEC ? 0 : low->start - low->offset;
  size_t nph = 0;
  elf_getphdrnum(elf, &nph);
  for (size_t i = 0; i < nph && eh.e_type != ET_EXEC; ++i) {
    GElf_Phdr ph;
    if (!gelf_getphdr(elf, static_cast<int>(i), &ph) || ph.p_type != PT_LOAD) continue;
    if ((ph.p_offset & kPageMask) == low->offset) {
      o.bias = low->start - (ph.p_vaddr & kPageMask);
      break;
    }
  }
  for (Elf_Scn* scn = nullptr; (scn = elf_nextscn(elf, scn)) != nullptr;) {
    GElf_Shdr sh;
    if (!gelf_getshdr(scn, &sh) || (sh.sh_type != SHT_SYMTAB && sh.sh_type != SHT_DYNSYM)) continue;
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (!data || sh.sh_entsize == 0) continue;
    size_t n = sh.sh_size / sh.sh_entsize;
    for (size_t i = 0; i < n; ++i) {
      GElf_Sym s;
      if (!gelf_getsym(data, static_cast<int>(i), &s)) continue;
      unsigned char type = GELF_ST_TYPE(s.st_info);
      if (s.st_shndx == SHN_UNDEF || s.st_shndx == SHN_ABS || type == STT_TLS || type == STT_SECTION ||
          type == STT_FILE)
        continue;
      const char* name = elf_strptr(elf, sh.sh_link, s.st_name);
      if (!name || !*name) continue;
      o.syms.push_back(Sym{name, s.st_value, s.st_size, GELF_ST_BIND(s.st_info), type});
    }
  }
  o.ok = true;
  elf_end(elf);
  close(fd);
}

std::optional<uint64_t> Symbols::lookup(std::string_view name) {
  std::string_view object;
  if (size_t colon = name.find(':'); colon != std::string_view::npos) {
    object = name.substr(0, colon);
    name = name.substr(colon + 1);
  }
  for (auto& o : objects_) {
    if (!object.empty()) {
      std::string_view base = o.path;
      base = base.substr(base.rfind('/') + 1);
      if (object != o.path && object != base) continue;
    }
    load(o);
    const Sym* best = nullptr;
    for (const auto& s : o.syms)
      if (s.name == name && (!best || bind_rank(s.bind) < bind_rank(best->bind))) best = &s;
    if (best) return best->value + o.bias;
  }
  return std::nullopt;
}

std::string Symbols::describe(uint64_t addr) {
  for (auto& o : objects_) {
    if (addr < o.low || addr >= o.high) continue;
    load(o);
    uint64_t rel = addr - o.bias;
    const Sym* best = nullptr;
    for (const auto& s : o.syms) {
      if (s.type != STT_FUNC && s.type != STT_OBJECT && s.type != STT_GNU_IFUNC) continue;
      bool inside = rel >= s.value && (rel < s.value + s.size || (s.size == 0 && rel == s.value));
      if (inside && (!best || bind_rank(s.bind) < bind_rank(best->bind))) best = &s;
    }
    if (!best) return {};
    char off[32] = "";
    if (rel != best->value) snprintf(off, sizeof off, "+0x%llx", static_cast<unsigned long long>(rel - best->value));
    return best->name + off;
  }
  return {};
}

}  // namespace syscope::tools

// SPDX-License-Identifier: MIT
// Symbols of a live process through elfutils' libdwfl: the modules are the
// ELF objects of /proc/PID/maps; symbols come from .symtab, or .dynsym, or
// separate debug info found by build-id under /usr/lib/debug.
#include <elfutils/libdwfl.h>
#include <gelf.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "syscope/stepper.h"

namespace syscope {
namespace {

// Where separate debug info is looked for (elfutils' default when null;
// SYSCOPE_DEBUGINFO_PATH overrides it, e.g. to test without libc6-dbg).
char* g_debuginfo_path = getenv("SYSCOPE_DEBUGINFO_PATH");

const Dwfl_Callbacks kCallbacks = {
    dwfl_linux_proc_find_elf,
    dwfl_standard_find_debuginfo,
    nullptr,
    &g_debuginfo_path,
};

Dwfl* D(void* p) { return static_cast<Dwfl*>(p); }

bool is_function(const GElf_Sym& s) {
  int type = GELF_ST_TYPE(s.st_info);
  return (type == STT_FUNC || type == STT_GNU_IFUNC) && s.st_shndx != SHN_UNDEF;
}

std::string module_basename(Dwfl_Module* m) {
  const char* name = dwfl_module_info(m, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr);
  return name ? std::string(path_basename(name)) : std::string();
}

}  // namespace

std::string_view path_basename(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

Symbolizer::Symbolizer(pid_t pid) : pid_(pid) {
  dwfl_ = dwfl_begin(&kCallbacks);
  refresh();
}

Symbolizer::~Symbolizer() {
  if (dwfl_) dwfl_end(D(dwfl_));
}

void Symbolizer::refresh() {
  if (!dwfl_) return;
  dwfl_report_begin(D(dwfl_));
  dwfl_linux_proc_report(D(dwfl_), pid_);
  dwfl_report_end(D(dwfl_), nullptr, nullptr);
}

bool Symbolizer::lookup(uint64_t addr, SymbolInfo* out) {
  *out = SymbolInfo{};
  if (!dwfl_) return false;
  Dwfl_Module* m = dwfl_addrmodule(D(dwfl_), addr);
  if (!m) return false;
  Dwarf_Addr start = 0;
  const char* mname = dwfl_module_info(m, nullptr, &start, nullptr, nullptr, nullptr, nullptr, nullptr);
  out->object = mname ? std::string(path_basename(mname)) : "?";
  GElf_Off off = 0;
  GElf_Sym sym;
  const char* name = dwfl_module_addrinfo(m, addr, &off, &sym, nullptr, nullptr, nullptr);
  if (name && (sym.st_size == 0 || off < sym.st_size)) {
    out->function = name;
    out->offset = off;
    out->func_start = addr - off;
    out->func_size = sym.st_size;
  } else {
    out->offset = addr - start;
  }
  return true;
}

std::vector<CodeRange> Symbolizer::find_function(std::string_view spec) {
  std::vector<CodeRange> out;
  if (!dwfl_) return out;
  std::string_view object, name = spec;
  if (size_t colon = spec.find(':'); colon != std::string_view::npos) {
    object = spec.substr(0, colon);
    name = spec.substr(colon + 1);
  }
  struct Ctx {
    std::string_view object, name;
    std::vector<CodeRange>* out;
  } ctx{object, name, &out};
  dwfl_getmodules(
      D(dwfl_),
      [](Dwfl_Module* m, void**, const char*, Dwarf_Addr, void* arg) -> int {
        auto* c = static_cast<Ctx*>(arg);
        std::string base = module_basename(m);
        if (!c->object.empty() && base != c->object) return DWARF_CB_OK;
        int n = dwfl_module_getsymtab(m);
        for (int i = 1; i < n; ++i) {
          GElf_Sym s;
          GElf_Addr addr = 0;
          const char* nm = dwfl_module_getsym_info(m, i, &s, &addr, nullptr, nullptr, nullptr);
          if (!nm || !is_function(s) || s.st_size == 0) continue;
          // Versioned .dynsym names ("memcpy@@GLIBC_2.14") match their base.
          std::string_view sv(nm);
          if (size_t at = sv.find('@'); at != std::string_view::npos) sv = sv.substr(0, at);
          if (sv != c->name) continue;
          bool dup = false;
          for (auto& r : *c->out) dup |= r.start == addr;
          if (!dup) c->out->push_back({addr, addr + s.st_size, base, std::string(sv)});
        }
        return DWARF_CB_OK;
      },
      &ctx, 0);
  return out;
}

namespace {

// Start addresses of the functions that have unwind information: the search
// table of .eh_frame_hdr (present in stripped objects too, and listing local
// functions that no symbol table names). Only the usual encoding
// (DW_EH_PE_datarel | DW_EH_PE_sdata4) is read.
void eh_frame_starts(Dwfl_Module* m, uint64_t start, uint64_t end, std::vector<uint64_t>* out) {
  GElf_Addr bias = 0;
  Elf* elf = dwfl_module_getelf(m, &bias);
  if (!elf) return;
  size_t shstrndx = 0;
  if (elf_getshdrstrndx(elf, &shstrndx) != 0) return;
  for (Elf_Scn* scn = nullptr; (scn = elf_nextscn(elf, scn)) != nullptr;) {
    GElf_Shdr sh;
    if (!gelf_getshdr(scn, &sh)) continue;
    const char* name = elf_strptr(elf, shstrndx, sh.sh_name);
    if (!name || std::strcmp(name, ".eh_frame_hdr") != 0) continue;
    Elf_Data* d = elf_getdata(scn, nullptr);
    if (!d || !d->d_buf || d->d_size < 12) return;
    const auto* p = static_cast<const uint8_t*>(d->d_buf);
    // version 1; eh_frame_ptr encoding; fde_count encoding; table encoding.
    if (p[0] != 1 || p[2] != 0x03 /* udata4 */ || p[3] != 0x3b /* datarel|sdata4 */) return;
    size_t off = 4;
    if ((p[1] & 0x0f) == 0x0b || (p[1] & 0x0f) == 0x03) off += 4;  // eh_frame_ptr (4 bytes)
    else return;
    uint32_t count;
    std::memcpy(&count, p + off, 4);
    off += 4;
    if (off + static_cast<size_t>(count) * 8 > d->d_size) return;
    for (uint32_t i = 0; i < count; ++i) {
      int32_t rel;
      std::memcpy(&rel, p + off + i * 8, 4);
      uint64_t a = sh.sh_addr + static_cast<int64_t>(rel) + bias;
      if (a >= start && a < end) out->push_back(a);
    }
    return;
  }
}

}  // namespace

std::vector<uint64_t> Symbolizer::function_starts(uint64_t start, uint64_t end) {
  std::vector<uint64_t> out;
  if (!dwfl_) return out;
  struct Ctx {
    uint64_t start, end;
    std::vector<uint64_t>* out;
  } ctx{start, end, &out};
  dwfl_getmodules(
      D(dwfl_),
      [](Dwfl_Module* m, void**, const char*, Dwarf_Addr low, void* arg) -> int {
        auto* c = static_cast<Ctx*>(arg);
        Dwarf_Addr high = 0;
        dwfl_module_info(m, nullptr, nullptr, &high, nullptr, nullptr, nullptr, nullptr);
        if (high <= c->start || low >= c->end) return DWARF_CB_OK;
        int n = dwfl_module_getsymtab(m);
        for (int i = 1; i < n; ++i) {
          GElf_Sym s;
          GElf_Addr addr = 0;
          const char* nm = dwfl_module_getsym_info(m, i, &s, &addr, nullptr, nullptr, nullptr);
          if (!nm || !is_function(s)) continue;
          if (addr >= c->start && addr < c->end) c->out->push_back(addr);
        }
        eh_frame_starts(m, c->start, c->end, c->out);
        return DWARF_CB_OK;
      },
      &ctx, 0);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<uint64_t> Symbolizer::symbol_address(std::string_view object, std::string_view name) {
  if (!dwfl_) return std::nullopt;
  struct Ctx {
    std::string_view object, name;
    std::optional<uint64_t> found;
  } ctx{object, name, std::nullopt};
  dwfl_getmodules(
      D(dwfl_),
      [](Dwfl_Module* m, void**, const char*, Dwarf_Addr, void* arg) -> int {
        auto* c = static_cast<Ctx*>(arg);
        if (module_basename(m) != c->object) return DWARF_CB_OK;
        int n = dwfl_module_getsymtab(m);
        for (int i = 1; i < n; ++i) {
          GElf_Sym s;
          GElf_Addr addr = 0;
          const char* nm = dwfl_module_getsym_info(m, i, &s, &addr, nullptr, nullptr, nullptr);
          if (!nm || s.st_shndx == SHN_UNDEF) continue;
          std::string_view sv(nm);
          if (size_t at = sv.find('@'); at != std::string_view::npos) sv = sv.substr(0, at);
          if (sv == c->name) {
            c->found = addr;
            return DWARF_CB_ABORT;
          }
        }
        return DWARF_CB_OK;
      },
      &ctx, 0);
  return ctx.found;
}

std::vector<CodeRange> executable_mappings(pid_t pid) {
  std::vector<CodeRange> out;
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/maps", pid);
  FILE* f = fopen(path, "re");
  if (!f) return out;
  char line[4096];
  while (fgets(line, sizeof line, f)) {
    unsigned long long start, end, off;
    char perms[8];
    int pathpos = 0;
    if (sscanf(line, "%llx-%llx %7s %llx %*s %*s %n", &start, &end, perms, &off, &pathpos) < 4) continue;
    if (perms[2] != 'x') continue;
    std::string p = pathpos ? std::string(line + pathpos) : std::string();
    while (!p.empty() && (p.back() == '\n' || p.back() == ' ')) p.pop_back();
    if (p.ends_with(" (deleted)")) p.resize(p.size() - 10);
    CodeRange r;
    r.start = start;
    r.end = end;
    r.object = p.empty() ? std::string() : std::string(path_basename(p));
    r.name = p;  // full path (or "[vdso]")
    out.push_back(std::move(r));
  }
  fclose(f);
  return out;
}

}  // namespace syscope

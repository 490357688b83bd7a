// SPDX-License-Identifier: MIT
// Memory management: brk, mmap family, mprotect, madvise, mlock family,
// mincore, msync, NUMA policies, pkeys, process_madvise, shadow stacks, mseal.
#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "decoders/families.h"
#include "decoders/proc_common.h"
#include "syscalls/errno_names.h"

namespace syscope::families {
namespace {

using namespace syscope::pdec;

bool dec_brk(Call& c) {
  c.p->addr(c.arg(0));
  return true;
}

// MAP_* flags: the mapping type first, then the flags, then N<<MAP_HUGE_SHIFT.
void print_mmap_flags(Printer& p, uint64_t flags) {
  if (!abbrev_style(p)) val(p, flags, VFmt::kX);
  if (raw_style(p)) return;
  FormatOptions ao = p.opt();
  ao.const_style = FormatOptions::ConstStyle::kAbbrev;
  Printer ap(&p.out(), &ao, &p.ctx());
  if (verbose_style(p)) p.lit(" /* ");
  xval(ap, flags & 0xf, xlat::mmap_types, "MAP_???");
  flags &= ~0xfull;
  const uint64_t mask = 0x3full << 26;
  uint64_t huge = flags & mask;
  flags &= ~mask;
  if (flags) {
    ap.ch('|');
    pdec::flags(ap, flags, xlat::mmap_flags, nullptr);
  }
  if (huge) {
    ap.ch('|');
    ap.udec(huge >> 26);
    ap.lit("<<MAP_HUGE_SHIFT");
  }
  if (verbose_style(p)) p.lit(" */");
}

void print_prot(Printer& p, uint64_t prot) { flags(p, prot, xlat::prot_flags, "PROT_???"); }

void print_mmap(Call& c, uint64_t offset) {
  Printer& p = *c.p;
  p.addr(c.arg(0));
  p.sep();
  p.udec(compat(c) ? static_cast<uint32_t>(c.arg(1)) : c.arg(1));
  p.sep();
  print_prot(p, c.arg(2));
  p.sep();
  print_mmap_flags(p, c.arg(3));
  p.sep();
  p.fd(static_cast<int>(c.arg(4)));
  p.sep();
  val(p, offset, VFmt::kX);
}

bool dec_old_mmap(Call& c);

bool dec_mmap(Call& c) {
  if (compat(c)) return dec_old_mmap(c);  // i386 "mmap" is old_mmap
  print_mmap(c, c.arg(5));
  return true;
}

// i386 mmap2: the offset is in pages.
bool dec_mmap2(Call& c) {
  print_mmap(c, c.arg(5) * static_cast<uint64_t>(sysconf(_SC_PAGESIZE)));
  return true;
}

// i386 old mmap: the six arguments are in memory.
bool dec_old_mmap(Call& c) {
  uint32_t a[6];
  if (c.ctx().read(c.arg(0), a, sizeof a) != sizeof a) {
    c.p->addr(c.arg(0));
    return true;
  }
  Call tmp = c;
  for (int i = 0; i < 6; ++i) tmp.args[i] = a[i];
  print_mmap(tmp, a[5]);
  return true;
}

// addr, len: munmap, mlock, munlock, set_robust_list.
bool dec_addr_len(Call& c) {
  c.p->addr(c.arg(0));
  c.p->sep();
  c.p->udec(c.arg(1));
  return true;
}

bool dec_mprotect(Call& c) {
  dec_addr_len(c);
  c.p->sep();
  print_prot(*c.p, c.arg(2));
  return true;
}

bool dec_pkey_mprotect(Call& c) {
  dec_mprotect(c);
  c.p->sep();
  c.p->dec(c.iarg(3));
  return true;
}

bool dec_mremap(Call& c) {
  Printer& p = *c.p;
  p.addr(c.arg(0));
  p.sep();
  p.udec(c.arg(1));
  p.sep();
  p.udec(c.arg(2));
  p.sep();
  flags(p, c.arg(3), xlat::mremap_flags, "MREMAP_???");
  if ((c.arg(3) & 3) == 3) {
    p.sep();
    p.addr(c.arg(4));
  }
  return true;
}

bool dec_madvise(Call& c) {
  dec_addr_len(c);
  c.p->sep();
  xval32(*c.p, c.arg(2), xlat::madvise_advice, "MADV_???");
  return true;
}

bool dec_process_madvise(Call& c) {
  Printer& p = *c.p;
  p.fd(c.iarg(0));
  p.sep();
  iov(c, c.arg(1), c.arg(2), false, UINT64_MAX);
  p.sep();
  p.udec(c.arg(2));
  p.sep();
  xval32(p, c.arg(3), xlat::madvise_advice, "MADV_???");
  p.sep();
  val(p, static_cast<uint32_t>(c.arg(4)), VFmt::kX);
  return true;
}

bool dec_process_mrelease(Call& c) {
  c.p->fd(c.iarg(0));
  c.p->sep();
  val(*c.p, static_cast<uint32_t>(c.arg(1)), VFmt::kX);
  return true;
}

bool dec_mlockall(Call& c) {
  flags(*c.p, static_cast<uint32_t>(c.arg(0)), xlat::mlockall_flags, "MCL_???");
  return true;
}

bool dec_msync(Call& c) {
  dec_addr_len(c);
  c.p->sep();
  flags(*c.p, static_cast<uint32_t>(c.arg(2)), xlat::msync_flags, "MS_???");
  return true;
}

bool dec_mlock2(Call& c) {
  dec_addr_len(c);
  c.p->sep();
  flags(*c.p, static_cast<uint32_t>(c.arg(2)), xlat::mlock_flags, "MLOCK_???");
  return true;
}

bool dec_mincore(Call& c) {
  if (!c.exiting) {
    dec_addr_len(c);
    c.p->sep();
    return false;
  }
  const uint64_t page = static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
  const uint64_t len = c.arg(1);
  const uint64_t n = len / page + ((len & (page - 1)) ? 1 : 0);
  array(c, c.arg(2), n, 1, [](Call& cc, const void* e, void*) {
    cc.p->udec(*static_cast<const uint8_t*>(e) & 1);
  }, nullptr);
  return true;
}

bool dec_remap_file_pages(Call& c) {
  Printer& p = *c.p;
  p.addr(c.arg(0));
  p.sep();
  p.udec(c.arg(1));
  p.sep();
  print_prot(p, c.arg(2));
  p.sep();
  p.udec(c.arg(3));
  p.sep();
  print_mmap_flags(p, c.arg(4));
  return true;
}

bool dec_pkey_alloc(Call& c) {
  val(*c.p, c.arg(0), VFmt::kX);
  c.p->sep();
  flags(*c.p, c.arg(1), xlat::pkey_access, "PKEY_???");
  return true;
}

bool dec_pkey_free(Call& c) {
  c.p->dec(c.iarg(0));
  return true;
}

// NUMA node masks: arrays of longs printed as %#016lx (zero: 16 zeros).
void print_nodemask(Call& c, uint64_t addr, uint64_t maxnodes) {
  const uint64_t bits = compat(c) ? 32 : 64;
  const uint64_t nmemb = (maxnodes + bits - 2) / bits;
  if (nmemb < maxnodes / bits || (maxnodes && !nmemb)) {
    c.p->addr(addr);
    return;
  }
  array(c, addr, nmemb, bits / 8, [](Call& cc, const void* e, void*) {
    char b[32];
    if (compat(cc)) {
      uint32_t v;
      memcpy(&v, e, 4);
      snprintf(b, sizeof b, "%#0*x", 8, v);
    } else {
      uint64_t v;
      memcpy(&v, e, 8);
      snprintf(b, sizeof b, "%#0*" PRIx64, 16, v);
    }
    cc.p->lit(b);
  }, nullptr);
}

void print_mpol_mode(Printer& p, uint64_t mode_arg) {
  const uint64_t fmask = (1ull << 15) | (1ull << 14) | (1ull << 13);
  const uint64_t mode = mode_arg & ~fmask;
  const uint64_t fl = mode_arg & fmask;
  if (!fl) {
    xval(p, mode, xlat::mpol_modes, "MPOL_???");
    return;
  }
  const char* name = lookup(xlat::mpol_modes, mode);
  if (!name) {
    flags(p, mode_arg, xlat::mpol_mode_flags, "MPOL_???");
    return;
  }
  if (!abbrev_style(p)) val(p, mode_arg, VFmt::kX);
  if (raw_style(p)) return;
  if (verbose_style(p)) p.lit(" /* ");
  p.lit(name);
  p.ch('|');
  FormatOptions ao = p.opt();
  ao.const_style = FormatOptions::ConstStyle::kAbbrev;
  Printer ap(&p.out(), &ao, &p.ctx());
  flags(ap, fl, xlat::mpol_mode_flags, nullptr);
  if (verbose_style(p)) p.lit(" */");
}

bool dec_mbind(Call& c) {
  Printer& p = *c.p;
  p.addr(c.arg(0));
  p.sep();
  p.udec(c.arg(1));
  p.sep();
  print_mpol_mode(p, c.arg(2));
  p.sep();
  print_nodemask(c, c.arg(3), c.arg(4));
  p.sep();
  p.udec(c.arg(4));
  p.sep();
  flags(p, static_cast<uint32_t>(c.arg(5)), xlat::mbind_flags, "MPOL_???");
  return true;
}

bool dec_set_mempolicy(Call& c) {
  print_mpol_mode(*c.p, static_cast<uint32_t>(c.arg(0)));
  c.p->sep();
  print_nodemask(c, c.arg(1), c.arg(2));
  c.p->sep();
  c.p->udec(c.arg(2));
  return true;
}

bool dec_get_mempolicy(Call& c) {
  if (!c.exiting) return false;
  Printer& p = *c.p;
  int32_t pol;
  if (fetch(c, c.arg(0), &pol)) {
    p.ch('[');
    xval32(p, static_cast<uint32_t>(pol), xlat::mpol_modes, "MPOL_???");
    p.ch(']');
  }
  p.sep();
  print_nodemask(c, c.arg(1), c.arg(2));
  p.sep();
  p.udec(c.arg(2));
  p.sep();
  p.addr(c.arg(3));
  p.sep();
  flags(p, c.arg(4), xlat::get_mempolicy_flags, "MPOL_???");
  return true;
}

bool dec_set_mempolicy_home_node(Call& c) {
  Printer& p = *c.p;
  p.addr(c.arg(0));
  p.sep();
  p.udec(c.arg(1));
  p.sep();
  p.udec(c.arg(2));
  p.sep();
  val(p, c.arg(3), VFmt::kX);
  return true;
}

bool dec_migrate_pages(Call& c) {
  Printer& p = *c.p;
  p.dec(c.iarg(0));
  p.sep();
  p.udec(c.arg(1));
  p.sep();
  print_nodemask(c, c.arg(2), c.arg(1));
  p.sep();
  print_nodemask(c, c.arg(3), c.arg(1));
  return true;
}

bool dec_move_pages(Call& c) {
  Printer& p = *c.p;
  const uint64_t n = c.arg(1);
  if (!c.exiting) {
    p.dec(c.iarg(0));
    p.sep();
    p.udec(n);
    p.sep();
    array(c, c.arg(2), n, compat(c) ? 4 : 8, [](Call& cc, const void* e, void*) {
      uint64_t v = 0;
      memcpy(&v, e, compat(cc) ? 4 : 8);
      cc.p->addr(v);
    }, nullptr);
    p.sep();
    array(c, c.arg(3), n, 4, [](Call& cc, const void* e, void*) {
      int32_t v;
      memcpy(&v, e, 4);
      cc.p->dec(v);
    }, nullptr);
    p.sep();
    return false;
  }
  array(c, c.arg(4), n, 4, [](Call& cc, const void* e, void*) {
    int32_t v;
    memcpy(&v, e, 4);
    // Negative statuses are -errno, printed as strace's print_err: "-ENOENT".
    const char* name = (v < 0 && v != INT32_MIN) ? errno_name(-v) : nullptr;
    if (!name || !abbrev_style(*cc.p)) cc.p->dec(v);
    if (!name || raw_style(*cc.p)) return;
    std::string s = std::string("-") + name;
    if (verbose_style(*cc.p))
      comment(*cc.p, s);
    else
      cc.p->lit(s);
  }, nullptr);
  p.sep();
  flags(p, static_cast<uint32_t>(c.arg(5)), xlat::move_pages_flags, "MPOL_???");
  return true;
}

// map_shadow_stack (unknown to strace 6.1; printed as later strace does).
bool dec_map_shadow_stack(Call& c) {
  static const xlat::Entry kFlags[] = {{1, "SHADOW_STACK_SET_TOKEN"}, {2, "SHADOW_STACK_SET_MARKER"}};
  static const xlat::Table t{kFlags, std::size(kFlags), nullptr};
  c.p->addr(c.arg(0));
  c.p->sep();
  c.p->udec(c.arg(1));
  c.p->sep();
  flags(*c.p, c.arg(2), t, "SHADOW_STACK_???");
  return true;
}

// mseal (unknown to strace 6.1).
bool dec_mseal(Call& c) {
  dec_addr_len(c);
  c.p->sep();
  val(*c.p, c.arg(2), VFmt::kX);
  return true;
}

const DecoderEntry kTable[] = {
    {"brk", dec_brk, RetFmt::kHex},
    {"mmap", dec_mmap, RetFmt::kHex},
    {"mmap2", dec_mmap2, RetFmt::kHex},
    {"munmap", dec_addr_len, RetFmt::kDec},
    {"mlock", dec_addr_len, RetFmt::kDec},
    {"munlock", dec_addr_len, RetFmt::kDec},
    {"mprotect", dec_mprotect, RetFmt::kDec},
    {"pkey_mprotect", dec_pkey_mprotect, RetFmt::kDec},
    {"mremap", dec_mremap, RetFmt::kHex},
    {"madvise", dec_madvise, RetFmt::kDec},
    {"process_madvise", dec_process_madvise, RetFmt::kDec},
    {"process_mrelease", dec_process_mrelease, RetFmt::kDec},
    {"mlockall", dec_mlockall, RetFmt::kDec},
    {"msync", dec_msync, RetFmt::kDec},
    {"mlock2", dec_mlock2, RetFmt::kDec},
    {"mincore", dec_mincore, RetFmt::kDec},
    {"remap_file_pages", dec_remap_file_pages, RetFmt::kDec},
    {"pkey_alloc", dec_pkey_alloc, RetFmt::kDec},
    {"pkey_free", dec_pkey_free, RetFmt::kDec},
    {"mbind", dec_mbind, RetFmt::kDec},
    {"set_mempolicy", dec_set_mempolicy, RetFmt::kDec},
    {"get_mempolicy", dec_get_mempolicy, RetFmt::kDec},
    {"set_mempolicy_home_node", dec_set_mempolicy_home_node, RetFmt::kDec},
    {"migrate_pages", dec_migrate_pages, RetFmt::kDec},
    {"move_pages", dec_move_pages, RetFmt::kDec},
    {"map_shadow_stack", dec_map_shadow_stack, RetFmt::kHex},
    {"mseal", dec_mseal, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> memory() { return kTable; }

}  // namespace syscope::families

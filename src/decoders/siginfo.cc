// SPDX-License-Identifier: MIT
#include "decoders/siginfo.h"

#include <linux/audit.h>
#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "decoders/proc_common.h"
#include "syscalls/errno_names.h"
#include "syscalls/signal_names.h"
#include "syscope/syscall_table.h"

namespace syscope {
namespace {

using pdec::VFmt;

constexpr xlat::Entry kSigprofCodes[] = {{1, "PROF_SIG"}};
const xlat::Table sigprof_codes{kSigprofCodes, std::size(kSigprofCodes), nullptr};

// The AUDIT_ARCH_* values a Linux x86 tracee can report, plus the common
// other ones (strace's audit_arch list, in its order).
constexpr xlat::Entry kAuditArch[] = {
    {AUDIT_ARCH_AARCH64, "AUDIT_ARCH_AARCH64"}, {AUDIT_ARCH_ALPHA, "AUDIT_ARCH_ALPHA"},
    {AUDIT_ARCH_ARM, "AUDIT_ARCH_ARM"},         {AUDIT_ARCH_ARMEB, "AUDIT_ARCH_ARMEB"},
    {AUDIT_ARCH_I386, "AUDIT_ARCH_I386"},       {AUDIT_ARCH_IA64, "AUDIT_ARCH_IA64"},
    {AUDIT_ARCH_MIPS, "AUDIT_ARCH_MIPS"},       {AUDIT_ARCH_MIPSEL, "AUDIT_ARCH_MIPSEL"},
    {AUDIT_ARCH_MIPS64, "AUDIT_ARCH_MIPS64"},   {AUDIT_ARCH_MIPSEL64, "AUDIT_ARCH_MIPSEL64"},
    {AUDIT_ARCH_PPC, "AUDIT_ARCH_PPC"},         {AUDIT_ARCH_PPC64, "AUDIT_ARCH_PPC64"},
    {AUDIT_ARCH_PPC64LE, "AUDIT_ARCH_PPC64LE"}, {AUDIT_ARCH_RISCV32, "AUDIT_ARCH_RISCV32"},
    {AUDIT_ARCH_RISCV64, "AUDIT_ARCH_RISCV64"}, {AUDIT_ARCH_S390, "AUDIT_ARCH_S390"},
    {AUDIT_ARCH_S390X, "AUDIT_ARCH_S390X"},     {AUDIT_ARCH_SPARC, "AUDIT_ARCH_SPARC"},
    {AUDIT_ARCH_SPARC64, "AUDIT_ARCH_SPARC64"}, {AUDIT_ARCH_X86_64, "AUDIT_ARCH_X86_64"},
};
const xlat::Table audit_arch{kAuditArch, std::size(kAuditArch), "AUDIT_ARCH_???"};

const xlat::Table* code_table(int sig) {
  switch (sig) {
    case SIGTRAP: return &xlat::sigtrap_codes;
    case SIGCHLD: return &xlat::sigchld_codes;
    case SIGIO: return &xlat::sigpoll_codes;
    case SIGPROF: return &sigprof_codes;
    case SIGILL: return &xlat::sigill_codes;
    case SIGFPE: return &xlat::sigfpe_codes;
    case SIGSEGV: return &xlat::sigsegv_codes;
    case SIGBUS: return &xlat::sigbus_codes;
    case SIGSYS: return &xlat::sigsys_codes;
    default: return nullptr;
  }
}

void print_si_code(Printer& p, int sig, int code) {
  uint64_t v = static_cast<uint32_t>(code);
  const char* name = pdec::lookup(xlat::si_codes, v);
  if (!name)
    if (const xlat::Table* t = code_table(sig)) name = pdec::lookup(*t, v);
  pdec::xlat_ex(p, v, name, VFmt::kX);
}

void print_id(Printer& p, uint32_t id) {
  if (id == UINT32_MAX)
    p.dec(-1);
  else
    p.udec(id);
}

void print_source(Printer& p, const siginfo_t& si) {
  p.lit(", si_pid=");
  p.dec(si.si_pid);
  p.lit(", si_uid=");
  print_id(p, si.si_uid);
}

void print_sigval(Printer& p, const siginfo_t& si) {
  p.lit(", si_int=");
  p.dec(si.si_int);
  p.lit(", si_ptr=");
  p.addr(reinterpret_cast<uint64_t>(si.si_ptr));
}

void print_errno(Printer& p, uint64_t err) {
  const char* n = err <= 4095 ? errno_name(static_cast<int>(err)) : nullptr;
  pdec::xlat_ex(p, err, n, VFmt::kU);
}

void print_syscall_nr(Printer& p, uint32_t nr, uint32_t arch, bool wordsize4) {
  const SyscallDesc* d = nullptr;
  bool current = false;
  if (arch == AUDIT_ARCH_X86_64 && !(nr & 0x40000000u)) {
    d = syscall_by_nr(Abi::kX86_64, nr);
    current = !wordsize4;
  } else if (arch == AUDIT_ARCH_I386) {
    d = syscall_by_nr(Abi::kI386, nr);
    current = wordsize4;
  }
  const char* prefix = d && current ? "__NR_" : nullptr;
  if (!pdec::abbrev_style(p) || !prefix) p.udec(nr);
  if (pdec::raw_style(p) || !d) return;
  bool in_comment = !prefix || pdec::verbose_style(p);
  if (in_comment) p.lit(" /* ");
  if (prefix) p.lit(prefix);
  p.lit(d->name);
  if (in_comment) p.lit(" */");
}

// Fields of the _sigfault union after si_addr, at their kernel offsets.
template <class T>
T sifield(const siginfo_t& si, size_t off) {
  T v;
  memcpy(&v, reinterpret_cast<const char*>(&si) + off, sizeof v);
  return v;
}

void print_si_info(Printer& p, const siginfo_t& si, bool wordsize4) {
  if (si.si_errno) {
    p.lit(", si_errno=");
    print_errno(p, static_cast<uint32_t>(si.si_errno));
  }
  if (si.si_code <= 0) {
    switch (si.si_code) {
      case SI_USER:
      case SI_TKILL: print_source(p, si); break;
      case SI_TIMER:
        p.lit(", si_timerid=");
        pdec::val(p, static_cast<uint32_t>(si.si_timerid), VFmt::kX);
        p.lit(", si_overrun=");
        p.dec(si.si_overrun);
        print_sigval(p, si);
        break;
      case SI_SIGIO:
        p.lit(", si_band=");
        p.dec(si.si_band);
        p.lit(", si_fd=");
        p.fd(si.si_fd);
        break;
      default:
        print_source(p, si);
        if (si.si_ptr) print_sigval(p, si);
        break;
    }
    return;
  }
  switch (si.si_signo) {
    case SIGCHLD:
      print_source(p, si);
      p.lit(", si_status=");
      if (si.si_code == CLD_EXITED)
        p.dec(si.si_status);
      else
        p.signo(si.si_status);
      p.lit(", si_utime=");
      pdec::clock_t_val(p, static_cast<uint64_t>(si.si_utime));
      p.lit(", si_stime=");
      pdec::clock_t_val(p, static_cast<uint64_t>(si.si_stime));
      break;
    case SIGILL:
    case SIGFPE:
      p.lit(", si_addr=");
      p.addr(reinterpret_cast<uint64_t>(si.si_addr));
      break;
    case SIGBUS:
      p.lit(", si_addr=");
      p.addr(reinterpret_cast<uint64_t>(si.si_addr));
      if (si.si_code == BUS_MCEERR_AR || si.si_code == BUS_MCEERR_AO) {
        p.lit(", si_addr_lsb=");
        pdec::val(p, static_cast<uint16_t>(si.si_addr_lsb), VFmt::kX);
      }
      break;
    case SIGSEGV:
      p.lit(", si_addr=");
      p.addr(reinterpret_cast<uint64_t>(si.si_addr));
      if (si.si_code == SEGV_BNDERR) {
        p.lit(", si_lower=");
        p.addr(reinterpret_cast<uint64_t>(si.si_lower));
        p.lit(", si_upper=");
        p.addr(reinterpret_cast<uint64_t>(si.si_upper));
      } else if (si.si_code == SEGV_PKUERR) {
        p.lit(", si_pkey=");
        p.udec(si.si_pkey);
      }
      break;
    case SIGTRAP:
      p.lit(", si_addr=");
      p.addr(reinterpret_cast<uint64_t>(si.si_addr));
      break;
    case SIGIO:
      if (si.si_code >= POLL_IN && si.si_code <= POLL_HUP) {
        p.lit(", si_band=");
        p.dec(si.si_band);
        p.lit(", si_fd=");
        p.fd(si.si_fd);
      }
      break;
    case SIGSYS:
      p.lit(", si_call_addr=");
      p.addr(reinterpret_cast<uint64_t>(si.si_call_addr));
      p.lit(", si_syscall=");
      print_syscall_nr(p, static_cast<uint32_t>(si.si_syscall), si.si_arch, wordsize4);
      p.lit(", si_arch=");
      pdec::xval(p, si.si_arch, audit_arch, "AUDIT_ARCH_???");
      break;
    default:
      if (si.si_pid || si.si_uid) print_source(p, si);
      if (si.si_ptr) print_sigval(p, si);
      break;
  }
}

}  // namespace

void print_siginfo(Printer& p, const siginfo_t& si, bool wordsize4) {
  p.ch('{');
  if (si.si_signo) {
    p.lit("si_signo=");
    p.signo(si.si_signo);
    p.lit(", si_code=");
    print_si_code(p, si.si_signo, si.si_code);
    print_si_info(p, si, wordsize4);
  }
  p.ch('}');
}

std::string sprint_sigmask(const FormatOptions& opt, const void* mask_bytes, unsigned bytes) {
  uint32_t mask[2] = {0, 0};
  if (bytes > 8) bytes = 8;
  memcpy(mask, mask_bytes, bytes);
  unsigned words = (bytes + 3) / 4;
  unsigned pop = 0;
  for (unsigned i = 0; i < words; ++i) pop += static_cast<unsigned>(__builtin_popcount(mask[i]));
  std::string s;
  if (pop >= words * 32 * 2 / 3) {
    for (unsigned i = 0; i < words; ++i) mask[i] = ~mask[i];
    s.push_back('~');
  }
  using CS = FormatOptions::ConstStyle;
  char sep = '[';
  for (unsigned bit = 0; bit < words * 32; ++bit) {
    if (!(mask[bit / 32] & (1u << (bit % 32)))) continue;
    int sig = static_cast<int>(bit) + 1;
    s.push_back(sep);
    sep = ' ';
    if (opt.const_style != CS::kAbbrev) s += std::to_string(sig);
    if (opt.const_style == CS::kVerbose) s += " /* ";
    if (opt.const_style != CS::kRaw) {
      const char* n = signal_name(sig);
      if (n)
        s += n + 3;
      else if (opt.const_style != CS::kAbbrev)
        s += std::to_string(sig);
    }
    if (opt.const_style == CS::kVerbose) s += " */";
  }
  if (sep == '[') s.push_back('[');
  s.push_back(']');
  return s;
}

}  // namespace syscope

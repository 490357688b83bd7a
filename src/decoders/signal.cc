// SPDX-License-Identifier: MIT
// Signal syscalls: rt_sig*, sigaltstack, the kill family, signalfd, alarm.
#include <sys/ptrace.h>
#include <sys/user.h>

#include <cerrno>
#include <cstddef>
#include <cstring>

#include "decoders/families.h"
#include "decoders/proc_common.h"
#include "decoders/siginfo.h"
#include "syscalls/signal_names.h"

namespace syscope::families {
namespace {

using namespace syscope::pdec;

constexpr uint64_t kSaRestorer = 0x04000000;

// Minimum sigset size strace accepts: the tracee's word size.
uint64_t wordsize(const Call& c) { return compat(c) ? 4 : 8; }

void print_sa_handler(Printer& p, uint64_t h) {
  const char* n = h == 0 ? "SIG_DFL" : h == 1 ? "SIG_IGN" : h == UINT64_MAX ? "SIG_ERR" : nullptr;
  if (n)
    xlat_ex(p, h, n, VFmt::kX);
  else
    p.addr(h);
}

// struct sigaction as the kernel takes it (rt_sigaction). strace reads the
// whole struct with its libc-sized mask (NSIG/8 longs), so a shorter readable
// area prints as an address exactly as there.
void print_sigaction(Call& c, uint64_t addr) {
  uint64_t handler, flags, restorer;
  unsigned char mask[8];
  if (compat(c)) {
    struct {
      uint32_t handler, flags, restorer;
      uint32_t mask[16];
    } sa;
    if (!fetch(c, addr, &sa)) return;
    handler = sa.handler;
    flags = sa.flags;
    restorer = sa.restorer;
    memcpy(mask, sa.mask, 8);
  } else {
    struct {
      uint64_t handler, flags, restorer;
      uint64_t mask[8];
    } sa;
    if (!fetch(c, addr, &sa)) return;
    handler = sa.handler;
    flags = sa.flags;
    restorer = sa.restorer;
    memcpy(mask, sa.mask, 8);
  }
  Printer& p = *c.p;
  p.lit("{sa_handler=");
  print_sa_handler(p, handler);
  p.lit(", sa_mask=");
  p.lit(sprint_sigmask(p.opt(), mask, 8));
  p.lit(", sa_flags=");
  pdec::flags(p, flags, xlat::sigaction_flags, "SA_???");
  if (flags & kSaRestorer) {
    p.lit(", sa_restorer=");
    p.addr(restorer);
  }
  p.ch('}');
}

bool dec_rt_sigaction(Call& c) {
  if (!c.exiting) {
    c.p->signo(c.iarg(0));
    c.p->sep();
    print_sigaction(c, c.arg(1));
    c.p->sep();
    return false;
  }
  print_sigaction(c, c.arg(2));
  c.p->sep();
  c.p->udec(c.arg(3));
  return true;
}

bool dec_rt_sigprocmask(Call& c) {
  if (!c.exiting) {
    xval32(*c.p, c.arg(0), xlat::sigprocmask_how, "SIG_???");
    c.p->sep();
    sigset_addr_len(c, c.arg(1), c.arg(3), wordsize(c));
    c.p->sep();
    return false;
  }
  sigset_addr_len(c, c.arg(2), c.arg(3), wordsize(c));
  c.p->sep();
  c.p->udec(c.arg(3));
  return true;
}

bool dec_rt_sigpending(Call& c) {
  if (!c.exiting) return false;
  sigset_addr_len(c, c.arg(0), c.arg(1), 1);
  c.p->sep();
  c.p->udec(c.arg(1));
  return true;
}

bool dec_rt_sigsuspend(Call& c) {
  sigset_addr_len(c, c.arg(0), c.arg(1), wordsize(c));
  c.p->sep();
  c.p->udec(c.arg(1));
  return true;
}

// The stack pointer of the stopped tracee: rt_sigreturn finds the signal
// frame (and the mask it restores) right below it, as strace does.
bool stack_pointer(Call& c, uint64_t* sp) {
  errno = 0;
  long v = ptrace(PTRACE_PEEKUSER, c.ctx().pid(), offsetof(struct user_regs_struct, rsp), nullptr);
  if (errno) return false;
  *sp = static_cast<uint64_t>(v);
  if (compat(c)) *sp &= 0xffffffffu;
  return true;
}

bool dec_rt_sigreturn(Call& c) {
  uint64_t sp;
  if (!stack_pointer(c, &sp)) return true;
  // x86_64 rt_sigframe: pretcode (popped by the handler's ret) then the
  // ucontext, whose uc_sigmask is at 296. i386: pretcode, sig, pinfo, puc,
  // siginfo (128), then the ucontext with uc_sigmask at 108.
  uint64_t mask_addr = compat(c) ? sp - 4 + 16 + 128 + 108 : sp - 8 + 8 + 296;
  Printer& p = *c.p;
  p.lit("{mask=");
  sigset_addr_len(c, mask_addr, 8, 8);
  p.ch('}');
  return true;
}

// i386 sigreturn: the old-style frame at the stack pointer holds the
// sigcontext (oldmask at word 20), the fpstate, then extramask.
bool dec_sigreturn(Call& c) {
  uint64_t sp;
  if (!stack_pointer(c, &sp)) return true;
  struct {
    uint32_t pad1[20];
    uint32_t oldmask;
    uint32_t pad2;
    uint32_t fpstate[156];
    uint32_t extramask;
  } frame;
  if (!fetch(c, sp, &frame)) return true;
  uint32_t mask[2] = {frame.oldmask, frame.extramask};
  c.p->lit("{mask=");
  c.p->lit(sprint_sigmask(c.p->opt(), mask, 8));
  c.p->ch('}');
  return true;
}

void print_siginfo_at(Call& c, uint64_t addr) {
  siginfo_t si;
  if (fetch(c, addr, &si)) print_siginfo(*c.p, si, compat(c));
}

bool dec_rt_sigtimedwait(Call& c) {
  bool later = c.arg(1) && c.p->opt().verbose_structs;
  if (!c.exiting) {
    sigset_addr_len(c, c.arg(0), c.arg(3), wordsize(c));
    c.p->sep();
    if (!later) {
      c.p->addr(c.arg(1));
      c.p->sep();
      timespec(c, c.arg(2));
      c.p->sep();
      c.p->udec(c.arg(3));
    } else {
      c.saved_text = sprint_timespec(c, c.arg(2));
    }
  } else if (later) {
    print_siginfo_at(c, c.arg(1));
    c.p->sep();
    c.p->lit(c.saved_text);
    c.p->sep();
    c.p->udec(c.arg(3));
  }
  if (c.exiting && !c.failed() && c.rval) {
    if (const char* n = signal_name(static_cast<int>(c.rval))) c.aux = n;
  }
  return c.exiting;
}

bool dec_rt_sigqueueinfo(Call& c) {
  c.p->dec(c.iarg(0));
  c.p->sep();
  c.p->signo(c.iarg(1));
  c.p->sep();
  print_siginfo_at(c, c.arg(2));
  return true;
}

bool dec_rt_tgsigqueueinfo(Call& c) {
  c.p->dec(c.iarg(0));
  c.p->sep();
  c.p->dec(c.iarg(1));
  c.p->sep();
  c.p->signo(c.iarg(2));
  c.p->sep();
  print_siginfo_at(c, c.arg(3));
  return true;
}

bool dec_pidfd_send_signal(Call& c) {
  c.p->fd(c.iarg(0));
  c.p->sep();
  c.p->signo(c.iarg(1));
  c.p->sep();
  print_siginfo_at(c, c.arg(2));
  c.p->sep();
  val(*c.p, static_cast<uint32_t>(c.arg(3)), VFmt::kX);
  return true;
}

void print_stack_t(Call& c, uint64_t addr) {
  uint64_t sp, size;
  uint32_t flags;
  if (compat(c)) {
    struct {
      uint32_t sp;
      int32_t flags;
      uint32_t size;
    } ss;
    if (!fetch(c, addr, &ss)) return;
    sp = ss.sp;
    flags = static_cast<uint32_t>(ss.flags);
    size = ss.size;
  } else {
    struct {
      uint64_t sp;
      int32_t flags;
      uint64_t size;
    } ss;
    if (!fetch(c, addr, &ss)) return;
    sp = ss.sp;
    flags = static_cast<uint32_t>(ss.flags);
    size = ss.size;
  }
  Printer& p = *c.p;
  p.lit("{ss_sp=");
  p.addr(sp);
  p.lit(", ss_flags=");
  pdec::flags(p, flags, xlat::sigaltstack_flags, "SS_???");
  p.lit(", ss_size=");
  p.udec(size);
  p.ch('}');
}

bool dec_sigaltstack(Call& c) {
  if (!c.exiting) {
    print_stack_t(c, c.arg(0));
    c.p->sep();
    return false;
  }
  print_stack_t(c, c.arg(1));
  return true;
}

bool dec_kill(Call& c) {
  c.p->dec(c.iarg(0));
  c.p->sep();
  c.p->signo(c.iarg(1));
  return true;
}

bool dec_tgkill(Call& c) {
  c.p->dec(c.iarg(0));
  c.p->sep();
  c.p->dec(c.iarg(1));
  c.p->sep();
  c.p->signo(c.iarg(2));
  return true;
}

// alarm is printargs_u in strace: the argument in unsigned decimal.
bool dec_alarm(Call& c) {
  c.p->udec(c.arg(0));
  return true;
}

bool dec_signalfd(Call& c) {
  c.p->fd(c.iarg(0));
  c.p->sep();
  sigset_addr_len(c, c.arg(1), c.arg(2), wordsize(c));
  c.p->sep();
  c.p->udec(c.arg(2));
  return true;
}

bool dec_signalfd4(Call& c) {
  dec_signalfd(c);
  c.p->sep();
  pdec::flags(*c.p, static_cast<uint32_t>(c.arg(3)), xlat::signalfd_flags, "SFD_???");
  return true;
}

// i386 sigprocmask/sigpending/sigsuspend take or return an old-style
// one-word mask.
bool dec_sigprocmask(Call& c) {
  if (!c.exiting) {
    xval32(*c.p, c.arg(0), xlat::sigprocmask_how, "SIG_???");
    c.p->sep();
    sigset_addr_len(c, c.arg(1), 4, 4);
    c.p->sep();
    return false;
  }
  sigset_addr_len(c, c.arg(2), 4, 4);
  return true;
}

bool dec_sigpending(Call& c) {
  if (!c.exiting) return false;
  sigset_addr_len(c, c.arg(0), 4, 4);
  return true;
}

bool dec_sigsuspend(Call& c) {
  uint32_t mask = static_cast<uint32_t>(c.arg(c.desc ? c.desc->nargs - 1 : 0));
  c.p->lit(sprint_sigmask(c.p->opt(), &mask, 4));
  return true;
}

// i386 old sigaction: {handler, one-word mask, flags, restorer}.
void print_old_sigaction(Call& c, uint64_t addr) {
  struct {
    uint32_t handler, mask, flags, restorer;
  } sa;
  if (!fetch(c, addr, &sa)) return;
  Printer& p = *c.p;
  p.lit("{sa_handler=");
  print_sa_handler(p, sa.handler);
  p.lit(", sa_mask=");
  p.lit(sprint_sigmask(p.opt(), &sa.mask, 4));
  p.lit(", sa_flags=");
  pdec::flags(p, sa.flags, xlat::sigaction_flags, "SA_???");
  if (sa.flags & kSaRestorer) {
    p.lit(", sa_restorer=");
    p.addr(sa.restorer);
  }
  p.ch('}');
}

bool dec_sigaction(Call& c) {
  if (!c.exiting) {
    c.p->signo(c.iarg(0));
    c.p->sep();
    print_old_sigaction(c, c.arg(1));
    c.p->sep();
    return false;
  }
  print_old_sigaction(c, c.arg(2));
  return true;
}

bool dec_signal(Call& c) {
  if (!c.exiting) {
    c.p->signo(c.iarg(0));
    c.p->sep();
    print_sa_handler(*c.p, c.arg(1));
    return false;
  }
  if (!c.failed()) {
    uint64_t h = static_cast<uint32_t>(c.rval);
    c.ret = RetFmt::kHex;
    if (h <= 1) c.aux = h ? "SIG_IGN" : "SIG_DFL";
  }
  return true;
}

// sgetmask/ssetmask: the old one-word mask as the return value's aux text.
bool dec_sgetmask(Call& c) {
  if (!c.exiting) {
    if (c.desc && c.desc->nargs > 0) {
      uint32_t m = static_cast<uint32_t>(c.arg(0));
      c.p->lit(sprint_sigmask(c.p->opt(), &m, 4));
    }
    return false;
  }
  if (!c.failed()) {
    uint32_t m = static_cast<uint32_t>(c.rval);
    c.ret = RetFmt::kHex;
    c.aux = std::string(c.desc && c.desc->nargs > 0 ? "old mask " : "mask ") +
            sprint_sigmask(c.p->opt(), &m, 4);
  }
  return true;
}

const DecoderEntry kTable[] = {
    {"sigaction", dec_sigaction, RetFmt::kDec},
    {"sigreturn", dec_sigreturn, RetFmt::kDec},
    {"signal", dec_signal, RetFmt::kDec},
    {"sgetmask", dec_sgetmask, RetFmt::kDec},
    {"ssetmask", dec_sgetmask, RetFmt::kDec},
    {"rt_sigaction", dec_rt_sigaction, RetFmt::kDec},
    {"rt_sigprocmask", dec_rt_sigprocmask, RetFmt::kDec},
    {"rt_sigpending", dec_rt_sigpending, RetFmt::kDec},
    {"rt_sigsuspend", dec_rt_sigsuspend, RetFmt::kDec},
    {"rt_sigreturn", dec_rt_sigreturn, RetFmt::kDec},
    {"rt_sigtimedwait", dec_rt_sigtimedwait, RetFmt::kDec},
    {"rt_sigtimedwait_time64", dec_rt_sigtimedwait, RetFmt::kDec},
    {"rt_sigqueueinfo", dec_rt_sigqueueinfo, RetFmt::kDec},
    {"rt_tgsigqueueinfo", dec_rt_tgsigqueueinfo, RetFmt::kDec},
    {"pidfd_send_signal", dec_pidfd_send_signal, RetFmt::kDec},
    {"sigaltstack", dec_sigaltstack, RetFmt::kDec},
    {"kill", dec_kill, RetFmt::kDec},
    {"tkill", dec_kill, RetFmt::kDec},
    {"tgkill", dec_tgkill, RetFmt::kDec},
    {"alarm", dec_alarm, RetFmt::kDec},
    {"signalfd", dec_signalfd, RetFmt::kFd},
    {"signalfd4", dec_signalfd4, RetFmt::kFd},
    {"sigprocmask", dec_sigprocmask, RetFmt::kDec},
    {"sigpending", dec_sigpending, RetFmt::kDec},
    {"sigsuspend", dec_sigsuspend, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> signal() { return kTable; }

}  // namespace syscope::families

// SPDX-License-Identifier: MIT
#include "decoders/siginfo.h"

#include <cstring>

#include "syscalls/signal_names.h"

namespace syscope {
namespace {

const char* generic_code(int code) {
  switch (code) {
    case SI_USER: return "SI_USER";
    case SI_KERNEL: return "SI_KERNEL";
    case SI_QUEUE: return "SI_QUEUE";
    case SI_TIMER: return "SI_TIMER";
    case SI_MESGQ: return "SI_MESGQ";
    case SI_ASYNCIO: return "SI_ASYNCIO";
    case SI_SIGIO: return "SI_SIGIO";
    case SI_TKILL: return "SI_TKILL";
    case SI_DETHREAD: return "SI_DETHREAD";
    case SI_ASYNCNL: return "SI_ASYNCNL";
    default: return nullptr;
  }
}

const char* specific_code(int sig, int code) {
  switch (sig) {
    case SIGCHLD: {
      static const char* k[] = {nullptr, "CLD_EXITED", "CLD_KILLED", "CLD_DUMPED",
                                "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"};
      return code >= 1 && code <= 6 ? k[code] : nullptr;
    }
    case SIGSEGV: {
      static const char* k[] = {nullptr, "SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR",
                                "SEGV_PKUERR", "SEGV_ACCADI", "SEGV_ADIDERR", "SEGV_ADIPERR",
                                "SEGV_MTEAERR", "SEGV_MTESERR", "SEGV_CPERR"};
      return code >= 1 && code <= 10 ? k[code] : nullptr;
    }
    case SIGBUS: {
      static const char* k[] = {nullptr, "BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR",
                                "BUS_MCEERR_AR", "BUS_MCEERR_AO"};
      return code >= 1 && code <= 5 ? k[code] : nullptr;
    }
    case SIGILL: {
      static const char* k[] = {nullptr, "ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP",
                                "ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK", "ILL_BADIADDR"};
      return code >= 1 && code <= 9 ? k[code] : nullptr;
    }
    case SIGFPE: {
      static const char* k[] = {nullptr, "FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF",
                                "FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB",
                                "FPE_FLTUNK", "FPE_CONDTRAP"};
      return code >= 1 && code <= 10 ? k[code] : nullptr;
    }
    case SIGTRAP: {
      static const char* k[] = {nullptr, "TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH",
                                "TRAP_HWBKPT", "TRAP_UNK", "TRAP_PERF"};
      return code >= 1 && code <= 6 ? k[code] : nullptr;
    }
    case SIGPOLL: {
      static const char* k[] = {nullptr, "POLL_IN", "POLL_OUT", "POLL_MSG", "POLL_ERR",
                                "POLL_PRI", "POLL_HUP"};
      return code >= 1 && code <= 6 ? k[code] : nullptr;
    }
    case SIGSYS: return code == 1 ? "SYS_SECCOMP" : nullptr;
    default: return nullptr;
  }
}

}  // namespace

void print_siginfo(Printer& p, const siginfo_t& si) {
  p.lit("{si_signo=");
  p.signo(si.si_signo);
  p.lit(", si_code=");
  const char* code = nullptr;
  if (si.si_code > 0 && si.si_code != SI_KERNEL) code = specific_code(si.si_signo, si.si_code);
  if (!code) code = generic_code(si.si_code);
  if (code)
    p.lit(code);
  else
    p.dec(si.si_code);
  if (si.si_errno) {
    p.lit(", si_errno=");
    p.dec(si.si_errno);
  }
  if (si.si_code <= 0 || si.si_code == SI_USER) {
    // Sent by a process: kill/tkill/sigqueue/timer/mq.
    if (si.si_code == SI_TIMER) {
      p.lit(", si_timerid=");
      p.hex(static_cast<uint32_t>(si.si_timerid));
      p.lit(", si_overrun=");
      p.dec(si.si_overrun);
      p.lit(", si_int=");
      p.dec(si.si_int);
      p.lit(", si_ptr=");
      p.addr(reinterpret_cast<uint64_t>(si.si_ptr));
    } else if (si.si_code != SI_KERNEL) {
      p.lit(", si_pid=");
      p.dec(si.si_pid);
      p.lit(", si_uid=");
      p.udec(si.si_uid);
      if (si.si_code == SI_QUEUE || si.si_code == SI_MESGQ) {
        p.lit(", si_int=");
        p.dec(si.si_int);
        p.lit(", si_ptr=");
        p.addr(reinterpret_cast<uint64_t>(si.si_ptr));
      }
    }
    p.ch('}');
    return;
  }
  switch (si.si_signo) {
    case SIGCHLD:
      p.lit(", si_pid=");
      p.dec(si.si_pid);
      p.lit(", si_uid=");
      p.udec(si.si_uid);
      p.lit(", si_status=");
      if (si.si_code == CLD_EXITED)
        p.dec(si.si_status);
      else
        p.signo(si.si_status);
      p.lit(", si_utime=");
      p.dec(static_cast<int64_t>(si.si_utime));
      p.lit(", si_stime=");
      p.dec(static_cast<int64_t>(si.si_stime));
      break;
    case SIGSEGV:
    case SIGBUS:
    case SIGILL:
    case SIGFPE:
    case SIGTRAP:
      p.lit(", si_addr=");
      p.addr(reinterpret_cast<uint64_t>(si.si_addr));
      break;
    case SIGPOLL:
      p.lit(", si_band=");
      p.dec(si.si_band);
      p.lit(", si_fd=");
      p.dec(si.si_fd);
      break;
    case SIGSYS:
      p.lit(", si_call_addr=");
      p.addr(reinterpret_cast<uint64_t>(si.si_call_addr));
      p.lit(", si_syscall=");
      p.dec(si.si_syscall);
      p.lit(", si_arch=");
      p.hex(si.si_arch);
      break;
    default: break;
  }
  p.ch('}');
}

}  // namespace syscope

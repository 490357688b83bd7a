// SPDX-License-Identifier: MIT
#include "syscope/ptrace.h"

#include <elf.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/wait.h>

#include <cstddef>
#include <string>

namespace syscope::pt {
namespace {

const char* request_name(int req) {
  switch (req) {
    case PTRACE_SEIZE: return "PTRACE_SEIZE";
    case PTRACE_INTERRUPT: return "PTRACE_INTERRUPT";
    case PTRACE_SYSCALL: return "PTRACE_SYSCALL";
    case PTRACE_CONT: return "PTRACE_CONT";
    case PTRACE_SINGLESTEP: return "PTRACE_SINGLESTEP";
    case PTRACE_SYSEMU_SINGLESTEP: return "PTRACE_SYSEMU_SINGLESTEP";
    case PTRACE_LISTEN: return "PTRACE_LISTEN";
    case PTRACE_DETACH: return "PTRACE_DETACH";
    case PTRACE_SETOPTIONS: return "PTRACE_SETOPTIONS";
    case PTRACE_GET_SYSCALL_INFO: return "PTRACE_GET_SYSCALL_INFO";
    case PTRACE_GETREGS: return "PTRACE_GETREGS";
    case PTRACE_SETREGS: return "PTRACE_SETREGS";
    case PTRACE_GETFPREGS: return "PTRACE_GETFPREGS";
    case PTRACE_SETFPREGS: return "PTRACE_SETFPREGS";
    case PTRACE_GETREGSET: return "PTRACE_GETREGSET";
    case PTRACE_SETREGSET: return "PTRACE_SETREGSET";
    case PTRACE_GETSIGINFO: return "PTRACE_GETSIGINFO";
    case PTRACE_SETSIGINFO: return "PTRACE_SETSIGINFO";
    case PTRACE_GETEVENTMSG: return "PTRACE_GETEVENTMSG";
    case PTRACE_PEEKUSER: return "PTRACE_PEEKUSER";
    case PTRACE_POKEUSER: return "PTRACE_POKEUSER";
    case PTRACE_PEEKDATA: return "PTRACE_PEEKDATA";
    case PTRACE_POKEDATA: return "PTRACE_POKEDATA";
    default: return "PTRACE_?";
  }
}

Error err(int req, pid_t tid) {
  return Error{errno, std::string("ptrace(") + request_name(req) + ", " + std::to_string(tid) + ")"};
}

Result<long> req(int r, pid_t tid, uintptr_t addr, uintptr_t data) {
  errno = 0;
  long v = ptrace(static_cast<__ptrace_request>(r), tid, addr, data);
  if (v == -1 && errno != 0) return std::unexpected(err(r, tid));
  return v;
}

Result<void> req_void(int r, pid_t tid, uintptr_t addr, uintptr_t data) {
  if (ptrace(static_cast<__ptrace_request>(r), tid, addr, data) == -1)
    return std::unexpected(err(r, tid));
  return {};
}

}  // namespace

Result<void> seize(pid_t tid, unsigned long options) { return req_void(PTRACE_SEIZE, tid, 0, options); }
Result<void> interrupt(pid_t tid) { return req_void(PTRACE_INTERRUPT, tid, 0, 0); }
Result<void> resume_syscall(pid_t tid, int sig) { return req_void(PTRACE_SYSCALL, tid, 0, sig); }
Result<void> resume_cont(pid_t tid, int sig) { return req_void(PTRACE_CONT, tid, 0, sig); }
Result<void> resume_singlestep(pid_t tid, int sig) { return req_void(PTRACE_SINGLESTEP, tid, 0, sig); }
Result<void> resume_sysemu_singlestep(pid_t tid, int sig) {
  return req_void(PTRACE_SYSEMU_SINGLESTEP, tid, 0, sig);
}
Result<void> listen(pid_t tid) { return req_void(PTRACE_LISTEN, tid, 0, 0); }
Result<void> detach(pid_t tid, int sig) { return req_void(PTRACE_DETACH, tid, 0, sig); }
Result<void> set_options(pid_t tid, unsigned long options) {
  return req_void(PTRACE_SETOPTIONS, tid, 0, options);
}

Result<size_t> get_syscall_info(pid_t tid, SyscallInfo* info) {
  long n = ptrace(static_cast<__ptrace_request>(PTRACE_GET_SYSCALL_INFO), tid, sizeof(*info), info);
  if (n < 0) return std::unexpected(err(PTRACE_GET_SYSCALL_INFO, tid));
  return static_cast<size_t>(n);
}

Result<void> get_regs(pid_t tid, user_regs_struct* regs) {
  return req_void(PTRACE_GETREGS, tid, 0, reinterpret_cast<uintptr_t>(regs));
}
Result<void> set_regs(pid_t tid, const user_regs_struct& regs) {
  return req_void(PTRACE_SETREGS, tid, 0, reinterpret_cast<uintptr_t>(&regs));
}
Result<void> get_fpregs(pid_t tid, user_fpregs_struct* regs) {
  return req_void(PTRACE_GETFPREGS, tid, 0, reinterpret_cast<uintptr_t>(regs));
}
Result<void> set_fpregs(pid_t tid, const user_fpregs_struct& regs) {
  return req_void(PTRACE_SETFPREGS, tid, 0, reinterpret_cast<uintptr_t>(&regs));
}
Result<size_t> get_regset(pid_t tid, int note, void* buf, size_t len) {
  iovec iov{buf, len};
  auto r = req_void(PTRACE_GETREGSET, tid, note, reinterpret_cast<uintptr_t>(&iov));
  if (!r) return std::unexpected(r.error());
  return iov.iov_len;
}
Result<void> set_regset(pid_t tid, int note, const void* buf, size_t len) {
  iovec iov{const_cast<void*>(buf), len};
  return req_void(PTRACE_SETREGSET, tid, note, reinterpret_cast<uintptr_t>(&iov));
}
Result<void> get_siginfo(pid_t tid, siginfo_t* si) {
  return req_void(PTRACE_GETSIGINFO, tid, 0, reinterpret_cast<uintptr_t>(si));
}
Result<void> set_siginfo(pid_t tid, const siginfo_t& si) {
  return req_void(PTRACE_SETSIGINFO, tid, 0, reinterpret_cast<uintptr_t>(&si));
}
Result<unsigned long> get_event_msg(pid_t tid) {
  unsigned long msg = 0;
  auto r = req_void(PTRACE_GETEVENTMSG, tid, 0, reinterpret_cast<uintptr_t>(&msg));
  if (!r) return std::unexpected(r.error());
  return msg;
}
Result<long> peek_user(pid_t tid, size_t offset) { return req(PTRACE_PEEKUSER, tid, offset, 0); }
Result<void> poke_user(pid_t tid, size_t offset, long value) {
  return req_void(PTRACE_POKEUSER, tid, offset, static_cast<uintptr_t>(value));
}
Result<long> peek_data(pid_t tid, uint64_t addr) { return req(PTRACE_PEEKDATA, tid, addr, 0); }
Result<void> poke_data(pid_t tid, uint64_t addr, long value) {
  return req_void(PTRACE_POKEDATA, tid, addr, static_cast<uintptr_t>(value));
}

WaitStatus WaitStatus::classify(int status) {
  WaitStatus w{};
  w.raw = status;
  if (WIFEXITED(status)) {
    w.kind = Kind::kExited;
    w.sig = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    w.kind = Kind::kKilled;
    w.sig = WTERMSIG(status);
    w.core_dumped = WCOREDUMP(status);
  } else if (WIFSTOPPED(status)) {
    w.sig = WSTOPSIG(status);
    w.event = (status >> 16) & 0xff;
    if (w.sig == (SIGTRAP | 0x80)) {
      w.kind = Kind::kSyscallStop;
      w.sig = SIGTRAP;
    } else if (w.event == PTRACE_EVENT_STOP) {
      bool stopping = w.sig == SIGSTOP || w.sig == SIGTSTP || w.sig == SIGTTIN || w.sig == SIGTTOU;
      w.kind = stopping ? Kind::kGroupStop : Kind::kInterruptStop;
    } else if (w.event != 0) {
      w.kind = Kind::kEventStop;
    } else {
      w.kind = Kind::kSignalStop;
    }
  } else {
    w.kind = Kind::kContinued;
  }
  return w;
}

Result<pid_t> wait_any(int* status, bool nohang, struct rusage* ru) {
  if (!ru) return wait_tid(-1, status, nohang);
  pid_t r = wait4(-1, status, __WALL | (nohang ? WNOHANG : 0), ru);
  if (r < 0) return make_error(errno, "wait4");
  return r;
}

Result<pid_t> wait_tid(pid_t tid, int* status, bool nohang) {
  pid_t r = waitpid(tid, status, __WALL | (nohang ? WNOHANG : 0));
  if (r < 0) return make_error(errno, "wait4");
  return r;
}

}  // namespace syscope::pt

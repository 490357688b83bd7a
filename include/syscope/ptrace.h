// SPDX-License-Identifier: MIT
// Typed wrappers over ptrace(2) and wait4(2). Only src/ptrace/ calls these
// system calls directly; everything else goes through this header.
// Every request may fail with ESRCH at any moment (the tracee was killed or
// reaped); callers treat Error::gone() as "wait for its exit status".
#pragma once

#include <sys/ptrace.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/resource.h>
#include <sys/user.h>

#include <cstdint>

#include "syscope/error.h"

namespace syscope::pt {

// glibc's name for the kernel's struct ptrace_syscall_info (<linux/ptrace.h>
// cannot be included together with <sys/ptrace.h>).
using SyscallInfo = __ptrace_syscall_info;

Result<void> seize(pid_t tid, unsigned long options);
Result<void> interrupt(pid_t tid);
// Restart requests; `sig` is the signal to deliver (0 for none).
Result<void> resume_syscall(pid_t tid, int sig = 0);
Result<void> resume_cont(pid_t tid, int sig = 0);
Result<void> resume_singlestep(pid_t tid, int sig = 0);
// PTRACE_SYSEMU_SINGLESTEP: single-step, but stop at a syscall instruction
// before running it (a syscall-entry-stop; the kernel then skips the call).
Result<void> resume_sysemu_singlestep(pid_t tid, int sig = 0);
Result<void> listen(pid_t tid);
Result<void> detach(pid_t tid, int sig = 0);
Result<void> set_options(pid_t tid, unsigned long options);

// PTRACE_GET_SYSCALL_INFO (Linux >= 5.3). Returns the number of bytes the
// kernel filled. The tracee must be in a ptrace-stop.
Result<size_t> get_syscall_info(pid_t tid, SyscallInfo* info);
Result<void> get_regs(pid_t tid, user_regs_struct* regs);
Result<void> set_regs(pid_t tid, const user_regs_struct& regs);
Result<void> get_fpregs(pid_t tid, user_fpregs_struct* regs);
Result<void> set_fpregs(pid_t tid, const user_fpregs_struct& regs);
// PTRACE_GETREGSET with an arbitrary note type; returns bytes filled.
Result<size_t> get_regset(pid_t tid, int note, void* buf, size_t len);
Result<void> set_regset(pid_t tid, int note, const void* buf, size_t len);
Result<void> get_siginfo(pid_t tid, siginfo_t* si);
Result<void> set_siginfo(pid_t tid, const siginfo_t& si);
Result<unsigned long> get_event_msg(pid_t tid);
Result<long> peek_user(pid_t tid, size_t offset);
Result<void> poke_user(pid_t tid, size_t offset, long value);
Result<long> peek_data(pid_t tid, uint64_t addr);
Result<void> poke_data(pid_t tid, uint64_t addr, long value);

// Offset of a register in struct user (for peek_user/poke_user).
#define SYSCOPE_USER_REG_OFFSET(reg) (offsetof(struct user, regs) + offsetof(user_regs_struct, reg))

// One wait status, classified. A pure function of the status int so that it
// can be unit-tested.
struct WaitStatus {
  enum class Kind : uint8_t {
    kExited,        // WIFEXITED
    kKilled,        // WIFSIGNALED
    kSyscallStop,   // SIGTRAP|0x80 (PTRACE_O_TRACESYSGOOD)
    kEventStop,     // PTRACE_EVENT_* other than STOP
    kGroupStop,     // PTRACE_EVENT_STOP with a stopping signal
    kInterruptStop, // PTRACE_EVENT_STOP otherwise (INTERRUPT, LISTEN wake-up, new child)
    kSignalStop,    // signal-delivery-stop
    kContinued,     // WIFCONTINUED (never with __WALL on tracees, kept for completeness)
  };
  Kind kind;
  int sig = 0;      // stop signal, exit code or killing signal
  int event = 0;    // PTRACE_EVENT_*
  bool core_dumped = false;
  int raw = 0;

  static WaitStatus classify(int status);
};

// waitpid(-1 or tid, __WALL[|WNOHANG]). Returns the tid, 0 for WNOHANG with
// nothing ready, or an error (ECHILD when there is nothing left to wait for,
// EINTR when interrupted by a signal handler).
Result<pid_t> wait_any(int* status, bool nohang, struct rusage* ru = nullptr);
Result<pid_t> wait_tid(pid_t tid, int* status, bool nohang);

}  // namespace syscope::pt

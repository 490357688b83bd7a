// SPDX-License-Identifier: MIT
// A live process under our control: attach (PTRACE_SEIZE + PTRACE_INTERRUPT,
// then wait until every thread is stopped), look at and change its memory and
// registers, run it, and detach - always: the destructor detaches, and
// install_detach_on_signals() makes Ctrl-C / SIGTERM detach before exiting.
//
//   auto p = syscope::Process::attach(pid);          // all threads stopped
//   if (!p) { puts(p.error().message().c_str()); return 1; }
//   auto regs = (*p)->main_thread().registers();
//   (*p)->memory().write(addr, &value, sizeof value);
//   // ~Process: detached, the process runs on
//
// Detach keeps what the process was doing: a signal that arrived while we held
// it (a signal-delivery-stop) is re-injected, and a process that was stopped
// by SIGSTOP (group-stop) stays stopped.
//
// Not thread-safe: use a Process from the thread that attached it (ptrace(2)
// ties tracees to the tracing thread).
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "syscope/error.h"
#include "syscope/maps.h"
#include "syscope/memory.h"
#include "syscope/registers.h"

namespace syscope {

enum class ThreadState : uint8_t {
  kRunning,      // resumed by us, not in a ptrace-stop
  kInterrupted,  // PTRACE_EVENT_STOP after PTRACE_INTERRUPT
  kGroupStop,    // stopped by SIGSTOP/SIGTSTP/SIGTTIN/SIGTTOU (stays so after detach)
  kSignal,       // signal-delivery-stop (breakpoints and single steps: SIGTRAP)
  kSyscall,      // syscall-stop (after resume_syscall)
  kEvent,        // another PTRACE_EVENT stop
  kExited,       // exited or killed; exit_status() tells how
};
const char* thread_state_name(ThreadState s);

class Thread {
 public:
  Thread(const Thread&) = delete;
  Thread& operator=(const Thread&) = delete;
  ~Thread();

  pid_t tid() const { return tid_; }
  ThreadState state() const { return state_; }
  // In a ptrace-stop: registers, PEEK/POKE and resumption work.
  bool stopped() const { return state_ != ThreadState::kRunning && state_ != ThreadState::kExited; }
  // The signal of the current stop (0 for none). In a signal-delivery-stop
  // it is delivered on the next cont()/step()/detach unless set to 0.
  int signal() const { return sig_; }
  void set_pending_signal(int sig) { sig_ = sig; sync_slot(); }
  int exit_status() const { return exit_status_; }  // raw wait status, for kExited

  // Register access; the thread must be stopped (else ESRCH).
  Result<Registers> registers() const;
  Result<void> set_registers(const Registers& r);
  Result<FpRegisters> fp_registers() const;
  Result<void> set_fp_registers(const FpRegisters& r);
  // PTRACE_GETREGSET NT_X86_XSTATE (EIO/ENODEV on CPUs without XSAVE).
  Result<ExtendedState> extended_state() const;
  Result<void> set_extended_state(const ExtendedState& x);
  // dr0-dr7; dr4/dr5 do not exist (EIO). The kernel validates dr7 (EINVAL
  // for a breakpoint without an address) and dr0-3 (EPERM outside user space).
  Result<uint64_t> debug_register(int n) const;
  Result<void> set_debug_register(int n, uint64_t value);
  Result<siginfo_t> siginfo() const;

  // Resume: PTRACE_CONT / PTRACE_SINGLESTEP / PTRACE_SYSCALL with the
  // pending signal, then wait() for the next stop.
  Result<void> cont();
  Result<void> step();
  Result<void> resume_syscall();
  // PTRACE_INTERRUPT a running thread; wait() then reports kInterrupted (or
  // an earlier stop).
  Result<void> interrupt();
  // Blocks until the thread stops or exits, and returns the new state.
  Result<ThreadState> wait();

 private:
  friend class Process;
  explicit Thread(pid_t tid);
  void set_state(ThreadState s, int sig);
  void sync_slot();
  Result<void> resumed(Result<void> r);

  pid_t tid_;
  ThreadState state_ = ThreadState::kRunning;
  int sig_ = 0;
  int exit_status_ = 0;
  int slot_ = -1;  // entry in the table the signal handler detaches from
};

struct AttachOptions {
  // Stop every thread (a consistent view of memory). False: seize only the
  // thread `pid` given to attach(); the others keep running.
  bool all_threads = true;
};

class Process {
 public:
  // Errors: ESRCH (no such process), EPERM (not allowed, or already traced).
  static Result<std::unique_ptr<Process>> attach(pid_t pid, const AttachOptions& opts = {});
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  pid_t pid() const { return tgid_; }
  // Memory access through the main thread (PEEK/POKE need a stopped one).
  Memory& memory() { return mem_; }
  Result<Maps> maps() const { return Maps::read(tgid_); }

  // The thread attach() was given, then the others.
  const std::vector<std::unique_ptr<Thread>>& threads() const { return threads_; }
  Thread& main_thread() { return *threads_.front(); }
  Thread* thread(pid_t tid);

  template <class T>
  Result<T> read_value(uint64_t addr) {
    T v{};
    if (auto r = mem_.read_exact(addr, &v, sizeof v); !r) return std::unexpected(r.error());
    return v;
  }
  template <class T>
  Result<void> write_value(uint64_t addr, const T& v) {
    if (auto r = mem_.write(addr, &v, sizeof v); !r) return std::unexpected(r.error());
    return {};
  }

  // Detaches from every thread: running ones are interrupted first, pending
  // signals are re-injected. Idempotent. The first error other than "the
  // thread is gone" is returned, after trying every thread.
  Result<void> detach();
  bool attached() const { return attached_; }

 private:
  Process(pid_t tgid, pid_t first);
  Result<void> seize_one(pid_t tid);

  pid_t tgid_;
  Memory mem_;
  std::vector<std::unique_ptr<Thread>> threads_;
  bool attached_ = true;
};

// Installs handlers for SIGINT, SIGTERM, SIGHUP and SIGQUIT that detach every
// thread of every live Process of this program (interrupting running ones,
// re-injecting pending signals), call on_signal(sig) if given (it must be
// async-signal-safe) and _exit(128 + sig).
void install_detach_on_signals(void (*on_signal)(int sig) = nullptr);

// Thread group id of a thread (from /proc/TID/status), or ESRCH.
Result<pid_t> thread_group_of(pid_t tid);
// TracerPid from /proc/PID/status (0: not traced), or ESRCH.
Result<pid_t> tracer_of(pid_t pid);

}  // namespace syscope

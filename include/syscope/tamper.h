// SPDX-License-Identifier: MIT
// Tampering with system calls. A Tamper is an Observer that runs hooks at
// every syscall entry (change the number or the arguments, point an argument
// at a new path, skip the call with a return value, deliver a signal, hold
// the thread for a while) and exit (change the return value). strace's
// -e inject=/-e fault= and syscope's --rewrite, --rewrite-path and
// --set-return are built on it (src/tamper/); library users add hooks:
//
//   syscope::Tamper tamper(tracer);
//   tamper.on_exit("getuid", [](syscope::TamperCall& c) { (void)c.set_return(0); });
//   tracer.add_observer(&tamper);   // before a StracePrinter, so that it
//                                   // prints what the program really got
//
// Changes that must not outlive the call (argument registers, path copies)
// are undone at its exit; the program sees only the changed return value.
// The trace line a StracePrinter prints shows the changed arguments and
// return value, with strace's marks (connect set_mark_sink to
// StracePrinter::mark_injected): " (INJECTED)" when the return value was
// forced, " (INJECTED: args)" when arguments or memory were changed,
// " (INJECTED: args, retval)" for both, and " (DELAYED)" when held.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "syscope/error.h"
#include "syscope/tracer.h"

namespace syscope {

class Tamper;

// One syscall stop as a hook sees it. Every change is made in the tracee at
// once; errors mean the tracee is gone or the address is not writable.
class TamperCall {
 public:
  SyscallStop& stop;  // nr and args as the program made the call; rval at exit
  Tracee& tracee() const { return stop.tracee; }
  bool entry() const { return stop.entry; }
  // strace's name of the syscall, nullptr if unknown.
  const char* name() const;

  // ---- at entry
  // Do not run the call; it returns `value` (-errno for an error).
  Result<void> skip(int64_t value);
  Result<void> fail(int err) { return skip(-static_cast<int64_t>(err)); }
  // Run syscall `nr` (same arguments) instead; its return value stands. The
  // trace still names the call the program made.
  Result<void> replace(long nr);
  // Changes argument i (0-based) for the kernel; restored at exit.
  Result<void> set_arg(int i, uint64_t value);
  // Points argument i at a NUL-terminated copy of `path` written into the
  // tracee: below the stack's red zone when the thread runs on the main
  // stack, else in one scratch page per process (created by an injected
  // mmap the first time). The argument is restored at exit.
  Result<void> set_path_arg(int i, std::string_view path);
  // Writes bytes into the tracee (e.g. where a pointer argument points);
  // not undone (strace's poke_enter/poke_exit).
  Result<void> poke(uint64_t addr, const void* data, size_t len);
  // Delivers `sig` to this thread when it is resumed from this stop (as
  // strace does: at entry the signal is pending while the call runs, so a
  // blocking call is interrupted). After an entry reported by a seccomp
  // filter, where the kernel ignores such signals, it is delivered at exit.
  void raise(int sig);
  // Holds the thread for `d` before it goes on (from the entry: before the
  // call runs; from the exit: before it returns). Other tracees keep going.
  void delay(std::chrono::nanoseconds d);

  // ---- at exit (also from an entry hook: forces the value at exit)
  Result<void> set_return(int64_t value);

  // What was done to this call so far (entry and exit together).
  bool tampered() const;  // return value forced (skip, replace, set_return)
  bool poked() const;     // arguments or memory changed
  bool delayed() const;

 private:
  friend class Tamper;
  struct State;
  TamperCall(SyscallStop& s, Tamper& t, State& st) : stop(s), owner_(t), st_(st) {}
  Tamper& owner_;
  State& st_;
};

class Tamper : public Observer {
 public:
  using Hook = std::function<void(TamperCall&)>;

  explicit Tamper(Tracer& tracer);
  ~Tamper() override;
  Tamper(const Tamper&) = delete;
  Tamper& operator=(const Tamper&) = delete;

  // Hooks run in the order added, for every syscall of every tracee (check
  // call.stop.nr / call.name() yourself), or only for the named syscall
  // (strace's name in either ABI; unknown names never match).
  void on_entry(Hook h);
  void on_exit(Hook h);
  void on_entry(std::string_view syscall, Hook h);
  void on_exit(std::string_view syscall, Hook h);

  // Receives the mark of each tampered call at its exit, before observers
  // added after this one see the exit (StracePrinter::mark_injected).
  void set_mark_sink(std::function<void(pid_t tid, const char* mark)> sink);
  // Told when a thread is gone (new_tid 0) or took another tid (a non-leader
  // exec): for hooks that keep per-thread state.
  void set_thread_listener(std::function<void(pid_t old_tid, pid_t new_tid)> fn);

  // Observer
  void on_syscall_entry(SyscallStop& s) override;
  void on_syscall_exit(SyscallStop& s) override;
  void on_new_tracee(Tracee& child, Tracee* parent) override;
  void on_exec(Tracee& t, pid_t former_tid) override;
  void on_exit(Tracee& t, const pt::WaitStatus& ws) override;
  void on_detaching(Tracee& t, int* sig) override;
  void on_detach(Tracee& t) override;
  void on_vanish(Tracee& t) override;

  // Scratch pages created so far (tests: "nothing leaks" accounting).
  size_t scratch_pages_created() const;

 private:
  friend class TamperCall;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace syscope

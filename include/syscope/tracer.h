// SPDX-License-Identifier: MIT
// The tracing engine: starts or attaches to processes, runs the ptrace event
// loop, and tells observers about every stop. Everything user-visible (the
// strace-style printer, statistics, tampering, single-stepping) is an
// Observer; the engine knows nothing about output.
#pragma once

#include <linux/filter.h>
#include <signal.h>
#include <sys/types.h>
#include <time.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "syscope/error.h"
#include "syscope/memory.h"
#include "syscope/ptrace.h"
#include "syscope/syscall_table.h"

namespace syscope {

struct TracerOptions {
  bool follow_forks = false;   // -f: trace children and threads
  bool kill_on_exit = false;   // PTRACE_O_EXITKILL for started commands
  // A seccomp-bpf program loaded in the started command just before execve.
  // Its SECCOMP_RET_TRACE syscalls stop; everything else runs untraced.
  std::vector<sock_filter> seccomp_program;
  // Take syscall stops at all (false: only signals, exits, exec; e.g.
  // -e trace=none, or a stepper that manages resumption itself).
  bool syscall_stops = true;
  // Ask wait4 for the resource usage of each stopped tracee (strace -c's
  // system-time accounting); see Tracer::last_rusage().
  bool collect_rusage = false;
  // With seccomp_program: resume a traced syscall's seccomp stop with
  // PTRACE_CONT, so observers see its entry only (one stop per syscall; -c
  // counting calls). execve/execveat still get their exit stop.
  bool seccomp_skip_exit = false;
  // Environment for the started command (empty: inherit).
  std::vector<std::string> env;
};

enum class ResumeMode : uint8_t { kSyscall, kCont, kStep };

class Tracee {
 public:
  Tracee(pid_t tid, pid_t tgid) : tid(tid), tgid(tgid), mem(tid) {}
  pid_t tid;
  pid_t tgid;
  Memory mem;                     // the tracee's address space
  bool in_syscall = false;        // between entry and exit stops
  bool hidden = false;            // startup child before its execve: not reported
  bool attached = false;          // attached with -p (detach on exit), not started
  bool seen_first_stop = false;
  bool seccomp_filtered = false;  // carries our seccomp filter (resume with CONT)
  bool group_stopped = false;     // sitting in PTRACE_LISTEN
  bool startup = false;           // the started command before its first successful exec
  long last_nr = -1;              // last syscall entered (restart_syscall naming)
  Abi last_abi = Abi::kX86_64;
  uint64_t last_args[6] = {};     // arguments of the syscall in progress
  // The call a later restart_syscall resumes (exit with ERESTART_RESTARTBLOCK,
  // or the call it was blocked in when we attached).
  long interrupted_nr = -1;
  ResumeMode mode = ResumeMode::kSyscall;  // how to resume after ordinary stops
  // Single-step bookkeeping of the engine (ResumeMode::kStep, tracer.cc).
  // step_state: 0 stepping; 1 a syscall instruction was rewound at its
  // PTRACE_SYSEMU stop and its skipped run reports next (not an instruction);
  // 2 the syscall instruction runs for real (its report completes it; a
  // thread that dies now died inside it); 3 entered step mode inside a
  // syscall: its exit report is not an instruction.
  uint8_t step_state = 0;
  bool step_verify = false;       // resumed with a signal: check the next SIGTRAP's siginfo
  bool stepping = false;          // last resumed with a single-step request
  bool stop_in_syscall = false;   // the stop being dispatched is an event stop inside a syscall
  int pending_signal = 0;         // signal to inject on next resume
  // Held in its stop by Tracer::resume_at until resume_deadline (CLOCK_MONOTONIC).
  bool deferred = false;
  timespec resume_deadline{};
};

// What an observer sees at a syscall stop, and may change (tampering).
class SyscallStop {
 public:
  SyscallStop(Tracee& t, bool entry) : tracee(t), entry(entry) {}
  Tracee& tracee;
  bool entry;
  Abi abi = Abi::kX86_64;
  long nr = -1;
  uint64_t args[6] = {};
  int64_t rval = 0;               // exit only
  bool is_error = false;          // exit only
  uint64_t ip = 0, sp = 0;
  bool from_seccomp = false;      // entry reported by our seccomp filter

  // Tampering. At entry: change the syscall number (-1 skips the call) or an
  // argument; at exit: change the return value. Errors mean the tracee is gone.
  Result<void> set_nr(long nr);
  Result<void> set_arg(int i, uint64_t value);
  Result<void> set_return(int64_t value);
};

class Observer {
 public:
  virtual ~Observer() = default;
  virtual void on_syscall_entry(SyscallStop&) {}
  virtual void on_syscall_exit(SyscallStop&) {}
  // Signal-delivery-stop. *deliver is the signal that will be injected; set
  // it to 0 to suppress.
  virtual void on_signal(Tracee&, const siginfo_t&, int* deliver) { (void)deliver; }
  virtual void on_group_stop(Tracee&, int sig) { (void)sig; }
  // After a successful execve; former_tid != tracee.tid when a non-leader
  // thread exec'd and took over the leader's pid.
  virtual void on_exec(Tracee&, pid_t former_tid) { (void)former_tid; }
  virtual void on_new_tracee(Tracee& child, Tracee* parent) { (void)parent; (void)child; }
  // The thread is gone (exited or killed); status as reported by wait.
  virtual void on_exit(Tracee&, const pt::WaitStatus&) {}
  // A thread vanished without a status (the old leader after a non-leader exec).
  virtual void on_vanish(Tracee&) {}
  // The tracer detached from it (interrupt, -p end).
  virtual void on_detach(Tracee&) {}
  // One instruction completed under ResumeMode::kStep (the engine resumes
  // with PTRACE_SYSEMU_SINGLESTEP and reports each instruction once: a
  // `syscall` instruction once the call returned, not the stop that enters a
  // signal handler, not a SIGTRAP sent by another process while stepping
  // unless the tracee was just resumed with a signal).
  virtual void on_step(Tracee&) {}
  // Under ResumeMode::kStep, a syscall instruction is about to run: regs at
  // its PTRACE_SYSEMU stop (orig_rax: the number, rip: after the
  // instruction). The engine then runs it for real; on_step follows when it
  // returns. An observer may switch the tracee's mode here.
  virtual void on_step_syscall(Tracee&, const user_regs_struct&) {}
  // detach_all: the tracee is in a ptrace-stop and is detached next; *sig is
  // the signal it will be given. Observers undo their changes (breakpoints)
  // and may clear *sig (their own trap).
  virtual void on_detaching(Tracee&, int* sig) { (void)sig; }
  // A SIGTRAP signal-delivery-stop from a breakpoint or step while the
  // observer manages stepping; return true to swallow it.
  virtual bool on_trap(Tracee&, const siginfo_t&) { return false; }
};

class Tracer {
 public:
  explicit Tracer(TracerOptions opts);
  ~Tracer();
  Tracer(const Tracer&) = delete;
  Tracer& operator=(const Tracer&) = delete;

  void add_observer(Observer* o) { observers_.push_back(o); }

  // Starts `path` with argv, traced from its execve on. The path must exist
  // (the CLI resolves PATH and reports "Can't stat").
  Result<pid_t> spawn(const std::string& path, const std::vector<std::string>& argv);
  // Attaches to a process: its given thread, or with all_threads every thread.
  Result<std::vector<pid_t>> attach(pid_t pid, bool all_threads);

  // Runs until no tracee is left or stop() was requested. Returns the exit
  // status of the started command as a shell would see it (128+N for death
  // by signal N), or 0 when only attached processes were traced.
  int run();

  // Async-signal-safe: asks run() to detach from (or kill, for started
  // commands with a seccomp filter) every tracee and return.
  static void request_stop(int sig);
  // The signal that made run() stop early (0 if it ran to the end).
  static int stop_signal();

  // Number of live tracees (threads).
  size_t tracee_count() const { return tracees_.size(); }
  Tracee* find(pid_t tid);
  // Status of the started command once it ended: signal number in
  // killed_by_signal() or exit code; valid after run().
  int main_exit_code() const { return main_status_code_; }
  int main_killed_by() const { return main_killed_sig_; }
  bool main_core_dumped() const { return main_core_; }
  pid_t main_pid() const { return main_pid_; }

  // Resource usage reported with the stop being dispatched (collect_rusage).
  const struct rusage& last_rusage() const { return last_rusage_; }

  // Called when a wait is interrupted by a signal handler (e.g. a periodic
  // timer that flushes buffered output while the tracees are quiet).
  void set_idle_hook(std::function<void()> hook) { idle_hook_ = std::move(hook); }

  // Resumes a tracee according to its mode (used by observers that manage
  // stepping after they changed the mode).
  Result<void> resume(Tracee& t, int sig = 0);

  // Holds a tracee that sits in a ptrace-stop (typically the stop being
  // dispatched) until `deadline` (CLOCK_MONOTONIC) instead of resuming it
  // now, without holding up the other tracees (strace's delay_enter /
  // delay_exit). A POSIX timer raising SIGALRM wakes the loop (a no-op
  // handler is installed if SIGALRM has none); a signal to deliver waits in
  // pending_signal meanwhile.
  void resume_at(Tracee& t, const timespec& deadline);
  // Hands back a wait status an observer collected while running its own
  // ptrace requests on a stopped tracee (e.g. it died during an injected
  // syscall); the loop handles it before it waits again.
  void requeue_status(pid_t tid, int status);

 private:
  void handle(pid_t tid, int status);
  void handle_syscall_stop(Tracee& t, bool from_seccomp);
  void handle_event(Tracee& t, const pt::WaitStatus& ws);
  void handle_signal(Tracee& t, int sig);
  void handle_step_trap(Tracee& t);      // kStep: a SIGTRAP that completes a step
  void handle_step_syscall(Tracee& t);   // kStep: PTRACE_SYSEMU stop at a syscall instruction
  void resume_in_syscall(Tracee& t);     // resume() from an event stop inside a syscall
  void handle_exit(Tracee& t, const pt::WaitStatus& ws);
  Tracee& adopt(pid_t tid, pid_t tgid, Tracee* parent);
  void remove(pid_t tid);
  // Children the engine follows only because they inherited the seccomp
  // filter (a RET_TRACE syscall without a tracer fails with ENOSYS) while
  // follow_forks is off: resumed with PTRACE_CONT at every stop, never shown
  // to observers, not counted by tracee_count().
  void handle_shadow(pid_t tid, int status);
  void add_shadow(pid_t tid);
  void detach_all();
  unsigned long ptrace_options(bool spawned) const;

  TracerOptions opts_;
  std::function<void()> idle_hook_;
  struct rusage last_rusage_ {};
  std::vector<Observer*> observers_;
  std::unordered_map<pid_t, std::unique_ptr<Tracee>> tracees_;
  std::unordered_set<pid_t> shadows_;  // see handle_shadow()
  bool attached_any_ = false;          // attach() was used: not every tracee has our filter
  pid_t main_pid_ = 0;
  int main_status_code_ = 0;
  int main_killed_sig_ = 0;
  bool main_core_ = false;
  bool main_done_ = false;
  // resume_at / requeue_status (tracer.cc).
  void resume_due();
  std::vector<pid_t> deferred_;
  std::vector<std::pair<pid_t, int>> requeued_;
  timer_t delay_timer_{};
  bool delay_timer_created_ = false;
};

}  // namespace syscope

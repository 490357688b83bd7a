// SPDX-License-Identifier: MIT
// The event loop: one blocking wait, then a WNOHANG drain so that a busy
// tracee cannot starve the others, then each stop is classified and
// dispatched to the observers, and the tracee resumed.
#include "syscope/tracer.h"

#include <linux/audit.h>
#include <sys/wait.h>

#include <csignal>
#include <cstring>

#include "syscope/syscall_table.h"
#include "tracer/proc.h"

namespace syscope {
namespace {

// The only mutable global of the engine: set from a signal handler.
volatile sig_atomic_t g_stop_signal = 0;

// SIGALRM handler for the delay timer when nobody installed one: it only
// has to interrupt the blocking wait.
void on_delay_alarm(int) {}

bool before(const timespec& a, const timespec& b) {
  return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

bool is_exec_nr(Abi abi, long nr) {
  const SyscallDesc* d = syscall_by_nr(abi, nr);
  return d && (std::strcmp(d->name, "execve") == 0 || std::strcmp(d->name, "execveat") == 0);
}

}  // namespace

Tracer::Tracer(TracerOptions opts) : opts_(std::move(opts)) {}
Tracer::~Tracer() {
  if (delay_timer_created_) timer_delete(delay_timer_);
}

void Tracer::request_stop(int sig) { g_stop_signal = sig ? sig : SIGTERM; }
int Tracer::stop_signal() { return g_stop_signal; }

Tracee* Tracer::find(pid_t tid) {
  auto it = tracees_.find(tid);
  return it == tracees_.end() ? nullptr : it->second.get();
}

Tracee& Tracer::adopt(pid_t tid, pid_t tgid, Tracee* parent) {
  auto t = std::make_unique<Tracee>(tid, tgid);
  if (parent) {
    t->hidden = parent->hidden;
    t->seccomp_filtered = parent->seccomp_filtered;
    t->mode = parent->mode == ResumeMode::kStep ? ResumeMode::kStep : ResumeMode::kSyscall;
  }
  Tracee& ref = *t;
  tracees_[tid] = std::move(t);
  for (Observer* o : observers_) o->on_new_tracee(ref, parent);
  return ref;
}

void Tracer::remove(pid_t tid) { tracees_.erase(tid); }

void Tracer::add_shadow(pid_t tid) {
  if (!find(tid)) shadows_.insert(tid);
}

void Tracer::handle_shadow(pid_t tid, int status) {
  pt::WaitStatus ws = pt::WaitStatus::classify(status);
  using K = pt::WaitStatus::Kind;
  int sig = 0;
  switch (ws.kind) {
    case K::kExited:
    case K::kKilled: shadows_.erase(tid); return;
    case K::kEventStop:
      if (ws.event == PTRACE_EVENT_FORK || ws.event == PTRACE_EVENT_VFORK || ws.event == PTRACE_EVENT_CLONE) {
        if (auto msg = pt::get_event_msg(tid)) add_shadow(static_cast<pid_t>(*msg));
      } else if (ws.event == PTRACE_EVENT_EXEC) {
        auto msg = pt::get_event_msg(tid);
        if (msg && static_cast<pid_t>(*msg) != tid) shadows_.erase(static_cast<pid_t>(*msg));
      }
      break;  // a seccomp stop: let the syscall run
    case K::kGroupStop:
      if (pt::listen(tid)) return;
      break;
    case K::kSignalStop: sig = ws.sig; break;
    default: break;  // first stop, LISTEN wake-up
  }
  (void)pt::resume_cont(tid, sig);
}

Result<void> Tracer::resume(Tracee& t, int sig) {
  if (t.deferred) {  // held by resume_at(); resume_due() resumes it
    if (sig) t.pending_signal = sig;
    return {};
  }
  if (!sig && t.pending_signal) {
    sig = t.pending_signal;
    t.pending_signal = 0;
  }
  Result<void> r;
  if (t.mode == ResumeMode::kStep && !t.in_syscall) {
    // Entering step mode inside a syscall: its exit report comes first.
    if (!t.stepping && t.stop_in_syscall) t.step_state = 3;
    // PTRACE_SYSEMU_SINGLESTEP stops before a syscall instruction runs
    // (handle_step_syscall); a rewound or running call is stepped plainly.
    r = t.step_state == 0 ? pt::resume_sysemu_singlestep(t.tid, sig) : pt::resume_singlestep(t.tid, sig);
    t.stepping = true;
    t.step_verify = sig != 0;
  } else if (t.in_syscall || (t.mode == ResumeMode::kSyscall && !t.seccomp_filtered &&
                              opts_.syscall_stops)) {
    r = pt::resume_syscall(t.tid, sig);
  } else {
    r = pt::resume_cont(t.tid, sig);
  }
  if (t.mode != ResumeMode::kStep || t.in_syscall) t.stepping = false, t.step_state = 0;
  // ESRCH: it died meanwhile; its exit status will come through wait.
  if (!r && r.error().gone()) return {};
  return r;
}

int Tracer::run() {
  struct Event {
    pid_t tid;
    int status;
    struct rusage ru;
  };
  std::vector<Event> batch;
  struct rusage ru {};
  struct rusage* rup = opts_.collect_rusage ? &ru : nullptr;
  while (!tracees_.empty() || !shadows_.empty()) {
    if (g_stop_signal) {
      detach_all();
      break;
    }
    if (!deferred_.empty()) resume_due();
    if (!requeued_.empty()) {
      auto q = std::move(requeued_);
      requeued_.clear();
      for (auto& [tid, st] : q) handle(tid, st);
      continue;
    }
    int status = 0;
    auto r = pt::wait_any(&status, false, rup);
    if (!r) {
      if (r.error().code == EINTR) {
        if (idle_hook_) idle_hook_();
        continue;
      }
      break;  // ECHILD: nothing left
    }
    batch.clear();
    batch.push_back({*r, status, ru});
    if (tracees_.size() + shadows_.size() > 1) {
      // Drain whatever else is ready, so that every tracee with a pending
      // stop is served once before anyone is served twice.
      for (;;) {
        auto more = pt::wait_any(&status, true, rup);
        if (!more || *more == 0) break;
        batch.push_back({*more, status, ru});
      }
    }
    for (auto& e : batch) {
      last_rusage_ = e.ru;
      handle(e.tid, e.status);
    }
  }
  if (main_killed_sig_) return 128 + main_killed_sig_;
  return main_status_code_;
}

void Tracer::requeue_status(pid_t tid, int status) { requeued_.emplace_back(tid, status); }

void Tracer::resume_at(Tracee& t, const timespec& deadline) {
  if (!t.deferred) deferred_.push_back(t.tid);
  t.deferred = true;
  t.resume_deadline = deadline;
  if (!delay_timer_created_) {
    struct sigaction old {};
    sigaction(SIGALRM, nullptr, &old);
    if (!(old.sa_flags & SA_SIGINFO) && (old.sa_handler == SIG_DFL || old.sa_handler == SIG_IGN)) {
      struct sigaction sa {};
      sa.sa_handler = on_delay_alarm;  // no SA_RESTART: the wait returns EINTR
      sigemptyset(&sa.sa_mask);
      sigaction(SIGALRM, &sa, nullptr);
    }
    sigevent ev{};
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGALRM;
    delay_timer_created_ = timer_create(CLOCK_MONOTONIC, &ev, &delay_timer_) == 0;
  }
  if (delay_timer_created_) {
    itimerspec cur{};
    timer_gettime(delay_timer_, &cur);
    timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    timespec armed{now.tv_sec + cur.it_value.tv_sec, now.tv_nsec + cur.it_value.tv_nsec};
    if (armed.tv_nsec >= 1000000000) {
      armed.tv_nsec -= 1000000000;
      ++armed.tv_sec;
    }
    bool idle = cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0;
    if (idle || before(deadline, armed)) {
      // Repeats every millisecond after the deadline until resume_due()
      // disarms it: a signal that lands just before the wait blocks is not lost.
      itimerspec its{{0, 1000000}, deadline};
      timer_settime(delay_timer_, TIMER_ABSTIME, &its, nullptr);
    }
  }
}

void Tracer::resume_due() {
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  std::vector<pid_t> due;
  timespec next{};
  bool have_next = false;
  std::erase_if(deferred_, [&](pid_t tid) {
    Tracee* t = find(tid);
    if (!t || !t->deferred) return true;
    if (!before(now, t->resume_deadline)) {
      due.push_back(tid);
      return true;
    }
    if (!have_next || before(t->resume_deadline, next)) next = t->resume_deadline;
    have_next = true;
    return false;
  });
  if (delay_timer_created_) {
    itimerspec its{};
    if (have_next) its = {{0, 1000000}, next};
    timer_settime(delay_timer_, have_next ? TIMER_ABSTIME : 0, &its, nullptr);
  }
  for (pid_t tid : due) {
    if (Tracee* t = find(tid)) {
      t->deferred = false;
      (void)resume(*t);
    }
  }
}

void Tracer::handle(pid_t tid, int status) {
  pt::WaitStatus ws = pt::WaitStatus::classify(status);
  Tracee* tp = find(tid);
  if (!tp) {
    if (shadows_.count(tid)) return handle_shadow(tid, status);
    if (ws.kind == pt::WaitStatus::Kind::kExited || ws.kind == pt::WaitStatus::Kind::kKilled)
      return;  // an untracked child (e.g. after detach) or a reaped leader
    // A new child whose stop arrived before its parent's clone event.
    // Without -f, children are only followed for our seccomp filter.
    if (!opts_.follow_forks) {
      add_shadow(tid);
      return handle_shadow(tid, status);
    }
    tp = &adopt(tid, proc::tgid_of(tid), nullptr);
    // Every tracee descends from the started command, which has the filter:
    // no need to wait for the parent's event to learn it (strace's gap).
    tp->seccomp_filtered = !opts_.seccomp_program.empty() && !attached_any_;
  }
  Tracee& t = *tp;
  using K = pt::WaitStatus::Kind;
  switch (ws.kind) {
    case K::kExited:
    case K::kKilled: handle_exit(t, ws); return;
    case K::kSyscallStop:
      if (t.mode == ResumeMode::kStep && t.stepping && t.step_state == 0) {
        handle_step_syscall(t);
        return;
      }
      handle_syscall_stop(t, false);
      return;
    case K::kEventStop: handle_event(t, ws); return;
    case K::kGroupStop:
      if (!t.seen_first_stop) {  // initial stop of an auto-attached child
        t.seen_first_stop = true;
        (void)resume(t);
        return;
      }
      t.group_stopped = true;
      if (!t.hidden)
        for (Observer* o : observers_) o->on_group_stop(t, ws.sig);
      // LISTEN keeps it stopped (job control works) but reports SIGCONT.
      if (auto lr = pt::listen(t.tid); !lr && !lr.error().gone()) (void)resume(t);
      return;
    case K::kInterruptStop:
      t.seen_first_stop = true;
      t.group_stopped = false;
      (void)resume(t);
      return;
    case K::kSignalStop:
      t.seen_first_stop = true;
      // Single-step fast path: a SIGTRAP after a plain step request is the
      // step's trap; no PTRACE_GETSIGINFO (it would cost ~10% of a step).
      if (ws.sig == SIGTRAP && t.mode == ResumeMode::kStep && t.stepping && !t.step_verify) {
        handle_step_trap(t);
        return;
      }
      handle_signal(t, ws.sig);
      return;
    case K::kContinued: return;
  }
}

void Tracer::handle_syscall_stop(Tracee& t, bool from_seccomp) {
  t.seen_first_stop = true;
  pt::SyscallInfo info{};
  auto r = pt::get_syscall_info(t.tid, &info);
  if (!r) {
    (void)resume(t);
    return;
  }
  Abi abi = info.arch == AUDIT_ARCH_I386 ? Abi::kI386 : Abi::kX86_64;
  if (info.op == PTRACE_SYSCALL_INFO_ENTRY || info.op == PTRACE_SYSCALL_INFO_SECCOMP) {
    if (from_seccomp) t.seccomp_filtered = true;
    if (t.in_syscall) {
      // A seccomp stop right after the entry stop of the same call (the
      // tracee was resumed with PTRACE_SYSCALL when it hit the filter).
      (void)resume(t);
      return;
    }
    SyscallStop s(t, true);
    s.abi = abi;
    s.from_seccomp = info.op == PTRACE_SYSCALL_INFO_SECCOMP;
    s.nr = static_cast<long>(s.from_seccomp ? info.seccomp.nr : info.entry.nr);
    const uint64_t* a = s.from_seccomp ? info.seccomp.args : info.entry.args;
    for (int i = 0; i < 6; ++i) s.args[i] = a[i];
    s.ip = info.instruction_pointer;
    s.sp = info.stack_pointer;
    t.in_syscall = true;
    t.last_nr = s.nr;
    t.last_abi = abi;
    for (int i = 0; i < 6; ++i) t.last_args[i] = s.args[i];
    const bool skip_exit = opts_.seccomp_skip_exit && s.from_seccomp;
    const bool exec = (t.hidden || skip_exit) && is_exec_nr(abi, s.nr);
    if (t.hidden && exec) t.hidden = false;
    if (!t.hidden)
      for (Observer* o : observers_) o->on_syscall_entry(s);
    // Entry-only observers (-c counting calls): no exit stop.
    if (skip_exit && !exec) t.in_syscall = false;
    (void)resume(t);
    return;
  }
  if (info.op == PTRACE_SYSCALL_INFO_EXIT) {
    if (!t.in_syscall) {  // exit without entry: attached mid-call
      (void)resume(t);
      return;
    }
    SyscallStop s(t, false);
    s.abi = t.last_abi;
    s.nr = t.last_nr;
    for (int i = 0; i < 6; ++i) s.args[i] = t.last_args[i];
    s.rval = info.exit.rval;
    s.is_error = info.exit.is_error;
    s.ip = info.instruction_pointer;
    s.sp = info.stack_pointer;
    t.in_syscall = false;
    if (s.rval == -516 /* ERESTART_RESTARTBLOCK */) t.interrupted_nr = s.nr;
    if (!t.hidden) {
      for (Observer* o : observers_) o->on_syscall_exit(s);
      // The started command's exec failed: hide its error report again.
      if (t.tid == main_pid_ && t.startup && s.is_error && is_exec_nr(s.abi, s.nr)) t.hidden = true;
    }
    if (t.startup && !s.is_error && is_exec_nr(s.abi, s.nr)) t.startup = false;
    (void)resume(t);
    return;
  }
  (void)resume(t);
}

void Tracer::handle_event(Tracee& t, const pt::WaitStatus& ws) {
  t.seen_first_stop = true;
  switch (ws.event) {
    case PTRACE_EVENT_SECCOMP: handle_syscall_stop(t, true); return;
    case PTRACE_EVENT_FORK:
    case PTRACE_EVENT_VFORK:
    case PTRACE_EVENT_CLONE: {
      auto msg = pt::get_event_msg(t.tid);
      if (msg && !opts_.follow_forks) {
        add_shadow(static_cast<pid_t>(*msg));
      } else if (msg) {
        pid_t child = static_cast<pid_t>(*msg);
        pid_t tgid = child;
        if (ws.event == PTRACE_EVENT_CLONE &&
            (proc::clone_makes_thread(t) ||
             // Resumed with PTRACE_CONT (a stepper running it at full speed):
             // the clone's arguments were not seen, ask /proc.
             (t.mode == ResumeMode::kCont && proc::tgid_of(child) == t.tgid)))
          tgid = t.tgid;
        if (Tracee* c = find(child)) {
          // Its first stop came first and it was adopted without a parent.
          c->tgid = tgid;
          c->hidden = t.hidden;
          c->seccomp_filtered = t.seccomp_filtered;
        } else {
          adopt(child, tgid, &t);
        }
      }
      resume_in_syscall(t);
      return;
    }
    case PTRACE_EVENT_EXEC: {
      auto msg = pt::get_event_msg(t.tid);
      pid_t former = msg ? static_cast<pid_t>(*msg) : t.tid;
      if (former != t.tid) shadows_.erase(former);
      Tracee* self = &t;
      if (former != t.tid) {
        // A non-leader thread exec'd: it now has the leader's pid and the old
        // leader is gone without an exit report.
        auto it = tracees_.find(former);
        if (it != tracees_.end()) {
          std::unique_ptr<Tracee> moved = std::move(it->second);
          tracees_.erase(it);
          for (Observer* o : observers_) o->on_vanish(t);
          auto leader = tracees_.find(t.tid);
          moved->tid = t.tid;
          std::unique_ptr<Tracee> old_leader = std::move(leader->second);
          leader->second = std::move(moved);
          self = leader->second.get();
        }
      }
      if (self->startup && !self->in_syscall) {
        // The started command's execve ran without a stop (our seccomp
        // filter lets it through when it is not traced): start-up ends here.
        self->hidden = false;
        self->startup = false;
      }
      self->mem.reset(self->tid);
      for (Observer* o : observers_) o->on_exec(*self, former);
      resume_in_syscall(*self);
      return;
    }
    default: resume_in_syscall(t); return;
  }
}

void Tracer::handle_signal(Tracee& t, int sig) {
  siginfo_t si{};
  int deliver = sig;
  bool have_info = static_cast<bool>(pt::get_siginfo(t.tid, &si));
  if (sig == SIGSYS && t.startup && t.hidden && have_info && si.si_code == SI_TKILL &&
      si.si_pid == t.tid) {
    // spawn's child runs without our seccomp filter (none, or it could not
    // be installed) and asks to be traced from here on (Tracer::spawn).
    t.seccomp_filtered = false;
    opts_.seccomp_program.clear();
    (void)resume(t);
    return;
  }
  if (sig == SIGTRAP && have_info && t.mode == ResumeMode::kStep && t.stepping) {
    if (si.si_code == TRAP_TRACE || si.si_code == TRAP_BRKPT) {
      handle_step_trap(t);
      return;
    }
    if (si.si_code == SIGTRAP) {
      // ptrace_notify() after a signal handler's frame was set up: the
      // tracee sits on the handler's first instruction, nothing ran.
      t.step_verify = false;
      for (Observer* o : observers_) (void)o->on_trap(t, si);
      (void)resume(t);
      return;
    }
  }
  if (sig == SIGTRAP && have_info) {
    bool swallowed = false;
    for (Observer* o : observers_) swallowed |= o->on_trap(t, si);
    if (swallowed) {
      (void)resume(t);
      return;
    }
  }
  if (!t.hidden && have_info)
    for (Observer* o : observers_) o->on_signal(t, si, &deliver);
  (void)resume(t, deliver);
}

void Tracer::handle_step_trap(Tracee& t) {
  switch (t.step_state) {
    case 1: t.step_state = 2; break;  // the skipped run of a rewound syscall
    case 3: t.step_state = 0; break;  // exit report of a syscall entered unstepped
    default:
      t.step_state = 0;
      for (Observer* o : observers_) o->on_step(t);
  }
  (void)resume(t);
}

void Tracer::handle_step_syscall(Tracee& t) {
  // PTRACE_SYSEMU_SINGLESTEP stopped at a syscall instruction and the kernel
  // will skip the call: rewind to the instruction and step it for real, so
  // that it runs once and completes with one report.
  t.seen_first_stop = true;
  user_regs_struct regs;
  if (!pt::get_regs(t.tid, &regs)) {
    (void)resume(t);
    return;
  }
  // What handle_syscall_stop records at an entry (clone_makes_thread reads it).
  bool compat = regs.cs == 0x23;
  t.last_abi = compat ? Abi::kI386 : Abi::kX86_64;
  t.last_nr = static_cast<long>(regs.orig_rax);
  const uint64_t a64[6] = {regs.rdi, regs.rsi, regs.rdx, regs.r10, regs.r8, regs.r9};
  const uint64_t a32[6] = {regs.rbx, regs.rcx, regs.rdx, regs.rsi, regs.rdi, regs.rbp};
  for (int i = 0; i < 6; ++i) t.last_args[i] = compat ? a32[i] : a64[i];
  for (Observer* o : observers_) o->on_step_syscall(t, regs);
  regs.rip -= 2;  // syscall, int 0x80 and sysenter are 2 bytes long
  regs.rax = regs.orig_rax;
  if (pt::set_regs(t.tid, regs)) t.step_state = 1;
  (void)resume(t);
}

void Tracer::resume_in_syscall(Tracee& t) {
  t.stop_in_syscall = true;
  (void)resume(t);
  t.stop_in_syscall = false;
}

void Tracer::handle_exit(Tracee& t, const pt::WaitStatus& ws) {
  if (!t.hidden || t.tid == main_pid_)
    for (Observer* o : observers_) o->on_exit(t, ws);
  if (t.tid == main_pid_) {
    main_done_ = true;
    if (ws.kind == pt::WaitStatus::Kind::kKilled) {
      main_killed_sig_ = ws.sig;
      main_core_ = ws.core_dumped;
    } else {
      main_status_code_ = ws.sig;
    }
  }
  remove(t.tid);
}

}  // namespace syscope

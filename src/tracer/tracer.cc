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

bool is_exec_nr(Abi abi, long nr) {
  const SyscallDesc* d = syscall_by_nr(abi, nr);
  return d && (std::strcmp(d->name, "execve") == 0 || std::strcmp(d->name, "execveat") == 0);
}

}  // namespace

Tracer::Tracer(TracerOptions opts) : opts_(std::move(opts)) {}
Tracer::~Tracer() = default;

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

Result<void> Tracer::resume(Tracee& t, int sig) {
  Result<void> r;
  if (t.mode == ResumeMode::kStep && !t.in_syscall) {
    r = pt::resume_singlestep(t.tid, sig);
  } else if (t.in_syscall || (t.mode == ResumeMode::kSyscall && !t.seccomp_filtered &&
                              opts_.syscall_stops)) {
    r = pt::resume_syscall(t.tid, sig);
  } else {
    r = pt::resume_cont(t.tid, sig);
  }
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
  while (!tracees_.empty()) {
    if (g_stop_signal) {
      detach_all();
      break;
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
    if (tracees_.size() > 1) {
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

void Tracer::handle(pid_t tid, int status) {
  pt::WaitStatus ws = pt::WaitStatus::classify(status);
  Tracee* tp = find(tid);
  if (!tp) {
    if (ws.kind == pt::WaitStatus::Kind::kExited || ws.kind == pt::WaitStatus::Kind::kKilled)
      return;  // an untracked child (e.g. after detach) or a reaped leader
    // A new child whose stop arrived before its parent's clone event.
    tp = &adopt(tid, proc::tgid_of(tid), nullptr);
  }
  Tracee& t = *tp;
  using K = pt::WaitStatus::Kind;
  switch (ws.kind) {
    case K::kExited:
    case K::kKilled: handle_exit(t, ws); return;
    case K::kSyscallStop: handle_syscall_stop(t, false); return;
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
    if (t.hidden && is_exec_nr(abi, s.nr)) t.hidden = false;
    if (!t.hidden)
      for (Observer* o : observers_) o->on_syscall_entry(s);
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
    if (!t.hidden) {
      for (Observer* o : observers_) o->on_syscall_exit(s);
      // The started command's exec failed: hide its error report again.
      if (t.tid == main_pid_ && t.startup && s.is_error && is_exec_nr(s.abi, s.nr)) t.hidden = true;
    }
    if (!s.is_error && is_exec_nr(s.abi, s.nr)) t.startup = false;
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
      if (msg) {
        pid_t child = static_cast<pid_t>(*msg);
        pid_t tgid = child;
        if (ws.event == PTRACE_EVENT_CLONE && proc::clone_makes_thread(t)) tgid = t.tgid;
        if (Tracee* c = find(child)) {
          // Its first stop came first and it was adopted without a parent.
          c->tgid = tgid;
          c->hidden = t.hidden;
          c->seccomp_filtered = t.seccomp_filtered;
        } else {
          adopt(child, tgid, &t);
        }
      }
      (void)resume(t);
      return;
    }
    case PTRACE_EVENT_EXEC: {
      auto msg = pt::get_event_msg(t.tid);
      pid_t former = msg ? static_cast<pid_t>(*msg) : t.tid;
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
      self->mem.reset(self->tid);
      for (Observer* o : observers_) o->on_exec(*self, former);
      (void)resume(*self);
      return;
    }
    default: (void)resume(t); return;
  }
}

void Tracer::handle_signal(Tracee& t, int sig) {
  siginfo_t si{};
  int deliver = sig;
  bool have_info = static_cast<bool>(pt::get_siginfo(t.tid, &si));
  if (sig == SIGTRAP && have_info && t.mode == ResumeMode::kStep) {
    if (si.si_code == TRAP_TRACE || si.si_code == TRAP_BRKPT) {
      for (Observer* o : observers_) o->on_step(t);
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

// SPDX-License-Identifier: MIT
// Starting a command under trace, attaching to running processes, and
// detaching from everything on request.
#include <fcntl.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "syscope/tracer.h"
#include "tracer/proc.h"

extern char** environ;

namespace syscope {

namespace {

// Whether a SIGTRAP waits in the thread's own queue (/proc/TID/status
// SigPnd): a step or breakpoint trap queued behind the stop detach_all got.
bool sigtrap_pending(pid_t tid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/status", tid);
  FILE* f = fopen(path, "re");
  if (!f) return false;
  char line[256];
  unsigned long long mask = 0;
  while (fgets(line, sizeof line, f))
    if (std::strncmp(line, "SigPnd:", 7) == 0) mask = strtoull(line + 7, nullptr, 16);
  fclose(f);
  return mask & (1ull << (SIGTRAP - 1));
}

}  // namespace

unsigned long Tracer::ptrace_options(bool spawned) const {
  unsigned long o = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC;
  if (opts_.follow_forks) o |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
  // Children inherit the filter and need a tracer for its RET_TRACE: without
  // -f they are followed silently (handle_shadow).
  if (spawned && !opts_.seccomp_program.empty())
    o |= PTRACE_O_TRACESECCOMP | PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
  if (spawned && (opts_.kill_on_exit || !opts_.seccomp_program.empty())) o |= PTRACE_O_EXITKILL;
  return o;
}

Result<pid_t> Tracer::spawn(const std::string& path, const std::vector<std::string>& argv) {
  // Everything the child needs is prepared before fork: after fork it only
  // makes async-signal-safe calls.
  std::vector<char*> cargv;
  for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  std::vector<char*> cenv;
  if (!opts_.env.empty()) {
    for (const auto& e : opts_.env) cenv.push_back(const_cast<char*>(e.c_str()));
    cenv.push_back(nullptr);
  }
  char** envp = opts_.env.empty() ? environ : cenv.data();
  sock_fprog prog{static_cast<unsigned short>(opts_.seccomp_program.size()),
                  const_cast<sock_filter*>(opts_.seccomp_program.data())};
  bool with_filter = !opts_.seccomp_program.empty();

  int go[2];
  if (pipe2(go, O_CLOEXEC) < 0) return make_error(errno, "pipe2");
  pid_t pid = fork();
  if (pid < 0) return make_error(errno, "fork");
  if (pid == 0) {
    close(go[1]);
    char c;
    // Wait until the tracer has seized us. A seized tracee that has not
    // stopped yet runs as if resumed with PTRACE_CONT: nothing of ours
    // stops until the marker below or, with the filter, execve itself.
    while (read(go[0], &c, 1) < 0 && errno == EINTR) {
    }
    close(go[0]);
    bool filtered = false;
    if (with_filter) {
      filtered = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0;
      if (!filtered) {
        prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
        filtered = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0;
      }
    }
    // No filter (none asked for, or it failed): one stop so the tracer
    // resumes us with PTRACE_SYSCALL and sees execve (handle_signal). A
    // blocked SIGSYS would never stop us: unblock it for the marker only,
    // so the command still inherits the caller's signal mask.
    if (!filtered) {
      sigset_t sys, old;
      sigemptyset(&sys);
      sigaddset(&sys, SIGSYS);
      sigprocmask(SIG_UNBLOCK, &sys, &old);
      raise(SIGSYS);
      if (sigismember(&old, SIGSYS)) sigprocmask(SIG_SETMASK, &old, nullptr);
    }
    execve(path.c_str(), cargv.data(), envp);
    int e = errno;
    const char* msg = strerror(e);
    (void)!write(2, "syscope: exec: ", 15);
    (void)!write(2, msg, strlen(msg));
    (void)!write(2, "\n", 1);
    _exit(1);
  }
  close(go[0]);
  auto fail = [&](const Error& e) -> Result<pid_t> {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    close(go[1]);
    return std::unexpected(e);
  };
  // No PTRACE_INTERRUPT and no wait: the child is blocked in read() and
  // its first stop is the marker or the filter's execve stop (start-up cost).
  if (auto r = pt::seize(pid, ptrace_options(true)); !r) return fail(r.error());
  Tracee& t = adopt(pid, pid, nullptr);
  t.hidden = true;
  t.startup = true;
  t.seen_first_stop = true;
  t.seccomp_filtered = with_filter;
  main_pid_ = pid;
  (void)!write(go[1], "g", 1);
  close(go[1]);
  return pid;
}

Result<std::vector<pid_t>> Tracer::attach(pid_t pid, bool all_threads) {
  std::vector<pid_t> tids;
  if (all_threads) tids = proc::threads_of(pid);
  if (tids.empty()) tids.push_back(pid);
  // The given pid first, so that its failure is the one reported.
  for (size_t i = 0; i < tids.size(); ++i)
    if (tids[i] == pid && i) std::swap(tids[0], tids[i]);
  std::vector<pid_t> done;
  for (pid_t tid : tids) {
    if (find(tid)) continue;
    auto r = pt::seize(tid, ptrace_options(false));
    if (!r) {
      if (tid == pid) return std::unexpected(r.error());
      continue;  // a thread that exited meanwhile
    }
    long blocked_in = proc::current_syscall(tid);
    (void)pt::interrupt(tid);
    Tracee& t = adopt(tid, pid, nullptr);
    t.attached = true;
    attached_any_ = true;
    t.interrupted_nr = blocked_in;
    done.push_back(tid);
  }
  return done;
}

void Tracer::detach_all() {
  // Every tracee is running (we resume each after its stop) or listening in
  // group-stop: interrupt each, wait for the stop, then detach, re-injecting a
  // signal that was about to be delivered.
  // Like strace: the started command gets the signal that stopped us (it
  // would have got a terminal's ^C anyway); attached processes are only
  // detached.
  if (main_pid_ && find(main_pid_) && stop_signal()) {
    kill(main_pid_, SIGCONT);
    kill(main_pid_, stop_signal());
  }
  // Children followed only for the filter carry it too.
  for (pid_t tid : shadows_) kill(tid, SIGKILL);
  shadows_.clear();
  std::vector<pid_t> tids, held;
  for (auto& [tid, t] : tracees_) {
    bool kill_it = !t->attached && t->seccomp_filtered;
    if (kill_it) {
      // Our seccomp filter stays in the process: without a tracer its
      // traced syscalls would fail with ENOSYS. Kill rather than harm.
      kill(t->tgid, SIGKILL);
      continue;
    }
    if (t->deferred) {
      held.push_back(tid);  // already stopped (resume_at): no new stop will come
      continue;
    }
    if (pt::interrupt(tid)) tids.push_back(tid);
  }
  for (pid_t tid : held) {
    Tracee* t = find(tid);
    for (Observer* o : observers_) o->on_detaching(*t, &t->pending_signal);
    (void)pt::detach(tid, t->pending_signal);
    for (Observer* o : observers_) o->on_detach(*t);
    remove(tid);
  }
  size_t pending = tids.size();
  while (pending > 0) {
    int status = 0;
    auto r = pt::wait_any(&status, false);
    if (!r) {
      if (r.error().code == EINTR) continue;
      break;
    }
    Tracee* t = find(*r);
    if (!t) continue;
    pt::WaitStatus ws = pt::WaitStatus::classify(status);
    using K = pt::WaitStatus::Kind;
    if (ws.kind == K::kExited || ws.kind == K::kKilled) {
      handle_exit(*t, ws);
      --pending;
      continue;
    }
    int sig = ws.kind == K::kSignalStop ? ws.sig : 0;
    if (!t->seccomp_filtered || t->attached) {
      if (ws.kind != K::kSignalStop && sigtrap_pending(t->tid)) {
        // A trap of a single-step or breakpoint is queued behind this stop
        // (the interrupt won): take it as a signal-delivery-stop first, so
        // that it is not delivered to the detached thread.
        if (pt::resume_cont(t->tid, 0)) continue;
      }
      if (t->mode == ResumeMode::kStep && t->stepping) {
        siginfo_t si{};
        user_regs_struct regs;
        if (ws.kind == K::kSyscallStop && t->step_state == 0 && pt::get_regs(t->tid, &regs)) {
          // A PTRACE_SYSEMU stop: undo the skip, the call runs once detached.
          regs.rip -= 2;
          regs.rax = regs.orig_rax;
          (void)pt::set_regs(t->tid, regs);
        } else if (sig == SIGTRAP && pt::get_siginfo(t->tid, &si) &&
                   (si.si_code == TRAP_TRACE || si.si_code == TRAP_BRKPT || si.si_code == SIGTRAP)) {
          sig = 0;  // our own step trap
        }
      }
      for (Observer* o : observers_) o->on_detaching(*t, &sig);
      (void)pt::detach(t->tid, sig);
      for (Observer* o : observers_) o->on_detach(*t);
      remove(t->tid);
      --pending;
    }
  }
}

Result<void> SyscallStop::set_nr(long value) {
  auto r = pt::poke_user(tracee.tid, SYSCOPE_USER_REG_OFFSET(orig_rax), value);
  if (r) nr = value;
  return r;
}

Result<void> SyscallStop::set_arg(int i, uint64_t value) {
  static const size_t k64[6] = {SYSCOPE_USER_REG_OFFSET(rdi), SYSCOPE_USER_REG_OFFSET(rsi),
                                SYSCOPE_USER_REG_OFFSET(rdx), SYSCOPE_USER_REG_OFFSET(r10),
                                SYSCOPE_USER_REG_OFFSET(r8),  SYSCOPE_USER_REG_OFFSET(r9)};
  static const size_t k32[6] = {SYSCOPE_USER_REG_OFFSET(rbx), SYSCOPE_USER_REG_OFFSET(rcx),
                                SYSCOPE_USER_REG_OFFSET(rdx), SYSCOPE_USER_REG_OFFSET(rsi),
                                SYSCOPE_USER_REG_OFFSET(rdi), SYSCOPE_USER_REG_OFFSET(rbp)};
  if (i < 0 || i > 5) return make_error(EINVAL, "set_arg");
  size_t off = abi == Abi::kI386 ? k32[i] : k64[i];
  auto r = pt::poke_user(tracee.tid, off, static_cast<long>(value));
  if (r) args[i] = value;
  return r;
}

Result<void> SyscallStop::set_return(int64_t value) {
  auto r = pt::poke_user(tracee.tid, SYSCOPE_USER_REG_OFFSET(rax), value);
  if (r) rval = value;
  return r;
}

}  // namespace syscope

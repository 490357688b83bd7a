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
#include <cstring>

#include "syscope/tracer.h"
#include "tracer/proc.h"

extern char** environ;

namespace syscope {

unsigned long Tracer::ptrace_options(bool spawned) const {
  unsigned long o = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC;
  if (opts_.follow_forks) o |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
  if (spawned && !opts_.seccomp_program.empty()) o |= PTRACE_O_TRACESECCOMP;
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
    // Wait until the tracer has seized us: from here on every syscall of
    // ours is seen (and hidden until execve).
    while (read(go[0], &c, 1) < 0 && errno == EINTR) {
    }
    close(go[0]);
    if (with_filter) {
      if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
        prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
        syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
      }
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
  if (auto r = pt::seize(pid, ptrace_options(true)); !r) return fail(r.error());
  if (auto r = pt::interrupt(pid); !r) return fail(r.error());
  int status = 0;
  if (auto r = pt::wait_tid(pid, &status, false); !r) return fail(r.error());
  Tracee& t = adopt(pid, pid, nullptr);
  t.hidden = true;
  t.startup = true;
  t.seen_first_stop = true;
  t.seccomp_filtered = with_filter;
  main_pid_ = pid;
  (void)resume(t);
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
    (void)pt::interrupt(tid);
    Tracee& t = adopt(tid, pid, nullptr);
    t.attached = true;
    done.push_back(tid);
  }
  return done;
}

void Tracer::detach_all() {
  // Every tracee is running (we resume each after its stop) or listening in
  // group-stop: interrupt each, wait for the stop, then detach, re-injecting a
  // signal that was about to be delivered.
  std::vector<pid_t> tids;
  for (auto& [tid, t] : tracees_) {
    bool kill_it = !t->attached && t->seccomp_filtered;
    if (kill_it) {
      // Our seccomp filter stays in the process: without a tracer its
      // traced syscalls would fail with ENOSYS. Kill rather than harm.
      kill(t->tgid, SIGKILL);
      continue;
    }
    if (pt::interrupt(tid)) tids.push_back(tid);
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

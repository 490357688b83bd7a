// SPDX-License-Identifier: MIT
#include "tamper/remote.h"

#include <sys/mman.h>
#include <sys/ptrace.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>

namespace syscope::tamper {

Range main_stack_of(pid_t tid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/maps", tid);
  FILE* f = fopen(path, "re");
  if (!f) return {};
  Range r;
  char line[512];
  while (fgets(line, sizeof line, f)) {
    size_t n = strlen(line);
    if (n < 8 || std::strstr(line, "[stack]") == nullptr) continue;
    unsigned long long lo = 0, hi = 0;
    if (sscanf(line, "%llx-%llx", &lo, &hi) == 2) {
      r = {lo, hi};
      break;
    }
  }
  fclose(f);
  return r;
}

namespace {

// PTRACE_GETSIGMASK / PTRACE_SETSIGMASK have no pt:: wrapper yet.
bool get_sigmask(pid_t tid, uint64_t* mask) {
  return ptrace(static_cast<__ptrace_request>(PTRACE_GETSIGMASK), tid, sizeof *mask, mask) == 0;
}
void set_sigmask(pid_t tid, uint64_t mask) {
  (void)ptrace(static_cast<__ptrace_request>(PTRACE_SETSIGMASK), tid, sizeof mask, &mask);
}

// Resumes to the next syscall stop of kind `op` (PTRACE_SYSCALL_INFO_ENTRY
// or _EXIT), absorbing what may come in between.
Result<pt::SyscallInfo> run_to(Tracer& tracer, Tracee& t, uint8_t op, int* stop_sig) {
  if (auto r = pt::resume_syscall(t.tid, 0); !r) return std::unexpected(r.error());
  for (;;) {
    int status = 0;
    auto w = pt::wait_tid(t.tid, &status, false);
    if (!w) {
      if (w.error().code == EINTR) continue;
      return std::unexpected(w.error());
    }
    pt::WaitStatus ws = pt::WaitStatus::classify(status);
    using K = pt::WaitStatus::Kind;
    switch (ws.kind) {
      case K::kSyscallStop: {
        pt::SyscallInfo info{};
        if (auto r = pt::get_syscall_info(t.tid, &info); !r) return std::unexpected(r.error());
        if (info.op == op) return info;
        break;
      }
      case K::kSignalStop:
        // Only SIGSTOP (unblockable) can get here: send it again later.
        *stop_sig = ws.sig;
        break;
      case K::kEventStop:
        if (ws.event == PTRACE_EVENT_SECCOMP) break;
        [[fallthrough]];
      case K::kExited:
      case K::kKilled:
        // Gone, or a sibling's exec took over this tid: the engine's business.
        tracer.requeue_status(t.tid, status);
        return make_error(ESRCH, "injected mmap");
      default: break;  // group-stop or interrupt stop: go on
    }
    if (auto r = pt::resume_syscall(t.tid, 0); !r) return std::unexpected(r.error());
  }
}

}  // namespace

Result<uint64_t> remote_mmap_page(Tracer& tracer, Tracee& t, Abi abi) {
  user_regs_struct saved{};
  if (auto r = pt::get_regs(t.tid, &saved); !r) return std::unexpected(r.error());
  uint64_t oldmask = 0;
  bool masked = get_sigmask(t.tid, &oldmask);
  if (masked) set_sigmask(t.tid, ~0ull);

  user_regs_struct r = saved;
  const unsigned long long prot = PROT_READ | PROT_WRITE, flags = MAP_PRIVATE | MAP_ANONYMOUS;
  if (abi == Abi::kX86_64) {
    r.orig_rax = 9;  // mmap
    r.rdi = 0;
    r.rsi = 4096;
    r.rdx = prot;
    r.r10 = flags;
    r.r8 = ~0ull;
    r.r9 = 0;
  } else {
    r.orig_rax = 192;  // mmap2
    r.rbx = 0;
    r.rcx = 4096;
    r.rdx = prot;
    r.rsi = flags;
    r.rdi = 0xffffffffu;
    r.rbp = 0;
  }
  int stop_sig = 0;
  if (auto sr = pt::set_regs(t.tid, r); !sr) {
    if (masked) set_sigmask(t.tid, oldmask);
    return std::unexpected(sr.error());
  }
  auto exit_info = run_to(tracer, t, PTRACE_SYSCALL_INFO_EXIT, &stop_sig);
  if (!exit_info) return std::unexpected(exit_info.error());
  int64_t addr = exit_info->exit.rval;
  bool failed = exit_info->exit.is_error;

  // Back to the syscall instruction with the call's registers: it enters
  // the same call again.
  user_regs_struct back = saved;
  back.rip -= 2;
  back.rax = saved.orig_rax;
  back.orig_rax = ~0ull;
  if (auto sr = pt::set_regs(t.tid, back); !sr) return std::unexpected(sr.error());
  auto entry_info = run_to(tracer, t, PTRACE_SYSCALL_INFO_ENTRY, &stop_sig);
  if (!entry_info) return std::unexpected(entry_info.error());
  if (masked) set_sigmask(t.tid, oldmask);
  if (stop_sig && !t.pending_signal) t.pending_signal = stop_sig;
  if (failed) return make_error(static_cast<int>(-addr), "injected mmap");
  return static_cast<uint64_t>(addr);
}

}  // namespace syscope::tamper

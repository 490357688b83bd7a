// SPDX-License-Identifier: MIT
#include "syscope/process.h"

#include <dirent.h>
#include <elf.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "syscope/ptrace.h"

namespace syscope {
namespace {

// Every attached thread has a slot here so that a signal handler can detach
// it without touching Process objects (async-signal-safe: atomics only).
struct Slot {
  std::atomic<pid_t> tid{0};
  std::atomic<int> sig{0};      // signal to re-inject on detach
  std::atomic<int> running{0};  // not in a ptrace-stop: interrupt first
};
constexpr int kSlots = 4096;
Slot g_slots[kSlots];
void (*g_on_signal)(int) = nullptr;

int slot_acquire(pid_t tid) {
  for (int i = 0; i < kSlots; ++i) {
    pid_t expected = 0;
    if (g_slots[i].tid.compare_exchange_strong(expected, tid)) {
      g_slots[i].sig = 0;
      g_slots[i].running = 1;
      return i;
    }
  }
  return -1;  // more than kSlots threads: the kernel still detaches them when we exit
}

void slot_release(int slot) {
  if (slot >= 0) g_slots[slot].tid = 0;
}

int signal_of_stop(int st) {
  bool signal_stop = (st >> 16) == 0 && WSTOPSIG(st) != (SIGTRAP | 0x80);
  return signal_stop ? WSTOPSIG(st) : 0;
}

void emergency_detach(int sig) {
  int saved_errno = errno;
  for (auto& s : g_slots) {
    pid_t tid = s.tid.load();
    if (tid == 0) continue;
    int deliver = s.sig.load();
    if (s.running.load()) {
      // The table may lag behind the main code by one stop: a stop may be
      // waiting to be reaped, or reaped but not recorded yet. Only a thread
      // that PTRACE_DETACH refuses (ESRCH: not stopped) is really running.
      int st = 0;
      pid_t r;
      while ((r = waitpid(tid, &st, __WALL | WNOHANG)) < 0 && errno == EINTR) {
      }
      if (r == tid && !WIFSTOPPED(st)) {
        s.tid = 0;
        continue;
      }
      if (r == tid) {
        deliver = signal_of_stop(st);
      } else if (ptrace(PTRACE_DETACH, tid, 0, deliver) == 0) {
        s.tid = 0;
        continue;
      } else {
        ptrace(PTRACE_INTERRUPT, tid, 0, 0);
        while ((r = waitpid(tid, &st, __WALL)) < 0 && errno == EINTR) {
        }
        if (r != tid || !WIFSTOPPED(st)) {
          s.tid = 0;
          continue;
        }
        deliver = signal_of_stop(st);
      }
    }
    ptrace(PTRACE_DETACH, tid, 0, deliver);
    s.tid = 0;
  }
  if (g_on_signal) g_on_signal(sig);
  errno = saved_errno;
  _exit(128 + sig);
}

Result<pid_t> status_field(pid_t pid, const char* key) {
  std::string path = "/proc/" + std::to_string(pid) + "/status";
  FILE* f = fopen(path.c_str(), "re");
  if (!f) return make_error(errno == ENOENT ? ESRCH : errno, "open " + path);
  char line[256];
  size_t klen = strlen(key);
  long v = -1;
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, key, klen) == 0 && line[klen] == ':') {
      v = strtol(line + klen + 1, nullptr, 10);
      break;
    }
  }
  fclose(f);
  if (v < 0) return make_error(ESRCH, "read " + path);
  return static_cast<pid_t>(v);
}

std::vector<pid_t> list_tasks(pid_t tgid) {
  std::vector<pid_t> tids;
  std::string path = "/proc/" + std::to_string(tgid) + "/task";
  DIR* d = opendir(path.c_str());
  if (!d) return tids;
  while (dirent* e = readdir(d)) {
    char* end;
    long t = strtol(e->d_name, &end, 10);
    if (*end == 0 && t > 0) tids.push_back(static_cast<pid_t>(t));
  }
  closedir(d);
  return tids;
}

}  // namespace

const char* thread_state_name(ThreadState s) {
  switch (s) {
    case ThreadState::kRunning: return "running";
    case ThreadState::kInterrupted: return "interrupted";
    case ThreadState::kGroupStop: return "group-stop";
    case ThreadState::kSignal: return "signal-stop";
    case ThreadState::kSyscall: return "syscall-stop";
    case ThreadState::kEvent: return "event-stop";
    case ThreadState::kExited: return "exited";
  }
  return "?";
}

Result<pid_t> thread_group_of(pid_t tid) { return status_field(tid, "Tgid"); }
Result<pid_t> tracer_of(pid_t pid) { return status_field(pid, "TracerPid"); }

void install_detach_on_signals(void (*on_signal)(int)) {
  g_on_signal = on_signal;
  struct sigaction sa {};
  sa.sa_handler = emergency_detach;
  sigfillset(&sa.sa_mask);
  for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaction(s, &sa, nullptr);
}

// ---------------------------------------------------------------------------
// Thread

Thread::Thread(pid_t tid) : tid_(tid), slot_(slot_acquire(tid)) {}

Thread::~Thread() { slot_release(slot_); }

void Thread::sync_slot() {
  if (slot_ < 0) return;
  g_slots[slot_].sig = state_ == ThreadState::kSignal ? sig_ : 0;
  g_slots[slot_].running = state_ == ThreadState::kRunning ? 1 : 0;
}

void Thread::set_state(ThreadState s, int sig) {
  state_ = s;
  sig_ = sig;
  if (s == ThreadState::kExited) {
    slot_release(slot_);
    slot_ = -1;
  }
  sync_slot();
}

Result<Registers> Thread::registers() const {
  Registers r;
  if (auto e = pt::get_regs(tid_, &r.raw); !e) return std::unexpected(e.error());
  return r;
}

Result<void> Thread::set_registers(const Registers& r) { return pt::set_regs(tid_, r.raw); }

Result<FpRegisters> Thread::fp_registers() const {
  FpRegisters r;
  if (auto e = pt::get_fpregs(tid_, &r.raw); !e) return std::unexpected(e.error());
  return r;
}

Result<void> Thread::set_fp_registers(const FpRegisters& r) { return pt::set_fpregs(tid_, r.raw); }

Result<ExtendedState> Thread::extended_state() const {
  ExtendedState x;
  x.raw.resize(16384);  // larger than any XSAVE area (AMX tiles included: ~11 KiB)
  auto n = pt::get_regset(tid_, NT_X86_XSTATE, x.raw.data(), x.raw.size());
  if (!n) return std::unexpected(n.error());
  x.raw.resize(*n);
  return x;
}

Result<void> Thread::set_extended_state(const ExtendedState& x) {
  return pt::set_regset(tid_, NT_X86_XSTATE, x.raw.data(), x.raw.size());
}

Result<uint64_t> Thread::debug_register(int n) const {
  if (n < 0 || n > 7) return make_error(EINVAL, "debug register " + std::to_string(n));
  auto v = pt::peek_user(tid_, debug_reg_offset(n));
  if (!v) return std::unexpected(v.error());
  return static_cast<uint64_t>(*v);
}

Result<void> Thread::set_debug_register(int n, uint64_t value) {
  if (n < 0 || n > 7) return make_error(EINVAL, "debug register " + std::to_string(n));
  return pt::poke_user(tid_, debug_reg_offset(n), static_cast<long>(value));
}

Result<siginfo_t> Thread::siginfo() const {
  siginfo_t si{};
  if (auto e = pt::get_siginfo(tid_, &si); !e) return std::unexpected(e.error());
  return si;
}

Result<void> Thread::resumed(Result<void> r) {
  if (r) set_state(ThreadState::kRunning, 0);
  return r;
}

Result<void> Thread::cont() {
  return resumed(pt::resume_cont(tid_, state_ == ThreadState::kSignal ? sig_ : 0));
}

Result<void> Thread::step() {
  return resumed(pt::resume_singlestep(tid_, state_ == ThreadState::kSignal ? sig_ : 0));
}

Result<void> Thread::resume_syscall() {
  return resumed(pt::resume_syscall(tid_, state_ == ThreadState::kSignal ? sig_ : 0));
}

Result<void> Thread::interrupt() { return pt::interrupt(tid_); }

Result<ThreadState> Thread::wait() {
  if (state_ != ThreadState::kRunning) return state_;
  int status = 0;
  auto r = pt::wait_tid(tid_, &status, false);
  while (!r && r.error().code == EINTR) r = pt::wait_tid(tid_, &status, false);
  if (!r) return std::unexpected(r.error());
  auto ws = pt::WaitStatus::classify(status);
  using K = pt::WaitStatus::Kind;
  switch (ws.kind) {
    case K::kExited:
    case K::kKilled:
      exit_status_ = status;
      set_state(ThreadState::kExited, 0);
      break;
    case K::kSyscallStop: set_state(ThreadState::kSyscall, 0); break;
    case K::kEventStop: set_state(ThreadState::kEvent, ws.sig); break;
    case K::kGroupStop: set_state(ThreadState::kGroupStop, ws.sig); break;
    case K::kInterruptStop: set_state(ThreadState::kInterrupted, 0); break;
    case K::kSignalStop: set_state(ThreadState::kSignal, ws.sig); break;
    case K::kContinued: break;
  }
  return state_;
}

// ---------------------------------------------------------------------------
// Process

Process::Process(pid_t tgid, pid_t first) : tgid_(tgid), mem_(first) {}

Process::~Process() { (void)detach(); }

Thread* Process::thread(pid_t tid) {
  for (auto& t : threads_)
    if (t->tid() == tid) return t.get();
  return nullptr;
}

Result<void> Process::seize_one(pid_t tid) {
  if (auto r = pt::seize(tid, 0); !r) return r;
  threads_.push_back(std::unique_ptr<Thread>(new Thread(tid)));
  // A failed interrupt means the thread is exiting; wait() sees its exit.
  (void)pt::interrupt(tid);
  return {};
}

Result<std::unique_ptr<Process>> Process::attach(pid_t pid, const AttachOptions& opts) {
  if (pid <= 0) return make_error(ESRCH, "attach " + std::to_string(pid));
  auto tgid = thread_group_of(pid);
  if (!tgid) return std::unexpected(tgid.error());
  std::unique_ptr<Process> p(new Process(*tgid, pid));
  if (auto r = p->seize_one(pid); !r) {
    p->attached_ = false;
    return std::unexpected(r.error());
  }
  if (opts.all_threads) {
    // Threads may be created while we attach: repeat until a pass over
    // /proc/PID/task finds nothing new (the seized ones cannot clone).
    for (bool added = true; added;) {
      added = false;
      for (pid_t tid : list_tasks(*tgid)) {
        if (p->thread(tid)) continue;
        if (auto r = p->seize_one(tid); r) {
          added = true;
        } else if (!r.error().gone()) {
          return std::unexpected(r.error());  // ~Process detaches the others
        }
      }
    }
  }
  for (auto& t : p->threads_) {
    if (auto s = t->wait(); !s) return std::unexpected(s.error());
  }
  if (p->threads_.front()->state() == ThreadState::kExited)
    return make_error(ESRCH, "attach " + std::to_string(pid) + ": exited");
  std::erase_if(p->threads_, [](const auto& t) { return t->state() == ThreadState::kExited; });
  return p;
}

Result<void> Process::detach() {
  if (!attached_) return {};
  attached_ = false;
  std::optional<Error> first;
  for (auto& t : threads_) {
    if (t->state() == ThreadState::kExited) continue;
    if (t->state() == ThreadState::kRunning) {
      if (auto r = t->interrupt(); !r && !r.error().gone()) {
        if (!first) first = r.error();
        continue;
      }
      if (auto s = t->wait(); !s || *s == ThreadState::kExited) continue;
    }
    int sig = t->state() == ThreadState::kSignal ? t->signal() : 0;
    if (auto r = pt::detach(t->tid(), sig); !r && !r.error().gone() && !first) first = r.error();
    slot_release(t->slot_);
    t->slot_ = -1;
    t->state_ = ThreadState::kRunning;
  }
  if (first) return std::unexpected(*first);
  return {};
}

}  // namespace syscope

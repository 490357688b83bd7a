// SPDX-License-Identifier: MIT
// The Tamper observer: per-thread state of the call being tampered with,
// the changes undone at exit, scratch memory for path arguments, marks.
#include "syscope/tamper.h"

#include <time.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "tamper/remote.h"

namespace syscope {

namespace {

constexpr uint64_t kPage = 4096;
constexpr int64_t kMaxErrno = 4095;

bool is_error_value(int64_t v) { return v < 0 && v >= -kMaxErrno; }

bool is_exec(Abi abi, long nr) {
  const SyscallDesc* d = syscall_by_nr(abi, nr);
  return d && (std::strcmp(d->name, "execve") == 0 || std::strcmp(d->name, "execveat") == 0);
}

}  // namespace

// What has been done to the current call of one thread.
struct TamperCall::State {
  bool active = false;      // between entry and exit
  bool tampered = false;    // return value forced
  bool poked = false;       // arguments or memory changed
  bool delayed = false;
  bool skipped = false;     // nr = -1: expect an error at exit
  bool replaced = false;    // another syscall runs: expect success at exit
  bool force_return = false;
  int64_t ret = 0;
  int exit_signal = 0;      // raise() at a seccomp entry: delivered at exit
  struct Saved {
    int i;
    uint64_t value;
  };
  std::vector<Saved> saved_args;
  // Path copies: bytes used below the red zone, scratch page slots (offset).
  uint64_t stack_used = 0;
  pid_t slot_tgid = 0;
  std::vector<uint32_t> slots;

  void reset() {  // keeps the vectors' storage: this runs at every syscall
    auto args = std::move(saved_args);
    auto sl = std::move(slots);
    *this = State{};
    args.clear();
    sl.clear();
    saved_args = std::move(args);
    slots = std::move(sl);
  }
};

struct Tamper::Impl {
  explicit Impl(Tracer& t) : tracer(t) {}
  Tracer& tracer;
  struct NamedHook {
    std::string name;  // empty: every syscall
    Hook fn;
  };
  std::vector<NamedHook> entry_hooks, exit_hooks;
  std::function<void(pid_t, const char*)> mark_sink;
  std::function<void(pid_t, pid_t)> thread_listener;
  std::unordered_map<pid_t, TamperCall::State> threads;
  // Per process (tgid): the scratch page and its slots in use; the cached
  // range of the main stack.
  struct Proc {
    uint64_t page = 0;
    std::vector<std::pair<uint32_t, uint32_t>> used;  // offset, length; sorted
    tamper::Range stack;
  };
  std::unordered_map<pid_t, Proc> procs;
  size_t pages_created = 0;

  static bool matches(const NamedHook& h, const SyscallStop& s) {
    if (h.name.empty()) return true;
    const SyscallDesc* d = syscall_by_nr(s.abi, s.nr);
    return d && h.name == d->name;
  }

  Result<uint64_t> place(TamperCall::State& st, SyscallStop& s, std::string_view data);
  void release(TamperCall::State& st);
  void forget(pid_t tid) {
    auto it = threads.find(tid);
    if (it != threads.end()) {
      release(it->second);
      threads.erase(it);
    }
    if (thread_listener) thread_listener(tid, 0);
  }
};

Result<uint64_t> Tamper::Impl::place(TamperCall::State& st, SyscallStop& s, std::string_view data) {
  Tracee& t = s.tracee;
  const size_t need = data.size() + 1;
  if (need > kPage) return make_error(ENAMETOOLONG, "set_path_arg");
  std::string buf(data);
  buf.push_back('\0');
  Proc& p = procs[t.tgid];
  // Below the red zone of the main stack: free by the ABI's definition, and
  // the string is read by the kernel before the thread runs again.
  uint64_t addr = (s.sp - 128 - st.stack_used - need) & ~uint64_t{15};
  if (!p.stack.contains(s.sp) || addr < p.stack.lo) p.stack = tamper::main_stack_of(t.tid);
  // (The i386 ABI truncates pointers: int $0x80 from a 64-bit program has
  // its stack above 4 GiB, while its injected mmap2 returns a low address.)
  bool reachable = s.abi == Abi::kX86_64 || addr + need <= 0xffffffffull;
  if (reachable && p.stack.contains(s.sp) && addr >= p.stack.lo && addr < s.sp) {
    if (auto w = t.mem.write(addr, buf.data(), buf.size()); w && *w == buf.size()) {
      st.stack_used = s.sp - 128 - addr;
      return addr;
    }
  }
  // A scratch page, created once per process.
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!p.page) {
      auto m = tamper::remote_mmap_page(tracer, t, s.abi);
      if (!m) return std::unexpected(m.error());
      p.page = *m;
      p.used.clear();
      ++pages_created;
    }
    uint32_t len = static_cast<uint32_t>((need + 15) & ~size_t{15});
    uint32_t off = 0;
    bool found = false;
    size_t pos = 0;
    for (; pos <= p.used.size(); ++pos) {
      uint32_t end = pos < p.used.size() ? p.used[pos].first : static_cast<uint32_t>(kPage);
      if (end >= off + len) {
        found = true;
        break;
      }
      off = p.used[pos].first + p.used[pos].second;
    }
    if (!found) return make_error(ENOMEM, "set_path_arg: scratch page full");
    auto w = t.mem.write(p.page + off, buf.data(), buf.size());
    if (!w || *w != buf.size()) {
      p.page = 0;  // unmapped by the program? make another
      continue;
    }
    p.used.insert(p.used.begin() + static_cast<long>(pos), {off, len});
    st.slot_tgid = t.tgid;
    st.slots.push_back(off);
    return p.page + off;
  }
  return make_error(EFAULT, "set_path_arg");
}

void Tamper::Impl::release(TamperCall::State& st) {
  st.stack_used = 0;
  if (st.slots.empty()) return;
  auto it = procs.find(st.slot_tgid);
  if (it != procs.end()) {
    auto& u = it->second.used;
    for (uint32_t off : st.slots) std::erase_if(u, [&](const auto& e) { return e.first == off; });
  }
  st.slots.clear();
}

// ---------------------------------------------------------------- TamperCall

const char* TamperCall::name() const {
  const SyscallDesc* d = syscall_by_nr(stop.abi, stop.nr);
  return d ? d->name : nullptr;
}

bool TamperCall::tampered() const { return st_.tampered; }
bool TamperCall::poked() const { return st_.poked; }
bool TamperCall::delayed() const { return st_.delayed; }

Result<void> TamperCall::skip(int64_t value) {
  if (!stop.entry) return make_error(EINVAL, "skip: not at syscall entry");
  long program_nr = stop.nr;
  auto r = stop.set_nr(-1);
  stop.nr = program_nr;  // the trace names the call the program made
  if (!r) return r;
  st_.skipped = true;
  st_.replaced = false;
  st_.tampered = true;
  st_.force_return = true;
  st_.ret = value;
  return {};
}

Result<void> TamperCall::replace(long nr) {
  if (!stop.entry) return make_error(EINVAL, "replace: not at syscall entry");
  long program_nr = stop.nr;
  auto r = stop.set_nr(nr);
  stop.nr = program_nr;
  if (!r) return r;
  st_.replaced = true;
  st_.skipped = false;
  st_.tampered = true;
  return {};
}

Result<void> TamperCall::set_arg(int i, uint64_t value) {
  if (!stop.entry) return make_error(EINVAL, "set_arg: not at syscall entry");
  if (i < 0 || i > 5) return make_error(EINVAL, "set_arg");
  bool saved = std::any_of(st_.saved_args.begin(), st_.saved_args.end(),
                           [&](const State::Saved& sv) { return sv.i == i; });
  uint64_t old = stop.args[i];
  auto r = stop.set_arg(i, value);
  if (!r) return r;
  if (!saved) st_.saved_args.push_back({i, old});
  st_.poked = true;
  return {};
}

Result<void> TamperCall::set_path_arg(int i, std::string_view path) {
  if (!stop.entry) return make_error(EINVAL, "set_path_arg: not at syscall entry");
  if (i < 0 || i > 5) return make_error(EINVAL, "set_path_arg");
  auto addr = owner_.impl_->place(st_, stop, path);
  if (!addr) return std::unexpected(addr.error());
  return set_arg(i, *addr);
}

Result<void> TamperCall::poke(uint64_t addr, const void* data, size_t len) {
  auto w = stop.tracee.mem.write(addr, data, len);
  if (!w) return std::unexpected(w.error());
  if (*w == 0 && len) return make_error(EFAULT, "poke");
  st_.poked = true;
  return {};
}

void TamperCall::raise(int sig) {
  if (stop.entry && stop.from_seccomp)
    st_.exit_signal = sig;  // the kernel ignores signals given at seccomp stops
  else
    stop.tracee.pending_signal = sig;
}

void TamperCall::delay(std::chrono::nanoseconds d) {
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  int64_t ns = d.count() < 0 ? 0 : d.count();
  timespec at{now.tv_sec + static_cast<time_t>(ns / 1000000000), now.tv_nsec + static_cast<long>(ns % 1000000000)};
  if (at.tv_nsec >= 1000000000) {
    at.tv_nsec -= 1000000000;
    ++at.tv_sec;
  }
  owner_.impl_->tracer.resume_at(stop.tracee, at);
  st_.delayed = true;
}

Result<void> TamperCall::set_return(int64_t value) {
  st_.tampered = true;
  if (stop.entry) {
    st_.force_return = true;
    st_.ret = value;
    return {};
  }
  auto r = stop.set_return(value);
  if (!r) return r;
  stop.is_error = is_error_value(value);
  st_.force_return = false;
  return {};
}

// ---------------------------------------------------------------- Tamper

Tamper::Tamper(Tracer& tracer) : impl_(std::make_unique<Impl>(tracer)) {}
Tamper::~Tamper() = default;

void Tamper::on_entry(Hook h) { impl_->entry_hooks.push_back({"", std::move(h)}); }
void Tamper::on_exit(Hook h) { impl_->exit_hooks.push_back({"", std::move(h)}); }
void Tamper::on_entry(std::string_view syscall, Hook h) {
  impl_->entry_hooks.push_back({std::string(syscall.empty() ? "?" : syscall), std::move(h)});
}
void Tamper::on_exit(std::string_view syscall, Hook h) {
  impl_->exit_hooks.push_back({std::string(syscall.empty() ? "?" : syscall), std::move(h)});
}
void Tamper::set_mark_sink(std::function<void(pid_t, const char*)> sink) { impl_->mark_sink = std::move(sink); }
void Tamper::set_thread_listener(std::function<void(pid_t, pid_t)> fn) { impl_->thread_listener = std::move(fn); }
size_t Tamper::scratch_pages_created() const { return impl_->pages_created; }

void Tamper::on_syscall_entry(SyscallStop& s) {
  TamperCall::State& st = impl_->threads[s.tracee.tid];
  impl_->release(st);
  st.reset();
  st.active = true;
  TamperCall call(s, *this, st);
  for (auto& h : impl_->entry_hooks)
    if (Impl::matches(h, s)) h.fn(call);
}

void Tamper::on_syscall_exit(SyscallStop& s) {
  auto it = impl_->threads.find(s.tracee.tid);
  if (it == impl_->threads.end() || !it->second.active) {
    // Exit hooks still run for calls whose entry was not seen by us.
    if (impl_->exit_hooks.empty()) return;
    it = impl_->threads.try_emplace(s.tracee.tid).first;
    it->second.reset();
  }
  TamperCall::State& st = it->second;
  st.active = false;
  TamperCall call(s, *this, st);

  // The value forced at entry (skip/replace + set_return), checked as
  // strace checks it: a skipped call must have failed (ENOSYS), a replaced
  // one succeeded; otherwise the tracee did not do what we asked.
  if (st.force_return) {
    bool expect_error = st.skipped;
    bool check = st.skipped || st.replaced;
    if (check && s.is_error != expect_error) {
      fprintf(stderr,
              "syscope: Failed to tamper with process %d: unexpectedly got %serror (return value %#" PRIx64
              ", error %" PRIu64 ")\n",
              s.tracee.tid, st.replaced ? "" : "no ", static_cast<uint64_t>(s.is_error ? -1 : s.rval),
              static_cast<uint64_t>(s.is_error ? -s.rval : 0));
    } else if (s.set_return(st.ret)) {
      s.is_error = is_error_value(st.ret);
    }
    st.force_return = false;
  }
  for (auto& h : impl_->exit_hooks)
    if (Impl::matches(h, s)) h.fn(call);

  // Undo what must not outlive the call. After a successful exec the
  // registers belong to the new program.
  bool exec_done = is_exec(s.abi, s.nr) && !s.is_error;
  if (!exec_done) {
    // Restore through SyscallStop so the ABI's register mapping is used;
    // keep the stop's view (the printer shows the arguments the kernel got).
    uint64_t shown[6];
    std::memcpy(shown, s.args, sizeof shown);
    for (auto& sv : st.saved_args) (void)s.set_arg(sv.i, sv.value);
    std::memcpy(s.args, shown, sizeof shown);
  }
  st.saved_args.clear();
  impl_->release(st);
  if (st.exit_signal) {
    s.tracee.pending_signal = st.exit_signal;
    st.exit_signal = 0;
  }

  const char* mark = nullptr;
  if (st.tampered && st.poked)
    mark = st.delayed ? " (INJECTED: args, retval) (DELAYED)" : " (INJECTED: args, retval)";
  else if (st.poked)
    mark = st.delayed ? " (INJECTED: args) (DELAYED)" : " (INJECTED: args)";
  else if (st.tampered)
    mark = st.delayed ? " (INJECTED) (DELAYED)" : " (INJECTED)";
  else if (st.delayed)
    mark = " (DELAYED)";
  if (mark && impl_->mark_sink) impl_->mark_sink(s.tracee.tid, mark);
  st.reset();
}

void Tamper::on_new_tracee(Tracee& child, Tracee* parent) {
  // A new process starts with a copy of (or shares) its parent's memory:
  // the scratch page is there too.
  if (!parent || child.tgid == parent->tgid) return;
  auto it = impl_->procs.find(parent->tgid);
  if (it == impl_->procs.end() || !it->second.page) return;
  Impl::Proc& p = impl_->procs[child.tgid];
  p.page = it->second.page;
  p.used.clear();
}

void Tamper::on_exec(Tracee& t, pid_t former_tid) {
  impl_->procs.erase(t.tgid);  // a new address space
  if (former_tid != t.tid) {
    auto it = impl_->threads.find(former_tid);
    if (it != impl_->threads.end()) {
      TamperCall::State st = std::move(it->second);
      impl_->threads.erase(it);
      impl_->threads[t.tid] = std::move(st);
    }
    if (impl_->thread_listener) impl_->thread_listener(former_tid, t.tid);
  }
  auto it = impl_->threads.find(t.tid);
  if (it != impl_->threads.end()) it->second.slots.clear();  // that memory is gone
}

void Tamper::on_exit(Tracee& t, const pt::WaitStatus&) {
  impl_->forget(t.tid);
  if (t.tid == t.tgid) impl_->procs.erase(t.tgid);
}
void Tamper::on_detaching(Tracee& t, int* sig) {
  (void)sig;
  auto it = impl_->threads.find(t.tid);
  if (it == impl_->threads.end() || !it->second.active) return;
  // Detached in the middle of a tampered call: give back the program's
  // arguments; a skipped call held at its entry (delay_enter) returns the
  // injected value when the kernel skips it after the detach.
  TamperCall::State& st = it->second;
  SyscallStop s(t, true);
  s.abi = t.last_abi;
  for (auto& sv : st.saved_args) (void)s.set_arg(sv.i, sv.value);
  st.saved_args.clear();
  if (t.deferred && st.skipped && st.force_return) (void)s.set_return(st.ret);
}

void Tamper::on_detach(Tracee& t) { impl_->forget(t.tid); }
void Tamper::on_vanish(Tracee& t) { impl_->forget(t.tid); }

}  // namespace syscope

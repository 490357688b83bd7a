// SPDX-License-Identifier: MIT
// The Stepper observer: counts, traces and profiles the instructions the
// engine reports under ResumeMode::kStep, and implements --only /
// --start-at / --max with int3 breakpoints so that everything else runs at
// full speed (PTRACE_CONT).
//
// Per step, count mode does nothing but add one (no ptrace request: the
// engine's fast path costs the same as a bare PTRACE_SINGLESTEP loop). The
// other modes fetch the registers once per step: the instruction that just
// completed is the one at the previous step's rip (prev_ip), decoded once
// per address and cached per address space.
//
// --only: a thread steps while its rip is inside the ranges. When it leaves,
// a breakpoint goes on the address it will come back to (the return address
// of the call that left, or of the frame a jump left from), and it runs at
// full speed; breakpoints on every function start inside the ranges catch
// entries from outside (callbacks, main() from libc). A breakpoint met while
// stepping is stepped over (original byte back for one step). While some
// code is not mapped yet (a library the loader has still to map, a
// --start-at symbol in it), threads outside the ranges run with
// PTRACE_SYSCALL instead, and each new executable mapping is resolved at the
// exit of its mmap, before any of its code (ifunc resolvers, init functions)
// runs.
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "syscalls/signal_names.h"
#include "syscope/stepper.h"
#include "syscope/syscall_table.h"

namespace syscope {
namespace {

constexpr uint8_t kBpEntry = 1;   // a function start inside the ranges
constexpr uint8_t kBpReturn = 2;  // where a call that left the ranges returns
constexpr uint8_t kBpStart = 4;   // --start-at
constexpr uint32_t kNoFunc = UINT32_MAX;
constexpr size_t kMaxStack = 4096;

void append_hex(std::string& b, uint64_t v) {
  char tmp[16];
  int n = 0;
  do {
    tmp[n++] = "0123456789abcdef"[v & 15];
    v >>= 4;
  } while (v);
  while (n) b += tmp[--n];
}

void append_dec(std::string& b, int64_t v) {
  if (v < 0) {
    b += '-';
    v = -v;
  }
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  while (n) b += tmp[--n];
}

std::string read_comm(pid_t pid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/comm", pid);
  FILE* f = fopen(path, "re");
  if (!f) return "?";
  char buf[64] = {};
  if (!fgets(buf, sizeof buf, f)) buf[0] = 0;
  fclose(f);
  std::string s(buf);
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

pid_t parent_pid(pid_t pid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/status", pid);
  FILE* f = fopen(path, "re");
  if (!f) return 0;
  char line[256];
  pid_t pp = 0;
  while (fgets(line, sizeof line, f))
    if (std::strncmp(line, "PPid:", 5) == 0) pp = static_cast<pid_t>(atoi(line + 5));
  fclose(f);
  return pp;
}

// Whether two processes share their address space (vfork, CLONE_VM).
bool same_vm(pid_t a, pid_t b) {
  constexpr int kKcmpVm = 1;  // KCMP_VM
  return syscall(SYS_kcmp, a, b, kKcmpVm, 0, 0) == 0;
}

bool changes_code_maps(long nr) {
  switch (nr) {
    case 9:    // mmap
    case 10:   // mprotect
    case 11:   // munmap
    case 25:   // mremap
    case 30:   // shmat
    case 67:   // shmdt
    case 329:  // pkey_mprotect
      return true;
    default: return false;
  }
}

}  // namespace

struct Stepper::Insn {
  uint8_t len = 0;
  InsnKind kind = InsnKind::kInvalid;
  uint32_t func = kNoFunc;
  std::string suffix;  // "<func+0x10> mov eax, 1"
  std::string raw;     // the bytes, when the disassembler did not know them
};

struct Bp {
  uint8_t orig = 0;
  uint8_t kinds = 0;
  int return_refs = 0;
  bool inserted = false;
};

struct Stepper::Space {
  explicit Space(pid_t pid) : pid(pid), mem(pid) {}
  pid_t pid;
  Memory mem;
  std::unique_ptr<Symbolizer> sym;
  std::unordered_map<uint64_t, Insn> insns;
  std::unordered_map<uint64_t, Bp> bps;
  std::unordered_set<uint64_t> old_bps;  // removed, but a thread may have hit it just before
  RangeSet ranges;
  std::vector<bool> resolved;  // per --only spec
  bool start_pending = false;  // --start-at not resolved yet in this space
  // Something is not mapped yet (a library still to be loaded): threads that
  // run at full speed stop at syscalls (PTRACE_SYSCALL) so that each new
  // executable mapping is resolved before any of its code runs.
  bool pending = false;
  bool maps_dirty = false;
  pid_t via = 0;  // the thread whose stop is being handled (alive)
  Symbolizer& symbols() {
    if (!sym) sym = std::make_unique<Symbolizer>(pid);
    return *sym;
  }
  // Through `pid`, or through `via` when pid is a thread that exited (a
  // zombie leader has no memory to show).
  void retarget() {
    if (!via || via == pid) return;
    pid = via;
    mem.reset(via);
    if (sym) sym->set_pid(via);
  }
  size_t read(uint64_t addr, void* buf, size_t len) {
    size_t n = mem.read(addr, buf, len);
    if (n == 0 && via && via != pid) {
      retarget();
      n = mem.read(addr, buf, len);
    }
    return n;
  }
  bool write(uint64_t addr, const void* buf, size_t len) {
    if (mem.write(addr, buf, len)) return true;
    if (!via || via == pid) return false;
    retarget();
    return static_cast<bool>(mem.write(addr, buf, len));
  }
};

struct Stepper::Thread {
  pid_t tid = 0, tgid = 0;
  uint64_t count = 0, syscalls = 0;
  bool counted = true;     // the user asked for this thread (started, attached, or -f)
  bool active = false;     // stepped and counted right now (ResumeMode::kStep)
  bool silent = false;     // one uncounted step over a breakpoint, then full speed again
  bool exec_counted = false;  // the execve instruction was accounted at on_exec
  bool prev_valid = false;
  bool exited = false;
  uint64_t prev_ip = 0;    // the instruction the current step executes
  uint64_t reinsert = 0;   // breakpoint taken out for the current step
  long pending_nr = -1;    // syscall instruction in flight
  size_t proc = 0;         // index in procs_
  std::shared_ptr<Space> space;
  struct Frame {
    uint64_t ret;     // return address (0: unknown)
    uint32_t func;    // kNoFunc until its first instruction
    uint32_t node;    // calling-context node
    bool signal;      // a signal handler frame (popped by rt_sigreturn)
  };
  std::vector<Frame> stack;
};

// ---------------------------------------------------------------------------

void Stepper::configure(const StepOptions& opts, TracerOptions* topts) {
  // Breakpoints are inherited by children: follow them to take them out.
  topts->follow_forks = opts.follow || !opts.only.empty() || !opts.start_at.empty();
  topts->syscall_stops = true;  // the started command's execve starts the stepping
}

std::string Stepper::validate(const StepOptions& opts) {
  for (const auto& s : opts.only) {
    std::string err;
    if (!RangeSpec::parse(s, &err)) return err;
  }
  return "";
}

Stepper::Stepper(StepOptions opts, TraceOutput* out) : opts_(std::move(opts)), out_(out) {
  for (const auto& s : opts_.only)
    if (auto r = RangeSpec::parse(s, nullptr)) specs_.push_back(*r);
  ranges_ = !specs_.empty();
  started_ = opts_.start_at.empty();
  need_regs_ = opts_.trace || opts_.profile || !opts_.folded_path.empty() || ranges_;
  if (need_regs_) dis_ = std::make_unique<Disassembler>();
  nodes_.push_back({0, kNoFunc, 0});  // the root of the calling-context tree
}

Stepper::~Stepper() = default;

void Stepper::warn(std::string w) {
  if (std::find(warnings_.begin(), warnings_.end(), w) == warnings_.end()) warnings_.push_back(std::move(w));
}

Stepper::Thread& Stepper::thread(Tracee& t) {
  if (last_tid_ == t.tid && last_thread_) return *last_thread_;
  auto it = threads_.find(t.tid);
  if (it == threads_.end()) {
    auto th = std::make_unique<Thread>();
    th->tid = t.tid;
    th->tgid = t.tgid;
    space_of(*th, t.tgid);
    auto pi = proc_index_.find(t.tgid);
    if (pi == proc_index_.end()) {
      procs_.push_back({t.tgid, read_comm(t.tgid), 0, 0, 0});
      pi = proc_index_.emplace(t.tgid, procs_.size() - 1).first;
    }
    th->proc = pi->second;
    procs_[th->proc].threads++;
    it = threads_.emplace(t.tid, std::move(th)).first;
  }
  last_tid_ = t.tid;
  last_thread_ = it->second.get();
  return *last_thread_;
}

Stepper::Space& Stepper::space_of(Thread& th, pid_t tgid) {
  auto& sp = spaces_[tgid];
  if (!sp) sp = std::make_shared<Space>(tgid);
  th.space = sp;
  return *sp;
}

// --- breakpoints -------------------------------------------------------------

bool Stepper::insert_bp(Space& sp, uint64_t addr, uint8_t kind) {
  auto it = sp.bps.find(addr);
  if (it == sp.bps.end()) {
    Bp bp;
    if (sp.read(addr, &bp.orig, 1) != 1) return false;
    it = sp.bps.emplace(addr, bp).first;
  }
  Bp& bp = it->second;
  bp.kinds |= kind;
  if (kind == kBpReturn) bp.return_refs++;
  if (!bp.inserted) {
    uint8_t cc = 0xcc;
    if (!sp.write(addr, &cc, 1)) {
      sp.bps.erase(it);
      return false;
    }
    bp.inserted = true;
  }
  sp.old_bps.erase(addr);
  return true;
}

void Stepper::remove_bp(Space& sp, uint64_t addr) {
  auto it = sp.bps.find(addr);
  if (it == sp.bps.end()) return;
  if (it->second.inserted) (void)sp.write(addr, &it->second.orig, 1);
  sp.old_bps.insert(addr);
  sp.bps.erase(it);
}

void Stepper::remove_all_bps(Space& sp) {
  for (auto& [addr, bp] : sp.bps) {
    if (bp.inserted) (void)sp.write(addr, &bp.orig, 1);
    sp.old_bps.insert(addr);
  }
  sp.bps.clear();
}

void Stepper::step_over_breakpoint(Thread& th, Space& sp, uint64_t addr) {
  auto it = sp.bps.find(addr);
  if (it == sp.bps.end() || !it->second.inserted) return;
  (void)sp.write(addr, &it->second.orig, 1);
  it->second.inserted = false;
  th.reinsert = addr;
}

// --- ranges ------------------------------------------------------------------

void Stepper::resolve_ranges(Space& sp) {
  bool need = ranges_ || sp.start_pending;
  if (!need) return;
  Symbolizer& sym = sp.symbols();
  sym.refresh();
  sp.insns.clear();
  bool pending = false;
  if (ranges_) {
    sp.resolved.resize(specs_.size(), false);
    std::vector<CodeRange> maps;
    bool have_maps = false;
    for (size_t i = 0; i < specs_.size(); ++i) {
      if (sp.resolved[i]) continue;
      const RangeSpec& s = specs_[i];
      std::vector<std::pair<uint64_t, uint64_t>> add;
      if (s.kind == RangeSpec::Kind::kAddress) {
        add.emplace_back(s.start, s.end);
      } else {
        if (s.kind != RangeSpec::Kind::kSymbol) {
          if (!have_maps) maps = executable_mappings(sp.pid), have_maps = true;
          for (auto& m : maps)
            if (m.object == s.name || m.name == s.name) add.emplace_back(m.start, m.end);
        }
        if (add.empty() && s.kind != RangeSpec::Kind::kObject)
          for (auto& r : sym.find_function(s.name)) add.emplace_back(r.start, r.end);
      }
      if (add.empty()) {
        pending = true;
        continue;
      }
      sp.resolved[i] = true;
      for (auto& [a, b] : add) {
        sp.ranges.add(a, b);
        if (!started_) continue;  // entry breakpoints once --start-at is reached
        // Only at function starts: an int3 needs an instruction boundary
        // (an address range that starts mid-function is entered there only
        // by code inside it, or through a return into it).
        for (uint64_t f : sym.function_starts(a, b)) insert_bp(sp, f, kBpEntry);
      }
    }
  }
  if (sp.start_pending) {
    auto hits = sym.find_function(opts_.start_at);
    if (!hits.empty()) {
      sp.start_pending = false;
      for (auto& r : hits) insert_bp(sp, r.start, kBpStart);
    } else {
      pending = true;
    }
  }
  sp.pending = pending;
}

void Stepper::setup_space(Space& sp, Tracee& t) {
  (void)t;
  sp.start_pending = !started_;
  if (ranges_ || sp.start_pending) resolve_ranges(sp);
}

// --- instructions ------------------------------------------------------------

uint32_t Stepper::func_id(const std::string& object, const std::string& name) {
  std::string key = object;
  key += '\0';
  key += name;
  auto it = func_ids_.find(key);
  if (it != func_ids_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(funcs_.size());
  funcs_.push_back({object, name, 0});
  func_ids_.emplace(std::move(key), id);
  return id;
}

uint32_t Stepper::cct_child(uint32_t parent, uint32_t func) {
  uint64_t key = (static_cast<uint64_t>(parent) << 32) | func;
  auto it = node_ids_.find(key);
  if (it != node_ids_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(nodes_.size());
  nodes_.push_back({parent, func, 0});
  node_ids_.emplace(key, id);
  return id;
}

const Stepper::Insn& Stepper::insn_at(Space& sp, uint64_t addr) {
  auto it = sp.insns.find(addr);
  if (it != sp.insns.end()) return it->second;
  uint8_t buf[16];
  size_t n = sp.read(addr, buf, sizeof buf);
  for (size_t i = 0; i < n; ++i) {
    auto b = sp.bps.find(addr + i);
    if (b != sp.bps.end() && b->second.inserted) buf[i] = b->second.orig;
  }
  DecodedInsn d;
  if (dis_) dis_->decode(buf, n, addr, &d);
  Insn in;
  in.len = d.len;
  in.kind = d.kind;
  if (opts_.trace || opts_.profile || !opts_.folded_path.empty()) {
    Symbolizer& sym = sp.symbols();
    SymbolInfo si;
    bool found = sym.lookup(addr, &si);
    if (!found && sp.maps_dirty) {
      sp.maps_dirty = false;
      sym.refresh();
      found = sym.lookup(addr, &si);
    }
    in.func = func_id(si.object, si.function);
    if (opts_.trace) {
      in.suffix.assign(1, '<');
      if (!si.function.empty()) {
        in.suffix += si.function;
        if (si.offset) {
          in.suffix += "+0x";
          append_hex(in.suffix, si.offset);
        }
      } else if (found) {
        in.suffix += si.object;
        in.suffix += "+0x";
        append_hex(in.suffix, si.offset);
      } else {
        in.suffix += '?';
      }
      in.suffix += "> ";
      in.suffix += n ? d.text : std::string("(unreadable)");
      if (n && d.kind == InsnKind::kInvalid) in.raw.assign(reinterpret_cast<const char*>(buf), n);
    }
  }
  return sp.insns.emplace(addr, std::move(in)).first->second;
}

void Stepper::track_calls(Thread& th, const Insn& in, uint64_t ip, uint64_t next_ip) {
  bool folded = !opts_.folded_path.empty();
  if (th.stack.empty()) th.stack.push_back({0, kNoFunc, 0, false});
  Thread::Frame& top = th.stack.back();
  if (folded) {
    if (top.func != in.func) {
      top.func = in.func;
      uint32_t parent = th.stack.size() > 1 ? th.stack[th.stack.size() - 2].node : 0;
      top.node = cct_child(parent, in.func);
    }
    nodes_[top.node].count++;
  } else {
    top.func = in.func;
  }
  if (in.kind == InsnKind::kCall) {
    if (th.stack.size() < kMaxStack) th.stack.push_back({ip + in.len, kNoFunc, 0, false});
  } else if (in.kind == InsnKind::kSyscall && th.pending_nr == 15 /* rt_sigreturn */) {
    // Back to where the signal interrupted: drop the handler's frames.
    for (size_t i = th.stack.size(); i-- > 0;)
      if (th.stack[i].signal) {
        th.stack.resize(i);
        break;
      }
  } else if (in.kind == InsnKind::kRet) {
    // Pop to the frame this returns to (longjmp-like mismatches pop one).
    size_t n = th.stack.size();
    size_t lim = n > 64 ? n - 64 : 0;
    size_t found = SIZE_MAX;
    for (size_t i = n; i-- > lim;)
      if (th.stack[i].ret == next_ip) {
        found = i;
        break;
      }
    if (found != SIZE_MAX)
      th.stack.resize(found);
    else if (!th.stack.back().signal)  // a handler returns into its restorer: same frame
      th.stack.pop_back();
  }
}

void Stepper::trace_line(Thread& th, uint64_t ip, const Insn& in, const user_regs_struct* regs) {
  std::string& b = out_->line_buffer(th.tid);
  b += '[';
  append_dec(b, th.tid);
  b += "] 0x";
  append_hex(b, ip);
  b += ' ';
  b += in.suffix;
  if (!in.raw.empty()) {
    // capstone 4 does not know every AVX-512 instruction: show its bytes
    // (as many as it advanced rip, when it did not branch).
    size_t len = regs && regs->rip > ip && regs->rip - ip <= in.raw.size() ? regs->rip - ip : in.raw.size();
    for (size_t i = 0; i < len; ++i) {
      b += ' ';
      b += "0123456789abcdef"[static_cast<uint8_t>(in.raw[i]) >> 4];
      b += "0123456789abcdef"[static_cast<uint8_t>(in.raw[i]) & 15];
    }
  }
  if (in.kind == InsnKind::kSyscall && th.pending_nr >= 0) {
    b += "  ; ";
    const SyscallDesc* d = syscall_by_nr(Abi::kX86_64, th.pending_nr);
    if (d) {
      b += d->name;
    } else {
      b += "syscall_";
      append_dec(b, th.pending_nr);
    }
    if (regs) {
      b += " = ";
      append_dec(b, static_cast<int64_t>(regs->rax));
    }
  }
  b += '\n';
  out_->line_done(th.tid);
}

// One instruction (at th.prev_ip) completed.
void Stepper::account(Thread& th, Tracee& t, const user_regs_struct* regs) {
  (void)t;
  ++th.count;
  ++total_;
  if (th.prev_valid && (opts_.trace || opts_.profile || !opts_.folded_path.empty() || ranges_)) {
    const Insn& in = insn_at(*th.space, th.prev_ip);
    if (opts_.profile && in.func != kNoFunc) funcs_[in.func].self++;
    if (!opts_.folded_path.empty() || ranges_)
      track_calls(th, in, th.prev_ip, regs ? regs->rip : th.prev_ip + in.len);
    if (opts_.trace) trace_line(th, th.prev_ip, in, regs);
  }
  th.pending_nr = -1;
  if (opts_.max && total_ >= opts_.max) reach_max();
}

void Stepper::reach_max() {
  if (max_reached_) return;
  max_reached_ = true;
  for (auto& [tgid, sp] : spaces_) remove_all_bps(*sp);
}

ResumeMode Stepper::idle_mode(const Space& sp) const {
  return sp.pending && !max_reached_ ? ResumeMode::kSyscall : ResumeMode::kCont;
}

void Stepper::stop_thread_stepping(Thread& th, Tracee& t) {
  th.active = false;
  th.silent = false;
  t.mode = th.space ? idle_mode(*th.space) : ResumeMode::kCont;
}

void Stepper::enter_stepping(Thread& th, Tracee& t, uint64_t ip) {
  // Whatever ran at full speed may have mapped code (libraries).
  if (!th.active && th.space) th.space->maps_dirty = true;
  th.active = true;
  th.prev_ip = ip;
  th.prev_valid = true;
  t.mode = ResumeMode::kStep;
}

// The thread's next instruction is outside the ranges: run it at full speed
// with a breakpoint where it will come back.
void Stepper::leave_range(Thread& th, Tracee& t, const user_regs_struct& regs) {
  (void)regs;
  stats_.range_exits++;
  Space& sp = *th.space;
  stop_thread_stepping(th, t);
  // track_calls already pushed the frame of a call that left, and popped
  // the frame of a ret that left: the frame on top is where control comes
  // back to (a jmp through the PLT keeps the caller's frame on top).
  if (!th.stack.empty()) {
    uint64_t ret = th.stack.back().ret;
    if (ret && sp.ranges.contains(ret)) insert_bp(sp, ret, kBpReturn);
  }
}

// --- observer ------------------------------------------------------------------

void Stepper::on_step(Tracee& t) {
  stats_.steps_seen++;
  Thread& th = thread(t);
  if (!need_regs_) {
    // The fast path: count mode without ranges.
    if (th.exec_counted) {
      th.exec_counted = false;
      return;
    }
    if (!th.active || max_reached_) {
      if (max_reached_) stop_thread_stepping(th, t);
      return;
    }
    ++th.count;
    ++total_;
    th.pending_nr = -1;
    if (opts_.max && total_ >= opts_.max) {
      reach_max();
      stop_thread_stepping(th, t);
    }
    return;
  }
  user_regs_struct regs;
  if (!pt::get_regs(t.tid, &regs)) return;
  Space& sp = *th.space;
  sp.via = t.tid;
  if (th.reinsert) {
    auto it = sp.bps.find(th.reinsert);
    if (it != sp.bps.end() && !it->second.inserted) {
      uint8_t cc = 0xcc;
      if (sp.write(th.reinsert, &cc, 1)) it->second.inserted = true;
    }
    th.reinsert = 0;
  }
  if (th.silent) {
    th.silent = false;
    if (!th.active) t.mode = idle_mode(sp);
    th.prev_ip = regs.rip;
    return;
  }
  if (max_reached_ || !th.active) {
    stop_thread_stepping(th, t);
    return;
  }
  if (th.exec_counted) {
    th.exec_counted = false;
  } else if (th.prev_valid) {
    account(th, t, &regs);
  } else if (!ranges_) {
    ++th.count;  // the first instruction after an attach: where it was is unknown
    ++total_;
  }
  if (max_reached_) {
    stop_thread_stepping(th, t);
    return;
  }
  uint64_t ip = regs.rip;
  th.prev_ip = ip;
  th.prev_valid = true;
  if (ranges_ && !sp.ranges.contains(ip)) {
    leave_range(th, t, regs);
    return;
  }
  auto bp = sp.bps.find(ip);
  if (bp != sp.bps.end() && bp->second.inserted) step_over_breakpoint(th, sp, ip);
}

void Stepper::on_step_syscall(Tracee& t, const user_regs_struct& regs) {
  Thread& th = thread(t);
  long nr = static_cast<long>(regs.orig_rax);
  if (th.active && !max_reached_) {
    th.syscalls++;
    th.pending_nr = nr;
  }
  if (need_regs_) {
    th.space->via = t.tid;
    // Decode it now: an exit leaves nothing to read once it completed.
    if (th.active && th.prev_valid) (void)insn_at(*th.space, th.prev_ip);
    if (changes_code_maps(nr)) {
      th.space->insns.clear();
      th.space->maps_dirty = true;
    }
  }
}

bool Stepper::on_trap(Tracee& t, const siginfo_t& si) {
  Thread& th = thread(t);
  Space& sp = *th.space;
  sp.via = t.tid;
  if (si.si_code == SIGTRAP) {
    // The kernel set up a signal handler frame while we were stepping: the
    // thread sits on the handler's first instruction.
    if (!need_regs_ || !th.active) return true;
    user_regs_struct regs;
    if (!pt::get_regs(t.tid, &regs)) return true;
    uint64_t interrupted = th.prev_ip;
    if (!opts_.folded_path.empty() || ranges_) {
      if (th.stack.size() < kMaxStack) th.stack.push_back({interrupted, kNoFunc, 0, true});
    }
    th.prev_ip = regs.rip;
    th.prev_valid = true;
    if (ranges_ && !sp.ranges.contains(regs.rip)) {
      stats_.range_exits++;
      stop_thread_stepping(th, t);
      if (sp.ranges.contains(interrupted)) insert_bp(sp, interrupted, kBpReturn);
    }
    return true;
  }
  if (si.si_code != SI_KERNEL) return false;  // a SIGTRAP from someone: deliver it
  user_regs_struct regs;
  if (!pt::get_regs(t.tid, &regs)) return false;
  uint64_t addr = regs.rip - 1;
  auto it = sp.bps.find(addr);
  if (it == sp.bps.end() || !it->second.inserted) {
    if (sp.old_bps.count(addr)) {  // hit just before we took it out
      regs.rip = addr;
      (void)pt::set_regs(t.tid, regs);
      return true;
    }
    return false;  // the program's own int3
  }
  stats_.breakpoint_hits++;
  regs.rip = addr;
  if (!pt::set_regs(t.tid, regs)) return true;
  uint8_t kinds = it->second.kinds;
  if ((kinds & kBpStart) && th.counted && !started_ && !max_reached_) {
    started_ = true;
    for (auto& [tgid, s] : spaces_) {
      std::vector<uint64_t> starts;
      for (auto& [a, bp] : s->bps)
        if (bp.kinds & kBpStart) starts.push_back(a);
      for (uint64_t a : starts) remove_bp(*s, a);
      // Ranges resolved before the start get their entry breakpoints now.
      if (ranges_) {
        for (auto& [a, b] : s->ranges.ranges())
          for (uint64_t f : s->symbols().function_starts(a, b)) insert_bp(*s, f, kBpEntry);
      }
    }
  }
  bool step = th.counted && started_ && !max_reached_ && (!ranges_ || sp.ranges.contains(addr));
  it = sp.bps.find(addr);  // the maps may have changed above
  if (step) {
    if (it != sp.bps.end() && (it->second.kinds & kBpReturn)) {
      if (--it->second.return_refs <= 0) {
        it->second.return_refs = 0;
        it->second.kinds &= static_cast<uint8_t>(~kBpReturn);
        if (!it->second.kinds) remove_bp(sp, addr);
      }
      // Back into the ranges where a call left: drop the frames above it.
      for (size_t i = th.stack.size(); i-- > 0;)
        if (th.stack[i].ret == addr) {
          th.stack.resize(i);
          break;
        }
    } else if (!opts_.folded_path.empty() || ranges_) {
      uint64_t ret = 0;
      if (sp.read(regs.rsp, &ret, sizeof ret) != sizeof ret) ret = 0;
      if (th.stack.size() < kMaxStack) th.stack.push_back({ret, kNoFunc, 0, false});
    }
    enter_stepping(th, t, addr);
  }
  it = sp.bps.find(addr);
  if (it != sp.bps.end() && it->second.inserted) {
    step_over_breakpoint(th, sp, addr);
    if (!step) {
      th.silent = true;
      t.mode = ResumeMode::kStep;
    }
  }
  return true;
}

void Stepper::on_signal(Tracee& t, const siginfo_t& si, int* deliver) {
  (void)deliver;
  if (!opts_.trace) return;
  Thread& th = thread(t);
  if (!th.active) return;
  std::string& b = out_->line_buffer(t.tid);
  b += '[';
  append_dec(b, t.tid);
  b += "] --- ";
  b += signal_name_or_number(si.si_signo);
  b += " ---\n";
  out_->line_done(t.tid);
}

void Stepper::on_exec(Tracee& t, pid_t former_tid) {
  if (former_tid != t.tid) {
    // A non-leader thread exec'd and became the leader: its record follows.
    auto it = threads_.find(former_tid);
    if (it != threads_.end()) {
      auto rec = std::move(it->second);
      threads_.erase(it);
      if (auto old = threads_.find(t.tid); old != threads_.end()) {
        retire(*old->second);
        retired_.push_back(std::move(old->second));
        threads_.erase(old);
      }
      rec->tid = t.tid;
      threads_[t.tid] = std::move(rec);
    }
    last_tid_ = 0;
    last_thread_ = nullptr;
  }
  bool first = t.startup;  // the started command's own execve
  Thread& th = thread(t);
  if (first) th.counted = true;
  // The execve instruction belongs to the old image: account it now.
  user_regs_struct regs;
  bool have_regs = (need_regs_ || ranges_) && pt::get_regs(t.tid, &regs);
  if (th.active && t.step_state == 2 && !max_reached_) {
    if (need_regs_) {
      user_regs_struct done = regs;
      done.rax = 0;  // it succeeded (the register says -ENOSYS until the call returns)
      account(th, t, have_regs ? &done : nullptr);
    }
    else ++th.count, ++total_;
    th.exec_counted = true;
  }
  th.stack.clear();
  th.reinsert = 0;
  th.silent = false;
  procs_[th.proc].program = read_comm(t.tgid);
  // A new address space.
  auto sp = std::make_shared<Space>(t.tgid);
  spaces_[t.tgid] = sp;
  th.space = sp;
  for (auto& [tid, other] : threads_)
    if (other->tgid == t.tgid) other->space = sp;
  if (!th.counted || max_reached_) {
    stop_thread_stepping(th, t);
    return;
  }
  setup_space(*sp, t);
  uint64_t ip = have_regs ? regs.rip : 0;
  bool have_ip = have_regs;
  bool step = started_ && (!ranges_ || (have_ip && sp->ranges.contains(ip)));
  if (step) {
    enter_stepping(th, t, ip);
    th.prev_valid = have_ip;
    if (auto b = sp->bps.find(ip); b != sp->bps.end() && b->second.inserted) step_over_breakpoint(th, *sp, ip);
  } else {
    stop_thread_stepping(th, t);
  }
}

void Stepper::on_syscall_exit(SyscallStop& s) {
  // Threads run with PTRACE_SYSCALL while something is not mapped yet.
  Tracee& t = s.tracee;
  if (t.mode != ResumeMode::kSyscall) return;
  auto it = threads_.find(t.tid);
  if (it == threads_.end() || !it->second->space || it->second->active) return;
  Space& sp = *it->second->space;
  if (sp.pending && !s.is_error && (changes_code_maps(s.nr) || s.nr == 59 || s.nr == 322)) resolve_ranges(sp);
  t.mode = idle_mode(sp);
}

void Stepper::on_new_tracee(Tracee& child, Tracee* parent) {
  if (child.hidden) return;  // the started command before its execve
  Thread* pth = nullptr;
  // Tracer::attach and Tracer::spawn set their flags after this call: a
  // tracee without a traced parent is one the user named (-p), unless it is
  // the command spawn is starting (our child; on_exec takes it).
  bool attached = child.attached;
  if (parent) {
    pth = &thread(*parent);
  } else if (!attached) {
    // Adopted before its parent's event: find the parent by its pid.
    pid_t pp = child.tgid != child.tid ? child.tgid : parent_pid(child.tid);
    if (pp == getpid()) return;
    auto it = threads_.find(pp);
    if (it != threads_.end()) pth = it->second.get();
    attached = !pth;
  }
  Thread& th = thread(child);
  last_tid_ = 0;
  last_thread_ = nullptr;
  th.counted = attached || opts_.follow;
  // Address space: a thread or a vfork child shares its parent's.
  std::shared_ptr<Space> psp = pth ? pth->space : nullptr;
  if (pth && (child.tgid == pth->tgid || same_vm(child.tid, pth->tgid))) {
    th.space = psp;
    spaces_[child.tgid] = psp;
  } else if (psp) {
    // fork: the child's memory is a copy, breakpoints included.
    auto sp = std::make_shared<Space>(child.tgid);
    spaces_[child.tgid] = sp;
    th.space = sp;
    if (th.counted) {
      sp->bps = psp->bps;
      sp->ranges = psp->ranges;
      sp->resolved = psp->resolved;
      sp->start_pending = psp->start_pending;
      for (auto& [a, bp] : sp->bps)
        if (!bp.inserted) {  // taken out for the parent's current step
          uint8_t cc = 0xcc;
          if (sp->write(a, &cc, 1)) bp.inserted = true;
        }
    } else {
      for (auto& [a, bp] : psp->bps)
        if (bp.inserted) (void)sp->write(a, &bp.orig, 1);
    }
  } else if (attached) {
    Space& sp = *th.space;
    if (!sp.sym && (ranges_ || !started_)) setup_space(sp, child);
  }
  // Where it starts: right after the parent's syscall instruction.
  uint64_t ip = 0;
  bool have_ip = false;
  if (pth && pth->active && pth->prev_valid) {
    ip = pth->prev_ip + 2;
    have_ip = true;
  } else if (need_regs_ || ranges_) {
    user_regs_struct regs;
    pid_t who = parent ? parent->tid : child.tid;  // both are stopped here
    if (!attached && pt::get_regs(who, &regs)) ip = regs.rip, have_ip = true;
  }
  bool step;
  if (!th.counted || max_reached_ || !started_) {
    step = false;
  } else if (attached) {
    step = true;  // where it is becomes known at its first step
  } else if (ranges_) {
    step = pth && pth->active && have_ip && th.space->ranges.contains(ip);
  } else {
    step = true;
  }
  if (step) {
    enter_stepping(th, child, ip);
    th.prev_valid = have_ip;
    if (pth && !pth->stack.empty() && (ranges_ || !opts_.folded_path.empty())) th.stack = pth->stack;
  } else {
    stop_thread_stepping(th, child);
  }
}

void Stepper::retire(Thread& th) {
  if (th.exited) return;
  th.exited = true;
  ProcessCount& p = procs_[th.proc];
  p.instructions += th.count;
  p.syscalls += th.syscalls;
}

void Stepper::on_exit(Tracee& t, const pt::WaitStatus& ws) {
  (void)ws;
  auto it = threads_.find(t.tid);
  if (it == threads_.end()) return;
  Thread& th = *it->second;
  // It died inside a syscall instruction it had started (exit, exit_group,
  // or a call the process's death interrupted): that instruction ran.
  if (th.active && t.step_state == 2 && !max_reached_) {
    if (need_regs_ && th.prev_valid) account(th, t, nullptr);
    else ++th.count, ++total_;
  }
  forget(t.tid);
}

// The thread is gone: keep its counts, and reach its address space through
// another thread if it was the one used.
void Stepper::forget(pid_t tid) {
  auto it = threads_.find(tid);
  if (it == threads_.end()) return;
  retire(*it->second);
  std::shared_ptr<Space> sp = it->second->space;
  retired_.push_back(std::move(it->second));
  threads_.erase(it);
  last_tid_ = 0;
  last_thread_ = nullptr;
  if (sp && sp->pid == tid) {
    for (auto& [otid, other] : threads_)
      if (other->space == sp) {
        sp->pid = otid;
        sp->mem.reset(otid);
        if (sp->sym) sp->sym->set_pid(otid);
        break;
      }
  }
}

void Stepper::on_vanish(Tracee& t) { forget(t.tid); }

void Stepper::on_detaching(Tracee& t, int* sig) {
  auto sit = spaces_.find(t.tgid);
  if (sit == spaces_.end() || !sit->second) return;
  Space& sp = *sit->second;
  sp.via = t.tid;
  if (*sig == SIGTRAP) {
    user_regs_struct regs;
    if (pt::get_regs(t.tid, &regs) && (sp.bps.count(regs.rip - 1) || sp.old_bps.count(regs.rip - 1))) {
      regs.rip -= 1;
      (void)pt::set_regs(t.tid, regs);
      *sig = 0;
    }
  }
  remove_all_bps(sp);
}

void Stepper::on_detach(Tracee& t) { on_vanish(t); }

void Stepper::finish() {
  for (auto& [tid, th] : threads_) retire(*th);
  if (!started_) warn("--start-at " + opts_.start_at + ": never reached");
  for (size_t i = 0; i < specs_.size(); ++i) {
    bool any = false;
    for (auto& [tgid, sp] : spaces_)
      if (sp && i < sp->resolved.size() && sp->resolved[i]) any = true;
    if (!any) warn("--only " + specs_[i].text + ": matched no code");
  }
}

// --- reports -------------------------------------------------------------------

uint64_t Stepper::total_syscalls() const {
  uint64_t n = 0;
  for (auto& p : procs_) n += p.syscalls;
  for (auto& [tid, th] : threads_)
    if (!th->exited) n += th->syscalls;
  return n;
}

std::vector<ProcessCount> Stepper::processes() const {
  // Processes with a thread the user asked for (started, attached, -f).
  std::vector<ProcessCount> all = procs_;
  std::vector<bool> shown(all.size(), false);
  for (auto& th : retired_)
    if (th->counted) shown[th->proc] = true;
  for (auto& [tid, th] : threads_) {
    if (th->counted) shown[th->proc] = true;
    if (!th->exited) {
      all[th->proc].instructions += th->count;
      all[th->proc].syscalls += th->syscalls;
    }
  }
  std::vector<ProcessCount> out;
  for (size_t i = 0; i < all.size(); ++i)
    if (shown[i]) out.push_back(all[i]);
  return out;
}

std::vector<ThreadCount> Stepper::threads() const {
  std::vector<ThreadCount> out;
  for (auto& th : retired_)
    if (th->counted) out.push_back({th->tid, th->tgid, th->count, th->syscalls, true});
  for (auto& [tid, th] : threads_)
    if (th->counted) out.push_back({th->tid, th->tgid, th->count, th->syscalls, th->exited});
  // Detached records can appear twice (retired, then gone): keep the first.
  std::stable_sort(out.begin(), out.end(), [](const ThreadCount& a, const ThreadCount& b) {
    return a.tgid != b.tgid ? a.tgid < b.tgid : a.tid < b.tid;
  });
  return out;
}

std::vector<ProfileEntry> Stepper::functions() const {
  std::vector<ProfileEntry> out;
  for (auto& f : funcs_)
    if (f.self) out.push_back({f.name, f.object, f.self});
  std::stable_sort(out.begin(), out.end(), [](const ProfileEntry& a, const ProfileEntry& b) { return a.count > b.count; });
  return out;
}

std::vector<ProfileEntry> Stepper::objects() const {
  std::unordered_map<std::string, uint64_t> by;
  std::vector<std::string> order;
  for (auto& f : funcs_) {
    if (!f.self) continue;
    auto [it, fresh] = by.emplace(f.object, 0);
    if (fresh) order.push_back(f.object);
    it->second += f.self;
  }
  std::vector<ProfileEntry> out;
  for (auto& o : order) out.push_back({"", o, by[o]});
  std::stable_sort(out.begin(), out.end(), [](const ProfileEntry& a, const ProfileEntry& b) { return a.count > b.count; });
  return out;
}

void Stepper::write_folded(FILE* f) const {
  auto name_of = [&](uint32_t func) -> std::string {
    if (func == kNoFunc || func >= funcs_.size()) return "[unknown]";
    const Func& fn = funcs_[func];
    if (!fn.name.empty()) return fn.name;
    return "[" + (fn.object.empty() ? std::string("unknown") : fn.object) + "]";
  };
  for (uint32_t id = 1; id < nodes_.size(); ++id) {
    if (!nodes_[id].count) continue;
    std::vector<uint32_t> path;
    for (uint32_t n = id; n != 0; n = nodes_[n].parent) path.push_back(n);
    std::string line;
    for (size_t i = path.size(); i-- > 0;) {
      line += name_of(nodes_[path[i]].func);
      if (i) line += ';';
    }
    fprintf(f, "%s %llu\n", line.c_str(), static_cast<unsigned long long>(nodes_[id].count));
  }
}

}  // namespace syscope

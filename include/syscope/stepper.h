// SPDX-License-Identifier: MIT
// Single-stepping on top of the engine: exact instruction counts, an
// instruction trace with symbols and disassembly, a per-function profile,
// and range limits (--only / --start-at / --max) that run everything else at
// full speed behind breakpoints.
//
//   Tracer tracer(opts);              // Stepper::configure(sopts, &opts) first
//   Stepper stepper(sopts, &out);     // out: where --trace lines go
//   tracer.add_observer(&stepper);
//   tracer.spawn(...); tracer.run();
//   stepper.finish();                 // then the report accessors
//
// The engine resumes stepped threads with PTRACE_SYSEMU_SINGLESTEP and
// reports one Observer::on_step per instruction (a `syscall` once, when it
// returned); the Stepper adds what a user asks for on top.
#pragma once

#include <sys/types.h>
#include <sys/user.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syscope/tracer.h"

namespace syscope {

// ---------------------------------------------------------------------------
// Disassembly (capstone, x86-64, Intel syntax).

enum class InsnKind : uint8_t {
  kOther,
  kCall,     // call, lcall
  kRet,      // ret, retf, iret
  kJump,     // unconditional jmp
  kSyscall,  // syscall, sysenter, int 0x80
  kInt3,     // int3 (0xcc)
  kInvalid,  // not decodable
};

struct DecodedInsn {
  uint8_t len = 0;
  InsnKind kind = InsnKind::kInvalid;
  std::string text;  // "mov eax, 1"
};

class Disassembler {
 public:
  Disassembler();
  ~Disassembler();
  Disassembler(const Disassembler&) = delete;
  Disassembler& operator=(const Disassembler&) = delete;
  bool ok() const { return handle_ != 0; }
  // Decodes the first instruction of code[0..n) located at addr.
  bool decode(const uint8_t* code, size_t n, uint64_t addr, DecodedInsn* out);

 private:
  size_t handle_ = 0;  // csh
  void* insn_ = nullptr;  // cs_insn*
};

// ---------------------------------------------------------------------------
// Symbols of a live process (elfutils libdwfl over /proc/PID/maps; ELF
// .symtab or .dynsym, separate debug info from /usr/lib/debug when present).

struct SymbolInfo {
  std::string object;     // basename: "libc.so.6", "step_calls", "[vdso]"; "" if unmapped
  std::string function;   // "" when no symbol covers the address
  uint64_t offset = 0;    // from the function's start, or from the object's start
  uint64_t func_start = 0;
  uint64_t func_size = 0;
};

struct CodeRange {
  uint64_t start = 0, end = 0;  // [start, end)
  std::string object;           // basename
  std::string name;             // function name, or the object for object ranges
  bool contains(uint64_t a) const { return a >= start && a < end; }
};

class Symbolizer {
 public:
  explicit Symbolizer(pid_t pid);
  ~Symbolizer();
  Symbolizer(const Symbolizer&) = delete;
  Symbolizer& operator=(const Symbolizer&) = delete;

  pid_t pid() const { return pid_; }
  // Reads the mappings through another thread of the process from now on
  // (the one it had exited: a zombie leader has no mappings to show).
  void set_pid(pid_t pid) { pid_ = pid; }
  // Re-reads the mappings (libraries loaded or unloaded since).
  void refresh();
  // false: no object is mapped at addr.
  bool lookup(uint64_t addr, SymbolInfo* out);
  // Functions (STT_FUNC / STT_GNU_IFUNC with a size) named `name`, in every
  // object; "OBJECT:NAME" restricts to one object.
  std::vector<CodeRange> find_function(std::string_view name);
  // Start addresses of all function symbols in [start, end).
  std::vector<uint64_t> function_starts(uint64_t start, uint64_t end);
  // Address of a symbol of any type in the object whose basename is `object`.
  std::optional<uint64_t> symbol_address(std::string_view object, std::string_view name);

 private:
  pid_t pid_;
  void* dwfl_ = nullptr;  // Dwfl*
};

// Executable file-backed mappings of a process (/proc/PID/maps "r-xp").
std::vector<CodeRange> executable_mappings(pid_t pid);
// The basename of a path ("/usr/lib/libc.so.6" -> "libc.so.6").
std::string_view path_basename(std::string_view path);

// ---------------------------------------------------------------------------
// --only specifications.

struct RangeSpec {
  enum class Kind : uint8_t { kAuto, kObject, kSymbol, kAddress };
  Kind kind = Kind::kAuto;  // kAuto: an object if one is mapped by that name, else a symbol
  std::string name;         // object or symbol name
  uint64_t start = 0, end = 0;  // kAddress: [start, end)
  std::string text;         // as given

  // "0x401000-0x402000" | "0x401000+0x100" | "object:NAME" | "symbol:NAME" | NAME
  static std::optional<RangeSpec> parse(std::string_view text, std::string* error);
};

// Sorted, merged address ranges.
class RangeSet {
 public:
  void add(uint64_t start, uint64_t end);
  void clear() { r_.clear(); }
  bool empty() const { return r_.empty(); }
  bool contains(uint64_t a) const;
  const std::vector<std::pair<uint64_t, uint64_t>>& ranges() const { return r_; }

 private:
  std::vector<std::pair<uint64_t, uint64_t>> r_;
};

// ---------------------------------------------------------------------------
// The stepper.

struct StepOptions {
  bool trace = false;             // --trace: one line per instruction
  bool profile = false;           // --profile: per function / object
  std::string folded_path;        // --folded FILE: folded stacks for flamegraph.pl
  bool follow = false;            // -f: also step children and threads
  std::vector<std::string> only;  // --only SPEC (several: union)
  std::string start_at;           // --start-at SYMBOL
  uint64_t max = 0;               // --max N (0: no limit)
};

// Where --trace lines go (the tool adapts its buffered output to this).
class TraceOutput {
 public:
  virtual ~TraceOutput() = default;
  // The buffer to append one complete line (with '\n') for tid ...
  virtual std::string& line_buffer(pid_t tid) = 0;
  // ... and the call that says the line is complete.
  virtual void line_done(pid_t tid) = 0;
};

struct ThreadCount {
  pid_t tid = 0, tgid = 0;
  uint64_t instructions = 0, syscalls = 0;
  bool exited = false;
};
struct ProcessCount {
  pid_t pid = 0;
  std::string program;  // comm at its (last) exec
  uint64_t instructions = 0, syscalls = 0;
  unsigned threads = 0;
};
struct ProfileEntry {
  std::string name;     // function ("" for an object entry)
  std::string object;
  uint64_t count = 0;
};

class Stepper : public Observer {
 public:
  // Sets the engine options stepping needs (follow forks, syscall stops for
  // the started command's execve).
  static void configure(const StepOptions& opts, TracerOptions* topts);

  // Checks the options; error text for the user, or "".
  static std::string validate(const StepOptions& opts);

  Stepper(StepOptions opts, TraceOutput* out);
  ~Stepper() override;

  // After Tracer::run(): flushes per-thread state into the totals.
  void finish();

  uint64_t total_instructions() const { return total_; }
  uint64_t total_syscalls() const;
  bool max_reached() const { return max_reached_; }
  bool started() const { return started_; }  // --start-at reached (always true without it)
  // In the order processes/threads appeared.
  std::vector<ProcessCount> processes() const;
  std::vector<ThreadCount> threads() const;
  // Sorted by count, descending.
  std::vector<ProfileEntry> functions() const;
  std::vector<ProfileEntry> objects() const;
  // "a;b;c COUNT" lines (flamegraph.pl / inferno input).
  void write_folded(FILE* f) const;
  // Human-readable warnings collected during the run (unresolved --only, ...).
  const std::vector<std::string>& warnings() const { return warnings_; }
  // Counters of the range machinery (tests, --verbose).
  struct Stats {
    uint64_t breakpoint_hits = 0;
    uint64_t range_exits = 0;
    uint64_t steps_seen = 0;   // every step trap handled, counted or not
  };
  const Stats& stats() const { return stats_; }

  // Observer
  void on_step(Tracee&) override;
  void on_step_syscall(Tracee&, const user_regs_struct&) override;
  bool on_trap(Tracee&, const siginfo_t&) override;
  void on_signal(Tracee&, const siginfo_t&, int* deliver) override;
  void on_exec(Tracee&, pid_t former_tid) override;
  void on_syscall_exit(SyscallStop&) override;
  void on_new_tracee(Tracee& child, Tracee* parent) override;
  void on_exit(Tracee&, const pt::WaitStatus&) override;
  void on_vanish(Tracee&) override;
  void on_detaching(Tracee&, int* sig) override;
  void on_detach(Tracee&) override;

  struct Space;
  struct Thread;
  struct Insn;

 private:
  Thread& thread(Tracee& t);
  Space& space_of(Thread& th, pid_t tgid);
  void setup_space(Space& sp, Tracee& t);
  void resolve_ranges(Space& sp);
  const Insn& insn_at(Space& sp, uint64_t addr);
  void account(Thread& th, Tracee& t, const user_regs_struct* regs);
  void leave_range(Thread& th, Tracee& t, const user_regs_struct& regs);
  void enter_stepping(Thread& th, Tracee& t, uint64_t ip);
  void step_over_breakpoint(Thread& th, Space& sp, uint64_t addr);
  bool insert_bp(Space& sp, uint64_t addr, uint8_t kind);
  void remove_bp(Space& sp, uint64_t addr);
  void remove_all_bps(Space& sp);
  void reach_max();
  void stop_thread_stepping(Thread& th, Tracee& t);
  ResumeMode idle_mode(const Space& sp) const;
  void retire(Thread& th);
  void forget(pid_t tid);
  uint32_t func_id(const std::string& object, const std::string& name);
  uint32_t cct_child(uint32_t parent, uint32_t func);
  void track_calls(Thread& th, const Insn& in, uint64_t ip, uint64_t next_ip);
  void trace_line(Thread& th, uint64_t ip, const Insn& in, const user_regs_struct* regs);
  void warn(std::string w);

  StepOptions opts_;
  TraceOutput* out_;
  bool need_regs_ = false;
  bool ranges_ = false;
  bool started_ = true;
  bool max_reached_ = false;
  uint64_t total_ = 0;
  std::vector<RangeSpec> specs_;
  std::unique_ptr<Disassembler> dis_;

  std::unordered_map<pid_t, std::unique_ptr<Thread>> threads_;
  Thread* last_thread_ = nullptr;
  pid_t last_tid_ = 0;
  std::vector<std::unique_ptr<Thread>> retired_;
  std::unordered_map<pid_t, std::shared_ptr<Space>> spaces_;  // by tgid
  std::vector<ProcessCount> procs_;                 // by first appearance
  std::unordered_map<pid_t, size_t> proc_index_;    // tgid -> procs_ (current incarnation)

  // Profile: functions and the calling-context tree of --folded.
  struct Func {
    std::string object, name;
    uint64_t self = 0;
  };
  std::vector<Func> funcs_;
  std::unordered_map<std::string, uint32_t> func_ids_;
  struct Node {
    uint32_t parent, func;
    uint64_t count;
  };
  std::vector<Node> nodes_;
  std::unordered_map<uint64_t, uint32_t> node_ids_;
  std::vector<std::string> warnings_;
  Stats stats_;
};

}  // namespace syscope

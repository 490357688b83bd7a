// SPDX-License-Identifier: MIT
// The observer that writes strace's text format: syscall lines split into
// "<unfinished ...>" / "<... NAME resumed>" exactly where strace splits them,
// signal lines, exit lines, pid and time prefixes, -z/-Z staging.
#pragma once

#include <bitset>
#include <ctime>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "decoders/decoder.h"
#include "format/format_options.h"
#include "output/io_dump.h"
#include "output/sink.h"
#include "output/tracee_context.h"
#include "syscalls/syscall_set.h"
#include "syscope/tracer.h"

namespace syscope {

struct StraceOptions {
  FormatOptions fmt;
  SyscallSet trace = SyscallSet::all();
  SyscallSet abbrev = SyscallSet::all();   // -e abbrev=
  SyscallSet verbose = SyscallSet::all();  // -e verbose=
  SyscallSet raw;                          // -e raw=
  std::bitset<65> signals = std::bitset<65>().set();  // -e signal=
  FdSet read_fds, write_fds;               // -e read= / -e write=
  std::vector<std::string> trace_paths;    // -P (with symlinks resolved as extra entries)
  bool dump_io = false;                    // either set is non-empty
  bool pid_prefix_always = false;  // -o FILE with -f or several -p: "%-5u "
  int timestamps = 0;              // 1: -t, 2: -tt, 3: -ttt
  bool relative = false;           // -r
  bool syscall_times = false;      // -T
  bool show_ip = false;            // -i
  bool show_nr = false;            // -n
  int quiet = 0;                   // -q: attach/detach messages; -qq: exit lines too
  int columns = 40;                // -a
  bool quiet_personality = false;  // -q given: no "[ Process PID=N runs in 32 bit mode. ]"
  // -e status= bits.
  enum Status : unsigned { kSuccessful = 1, kFailed = 2, kUnfinished = 4, kUnavailable = 8, kDetached = 16 };
  unsigned status = 31;
};

class StracePrinter : public Observer {
 public:
  StracePrinter(const StraceOptions& opts, Sink* sink, Tracer* tracer);
  ~StracePrinter() override;

  void on_syscall_entry(SyscallStop& s) override;
  void on_syscall_exit(SyscallStop& s) override;
  void on_signal(Tracee& t, const siginfo_t& si, int* deliver) override;
  void on_group_stop(Tracee& t, int sig) override;
  void on_exec(Tracee& t, pid_t former_tid) override;
  void on_exit(Tracee& t, const pt::WaitStatus& ws) override;
  void on_vanish(Tracee& t) override;
  void on_detach(Tracee& t) override;

  // Tampering marks for the current syscall of a thread: " (INJECTED)" etc.
  void mark_injected(pid_t tid, const char* mark);
  // Flush buffered output (called when the tracer goes idle and at exit).
  void flush() { sink_->flush_all(); }

 private:
  struct Thread {
    Call call;
    bool active = false;      // a printed syscall is waiting for its exit
    bool entry_done = false;  // the decoder printed everything at entry
    bool reprint = false;     // the exit starts a new line with "<... NAME resumed>"
    bool staged = false;      // -z/-Z: line built in `stage`
    std::string stage;
    timespec entry_ts{};
    const char* inject_mark = nullptr;
    Abi abi = Abi::kX86_64;   // personality of the last syscall, for mode-change lines
  };

  Thread& thread(pid_t tid) { return threads_[tid]; }
  // Starts a physical line for tid: ends another thread's open line with
  // " <unfinished ...>" and prints the prefixes. Returns the text buffer.
  std::string& begin_line(pid_t tid, OutputFile& f);
  void end_line(pid_t tid, OutputFile& f);
  void prefix(pid_t tid, std::string& out, uint64_t ip, long nr);
  void finish_unexpected(pid_t tid, Thread& th);  // "= ?" for a call that never returned
  const char* name_of(const Call& c, char* buf, size_t len) const;
  bool touches_paths(pid_t tid, const Printer::Touched& t) const;
  bool traced(Abi abi, long nr) const { return opts_.trace.contains(abi, nr); }

  StraceOptions opts_;
  FormatOptions fmt_raw_;      // -e raw= variant
  FormatOptions fmt_noverbose_;
  Sink* sink_;
  Tracer* tracer_;
  TraceeContext ctx_;
  std::unordered_map<pid_t, Thread> threads_;
  timespec last_ts_{};
  bool have_last_ts_ = false;
};

}  // namespace syscope

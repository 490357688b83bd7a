// SPDX-License-Identifier: MIT
// Syscall statistics: strace's -c/-C table (count.c in strace 6.1, same
// layout, widths, sort order and blank zero-error cells), -w, -S, -U, and an
// extension, --latency-percentiles: p50/p90/p99/max wall-clock latency per
// syscall from a log-linear histogram (about 1.6 % resolution, fixed memory
// per syscall).
#pragma once

#include <time.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syscalls/syscall_set.h"
#include "syscope/error.h"
#include "syscope/tracer.h"

namespace syscope {

enum class SummaryColumn : uint8_t {
  kNone,         // -S nothing: no sorting
  kTimePercent,  // "% time"
  kTotal,        // "seconds"
  kMin,          // "shortest"
  kMax,          // "longest"
  kAvg,          // "usecs/call"
  kCalls,        // "calls"
  kErrors,       // "errors"
  kName,         // "syscall"
  // Extensions (wall-clock latency percentiles, microseconds).
  kP50,
  kP90,
  kP99,
  kPMax,
};

// -U COLUMNS. strace's names and aliases; the name column is appended when
// missing. Errors carry strace's messages ("unknown column name: 'x'").
Result<std::vector<SummaryColumn>> parse_summary_columns(std::string_view spec);
// -S KEY; kNone for "nothing"/"none". Error: "invalid sortby: 'x'".
Result<SummaryColumn> parse_summary_sort(std::string_view key);
// strace's default column set.
std::vector<SummaryColumn> default_summary_columns();
// Whether a column (or sort key) needs the syscall's exit stop: everything
// but the call count and the name (counts taken at entry).
bool summary_column_needs_exit(SummaryColumn c);

// Log-linear latency histogram over nanoseconds.
class LatencyHistogram {
 public:
  void add(uint64_t ns);
  void merge(const LatencyHistogram& o);
  // Value at quantile q in [0,1] (nearest rank), bucket midpoint clamped to
  // the exact maximum. 0 when empty.
  uint64_t quantile(double q) const;
  uint64_t max() const { return max_; }
  uint64_t count() const { return count_; }

  static size_t bucket_of(uint64_t ns);
  static uint64_t bucket_low(size_t b);
  static uint64_t bucket_high(size_t b);  // exclusive

 private:
  std::vector<uint32_t> buckets_;
  uint64_t count_ = 0;
  uint64_t max_ = 0;
};

// The counts and the table, without ptrace: unit-testable.
class SummaryTable {
 public:
  struct Options {
    std::vector<SummaryColumn> columns = default_summary_columns();
    SummaryColumn sort = SummaryColumn::kTimePercent;
    bool percentiles = false;  // add kP50..kPMax before a trailing name column
  };
  explicit SummaryTable(Options o);

  // One finished syscall. time_ns: what the time columns show (system CPU
  // time, or wall-clock latency with -w); wall_ns: wall-clock latency (for
  // the percentiles). Numbers outside the ABI's table are ignored (strace 6.1).
  void add(Abi abi, long nr, int64_t time_ns, int64_t wall_ns, bool error);
  // A syscall counted at entry only (no time, no error).
  void add_call(Abi abi, long nr);

  // strace's text: one table per ABI with calls; the i386 one headed
  // "System call usage summary for 32 bit mode:". Empty if nothing counted.
  std::string format() const;
  uint64_t calls(Abi abi, long nr) const;

 private:
  struct Counts {
    int64_t time_ns = 0;
    int64_t min_ns = INT64_MAX;
    int64_t max_ns = 0;
    uint64_t calls = 0;
    uint64_t errors = 0;
    std::unique_ptr<LatencyHistogram> wall;
  };
  Counts* slot(Abi abi, long nr);
  void format_abi(Abi abi, std::string& out) const;

  Options opts_;
  std::vector<SummaryColumn> columns_;
  std::array<std::vector<Counts>, 2> counts_;
};

// The observer: times each traced syscall from its entry stop to its exit
// stop (system CPU time from the tracer's wait4 rusage, or CLOCK_MONOTONIC
// with -w or for the percentiles), and prints the table when destroyed or
// by print().
class SummaryObserver : public Observer {
 public:
  struct Config {
    SummaryTable::Options table;
    SyscallSet trace = SyscallSet::all();
    bool wall = false;         // -w
    bool count_at_entry = false;  // only calls/name asked: count at entry
    int quiet = 0;             // -c prints "Process N detached" itself
    bool summary_only = false; // -c (no printer observer)
  };
  // tracer: for last_rusage(); out: where the table goes, -1 for stderr.
  SummaryObserver(Config cfg, const Tracer* tracer);

  void on_syscall_entry(SyscallStop& s) override;
  void on_syscall_exit(SyscallStop& s) override;
  void on_exec(Tracee& t, pid_t former_tid) override;
  void on_exit(Tracee& t, const pt::WaitStatus& ws) override;
  void on_vanish(Tracee& t) override;
  void on_detach(Tracee& t) override;

  const SummaryTable& table() const { return table_; }

 private:
  struct InFlight {
    Abi abi = Abi::kX86_64;
    long nr = -1;
    timespec wall{};
    timeval stime{};
  };

  Config cfg_;
  const Tracer* tracer_;
  bool need_wall_;
  SummaryTable table_;
  std::unordered_map<pid_t, InFlight> inflight_;
};

}  // namespace syscope

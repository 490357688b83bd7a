// SPDX-License-Identifier: MIT
// Wires the CLI options to observers: the strace printer, the -c/-C
// statistics (and, when asked, tampering), and chooses the seccomp-bpf filter
// that keeps untraced syscalls from stopping.
#include <cstdio>

#include "output/strace_printer.h"
#include "output/summary.h"
#include "syscope/tamper.h"
#include "tamper/rules.h"
#include "tools/syscope/subcommands.h"
#include "tracer/seccomp_filter.h"

namespace syscope {
namespace {

class TraceSession : public Session {
 public:
  ~TraceSession() override {
    // The table comes last, after the printer's final lines (strace 6.1
    // prints no blank line before it), in the -o file or on stderr.
    printer.reset();
    if (!summary) return;
    std::string table = summary->table().format();
    if (table.empty()) return;
    if (sink->per_thread()) {
      fputs(table.c_str(), stderr);
      return;
    }
    OutputFile& f = sink->for_tid(0);
    f.buf() += table;
    f.line_ended();
  }
  Sink* sink = nullptr;
  std::unique_ptr<StracePrinter> printer;
  std::unique_ptr<SummaryObserver> summary;
  std::unique_ptr<Tamper> tamper;
};

// strace's usage errors end with a hint line; main prints "syscope: " first.
Error usage_error(const std::string& msg) {
  return Error{EINVAL, msg + "\nTry 'syscope -h' for more information."};
}

constexpr const char* kNeedsSummary = " must be given with (-c/--summary-only or -C/--summary)";

// Whether the tracing options are ones a seccomp filter can serve: the
// filter must stop every syscall any observer acts on.
// (Tampering adds the syscalls it acts on to the filter: see make_session.)
bool filter_compatible(const cli::Options& o) { return !o.command.empty() && o.pids.empty(); }

// -e inject=/fault=, --rewrite, --rewrite-path, --set-return: parsed in
// command-line order of each kind; errors are strace's ("invalid inject
// argument '...'"), warnings printed as strace prints them.
Result<tamper::TamperConfig> parse_tampering(const cli::Options& o) {
  tamper::TamperConfig tc;
  tc.traced = o.strace.trace;
  std::vector<std::string> warnings;
  for (const auto& e : o.inject) {
    auto r = tamper::parse_inject_option(e, &warnings);
    if (!r) return std::unexpected(r.error());
    tc.inject.push_back(std::move(*r));
  }
  for (const auto& e : o.rewrite) {
    auto r = tamper::parse_rewrite(e);
    if (!r) return std::unexpected(r.error());
    tc.rewrite.push_back(std::move(*r));
  }
  for (const auto& e : o.rewrite_path) {
    auto r = tamper::parse_rewrite_path(e);
    if (!r) return std::unexpected(r.error());
    tc.paths.push_back(std::move(*r));
  }
  for (const auto& e : o.set_return) {
    auto r = tamper::parse_set_return(e);
    if (!r) return std::unexpected(r.error());
    tc.set_return.push_back(std::move(*r));
  }
  for (const auto& w : warnings) fprintf(stderr, "syscope: %s\n", w.c_str());
  return tc;
}

}  // namespace

Result<SessionFactory> make_session(cli::Options& o, TracerOptions* topts) {
  auto tamper_cfg = parse_tampering(o);
  if (!tamper_cfg) return std::unexpected(tamper_cfg.error());
  const tamper::TamperConfig& tc = *tamper_cfg;

  // Statistics options, checked as strace 6.1 checks them.
  SummaryObserver::Config sc;
  if (o.summary && o.follow >= 2) {
    return std::unexpected(usage_error(
        "(-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually exclusive"));
  }
  if (o.summary_wall && !o.summary) return std::unexpected(usage_error(std::string("-w/--summary-wall-clock") + kNeedsSummary));
  if (!o.summary_columns.empty() && !o.summary)
    return std::unexpected(usage_error(std::string("-U/--summary-columns") + kNeedsSummary));
  if (o.summary_percentiles && !o.summary)
    return std::unexpected(usage_error(std::string("--latency-percentiles") + kNeedsSummary));
  if (!o.summary_columns.empty()) {
    auto cols = parse_summary_columns(o.summary_columns);
    if (!cols) return std::unexpected(usage_error(cols.error().op));
    sc.table.columns = std::move(*cols);
  }
  auto sort = parse_summary_sort(o.summary_sort);
  if (!sort) return std::unexpected(usage_error(sort.error().op));
  sc.table.sort = *sort;
  if (!o.summary && o.summary_sort != "time")
    fprintf(stderr, "syscope: -S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)\n");
  sc.table.percentiles = o.summary_percentiles;
  sc.wall = o.summary_wall;
  sc.trace = o.strace.trace;
  sc.quiet = o.strace.quiet;
  sc.summary_only = o.summary == 1;

  // With -c alone and only the call count asked for (e.g. -U name,calls),
  // the exit stop is not needed: with a seccomp filter each traced syscall
  // then costs one stop instead of two. Everything else (times, errors, -w,
  // percentiles, or -C's trace lines) needs the exit.
  bool exit_needed = o.summary != 1 || o.summary_wall || o.summary_percentiles ||
                     summary_column_needs_exit(sc.table.sort);
  for (SummaryColumn c : sc.table.columns) exit_needed |= summary_column_needs_exit(c);
  exit_needed |= !tc.empty();  // injected return values are written at exit

  // seccomp-bpf: by default whenever a command is started and the traced set
  // is not everything; forced on or off by --seccomp-bpf / --no-seccomp-bpf.
  // Never for -p (the filter can only be installed by the process itself).
  bool use_filter = false;
  if (o.seccomp == 1 && !o.pids.empty())
    fprintf(stderr, "syscope: --seccomp-bpf is not enabled for processes attached with -p\n");
  if (filter_compatible(o) && o.seccomp != 0) {
    bool all = o.strace.trace.is_all();
    use_filter = o.seccomp == 1 || !all || (o.summary && !exit_needed);
    // strace 6.1 (no filter by default) delivers inject's signal= at the
    // syscall-entry stop; a seccomp stop cannot carry it.
    if (o.seccomp != 1 && tc.has_signal()) use_filter = false;
  }
  if (use_filter) {
    // Tampered syscalls stop too (injected ones are traced anyway).
    SyscallSet filter_set = o.strace.trace;
    if (!tc.empty())
      for (Abi abi : {Abi::kX86_64, Abi::kI386})
        for (long nr : tc.needed().numbers(abi)) filter_set.add(abi, nr);
    // execve is not stopped unless traced: the engine sees every exec through
    // PTRACE_EVENT_EXEC anyway (two stops fewer per exec than strace).
    auto prog = build_seccomp_filter(filter_set, /*trace_exec=*/false);
    if (prog) {
      topts->seccomp_program = std::move(*prog);
      if (o.summary && !exit_needed) {
        sc.count_at_entry = true;
        topts->seccomp_skip_exit = true;
      }
    } else if (o.seccomp == 1) {
      fprintf(stderr, "syscope: seccomp filter is requested but unavailable: %s\n", prog.error().op.c_str());
    }
  }
  // System CPU time per syscall comes from wait4's rusage.
  topts->collect_rusage = o.summary && !o.summary_wall && !sc.count_at_entry;

  return SessionFactory([sc, tc](Tracer& tracer, Sink& sink, cli::Options& opts) -> std::unique_ptr<Session> {
    auto s = std::make_unique<TraceSession>();
    s->sink = &sink;
    if (!tc.empty()) {
      // First: the printer and the statistics see the changed arguments and
      // return values, and the marks.
      s->tamper = std::make_unique<Tamper>(tracer);
      tamper::install(*s->tamper, tc);
      tracer.add_observer(s->tamper.get());
    }
    if (opts.summary != 1) {
      s->printer = std::make_unique<StracePrinter>(opts.strace, &sink, &tracer);
      tracer.add_observer(s->printer.get());
      if (s->tamper)
        s->tamper->set_mark_sink([p = s->printer.get()](pid_t tid, const char* mark) { p->mark_injected(tid, mark); });
    }
    if (opts.summary) {
      // After the printer: the entry time is taken once the line is built.
      s->summary = std::make_unique<SummaryObserver>(sc, &tracer);
      tracer.add_observer(s->summary.get());
    }
    return s;
  });
}

}  // namespace syscope

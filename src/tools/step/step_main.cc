// SPDX-License-Identifier: MIT
// `syscope step`: count, trace and profile every instruction a program
// executes (single-stepping through the engine, see syscope/stepper.h).
#include <getopt.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "output/sink.h"
#include "syscope/stepper.h"
#include "syscope/tracer.h"
#include "tools/common/subcommand_mains.h"
#include "tools/syscope/options.h"

namespace syscope {
namespace {

const char kUsage[] =
    "usage: syscope step [OPTIONS] [--] COMMAND [ARGS...]\n"
    "       syscope step [OPTIONS] -p PID\n"
    "\n"
    "Single-steps a program and counts (default), traces or profiles every\n"
    "user-mode instruction it executes.\n"
    "\n"
    "  -f, --follow-forks    also step the threads and child processes it creates\n"
    "  -p, --attach PID      step a running process (all its threads with -f)\n"
    "  -o, --output FILE     write the trace to FILE (the reports too when there\n"
    "                        is no --trace); default: stderr\n"
    "      --trace           one line per instruction: [tid] address <symbol+off> disassembly\n"
    "      --profile         instructions per function and per object, sorted\n"
    "      --top N           lines of the --profile tables (default 20, 0: all)\n"
    "      --folded FILE     folded call stacks with instruction counts (flamegraph.pl)\n"
    "      --only SPEC       step only inside SPEC and run the rest at full speed:\n"
    "                        an object (\"libc.so.6\", the program's name), a function\n"
    "                        (\"main\", \"OBJECT:NAME\"), or START-END / START+SIZE (hex);\n"
    "                        prefixes object: and symbol: force the reading; repeatable.\n"
    "                        An ifunc symbol (strlen) names its resolver: name the\n"
    "                        implementation (__strlen_avx2) or the object instead\n"
    "      --start-at SYMBOL run at full speed until a thread reaches SYMBOL, then step\n"
    "                        that thread (and what it creates, with -f)\n"
    "      --max N           stop stepping after N instructions (the program goes on at\n"
    "                        full speed)\n"
    "      --no-aslr         start COMMAND without address space randomisation\n"
    "  -q, --quiet           no summary line\n"
    "  -h, --help            this text\n"
    "\n"
    "A program named like a subcommand runs as `syscope ./step` or `syscope -- step`.\n";

void on_stop_signal(int sig) { Tracer::request_stop(sig); }
void on_alarm(int) {}

double now_s() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

class SinkTrace : public TraceOutput {
 public:
  explicit SinkTrace(Sink& s) : sink_(s) {}
  std::string& line_buffer(pid_t tid) override { return sink_.for_tid(tid).buf(); }
  void line_done(pid_t tid) override { sink_.for_tid(tid).line_ended(); }

 private:
  Sink& sink_;
};

bool parse_u64(const char* s, uint64_t* out) {
  if (!s || !*s) return false;
  char* end = nullptr;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 0);
  if (errno || *end || s[0] == '-') return false;
  *out = v;
  return true;
}

std::string percent(uint64_t part, uint64_t whole) {
  char b[32];
  snprintf(b, sizeof b, "%6.2f%%", whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
  return b;
}

void print_profile(FILE* f, const Stepper& st, size_t top) {
  auto funcs = st.functions();
  auto objs = st.objects();
  uint64_t total = 0;
  for (auto& o : objs) total += o.count;
  size_t n = top && top < funcs.size() ? top : funcs.size();
  fprintf(f, "Instructions by function (%zu of %zu):\n", n, funcs.size());
  fprintf(f, "%14s %8s  %-40s %s\n", "instructions", "%", "function", "object");
  for (size_t i = 0; i < n; ++i) {
    const auto& e = funcs[i];
    std::string name = e.name.empty() ? "[" + (e.object.empty() ? std::string("unknown") : e.object) + "]" : e.name;
    fprintf(f, "%14llu %8s  %-40s %s\n", static_cast<unsigned long long>(e.count), percent(e.count, total).c_str(),
            name.c_str(), e.object.empty() ? "?" : e.object.c_str());
  }
  size_t m = top && top < objs.size() ? top : objs.size();
  fprintf(f, "Instructions by object (%zu of %zu):\n", m, objs.size());
  fprintf(f, "%14s %8s  %s\n", "instructions", "%", "object");
  for (size_t i = 0; i < m; ++i)
    fprintf(f, "%14llu %8s  %s\n", static_cast<unsigned long long>(objs[i].count),
            percent(objs[i].count, total).c_str(), objs[i].object.empty() ? "?" : objs[i].object.c_str());
}

void print_counts(FILE* f, const Stepper& st, bool table, double seconds, const std::string& extra) {
  auto procs = st.processes();
  auto threads = st.threads();
  if (table) {
    fprintf(f, "%14s %10s %9s %9s  %s\n", "instructions", "syscalls", "pid", "tid", "program");
    for (const auto& p : procs) {
      unsigned shown = 0;
      for (const auto& t : threads) {
        if (t.tgid != p.pid) continue;
        ++shown;
        fprintf(f, "%14llu %10llu %9d %9d  %s\n", static_cast<unsigned long long>(t.instructions),
                static_cast<unsigned long long>(t.syscalls), t.tgid, t.tid, p.program.c_str());
      }
      if (shown != 1)
        fprintf(f, "%14llu %10llu %9d %9s  %s\n", static_cast<unsigned long long>(p.instructions),
                static_cast<unsigned long long>(p.syscalls), p.pid, "total", p.program.c_str());
    }
  }
  uint64_t ins = st.total_instructions();
  uint64_t sys = st.total_syscalls();
  fprintf(f, "syscope step: %llu instruction%s, %llu syscall%s, %zu process%s, %zu thread%s, %.3f s (%.0f instructions/s)%s\n",
          static_cast<unsigned long long>(ins), ins == 1 ? "" : "s", static_cast<unsigned long long>(sys),
          sys == 1 ? "" : "s", procs.size(), procs.size() == 1 ? "" : "es", threads.size(),
          threads.size() == 1 ? "" : "s", seconds, seconds > 0 ? static_cast<double>(ins) / seconds : 0.0,
          extra.c_str());
}

[[noreturn]] void exit_like(int status, int killed_by) {
  if (killed_by) {
    rlimit rl{0, 0};
    setrlimit(RLIMIT_CORE, &rl);
    signal(killed_by, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, killed_by);
    sigprocmask(SIG_UNBLOCK, &set, nullptr);
    raise(killed_by);
    _exit(128 + killed_by);
  }
  exit(status);
}

}  // namespace

int step_main(int argc, char** argv) {
  StepOptions so;
  std::string output;
  std::vector<pid_t> pids;
  size_t top = 20;
  bool no_aslr = false, quiet = false;
  enum { kTrace = 256, kProfile, kTop, kFolded, kOnly, kStartAt, kMax, kNoAslr };
  static const option kLong[] = {
      {"follow-forks", no_argument, nullptr, 'f'}, {"attach", required_argument, nullptr, 'p'},
      {"output", required_argument, nullptr, 'o'}, {"trace", no_argument, nullptr, kTrace},
      {"profile", no_argument, nullptr, kProfile}, {"top", required_argument, nullptr, kTop},
      {"folded", required_argument, nullptr, kFolded}, {"only", required_argument, nullptr, kOnly},
      {"start-at", required_argument, nullptr, kStartAt}, {"max", required_argument, nullptr, kMax},
      {"no-aslr", no_argument, nullptr, kNoAslr}, {"quiet", no_argument, nullptr, 'q'},
      {"help", no_argument, nullptr, 'h'}, {nullptr, 0, nullptr, 0}};
  optind = 1;
  opterr = 0;
  int c;
  // '+': options end at the command.
  while ((c = getopt_long(argc, argv, "+fp:o:qh", kLong, nullptr)) != -1) {
    uint64_t v = 0;
    switch (c) {
      case 'f': so.follow = true; break;
      case 'p':
        if (!parse_u64(optarg, &v) || v == 0 || v > 0x7fffffff) {
          fprintf(stderr, "syscope step: invalid process id '%s'\n", optarg);
          return 1;
        }
        pids.push_back(static_cast<pid_t>(v));
        break;
      case 'o': output = optarg; break;
      case 'q': quiet = true; break;
      case 'h': fputs(kUsage, stdout); return 0;
      case kTrace: so.trace = true; break;
      case kProfile: so.profile = true; break;
      case kTop:
        if (!parse_u64(optarg, &v)) {
          fprintf(stderr, "syscope step: invalid --top '%s'\n", optarg);
          return 1;
        }
        top = v;
        break;
      case kFolded: so.folded_path = optarg; break;
      case kOnly: so.only.push_back(optarg); break;
      case kStartAt: so.start_at = optarg; break;
      case kMax:
        if (!parse_u64(optarg, &v) || v == 0) {
          fprintf(stderr, "syscope step: invalid --max '%s'\n", optarg);
          return 1;
        }
        so.max = v;
        break;
      case kNoAslr: no_aslr = true; break;
      default:
        fprintf(stderr, "syscope step: unknown or incomplete option '%s'\n%s", argv[optind - 1], kUsage);
        return 1;
    }
  }
  std::vector<std::string> command(argv + optind, argv + argc);
  if (command.empty() && pids.empty()) {
    fprintf(stderr, "syscope step: must have COMMAND or -p PID\n%s", kUsage);
    return 1;
  }
  if (std::string err = Stepper::validate(so); !err.empty()) {
    fprintf(stderr, "syscope step: %s\n", err.c_str());
    return 1;
  }
  std::string prog;
  if (!command.empty()) {
    prog = cli::resolve_program(command[0]);
    if (prog.empty()) {
      fprintf(stderr, "syscope step: Can't stat '%s': %s\n", command[0].c_str(), strerror(ENOENT));
      return 1;
    }
  }
  std::string err;
  auto sink = Sink::open(output, false, false, &err);
  if (!sink) {
    fprintf(stderr, "syscope step: %s\n", err.c_str());
    return 1;
  }
  FILE* folded = nullptr;
  if (!so.folded_path.empty()) {
    folded = fopen(so.folded_path.c_str(), "we");
    if (!folded) {
      fprintf(stderr, "syscope step: %s: %s\n", so.folded_path.c_str(), strerror(errno));
      return 1;
    }
  }

  TracerOptions topts;
  Stepper::configure(so, &topts);
  Tracer tracer(topts);
  SinkTrace trace_out(*sink);
  Stepper stepper(so, &trace_out);
  tracer.add_observer(&stepper);

  for (pid_t pid : pids) {
    auto r = tracer.attach(pid, so.follow);
    if (!r) {
      fprintf(stderr, "syscope step: attach %d: %s\n", pid, r.error().message().c_str());
      if (command.empty() && pids.size() == 1) return 1;
      continue;
    }
    if (!quiet) fprintf(stderr, "syscope step: Process %d attached (%zu thread%s)\n", pid, r->size(), r->size() == 1 ? "" : "s");
  }
  if (!command.empty()) {
    int old_persona = -1;
    if (no_aslr) {
      old_persona = personality(0xffffffff);
      if (old_persona != -1) personality(static_cast<unsigned long>(old_persona) | ADDR_NO_RANDOMIZE);
    }
    auto r = tracer.spawn(prog, command);
    if (old_persona != -1) personality(static_cast<unsigned long>(old_persona));
    if (!r) {
      fprintf(stderr, "syscope step: %s\n", r.error().message().c_str());
      return 1;
    }
  }
  if (tracer.tracee_count() == 0) return 1;

  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE}) sigaction(sig, &sa, nullptr);
  if (!sink->line_buffered()) {
    struct sigaction al {};
    al.sa_handler = on_alarm;
    sigemptyset(&al.sa_mask);
    sigaction(SIGALRM, &al, nullptr);
    itimerval it{{0, 200000}, {0, 200000}};
    setitimer(ITIMER_REAL, &it, nullptr);
    tracer.set_idle_hook([&] { sink->flush_all(); });
  }
  double t0 = now_s();
  int status = tracer.run();
  double seconds = now_s() - t0;
  itimerval off{};
  setitimer(ITIMER_REAL, &off, nullptr);
  stepper.finish();
  sink->flush_all();

  // Reports: into -o FILE when it does not hold a trace, else to stderr.
  FILE* rep = stderr;
  FILE* rep_file = nullptr;
  if (!output.empty() && !so.trace) {
    rep_file = fopen(output.c_str(), "ae");
    if (rep_file) rep = rep_file;
  }
  for (const auto& w : stepper.warnings()) fprintf(stderr, "syscope step: warning: %s\n", w.c_str());
  if (so.profile) print_profile(rep, stepper, top);
  if (folded) {
    stepper.write_folded(folded);
    fclose(folded);
  }
  std::string extra;
  if (stepper.max_reached()) extra = " (stopped stepping at --max " + std::to_string(so.max) + ")";
  if (int sig = Tracer::stop_signal()) extra += std::string(" (interrupted by ") + strsignal(sig) + ")";
  if (!quiet) print_counts(rep, stepper, so.follow || stepper.threads().size() > 1, seconds, extra);
  if (rep_file) fclose(rep_file);
  fflush(stderr);
  sink.reset();
  if (int sig = Tracer::stop_signal()) return 128 + sig;
  if (!command.empty()) exit_like(status, tracer.main_killed_by());
  return 0;
}

}  // namespace syscope

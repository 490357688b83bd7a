// SPDX-License-Identifier: MIT
#include "tools/syscope/options.h"

#include <getopt.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "syscalls/signal_names.h"

namespace syscope::cli {
namespace {

enum LongOnly {
  kSeccomp = 1000, kNoSeccomp, kKillOnExit, kInject, kFault, kTrace, kSignal, kStatus,
  kAbbrev, kVerboseSet, kRaw, kRewrite, kRewritePath, kSetReturn, kLatency, kQuietLong,
  kStringsHex, kDecodeFds, kAbsTs, kRelTs, kSyscallTimes, kConstStyle, kSeparately,
};

const option kLong[] = {
    {"attach", required_argument, nullptr, 'p'},
    {"output", required_argument, nullptr, 'o'},
    {"output-append-mode", no_argument, nullptr, 'A'},
    {"follow-forks", no_argument, nullptr, 'f'},
    {"output-separately", no_argument, nullptr, kSeparately},
    {"string-limit", required_argument, nullptr, 's'},
    {"no-abbrev", no_argument, nullptr, 'v'},
    {"columns", required_argument, nullptr, 'a'},
    {"instruction-pointer", no_argument, nullptr, 'i'},
    {"syscall-number", no_argument, nullptr, 'n'},
    {"summary-only", no_argument, nullptr, 'c'},
    {"summary", no_argument, nullptr, 'C'},
    {"summary-wall-clock", no_argument, nullptr, 'w'},
    {"summary-sort-by", required_argument, nullptr, 'S'},
    {"summary-columns", required_argument, nullptr, 'U'},
    {"successful-only", no_argument, nullptr, 'z'},
    {"failed-only", no_argument, nullptr, 'Z'},
    {"failing-only", no_argument, nullptr, 'Z'},
    {"trace-path", required_argument, nullptr, 'P'},
    {"env", required_argument, nullptr, 'E'},
    {"help", no_argument, nullptr, 'h'},
    {"version", no_argument, nullptr, 'V'},
    {"seccomp-bpf", no_argument, nullptr, kSeccomp},
    {"no-seccomp-bpf", no_argument, nullptr, kNoSeccomp},
    {"kill-on-exit", no_argument, nullptr, kKillOnExit},
    {"inject", required_argument, nullptr, kInject},
    {"fault", required_argument, nullptr, kFault},
    {"trace", required_argument, nullptr, kTrace},
    {"signal", required_argument, nullptr, kSignal},
    {"status", required_argument, nullptr, kStatus},
    {"abbrev", required_argument, nullptr, kAbbrev},
    {"verbose", required_argument, nullptr, kVerboseSet},
    {"raw", required_argument, nullptr, kRaw},
    {"rewrite", required_argument, nullptr, kRewrite},
    {"rewrite-path", required_argument, nullptr, kRewritePath},
    {"set-return", required_argument, nullptr, kSetReturn},
    {"latency-percentiles", no_argument, nullptr, kLatency},
    {"quiet", optional_argument, nullptr, kQuietLong},
    {"silent", optional_argument, nullptr, kQuietLong},
    {"silence", optional_argument, nullptr, kQuietLong},
    {"strings-in-hex", optional_argument, nullptr, kStringsHex},
    {"decode-fds", optional_argument, nullptr, kDecodeFds},
    {"absolute-timestamps", optional_argument, nullptr, kAbsTs},
    {"timestamps", optional_argument, nullptr, kAbsTs},
    {"relative-timestamps", optional_argument, nullptr, kRelTs},
    {"syscall-times", optional_argument, nullptr, kSyscallTimes},
    {"const-print-style", required_argument, nullptr, kConstStyle},
    {nullptr, 0, nullptr, 0},
};

void usage_hint() { fprintf(stderr, "Try 'syscope -h' for more information.\n"); }

int fail(const std::string& msg) {
  fprintf(stderr, "syscope: %s\n", msg.c_str());
  return 1;
}

bool parse_uint(const char* s, long max, long* out) {
  if (!s || !*s) return false;
  char* end = nullptr;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || *end || v < 0 || v > max) return false;
  *out = v;
  return true;
}

Result<std::bitset<65>> parse_signal_set(std::string_view expr) {
  std::bitset<65> set;
  bool negate = false;
  if (!expr.empty() && expr[0] == '!') {
    negate = true;
    expr.remove_prefix(1);
  }
  size_t pos = 0;
  while (pos <= expr.size()) {
    size_t comma = expr.find(',', pos);
    if (comma == std::string_view::npos) comma = expr.size();
    std::string_view e = expr.substr(pos, comma - pos);
    if (e == "all") {
      set.set();
    } else if (e != "none") {
      int sig = signal_by_name(e);
      if (sig < 1 || sig > 64) return make_error(EINVAL, "invalid signal '" + std::string(e) + "'");
      set.set(static_cast<size_t>(sig));
    }
    if (comma == expr.size()) break;
    pos = comma + 1;
  }
  if (negate) set.flip();
  return set;
}

int parse_status(std::string_view expr, unsigned* out) {
  bool negate = false;
  if (!expr.empty() && expr[0] == '!') {
    negate = true;
    expr.remove_prefix(1);
  }
  unsigned v = 0;
  size_t pos = 0;
  while (pos <= expr.size()) {
    size_t comma = expr.find(',', pos);
    if (comma == std::string_view::npos) comma = expr.size();
    std::string_view e = expr.substr(pos, comma - pos);
    if (e == "successful") v |= StraceOptions::kSuccessful;
    else if (e == "failed") v |= StraceOptions::kFailed;
    else if (e == "unfinished") v |= StraceOptions::kUnfinished;
    else if (e == "unavailable") v |= StraceOptions::kUnavailable;
    else if (e == "detached") v |= StraceOptions::kDetached;
    else if (e == "all") v = 31;
    else if (e != "none") return fail("invalid status '" + std::string(e) + "'");
    if (comma == expr.size()) break;
    pos = comma + 1;
  }
  *out = negate ? (~v & 31u) : v;
  return -1;
}

int parse_syscall_set(std::string_view expr, SyscallSet* out) {
  auto s = SyscallSet::parse(expr);
  if (!s) return fail(s.error().op);
  *out = std::move(*s);
  return -1;
}

// -e [QUALIFIER=]VALUE
int parse_qualifier(std::string_view e, Options* o) {
  std::string_view key = "trace", val = e;
  if (size_t eq = e.find('='); eq != std::string_view::npos) {
    key = e.substr(0, eq);
    val = e.substr(eq + 1);
  }
  if (key == "trace" || key == "t") return parse_syscall_set(val, &o->strace.trace);
  if (key == "abbrev" || key == "a") {
    int r = parse_syscall_set(val, &o->strace.abbrev);
    return r;
  }
  if (key == "verbose" || key == "v") return parse_syscall_set(val, &o->strace.verbose);
  if (key == "raw" || key == "x") return parse_syscall_set(val, &o->strace.raw);
  if (key == "signal" || key == "signals" || key == "s") {
    auto s = parse_signal_set(val);
    if (!s) return fail(s.error().op);
    o->strace.signals = *s;
    return -1;
  }
  if (key == "status") return parse_status(val, &o->strace.status);
  if (key == "inject" || key == "fault") {
    o->inject.push_back(std::string(key) + "=" + std::string(val));
    return -1;
  }
  if (key == "quiet" || key == "silent" || key == "silence" || key == "q") {
    o->strace.quiet = val == "none" ? 0 : val.find("exit") != std::string_view::npos || val == "all" ? 2 : 1;
    return -1;
  }
  if (key == "decode-fds") {
    o->strace.fmt.decode_fds = val == "none" ? 0 : (val == "all" || val.find("socket") != std::string_view::npos) ? 2 : 1;
    return -1;
  }
  if (key == "read" || key == "reads" || key == "r" || key == "write" || key == "writes" || key == "w") {
    auto fds = FdSet::parse(val);
    if (!fds) return fail(fds.error().op);
    (key[0] == 'r' ? o->strace.read_fds : o->strace.write_fds) = std::move(*fds);
    o->strace.dump_io = !o->strace.read_fds.empty() || !o->strace.write_fds.empty();
    return -1;
  }
  if (key == "kvm" || key == "trace-fds" || key == "fd" || key == "fds")
    return fail("-e " + std::string(key) + "= is not supported yet");
  return fail("invalid qualifier '" + std::string(e) + "'");
}

void print_help() {
  printf(
      "Usage: syscope [-ACdffhiqqrtttTvVwxxyyzZ] [-I N] [-b execve] [-e EXPR]...\n"
      "               [-a COLUMN] [-o FILE] [-s STRSIZE] [-X FORMAT] [-O OVERHEAD]\n"
      "               [-S SORTBY] [-P PATH]... [-p PID]... [-U COLUMNS] [--seccomp-bpf]\n"
      "               { -p PID | [-DDD] [-E VAR=VAL]... [-u USERNAME] PROG [ARGS] }\n"
      "   or: syscope -c[dfwzZ] [-I N] [-b execve] [-e EXPR]... [-O OVERHEAD]\n"
      "               [-S SORTBY] [-P PATH]... [-p PID]... [-U COLUMNS] [--seccomp-bpf]\n"
      "               { -p PID | [-DDD] [-E VAR=VAL]... [-u USERNAME] PROG [ARGS] }\n"
      "   or: syscope step [OPTIONS] { -p PID | PROG [ARGS] }   (see syscope step -h)\n"
      "   or: syscope mem -p PID COMMAND ...  /  syscope regs -p PID\n"
      "\n"
      "Tracing:  -f follow forks, -ff with -o: one file per process\n"
      "Filtering: -e trace=[!]{[?]SYSCALL[@64|@32]|?/REGEX|GROUP|all|none},\n"
      "           -e signal=SET, -e status=SET, -z, -Z, -P PATH\n"
      "Output:   -o FILE, -A, -a COLUMN, -s STRSIZE, -v, -x, -xx, -X raw|abbrev|verbose,\n"
      "          -y, -yy, -i, -n, -t, -tt, -ttt, -r, -T, -q, -qq\n"
      "Statistics: -c, -C, -w, -S SORTBY, -U COLUMNS, --latency-percentiles\n"
      "Tampering: -e inject=SET:..., -e fault=SET:..., --rewrite SET:ARG=VALUE,\n"
      "           --rewrite-path OLD=NEW, --set-return SET:VALUE\n"
      "Speed:    --seccomp-bpf (default when the traced set is not all), --no-seccomp-bpf\n"
      "  -h, --help  this help;  -V, --version  version\n");
}

}  // namespace

int parse(int argc, char** argv, Options* o, bool* exit_now) {
  *exit_now = false;
  opterr = 0;
  int timestamps = 0, xcount = 0, ycount = 0;
  int c;
  while ((c = getopt_long(argc, argv, "+a:AcCe:E:fFhino:p:P:qrs:S:tTU:vVwxX:yYzZ", kLong, nullptr)) != -1) {
    long n = 0;
    switch (c) {
      case 'a':
        if (!parse_uint(optarg, 1 << 20, &n)) return fail(std::string("invalid -a argument: '") + optarg + "'");
        o->strace.columns = static_cast<int>(n);
        break;
      case 'A': o->append = true; break;
      case 'c': o->summary = 1; break;
      case 'C': o->summary = 2; break;
      case 'e':
        if (int r = parse_qualifier(optarg, o); r >= 0) return r;
        break;
      case 'E': o->env_changes.push_back(optarg); break;
      case 'f':
      case 'F': ++o->follow; break;
      case kSeparately: o->follow = std::max(o->follow, 2); break;
      case 'h': print_help(); *exit_now = true; return 0;
      case 'i': o->strace.show_ip = true; break;
      case 'n': o->strace.show_nr = true; break;
      case 'o': o->output = optarg; break;
      case 'p': {
        std::string_view list = optarg;
        size_t pos = 0;
        while (pos <= list.size()) {
          size_t end = list.find_first_of(", \t\n", pos);
          if (end == std::string_view::npos) end = list.size();
          std::string item(list.substr(pos, end - pos));
          if (!item.empty()) {
            if (!parse_uint(item.c_str(), 0x3fffffff, &n) || n == 0)
              return fail("Invalid process id: '" + item + "'");
            o->pids.push_back(static_cast<pid_t>(n));
          }
          if (end == list.size()) break;
          pos = end + 1;
        }
        break;
      }
      case 'P': o->trace_paths.push_back(optarg); break;
      case 'q': ++o->strace.quiet; o->quiet_given = true; break;
      case kQuietLong:
        o->strace.quiet = optarg ? (std::strstr(optarg, "exit") || std::strcmp(optarg, "all") == 0 ? 2 : 1) : 1;
        o->quiet_given = true;
        break;
      case 'r': o->strace.relative = true; break;
      case 's':
        if (!parse_uint(optarg, 1 << 30, &n)) return fail(std::string("invalid -s argument: '") + optarg + "'");
        o->strace.fmt.string_limit = static_cast<uint32_t>(n);
        break;
      case 'S': o->summary_sort = optarg; break;
      case 't': ++timestamps; break;
      case kAbsTs: timestamps = std::max(timestamps, 2); break;
      case kRelTs: o->strace.relative = true; break;
      case 'T': o->strace.syscall_times = true; break;
      case kSyscallTimes: o->strace.syscall_times = true; break;
      case 'U': o->summary_columns = optarg; break;
      case 'v': o->strace.fmt.abbrev = false; break;
      case 'V':
        printf("syscope -- version 0.1.0\nA strace-compatible tracer; features: seccomp-bpf get-syscall-info\n");
        *exit_now = true;
        return 0;
      case 'w': o->summary_wall = true; break;
      case 'x': ++xcount; break;
      case kStringsHex:
        xcount = optarg && std::strcmp(optarg, "non-ascii") == 0 ? 1 : 2;
        break;
      case 'X':
      case kConstStyle:
        if (std::strcmp(optarg, "raw") == 0) o->strace.fmt.const_style = FormatOptions::ConstStyle::kRaw;
        else if (std::strcmp(optarg, "abbrev") == 0) o->strace.fmt.const_style = FormatOptions::ConstStyle::kAbbrev;
        else if (std::strcmp(optarg, "verbose") == 0) o->strace.fmt.const_style = FormatOptions::ConstStyle::kVerbose;
        else return fail(std::string("invalid -X argument: '") + optarg + "'");
        break;
      case 'y': ++ycount; break;
      case kDecodeFds: ycount = optarg && std::strcmp(optarg, "path") != 0 ? 2 : std::max(ycount, 1); break;
      case 'Y': break;
      case 'z': o->strace.status = StraceOptions::kSuccessful; break;
      case 'Z': o->strace.status = StraceOptions::kFailed; break;
      case kSeccomp: o->seccomp = 1; break;
      case kNoSeccomp: o->seccomp = 0; break;
      case kKillOnExit: o->kill_on_exit = true; break;
      case kInject: o->inject.push_back(std::string("inject=") + optarg); break;
      case kFault: o->inject.push_back(std::string("fault=") + optarg); break;
      case kTrace: if (int r = parse_syscall_set(optarg, &o->strace.trace); r >= 0) return r; break;
      case kSignal: if (int r = parse_qualifier(std::string("signal=") + optarg, o); r >= 0) return r; break;
      case kStatus: if (int r = parse_status(optarg, &o->strace.status); r >= 0) return r; break;
      case kAbbrev: if (int r = parse_syscall_set(optarg, &o->strace.abbrev); r >= 0) return r; break;
      case kVerboseSet: if (int r = parse_syscall_set(optarg, &o->strace.verbose); r >= 0) return r; break;
      case kRaw: if (int r = parse_syscall_set(optarg, &o->strace.raw); r >= 0) return r; break;
      case kRewrite: o->rewrite.push_back(optarg); break;
      case kRewritePath: o->rewrite_path.push_back(optarg); break;
      case kSetReturn: o->set_return.push_back(optarg); break;
      case kLatency: o->summary_percentiles = true; break;
      case '?':
      default:
        if (optopt && optopt < 256 && std::strchr("aeEoOpPsSUX", optopt))
          fprintf(stderr, "syscope: option requires an argument -- '%c'\n", optopt);
        else if (optopt && optopt < 256)
          fprintf(stderr, "syscope: invalid option -- '%c'\n", optopt);
        else
          fprintf(stderr, "syscope: unrecognized option '%s'\n", argv[optind - 1]);
        usage_hint();
        return 1;
    }
  }
  o->strace.timestamps = std::min(timestamps, 3);
  o->strace.fmt.hex_strings = static_cast<uint8_t>(std::min(xcount, 2));
  o->strace.fmt.decode_fds = static_cast<uint8_t>(std::max<int>(o->strace.fmt.decode_fds, std::min(ycount, 2)));
  for (int i = optind; i < argc; ++i) o->command.push_back(argv[i]);
  if (o->command.empty() && o->pids.empty()) {
    fprintf(stderr, "syscope: must have PROG [ARGS] or -p PID\n");
    usage_hint();
    return 1;
  }
  if (o->follow >= 2 && o->output.empty()) o->follow = 1;  // -ff without -o is -f
  return -1;
}

std::string resolve_program(const std::string& name) {
  struct stat st;
  if (name.find('/') != std::string::npos) return stat(name.c_str(), &st) == 0 ? name : std::string();
  const char* path = getenv("PATH");
  std::string_view p = path ? path : "/usr/local/bin:/bin:/usr/bin";
  size_t pos = 0;
  while (pos <= p.size()) {
    size_t colon = p.find(':', pos);
    if (colon == std::string_view::npos) colon = p.size();
    std::string dir(p.substr(pos, colon - pos));
    if (dir.empty()) dir = ".";
    std::string cand = dir + "/" + name;
    if (stat(cand.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111)) return cand;
    if (colon == p.size()) break;
    pos = colon + 1;
  }
  return {};
}

}  // namespace syscope::cli

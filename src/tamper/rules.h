// SPDX-License-Identifier: MIT
// The command line's tampering rules: strace's -e inject=/-e fault=
// expressions (parsed exactly as strace 6.1 parses them, src/filter_qualify.c)
// and syscope's --rewrite, --rewrite-path and --set-return; install() turns
// them into Tamper hooks.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "syscalls/syscall_set.h"
#include "syscope/error.h"
#include "syscope/tamper.h"

namespace syscope::tamper {

constexpr uint16_t kWhenInf = 0xffff;

// when=FIRST[..LAST][+[STEP]]: strace's counters. first counts down to the
// first injection, then restarts at step (0: never again); last counts every
// call and stops injections when it reaches 0 (kWhenInf: never).
struct When {
  uint16_t first = 1;
  uint16_t last = kWhenInf;
  uint16_t step = 1;
};

// One countdown, per syscall per thread. Returns true when this call is one
// to tamper with (strace's tamper_with_syscall_entering).
struct Counter {
  uint16_t first = 1;
  uint16_t last = kWhenInf;
  explicit Counter(const When& w) : first(w.first), last(w.last) {}
  bool hit(uint16_t step) {
    if (first == 0 || last == 0) return false;
    if (last != kWhenInf) --last;
    if (--first != 0) return false;
    first = step;
    return true;
  }
};

struct Poke {
  int arg = 1;  // 1-based, as @argN
  bool enter = true;
  std::vector<uint8_t> data;
};

struct InjectRule {
  enum Flag : unsigned {
    kSignal = 0x01,
    kError = 0x02,
    kRetval = 0x04,
    kDelayEnter = 0x08,
    kDelayExit = 0x10,
    kSyscall = 0x20,
    kPokeEnter = 0x40,
    kPokeExit = 0x80,
  };
  SyscallSet set;
  When when;
  unsigned flags = 0;
  int error = 0;
  uint64_t retval = 0;
  int signo = 0;
  long scno[2] = {-1, -1};  // syscall= replacement per ABI
  std::chrono::nanoseconds delay_enter{0}, delay_exit{0};
  std::vector<Poke> pokes;
};

// SET:TOKEN:... as given to -e inject= (fault=false) or -e fault=. Errors
// carry strace's message ("invalid inject argument 'X'", "invalid system
// call 'X'"). Warnings (retval= that could look like an error) are appended
// to *warnings, without the "syscope: " prefix.
Result<InjectRule> parse_inject(std::string_view expr, bool fault, std::vector<std::string>* warnings);
// "inject=..." or "fault=..." as cli::Options::inject stores them.
Result<InjectRule> parse_inject_option(std::string_view opt, std::vector<std::string>* warnings);
// when= value; false if invalid.
bool parse_when(std::string_view v, When* out);
// delay_enter=/delay_exit= value (strace's parse_ts: microseconds, or a
// number with s/ms/us/ns); false if invalid.
bool parse_delay(std::string_view v, std::chrono::nanoseconds* out);

// --rewrite SET:argN=VALUE[,argM=VALUE...][:when=EXPR]  (N = 1..6)
struct RewriteArgRule {
  SyscallSet set;
  When when;
  std::vector<std::pair<int, uint64_t>> args;  // 0-based index, value
};
// --rewrite-path OLD=NEW: a path argument equal to OLD, or below OLD/,
// becomes NEW (NEW/rest).
struct RewritePathRule {
  std::string from, to;
};
// --set-return SET:VALUE[:when=EXPR]; VALUE is an integer or -ERRNO.
struct SetReturnRule {
  SyscallSet set;
  When when;
  int64_t value = 0;
};

Result<RewriteArgRule> parse_rewrite(std::string_view arg);
Result<RewritePathRule> parse_rewrite_path(std::string_view arg);
Result<SetReturnRule> parse_set_return(std::string_view arg);

// The path arguments (0-based) of a syscall: open, openat, stat family,
// execve, access, readlink, rename, link, ... Empty for other calls.
std::span<const uint8_t> path_args(Abi abi, long nr);

struct TamperConfig {
  std::vector<InjectRule> inject;  // in command-line order; the last for a syscall wins
  std::vector<RewriteArgRule> rewrite;
  std::vector<RewritePathRule> paths;
  std::vector<SetReturnRule> set_return;
  // strace injects only into syscalls it traces (-e trace=).
  SyscallSet traced = SyscallSet::all();

  bool empty() const { return inject.empty() && rewrite.empty() && paths.empty() && set_return.empty(); }
  // Whether a rule delivers signals (they cannot be given at a seccomp stop:
  // strace 6.1 without --seccomp-bpf delivers them at entry).
  bool has_signal() const;
  // Syscalls that must stop for the rules to act: injected ones (traced
  // anyway), rewritten ones, every path-taking syscall for --rewrite-path.
  SyscallSet needed() const;
};

// Adds the rules to `tamper` as hooks (injections first, then --rewrite,
// --rewrite-path and --set-return, in command-line order).
void install(Tamper& tamper, const TamperConfig& cfg);

}  // namespace syscope::tamper

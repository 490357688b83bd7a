// SPDX-License-Identifier: MIT
#include "tamper/rules.h"

#include <climits>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>

#include "syscalls/errno_names.h"
#include "syscalls/signal_names.h"

namespace syscope::tamper {
namespace {

constexpr int kMaxErrno = 4095;

// strace's string_to_uint_ex: a decimal number (strtoll), 0..max, followed
// by nothing or one of `accepted`. -1 if invalid.
long long to_uint_ex(const std::string& s, size_t* end_pos, unsigned long long max, const char* accepted) {
  if (s.empty()) return -1;
  errno = 0;
  char* end = nullptr;
  long long v = strtoll(s.c_str(), &end, 10);
  if (end == s.c_str() || v < 0 || static_cast<unsigned long long>(v) > max || (v == LLONG_MAX && errno == ERANGE))
    return -1;
  if (*end && (!accepted || !std::strchr(accepted, *end))) return -1;
  if (end_pos) *end_pos = static_cast<size_t>(end - s.c_str());
  return v;
}

long long to_uint_upto(const std::string& s, unsigned long long max) { return to_uint_ex(s, nullptr, max, nullptr); }

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// strace's find_errno_by_name: exactly the names of its table.
int errno_by_exact_name(std::string_view name) {
  for (int i = 1; i <= kMaxErrno; ++i) {
    const char* n = errno_name(i);
    if (n && iequal(name, n)) return i;
  }
  return -1;
}

// strace's sigstr_to_uint: a number up to 255, or a name with or without
// SIG, case-insensitive, as strace prints it.
int signal_number(const std::string& s) {
  if (!s.empty() && s[0] >= '0' && s[0] <= '9') return static_cast<int>(to_uint_upto(s, 255));
  std::string_view v = s;
  if (v.size() >= 3 && iequal(v.substr(0, 3), "SIG")) v.remove_prefix(3);
  for (int i = 1; i <= 64; ++i) {
    const char* n = signal_name(i);
    if (n && std::strncmp(n, "SIG", 3) == 0 && iequal(n + 3, v)) return i;
  }
  return -1;
}

bool parse_poke(const std::string& input, bool enter, unsigned* flags, std::vector<Poke>* pokes) {
  unsigned flag = enter ? InjectRule::kPokeEnter : InjectRule::kPokeExit;
  if ((*flags & flag) || input.empty()) return false;
  size_t pos = 0;
  bool any = false;
  while (pos <= input.size()) {
    size_t comma = input.find(',', pos);
    if (comma == std::string::npos) comma = input.size();
    std::string tok = input.substr(pos, comma - pos);
    pos = comma + 1;
    if (tok.empty()) continue;  // strtok skips empty tokens
    if (tok.compare(0, 4, "@arg") != 0) return false;
    if (tok.size() < 6 || tok[4] < '1' || tok[4] > '7' || tok[5] != '=') return false;
    Poke p;
    p.arg = tok[4] - '0';
    p.enter = enter;
    std::string hex = tok.substr(6);
    if (hex.empty() || hex.size() % 2 || hex.size() > 2048) return false;
    for (size_t i = 0; i < hex.size(); i += 2) {
      unsigned char byte = 0;
      if (sscanf(hex.c_str() + i, "%2hhx", &byte) != 1) return false;
      p.data.push_back(byte);
    }
    for (const Poke& q : *pokes)
      if (q.enter == enter && q.arg == p.arg) return false;  // duplicate
    pokes->push_back(std::move(p));
    any = true;
  }
  if (!any) return false;
  *flags |= flag;
  return true;
}

std::string hex_u64(uint64_t v) {
  char b[32];
  snprintf(b, sizeof b, "%" PRIu64, v);
  return b;
}

void check_inadvertent(uint64_t v, std::vector<std::string>* warnings) {
  if (!warnings) return;
  bool inadvertent = false;
  int64_t sv = static_cast<int64_t>(v);
  if (sv < 0 && sv >= -kMaxErrno) {
    inadvertent = true;
    warnings->push_back("Inadvertent injection of error " + std::to_string(-sv) +
                        " is possible for retval=" + hex_u64(v));
  } else if (static_cast<int>(v) < 0 && static_cast<int>(v) >= -kMaxErrno) {
    inadvertent = true;
    warnings->push_back("Inadvertent injection of error " + std::to_string(-static_cast<int>(v)) +
                        " is possible in compat personality for retval=" + hex_u64(v));
  }
  if (!inadvertent && static_cast<unsigned>(v) != v)
    warnings->push_back("Injected return value " + hex_u64(v) + " will be clipped to " +
                        std::to_string(static_cast<unsigned>(v)) + " in compat personality");
}

bool parse_token(const std::string& token, InjectRule* r, bool fault, std::vector<std::string>* warnings) {
  auto strip = [&](const char* prefix, std::string* val) {
    size_t n = std::strlen(prefix);
    if (token.compare(0, n, prefix) != 0) return false;
    *val = token.substr(n);
    return true;
  };
  std::string val;
  if (strip("when=", &val)) return parse_when(val, &r->when);
  if (strip("syscall=", &val)) {
    if (r->flags & InjectRule::kSyscall) return false;
    for (Abi abi : {Abi::kX86_64, Abi::kI386}) {
      const SyscallDesc* d = syscall_by_name(abi, val);
      if (!d || !(d->classes & kClassPure)) return false;
      r->scno[static_cast<int>(abi)] = d->nr;
    }
    r->flags |= InjectRule::kSyscall;
    return true;
  }
  if (strip("error=", &val)) {
    if (r->flags & (InjectRule::kError | InjectRule::kRetval)) return false;
    long long e = to_uint_upto(val, kMaxErrno);
    if (e < 0) e = errno_by_exact_name(val);
    if (e < 1) return false;
    r->error = static_cast<int>(e);
    r->flags |= InjectRule::kError;
    return true;
  }
  if (fault) return false;
  if (strip("retval=", &val)) {
    if (r->flags & (InjectRule::kError | InjectRule::kRetval)) return false;
    errno = 0;
    char* end = nullptr;
    unsigned long long v = strtoull(val.c_str(), &end, 0);
    if (end == val.c_str() || *end || ((v == 0 || v == ULLONG_MAX) && errno)) return false;
    check_inadvertent(v, warnings);
    r->retval = v;
    r->flags |= InjectRule::kRetval;
    return true;
  }
  if (strip("signal=", &val)) {
    if (r->flags & InjectRule::kSignal) return false;
    int sig = signal_number(val);
    if (sig < 1 || sig > 64) return false;
    r->signo = sig;
    r->flags |= InjectRule::kSignal;
    return true;
  }
  if (strip("poke_enter=", &val)) return parse_poke(val, true, &r->flags, &r->pokes);
  if (strip("poke_exit=", &val)) return parse_poke(val, false, &r->flags, &r->pokes);
  if (strip("delay_enter=", &val)) {
    if ((r->flags & InjectRule::kDelayEnter) || !parse_delay(val, &r->delay_enter)) return false;
    r->flags |= InjectRule::kDelayEnter;
    return true;
  }
  if (strip("delay_exit=", &val)) {
    if ((r->flags & InjectRule::kDelayExit) || !parse_delay(val, &r->delay_exit)) return false;
    r->flags |= InjectRule::kDelayExit;
    return true;
  }
  return false;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t e = s.find(sep, pos);
    if (e == std::string_view::npos) e = s.size();
    out.emplace_back(s.substr(pos, e - pos));
    pos = e + 1;
  }
  return out;
}

Error invalid(const char* what, std::string_view arg) {
  return Error{EINVAL, std::string("invalid ") + what + " '" + std::string(arg) + "'"};
}

// Integer with sign, any base strtoll/strtoull accept; or -ERRNO / ERRNO.
bool parse_value(const std::string& s, int64_t* out) {
  if (s.empty()) return false;
  std::string_view v = s;
  bool neg = false;
  if (v[0] == '-') {
    neg = true;
    v.remove_prefix(1);
  }
  if (!v.empty() && (v[0] == 'E' || v[0] == 'e') && !(v.size() > 1 && (v[1] == 'x' || v[1] == 'X'))) {
    int e = errno_by_exact_name(v);
    if (e < 1) return false;
    *out = -static_cast<int64_t>(e);
    return true;
  }
  errno = 0;
  char* end = nullptr;
  std::string digits(v);
  unsigned long long u = strtoull(digits.c_str(), &end, 0);
  if (digits.empty() || end == digits.c_str() || *end || errno || digits[0] == '-' || digits[0] == '+') return false;
  *out = neg ? -static_cast<int64_t>(u) : static_cast<int64_t>(u);
  return true;
}

// SET[:rest...]: the set and the remaining tokens; the set is parsed last
// (strace's order for inject: tokens first).
struct SetAndTokens {
  std::string set;
  std::vector<std::string> tokens;
};
SetAndTokens split_set(std::string_view arg) {
  SetAndTokens r;
  auto parts = split(arg, ':');
  r.set = parts[0];
  for (size_t i = 1; i < parts.size(); ++i)
    if (!parts[i].empty()) r.tokens.push_back(parts[i]);
  return r;
}

}  // namespace

bool parse_when(std::string_view v, When* out) {
  std::string s(v);
  size_t end = 0;
  long long x = to_uint_ex(s, &end, 0xffff, "+.");
  if (x < 1) return false;
  When w;
  w.first = static_cast<uint16_t>(x);
  if (end < s.size() && s[end] == '.') {
    if (end + 1 >= s.size() || s[end + 1] != '.') return false;
    std::string rest = s.substr(end + 2);
    size_t e2 = 0;
    long long y = to_uint_ex(rest, &e2, 0xffff, "+");
    if (y < w.first || y == kWhenInf) return false;
    w.last = static_cast<uint16_t>(y);
    end = end + 2 + e2;
  } else {
    w.last = kWhenInf;
  }
  if (end < s.size()) {
    std::string step = s.substr(end + 1);  // s[end] is '+'
    if (!step.empty()) {
      long long st = to_uint_upto(step, 0xffff);
      if (st < 1) return false;
      w.step = static_cast<uint16_t>(st);
    } else {
      w.step = 1;
    }
  } else {
    w.step = w.last == kWhenInf ? 0 : 1;
  }
  *out = w;
  return true;
}

bool parse_delay(std::string_view v, std::chrono::nanoseconds* out) {
  constexpr long long kNs = 1000000000LL;
  std::string s(v);
  size_t float_len = std::strspn(s.c_str(), "eE.-+0123456789");
  size_t int_len = std::strspn(s.c_str(), "+0123456789");
  double fv = -1;
  long long iv = -1;
  size_t end = 0;
  if (float_len > int_len) {
    errno = 0;
    char* e = nullptr;
    fv = strtod(s.c_str(), &e);
    if (e == s.c_str() || errno || fv < 0) return false;
    end = static_cast<size_t>(e - s.c_str());
  } else {
    iv = to_uint_ex(s, &end, LLONG_MAX, "smun");
    if (iv < 0) return false;
  }
  std::string_view sfx = std::string_view(s).substr(end);
  long long scale = 0;
  if (sfx.empty())
    scale = 1000;
  else if (iequal(sfx, "s"))
    scale = 1000000000;
  else if (iequal(sfx, "ms"))
    scale = 1000000;
  else if (iequal(sfx, "us"))
    scale = 1000;
  else if (iequal(sfx, "ns"))
    scale = 1;
  else
    return false;
  long long sec, nsec;
  if (float_len > int_len) {
    sec = static_cast<long long>(fv / static_cast<double>(kNs / scale));
    nsec = static_cast<long long>(static_cast<uint64_t>((fv - static_cast<double>(sec * (kNs / scale))) *
                                                        static_cast<double>(scale)) %
                                  static_cast<uint64_t>(kNs));
  } else {
    sec = iv / (kNs / scale);
    nsec = (iv % (kNs / scale)) * scale;
  }
  *out = std::chrono::seconds(sec) + std::chrono::nanoseconds(nsec);
  return true;
}

Result<InjectRule> parse_inject(std::string_view expr, bool fault, std::vector<std::string>* warnings) {
  const char* what = fault ? "fault argument" : "inject argument";
  InjectRule r;
  std::string name;
  if (!expr.empty() && expr[0] != ':') {
    SetAndTokens st = split_set(expr);
    name = st.set;
    for (const auto& tok : st.tokens)
      if (!parse_token(tok, &r, fault, warnings)) return std::unexpected(invalid(what, expr));
  }
  auto set = SyscallSet::parse(name);
  if (!set) return std::unexpected(set.error());
  r.set = std::move(*set);
  constexpr unsigned kActions = InjectRule::kSignal | InjectRule::kError | InjectRule::kRetval |
                                InjectRule::kDelayEnter | InjectRule::kDelayExit | InjectRule::kPokeEnter |
                                InjectRule::kPokeExit;
  if (!(r.flags & kActions)) {
    if (!fault) return std::unexpected(invalid(what, expr));
    r.error = ENOSYS;
    r.flags |= InjectRule::kError;
  }
  return r;
}

Result<InjectRule> parse_inject_option(std::string_view opt, std::vector<std::string>* warnings) {
  if (opt.starts_with("inject=")) return parse_inject(opt.substr(7), false, warnings);
  if (opt.starts_with("fault=")) return parse_inject(opt.substr(6), true, warnings);
  return make_error(EINVAL, "invalid inject option '" + std::string(opt) + "'");
}

Result<RewriteArgRule> parse_rewrite(std::string_view arg) {
  SetAndTokens st = split_set(arg);
  RewriteArgRule r;
  if (st.tokens.empty()) return std::unexpected(invalid("--rewrite argument", arg));
  for (const auto& tok : st.tokens) {
    if (tok.starts_with("when=")) {
      if (!parse_when(std::string_view(tok).substr(5), &r.when)) return std::unexpected(invalid("--rewrite argument", arg));
      continue;
    }
    for (const auto& item : split(tok, ',')) {
      std::string_view a = item;
      if (a.starts_with("@")) a.remove_prefix(1);
      if (a.starts_with("arg")) a.remove_prefix(3);
      if (a.size() < 3 || a[0] < '1' || a[0] > '6' || a[1] != '=') return std::unexpected(invalid("--rewrite argument", arg));
      int64_t v = 0;
      if (!parse_value(std::string(a.substr(2)), &v)) return std::unexpected(invalid("--rewrite argument", arg));
      r.args.emplace_back(a[0] - '1', static_cast<uint64_t>(v));
    }
  }
  if (r.args.empty()) return std::unexpected(invalid("--rewrite argument", arg));
  auto set = SyscallSet::parse(st.set);
  if (!set) return std::unexpected(set.error());
  r.set = std::move(*set);
  return r;
}

Result<RewritePathRule> parse_rewrite_path(std::string_view arg) {
  size_t eq = arg.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == arg.size())
    return std::unexpected(invalid("--rewrite-path argument", arg));
  RewritePathRule r{std::string(arg.substr(0, eq)), std::string(arg.substr(eq + 1))};
  if (r.to.size() >= 4096) return std::unexpected(invalid("--rewrite-path argument", arg));
  return r;
}

Result<SetReturnRule> parse_set_return(std::string_view arg) {
  SetAndTokens st = split_set(arg);
  SetReturnRule r;
  bool have_value = false;
  for (const auto& tok : st.tokens) {
    if (tok.starts_with("when=")) {
      if (!parse_when(std::string_view(tok).substr(5), &r.when)) return std::unexpected(invalid("--set-return argument", arg));
      continue;
    }
    if (have_value || !parse_value(tok, &r.value)) return std::unexpected(invalid("--set-return argument", arg));
    have_value = true;
  }
  if (!have_value) return std::unexpected(invalid("--set-return argument", arg));
  auto set = SyscallSet::parse(st.set);
  if (!set) return std::unexpected(set.error());
  r.set = std::move(*set);
  return r;
}

// ------------------------------------------------------------------ paths

namespace {

struct PathSyscall {
  const char* name;
  uint8_t args[2];
  uint8_t n;
};

constexpr PathSyscall kPathSyscalls[] = {
    {"open", {0}, 1},          {"creat", {0}, 1},         {"openat", {1}, 1},        {"openat2", {1}, 1},
    {"open_tree", {1}, 1},     {"stat", {0}, 1},          {"lstat", {0}, 1},         {"oldstat", {0}, 1},
    {"oldlstat", {0}, 1},      {"stat64", {0}, 1},        {"lstat64", {0}, 1},       {"newfstatat", {1}, 1},
    {"fstatat64", {1}, 1},     {"statx", {1}, 1},         {"statfs", {0}, 1},        {"statfs64", {0}, 1},
    {"execve", {0}, 1},        {"execveat", {1}, 1},      {"access", {0}, 1},        {"faccessat", {1}, 1},
    {"faccessat2", {1}, 1},    {"readlink", {0}, 1},      {"readlinkat", {1}, 1},    {"chdir", {0}, 1},
    {"chroot", {0}, 1},        {"mkdir", {0}, 1},         {"mkdirat", {1}, 1},       {"rmdir", {0}, 1},
    {"mknod", {0}, 1},         {"mknodat", {1}, 1},       {"unlink", {0}, 1},        {"unlinkat", {1}, 1},
    {"rename", {0, 1}, 2},     {"renameat", {1, 3}, 2},   {"renameat2", {1, 3}, 2},  {"link", {0, 1}, 2},
    {"linkat", {1, 3}, 2},     {"symlink", {1}, 1},       {"symlinkat", {2}, 1},     {"chmod", {0}, 1},
    {"fchmodat", {1}, 1},      {"fchmodat2", {1}, 1},     {"chown", {0}, 1},         {"lchown", {0}, 1},
    {"chown32", {0}, 1},       {"lchown32", {0}, 1},      {"fchownat", {1}, 1},      {"truncate", {0}, 1},
    {"truncate64", {0}, 1},    {"utime", {0}, 1},         {"utimes", {0}, 1},        {"futimesat", {1}, 1},
    {"utimensat", {1}, 1},     {"setxattr", {0}, 1},      {"lsetxattr", {0}, 1},     {"getxattr", {0}, 1},
    {"lgetxattr", {0}, 1},     {"listxattr", {0}, 1},     {"llistxattr", {0}, 1},    {"removexattr", {0}, 1},
    {"lremovexattr", {0}, 1},  {"swapon", {0}, 1},        {"swapoff", {0}, 1},       {"mount", {1}, 1},
    {"umount", {0}, 1},        {"umount2", {0}, 1},       {"pivot_root", {0, 1}, 2}, {"acct", {0}, 1},
    {"uselib", {0}, 1},        {"inotify_add_watch", {1}, 1}, {"fanotify_mark", {4}, 1},
    {"name_to_handle_at", {1}, 1}, {"mount_setattr", {1}, 1}, {"move_mount", {1, 3}, 2}, {"fspick", {1}, 1},
};

struct PathTable {
  std::vector<std::span<const uint8_t>> by_nr[2];
  PathTable() {
    for (Abi abi : {Abi::kX86_64, Abi::kI386}) {
      auto& v = by_nr[static_cast<int>(abi)];
      v.resize(static_cast<size_t>(syscall_table_size(abi)));
      for (const PathSyscall& p : kPathSyscalls)
        if (const SyscallDesc* d = syscall_by_name(abi, p.name))
          v[static_cast<size_t>(d->nr)] = std::span<const uint8_t>(p.args, p.n);
    }
  }
};

const PathTable& path_table() {
  static const PathTable t;
  return t;
}

}  // namespace

std::span<const uint8_t> path_args(Abi abi, long nr) {
  const auto& v = path_table().by_nr[static_cast<int>(abi)];
  if (nr < 0 || static_cast<size_t>(nr) >= v.size()) return {};
  return v[static_cast<size_t>(nr)];
}

bool TamperConfig::has_signal() const {
  for (const auto& r : inject)
    if (r.flags & InjectRule::kSignal) return true;
  return false;
}

SyscallSet TamperConfig::needed() const {
  SyscallSet s;
  for (Abi abi : {Abi::kX86_64, Abi::kI386}) {
    for (const auto& d : syscall_table(abi)) {
      bool need = false;
      for (const auto& r : inject) need |= r.set.contains(abi, d.nr) && traced.contains(abi, d.nr);
      for (const auto& r : rewrite) need |= r.set.contains(abi, d.nr);
      for (const auto& r : set_return) need |= r.set.contains(abi, d.nr);
      if (!paths.empty() && !path_args(abi, d.nr).empty()) need = true;
      if (need) s.add(abi, d.nr);
    }
  }
  return s;
}

// ------------------------------------------------------------------ install

namespace {

struct ThreadRules {
  std::unordered_map<uint64_t, Counter> counters;
  int pending = -1;  // inject rule with poke_exit/delay_exit for the current call
};

struct RuleEngine {
  TamperConfig cfg;
  std::vector<int> governing[2];  // per ABI and nr: the inject rule that applies, -1 none
  std::unordered_map<pid_t, ThreadRules> threads;

  explicit RuleEngine(const TamperConfig& c) : cfg(c) {
    for (Abi abi : {Abi::kX86_64, Abi::kI386}) {
      auto& g = governing[static_cast<int>(abi)];
      g.assign(static_cast<size_t>(syscall_table_size(abi)), -1);
      for (size_t i = 0; i < cfg.inject.size(); ++i)
        for (const auto& d : syscall_table(abi))
          if (cfg.inject[i].set.contains(abi, d.nr)) g[static_cast<size_t>(d.nr)] = static_cast<int>(i);
    }
  }

  static uint64_t key(unsigned kind, size_t rule, Abi abi, long nr) {
    return (uint64_t{kind} << 56) | (uint64_t{rule} << 24) | (uint64_t{static_cast<unsigned>(abi)} << 20) |
           static_cast<uint64_t>(nr & 0xfffff);
  }
  bool hit(ThreadRules& tr, unsigned kind, size_t rule, Abi abi, long nr, const When& w) {
    auto it = tr.counters.try_emplace(key(kind, rule, abi, nr), w).first;
    return it->second.hit(w.step);
  }

  void pokes(TamperCall& c, const InjectRule& r, bool enter) {
    const SyscallDesc* d = syscall_by_nr(c.stop.abi, c.stop.nr);
    unsigned nargs = d ? d->nargs : 6;
    for (const Poke& p : r.pokes) {
      if (p.enter != enter) continue;
      if (static_cast<unsigned>(p.arg) > nargs) {
        fprintf(stderr,
                "syscope: Failed to tamper with process %d: requested to tamper with argument #%d, but system "
                "call '%s' has only %u arguments\n",
                c.tracee().tid, p.arg, d ? d->name : "?", nargs);
        continue;
      }
      if (!c.poke(c.stop.args[p.arg - 1], p.data.data(), p.data.size()))
        fprintf(stderr, "syscope: Failed to tamper with process %d: couldn't poke\n", c.tracee().tid);
    }
  }

  void inject_entry(TamperCall& c, ThreadRules& tr) {
    SyscallStop& s = c.stop;
    const auto& g = governing[static_cast<int>(s.abi)];
    if (s.nr < 0 || static_cast<size_t>(s.nr) >= g.size()) return;
    int ri = g[static_cast<size_t>(s.nr)];
    if (ri < 0 || !cfg.traced.contains(s.abi, s.nr)) return;
    // strace does not inject into the started command's first execve (its
    // own code runs until then).
    if (s.tracee.startup) return;
    const InjectRule& r = cfg.inject[static_cast<size_t>(ri)];
    if (!hit(tr, 0, 0, s.abi, s.nr, r.when)) return;
    // strace 6.1 loses the signal when it also delays at entry (the
    // delayed restart does not carry it).
    if ((r.flags & InjectRule::kSignal) && !(r.flags & InjectRule::kDelayEnter)) c.raise(r.signo);
    if (r.flags & (InjectRule::kError | InjectRule::kRetval)) {
      int64_t v = (r.flags & InjectRule::kRetval) ? static_cast<int64_t>(r.retval) : -static_cast<int64_t>(r.error);
      if (r.flags & InjectRule::kSyscall) {
        if (c.replace(r.scno[static_cast<int>(s.abi)])) (void)c.set_return(v);
      } else {
        (void)c.skip(v);
      }
    }
    if (r.flags & InjectRule::kPokeEnter) pokes(c, r, true);
    if (r.flags & InjectRule::kDelayEnter) c.delay(r.delay_enter);
    if (r.flags & (InjectRule::kPokeExit | InjectRule::kDelayExit)) tr.pending = ri;
  }

  void inject_exit(TamperCall& c, ThreadRules& tr) {
    if (tr.pending < 0) return;
    const InjectRule& r = cfg.inject[static_cast<size_t>(tr.pending)];
    tr.pending = -1;
    if (r.flags & InjectRule::kPokeExit) pokes(c, r, false);
    if (r.flags & InjectRule::kDelayExit) c.delay(r.delay_exit);
  }

  void rewrite_entry(TamperCall& c, ThreadRules& tr) {
    SyscallStop& s = c.stop;
    for (size_t i = 0; i < cfg.rewrite.size(); ++i) {
      const auto& r = cfg.rewrite[i];
      if (!r.set.contains(s.abi, s.nr) || !hit(tr, 1, i, s.abi, s.nr, r.when)) continue;
      for (auto [arg, v] : r.args) (void)c.set_arg(arg, v);
    }
    if (!cfg.paths.empty()) {
      for (uint8_t a : path_args(s.abi, s.nr)) {
        std::string path;
        bool terminated = false;
        if (!s.args[a] || !s.tracee.mem.read_cstring(s.args[a], 4096, &path, &terminated) || !terminated) continue;
        for (const auto& pr : cfg.paths) {
          std::string repl;
          if (path == pr.from) {
            repl = pr.to;
          } else if (path.size() > pr.from.size() && path.compare(0, pr.from.size(), pr.from) == 0 &&
                     (pr.from.back() == '/' || path[pr.from.size()] == '/')) {
            repl = pr.to + path.substr(pr.from.size());
          } else {
            continue;
          }
          if (auto r = c.set_path_arg(a, repl); !r)
            fprintf(stderr, "syscope: --rewrite-path: process %d: %s\n", s.tracee.tid, r.error().message().c_str());
          break;
        }
      }
    }
    for (size_t i = 0; i < cfg.set_return.size(); ++i) {
      const auto& r = cfg.set_return[i];
      if (!r.set.contains(s.abi, s.nr) || !hit(tr, 2, i, s.abi, s.nr, r.when)) continue;
      (void)c.set_return(r.value);
    }
  }
};

}  // namespace

void install(Tamper& tamper, const TamperConfig& cfg) {
  auto eng = std::make_shared<RuleEngine>(cfg);
  tamper.on_entry([eng](TamperCall& c) {
    ThreadRules& tr = eng->threads[c.tracee().tid];
    tr.pending = -1;
    if (!eng->cfg.inject.empty()) eng->inject_entry(c, tr);
    eng->rewrite_entry(c, tr);
  });
  tamper.on_exit([eng](TamperCall& c) {
    auto it = eng->threads.find(c.tracee().tid);
    if (it != eng->threads.end()) eng->inject_exit(c, it->second);
  });
  tamper.set_thread_listener([eng](pid_t old_tid, pid_t new_tid) {
    auto it = eng->threads.find(old_tid);
    if (it == eng->threads.end()) return;
    if (new_tid) eng->threads[new_tid] = std::move(it->second);
    eng->threads.erase(old_tid);
  });
}

}  // namespace syscope::tamper

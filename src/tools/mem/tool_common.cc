// SPDX-License-Identifier: MIT
#include "tools/mem/tool_common.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace syscope::tools {
namespace {
char g_interrupted_msg[128];

void on_interrupt(int) {
  ssize_t r = write(2, g_interrupted_msg, strlen(g_interrupted_msg));
  (void)r;
}
}  // namespace

void fail(const char* tool, const char* fmt, ...) {
  char buf[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  fflush(stdout);
  fprintf(stderr, "syscope %s: %s\n", tool, buf);
}

void install_signal_handlers(const char* tool) {
  snprintf(g_interrupted_msg, sizeof g_interrupted_msg, "syscope %s: interrupted; detached\n", tool);
  install_detach_on_signals(on_interrupt);
  // Writing to a closed pipe must not kill us while the process is held.
  signal(SIGPIPE, SIG_IGN);
}

std::optional<pid_t> parse_pid(const char* tool, std::string_view s) {
  auto v = parse_number(s, false);
  if (!v || *v == 0 || *v > 0x3fffffff) {
    fail(tool, "invalid process id: '%.*s'", static_cast<int>(s.size()), s.data());
    return std::nullopt;
  }
  return static_cast<pid_t>(*v);
}

std::unique_ptr<Process> attach_or_report(const char* tool, pid_t pid, const AttachOptions& opts) {
  auto tg = thread_group_of(pid);
  if (!tg) {
    fail(tool, "no such process: %d", pid);
    return nullptr;
  }
  if (auto tr = tracer_of(pid); tr && *tr != 0 && *tr != getpid()) {
    fail(tool, "cannot attach to %d: already traced by process %d", pid, *tr);
    return nullptr;
  }
  auto p = Process::attach(pid, opts);
  if (!p) {
    if (p.error().code == ESRCH)
      fail(tool, "no such process: %d", pid);
    else
      fail(tool, "cannot attach to %d: %s", pid, strerror(p.error().code));
    return nullptr;
  }
  hold_for_tests();
  return std::move(*p);
}

std::optional<Maps> maps_or_report(const char* tool, pid_t pid) {
  auto m = Maps::read(pid);
  if (!m) {
    if (m.error().code == ESRCH || m.error().code == ENOENT)
      fail(tool, "no such process: %d", pid);
    else
      fail(tool, "cannot read /proc/%d/maps: %s", pid, strerror(m.error().code));
    return std::nullopt;
  }
  return std::move(*m);
}

void hold_for_tests() {
  const char* ms = getenv("SYSCOPE_MEM_HOLD_MS");
  if (!ms || !*ms) return;
  long v = strtol(ms, nullptr, 10);
  timespec ts{v / 1000, (v % 1000) * 1000000};
  while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {
  }
}

std::string access_error(int err, uint64_t addr, const Maps& maps, bool write) {
  std::string s = strerror(err ? err : EFAULT);
  const MapRegion* r = maps.find(addr);
  if (!r) return s + " (unmapped)";
  if (r->is_pseudo_unreadable()) return s + " (" + r->path + " cannot be accessed)";
  if (!write && !r->read) return s + " (no read permission: " + r->perms() + ")";
  if (write && !r->write) return s + " (read-only mapping: " + r->perms() + ")";
  return s;
}

std::optional<uint64_t> parse_int(std::string_view s, unsigned bits) {
  const uint64_t max = bits >= 64 ? UINT64_MAX : (uint64_t{1} << bits) - 1;
  bool neg = !s.empty() && s[0] == '-';
  if (neg || (!s.empty() && s[0] == '+')) s.remove_prefix(1);
  auto v = parse_number(s, false);
  if (!v) return std::nullopt;
  if (neg) {
    // -1 .. -2^(bits-1)
    const uint64_t lim = uint64_t{1} << (bits - 1);
    if (*v > lim) return std::nullopt;
    return (~*v + 1) & max;
  }
  if (*v > max) return std::nullopt;
  return *v;
}

std::optional<double> parse_f64(std::string_view s) {
  std::string str(s);
  if (str.empty() || isspace(static_cast<unsigned char>(str[0]))) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  double d = strtod(str.c_str(), &end);
  if (*end != 0 || end == str.c_str()) return std::nullopt;
  if (errno == ERANGE && std::isinf(d)) return std::nullopt;
  return d;
}

std::optional<std::vector<uint8_t>> parse_hex_bytes(std::string_view s) {
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s.remove_prefix(2);
  std::vector<uint8_t> out;
  int half = -1;
  for (char c : s) {
    if (c == ' ' || c == ':' || c == ',' || c == '_' || c == '\t') {
      if (half >= 0) return std::nullopt;  // odd digits in a group
      continue;
    }
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return std::nullopt;
    if (half < 0) {
      half = d;
    } else {
      out.push_back(static_cast<uint8_t>(half << 4 | d));
      half = -1;
    }
  }
  if (half >= 0 || out.empty()) return std::nullopt;
  return out;
}

std::optional<uint64_t> parse_size(std::string_view s) {
  uint64_t mult = 1;
  if (!s.empty()) {
    switch (s.back()) {
      case 'k': case 'K': mult = 1ull << 10; break;
      case 'm': case 'M': mult = 1ull << 20; break;
      case 'g': case 'G': mult = 1ull << 30; break;
      default: break;
    }
    if (mult != 1) s.remove_suffix(1);
  }
  auto v = parse_number(s, false);
  if (!v || *v > UINT64_MAX / mult) return std::nullopt;
  return *v * mult;
}

std::string human_size(uint64_t n) {
  char buf[32];
  if (n < 1024) snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(n));
  else if (n < (1ull << 20)) snprintf(buf, sizeof buf, "%.1f KiB", n / 1024.0);
  else if (n < (1ull << 30)) snprintf(buf, sizeof buf, "%.1f MiB", n / 1048576.0);
  else snprintf(buf, sizeof buf, "%.2f GiB", n / 1073741824.0);
  return buf;
}

}  // namespace syscope::tools

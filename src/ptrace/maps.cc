// SPDX-License-Identifier: MIT
#include "syscope/maps.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

namespace syscope {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// Next whitespace-separated field of a maps line.
std::string_view field(std::string_view* s) {
  size_t b = s->find_first_not_of(' ');
  if (b == std::string_view::npos) {
    *s = {};
    return {};
  }
  s->remove_prefix(b);
  size_t e = s->find(' ');
  std::string_view f = s->substr(0, e);
  s->remove_prefix(e == std::string_view::npos ? s->size() : e);
  return f;
}

std::optional<MapRegion> parse_line(std::string_view line) {
  MapRegion r;
  std::string_view rest = line;
  std::string_view range = field(&rest), perms = field(&rest), off = field(&rest), dev = field(&rest),
                   inode = field(&rest);
  size_t dash = range.find('-');
  size_t colon = dev.find(':');
  if (dash == std::string_view::npos || perms.size() < 4 || colon == std::string_view::npos || inode.empty())
    return std::nullopt;
  auto start = parse_number(range.substr(0, dash), true), end = parse_number(range.substr(dash + 1), true);
  auto offset = parse_number(off, true), maj = parse_number(dev.substr(0, colon), true),
       min = parse_number(dev.substr(colon + 1), true), ino = parse_number(inode, false);
  if (!start || !end || !offset || !maj || !min || !ino || *end < *start) return std::nullopt;
  r.start = *start;
  r.end = *end;
  r.read = perms[0] == 'r';
  r.write = perms[1] == 'w';
  r.exec = perms[2] == 'x';
  r.shared = perms[3] == 's';
  r.offset = *offset;
  r.dev_major = static_cast<unsigned>(*maj);
  r.dev_minor = static_cast<unsigned>(*min);
  r.inode = *ino;
  std::string_view path = trim(rest);
  constexpr std::string_view kDeleted = " (deleted)";
  if (path.size() > kDeleted.size() && path.ends_with(kDeleted)) {
    path.remove_suffix(kDeleted.size());
    r.deleted = true;
  }
  r.path = std::string(path);
  return r;
}

}  // namespace

std::string MapRegion::perms() const {
  std::string p = "----";
  if (read) p[0] = 'r';
  if (write) p[1] = 'w';
  if (exec) p[2] = 'x';
  p[3] = shared ? 's' : 'p';
  return p;
}

std::string_view MapRegion::name() const {
  std::string_view p = path;
  if (!is_file()) return p;
  size_t slash = p.rfind('/');
  return p.substr(slash + 1);
}

bool MapRegion::is_pseudo_unreadable() const {
  return path == "[vvar]" || path == "[vvar_vclock]" || path == "[vsyscall]";
}

std::optional<uint64_t> parse_number(std::string_view s, bool hex) {
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s.remove_prefix(2);
    hex = true;
  }
  if (s.empty()) return std::nullopt;
  uint64_t v = 0;
  const unsigned base = hex ? 16 : 10;
  for (char c : s) {
    unsigned d;
    if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
    else if (hex && c >= 'a' && c <= 'f') d = static_cast<unsigned>(c - 'a' + 10);
    else if (hex && c >= 'A' && c <= 'F') d = static_cast<unsigned>(c - 'A' + 10);
    else return std::nullopt;
    if (v > (UINT64_MAX - d) / base) return std::nullopt;
    v = v * base + d;
  }
  return v;
}

Maps Maps::parse(std::string_view text) {
  std::vector<MapRegion> regions;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (auto r = parse_line(line)) regions.push_back(std::move(*r));
  }
  return Maps(std::move(regions));
}

Result<Maps> Maps::read(pid_t pid) {
  std::string path = "/proc/" + std::to_string(pid) + "/maps";
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return make_error(errno, "open " + path);
  std::string text;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      close(fd);
      return make_error(e, "read " + path);
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  // A process that exited between open and read leaves an empty file.
  if (text.empty() && access(("/proc/" + std::to_string(pid) + "/exe").c_str(), F_OK) != 0 &&
      errno == ENOENT)
    return make_error(ESRCH, "read " + path);
  return parse(text);
}

const MapRegion* Maps::find(uint64_t addr) const {
  auto it = std::upper_bound(regions_.begin(), regions_.end(), addr,
                             [](uint64_t a, const MapRegion& r) { return a < r.start; });
  if (it == regions_.begin()) return nullptr;
  --it;
  return it->contains(addr) ? &*it : nullptr;
}

std::vector<const MapRegion*> Maps::named(std::string_view name) const {
  std::vector<const MapRegion*> out;
  if (name.empty()) return out;
  for (const auto& r : regions_) {
    if (r.path.empty()) continue;
    if (r.path == name || r.name() == name) out.push_back(&r);
  }
  return out;
}

std::optional<uint64_t> Maps::base_of(std::string_view name) const {
  auto rs = named(name);
  if (rs.empty()) return std::nullopt;
  // All mappings of the first matching path; the lowest one is the base.
  const std::string& path = rs.front()->path;
  uint64_t base = UINT64_MAX;
  for (const auto* r : rs)
    if (r->path == path) base = std::min(base, r->start);
  return base;
}

std::string Maps::describe(uint64_t addr) const {
  const MapRegion* r = find(addr);
  if (!r || r->path.empty()) return {};
  std::string name(r->name());
  uint64_t base = r->start;
  if (r->is_file()) {
    for (const auto& o : regions_)
      if (o.path == r->path) base = std::min(base, o.start);
  }
  char off[32];
  snprintf(off, sizeof off, "+0x%llx", static_cast<unsigned long long>(addr - base));
  return name + off;
}

namespace {

bool all_hex(std::string_view s) {
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s.remove_prefix(2);
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

std::optional<uint64_t> resolve_base(std::string_view name, const Maps& maps, const SymbolLookup& symbol) {
  if (all_hex(name)) return parse_number(name, true);
  if (auto b = maps.base_of(name)) return b;
  if (symbol) return symbol(name);
  return std::nullopt;
}

}  // namespace

Result<uint64_t> resolve_address(std::string_view expr, const Maps& maps, const SymbolLookup& symbol) {
  std::string_view e = trim(expr);
  if (e.empty()) return make_error(EINVAL, "invalid address: ''");
  if (auto v = resolve_base(e, maps, symbol)) return *v;
  // NAME+OFF / NAME-OFF: split at the last sign followed by a number.
  size_t sign = e.find_last_of("+-");
  if (sign != std::string_view::npos && sign > 0) {
    std::string_view base = trim(e.substr(0, sign)), off = trim(e.substr(sign + 1));
    auto o = parse_number(off, true);
    if (!o) return make_error(EINVAL, "invalid address: '" + std::string(expr) + "'");
    auto b = resolve_base(base, maps, symbol);
    if (!b) return make_error(EINVAL, "unknown symbol or region: '" + std::string(base) + "'");
    return e[sign] == '+' ? *b + *o : *b - *o;
  }
  return make_error(EINVAL, "unknown symbol or region: '" + std::string(e) + "'");
}

}  // namespace syscope

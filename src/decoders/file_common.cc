// SPDX-License-Identifier: MIT
#include "decoders/file_common.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <ctime>
#include <vector>

#include "syscalls/xlat/tables.h"

namespace syscope::filedec {
namespace {

using Style = FormatOptions::ConstStyle;

void append_hex(std::string& out, uint64_t v) {
  char b[24];
  int n = snprintf(b, sizeof b, "%#" PRIx64, v);
  out.append(b, static_cast<size_t>(n));
}

void append_oct03(std::string& out, uint64_t v) {
  char b[32];
  int n = snprintf(b, sizeof b, "%#03" PRIo64, v);
  out.append(b, static_cast<size_t>(n));
}

// The bytes strace's string_quote would show in hex with -x: anything but
// printable ASCII and the five whitespace escapes.
constexpr uint64_t kPathMax = 4096;

bool needs_hex(const unsigned char* s, size_t len) {
  for (size_t i = 0; i < len; ++i) {
    unsigned char c = s[i];
    if (c > 0x7e || (c < ' ' && (c < 9 || c > 13))) return true;
  }
  return false;
}

}  // namespace

bool raw_style(const Printer& p) { return p.opt().const_style == Style::kRaw; }
bool verbose_style(const Printer& p) { return p.opt().const_style == Style::kVerbose; }
bool is_abbrev(const Call& c) { return c.p->opt().abbrev; }

bool array_elem_cut(const Printer& p, size_t idx, size_t nmemb) {
  return p.opt().abbrev && p.opt().string_limit < nmemb && idx >= p.opt().string_limit;
}

void print_flags(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt) {
  std::string& out = p.out();
  if (raw_style(p)) {
    if (v || dflt) append_hex(out, v);
    return;
  }
  bool verbose = verbose_style(p);
  if (verbose && v) append_hex(out, v);
  unsigned n = 0;
  uint64_t rest = v;
  for (const auto& e : t) {
    if (!(rest || !n)) break;
    if ((rest == e.value) || (e.value && (rest & e.value) == e.value)) {
      if (verbose && !rest) out.push_back('0');
      if (n++)
        out.push_back('|');
      else if (verbose)
        out.append(" /* ");
      out.append(e.name);
      rest &= ~e.value;
    }
    if (!rest) break;
  }
  if (n) {
    if (rest) {
      out.push_back('|');
      append_hex(out, rest);
    }
    if (verbose) out.append(" */");
    return;
  }
  if (rest) {
    if (!verbose) append_hex(out, rest);
    if (dflt && *dflt) {
      out.append(" /* ");
      out.append(dflt);
      out.append(" */");
    }
  } else if (dflt) {
    out.push_back('0');
  }
}

void print_xval(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt) {
  std::string& out = p.out();
  if (raw_style(p)) {
    append_hex(out, v);
    return;
  }
  const char* n = t.name_of(v);
  if (n && !verbose_style(p)) {
    out.append(n);
    return;
  }
  append_hex(out, v);
  const char* comment = n ? n : dflt;
  if (comment && *comment) {
    out.append(" /* ");
    out.append(comment);
    out.append(" */");
  }
}

void print_open_modes(Printer& p, uint64_t flags) {
  std::string names;
  uint64_t rest = flags;
  if (const char* acc = xlat::open_access_modes.name_of(flags & 3)) {
    names = acc;
    rest &= ~uint64_t{3};
  }
  if (rest) {
    // sprintflags_ex(): names for the known bits, the unknown rest in hex.
    char sep = names.empty() ? 0 : '|';
    for (const auto& e : xlat::open_flags) {
      if (!rest) break;
      if (e.value && (rest & e.value) == e.value) {
        if (sep) names.push_back(sep);
        names.append(e.name);
        sep = '|';
        rest &= ~e.value;
      }
    }
    if (rest) {
      if (sep) names.push_back(sep);
      append_hex(names, rest);
    }
  }
  std::string& out = p.out();
  switch (p.opt().const_style) {
    case Style::kRaw: append_hex(out, flags); return;
    case Style::kVerbose:
      append_hex(out, flags);
      out.append(" /* ");
      out.append(names);
      out.append(" */");
      return;
    default: out.append(names);
  }
}

void print_umode(Printer& p, uint64_t mode) { append_oct03(p.out(), mode); }

void print_symbolic_mode(Printer& p, uint32_t mode) {
  std::string& out = p.out();
  const char* ifmt = "";
  if (mode & S_IFMT) ifmt = xlat::file_modes.name_of(mode & S_IFMT);
  if (!ifmt || !(p.opt().const_style == Style::kAbbrev)) append_oct03(out, mode);
  if (!ifmt || raw_style(p)) return;
  std::string text = ifmt;
  if (*ifmt) text.push_back('|');
  if (mode & S_ISUID) text += "S_ISUID|";
  if (mode & S_ISGID) text += "S_ISGID|";
  if (mode & S_ISVTX) text += "S_ISVTX|";
  append_oct03(text, mode & ~static_cast<uint32_t>(S_IFMT | S_ISUID | S_ISGID | S_ISVTX));
  if (verbose_style(p)) {
    out.append(" /* ");
    out.append(text);
    out.append(" */");
  } else {
    out.append(text);
  }
}

void print_dev(Printer& p, uint64_t dev) {
  std::string& out = p.out();
  if (!(p.opt().const_style == Style::kAbbrev)) append_hex(out, dev);
  if (raw_style(p)) return;
  if (verbose_style(p)) out.append(" /* ");
  out.append("makedev(");
  append_hex(out, major(dev));
  out.append(", ");
  append_hex(out, minor(dev));
  out.push_back(')');
  if (verbose_style(p)) out.append(" */");
}

void print_uid(Printer& p, uint32_t id) {
  if (id == UINT32_MAX)
    p.out().append("-1");
  else
    p.udec(id);
}

void print_uid16(Printer& p, uint16_t id) {
  if (id == UINT16_MAX)
    p.out().append("-1");
  else
    p.udec(id);
}

void print_time_comment(Printer& p, int64_t sec, uint64_t frac, uint64_t max_frac, int width) {
  if ((sec == 0 && frac == 0) || frac > max_frac) return;
  time_t t = static_cast<time_t>(sec);
  struct tm tm;
  if (!localtime_r(&t, &tm)) return;
  char buf[128];
  size_t pos = strftime(buf, sizeof buf, "%FT%T", &tm);
  if (!pos) return;
  if (frac > 0)
    pos += static_cast<size_t>(
        snprintf(buf + pos, sizeof buf - pos, ".%0*" PRIu64, width, frac));
  if (!strftime(buf + pos, sizeof buf - pos, "%z", &tm)) return;
  p.out().append(" /* ");
  p.out().append(buf);
  p.out().append(" */");
}

void quote_bytes(Printer& p, const void* data, size_t len, bool force_hex) {
  if (force_hex)
    Printer::quote_into(&p.out(), static_cast<const unsigned char*>(data), len, 2);
  else
    p.quoted(data, len, false);
}

// Reads up to n bytes of a NUL-terminated string; false (address printed) if
// the memory ends before a NUL within those n bytes, as strace's umovestr().
bool read_cstring_exact(Printer& p, uint64_t addr, uint64_t n, std::string* s, bool* term) {
  if (!p.ctx().read_cstring(addr, n, s, term) || (s->size() < n && !*term)) {
    p.addr(addr);
    return false;
  }
  return true;
}

void print_pathn(Printer& p, uint64_t addr, uint64_t n) {
  if (addr == 0) {
    p.addr(0);
    return;
  }
  n = std::min<uint64_t>(n, kPathMax - 1);
  std::string s;
  bool term = false;
  if (!read_cstring_exact(p, addr, n + 1, &s, &term)) return;
  bool ellipsis = s.size() == n + 1;
  if (ellipsis) s.resize(n);
  p.quoted(s.data(), s.size(), ellipsis);
  if (p.touched()) p.touched()->paths.push_back(std::move(s));  // -P
}

void print_path(Printer& p, uint64_t addr) { print_pathn(p, addr, kPathMax - 1); }

void print_str_ex(Printer& p, uint64_t addr, uint64_t len, unsigned style) {
  if (addr == 0) {
    p.addr(0);
    return;
  }
  const uint64_t limit = p.opt().string_limit;
  const uint64_t size = std::min(limit, len);
  std::string s;
  bool ellipsis;
  if (style & kQuote0Terminated) {
    // strace's umovestr() of min(-s + 1, len) bytes: memory that ends before
    // a NUL makes the whole string print as its address.
    const uint64_t fetch = std::min(limit + 1, len);
    bool term = false;
    if (!read_cstring_exact(p, addr, fetch, &s, &term)) return;
    // No NUL within the fetched bytes: "..." after the first -s bytes.
    ellipsis = s.size() == fetch && fetch != 0;
    if (s.size() > limit) s.resize(limit);
  } else {
    // strace fetches one byte more than it shows when the buffer is longer.
    uint64_t fetch = len > limit ? limit + 1 : size;
    s.resize(fetch);
    if (fetch && p.ctx().read(addr, s.data(), fetch) != fetch) {
      p.addr(addr);
      return;
    }
    s.resize(size);
    ellipsis = len > limit;
    const auto* u = reinterpret_cast<const unsigned char*>(s.data());
    bool hex = (style & kQuoteForceHex) || p.opt().hex_strings == 2 ||
               (p.opt().hex_strings == 1 && needs_hex(u, s.size()));
    if ((style & kQuoteOmitTrailing0) && !hex && !s.empty() && s.back() == '\0') {
      s.pop_back();
      ellipsis = false;  // string_quote reports the string as complete
    }
  }
  quote_bytes(p, s.data(), s.size(), style & kQuoteForceHex);
  if (ellipsis) p.out().append("...");
}

bool print_nonzero_bytes(Printer& p, uint64_t addr, uint64_t start, uint64_t total) {
  if (start >= total) return false;
  uint64_t len = total - start;
  std::vector<unsigned char> buf(len);
  if (p.ctx().read(addr + start, buf.data(), len) != len) {
    p.out().append(", ???");
    return true;
  }
  if (std::all_of(buf.begin(), buf.end(), [](unsigned char c) { return c == 0; })) return false;
  char b[64];
  snprintf(b, sizeof b, ", /* bytes %" PRIu64 "..%" PRIu64 " */ ", start, total - 1);
  p.out().append(b);
  uint64_t size = std::min<uint64_t>(len, p.opt().string_limit);
  quote_bytes(p, buf.data(), size, true);
  if (size < len) p.out().append("...");
  return true;
}

bool fetch_n(Call& c, uint64_t addr, size_t len, void* out) {
  if (addr == 0 || !c.p->opt().verbose_structs || (c.exiting && c.failed()) ||
      c.ctx().read(addr, out, len) != len) {
    c.p->addr(addr);
    return false;
  }
  return true;
}

}  // namespace syscope::filedec

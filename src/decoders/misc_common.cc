// SPDX-License-Identifier: MIT
#include "decoders/misc_common.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "syscalls/errno_names.h"

namespace syscope::nim {
namespace {

void append_fmt(std::string& out, const char* fmt, auto... args) {
  char b[64];
  int n = snprintf(b, sizeof b, fmt, args...);
  out.append(b, static_cast<size_t>(n));
}

// strace's HEXSTR_* modes: 0 none, 1 non-ascii, 2 all.
unsigned hex_mode(const Printer& p, unsigned style) {
  if (style & kQuoteForceHex) return 2;
  return p.opt().hex_strings;
}

}  // namespace

void print_num(Printer& p, uint64_t v, XFmt fmt) {
  switch (fmt) {
    case XFmt::kHex: p.hex(v); break;
    case XFmt::kDec: p.dec(static_cast<int64_t>(v)); break;
    case XFmt::kUDec: p.udec(v); break;
  }
}

void print_comment(Printer& p, const char* text) {
  if (!text || !*text) return;
  p.lit(" /* ").lit(text).lit(" */");
}

void print_xvals(Printer& p, uint64_t v, const char* dflt,
                 std::initializer_list<const xlat::Table*> tables, XFmt fmt) {
  if (style_raw(p)) {
    print_num(p, v, fmt);
    return;
  }
  for (const xlat::Table* t : tables) {
    if (!t) continue;
    if (const char* n = t->name_of(v)) {
      if (style_verbose(p)) {
        print_num(p, v, fmt);
        print_comment(p, n);
      } else {
        p.lit(n);
      }
      return;
    }
  }
  print_num(p, v, fmt);
  print_comment(p, dflt);
}

void print_xval(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt, XFmt fmt) {
  print_xvals(p, v, dflt, {&t}, fmt);
}

unsigned print_flags(Printer& p, uint64_t flags, const xlat::Table& t, const char* dflt) {
  return print_flags_tables(p, flags, {&t}, dflt);
}

unsigned print_flags_tables(Printer& p, uint64_t flags,
                        std::initializer_list<const xlat::Table*> tables, const char* dflt) {
  if (style_raw(p)) {
    if (flags || dflt) {
      p.hex(flags);
      return 1;
    }
    return 0;
  }
  const bool verb = style_verbose(p);
  if (verb && flags) p.hex(flags);
  unsigned n = 0;
  for (const xlat::Table* t : tables) {
    if (!t) continue;
    for (const auto& e : *t) {
      if (!(flags || !n)) break;
      uint64_t v = e.value;
      if (e.name && (flags == v || (v && (flags & v) == v))) {
        if (verb && !flags) p.udec(0);
        if (n++)
          p.ch('|');
        else if (verb)
          p.lit(" /* ");
        p.lit(e.name);
        flags &= ~v;
      }
      if (!flags) break;
    }
  }
  if (n) {
    if (flags) {
      p.ch('|');
      p.hex(flags);
      ++n;
    }
    if (verb) p.lit(" */");
  } else if (flags) {
    if (!verb) p.hex(flags);
    print_comment(p, dflt);
  } else if (dflt) {
    p.udec(0);
  }
  return n;
}

void print_xlat(Printer& p, uint64_t v, const char* name, XFmt fmt) {
  if (style_abbrev(p) && name) {
    p.lit(name);
    return;
  }
  print_num(p, v, fmt);
  if (style_verbose(p)) print_comment(p, name);
}

void print_addr_comment(Printer& p, uint64_t addr) {
  char b[32];
  snprintf(b, sizeof b, "%#" PRIx64, addr);
  print_comment(p, b);
}

bool print_quoted(Printer& p, const void* data, size_t size, unsigned style) {
  const auto* s = static_cast<const unsigned char*>(data);
  const int eol = (style & kQuote0Terminated) ? 0 : 0x100;
  const unsigned xs = hex_mode(p, style);
  bool usehex = xs == 2;
  if (xs == 1) {
    for (size_t i = 0; i < size; ++i) {
      int c = s[i];
      if (c == eol) break;
      if (c > 0x7e || (c < ' ' && static_cast<unsigned>(c - 9) >= 5)) {
        usehex = true;
        break;
      }
    }
  }
  std::string& out = p.out();
  static const char kHex[] = "0123456789abcdef";
  if (style & kQuoteEmitComment) out += " /* ";
  if (!(style & kQuoteOmitQuotes)) out += '"';
  size_t i = 0;
  bool ended_by_nul = false;
  for (; i < size; ++i) {
    int c = s[i];
    if (c == eol) {
      ended_by_nul = true;
      break;
    }
    if (usehex) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
      continue;
    }
    if (i == size - 1 && (style & kQuoteOmitTrailing0) && c == 0) {
      ended_by_nul = true;
      break;
    }
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\f': out += "\\f"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\v': out += "\\v"; continue;
      default: break;
    }
    if (c >= ' ' && c < 0x7f) {
      out += static_cast<char>(c);
      continue;
    }
    bool next_digit = i + 1 < size && s[i + 1] >= '0' && s[i + 1] <= '7';
    out += '\\';
    if (next_digit || c >= 0100) {
      out += static_cast<char>('0' + (c >> 6));
      out += static_cast<char>('0' + ((c >> 3) & 7));
    } else if (c >= 010) {
      out += static_cast<char>('0' + ((c >> 3) & 7));
    }
    out += static_cast<char>('0' + (c & 7));
  }
  if (!(style & kQuoteOmitQuotes)) out += '"';
  if (style & kQuoteEmitComment) out += " */";
  if (ended_by_nul) return false;
  // strace looks one byte past the end here: a NUL there means "complete".
  // Callers pass buffers with that byte available (or 0xff filled).
  if ((style & kQuote0Terminated) && s[i] == 0) return false;
  return true;
}

void print_quoted_cstring(Printer& p, const void* data, size_t size) {
  // print_quoted_string() with QUOTE_0_TERMINATED drops the last byte from
  // the size; the byte at [size-1] is then the look-ahead byte.
  if (size) --size;
  if (print_quoted(p, data, size, kQuote0Terminated)) p.lit("...");
}

void print_str(Call& c, uint64_t addr, uint64_t len, unsigned style) {
  Printer& p = *c.p;
  if (!addr) {
    p.lit("NULL");
    return;
  }
  const uint64_t max = p.opt().string_limit;
  uint64_t size = max + 1;
  if (size > len) size = len;
  std::vector<unsigned char> str(size + 1, 0);
  if (style & kQuote0Terminated) {
    std::string s;
    bool term = false;
    if (!p.ctx().read_cstring(addr, size, &s, &term)) {
      if (size != 0) {
        p.addr(addr);
        return;
      }
    }
    memcpy(str.data(), s.data(), s.size());
    // Bytes after the NUL stay 0, as strace's umovestr leaves them.
  } else if (size && p.ctx().read(addr, str.data(), size) != size) {
    p.addr(addr);
    return;
  }
  if (size > max)
    size = max;
  else
    str[size] = 0xff;
  if ((style & (kQuote0Terminated | kQuoteExpectTrailing0)) ==
          (kQuote0Terminated | kQuoteExpectTrailing0) &&
      size == len && size)
    --size;
  bool cut = print_quoted(p, str.data(), size, style);
  if (cut && len && ((style & (kQuote0Terminated | kQuoteExpectTrailing0)) || len > max))
    p.lit("...");
}

bool fetch_mem(Call& c, uint64_t addr, void* buf, size_t len) {
  return addr && verbose(c) && !c.failed() && c.p->ctx().read(addr, buf, len) == len;
}

bool fetch_mem_ignore_error(Call& c, uint64_t addr, void* buf, size_t len) {
  return addr && verbose(c) && c.p->ctx().read(addr, buf, len) == len;
}

bool fetch_or_addr(Call& c, uint64_t addr, void* buf, size_t len) {
  if (fetch_mem(c, addr, buf, len)) return true;
  c.p->addr(addr);
  return false;
}

bool fetch_or_addr_ignore_error(Call& c, uint64_t addr, void* buf, size_t len) {
  if (fetch_mem_ignore_error(c, addr, buf, len)) return true;
  c.p->addr(addr);
  return false;
}

void print_num_int(Call& c, uint64_t addr) {
  int32_t v;
  if (!fetch_or_addr(c, addr, &v)) return;
  c.p->ch('[');
  c.p->dec(v);
  c.p->ch(']');
}

void print_num_uint(Call& c, uint64_t addr) {
  uint32_t v;
  if (!fetch_or_addr(c, addr, &v)) return;
  c.p->ch('[');
  c.p->udec(v);
  c.p->ch(']');
}

void print_num_int64(Call& c, uint64_t addr) {
  uint64_t v;
  if (!fetch_or_addr(c, addr, &v)) return;
  c.p->ch('[');
  c.p->udec(v);
  c.p->ch(']');
}

void print_num_fd(Call& c, uint64_t addr) {
  int32_t v;
  if (!fetch_or_addr(c, addr, &v)) return;
  c.p->ch('[');
  c.p->fd(v);
  c.p->ch(']');
}

void print_id(Printer& p, uint32_t v) {
  if (v == UINT32_MAX)
    p.dec(-1);
  else
    p.udec(v);
}

void print_err(Printer& p, int64_t err, bool negated) {
  int64_t e = negated ? -err : err;
  const char* str = (e > 0 && e < 4096) ? errno_name(static_cast<int>(e)) : nullptr;
  std::string& out = p.out();
  if (!str || !style_abbrev(p)) {
    if (negated)
      append_fmt(out, "%" PRId64, err);
    else
      append_fmt(out, "%" PRIu64, static_cast<uint64_t>(err));
  }
  if (!str || style_raw(p)) return;
  std::string name = negated ? std::string("-") + str : std::string(str);
  if (style_abbrev(p))
    out += name;
  else
    print_comment(p, name.c_str());
}

void print_timespec_local(Printer& p, int64_t sec, int64_t nsec) {
  std::string& out = p.out();
  append_fmt(out, "{tv_sec=%" PRId64 ", tv_nsec=%" PRIu64 "}", sec, static_cast<uint64_t>(nsec));
}

void print_timeval_local(Printer& p, int64_t sec, int64_t usec) {
  std::string& out = p.out();
  append_fmt(out, "{tv_sec=%" PRId64 ", tv_usec=%" PRIu64 "}", sec, static_cast<uint64_t>(usec));
}

bool timespec32(const Call& c) {
  if (c.abi != Abi::kI386) return false;
  // i386 has both: foo (32-bit time) and foo_time64.
  std::string_view name = c.desc ? c.desc->name : "";
  return !name.ends_with("time64");
}

void print_timespec(Call& c, uint64_t addr) {
  if (timespec32(c)) {
    struct {
      int32_t sec, nsec;
    } ts;
    if (!fetch_or_addr(c, addr, &ts)) return;
    print_timespec_local(*c.p, ts.sec, static_cast<uint32_t>(ts.nsec));
    return;
  }
  struct {
    int64_t sec, nsec;
  } ts;
  if (!fetch_or_addr(c, addr, &ts)) return;
  print_timespec_local(*c.p, ts.sec, ts.nsec);
}

std::string sprint_timespec(Call& c, uint64_t addr) {
  std::string s;
  Printer sp(&s, &c.p->opt(), &c.p->ctx());
  Call tmp = c;
  tmp.p = &sp;
  print_timespec(tmp, addr);
  return s;
}

}  // namespace syscope::nim

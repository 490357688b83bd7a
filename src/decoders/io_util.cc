// SPDX-License-Identifier: MIT
#include "decoders/io_util.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

#include "syscalls/signal_names.h"
#include "syscalls/xlat/tables.h"

namespace syscope::iodec {
namespace {

void append_hex(std::string* out, uint64_t v) {
  char b[24];
  snprintf(b, sizeof b, "%#" PRIx64, v);
  out->append(b);
}

void comment(Printer& p, const char* s) {
  if (s && *s) {
    p.lit(" /* ");
    p.lit(s);
    p.lit(" */");
  }
}

enum class Fmt { kX, kU };

void print_val(Printer& p, uint64_t v, Fmt f) {
  switch (f) {
    case Fmt::kX: p.hex(v); break;
    case Fmt::kU: p.udec(v); break;
  }
}

void print_xval_fmt(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt, Fmt f) {
  Style st = style(p);
  if (st == Style::kRaw) {
    print_val(p, v, f);
    return;
  }
  if (const char* s = xlookup(t, v)) {
    if (st == Style::kVerbose) {
      print_val(p, v, f);
      comment(p, s);
    } else {
      p.lit(s);
    }
    return;
  }
  print_val(p, v, f);
  comment(p, dflt);
}

// The open(2) flag names without the access modes: xlat's open_flags.
const xlat::Table& open_mode_flags() { return xlat::open_flags; }

}  // namespace

Style style(const Printer& p) {
  switch (p.opt().const_style) {
    case FormatOptions::ConstStyle::kRaw: return Style::kRaw;
    case FormatOptions::ConstStyle::kVerbose: return Style::kVerbose;
    default: return Style::kAbbrev;
  }
}

bool time64_call(const Call& c) {
  if (!is_compat(c) || !c.desc) return true;
  std::string_view n = c.desc->name;
  return n.ends_with("_time64") || n == "epoll_pwait2";
}

const char* xlookup(const xlat::Table& t, uint64_t v) { return t.name_of(v); }

void print_flags(Printer& p, uint64_t flags, const xlat::Table& t, const char* dflt) {
  Style st = style(p);
  if (st == Style::kRaw) {
    if (flags || dflt) p.hex(flags);
    return;
  }
  bool need_comment = false;
  unsigned n = 0;
  if (st == Style::kVerbose) {
    need_comment = true;
    if (flags) p.hex(flags);
  }
  for (size_t i = 0; (flags || !n) && i < t.size; ++i) {
    uint64_t v = t.entries[i].value;
    if (t.entries[i].name && (flags == v || (v && (flags & v) == v))) {
      if (st == Style::kVerbose && !flags) p.lit("0");
      if (n++)
        p.lit("|");
      else if (need_comment)
        p.lit(" /* ");
      p.lit(t.entries[i].name);
      flags &= ~v;
    }
    if (!flags) break;
  }
  if (n) {
    if (flags) {
      p.lit("|");
      p.hex(flags);
    }
    if (st == Style::kVerbose) p.lit(" */");
  } else if (flags) {
    if (st != Style::kVerbose) p.hex(flags);
    comment(p, dflt);
  } else if (dflt) {
    p.lit("0");
  }
}

void print_xval(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt) {
  print_xval_fmt(p, v, t, dflt, Fmt::kX);
}
void print_xval_u(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt) {
  print_xval_fmt(p, v, t, dflt, Fmt::kU);
}

bool sprint_flags(std::string* out, const char* prefix, const xlat::Table& t, uint64_t flags,
                  char sep, Style st) {
  out->assign(prefix);
  const size_t start = out->size();
  if (st == Style::kRaw) {
    if (!flags) return false;
    if (sep) out->push_back(sep);
    append_hex(out, flags);
    return true;
  }
  if (flags == 0 && t.size && t.entries[0].value == 0 && t.entries[0].name) {
    if (sep) out->push_back(sep);
    if (st == Style::kVerbose) {
      out->append("0 /* ");
      out->append(t.entries[0].name);
      out->append(" */");
    } else {
      out->append(t.entries[0].name);
    }
    return true;
  }
  if (st == Style::kVerbose && flags) {
    if (sep) {
      out->push_back(sep);
      sep = '\0';
    }
    append_hex(out, flags);
  }
  bool found = false;
  for (size_t i = 0; flags && i < t.size; ++i) {
    uint64_t v = t.entries[i].value;
    if (v && t.entries[i].name && (flags & v) == v) {
      if (sep)
        out->push_back(sep);
      else if (st == Style::kVerbose)
        out->append(" /* ");
      out->append(t.entries[i].name);
      found = true;
      sep = '|';
      flags &= ~v;
    }
  }
  if (flags) {
    if (sep) out->push_back(sep);
    if (found || st != Style::kVerbose) append_hex(out, flags);
  } else if (!found) {
    return false;
  }
  if (found && st == Style::kVerbose) out->append(" */");
  return out->size() != start || !out->empty();
}

std::string sprint_open_modes(uint64_t flags) {
  std::string out = "flags";
  char sep = ' ';
  if (const char* s = xlookup(xlat::open_access_modes, flags & 3)) {
    out.push_back(sep);
    out.append(s);
    flags &= ~uint64_t{3};
    if (!flags) return out;
    sep = '|';
  }
  std::string rest;
  if (sprint_flags(&rest, out.c_str(), open_mode_flags(), flags, sep, Style::kAbbrev)) return rest;
  return out;
}

void print_open_modes(Printer& p, uint64_t flags) {
  std::string s = sprint_open_modes(flags);
  const char* names = s.size() > 6 ? s.c_str() + 6 : "";
  switch (style(p)) {
    case Style::kAbbrev: p.lit(names); break;
    case Style::kRaw: p.hex(flags); break;
    case Style::kVerbose:
      p.hex(flags);
      comment(p, names);
      break;
  }
}

void print_open_mode_flags(Printer& p, uint64_t flags) {
  print_flags(p, flags, open_mode_flags(), "O_???");
}

// ---- memory ----------------------------------------------------------------

bool tfetch(Call& c, uint64_t addr, size_t len, void* out, bool ignore_syserror) {
  if (!addr || !verbose(c)) return false;
  if (!ignore_syserror && c.exiting && c.failed()) return false;
  return c.ctx().read(addr, out, len) == len;
}

bool fetch(Call& c, uint64_t addr, size_t len, void* out, bool ignore_syserror) {
  if (tfetch(c, addr, len, out, ignore_syserror)) return true;
  c.p->addr(addr);
  return false;
}

bool umove(Call& c, uint64_t addr, size_t len, void* out) {
  return c.ctx().read(addr, out, len) == len;
}

void print_strn(Call& c, uint64_t addr, uint64_t len) {
  Printer& p = *c.p;
  if (!addr) {
    p.lit("NULL");
    return;
  }
  // strace fetches one byte more than it shows (string_quote looks ahead).
  uint64_t limit = max_strlen(c);
  uint64_t size = std::min<uint64_t>(limit + 1, len);
  // Bound the copy for absurd -s values (a write of gigabytes with -s 4G).
  size = std::min<uint64_t>(size, uint64_t{1} << 28);
  std::vector<unsigned char> data(size);
  if (size && c.ctx().read(addr, data.data(), size) != size) {
    p.addr(addr);
    return;
  }
  uint64_t show = std::min<uint64_t>(size, limit);
  p.quoted(data.data(), show, len > limit);
}

void print_str_hex(Call& c, uint64_t addr, uint64_t len) {
  Printer& p = *c.p;
  if (!addr) {
    p.lit("NULL");
    return;
  }
  uint64_t limit = max_strlen(c);
  uint64_t size = std::min<uint64_t>(limit + 1, len);
  std::vector<unsigned char> data(size);
  if (size && c.ctx().read(addr, data.data(), size) != size) {
    p.addr(addr);
    return;
  }
  uint64_t show = std::min<uint64_t>(size, limit);
  std::string s;
  Printer::quote_into(&s, data.data(), show, 2);
  p.lit(s);
  if (len > limit) p.lit("...");
}

void print_iov(Call& c, uint64_t count, uint64_t addr, uint64_t data_size, bool addr_only) {
  const unsigned ws = word_size(c);
  print_array(
      c, addr, count, 2 * ws,
      [&](const void* e) {
        uint64_t base, len;
        if (ws == 4) {
          uint32_t v[2];
          std::memcpy(v, e, sizeof v);
          base = v[0];
          len = v[1];
        } else {
          uint64_t v[2];
          std::memcpy(v, e, sizeof v);
          base = v[0];
          len = v[1];
        }
        uint64_t shown = std::min(len, data_size);
        if (data_size != ~uint64_t{0}) data_size -= shown;
        c.p->lit("{iov_base=");
        if (addr_only)
          c.p->addr(base);
        else
          print_strn(c, base, shown);
        c.p->lit(", iov_len=");
        c.p->udec(len);
        c.p->lit("}");
        return true;
      },
      /*ignore_syserror=*/true);
}

bool print_num_int(Call& c, uint64_t addr, bool is_unsigned) {
  int32_t v;
  if (!fetch(c, addr, &v)) return false;
  c.p->lit("[");
  if (is_unsigned)
    c.p->udec(static_cast<uint32_t>(v));
  else
    c.p->dec(v);
  c.p->lit("]");
  return true;
}

bool print_num_short(Call& c, uint64_t addr, bool is_unsigned) {
  int16_t v;
  if (!fetch(c, addr, &v)) return false;
  c.p->lit("[");
  if (is_unsigned)
    c.p->udec(static_cast<uint16_t>(v));
  else
    c.p->dec(v);
  c.p->lit("]");
  return true;
}

bool print_num_int64(Call& c, uint64_t addr, bool is_unsigned) {
  uint64_t v;
  if (!fetch(c, addr, &v)) return false;
  c.p->lit("[");
  if (is_unsigned)
    c.p->udec(v);
  else
    c.p->dec(static_cast<int64_t>(v));
  c.p->lit("]");
  return true;
}

bool print_num_long(Call& c, uint64_t addr, bool is_unsigned) {
  if (word_size(c) == 4) {
    int32_t v;
    if (!fetch(c, addr, &v)) return false;
    c.p->lit("[");
    if (is_unsigned)
      c.p->udec(static_cast<uint32_t>(v));
    else
      c.p->dec(v);
    c.p->lit("]");
    return true;
  }
  return print_num_int64(c, addr, is_unsigned);
}

bool print_num_ptr(Call& c, uint64_t addr) {
  uint64_t v = 0;
  if (!fetch(c, addr, word_size(c), &v)) return false;
  c.p->lit("[");
  c.p->addr(v);
  c.p->lit("]");
  return true;
}

bool print_pair_int64(Call& c, uint64_t addr) {
  uint64_t v[2];
  if (!fetch(c, addr, &v)) return false;
  c.p->lit("[");
  c.p->udec(v[0]);
  c.p->lit(", ");
  c.p->udec(v[1]);
  c.p->lit("]");
  return true;
}

void print_fd_pair(Call& c, uint64_t addr) {
  print_array(c, addr, 2, sizeof(int32_t), [&](const void* e) {
    int32_t fd;
    std::memcpy(&fd, e, sizeof fd);
    c.p->fd(fd);
    return true;
  });
}

// ---- time and signals ------------------------------------------------------

std::string timespec_text(int64_t sec, int64_t nsec) {
  char b[80];
  snprintf(b, sizeof b, "{tv_sec=%" PRId64 ", tv_nsec=%" PRIu64 "}", sec,
           static_cast<uint64_t>(nsec));
  return b;
}

void print_timespec(Call& c, uint64_t addr, bool t64) {
  if (!t64) {
    int32_t t[2];
    if (!fetch(c, addr, &t)) return;
    c.p->lit(timespec_text(t[0], static_cast<uint32_t>(t[1])));
    return;
  }
  KernelTimespec t;
  if (!fetch(c, addr, &t)) return;
  c.p->lit(timespec_text(t.tv_sec, t.tv_nsec));
}

std::string sprint_timespec(Call& c, uint64_t addr, bool t64) {
  char b[40];
  if (!addr) return "NULL";
  KernelTimespec t;
  bool ok;
  if (!t64) {
    int32_t t32[2] = {};
    ok = verbose(c) && !(c.exiting && c.failed()) && umove(c, addr, sizeof t32, t32);
    t.tv_sec = t32[0];
    t.tv_nsec = static_cast<uint32_t>(t32[1]);
  } else {
    ok = verbose(c) && !(c.exiting && c.failed()) && umove(c, addr, sizeof t, &t);
  }
  if (!ok) {
    snprintf(b, sizeof b, "%#" PRIx64, addr);
    return b;
  }
  return timespec_text(t.tv_sec, t.tv_nsec);
}

namespace {
std::string timeval_text(int64_t sec, int64_t usec) {
  char b[80];
  snprintf(b, sizeof b, "{tv_sec=%" PRId64 ", tv_usec=%" PRIu64 "}", sec,
           static_cast<uint64_t>(usec));
  return b;
}
}  // namespace

void print_timeval(Call& c, uint64_t addr) {
  if (is_compat(c)) {
    int32_t t[2];
    if (!fetch(c, addr, &t)) return;
    c.p->lit(timeval_text(t[0], static_cast<uint32_t>(t[1])));
    return;
  }
  int64_t t[2];
  if (!fetch(c, addr, &t)) return;
  c.p->lit(timeval_text(t[0], t[1]));
}

std::string sprint_timeval(Call& c, uint64_t addr) {
  char b[40];
  if (!addr) return "NULL";
  int64_t t[2];
  bool ok;
  if (is_compat(c)) {
    int32_t t32[2] = {};
    ok = verbose(c) && !(c.exiting && c.failed()) && umove(c, addr, sizeof t32, t32);
    t[0] = t32[0];
    t[1] = static_cast<uint32_t>(t32[1]);
  } else {
    ok = verbose(c) && !(c.exiting && c.failed()) && umove(c, addr, sizeof t, t);
  }
  if (!ok) {
    snprintf(b, sizeof b, "%#" PRIx64, addr);
    return b;
  }
  return timeval_text(t[0], t[1]);
}

std::string sprint_sigmask(const void* mask_bytes, unsigned bytes, Style st) {
  constexpr unsigned kNsigBytes = 8;
  uint32_t mask[kNsigBytes / 4] = {};
  unsigned size = (std::min(bytes, kNsigBytes) + 3) / 4;
  std::memcpy(mask, mask_bytes, std::min(bytes, kNsigBytes));
  std::string out;
  unsigned pop = 0;
  for (unsigned j = 0; j < size; ++j) pop += static_cast<unsigned>(__builtin_popcount(mask[j]));
  if (pop >= size * 32 * 2 / 3) {
    for (unsigned j = 0; j < size; ++j) mask[j] = ~mask[j];
    out.push_back('~');
  }
  char sep = '[';
  char b[16];
  for (unsigned bit = 0; bit < size * 32; ++bit) {
    if (!(mask[bit / 32] & (1u << (bit % 32)))) continue;
    unsigned i = bit + 1;
    out.push_back(sep);
    if (st != Style::kAbbrev) {
      snprintf(b, sizeof b, "%u", i);
      out.append(b);
    }
    if (st == Style::kVerbose) out.append(" /* ");
    if (st != Style::kRaw) {
      const char* n = signal_name(static_cast<int>(i));
      if (n) {
        out.append(n + 3);
      } else if (st != Style::kAbbrev) {
        snprintf(b, sizeof b, "%u", i);
        out.append(b);
      }
    }
    if (st == Style::kVerbose) out.append(" */");
    sep = ' ';
  }
  if (sep == '[') out.push_back(sep);
  out.push_back(']');
  return out;
}

void print_sigset_addr_len(Call& c, uint64_t addr, uint64_t len) {
  if (len < word_size(c) || len > 8) {
    c.p->addr(addr);
    return;
  }
  unsigned char mask[8] = {};
  if (!fetch(c, addr, len, mask)) return;
  c.p->lit(sprint_sigmask(mask, static_cast<unsigned>(len), style(*c.p)));
}

void print_kernel_sigset(Call& c, uint64_t addr) {
  uint64_t sas[2] = {};
  if (is_compat(c)) {
    uint32_t s32[2];
    if (!fetch(c, addr, &s32)) return;
    sas[0] = s32[0];
    sas[1] = s32[1];
  } else if (!fetch(c, addr, &sas)) {
    return;
  }
  c.p->lit("{sigmask=");
  print_sigset_addr_len(c, sas[0], sas[1]);
  c.p->lit(", sigsetsize=");
  c.p->udec(sas[1]);
  c.p->lit("}");
}

}  // namespace syscope::iodec

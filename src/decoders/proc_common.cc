// SPDX-License-Identifier: MIT
#include "decoders/proc_common.h"

#include <unistd.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

#include "decoders/siginfo.h"

namespace syscope::pdec {
namespace {

void append_fmt(std::string* out, const char* fmt, auto... args) {
  char b[64];
  int n = snprintf(b, sizeof b, fmt, args...);
  out->append(b, static_cast<size_t>(std::min<int>(n, sizeof b - 1)));
}

uint64_t norm(uint64_t ev) {
  // Negative int constants are stored sign-extended; strace compares their
  // 32-bit value.
  return ev >= 0xffffffff80000000ull ? ev & 0xffffffffull : ev;
}

void val_into(std::string* out, uint64_t v, VFmt f) {
  switch (f) {
    case VFmt::kU: append_fmt(out, "%" PRIu64, v); break;
    case VFmt::kD: append_fmt(out, "%" PRId64, static_cast<int64_t>(v)); break;
    default:
      if (v == 0)
        out->push_back('0');
      else
        append_fmt(out, "%#" PRIx64, v);
  }
}

}  // namespace

const char* lookup(const xlat::Table& t, uint64_t v) {
  for (const auto& e : t)
    if (norm(e.value) == v) return e.name;
  return nullptr;
}

void val(Printer& p, uint64_t v, VFmt f) { val_into(&p.out(), v, f); }

void comment(Printer& p, std::string_view s) {
  p.lit(" /* ");
  p.lit(s);
  p.lit(" */");
}

bool xval(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt, VFmt f) {
  if (raw_style(p)) {
    val(p, v, f);
    return false;
  }
  const char* n = lookup(t, v);
  if (n) {
    if (verbose_style(p)) {
      val(p, v, f);
      comment(p, n);
    } else {
      p.lit(n);
    }
    return true;
  }
  val(p, v, f);
  if (dflt) comment(p, dflt);
  return false;
}

void xlat_ex(Printer& p, uint64_t v, const char* str, VFmt f) {
  if (raw_style(p) || !str) {
    val(p, v, f);
    return;
  }
  if (verbose_style(p)) {
    val(p, v, f);
    comment(p, str);
    return;
  }
  p.lit(str);
}

int flags(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt, const xlat::Table* t2) {
  if (raw_style(p)) {
    if (v || dflt) val(p, v, VFmt::kX);
    return v || dflt ? 1 : 0;
  }
  bool verbose = verbose_style(p);
  if (verbose && v) val(p, v, VFmt::kX);
  int n = 0;
  const xlat::Table* tabs[2] = {&t, t2};
  for (const xlat::Table* tab : tabs) {
    if (!tab) continue;
    for (const auto& e : *tab) {
      if (!(v || !n)) break;
      uint64_t ev = norm(e.value);
      if ((v == ev) || (ev && (v & ev) == ev)) {
        if (verbose && !v) p.ch('0');
        if (n++)
          p.ch('|');
        else if (verbose)
          p.lit(" /* ");
        p.lit(e.name);
        v &= ~ev;
      }
      if (!v) break;
    }
  }
  if (n) {
    if (v) {
      p.ch('|');
      val(p, v, VFmt::kX);
      ++n;
    }
    if (verbose) p.lit(" */");
  } else if (v) {
    if (!verbose) val(p, v, VFmt::kX);
    if (dflt) comment(p, dflt);
  } else if (dflt) {
    p.ch('0');
  }
  return n;
}

bool sprintflags(const Printer& p, uint64_t v, const xlat::Table& t, std::string* out,
                 bool aux_mode) {
  out->clear();
  if (raw_style(p)) {
    if (!v || aux_mode) return false;
    val_into(out, v, VFmt::kX);
    return true;
  }
  if (v == 0 && t.size && t.entries[0].value == 0) {
    if (verbose_style(p) && !aux_mode) {
      out->append("0 /* ");
      out->append(t.entries[0].name);
      out->append(" */");
    } else {
      out->append(t.entries[0].name);
    }
    return true;
  }
  bool verbose = verbose_style(p) && !aux_mode;
  if (verbose && v) val_into(out, v, VFmt::kX);
  bool found = false;
  for (const auto& e : t) {
    if (!v) break;
    uint64_t ev = norm(e.value);
    if (ev && (v & ev) == ev) {
      if (found)
        out->push_back('|');
      else if (verbose)
        out->append(" /* ");
      out->append(e.name);
      found = true;
      v &= ~ev;
    }
  }
  if (v) {
    if (found) out->push_back('|');
    if (found || (!verbose_style(p) && !aux_mode)) val_into(out, v, VFmt::kX);
  } else if (!found) {
    return false;
  }
  if (found && verbose) out->append(" */");
  return !out->empty();
}

bool tfetch(Call& c, uint64_t addr, void* out, size_t n, bool ignore_syserror) {
  if (!addr || !c.p->opt().verbose_structs) return false;
  if (!ignore_syserror && c.failed()) return false;
  return c.ctx().read(addr, out, n) == n;
}

bool fetch_n(Call& c, uint64_t addr, void* out, size_t n) {
  if (tfetch(c, addr, out, n)) return true;
  c.p->addr(addr);
  return false;
}

void num_int(Call& c, uint64_t addr, VFmt f) {
  uint32_t v;
  if (!fetch(c, addr, &v)) return;
  c.p->ch('[');
  if (f == VFmt::kD)
    c.p->dec(static_cast<int32_t>(v));
  else if (f == VFmt::kU)
    c.p->udec(v);
  else
    val(*c.p, v, f);
  c.p->ch(']');
}

void num_int64(Call& c, uint64_t addr, VFmt f) {
  if (compat(c)) {
    num_int(c, addr, f);
    return;
  }
  uint64_t v;
  if (!fetch(c, addr, &v)) return;
  c.p->ch('[');
  val(*c.p, v, f);
  c.p->ch(']');
}

void num_ptr(Call& c, uint64_t addr) {
  uint64_t v = 0;
  if (compat(c)) {
    uint32_t v32;
    if (!fetch(c, addr, &v32)) return;
    v = v32;
  } else if (!fetch(c, addr, &v)) {
    return;
  }
  c.p->ch('[');
  c.p->addr(v);
  c.p->ch(']');
}

void array(Call& c, uint64_t addr, uint64_t nmemb, size_t elem_size, ElemFn fn, void* data,
           bool ignore_syserror) {
  Printer& p = *c.p;
  if (!addr) {
    p.lit("NULL");
    return;
  }
  if (!nmemb) {
    p.lit("[]");
    return;
  }
  uint64_t size = nmemb * elem_size;
  uint64_t end = addr + size;
  if (end <= addr || size / elem_size != nmemb) {
    p.addr(addr);
    return;
  }
  uint64_t limit = p.opt().string_limit;
  uint64_t abbrev_end = (p.opt().abbrev && limit < nmemb) ? addr + elem_size * limit : end;
  std::vector<unsigned char> buf(elem_size);
  uint64_t cur = addr;
  for (; cur < end; cur += elem_size) {
    if (cur != addr) p.lit(", ");
    if (!tfetch(c, cur, buf.data(), elem_size, ignore_syserror)) {
      if (cur == addr) {
        p.addr(cur);
      } else {
        p.lit("...");
        comment(p, [&] {
          std::string s;
          val_into(&s, cur, VFmt::kX);
          return s;
        }());
      }
      break;
    }
    if (cur == addr) p.ch('[');
    if (cur >= abbrev_end) {
      p.lit("...");
      cur = end;
      break;
    }
    fn(c, buf.data(), data);
  }
  if (cur != addr) p.ch(']');
}

void timespec_val(Printer& p, int64_t sec, int64_t nsec) {
  p.lit("{tv_sec=");
  p.dec(sec);
  p.lit(", tv_nsec=");
  p.udec(static_cast<uint64_t>(nsec));
  p.ch('}');
}

namespace {
struct Ts64 {
  int64_t sec, nsec;
};
struct Ts32 {
  int32_t sec, nsec;
};
// Reads a timespec/timeval pair of 32-bit or 64-bit members.
bool fetch_pair(Call& c, uint64_t addr, int64_t* a, int64_t* b, bool wide) {
  if (!wide) {
    Ts32 t;
    if (!fetch(c, addr, &t)) return false;
    *a = t.sec;
    *b = static_cast<uint32_t>(t.nsec);
    return true;
  }
  Ts64 t;
  if (!fetch(c, addr, &t)) return false;
  *a = t.sec;
  *b = t.nsec;
  return true;
}
}  // namespace

void timespec(Call& c, uint64_t addr) {
  int64_t s, ns;
  if (fetch_pair(c, addr, &s, &ns, ts64(c))) timespec_val(*c.p, s, ns);
}

std::string sprint_timespec(Call& c, uint64_t addr) {
  std::string out;
  Printer p(&out, &c.p->opt(), &c.ctx());
  Call tmp = c;
  tmp.p = &p;
  timespec(tmp, addr);
  return out;
}

namespace {
void timeval_val(Printer& p, int64_t sec, int64_t usec) {
  p.lit("{tv_sec=");
  p.dec(sec);
  p.lit(", tv_usec=");
  p.udec(static_cast<uint64_t>(usec));
  p.ch('}');
}
}  // namespace

void timeval(Call& c, uint64_t addr) {
  int64_t s, us;
  if (fetch_pair(c, addr, &s, &us, !compat(c))) timeval_val(*c.p, s, us);
}

namespace {
// Two consecutive timespec/timeval pairs (itimerval/itimerspec).
void interval_pair(Call& c, uint64_t addr, bool nsec) {
  int64_t v[4];
  if (nsec ? !ts64(c) : compat(c)) {
    int32_t t[4];
    if (!fetch(c, addr, &t)) return;
    for (int i = 0; i < 4; ++i) v[i] = (i & 1) ? static_cast<uint32_t>(t[i]) : t[i];
  } else {
    if (!fetch(c, addr, &v)) return;
  }
  Printer& p = *c.p;
  p.lit("{it_interval=");
  nsec ? timespec_val(p, v[0], v[1]) : timeval_val(p, v[0], v[1]);
  p.lit(", it_value=");
  nsec ? timespec_val(p, v[2], v[3]) : timeval_val(p, v[2], v[3]);
  p.ch('}');
}
}  // namespace

void itimerval(Call& c, uint64_t addr) { interval_pair(c, addr, false); }
void itimerspec(Call& c, uint64_t addr) { interval_pair(c, addr, true); }

void clock_t_val(Printer& p, uint64_t v) {
  p.udec(v);
  static long clk_tck = sysconf(_SC_CLK_TCK);
  if (raw_style(p) || clk_tck <= 0 || v == 0) return;
  int width = 0;
  for (long t = clk_tck; t >= 10; t /= 10) ++width;
  width = std::min(width, 9);
  std::string s;
  append_fmt(&s, "%" PRIu64, v / static_cast<uint64_t>(clk_tck));
  char frac[32];
  snprintf(frac, sizeof frac, "%.*f s", width,
           static_cast<double>(v % static_cast<uint64_t>(clk_tck)) / static_cast<double>(clk_tck));
  // frac is "0.xx s": keep its part from the dot on.
  s += strchr(frac, '.') ? strchr(frac, '.') : " s";
  comment(p, s);
}

void rusage(Call& c, uint64_t addr) {
  if (compat(c)) {
    struct {
      int32_t ut[2], st[2];
      int32_t rest[14];
    } ru;
    if (!fetch(c, addr, &ru)) return;
    Printer& p = *c.p;
    p.lit("{ru_utime=");
    timeval_val(p, ru.ut[0], static_cast<uint32_t>(ru.ut[1]));
    p.lit(", ru_stime=");
    timeval_val(p, ru.st[0], static_cast<uint32_t>(ru.st[1]));
    static const char* const kNames[] = {"ru_maxrss", "ru_ixrss",   "ru_idrss",    "ru_isrss",
                                         "ru_minflt", "ru_majflt",  "ru_nswap",    "ru_inblock",
                                         "ru_oublock", "ru_msgsnd", "ru_msgrcv",   "ru_nsignals",
                                         "ru_nvcsw",  "ru_nivcsw"};
    if (p.opt().abbrev) {
      p.lit(", ...}");
      return;
    }
    for (int i = 0; i < 14; ++i) {
      p.lit(", ");
      p.lit(kNames[i]);
      p.ch('=');
      p.udec(static_cast<uint32_t>(ru.rest[i]));
    }
    p.ch('}');
    return;
  }
  struct {
    int64_t ut[2], st[2];
    int64_t rest[14];
  } ru;
  if (!fetch(c, addr, &ru)) return;
  Printer& p = *c.p;
  p.lit("{ru_utime=");
  timeval_val(p, ru.ut[0], ru.ut[1]);
  p.lit(", ru_stime=");
  timeval_val(p, ru.st[0], ru.st[1]);
  if (p.opt().abbrev) {
    p.lit(", ...}");
    return;
  }
  static const char* const kNames[] = {"ru_maxrss",  "ru_ixrss",  "ru_idrss",  "ru_isrss",
                                       "ru_minflt",  "ru_majflt", "ru_nswap",  "ru_inblock",
                                       "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals",
                                       "ru_nvcsw",   "ru_nivcsw"};
  for (int i = 0; i < 14; ++i) {
    p.lit(", ");
    p.lit(kNames[i]);
    p.ch('=');
    p.udec(static_cast<uint64_t>(ru.rest[i]));
  }
  p.ch('}');
}

std::string sprinttime(int64_t sec) {
  if (sec == 0) return {};
  time_t t = static_cast<time_t>(sec);
  struct tm tm;
  if (!localtime_r(&t, &tm)) return {};
  char b[96];
  size_t n = strftime(b, sizeof b, "%FT%T", &tm);
  if (!n) return {};
  size_t m = strftime(b + n, sizeof b - n, "%z", &tm);
  if (!m) return {};
  return std::string(b, n + m);
}

void clockid(Printer& p, int clk) { xval32(p, static_cast<uint32_t>(clk), xlat::clock_ids, "CLOCK_???"); }

void sigset_addr_len(Call& c, uint64_t addr, uint64_t len, uint64_t min_len) {
  if (len < min_len || len > 8) {
    c.p->addr(addr);
    return;
  }
  unsigned char mask[8] = {};
  if (!fetch_n(c, addr, mask, len)) return;
  c.p->lit(sprint_sigmask(c.p->opt(), mask, static_cast<unsigned>(len)));
}

void str_ex(Call& c, uint64_t addr, uint64_t len) {
  Printer& p = *c.p;
  if (!addr) {
    p.lit("NULL");
    return;
  }
  uint64_t max = p.opt().string_limit;
  uint64_t size = std::min<uint64_t>(max + 1, len);
  std::string s;
  bool term = false;
  if (!c.ctx().read_cstring(addr, size, &s, &term)) {
    p.addr(addr);
    return;
  }
  // strace fetches max_strlen + 1 bytes (at most len) and prints "..." unless
  // a NUL ends the string within what it printed or right after it.
  uint64_t n = s.size();
  uint64_t shown = std::min<uint64_t>(size, max);
  bool ellipsis;
  if (n < shown)
    ellipsis = false;
  else if (size > max)
    ellipsis = !(n == max && term);
  else
    ellipsis = true;
  if (s.size() > shown) s.resize(shown);
  p.quoted(s.data(), s.size(), ellipsis && len != 0);
}

namespace {
struct IovCfg {
  bool decode_str;
  uint64_t data_size;
};
void print_iov_elem(Call& c, const void* elem, void* data) {
  auto* cfg = static_cast<IovCfg*>(data);
  uint64_t base, len;
  if (compat(c)) {
    uint32_t v[2];
    memcpy(v, elem, sizeof v);
    base = v[0];
    len = v[1];
  } else {
    uint64_t v[2];
    memcpy(v, elem, sizeof v);
    base = v[0];
    len = v[1];
  }
  uint64_t shown = std::min(len, cfg->data_size);
  if (cfg->data_size != UINT64_MAX) cfg->data_size -= shown;
  Printer& p = *c.p;
  p.lit("{iov_base=");
  if (cfg->decode_str)
    p.buf(base, shown);
  else
    p.addr(base);
  p.lit(", iov_len=");
  p.udec(len);
  p.ch('}');
}
}  // namespace

void iov(Call& c, uint64_t addr, uint64_t count, bool decode_str, uint64_t data_size) {
  IovCfg cfg{decode_str, data_size};
  array(c, addr, count, compat(c) ? 8 : 16, print_iov_elem, &cfg, true);
}

}  // namespace syscope::pdec

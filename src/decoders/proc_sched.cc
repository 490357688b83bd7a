// SPDX-License-Identifier: MIT
// Resource limits and usage, priorities, sched_*, ioprio.
#include <sched.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <vector>

#include "decoders/proc_common.h"
#include "decoders/proc_tables.h"

namespace syscope::families {
namespace {

using namespace syscope::pdec;

// rlim_t values: RLIM64_INFINITY, "8192*1024" for multiples of 1024.
void print_rlim(Printer& p, uint64_t lim, bool is32) {
  char b[48];
  const char* str = nullptr;
  uint64_t inf = is32 ? UINT32_MAX : UINT64_MAX;
  if (lim == inf) {
    str = is32 ? "RLIM_INFINITY" : "RLIM64_INFINITY";
  } else if (lim > 1024 && lim % 1024 == 0) {
    snprintf(b, sizeof b, "%" PRIu64 "*1024", lim / 1024);
    str = b;
  }
  if (!str || !abbrev_style(p)) p.udec(lim);
  if (!str || raw_style(p)) return;
  if (verbose_style(p))
    comment(p, str);
  else
    p.lit(str);
}

void print_rlimit(Call& c, uint64_t addr, bool is32) {
  uint64_t cur, max;
  if (is32) {
    uint32_t r[2];
    if (!fetch(c, addr, &r)) return;
    cur = r[0];
    max = r[1];
  } else {
    uint64_t r[2];
    if (!fetch(c, addr, &r)) return;
    cur = r[0];
    max = r[1];
  }
  Printer& p = *c.p;
  p.lit("{rlim_cur=");
  print_rlim(p, cur, is32);
  p.lit(", rlim_max=");
  print_rlim(p, max, is32);
  p.ch('}');
}

bool dec_getrlimit(Call& c) {
  if (!c.exiting) {
    xval32(*c.p, c.arg(0), xlat::rlimit_resources, "RLIMIT_???");
    c.p->sep();
    return false;
  }
  print_rlimit(c, c.arg(1), compat(c));
  return true;
}

bool dec_setrlimit(Call& c) {
  xval32(*c.p, c.arg(0), xlat::rlimit_resources, "RLIMIT_???");
  c.p->sep();
  print_rlimit(c, c.arg(1), compat(c));
  return true;
}

bool dec_prlimit64(Call& c) {
  if (!c.exiting) {
    c.p->dec(c.iarg(0));
    c.p->sep();
    xval32(*c.p, c.arg(1), xlat::rlimit_resources, "RLIMIT_???");
    c.p->sep();
    print_rlimit(c, c.arg(2), false);
    c.p->sep();
    return false;
  }
  print_rlimit(c, c.arg(3), false);
  return true;
}

bool dec_getrusage(Call& c) {
  if (!c.exiting) {
    xval32(*c.p, c.arg(0), xlat::rusage_who, "RUSAGE_???");
    c.p->sep();
    return false;
  }
  rusage(c, c.arg(1));
  return true;
}

bool dec_getpriority(Call& c) {
  xval32(*c.p, c.arg(0), xlat::priority_which, "PRIO_???");
  c.p->sep();
  c.p->dec(c.iarg(1));
  if (c.desc && c.desc->nargs > 2) {
    c.p->sep();
    c.p->dec(c.iarg(2));
  }
  return true;
}

void print_policy(Printer& p, uint64_t v) { xval32(p, v, xlat::sched_policies, "SCHED_???"); }

bool dec_sched_getscheduler(Call& c) {
  if (!c.exiting) {
    c.p->dec(c.iarg(0));
    return false;
  }
  if (!c.failed())
    if (const char* n = lookup(xlat::sched_policies, static_cast<uint64_t>(c.rval))) c.aux = n;
  return true;
}

bool dec_sched_setscheduler(Call& c) {
  c.p->dec(c.iarg(0));
  c.p->sep();
  print_policy(*c.p, c.arg(1));
  c.p->sep();
  num_int(c, c.arg(2), VFmt::kD);
  return true;
}

bool dec_sched_getparam(Call& c) {
  if (!c.exiting) {
    c.p->dec(c.iarg(0));
    c.p->sep();
    return false;
  }
  num_int(c, c.arg(1), VFmt::kD);
  return true;
}

bool dec_sched_setparam(Call& c) {
  c.p->dec(c.iarg(0));
  c.p->sep();
  num_int(c, c.arg(1), VFmt::kD);
  return true;
}

bool dec_sched_get_priority(Call& c) {
  print_policy(*c.p, c.arg(0));
  return true;
}

bool dec_sched_rr_get_interval(Call& c) {
  if (!c.exiting) {
    c.p->dec(c.iarg(0));
    c.p->sep();
    return false;
  }
  if (c.failed())
    c.p->addr(c.arg(1));
  else
    timespec(c, c.arg(1));
  return true;
}

// The CPU mask size strace probes: the smallest size sched_getaffinity
// accepts, starting at 128 bytes.
unsigned cpuset_size() {
  static unsigned size = [] {
    unsigned s = 128;
    while (s && sched_getaffinity(0, s, nullptr) == -1 && errno == EINVAL) s <<= 1;
    return s ? s : 128u;
  }();
  return size;
}

void print_affinity(Call& c, uint64_t addr, uint32_t len) {
  Printer& p = *c.p;
  const unsigned ws = compat(c) ? 4 : 8;
  const unsigned umove_size = std::min(len, cpuset_size());
  const unsigned size = (umove_size + ws - 1) / ws * ws;
  if (!p.opt().verbose_structs || c.failed() || !addr) {
    p.addr(addr);
    return;
  }
  if (!len) {
    p.lit("[]");
    return;
  }
  std::vector<unsigned char> cpu(size);
  if (!fetch_n(c, addr, cpu.data(), umove_size)) return;
  p.ch('[');
  bool printed = false;
  for (unsigned i = 0; i < size * 8; ++i) {
    if (!(cpu[i / 8] & (1u << (i % 8)))) continue;
    if (printed) p.ch(' ');
    printed = true;
    p.dec(i);
  }
  if (size < len) {
    if (printed) p.ch(' ');
    p.lit("...");
  }
  p.ch(']');
}

bool dec_sched_setaffinity(Call& c) {
  c.p->dec(c.iarg(0));
  c.p->sep();
  uint32_t len = static_cast<uint32_t>(c.arg(1));
  c.p->udec(len);
  c.p->sep();
  print_affinity(c, c.arg(2), len);
  return true;
}

bool dec_sched_getaffinity(Call& c) {
  if (!c.exiting) {
    c.p->dec(c.iarg(0));
    c.p->sep();
    c.p->udec(static_cast<uint32_t>(c.arg(1)));
    c.p->sep();
    return false;
  }
  print_affinity(c, c.arg(2), static_cast<uint32_t>(c.rval));
  return true;
}

struct SchedAttr {
  uint32_t size, sched_policy;
  uint64_t sched_flags;
  int32_t sched_nice;
  uint32_t sched_priority;
  uint64_t sched_runtime, sched_deadline, sched_period;
  uint32_t sched_util_min, sched_util_max;
};
constexpr unsigned kSchedAttrMin = 48, kSchedAttrVer1 = 56;
constexpr uint64_t kKeepPolicy = 0x08, kKeepParams = 0x10;

// usize 0: from sched_setattr (size read from the struct itself).
void print_sched_attr(Call& c, uint64_t addr, unsigned usize) {
  SchedAttr a{};
  unsigned size;
  bool is_set = false;
  if (usize) {
    size = std::min<unsigned>(usize, sizeof a);
    if (!fetch_n(c, addr, &a, size)) return;
    size = a.size;
  } else {
    is_set = true;
    if (!fetch(c, addr, &a.size)) return;
    usize = a.size ? a.size : kSchedAttrMin;
    size = std::min<unsigned>(usize, sizeof a);
    if (size >= kSchedAttrMin && !fetch_n(c, addr, &a, size)) return;
  }
  Printer& p = *c.p;
  p.lit("{size=");
  p.udec(a.size);
  if (size >= kSchedAttrMin) {
    if (!is_set || static_cast<int>(a.sched_policy) < 0 ||
        !(a.sched_flags & (kKeepPolicy | kKeepParams))) {
      p.lit(", sched_policy=");
      xval(p, a.sched_policy, xlat::sched_policies, "SCHED_???");
    }
    p.lit(", sched_flags=");
    flags(p, a.sched_flags, xlat::sched_flags, "SCHED_FLAG_???");
    if (!is_set || !(a.sched_flags & kKeepParams)) {
      p.lit(", sched_nice=");
      p.dec(a.sched_nice);
      p.lit(", sched_priority=");
      p.udec(a.sched_priority);
      p.lit(", sched_runtime=");
      p.udec(a.sched_runtime);
      p.lit(", sched_deadline=");
      p.udec(a.sched_deadline);
      p.lit(", sched_period=");
      p.udec(a.sched_period);
    }
    if (size >= kSchedAttrVer1) {
      p.lit(", sched_util_min=");
      p.udec(a.sched_util_min);
      p.lit(", sched_util_max=");
      p.udec(a.sched_util_max);
    }
  }
  if ((is_set ? usize : a.size) > size) p.lit(", ...");
  p.ch('}');
}

bool dec_sched_setattr(Call& c) {
  if (!c.exiting) {
    c.p->dec(c.iarg(0));
    c.p->sep();
    print_sched_attr(c, c.arg(1), 0);
    return false;
  }
  uint32_t size;
  if (c.p->opt().verbose_structs && c.rval == -E2BIG &&
      c.ctx().read(c.arg(1), &size, 4) == 4) {
    c.p->lit(" => {size=");
    c.p->udec(size);
    c.p->ch('}');
  }
  c.p->sep();
  c.p->udec(static_cast<uint32_t>(c.arg(2)));
  return true;
}

bool dec_sched_getattr(Call& c) {
  if (!c.exiting) {
    c.p->dec(c.iarg(0));
    c.p->sep();
    return false;
  }
  uint32_t size = static_cast<uint32_t>(c.arg(2));
  if (size)
    print_sched_attr(c, c.arg(1), size);
  else
    c.p->addr(c.arg(1));
  c.p->sep();
  c.p->udec(size);
  c.p->sep();
  c.p->udec(static_cast<uint32_t>(c.arg(3)));
  return true;
}

// "IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)"; the class per -X.
std::string sprint_ioprio(Call& c, uint32_t ioprio) {
  uint32_t cls = ioprio >> 13, data = ioprio & ((1u << 13) - 1);
  std::string s = "IOPRIO_PRIO_VALUE(";
  Printer sp(&s, &c.p->opt(), &c.ctx());
  xval(sp, cls, xlat::ioprio_classes, "IOPRIO_CLASS_???");
  s += ", " + std::to_string(static_cast<int>(data)) + ")";
  return s;
}

bool dec_ioprio_get(Call& c) {
  if (!c.exiting) {
    xval32(*c.p, c.arg(0), xlat::ioprio_who, "IOPRIO_WHO_???");
    c.p->sep();
    c.p->dec(c.iarg(1));
    return false;
  }
  if (!c.failed() && !raw_style(*c.p)) c.aux = sprint_ioprio(c, static_cast<uint32_t>(c.rval));
  return true;
}

bool dec_ioprio_set(Call& c) {
  Printer& p = *c.p;
  xval32(p, c.arg(0), xlat::ioprio_who, "IOPRIO_WHO_???");
  p.sep();
  p.dec(c.iarg(1));
  p.sep();
  if (!abbrev_style(p)) p.dec(c.iarg(2));
  if (raw_style(p)) return true;
  std::string s = sprint_ioprio(c, static_cast<uint32_t>(c.arg(2)));
  if (verbose_style(p))
    comment(p, s);
  else
    p.lit(s);
  return true;
}

const DecoderEntry kTable[] = {
    {"getrlimit", dec_getrlimit, RetFmt::kDec},
    {"ugetrlimit", dec_getrlimit, RetFmt::kDec},
    {"setrlimit", dec_setrlimit, RetFmt::kDec},
    {"prlimit64", dec_prlimit64, RetFmt::kDec},
    {"getrusage", dec_getrusage, RetFmt::kDec},
    {"getpriority", dec_getpriority, RetFmt::kDec},
    {"setpriority", dec_getpriority, RetFmt::kDec},
    {"sched_getscheduler", dec_sched_getscheduler, RetFmt::kDec},
    {"sched_setscheduler", dec_sched_setscheduler, RetFmt::kDec},
    {"sched_getparam", dec_sched_getparam, RetFmt::kDec},
    {"sched_setparam", dec_sched_setparam, RetFmt::kDec},
    {"sched_get_priority_max", dec_sched_get_priority, RetFmt::kDec},
    {"sched_get_priority_min", dec_sched_get_priority, RetFmt::kDec},
    {"sched_rr_get_interval", dec_sched_rr_get_interval, RetFmt::kDec},
    {"sched_rr_get_interval_time64", dec_sched_rr_get_interval, RetFmt::kDec},
    {"sched_setaffinity", dec_sched_setaffinity, RetFmt::kDec},
    {"sched_getaffinity", dec_sched_getaffinity, RetFmt::kDec},
    {"sched_setattr", dec_sched_setattr, RetFmt::kDec},
    {"sched_getattr", dec_sched_getattr, RetFmt::kDec},
    {"ioprio_get", dec_ioprio_get, RetFmt::kDec},
    {"ioprio_set", dec_ioprio_set, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> proc_sched_table() { return kTable; }

}  // namespace syscope::families

// SPDX-License-Identifier: MIT
// Credentials and system information: uid/gid calls, groups, uname,
// sysinfo, times, getcpu.
#include <cstring>
#include <string>

#include "decoders/proc_common.h"
#include "decoders/proc_tables.h"

namespace syscope::families {
namespace {

using namespace syscope::pdec;

void print_uid(Printer& p, uint64_t v) {
  uint32_t id = static_cast<uint32_t>(v);
  if (id == UINT32_MAX)
    p.dec(-1);
  else
    p.udec(id);
}

// Every argument a uid/gid (setuid, setreuid, setresuid, setfsuid, ...).
bool dec_uids(Call& c) {
  int n = c.desc ? c.desc->nargs : 1;
  for (int i = 0; i < n; ++i) {
    if (i) c.p->sep();
    print_uid(*c.p, c.arg(i));
  }
  return true;
}

bool dec_getresuid(Call& c) {
  if (!c.exiting) return false;
  for (int i = 0; i < 3; ++i) {
    if (i) c.p->sep();
    uint32_t id;
    if (fetch(c, c.arg(i), &id)) {
      c.p->ch('[');
      print_uid(*c.p, id);
      c.p->ch(']');
    }
  }
  return true;
}

void print_groups(Call& c, uint32_t len, uint64_t addr) {
  if (len > 65536) {
    c.p->addr(addr);
    return;
  }
  array(c, addr, len, 4, [](Call& cc, const void* e, void*) {
    uint32_t v;
    memcpy(&v, e, 4);
    print_uid(*cc.p, v);
  }, nullptr);
}

bool dec_setgroups(Call& c) {
  c.p->dec(c.iarg(0));
  c.p->sep();
  print_groups(c, static_cast<uint32_t>(c.iarg(0)), c.arg(1));
  return true;
}

bool dec_getgroups(Call& c) {
  if (!c.exiting) {
    c.p->dec(c.iarg(0));
    c.p->sep();
    return false;
  }
  print_groups(c, static_cast<uint32_t>(c.rval), c.arg(1));
  return true;
}

void print_cstring_field(Printer& p, const char* name, const char* s, size_t size) {
  p.lit(name);
  size_t n = strnlen(s, size);
  p.quoted(s, n, n == size);
}

bool dec_uname(Call& c) {
  if (!c.exiting) return false;
  struct {
    char f[6][65];
  } u;
  if (!fetch(c, c.arg(0), &u)) return true;
  Printer& p = *c.p;
  print_cstring_field(p, "{sysname=", u.f[0], 65);
  print_cstring_field(p, ", nodename=", u.f[1], 65);
  if (p.opt().abbrev) {
    p.lit(", ...}");
    return true;
  }
  print_cstring_field(p, ", release=", u.f[2], 65);
  print_cstring_field(p, ", version=", u.f[3], 65);
  print_cstring_field(p, ", machine=", u.f[4], 65);
  print_cstring_field(p, ", domainname=", u.f[5], 65);
  p.ch('}');
  return true;
}

bool dec_sysinfo(Call& c) {
  if (!c.exiting) return false;
  uint64_t uptime, loads[3], ram[6], high[2];
  uint32_t procs, mem_unit;
  if (compat(c)) {
    struct {
      int32_t uptime;
      uint32_t loads[3], ram[6];
      uint16_t procs, pad;
      uint32_t high[2], mem_unit;
      char f[8];
    } s;
    if (!fetch(c, c.arg(0), &s)) return true;
    uptime = static_cast<uint32_t>(s.uptime);
    for (int i = 0; i < 3; ++i) loads[i] = s.loads[i];
    for (int i = 0; i < 6; ++i) ram[i] = s.ram[i];
    procs = s.procs;
    high[0] = s.high[0];
    high[1] = s.high[1];
    mem_unit = s.mem_unit;
  } else {
    struct {
      int64_t uptime;
      uint64_t loads[3], ram[6];
      uint16_t procs, pad;
      uint64_t high[2];
      uint32_t mem_unit;
      char f[4];
    } s;
    if (!fetch(c, c.arg(0), &s)) return true;
    uptime = static_cast<uint64_t>(s.uptime);
    for (int i = 0; i < 3; ++i) loads[i] = s.loads[i];
    for (int i = 0; i < 6; ++i) ram[i] = s.ram[i];
    procs = s.procs;
    high[0] = s.high[0];
    high[1] = s.high[1];
    mem_unit = s.mem_unit;
  }
  Printer& p = *c.p;
  p.lit("{uptime=");
  p.udec(uptime);
  p.lit(", loads=[");
  uint32_t lim = p.opt().abbrev ? p.opt().string_limit : 3;
  for (uint32_t i = 0; i < 3; ++i) {
    if (i) p.lit(", ");
    if (i >= lim) {
      p.lit("...");
      break;
    }
    p.udec(loads[i]);
  }
  static const char* const kRam[] = {", totalram=",  ", freeram=",   ", sharedram=",
                                     ", bufferram=", ", totalswap=", ", freeswap="};
  p.ch(']');
  for (int i = 0; i < 6; ++i) {
    p.lit(kRam[i]);
    p.udec(ram[i]);
  }
  p.lit(", procs=");
  p.udec(procs);
  p.lit(", totalhigh=");
  p.udec(high[0]);
  p.lit(", freehigh=");
  p.udec(high[1]);
  p.lit(", mem_unit=");
  p.udec(mem_unit);
  p.ch('}');
  return true;
}

bool dec_times(Call& c) {
  if (!c.exiting) return false;
  uint64_t v[4];
  if (compat(c)) {
    uint32_t t[4];
    if (!fetch(c, c.arg(0), &t)) return true;
    for (int i = 0; i < 4; ++i) v[i] = t[i];
  } else if (!fetch(c, c.arg(0), &v)) {
    return true;
  }
  static const char* const kNames[] = {"{tms_utime=", ", tms_stime=", ", tms_cutime=",
                                       ", tms_cstime="};
  for (int i = 0; i < 4; ++i) {
    c.p->lit(kNames[i]);
    clock_t_val(*c.p, v[i]);
  }
  c.p->ch('}');
  return true;
}

bool dec_getcpu(Call& c) {
  if (!c.exiting) return false;
  num_int(c, c.arg(0), VFmt::kU);
  c.p->sep();
  num_int(c, c.arg(1), VFmt::kU);
  c.p->sep();
  c.p->addr(c.arg(2));
  return true;
}


const DecoderEntry kTable[] = {
    {"setuid", dec_uids, RetFmt::kDec},
    {"setgid", dec_uids, RetFmt::kDec},
    {"setreuid", dec_uids, RetFmt::kDec},
    {"setregid", dec_uids, RetFmt::kDec},
    {"setresuid", dec_uids, RetFmt::kDec},
    {"setresgid", dec_uids, RetFmt::kDec},
    {"setfsuid", dec_uids, RetFmt::kDec},
    {"setfsgid", dec_uids, RetFmt::kDec},
    {"setuid32", dec_uids, RetFmt::kDec},
    {"setgid32", dec_uids, RetFmt::kDec},
    {"setreuid32", dec_uids, RetFmt::kDec},
    {"setregid32", dec_uids, RetFmt::kDec},
    {"setresuid32", dec_uids, RetFmt::kDec},
    {"setresgid32", dec_uids, RetFmt::kDec},
    {"setfsuid32", dec_uids, RetFmt::kDec},
    {"setfsgid32", dec_uids, RetFmt::kDec},
    {"getresuid", dec_getresuid, RetFmt::kDec},
    {"getresgid", dec_getresuid, RetFmt::kDec},
    {"getresuid32", dec_getresuid, RetFmt::kDec},
    {"getresgid32", dec_getresuid, RetFmt::kDec},
    {"setgroups", dec_setgroups, RetFmt::kDec},
    {"getgroups", dec_getgroups, RetFmt::kDec},
    {"setgroups32", dec_setgroups, RetFmt::kDec},
    {"getgroups32", dec_getgroups, RetFmt::kDec},
    {"uname", dec_uname, RetFmt::kDec},
    {"sysinfo", dec_sysinfo, RetFmt::kDec},
    {"times", dec_times, RetFmt::kDec},
    {"getcpu", dec_getcpu, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> proc_info_table() { return kTable; }

}  // namespace syscope::families

// SPDX-License-Identifier: MIT
// Everything no other family takes: getrandom, modules, reboot, syslog,
// hostnames, I/O port permissions, LDT, landlock, userfaultfd, kexec, and the
// long-dead syscalls strace prints raw. bpf, perf_event_open and the key
// management calls live in misc_bpf.cc, misc_perf.cc and misc_keyctl.cc.
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <string>

#include "decoders/families.h"
#include "decoders/misc_common.h"
#include "syscalls/xlat/tables.h"

namespace syscope {

// misc_bpf.cc, misc_perf.cc, misc_keyctl.cc
bool misc_dec_bpf(Call& c);
bool misc_dec_perf_event_open(Call& c);
bool misc_dec_keyctl(Call& c);
bool misc_dec_add_key(Call& c);
bool misc_dec_request_key(Call& c);

namespace {

using nim::print_flags;
using nim::print_xval;

void field(Printer& p, const char* name) { p.lit(name).ch('='); }

bool dec_getrandom(Call& c) {
  if (!c.exiting) return false;
  Printer& p = *c.p;
  if (c.failed())
    p.addr(c.arg(0));
  else
    nim::print_str(c, c.arg(0), static_cast<uint64_t>(c.rval), nim::kQuoteForceHex);
  p.sep();
  p.udec(c.arg(1));
  p.sep();
  print_flags(p, static_cast<uint32_t>(c.arg(2)), xlat::getrandom_flags, "GRND_???");
  return true;
}

// ---- kernel modules ----

bool dec_init_module(Call& c) {
  Printer& p = *c.p;
  p.addr(c.arg(0));
  p.sep();
  p.udec(c.arg(1));
  p.sep();
  nim::print_cstr(c, c.arg(2));
  return true;
}

bool dec_finit_module(Call& c) {
  Printer& p = *c.p;
  p.fd(c.iarg(0));
  p.sep();
  nim::print_cstr(c, c.arg(1));
  p.sep();
  print_flags(p, static_cast<uint32_t>(c.arg(2)), xlat::module_init_flags, "MODULE_INIT_???");
  return true;
}

bool dec_delete_module(Call& c) {
  nim::print_cstr(c, c.arg(0));
  c.p->sep();
  print_flags(*c.p, static_cast<uint32_t>(c.arg(1)), xlat::delete_module_flags, "O_???");
  return true;
}

// ---- reboot, syslog, hostnames ----

bool dec_reboot(Call& c) {
  Printer& p = *c.p;
  const uint32_t cmd = static_cast<uint32_t>(c.arg(2));
  print_xval(p, static_cast<uint32_t>(c.arg(0)), xlat::reboot_magic1, "LINUX_REBOOT_MAGIC_???");
  p.sep();
  print_xval(p, static_cast<uint32_t>(c.arg(1)), xlat::reboot_magic2, "LINUX_REBOOT_MAGIC_???");
  p.sep();
  print_xval(p, cmd, xlat::reboot_cmds, "LINUX_REBOOT_CMD_???");
  if (cmd == 0xA1B2C3D4 /* LINUX_REBOOT_CMD_RESTART2 */) {
    p.sep();
    nim::print_str(c, c.arg(3), 255, nim::kQuote0Terminated);
  }
  return true;
}

const xlat::Entry kConsoleLevels[] = {
    {0, "LOGLEVEL_EMERG"},  {1, "LOGLEVEL_ALERT"}, {2, "LOGLEVEL_CRIT"},
    {3, "LOGLEVEL_ERR"},    {4, "LOGLEVEL_WARNING"}, {5, "LOGLEVEL_NOTICE"},
    {6, "LOGLEVEL_INFO"},   {7, "LOGLEVEL_DEBUG"}, {8, "LOGLEVEL_DEBUG+1"},
};
const xlat::Table kConsoleLevelsTable{kConsoleLevels, std::size(kConsoleLevels), "LOGLEVEL_???"};

// strace forces the verbose style (number and name) for these two.
void print_xval_forced_verbose(Printer& p, int v, const xlat::Table& t, const char* dflt) {
  p.dec(v);
  const char* n = t.name_of(static_cast<uint64_t>(static_cast<int64_t>(v)));
  nim::print_comment(p, n ? n : dflt);
}

bool dec_syslog(Call& c) {
  Printer& p = *c.p;
  const int type = c.iarg(0);
  const int len = c.iarg(2);
  if (!c.exiting) print_xval_forced_verbose(p, type, xlat::syslog_actions, "SYSLOG_ACTION_???");
  switch (type) {
    case 0: case 1: case 5: case 6: case 7: case 9: case 10: return true;
    case 2: case 3: case 4:  // READ, READ_ALL, READ_CLEAR: the buffer is output
      if (!c.exiting) return false;
      break;
    case 8:  // CONSOLE_LEVEL
      p.sep();
      p.addr(c.arg(1));
      p.sep();
      print_xval_forced_verbose(p, len, kConsoleLevelsTable, "LOGLEVEL_???");
      return true;
    default:
      p.sep();
      p.addr(c.arg(1));
      p.sep();
      p.dec(len);
      return true;
  }
  p.sep();
  if (c.failed())
    p.addr(c.arg(1));
  else
    nim::print_strn(c, c.arg(1), static_cast<uint64_t>(c.rval));
  p.sep();
  p.dec(len);
  return true;
}

bool dec_sethostname(Call& c) {
  const uint32_t len = static_cast<uint32_t>(c.arg(1));
  if (len > 64 /* __NEW_UTS_LEN */)
    c.p->addr(c.arg(0));
  else
    nim::print_strn(c, c.arg(0), len);
  c.p->sep();
  c.p->udec(len);
  return true;
}

// ---- x86 I/O permissions and LDT ----

bool dec_iopl(Call& c) {
  c.p->dec(static_cast<int64_t>(c.arg(0)));
  return true;
}

bool dec_ioperm(Call& c) {
  c.p->hex(c.arg(0));
  c.p->sep();
  c.p->hex(c.arg(1));
  c.p->sep();
  c.p->dec(c.iarg(2));
  return true;
}

struct UserDesc {
  uint32_t entry_number;
  uint32_t base_addr;
  uint32_t limit;
  uint32_t bits;
};

// The members after entry_number: ", base_addr=0x001000, ..., useable=1, lm=0}".
void print_user_desc_rest(Call& c, const UserDesc& d) {
  Printer& p = *c.p;
  char b[32];
  snprintf(b, sizeof b, "%#08x", d.base_addr);
  p.lit(", base_addr=").lit(b);
  snprintf(b, sizeof b, "%#08x", d.limit);
  p.lit(", limit=").lit(b);
  static const char* const kBits[] = {"seg_32bit", "contents", "read_exec_only",
                                      "limit_in_pages", "seg_not_present", "useable", "lm"};
  // seg_32bit:1, contents:2, read_exec_only:1, limit_in_pages:1,
  // seg_not_present:1, useable:1, lm:1 (lm is shown for 64-bit tracees only)
  static const int kWidth[] = {1, 2, 1, 1, 1, 1, 1};
  int shift = 0;
  const int n = c.abi == Abi::kI386 ? 6 : 7;
  for (int i = 0; i < n; ++i) {
    p.lit(", ").lit(kBits[i]).ch('=');
    p.udec((d.bits >> shift) & ((1u << kWidth[i]) - 1));
    shift += kWidth[i];
  }
  p.ch('}');
}

void print_user_desc(Call& c, uint64_t addr) {
  UserDesc d;
  if (!nim::fetch_or_addr(c, addr, &d)) return;
  c.p->lit("{entry_number=");
  nim::print_id(*c.p, d.entry_number);
  print_user_desc_rest(c, d);
}

bool dec_set_thread_area(Call& c) {
  if (!c.exiting) {
    print_user_desc(c, c.arg(0));
    return false;
  }
  UserDesc d;
  if (nim::verbose(c) && !c.failed() &&
      c.p->ctx().read(c.arg(0), &d, sizeof d) == sizeof d)
    c.aux = "entry_number=" + std::to_string(d.entry_number);
  return true;
}

// get_thread_area: entry_number is input, the rest output.
bool dec_get_thread_area(Call& c) {
  Printer& p = *c.p;
  const uint64_t addr = c.arg(0);
  if (!c.exiting) {
    uint32_t entry;
    if (nim::fetch_or_addr(c, addr, &entry)) {
      p.lit("{entry_number=");
      nim::print_id(p, entry);
      c.saved[0] = entry;
      c.saved[1] = 1;
    }
    return false;
  }
  if (!addr || !nim::verbose(c)) return true;
  UserDesc d;
  if (c.failed() || p.ctx().read(addr, &d, sizeof d) != sizeof d) {
    if (c.saved[1]) p.lit(", ...}");
    return true;
  }
  if (c.saved[1]) {
    if (c.saved[0] != d.entry_number) {
      p.lit(" => ");
      nim::print_id(p, d.entry_number);
    }
  } else {
    p.lit(" => {entry_number=");
    nim::print_id(p, d.entry_number);
  }
  print_user_desc_rest(c, d);
  return true;
}

bool dec_modify_ldt(Call& c) {
  Printer& p = *c.p;
  if (!c.exiting) {
    p.dec(c.iarg(0));
    p.sep();
    if (c.arg(2) != 16)
      p.addr(c.arg(1));
    else
      print_user_desc(c, c.arg(1));
    p.sep();
    p.udec(c.arg(2));
    return false;
  }
  // The kernel returns an int zero-extended to 64 bits, so an error shows as
  // a large positive number; strace 6.1 prints "= 4294967274 EINVAL (...)"
  // for it. Printing the errno after a non-error value needs support in
  // format_return (see the family report); until then the number is shown.
  return true;
}

// ---- landlock ----

bool dec_landlock_create_ruleset(Call& c) {
  Printer& p = *c.p;
  const uint64_t addr = c.arg(0), size = c.arg(1);
  const uint32_t flags = static_cast<uint32_t>(c.arg(2));
  if (size < 8) {
    p.addr(addr);
  } else {
    uint64_t handled;
    if (nim::fetch_or_addr(c, addr, &handled)) {
      p.lit("{handled_access_fs=");
      print_flags(p, handled, xlat::landlock_access_fs, "LANDLOCK_ACCESS_FS_???");
      if (size > 8) p.lit(", ...");
      p.ch('}');
    }
  }
  p.sep();
  p.udec(size);
  p.sep();
  print_flags(p, flags, xlat::landlock_create_ruleset_flags, "LANDLOCK_CREATE_RULESET_???");
  // With LANDLOCK_CREATE_RULESET_VERSION the result is an ABI version.
  if (flags & 1) c.ret = RetFmt::kDec;
  return true;
}

bool dec_landlock_add_rule(Call& c) {
  Printer& p = *c.p;
  const uint32_t type = static_cast<uint32_t>(c.arg(1));
  p.fd(c.iarg(0));
  p.sep();
  print_xval(p, type, xlat::landlock_rule_types, "LANDLOCK_RULE_???");
  p.sep();
  if (type == 1 /* LANDLOCK_RULE_PATH_BENEATH */) {
    struct __attribute__((packed)) {
      uint64_t allowed_access;
      int32_t parent_fd;
    } attr;
    if (nim::fetch_or_addr(c, c.arg(2), &attr)) {
      p.lit("{allowed_access=");
      print_flags(p, attr.allowed_access, xlat::landlock_access_fs, "LANDLOCK_ACCESS_FS_???");
      p.lit(", parent_fd=");
      p.fd(attr.parent_fd);
      p.ch('}');
    }
  } else {
    p.addr(c.arg(2));
  }
  p.sep();
  p.hex(static_cast<uint32_t>(c.arg(3)));
  return true;
}

bool dec_landlock_restrict_self(Call& c) {
  c.p->fd(c.iarg(0));
  c.p->sep();
  c.p->hex(static_cast<uint32_t>(c.arg(1)));
  return true;
}

// ---- userfaultfd, kexec ----

bool dec_userfaultfd(Call& c) {
  print_flags(*c.p, static_cast<uint32_t>(c.arg(0)), xlat::uffd_flags, "UFFD_???");
  return true;
}

bool dec_kexec_load(Call& c) {
  Printer& p = *c.p;
  p.addr(c.arg(0));
  p.sep();
  p.udec(c.arg(1));
  p.sep();
  const unsigned ws = c.abi == Abi::kI386 ? 4 : 8;
  if (c.arg(1) > 16 /* KEXEC_SEGMENT_MAX */) {
    p.addr(c.arg(2));
  } else {
    nim::print_array(c, c.arg(2), c.arg(1), 4 * ws, [&](const void* e) {
      uint64_t seg[4];
      const auto* b = static_cast<const unsigned char*>(e);
      for (int i = 0; i < 4; ++i) {
        if (ws == 4) {
          uint32_t v;
          memcpy(&v, b + 4 * i, 4);
          seg[i] = v;
        } else {
          memcpy(&seg[i], b + 8 * i, 8);
        }
      }
      p.lit("{buf=");
      p.addr(seg[0]);
      p.lit(", bufsz=");
      p.udec(seg[1]);
      p.lit(", mem=");
      p.addr(seg[2]);
      p.lit(", memsz=");
      p.udec(seg[3]);
      p.ch('}');
      return true;
    });
  }
  p.sep();
  uint64_t n = c.arg(3);
  constexpr uint64_t kArchMask = 0xffff0000;
  print_xval(p, n & kArchMask, xlat::kexec_arch_values, "KEXEC_ARCH_???");
  n &= ~kArchMask;
  if (n) {
    p.ch('|');
    print_flags(p, n, xlat::kexec_load_flags, "KEXEC_???");
  }
  return true;
}

bool dec_kexec_file_load(Call& c) {
  Printer& p = *c.p;
  p.fd(c.iarg(0));
  p.sep();
  p.fd(c.iarg(1));
  p.sep();
  p.udec(c.arg(2));
  p.sep();
  nim::print_strn(c, c.arg(3), c.arg(2));
  p.sep();
  print_flags(p, c.arg(4), xlat::kexec_file_load_flags, "KEXEC_FILE_???");
  return true;
}

// ---- obsolete and rarely used calls ----

bool dec_lookup_dcookie(Call& c) {
  if (!c.exiting) return false;
  Printer& p = *c.p;
  p.udec(c.arg(0));
  p.sep();
  if (c.failed())
    p.addr(c.arg(1));
  else
    nim::print_strn(c, c.arg(1), static_cast<uint64_t>(c.rval));
  p.sep();
  p.udec(c.arg(2));
  return true;
}

bool dec_sysctl(Call& c) {
  struct {
    uint64_t name;
    int32_t nlen;
    int32_t pad;
    uint64_t oldval, oldlenp, newval, newlen;
    uint64_t unused[4];
  } a;
  if (c.abi == Abi::kI386) {
    struct {
      uint32_t name;
      int32_t nlen;
      uint32_t oldval, oldlenp, newval, newlen;
      uint32_t unused[4];
    } a32;
    if (!nim::fetch_or_addr(c, c.arg(0), &a32)) return true;
    a = {a32.name, a32.nlen, 0, a32.oldval, a32.oldlenp, a32.newval, a32.newlen, {}};
  } else if (!nim::fetch_or_addr(c, c.arg(0), &a)) {
    return true;
  }
  Printer& p = *c.p;
  p.lit("{name=");
  p.addr(a.name);
  p.lit(", nlen=");
  p.dec(a.nlen);
  p.lit(", oldval=");
  p.addr(a.oldval);
  p.lit(", oldlenp=");
  p.addr(a.oldlenp);
  p.lit(", newval=");
  p.addr(a.newval);
  p.lit(", newlen=");
  p.udec(a.newlen);
  p.ch('}');
  return true;
}

// print_dev_t: makedev(0x8, 0x1)
void print_dev(Printer& p, uint64_t dev) {
  const unsigned major = static_cast<unsigned>(((dev >> 32) & 0xfffff000) | ((dev >> 8) & 0xfff));
  const unsigned minor = static_cast<unsigned>(((dev >> 12) & 0xffffff00) | (dev & 0xff));
  if (nim::style_raw(p)) {
    p.hex(dev);
    return;
  }
  std::string s = "makedev(";
  char b[32];
  snprintf(b, sizeof b, "%#x", major);
  s += major ? b : "0";
  s += ", ";
  snprintf(b, sizeof b, "%#x", minor);
  s += minor ? b : "0";
  s += ")";
  if (nim::style_verbose(p)) {
    p.hex(dev);
    nim::print_comment(p, s.c_str());
  } else {
    p.lit(s);
  }
}

bool dec_ustat(Call& c) {
  Printer& p = *c.p;
  if (!c.exiting) {
    print_dev(p, static_cast<uint32_t>(c.arg(0)));
    p.sep();
    return false;
  }
  // Debian's strace is built without <ustat.h>: the buffer is an address.
  p.addr(c.arg(1));
  return true;
}

bool dec_uselib(Call& c) {
  c.p->path(c.arg(0));
  return true;
}

// cachestat(fd, cstat_range, cstat, flags), as strace 6.5+ prints it.
bool dec_cachestat(Call& c) {
  Printer& p = *c.p;
  if (!c.exiting) {
    p.fd(c.iarg(0));
    p.sep();
    uint64_t range[2];
    if (nim::fetch_or_addr(c, c.arg(1), range, sizeof range)) {
      p.lit("{off=");
      p.hex(range[0]);
      p.lit(", len=");
      p.udec(range[1]);
      p.ch('}');
    }
    return false;
  }
  p.sep();
  uint64_t st[5];
  if (nim::fetch_or_addr(c, c.arg(2), st, sizeof st)) {
    static const char* const kNames[] = {"nr_cache", "nr_dirty", "nr_writeback", "nr_evicted",
                                         "nr_recently_evicted"};
    p.ch('{');
    for (int i = 0; i < 5; ++i) {
      if (i) p.sep();
      field(p, kNames[i]);
      p.udec(st[i]);
    }
    p.ch('}');
  }
  p.sep();
  p.hex(static_cast<uint32_t>(c.arg(3)));
  return true;
}

const DecoderEntry kTable[] = {
    {"getrandom", dec_getrandom, RetFmt::kDec},
    {"bpf", misc_dec_bpf, RetFmt::kDec},
    {"perf_event_open", misc_dec_perf_event_open, RetFmt::kFd},
    {"keyctl", misc_dec_keyctl, RetFmt::kDec},
    {"add_key", misc_dec_add_key, RetFmt::kDec},
    {"request_key", misc_dec_request_key, RetFmt::kDec},
    {"init_module", dec_init_module, RetFmt::kDec},
    {"finit_module", dec_finit_module, RetFmt::kDec},
    {"delete_module", dec_delete_module, RetFmt::kDec},
    {"reboot", dec_reboot, RetFmt::kDec},
    {"syslog", dec_syslog, RetFmt::kDec},
    {"sethostname", dec_sethostname, RetFmt::kDec},
    {"setdomainname", dec_sethostname, RetFmt::kDec},
    {"iopl", dec_iopl, RetFmt::kDec},
    {"ioperm", dec_ioperm, RetFmt::kDec},
    {"modify_ldt", dec_modify_ldt, RetFmt::kDec},
    {"set_thread_area", dec_set_thread_area, RetFmt::kDec},
    {"get_thread_area", dec_get_thread_area, RetFmt::kDec},
    {"landlock_create_ruleset", dec_landlock_create_ruleset, RetFmt::kFd},
    {"landlock_add_rule", dec_landlock_add_rule, RetFmt::kDec},
    {"landlock_restrict_self", dec_landlock_restrict_self, RetFmt::kDec},
    {"userfaultfd", dec_userfaultfd, RetFmt::kFd},
    {"kexec_load", dec_kexec_load, RetFmt::kDec},
    {"kexec_file_load", dec_kexec_file_load, RetFmt::kDec},
    {"lookup_dcookie", dec_lookup_dcookie, RetFmt::kDec},
    {"_sysctl", dec_sysctl, RetFmt::kDec},
    {"ustat", dec_ustat, RetFmt::kDec},
    {"uselib", dec_uselib, RetFmt::kDec},
    {"cachestat", dec_cachestat, RetFmt::kDec},
    // strace prints these raw (printargs): hex arguments.
    {"vhangup", decode_raw, RetFmt::kDec},
    {"sysfs", decode_raw, RetFmt::kDec},
    {"create_module", decode_raw, RetFmt::kDec},
    {"get_kernel_syms", decode_raw, RetFmt::kDec},
    {"query_module", decode_raw, RetFmt::kDec},
    {"nfsservctl", decode_raw, RetFmt::kDec},
    {"getpmsg", decode_raw, RetFmt::kDec},
    {"putpmsg", decode_raw, RetFmt::kDec},
    {"afs_syscall", decode_raw, RetFmt::kDec},
    {"tuxcall", decode_raw, RetFmt::kDec},
    {"security", decode_raw, RetFmt::kDec},
    {"vserver", decode_raw, RetFmt::kDec},
    {"lsm_get_self_attr", decode_raw, RetFmt::kDec},
    {"lsm_set_self_attr", decode_raw, RetFmt::kDec},
    {"lsm_list_modules", decode_raw, RetFmt::kDec},
    {"uprobe", decode_raw, RetFmt::kDec},
    {"uretprobe", decode_raw, RetFmt::kDec},
    {"listns", decode_raw, RetFmt::kDec},
    // Never implemented on x86_64 (printargs in strace); listed here too in
    // case the epoll decoders do not take them.
    {"epoll_ctl_old", decode_raw, RetFmt::kDec},
    {"epoll_wait_old", decode_raw, RetFmt::kDec},
};

}  // namespace

namespace families {
std::span<const DecoderEntry> misc() { return kTable; }
}  // namespace families

}  // namespace syscope

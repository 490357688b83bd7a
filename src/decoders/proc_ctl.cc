// SPDX-License-Identifier: MIT
// Process control: prctl, arch_prctl, personality, capget/capset.
#include <asm/prctl.h>
#include <linux/prctl.h>

#include <cstring>
#include <string>
#include <vector>

#include "decoders/proc_common.h"
#include "decoders/proc_tables.h"
#include "decoders/siginfo.h"

namespace syscope::families {
namespace {

using namespace syscope::pdec;
using xlat::Entry;
using xlat::Table;

#define TABLE(name, ...)                         \
  constexpr Entry k_##name[] = {__VA_ARGS__};    \
  const Table name{k_##name, std::size(k_##name), nullptr}

// prctl argument tables (strace 6.1 order; values from linux/prctl.h).
TABLE(pr_dumpable, {0, "SUID_DUMP_DISABLE"}, {1, "SUID_DUMP_USER"}, {2, "SUID_DUMP_ROOT"});
TABLE(pr_tsc, {1, "PR_TSC_ENABLE"}, {2, "PR_TSC_SIGSEGV"});
TABLE(pr_unalign_flags, {1, "PR_UNALIGN_NOPRINT"}, {2, "PR_UNALIGN_SIGBUS"});
TABLE(pr_fp_mode, {1, "PR_FP_MODE_FR"}, {2, "PR_FP_MODE_FRE"});
TABLE(pr_spec_cmds, {0, "PR_SPEC_STORE_BYPASS"}, {1, "PR_SPEC_INDIRECT_BRANCH"},
      {2, "PR_SPEC_L1D_FLUSH"});
TABLE(pr_spec_get_flags, {0, "PR_SPEC_NOT_AFFECTED"}, {1, "PR_SPEC_PRCTL"}, {2, "PR_SPEC_ENABLE"},
      {4, "PR_SPEC_DISABLE"}, {8, "PR_SPEC_FORCE_DISABLE"}, {16, "PR_SPEC_DISABLE_NOEXEC"});
TABLE(pr_spec_set_flags, {2, "PR_SPEC_ENABLE"}, {4, "PR_SPEC_DISABLE"},
      {8, "PR_SPEC_FORCE_DISABLE"}, {16, "PR_SPEC_DISABLE_NOEXEC"});
TABLE(pr_cap_ambient, {1, "PR_CAP_AMBIENT_IS_SET"}, {2, "PR_CAP_AMBIENT_RAISE"},
      {3, "PR_CAP_AMBIENT_LOWER"}, {4, "PR_CAP_AMBIENT_CLEAR_ALL"});
TABLE(pr_mce_kill, {0, "PR_MCE_KILL_CLEAR"}, {1, "PR_MCE_KILL_SET"});
TABLE(pr_mce_kill_policy, {0, "PR_MCE_KILL_LATE"}, {1, "PR_MCE_KILL_EARLY"},
      {2, "PR_MCE_KILL_DEFAULT"});
TABLE(pr_set_mm, {1, "PR_SET_MM_START_CODE"}, {2, "PR_SET_MM_END_CODE"},
      {3, "PR_SET_MM_START_DATA"}, {4, "PR_SET_MM_END_DATA"}, {5, "PR_SET_MM_START_STACK"},
      {6, "PR_SET_MM_START_BRK"}, {7, "PR_SET_MM_BRK"}, {8, "PR_SET_MM_ARG_START"},
      {9, "PR_SET_MM_ARG_END"}, {10, "PR_SET_MM_ENV_START"}, {11, "PR_SET_MM_ENV_END"},
      {12, "PR_SET_MM_AUXV"}, {13, "PR_SET_MM_EXE_FILE"}, {14, "PR_SET_MM_MAP"},
      {15, "PR_SET_MM_MAP_SIZE"});
TABLE(pr_set_vma, {0, "PR_SET_VMA_ANON_NAME"});
TABLE(pr_sched_core_cmds, {0, "PR_SCHED_CORE_GET"}, {1, "PR_SCHED_CORE_CREATE"},
      {2, "PR_SCHED_CORE_SHARE_TO"}, {3, "PR_SCHED_CORE_SHARE_FROM"});
TABLE(pr_sched_core_pidtypes, {0, "PIDTYPE_PID"}, {1, "PIDTYPE_TGID"}, {2, "PIDTYPE_PGID"},
      {3, "PIDTYPE_SID"});
TABLE(pr_sud_cmds, {0, "PR_SYS_DISPATCH_OFF"}, {1, "PR_SYS_DISPATCH_ON"});
TABLE(pr_sve_vl_flags, {1 << 18, "PR_SVE_SET_VL_ONEXEC"}, {1 << 17, "PR_SVE_VL_INHERIT"});
TABLE(pr_sme_vl_flags, {1 << 18, "PR_SME_SET_VL_ONEXEC"}, {1 << 17, "PR_SME_VL_INHERIT"});
TABLE(pr_tagged_addr_enable, {0, "!PR_TAGGED_ADDR_ENABLE"}, {1, "PR_TAGGED_ADDR_ENABLE"});
TABLE(pr_mte_tcf, {0, "PR_MTE_TCF_NONE"}, {2, "PR_MTE_TCF_SYNC"}, {4, "PR_MTE_TCF_ASYNC"},
      {6, "PR_MTE_TCF_MASK"});
TABLE(pr_pac_keys, {1, "PR_PAC_APIAKEY"}, {2, "PR_PAC_APIBKEY"}, {4, "PR_PAC_APDAKEY"},
      {8, "PR_PAC_APDBKEY"}, {16, "PR_PAC_APGAKEY"});
TABLE(pr_pac_enabled_keys, {1, "PR_PAC_APIAKEY"}, {2, "PR_PAC_APIBKEY"}, {4, "PR_PAC_APDAKEY"},
      {8, "PR_PAC_APDBKEY"});
TABLE(x86_xfeature_bits, {0, "XFEATURE_FP"}, {1, "XFEATURE_SSE"}, {2, "XFEATURE_YMM"},
      {3, "XFEATURE_BNDREGS"}, {4, "XFEATURE_BNDCSR"}, {5, "XFEATURE_OPMASK"},
      {6, "XFEATURE_ZMM_Hi256"}, {7, "XFEATURE_Hi16_ZMM"}, {8, "XFEATURE_PT_UNIMPLEMENTED_SO_FAR"},
      {9, "XFEATURE_PKRU"}, {10, "XFEATURE_PASID"}, {15, "XFEATURE_LBR"},
      {17, "XFEATURE_XTILE_CFG"}, {18, "XFEATURE_XTILE_DATA"});
TABLE(x86_xfeatures, {3, "XFEATURE_MASK_FPSSE"}, {1, "XFEATURE_MASK_FP"}, {2, "XFEATURE_MASK_SSE"},
      {4, "XFEATURE_MASK_YMM"}, {8, "XFEATURE_MASK_BNDREGS"}, {16, "XFEATURE_MASK_BNDCSR"},
      {0xe0, "XFEATURE_MASK_AVX512"}, {0x20, "XFEATURE_MASK_OPMASK"},
      {0x40, "XFEATURE_MASK_ZMM_Hi256"}, {0x80, "XFEATURE_MASK_Hi16_ZMM"},
      {0x100, "XFEATURE_MASK_PT"}, {0x200, "XFEATURE_MASK_PKRU"}, {0x400, "XFEATURE_MASK_PASID"},
      {0x8000, "XFEATURE_MASK_LBR"}, {0x60000, "XFEATURE_MASK_XTILE"},
      {0x20000, "XFEATURE_MASK_XTILE_CFG"}, {0x40000, "XFEATURE_MASK_XTILE_DATA"});

#undef TABLE

// The 64 capability bits split as strace's cap_mask0/cap_mask1 flag sets,
// named "1<<CAP_CHOWN".
struct CapMasks {
  std::vector<std::string> names;
  std::vector<Entry> lo, hi;
  Table t_lo{}, t_hi{};
  CapMasks() {
    names.reserve(xlat::capabilities.size);
    for (const auto& e : xlat::capabilities) names.push_back(std::string("1<<") + e.name);
    size_t i = 0;
    for (const auto& e : xlat::capabilities) {
      const char* n = names[i++].c_str();
      if (e.value < 32)
        lo.push_back({1ull << e.value, n});
      else if (e.value < 64)
        hi.push_back({1ull << (e.value - 32), n});
    }
    t_lo = Table{lo.data(), lo.size(), nullptr};
    t_hi = Table{hi.data(), hi.size(), nullptr};
  }
};
const CapMasks& cap_masks() {
  static const CapMasks m;
  return m;
}

// print_prctl_args: the remaining arguments in hex.
void hex_args(Call& c, int first) {
  int n = c.desc ? c.desc->nargs : 5;
  for (int i = first; i < n; ++i) {
    c.p->sep();
    val(*c.p, c.arg(i), VFmt::kX);
  }
}

// PR_SVE_SET_VL/PR_SME_SET_VL argument and result: flags|vector length.
bool sprint_vl(const Printer& p, uint64_t arg, bool aux, const Table& t, std::string* out) {
  out->clear();
  char b[32];
  if (raw_style(p)) {
    if (aux) return false;
    snprintf(b, sizeof b, "%#llx", static_cast<unsigned long long>(arg));
    *out = b;
    return true;
  }
  uint64_t vl = arg & 0xffff, fl = arg & ~0xffffull;
  if (!fl && aux) return false;
  std::string fs;
  FormatOptions abbrev = p.opt();
  abbrev.const_style = FormatOptions::ConstStyle::kAbbrev;
  std::string scratch;
  Printer ap(&scratch, &abbrev, nullptr);
  bool have = sprintflags(ap, fl, t, &fs);
  snprintf(b, sizeof b, "%#llx", static_cast<unsigned long long>(vl));
  std::string body = (have ? fs + "|" : "") + b;
  if (!aux && fl && verbose_style(p)) {
    snprintf(b, sizeof b, "%#llx", static_cast<unsigned long long>(arg));
    *out = std::string(b) + " /* " + body + " */";
  } else {
    *out = body;
  }
  return true;
}

std::string sprint_tagged_addr(const Printer& p, uint64_t arg, bool rval) {
  std::string out;
  char b[48];
  if (!rval && !abbrev_style(p)) {
    snprintf(b, sizeof b, "%#llx", static_cast<unsigned long long>(arg));
    out = b;
  }
  if (raw_style(p)) return rval ? std::string() : out;
  if (!rval && verbose_style(p)) out += " /* ";
  out += arg & 1 ? "PR_TAGGED_ADDR_ENABLE" : "!PR_TAGGED_ADDR_ENABLE";
  out += '|';
  uint64_t tcf = arg & 6, tag = arg & (0xffffull << 3);
  uint64_t rest = arg & ~(1ull | 6ull | (0xffffull << 3));
  if (const char* n = lookup(pr_mte_tcf, tcf)) {
    out += n;
  } else {
    snprintf(b, sizeof b, "%#llx", static_cast<unsigned long long>(tcf));
    out += b;
  }
  if (tag) {
    snprintf(b, sizeof b, "|%#llx<<PR_MTE_TAG_SHIFT", static_cast<unsigned long long>(tag >> 3));
    out += b;
  }
  if (rest) {
    snprintf(b, sizeof b, "|%#llx", static_cast<unsigned long long>(rest));
    out += b;
  }
  if (!rval && verbose_style(p)) out += " */";
  return out;
}

// Aux string of a flags return value (RVAL_HEX|RVAL_STR).
void aux_flags(Call& c, const Table& t) {
  c.ret = RetFmt::kHex;
  sprintflags(*c.p, static_cast<uint64_t>(c.rval), t, &c.aux, true);
}

bool dec_prctl(Call& c) {
  Printer& p = *c.p;
  const uint32_t option = static_cast<uint32_t>(c.arg(0));
  const uint64_t arg2 = c.arg(1), arg3 = c.arg(2), arg4 = c.arg(3), arg5 = c.arg(4);
  const bool entering = !c.exiting;
  if (entering) xval(p, option, xlat::prctl_options, "PR_???");
  switch (option) {
    case PR_GET_KEEPCAPS:
    case PR_GET_SECCOMP:
    case PR_GET_TIMERSLACK:
    case PR_GET_TIMING: return true;
    case PR_GET_CHILD_SUBREAPER:
    case PR_GET_ENDIAN:
    case PR_GET_FPEMU:
    case PR_GET_FPEXC:
      if (entering)
        p.sep();
      else
        num_int(c, arg2, VFmt::kU);
      return c.exiting;
    case PR_GET_DUMPABLE:
      if (entering) return false;
      if (!c.failed())
        if (const char* n = lookup(pr_dumpable, static_cast<uint64_t>(c.rval))) c.aux = n;
      return true;
    case PR_GET_NAME:
      if (entering) {
        p.sep();
        return false;
      }
      if (c.failed())
        p.addr(arg2);
      else
        str_ex(c, arg2, 16);
      return true;
    case PR_GET_PDEATHSIG: {
      if (entering) {
        p.sep();
        return false;
      }
      uint32_t i;
      if (fetch(c, arg2, &i)) {
        p.ch('[');
        p.signo(static_cast<int>(i));
        p.ch(']');
      }
      return true;
    }
    case PR_GET_SECUREBITS:
      if (entering) return false;
      if (!c.failed() && c.rval != 0) aux_flags(c, xlat::secbits);
      return true;
    case PR_GET_TID_ADDRESS:
      if (entering) {
        p.sep();
        return false;
      }
      num_ptr(c, arg2);
      return true;
    case PR_GET_TSC:
    case PR_GET_UNALIGN: {
      if (entering) {
        p.sep();
        return false;
      }
      uint32_t i;
      if (!fetch(c, arg2, &i)) return true;
      p.ch('[');
      if (option == PR_GET_TSC)
        xval(p, i, pr_tsc, "PR_TSC_???");
      else
        pdec::flags(p, i, pr_unalign_flags, "PR_UNALIGN_???");
      p.ch(']');
      return true;
    }
    case PR_GET_FP_MODE:
      if (entering) return false;
      if (!c.failed() && c.rval != 0) aux_flags(c, pr_fp_mode);
      return true;
    case PR_SVE_SET_VL:
    case PR_SME_SET_VL:
      if (entering) {
        p.sep();
        std::string s;
        sprint_vl(p, arg2, false, option == PR_SVE_SET_VL ? pr_sve_vl_flags : pr_sme_vl_flags, &s);
        p.lit(s);
        return false;
      }
      [[fallthrough]];
    case PR_SVE_GET_VL:
    case PR_SME_GET_VL:
      if (entering) return false;
      if (!c.failed() && c.rval != 0) {
        std::string s;
        bool sve = option == PR_SVE_SET_VL || option == PR_SVE_GET_VL;
        if (sprint_vl(p, static_cast<uint64_t>(c.rval), true,
                      sve ? pr_sve_vl_flags : pr_sme_vl_flags, &s)) {
          c.ret = RetFmt::kHex;
          c.aux = s;
        } else {
          c.ret = RetFmt::kHex;
        }
      }
      return true;
    case PR_GET_SPECULATION_CTRL:
      if (entering) {
        p.sep();
        xval(p, arg2, pr_spec_cmds, "PR_SPEC_???");
        return false;
      }
      if (!c.failed() && arg2 <= 2) aux_flags(c, pr_spec_get_flags);
      return true;
    case PR_SET_TAGGED_ADDR_CTRL:
      p.sep();
      p.lit(sprint_tagged_addr(p, arg2, false));
      hex_args(c, 2);
      return true;
    case PR_GET_TAGGED_ADDR_CTRL:
      if (entering) {
        hex_args(c, 1);
        return false;
      }
      if (!c.failed()) {
        c.ret = RetFmt::kHex;
        c.aux = sprint_tagged_addr(p, static_cast<uint64_t>(c.rval), true);
      }
      return true;
    case PR_TASK_PERF_EVENTS_DISABLE:
    case PR_TASK_PERF_EVENTS_ENABLE: return true;
    case PR_SET_CHILD_SUBREAPER:
    case PR_SET_ENDIAN:
    case PR_SET_FPEMU:
    case PR_SET_FPEXC:
    case PR_SET_KEEPCAPS:
    case PR_SET_TIMING:
      p.sep();
      p.udec(arg2);
      return true;
    case PR_SET_DUMPABLE:
      p.sep();
      xval(p, arg2, pr_dumpable, "SUID_DUMP_???");
      return true;
    case PR_CAPBSET_DROP:
    case PR_CAPBSET_READ:
      p.sep();
      xval(p, arg2, xlat::capabilities, "CAP_???");
      return true;
    case PR_CAP_AMBIENT:
      p.sep();
      xval(p, arg2, pr_cap_ambient, "PR_CAP_AMBIENT_???");
      if (arg2 >= 1 && arg2 <= 3) {
        p.sep();
        xval(p, arg3, xlat::capabilities, "CAP_???");
        hex_args(c, 3);
      } else {
        hex_args(c, 2);
      }
      return true;
    case PR_MCE_KILL:
      p.sep();
      xval(p, arg2, pr_mce_kill, "PR_MCE_KILL_???");
      p.sep();
      if (arg2 == 1)
        xval(p, arg3, pr_mce_kill_policy, "PR_MCE_KILL_???");
      else
        val(p, arg3, VFmt::kX);
      hex_args(c, 3);
      return true;
    case PR_SET_NAME:
      p.sep();
      str_ex(c, arg2, 15);
      return true;
    case PR_SET_VMA:
      p.sep();
      xval(p, arg2, pr_set_vma, "PR_SET_VMA_???");
      if (arg2 == 0) {
        p.sep();
        p.addr(arg3);
        p.sep();
        p.udec(arg4);
        p.sep();
        p.cstr(arg5);
      } else {
        hex_args(c, 2);
      }
      return true;
    case PR_SET_MM:
      p.sep();
      xval32(p, arg2, pr_set_mm, "PR_SET_MM_???");
      hex_args(c, 2);
      return true;
    case PR_SET_PDEATHSIG:
      p.sep();
      if (arg2 > 128)
        p.udec(arg2);
      else
        p.signo(static_cast<int>(arg2));
      return true;
    case PR_SET_PTRACER:
      p.sep();
      if (static_cast<int>(arg2) == -1)
        xlat_ex(p, static_cast<uint64_t>(-1), "PR_SET_PTRACER_ANY", VFmt::kD);
      else
        p.dec(static_cast<int>(arg2));
      return true;
    case PR_SET_SECCOMP:
      p.sep();
      xval(p, arg2, xlat::seccomp_modes, "SECCOMP_MODE_???");
      if (arg2 == 1) return true;
      if (arg2 == 2) {
        p.sep();
        print_seccomp_fprog(c, arg3);
        return true;
      }
      hex_args(c, 2);
      return true;
    case PR_SET_SECUREBITS:
      p.sep();
      pdec::flags(p, arg2, xlat::secbits, "SECBIT_???");
      return true;
    case PR_SET_TIMERSLACK:
      p.sep();
      p.dec(static_cast<int64_t>(arg2));
      return true;
    case PR_SET_TSC:
      p.sep();
      xval32(p, arg2, pr_tsc, "PR_TSC_???");
      return true;
    case PR_SET_UNALIGN:
      p.sep();
      pdec::flags(p, static_cast<uint32_t>(arg2), pr_unalign_flags, "PR_UNALIGN_???");
      return true;
    case PR_SET_NO_NEW_PRIVS:
    case PR_SET_THP_DISABLE:
    case PR_SET_IO_FLUSHER:
      p.sep();
      p.udec(arg2);
      hex_args(c, 2);
      return true;
    case PR_MCE_KILL_GET:
      if (entering) {
        hex_args(c, 1);
        return false;
      }
      if (!c.failed())
        if (const char* n = lookup(pr_mce_kill_policy, static_cast<uint64_t>(c.rval))) c.aux = n;
      return true;
    case PR_SET_FP_MODE:
      p.sep();
      pdec::flags(p, static_cast<uint32_t>(arg2), pr_fp_mode, "PR_FP_MODE_???");
      return true;
    case PR_SET_SPECULATION_CTRL:
      p.sep();
      xval(p, arg2, pr_spec_cmds, "PR_SPEC_???");
      p.sep();
      if (arg2 <= 2)
        xval(p, arg3, pr_spec_set_flags, "PR_SPEC_???");
      else
        val(p, arg3, VFmt::kX);
      return true;
    case PR_PAC_RESET_KEYS:
      p.sep();
      pdec::flags(p, arg2, pr_pac_enabled_keys, "PR_PAC_???", &pr_pac_keys);
      hex_args(c, 2);
      return true;
    case PR_PAC_SET_ENABLED_KEYS:
      p.sep();
      pdec::flags(p, arg2, pr_pac_enabled_keys, "PR_PAC_???");
      p.sep();
      pdec::flags(p, arg3, pr_pac_enabled_keys, "PR_PAC_???");
      hex_args(c, 3);
      return true;
    case PR_PAC_GET_ENABLED_KEYS:
      if (entering) {
        hex_args(c, 1);
        return false;
      }
      if (!c.failed()) aux_flags(c, pr_pac_enabled_keys);
      return true;
    case PR_SET_SYSCALL_USER_DISPATCH:
      p.sep();
      xval(p, arg2, pr_sud_cmds, "PR_SYS_DISPATCH_???");
      p.sep();
      val(p, arg3, VFmt::kX);
      p.sep();
      val(p, arg4, VFmt::kX);
      p.sep();
      p.addr(arg5);
      return true;
    case PR_SCHED_CORE:
      if (entering) {
        p.sep();
        xval32(p, arg2, pr_sched_core_cmds, "PR_SCHED_CORE_???");
        p.sep();
        p.dec(static_cast<int>(arg3));
        p.sep();
        {
          uint32_t t = static_cast<uint32_t>(arg4);
          if (raw_style(p)) {
            val(p, t, VFmt::kX);
          } else {
            val(p, t, VFmt::kX);
            const char* n = lookup(pr_sched_core_pidtypes, t);
            comment(p, n ? n : "PIDTYPE_???");
          }
        }
        p.sep();
        if (static_cast<uint32_t>(arg2) == 0) return false;
        p.addr(arg5);
        return true;
      }
      if (c.failed())
        p.addr(arg5);
      else
        num_int64(c, arg5, VFmt::kX);
      return true;
    default:
      hex_args(c, 1);
      return true;
  }
}

bool dec_arch_prctl(Call& c) {
  Printer& p = *c.p;
  const uint32_t option = static_cast<uint32_t>(c.arg(0));
  const uint64_t addr = c.arg(1);
  if (!c.exiting) xval(p, option, xlat::arch_prctl_codes, "ARCH_???");
  switch (option) {
    case ARCH_GET_GS:
    case ARCH_GET_FS:
      if (!c.exiting) {
        p.sep();
        return false;
      }
      num_ptr(c, addr);  // printnum_kptr: a kernel long
      return true;
    case ARCH_GET_CPUID: return true;
    case ARCH_GET_XCOMP_SUPP:
    case ARCH_GET_XCOMP_PERM:
    case ARCH_GET_XCOMP_GUEST_PERM: {
      if (!c.exiting) {
        p.sep();
        return false;
      }
      uint64_t v;
      if (!fetch(c, addr, &v)) return true;
      p.ch('[');
      if (raw_style(p)) {
        val(p, v, VFmt::kX);
      } else {
        FormatOptions vo = p.opt();
        vo.const_style = FormatOptions::ConstStyle::kVerbose;
        Printer vp(&p.out(), &vo, &c.ctx());
        pdec::flags(vp, v, x86_xfeatures, "XFEATURE_MASK_???");
      }
      p.ch(']');
      return true;
    }
    case ARCH_REQ_XCOMP_PERM:
    case ARCH_REQ_XCOMP_GUEST_PERM:
      if (!c.exiting) {
        p.sep();
        if (raw_style(p)) {
          val(p, addr, VFmt::kX);
        } else {
          val(p, addr, VFmt::kX);
          const char* n = lookup(x86_xfeature_bits, addr);
          comment(p, n ? n : "XFEATURE_???");
        }
        return false;
      }
      if (c.rval > 0) aux_flags(c, x86_xfeatures);
      return true;
    default: break;
  }
  p.sep();
  val(p, addr, VFmt::kX);
  return true;
}

bool dec_personality(Call& c) {
  if (!c.exiting) {
    uint32_t pers = static_cast<uint32_t>(c.arg(0));
    if (pers == 0xffffffffu) {
      val(*c.p, pers, VFmt::kX);
    } else {
      xval(*c.p, pers & 0xff, xlat::personality_types, "PER_???");
      pers &= ~0xffu;
      if (pers) {
        c.p->ch('|');
        pdec::flags(*c.p, pers, xlat::personality_flags, nullptr);
      }
    }
    return false;
  }
  if (c.failed()) return true;
  uint32_t pers = static_cast<uint32_t>(c.rval);
  std::string out;
  Printer sp(&out, &c.p->opt(), &c.ctx());
  xval(sp, pers & 0xff, xlat::personality_types, "PER_???");
  pers &= ~0xffu;
  std::string fl;
  if (pers && sprintflags(*c.p, pers, xlat::personality_flags, &fl)) out += "|" + fl;
  c.ret = RetFmt::kHex;
  c.aux = out;
  return true;
}

// capget/capset header: {version=..., pid=N}.
bool cap_header(Call& c, uint64_t addr, uint32_t* version) {
  struct {
    uint32_t version;
    int32_t pid;
  } h;
  if (!addr || !c.p->opt().verbose_structs || c.ctx().read(addr, &h, sizeof h) != sizeof h)
    return false;
  *version = h.version;
  return true;
}

void print_cap_header(Call& c, uint64_t addr) {
  struct {
    uint32_t version;
    int32_t pid;
  } h;
  if (!addr || !c.p->opt().verbose_structs || c.ctx().read(addr, &h, sizeof h) != sizeof h) {
    c.p->addr(addr);
    return;
  }
  c.p->lit("{version=");
  xval(*c.p, h.version, xlat::cap_versions, "_LINUX_CAPABILITY_VERSION_???");
  c.p->lit(", pid=");
  c.p->dec(h.pid);
  c.p->ch('}');
}

void print_cap_bits(Printer& p, uint32_t lo, uint32_t hi) {
  const CapMasks& m = cap_masks();
  if (lo || !hi) pdec::flags(p, lo, m.t_lo, "CAP_???");
  if (hi) {
    if (lo) p.ch('|');
    pdec::flags(p, hi, m.t_hi, "CAP_???");
  }
}

void print_cap_data(Call& c, uint64_t addr, bool have_header, uint32_t version) {
  if (!addr || !have_header) {
    c.p->addr(addr);
    return;
  }
  unsigned len = (version == 0x20071026 || version == 0x20080522) ? 2 : 1;
  uint32_t d[6] = {};
  if (!fetch_n(c, addr, d, len * 12)) return;
  static const char* const kNames[] = {"{effective=", ", permitted=", ", inheritable="};
  for (int i = 0; i < 3; ++i) {
    c.p->lit(kNames[i]);
    print_cap_bits(*c.p, d[i], len > 1 ? d[3 + i] : 0);
  }
  c.p->ch('}');
}

bool dec_capget(Call& c) {
  if (!c.exiting) {
    print_cap_header(c, c.arg(0));
    c.p->sep();
    return false;
  }
  uint32_t version = 0;
  bool have = !c.failed() && cap_header(c, c.arg(0), &version);
  print_cap_data(c, c.arg(1), have, version);
  return true;
}

bool dec_capset(Call& c) {
  uint32_t version = 0;
  bool have = cap_header(c, c.arg(0), &version);
  print_cap_header(c, c.arg(0));
  c.p->sep();
  print_cap_data(c, c.arg(1), have, version);
  return true;
}

const DecoderEntry kTable[] = {
    {"prctl", dec_prctl, RetFmt::kDec},
    {"arch_prctl", dec_arch_prctl, RetFmt::kDec},
    {"personality", dec_personality, RetFmt::kDec},
    {"capget", dec_capget, RetFmt::kDec},
    {"capset", dec_capset, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> proc_ctl_table() { return kTable; }

}  // namespace syscope::families

// SPDX-License-Identifier: MIT
// ptrace (requests, their pid/addr/data forms; register sets by address) and
// seccomp (with the classic BPF program decoded under -v, as strace does).
#include <cstring>

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

TABLE(seccomp_ret_action, {0x80000000u, "SECCOMP_RET_KILL_PROCESS"}, {0, "SECCOMP_RET_KILL_THREAD"},
      {0x00030000, "SECCOMP_RET_TRAP"}, {0x00050000, "SECCOMP_RET_ERRNO"},
      {0x7fc00000, "SECCOMP_RET_USER_NOTIF"}, {0x7ff00000, "SECCOMP_RET_TRACE"},
      {0x7ffc0000, "SECCOMP_RET_LOG"}, {0x7fff0000, "SECCOMP_RET_ALLOW"});
TABLE(nt_descriptor_types, {1, "NT_PRSTATUS"}, {2, "NT_FPREGSET"}, {3, "NT_PRPSINFO"},
      {4, "NT_PRXREG"}, {5, "NT_PLATFORM"}, {6, "NT_AUXV"}, {7, "NT_GWINDOWS"}, {8, "NT_ASRS"},
      {10, "NT_PSTATUS"}, {13, "NT_PSINFO"}, {14, "NT_PRCRED"}, {15, "NT_UTSNAME"},
      {16, "NT_LWPSTATUS"}, {17, "NT_LWPSINFO"}, {20, "NT_PRFPXREG"}, {0x200, "NT_386_TLS"},
      {0x201, "NT_386_IOPERM"}, {0x202, "NT_X86_XSTATE"});

TABLE(bpf_class, {0x0, "BPF_LD"}, {0x1, "BPF_LDX"}, {0x2, "BPF_ST"}, {0x3, "BPF_STX"},
      {0x4, "BPF_ALU"}, {0x5, "BPF_JMP"}, {0x6, "BPF_RET"}, {0x7, "BPF_MISC"});
TABLE(bpf_size, {0x00, "BPF_W"}, {0x08, "BPF_H"}, {0x10, "BPF_B"}, {0x18, "BPF_DW"});
TABLE(bpf_mode, {0x00, "BPF_IMM"}, {0x20, "BPF_ABS"}, {0x40, "BPF_IND"}, {0x60, "BPF_MEM"},
      {0x80, "BPF_LEN"}, {0xa0, "BPF_MSH"}, {0xc0, "BPF_XADD"});
TABLE(bpf_src, {0x00, "BPF_K"}, {0x08, "BPF_X"});
TABLE(bpf_op_alu, {0x00, "BPF_ADD"}, {0x10, "BPF_SUB"}, {0x20, "BPF_MUL"}, {0x30, "BPF_DIV"},
      {0x40, "BPF_OR"}, {0x50, "BPF_AND"}, {0x60, "BPF_LSH"}, {0x70, "BPF_RSH"},
      {0x80, "BPF_NEG"}, {0x90, "BPF_MOD"}, {0xa0, "BPF_XOR"}, {0xb0, "BPF_MOV"},
      {0xc0, "BPF_ARSH"}, {0xd0, "BPF_END"});
TABLE(bpf_op_jmp, {0x00, "BPF_JA"}, {0x10, "BPF_JEQ"}, {0x20, "BPF_JGT"}, {0x30, "BPF_JGE"},
      {0x40, "BPF_JSET"}, {0x50, "BPF_JNE"}, {0x60, "BPF_JSGT"}, {0x70, "BPF_JSGE"},
      {0x80, "BPF_CALL"}, {0x90, "BPF_EXIT"}, {0xa0, "BPF_JLT"}, {0xb0, "BPF_JLE"},
      {0xc0, "BPF_JSLT"}, {0xd0, "BPF_JSLE"});
TABLE(bpf_rval, {0x00, "BPF_K"}, {0x08, "BPF_X"}, {0x10, "BPF_A"});
TABLE(bpf_miscop, {0x00, "BPF_TAX"}, {0x80, "BPF_TXA"});

#undef TABLE

struct SockFilter {
  uint16_t code;
  uint8_t jt, jf;
  uint32_t k;
};

void unknown_bits(Printer& p, uint32_t i) {
  if (!i) return;
  p.ch('|');
  val(p, i, VFmt::kX);
  comment(p, "BPF_???");
}

// A classic BPF opcode: BPF_LD|BPF_W|BPF_ABS, BPF_JMP|BPF_K|BPF_JEQ, ...
void print_bpf_code(Printer& p, uint16_t code) {
  const uint32_t cls = code & 7;
  uint32_t i = code & ~7u;
  xval(p, cls, bpf_class, "BPF_???");
  switch (cls) {
    case 2:  // BPF_ST
    case 3:  // BPF_STX
      unknown_bits(p, i);
      break;
    case 0:  // BPF_LD
    case 1:  // BPF_LDX
      p.ch('|');
      xval(p, code & 0x18, bpf_size, "BPF_???");
      p.ch('|');
      xval(p, code & 0xe0, bpf_mode, "BPF_???");
      break;
    case 7:  // BPF_MISC
      p.ch('|');
      xval(p, code & 0xf8, bpf_miscop, "BPF_???");
      unknown_bits(p, i & ~(code & 0xf8u));
      break;
    case 4:  // BPF_ALU
      p.ch('|');
      xval(p, code & 0x08, bpf_src, "BPF_???");
      p.ch('|');
      xval(p, code & 0xf0, bpf_op_alu, "BPF_???");
      break;
    case 5:  // BPF_JMP
      p.ch('|');
      xval(p, code & 0x08, bpf_src, "BPF_???");
      p.ch('|');
      xval(p, code & 0xf0, bpf_op_jmp, "BPF_???");
      break;
    case 6:  // BPF_RET
      p.ch('|');
      xval(p, code & 0x18, bpf_rval, "BPF_???");
      unknown_bits(p, i & ~(code & 0x18u));
      break;
  }
}

void print_bpf_insn(Call& c, const void* e, void* data) {
  unsigned& count = *static_cast<unsigned*>(data);
  Printer& p = *c.p;
  if (count++ >= 4096) {
    p.lit("...");
    return;
  }
  SockFilter f;
  memcpy(&f, e, sizeof f);
  if (f.jt || f.jf) {
    p.lit("BPF_JUMP(");
    print_bpf_code(p, f.code);
    p.lit(", ");
    val(p, f.k, VFmt::kX);
    p.lit(", ");
    val(p, f.jt, VFmt::kX);
    p.lit(", ");
    val(p, f.jf, VFmt::kX);
    p.ch(')');
    return;
  }
  p.lit("BPF_STMT(");
  print_bpf_code(p, f.code);
  p.lit(", ");
  if ((f.code & 7) == 6) {  // BPF_RET: the seccomp action
    uint32_t action = f.k & 0xffff0000u, rest = f.k & ~action;
    xval(p, action, seccomp_ret_action, "SECCOMP_RET_???");
    if (rest) {
      p.ch('|');
      val(p, rest, VFmt::kX);
    }
  } else {
    val(p, f.k, VFmt::kX);
  }
  p.ch(')');
}

}  // namespace

// struct sock_fprog of a seccomp filter: {len=N, filter=ADDR}, the
// instructions themselves with -v.
void print_seccomp_fprog(Call& c, uint64_t addr) {
  uint16_t len;
  uint64_t filter;
  if (compat(c)) {
    struct {
      uint16_t len, pad;
      uint32_t filter;
    } f;
    if (!fetch(c, addr, &f)) return;
    len = f.len;
    filter = f.filter;
  } else {
    struct {
      uint16_t len, pad[3];
      uint64_t filter;
    } f;
    if (!fetch(c, addr, &f)) return;
    len = f.len;
    filter = f.filter;
  }
  Printer& p = *c.p;
  p.lit("{len=");
  p.udec(len);
  p.lit(", filter=");
  if (p.opt().abbrev) {
    p.addr(filter);
  } else {
    unsigned count = 0;
    array(c, filter, len, sizeof(SockFilter), print_bpf_insn, &count);
  }
  p.ch('}');
}

namespace {

bool dec_seccomp(Call& c) {
  Printer& p = *c.p;
  uint32_t op = static_cast<uint32_t>(c.arg(0)), fl = static_cast<uint32_t>(c.arg(1));
  if (!c.exiting) {
    xval(p, op, xlat::seccomp_ops, "SECCOMP_SET_MODE_???");
    p.sep();
  }
  switch (op) {
    case 2 /* SECCOMP_GET_ACTION_AVAIL */: {
      val(p, fl, VFmt::kX);
      p.sep();
      uint32_t act;
      if (fetch(c, c.arg(2), &act)) {
        p.ch('[');
        xval(p, act, seccomp_ret_action, "SECCOMP_RET_???");
        p.ch(']');
      }
      return true;
    }
    case 3 /* SECCOMP_GET_NOTIF_SIZES */: {
      if (!c.exiting) {
        val(p, fl, VFmt::kX);
        p.sep();
        return false;
      }
      uint16_t s[3];
      if (fetch(c, c.arg(2), &s)) {
        p.lit("{seccomp_notif=");
        p.udec(s[0]);
        p.lit(", seccomp_notif_resp=");
        p.udec(s[1]);
        p.lit(", seccomp_data=");
        p.udec(s[2]);
        p.ch('}');
      }
      return true;
    }
    case 1 /* SECCOMP_SET_MODE_FILTER */: {
      pdec::flags(p, fl, xlat::seccomp_filter_flags, "SECCOMP_FILTER_FLAG_???");
      p.sep();
      print_seccomp_fprog(c, c.arg(2));
      return true;
    }
    default:
      val(p, fl, VFmt::kX);
      p.sep();
      p.addr(c.arg(2));
      return true;
  }
}

// offsetof(struct user, ...) names for PTRACE_PEEKUSER/POKEUSER (x86_64).
void print_user_offset(Printer& p, uint64_t addr) {
  static const Entry kOff[] = {
      {0, "8*R15"},   {8, "8*R14"},      {16, "8*R13"},  {24, "8*R12"},  {32, "8*RBP"},
      {40, "8*RBX"},  {48, "8*R11"},     {56, "8*R10"},  {64, "8*R9"},   {72, "8*R8"},
      {80, "8*RAX"},  {88, "8*RCX"},     {96, "8*RDX"},  {104, "8*RSI"}, {112, "8*RDI"},
      {120, "8*ORIG_RAX"}, {128, "8*RIP"}, {136, "8*CS"}, {144, "8*EFL"}, {152, "8*RSP"},
      {160, "8*SS"},
      {216, "offsetof(struct user, u_fpvalid)"},
      {224, "offsetof(struct user, i387)"},
      {736, "offsetof(struct user, u_tsize)"},
      {744, "offsetof(struct user, u_dsize)"},
      {752, "offsetof(struct user, u_ssize)"},
      {760, "offsetof(struct user, start_code)"},
      {768, "offsetof(struct user, start_stack)"},
      {776, "offsetof(struct user, signal)"},
      {784, "offsetof(struct user, reserved)"},
      {792, "offsetof(struct user, u_ar0)"},
      {800, "offsetof(struct user, u_fpstate)"},
      {808, "offsetof(struct user, magic)"},
      {816, "offsetof(struct user, u_comm)"},
      {848, "offsetof(struct user, u_debugreg)"},
      {912, "sizeof(struct user)"},
  };
  const Entry* base = nullptr;
  for (const auto& e : kOff)
    if (e.value <= addr) base = &e;
  const char* str = base ? base->name : nullptr;
  if (base && addr > base->value && base->value == 912) str = nullptr;
  if (!str || !abbrev_style(p)) p.addr(addr);
  if (!str || raw_style(p)) return;
  if (verbose_style(p)) p.lit(" /* ");
  p.lit(str);
  if (base->value != addr) {
    p.ch('+');
    p.udec(addr - base->value);
  }
  if (verbose_style(p)) p.lit(" */");
}

enum : uint64_t {
  kTraceme = 0, kPeektext = 1, kPeekdata = 2, kPeekuser = 3, kPokeuser = 6, kCont = 7,
  kKill = 8, kSinglestep = 9, kGetregs = 12, kSetregs = 13, kGetfpregs = 14, kSetfpregs = 15,
  kAttach = 16, kDetach = 17, kGetfpxregs = 18, kSetfpxregs = 19, kSyscall = 24,
  kSysemu = 31, kSysemuSinglestep = 32, kSingleblock = 33, kSetoptions = 0x4200,
  kGeteventmsg = 0x4201, kGetsiginfo = 0x4202, kSetsiginfo = 0x4203, kGetregset = 0x4204,
  kSetregset = 0x4205, kSeize = 0x4206, kInterrupt = 0x4207, kListen = 0x4208,
  kPeeksiginfo = 0x4209, kGetsigmask = 0x420a, kSetsigmask = 0x420b,
  kSeccompGetFilter = 0x420c, kSeccompGetMetadata = 0x420d, kGetSyscallInfo = 0x420e,
};

// fetch_struct_iovec: a struct iovec, read even when the call failed.
bool read_iovec(Call& c, uint64_t addr, uint64_t* base, uint64_t* len) {
  if (compat(c)) {
    uint32_t v[2];
    if (!tfetch(c, addr, v, sizeof v, true)) return false;
    *base = v[0];
    *len = v[1];
    return true;
  }
  uint64_t v[2];
  if (!tfetch(c, addr, v, sizeof v, true)) return false;
  *base = v[0];
  *len = v[1];
  return true;
}

bool dec_ptrace(Call& c) {
  Printer& p = *c.p;
  const uint64_t req = c.arg(0), addr = c.arg(2), data = c.arg(3);
  if (c.exiting) {
    switch (req) {
      case kPeektext:
      case kPeekdata:
      case kPeekuser: num_ptr(c, data); break;
      case kGeteventmsg: num_ulong(c, data); break;
      case kGetsiginfo: {
        siginfo_t si;
        if (fetch(c, data, &si)) print_siginfo(p, si, compat(c));
        break;
      }
      case kGetsigmask: sigset_addr_len(c, data, addr, compat(c) ? 4 : 8); break;
      case kGetregset:
      case kSetregset: {
        // The iovec; the register contents are not decoded (their address).
        uint64_t base, len;
        bool ok = read_iovec(c, data, &base, &len);
        if (req == kGetregset) {
          if (!ok) {
            p.addr(data);
            break;
          }
          p.lit("{iov_base=");
          p.addr(base);
          p.lit(", iov_len=");
          p.udec(c.saved[0]);
          if (len != c.saved[0]) {
            p.lit(" => ");
            p.udec(len);
          }
        } else if (ok && len != c.saved[0]) {
          p.lit(" => ");
          p.udec(len);
        }
        p.ch('}');
        break;
      }
      case kGetregs:
      case kGetfpregs:
      case kGetfpxregs:
      case kPeeksiginfo:
      case kSeccompGetFilter:
      case kSeccompGetMetadata:
      case kGetSyscallInfo: p.addr(data); break;
      default: break;
    }
    return true;
  }
  xval(p, req, xlat::ptrace_cmds, "PTRACE_???");
  if (req == kTraceme) return true;
  p.sep();
  p.dec(c.iarg(1));
  switch (req) {
    case kAttach:
    case kInterrupt:
    case kKill:
    case kListen: return true;
    default: break;
  }
  p.sep();
  switch (req) {
    case kPeekuser:
    case kPokeuser: print_user_offset(p, addr); break;
    case kGetregset:
    case kSetregset: xval32(p, addr, nt_descriptor_types, "NT_???"); break;
    case kGetsigmask:
    case kSetsigmask:
    case kSeccompGetFilter:
    case kSeccompGetMetadata:
    case kGetSyscallInfo: p.udec(addr); break;
    case kGetregs:
    case kGetfpregs:
    case kGetfpxregs:
      p.addr(addr);
      p.sep();
      return false;  // the registers' address at exit
    default: p.addr(addr); break;
  }
  p.sep();
  switch (req) {
    case kCont:
    case kDetach:
    case kSyscall:
    case kSinglestep:
    case kSingleblock:
    case kSysemu:
    case kSysemuSinglestep: p.signo(static_cast<int>(data)); break;
    case kSeize:
    case kSetoptions: pdec::flags(p, data, xlat::ptrace_options, "PTRACE_O_???"); break;
    case kSetsiginfo: {
      siginfo_t si;
      if (fetch(c, data, &si)) print_siginfo(p, si, compat(c));
      break;
    }
    case kSetsigmask: sigset_addr_len(c, data, addr, compat(c) ? 4 : 8); break;
    case kGetregset:
    case kSetregset: {
      uint64_t base, len;
      if (!read_iovec(c, data, &base, &len)) {
        p.addr(data);
        return true;
      }
      c.saved[0] = len;
      if (req == kSetregset) {
        p.lit("{iov_base=");
        p.addr(base);
        p.lit(", iov_len=");
        p.udec(len);
      }
      return false;
    }
    case kPeektext:
    case kPeekdata:
    case kPeekuser:
    case kGeteventmsg:
    case kGetsiginfo:
    case kGetsigmask:
    case kPeeksiginfo:
    case kSeccompGetFilter:
    case kSeccompGetMetadata:
    case kGetSyscallInfo:
      if (p.opt().verbose_structs) return false;
      p.addr(data);
      break;
    default: p.addr(data); break;
  }
  return true;
}


const DecoderEntry kTable[] = {
    {"seccomp", dec_seccomp, RetFmt::kDec},
    {"ptrace", dec_ptrace, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> proc_trace_table() { return kTable; }

}  // namespace syscope::families

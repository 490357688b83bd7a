// SPDX-License-Identifier: MIT
// The program has two parts:
//  1. A prologue of our own (~20 instructions): for x86_64 and i386, a number
//     in no table (above the table or in one of its holes) returns TRACE.
//     libseccomp cannot express a range of numbers, and strace traces
//     unknown syscalls whatever the set; x32 numbers (0x40000000 and up) and
//     -1 fall in the range above the table.
//  2. libseccomp's program for both architectures, whichever is shorter:
//     default ALLOW with a TRACE rule per traced syscall, or (for sets such as
//     !getppid) default TRACE with an ALLOW rule per untraced one. Any other
//     architecture returns TRACE (SCMP_FLTATR_ACT_BADARCH). libseccomp takes
//     milliseconds for hundreds of rules, so the short form also keeps
//     start-up cheap.
// All jumps in classic BPF go forward and are relative, so libseccomp's
// program runs unchanged after the prologue.
#include "tracer/seccomp_filter.h"

#include <linux/audit.h>
#include <linux/seccomp.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <memory>

namespace syscope {
namespace {

constexpr uint32_t kRetTrace = SECCOMP_RET_TRACE;

struct CtxDeleter {
  void operator()(void* c) const { seccomp_release(c); }
};
using Ctx = std::unique_ptr<void, CtxDeleter>;

bool is_exec_name(const char* name) {
  return std::strcmp(name, "execve") == 0 || std::strcmp(name, "execveat") == 0;
}

// i386 calls that libseccomp also matches inside socketcall(2)/ipc(2) by
// their first argument: an ALLOW rule for one would let a traced
// socketcall/ipc run free, so they are never allowed.
bool multiplexed_on_i386(const char* name) {
  static const char* const kNames[] = {
      "socket", "bind", "connect", "listen", "accept", "getsockname", "getpeername", "socketpair",
      "send", "recv", "sendto", "recvfrom", "shutdown", "setsockopt", "getsockopt", "sendmsg",
      "recvmsg", "accept4", "recvmmsg", "sendmmsg", "semop", "semget", "semctl", "semtimedop",
      "msgsnd", "msgrcv", "msgget", "msgctl", "shmat", "shmdt", "shmget", "shmctl"};
  for (const char* n : kNames)
    if (std::strcmp(n, name) == 0) return true;
  return false;
}

struct Shape {
  const SyscallSet& traced;
  bool trace_exec;
  bool allow_form;
  bool stops(Abi abi, const SyscallDesc& d) const {
    return traced.contains(abi, d.nr) || (trace_exec && is_exec_name(d.name));
  }
  // Whether the rule for this syscall is written: in the TRACE form for the
  // traced ones, in the ALLOW form for the others.
  bool wants_rule(Abi abi, const SyscallDesc& d) const { return allow_form ? !stops(abi, d) : stops(abi, d); }
};

uint32_t rule_action(bool allow_form) { return allow_form ? SCMP_ACT_ALLOW : SCMP_ACT_TRACE(0); }

// x86_64 rules: native numbers, passed through unchanged by libseccomp.
int add_x86_64_rules(scmp_filter_ctx ctx, const Shape& sh) {
  for (const SyscallDesc& d : syscall_table(Abi::kX86_64)) {
    if (!sh.wants_rule(Abi::kX86_64, d)) continue;
    if (int rc = seccomp_rule_add(ctx, rule_action(sh.allow_form), d.nr, 0); rc < 0) return rc;
  }
  return 0;
}

// i386 rules, in an i386-only context. libseccomp takes rule numbers in the
// host's numbering and translates them by name, so each of our i386 names is
// resolved to the host (or libseccomp pseudo) number first. In the TRACE form
// a call that cannot be expressed makes the whole ABI traced (returns false);
// in the ALLOW form it is simply left traced.
bool add_i386_rules(scmp_filter_ctx ctx, const Shape& sh) {
  const bool allow_form = sh.allow_form;
  for (const SyscallDesc& d : syscall_table(Abi::kI386)) {
    if (!sh.wants_rule(Abi::kI386, d)) continue;
    if (allow_form && multiplexed_on_i386(d.name)) continue;
    int host = seccomp_syscall_resolve_name(d.name);
    if (seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86, d.name) != d.nr || host == __NR_SCMP_ERROR ||
        seccomp_rule_add(ctx, rule_action(allow_form), host, 0) < 0) {
      if (allow_form) continue;
      return false;
    }
  }
  return true;
}

Ctx new_ctx(bool allow_form) {
  Ctx c(seccomp_init(allow_form ? SCMP_ACT_TRACE(0) : SCMP_ACT_ALLOW));
  if (c && seccomp_attr_set(c.get(), SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_TRACE(0)) < 0) c.reset();
  return c;
}

Result<std::vector<sock_filter>> export_bpf(scmp_filter_ctx ctx) {
  int fd = memfd_create("syscope-bpf", MFD_CLOEXEC);
  if (fd < 0) return make_error(errno, "memfd_create");
  std::vector<sock_filter> prog;
  int rc = seccomp_export_bpf(ctx, fd);
  if (rc < 0) {
    close(fd);
    return make_error(-rc, "seccomp_export_bpf");
  }
  off_t size = lseek(fd, 0, SEEK_END);
  if (size <= 0 || size % static_cast<off_t>(sizeof(sock_filter)) != 0) {
    close(fd);
    return make_error(EINVAL, "seccomp_export_bpf: bad program size");
  }
  prog.resize(static_cast<size_t>(size) / sizeof(sock_filter));
  ssize_t n = pread(fd, prog.data(), static_cast<size_t>(size), 0);
  close(fd);
  if (n != size) return make_error(EIO, "seccomp_export_bpf: short read");
  return prog;
}

sock_filter stmt(uint16_t code, uint32_t k) { return sock_filter{code, 0, 0, k}; }

// Number ranges [lo, hi) of an ABI that hold no known syscall: the holes
// inside the table and everything above it.
std::vector<std::pair<uint32_t, uint32_t>> unknown_ranges(Abi abi) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  uint32_t next = 0;
  for (const SyscallDesc& d : syscall_table(abi)) {
    auto nr = static_cast<uint32_t>(d.nr);
    if (nr > next) out.emplace_back(next, nr);
    next = nr + 1;
  }
  out.emplace_back(next, 0);  // hi 0: no upper bound
  return out;
}

// The prologue, a tiny assembler with symbolic targets resolved at the end:
//   LD arch; JEQ x86_64 -> A64; JEQ i386 -> A32 (or TRACE); JA BODY
//   A64: LD nr; per unknown range: JGE lo ? (JGE hi ? next : TRACE) : BODY
//   A32: the same for i386;  TRACE: RET TRACE;  BODY: libseccomp's program
std::vector<sock_filter> prologue(bool trace_unknown, bool i386_exact) {
  enum Target : int { kNext = -1, kBody = -2, kTrace = -3, kA64 = -4, kA32 = -5 };
  struct Insn {
    uint16_t code;
    uint32_t k;
    int jt = kNext, jf = kNext;
  };
  std::vector<Insn> code;
  int a64 = 0, a32 = 0;
  const uint16_t ld = BPF_LD | BPF_W | BPF_ABS, jeq = BPF_JMP | BPF_JEQ | BPF_K,
                 jge = BPF_JMP | BPF_JGE | BPF_K, ja = BPF_JMP | BPF_JA;
  code.push_back({ld, offsetof(seccomp_data, arch)});
  code.push_back({jeq, AUDIT_ARCH_X86_64, kA64, kNext});
  code.push_back({jeq, AUDIT_ARCH_I386, i386_exact ? kA32 : kTrace, kNext});
  code.push_back({ja, 0, kBody, kBody});
  for (Abi abi : {Abi::kX86_64, Abi::kI386}) {
    (abi == Abi::kX86_64 ? a64 : a32) = static_cast<int>(code.size());
    code.push_back({ld, offsetof(seccomp_data, nr)});
    if (trace_unknown) {
      for (auto [lo, hi] : unknown_ranges(abi)) {
        if (hi == 0) {
          code.push_back({jge, lo, kTrace, kBody});
        } else {
          code.push_back({jge, lo, kNext, kBody});
          code.push_back({jge, hi, kNext, kTrace});
        }
      }
    }
    code.push_back({ja, 0, kBody, kBody});
  }
  const int trace_at = static_cast<int>(code.size());
  const int body_at = trace_at + 1;
  std::vector<sock_filter> out;
  auto resolve = [&](int i, int target) -> uint32_t {
    int to = target == kNext ? i + 1 : target == kBody ? body_at : target == kTrace ? trace_at
           : target == kA64 ? a64 : a32;
    return static_cast<uint32_t>(to - i - 1);
  };
  for (int i = 0; i < static_cast<int>(code.size()); ++i) {
    const Insn& in = code[static_cast<size_t>(i)];
    if (in.code == ja)
      out.push_back(sock_filter{ja, 0, 0, resolve(i, in.jt)});
    else if (in.code == ld)
      out.push_back(stmt(ld, in.k));
    else
      out.push_back(sock_filter{in.code, static_cast<uint8_t>(resolve(i, in.jt)),
                                static_cast<uint8_t>(resolve(i, in.jf)), in.k});
  }
  out.push_back(stmt(BPF_RET | BPF_K, kRetTrace));
  return out;
}

}  // namespace

Result<std::vector<sock_filter>> build_seccomp_filter(const SyscallSet& traced, bool trace_exec) {
  // Fewer rules win. Everything traced: one instruction.
  Shape sh{traced, trace_exec, false};
  size_t stop = 0, run = 0;
  for (const SyscallDesc& d : syscall_table(Abi::kX86_64)) ++(sh.stops(Abi::kX86_64, d) ? stop : run);
  if (run == 0 && traced.is_all()) return std::vector<sock_filter>{stmt(BPF_RET | BPF_K, kRetTrace)};
  sh.allow_form = run < stop;
  const bool allow_form = sh.allow_form;

  Ctx ctx = new_ctx(allow_form);
  if (!ctx) return make_error(ENOMEM, "seccomp_init");
  if (int rc = add_x86_64_rules(ctx.get(), sh); rc < 0) return make_error(-rc, "seccomp_rule_add");

  // i386 rules live in a context of their own, merged into the x86_64 one.
  bool i386_exact = false;
  {
    Ctx c32 = new_ctx(allow_form);
    if (c32 && seccomp_arch_add(c32.get(), SCMP_ARCH_X86) == 0 &&
        seccomp_arch_remove(c32.get(), SCMP_ARCH_NATIVE) == 0 &&
        add_i386_rules(c32.get(), sh)) {
      // seccomp_merge releases the source context on success.
      if (seccomp_merge(ctx.get(), c32.get()) == 0) {
        c32.release();
        i386_exact = true;
      }
    }
  }
  auto body = export_bpf(ctx.get());
  if (!body) return body;

  // With ALLOW as the default, our prologue sends the numbers outside the
  // tables (and their holes) to TRACE; with TRACE as the default they get
  // there anyway.
  std::vector<sock_filter> prog;
  if (!allow_form) prog = prologue(traced.unknown_included(), i386_exact);
  prog.insert(prog.end(), body->begin(), body->end());
  if (prog.size() > BPF_MAXINSNS) return make_error(E2BIG, "seccomp filter too large");
  return prog;
}

uint32_t run_seccomp_filter(std::span<const sock_filter> prog, uint32_t arch, int32_t nr,
                            const uint64_t args[6]) {
  seccomp_data data{};
  data.nr = nr;
  data.arch = arch;
  if (args)
    for (int i = 0; i < 6; ++i) data.args[i] = args[i];
  unsigned char raw[sizeof data];
  std::memcpy(raw, &data, sizeof data);
  constexpr uint32_t kBad = 0xffffffff;
  uint32_t a = 0, x = 0;
  uint32_t mem[BPF_MEMWORDS] = {};
  size_t pc = 0;
  for (size_t steps = 0; pc < prog.size() && steps <= prog.size(); ++steps) {
    const sock_filter& in = prog[pc++];
    switch (in.code) {
      case BPF_LD | BPF_W | BPF_ABS:
        if (in.k % 4 || in.k + 4 > sizeof raw) return kBad;
        std::memcpy(&a, raw + in.k, 4);
        break;
      case BPF_LD | BPF_IMM: a = in.k; break;
      case BPF_LDX | BPF_IMM: x = in.k; break;
      case BPF_LD | BPF_MEM: a = in.k < BPF_MEMWORDS ? mem[in.k] : 0; break;
      case BPF_LDX | BPF_MEM: x = in.k < BPF_MEMWORDS ? mem[in.k] : 0; break;
      case BPF_ST:
        if (in.k >= BPF_MEMWORDS) return kBad;
        mem[in.k] = a;
        break;
      case BPF_STX:
        if (in.k >= BPF_MEMWORDS) return kBad;
        mem[in.k] = x;
        break;
      case BPF_MISC | BPF_TAX: x = a; break;
      case BPF_MISC | BPF_TXA: a = x; break;
      case BPF_ALU | BPF_AND | BPF_K: a &= in.k; break;
      case BPF_ALU | BPF_OR | BPF_K: a |= in.k; break;
      case BPF_ALU | BPF_RSH | BPF_K: a >>= in.k; break;
      case BPF_ALU | BPF_LSH | BPF_K: a <<= in.k; break;
      case BPF_JMP | BPF_JA: pc += in.k; break;
      case BPF_JMP | BPF_JEQ | BPF_K: pc += a == in.k ? in.jt : in.jf; break;
      case BPF_JMP | BPF_JGT | BPF_K: pc += a > in.k ? in.jt : in.jf; break;
      case BPF_JMP | BPF_JGE | BPF_K: pc += a >= in.k ? in.jt : in.jf; break;
      case BPF_JMP | BPF_JSET | BPF_K: pc += (a & in.k) ? in.jt : in.jf; break;
      case BPF_JMP | BPF_JEQ | BPF_X: pc += a == x ? in.jt : in.jf; break;
      case BPF_JMP | BPF_JGT | BPF_X: pc += a > x ? in.jt : in.jf; break;
      case BPF_JMP | BPF_JGE | BPF_X: pc += a >= x ? in.jt : in.jf; break;
      case BPF_RET | BPF_K: return in.k;
      case BPF_RET | BPF_A: return a;
      default: return kBad;
    }
  }
  return kBad;
}

}  // namespace syscope

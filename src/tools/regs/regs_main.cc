// SPDX-License-Identifier: MIT
// syscope regs -p PID [--tid T | --all-threads] [--set REG=VALUE ...]
#include <signal.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "syscope/process.h"
#include "syscope/registers.h"
#include "syscope/syscall_table.h"
#include "tools/common/subcommand_mains.h"
#include "tools/mem/symbols.h"
#include "tools/mem/tool_common.h"

namespace syscope {
namespace tools {
namespace {

constexpr const char* kRegs = "regs";

constexpr const char* kUsage = R"(usage: syscope regs -p PID [--tid T | --all-threads] [--set REG=VALUE ...]

Prints the registers of a thread (the thread PID, or T): general purpose,
debug (dr0-dr7), x87/SSE, AVX (ymm) and AVX-512 (k, zmm) when the CPU has them.
Only that thread is stopped, and only while the registers are read or written.

  --set REG=VALUE   change a register (repeatable; more REG=VALUE may follow)
                    rax..r15, eax/ax/al/ah/r8d/..., rip, eflags, segment registers,
                    fs_base, gs_base, orig_rax: a number (decimal, 0x hex, negative)
                    or an address (SYMBOL+OFF, REGION+OFF) - dr0-dr3, dr6, dr7 alike;
                    mxcsr, fcw; xmm0-15, ymm0-15, zmm0-31, k0-7: hex, most
                    significant digit first. Setting rip also sets orig_rax=-1
                    (unless given) so that an interrupted syscall is not restarted.
  --all-threads     every thread of the process
)";

enum class Kind { kGp, kDebug, kFp, kXmm, kYmm, kZmm, kK };

struct Assignment {
  std::string reg, text;
  Kind kind;
  int index = 0;
  const RegisterDesc* gp = nullptr;
  std::optional<uint64_t> value;  // for scalar registers (may need the maps)
  Vec512 wide{};                  // for vector registers
  std::string before, after;
};

bool indexed(const std::string& name, const char* prefix, int max, int* out) {
  size_t n = strlen(prefix);
  if (name.compare(0, n, prefix) != 0 || name.size() == n || name.size() > n + 2) return false;
  for (size_t i = n; i < name.size(); ++i)
    if (!isdigit(static_cast<unsigned char>(name[i]))) return false;
  *out = atoi(name.c_str() + n);
  return *out <= max;
}

// Checks the name and the syntax of the value; addresses wait for the maps.
bool classify(Assignment* a) {
  int i;
  if ((a->gp = find_gp_register(a->reg))) {
    a->kind = Kind::kGp;
    a->value = parse_int(a->text, a->gp->bits);
    return true;
  }
  if (indexed(a->reg, "dr", 7, &i) && i != 4 && i != 5) {
    a->kind = Kind::kDebug;
    a->index = i;
    a->value = parse_int(a->text, 64);
    return true;
  }
  if (a->reg == "mxcsr" || a->reg == "fcw") {
    a->kind = Kind::kFp;
    a->value = parse_int(a->text, a->reg == "fcw" ? 16 : 32);
    if (!a->value) return fail(kRegs, "invalid value for %s: '%s'", a->reg.c_str(), a->text.c_str()), false;
    return true;
  }
  struct {
    const char* prefix;
    int max;
    Kind kind;
    size_t bytes;
  } vec[] = {{"xmm", 15, Kind::kXmm, 16}, {"ymm", 15, Kind::kYmm, 32}, {"zmm", 31, Kind::kZmm, 64}, {"k", 7, Kind::kK, 8}};
  for (const auto& v : vec) {
    if (!indexed(a->reg, v.prefix, v.max, &i)) continue;
    a->kind = v.kind;
    a->index = i;
    if (!parse_wide(a->text, std::span<uint8_t>(a->wide.data(), v.bytes)))
      return fail(kRegs, "invalid value for %s: '%s'", a->reg.c_str(), a->text.c_str()), false;
    return true;
  }
  fail(kRegs, "unknown register: '%s'", a->reg.c_str());
  return false;
}

std::string hex64(uint64_t v) {
  char b[32];
  snprintf(b, sizeof b, "0x%016" PRIx64, v);
  return b;
}

std::string hex_short(uint64_t v) {
  char b[32];
  snprintf(b, sizeof b, "0x%" PRIx64, v);
  return b;
}

std::string err_text(const Error& e) { return strerror(e.code); }

// Applies the assignments to one thread, group by group (each group read
// fresh from the kernel, changed, written back and read again).
bool apply(Thread& th, std::vector<Assignment>& as) {
  bool ok = true;
  auto any = [&](auto pred) { return std::any_of(as.begin(), as.end(), pred); };
  if (any([](const Assignment& a) { return a.kind == Kind::kGp; })) {
    auto r = th.registers();
    if (!r) return fail(kRegs, "cannot read registers of %d: %s", th.tid(), err_text(r.error()).c_str()), false;
    Registers regs = *r;
    bool ip_set = false, orig_set = false;
    for (auto& a : as)
      if (a.kind == Kind::kGp) {
        a.before = hex_short(regs.get(*a.gp));
        regs.set(*a.gp, *a.value);
        ip_set |= a.gp->offset == offsetof(user_regs_struct, rip);
        orig_set |= a.gp->offset == offsetof(user_regs_struct, orig_rax);
      }
    // A thread stopped inside an interrupted syscall would have the kernel
    // "restart" it by moving the new rip back 2 bytes: forget the syscall,
    // as gdb does when it changes the pc.
    if (ip_set && !orig_set) regs.raw.orig_rax = ~0ull;
    if (auto e = th.set_registers(regs); !e)
      return fail(kRegs, "cannot set registers of %d: %s", th.tid(), err_text(e.error()).c_str()), false;
    auto back = th.registers();
    for (auto& a : as)
      if (a.kind == Kind::kGp && back) a.after = hex_short(back->get(*a.gp));
  }
  for (auto& a : as) {
    if (a.kind != Kind::kDebug) continue;
    if (auto v = th.debug_register(a.index)) a.before = hex_short(*v);
    if (auto e = th.set_debug_register(a.index, *a.value); !e) {
      fail(kRegs, "cannot set %s of %d to %s: %s", a.reg.c_str(), th.tid(), a.text.c_str(), err_text(e.error()).c_str());
      ok = false;
      continue;
    }
    if (auto v = th.debug_register(a.index)) a.after = hex_short(*v);
  }
  if (any([](const Assignment& a) { return a.kind == Kind::kFp || a.kind == Kind::kXmm; })) {
    auto f = th.fp_registers();
    if (!f) return fail(kRegs, "cannot read FP registers of %d: %s", th.tid(), err_text(f.error()).c_str()), false;
    FpRegisters fp = *f;
    for (auto& a : as) {
      if (a.kind == Kind::kFp && a.reg == "mxcsr") a.before = hex_short(fp.raw.mxcsr), fp.raw.mxcsr = static_cast<uint32_t>(*a.value);
      if (a.kind == Kind::kFp && a.reg == "fcw") a.before = hex_short(fp.raw.cwd), fp.raw.cwd = static_cast<uint16_t>(*a.value);
      if (a.kind == Kind::kXmm) {
        a.before = format_wide(fp.xmm(a.index));
        Vec128 v;
        std::memcpy(v.data(), a.wide.data(), 16);
        fp.set_xmm(a.index, v);
      }
    }
    if (auto e = th.set_fp_registers(fp); !e)
      return fail(kRegs, "cannot set FP registers of %d: %s", th.tid(), err_text(e.error()).c_str()), false;
    if (auto b = th.fp_registers())
      for (auto& a : as) {
        if (a.kind == Kind::kFp) a.after = hex_short(a.reg == "fcw" ? b->raw.cwd : b->raw.mxcsr);
        if (a.kind == Kind::kXmm) a.after = format_wide(b->xmm(a.index));
      }
  }
  if (any([](const Assignment& a) { return a.kind == Kind::kYmm || a.kind == Kind::kZmm || a.kind == Kind::kK; })) {
    auto x = th.extended_state();
    if (!x) return fail(kRegs, "cannot read the XSAVE state of %d: %s", th.tid(), err_text(x.error()).c_str()), false;
    ExtendedState xs = *x;
    for (auto& a : as) {
      bool done = true;
      if (a.kind == Kind::kYmm) {
        Vec256 v;
        std::memcpy(v.data(), a.wide.data(), 32);
        if (auto old = xs.ymm(a.index)) a.before = format_wide(*old);
        done = xs.set_ymm(a.index, v);
      } else if (a.kind == Kind::kZmm) {
        if (auto old = xs.zmm(a.index)) a.before = format_wide(*old);
        done = xs.set_zmm(a.index, a.wide);
      } else if (a.kind == Kind::kK) {
        uint64_t v;
        std::memcpy(&v, a.wide.data(), 8);
        if (auto old = xs.k(a.index)) a.before = hex_short(*old);
        done = xs.set_k(a.index, v);
      } else {
        continue;
      }
      if (!done) return fail(kRegs, "%s: not available on this CPU", a.reg.c_str()), false;
    }
    if (auto e = th.set_extended_state(xs); !e)
      return fail(kRegs, "cannot set the XSAVE state of %d: %s", th.tid(), err_text(e.error()).c_str()), false;
    if (auto b = th.extended_state())
      for (auto& a : as) {
        if (a.kind == Kind::kYmm) a.after = format_wide(*b->ymm(a.index));
        if (a.kind == Kind::kZmm) a.after = format_wide(*b->zmm(a.index));
        if (a.kind == Kind::kK) a.after = hex_short(*b->k(a.index));
      }
  }
  return ok;
}

// Everything about one stopped thread, as text (printed after detaching).
std::string describe_thread(Thread& th, Symbols& syms, const Maps& maps) {
  std::string out;
  char line[512];
  auto r = th.registers();
  if (!r) return "thread " + std::to_string(th.tid()) + ": cannot read registers: " + err_text(r.error()) + "\n";
  const Registers& regs = *r;
  auto where = [&](uint64_t a) {
    std::string s = syms.describe(a), m = maps.describe(a);
    if (!s.empty() && !m.empty()) return s + " (" + m + ")";
    return s.empty() ? m : s;
  };
  std::string in_syscall;
  if (static_cast<int64_t>(regs.raw.orig_rax) >= 0) {
    const SyscallDesc* sd = syscall_by_nr(Abi::kX86_64, static_cast<long>(regs.raw.orig_rax));
    in_syscall = std::string(", in syscall ") + (sd ? sd->name : std::to_string(regs.raw.orig_rax).c_str());
  }
  snprintf(line, sizeof line, "thread %d (%s%s) at %s %s\n", th.tid(), thread_state_name(th.state()),
           in_syscall.c_str(), hex_short(regs.ip()).c_str(), where(regs.ip()).c_str());
  out += line;
  for (const auto& d : gp_registers()) {
    uint64_t v = regs.get(d);
    std::string extra;
    if (std::string_view(d.name) == "eflags") extra = format_eflags(v);
    else if (std::string_view(d.name) == "rip" || std::string_view(d.name) == "rsp" || std::string_view(d.name) == "rbp") extra = where(v);
    else if (d.offset < offsetof(user_regs_struct, rip) || std::string_view(d.name) == "orig_rax")
      extra = std::to_string(static_cast<int64_t>(v));
    snprintf(line, sizeof line, "%-9s %s  %s\n", d.name, hex64(v).c_str(), extra.c_str());
    out += line;
  }
  for (int i : {0, 1, 2, 3, 6, 7}) {
    auto v = th.debug_register(i);
    snprintf(line, sizeof line, "dr%-7d %s\n", i, v ? hex64(*v).c_str() : err_text(v.error()).c_str());
    out += line;
  }
  if (auto f = th.fp_registers()) {
    snprintf(line, sizeof line, "fcw 0x%04x  fsw 0x%04x  ftw 0x%04x  fop 0x%04x  fip 0x%" PRIx64 "  fdp 0x%" PRIx64 "  mxcsr 0x%08x\n",
             f->fcw(), f->fsw(), f->ftw(), f->fop(), f->fip(), f->fdp(), f->mxcsr());
    out += line;
    for (int i = 0; i < 8; ++i) {
      auto b = f->st_bytes(i);
      snprintf(line, sizeof line, "st%-7d %s  %Lg\n", i, format_wide(b).c_str(), f->st(i));
      out += line;
    }
    for (int i = 0; i < 16; ++i) {
      snprintf(line, sizeof line, "xmm%-6d %s\n", i, format_wide(f->xmm(i)).c_str());
      out += line;
    }
  }
  if (auto x = th.extended_state()) {
    for (int i = 0; i < 16 && x->has_avx(); ++i) {
      snprintf(line, sizeof line, "ymm%-6d %s\n", i, format_wide(*x->ymm(i)).c_str());
      out += line;
    }
    if (x->has_avx512()) {
      for (int i = 0; i < 8; ++i) {
        snprintf(line, sizeof line, "k%-8d %s\n", i, hex64(*x->k(i)).c_str());
        out += line;
      }
      for (int i = 0; i < 32; ++i) {
        snprintf(line, sizeof line, "zmm%-6d %s\n", i, format_wide(*x->zmm(i)).c_str());
        out += line;
      }
    }
  }
  return out;
}

int run(int argc, char** argv) {
  pid_t pid = 0, tid = 0;
  bool all = false, setting = false;
  std::vector<Assignment> sets;
  for (int i = 1; i < argc; ++i) {
    std::string s = argv[i];
    auto next = [&](const char* opt) -> const char* {
      if (i + 1 >= argc) return fail(kRegs, "option %s needs a value", opt), nullptr;
      return argv[++i];
    };
    if (s == "-h" || s == "--help") {
      fputs(kUsage, stdout);
      return 0;
    } else if (s == "-p" || s == "--pid" || s == "--tid") {
      const char* v = next(s.c_str());
      if (!v) return 2;
      auto p = parse_pid(kRegs, v);
      if (!p) return 2;
      (s == "--tid" ? tid : pid) = *p;
      setting = false;
    } else if (s == "--all-threads") {
      all = true;
      setting = false;
    } else if (s == "--set" || (setting && s.find('=') != std::string::npos && s[0] != '-')) {
      const char* v = s == "--set" ? next("--set") : argv[i];
      if (!v) return 2;
      std::string as = v;
      size_t eq = as.find('=');
      if (eq == std::string::npos || eq == 0)
        return fail(kRegs, "invalid --set: '%s' (REG=VALUE)", as.c_str()), 2;
      Assignment a;
      a.reg = as.substr(0, eq);
      a.text = as.substr(eq + 1);
      if (!classify(&a)) return 2;
      sets.push_back(std::move(a));
      setting = true;
    } else {
      return fail(kRegs, "unknown argument: '%s' (see syscope regs --help)", s.c_str()), 2;
    }
  }
  if (pid == 0) return fail(kRegs, "missing -p PID"), 2;
  if (tid != 0) {
    auto tg = thread_group_of(tid);
    auto pg = thread_group_of(pid);
    if (!pg) return fail(kRegs, "no such process: %d", pid), 1;
    if (!tg || *tg != *pg) return fail(kRegs, "no thread %d in process %d", tid, pid), 1;
  }
  if (all && !sets.empty()) return fail(kRegs, "--set changes one thread: use --tid, not --all-threads"), 2;

  auto proc = attach_or_report(kRegs, tid ? tid : pid, AttachOptions{.all_threads = all});
  if (!proc) return 1;
  auto maps = maps_or_report(kRegs, proc->pid());
  if (!maps) return 1;
  Symbols syms(proc->pid(), *maps);
  // Addresses as values ("rip=main+4") need the maps.
  for (auto& a : sets) {
    if (a.value || (a.kind != Kind::kGp && a.kind != Kind::kDebug)) continue;
    auto v = resolve_address(a.text, *maps, syms.lookup_fn());
    if (!v) return fail(kRegs, "invalid value for %s: '%s'", a.reg.c_str(), a.text.c_str()), 2;
    if (a.kind == Kind::kGp && a.gp->bits < 64 && (*v >> a.gp->bits) != 0)
      return fail(kRegs, "invalid value for %s: '%s' (does not fit %d bits)", a.reg.c_str(), a.text.c_str(), a.gp->bits), 2;
    a.value = *v;
  }
  std::string text;
  int rc = 0;
  if (!sets.empty()) {
    if (!apply(proc->main_thread(), sets)) rc = 1;
    for (const auto& a : sets) {
      if (a.after.empty()) continue;
      text += a.reg + ": " + a.before + " -> " + a.after + "\n";
    }
  } else {
    for (auto& th : proc->threads()) {
      if (!text.empty()) text += "\n";
      text += describe_thread(*th, syms, *maps);
    }
  }
  (void)proc->detach();
  fputs(text.c_str(), stdout);
  return rc;
}

}  // namespace
}  // namespace tools

int regs_main(int argc, char** argv) {
  tools::install_signal_handlers(tools::kRegs);
  try {
    return tools::run(argc, argv);
  } catch (const std::exception& e) {
    tools::fail(tools::kRegs, "%s", e.what());
    return 1;
  }
}

}  // namespace syscope

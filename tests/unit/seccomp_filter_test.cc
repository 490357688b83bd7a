// SPDX-License-Identifier: MIT
// The seccomp program, run through a BPF interpreter for every syscall number
// of both ABIs: a syscall the printer would show must stop (TRACE); on x86_64
// every other known syscall must run free (ALLOW).
#include "tracer/seccomp_filter.h"

#include <gtest/gtest.h>
#include <linux/audit.h>
#include <linux/seccomp.h>

#include <chrono>
#include <cstring>

namespace syscope {
namespace {

constexpr uint32_t kTrace = SECCOMP_RET_TRACE;
constexpr uint32_t kAllow = SECCOMP_RET_ALLOW;

uint32_t arch_of(Abi abi) { return abi == Abi::kI386 ? AUDIT_ARCH_I386 : AUDIT_ARCH_X86_64; }

bool is_exec(Abi abi, long nr) {
  const SyscallDesc* d = syscall_by_nr(abi, nr);
  return d && (std::strcmp(d->name, "execve") == 0 || std::strcmp(d->name, "execveat") == 0);
}

SyscallSet parse(const char* expr) {
  auto s = SyscallSet::parse(expr);
  EXPECT_TRUE(s.has_value()) << expr;
  return s ? *s : SyscallSet();
}

// Checks the program against the set over both ABIs, a margin past the
// tables, and the x32 / -1 numbers.
void check_program(const SyscallSet& set, const char* what, bool trace_exec = true) {
  auto prog = build_seccomp_filter(set, trace_exec);
  ASSERT_TRUE(prog.has_value()) << what << ": " << prog.error().op;
  ASSERT_LE(prog->size(), static_cast<size_t>(BPF_MAXINSNS));
  for (Abi abi : {Abi::kX86_64, Abi::kI386}) {
    int size = syscall_table_size(abi);
    for (int nr = 0; nr < size + 64; ++nr) {
      uint32_t act = run_seccomp_filter(*prog, arch_of(abi), nr);
      ASSERT_TRUE(act == kTrace || act == kAllow) << what << " nr " << nr << " act " << std::hex << act;
      bool needed = set.contains(abi, nr) || (trace_exec && is_exec(abi, nr)) || nr >= size;
      if (needed) {
        EXPECT_EQ(act, kTrace) << what << " abi " << static_cast<int>(abi) << " nr " << nr;
      } else if (abi == Abi::kX86_64 && syscall_by_nr(abi, nr)) {
        // x86_64 is exact: no known syscall outside the set stops (numbers
        // in the table's holes may, when the program lists what runs free).
        EXPECT_EQ(act, kAllow) << what << " nr " << nr;
      }
    }
    EXPECT_EQ(run_seccomp_filter(*prog, arch_of(abi), -1), kTrace) << what;
  }
  // x32 syscalls and unknown architectures stop.
  EXPECT_EQ(run_seccomp_filter(*prog, AUDIT_ARCH_X86_64, 0x40000000 | 2), kTrace) << what;
  EXPECT_EQ(run_seccomp_filter(*prog, AUDIT_ARCH_AARCH64, 56), kTrace) << what;
}

TEST(SeccompFilter, SingleSyscall) {
  check_program(parse("openat"), "openat");
  check_program(parse("openat"), "openat, exec free", false);
}

TEST(SeccompFilter, Empty) { check_program(parse("none"), "none"); }

TEST(SeccompFilter, Classes) {
  for (const char* e : {"%file", "%network", "%process", "%memory", "%signal", "%desc", "%ipc"})
    check_program(parse(e), e);
}

TEST(SeccompFilter, Negated) {
  check_program(parse("!getppid,write"), "!getppid,write");
  check_program(parse("!getppid,write"), "!getppid,write, exec free", false);
  check_program(parse("!execve"), "!execve, exec free", false);
}

TEST(SeccompFilter, PersonalitySuffixes) {
  check_program(parse("read@64"), "read@64");
  check_program(parse("socket@32,ipc,socketcall"), "socket@32,ipc,socketcall");
}

TEST(SeccompFilter, All) {
  check_program(SyscallSet::all(), "all");
  auto prog = build_seccomp_filter(SyscallSet::all());
  ASSERT_TRUE(prog);
  EXPECT_EQ(prog->size(), 1u);
}

// Large sets are written as the list of what runs free.
TEST(SeccompFilter, LargeSetsStayShort) {
  check_program(parse("!getppid"), "!getppid");
  check_program(parse("!%file"), "!%file");
  auto prog = build_seccomp_filter(parse("!getppid"));
  ASSERT_TRUE(prog);
  EXPECT_LT(prog->size(), 64u);
}

TEST(SeccompFilter, ExecAlwaysTraced) {
  auto prog = build_seccomp_filter(parse("none"));
  ASSERT_TRUE(prog);
  const SyscallDesc* ev = syscall_by_name(Abi::kX86_64, "execve");
  const SyscallDesc* gp = syscall_by_name(Abi::kX86_64, "getppid");
  ASSERT_TRUE(ev && gp);
  EXPECT_EQ(run_seccomp_filter(*prog, AUDIT_ARCH_X86_64, ev->nr), kTrace);
  EXPECT_EQ(run_seccomp_filter(*prog, AUDIT_ARCH_X86_64, gp->nr), kAllow);
  auto free_exec = build_seccomp_filter(parse("none"), false);
  ASSERT_TRUE(free_exec);
  EXPECT_EQ(run_seccomp_filter(*free_exec, AUDIT_ARCH_X86_64, ev->nr), kAllow);
  auto traced_exec = build_seccomp_filter(parse("execve"), false);
  ASSERT_TRUE(traced_exec);
  EXPECT_EQ(run_seccomp_filter(*traced_exec, AUDIT_ARCH_X86_64, ev->nr), kTrace);
}

// The filter is built at every start of a filtered trace: keep it cheap.
TEST(SeccompFilter, BuildIsCheapForSmallSets) {
  SyscallSet s = parse("openat");
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(build_seccomp_filter(s));
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
  RecordProperty("build_us_x20", static_cast<int>(us));
  auto prog = build_seccomp_filter(s);
  EXPECT_LT(prog->size(), 64u) << "a one-syscall set should give a short program";
}

TEST(SeccompFilter, InterpreterRejectsGarbage) {
  sock_filter bad[] = {{0xffff, 0, 0, 0}};
  EXPECT_EQ(run_seccomp_filter(bad, AUDIT_ARCH_X86_64, 1), 0xffffffffu);
  sock_filter fallthrough[] = {{BPF_LD | BPF_W | BPF_ABS, 0, 0, 0}};
  EXPECT_EQ(run_seccomp_filter(fallthrough, AUDIT_ARCH_X86_64, 1), 0xffffffffu);
}

}  // namespace
}  // namespace syscope

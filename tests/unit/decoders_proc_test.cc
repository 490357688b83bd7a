// SPDX-License-Identifier: MIT
// Process decoders against strace 6.1 output captured on the corpus programs.
#include <gtest/gtest.h>
#include <linux/sched.h>
#include <sys/resource.h>

#include <cstring>

#include "support/fake_tracee.h"

namespace syscope {
namespace {

using testing::decode_line;
using testing::FakeTracee;

constexpr uint64_t kA = 0x10000;
constexpr uint64_t kB = 0x20000;
constexpr uint64_t kC = 0x30000;

FormatOptions opts() { return FormatOptions{}; }

TEST(DecodersProc, Execve) {
  FakeTracee m;
  m.map_string(kA, "/bin/true");
  uint64_t argv[] = {kA, 0};
  m.map(kB, argv, sizeof argv);
  uint64_t envp[] = {kA, kA, kA, 0};
  m.map(kC, envp, sizeof envp);
  EXPECT_EQ(decode_line(m, opts(), "execve", {kA, kB, kC}, 0),
            "execve(\"/bin/true\", [\"/bin/true\"], 0x30000 /* 3 vars */) = 0");
  EXPECT_EQ(decode_line(m, opts(), "execve", {kA, 1, 0}, -14),
            "execve(\"/bin/true\", 0x1, NULL) = -1 EFAULT (Bad address)");
  FormatOptions v;
  v.abbrev = false;
  EXPECT_EQ(decode_line(m, v, "execve", {kA, kB, kC}, 0),
            "execve(\"/bin/true\", [\"/bin/true\"], [\"/bin/true\", \"/bin/true\", \"/bin/true\"]) = 0");
  // -s 4: strings and the number of elements are cut.
  FormatOptions s4;
  s4.string_limit = 4;
  uint64_t many[] = {kA, kA, kA, kA, kA, kA, 0};
  m.map(kB, many, sizeof many);
  EXPECT_EQ(decode_line(m, s4, "execve", {kA, kB, kC}, 0),
            "execve(\"/bin/true\", [\"/bin\"..., \"/bin\"..., \"/bin\"..., \"/bin\"..., ...], 0x30000 "
            "/* 3 vars */) = 0");
}

TEST(DecodersProc, Clone) {
  FakeTracee m;
  EXPECT_EQ(decode_line(m, opts(), "clone",
                        {CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | 17, 0, 0, 0x7f3072eb4a10, 0},
                        9715),
            "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
            "child_tidptr=0x7f3072eb4a10) = 9715");
  EXPECT_EQ(decode_line(m, opts(), "clone", {17, 0, 0, 0, 0}, 9716),
            "clone(child_stack=NULL, flags=SIGCHLD) = 9716");
  int32_t tid = 8818;
  m.map(kB, &tid, sizeof tid);
  EXPECT_EQ(decode_line(m, opts(), "clone",
                        {CLONE_VM | CLONE_PARENT_SETTID | CLONE_SETTLS, 0x7f0000100000, kB, 0,
                         0x7f00000006c0},
                        8818),
            "clone(child_stack=0x7f0000100000, flags=CLONE_VM|CLONE_SETTLS|CLONE_PARENT_SETTID, "
            "parent_tid=[8818], tls=0x7f00000006c0) = 8818");
}

TEST(DecodersProc, Clone3) {
  FakeTracee m;
  uint64_t args[11] = {CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                           CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |
                           CLONE_CHILD_CLEARTID,
                       0, 0x7f558221d990, kB, 0, 0x7f5581a1d000, 0x7fff80, 0x7f558221d6c0, 0, 0, 0};
  m.map(kA, args, sizeof args);
  int32_t tid = 8818;
  m.map(kB, &tid, sizeof tid);
  EXPECT_EQ(decode_line(m, opts(), "clone3", {kA, 88}, 8818),
            "clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|"
            "CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f558221d990, "
            "parent_tid=0x20000, exit_signal=0, stack=0x7f5581a1d000, stack_size=0x7fff80, "
            "tls=0x7f558221d6c0} => {parent_tid=[8818]}, 88) = 8818");
  uint64_t plain[11] = {0, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0};
  m.map(kC, plain, sizeof plain);
  EXPECT_EQ(decode_line(m, opts(), "clone3", {kC, 88}, 16066),
            "clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88) = 16066");
  EXPECT_EQ(decode_line(m, opts(), "clone3", {kC, 8}, -22),
            "clone3(0x30000, 8) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(m, opts(), "clone3", {0, 88}, -14),
            "clone3(NULL, 88) = -1 EFAULT (Bad address)");
}

TEST(DecodersProc, Wait) {
  FakeTracee m;
  int st = 3 << 8;
  m.map(kA, &st, sizeof st);
  EXPECT_EQ(decode_line(m, opts(), "wait4", {8362, kA, 0, 0}, 8362),
            "wait4(8362, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 8362");
  st = 9;
  m.map(kA, &st, sizeof st);
  EXPECT_EQ(decode_line(m, opts(), "wait4", {static_cast<uint64_t>(-1), kA, 0, 0}, 8363),
            "wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], 0, NULL) = 8363");
  st = 0x80 | 11;
  m.map(kA, &st, sizeof st);
  EXPECT_EQ(decode_line(m, opts(), "wait4", {8364, kA, 0, 0}, 8364),
            "wait4(8364, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], 0, NULL) = "
            "8364");
  st = (19 << 8) | 0x7f;
  m.map(kA, &st, sizeof st);
  EXPECT_EQ(decode_line(m, opts(), "wait4", {8365, kA, 2 /* WUNTRACED */, 0}, 8365),
            "wait4(8365, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WSTOPPED, NULL) = 8365");
  EXPECT_EQ(decode_line(m, opts(), "wait4", {8365, kA, 1 /* WNOHANG */, 0}, 0),
            "wait4(8365, 0x10000, WNOHANG, NULL) = 0");
  EXPECT_EQ(decode_line(m, opts(), "wait4", {static_cast<uint64_t>(-1), kA, 0, 0}, -10),
            "wait4(-1, 0x10000, 0, NULL) = -1 ECHILD (No child processes)");
}

TEST(DecodersProc, Ids) {
  FakeTracee m;
  uint32_t zero = 0;
  m.map(kA, &zero, 4);
  EXPECT_EQ(decode_line(m, opts(), "getresuid", {kA, kA, kA}, 0), "getresuid([0], [0], [0]) = 0");
  EXPECT_EQ(decode_line(m, opts(), "setresuid",
                        {static_cast<uint64_t>(-1), 0xffffffff, 1000}, 0),
            "setresuid(-1, -1, 1000) = 0");
  uint32_t groups[2] = {0, 27};
  m.map(kB, groups, sizeof groups);
  EXPECT_EQ(decode_line(m, opts(), "getgroups", {64, kB}, 2), "getgroups(64, [0, 27]) = 2");
  EXPECT_EQ(decode_line(m, opts(), "getgroups", {0, 0}, 2), "getgroups(0, NULL) = 2");
  EXPECT_EQ(decode_line(m, opts(), "setgroups", {2, kB}, 0), "setgroups(2, [0, 27]) = 0");
  EXPECT_EQ(decode_line(m, opts(), "getpgid", {999999}, -3),
            "getpgid(999999) = -1 ESRCH (No such process)");
}

TEST(DecodersProc, Limits) {
  FakeTracee m;
  uint64_t rl[2] = {8192 * 1024, ~0ull};
  m.map(kA, rl, sizeof rl);
  EXPECT_EQ(decode_line(m, opts(), "prlimit64", {0, RLIMIT_STACK, 0, kA}, 0),
            "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
  uint64_t small[2] = {1000, 1024};
  m.map(kB, small, sizeof small);
  EXPECT_EQ(decode_line(m, opts(), "getrlimit", {RLIMIT_NOFILE, kB}, 0),
            "getrlimit(RLIMIT_NOFILE, {rlim_cur=1000, rlim_max=1024}) = 0");
  EXPECT_EQ(decode_line(m, opts(), "getrlimit", {99, kB}, -22),
            "getrlimit(0x63 /* RLIMIT_??? */, 0x20000) = -1 EINVAL (Invalid argument)");
  FormatOptions verb;
  verb.const_style = FormatOptions::ConstStyle::kVerbose;
  EXPECT_EQ(decode_line(m, verb, "prlimit64", {0, RLIMIT_STACK, 0, kA}, 0),
            "prlimit64(0, 0x3 /* RLIMIT_STACK */, NULL, {rlim_cur=8388608 /* 8192*1024 */, "
            "rlim_max=18446744073709551615 /* RLIM64_INFINITY */}) = 0");
  int64_t ru[18] = {0, 5, 0, 7};
  m.map(kC, ru, sizeof ru);
  EXPECT_EQ(decode_line(m, opts(), "getrusage", {static_cast<uint64_t>(-1), kC}, 0),
            "getrusage(RUSAGE_CHILDREN, {ru_utime={tv_sec=0, tv_usec=5}, ru_stime={tv_sec=0, "
            "tv_usec=7}, ...}) = 0");
}

TEST(DecodersProc, I386Rlimit) {
  FakeTracee m;
  uint32_t rl[2] = {20000, 20000};
  m.map(kA, rl, sizeof rl);
  EXPECT_EQ(decode_line(m, opts(), "ugetrlimit", {RLIMIT_NOFILE, kA}, 0, Abi::kI386),
            "ugetrlimit(RLIMIT_NOFILE, {rlim_cur=20000, rlim_max=20000}) = 0");
}

TEST(DecodersProc, Prctl) {
  FakeTracee m;
  m.map_string(kA, "corpus-prctl");
  EXPECT_EQ(decode_line(m, opts(), "prctl", {15 /* PR_SET_NAME */, kA, 0, 0, 0}, 0),
            "prctl(PR_SET_NAME, \"corpus-prctl\") = 0");
  EXPECT_EQ(decode_line(m, opts(), "prctl", {16 /* PR_GET_NAME */, kA, 0, 0, 0}, 0),
            "prctl(PR_GET_NAME, \"corpus-prctl\") = 0");
  m.map_string(kB, "a-much-longer-name-than-16");
  EXPECT_EQ(decode_line(m, opts(), "prctl", {15, kB, 0, 0, 0}, 0),
            "prctl(PR_SET_NAME, \"a-much-longer-n\"...) = 0");
  EXPECT_EQ(decode_line(m, opts(), "prctl", {38 /* PR_SET_NO_NEW_PRIVS */, 1, 0, 0, 0}, 0),
            "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) = 0");
  EXPECT_EQ(decode_line(m, opts(), "prctl", {3 /* PR_GET_DUMPABLE */, 0, 0, 0, 0}, 1),
            "prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)");
  EXPECT_EQ(decode_line(m, opts(), "prctl", {1 /* PR_SET_PDEATHSIG */, 1, 0, 0, 0}, 0),
            "prctl(PR_SET_PDEATHSIG, SIGHUP) = 0");
  EXPECT_EQ(decode_line(m, opts(), "prctl", {23 /* PR_CAPBSET_READ */, 21, 0, 0, 0}, 1),
            "prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN) = 1");
  EXPECT_EQ(decode_line(m, opts(), "prctl", {0x7fff0000, 1, 2, 3, 4}, -22),
            "prctl(0x7fff0000 /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid argument)");
  uint64_t fs = 0x7f9384bdd740;
  m.map(kC, &fs, sizeof fs);
  EXPECT_EQ(decode_line(m, opts(), "arch_prctl", {0x1003 /* ARCH_GET_FS */, kC}, 0),
            "arch_prctl(ARCH_GET_FS, [0x7f9384bdd740]) = 0");
  EXPECT_EQ(decode_line(m, opts(), "arch_prctl", {0x1002, 0x7efd2398a740}, 0),
            "arch_prctl(ARCH_SET_FS, 0x7efd2398a740) = 0");
  EXPECT_EQ(decode_line(m, opts(), "arch_prctl", {0x3001, 0x7fff52880a60}, -22),
            "arch_prctl(0x3001 /* ARCH_??? */, 0x7fff52880a60) = -1 EINVAL (Invalid argument)");
}

TEST(DecodersProc, Uname) {
  FakeTracee m;
  char u[6][65] = {};
  strcpy(u[0], "Linux");
  strcpy(u[1], "host");
  strcpy(u[2], "6.1.0");
  strcpy(u[3], "#1 SMP");
  strcpy(u[4], "x86_64");
  strcpy(u[5], "(none)");
  m.map(kA, u, sizeof u);
  EXPECT_EQ(decode_line(m, opts(), "uname", {kA}, 0),
            "uname({sysname=\"Linux\", nodename=\"host\", ...}) = 0");
  FormatOptions v;
  v.abbrev = false;
  EXPECT_EQ(decode_line(m, v, "uname", {kA}, 0),
            "uname({sysname=\"Linux\", nodename=\"host\", release=\"6.1.0\", version=\"#1 SMP\", "
            "machine=\"x86_64\", domainname=\"(none)\"}) = 0");
}

}  // namespace
}  // namespace syscope

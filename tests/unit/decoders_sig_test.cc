// SPDX-License-Identifier: MIT
// Signal decoders and the siginfo printer against strace 6.1 output.
#include <gtest/gtest.h>
#include <linux/audit.h>
#include <signal.h>

#include <cstring>

#include "decoders/siginfo.h"
#include "support/fake_tracee.h"

namespace syscope {
namespace {

using testing::decode_line;
using testing::FakeTracee;

constexpr uint64_t kA = 0x10000;
constexpr uint64_t kB = 0x20000;

FormatOptions opts() { return FormatOptions{}; }

struct KSigaction {
  uint64_t handler, flags, restorer;
  uint64_t mask[8];
};

TEST(DecodersSig, RtSigaction) {
  FakeTracee m;
  KSigaction sa{0x5630a544a239, 0x04000000 /* SA_RESTORER */ | SA_RESTART, 0x7f18251af050, {}};
  m.map(kA, &sa, sizeof sa);
  EXPECT_EQ(decode_line(m, opts(), "rt_sigaction", {SIGALRM, kA, 0, 8}, 0),
            "rt_sigaction(SIGALRM, {sa_handler=0x5630a544a239, sa_mask=[], "
            "sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f18251af050}, NULL, 8) = 0");
  KSigaction ign{1, 0, 0, {(1ull << (SIGUSR2 - 1)) | (1ull << 34)}};
  m.map(kB, &ign, sizeof ign);
  EXPECT_EQ(decode_line(m, opts(), "rt_sigaction", {SIGHUP, 0, kB, 8}, 0),
            "rt_sigaction(SIGHUP, NULL, {sa_handler=SIG_IGN, sa_mask=[USR2 RT_3], sa_flags=0}, 8) = 0");
  EXPECT_EQ(decode_line(m, opts(), "rt_sigaction", {SIGKILL, kA, kB, 8}, -22),
            "rt_sigaction(SIGKILL, {sa_handler=0x5630a544a239, sa_mask=[], "
            "sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f18251af050}, 0x20000, 8) = -1 EINVAL "
            "(Invalid argument)");
}

TEST(DecodersSig, I386) {
  FakeTracee m;
  struct {
    uint32_t h, f, r;
    uint32_t m[2];
  } sa = {0x1234, 0x04000000, 0x5678, {1u << 9, 0}};
  m.map(kA, &sa, sizeof sa);
  uint32_t pad[14] = {};
  m.map(kA + sizeof sa, pad, sizeof pad);
  EXPECT_EQ(decode_line(m, opts(), "rt_sigaction", {SIGUSR1, kA, 0, 8}, 0, Abi::kI386),
            "rt_sigaction(SIGUSR1, {sa_handler=0x1234, sa_mask=[USR1], sa_flags=SA_RESTORER, "
            "sa_restorer=0x5678}, NULL, 8) = 0");
  uint32_t mask[2] = {1u << 16, 0};
  m.map(kB, mask, sizeof mask);
  EXPECT_EQ(decode_line(m, opts(), "rt_sigprocmask", {SIG_BLOCK, kB, 0, 8}, 0, Abi::kI386),
            "rt_sigprocmask(SIG_BLOCK, [CHLD], NULL, 8) = 0");
}

TEST(DecodersSig, RtSigprocmask) {
  FakeTracee m;
  uint64_t set = (1ull << (SIGCHLD - 1)) | (1ull << (SIGTTOU - 1));
  m.map(kA, &set, 8);
  EXPECT_EQ(decode_line(m, opts(), "rt_sigprocmask", {SIG_BLOCK, kA, 0, 8}, 0),
            "rt_sigprocmask(SIG_BLOCK, [CHLD TTOU], NULL, 8) = 0");
  uint64_t full = ~((1ull << (SIGKILL - 1)) | (1ull << 31) | (1ull << 32));
  m.map(kB, &full, 8);
  EXPECT_EQ(decode_line(m, opts(), "rt_sigprocmask", {SIG_UNBLOCK, kB, 0, 8}, 0),
            "rt_sigprocmask(SIG_UNBLOCK, ~[KILL RTMIN RT_1], NULL, 8) = 0");
  uint64_t all = ~0ull;
  m.map(kB, &all, 8);
  uint64_t none = 0;
  m.map(kA, &none, 8);
  EXPECT_EQ(decode_line(m, opts(), "rt_sigprocmask", {SIG_BLOCK, kB, kA, 8}, 0),
            "rt_sigprocmask(SIG_BLOCK, ~[], [], 8) = 0");
  EXPECT_EQ(decode_line(m, opts(), "rt_sigprocmask", {7, kA, 0, 8}, -22),
            "rt_sigprocmask(0x7 /* SIG_??? */, [], NULL, 8) = -1 EINVAL (Invalid argument)");
  FormatOptions raw;
  raw.const_style = FormatOptions::ConstStyle::kRaw;
  set = (1ull << (SIGCHLD - 1)) | (1ull << (SIGTTOU - 1));
  m.map(kA, &set, 8);
  EXPECT_EQ(decode_line(m, raw, "rt_sigprocmask", {SIG_BLOCK, kA, 0, 8}, 0),
            "rt_sigprocmask(0, [17 22], NULL, 8) = 0");
}

TEST(DecodersSig, KillAndAltstack) {
  FakeTracee m;
  EXPECT_EQ(decode_line(m, opts(), "kill", {8676, SIGSTOP}, 0), "kill(8676, SIGSTOP) = 0");
  EXPECT_EQ(decode_line(m, opts(), "tgkill", {100, 101, SIGABRT}, 0), "tgkill(100, 101, SIGABRT) = 0");
  EXPECT_EQ(decode_line(m, opts(), "kill", {100, 99}, -22),
            "kill(100, 99) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(m, opts(), "alarm", {100}, 0), "alarm(100) = 0");
  struct {
    uint64_t sp;
    int32_t flags;
    uint64_t size;
  } ss = {0x55dd8e7a1040, 0, 16384};
  m.map(kA, &ss, sizeof ss);
  EXPECT_EQ(decode_line(m, opts(), "sigaltstack", {kA, 0}, 0),
            "sigaltstack({ss_sp=0x55dd8e7a1040, ss_flags=0, ss_size=16384}, NULL) = 0");
  ss.flags = SS_DISABLE;
  m.map(kB, &ss, sizeof ss);
  EXPECT_EQ(decode_line(m, opts(), "sigaltstack", {0, kB}, 0),
            "sigaltstack(NULL, {ss_sp=0x55dd8e7a1040, ss_flags=SS_DISABLE, ss_size=16384}) = 0");
}

TEST(DecodersSig, Siginfo) {
  FormatOptions o;
  FakeTracee m;
  std::string out;
  Printer p(&out, &o, &m);
  siginfo_t si;
  memset(&si, 0, sizeof si);
  si.si_signo = SIGCHLD;
  si.si_code = CLD_EXITED;
  si.si_pid = 8362;
  si.si_status = 3;
  print_siginfo(p, si);
  EXPECT_EQ(out,
            "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=8362, si_uid=0, si_status=3, si_utime=0, "
            "si_stime=0}");
  out.clear();
  si.si_code = CLD_KILLED;
  si.si_status = SIGKILL;
  si.si_utime = 5;
  print_siginfo(p, si);
  EXPECT_EQ(out,
            "{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=8362, si_uid=0, si_status=SIGKILL, "
            "si_utime=5 /* 0.05 s */, si_stime=0}");
  out.clear();
  memset(&si, 0, sizeof si);
  si.si_signo = SIGSEGV;
  si.si_code = SEGV_MAPERR;
  print_siginfo(p, si);
  EXPECT_EQ(out, "{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL}");
  out.clear();
  memset(&si, 0, sizeof si);
  si.si_signo = SIGALRM;
  si.si_code = SI_KERNEL;
  print_siginfo(p, si);
  EXPECT_EQ(out, "{si_signo=SIGALRM, si_code=SI_KERNEL}");
  out.clear();
  memset(&si, 0, sizeof si);
  si.si_signo = SIGSYS;
  si.si_code = 1;
  si.si_errno = 7;
  si.si_call_addr = reinterpret_cast<void*>(0x7fdc8552c829);
  si.si_syscall = 110;
  si.si_arch = AUDIT_ARCH_X86_64;
  print_siginfo(p, si);
  EXPECT_EQ(out,
            "{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_errno=E2BIG, si_call_addr=0x7fdc8552c829, "
            "si_syscall=__NR_getppid, si_arch=AUDIT_ARCH_X86_64}");
  out.clear();
  memset(&si, 0, sizeof si);
  si.si_signo = SIGUSR1;
  si.si_code = SI_QUEUE;
  si.si_pid = 4242;
  si.si_uid = 77;
  si.si_value.sival_int = 1234;
  print_siginfo(p, si);
  EXPECT_EQ(out, "{si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=4242, si_uid=77, si_int=1234, "
                 "si_ptr=0x4d2}");
}

TEST(DecodersSig, Sigmask) {
  FormatOptions o;
  uint64_t mask = (1ull << 31) | (1ull << 32);
  EXPECT_EQ(sprint_sigmask(o, &mask, 8), "[RTMIN RT_1]");
  FormatOptions v;
  v.const_style = FormatOptions::ConstStyle::kVerbose;
  mask = 1ull << (SIGCHLD - 1);
  EXPECT_EQ(sprint_sigmask(v, &mask, 8), "[17 /* CHLD */]");
}

}  // namespace
}  // namespace syscope

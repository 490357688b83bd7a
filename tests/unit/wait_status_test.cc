// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>
#include <sys/wait.h>

#include "syscope/ptrace.h"

namespace syscope::pt {
namespace {

using K = WaitStatus::Kind;

int stopped(int sig, int event = 0) { return 0x7f | (sig << 8) | (event << 16); }

TEST(WaitStatus, ExitAndKill) {
  auto e = WaitStatus::classify(3 << 8);
  EXPECT_EQ(e.kind, K::kExited);
  EXPECT_EQ(e.sig, 3);
  auto k = WaitStatus::classify(SIGSEGV | 0x80);
  EXPECT_EQ(k.kind, K::kKilled);
  EXPECT_EQ(k.sig, SIGSEGV);
  EXPECT_TRUE(k.core_dumped);
}

TEST(WaitStatus, Stops) {
  EXPECT_EQ(WaitStatus::classify(stopped(SIGTRAP | 0x80)).kind, K::kSyscallStop);
  EXPECT_EQ(WaitStatus::classify(stopped(SIGSTOP, PTRACE_EVENT_STOP)).kind, K::kGroupStop);
  EXPECT_EQ(WaitStatus::classify(stopped(SIGTTOU, PTRACE_EVENT_STOP)).kind, K::kGroupStop);
  EXPECT_EQ(WaitStatus::classify(stopped(SIGTRAP, PTRACE_EVENT_STOP)).kind, K::kInterruptStop);
  auto ev = WaitStatus::classify(stopped(SIGTRAP, PTRACE_EVENT_EXEC));
  EXPECT_EQ(ev.kind, K::kEventStop);
  EXPECT_EQ(ev.event, PTRACE_EVENT_EXEC);
  auto sig = WaitStatus::classify(stopped(SIGUSR1));
  EXPECT_EQ(sig.kind, K::kSignalStop);
  EXPECT_EQ(sig.sig, SIGUSR1);
}

}  // namespace
}  // namespace syscope::pt

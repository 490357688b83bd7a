// SPDX-License-Identifier: MIT
// Clock and timer decoders against strace 6.1 output captured on the corpus.
#include <gtest/gtest.h>
#include <time.h>

#include "support/fake_tracee.h"

namespace syscope {
namespace {

using testing::decode_line;
using testing::FakeTracee;

constexpr uint64_t kA = 0x10000;
constexpr uint64_t kB = 0x20000;

FormatOptions opts() { return FormatOptions{}; }

TEST(DecodersTime, Sleeps) {
  FakeTracee m;
  int64_t ts[2] = {1, 0};
  m.map(kA, ts, sizeof ts);
  int64_t rem[2] = {0, 968603903};
  m.map(kB, rem, sizeof rem);
  EXPECT_EQ(decode_line(m, opts(), "clock_nanosleep", {CLOCK_REALTIME, 0, kA, kB}, 0),
            "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=0}, 0x20000) = 0");
  EXPECT_EQ(decode_line(m, opts(), "clock_nanosleep", {CLOCK_MONOTONIC, 0, kA, kB}, -516),
            "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=1, tv_nsec=0}, {tv_sec=0, "
            "tv_nsec=968603903}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
  EXPECT_EQ(decode_line(m, opts(), "clock_nanosleep",
                        {CLOCK_REALTIME, TIMER_ABSTIME, kA, 0}, 0),
            "clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, {tv_sec=1, tv_nsec=0}, NULL) = 0");
  EXPECT_EQ(decode_line(m, opts(), "nanosleep", {kA, kB}, 0),
            "nanosleep({tv_sec=1, tv_nsec=0}, 0x20000) = 0");
}

TEST(DecodersTime, Clocks) {
  FakeTracee m;
  int64_t ts[2] = {5332, 232570904};
  m.map(kA, ts, sizeof ts);
  EXPECT_EQ(decode_line(m, opts(), "clock_gettime", {CLOCK_BOOTTIME, kA}, 0),
            "clock_gettime(CLOCK_BOOTTIME, {tv_sec=5332, tv_nsec=232570904}) = 0");
  EXPECT_EQ(decode_line(m, opts(), "clock_gettime", {99, kA}, -22),
            "clock_gettime(0x63 /* CLOCK_??? */, 0x10000) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(m, opts(), "clock_getres", {CLOCK_MONOTONIC, 0}, 0),
            "clock_getres(CLOCK_MONOTONIC, NULL) = 0");
  int64_t tv[2] = {1795812896, 774545};
  m.map(kB, tv, sizeof tv);
  EXPECT_EQ(decode_line(m, opts(), "gettimeofday", {kB, 0}, 0),
            "gettimeofday({tv_sec=1795812896, tv_usec=774545}, NULL) = 0");
}

TEST(DecodersTime, I386) {
  FakeTracee m;
  int32_t ts32[2] = {7310, 811639854};
  m.map(kA, ts32, sizeof ts32);
  EXPECT_EQ(decode_line(m, opts(), "clock_gettime", {CLOCK_MONOTONIC, kA}, 0, Abi::kI386),
            "clock_gettime(CLOCK_MONOTONIC, {tv_sec=7310, tv_nsec=811639854}) = 0");
  int64_t ts64[2] = {7310, 811656512};
  m.map(kB, ts64, sizeof ts64);
  EXPECT_EQ(decode_line(m, opts(), "clock_gettime64", {CLOCK_MONOTONIC, kB}, 0, Abi::kI386),
            "clock_gettime64(CLOCK_MONOTONIC, {tv_sec=7310, tv_nsec=811656512}) = 0");
}

TEST(DecodersTime, Timers) {
  FakeTracee m;
  int64_t its[4] = {0, 0, 100, 0};
  m.map(kA, its, sizeof its);
  EXPECT_EQ(decode_line(m, opts(), "timer_settime", {0, 0, kA, 0}, 0),
            "timer_settime(0, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=100, "
            "tv_nsec=0}}, NULL) = 0");
  EXPECT_EQ(decode_line(m, opts(), "setitimer", {ITIMER_VIRTUAL, kA, 0}, 0),
            "setitimer(ITIMER_VIRTUAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=100, "
            "tv_usec=0}}, NULL) = 0");
  struct {
    uint64_t value;
    int32_t signo, notify;
    uint64_t un[6];
  } sev = {0, 0, 1 /* SIGEV_NONE */, {}};
  m.map(kB, &sev, sizeof sev);
  int32_t id = 0;
  m.map(0x30000, &id, 4);
  EXPECT_EQ(decode_line(m, opts(), "timer_create", {CLOCK_MONOTONIC, kB, 0x30000}, 0),
            "timer_create(CLOCK_MONOTONIC, {sigev_signo=0, sigev_notify=SIGEV_NONE}, [0]) = 0");
  EXPECT_EQ(decode_line(m, opts(), "timer_delete", {0}, 0), "timer_delete(0) = 0");
  EXPECT_EQ(decode_line(m, opts(), "timerfd_create", {CLOCK_MONOTONIC, 0x80800}, 3),
            "timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK) = 3");
}

}  // namespace
}  // namespace syscope

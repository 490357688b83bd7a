// SPDX-License-Identifier: MIT
// poll/select/epoll decoders (src/decoders/poll.cc) over a fake tracee. Every
// expected line was printed by strace 6.1 for the same arguments and memory
// (tests/corpus/io_poll.c, io_select.c, io_epoll.c, poll_more.c).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "support/fake_tracee.h"

namespace syscope {
namespace {

using testing::FakeTracee;
using testing::decode_line;

constexpr uint64_t kFds = 0x10000, kTs = 0x20000, kMask = 0x30000, kSets = 0x40000;
constexpr int64_t kEFAULT = -14, kEINVAL = -22;

struct PollFd {
  int32_t fd;
  int16_t events, revents;
};

class PollDecoders : public ::testing::Test {
 protected:
  FakeTracee mem;
  FormatOptions opt;
};

TEST_F(PollDecoders, PollReadySetAsAuxText) {
  // The same memory serves entry and exit in the fake: revents is already set.
  PollFd f[4] = {{3, 3, 1}, {4, 4, 4}, {5, 1, 0}, {99, 1, 0x20}};
  mem.map(kFds, f, sizeof f);
  EXPECT_EQ(decode_line(mem, opt, "poll", {kFds, 4, 0}, 3),
            "poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}, {fd=5, events=POLLIN}, "
            "{fd=99, events=POLLIN}], 4, 0) = 3 ([{fd=3, revents=POLLIN}, {fd=4, "
            "revents=POLLOUT}, {fd=99, revents=POLLNVAL}])");
  EXPECT_EQ(decode_line(mem, opt, "poll", {kFds + 16, 1, 1}, 0),
            "poll([{fd=5, events=POLLIN}], 1, 1) = 0 (Timeout)");
  EXPECT_EQ(decode_line(mem, opt, "poll", {0, 0, 1}, 0), "poll(NULL, 0, 1) = 0 (Timeout)");
  EXPECT_EQ(decode_line(mem, opt, "poll", {8, 1, 0}, kEFAULT),
            "poll(0x8, 1, 0) = -1 EFAULT (Bad address)");
}

TEST_F(PollDecoders, PollNegativeFdHasNoEvents) {
  PollFd f = {-1, 1, 0};
  mem.map_struct(kFds, f);
  EXPECT_EQ(decode_line(mem, opt, "poll", {kFds, 1, 0}, 0), "poll([{fd=-1}], 1, 0) = 0 (Timeout)");
}

TEST_F(PollDecoders, PollArrayAndReadySetAbbreviated) {
  PollFd f[4] = {{4, 0x4005, 4}, {3, 0x4005, 1}, {4, 0x4005, 4}, {3, 0x4005, 1}};
  mem.map(kFds, f, sizeof f);
  opt.string_limit = 2;
  EXPECT_EQ(decode_line(mem, opt, "poll", {kFds, 4, 0}, 4),
            "poll([{fd=4, events=POLLIN|POLLOUT|0x4000}, {fd=3, events=POLLIN|POLLOUT|0x4000}, "
            "...], 4, 0) = 4 ([{fd=4, revents=POLLOUT}, {fd=3, revents=POLLIN}, ...])");
}

TEST_F(PollDecoders, PpollTimeoutSigmaskAndLeft) {
  PollFd f[2] = {{4, 0x2005, 4}, {3, 0x2005, 1}};
  mem.map(kFds, f, sizeof f);
  int64_t ts[2] = {0, 0};
  mem.map_struct(kTs, ts);
  uint64_t all = ~uint64_t{0} & ~(uint64_t{1} << 31) & ~(uint64_t{1} << 32);
  mem.map_struct(kMask, all);
  EXPECT_EQ(decode_line(mem, opt, "ppoll", {kFds, 2, kTs, kMask, 8}, 2),
            "ppoll([{fd=4, events=POLLIN|POLLOUT|POLLRDHUP}, {fd=3, "
            "events=POLLIN|POLLOUT|POLLRDHUP}], 2, {tv_sec=0, tv_nsec=0}, ~[RTMIN RT_1], 8) = 2 "
            "([{fd=4, revents=POLLOUT}, {fd=3, revents=POLLIN}], left {tv_sec=0, tv_nsec=0})");
  EXPECT_EQ(decode_line(mem, opt, "ppoll", {kFds, 2, 0, kMask, 4}, kEINVAL),
            "ppoll([{fd=4, events=POLLIN|POLLOUT|POLLRDHUP}, {fd=3, "
            "events=POLLIN|POLLOUT|POLLRDHUP}], 2, NULL, 0x30000, 4) = -1 EINVAL (Invalid "
            "argument)");
  uint64_t usr1 = uint64_t{1} << 9;
  mem.map_struct(kMask, usr1);
  EXPECT_EQ(decode_line(mem, opt, "ppoll", {kFds, 1, 0, kMask, 8}, 1),
            "ppoll([{fd=4, events=POLLIN|POLLOUT|POLLRDHUP}], 1, NULL, [USR1], 8) = 1 ([{fd=4, "
            "revents=POLLOUT}])");
}

TEST_F(PollDecoders, SelectSetsAndLeft) {
  // in: {3}, out: {4}, except: {0, 3}
  uint64_t in = 1u << 3, out = 1u << 4, ex = (1u << 0) | (1u << 3);
  mem.map_struct(kSets, in);
  mem.map_struct(kSets + 8, out);
  mem.map_struct(kSets + 16, ex);
  int64_t tv[2] = {0, 0};
  mem.map_struct(kTs, tv);
  EXPECT_EQ(decode_line(mem, opt, "select", {5, kSets, kSets + 8, kSets + 16, kTs}, 2),
            "select(5, [3], [4], [0 3], {tv_sec=0, tv_usec=0}) = 2 (in [3], out [4], left "
            "{tv_sec=0, tv_usec=0})");
  EXPECT_EQ(decode_line(mem, opt, "select", {2000, 0, 0, 0, kTs}, 0),
            "select(2000, NULL, NULL, NULL, {tv_sec=0, tv_usec=0}) = 0 (Timeout)");
  EXPECT_EQ(decode_line(mem, opt, "select", {static_cast<uint64_t>(-1), 0, 0, 0, kTs}, kEINVAL),
            "select(-1, NULL, NULL, NULL, {tv_sec=0, tv_usec=0}) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "select", {1, 8, 0, 0, kTs}, kEFAULT),
            "select(1, 0x8, NULL, NULL, {tv_sec=0, tv_usec=0}) = -1 EFAULT (Bad address)");
}

TEST_F(PollDecoders, SelectEmptyMiddleSetClosesBracketAgain) {
  // strace quirk: a non-NULL set with nothing ready after a printed one adds "]".
  uint64_t in = 1u << 3, none = 0, ex = 1u << 3;
  mem.map_struct(kSets, in);
  mem.map_struct(kSets + 8, none);
  mem.map_struct(kSets + 16, ex);
  EXPECT_EQ(decode_line(mem, opt, "select", {4, kSets, kSets + 8, kSets + 16, 0}, 2),
            "select(4, [3], [], [3], NULL) = 2 (in [3]], except [3])");
}

TEST_F(PollDecoders, Pselect6KernelSigset) {
  uint64_t in = 1u << 3;
  mem.map_struct(kSets, in);
  int64_t ts[2] = {0, 0};
  mem.map_struct(kTs, ts);
  uint64_t term = uint64_t{1} << 14;
  mem.map_struct(kMask, term);
  uint64_t sas[2] = {kMask, 8};
  mem.map_struct(kMask + 64, sas);
  EXPECT_EQ(decode_line(mem, opt, "pselect6", {4, kSets, 0, 0, kTs, kMask + 64}, 1),
            "pselect6(4, [3], NULL, NULL, {tv_sec=0, tv_nsec=0}, {sigmask=[TERM], sigsetsize=8}) "
            "= 1 (in [3], left {tv_sec=0, tv_nsec=0})");
  uint64_t bad[2] = {kMask, 5};
  mem.map_struct(kMask + 128, bad);
  EXPECT_EQ(decode_line(mem, opt, "pselect6", {4, kSets, 0, 0, 0, kMask + 128}, 1),
            "pselect6(4, [3], NULL, NULL, NULL, {sigmask=0x30000, sigsetsize=5}) = 1 (in [3])");
  EXPECT_EQ(decode_line(mem, opt, "pselect6", {4, kSets, 0, 0, kTs, 0}, 1),
            "pselect6(4, [3], NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL) = 1 (in [3], left "
            "{tv_sec=0, tv_nsec=0})");
}

TEST_F(PollDecoders, SelectFdsWithPaths) {
  opt.decode_fds = 1;
  mem.set_fd_path(3, "pipe:[1]");
  uint64_t in = 1u << 3;
  mem.map_struct(kSets, in);
  EXPECT_EQ(decode_line(mem, opt, "select", {4, kSets, 0, 0, 0}, 1),
            "select(4, [3<pipe:[1]>], NULL, NULL, NULL) = 1 (in [3])");
}

// ---- epoll ----------------------------------------------------------------------------

void put_event(FakeTracee& mem, uint64_t at, uint32_t events, uint64_t data) {
  mem.map_struct(at, events);
  mem.map_struct(at + 4, data);
}

TEST_F(PollDecoders, EpollCreate) {
  EXPECT_EQ(decode_line(mem, opt, "epoll_create1", {02000000}, 4),
            "epoll_create1(EPOLL_CLOEXEC) = 4");
  EXPECT_EQ(decode_line(mem, opt, "epoll_create1", {1}, kEINVAL),
            "epoll_create1(0x1 /* EPOLL_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "epoll_create", {8}, 5), "epoll_create(8) = 5");
}

TEST_F(PollDecoders, EpollCtlEvent) {
  put_event(mem, kFds, 0x80000001, 0x1122334455667788ULL);
  EXPECT_EQ(decode_line(mem, opt, "epoll_ctl", {4, 1, 3, kFds}, 0),
            "epoll_ctl(4, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET, data={u32=1432778632, "
            "u64=1234605616436508552}}) = 0");
  EXPECT_EQ(decode_line(mem, opt, "epoll_ctl", {4, 2, 3, 0}, 0),
            "epoll_ctl(4, EPOLL_CTL_DEL, 3, NULL) = 0");
  put_event(mem, kFds, 0x10008003, ~0ULL);
  EXPECT_EQ(decode_line(mem, opt, "epoll_ctl", {4, 7, 3, kFds}, kEINVAL),
            "epoll_ctl(4, 0x7 /* EPOLL_CTL_??? */, 3, {events=EPOLLIN|EPOLLPRI|EPOLLEXCLUSIVE|"
            "0x8000, data={u32=4294967295, u64=18446744073709551615}}) = -1 EINVAL (Invalid "
            "argument)");
  EXPECT_EQ(decode_line(mem, opt, "epoll_ctl", {4, 3, 3, 0}, kEFAULT),
            "epoll_ctl(4, EPOLL_CTL_MOD, 3, NULL) = -1 EFAULT (Bad address)");
}

TEST_F(PollDecoders, EpollWaitFamily) {
  put_event(mem, kFds, 1, 7);
  EXPECT_EQ(decode_line(mem, opt, "epoll_wait", {4, kFds, 4, 0}, 1),
            "epoll_wait(4, [{events=EPOLLIN, data={u32=7, u64=7}}], 4, 0) = 1");
  EXPECT_EQ(decode_line(mem, opt, "epoll_wait", {4, kFds, 4, 0}, 0),
            "epoll_wait(4, [], 4, 0) = 0");
  EXPECT_EQ(decode_line(mem, opt, "epoll_wait", {4, kFds, 0, 0}, kEINVAL),
            "epoll_wait(4, 0x10000, 0, 0) = -1 EINVAL (Invalid argument)");
  uint64_t intr = uint64_t{1} << 1;
  mem.map_struct(kMask, intr);
  EXPECT_EQ(decode_line(mem, opt, "epoll_pwait", {4, kFds, 4, 0, kMask, 8}, 0),
            "epoll_pwait(4, [], 4, 0, [INT], 8) = 0");
  EXPECT_EQ(decode_line(mem, opt, "epoll_pwait", {4, kFds, 2, 0, kMask, 3}, kEINVAL),
            "epoll_pwait(4, 0x10000, 2, 0, 0x30000, 3) = -1 EINVAL (Invalid argument)");
  int64_t ts[2] = {0, 1000000};
  mem.map_struct(kTs, ts);
  EXPECT_EQ(decode_line(mem, opt, "epoll_pwait2", {5, kFds, 4, kTs, 0, 0}, 0),
            "epoll_pwait2(5, [], 4, {tv_sec=0, tv_nsec=1000000}, NULL, 0) = 0");
}

}  // namespace
}  // namespace syscope

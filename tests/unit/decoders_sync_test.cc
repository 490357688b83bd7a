// SPDX-License-Identifier: MIT
// futex and friends against strace 6.1 output captured on the corpus programs.
#include <gtest/gtest.h>
#include <linux/futex.h>

#include "support/fake_tracee.h"

namespace syscope {
namespace {

using testing::decode_line;
using testing::FakeTracee;

constexpr uint64_t kA = 0x10000;
constexpr uint64_t kT = 0x20000;  // a timespec

FormatOptions opts() { return FormatOptions{}; }

TEST(DecodersSync, Futex) {
  FakeTracee m;
  int64_t ts[2] = {0, 1000000};
  m.map(kT, ts, sizeof ts);
  EXPECT_EQ(decode_line(m, opts(), "futex", {0x7f0000000010, FUTEX_WAIT_PRIVATE, 2, 0, 0, 0}, 0),
            "futex(0x7f0000000010, FUTEX_WAIT_PRIVATE, 2, NULL) = 0");
  EXPECT_EQ(decode_line(m, opts(), "futex", {0x7f0000000010, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0}, 0),
            "futex(0x7f0000000010, FUTEX_WAKE_PRIVATE, 1) = 0");
  EXPECT_EQ(decode_line(m, opts(), "futex", {kA, FUTEX_WAIT_PRIVATE, 1, kT, 0, 0}, -110),
            "futex(0x10000, FUTEX_WAIT_PRIVATE, 1, {tv_sec=0, tv_nsec=1000000}) = -1 ETIMEDOUT "
            "(Connection timed out)");
  EXPECT_EQ(decode_line(m, opts(), "futex",
                        {kA, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 0, 0, 0,
                         FUTEX_BITSET_MATCH_ANY},
                        -11),
            "futex(0x10000, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, "
            "FUTEX_BITSET_MATCH_ANY) = -1 EAGAIN (Resource temporarily unavailable)");
  EXPECT_EQ(decode_line(m, opts(), "futex",
                        {kA, FUTEX_WAKE_OP_PRIVATE, 1, 1, 0x20000,
                         FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_GT, 0)},
                        0),
            "futex(0x10000, FUTEX_WAKE_OP_PRIVATE, 1, 1, 0x20000, "
            "FUTEX_OP_ADD<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0) = 0");
  EXPECT_EQ(decode_line(m, opts(), "futex", {kA, 99, 0, 0, 0, 0}, -38),
            "futex(0x10000, 0x63 /* FUTEX_??? */, 0, NULL, NULL, 0) = -1 ENOSYS (Function not "
            "implemented)");
}

TEST(DecodersSync, RobustListAndMembarrier) {
  FakeTracee m;
  uint64_t head = 0x7f3c1c2f8a20, len = 24;
  m.map(kA, &head, 8);
  m.map(kT, &len, 8);
  EXPECT_EQ(decode_line(m, opts(), "get_robust_list", {0, kA, kT}, 0),
            "get_robust_list(0, [0x7f3c1c2f8a20], [24]) = 0");
  EXPECT_EQ(decode_line(m, opts(), "set_robust_list", {0x7f3c1c2f8a20, 24}, 0),
            "set_robust_list(0x7f3c1c2f8a20, 24) = 0");
  EXPECT_EQ(decode_line(m, opts(), "membarrier", {0, 0, 0}, 0x1ff),
            "membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x1ff (MEMBARRIER_CMD_GLOBAL|"
            "MEMBARRIER_CMD_GLOBAL_EXPEDITED|MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED|"
            "MEMBARRIER_CMD_PRIVATE_EXPEDITED|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED|"
            "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE|"
            "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE|"
            "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ)");
  EXPECT_EQ(decode_line(m, opts(), "membarrier", {12345, 0, 0}, -22),
            "membarrier(0x3039 /* MEMBARRIER_CMD_??? */, 0) = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace syscope

// SPDX-License-Identifier: MIT
// Miscellaneous decoders (expected text from strace 6.1).
#include <gtest/gtest.h>

#include <cstring>

#include "support/fake_tracee.h"

namespace syscope {
namespace {

using testing::decode_line;
using testing::FakeTracee;

constexpr uint64_t kA = 0x10000;

TEST(DecodersMisc, GetrandomHexAtExit) {
  FakeTracee m;
  FormatOptions o;
  const unsigned char b[8] = {0x3c, 0x18, 0x17, 0x49, 0x16, 0xdf, 0x5c, 0x0c};
  m.map(kA, b, sizeof b);
  EXPECT_EQ(decode_line(m, o, "getrandom", {kA, 8, 1}, 8),
            "getrandom(\"\\x3c\\x18\\x17\\x49\\x16\\xdf\\x5c\\x0c\", 8, GRND_NONBLOCK) = 8");
  EXPECT_EQ(decode_line(m, o, "getrandom", {kA, 4, 0x100}, -22),
            "getrandom(0x10000, 4, 0x100 /* GRND_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(m, o, "getrandom", {0, 4, 0}, -14),
            "getrandom(NULL, 4, 0) = -1 EFAULT (Bad address)");
  FormatOptions s2;
  s2.string_limit = 2;
  EXPECT_EQ(decode_line(m, s2, "getrandom", {kA, 8, 3}, 8),
            "getrandom(\"\\x3c\\x18\"..., 8, GRND_NONBLOCK|GRND_RANDOM) = 8");
}

TEST(DecodersMisc, SyslogForcesVerboseStyle) {
  FakeTracee m;
  FormatOptions o;
  EXPECT_EQ(decode_line(m, o, "syslog", {10, 0, 0}, 131072),
            "syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */) = 131072");
  EXPECT_EQ(decode_line(m, o, "syslog", {8, 0, 20}, -22),
            "syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 20 /* LOGLEVEL_??? */) = -1 EINVAL "
            "(Invalid argument)");
  EXPECT_EQ(decode_line(m, o, "syslog", {99, kA, 5}, -22),
            "syslog(99 /* SYSLOG_ACTION_??? */, 0x10000, 5) = -1 EINVAL (Invalid argument)");
}

TEST(DecodersMisc, ModulesAndReboot) {
  FakeTracee m;
  FormatOptions o;
  m.map_string(kA, "syscope_no_such_module");
  EXPECT_EQ(decode_line(m, o, "delete_module", {kA, 04000}, -2),
            "delete_module(\"syscope_no_such_module\", O_NONBLOCK) = -1 ENOENT (No such file or "
            "directory)");
  EXPECT_EQ(decode_line(m, o, "reboot", {0xdead, 0, 0, 0}, -22),
            "reboot(0xdead /* LINUX_REBOOT_MAGIC_??? */, 0 /* LINUX_REBOOT_MAGIC_??? */, "
            "LINUX_REBOOT_CMD_CAD_OFF) = -1 EINVAL (Invalid argument)");
}

TEST(DecodersMisc, RawPrintargs) {
  FakeTracee m;
  FormatOptions o;
  EXPECT_EQ(decode_line(m, o, "nfsservctl", {1, 2, 3}, -38),
            "nfsservctl(0x1, 0x2, 0x3) = -1 ENOSYS (Function not implemented)");
  EXPECT_EQ(decode_line(m, o, "iopl", {5}, -38), "iopl(5) = -1 ENOSYS (Function not implemented)");
  EXPECT_EQ(decode_line(m, o, "ioperm", {0x378, 3, 1}, -38),
            "ioperm(0x378, 0x3, 1) = -1 ENOSYS (Function not implemented)");
  EXPECT_EQ(decode_line(m, o, "ustat", {0x801, 0}, -22),
            "ustat(makedev(0x8, 0x1), NULL) = -1 EINVAL (Invalid argument)");
}

TEST(DecodersMisc, KeyctlSerials) {
  FakeTracee m;
  FormatOptions o;
  EXPECT_EQ(decode_line(m, o, "keyctl", {3 /* REVOKE */, 12345}, -126),
            "keyctl(KEYCTL_REVOKE, 12345) = -1 ENOKEY (Required key not available)");
  EXPECT_EQ(decode_line(m, o, "keyctl", {0 /* GET_KEYRING_ID */, static_cast<uint64_t>(-3), 0}, 5),
            "keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0) = 5");
}

}  // namespace
}  // namespace syscope

// SPDX-License-Identifier: MIT
// ioctl decoders (src/decoders/ioctl*.cc) over a fake tracee. Every expected
// line was printed by strace 6.1 for the same arguments and memory
// (tests/corpus/ioctl_ops.c, ioctl_tty.c, ioctl_misc.c).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "support/fake_tracee.h"

namespace syscope {
namespace {

using testing::FakeTracee;
using testing::decode_line;

constexpr uint64_t kArg = 0x10000;
constexpr int64_t kENOTTY = -25, kEFAULT = -14;

// struct termios as the kernel has it (asm-generic/termbits.h).
struct KTermios {
  uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
  unsigned char c_line;
  unsigned char c_cc[19];
};

KTermios cooked() {
  KTermios t{};
  t.c_iflag = 0x500;   // ICRNL|IXON
  t.c_oflag = 0x5;     // OPOST|ONLCR
  t.c_cflag = 0xbf;    // B38400|CS8|CREAD
  t.c_lflag = 0x8a3b;  // ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE
  const unsigned char cc[] = {3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0xf,
                              0x17, 0x16, 0};
  std::memcpy(t.c_cc, cc, sizeof cc);
  return t;
}

class IoctlDecoders : public ::testing::Test {
 protected:
  FakeTracee mem;
  FormatOptions opt;
};

TEST_F(IoctlDecoders, TcgetsAbbreviated) {
  mem.map_struct(kArg, cooked());
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x5401, kArg}, 0),
            "ioctl(4, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
            "c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, "
            "...}) = 0");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x5401, kArg}, kENOTTY),
            "ioctl(4, TCGETS, 0x10000) = -1 ENOTTY (Inappropriate ioctl for device)");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x5401, 0}, kEFAULT),
            "ioctl(4, TCGETS, NULL) = -1 EFAULT (Bad address)");
}

TEST_F(IoctlDecoders, TcgetsVerboseHasControlChars) {
  mem.map_struct(kArg, cooked());
  opt.abbrev = false;
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x5401, kArg}, 0),
            "ioctl(4, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
            "c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, "
            "c_line=N_TTY, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, [VKILL]=0x15, "
            "[VEOF]=0x4, [VTIME]=0, [VMIN]=0x1, [VSWTC]=0, [VSTART]=0x11, [VSTOP]=0x13, "
            "[VSUSP]=0x1a, [VEOL]=0, [VREPRINT]=0x12, [VDISCARD]=0xf, [VWERASE]=0x17, "
            "[VLNEXT]=0x16, [VEOL2]=0, [17]=0, [18]=0]}) = 0");
}

TEST_F(IoctlDecoders, RawTermiosAndAliasNames) {
  KTermios t = cooked();
  t.c_iflag = t.c_oflag = t.c_lflag = 0;
  t.c_cflag = 0x800008ef;  // B38400|CS7|CSTOPB|CREAD|CLOCAL|CRTSCTS
  mem.map_struct(kArg, t);
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x5402, kArg}, 0),
            "ioctl(4, SNDCTL_TMR_START or TCSETS, {c_iflag=, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|, "
            "c_cflag=B38400|CS7|CSTOPB|CREAD|CLOCAL|CRTSCTS, c_lflag=, ...}) = 0");
  t.c_iflag = 0x84001;     // IGNBRK|IUTF8|0x80000
  t.c_oflag = 0xff07;      // NL1|CR2|XTABS|BS1|VT1|FF1|OPOST|OLCUC|ONLCR
  t.c_cflag = 0x800d18f2;  // B115200|B9600<<IBSHIFT|CS8|CSTOPB|CREAD|CLOCAL|CRTSCTS
  t.c_lflag = 0x1010b;     // ISIG|ICANON|ECHO|TOSTOP|EXTPROC
  t.c_oflag = 0x100 | 0x400 | 0x1800 | 0x2000 | 0x4000 | 0x8000 | 0x7;
  mem.map_struct(kArg, t);
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x5403, kArg}, 0),
            "ioctl(4, SNDCTL_TMR_STOP or TCSETSW, {c_iflag=IGNBRK|IUTF8|0x80000, "
            "c_oflag=NL1|CR2|XTABS|BS1|VT1|FF1|OPOST|OLCUC|ONLCR, "
            "c_cflag=B115200|B9600<<IBSHIFT|CS8|CSTOPB|CREAD|CLOCAL|CRTSCTS, "
            "c_lflag=ISIG|ICANON|ECHO|TOSTOP|EXTPROC, ...}) = 0");
}

TEST_F(IoctlDecoders, TermiosXStyles) {
  mem.map_struct(kArg, cooked());
  opt.const_style = FormatOptions::ConstStyle::kVerbose;
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x5401, kArg}, 0),
            "ioctl(4, 0x5401 /* TCGETS */, {c_iflag=0x500 /* ICRNL|IXON */, c_oflag=0 /* NL0 */|0 "
            "/* CR0 */|0 /* TAB0 */|0 /* BS0 */|0 /* VT0 */|0 /* FF0 */|0x5 /* OPOST|ONLCR */, "
            "c_cflag=0xf /* B38400 */|0x30 /* CS8 */|0x80 /* CREAD */, c_lflag=0x8a3b /* "
            "ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE */, ...}) = 0");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {3, 0x40045431, kArg}, 0),
            "ioctl(3, 0x40045431 /* TIOCSPTLCK */, [1280]) = 0");
  opt.const_style = FormatOptions::ConstStyle::kRaw;
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {3, 0x80045430, kArg}, 0),
            "ioctl(3, 0x80045430, [1280]) = 0");
}

TEST_F(IoctlDecoders, Winsize) {
  const uint16_t ws[4] = {25, 132, 800, 600};
  mem.map(kArg, ws, sizeof ws);
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x5414, kArg}, 0),
            "ioctl(4, TIOCSWINSZ, {ws_row=25, ws_col=132, ws_xpixel=800, ws_ypixel=600}) = 0");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {3, 0x5413, kArg}, 0),
            "ioctl(3, TIOCGWINSZ, {ws_row=25, ws_col=132, ws_xpixel=800, ws_ypixel=600}) = 0");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x5413, 0}, kEFAULT),
            "ioctl(4, TIOCGWINSZ, NULL) = -1 EFAULT (Bad address)");
}

TEST_F(IoctlDecoders, IntegerAndValueArguments) {
  const int32_t five = 5;
  mem.map_struct(kArg, five);
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {3, 0x541b, kArg}, 0), "ioctl(3, FIONREAD, [5]) = 0");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {3, 0x5421, kArg}, 0), "ioctl(3, FIONBIO, [5]) = 0");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {5, 0x540f, kArg}, kENOTTY),
            "ioctl(5, TIOCGPGRP, 0x10000) = -1 ENOTTY (Inappropriate ioctl for device)");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {3, 0x5451}, 0), "ioctl(3, FIOCLEX) = 0");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {3, 0x5450}, 0), "ioctl(3, FIONCLEX) = 0");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x5422}, 0), "ioctl(4, TIOCNOTTY) = 0");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x540e, 0}, 0), "ioctl(4, TIOCSCTTY, 0) = 0");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {3, 0x540b, 2}, 0), "ioctl(3, TCFLSH, TCIOFLUSH) = 0");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x540b, 7}, -22),
            "ioctl(4, TCFLSH, 0x7 /* TC??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x540a, 1}, 0), "ioctl(4, TCXONC, TCOON) = 0");
  mem.map_string(kArg + 64, "x");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x5412, kArg + 64}, 0),
            "ioctl(4, TIOCSTI, \"x\") = 0");
  const uint32_t mb = 6;
  mem.map_struct(kArg + 128, mb);
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x5416, kArg + 128}, -22),
            "ioctl(4, TIOCMBIS, [TIOCM_DTR|TIOCM_RTS]) = -1 EINVAL (Invalid argument)");
}

TEST_F(IoctlDecoders, UnknownRequestsUseIocMacro) {
  // 0xdeadbeef is _IOC(_IOC_READ|_IOC_WRITE, 0xbe, 0xef, 0x1ead).
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {5, 0xdeadbeef, 0}, kENOTTY),
            "ioctl(5, _IOC(_IOC_READ|_IOC_WRITE, 0xbe, 0xef, 0x1ead), 0) = -1 ENOTTY "
            "(Inappropriate ioctl for device)");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {5, 0x12345678, 1}, kENOTTY),
            "ioctl(5, _IOC(_IOC_NONE, 0x56, 0x78, 0x1234), 0x1) = -1 ENOTTY (Inappropriate ioctl "
            "for device)");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0xbeef, 0}, kENOTTY),
            "ioctl(4, _IOC(_IOC_NONE, 0xbe, 0xef, 0), 0) = -1 ENOTTY (Inappropriate ioctl for "
            "device)");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x7fff0000, ~0ULL}, kENOTTY),
            "ioctl(4, _IOC(_IOC_WRITE, 0, 0, 0x3fff), 0xffffffffffffffff) = -1 ENOTTY "
            "(Inappropriate ioctl for device)");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x80045477, kArg}, kENOTTY),
            "ioctl(4, _IOC(_IOC_READ, 0x54, 0x77, 0x4), 0x10000) = -1 ENOTTY (Inappropriate ioctl "
            "for device)");
}

TEST_F(IoctlDecoders, ParametrisedNames) {
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x80104520, kArg}, kENOTTY),
            "ioctl(4, EVIOCGBIT(0, 16), 0x10000) = -1 ENOTTY (Inappropriate ioctl for device)");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x80604521, kArg}, kENOTTY),
            "ioctl(4, EVIOCGBIT(EV_KEY, 96), 0x10000) = -1 ENOTTY (Inappropriate ioctl for device)");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x8008453f, kArg}, kENOTTY),
            "ioctl(4, EVIOCGBIT(0x1f /* EV_??? */, 8), 0x10000) = -1 ENOTTY (Inappropriate ioctl "
            "for device)");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x80044d03, kArg}, kENOTTY),
            "ioctl(4, MIXER_READ(3) or MCE_GETCLEAR_FLAGS, 0x10000) = -1 ENOTTY (Inappropriate "
            "ioctl for device)");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0xc0404521, kArg}, kENOTTY),
            "ioctl(4, _IOC(_IOC_READ|_IOC_WRITE, 0x45, 0x21, 0x40), 0x10000) = -1 ENOTTY "
            "(Inappropriate ioctl for device)");
}

TEST_F(IoctlDecoders, FileAndBlockRequests) {
  const int32_t flags = 0x80000;
  mem.map_struct(kArg, flags);
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {3, 0x80086601, kArg}, 0),
            "ioctl(3, FS_IOC_GETFLAGS, [FS_EXTENT_FL]) = 0");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {5, 0x80081272, kArg}, kENOTTY),
            "ioctl(5, BLKGETSIZE64, 0x10000) = -1 ENOTTY (Inappropriate ioctl for device)");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x125f, 0}, kENOTTY),
            "ioctl(4, BLKRRPART) = -1 ENOTTY (Inappropriate ioctl for device)");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x1262, 256}, kENOTTY),
            "ioctl(4, BLKRASET, 256) = -1 ENOTTY (Inappropriate ioctl for device)");
  const uint64_t range[2] = {4096, 8192};
  mem.map(kArg + 64, range, sizeof range);
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x1277, kArg + 64}, kENOTTY),
            "ioctl(4, BLKDISCARD, [4096, 8192]) = -1 ENOTTY (Inappropriate ioctl for device)");
  EXPECT_EQ(decode_line(mem, opt, "ioctl", {4, 0x40049409, 3}, kENOTTY),
            "ioctl(4, BTRFS_IOC_CLONE or FICLONE, 3) = -1 ENOTTY (Inappropriate ioctl for device)");
}

}  // namespace
}  // namespace syscope

// SPDX-License-Identifier: MIT
// The strace text vocabulary: escaping, truncation, flags, constants.
#include <gtest/gtest.h>

#include "format/printer.h"
#include "support/fake_tracee.h"

namespace syscope {
namespace {

using testing::FakeTracee;

const xlat::Entry kFlagEntries[] = {{1, "A"}, {2, "B"}, {8, "D"}};
const xlat::Table kFlags{kFlagEntries, 3, nullptr};
const xlat::Entry kEnumEntries[] = {{0, "Z_ZERO"}, {5, "Z_FIVE"}};
const xlat::Table kEnum{kEnumEntries, 2, "Z_???"};

struct Fixture {
  FakeTracee mem;
  FormatOptions opt;
  std::string out;
  Printer p{&out, &opt, &mem};
};

TEST(Printer, QuotesWithMinimalOctal) {
  Fixture f;
  const unsigned char data[] = {0, '1', '2', '\n', 1, 'a', '\t', 0x7f};
  f.p.quoted(data, sizeof data);
  EXPECT_EQ(f.out, R"("\00012\n\1a\t\177")");
}

TEST(Printer, QuotesHighBytesAndQuotes) {
  Fixture f;
  const char* s = "\x01\x02\x7f\xff\xe2\x82\xac utf8\n\"\\";
  f.p.quoted(s, strlen(s));
  EXPECT_EQ(f.out, R"("\1\2\177\377\342\202\254 utf8\n\"\\")");
}

TEST(Printer, HexModes) {
  Fixture f;
  f.opt.hex_strings = 1;
  f.p.quoted("plain\n", 6);
  f.out += ' ';
  f.p.quoted("\x01z", 2);
  EXPECT_EQ(f.out, R"("plain\n" "\x01\x7a")");
  f.out.clear();
  f.opt.hex_strings = 2;
  f.p.quoted("ab", 2);
  EXPECT_EQ(f.out, R"("\x61\x62")");
}

TEST(Printer, BufferTruncatesAtStringLimit) {
  Fixture f;
  std::string data = "a string that is definitely longer than thirty-two";
  f.mem.map(0x1000, data.data(), data.size());
  f.p.buf(0x1000, data.size());
  EXPECT_EQ(f.out, R"("a string that is definitely long"...)");
}

TEST(Printer, UnreadableBufferPrintsAddress) {
  Fixture f;
  f.p.buf(0xdead0000, 4);
  f.out += ' ';
  f.p.path(0);
  EXPECT_EQ(f.out, "0xdead0000 NULL");
}

TEST(Printer, CStringEllipsisOnlyWhenLonger) {
  Fixture f;
  f.opt.string_limit = 4;
  f.mem.map_string(0x2000, "abcd");
  f.mem.map_string(0x3000, "abcde");
  f.p.cstr(0x2000);
  f.out += ' ';
  f.p.cstr(0x3000);
  EXPECT_EQ(f.out, R"("abcd" "abcd"...)");
}

TEST(Printer, PathIgnoresStringLimit) {
  Fixture f;
  f.opt.string_limit = 4;
  f.mem.map_string(0x2000, "/nonexistent/file");
  f.p.path(0x2000);
  EXPECT_EQ(f.out, R"("/nonexistent/file")");
}

TEST(Printer, FlagsWithUnknownBits) {
  Fixture f;
  f.p.flags(1 | 8 | 0x40, kFlags);
  f.out += ' ';
  f.p.flags(0, kFlags);
  EXPECT_EQ(f.out, "A|D|0x40 0");
}

TEST(Printer, FlagsRawAndVerbose) {
  Fixture f;
  f.opt.const_style = FormatOptions::ConstStyle::kRaw;
  f.p.flags(3, kFlags);
  f.out += ' ';
  f.opt.const_style = FormatOptions::ConstStyle::kVerbose;
  f.p.flags(3, kFlags);
  EXPECT_EQ(f.out, "0x3 0x3 /* A|B */");
}

TEST(Printer, EnumKnownUnknownAndZero) {
  Fixture f;
  f.p.xval(5, kEnum);
  f.out += ' ';
  f.p.xval(0x63, kEnum);
  f.out += ' ';
  f.p.flags(0, kEnum);
  EXPECT_EQ(f.out, "Z_FIVE 0x63 /* Z_??? */ Z_ZERO");
}

TEST(Printer, ModesAndAddresses) {
  Fixture f;
  f.p.mode(0644);
  f.out += ' ';
  f.p.mode(0);
  f.out += ' ';
  f.p.mode_with_type(0100644);
  f.out += ' ';
  f.p.mode_with_type(0104755);
  f.out += ' ';
  f.p.addr(0);
  f.out += ' ';
  f.p.addr(0x7ffd1234);
  EXPECT_EQ(f.out, "0644 000 S_IFREG|0644 S_IFREG|S_ISUID|0755 NULL 0x7ffd1234");
}

TEST(Printer, FdWithPathUnderY) {
  Fixture f;
  f.mem.set_fd_path(3, "/etc/passwd");
  f.opt.decode_fds = 1;
  f.p.fd(3);
  f.out += ' ';
  f.p.fd(7);
  EXPECT_EQ(f.out, "3</etc/passwd> 7");
}

TEST(Printer, ReturnValues) {
  Call c;
  std::string out;
  c.rval = -2;
  format_return(c, &out);
  EXPECT_EQ(out, "-1 ENOENT (No such file or directory)");
  out.clear();
  c.rval = -512;
  format_return(c, &out);
  EXPECT_EQ(out, "? ERESTARTSYS (To be restarted if SA_RESTART is set)");
  out.clear();
  c.rval = 0x7f0000001000;
  c.ret = RetFmt::kHex;
  format_return(c, &out);
  EXPECT_EQ(out, "0x7f0000001000");
  out.clear();
  c.ret = RetFmt::kNone;
  format_return(c, &out);
  EXPECT_EQ(out, "?");
}

}  // namespace
}  // namespace syscope

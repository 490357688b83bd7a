// SPDX-License-Identifier: MIT
// /proc/PID/maps parsing and address expressions (no ptrace).
#include <gtest/gtest.h>

#include "syscope/maps.h"

namespace syscope {
namespace {

constexpr const char* kMaps =
    "55d0c3a6e000-55d0c3a70000 r--p 00000000 fe:01 1234567                    /usr/bin/prog\n"
    "55d0c3a70000-55d0c3a75000 r-xp 00002000 fe:01 1234567                    /usr/bin/prog\n"
    "55d0c3a76000-55d0c3a77000 rw-p 00007000 fe:01 1234567                    /usr/bin/prog\n"
    "55d0c4000000-55d0c4021000 rw-p 00000000 00:00 0                          [heap]\n"
    "7f1000000000-7f1000001000 ---p 00000000 00:00 0 \n"
    "7f1000001000-7f1000801000 rw-p 00000000 00:00 0\n"
    "7f2000000000-7f2000026000 r--p 00000000 fe:01 42   /usr/lib/x86_64-linux-gnu/libc.so.6\n"
    "7f2000026000-7f200017c000 r-xp 00026000 fe:01 42   /usr/lib/x86_64-linux-gnu/libc.so.6\n"
    "7f3000000000-7f3000001000 rw-s 00000000 00:05 99   /dev/shm/my file (deleted)\n"
    "7f4000000000-7f4000001000 r--p 00000000 fe:01 7    /usr/lib/x86_64-linux-gnu/libstdc++.so.6\n"
    "7f5000000000-7f5000001000 r--p 00000000 fe:01 8    /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2\n"
    "7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]\n"
    "7ffd00100000-7ffd00104000 r--p 00000000 00:00 0                          [vvar]\n"
    "this line is garbage\n"
    "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]\n";

TEST(MemoryMaps, ParsesEveryField) {
  Maps m = Maps::parse(kMaps);
  ASSERT_EQ(m.regions().size(), 14u);  // the garbage line is skipped
  const MapRegion& text = m.regions()[1];
  EXPECT_EQ(text.start, 0x55d0c3a70000u);
  EXPECT_EQ(text.end, 0x55d0c3a75000u);
  EXPECT_EQ(text.size(), 0x5000u);
  EXPECT_TRUE(text.read && !text.write && text.exec && !text.shared);
  EXPECT_EQ(text.perms(), "r-xp");
  EXPECT_EQ(text.offset, 0x2000u);
  EXPECT_EQ(text.dev_major, 0xfeu);
  EXPECT_EQ(text.dev_minor, 1u);
  EXPECT_EQ(text.inode, 1234567u);
  EXPECT_EQ(text.path, "/usr/bin/prog");
  EXPECT_EQ(text.name(), "prog");
  EXPECT_TRUE(text.is_file());

  const MapRegion& anon = m.regions()[4];
  EXPECT_EQ(anon.path, "");
  EXPECT_EQ(anon.perms(), "---p");
  EXPECT_FALSE(anon.is_file());

  const MapRegion& shm = m.regions()[8];
  EXPECT_EQ(shm.path, "/dev/shm/my file");  // spaces kept, " (deleted)" stripped
  EXPECT_TRUE(shm.deleted);
  EXPECT_TRUE(shm.shared);
  EXPECT_EQ(shm.perms(), "rw-s");

  EXPECT_EQ(m.regions()[3].name(), "[heap]");
  EXPECT_TRUE(m.regions()[12].is_pseudo_unreadable());  // [vvar]
  EXPECT_TRUE(m.regions()[13].is_pseudo_unreadable());  // [vsyscall]
  EXPECT_EQ(m.regions()[13].start, 0xffffffffff600000u);
  EXPECT_FALSE(m.regions()[3].is_pseudo_unreadable());
}

TEST(MemoryMaps, FindAndNames) {
  Maps m = Maps::parse(kMaps);
  ASSERT_NE(m.find(0x55d0c4000010), nullptr);
  EXPECT_EQ(m.find(0x55d0c4000010)->path, "[heap]");
  EXPECT_EQ(m.find(0x55d0c3a70000)->perms(), "r-xp");   // first byte
  EXPECT_EQ(m.find(0x55d0c3a74fff)->perms(), "r-xp");   // last byte
  EXPECT_EQ(m.find(0x55d0c3a75000), nullptr);            // the hole after it
  EXPECT_EQ(m.find(0x1000), nullptr);
  EXPECT_EQ(m.named("libc.so.6").size(), 2u);
  EXPECT_EQ(m.named("/usr/lib/x86_64-linux-gnu/libc.so.6").size(), 2u);
  EXPECT_EQ(m.named("prog").size(), 3u);
  EXPECT_TRUE(m.named("libc").empty());
  EXPECT_EQ(m.base_of("prog"), 0x55d0c3a6e000u);
  EXPECT_EQ(m.base_of("libc.so.6"), 0x7f2000000000u);
  EXPECT_EQ(m.base_of("[stack]"), 0x7ffd00000000u);
  EXPECT_FALSE(m.base_of("nothing").has_value());
  EXPECT_EQ(m.describe(0x7f2000026010), "libc.so.6+0x26010");  // object-relative
  EXPECT_EQ(m.describe(0x55d0c4000010), "[heap]+0x10");
  EXPECT_EQ(m.describe(0x7f1000001010), "");  // anonymous
  EXPECT_EQ(m.describe(0x10), "");
}

TEST(MemoryMaps, ParseNumber) {
  EXPECT_EQ(parse_number("0x10", false), 16u);
  EXPECT_EQ(parse_number("10", false), 10u);
  EXPECT_EQ(parse_number("10", true), 16u);
  EXPECT_EQ(parse_number("DeadBeef", true), 0xdeadbeefu);
  EXPECT_EQ(parse_number("ffffffffffffffff", true), UINT64_MAX);
  EXPECT_FALSE(parse_number("10000000000000000", true));  // overflow
  EXPECT_FALSE(parse_number("18446744073709551616", false));
  EXPECT_FALSE(parse_number("", true));
  EXPECT_FALSE(parse_number("0x", true));
  EXPECT_FALSE(parse_number("12g", true));
  EXPECT_FALSE(parse_number("ab", false));
}

TEST(MemoryMaps, ResolveAddress) {
  Maps m = Maps::parse(kMaps);
  SymbolLookup sym = [](std::string_view n) -> std::optional<uint64_t> {
    if (n == "main") return 0x55d0c3a71000;
    if (n == "libc.so.6:malloc") return 0x7f2000030000;
    return std::nullopt;
  };
  auto ok = [&](const char* e) {
    auto r = resolve_address(e, m, sym);
    EXPECT_TRUE(r.has_value()) << e << ": " << (r ? "" : r.error().op);
    return r ? *r : 0;
  };
  EXPECT_EQ(ok("0x7f2000000010"), 0x7f2000000010u);
  EXPECT_EQ(ok("7f2000000010"), 0x7f2000000010u);  // hex without 0x
  EXPECT_EQ(ok("[heap]"), 0x55d0c4000000u);
  EXPECT_EQ(ok("[heap]+0x10"), 0x55d0c4000010u);
  EXPECT_EQ(ok("[heap]+10"), 0x55d0c4000010u);  // offsets are hex
  EXPECT_EQ(ok("[stack]-0x8"), 0x7ffcfffffff8u);
  EXPECT_EQ(ok("libc.so.6+0x1000"), 0x7f2000001000u);
  EXPECT_EQ(ok("/usr/lib/x86_64-linux-gnu/libc.so.6+0x1000"), 0x7f2000001000u);
  EXPECT_EQ(ok("libstdc++.so.6"), 0x7f4000000000u);  // '+' inside a name
  EXPECT_EQ(ok("libstdc++.so.6+0x20"), 0x7f4000000020u);
  EXPECT_EQ(ok("ld-linux-x86-64.so.2"), 0x7f5000000000u);  // '-' inside a name
  EXPECT_EQ(ok("ld-linux-x86-64.so.2+0x8"), 0x7f5000000008u);
  EXPECT_EQ(ok("main"), 0x55d0c3a71000u);
  EXPECT_EQ(ok("main+0x4"), 0x55d0c3a71004u);
  EXPECT_EQ(ok(" main + 0x4 "), 0x55d0c3a71004u);
  EXPECT_EQ(ok("libc.so.6:malloc+0x2"), 0x7f2000030002u);
  EXPECT_EQ(ok("0x1000+0x10"), 0x1010u);

  auto bad = resolve_address("nosuch+0x10", m, sym);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().op, "unknown symbol or region: 'nosuch'");
  EXPECT_EQ(bad.error().code, EINVAL);
  EXPECT_EQ(resolve_address("nosuch", m, sym).error().op, "unknown symbol or region: 'nosuch'");
  EXPECT_EQ(resolve_address("main+zz", m, sym).error().op, "invalid address: 'main+zz'");
  EXPECT_EQ(resolve_address("", m, sym).error().op, "invalid address: ''");
  EXPECT_FALSE(resolve_address("main", m, {}));  // no symbol lookup given
}

}  // namespace
}  // namespace syscope

// SPDX-License-Identifier: MIT
// stat-family decoders (src/decoders/stat.cc) over a fake tracee. Expected
// lines are strace 6.1's output for the same structures.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <linux/stat.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

#include "support/fake_tracee.h"

namespace syscope {
namespace {

using testing::FakeTracee;
using testing::decode_line;

constexpr uint64_t kStr1 = 0x10000, kBuf = 0x30000;
constexpr uint64_t kFdCwd = static_cast<uint64_t>(-100);
constexpr int64_t kENOENT = -2, kEFAULT = -14, kEINVAL = -22;

// x86_64 struct stat as the kernel writes it.
struct KStat {
  uint64_t dev, ino, nlink;
  uint32_t mode, uid, gid, pad0;
  uint64_t rdev;
  int64_t size, blksize, blocks;
  uint64_t atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec;
  int64_t unused[3];
};
static_assert(sizeof(KStat) == 144);

class StatDecoders : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("TZ", "UTC", 1);
    tzset();
  }
  KStat regular() {
    KStat st{};
    st.dev = 0xfe00;
    st.ino = 851;
    st.nlink = 1;
    st.mode = S_IFREG | 0644;
    st.size = 1221;
    st.blksize = 4096;
    st.blocks = 8;
    st.atime = 1795801188;
    st.atime_nsec = 515907813;
    st.mtime = 1795801188;
    st.mtime_nsec = 499907813;
    st.ctime = 1795801188;
    st.ctime_nsec = 499907813;
    return st;
  }
  FakeTracee mem;
  FormatOptions opt;
};

TEST_F(StatDecoders, NewfstatatEmptyPathAbbreviated) {
  mem.map_string(kStr1, "");
  mem.map_struct(kBuf, regular());
  EXPECT_EQ(decode_line(mem, opt, "newfstatat", {3, kStr1, kBuf, AT_EMPTY_PATH}, 0),
            "newfstatat(3, \"\", {st_mode=S_IFREG|0644, st_size=1221, ...}, AT_EMPTY_PATH) = 0");
}

TEST_F(StatDecoders, StatVerbose) {
  mem.map_string(kStr1, "/etc/passwd");
  mem.map_struct(kBuf, regular());
  FormatOptions v = opt;
  v.abbrev = false;
  EXPECT_EQ(decode_line(mem, v, "stat", {kStr1, kBuf}, 0),
            "stat(\"/etc/passwd\", {st_dev=makedev(0xfe, 0), st_ino=851, st_mode=S_IFREG|0644, "
            "st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, st_blocks=8, st_size=1221, "
            "st_atime=1795801188 /* 2026-11-27T17:39:48.515907813+0000 */, "
            "st_atime_nsec=515907813, st_mtime=1795801188 /* 2026-11-27T17:39:48.499907813+0000 "
            "*/, st_mtime_nsec=499907813, st_ctime=1795801188 /* "
            "2026-11-27T17:39:48.499907813+0000 */, st_ctime_nsec=499907813}) = 0");
}

TEST_F(StatDecoders, DeviceShowsRdevNotSize) {
  KStat st = regular();
  st.mode = S_IFCHR | 0666;
  st.rdev = 0x103;
  mem.map_string(kStr1, "/dev/null");
  mem.map_struct(kBuf, st);
  EXPECT_EQ(decode_line(mem, opt, "stat", {kStr1, kBuf}, 0),
            "stat(\"/dev/null\", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0");
  FormatOptions v = opt;
  v.const_style = FormatOptions::ConstStyle::kVerbose;
  EXPECT_EQ(decode_line(mem, v, "stat", {kStr1, kBuf}, 0),
            "stat(\"/dev/null\", {st_mode=020666 /* S_IFCHR|0666 */, st_rdev=0x103 /* makedev(0x1, "
            "0x3) */, ...}) = 0");
  FormatOptions r = opt;
  r.const_style = FormatOptions::ConstStyle::kRaw;
  EXPECT_EQ(decode_line(mem, r, "stat", {kStr1, kBuf}, 0),
            "stat(\"/dev/null\", {st_mode=020666, st_rdev=0x103, ...}) = 0");
}

TEST_F(StatDecoders, FailuresPrintTheAddress) {
  mem.map_string(kStr1, "missing");
  mem.map_struct(kBuf, regular());
  EXPECT_EQ(decode_line(mem, opt, "stat", {kStr1, kBuf}, kENOENT),
            "stat(\"missing\", 0x30000) = -1 ENOENT (No such file or directory)");
  EXPECT_EQ(decode_line(mem, opt, "stat", {kStr1, 0}, kEFAULT),
            "stat(\"missing\", NULL) = -1 EFAULT (Bad address)");
  EXPECT_EQ(decode_line(mem, opt, "newfstatat", {kFdCwd, 0, 1, 0}, kEFAULT),
            "newfstatat(AT_FDCWD, NULL, 0x1, 0) = -1 EFAULT (Bad address)");
  // Unreadable memory after a successful call: the address too.
  EXPECT_EQ(decode_line(mem, opt, "fstat", {1, 0x50000}, 0), "fstat(1, 0x50000) = 0");
  FormatOptions nv = opt;
  nv.verbose_structs = false;
  EXPECT_EQ(decode_line(mem, nv, "fstat", {1, kBuf}, 0), "fstat(1, 0x30000) = 0");
}

TEST_F(StatDecoders, NewfstatatUnknownFlags) {
  mem.map_string(kStr1, "st.txt");
  EXPECT_EQ(decode_line(mem, opt, "newfstatat", {kFdCwd, kStr1, kBuf, 0x4000}, kEINVAL),
            "newfstatat(AT_FDCWD, \"st.txt\", 0x30000, 0x4000 /* AT_??? */) = -1 EINVAL (Invalid "
            "argument)");
  EXPECT_EQ(decode_line(mem, opt, "newfstatat", {kFdCwd, kStr1, kBuf, 0x40100}, kEINVAL),
            "newfstatat(AT_FDCWD, \"st.txt\", 0x30000, AT_SYMLINK_NOFOLLOW|0x40000) = -1 EINVAL "
            "(Invalid argument)");
}

struct statx sample_statx() {
  struct statx s;
  memset(&s, 0, sizeof s);
  s.stx_mask = STATX_BASIC_STATS | STATX_MNT_ID;
  s.stx_blksize = 4096;
  s.stx_nlink = 1;
  s.stx_mode = S_IFREG | 0644;
  s.stx_ino = 851;
  s.stx_size = 1221;
  s.stx_blocks = 8;
  s.stx_attributes_mask = 0x3874;
  s.stx_atime = {1795801188, 515907813, 0};
  s.stx_ctime = {1795801188, 499907813, 0};
  s.stx_mtime = {1795801188, 499907813, 0};
  s.stx_dev_major = 254;
  s.stx_mnt_id = 0x1b;
  return s;
}

TEST_F(StatDecoders, StatxAbbreviated) {
  mem.map_string(kStr1, "/etc/passwd");
  mem.map_struct(kBuf, sample_statx());
  EXPECT_EQ(decode_line(mem, opt, "statx", {kFdCwd, kStr1, AT_STATX_SYNC_AS_STAT, STATX_ALL, kBuf}, 0),
            "statx(AT_FDCWD, \"/etc/passwd\", AT_STATX_SYNC_AS_STAT, STATX_ALL, "
            "{stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644, "
            "stx_size=1221, ...}) = 0");
}

TEST_F(StatDecoders, StatxVerbose) {
  mem.map_string(kStr1, "/etc/passwd");
  mem.map_struct(kBuf, sample_statx());
  FormatOptions v = opt;
  v.abbrev = false;
  EXPECT_EQ(decode_line(mem, v, "statx", {kFdCwd, kStr1, 0, STATX_ALL, kBuf}, 0),
            "statx(AT_FDCWD, \"/etc/passwd\", AT_STATX_SYNC_AS_STAT, STATX_ALL, "
            "{stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_blksize=4096, stx_attributes=0, "
            "stx_nlink=1, stx_uid=0, stx_gid=0, stx_mode=S_IFREG|0644, stx_ino=851, stx_size=1221, "
            "stx_blocks=8, stx_attributes_mask=STATX_ATTR_COMPRESSED|STATX_ATTR_IMMUTABLE|"
            "STATX_ATTR_APPEND|STATX_ATTR_NODUMP|STATX_ATTR_ENCRYPTED|STATX_ATTR_AUTOMOUNT|"
            "STATX_ATTR_MOUNT_ROOT, "
            "stx_atime={tv_sec=1795801188, tv_nsec=515907813} /* 2026-11-27T17:39:48.515907813+0000 "
            "*/, stx_ctime={tv_sec=1795801188, tv_nsec=499907813} /* "
            "2026-11-27T17:39:48.499907813+0000 */, stx_mtime={tv_sec=1795801188, tv_nsec=499907813} "
            "/* 2026-11-27T17:39:48.499907813+0000 */, stx_rdev_major=0, stx_rdev_minor=0, "
            "stx_dev_major=254, stx_dev_minor=0, stx_mnt_id=0x1b}) = 0");
}

TEST_F(StatDecoders, StatxFlagsAndMasks) {
  mem.map_string(kStr1, "reg");
  EXPECT_EQ(decode_line(mem, opt, "statx", {kFdCwd, kStr1, 0x10000, 0x80000000, kBuf}, kEINVAL),
            "statx(AT_FDCWD, \"reg\", AT_STATX_SYNC_AS_STAT|0x10000, 0x80000000 /* STATX_??? */, "
            "0x30000) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "statx", {kFdCwd, kStr1, 0x6000, STATX_MODE, kBuf}, kEINVAL),
            "statx(AT_FDCWD, \"reg\", AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC, STATX_MODE, 0x30000) "
            "= -1 EINVAL (Invalid argument)");
  FormatOptions v = opt;
  v.const_style = FormatOptions::ConstStyle::kVerbose;
  EXPECT_EQ(decode_line(mem, v, "statx", {kFdCwd, kStr1, 0x4800, STATX_ALL, 0}, kEFAULT),
            "statx(-100 /* AT_FDCWD */, \"reg\", 0x4000 /* AT_STATX_DONT_SYNC */|0x800 /* "
            "AT_NO_AUTOMOUNT */, 0xfff /* STATX_ALL */, NULL) = -1 EFAULT (Bad address)");
}

TEST_F(StatDecoders, Statfs) {
  struct {
    int64_t f_type, f_bsize;
    uint64_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
    int32_t f_fsid[2];
    int64_t f_namelen, f_frsize, f_flags, f_spare[4];
  } sf{0xef53, 4096, 66053021, 61788987, 20820263, 16777216, 16355257,
       {static_cast<int32_t>(0xdfda9733), 0x5f14b138}, 255, 4096, 0x1020, {}};
  mem.map_string(kStr1, ".");
  mem.map_struct(kBuf, sf);
  EXPECT_EQ(decode_line(mem, opt, "statfs", {kStr1, kBuf}, 0),
            "statfs(\".\", {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=66053021, "
            "f_bfree=61788987, f_bavail=20820263, f_files=16777216, f_ffree=16355257, "
            "f_fsid={val=[0xdfda9733, 0x5f14b138]}, f_namelen=255, f_frsize=4096, "
            "f_flags=ST_VALID|ST_RELATIME}) = 0");
  sf.f_type = 0x12345678;
  sf.f_flags = 0x1;  // no ST_VALID: f_flags not shown
  mem.map_struct(kBuf, sf);
  EXPECT_EQ(decode_line(mem, opt, "fstatfs", {3, kBuf}, 0),
            "fstatfs(3, {f_type=0x12345678, f_bsize=4096, f_blocks=66053021, f_bfree=61788987, "
            "f_bavail=20820263, f_files=16777216, f_ffree=16355257, f_fsid={val=[0xdfda9733, "
            "0x5f14b138]}, f_namelen=255, f_frsize=4096}) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fstatfs", {999, kBuf}, -9),
            "fstatfs(999, 0x30000) = -1 EBADF (Bad file descriptor)");
}

TEST_F(StatDecoders, I386Statfs64ChecksTheSize) {
  mem.map_string(kStr1, ".");
  EXPECT_EQ(decode_line(mem, opt, "statfs64", {kStr1, 88, kBuf}, kEINVAL, Abi::kI386),
            "statfs64(\".\", 88, 0x30000) = -1 EINVAL (Invalid argument)");
}

TEST_F(StatDecoders, I386Stat64) {
  struct __attribute__((packed)) {
    uint64_t dev;
    uint8_t pad0[4];
    uint32_t ino_lo, mode, nlink, uid, gid;
    uint64_t rdev;
    uint8_t pad3[4];
    int64_t size;
    uint32_t blksize;
    uint64_t blocks;
    uint32_t t[6];
    uint64_t ino;
  } st{};
  static_assert(sizeof st == 96);
  st.mode = S_IFREG | 0644;
  st.size = 5;
  mem.map_string(kStr1, "i3.txt");
  mem.map_struct(kBuf, st);
  EXPECT_EQ(decode_line(mem, opt, "fstatat64", {kFdCwd, kStr1, kBuf, 0x100}, 0, Abi::kI386),
            "fstatat64(AT_FDCWD, \"i3.txt\", {st_mode=S_IFREG|0644, st_size=5, ...}, "
            "AT_SYMLINK_NOFOLLOW) = 0");
}

}  // namespace
}  // namespace syscope

// SPDX-License-Identifier: MIT
// File-family decoders (src/decoders/file*.cc) over a fake tracee. Every
// expected line was printed by strace 6.1 for the same arguments and memory
// (tests/corpus/file_*.c and the pre-existing corpus programs).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <linux/openat2.h>

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

constexpr uint64_t kStr1 = 0x10000, kStr2 = 0x20000, kBuf = 0x30000, kStruct = 0x40000;
constexpr uint64_t kFdCwd = static_cast<uint64_t>(-100);
constexpr int64_t kENOENT = -2, kEINVAL = -22, kEFAULT = -14, kEOVERFLOW = -75;

uint64_t neg(int64_t v) { return static_cast<uint64_t>(v); }

class FileDecoders : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("TZ", "UTC", 1);
    tzset();
  }
  FakeTracee mem;
  FormatOptions opt;
};

// ---- open family --------------------------------------------------------------

TEST_F(FileDecoders, OpenatReadOnlyCloexec) {
  mem.map_string(kStr1, "/etc/passwd");
  EXPECT_EQ(decode_line(mem, opt, "openat", {kFdCwd, kStr1, O_RDONLY | O_CLOEXEC}, 3),
            "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3");
}

TEST_F(FileDecoders, OpenModeOnlyWithCreatOrTmpfile) {
  mem.map_string(kStr1, ".");
  EXPECT_EQ(decode_line(mem, opt, "openat", {kFdCwd, kStr1, O_RDONLY | O_DIRECTORY, 01520}, 3),
            "openat(AT_FDCWD, \".\", O_RDONLY|O_DIRECTORY) = 3");
  EXPECT_EQ(decode_line(mem, opt, "openat", {kFdCwd, kStr1, O_TMPFILE | O_RDWR, 0600}, 3),
            "openat(AT_FDCWD, \".\", O_RDWR|O_TMPFILE, 0600) = 3");
  EXPECT_EQ(decode_line(mem, opt, "open", {kStr1, O_WRONLY | O_CREAT, 0100644}, kEFAULT),
            "open(\".\", O_WRONLY|O_CREAT, 0100644) = -1 EFAULT (Bad address)");
}

TEST_F(FileDecoders, OpenUnknownBitsAndAccmode) {
  mem.map_string(kStr1, "ed.txt");
  EXPECT_EQ(decode_line(mem, opt, "open", {kStr1, O_ACCMODE}, 4), "open(\"ed.txt\", O_ACCMODE) = 4");
  EXPECT_EQ(decode_line(mem, opt, "open", {kStr1, 0x8000000}, 5),
            "open(\"ed.txt\", O_RDONLY|0x8000000) = 5");
  EXPECT_EQ(decode_line(mem, opt, "open", {0, O_RDONLY}, kEFAULT),
            "open(NULL, O_RDONLY) = -1 EFAULT (Bad address)");
  EXPECT_EQ(decode_line(mem, opt, "open", {1, O_WRONLY | O_CREAT, 0644}, kEFAULT),
            "open(0x1, O_WRONLY|O_CREAT, 0644) = -1 EFAULT (Bad address)");
}

TEST_F(FileDecoders, OpenXlatStyles) {
  mem.map_string(kStr1, "ed.txt");
  FormatOptions v = opt;
  v.const_style = FormatOptions::ConstStyle::kVerbose;
  EXPECT_EQ(decode_line(mem, v, "open", {kStr1, 0x8000000}, 5),
            "open(\"ed.txt\", 0x8000000 /* O_RDONLY|0x8000000 */) = 5");
  EXPECT_EQ(decode_line(mem, v, "open", {0, 0}, kEFAULT),
            "open(NULL, 0 /* O_RDONLY */) = -1 EFAULT (Bad address)");
  FormatOptions r = opt;
  r.const_style = FormatOptions::ConstStyle::kRaw;
  mem.map_string(kStr2, "/etc/passwd");
  EXPECT_EQ(decode_line(mem, r, "openat", {kFdCwd, kStr2, O_CLOEXEC}, 3),
            "openat(-100, \"/etc/passwd\", 0x80000) = 3");
}

TEST_F(FileDecoders, Creat) {
  mem.map_string(kStr1, "ed.txt");
  EXPECT_EQ(decode_line(mem, opt, "creat", {kStr1, 0x10000 | 0644}, 6), "creat(\"ed.txt\", 0644) = 6");
}

TEST_F(FileDecoders, Openat2) {
  mem.map_string(kStr1, "ed.txt");
  struct {
    open_how how;
    uint64_t extra[2];
  } h{{O_RDONLY, 0, 0}, {0, 0x1234}};
  mem.map_struct(kStruct, h);
  EXPECT_EQ(decode_line(mem, opt, "openat2", {kFdCwd, kStr1, kStruct, 40}, -7),
            "openat2(AT_FDCWD, \"ed.txt\", {flags=O_RDONLY, resolve=0, /* bytes 24..39 */ "
            "\"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x34\\x12\\x00\\x00\\x00\\x00\\x00\\x00\"}, "
            "40) = -1 E2BIG (Argument list too long)");
  EXPECT_EQ(decode_line(mem, opt, "openat2", {kFdCwd, kStr1, kStruct, 16}, kEINVAL),
            "openat2(AT_FDCWD, \"ed.txt\", 0x40000, 16) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "openat2", {kFdCwd, kStr1, 0, 24}, kEFAULT),
            "openat2(AT_FDCWD, \"ed.txt\", NULL, 24) = -1 EFAULT (Bad address)");
  open_how h2{O_RDONLY, 0644, 0x80};
  mem.map_struct(kStruct, h2);
  EXPECT_EQ(decode_line(mem, opt, "openat2", {kFdCwd, kStr1, kStruct, 24}, kEINVAL),
            "openat2(AT_FDCWD, \"ed.txt\", {flags=O_RDONLY, mode=0644, resolve=0x80 /* RESOLVE_??? "
            "*/}, 24) = -1 EINVAL (Invalid argument)");
  open_how h3{O_RDWR | O_CREAT, 0640, RESOLVE_IN_ROOT};
  mem.map_struct(kStruct, h3);
  EXPECT_EQ(decode_line(mem, opt, "openat2", {kFdCwd, kStr1, kStruct, 24}, 3),
            "openat2(AT_FDCWD, \"ed.txt\", {flags=O_RDWR|O_CREAT, mode=0640, "
            "resolve=RESOLVE_IN_ROOT}, 24) = 3");
}

TEST_F(FileDecoders, CloseAndFdOnly) {
  EXPECT_EQ(decode_line(mem, opt, "close", {3}, 0), "close(3) = 0");
  EXPECT_EQ(decode_line(mem, opt, "close", {neg(-1)}, -9),
            "close(-1) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(decode_line(mem, opt, "fchdir", {neg(-1)}, -9),
            "fchdir(-1) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(decode_line(mem, opt, "sync", {}, 0), "sync() = 0");
}

TEST_F(FileDecoders, PathsAreCutAtPathMaxMinusOne) {
  std::string longp(5000, 'p');
  mem.map_string(kStr1, longp);
  EXPECT_EQ(decode_line(mem, opt, "openat", {kFdCwd, kStr1, O_RDONLY}, -36),
            "openat(AT_FDCWD, \"" + std::string(4095, 'p') +
                "\"..., O_RDONLY) = -1 ENAMETOOLONG (File name too long)");
  // Exactly 4095 bytes and the NUL: complete.
  mem.map_string(kStr2, std::string(4095, 'q'));
  EXPECT_EQ(decode_line(mem, opt, "chdir", {kStr2}, -36),
            "chdir(\"" + std::string(4095, 'q') + "\") = -1 ENAMETOOLONG (File name too long)");
}

TEST_F(FileDecoders, PathRunningIntoUnmappedMemoryIsAnAddress) {
  mem.map(kStr1, "aaaaa", 5);  // no NUL before the end of the mapping
  EXPECT_EQ(decode_line(mem, opt, "openat", {kFdCwd, kStr1, O_RDONLY}, kEFAULT),
            "openat(AT_FDCWD, 0x10000, O_RDONLY) = -1 EFAULT (Bad address)");
  EXPECT_EQ(decode_line(mem, opt, "removexattr", {kStr1, kStr1}, kEFAULT),
            "removexattr(0x10000, 0x10000) = -1 EFAULT (Bad address)");
}

// ---- access ---------------------------------------------------------------------

TEST_F(FileDecoders, Access) {
  mem.map_string(kStr1, "/etc/ld.so.preload");
  EXPECT_EQ(decode_line(mem, opt, "access", {kStr1, R_OK}, kENOENT),
            "access(\"/etc/ld.so.preload\", R_OK) = -1 ENOENT (No such file or directory)");
  mem.map_string(kStr2, "acc.txt");
  EXPECT_EQ(decode_line(mem, opt, "access", {kStr2, F_OK}, 0), "access(\"acc.txt\", F_OK) = 0");
  EXPECT_EQ(decode_line(mem, opt, "access", {kStr2, R_OK | W_OK}, 0),
            "access(\"acc.txt\", R_OK|W_OK) = 0");
  EXPECT_EQ(decode_line(mem, opt, "access", {kStr2, 0x10}, kEINVAL),
            "access(\"acc.txt\", 0x10 /* ?_OK */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "access", {kStr2, R_OK | 0x20}, kEINVAL),
            "access(\"acc.txt\", R_OK|0x20) = -1 EINVAL (Invalid argument)");
}

TEST_F(FileDecoders, AccessVerbose) {
  mem.map_string(kStr2, "acc.txt");
  FormatOptions v = opt;
  v.const_style = FormatOptions::ConstStyle::kVerbose;
  EXPECT_EQ(decode_line(mem, v, "access", {kStr2, F_OK}, 0), "access(\"acc.txt\", 0 /* F_OK */) = 0");
  EXPECT_EQ(decode_line(mem, v, "access", {kStr2, R_OK | W_OK}, 0),
            "access(\"acc.txt\", 0x6 /* R_OK|W_OK */) = 0");
  EXPECT_EQ(decode_line(mem, v, "access", {kStr2, 0x10}, kEINVAL),
            "access(\"acc.txt\", 0x10 /* ?_OK */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, v, "faccessat2", {kFdCwd, kStr2, R_OK, 0x8000}, kEINVAL),
            "faccessat2(-100 /* AT_FDCWD */, \"acc.txt\", 0x4 /* R_OK */, 0x8000 /* AT_??? */) = "
            "-1 EINVAL (Invalid argument)");
}

TEST_F(FileDecoders, Faccessat) {
  mem.map_string(kStr1, "acc.txt");
  EXPECT_EQ(decode_line(mem, opt, "faccessat", {kFdCwd, kStr1, W_OK}, 0),
            "faccessat(AT_FDCWD, \"acc.txt\", W_OK) = 0");
  EXPECT_EQ(decode_line(mem, opt, "faccessat2", {kFdCwd, kStr1, R_OK | W_OK | X_OK, AT_EACCESS}, 0),
            "faccessat2(AT_FDCWD, \"acc.txt\", R_OK|W_OK|X_OK, AT_EACCESS) = 0");
  EXPECT_EQ(decode_line(mem, opt, "faccessat2", {kFdCwd, kStr1, R_OK, 0x8000}, kEINVAL),
            "faccessat2(AT_FDCWD, \"acc.txt\", R_OK, 0x8000 /* AT_??? */) = -1 EINVAL (Invalid "
            "argument)");
}

// ---- links, renames ----------------------------------------------------------------

TEST_F(FileDecoders, LinksAndRenames) {
  mem.map_string(kStr1, "ed.txt");
  mem.map_string(kStr2, "ed3.txt");
  EXPECT_EQ(decode_line(mem, opt, "renameat2", {kFdCwd, kStr1, kFdCwd, kStr2, 0x20}, kEINVAL),
            "renameat2(AT_FDCWD, \"ed.txt\", AT_FDCWD, \"ed3.txt\", 0x20 /* RENAME_?? */) = -1 "
            "EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "renameat2", {kFdCwd, kStr1, kFdCwd, kStr2, 0x11}, kEINVAL),
            "renameat2(AT_FDCWD, \"ed.txt\", AT_FDCWD, \"ed3.txt\", RENAME_NOREPLACE|0x10) = -1 "
            "EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "linkat", {kFdCwd, kStr1, kFdCwd, kStr2, 0x10400}, kEINVAL),
            "linkat(AT_FDCWD, \"ed.txt\", AT_FDCWD, \"ed3.txt\", AT_SYMLINK_FOLLOW|0x10000) = -1 "
            "EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "unlinkat", {kFdCwd, kStr1, 0x400}, kEINVAL),
            "unlinkat(AT_FDCWD, \"ed.txt\", AT_SYMLINK_FOLLOW) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "symlinkat", {kStr1, kFdCwd, kStr2}, 0),
            "symlinkat(\"ed.txt\", AT_FDCWD, \"ed3.txt\") = 0");
  EXPECT_EQ(decode_line(mem, opt, "rename", {kStr1, kStr2}, 0), "rename(\"ed.txt\", \"ed3.txt\") = 0");
  EXPECT_EQ(decode_line(mem, opt, "unlink", {kStr1}, 0), "unlink(\"ed.txt\") = 0");
}

// ---- readlink, getcwd ----------------------------------------------------------------

TEST_F(FileDecoders, ReadlinkIsACountedBufferCutBySLimit) {
  mem.map_string(kStr1, "ed.lnk");
  mem.map_string(kBuf, "a-fairly-long-symlink-target-name-with-more-than-32-bytes");
  EXPECT_EQ(decode_line(mem, opt, "readlink", {kStr1, kBuf, 256}, 57),
            "readlink(\"ed.lnk\", \"a-fairly-long-symlink-target-nam\"..., 256) = 57");
  EXPECT_EQ(decode_line(mem, opt, "readlink", {kStr1, 0, 10}, kEFAULT),
            "readlink(\"ed.lnk\", NULL, 10) = -1 EFAULT (Bad address)");
  EXPECT_EQ(decode_line(mem, opt, "readlink", {kStr1, kBuf, 0}, kEINVAL),
            "readlink(\"ed.lnk\", 0x30000, 0) = -1 EINVAL (Invalid argument)");
  mem.map_string(kStr2, "/proc/self/exe");
  EXPECT_EQ(decode_line(mem, opt, "readlinkat", {kFdCwd, kStr2, kBuf, 4}, 4),
            "readlinkat(AT_FDCWD, \"/proc/self/exe\", \"a-fa\", 4) = 4");
}

TEST_F(FileDecoders, Getcwd) {
  mem.map_string(kBuf, "/tmp/ct/w");
  EXPECT_EQ(decode_line(mem, opt, "getcwd", {kBuf, 256}, 10), "getcwd(\"/tmp/ct/w\", 256) = 10");
  EXPECT_EQ(decode_line(mem, opt, "getcwd", {kBuf, 2}, -34),
            "getcwd(0x30000, 2) = -1 ERANGE (Numerical result out of range)");
  EXPECT_EQ(decode_line(mem, opt, "getcwd", {0, 0}, -34),
            "getcwd(NULL, 0) = -1 ERANGE (Numerical result out of range)");
}

// ---- modes, owners, devices ----------------------------------------------------------

TEST_F(FileDecoders, ModesAndOwners) {
  mem.map_string(kStr1, "ed.txt");
  EXPECT_EQ(decode_line(mem, opt, "chmod", {kStr1, 0x10000 | 04755}, 0), "chmod(\"ed.txt\", 04755) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fchmod", {3, 0}, 0), "fchmod(3, 000) = 0");
  EXPECT_EQ(decode_line(mem, opt, "mkdirat", {kFdCwd, kStr1, 0x10000}, -17),
            "mkdirat(AT_FDCWD, \"ed.txt\", 000) = -1 EEXIST (File exists)");
  EXPECT_EQ(decode_line(mem, opt, "chown", {kStr1, neg(-1), neg(-1)}, 0),
            "chown(\"ed.txt\", -1, -1) = 0");
  EXPECT_EQ(decode_line(mem, opt, "lchown", {kStr1, 0, 65534}, 0), "lchown(\"ed.txt\", 0, 65534) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fchown", {3, 0xffffffff, 0}, 0), "fchown(3, -1, 0) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fchownat", {kFdCwd, kStr1, 1000, neg(-1), 0x1100}, 0),
            "fchownat(AT_FDCWD, \"ed.txt\", 1000, -1, AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fchownat", {kFdCwd, kStr1, 0, 0, 0x8}, kEINVAL),
            "fchownat(AT_FDCWD, \"ed.txt\", 0, 0, 0x8 /* AT_??? */) = -1 EINVAL (Invalid argument)");
}

TEST_F(FileDecoders, ChownIsSixteenBitOnI386) {
  mem.map_string(kStr1, "i3.txt");
  EXPECT_EQ(decode_line(mem, opt, "chown", {kStr1, 0xffff, 0}, 0, Abi::kI386),
            "chown(\"i3.txt\", -1, 0) = 0");
  EXPECT_EQ(decode_line(mem, opt, "chown32", {kStr1, 0xffffffff, 0}, 0, Abi::kI386),
            "chown32(\"i3.txt\", -1, 0) = 0");
}

TEST_F(FileDecoders, Umask) {
  EXPECT_EQ(decode_line(mem, opt, "umask", {01777}, 022), "umask(01777) = 022");
  EXPECT_EQ(decode_line(mem, opt, "umask", {022}, 0777), "umask(022) = 0777");
}

TEST_F(FileDecoders, Mknod) {
  mem.map_string(kStr1, "chr.dev");
  EXPECT_EQ(decode_line(mem, opt, "mknod", {kStr1, S_IFCHR | 0600, 0x103}, 0),
            "mknod(\"chr.dev\", S_IFCHR|0600, makedev(0x1, 0x3)) = 0");
  EXPECT_EQ(decode_line(mem, opt, "mknod", {kStr1, S_IFIFO | 0644, 0}, 0),
            "mknod(\"chr.dev\", S_IFIFO|0644) = 0");
  EXPECT_EQ(decode_line(mem, opt, "mknod", {kStr1, S_IFREG | 07755, 0}, 0),
            "mknod(\"chr.dev\", S_IFREG|S_ISUID|S_ISGID|S_ISVTX|0755) = 0");
  EXPECT_EQ(decode_line(mem, opt, "mknod", {kStr1, 0170644, 0}, kEINVAL),
            "mknod(\"chr.dev\", 0170644) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "mknodat", {kFdCwd, kStr1, 0644, 0}, 0),
            "mknodat(AT_FDCWD, \"chr.dev\", 0644) = 0");
  FormatOptions v = opt;
  v.const_style = FormatOptions::ConstStyle::kVerbose;
  EXPECT_EQ(decode_line(mem, v, "mknod", {kStr1, S_IFCHR | 0600, 0x103}, 0),
            "mknod(\"chr.dev\", 020600 /* S_IFCHR|0600 */, 0x103 /* makedev(0x1, 0x3) */) = 0");
}

// ---- sizes, sync ------------------------------------------------------------------------

TEST_F(FileDecoders, SizesAndSync) {
  mem.map_string(kStr1, "ed.txt");
  EXPECT_EQ(decode_line(mem, opt, "truncate", {kStr1, neg(-5)}, 0),
            "truncate(\"ed.txt\", 18446744073709551611) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fallocate", {3, 0x810, neg(-1), 10}, -95),
            "fallocate(3, FALLOC_FL_ZERO_RANGE|0x800, -1, 10) = -1 EOPNOTSUPP (Operation not "
            "supported)");
  EXPECT_EQ(decode_line(mem, opt, "sync_file_range", {3, neg(-1), neg(-2), 0x10}, kEINVAL),
            "sync_file_range(3, -1, -2, 0x10 /* SYNC_FILE_RANGE_??? */) = -1 EINVAL (Invalid "
            "argument)");
  EXPECT_EQ(decode_line(mem, opt, "truncate64", {kStr1, 0x10, 0x1}, 0, Abi::kI386),
            "truncate64(\"ed.txt\", 4294967312) = 0");
  EXPECT_EQ(decode_line(mem, opt, "sync_file_range", {3, 0, 0, 4096, 0, 2}, 0, Abi::kI386),
            "sync_file_range(3, 0, 4096, SYNC_FILE_RANGE_WRITE) = 0");
}

// ---- times ----------------------------------------------------------------------------

TEST_F(FileDecoders, Utimensat) {
  mem.map_string(kStr1, "ed.txt");
  struct timespec ts[2] = {{1000000000, 1}, {0, UTIME_OMIT}};
  mem.map_struct(kStruct, ts);
  EXPECT_EQ(decode_line(mem, opt, "utimensat", {kFdCwd, kStr1, kStruct, 0}, 0),
            "utimensat(AT_FDCWD, \"ed.txt\", [{tv_sec=1000000000, tv_nsec=1} /* "
            "2001-09-09T01:46:40.000000001+0000 */, UTIME_OMIT], 0) = 0");
  FormatOptions v = opt;
  v.const_style = FormatOptions::ConstStyle::kVerbose;
  EXPECT_EQ(decode_line(mem, v, "utimensat", {kFdCwd, kStr1, kStruct, 0}, 0),
            "utimensat(-100 /* AT_FDCWD */, \"ed.txt\", [{tv_sec=1000000000, tv_nsec=1} /* "
            "2001-09-09T01:46:40.000000001+0000 */, {tv_sec=0, tv_nsec=1073741822} /* UTIME_OMIT "
            "*/], 0) = 0");
  struct timespec bad[2] = {{1000000000, 1000000000}, {1700000000, 999999999}};
  mem.map_struct(kStruct, bad);
  EXPECT_EQ(decode_line(mem, opt, "utimensat", {kFdCwd, kStr1, kStruct, 0}, kEINVAL),
            "utimensat(AT_FDCWD, \"ed.txt\", [{tv_sec=1000000000, tv_nsec=1000000000}, "
            "{tv_sec=1700000000, tv_nsec=999999999} /* 2023-11-14T22:13:20.999999999+0000 */], 0) "
            "= -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "utimensat", {3, 0, 0, 0x8000}, kEINVAL),
            "utimensat(3, NULL, NULL, AT_RECURSIVE) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "utimensat", {kFdCwd, kStr1, 8, 0}, kEFAULT),
            "utimensat(AT_FDCWD, \"ed.txt\", 0x8, 0) = -1 EFAULT (Bad address)");
}

TEST_F(FileDecoders, TimePairsAreArraysCutBySLimit) {
  mem.map_string(kStr1, "ed.txt");
  struct timespec ts[2] = {{0, UTIME_NOW}, {1700000000, 999999999}};
  mem.map_struct(kStruct, ts);
  FormatOptions s1 = opt;
  s1.string_limit = 1;
  EXPECT_EQ(decode_line(mem, s1, "utimensat", {kFdCwd, kStr1, kStruct, 0x100}, 0),
            "utimensat(AT_FDCWD, \"ed.txt\", [UTIME_NOW, ...], AT_SYMLINK_NOFOLLOW) = 0");
  s1.string_limit = 0;
  EXPECT_EQ(decode_line(mem, s1, "utimensat", {kFdCwd, kStr1, kStruct, 0x100}, 0),
            "utimensat(AT_FDCWD, \"ed.txt\", [...], AT_SYMLINK_NOFOLLOW) = 0");
}

TEST_F(FileDecoders, UtimesAndUtime) {
  mem.map_string(kStr1, "ed.txt");
  struct timeval tv[2] = {{0, 0}, {-1, 1000000}};
  mem.map_struct(kStruct, tv);
  EXPECT_EQ(decode_line(mem, opt, "utimes", {kStr1, kStruct}, kEINVAL),
            "utimes(\"ed.txt\", [{tv_sec=0, tv_usec=0}, {tv_sec=-1, tv_usec=1000000}]) = -1 EINVAL "
            "(Invalid argument)");
  int64_t ub[2] = {0, 1234567890};
  mem.map_struct(kStruct, ub);
  EXPECT_EQ(decode_line(mem, opt, "utime", {kStr1, kStruct}, 0),
            "utime(\"ed.txt\", {actime=0, modtime=1234567890 /* 2009-02-13T23:31:30+0000 */}) = 0");
  EXPECT_EQ(decode_line(mem, opt, "futimesat", {kFdCwd, kStr1, 0}, 0),
            "futimesat(AT_FDCWD, \"ed.txt\", NULL) = 0");
}

// ---- xattr ------------------------------------------------------------------------------

TEST_F(FileDecoders, XattrValueTrailingNulIsNotShown) {
  mem.map_string(kStr1, "user.nul");
  mem.map(kBuf, "with-nul\0", 10);
  EXPECT_EQ(decode_line(mem, opt, "fsetxattr", {3, kStr1, kBuf, 9, 0}, 0),
            "fsetxattr(3, \"user.nul\", \"with-nul\", 9, 0) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fgetxattr", {3, kStr1, kBuf, 256}, 9),
            "fgetxattr(3, \"user.nul\", \"with-nul\", 256) = 9");
  FormatOptions x = opt;
  x.hex_strings = 1;  // -x: the NUL makes the value non-printable, shown in hex
  EXPECT_EQ(decode_line(mem, x, "fgetxattr", {3, kStr1, kBuf, 256}, 9),
            "fgetxattr(3, \"user.nul\", \"\\x77\\x69\\x74\\x68\\x2d\\x6e\\x75\\x6c\\x00\", 256) = 9");
}

TEST_F(FileDecoders, XattrLongValues) {
  mem.map_string(kStr1, "user.big");
  std::string big(64, 'v');
  mem.map(kBuf, big.data(), big.size());
  EXPECT_EQ(decode_line(mem, opt, "fsetxattr", {3, kStr1, kBuf, 64, 0x6}, kEINVAL),
            "fsetxattr(3, \"user.big\", \"vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv\"..., 64, "
            "XATTR_REPLACE|0x4) = -1 EINVAL (Invalid argument)");
  // A NUL as the last shown byte ends the string: no "..." although longer.
  big[31] = '\0';
  mem.map(kBuf, big.data(), big.size());
  EXPECT_EQ(decode_line(mem, opt, "fgetxattr", {3, kStr1, kBuf, 256}, 64),
            "fgetxattr(3, \"user.big\", \"vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv\", 256) = 64");
  EXPECT_EQ(decode_line(mem, opt, "fsetxattr", {3, kStr1, kBuf, 70000, 0}, -7),
            "fsetxattr(3, \"user.big\", 0x30000, 70000, 0) = -1 E2BIG (Argument list too long)");
  EXPECT_EQ(decode_line(mem, opt, "fgetxattr", {3, kStr1, 0, 0}, 64),
            "fgetxattr(3, \"user.big\", NULL, 0) = 64");
  EXPECT_EQ(decode_line(mem, opt, "fgetxattr", {3, kStr1, 1, 100}, kEFAULT),
            "fgetxattr(3, \"user.big\", 0x1, 100) = -1 EFAULT (Bad address)");
}

TEST_F(FileDecoders, XattrList) {
  mem.map_string(kStr1, "xa.txt");
  mem.map(kBuf, "user.corpus\0user.bin\0", 21);
  EXPECT_EQ(decode_line(mem, opt, "listxattr", {kStr1, kBuf, 128}, 21),
            "listxattr(\"xa.txt\", \"user.corpus\\0user.bin\\0\", 128) = 21");
  EXPECT_EQ(decode_line(mem, opt, "listxattr", {kStr1, 0, 0}, 21),
            "listxattr(\"xa.txt\", NULL, 0) = 21");
  EXPECT_EQ(decode_line(mem, opt, "flistxattr", {3, kBuf, 3}, -34),
            "flistxattr(3, 0x30000, 3) = -1 ERANGE (Numerical result out of range)");
  EXPECT_EQ(decode_line(mem, opt, "removexattr", {kStr1, kStr1}, 0),
            "removexattr(\"xa.txt\", \"xa.txt\") = 0");
}

// ---- handles, memfd, notify ----------------------------------------------------------

TEST_F(FileDecoders, NameToHandleAt) {
  mem.map_string(kStr1, "fh.txt");
  struct {
    uint32_t bytes;
    int32_t type;
    unsigned char h[8];
  } fh{128, 0, {}};
  mem.map_struct(kStruct, fh);
  int32_t mount_id = 27;
  mem.map_struct(kBuf, mount_id);
  // The kernel rewrites handle_bytes before the exit is decoded: emulate by
  // decoding entry and exit by hand.
  const SyscallDesc* d = syscall_by_name(Abi::kX86_64, "name_to_handle_at");
  ASSERT_NE(d, nullptr);
  const DecoderEntry* dec = find_decoder(Abi::kX86_64, d->nr);
  ASSERT_NE(dec, nullptr);
  std::string out = "name_to_handle_at(";
  Printer p(&out, &opt, &mem);
  Call c;
  c.desc = d;
  c.p = &p;
  c.args[0] = kFdCwd;
  c.args[1] = kStr1;
  c.args[2] = kStruct;
  c.args[3] = kBuf;
  c.args[4] = 0;
  EXPECT_FALSE(dec->fn(c));
  fh = {8, 1, {0x7d, 0xa5, 0xa7, 0x00, 0x25, 0x7f, 0xba, 0x66}};
  mem.map_struct(kStruct, fh);
  c.exiting = true;
  c.rval = 0;
  EXPECT_TRUE(dec->fn(c));
  EXPECT_EQ(out,
            "name_to_handle_at(AT_FDCWD, \"fh.txt\", {handle_bytes=128 => 8, handle_type=1, "
            "f_handle=\"\\x7d\\xa5\\xa7\\x00\\x25\\x7f\\xba\\x66\"}, [27], 0");

  fh = {0, 0, {}};
  mem.map_struct(kStruct, fh);
  EXPECT_EQ(decode_line(mem, opt, "name_to_handle_at", {kFdCwd, kStr1, kStruct, kBuf, 0}, kEOVERFLOW),
            "name_to_handle_at(AT_FDCWD, \"fh.txt\", {handle_bytes=0}, 0x30000, 0) = -1 EOVERFLOW "
            "(Value too large for defined data type)");
  EXPECT_EQ(decode_line(mem, opt, "name_to_handle_at", {kFdCwd, kStr1, 0, kBuf, 0x8000}, kEFAULT),
            "name_to_handle_at(AT_FDCWD, \"fh.txt\", NULL, 0x30000, 0x8000 /* AT_??? */) = -1 EFAULT "
            "(Bad address)");
}

TEST_F(FileDecoders, MemfdCreate) {
  mem.map_string(kStr1, "huge");
  EXPECT_EQ(decode_line(mem, opt, "memfd_create", {kStr1, 0x54000004}, 4),
            "memfd_create(\"huge\", MFD_HUGETLB|21<<MFD_HUGE_SHIFT) = 4");
  EXPECT_EQ(decode_line(mem, opt, "memfd_create", {kStr1, 0}, 4), "memfd_create(\"huge\", 0) = 4");
  EXPECT_EQ(decode_line(mem, opt, "memfd_create", {kStr1, 0x1000}, kEINVAL),
            "memfd_create(\"huge\", 0x1000 /* MFD_??? */) = -1 EINVAL (Invalid argument)");
  FormatOptions v = opt;
  v.const_style = FormatOptions::ConstStyle::kVerbose;
  EXPECT_EQ(decode_line(mem, v, "memfd_create", {kStr1, 0x1000}, kEINVAL),
            "memfd_create(\"huge\", 0x1000 /* 0x1000 /* MFD_??? */ */) = -1 EINVAL (Invalid "
            "argument)");
  EXPECT_EQ(decode_line(mem, v, "memfd_create", {kStr1, 0x54000004}, 4),
            "memfd_create(\"huge\", 0x54000004 /* MFD_HUGETLB|21<<MFD_HUGE_SHIFT */) = 4");
}

TEST_F(FileDecoders, CloseRangeAndInotify) {
  EXPECT_EQ(decode_line(mem, opt, "close_range", {100, 0xffffffff, 2}, 0),
            "close_range(100, 4294967295, CLOSE_RANGE_UNSHARE) = 0");
  EXPECT_EQ(decode_line(mem, opt, "close_range", {100, 200, 8}, kEINVAL),
            "close_range(100, 200, 0x8 /* CLOSE_RANGE_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "inotify_init1", {0x4}, kEINVAL),
            "inotify_init1(0x4 /* IN_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "inotify_rm_watch", {3, neg(-1)}, kEINVAL),
            "inotify_rm_watch(3, -1) = -1 EINVAL (Invalid argument)");
}

TEST_F(FileDecoders, Fanotify) {
  EXPECT_EQ(decode_line(mem, opt, "fanotify_init", {0x80000000 | 0xc, 0}, kEINVAL),
            "fanotify_init(0xc /* FAN_CLASS_??? */|0x80000000 /* FAN_??? */, O_RDONLY) = -1 EINVAL "
            "(Invalid argument)");
  mem.map_string(kStr1, "fh.txt");
  EXPECT_EQ(decode_line(mem, opt, "fanotify_mark", {3, 0x9, 0x2, neg(-1), kStr1}, 0),
            "fanotify_mark(3, FAN_MARK_ADD|FAN_MARK_ONLYDIR, FAN_MODIFY, FAN_NOFD, \"fh.txt\") = 0");
}

// ---- mount family ------------------------------------------------------------------------

TEST_F(FileDecoders, Mount) {
  mem.map_string(kStr1, "src");
  mem.map_string(kStr2, "missing-dir");
  mem.map_string(kBuf, "ext4");
  EXPECT_EQ(decode_line(mem, opt, "mount", {kStr1, kStr2, kBuf, 0xc0ed0001, 0}, kENOENT),
            "mount(\"src\", \"missing-dir\", \"ext4\", MS_MGC_VAL|MS_RDONLY, NULL) = -1 ENOENT (No "
            "such file or directory)");
  EXPECT_EQ(decode_line(mem, opt, "mount", {kStr1, kStr2, 0, 0x5000, kBuf}, kENOENT),
            "mount(\"src\", \"missing-dir\", NULL, MS_BIND|MS_REC, 0x30000) = -1 ENOENT (No such "
            "file or directory)");
  EXPECT_EQ(decode_line(mem, opt, "umount2", {kStr2, 0x10}, kEINVAL),
            "umount2(\"missing-dir\", 0x10 /* MNT_??? */) = -1 EINVAL (Invalid argument)");
}

TEST_F(FileDecoders, Quotactl) {
  EXPECT_EQ(decode_line(mem, opt, "quotactl", {0x80000100, 0, 0, 0}, 0),
            "quotactl(QCMD(Q_SYNC, USRQUOTA), NULL) = 0");
  mem.map_string(kStr1, "/dev/no-such-dev");
  EXPECT_EQ(decode_line(mem, opt, "quotactl", {(0x12345u << 8) | 7, kStr1, neg(-1), 0}, kEINVAL),
            "quotactl(QCMD(0x12345 /* Q_??? */, 0x7 /* ???QUOTA */), \"/dev/no-such-dev\", -1, "
            "NULL) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "quotactl", {0x80000701, kStr1, 1000, 0}, kENOENT),
            "quotactl(QCMD(Q_GETQUOTA, GRPQUOTA), \"/dev/no-such-dev\", 1000, NULL) = -1 ENOENT "
            "(No such file or directory)");
}

TEST_F(FileDecoders, Swapon) {
  mem.map_string(kStr1, "no-swap-file");
  EXPECT_EQ(decode_line(mem, opt, "swapon", {kStr1, 0x8000 | 10}, kENOENT),
            "swapon(\"no-swap-file\", SWAP_FLAG_PREFER|10) = -1 ENOENT (No such file or directory)");
  EXPECT_EQ(decode_line(mem, opt, "swapon", {kStr1, 0x110000}, kEINVAL),
            "swapon(\"no-swap-file\", SWAP_FLAG_DISCARD|0x100000|0) = -1 EINVAL (Invalid argument)");
}

// ---- split at the first output argument ----------------------------------------------------

TEST_F(FileDecoders, EntryPartStopsBeforeOutputArguments) {
  mem.map_string(kStr1, "ed.lnk");
  const SyscallDesc* d = syscall_by_name(Abi::kX86_64, "readlink");
  const DecoderEntry* dec = find_decoder(Abi::kX86_64, d->nr);
  std::string out;
  Printer p(&out, &opt, &mem);
  Call c;
  c.desc = d;
  c.p = &p;
  c.args[0] = kStr1;
  EXPECT_FALSE(dec->fn(c));
  EXPECT_EQ(out, "\"ed.lnk\", ");
}

}  // namespace
}  // namespace syscope

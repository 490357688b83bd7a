// SPDX-License-Identifier: MIT
// io-family decoders (src/decoders/io*.cc) over a fake tracee. Every expected
// line was printed by strace 6.1 for the same arguments and memory
// (tests/corpus/io_*.c, file_vec.c, file_pipe.c, file_dup.c, dir_getdents.c).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "support/fake_tracee.h"

namespace syscope {
namespace {

using testing::FakeTracee;
using testing::decode_line;

constexpr uint64_t kBuf = 0x10000, kBuf2 = 0x20000, kIov = 0x30000, kStruct = 0x40000;
constexpr int64_t kEBADF = -9, kEFAULT = -14, kEINVAL = -22;

class IoDecoders : public ::testing::Test {
 protected:
  void map_iov(uint64_t at, std::initializer_list<std::pair<uint64_t, uint64_t>> v) {
    uint64_t a = at;
    for (auto [base, len] : v) {
      mem.map_struct(a, base);
      mem.map_struct(a + 8, len);
      a += 16;
    }
  }
  FakeTracee mem;
  FormatOptions opt;
};

// ---- read/write ---------------------------------------------------------------

TEST_F(IoDecoders, ReadShowsReturnedBytes) {
  mem.map_string(kBuf, "0123456789abcdef");
  EXPECT_EQ(decode_line(mem, opt, "read", {3, kBuf, 10}, 10), "read(3, \"0123456789\", 10) = 10");
  EXPECT_EQ(decode_line(mem, opt, "read", {3, kBuf, 128}, 0), "read(3, \"\", 128) = 0");
}

TEST_F(IoDecoders, ReadFailedPrintsAddress) {
  EXPECT_EQ(decode_line(mem, opt, "read", {999, 0x7ffe40fab1f0, 1}, kEBADF),
            "read(999, 0x7ffe40fab1f0, 1) = -1 EBADF (Bad file descriptor)");
}

TEST_F(IoDecoders, WriteTruncatedAtStringLimit) {
  const char* s = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  mem.map_string(kBuf, s);
  EXPECT_EQ(decode_line(mem, opt, "write", {3, kBuf, 62}, 62),
            "write(3, \"0123456789abcdefghijklmnopqrstuv\"..., 62) = 62");
  opt.string_limit = 5;
  EXPECT_EQ(decode_line(mem, opt, "write", {3, kBuf, 62}, 62), "write(3, \"01234\"..., 62) = 62");
}

TEST_F(IoDecoders, WriteBinaryAndNull) {
  const unsigned char b[] = {0, 1, 2, 3, 0177, 0200, 0377, ' ', 'b', 'i', 'n', 'a', 'r', 'y',
                             '\n', '\t', '"', '\\'};
  mem.map(kBuf, b, sizeof b);
  EXPECT_EQ(decode_line(mem, opt, "write", {3, kBuf, sizeof b}, sizeof b),
            "write(3, \"\\0\\1\\2\\3\\177\\200\\377 binary\\n\\t\\\"\\\\\", 18) = 18");
  EXPECT_EQ(decode_line(mem, opt, "write", {3, 0, 0}, 0), "write(3, NULL, 0) = 0");
  EXPECT_EQ(decode_line(mem, opt, "write", {3, kBuf, 0}, 0), "write(3, \"\", 0) = 0");
  EXPECT_EQ(decode_line(mem, opt, "write", {3, 8, 4}, kEFAULT),
            "write(3, 0x8, 4) = -1 EFAULT (Bad address)");
}

TEST_F(IoDecoders, PreadPwriteOffsets) {
  mem.map_string(kBuf, "EFGHIJKLMNOPQRST");
  EXPECT_EQ(decode_line(mem, opt, "pread64", {3, kBuf, 16, 40}, 16),
            "pread64(3, \"EFGHIJKLMNOPQRST\", 16, 40) = 16");
  mem.map_string(kBuf2, "patch");
  EXPECT_EQ(decode_line(mem, opt, "pwrite64", {3, kBuf2, 5, 3}, 5),
            "pwrite64(3, \"patch\", 5, 3) = 5");
  EXPECT_EQ(decode_line(mem, opt, "pread64", {3, kBuf, 16, static_cast<uint64_t>(-1)}, kEINVAL),
            "pread64(3, 0x10000, 16, -1) = -1 EINVAL (Invalid argument)");
}

TEST_F(IoDecoders, LseekWhence) {
  EXPECT_EQ(decode_line(mem, opt, "lseek", {3, static_cast<uint64_t>(-5), 2}, 75),
            "lseek(3, -5, SEEK_END) = 75");
  EXPECT_EQ(decode_line(mem, opt, "lseek", {3, 0, 7}, kEINVAL),
            "lseek(3, 0, 0x7 /* SEEK_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "lseek", {3, 0, 4}, 80), "lseek(3, 0, SEEK_HOLE) = 80");
}

// ---- vectored I/O ---------------------------------------------------------------

TEST_F(IoDecoders, WritevPrintsEveryIovec) {
  mem.map_string(kBuf, "abcdefghijklmnopqrstuvwxyz");
  mem.map_string(kBuf + 100, "0123456789");
  mem.map_string(kBuf + 200, "tail\n");
  map_iov(kIov, {{kBuf, 26}, {kBuf + 100, 10}, {0, 0}, {kBuf + 200, 5}});
  EXPECT_EQ(decode_line(mem, opt, "writev", {3, kIov, 4}, 41),
            "writev(3, [{iov_base=\"abcdefghijklmnopqrstuvwxyz\", iov_len=26}, "
            "{iov_base=\"0123456789\", iov_len=10}, {iov_base=NULL, iov_len=0}, "
            "{iov_base=\"tail\\n\", iov_len=5}], 4) = 41");
  EXPECT_EQ(decode_line(mem, opt, "writev", {3, 0, 0}, 0), "writev(3, NULL, 0) = 0");
  EXPECT_EQ(decode_line(mem, opt, "writev", {3, 0x10, 1}, kEFAULT),
            "writev(3, 0x10, 1) = -1 EFAULT (Bad address)");
}

TEST_F(IoDecoders, ReadvCapsDataByReturnValue) {
  mem.map_string(kBuf, "first se");
  mem.map_string(kBuf + 100, "cond\nthird-part");
  mem.map_string(kBuf + 200, "xxxx");
  map_iov(kIov, {{kBuf, 8}, {kBuf + 100, 16}, {kBuf + 200, 4}});
  EXPECT_EQ(decode_line(mem, opt, "readv", {3, kIov, 3}, 23),
            "readv(3, [{iov_base=\"first se\", iov_len=8}, {iov_base=\"cond\\nthird-part\", "
            "iov_len=16}, {iov_base=\"\", iov_len=4}], 3) = 23");
  // A failed readv still shows the iovecs, with addresses for the buffers.
  EXPECT_EQ(decode_line(mem, opt, "readv", {999, kIov, 2}, kEBADF),
            "readv(999, [{iov_base=0x10000, iov_len=8}, {iov_base=0x10064, iov_len=16}], 2) = "
            "-1 EBADF (Bad file descriptor)");
}

TEST_F(IoDecoders, IovecArrayAbbreviatedAndTruncated) {
  mem.map_string(kBuf, "x");
  for (int i = 0; i < 40; ++i) map_iov(kIov + 16 * i, {{kBuf, 1}});
  opt.string_limit = 2;
  EXPECT_EQ(decode_line(mem, opt, "writev", {3, kIov, 40}, 40),
            "writev(3, [{iov_base=\"x\", iov_len=1}, {iov_base=\"x\", iov_len=1}, ...], 40) = 40");
  opt.abbrev = false;
  opt.string_limit = 32;
  // The second element is unreadable.
  EXPECT_EQ(decode_line(mem, opt, "writev", {3, kIov + 16 * 39, 2}, kEFAULT),
            "writev(3, [{iov_base=\"x\", iov_len=1}, ... /* 0x30280 */], 2) = -1 EFAULT (Bad "
            "address)");
}

TEST_F(IoDecoders, PreadvPwritev2Flags) {
  mem.map_string(kBuf, "abcdefghijklmnopqrst");
  map_iov(kIov, {{kBuf, 20}});
  EXPECT_EQ(decode_line(mem, opt, "preadv2", {3, kIov, 1, static_cast<uint64_t>(-1),
                                              static_cast<uint64_t>(-1), 8}, 20),
            "preadv2(3, [{iov_base=\"abcdefghijklmnopqrst\", iov_len=20}], 1, -1, RWF_NOWAIT) = 20");
  EXPECT_EQ(decode_line(mem, opt, "pwritev2", {3, kIov, 1, 0, 0, 0x100}, 20),
            "pwritev2(3, [{iov_base=\"abcdefghijklmnopqrst\", iov_len=20}], 1, 0, 0x100 /* "
            "RWF_??? */) = 20");
  EXPECT_EQ(decode_line(mem, opt, "pwritev2", {3, kIov, 1, 0, 0, 6}, 20),
            "pwritev2(3, [{iov_base=\"abcdefghijklmnopqrst\", iov_len=20}], 1, 0, "
            "RWF_DSYNC|RWF_SYNC) = 20");
  EXPECT_EQ(decode_line(mem, opt, "preadv", {3, kIov, 1, 50}, 20),
            "preadv(3, [{iov_base=\"abcdefghijklmnopqrst\", iov_len=20}], 1, 50) = 20");
}

// ---- dup, pipe, eventfd ---------------------------------------------------------------

TEST_F(IoDecoders, DupFamily) {
  EXPECT_EQ(decode_line(mem, opt, "dup", {3}, 4), "dup(3) = 4");
  EXPECT_EQ(decode_line(mem, opt, "dup2", {3, static_cast<uint64_t>(-1)}, kEBADF),
            "dup2(3, -1) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(decode_line(mem, opt, "dup3", {3, 20, 02000004}, kEINVAL),
            "dup3(3, 20, O_CLOEXEC|0x4) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "dup3", {3, 21, 0}, 21), "dup3(3, 21, 0) = 21");
}

TEST_F(IoDecoders, DupReturnsFdWithPath) {
  opt.decode_fds = 1;
  mem.set_fd_path(3, "/tmp/a");
  mem.set_fd_path(4, "/tmp/a");
  EXPECT_EQ(decode_line(mem, opt, "dup", {3}, 4), "dup(3</tmp/a>) = 4</tmp/a>");
}

TEST_F(IoDecoders, PipePrintedAtExit) {
  const int32_t fds[2] = {3, 4};
  mem.map(kBuf, fds, sizeof fds);
  EXPECT_EQ(decode_line(mem, opt, "pipe2", {kBuf, 02000000}, 0), "pipe2([3, 4], O_CLOEXEC) = 0");
  EXPECT_EQ(decode_line(mem, opt, "pipe2", {kBuf, 0}, 0), "pipe2([3, 4], 0) = 0");
  EXPECT_EQ(decode_line(mem, opt, "pipe2", {kBuf, 0x12345678}, kEINVAL),
            "pipe2(0x10000, O_CREAT|O_TRUNC|O_APPEND|O_SYNC|O_DIRECT|O_NOATIME|O_PATH|0x12000038) "
            "= -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "pipe", {kBuf}, 0), "pipe([3, 4]) = 0");
  EXPECT_EQ(decode_line(mem, opt, "pipe", {0}, kEFAULT), "pipe(NULL) = -1 EFAULT (Bad address)");
  EXPECT_EQ(decode_line(mem, opt, "pipe2", {8, 0}, kEFAULT),
            "pipe2(0x8, 0) = -1 EFAULT (Bad address)");
}

TEST_F(IoDecoders, EventfdFlags) {
  EXPECT_EQ(decode_line(mem, opt, "eventfd2", {3, 02004000}, 3),
            "eventfd2(3, EFD_CLOEXEC|EFD_NONBLOCK) = 3");
  EXPECT_EQ(decode_line(mem, opt, "eventfd2", {0, 02000021}, kEINVAL),
            "eventfd2(0, EFD_SEMAPHORE|EFD_CLOEXEC|0x10) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "eventfd2", {0xffffffff, 04000}, 5),
            "eventfd2(4294967295, EFD_NONBLOCK) = 5");
  EXPECT_EQ(decode_line(mem, opt, "eventfd", {0}, 3), "eventfd(0) = 3");
}

// ---- sendfile, splice ---------------------------------------------------------------

TEST_F(IoDecoders, SendfileOffsetInOut) {
  uint64_t off = 15;
  mem.map_struct(kBuf, off);
  EXPECT_EQ(decode_line(mem, opt, "sendfile", {5, 3, kBuf, 10}, 10),
            "sendfile(5, 3, [15] => [15], 10) = 10");
  EXPECT_EQ(decode_line(mem, opt, "sendfile", {5, 3, kBuf, 0}, 0), "sendfile(5, 3, [15], 0) = 0");
  EXPECT_EQ(decode_line(mem, opt, "sendfile", {5, 3, 0, 10}, 10), "sendfile(5, 3, NULL, 10) = 10");
  EXPECT_EQ(decode_line(mem, opt, "sendfile", {5, 3, 8, 4}, kEFAULT),
            "sendfile(5, 3, 0x8, 4) = -1 EFAULT (Bad address)");
}

TEST_F(IoDecoders, SpliceTeeVmspliceCopyFileRange) {
  uint64_t off = 2;
  mem.map_struct(kBuf, off);
  EXPECT_EQ(decode_line(mem, opt, "splice", {3, kBuf, 5, 0, 5, 0x102}, 5),
            "splice(3, [2], 5, NULL, 5, SPLICE_F_NONBLOCK|0x100) = 5");
  EXPECT_EQ(decode_line(mem, opt, "tee", {3, 4, 100, 0}, 5), "tee(3, 4, 100, 0) = 5");
  mem.map_string(kBuf2, "onetwo");
  map_iov(kIov, {{kBuf2, 3}, {kBuf2 + 3, 3}});
  EXPECT_EQ(decode_line(mem, opt, "vmsplice", {4, kIov, 2, 8}, 6),
            "vmsplice(4, [{iov_base=\"one\", iov_len=3}, {iov_base=\"two\", iov_len=3}], 2, "
            "SPLICE_F_GIFT) = 6");
  EXPECT_EQ(decode_line(mem, opt, "copy_file_range", {3, kBuf, 3, 0, 10, 1}, kEINVAL),
            "copy_file_range(3, [2], 3, NULL, 10, 1) = -1 EINVAL (Invalid argument)");
}

// ---- fcntl ----------------------------------------------------------------------------

TEST_F(IoDecoders, FcntlStatusAndFdFlags) {
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 3}, 0x8402),
            "fcntl(3, F_GETFL) = 0x8402 (flags O_RDWR|O_APPEND|O_LARGEFILE)");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {5, 3}, 0x800),
            "fcntl(5, F_GETFL) = 0x800 (flags O_RDONLY|O_NONBLOCK)");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 4, 0x40004802}, 0),
            "fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK|O_DIRECT|0x40000000) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 1}, 0), "fcntl(3, F_GETFD) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 1}, 1), "fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 2, 3}, 0), "fcntl(3, F_SETFD, FD_CLOEXEC|0x2) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {999, 3}, kEBADF),
            "fcntl(999, F_GETFL) = -1 EBADF (Bad file descriptor)");
}

TEST_F(IoDecoders, FcntlXStyles) {
  opt.const_style = FormatOptions::ConstStyle::kRaw;
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 1}, 1), "fcntl(3, 0x1) = 0x1 (flags 0x1)");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 4, 0x40004802}, 0), "fcntl(3, 0x4, 0x40004802) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 3}, 0x8402),
            "fcntl(3, 0x3) = 0x8402 (flags O_RDWR|O_APPEND|O_LARGEFILE)");
  opt.const_style = FormatOptions::ConstStyle::kVerbose;
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 1}, 1),
            "fcntl(3, 0x1 /* F_GETFD */) = 0x1 (flags 0x1 /* FD_CLOEXEC */)");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 4, 0x40004802}, 0),
            "fcntl(3, 0x4 /* F_SETFL */, 0x40004802 /* O_RDWR|O_NONBLOCK|O_DIRECT|0x40000000 */) "
            "= 0");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 2, 0}, 0), "fcntl(3, 0x2 /* F_SETFD */, 0) = 0");
}

TEST_F(IoDecoders, FcntlDupfdReturnsFd) {
  opt.decode_fds = 1;
  mem.set_fd_path(3, "/x");
  mem.set_fd_path(4, "/x");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 1030, 0}, 4),
            "fcntl(3</x>, F_DUPFD_CLOEXEC, 0) = 4</x>");
  opt.decode_fds = 0;
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 0, 0xffffffff}, kEINVAL),
            "fcntl(3, F_DUPFD, 4294967295) = -1 EINVAL (Invalid argument)");
}

TEST_F(IoDecoders, FcntlLocks) {
  struct {
    int16_t type, whence;
    int32_t pad;
    int64_t start, len;
    int32_t pid, pad2;
  } fl = {1, 2, 0, -10, 0, 1234, 0};
  mem.map_struct(kStruct, fl);
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 7, kStruct}, kEINVAL),
            "fcntl(3, F_SETLKW, {l_type=F_WRLCK, l_whence=SEEK_END, l_start=-10, l_len=0}) = -1 "
            "EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 5, kStruct}, 0),
            "fcntl(3, F_GETLK, {l_type=F_WRLCK, l_whence=SEEK_END, l_start=-10, l_len=0, "
            "l_pid=1234}) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 5, kStruct}, kEINVAL),
            "fcntl(3, F_GETLK, 0x40000) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 5, 0}, kEFAULT),
            "fcntl(3, F_GETLK, NULL) = -1 EFAULT (Bad address)");
  fl.type = 7;
  mem.map_struct(kStruct, fl);
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 37, kStruct}, kEINVAL),
            "fcntl(3, F_OFD_SETLK, {l_type=0x7 /* F_??? */, l_whence=SEEK_END, l_start=-10, "
            "l_len=0}) = -1 EINVAL (Invalid argument)");
}

TEST_F(IoDecoders, FcntlOwnersSignalsLeasesSeals) {
  int32_t owner[2] = {1, 0};
  mem.map_struct(kStruct, owner);
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 16, kStruct}, 0),
            "fcntl(3, F_GETOWN_EX, {type=F_OWNER_PID, pid=0}) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 15, 0}, kEFAULT),
            "fcntl(3, F_SETOWN_EX, NULL) = -1 EFAULT (Bad address)");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 10, 10}, 0), "fcntl(3, F_SETSIG, SIGUSR1) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 11}, 10), "fcntl(3, F_GETSIG) = 10 (SIGUSR1)");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 1025}, 2), "fcntl(3, F_GETLEASE) = 0x2 (F_UNLCK)");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 1024, 99}, kEINVAL),
            "fcntl(3, F_SETLEASE, 0x63 /* F_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {5, 1033, 0x106}, kEINVAL),
            "fcntl(5, F_ADD_SEALS, F_SEAL_SHRINK|F_SEAL_GROW|0x100) = -1 EINVAL (Invalid "
            "argument)");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {5, 1034}, 6),
            "fcntl(5, F_GET_SEALS) = 0x6 (seals F_SEAL_SHRINK|F_SEAL_GROW)");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {5, 1034}, 0), "fcntl(5, F_GET_SEALS) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {5, 1026, 0x100c}, 0),
            "fcntl(5, F_NOTIFY, DN_CREATE|DN_DELETE|0x1000) = 0");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {5, 1031, 0xffffffff}, kEINVAL),
            "fcntl(5, F_SETPIPE_SZ, 4294967295) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {5, 1032}, 65536), "fcntl(5, F_GETPIPE_SZ) = 65536");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 1029, 5}, kEINVAL),
            "fcntl(3, F_CANCELLK, 0x5) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(mem, opt, "fcntl", {3, 12, 0}, kEINVAL),
            "fcntl(3, F_GETLK64, 0) = -1 EINVAL (Invalid argument)");
}

// ---- getdents -------------------------------------------------------------------------

// Lays out linux_dirent64 records like the kernel (8-byte aligned).
uint64_t put_dirent64(FakeTracee& mem, uint64_t at, uint64_t ino, int64_t off, uint8_t type,
                      const char* name) {
  size_t nlen = strlen(name) + 1;
  uint16_t reclen = static_cast<uint16_t>((19 + nlen + 7) & ~size_t{7});
  std::string rec(reclen, '\0');
  std::memcpy(&rec[0], &ino, 8);
  std::memcpy(&rec[8], &off, 8);
  std::memcpy(&rec[16], &reclen, 2);
  rec[18] = static_cast<char>(type);
  std::memcpy(&rec[19], name, nlen - 1);
  mem.map(at, rec.data(), rec.size());
  return at + reclen;
}

TEST_F(IoDecoders, Getdents64AbbreviatedAndVerbose) {
  uint64_t end = put_dirent64(mem, kBuf, 100, 1, 4, ".");
  end = put_dirent64(mem, end, 101, 2, 4, "..");
  end = put_dirent64(mem, end, 102, 3, 8, "beta");
  const uint64_t len = end - kBuf;
  EXPECT_EQ(decode_line(mem, opt, "getdents64", {3, kBuf, 4096}, static_cast<int64_t>(len)),
            "getdents64(3, 0x10000 /* 3 entries */, 4096) = 72");
  EXPECT_EQ(decode_line(mem, opt, "getdents64", {3, kBuf, 4096}, 0),
            "getdents64(3, 0x10000 /* 0 entries */, 4096) = 0");
  opt.abbrev = false;
  EXPECT_EQ(decode_line(mem, opt, "getdents64", {3, kBuf, 4096}, static_cast<int64_t>(len)),
            "getdents64(3, [{d_ino=100, d_off=1, d_reclen=24, d_type=DT_DIR, d_name=\".\"}, "
            "{d_ino=101, d_off=2, d_reclen=24, d_type=DT_DIR, d_name=\"..\"}, {d_ino=102, d_off=3, "
            "d_reclen=24, d_type=DT_REG, d_name=\"beta\"}], 4096) = 72");
  EXPECT_EQ(decode_line(mem, opt, "getdents64", {3, kBuf, 4096}, 0),
            "getdents64(3, [], 4096) = 0");
  EXPECT_EQ(decode_line(mem, opt, "getdents64", {3, kBuf, 8}, kEINVAL),
            "getdents64(3, 0x10000, 8) = -1 EINVAL (Invalid argument)");
}

TEST_F(IoDecoders, GetdentsOldLayout) {
  // linux_dirent: d_ino, d_off (longs), d_reclen, d_name, NUL, pad, d_type last.
  std::string rec(24, '\0');
  uint64_t ino = 7, off = 9;
  uint16_t reclen = 24;
  std::memcpy(&rec[0], &ino, 8);
  std::memcpy(&rec[8], &off, 8);
  std::memcpy(&rec[16], &reclen, 2);
  rec.replace(18, 4, "beta");
  rec[23] = 8;
  mem.map(kBuf, rec.data(), rec.size());
  opt.abbrev = false;
  EXPECT_EQ(decode_line(mem, opt, "getdents", {3, kBuf, 4096}, 24),
            "getdents(3, [{d_ino=7, d_off=9, d_reclen=24, d_name=\"beta\", d_type=DT_REG}], "
            "4096) = 24");
}

}  // namespace
}  // namespace syscope

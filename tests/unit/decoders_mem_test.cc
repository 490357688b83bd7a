// SPDX-License-Identifier: MIT
// Memory decoders against strace 6.1 output captured on the corpus programs.
#include <gtest/gtest.h>
#include <sys/mman.h>

#include "support/fake_tracee.h"

namespace syscope {
namespace {

using testing::decode_line;
using testing::FakeTracee;

constexpr uint64_t kA = 0x10000;

FormatOptions opts() { return FormatOptions{}; }
FormatOptions style(FormatOptions::ConstStyle s) {
  FormatOptions o;
  o.const_style = s;
  return o;
}

TEST(DecodersMem, BrkAndMmap) {
  FakeTracee m;
  EXPECT_EQ(decode_line(m, opts(), "brk", {0}, 0x563f7588b000), "brk(NULL) = 0x563f7588b000");
  EXPECT_EQ(decode_line(m, opts(), "mmap",
                        {0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                         static_cast<uint64_t>(-1), 0},
                        0x7f953c59a000),
            "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = "
            "0x7f953c59a000");
  EXPECT_EQ(decode_line(m, opts(), "mmap",
                        {0x7f953c3d3000, 1400832, PROT_READ | PROT_EXEC,
                         MAP_PRIVATE | MAP_FIXED | MAP_DENYWRITE, 3, 0x26000},
                        0x7f953c3d3000),
            "mmap(0x7f953c3d3000, 1400832, PROT_READ|PROT_EXEC, "
            "MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7f953c3d3000");
  EXPECT_EQ(decode_line(m, opts(), "mmap",
                        {0, 8392704, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK,
                         static_cast<uint64_t>(-1), 0},
                        0x7f953bba9000),
            "mmap(NULL, 8392704, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_STACK, -1, 0) = "
            "0x7f953bba9000");
  EXPECT_EQ(decode_line(m, opts(), "mmap",
                        {0, 2 << 20, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | (21 << 26),
                         static_cast<uint64_t>(-1), 0},
                        -12),
            "mmap(NULL, 2097152, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, "
            "-1, 0) = -1 ENOMEM (Cannot allocate memory)");
  EXPECT_EQ(decode_line(m, opts(), "mmap",
                        {0, 4096, PROT_READ, 0xf, static_cast<uint64_t>(-1), 0}, -22),
            "mmap(NULL, 4096, PROT_READ, 0xf /* MAP_??? */, -1, 0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(m, opts(), "mmap", {0, 4096, PROT_READ, 0, 3, 0}, 0x7f0000001000),
            "mmap(NULL, 4096, PROT_READ, MAP_FILE, 3, 0) = 0x7f0000001000");
}

TEST(DecodersMem, I386) {
  FakeTracee m;
  EXPECT_EQ(decode_line(m, opts(), "mmap2",
                        {0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, 0xffffffff, 0},
                        0xf7fc6000, Abi::kI386),
            "mmap2(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xf7fc6000");
}

TEST(DecodersMem, MmapStyles) {
  FakeTracee m;
  std::initializer_list<uint64_t> a = {0, 8192, PROT_READ | PROT_WRITE,
                                       MAP_PRIVATE | MAP_ANONYMOUS, static_cast<uint64_t>(-1), 0};
  EXPECT_EQ(decode_line(m, style(FormatOptions::ConstStyle::kRaw), "mmap", a, 0x7f0000000000),
            "mmap(NULL, 8192, 0x3, 0x22, -1, 0) = 0x7f0000000000");
  EXPECT_EQ(decode_line(m, style(FormatOptions::ConstStyle::kVerbose), "mmap", a, 0x7f0000000000),
            "mmap(NULL, 8192, 0x3 /* PROT_READ|PROT_WRITE */, 0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, "
            "-1, 0) = 0x7f0000000000");
  EXPECT_EQ(decode_line(m, style(FormatOptions::ConstStyle::kVerbose), "mprotect",
                        {0x7f0000000000, 4096, PROT_NONE}, 0),
            "mprotect(0x7f0000000000, 4096, 0 /* PROT_NONE */) = 0");
}

TEST(DecodersMem, ProtectAdviseLock) {
  FakeTracee m;
  EXPECT_EQ(decode_line(m, opts(), "mprotect", {0x7f953c57c000, 16384, PROT_READ}, 0),
            "mprotect(0x7f953c57c000, 16384, PROT_READ) = 0");
  EXPECT_EQ(decode_line(m, opts(), "mprotect", {0x7f0000001000, 4096, 0x100}, -22),
            "mprotect(0x7f0000001000, 4096, 0x100 /* PROT_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(m, opts(), "pkey_mprotect",
                        {0x7f0000001000, 4096, PROT_READ, static_cast<uint64_t>(-1)}, 0),
            "pkey_mprotect(0x7f0000001000, 4096, PROT_READ, -1) = 0");
  EXPECT_EQ(decode_line(m, opts(), "munmap", {0x7f953c58f000, 41727}, 0),
            "munmap(0x7f953c58f000, 41727) = 0");
  EXPECT_EQ(decode_line(m, opts(), "madvise", {0x7f0000001000, 4096, MADV_DONTNEED}, 0),
            "madvise(0x7f0000001000, 4096, MADV_DONTNEED) = 0");
  EXPECT_EQ(decode_line(m, opts(), "madvise", {0x7f0000001000, 4096, 1234}, -22),
            "madvise(0x7f0000001000, 4096, 0x4d2 /* MADV_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(m, opts(), "mlock2", {0x7f0000001000, 4096, MLOCK_ONFAULT}, 0),
            "mlock2(0x7f0000001000, 4096, MLOCK_ONFAULT) = 0");
  EXPECT_EQ(decode_line(m, opts(), "mlockall", {MCL_CURRENT | MCL_ONFAULT}, 0),
            "mlockall(MCL_CURRENT|MCL_ONFAULT) = 0");
  EXPECT_EQ(decode_line(m, opts(), "mlockall", {0}, -22),
            "mlockall(0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(m, opts(), "msync", {0x7f0000001000, 8192, MS_SYNC | MS_ASYNC}, -22),
            "msync(0x7f0000001000, 8192, MS_SYNC|MS_ASYNC) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(m, opts(), "mremap",
                        {0x7f0000001000, 16384, 32768, MREMAP_MAYMOVE}, 0x7f0000010000),
            "mremap(0x7f0000001000, 16384, 32768, MREMAP_MAYMOVE) = 0x7f0000010000");
  EXPECT_EQ(decode_line(m, opts(), "mremap",
                        {0x7f0000001000, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, 0x7f0000020000},
                        0x7f0000020000),
            "mremap(0x7f0000001000, 4096, 4096, MREMAP_MAYMOVE|MREMAP_FIXED, 0x7f0000020000) = "
            "0x7f0000020000");
  EXPECT_EQ(decode_line(m, opts(), "pkey_alloc", {0, PKEY_DISABLE_WRITE}, 1),
            "pkey_alloc(0, PKEY_DISABLE_WRITE) = 1");
  EXPECT_EQ(decode_line(m, opts(), "pkey_free", {15}, -22),
            "pkey_free(15) = -1 EINVAL (Invalid argument)");
}

TEST(DecodersMem, MincoreAtExit) {
  FakeTracee m;
  unsigned char vec[4] = {1, 1, 0, 0x81};
  m.map(kA, vec, sizeof vec);
  EXPECT_EQ(decode_line(m, opts(), "mincore", {0x7f0000000000, 16384, kA}, 0),
            "mincore(0x7f0000000000, 16384, [1, 1, 0, 1]) = 0");
  EXPECT_EQ(decode_line(m, opts(), "mincore", {0x7f0000000001, 4096, kA}, -22),
            "mincore(0x7f0000000001, 4096, 0x10000) = -1 EINVAL (Invalid argument)");
}

TEST(DecodersMem, Numa) {
  FakeTracee m;
  uint64_t mask[2] = {1, 0};
  m.map(kA, mask, sizeof mask);
  EXPECT_EQ(decode_line(m, opts(), "mbind",
                        {0x7f0000000000, 16384, 3 /* MPOL_INTERLEAVE */, kA, 128, 1}, 0),
            "mbind(0x7f0000000000, 16384, MPOL_INTERLEAVE, [0x00000000000001, 0000000000000000], 128, "
            "MPOL_MF_STRICT) = 0");
  EXPECT_EQ(decode_line(m, opts(), "set_mempolicy", {2 | (1 << 15), kA, 64}, -22),
            "set_mempolicy(MPOL_BIND|MPOL_F_STATIC_NODES, [0x00000000000001], 64) = -1 EINVAL "
            "(Invalid argument)");
  EXPECT_EQ(decode_line(m, opts(), "set_mempolicy", {77, 0, 0}, -22),
            "set_mempolicy(0x4d /* MPOL_??? */, NULL, 0) = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace syscope

// SPDX-License-Identifier: MIT
// Register name tables and register-set views (no ptrace).
#include <cpuid.h>
#include <gtest/gtest.h>

#include <cstring>
#include <set>

#include "syscope/registers.h"

namespace syscope {
namespace {

TEST(MemoryRegisters, TableCoversUserRegsStruct) {
  auto t = gp_registers();
  EXPECT_EQ(t.size(), sizeof(user_regs_struct) / 8);
  std::set<uint16_t> offsets;
  for (const auto& d : t) {
    EXPECT_EQ(d.bits, 64);
    EXPECT_EQ(d.shift, 0);
    offsets.insert(d.offset);
    EXPECT_EQ(find_gp_register(d.name), &d);
  }
  EXPECT_EQ(offsets.size(), t.size());  // every slot once
  EXPECT_EQ(std::string(t[0].name), "rax");
  EXPECT_EQ(find_gp_register("rip")->offset, offsetof(user_regs_struct, rip));
  EXPECT_EQ(find_gp_register("fs_base")->offset, offsetof(user_regs_struct, fs_base));
  EXPECT_EQ(find_gp_register("orig_rax")->offset, offsetof(user_regs_struct, orig_rax));
  EXPECT_EQ(find_gp_register("nope"), nullptr);
  EXPECT_EQ(find_gp_register("RAX"), nullptr);  // names are lower case
}

TEST(MemoryRegisters, NamedAccessAndSubRegisters) {
  Registers r;
  r.raw.rax = 0x1122334455667788;
  r.raw.r9 = 0xffffffffffffffff;
  r.raw.rip = 0x401000;
  EXPECT_EQ(r.get("rax"), 0x1122334455667788u);
  EXPECT_EQ(r.get("eax"), 0x55667788u);
  EXPECT_EQ(r.get("ax"), 0x7788u);
  EXPECT_EQ(r.get("al"), 0x88u);
  EXPECT_EQ(r.get("ah"), 0x77u);
  EXPECT_EQ(r.get("r9d"), 0xffffffffu);
  EXPECT_EQ(r.get("r9b"), 0xffu);
  EXPECT_EQ(r.ip(), 0x401000u);
  EXPECT_FALSE(r.get("xyz"));

  EXPECT_TRUE(r.set("ah", 0xab));
  EXPECT_EQ(r.raw.rax, 0x112233445566ab88u);  // other bits kept
  EXPECT_TRUE(r.set("eax", 0x1));
  EXPECT_EQ(r.raw.rax, 0x1122334400000001u);
  EXPECT_TRUE(r.set("r9w", 0));
  EXPECT_EQ(r.raw.r9, 0xffffffffffff0000u);
  EXPECT_FALSE(r.set("al", 0x100));  // does not fit
  EXPECT_FALSE(r.set("eax", 0x100000000ull));
  EXPECT_FALSE(r.set("nope", 1));
  EXPECT_TRUE(r.set("rip", 0x402000));
  EXPECT_EQ(r.raw.rip, 0x402000u);
  r.set_ip(7);
  EXPECT_EQ(r.raw.rip, 7u);
}

TEST(MemoryRegisters, Eflags) {
  EXPECT_EQ(format_eflags(0x246), "[ PF ZF IF ]");
  EXPECT_EQ(format_eflags(0x0), "[ ]");
  EXPECT_EQ(format_eflags(0x3001 | 0x100), "[ CF TF IOPL=3 ]");
}

TEST(MemoryRegisters, WideValues) {
  Vec128 v{};
  v[0] = 0x01;
  v[15] = 0xf0;
  EXPECT_EQ(format_wide(v), "0xf0000000000000000000000000000001");
  Vec128 back{};
  ASSERT_TRUE(parse_wide("0xf0000000000000000000000000000001", back));
  EXPECT_EQ(back, v);
  ASSERT_TRUE(parse_wide("1234", back));  // zero-extended
  EXPECT_EQ(back[0], 0x34);
  EXPECT_EQ(back[1], 0x12);
  EXPECT_EQ(back[2], 0);
  ASSERT_TRUE(parse_wide("0x0000000000000000000000000000000000ff", back));  // leading zeros are fine
  EXPECT_EQ(back[0], 0xff);
  EXPECT_FALSE(parse_wide("0x1f0000000000000000000000000000001", back));  // 33 digits
  EXPECT_FALSE(parse_wide("12g4", back));
  EXPECT_FALSE(parse_wide("", back));
  EXPECT_FALSE(parse_wide("0x", back));
}

TEST(MemoryRegisters, FpRegisters) {
  FpRegisters f;
  f.raw.cwd = 0x37f;
  f.raw.mxcsr = 0x1f80;
  long double one = 1.0L;
  std::memcpy(reinterpret_cast<uint8_t*>(f.raw.st_space) + 16 * 2, &one, 10);
  EXPECT_EQ(f.fcw(), 0x37f);
  EXPECT_EQ(f.mxcsr(), 0x1f80u);
  EXPECT_EQ(f.st(2), 1.0L);
  EXPECT_EQ(f.st(0), 0.0L);
  Vec128 x{};
  x[3] = 9;
  f.set_xmm(15, x);
  EXPECT_EQ(f.xmm(15), x);
  EXPECT_EQ(reinterpret_cast<const uint8_t*>(f.raw.xmm_space)[15 * 16 + 3], 9);
}

TEST(MemoryRegisters, ExtendedStateAvx) {
  unsigned eax, ebx, ecx, edx;
  if (__get_cpuid_max(0, nullptr) < 0xd) GTEST_SKIP() << "no CPUID leaf 0xd";
  __cpuid_count(0xd, 2, eax, ebx, ecx, edx);
  if (eax < 256) GTEST_SKIP() << "no AVX state component";
  const size_t ymm_hi = ebx;
  ExtendedState x;
  x.raw.assign(ymm_hi + 256, 0);
  uint64_t xcr0 = 0x7, bv = 0x2;  // x87|SSE|AVX enabled, only SSE present
  std::memcpy(x.raw.data() + 464, &xcr0, 8);
  std::memcpy(x.raw.data() + 512, &bv, 8);
  x.raw[160 + 16 * 3] = 0xaa;      // xmm3 low byte
  x.raw[ymm_hi + 16 * 3] = 0xbb;   // ymm3 upper half, but AVX not in xstate_bv: init (zero)
  EXPECT_TRUE(x.has_avx());
  EXPECT_FALSE(x.has_avx512());
  auto y = x.ymm(3);
  ASSERT_TRUE(y);
  EXPECT_EQ((*y)[0], 0xaa);
  EXPECT_EQ((*y)[16], 0);
  Vec256 v{};
  v[0] = 1;
  v[31] = 2;
  ASSERT_TRUE(x.set_ymm(5, v));
  EXPECT_EQ(x.xstate_bv() & 0x6, 0x6u);  // SSE and AVX now present
  EXPECT_EQ(*x.ymm(5), v);
  EXPECT_EQ((*x.ymm(3))[16], 0xbb);  // present now: the buffer's bytes count
  EXPECT_FALSE(x.ymm(16));
  EXPECT_FALSE(x.zmm(0));  // no AVX-512 in xcr0
  EXPECT_FALSE(x.k(0));
}

TEST(MemoryRegisters, DebugRegisterOffsets) {
  EXPECT_EQ(debug_reg_offset(0), offsetof(struct user, u_debugreg));
  EXPECT_EQ(debug_reg_offset(7), offsetof(struct user, u_debugreg) + 7 * sizeof(long));
}

}  // namespace
}  // namespace syscope

// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "syscope/stepper.h"

using syscope::DecodedInsn;
using syscope::Disassembler;
using syscope::InsnKind;

namespace {

DecodedInsn decode(std::initializer_list<uint8_t> bytes, uint64_t addr = 0x401000) {
  static Disassembler d;
  std::vector<uint8_t> v(bytes);
  DecodedInsn out;
  d.decode(v.data(), v.size(), addr, &out);
  return out;
}

}  // namespace

TEST(StepperDisasm, IntelSyntaxAndLength) {
  auto i = decode({0xb8, 0x01, 0x00, 0x00, 0x00});
  EXPECT_EQ(i.text, "mov eax, 1");
  EXPECT_EQ(i.len, 5);
  EXPECT_EQ(i.kind, InsnKind::kOther);
  i = decode({0x48, 0x8b, 0x7c, 0x24, 0x10});
  EXPECT_EQ(i.text, "mov rdi, qword ptr [rsp + 0x10]");
  i = decode({0x90, 0xcc});  // only the first instruction
  EXPECT_EQ(i.text, "nop");
  EXPECT_EQ(i.len, 1);
}

TEST(StepperDisasm, ControlFlowKinds) {
  EXPECT_EQ(decode({0x0f, 0x05}).kind, InsnKind::kSyscall);
  EXPECT_EQ(decode({0x0f, 0x05}).text, "syscall");
  EXPECT_EQ(decode({0xcd, 0x80}).kind, InsnKind::kSyscall);
  EXPECT_EQ(decode({0xcd, 0x03}).kind, InsnKind::kOther);
  EXPECT_EQ(decode({0xc3}).kind, InsnKind::kRet);
  EXPECT_EQ(decode({0xc2, 0x08, 0x00}).kind, InsnKind::kRet);
  EXPECT_EQ(decode({0xcc}).kind, InsnKind::kInt3);
  auto call = decode({0xe8, 0x12, 0x00, 0x00, 0x00}, 0x401005);
  EXPECT_EQ(call.kind, InsnKind::kCall);
  EXPECT_EQ(call.text, "call 0x40101c");  // relative to the address given
  EXPECT_EQ(decode({0xff, 0xd0}).kind, InsnKind::kCall);  // call rax
  EXPECT_EQ(decode({0xff, 0x25, 0, 0, 0, 0}).kind, InsnKind::kJump);  // jmp [rip]
  EXPECT_EQ(decode({0x75, 0xf7}).kind, InsnKind::kOther);  // jne: not a leave of the frame
}

TEST(StepperDisasm, BadBytes) {
  auto i = decode({0x0f});  // truncated
  EXPECT_EQ(i.kind, InsnKind::kInvalid);
  EXPECT_EQ(i.len, 0);
  EXPECT_EQ(i.text, "(bad)");
}

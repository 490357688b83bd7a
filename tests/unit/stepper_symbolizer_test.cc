// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>
#include <unistd.h>

#include "syscope/stepper.h"

extern "C" __attribute__((noinline, used)) int syscope_stepper_test_marker(int x) {
  asm volatile("" ::: "memory");
  return x * 3 + 1;
}

TEST(StepperSymbolizer, OwnFunctions) {
  syscope::Symbolizer sym(getpid());
  auto addr = reinterpret_cast<uint64_t>(&syscope_stepper_test_marker);
  syscope::SymbolInfo si;
  ASSERT_TRUE(sym.lookup(addr, &si));
  EXPECT_EQ(si.function, "syscope_stepper_test_marker");
  EXPECT_EQ(si.offset, 0u);
  EXPECT_EQ(si.object, "unit_tests");
  ASSERT_TRUE(sym.lookup(addr + 1, &si));
  EXPECT_EQ(si.function, "syscope_stepper_test_marker");
  EXPECT_EQ(si.offset, 1u);
  auto found = sym.find_function("syscope_stepper_test_marker");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].start, addr);
  EXPECT_GT(found[0].end, addr);
  auto scoped = sym.find_function("unit_tests:syscope_stepper_test_marker");
  EXPECT_EQ(scoped.size(), 1u);
  EXPECT_TRUE(sym.find_function("nosuchobject:syscope_stepper_test_marker").empty());
  auto starts = sym.function_starts(found[0].start, found[0].end);
  ASSERT_FALSE(starts.empty());
  EXPECT_EQ(starts[0], addr);
  EXPECT_FALSE(sym.lookup(8, &si));  // nothing mapped at page 0
}

TEST(StepperSymbolizer, Mappings) {
  auto maps = syscope::executable_mappings(getpid());
  bool self = false;
  auto addr = reinterpret_cast<uint64_t>(&syscope_stepper_test_marker);
  for (auto& m : maps)
    if (m.contains(addr)) self = m.object == "unit_tests";
  EXPECT_TRUE(self);
  EXPECT_EQ(syscope::path_basename("/usr/lib/x86_64-linux-gnu/libc.so.6"), "libc.so.6");
  EXPECT_EQ(syscope::path_basename("step"), "step");
}

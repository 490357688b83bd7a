// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "syscope/stepper.h"

using syscope::RangeSet;
using syscope::RangeSpec;

TEST(StepperRangeSpec, AddressRanges) {
  std::string err;
  auto r = RangeSpec::parse("0x401000-0x402000", &err);
  ASSERT_TRUE(r) << err;
  EXPECT_EQ(r->kind, RangeSpec::Kind::kAddress);
  EXPECT_EQ(r->start, 0x401000u);
  EXPECT_EQ(r->end, 0x402000u);
  r = RangeSpec::parse("0x401000+0x10", &err);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->end, 0x401010u);
  EXPECT_FALSE(RangeSpec::parse("0x402000-0x401000", &err));
  EXPECT_NE(err.find("empty"), std::string::npos);
  EXPECT_FALSE(RangeSpec::parse("0x40zz-0x50", &err));
  EXPECT_FALSE(RangeSpec::parse("0x401000", &err));
  EXPECT_FALSE(RangeSpec::parse("", &err));
}

TEST(StepperRangeSpec, Names) {
  std::string err;
  auto r = RangeSpec::parse("libc.so.6", &err);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->kind, RangeSpec::Kind::kAuto);
  EXPECT_EQ(r->name, "libc.so.6");
  r = RangeSpec::parse("object:step_loop", &err);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->kind, RangeSpec::Kind::kObject);
  EXPECT_EQ(r->name, "step_loop");
  r = RangeSpec::parse("symbol:main", &err);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->kind, RangeSpec::Kind::kSymbol);
  EXPECT_EQ(r->name, "main");
  EXPECT_FALSE(RangeSpec::parse("symbol:", &err));
}

TEST(StepperRangeSet, MergeAndContains) {
  RangeSet s;
  EXPECT_FALSE(s.contains(5));
  s.add(10, 20);
  s.add(30, 40);
  s.add(15, 25);  // overlaps the first
  s.add(25, 30);  // touches both: one range
  s.add(50, 50);  // empty: ignored
  ASSERT_EQ(s.ranges().size(), 1u);
  EXPECT_EQ(s.ranges()[0], std::make_pair(uint64_t{10}, uint64_t{40}));
  EXPECT_TRUE(s.contains(10));
  EXPECT_TRUE(s.contains(39));
  EXPECT_FALSE(s.contains(40));
  EXPECT_FALSE(s.contains(9));
  s.add(100, 200);
  EXPECT_TRUE(s.contains(150));
  EXPECT_FALSE(s.contains(60));
}

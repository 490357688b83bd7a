// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "syscalls/syscall_set.h"

namespace syscope {
namespace {

long nr(const char* name) { return syscall_by_name(Abi::kX86_64, name)->nr; }

TEST(SyscallSet, NamesAndNegation) {
  auto s = SyscallSet::parse("openat,close");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->contains(Abi::kX86_64, nr("openat")));
  EXPECT_FALSE(s->contains(Abi::kX86_64, nr("read")));
  auto n = SyscallSet::parse("!openat");
  ASSERT_TRUE(n);
  EXPECT_FALSE(n->contains(Abi::kX86_64, nr("openat")));
  EXPECT_TRUE(n->contains(Abi::kX86_64, nr("read")));
}

TEST(SyscallSet, ClassesRegexAndErrors) {
  auto f = SyscallSet::parse("%file");
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->contains(Abi::kX86_64, nr("openat")));
  EXPECT_FALSE(f->contains(Abi::kX86_64, nr("read")));
  auto old = SyscallSet::parse("file");  // deprecated spelling without %
  ASSERT_TRUE(old);
  EXPECT_TRUE(old->contains(Abi::kX86_64, nr("unlink")));
  auto r = SyscallSet::parse("/^get.*pid$");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->contains(Abi::kX86_64, nr("getppid")));
  EXPECT_FALSE(r->contains(Abi::kX86_64, nr("kill")));
  auto bad = SyscallSet::parse("nosuchcall");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().op, "invalid system call 'nosuchcall'");
  EXPECT_TRUE(SyscallSet::parse("?nosuchcall,read"));
}

TEST(SyscallSet, AllNoneAndUnknownNumbers) {
  EXPECT_TRUE(SyscallSet::parse("all")->is_all());
  auto none = SyscallSet::parse("none");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->is_empty());
  // strace traces out-of-table numbers whatever the set.
  EXPECT_TRUE(none->contains(Abi::kX86_64, 100000));
}

}  // namespace
}  // namespace syscope

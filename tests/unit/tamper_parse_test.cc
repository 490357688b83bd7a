// SPDX-License-Identifier: MIT
// Parsing of the tampering options (src/tamper/rules.cc). Every accept /
// reject verdict and every message below is what strace 6.1 prints for the
// same argument (`strace -o /dev/null -e EXPR true`).
#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <string>
#include <vector>

#include "tamper/rules.h"

namespace syscope::tamper {
namespace {

using namespace std::chrono_literals;

std::string error_of(std::string_view opt) {
  auto r = parse_inject_option(opt, nullptr);
  return r ? std::string() : r.error().op;
}

long nr64(const char* name) { return syscall_by_name(Abi::kX86_64, name)->nr; }

TEST(TamperParse, InvalidExpressionsAsStrace) {
  EXPECT_EQ(error_of("inject=openat"), "invalid inject argument 'openat'");
  EXPECT_EQ(error_of("inject=openat:foo"), "invalid inject argument 'openat:foo'");
  EXPECT_EQ(error_of("inject=nosuch:error=ENOENT"), "invalid system call 'nosuch'");
  EXPECT_EQ(error_of("inject=nosuch:foo"), "invalid inject argument 'nosuch:foo'");  // tokens first
  EXPECT_EQ(error_of("inject=openat:error=EFOO"), "invalid inject argument 'openat:error=EFOO'");
  EXPECT_EQ(error_of("inject=openat:error=4096"), "invalid inject argument 'openat:error=4096'");
  EXPECT_EQ(error_of("inject=getpid:error=0"), "invalid inject argument 'getpid:error=0'");
  EXPECT_EQ(error_of("inject=openat:when=0:error=EIO"), "invalid inject argument 'openat:when=0:error=EIO'");
  EXPECT_EQ(error_of("inject=openat:when=3..2:error=EIO"), "invalid inject argument 'openat:when=3..2:error=EIO'");
  EXPECT_EQ(error_of("fault=openat:retval=1"), "invalid fault argument 'openat:retval=1'");
  EXPECT_EQ(error_of("inject=:error=EIO"), "invalid system call ''");
  EXPECT_EQ(error_of("inject=getpid:syscall=openat:retval=3"),
            "invalid inject argument 'getpid:syscall=openat:retval=3'");  // not %pure
  EXPECT_EQ(error_of("inject=getpid:syscall=getuid"), "invalid inject argument 'getpid:syscall=getuid'");
  EXPECT_NE(error_of("inject=getpid:syscall=getuid:syscall=getgid:error=1"), "");
  EXPECT_NE(error_of("inject=getpid:delay_enter=1x"), "");
  EXPECT_NE(error_of("inject=getpid:delay_enter=-1"), "");
  EXPECT_NE(error_of("inject=getpid:delay_enter="), "");
  EXPECT_NE(error_of("inject=getpid:delay_enter=10MS"), "");  // integer path: lower-case units only
  EXPECT_NE(error_of("inject=write:poke_enter=@arg8=00"), "");
  EXPECT_NE(error_of("inject=write:poke_enter=@arg2=0"), "");
  EXPECT_NE(error_of("inject=write:poke_enter="), "");
  EXPECT_NE(error_of("inject=write:poke_enter=@arg1=00,@arg1=01"), "");
  EXPECT_NE(error_of("inject=getpid:signal=SIGFOO"), "");
  EXPECT_NE(error_of("inject=getpid:signal=SIGIOT"), "");  // aliases are not strace's names
  EXPECT_NE(error_of("inject=getpid:signal=SIGPOLL"), "");
  EXPECT_NE(error_of("inject=getpid:signal=0"), "");
  EXPECT_NE(error_of("inject=getpid:signal=65"), "");
  EXPECT_NE(error_of("inject=getpid:retval=1:error=2"), "");
  EXPECT_NE(error_of("inject=getpid:when=1+0:error=2"), "");
  EXPECT_NE(error_of("inject=getpid:when=65536:error=2"), "");
  EXPECT_NE(error_of("inject=getpid:when=2..65535:error=2"), "");
  EXPECT_NE(error_of("inject=getpid:when=1.2:error=2"), "");
  EXPECT_NE(error_of("inject=write:retval="), "");
  EXPECT_NE(error_of("inject=write:retval=1x"), "");
  EXPECT_NE(error_of("inject=write:retval=99999999999999999999"), "");
  EXPECT_EQ(error_of("inject=getpid%:error=1"), "invalid system call 'getpid%'");
}

TEST(TamperParse, ValidExpressionsAsStrace) {
  for (const char* ok :
       {"inject=getpid:signal=usr1", "inject=getpid:signal=RT_1", "inject=getpid:signal=SIGRTMIN",
        "inject=getpid:signal=SIGRT_30", "inject=getpid:signal=SIGIO", "inject=getpid:signal=64",
        "inject=getpid:error=enoent", "inject=getpid:error=4095", "inject=getpid:when=65535:error=2",
        "inject=getpid:when=1..2+:error=2", "inject=getpid:when=+2:error=2", "inject=getpid:error=2:when=1:when=2",
        "inject=getpid:delay_enter=1.5ms", "inject=getpid:delay_enter=1.5", "inject=getpid:delay_enter=1e3us",
        "inject=write:poke_enter=@arg7=00", "inject=write:poke_enter=@arg1=0g",
        "inject=write:poke_exit=@arg2=41:poke_enter=@arg2=41", "inject=%pure:error=1", "inject=getpid:error=1:",
        "inject=getpid::error=1", "inject=getpid:syscall=getuid:retval=3", "fault=openat", "fault=openat:when=2+2",
        "inject=getpid:retval=-1", "inject=getpid:retval=0xfffffffffffff000"})
    EXPECT_EQ(error_of(ok), "") << ok;
}

TEST(TamperParse, Actions) {
  auto r = parse_inject_option("inject=openat,getpid:error=EACCES:signal=USR1:when=3", nullptr);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->error, EACCES);
  EXPECT_EQ(r->signo, 10);
  EXPECT_EQ(r->flags, InjectRule::kError | InjectRule::kSignal);
  EXPECT_TRUE(r->set.contains(Abi::kX86_64, nr64("openat")));
  EXPECT_TRUE(r->set.contains(Abi::kX86_64, nr64("getpid")));
  EXPECT_FALSE(r->set.contains(Abi::kX86_64, nr64("read")));

  auto f = parse_inject_option("fault=openat", nullptr);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->error, ENOSYS);  // fault's default

  auto s = parse_inject_option("inject=getpid:syscall=gettid:retval=7", nullptr);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->scno[0], nr64("gettid"));
  EXPECT_EQ(s->scno[1], syscall_by_name(Abi::kI386, "gettid")->nr);
  EXPECT_EQ(s->retval, 7u);

  auto p = parse_inject_option("inject=write:poke_enter=@arg2=4142434445,@arg1=00:poke_exit=@arg2=ff", nullptr);
  ASSERT_TRUE(p);
  ASSERT_EQ(p->pokes.size(), 3u);
  EXPECT_EQ(p->pokes[0].arg, 2);
  EXPECT_EQ(p->pokes[0].data, (std::vector<uint8_t>{0x41, 0x42, 0x43, 0x44, 0x45}));
  EXPECT_FALSE(p->pokes[2].enter);
}

TEST(TamperParse, RetvalWarningsAsStrace) {
  std::vector<std::string> w;
  ASSERT_TRUE(parse_inject_option("inject=getpid:retval=-1", &w));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0], "Inadvertent injection of error 1 is possible for retval=18446744073709551615");
  w.clear();
  ASSERT_TRUE(parse_inject_option("inject=getpid:retval=0xfffffffffffff000", &w));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0], "Injected return value 18446744073709547520 will be clipped to 4294963200 in compat personality");
  w.clear();
  ASSERT_TRUE(parse_inject_option("inject=getpid:retval=4294967295", &w));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0], "Inadvertent injection of error 1 is possible in compat personality for retval=4294967295");
  w.clear();
  ASSERT_TRUE(parse_inject_option("inject=getpid:retval=42", &w));
  EXPECT_TRUE(w.empty());
}

TEST(TamperParse, When) {
  When w;
  ASSERT_TRUE(parse_when("3", &w));
  EXPECT_EQ(w.first, 3);
  EXPECT_EQ(w.last, kWhenInf);
  EXPECT_EQ(w.step, 0);
  ASSERT_TRUE(parse_when("2+", &w));
  EXPECT_EQ(w.step, 1);
  ASSERT_TRUE(parse_when("2+3", &w));
  EXPECT_EQ(w.step, 3);
  ASSERT_TRUE(parse_when("2..5", &w));
  EXPECT_EQ(w.last, 5);
  EXPECT_EQ(w.step, 1);
  ASSERT_TRUE(parse_when("2..9+3", &w));
  EXPECT_EQ(w.first, 2);
  EXPECT_EQ(w.last, 9);
  EXPECT_EQ(w.step, 3);
}

// Which calls of 1..n a when= expression hits (strace's countdown).
std::string hits(const char* expr, int n) {
  When w;
  if (!parse_when(expr, &w)) return "invalid";
  Counter c(w);
  std::string out;
  for (int i = 1; i <= n; ++i)
    if (c.hit(w.step)) out += std::to_string(i) + " ";
  return out;
}

TEST(TamperParse, WhenCounting) {
  EXPECT_EQ(hits("3", 10), "3 ");
  EXPECT_EQ(hits("3+", 6), "3 4 5 6 ");
  EXPECT_EQ(hits("2+3", 12), "2 5 8 11 ");
  EXPECT_EQ(hits("2..4", 10), "2 3 4 ");
  EXPECT_EQ(hits("2..9+3", 12), "2 5 8 ");
  EXPECT_EQ(hits("1..1", 5), "1 ");
  EXPECT_EQ(hits("5..6+4", 12), "5 ");
}

TEST(TamperParse, Delay) {
  std::chrono::nanoseconds d;
  ASSERT_TRUE(parse_delay("100", &d));
  EXPECT_EQ(d, 100us);
  ASSERT_TRUE(parse_delay("100ms", &d));
  EXPECT_EQ(d, 100ms);
  ASSERT_TRUE(parse_delay("2s", &d));
  EXPECT_EQ(d, 2s);
  ASSERT_TRUE(parse_delay("7ns", &d));
  EXPECT_EQ(d, 7ns);
  ASSERT_TRUE(parse_delay("1.5ms", &d));
  EXPECT_EQ(d, 1500us);
  ASSERT_TRUE(parse_delay("1.5MS", &d));  // strtod path: units case-insensitive, as strace
  EXPECT_EQ(d, 1500us);
  EXPECT_FALSE(parse_delay("10MS", &d));
  EXPECT_FALSE(parse_delay("", &d));
  EXPECT_FALSE(parse_delay("-1", &d));
  EXPECT_FALSE(parse_delay("5m", &d));
}

TEST(TamperParse, Rewrite) {
  auto r = parse_rewrite("write:arg3=5,arg1=0x2:when=2+");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->args.size(), 2u);
  EXPECT_EQ(r->args[0], (std::pair<int, uint64_t>{2, 5}));
  EXPECT_EQ(r->args[1], (std::pair<int, uint64_t>{0, 2}));
  EXPECT_EQ(r->when.first, 2);
  EXPECT_TRUE(parse_rewrite("openat:@arg3=-1"));
  EXPECT_EQ(parse_rewrite("openat:arg3=-1")->args[0].second, static_cast<uint64_t>(-1));
  EXPECT_FALSE(parse_rewrite("write"));
  EXPECT_FALSE(parse_rewrite("write:arg7=1"));
  EXPECT_FALSE(parse_rewrite("write:arg1=x"));
  EXPECT_EQ(parse_rewrite("nosuch:arg1=1").error().op, "invalid system call 'nosuch'");

  auto p = parse_rewrite_path("/etc/hostname=/tmp/h");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->from, "/etc/hostname");
  EXPECT_EQ(p->to, "/tmp/h");
  EXPECT_FALSE(parse_rewrite_path("/etc/hostname"));
  EXPECT_FALSE(parse_rewrite_path("=/x"));
  EXPECT_FALSE(parse_rewrite_path("/x="));

  auto s = parse_set_return("getuid:0");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->value, 0);
  EXPECT_EQ(parse_set_return("openat:-ENOENT")->value, -ENOENT);
  EXPECT_EQ(parse_set_return("openat:-13:when=2")->value, -13);
  EXPECT_EQ(parse_set_return("read:0x10")->value, 16);
  EXPECT_FALSE(parse_set_return("getuid"));
  EXPECT_FALSE(parse_set_return("getuid:1:2"));
  EXPECT_FALSE(parse_set_return("getuid:-EFOO"));
}

TEST(TamperParse, PathArguments) {
  auto args = [](const char* name) {
    std::vector<int> v;
    for (uint8_t a : path_args(Abi::kX86_64, nr64(name))) v.push_back(a);
    return v;
  };
  EXPECT_EQ(args("open"), std::vector<int>{0});
  EXPECT_EQ(args("openat"), std::vector<int>{1});
  EXPECT_EQ(args("execve"), std::vector<int>{0});
  EXPECT_EQ(args("execveat"), std::vector<int>{1});
  EXPECT_EQ(args("renameat2"), (std::vector<int>{1, 3}));
  EXPECT_EQ(args("symlinkat"), std::vector<int>{2});
  EXPECT_EQ(args("newfstatat"), std::vector<int>{1});
  EXPECT_TRUE(args("read").empty());
  EXPECT_EQ(path_args(Abi::kI386, syscall_by_name(Abi::kI386, "stat64")->nr).size(), 1u);

  TamperConfig tc;
  tc.paths.push_back({"/a", "/b"});
  SyscallSet need = tc.needed();
  EXPECT_TRUE(need.contains(Abi::kX86_64, nr64("openat")));
  EXPECT_TRUE(need.contains(Abi::kX86_64, nr64("statx")));
  EXPECT_FALSE(need.contains(Abi::kX86_64, nr64("read")));
}

TEST(TamperParse, NeededFollowsTraceSet) {
  TamperConfig tc;
  tc.inject.push_back(*parse_inject_option("inject=getpid,getuid:error=EPERM", nullptr));
  tc.traced = *SyscallSet::parse("getpid");
  SyscallSet need = tc.needed();
  EXPECT_TRUE(need.contains(Abi::kX86_64, nr64("getpid")));
  EXPECT_FALSE(need.contains(Abi::kX86_64, nr64("getuid")));  // strace injects into traced calls only
  EXPECT_FALSE(tc.has_signal());
  tc.inject.push_back(*parse_inject_option("inject=getpid:signal=USR1", nullptr));
  EXPECT_TRUE(tc.has_signal());
}

}  // namespace
}  // namespace syscope::tamper

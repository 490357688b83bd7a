// SPDX-License-Identifier: MIT
// The generated syscall tables: consistency, lookups, and agreement with the
// installed kernel headers (parsed as text here, so that a syscall the headers
// know but our table lacks is caught; the build's static_asserts only catch
// wrong numbers).
#include "syscope/syscall_table.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

namespace syscope {
namespace {

// `#define __NR_name number` lines of the first header found; empty if none.
std::map<std::string, long> ParseUnistd(std::initializer_list<const char*> paths) {
  std::map<std::string, long> out;
  const std::regex re(R"(^#define\s+__NR_(\w+)\s+(\d+)\s*$)");
  for (const char* path : paths) {
    std::ifstream in(path);
    if (!in) continue;
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
      if (std::regex_match(line, m, re)) out[m[1]] = std::stol(m[2]);
    }
    break;
  }
  return out;
}

std::map<std::string, long> Header(Abi abi) {
  if (abi == Abi::kX86_64) {
    return ParseUnistd({"/usr/include/x86_64-linux-gnu/asm/unistd_64.h",
                        "/usr/include/asm/unistd_64.h"});
  }
  return ParseUnistd(
      {"/usr/include/x86_64-linux-gnu/asm/unistd_32.h", "/usr/include/asm/unistd_32.h"});
}

class PerAbi : public ::testing::TestWithParam<Abi> {};

TEST_P(PerAbi, EveryHeaderSyscallIsKnownWithTheSameNumber) {
  const auto header = Header(GetParam());
  if (header.empty()) GTEST_SKIP() << "no asm/unistd_*.h installed";
  EXPECT_GT(header.size(), 300u);  // the parse worked
  for (const auto& [name, nr] : header) {
    const SyscallDesc* d = syscall_by_name(GetParam(), name);
    ASSERT_NE(d, nullptr) << "in the headers but not in our table: " << name;
    EXPECT_EQ(d->nr, nr) << name;
    const SyscallDesc* by_nr = syscall_by_nr(GetParam(), nr);
    ASSERT_NE(by_nr, nullptr) << nr;
    EXPECT_STREQ(by_nr->name, name.c_str());
  }
}

TEST_P(PerAbi, TableIsSortedUniqueAndRoundTrips) {
  const auto table = syscall_table(GetParam());
  ASSERT_FALSE(table.empty());
  std::set<std::string> names;
  int prev = -1;
  for (const SyscallDesc& d : table) {
    EXPECT_GT(d.nr, prev) << d.name;
    prev = d.nr;
    EXPECT_TRUE(names.insert(d.name).second) << "duplicate name " << d.name;
    EXPECT_LE(d.nargs, 6) << d.name;
    EXPECT_EQ(syscall_by_nr(GetParam(), d.nr), &d) << d.name;
    EXPECT_EQ(syscall_by_name(GetParam(), d.name), &d) << d.name;
  }
  EXPECT_EQ(syscall_table_size(GetParam()), table.back().nr + 1);
}

TEST_P(PerAbi, HolesAndOutOfRangeAreUnknown) {
  const Abi abi = GetParam();
  size_t known = 0;
  for (int nr = 0; nr < syscall_table_size(abi); ++nr) known += syscall_by_nr(abi, nr) != nullptr;
  EXPECT_EQ(known, syscall_table(abi).size());
  EXPECT_EQ(syscall_by_nr(abi, -1), nullptr);
  EXPECT_EQ(syscall_by_nr(abi, syscall_table_size(abi)), nullptr);
  EXPECT_EQ(syscall_by_nr(abi, 1L << 40), nullptr);
  EXPECT_EQ(syscall_by_nr(abi, 390), nullptr);  // reserved on both ABIs
  EXPECT_EQ(syscall_by_name(abi, ""), nullptr);
  EXPECT_EQ(syscall_by_name(abi, "no_such_syscall"), nullptr);
  EXPECT_EQ(syscall_by_name(abi, "rea"), nullptr);
  EXPECT_EQ(syscall_by_name(abi, "readX"), nullptr);
}

TEST_P(PerAbi, ExitCallsNeverReturn) {
  for (const SyscallDesc& d : syscall_table(GetParam())) {
    const bool exits = std::string(d.name) == "exit" || std::string(d.name) == "exit_group";
    EXPECT_EQ((d.classes & kNeverReturns) != 0, exits) << d.name;
  }
}

INSTANTIATE_TEST_SUITE_P(Abis, PerAbi, ::testing::Values(Abi::kX86_64, Abi::kI386),
                         [](const auto& info) {
                           return info.param == Abi::kX86_64 ? "x86_64" : "i386";
                         });

long Nr(Abi abi, std::string_view name) {
  const SyscallDesc* d = syscall_by_name(abi, name);
  return d ? d->nr : -1;
}

int Nargs(Abi abi, std::string_view name) {
  const SyscallDesc* d = syscall_by_name(abi, name);
  return d ? d->nargs : -1;
}

uint32_t Classes(Abi abi, std::string_view name) {
  const SyscallDesc* d = syscall_by_name(abi, name);
  return d ? d->classes : 0xffffffffu;
}

TEST(SyscallTable, X86_64SpotValues) {
  const Abi a = Abi::kX86_64;
  EXPECT_EQ(Nr(a, "read"), 0);
  EXPECT_EQ(Nr(a, "openat"), 257);
  EXPECT_EQ(Nr(a, "newfstatat"), 262);
  EXPECT_EQ(Nr(a, "statx"), 332);
  EXPECT_EQ(Nr(a, "clone3"), 435);
  EXPECT_EQ(Nr(a, "pread64"), 17);
  EXPECT_EQ(Nr(a, "umount2"), 166);
  EXPECT_EQ(Nr(a, "_sysctl"), 156);
  EXPECT_EQ(Nr(a, "exit_group"), 231);
  EXPECT_EQ(Nr(a, "uretprobe"), 335);
  EXPECT_EQ(Nr(a, "cachestat"), 451);
  EXPECT_EQ(Nr(a, "mseal"), 462);
  EXPECT_EQ(Nr(a, "file_setattr"), 469);
  EXPECT_EQ(Nr(a, "socketcall"), -1);  // i386 only
  EXPECT_GE(syscall_table_size(a), 470);
  EXPECT_EQ(syscall_by_nr(a, 336 + 1), nullptr);  // 337..423 reserved
  EXPECT_EQ(syscall_by_nr(a, 423), nullptr);
  EXPECT_EQ(Nargs(a, "openat"), 4);
  EXPECT_EQ(Nargs(a, "mmap"), 6);
  EXPECT_EQ(Nargs(a, "getpid"), 0);
}

TEST(SyscallTable, I386SpotValues) {
  const Abi a = Abi::kI386;
  EXPECT_EQ(Nr(a, "exit"), 1);
  EXPECT_EQ(Nr(a, "write"), 4);
  EXPECT_EQ(Nr(a, "socketcall"), 102);
  EXPECT_EQ(Nr(a, "ipc"), 117);
  EXPECT_EQ(Nr(a, "_llseek"), 140);
  EXPECT_EQ(Nr(a, "_newselect"), 142);
  EXPECT_EQ(Nr(a, "mmap2"), 192);
  EXPECT_EQ(Nr(a, "fstatat64"), 300);
  EXPECT_EQ(Nr(a, "socket"), 359);
  EXPECT_EQ(Nr(a, "clock_gettime64"), 403);
  EXPECT_EQ(Nr(a, "futex_time64"), 422);
  EXPECT_EQ(Nr(a, "clone3"), 435);
  EXPECT_EQ(Nr(a, "newfstatat"), -1);  // x86_64 only
  EXPECT_EQ(syscall_by_nr(a, 222), nullptr);  // unused in the i386 ABI
  EXPECT_EQ(syscall_by_nr(a, 251), nullptr);
  EXPECT_EQ(Nargs(a, "socketcall"), 2);
  EXPECT_EQ(Nargs(a, "ipc"), 6);
}

TEST(SyscallTable, ClassesAsStraceHasThem) {
  const Abi a = Abi::kX86_64;
  EXPECT_EQ(Classes(a, "openat"), kClassFile | kClassDesc);
  EXPECT_EQ(Classes(a, "read"), kClassDesc);
  EXPECT_EQ(Classes(a, "kill"), kClassSignal | kClassProcess);
  EXPECT_EQ(Classes(a, "exit_group"), kClassProcess | kNeverReturns);
  EXPECT_EQ(Classes(a, "stat"), kClassFile | kClassStat | kClassStatLike);
  EXPECT_EQ(Classes(a, "lstat"), kClassFile | kClassLstat | kClassStatLike);
  EXPECT_EQ(Classes(a, "fstat"), kClassDesc | kClassFstat | kClassStatLike);
  EXPECT_EQ(Classes(a, "newfstatat"), kClassFile | kClassDesc | kClassFstat | kClassStatLike);
  EXPECT_EQ(Classes(a, "statfs"), kClassFile | kClassStatfs | kClassStatfsLike);
  EXPECT_EQ(Classes(a, "fstatfs"), kClassDesc | kClassFstatfs | kClassStatfsLike);
  EXPECT_EQ(Classes(a, "ustat"), kClassStatfsLike);
  EXPECT_EQ(Classes(a, "getpid"), kClassPure);
  EXPECT_EQ(Classes(a, "getuid"), kClassCreds | kClassPure);
  EXPECT_EQ(Classes(a, "clock_gettime"), kClassClock);
  EXPECT_EQ(Classes(a, "socket"), kClassNetwork);
  EXPECT_EQ(Classes(a, "sendfile"), kClassDesc | kClassNetwork);
  EXPECT_EQ(Classes(a, "shmat"), kClassIpc | kClassMemory);
  EXPECT_EQ(Classes(a, "mmap"), kClassDesc | kClassMemory);
  EXPECT_EQ(Classes(a, "execve"), kClassFile | kClassProcess);
  EXPECT_EQ(Classes(a, "rt_sigaction"), kClassSignal);
  EXPECT_EQ(Classes(a, "close_range"), 0u);
  EXPECT_EQ(Classes(a, "futex"), 0u);
  EXPECT_EQ(Classes(Abi::kI386, "socketcall"), kClassDesc);
  EXPECT_EQ(Classes(Abi::kI386, "ipc"), kClassIpc);
  EXPECT_EQ(Classes(Abi::kI386, "exit"), kClassProcess | kNeverReturns);
}

TEST(SyscallTable, ClassByName) {
  EXPECT_EQ(syscall_class_by_name("file"), kClassFile);
  EXPECT_EQ(syscall_class_by_name("desc"), kClassDesc);
  EXPECT_EQ(syscall_class_by_name("network"), kClassNetwork);
  EXPECT_EQ(syscall_class_by_name("net"), kClassNetwork);
  EXPECT_EQ(syscall_class_by_name("process"), kClassProcess);
  EXPECT_EQ(syscall_class_by_name("signal"), kClassSignal);
  EXPECT_EQ(syscall_class_by_name("ipc"), kClassIpc);
  EXPECT_EQ(syscall_class_by_name("memory"), kClassMemory);
  EXPECT_EQ(syscall_class_by_name("creds"), kClassCreds);
  EXPECT_EQ(syscall_class_by_name("clock"), kClassClock);
  EXPECT_EQ(syscall_class_by_name("stat"), kClassStat);
  EXPECT_EQ(syscall_class_by_name("lstat"), kClassLstat);
  EXPECT_EQ(syscall_class_by_name("fstat"), kClassFstat);
  EXPECT_EQ(syscall_class_by_name("%stat"), kClassStatLike);
  EXPECT_EQ(syscall_class_by_name("statfs"), kClassStatfs);
  EXPECT_EQ(syscall_class_by_name("fstatfs"), kClassFstatfs);
  EXPECT_EQ(syscall_class_by_name("%statfs"), kClassStatfsLike);
  EXPECT_EQ(syscall_class_by_name("pure"), kClassPure);
  EXPECT_EQ(syscall_class_by_name(""), 0u);
  EXPECT_EQ(syscall_class_by_name("files"), 0u);
  EXPECT_EQ(syscall_class_by_name("noreturn"), 0u);  // internal, not a -e class
}

}  // namespace
}  // namespace syscope

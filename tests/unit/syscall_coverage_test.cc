// SPDX-License-Identifier: MIT
// Issue 3: every syscall of the x86_64 and i386 tables has a decoder, or is
// listed in src/decoders/undecoded.txt with the reason it prints raw; and a
// listed syscall prints exactly what strace prints for an undecoded call:
// its arguments in hex (printargs), "name(0x1, 0x2, 0x3) = 0".
//
// undecoded.txt: one syscall a line, "#" comments and blank lines ignored;
//   NAME REASON...            (both ABIs)
//   ABI:NAME REASON...        (ABI is x86_64 or i386)
// a ":" right after NAME is allowed ("NAME: reason").
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/fake_tracee.h"

#ifndef SYSCOPE_SOURCE_DIR
#error "tests/CMakeLists.txt must define SYSCOPE_SOURCE_DIR for unit_tests"
#endif

namespace syscope {
namespace {

using testing::FakeTracee;

const char* abi_name(Abi abi) { return abi == Abi::kI386 ? "i386" : "x86_64"; }

struct Undecoded {
  std::string name;
  int abi = -1;  // -1: both
  std::string reason;
  int line = 0;
};

// $SYSCOPE_UNDECODED_LIST overrides the checked-in list (to try a draft).
std::string path_of_list() {
  if (const char* e = getenv("SYSCOPE_UNDECODED_LIST"); e && *e) return e;
  return std::string(SYSCOPE_SOURCE_DIR) + "/src/decoders/undecoded.txt";
}

// Parses undecoded.txt; malformed lines are test failures.
std::vector<Undecoded> read_list() {
  std::vector<Undecoded> out;
  std::ifstream is(path_of_list());
  if (!is) {
    ADD_FAILURE() << "cannot read " << path_of_list();
    return out;
  }
  std::string line;
  int no = 0;
  while (std::getline(is, line)) {
    ++no;
    if (auto h = line.find('#'); h != std::string::npos) line.erase(h);
    std::istringstream ls(line);
    std::string name;
    if (!(ls >> name)) continue;
    Undecoded u;
    u.line = no;
    if (!name.empty() && name.back() == ':') name.pop_back();
    if (auto c = name.find(':'); c != std::string::npos) {
      std::string abi = name.substr(0, c);
      name = name.substr(c + 1);
      if (abi == "x86_64") u.abi = 0;
      else if (abi == "i386") u.abi = 1;
      else ADD_FAILURE() << "undecoded.txt:" << no << ": unknown ABI '" << abi << "'";
    }
    u.name = name;
    std::getline(ls >> std::ws, u.reason);
    EXPECT_FALSE(u.reason.empty()) << "undecoded.txt:" << no << ": " << name << " has no reason";
    out.push_back(u);
  }
  return out;
}

bool listed(const std::vector<Undecoded>& list, Abi abi, const char* name) {
  for (const auto& u : list)
    if (u.name == name && (u.abi < 0 || u.abi == static_cast<int>(abi))) return true;
  return false;
}

// Syscalls of the ABI with neither a decoder (per `has_decoder`) nor a line.
template <class HasDecoder>
std::vector<std::string> uncovered(Abi abi, const std::vector<Undecoded>& list, HasDecoder has_decoder) {
  std::vector<std::string> out;
  for (const SyscallDesc& d : syscall_table(abi))
    if (!has_decoder(abi, d.nr) && !listed(list, abi, d.name)) out.push_back(d.name);
  return out;
}

bool registry_has(Abi abi, long nr) { return find_decoder(abi, nr) != nullptr; }

// What strace prints for an undecoded call with arguments 1, 2, ...
std::string expected_raw(const SyscallDesc& d) {
  std::string s = std::string(d.name) + "(";
  for (int i = 0; i < d.nargs; ++i) {
    if (i) s += ", ";
    s += "0x" + std::to_string(i + 1);
  }
  s += ") = ";
  return s;
}

TEST(SyscallCoverage, EverySyscallHasDecoderOrUndecodedEntry) {
  auto list = read_list();
  for (Abi abi : {Abi::kX86_64, Abi::kI386}) {
    std::vector<std::string> missing = uncovered(abi, list, registry_has);
    std::string names;
    for (const auto& n : missing) names += " " + n;
    EXPECT_TRUE(missing.empty()) << missing.size() << " " << abi_name(abi)
                                 << " syscalls have neither a decoder nor a line in src/decoders/undecoded.txt:"
                                 << names;
  }
}

TEST(SyscallCoverage, UndecodedEntriesAreRealAndUndecoded) {
  for (const auto& u : read_list()) {
    bool known = false;
    for (Abi abi : {Abi::kX86_64, Abi::kI386}) {
      if (u.abi >= 0 && u.abi != static_cast<int>(abi)) continue;
      const SyscallDesc* d = syscall_by_name(abi, u.name);
      if (!d) {
        // An entry for both ABIs may name a syscall only one of them has.
        EXPECT_TRUE(u.abi < 0) << "undecoded.txt:" << u.line << ": no " << abi_name(abi) << " syscall " << u.name;
        continue;
      }
      known = true;
      // A listed syscall that got a decoder should leave the list.
      EXPECT_EQ(find_decoder(abi, d->nr), nullptr)
          << "undecoded.txt:" << u.line << ": " << u.name << " has a decoder (" << abi_name(abi)
          << "); remove its line";
    }
    EXPECT_TRUE(known) << "undecoded.txt:" << u.line << ": " << u.name << " is in no syscall table";
  }
}

TEST(SyscallCoverage, UndecodedPrintRawLikeStrace) {
  FakeTracee mem;
  FormatOptions opt;
  for (const auto& u : read_list()) {
    for (Abi abi : {Abi::kX86_64, Abi::kI386}) {
      if (u.abi >= 0 && u.abi != static_cast<int>(abi)) continue;
      const SyscallDesc* d = syscall_by_name(abi, u.name);
      if (!d || find_decoder(abi, d->nr)) continue;
      // -v, -X verbose, -y and -xx do not change printargs' output.
      for (int variant = 0; variant < 2; ++variant) {
        FormatOptions o = opt;
        if (variant) {
          o.abbrev = false;
          o.const_style = FormatOptions::ConstStyle::kVerbose;
          o.decode_fds = 1;
          o.hex_strings = 2;
        }
        EXPECT_EQ(testing::decode_line(mem, o, d->name, {1, 2, 3, 4, 5, 6}, 0, abi), expected_raw(*d) + "0")
            << abi_name(abi) << " " << d->name;
      }
      // Zero prints as 0 (strace's %#lx), and large values in full.
      std::string zero = testing::decode_line(mem, opt, d->name, {0, 0xffffffff, 0, 0, 0, 0}, 0, abi);
      std::string want = std::string(d->name) + "(";
      for (int i = 0; i < d->nargs; ++i) want += i == 0 ? "0" : i == 1 ? ", 0xffffffff" : ", 0";
      EXPECT_EQ(zero.substr(0, zero.find(") = ") + 1), want + ")") << abi_name(abi) << " " << d->name;
    }
  }
}

// The checker itself: a syscall with neither a decoder nor a list entry is
// reported (so the coverage test cannot pass vacuously).
TEST(SyscallCoverage, CheckerReportsSyscallsWithNeither) {
  auto none = [](Abi, long) { return false; };
  std::vector<Undecoded> list{{"read", -1, "test", 1}, {"write", 1, "test", 2}};
  auto x64 = uncovered(Abi::kX86_64, list, none);
  auto x32 = uncovered(Abi::kI386, list, none);
  EXPECT_EQ(x64.size(), syscall_table(Abi::kX86_64).size() - 1);  // all but read
  EXPECT_EQ(x32.size(), syscall_table(Abi::kI386).size() - 2);    // all but read, write
  EXPECT_NE(std::find(x64.begin(), x64.end(), "write"), x64.end());
  EXPECT_EQ(std::find(x64.begin(), x64.end(), "read"), x64.end());
  auto all = [](Abi, long) { return true; };
  EXPECT_TRUE(uncovered(Abi::kI386, {}, all).empty());
  EXPECT_GT(syscall_table(Abi::kX86_64).size(), 300u);
  EXPECT_GT(syscall_table(Abi::kI386).size(), 300u);
}

}  // namespace
}  // namespace syscope

// SPDX-License-Identifier: MIT
// The chunked search behind `syscope mem search`, over fake memory with
// unreadable pages (no ptrace): matches straddling chunk boundaries,
// overlapping matches, holes, early stop, and a differential check of the
// SIMD scanner against a naive search.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "syscope/memory.h"

namespace syscope {
namespace {

constexpr uint64_t kBase = 0x10000;

struct FakeMemory {
  std::string bytes;
  std::set<uint64_t> bad_pages;  // page indexes that cannot be read
  size_t calls = 0;
  size_t read(uint64_t addr, void* buf, size_t len) {
    ++calls;
    size_t done = 0;
    while (done < len) {
      uint64_t a = addr + done;
      if (a < kBase || a >= kBase + bytes.size() || bad_pages.count((a - kBase) / 4096)) break;
      static_cast<char*>(buf)[done] = bytes[a - kBase];
      ++done;
    }
    return done;
  }
};

std::vector<uint64_t> search(FakeMemory& m, std::string_view needle, size_t chunk,
                             Memory::SearchStats* stats = nullptr, size_t limit = 0) {
  std::vector<uint64_t> hits;
  auto st = search_memory([&](uint64_t a, void* b, size_t l) { return m.read(a, b, l); }, kBase,
                          kBase + m.bytes.size(), needle,
                          [&](uint64_t a) {
                            hits.push_back(a);
                            return limit == 0 || hits.size() < limit;
                          },
                          chunk);
  if (stats) *stats = st;
  return hits;
}

std::vector<uint64_t> naive(const std::string& hay, std::string_view needle) {
  std::vector<uint64_t> hits;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (hay.compare(i, needle.size(), needle) == 0) hits.push_back(kBase + i);
  return hits;
}

TEST(MemorySearch, FindsMatchesStraddlingEveryChunkBoundary) {
  const std::string needle = "NEEDLE-xyz";
  FakeMemory m;
  m.bytes.assign(3 * 4096, '.');
  std::vector<uint64_t> want;
  for (size_t off : {0ul, 100ul, 4090ul, 4096ul + 4093, 8192ul + 2000, 3 * 4096ul - needle.size()}) {
    m.bytes.replace(off, needle.size(), needle);
    want.push_back(kBase + off);
  }
  for (size_t chunk : {1ul, 2ul, 3ul, 7ul, 9ul, 10ul, 11ul, 64ul, 4095ul, 4096ul, 4097ul, 1ul << 20}) {
    Memory::SearchStats st;
    EXPECT_EQ(search(m, needle, chunk, &st), want) << "chunk " << chunk;
    EXPECT_EQ(st.searched, m.bytes.size());
    EXPECT_EQ(st.matches, want.size());
    EXPECT_EQ(st.skipped, 0u);
  }
}

TEST(MemorySearch, OverlappingMatchesAndShortNeedles) {
  FakeMemory m;
  m.bytes = "aaaa-ab-a";
  EXPECT_EQ(search(m, "aa", 3), (std::vector<uint64_t>{kBase, kBase + 1, kBase + 2}));
  EXPECT_EQ(search(m, "a", 2).size(), 6u);
  EXPECT_EQ(search(m, "ab", 1), (std::vector<uint64_t>{kBase + 5}));
  EXPECT_TRUE(search(m, "", 4).empty());
  EXPECT_TRUE(search(m, "aaaa-ab-a!", 4).empty());  // longer than the memory
  EXPECT_EQ(search(m, "aaaa-ab-a", 4), (std::vector<uint64_t>{kBase}));
}

TEST(MemorySearch, SkipsUnreadablePagesAndNeverMatchesAcrossThem) {
  FakeMemory m;
  m.bytes.assign(4 * 4096, 0);
  m.bad_pages = {1};
  m.bytes.replace(4096 - 2, 4, "ABCD");  // would straddle into the bad page
  m.bytes.replace(2 * 4096 - 2, 4, "ABCD");  // straddles out of it
  m.bytes.replace(2 * 4096 + 10, 4, "ABCD");
  m.bytes.replace(4 * 4096 - 4, 4, "ABCD");
  for (size_t chunk : {5ul, 4096ul, 10000ul}) {
    Memory::SearchStats st;
    EXPECT_EQ(search(m, "ABCD", chunk, &st), (std::vector<uint64_t>{kBase + 2 * 4096 + 10, kBase + 4 * 4096 - 4}))
        << "chunk " << chunk;
    EXPECT_EQ(st.skipped, 4096u);
    EXPECT_EQ(st.searched, 3 * 4096u);
  }
}

TEST(MemorySearch, StopsWhenAsked) {
  FakeMemory m;
  m.bytes.assign(100000, 'x');
  Memory::SearchStats st;
  auto hits = search(m, "xx", 1000, &st, 5);
  EXPECT_EQ(hits.size(), 5u);
  EXPECT_TRUE(st.stopped);
  EXPECT_EQ(m.calls, 1u);
}

TEST(MemorySearch, AgreesWithNaiveSearchOnRandomData) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 300; ++round) {
    // A small alphabet makes partial matches (first/last byte hits) common.
    size_t len = rng() % 5000 + 1;
    std::string hay(len, 0);
    for (auto& c : hay) c = static_cast<char>('a' + rng() % 3);
    size_t nlen = rng() % 9 + 1;
    std::string needle(nlen, 0);
    for (auto& c : needle) c = static_cast<char>('a' + rng() % 3);
    FakeMemory m;
    m.bytes = hay;
    size_t chunk = rng() % 3 == 0 ? rng() % 50 + 1 : rng() % 3000 + 1;
    ASSERT_EQ(search(m, needle, chunk), naive(hay, needle))
        << "round " << round << " needle " << needle << " chunk " << chunk;
  }
}

}  // namespace
}  // namespace syscope

// SPDX-License-Identifier: MIT
// The -c table: strace 6.1's layout (count.c), checked on hand-made counts.
#include "output/summary.h"

#include <gtest/gtest.h>

namespace syscope {
namespace {

long nr(const char* name, Abi abi = Abi::kX86_64) {
  const SyscallDesc* d = syscall_by_name(abi, name);
  EXPECT_NE(d, nullptr) << name;
  return d ? d->nr : -1;
}

constexpr int64_t kUs = 1000;

// The example of STRACE_REFERENCE.md §2.12 (strace 6.1 -c output, shortened).
TEST(SummaryTable, DefaultLayout) {
  SummaryTable t({});
  t.add(Abi::kX86_64, nr("execve"), 1716 * kUs, 0, false);
  t.add(Abi::kX86_64, nr("execve"), 0, 0, false);
  for (int i = 0; i < 17; ++i) t.add(Abi::kX86_64, nr("mmap"), i == 0 ? 283 * kUs - 16 * 16 * kUs : 16 * kUs, 0, false);
  for (int i = 0; i < 6; ++i) t.add(Abi::kX86_64, nr("openat"), i < 5 ? 20 * kUs : 11 * kUs, 0, i == 5);
  EXPECT_EQ(t.format(),
            "% time     seconds  usecs/call     calls    errors syscall\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            " 81.33    0.001716         858         2           execve\n"
            " 13.41    0.000283          16        17           mmap\n"
            "  5.26    0.000111          18         6         1 openat\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            "100.00    0.002110          84        25         1 total\n");
}

TEST(SummaryTable, ZeroTimesAndBlankErrors) {
  SummaryTable t({});
  t.add(Abi::kX86_64, nr("read"), 0, 0, false);
  t.add(Abi::kX86_64, nr("close"), 0, 0, false);
  t.add(Abi::kX86_64, nr("access"), 0, 0, true);
  // Ties keep syscall-number order (read 0, close 3, access 21).
  EXPECT_EQ(t.format(),
            "% time     seconds  usecs/call     calls    errors syscall\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            "  0.00    0.000000           0         1           read\n"
            "  0.00    0.000000           0         1           close\n"
            "  0.00    0.000000           0         1         1 access\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            "100.00    0.000000           0         3         1 total\n");
}

TEST(SummaryTable, EmptyPrintsNothing) {
  SummaryTable t({});
  EXPECT_EQ(t.format(), "");
  t.add(Abi::kX86_64, 100000, 5, 5, false);  // out of the table: not counted
  EXPECT_EQ(t.format(), "");
}

TEST(SummaryTable, WidthsGrow) {
  SummaryTable t({});
  // A long name and 20000 s in one call: "seconds" and "syscall" widen.
  t.add(Abi::kX86_64, nr("sched_get_priority_max"), 20000000000 * kUs, 0, false);
  EXPECT_EQ(t.format(),
            "% time      seconds  usecs/call     calls    errors syscall\n"
            "------ ------------ ----------- --------- --------- -----------------------\n"
            "100.00 20000.000000 20000000000         1           sched_get_priority_max\n"
            "------ ------------ ----------- --------- --------- -----------------------\n"
            "100.00 20000.000000 20000000000         1           total\n");
}

TEST(SummaryTable, ColumnsAndSort) {
  auto cols = parse_summary_columns("name,calls,errors,avg-time,max-time");
  ASSERT_TRUE(cols);
  SummaryTable::Options o;
  o.columns = *cols;
  o.sort = *parse_summary_sort("calls");
  SummaryTable t(o);
  t.add(Abi::kX86_64, nr("execve"), 674 * kUs, 0, false);
  t.add(Abi::kX86_64, nr("close"), 2 * kUs, 0, false);
  t.add(Abi::kX86_64, nr("close"), 4 * kUs, 0, true);
  EXPECT_EQ(t.format(),
            "syscall              calls    errors  usecs/call  longest\n"
            "---------------- --------- --------- ----------- --------\n"
            "close                    2         1           3 0.000004\n"
            "execve                   1                   674 0.000674\n"
            "---------------- --------- --------- ----------- --------\n"
            "total                    3         1         226 0.000674\n");
}

TEST(SummaryTable, SortKeys) {
  auto order_of = [](const char* key) {
    SummaryTable::Options o;
    o.columns = *parse_summary_columns("name");
    o.sort = *parse_summary_sort(key);
    SummaryTable t(o);
    // read: 3 calls, 30us, 1 error; write: 1 call, 50us; close: 2 calls, 4us, 2 errors
    for (int i = 0; i < 3; ++i) t.add(Abi::kX86_64, nr("read"), 10 * kUs, 0, i == 0);
    t.add(Abi::kX86_64, nr("write"), 50 * kUs, 0, false);
    t.add(Abi::kX86_64, nr("close"), 1 * kUs, 0, true);
    t.add(Abi::kX86_64, nr("close"), 3 * kUs, 0, true);
    std::string s = t.format(), names;
    size_t pos = s.find('\n', s.find('\n') + 1) + 1;
    while (pos < s.size() && s[pos] != '-') {
      size_t end = s.find('\n', pos);
      names += s.substr(pos, end - pos) + " ";
      pos = end + 1;
    }
    return names;
  };
  EXPECT_EQ(order_of("time"), "write read close ");
  EXPECT_EQ(order_of("calls"), "read close write ");
  EXPECT_EQ(order_of("errors"), "close read write ");
  EXPECT_EQ(order_of("name"), "close read write ");
  EXPECT_EQ(order_of("nothing"), "read write close ");
  EXPECT_EQ(order_of("min-time"), "write read close ");
  EXPECT_EQ(order_of("max-time"), "write read close ");
  EXPECT_EQ(order_of("avg-time"), "write read close ");
}

TEST(SummaryTable, NameNotLastIsPadded) {
  SummaryTable::Options o;
  o.columns = *parse_summary_columns("errors,name,calls");
  SummaryTable t(o);
  t.add(Abi::kX86_64, nr("read"), 0, 0, false);
  EXPECT_EQ(t.format(),
            "   errors syscall              calls\n"
            "--------- ---------------- ---------\n"
            "          read                     1\n"
            "--------- ---------------- ---------\n"
            "          total                    1\n");
}

TEST(SummaryTable, MinMaxColumns) {
  SummaryTable::Options o;
  o.columns = *parse_summary_columns("min-time,max-time,total-time,time-percent,calls");
  SummaryTable t(o);
  t.add(Abi::kX86_64, nr("read"), 3 * kUs, 0, false);
  t.add(Abi::kX86_64, nr("read"), 1 * kUs, 0, false);
  t.add(Abi::kX86_64, nr("write"), 2500000 * kUs, 0, false);
  EXPECT_EQ(t.format(),
            "shortest  longest     seconds % time     calls syscall\n"
            "-------- -------- ----------- ------ --------- ----------------\n"
            "2.500000 2.500000    2.500000 100.00         1 write\n"
            "0.000001 0.000003    0.000004   0.00         2 read\n"
            "-------- -------- ----------- ------ --------- ----------------\n"
            "0.000001 2.500000    2.500004 100.00         3 total\n");
}

TEST(SummaryTable, I386GetsItsOwnTable) {
  SummaryTable t({});
  t.add(Abi::kI386, nr("getppid", Abi::kI386), 0, 0, false);
  EXPECT_EQ(t.format(),
            "System call usage summary for 32 bit mode:\n"
            "% time     seconds  usecs/call     calls    errors syscall\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            "  0.00    0.000000           0         1           getppid\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            "100.00    0.000000           0         1           total\n");
}

TEST(SummaryTable, Percentiles) {
  SummaryTable::Options o;
  o.percentiles = true;
  o.columns = *parse_summary_columns("calls,name");
  SummaryTable t(o);
  for (int i = 1; i <= 100; ++i) t.add(Abi::kX86_64, nr("read"), 0, i * 10 * kUs, false);
  std::string s = t.format();
  EXPECT_NE(s.find("    calls p50-usecs p90-usecs p99-usecs max-usecs syscall\n"), std::string::npos) << s;
  // 1.6 % resolution: p50 ~ 500 us, p90 ~ 900, p99 ~ 990, max exact.
  int calls, p50, p90, p99, pmax;
  size_t row = s.find("read");
  ASSERT_NE(row, std::string::npos);
  size_t start = s.rfind('\n', row) + 1;
  ASSERT_EQ(sscanf(s.c_str() + start, "%d %d %d %d %d", &calls, &p50, &p90, &p99, &pmax), 5) << s;
  EXPECT_EQ(calls, 100);
  EXPECT_NEAR(p50, 500, 10);
  EXPECT_NEAR(p90, 900, 15);
  EXPECT_NEAR(p99, 990, 16);
  EXPECT_EQ(pmax, 1000);
}

TEST(LatencyHistogram, BucketsCoverEveryValue) {
  for (uint64_t v : {0ull, 1ull, 63ull, 64ull, 65ull, 127ull, 128ull, 1000ull, 123456789ull, 1ull << 40, ~0ull}) {
    size_t b = LatencyHistogram::bucket_of(v);
    EXPECT_LE(LatencyHistogram::bucket_low(b), v) << v;
    if (v != ~0ull) {
      EXPECT_GT(LatencyHistogram::bucket_high(b), v) << v;
    }
    // Resolution: a bucket is at most 1/64 of its lower bound wide.
    if (v >= 64) {
      EXPECT_LE(LatencyHistogram::bucket_high(b) - LatencyHistogram::bucket_low(b), v / 64 + 1) << v;
    }
  }
  LatencyHistogram h;
  EXPECT_EQ(h.quantile(0.5), 0u);
  h.add(7);
  EXPECT_EQ(h.quantile(0.5), 7u);
  EXPECT_EQ(h.quantile(1.0), 7u);
}

TEST(SummaryOptions, Parse) {
  EXPECT_FALSE(parse_summary_columns("foo"));
  EXPECT_EQ(parse_summary_columns("foo").error().op, "unknown column name: 'foo'");
  EXPECT_EQ(parse_summary_columns("calls,count").error().op,
            "call summary column has been provided more than once: 'count' (-U option residual: 'count')");
  EXPECT_EQ(parse_summary_columns("none").error().op, "unknown column name: 'none'");
  auto c = parse_summary_columns("calls");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->size(), 2u);  // the name is always added
  EXPECT_EQ(parse_summary_sort("bogus").error().op, "invalid sortby: 'bogus'");
  EXPECT_EQ(*parse_summary_sort("nothing"), SummaryColumn::kNone);
  EXPECT_TRUE(summary_column_needs_exit(SummaryColumn::kErrors));
  EXPECT_FALSE(summary_column_needs_exit(SummaryColumn::kCalls));
  EXPECT_FALSE(summary_column_needs_exit(SummaryColumn::kName));
}

}  // namespace
}  // namespace syscope

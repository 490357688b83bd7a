// SPDX-License-Identifier: MIT
#include "output/summary.h"

#include <algorithm>
#include <bit>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numeric>

namespace syscope {
namespace {

constexpr int64_t kNsPerSec = 1000000000;

struct Alias {
  const char* name;
  SummaryColumn col;
};

// strace 6.1's names (count.c column_aliases), plus ours for the percentiles.
constexpr Alias kAliases[] = {
    {"time", SummaryColumn::kTimePercent},     {"time_percent", SummaryColumn::kTimePercent},
    {"time-percent", SummaryColumn::kTimePercent}, {"time_total", SummaryColumn::kTotal},
    {"time-total", SummaryColumn::kTotal},     {"total_time", SummaryColumn::kTotal},
    {"total-time", SummaryColumn::kTotal},     {"min_time", SummaryColumn::kMin},
    {"min-time", SummaryColumn::kMin},         {"shortest", SummaryColumn::kMin},
    {"time_min", SummaryColumn::kMin},         {"time-min", SummaryColumn::kMin},
    {"longest", SummaryColumn::kMax},          {"max_time", SummaryColumn::kMax},
    {"max-time", SummaryColumn::kMax},         {"time_max", SummaryColumn::kMax},
    {"time-max", SummaryColumn::kMax},         {"avg_time", SummaryColumn::kAvg},
    {"avg-time", SummaryColumn::kAvg},         {"time_avg", SummaryColumn::kAvg},
    {"time-avg", SummaryColumn::kAvg},         {"calls", SummaryColumn::kCalls},
    {"count", SummaryColumn::kCalls},          {"error", SummaryColumn::kErrors},
    {"errors", SummaryColumn::kErrors},        {"name", SummaryColumn::kName},
    {"syscall", SummaryColumn::kName},         {"syscall_name", SummaryColumn::kName},
    {"syscall-name", SummaryColumn::kName},    {"p50", SummaryColumn::kP50},
    {"p90", SummaryColumn::kP90},              {"p99", SummaryColumn::kP99},
    {"pmax", SummaryColumn::kPMax},            {"none", SummaryColumn::kNone},
    {"nothing", SummaryColumn::kNone},
};

const Alias* find_alias(std::string_view name) {
  for (const Alias& a : kAliases)
    if (name == a.name) return &a;
  return nullptr;
}

// strace's timespec arithmetic, reproduced so that the printed digits match.
struct Ts {
  int64_t sec = 0, nsec = 0;
  static Ts of(int64_t ns) { return Ts{ns / kNsPerSec, ns % kNsPerSec}; }
  double as_float() const { return static_cast<double>(sec) + static_cast<double>(nsec) / 1000000000.0; }
};

// ts_div: total / n, rounded to nearest.
int64_t div_round(int64_t ns, uint64_t n) {
  if (n == 0) return 0;
  return static_cast<int64_t>((static_cast<uint64_t>(ns) + n / 2) / n);
}

size_t num_chars(const char* fmt, auto v) {
  int n = snprintf(nullptr, 0, fmt, v);
  return n > 0 ? static_cast<size_t>(n) : 0;
}

void append_fmt(std::string& out, const char* fmt, auto... args) {
  char b[128];
  int n = snprintf(b, sizeof b, fmt, args...);
  if (n > 0) out.append(b, std::min(static_cast<size_t>(n), sizeof b - 1));
}

struct ColumnDesc {
  const char* header;
  size_t min_width;
  bool left;  // left-aligned (the name)
};

ColumnDesc describe(SummaryColumn c) {
  switch (c) {
    case SummaryColumn::kTimePercent: return {"% time", 6, false};
    case SummaryColumn::kTotal: return {"seconds", 11, false};
    case SummaryColumn::kMin: return {"shortest", 8, false};
    case SummaryColumn::kMax: return {"longest", 7, false};
    case SummaryColumn::kAvg: return {"usecs/call", 11, false};
    case SummaryColumn::kCalls: return {"calls", 9, false};
    case SummaryColumn::kErrors: return {"errors", 9, false};
    case SummaryColumn::kName: return {"syscall", 16, true};
    case SummaryColumn::kP50: return {"p50-usecs", 9, false};
    case SummaryColumn::kP90: return {"p90-usecs", 9, false};
    case SummaryColumn::kP99: return {"p99-usecs", 9, false};
    case SummaryColumn::kPMax: return {"max-usecs", 9, false};
    case SummaryColumn::kNone: break;
  }
  return {"", 0, false};
}

double quantile_of(SummaryColumn c) {
  switch (c) {
    case SummaryColumn::kP50: return 0.50;
    case SummaryColumn::kP90: return 0.90;
    case SummaryColumn::kP99: return 0.99;
    default: return 1.0;
  }
}

}  // namespace

Result<std::vector<SummaryColumn>> parse_summary_columns(std::string_view spec) {
  std::vector<SummaryColumn> cols;
  bool seen[16] = {};
  size_t pos = 0;
  for (;;) {
    size_t comma = spec.find(',', pos);
    std::string_view item = spec.substr(pos, comma == std::string_view::npos ? spec.npos : comma - pos);
    const Alias* a = find_alias(item);
    if (!a || a->col == SummaryColumn::kNone)
      return make_error(EINVAL, "unknown column name: '" + std::string(item) + "'");
    auto idx = static_cast<size_t>(a->col);
    if (seen[idx])
      return make_error(EINVAL, "call summary column has been provided more than once: '" +
                                    std::string(a->name) + "' (-U option residual: '" +
                                    std::string(spec.substr(pos)) + "')");
    seen[idx] = true;
    cols.push_back(a->col);
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  if (!seen[static_cast<size_t>(SummaryColumn::kName)]) cols.push_back(SummaryColumn::kName);
  return cols;
}

Result<SummaryColumn> parse_summary_sort(std::string_view key) {
  const Alias* a = find_alias(key);
  if (!a) return make_error(EINVAL, "invalid sortby: '" + std::string(key) + "'");
  return a->col;
}

std::vector<SummaryColumn> default_summary_columns() {
  return {SummaryColumn::kTimePercent, SummaryColumn::kTotal, SummaryColumn::kAvg,
          SummaryColumn::kCalls,       SummaryColumn::kErrors, SummaryColumn::kName};
}

bool summary_column_needs_exit(SummaryColumn c) {
  return c != SummaryColumn::kCalls && c != SummaryColumn::kName && c != SummaryColumn::kNone;
}

// ---- LatencyHistogram --------------------------------------------------
// Values below 64 ns have a bucket each; above, each power of two is split
// into 64 linear sub-buckets (relative error under 1/64).
namespace {
constexpr unsigned kSubBits = 6;
constexpr size_t kSub = size_t{1} << kSubBits;
}  // namespace

size_t LatencyHistogram::bucket_of(uint64_t ns) {
  if (ns < kSub) return static_cast<size_t>(ns);
  unsigned e = 63u - static_cast<unsigned>(std::countl_zero(ns));  // >= kSubBits
  size_t sub = static_cast<size_t>((ns >> (e - kSubBits)) & (kSub - 1));
  return kSub + (e - kSubBits) * kSub + sub;
}

uint64_t LatencyHistogram::bucket_low(size_t b) {
  if (b < kSub) return b;
  size_t e = (b - kSub) / kSub + kSubBits;
  size_t sub = (b - kSub) % kSub;
  return (uint64_t{1} << e) + (static_cast<uint64_t>(sub) << (e - kSubBits));
}

uint64_t LatencyHistogram::bucket_high(size_t b) {
  if (b < kSub) return b + 1;
  size_t e = (b - kSub) / kSub + kSubBits;
  return bucket_low(b) + (uint64_t{1} << (e - kSubBits));
}

void LatencyHistogram::add(uint64_t ns) {
  size_t b = bucket_of(ns);
  if (b >= buckets_.size()) buckets_.resize(b + 1 + kSub, 0);
  ++buckets_[b];
  ++count_;
  max_ = std::max(max_, ns);
}

void LatencyHistogram::merge(const LatencyHistogram& o) {
  if (o.buckets_.size() > buckets_.size()) buckets_.resize(o.buckets_.size(), 0);
  for (size_t i = 0; i < o.buckets_.size(); ++i) buckets_[i] += o.buckets_[i];
  count_ += o.count_;
  max_ = std::max(max_, o.max_);
}

uint64_t LatencyHistogram::quantile(double q) const {
  if (count_ == 0) return 0;
  if (q >= 1.0) return max_;
  auto rank = static_cast<uint64_t>(std::ceil(q * static_cast<double>(count_)));
  rank = std::clamp<uint64_t>(rank, 1, count_);
  uint64_t seen = 0;
  for (size_t b = 0; b < buckets_.size(); ++b) {
    seen += buckets_[b];
    if (seen >= rank) {
      uint64_t lo = bucket_low(b), hi = bucket_high(b);
      return std::min(max_, lo + (hi - lo - 1) / 2);
    }
  }
  return max_;
}

// ---- SummaryTable ------------------------------------------------------

SummaryTable::SummaryTable(Options o) : opts_(std::move(o)) {
  columns_ = opts_.columns;
  if (opts_.percentiles) {
    // Before the name when it ends the row (the default), else at the end.
    auto at = columns_.end();
    if (!columns_.empty() && columns_.back() == SummaryColumn::kName) at = columns_.end() - 1;
    std::vector<SummaryColumn> extra;
    for (SummaryColumn c : {SummaryColumn::kP50, SummaryColumn::kP90, SummaryColumn::kP99, SummaryColumn::kPMax})
      if (std::find(columns_.begin(), columns_.end(), c) == columns_.end()) extra.push_back(c);
    columns_.insert(at, extra.begin(), extra.end());
  }
}

SummaryTable::Counts* SummaryTable::slot(Abi abi, long nr) {
  if (!syscall_by_nr(abi, nr)) return nullptr;  // out of table or a hole
  auto& v = counts_[static_cast<size_t>(abi)];
  if (v.empty()) v.resize(static_cast<size_t>(syscall_table_size(abi)));
  return &v[static_cast<size_t>(nr)];
}

void SummaryTable::add(Abi abi, long nr, int64_t time_ns, int64_t wall_ns, bool error) {
  Counts* c = slot(abi, nr);
  if (!c) return;
  time_ns = std::max<int64_t>(time_ns, 0);
  ++c->calls;
  if (error) ++c->errors;
  c->time_ns += time_ns;
  c->min_ns = std::min(c->min_ns, time_ns);
  c->max_ns = std::max(c->max_ns, time_ns);
  if (opts_.percentiles) {
    if (!c->wall) c->wall = std::make_unique<LatencyHistogram>();
    c->wall->add(static_cast<uint64_t>(std::max<int64_t>(wall_ns, 0)));
  }
}

void SummaryTable::add_call(Abi abi, long nr) {
  Counts* c = slot(abi, nr);
  if (!c) return;
  ++c->calls;
  c->min_ns = 0;
}

uint64_t SummaryTable::calls(Abi abi, long nr) const {
  const auto& v = counts_[static_cast<size_t>(abi)];
  if (nr < 0 || static_cast<size_t>(nr) >= v.size()) return 0;
  return v[static_cast<size_t>(nr)].calls;
}

std::string SummaryTable::format() const {
  std::string out;
  for (Abi abi : {Abi::kX86_64, Abi::kI386}) {
    const auto& v = counts_[static_cast<size_t>(abi)];
    if (v.empty()) continue;
    if (abi == Abi::kI386) out += "System call usage summary for 32 bit mode:\n";
    format_abi(abi, out);
  }
  return out;
}

void SummaryTable::format_abi(Abi abi, std::string& out) const {
  const auto& counts = counts_[static_cast<size_t>(abi)];
  const size_t n = counts.size();
  // Totals and per-column extremes, as count.c computes them.
  int64_t cum_ns = 0, min_ns = INT64_MAX, min_max_ns = 0, max_ns = 0, avg_max_ns = 0;
  uint64_t call_cum = 0, error_cum = 0;
  size_t name_max = 0;
  std::vector<int64_t> avg(n, 0);
  LatencyHistogram total_wall;
  for (size_t i = 0; i < n; ++i) {
    const Counts& c = counts[i];
    if (c.calls == 0) continue;
    cum_ns += c.time_ns;
    min_ns = std::min(min_ns, c.min_ns);
    min_max_ns = std::max(min_max_ns, c.min_ns);
    max_ns = std::max(max_ns, c.max_ns);
    call_cum += c.calls;
    error_cum += c.errors;
    avg[i] = div_round(c.time_ns, c.calls);
    avg_max_ns = std::max(avg_max_ns, avg[i]);
    name_max = std::max(name_max, std::strlen(syscall_by_nr(abi, static_cast<long>(i))->name));
    if (c.wall) total_wall.merge(*c.wall);
  }
  const double cum = Ts::of(cum_ns).as_float();

  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  auto by_desc = [&](auto key) {
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) > key(b); });
  };
  switch (opts_.sort) {
    case SummaryColumn::kTimePercent:
    case SummaryColumn::kTotal: by_desc([&](size_t i) { return counts[i].time_ns; }); break;
    case SummaryColumn::kMin: by_desc([&](size_t i) { return counts[i].min_ns; }); break;
    case SummaryColumn::kMax: by_desc([&](size_t i) { return counts[i].max_ns; }); break;
    case SummaryColumn::kAvg: by_desc([&](size_t i) { return avg[i]; }); break;
    case SummaryColumn::kCalls: by_desc([&](size_t i) { return counts[i].calls; }); break;
    case SummaryColumn::kErrors: by_desc([&](size_t i) { return counts[i].errors; }); break;
    case SummaryColumn::kName:
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const SyscallDesc* da = syscall_by_nr(abi, static_cast<long>(a));
        const SyscallDesc* db = syscall_by_nr(abi, static_cast<long>(b));
        return std::strcmp(da ? da->name : "", db ? db->name : "") < 0;
      });
      break;
    case SummaryColumn::kP50:
    case SummaryColumn::kP90:
    case SummaryColumn::kP99:
    case SummaryColumn::kPMax: {
      double q = quantile_of(opts_.sort);
      by_desc([&](size_t i) { return counts[i].wall ? counts[i].wall->quantile(q) : 0; });
      break;
    }
    case SummaryColumn::kNone: break;
  }

  auto pct_us = [](uint64_t ns) { return ns / 1000; };
  // Widths.
  auto width = [&](SummaryColumn c) -> size_t {
    size_t w = describe(c).min_width;
    size_t v = 0;
    switch (c) {
      case SummaryColumn::kTimePercent: v = 6; break;
      case SummaryColumn::kTotal: v = num_chars("%.6f", cum); break;
      case SummaryColumn::kMin: v = num_chars("%" PRId64 ".000000", Ts::of(min_max_ns).sec); break;
      case SummaryColumn::kMax: v = num_chars("%" PRId64 ".000000", Ts::of(max_ns).sec); break;
      case SummaryColumn::kAvg:
        v = num_chars("%" PRIu64, static_cast<uint64_t>(Ts::of(avg_max_ns).as_float() * 1e6));
        break;
      case SummaryColumn::kCalls: v = num_chars("%" PRIu64, call_cum); break;
      case SummaryColumn::kErrors: v = num_chars("%" PRIu64, error_cum); break;
      case SummaryColumn::kName: v = name_max + 1; break;
      case SummaryColumn::kP50:
      case SummaryColumn::kP90:
      case SummaryColumn::kP99:
      case SummaryColumn::kPMax: v = num_chars("%" PRIu64, pct_us(total_wall.max())); break;
      case SummaryColumn::kNone: break;
    }
    return std::max(w, v);
  };
  std::vector<size_t> widths;
  for (SummaryColumn c : columns_) widths.push_back(width(c));
  const size_t last = columns_.size() - 1;

  auto sep_row = [&] {
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (i) out += ' ';
      out.append(widths[i], '-');
    }
    out += '\n';
  };
  // Header.
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (i) out += ' ';
    ColumnDesc d = describe(columns_[i]);
    int w = static_cast<int>(widths[i]);
    if (d.left && i == last)
      out += d.header;
    else if (d.left)
      append_fmt(out, "%-*s", w, d.header);
    else
      append_fmt(out, "%*s", w, d.header);
  }
  out += '\n';
  sep_row();

  struct RowValues {
    double percent, total, min, max;
    uint64_t avg_us, calls, errors;
    const char* name;
    const LatencyHistogram* wall;
  };
  auto emit = [&](const RowValues& r) {
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (i) out += ' ';
      int w = static_cast<int>(widths[i]);
      SummaryColumn c = columns_[i];
      switch (c) {
        case SummaryColumn::kTimePercent: append_fmt(out, "%*.2f", w, r.percent); break;
        case SummaryColumn::kTotal: append_fmt(out, "%*.6f", w, r.total); break;
        case SummaryColumn::kMin: append_fmt(out, "%*.6f", w, r.min); break;
        case SummaryColumn::kMax: append_fmt(out, "%*.6f", w, r.max); break;
        case SummaryColumn::kAvg: append_fmt(out, "%*" PRIu64, w, r.avg_us); break;
        case SummaryColumn::kCalls: append_fmt(out, "%*" PRIu64, w, r.calls); break;
        // "%*.0" prints nothing for 0: a blank cell.
        case SummaryColumn::kErrors: append_fmt(out, "%*.0" PRIu64, w, r.errors); break;
        case SummaryColumn::kName:
          if (i == last)
            out += r.name;
          else
            append_fmt(out, "%-*s", w, r.name);
          break;
        case SummaryColumn::kP50:
        case SummaryColumn::kP90:
        case SummaryColumn::kP99:
        case SummaryColumn::kPMax:
          append_fmt(out, "%*" PRIu64, w, r.wall ? pct_us(r.wall->quantile(quantile_of(c))) : uint64_t{0});
          break;
        case SummaryColumn::kNone: break;
      }
    }
    out += '\n';
  };

  for (size_t idx : order) {
    const Counts& c = counts[idx];
    if (c.calls == 0) continue;
    double t = Ts::of(c.time_ns).as_float();
    double percent = 100.0 * t;
    if (percent != 0.0) percent /= cum;
    emit(RowValues{percent, t, Ts::of(c.min_ns).as_float(), Ts::of(c.max_ns).as_float(),
                   static_cast<uint64_t>(Ts::of(avg[idx]).as_float() * 1e6), c.calls, c.errors,
                   syscall_by_nr(abi, static_cast<long>(idx))->name, c.wall.get()});
  }
  sep_row();
  uint64_t total_avg = call_cum ? static_cast<uint64_t>(cum / static_cast<double>(call_cum) * 1e6) : 0;
  emit(RowValues{100.0, cum, Ts::of(min_ns == INT64_MAX ? 0 : min_ns).as_float(), Ts::of(max_ns).as_float(),
                 total_avg, call_cum, error_cum, "total", &total_wall});
}

// ---- SummaryObserver ---------------------------------------------------

SummaryObserver::SummaryObserver(Config cfg, const Tracer* tracer)
    : cfg_(std::move(cfg)),
      tracer_(tracer),
      need_wall_(cfg_.wall || cfg_.table.percentiles),
      table_(cfg_.table) {}

void SummaryObserver::on_syscall_entry(SyscallStop& s) {
  if (!cfg_.trace.contains(s.abi, s.nr)) return;
  if (cfg_.count_at_entry) {
    // Counted where strace counts it, at the exit, except that the exit is
    // never waited for: a call that never returns is not counted.
    const SyscallDesc* d = syscall_by_nr(s.abi, s.nr);
    if (d && !(d->classes & kNeverReturns)) table_.add_call(s.abi, s.nr);
    return;
  }
  InFlight& f = inflight_[s.tracee.tid];
  f.abi = s.abi;
  f.nr = s.nr;
  if (!cfg_.wall) f.stime = tracer_->last_rusage().ru_stime;
  // Last, to keep our own work out of the latency.
  if (need_wall_) clock_gettime(CLOCK_MONOTONIC, &f.wall);
}

void SummaryObserver::on_syscall_exit(SyscallStop& s) {
  if (cfg_.count_at_entry) return;
  timespec now{};
  if (need_wall_) clock_gettime(CLOCK_MONOTONIC, &now);
  auto it = inflight_.find(s.tracee.tid);
  if (it == inflight_.end() || it->second.nr < 0) return;
  InFlight& f = it->second;
  int64_t wall_ns = 0;
  if (need_wall_) wall_ns = (now.tv_sec - f.wall.tv_sec) * kNsPerSec + (now.tv_nsec - f.wall.tv_nsec);
  int64_t time_ns = wall_ns;
  if (!cfg_.wall) {
    const timeval& st = tracer_->last_rusage().ru_stime;
    time_ns = (st.tv_sec - f.stime.tv_sec) * kNsPerSec + (st.tv_usec - f.stime.tv_usec) * 1000;
  }
  table_.add(f.abi, f.nr, time_ns, wall_ns, s.is_error);
  f.nr = -1;  // kept (no allocation per syscall); erased when the thread ends
}

void SummaryObserver::on_exec(Tracee& t, pid_t former_tid) {
  if (former_tid == t.tid) return;
  auto it = inflight_.find(former_tid);
  if (it == inflight_.end()) return;
  InFlight f = it->second;
  inflight_.erase(it);
  inflight_[t.tid] = f;
}

void SummaryObserver::on_exit(Tracee& t, const pt::WaitStatus&) { inflight_.erase(t.tid); }
void SummaryObserver::on_vanish(Tracee& t) { inflight_.erase(t.tid); }

void SummaryObserver::on_detach(Tracee& t) {
  inflight_.erase(t.tid);
  if (cfg_.summary_only && cfg_.quiet < 1) fprintf(stderr, "syscope: Process %d detached\n", t.tid);
}

}  // namespace syscope

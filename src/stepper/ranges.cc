// SPDX-License-Identifier: MIT
// --only specifications and address range sets.
#include <algorithm>
#include <charconv>

#include "syscope/stepper.h"

namespace syscope {
namespace {

std::optional<uint64_t> parse_addr(std::string_view s) {
  if (s.starts_with("0x") || s.starts_with("0X")) s.remove_prefix(2);
  if (s.empty()) return std::nullopt;
  uint64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 16);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<RangeSpec> RangeSpec::parse(std::string_view text, std::string* error) {
  RangeSpec r;
  r.text = std::string(text);
  auto fail = [&](const std::string& why) -> std::optional<RangeSpec> {
    if (error) *error = why;
    return std::nullopt;
  };
  if (text.empty()) return fail("empty --only specification");
  if (text.starts_with("object:") || text.starts_with("symbol:")) {
    r.kind = text[0] == 'o' ? Kind::kObject : Kind::kSymbol;
    r.name = std::string(text.substr(7));
    if (r.name.empty()) return fail("missing name in '" + std::string(text) + "'");
    return r;
  }
  if (text.starts_with("0x") || text.starts_with("0X")) {
    size_t sep = text.find_first_of("-+");
    if (sep == std::string_view::npos) return fail("address range must be START-END or START+SIZE: '" + std::string(text) + "'");
    auto a = parse_addr(text.substr(0, sep));
    auto b = parse_addr(text.substr(sep + 1));
    if (!a || !b) return fail("bad address range '" + std::string(text) + "'");
    r.kind = Kind::kAddress;
    r.start = *a;
    r.end = text[sep] == '+' ? *a + *b : *b;
    if (r.end <= r.start) return fail("empty address range '" + std::string(text) + "'");
    return r;
  }
  r.kind = Kind::kAuto;
  r.name = std::string(text);
  return r;
}

void RangeSet::add(uint64_t start, uint64_t end) {
  if (end <= start) return;
  r_.emplace_back(start, end);
  std::sort(r_.begin(), r_.end());
  std::vector<std::pair<uint64_t, uint64_t>> merged;
  for (auto& x : r_) {
    if (!merged.empty() && x.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, x.second);
    else
      merged.push_back(x);
  }
  r_ = std::move(merged);
}

bool RangeSet::contains(uint64_t a) const {
  // Few ranges in practice: a binary search keeps many cheap too.
  auto it = std::upper_bound(r_.begin(), r_.end(), a,
                             [](uint64_t v, const std::pair<uint64_t, uint64_t>& r) { return v < r.first; });
  if (it == r_.begin()) return false;
  --it;
  return a < it->second;
}

}  // namespace syscope

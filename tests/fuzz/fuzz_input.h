// SPDX-License-Identifier: MIT
// The byte layout of one decoder fuzz input, shared by the fuzz target
// (decoder_fuzz.cc, which parses it) and the standalone driver (fuzz_main.cc,
// which generates it). All integers are little-endian; a short input reads
// as zeros past its end, so every byte string is a valid input.
//
//   offset size
//   0      1    mode:  bit0 i386 ABI, bit1 entry only (no exit stop: the
//                      tracee died), bit2 -e raw=, bit3 -e verbose=none
//   1      1    fmt:   bits0-1 -x level (3 = 2), bit2 -v, bits3-4 -X
//                      (0 abbrev, 1 raw, 2 verbose, 3 = abbrev),
//                      bits5-6 -y level (3 = 2)
//   2      1    -s string limit (0..255)
//   3      2    syscall number, int16 (negative and out-of-table numbers too)
//   5      48   6 argument registers, u64 each
//   53     8    return value, i64
//   61...       memory regions, until the input ends (at most kMaxRegions):
//                 u8 flags (bit0: mapped only at the exit stop, i.e. what the
//                 kernel wrote), u64 address, u16 length, `length` bytes
//                 (clipped to what is left of the input)
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace syscope::fuzz {

inline constexpr size_t kHeaderSize = 61;
inline constexpr size_t kMaxRegions = 16;

struct Region {
  bool exit_only = false;
  uint64_t addr = 0;
  std::vector<uint8_t> bytes;
};

struct Input {
  uint8_t mode = 0;
  uint8_t fmt = 0;
  uint8_t string_limit = 32;
  int16_t nr = 0;
  uint64_t args[6] = {};
  int64_t rval = 0;
  std::vector<Region> regions;
};

namespace detail {
inline uint64_t get(const uint8_t* d, size_t n, size_t off, size_t width) {
  uint64_t v = 0;
  for (size_t i = 0; i < width; ++i)
    if (off + i < n) v |= static_cast<uint64_t>(d[off + i]) << (8 * i);
  return v;
}
inline void put(std::vector<uint8_t>* out, uint64_t v, size_t width) {
  for (size_t i = 0; i < width; ++i) out->push_back(static_cast<uint8_t>(v >> (8 * i)));
}
}  // namespace detail

inline Input parse(const uint8_t* d, size_t n) {
  using detail::get;
  Input in;
  in.mode = static_cast<uint8_t>(get(d, n, 0, 1));
  in.fmt = static_cast<uint8_t>(get(d, n, 1, 1));
  in.string_limit = static_cast<uint8_t>(get(d, n, 2, 1));
  in.nr = static_cast<int16_t>(get(d, n, 3, 2));
  for (int i = 0; i < 6; ++i) in.args[i] = get(d, n, 5 + 8 * static_cast<size_t>(i), 8);
  in.rval = static_cast<int64_t>(get(d, n, 53, 8));
  size_t off = kHeaderSize;
  while (off < n && in.regions.size() < kMaxRegions) {
    Region r;
    r.exit_only = get(d, n, off, 1) & 1;
    r.addr = get(d, n, off + 1, 8);
    size_t len = get(d, n, off + 9, 2);
    off += 11;
    if (off > n) break;
    len = len < n - off ? len : n - off;
    r.bytes.assign(d + off, d + off + len);
    off += len;
    in.regions.push_back(std::move(r));
  }
  return in;
}

inline std::vector<uint8_t> serialize(const Input& in) {
  using detail::put;
  std::vector<uint8_t> out;
  put(&out, in.mode, 1);
  put(&out, in.fmt, 1);
  put(&out, in.string_limit, 1);
  put(&out, static_cast<uint16_t>(in.nr), 2);
  for (uint64_t a : in.args) put(&out, a, 8);
  put(&out, static_cast<uint64_t>(in.rval), 8);
  for (size_t i = 0; i < in.regions.size() && i < kMaxRegions; ++i) {
    const Region& r = in.regions[i];
    put(&out, r.exit_only ? 1 : 0, 1);
    put(&out, r.addr, 8);
    size_t len = r.bytes.size() < 0xffff ? r.bytes.size() : 0xffff;
    put(&out, len, 2);
    out.insert(out.end(), r.bytes.begin(), r.bytes.begin() + static_cast<ptrdiff_t>(len));
  }
  return out;
}

// Decodes one input as the strace printer would and returns the line
// (decoder_fuzz.cc).
std::string decode_input(const Input& in);

}  // namespace syscope::fuzz

// SPDX-License-Identifier: MIT
// -e read=FDS / -e write=FDS: full hex+ASCII dumps of the data a traced
// read-like or write-like syscall moved, printed after its line.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "format/decode_context.h"
#include "syscope/error.h"
#include "syscope/syscall_table.h"

namespace syscope {

class FdSet {
 public:
  static Result<FdSet> parse(std::string_view expr);
  bool contains(long fd) const {
    if (fd < 0) return false;
    if (static_cast<size_t>(fd) < bits_.size()) return bits_[static_cast<size_t>(fd)];
    return rest_;
  }
  bool empty() const { return !rest_ && std::find(bits_.begin(), bits_.end(), true) == bits_.end(); }

 private:
  std::vector<bool> bits_ = std::vector<bool>(1024, false);
  bool rest_ = false;  // fds >= bits_.size()
};

// Appends the dump lines (each ending in '\n') for a finished syscall, if it
// moved data on an fd of the sets.
void dump_io(const FdSet& reads, const FdSet& writes, const SyscallDesc* desc,
             const uint64_t args[6], int64_t rval, DecodeContext& ctx, std::string* out);

// One hex+ASCII dump of len bytes at addr (" | 00000  68 69 ...  hi  |").
void dump_bytes(DecodeContext& ctx, uint64_t addr, uint64_t len, std::string* out);

}  // namespace syscope

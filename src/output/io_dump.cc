// SPDX-License-Identifier: MIT
#include "output/io_dump.h"

#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace syscope {
namespace {

enum class Kind { kNone, kRead, kWrite };
enum class Shape { kBuf, kIov, kMsg, kMmsg };

struct IoCall {
  const char* name;
  Kind kind;
  Shape shape;
};

constexpr IoCall kCalls[] = {
    {"read", Kind::kRead, Shape::kBuf},        {"pread64", Kind::kRead, Shape::kBuf},
    {"recvfrom", Kind::kRead, Shape::kBuf},    {"readv", Kind::kRead, Shape::kIov},
    {"preadv", Kind::kRead, Shape::kIov},      {"preadv2", Kind::kRead, Shape::kIov},
    {"recvmsg", Kind::kRead, Shape::kMsg},     {"recvmmsg", Kind::kRead, Shape::kMmsg},
    {"write", Kind::kWrite, Shape::kBuf},      {"pwrite64", Kind::kWrite, Shape::kBuf},
    {"sendto", Kind::kWrite, Shape::kBuf},     {"writev", Kind::kWrite, Shape::kIov},
    {"pwritev", Kind::kWrite, Shape::kIov},    {"pwritev2", Kind::kWrite, Shape::kIov},
    {"sendmsg", Kind::kWrite, Shape::kMsg},    {"sendmmsg", Kind::kWrite, Shape::kMmsg},
};

const IoCall* io_call(const SyscallDesc* d) {
  if (!d) return nullptr;
  for (const auto& c : kCalls)
    if (std::strcmp(c.name, d->name) == 0) return &c;
  return nullptr;
}

// Dumps an iovec array, " * N bytes in buffer I" before each, at most
// `total` bytes in all (what the call really moved).
void dump_iov(DecodeContext& ctx, uint64_t iov_addr, uint64_t iovcnt, uint64_t total,
              std::string* out) {
  iovcnt = std::min<uint64_t>(iovcnt, 1024);
  for (uint64_t i = 0; i < iovcnt && total > 0; ++i) {
    iovec v{};
    if (ctx.read(iov_addr + i * sizeof v, &v, sizeof v) != sizeof v) return;
    uint64_t n = std::min<uint64_t>(v.iov_len, total);
    char line[64];
    snprintf(line, sizeof line, " * %llu bytes in buffer %llu\n", static_cast<unsigned long long>(n),
             static_cast<unsigned long long>(i));
    out->append(line);
    dump_bytes(ctx, reinterpret_cast<uint64_t>(v.iov_base), n, out);
    total -= n;
  }
}

}  // namespace

Result<FdSet> FdSet::parse(std::string_view expr) {
  FdSet s;
  bool negate = false;
  if (!expr.empty() && expr[0] == '!') {
    negate = true;
    expr.remove_prefix(1);
  }
  size_t pos = 0;
  while (pos <= expr.size()) {
    size_t comma = expr.find(',', pos);
    if (comma == std::string_view::npos) comma = expr.size();
    std::string_view e = expr.substr(pos, comma - pos);
    if (e == "all") {
      s.bits_.assign(s.bits_.size(), true);
      s.rest_ = true;
    } else if (e != "none") {
      long fd = 0;
      bool ok = !e.empty();
      for (char c : e) {
        if (c < '0' || c > '9') ok = false;
        fd = fd * 10 + (c - '0');
        if (fd > (1 << 30)) ok = false;
      }
      if (!ok) return make_error(EINVAL, "invalid descriptor '" + std::string(e) + "'");
      if (static_cast<size_t>(fd) >= s.bits_.size()) s.bits_.resize(static_cast<size_t>(fd) + 1, false);
      s.bits_[static_cast<size_t>(fd)] = true;
    }
    if (comma == expr.size()) break;
    pos = comma + 1;
  }
  if (negate) {
    s.bits_.flip();
    s.rest_ = !s.rest_;
  }
  return s;
}

void dump_bytes(DecodeContext& ctx, uint64_t addr, uint64_t len, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  unsigned char chunk[4096];
  uint64_t off = 0;
  while (off < len) {
    size_t want = static_cast<size_t>(std::min<uint64_t>(sizeof chunk, len - off));
    size_t got = ctx.read(addr + off, chunk, want);
    if (got == 0) return;
    for (size_t i = 0; i < got; i += 16) {
      size_t n = std::min<size_t>(16, got - i);
      char head[16];
      snprintf(head, sizeof head, " | %05llx  ", static_cast<unsigned long long>(off + i));
      out->append(head);
      for (size_t j = 0; j < 16; ++j) {
        if (j < n) {
          unsigned char c = chunk[i + j];
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
          out->push_back(' ');
        } else {
          out->append("   ");
        }
        if (j == 7) out->push_back(' ');
      }
      out->push_back(' ');
      for (size_t j = 0; j < 16; ++j) {
        if (j < n) {
          unsigned char c = chunk[i + j];
          out->push_back(c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '.');
        } else {
          out->push_back(' ');
        }
      }
      out->append(" |\n");
    }
    off += got;
    if (got < want) return;
  }
}

void dump_io(const FdSet& reads, const FdSet& writes, const SyscallDesc* desc,
             const uint64_t args[6], int64_t rval, DecodeContext& ctx, std::string* out) {
  const IoCall* c = io_call(desc);
  if (!c || rval < 0) return;
  int fd = static_cast<int>(args[0]);
  const FdSet& set = c->kind == Kind::kRead ? reads : writes;
  if (!set.contains(fd)) return;
  uint64_t total = static_cast<uint64_t>(rval);
  switch (c->shape) {
    case Shape::kBuf: dump_bytes(ctx, args[1], total, out); break;
    case Shape::kIov: dump_iov(ctx, args[1], args[2], total, out); break;
    case Shape::kMsg: {
      msghdr m{};
      if (ctx.read(args[1], &m, sizeof m) == sizeof m)
        dump_iov(ctx, reinterpret_cast<uint64_t>(m.msg_iov), m.msg_iovlen, total, out);
      break;
    }
    case Shape::kMmsg: {
      // rval is the number of messages; each carries its own length.
      for (int64_t i = 0; i < rval && i < 1024; ++i) {
        mmsghdr mm{};
        if (ctx.read(args[1] + static_cast<uint64_t>(i) * sizeof mm, &mm, sizeof mm) != sizeof mm) break;
        dump_iov(ctx, reinterpret_cast<uint64_t>(mm.msg_hdr.msg_iov), mm.msg_hdr.msg_iovlen, mm.msg_len, out);
      }
      break;
    }
  }
}

}  // namespace syscope

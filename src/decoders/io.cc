// SPDX-License-Identifier: MIT
// read/write family, vectored and positional I/O, lseek, dup*, pipe*,
// eventfd*, sendfile, splice/tee/vmsplice, copy_file_range. fcntl and
// getdents live in io_fcntl.cc, the AIO and io_uring calls in io_aio.cc.
#include <cstdint>
#include <vector>

#include "decoders/families.h"
#include "decoders/io_util.h"
#include "syscalls/xlat/tables.h"

namespace syscope::families {
namespace {

using namespace syscope::iodec;

// A 64-bit offset argument: one register on x86_64, a lo/hi pair on i386
// (strace's print_arg_lld / print_lld_from_low_high_val).
int64_t offset_arg(const Call& c, int i) {
  if (is_compat(c)) return static_cast<int64_t>((c.arg(i + 1) << 32) | (c.arg(i) & 0xffffffffu));
  return static_cast<int64_t>(c.arg(i));
}

// read(fd, buf, count): buf is output, printed at exit (its address if the call failed).
bool dec_read(Call& c) {
  if (!c.exiting) {
    c.p->fd(c.arg(0));
    c.p->sep();
    return false;
  }
  if (c.failed())
    c.p->addr(c.arg(1));
  else
    print_strn(c, c.arg(1), static_cast<uint64_t>(c.rval));
  c.p->sep();
  c.p->udec(c.arg(2));
  return true;
}

bool dec_write(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  print_strn(c, c.arg(1), c.arg(2));
  c.p->sep();
  c.p->udec(c.arg(2));
  return true;
}

bool dec_pread(Call& c) {
  if (!c.exiting) {
    c.p->fd(c.arg(0));
    c.p->sep();
    return false;
  }
  if (c.failed())
    c.p->addr(c.arg(1));
  else
    print_strn(c, c.arg(1), static_cast<uint64_t>(c.rval));
  c.p->sep();
  c.p->udec(c.arg(2));
  c.p->sep();
  c.p->dec(offset_arg(c, 3));
  return true;
}

bool dec_pwrite(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  print_strn(c, c.arg(1), c.arg(2));
  c.p->sep();
  c.p->udec(c.arg(2));
  c.p->sep();
  c.p->dec(offset_arg(c, 3));
  return true;
}

// readv: the data shown over all iovecs is capped by the return value.
bool dec_readv(Call& c) {
  if (!c.exiting) {
    c.p->fd(c.arg(0));
    c.p->sep();
    return false;
  }
  print_iov(c, c.arg(2), c.arg(1), static_cast<uint64_t>(c.rval), c.failed());
  c.p->sep();
  c.p->udec(c.arg(2));
  return true;
}

bool dec_writev(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  print_iov(c, c.arg(2), c.arg(1), ~uint64_t{0}, false);
  c.p->sep();
  c.p->udec(c.arg(2));
  return true;
}

uint64_t iov_count(const Call& c) {
  return is_compat(c) ? (c.arg(2) & 0xffffffffu) : c.arg(2);
}

bool do_preadv(Call& c, int flags_arg) {
  if (!c.exiting) {
    c.p->fd(c.arg(0));
    c.p->sep();
    return false;
  }
  uint64_t len = iov_count(c);
  print_iov(c, len, c.arg(1), static_cast<uint64_t>(c.rval), c.failed());
  c.p->sep();
  c.p->udec(len);
  c.p->sep();
  c.p->dec(offset_arg(c, 3));
  if (flags_arg >= 0) {
    c.p->sep();
    print_flags(*c.p, c.arg(flags_arg), xlat::rwf_flags, "RWF_???");
  }
  return true;
}

bool do_pwritev(Call& c, int flags_arg) {
  uint64_t len = iov_count(c);
  c.p->fd(c.arg(0));
  c.p->sep();
  print_iov(c, len, c.arg(1), ~uint64_t{0}, false);
  c.p->sep();
  c.p->udec(len);
  c.p->sep();
  c.p->dec(offset_arg(c, 3));
  if (flags_arg >= 0) {
    c.p->sep();
    print_flags(*c.p, c.arg(flags_arg), xlat::rwf_flags, "RWF_???");
  }
  return true;
}

bool dec_preadv(Call& c) { return do_preadv(c, -1); }
bool dec_preadv2(Call& c) { return do_preadv(c, 5); }
bool dec_pwritev(Call& c) { return do_pwritev(c, -1); }
bool dec_pwritev2(Call& c) { return do_pwritev(c, 5); }

bool dec_lseek(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  c.p->dec(is_compat(c) ? static_cast<int32_t>(c.arg(1)) : static_cast<int64_t>(c.arg(1)));
  c.p->sep();
  print_xval(*c.p, c.arg(2), xlat::seek_whence, "SEEK_???");
  return true;
}

// _llseek(fd, offset_high, offset_low, result, whence) (i386).
bool dec_llseek(Call& c) {
  if (!c.exiting) {
    c.p->fd(c.arg(0));
    c.p->sep();
    c.p->dec(static_cast<int64_t>((c.arg(1) << 32) | (c.arg(2) & 0xffffffffu)));
    c.p->sep();
    return false;
  }
  print_num_int64(c, c.arg(3), true);
  c.p->sep();
  print_xval(*c.p, c.arg(4), xlat::seek_whence, "SEEK_???");
  return true;
}

bool dec_dup(Call& c) {
  c.p->fd(c.arg(0));
  return true;
}

bool dec_dup2(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  c.p->fd(c.arg(1));
  return true;
}

bool dec_dup3(Call& c) {
  dec_dup2(c);
  c.p->sep();
  print_open_mode_flags(*c.p, c.arg(2));
  return true;
}

// pipe/pipe2: the fd pair is output, so the whole line is printed at exit.
bool dec_pipe(Call& c) {
  if (!c.exiting) return false;
  print_fd_pair(c, c.arg(0));
  return true;
}

bool dec_pipe2(Call& c) {
  if (!c.exiting) return false;
  print_fd_pair(c, c.arg(0));
  c.p->sep();
  print_open_mode_flags(*c.p, c.arg(1));
  return true;
}

bool dec_eventfd(Call& c) {
  c.p->udec(static_cast<uint32_t>(c.arg(0)));
  return true;
}

bool dec_eventfd2(Call& c) {
  dec_eventfd(c);
  c.p->sep();
  print_flags(*c.p, c.arg(1), xlat::eventfd_flags, "EFD_???");
  return true;
}

// sendfile: the offset is in/out: "[5] => [15]" when the call moved data.
bool do_sendfile(Call& c, bool off64) {
  auto print_off = [&] {
    return off64 ? print_num_int64(c, c.arg(2), true) : print_num_long(c, c.arg(2), true);
  };
  if (!c.exiting) {
    c.p->fd(c.arg(0));
    c.p->sep();
    c.p->fd(c.arg(1));
    c.p->sep();
    bool printed = print_off();
    if (!printed || (!off64 && !c.arg(3))) {
      c.p->sep();
      c.p->udec(c.arg(3));
      return true;
    }
    return false;
  }
  if (!c.failed() && c.rval) {
    c.p->lit(" => ");
    print_off();
  }
  c.p->sep();
  c.p->udec(c.arg(3));
  return true;
}

bool dec_sendfile(Call& c) { return do_sendfile(c, false); }
bool dec_sendfile64(Call& c) { return do_sendfile(c, true); }

bool dec_splice(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  print_num_int64(c, c.arg(1), false);
  c.p->sep();
  c.p->fd(c.arg(2));
  c.p->sep();
  print_num_int64(c, c.arg(3), false);
  c.p->sep();
  c.p->udec(c.arg(4));
  c.p->sep();
  print_flags(*c.p, c.arg(5), xlat::splice_flags, "SPLICE_F_???");
  return true;
}

bool dec_tee(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  c.p->fd(c.arg(1));
  c.p->sep();
  c.p->udec(c.arg(2));
  c.p->sep();
  print_flags(*c.p, c.arg(3), xlat::splice_flags, "SPLICE_F_???");
  return true;
}

bool dec_vmsplice(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  print_iov(c, c.arg(2), c.arg(1), ~uint64_t{0}, false);
  c.p->sep();
  c.p->udec(c.arg(2));
  c.p->sep();
  print_flags(*c.p, c.arg(3), xlat::splice_flags, "SPLICE_F_???");
  return true;
}

bool dec_copy_file_range(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  print_num_int64(c, c.arg(1), false);
  c.p->sep();
  c.p->fd(c.arg(2));
  c.p->sep();
  print_num_int64(c, c.arg(3), false);
  c.p->sep();
  c.p->udec(c.arg(4));
  c.p->sep();
  c.p->udec(static_cast<uint32_t>(c.arg(5)));
  return true;
}

const DecoderEntry kTable[] = {
    {"read", dec_read, RetFmt::kDec},
    {"write", dec_write, RetFmt::kDec},
    {"pread64", dec_pread, RetFmt::kDec},
    {"pwrite64", dec_pwrite, RetFmt::kDec},
    {"readv", dec_readv, RetFmt::kDec},
    {"writev", dec_writev, RetFmt::kDec},
    {"preadv", dec_preadv, RetFmt::kDec},
    {"pwritev", dec_pwritev, RetFmt::kDec},
    {"preadv2", dec_preadv2, RetFmt::kDec},
    {"pwritev2", dec_pwritev2, RetFmt::kDec},
    {"lseek", dec_lseek, RetFmt::kDec},
    {"_llseek", dec_llseek, RetFmt::kDec},
    {"dup", dec_dup, RetFmt::kFd},
    {"dup2", dec_dup2, RetFmt::kFd},
    {"dup3", dec_dup3, RetFmt::kFd},
    {"pipe", dec_pipe, RetFmt::kDec},
    {"pipe2", dec_pipe2, RetFmt::kDec},
    {"eventfd", dec_eventfd, RetFmt::kFd},
    {"eventfd2", dec_eventfd2, RetFmt::kFd},
    {"sendfile", dec_sendfile, RetFmt::kDec},
    {"sendfile64", dec_sendfile64, RetFmt::kDec},
    {"splice", dec_splice, RetFmt::kDec},
    {"tee", dec_tee, RetFmt::kDec},
    {"vmsplice", dec_vmsplice, RetFmt::kDec},
    {"copy_file_range", dec_copy_file_range, RetFmt::kDec},
    {"fcntl", iodec::dec_fcntl, RetFmt::kDec},
    {"fcntl64", iodec::dec_fcntl, RetFmt::kDec},
    {"getdents", iodec::dec_getdents, RetFmt::kDec},
    {"getdents64", iodec::dec_getdents64, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> io() {
  static const std::vector<DecoderEntry> all = [] {
    std::vector<DecoderEntry> v(std::begin(kTable), std::end(kTable));
    for (const auto& e : iodec::aio_table()) v.push_back(e);
    return v;
  }();
  return all;
}

}  // namespace syscope::families

// SPDX-License-Identifier: MIT
// Extended attributes: set/get/list/remove in path, l- and f- variants
// (strace 6.1 src/xattr.c), and the *xattrat calls of Linux 6.13, which
// strace 6.1 does not know: those follow newer strace's format.
#include <fcntl.h>

#include "decoders/file_common.h"
#include "syscalls/xlat/tables.h"

namespace syscope::filedec {
namespace {

constexpr uint64_t kXattrSizeMax = 65536;

// Values larger than the kernel accepts (or -1 from a failed call) print as
// the address; others as a buffer whose trailing NUL is not shown.
void print_xattr_val(Printer& p, uint64_t addr, uint64_t size) {
  if (size > kXattrSizeMax)
    p.addr(addr);
  else
    print_str_ex(p, addr, size, kQuoteOmitTrailing0);
}

// ---- path / fd variants ----------------------------------------------------

// setxattr, lsetxattr, fsetxattr: target, name, value, size, flags.
void decode_setxattr_tail(Call& c) {
  Printer& p = *c.p;
  print_str(p, c.arg(1));
  p.sep();
  print_xattr_val(p, c.arg(2), c.arg(3));
  p.sep();
  p.udec(c.arg(3));
  p.sep();
  print_flags(p, c.arg(4), xlat::xattr_flags, "XATTR_???");
}

bool dec_setxattr(Call& c) {
  print_path(*c.p, c.arg(0));
  c.p->sep();
  decode_setxattr_tail(c);
  return true;
}

bool dec_fsetxattr(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  decode_setxattr_tail(c);
  return true;
}

// getxattr family: the value is output, printed at exit with the result size.
bool decode_getxattr(Call& c) {
  if (!c.exiting) {
    print_str(*c.p, c.arg(1));
    c.p->sep();
    return false;
  }
  print_xattr_val(*c.p, c.arg(2), static_cast<uint64_t>(c.rval));
  c.p->sep();
  c.p->udec(c.arg(3));
  return true;
}

bool dec_getxattr(Call& c) {
  if (!c.exiting) {
    print_path(*c.p, c.arg(0));
    c.p->sep();
  }
  return decode_getxattr(c);
}

bool dec_fgetxattr(Call& c) {
  if (!c.exiting) {
    c.p->fd(c.arg(0));
    c.p->sep();
  }
  return decode_getxattr(c);
}

// The list of names is a counted buffer of NUL-separated names.
void print_xattr_list(Call& c, uint64_t addr, uint64_t size) {
  if (!size || c.failed())
    c.p->addr(addr);
  else
    print_strn(*c.p, addr, static_cast<uint64_t>(c.rval));
  c.p->sep();
  c.p->udec(size);
}

bool dec_listxattr(Call& c) {
  if (!c.exiting) {
    print_path(*c.p, c.arg(0));
    c.p->sep();
    return false;
  }
  print_xattr_list(c, c.arg(1), c.arg(2));
  return true;
}

bool dec_flistxattr(Call& c) {
  if (!c.exiting) {
    c.p->fd(c.arg(0));
    c.p->sep();
    return false;
  }
  print_xattr_list(c, c.arg(1), c.arg(2));
  return true;
}

bool dec_removexattr(Call& c) {
  print_path(*c.p, c.arg(0));
  c.p->sep();
  print_str(*c.p, c.arg(1));
  return true;
}

bool dec_fremovexattr(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  print_str(*c.p, c.arg(1));
  return true;
}

// ---- *xattrat (Linux 6.13) ------------------------------------------------

struct XattrArgs {  // struct xattr_args (uapi 6.13)
  uint64_t value;
  uint32_t size;
  uint32_t flags;
};
constexpr uint64_t kXattrArgsSizeVer0 = 16;

const xlat::Entry kXattratFlags[] = {
    {AT_SYMLINK_NOFOLLOW, "AT_SYMLINK_NOFOLLOW"},
    {AT_EMPTY_PATH, "AT_EMPTY_PATH"},
};
const xlat::Table xattrat_flags{kXattratFlags, std::size(kXattratFlags), "AT_???"};

void decode_dirfd_path_flags(Call& c) {
  c.p->dirfd(c.arg(0));
  c.p->sep();
  print_path(*c.p, c.arg(1));
  c.p->sep();
  print_flags(*c.p, c.arg(2), xattrat_flags, "AT_???");
}

void decode_dirfd_path_flags_name(Call& c) {
  decode_dirfd_path_flags(c);
  c.p->sep();
  print_str(*c.p, c.arg(3));
}

bool fetch_xattr_args(Call& c, XattrArgs* a, uint64_t addr, uint64_t size) {
  if (size < kXattrArgsSizeVer0) {
    c.p->addr(addr);
    return false;
  }
  *a = {};
  return fetch_n(c, addr, std::min<uint64_t>(size, sizeof *a), a);
}

void print_xattr_args(Call& c, const XattrArgs& a, uint64_t addr, uint64_t size, bool value,
                      uint64_t val_size) {
  Printer& p = *c.p;
  p.lit("{value=");
  if (value)
    print_xattr_val(p, a.value, val_size);
  else
    p.addr(a.value);
  p.lit(", size=");
  p.udec(a.size);
  p.lit(", flags=");
  print_flags(p, a.flags, xlat::xattr_flags, "XATTR_???");
  if (size > sizeof a) print_nonzero_bytes(p, addr, sizeof a, std::min<uint64_t>(size, 4096));
  p.ch('}');
}

bool dec_setxattrat(Call& c) {
  decode_dirfd_path_flags_name(c);
  c.p->sep();
  XattrArgs a;
  if (fetch_xattr_args(c, &a, c.arg(4), c.arg(5)))
    print_xattr_args(c, a, c.arg(4), c.arg(5), true, a.size);
  c.p->sep();
  c.p->udec(c.arg(5));
  return true;
}

bool dec_getxattrat(Call& c) {
  if (!c.exiting) {
    decode_dirfd_path_flags_name(c);
    c.p->sep();
    XattrArgs a;
    if (fetch_xattr_args(c, &a, c.arg(4), c.arg(5))) {
      if (a.size) {  // the value is output: print the struct at exit
        c.saved[0] = a.value;
        c.saved[1] = a.size | (static_cast<uint64_t>(a.flags) << 32);
        return false;
      }
      print_xattr_args(c, a, c.arg(4), c.arg(5), false, 0);
    }
  } else {
    XattrArgs a{c.saved[0], static_cast<uint32_t>(c.saved[1]),
                static_cast<uint32_t>(c.saved[1] >> 32)};
    print_xattr_args(c, a, c.arg(4), c.arg(5), true, static_cast<uint64_t>(c.rval));
  }
  c.p->sep();
  c.p->udec(c.arg(5));
  return true;
}

bool dec_listxattrat(Call& c) {
  if (!c.exiting) {
    decode_dirfd_path_flags(c);
    return false;
  }
  c.p->sep();
  print_xattr_list(c, c.arg(3), c.arg(4));
  return true;
}

bool dec_removexattrat(Call& c) {
  decode_dirfd_path_flags_name(c);
  return true;
}

const DecoderEntry kTable[] = {
    {"setxattr", dec_setxattr, RetFmt::kDec},
    {"lsetxattr", dec_setxattr, RetFmt::kDec},
    {"fsetxattr", dec_fsetxattr, RetFmt::kDec},
    {"getxattr", dec_getxattr, RetFmt::kDec},
    {"lgetxattr", dec_getxattr, RetFmt::kDec},
    {"fgetxattr", dec_fgetxattr, RetFmt::kDec},
    {"listxattr", dec_listxattr, RetFmt::kDec},
    {"llistxattr", dec_listxattr, RetFmt::kDec},
    {"flistxattr", dec_flistxattr, RetFmt::kDec},
    {"removexattr", dec_removexattr, RetFmt::kDec},
    {"lremovexattr", dec_removexattr, RetFmt::kDec},
    {"fremovexattr", dec_fremovexattr, RetFmt::kDec},
    {"setxattrat", dec_setxattrat, RetFmt::kDec},
    {"getxattrat", dec_getxattrat, RetFmt::kDec},
    {"listxattrat", dec_listxattrat, RetFmt::kDec},
    {"removexattrat", dec_removexattrat, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> file_xattr_table() { return kTable; }

}  // namespace syscope::filedec

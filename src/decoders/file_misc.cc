// SPDX-License-Identifier: MIT
// inotify, fanotify, file handles, memfd, close_range, file times (utime,
// utimes, futimesat, utimensat) and file_getattr/file_setattr. strace 6.1's
// src/inotify.c, fanotify.c, file_handle.c, memfd_create.c, memfd_secret.c,
// close_range.c, utime.c, utimes.c, print_timeval.c, print_timespec.h;
// file_*attr (Linux 6.17) as newer strace prints them.
#include <fcntl.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "decoders/file_common.h"
#include "syscalls/xlat/tables.h"

namespace syscope::filedec {
namespace {

using Style = FormatOptions::ConstStyle;

// A 64-bit argument: one register on x86_64, two (low, high) on i386.
uint64_t arg_ull(const Call& c, int& i) {
  if (c.abi == Abi::kI386) {
    uint64_t v = (c.args[i] & 0xffffffffu) | (c.args[i + 1] << 32);
    i += 2;
    return v;
  }
  return c.args[i++];
}

// Runs `fn` with the named-constant style forced to abbreviated (strace's
// XLAT_STYLE_ABBREV inside an already-printed comment).
template <class Fn>
void with_abbrev(Printer& p, Fn fn) {
  FormatOptions o = p.opt();
  o.const_style = Style::kAbbrev;
  Printer q(&p.out(), &o, &p.ctx());
  fn(q);
}

// ---- inotify, fanotify --------------------------------------------------------

bool dec_inotify_add_watch(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  print_path(*c.p, c.arg(1));
  c.p->sep();
  print_flags(*c.p, c.arg(2), xlat::inotify_events, "IN_???");
  return true;
}

bool dec_inotify_rm_watch(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  c.p->dec(c.iarg(1));
  return true;
}

bool dec_no_args(Call&) { return true; }

bool dec_inotify_init1(Call& c) {
  print_flags(*c.p, c.arg(0), xlat::inotify_init_flags, "IN_???");
  return true;
}

bool dec_fanotify_init(Call& c) {
  constexpr uint32_t kClassBits = 0xc;  // FAN_ALL_CLASS_BITS
  uint32_t flags = static_cast<uint32_t>(c.arg(0));
  print_xval(*c.p, flags & kClassBits, xlat::fan_classes, "FAN_CLASS_???");
  flags &= ~kClassBits;
  if (flags) {
    c.p->ch('|');
    print_flags(*c.p, flags, xlat::fan_init_flags, "FAN_???");
  }
  c.p->sep();
  print_open_modes(*c.p, static_cast<uint32_t>(c.arg(1)));
  return true;
}

bool dec_fanotify_mark(Call& c) {
  Printer& p = *c.p;
  p.fd(c.arg(0));
  p.sep();
  print_flags(p, static_cast<uint32_t>(c.arg(1)), xlat::fan_mark_flags, "FAN_MARK_???");
  p.sep();
  int i = 2;
  uint64_t mask = arg_ull(c, i);
  print_flags(p, mask, xlat::fan_event_flags, "FAN_???");
  p.sep();
  int dirfd = static_cast<int>(c.arg(i));
  if (dirfd == -1) {  // FAN_NOFD, printed by print_xlat_d
    switch (p.opt().const_style) {
      case Style::kRaw: p.lit("-1"); break;
      case Style::kVerbose: p.lit("-1 /* FAN_NOFD */"); break;
      default: p.lit("FAN_NOFD");
    }
  } else {
    p.dirfd(dirfd);
  }
  p.sep();
  print_path(p, c.arg(i + 1));
  return true;
}

// ---- file handles ---------------------------------------------------------------

struct HandleHeader {
  uint32_t handle_bytes;
  int32_t handle_type;
};
constexpr uint32_t kMaxHandleSz = 128;

void print_f_handle(Call& c, uint64_t addr, uint32_t handle_bytes) {
  uint32_t len = std::min(handle_bytes, kMaxHandleSz);
  unsigned char buf[kMaxHandleSz];
  addr += sizeof(HandleHeader);
  if (addr > sizeof(HandleHeader) && c.ctx().read(addr, buf, len) == len) {
    quote_bytes(*c.p, buf, len, true);
    if (handle_bytes > len) c.p->lit("...");
  } else {
    c.p->lit("???");
  }
}

bool dec_name_to_handle_at(Call& c) {
  Printer& p = *c.p;
  const uint64_t addr = c.arg(2);
  HandleHeader h;
  if (!c.exiting) {
    p.dirfd(c.arg(0));
    p.sep();
    print_path(p, c.arg(1));
    p.sep();
    if (!fetch(c, addr, &h)) {
      p.sep();
      p.addr(c.arg(3));
      p.sep();
      print_flags(p, c.arg(4), xlat::name_to_handle_at_flags, "AT_???");
      return true;
    }
    p.lit("{handle_bytes=");
    p.udec(h.handle_bytes);
    c.saved[0] = h.handle_bytes;
    return false;
  }
  constexpr int64_t kEoverflow = -75;
  if ((!c.failed() || c.rval == kEoverflow) && c.ctx().read_struct(addr, &h)) {
    if (h.handle_bytes != c.saved[0]) {
      p.lit(" => ");
      p.udec(h.handle_bytes);
    }
    if (!c.failed()) {
      p.lit(", handle_type=");
      p.dec(h.handle_type);
      p.lit(", f_handle=");
      print_f_handle(c, addr, h.handle_bytes);
    }
  }
  p.ch('}');
  p.sep();
  int32_t mount_id;
  if (fetch(c, c.arg(3), &mount_id)) {
    p.ch('[');
    p.dec(mount_id);
    p.ch(']');
  }
  p.sep();
  print_flags(p, c.arg(4), xlat::name_to_handle_at_flags, "AT_???");
  return true;
}

bool dec_open_by_handle_at(Call& c) {
  Printer& p = *c.p;
  const uint64_t addr = c.arg(1);
  p.fd(c.arg(0));
  p.sep();
  HandleHeader h;
  if (fetch(c, addr, &h)) {
    p.lit("{handle_bytes=");
    p.udec(h.handle_bytes);
    p.lit(", handle_type=");
    p.dec(h.handle_type);
    p.lit(", f_handle=");
    print_f_handle(c, addr, h.handle_bytes);
    p.ch('}');
  }
  p.sep();
  print_open_modes(p, static_cast<uint32_t>(c.arg(2)));
  return true;
}

// ---- memfd, close_range --------------------------------------------------------

bool dec_memfd_create(Call& c) {
  Printer& p = *c.p;
  constexpr uint64_t kNameMax = 255 - 6 + 1;  // MFD_NAME_MAX_LEN + 1
  print_str_ex(p, c.arg(0), kNameMax, kQuote0Terminated);
  p.sep();
  uint32_t flags = static_cast<uint32_t>(c.arg(1));
  Style style = p.opt().const_style;
  if (!flags || style != Style::kAbbrev) p.hex(flags);
  if (!flags || style == Style::kRaw) return true;
  if (style == Style::kVerbose) p.lit(" /* ");
  constexpr uint32_t kHugeMask = 0x3fu << 26;  // MFD_HUGE_MASK << MFD_HUGE_SHIFT
  uint32_t huge = flags & kHugeMask;
  flags &= ~kHugeMask;
  if (flags || !huge)
    with_abbrev(p, [&](Printer& q) { print_flags(q, flags, xlat::memfd_flags, "MFD_???"); });
  if (huge) {
    if (flags) p.ch('|');
    p.udec(huge >> 26);
    p.lit("<<MFD_HUGE_SHIFT");
  }
  if (style == Style::kVerbose) p.lit(" */");
  return true;
}

bool dec_memfd_secret(Call& c) {
  print_flags(*c.p, static_cast<uint32_t>(c.arg(0)), xlat::memfd_secret_flags, "");
  return true;
}

bool dec_close_range(Call& c) {
  c.p->udec(static_cast<uint32_t>(c.arg(0)));
  c.p->sep();
  c.p->udec(static_cast<uint32_t>(c.arg(1)));
  c.p->sep();
  print_flags(*c.p, c.arg(2), xlat::close_range_flags, "CLOSE_RANGE_???");
  return true;
}

// ---- file times -------------------------------------------------------------------

// utime(path, {actime, modtime}): longs, 32-bit on i386.
bool dec_utime(Call& c) {
  Printer& p = *c.p;
  print_path(p, c.arg(0));
  p.sep();
  int64_t t[2];
  if (c.abi == Abi::kI386) {
    int32_t t32[2];
    if (!fetch(c, c.arg(1), &t32)) return true;
    t[0] = t32[0];
    t[1] = t32[1];
  } else if (!fetch(c, c.arg(1), &t)) {
    return true;
  }
  p.lit("{actime=");
  p.dec(t[0]);
  print_time_comment(p, t[0], 0, 0, 0);
  p.lit(", modtime=");
  p.dec(t[1]);
  print_time_comment(p, t[1], 0, 0, 0);
  p.ch('}');
  return true;
}

// [{tv_sec, tv_usec} /* time */, ...]: struct timeval[2].
void print_timeval_pair(Call& c, uint64_t addr) {
  int64_t t[4];
  if (c.abi == Abi::kI386) {
    int32_t t32[4];
    if (!fetch(c, addr, &t32)) return;
    for (int i = 0; i < 4; ++i) t[i] = t32[i];
  } else if (!fetch(c, addr, &t)) {
    return;
  }
  Printer& p = *c.p;
  p.ch('[');
  for (int i = 0; i < 2; ++i) {
    if (i) p.sep();
    if (array_elem_cut(p, i, 2)) {
      p.lit("...");
      break;
    }
    p.lit("{tv_sec=");
    p.dec(t[2 * i]);
    p.lit(", tv_usec=");
    uint64_t usec = c.abi == Abi::kI386 ? static_cast<uint32_t>(t[2 * i + 1])
                                         : static_cast<uint64_t>(t[2 * i + 1]);
    p.udec(usec);
    p.ch('}');
    print_time_comment(p, t[2 * i], usec, 999999, 6);
  }
  p.ch(']');
}

bool dec_utimes(Call& c) {
  print_path(*c.p, c.arg(0));
  c.p->sep();
  print_timeval_pair(c, c.arg(1));
  return true;
}

bool dec_futimesat(Call& c) {
  c.p->dirfd(c.arg(0));
  c.p->sep();
  print_path(*c.p, c.arg(1));
  c.p->sep();
  print_timeval_pair(c, c.arg(2));
  return true;
}

// [{tv_sec, tv_nsec} /* time */ or UTIME_NOW/UTIME_OMIT, ...]: timespec[2].
void print_timespec_utime_pair(Call& c, uint64_t addr, bool time32) {
  constexpr int64_t kUtimeNow = (1l << 30) - 1, kUtimeOmit = (1l << 30) - 2;
  int64_t t[4];
  if (time32) {
    int32_t t32[4];
    if (!fetch(c, addr, &t32)) return;
    for (int i = 0; i < 4; ++i) t[i] = t32[i];
  } else if (!fetch(c, addr, &t)) {
    return;
  }
  Printer& p = *c.p;
  Style style = p.opt().const_style;
  p.ch('[');
  for (int i = 0; i < 2; ++i) {
    if (i) p.sep();
    if (array_elem_cut(p, i, 2)) {
      p.lit("...");
      break;
    }
    int64_t sec = t[2 * i], nsec = t[2 * i + 1];
    uint64_t unsec = time32 ? static_cast<uint32_t>(nsec) : static_cast<uint64_t>(nsec);
    auto print_ts = [&] {
      p.lit("{tv_sec=");
      p.dec(sec);
      p.lit(", tv_nsec=");
      p.udec(unsec);
      p.ch('}');
    };
    if (nsec == kUtimeNow || nsec == kUtimeOmit) {
      const char* name = nsec == kUtimeNow ? "UTIME_NOW" : "UTIME_OMIT";
      if (style != Style::kAbbrev) print_ts();
      if (style == Style::kRaw) continue;
      if (style == Style::kVerbose)
        p.lit(" /* ").lit(name).lit(" */");
      else
        p.lit(name);
    } else {
      print_ts();
      print_time_comment(p, sec, unsec, 999999999, 9);
    }
  }
  p.ch(']');
}

void decode_utimensat(Call& c, bool time32) {
  c.p->dirfd(c.arg(0));
  c.p->sep();
  print_path(*c.p, c.arg(1));
  c.p->sep();
  print_timespec_utime_pair(c, c.arg(2), time32);
  c.p->sep();
  print_flags(*c.p, c.arg(3), xlat::at_flags, "AT_???");
}

// On i386 "utimensat" takes 32-bit timespecs; utimensat_time64 the 64-bit ones.
bool dec_utimensat(Call& c) {
  decode_utimensat(c, c.abi == Abi::kI386);
  return true;
}

bool dec_utimensat_time64(Call& c) {
  decode_utimensat(c, false);
  return true;
}

// ---- file_getattr, file_setattr (Linux 6.17) ---------------------------------------

struct FileAttr {
  uint64_t fa_xflags;
  uint32_t fa_extsize, fa_nextents, fa_projid, fa_cowextsize;
};
constexpr uint64_t kFileAttrSizeVer0 = 24;

const xlat::Entry kFsXflags[] = {
    {0x1, "FS_XFLAG_REALTIME"},       {0x2, "FS_XFLAG_PREALLOC"},
    {0x8, "FS_XFLAG_IMMUTABLE"},      {0x10, "FS_XFLAG_APPEND"},
    {0x20, "FS_XFLAG_SYNC"},          {0x40, "FS_XFLAG_NOATIME"},
    {0x80, "FS_XFLAG_NODUMP"},        {0x100, "FS_XFLAG_RTINHERIT"},
    {0x200, "FS_XFLAG_PROJINHERIT"},  {0x400, "FS_XFLAG_NOSYMLINKS"},
    {0x800, "FS_XFLAG_EXTSIZE"},      {0x1000, "FS_XFLAG_EXTSZINHERIT"},
    {0x2000, "FS_XFLAG_NODEFRAG"},    {0x4000, "FS_XFLAG_FILESTREAM"},
    {0x8000, "FS_XFLAG_DAX"},         {0x10000, "FS_XFLAG_COWEXTSIZE"},
    {0x20000, "FS_XFLAG_VERITY"},     {0x80000000, "FS_XFLAG_HASATTR"},
};
const xlat::Table fs_xflags{kFsXflags, std::size(kFsXflags), "FS_XFLAG_???"};
const xlat::Entry kFileAttrFlags[] = {
    {AT_SYMLINK_NOFOLLOW, "AT_SYMLINK_NOFOLLOW"},
    {AT_EMPTY_PATH, "AT_EMPTY_PATH"},
};
const xlat::Table file_attr_flags{kFileAttrFlags, std::size(kFileAttrFlags), "AT_???"};

void print_file_attr(Call& c, bool is_get) {
  Printer& p = *c.p;
  const uint64_t addr = c.arg(2), usize = c.arg(3);
  const uint64_t n = std::min<uint64_t>(sizeof(FileAttr), usize);
  FileAttr fa{};
  if (n < kFileAttrSizeVer0 || usize > 4096) {
    p.addr(addr);
  } else if (fetch_n(c, addr, n, &fa)) {
    p.lit("{fa_xflags=");
    print_flags(p, fa.fa_xflags, fs_xflags, "FS_XFLAG_???");
    p.lit(", fa_extsize=");
    p.udec(fa.fa_extsize);
    if (is_get) {
      p.lit(", fa_nextents=");
      p.udec(fa.fa_nextents);
    }
    p.lit(", fa_projid=");
    p.hex(fa.fa_projid);
    p.lit(", fa_cowextsize=");
    p.udec(fa.fa_cowextsize);
    if (usize > kFileAttrSizeVer0) print_nonzero_bytes(p, addr, kFileAttrSizeVer0, usize);
    p.ch('}');
  }
  p.sep();
  p.udec(usize);
}

bool dec_file_getattr(Call& c) {
  if (!c.exiting) {
    c.p->dirfd(c.arg(0));
    c.p->sep();
    print_path(*c.p, c.arg(1));
    return false;
  }
  c.p->sep();
  print_file_attr(c, true);
  c.p->sep();
  print_flags(*c.p, static_cast<uint32_t>(c.arg(4)), file_attr_flags, "AT_???");
  return true;
}

bool dec_file_setattr(Call& c) {
  c.p->dirfd(c.arg(0));
  c.p->sep();
  print_path(*c.p, c.arg(1));
  c.p->sep();
  print_file_attr(c, false);
  c.p->sep();
  print_flags(*c.p, static_cast<uint32_t>(c.arg(4)), file_attr_flags, "AT_???");
  return true;
}

const DecoderEntry kTable[] = {
    {"inotify_init", dec_no_args, RetFmt::kFd},
    {"inotify_init1", dec_inotify_init1, RetFmt::kFd},
    {"inotify_add_watch", dec_inotify_add_watch, RetFmt::kDec},
    {"inotify_rm_watch", dec_inotify_rm_watch, RetFmt::kDec},
    {"fanotify_init", dec_fanotify_init, RetFmt::kFd},
    {"fanotify_mark", dec_fanotify_mark, RetFmt::kDec},
    {"name_to_handle_at", dec_name_to_handle_at, RetFmt::kDec},
    // strace 6.1 does not mark the result as an fd (no -y path).
    {"open_by_handle_at", dec_open_by_handle_at, RetFmt::kDec},
    {"memfd_create", dec_memfd_create, RetFmt::kFd},
    {"memfd_secret", dec_memfd_secret, RetFmt::kFd},
    {"close_range", dec_close_range, RetFmt::kDec},
    {"utime", dec_utime, RetFmt::kDec},
    {"utimes", dec_utimes, RetFmt::kDec},
    {"futimesat", dec_futimesat, RetFmt::kDec},
    {"utimensat", dec_utimensat, RetFmt::kDec},
    {"utimensat_time64", dec_utimensat_time64, RetFmt::kDec},
    {"file_getattr", dec_file_getattr, RetFmt::kDec},
    {"file_setattr", dec_file_setattr, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> file_misc_table() { return kTable; }

}  // namespace syscope::filedec

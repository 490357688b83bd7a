// SPDX-License-Identifier: MIT
// The stat family (stat, lstat, fstat, newfstatat, statx; i386's stat64,
// fstatat64 and old*stat) and statfs/fstatfs(64). strace 6.1's src/stat.c,
// stat64.c, oldstat.c, print_struct_stat.c, statx.c, print_statfs.c.
#include <fcntl.h>
#include <linux/stat.h>

#include <type_traits>

#include "decoders/families.h"
#include "decoders/file_common.h"
#include "syscalls/xlat/tables.h"

namespace syscope {
namespace {

using namespace filedec;

// strace's struct strace_stat: every layout is widened into this.
struct StraceStat {
  uint64_t dev, ino, rdev, size, blocks, blksize, mode, nlink, uid, gid;
  int64_t atime, ctime, mtime;
  uint64_t atime_nsec, ctime_nsec, mtime_nsec;
  bool has_nsec = true;
};

// Kernel layouts (asm/stat.h).
struct KStat64 {  // x86_64 struct stat
  uint64_t st_dev, st_ino, st_nlink;
  uint32_t st_mode, st_uid, st_gid, pad0;
  uint64_t st_rdev;
  int64_t st_size, st_blksize, st_blocks;
  uint64_t a_s, a_ns, m_s, m_ns, c_s, c_ns;
  int64_t unused[3];
};
static_assert(sizeof(KStat64) == 144);

struct KStat32 {  // i386 struct stat
  uint32_t st_dev, st_ino;
  uint16_t st_mode, st_nlink, st_uid, st_gid;
  uint32_t st_rdev, st_size, st_blksize, st_blocks;
  uint32_t a_s, a_ns, m_s, m_ns, c_s, c_ns;
  uint32_t unused4, unused5;
};
static_assert(sizeof(KStat32) == 64);

struct __attribute__((packed)) KStat64I386 {  // i386 struct stat64
  uint64_t st_dev;
  uint8_t pad0[4];
  uint32_t st_ino_lo;
  uint32_t st_mode, st_nlink, st_uid, st_gid;
  uint64_t st_rdev;
  uint8_t pad3[4];
  int64_t st_size;
  uint32_t st_blksize;
  uint64_t st_blocks;
  uint32_t a_s, a_ns, m_s, m_ns, c_s, c_ns;
  uint64_t st_ino;
};
static_assert(sizeof(KStat64I386) == 96);

struct KOldStat {  // struct __old_kernel_stat
  uint16_t st_dev, st_ino, st_mode, st_nlink, st_uid, st_gid, st_rdev, pad;
  uint32_t st_size, a_s, m_s, c_s;
};
static_assert(sizeof(KOldStat) == 32);

// The four layouts, chosen by the syscall and the ABI.
enum class StatKind { kNative, kStat64, kOld };

bool fetch_stat(Call& c, uint64_t addr, StatKind kind, StraceStat* st) {
  if (kind == StatKind::kOld) {
    KOldStat b;
    if (!fetch(c, addr, &b)) return false;
    *st = StraceStat{b.st_dev, b.st_ino, b.st_rdev, b.st_size, 0, 0, b.st_mode, b.st_nlink,
                     b.st_uid, b.st_gid, static_cast<int32_t>(b.a_s),
                     static_cast<int32_t>(b.c_s), static_cast<int32_t>(b.m_s),
                     0, 0, 0, false};
    return true;
  }
  if (kind == StatKind::kStat64) {
    KStat64I386 b;
    if (!fetch(c, addr, &b)) return false;
    *st = StraceStat{b.st_dev, b.st_ino, b.st_rdev, static_cast<uint64_t>(b.st_size),
                     b.st_blocks, b.st_blksize, b.st_mode, b.st_nlink, b.st_uid, b.st_gid,
                     static_cast<int32_t>(b.a_s), static_cast<int32_t>(b.c_s),
                     static_cast<int32_t>(b.m_s), b.a_ns, b.c_ns,
                     b.m_ns, true};
    return true;
  }
  if (c.abi == Abi::kI386) {
    KStat32 b;
    if (!fetch(c, addr, &b)) return false;
    *st = StraceStat{b.st_dev, b.st_ino, b.st_rdev, b.st_size, b.st_blocks, b.st_blksize,
                     b.st_mode, b.st_nlink, b.st_uid, b.st_gid,
                     static_cast<int32_t>(b.a_s), static_cast<int32_t>(b.c_s),
                     static_cast<int32_t>(b.m_s), b.a_ns, b.c_ns,
                     b.m_ns, true};
    return true;
  }
  KStat64 b;
  if (!fetch(c, addr, &b)) return false;
  *st = StraceStat{b.st_dev, b.st_ino, b.st_rdev, static_cast<uint64_t>(b.st_size),
                   static_cast<uint64_t>(b.st_blocks), static_cast<uint64_t>(b.st_blksize),
                   b.st_mode, b.st_nlink, b.st_uid, b.st_gid, static_cast<int64_t>(b.a_s),
                   static_cast<int64_t>(b.c_s), static_cast<int64_t>(b.m_s),
                   b.a_ns, b.c_ns, b.m_ns, true};
  return true;
}

// {st_mode=S_IFREG|0644, st_size=1221, ...}; everything with -v.
void print_struct_stat(Call& c, const StraceStat& st) {
  Printer& p = *c.p;
  const bool abbrev = is_abbrev(c);
  p.ch('{');
  if (!abbrev) {
    p.lit("st_dev=");
    print_dev(p, st.dev);
    p.lit(", st_ino=");
    p.udec(st.ino);
    p.lit(", st_mode=");
    print_symbolic_mode(p, static_cast<uint32_t>(st.mode));
    p.lit(", st_nlink=");
    p.udec(st.nlink);
    p.lit(", st_uid=");
    p.udec(st.uid);
    p.lit(", st_gid=");
    p.udec(st.gid);
    p.lit(", st_blksize=");
    p.udec(st.blksize);
    p.lit(", st_blocks=");
    p.udec(st.blocks);
  } else {
    p.lit("st_mode=");
    print_symbolic_mode(p, static_cast<uint32_t>(st.mode));
  }
  switch (st.mode & S_IFMT) {
    case S_IFCHR:
    case S_IFBLK:
      p.lit(", st_rdev=");
      print_dev(p, st.rdev);
      break;
    default:
      p.lit(", st_size=");
      p.udec(st.size);
  }
  if (abbrev) {
    p.lit(", ...}");
    return;
  }
  auto print_time = [&](const char* name, int64_t sec, uint64_t nsec) {
    p.lit(", ").lit(name).ch('=');
    p.dec(sec);
    print_time_comment(p, sec, nsec, 999999999, 9);
    if (st.has_nsec) {
      p.lit(", ").lit(name).lit("_nsec=");
      p.udec(nsec);
    }
  };
  print_time("st_atime", st.atime, st.atime_nsec);
  print_time("st_mtime", st.mtime, st.mtime_nsec);
  print_time("st_ctime", st.ctime, st.ctime_nsec);
  p.ch('}');
}

void decode_stat_buf(Call& c, uint64_t addr, StatKind kind) {
  StraceStat st;
  if (fetch_stat(c, addr, kind, &st)) print_struct_stat(c, st);
}

// stat, lstat (and stat64, lstat64, oldstat, oldlstat): path | statbuf.
bool decode_path_stat(Call& c, StatKind kind) {
  if (!c.exiting) {
    print_path(*c.p, c.arg(0));
    c.p->sep();
    return false;
  }
  decode_stat_buf(c, c.arg(1), kind);
  return true;
}

bool decode_fd_stat(Call& c, StatKind kind) {
  if (!c.exiting) {
    c.p->fd(c.arg(0));
    c.p->sep();
    return false;
  }
  decode_stat_buf(c, c.arg(1), kind);
  return true;
}

bool decode_at_stat(Call& c, StatKind kind) {
  if (!c.exiting) {
    c.p->dirfd(c.arg(0));
    c.p->sep();
    print_path(*c.p, c.arg(1));
    c.p->sep();
    return false;
  }
  decode_stat_buf(c, c.arg(2), kind);
  c.p->sep();
  print_flags(*c.p, c.arg(3), xlat::at_flags, "AT_???");
  return true;
}

bool dec_stat(Call& c) { return decode_path_stat(c, StatKind::kNative); }
bool dec_fstat(Call& c) { return decode_fd_stat(c, StatKind::kNative); }
bool dec_newfstatat(Call& c) { return decode_at_stat(c, StatKind::kNative); }
bool dec_stat64(Call& c) { return decode_path_stat(c, StatKind::kStat64); }
bool dec_fstat64(Call& c) { return decode_fd_stat(c, StatKind::kStat64); }
bool dec_fstatat64(Call& c) { return decode_at_stat(c, StatKind::kStat64); }
bool dec_oldstat(Call& c) { return decode_path_stat(c, StatKind::kOld); }
bool dec_oldfstat(Call& c) { return decode_fd_stat(c, StatKind::kOld); }

// ---- statx -----------------------------------------------------------------------

void print_statx_ts(Printer& p, const char* name, const statx_timestamp& t) {
  p.lit(", ").lit(name).lit("={tv_sec=");
  p.dec(t.tv_sec);
  p.lit(", tv_nsec=");
  p.udec(t.tv_nsec);
  p.ch('}');
  print_time_comment(p, t.tv_sec, t.tv_nsec, 999999999, 9);
}

bool dec_statx(Call& c) {
  Printer& p = *c.p;
  if (!c.exiting) {
    p.dirfd(c.arg(0));
    p.sep();
    print_path(p, c.arg(1));
    p.sep();
    uint32_t flags = static_cast<uint32_t>(c.arg(2));
    print_flags(p, flags & AT_STATX_SYNC_TYPE, xlat::at_statx_sync_types, nullptr);
    flags &= ~static_cast<uint32_t>(AT_STATX_SYNC_TYPE);
    if (flags) {
      p.ch('|');
      print_flags(p, flags, xlat::at_flags, nullptr);
    }
    p.sep();
    print_flags(p, c.arg(3), xlat::statx_masks, "STATX_???");
    p.sep();
    return false;
  }
  struct statx stx;
  if (!fetch(c, c.arg(4), &stx)) return true;
  const bool abbrev = is_abbrev(c);
  p.lit("{stx_mask=");
  print_flags(p, stx.stx_mask, xlat::statx_masks, "STATX_???");
  if (!abbrev) {
    p.lit(", stx_blksize=");
    p.udec(stx.stx_blksize);
  }
  p.lit(", stx_attributes=");
  print_flags(p, stx.stx_attributes, xlat::statx_attrs, "STATX_ATTR_???");
  if (!abbrev) {
    if (stx.stx_mask & STATX_NLINK) {
      p.lit(", stx_nlink=");
      p.udec(stx.stx_nlink);
    }
    if (stx.stx_mask & STATX_UID) {
      p.lit(", stx_uid=");
      print_uid(p, stx.stx_uid);
    }
    if (stx.stx_mask & STATX_GID) {
      p.lit(", stx_gid=");
      print_uid(p, stx.stx_gid);
    }
  }
  if (stx.stx_mask & (STATX_TYPE | STATX_MODE)) {
    p.lit(", stx_mode=");
    print_symbolic_mode(p, stx.stx_mode);
  }
  if (!abbrev && (stx.stx_mask & STATX_INO)) {
    p.lit(", stx_ino=");
    p.udec(stx.stx_ino);
  }
  if (stx.stx_mask & STATX_SIZE) {
    p.lit(", stx_size=");
    p.udec(stx.stx_size);
  }
  if (abbrev) {
    p.lit(", ...}");
    return true;
  }
  if (stx.stx_mask & STATX_BLOCKS) {
    p.lit(", stx_blocks=");
    p.udec(stx.stx_blocks);
  }
  p.lit(", stx_attributes_mask=");
  print_flags(p, stx.stx_attributes_mask, xlat::statx_attrs, "STATX_ATTR_???");
  if (stx.stx_mask & STATX_ATIME) print_statx_ts(p, "stx_atime", stx.stx_atime);
  if (stx.stx_mask & STATX_BTIME) print_statx_ts(p, "stx_btime", stx.stx_btime);
  if (stx.stx_mask & STATX_CTIME) print_statx_ts(p, "stx_ctime", stx.stx_ctime);
  if (stx.stx_mask & STATX_MTIME) print_statx_ts(p, "stx_mtime", stx.stx_mtime);
  p.lit(", stx_rdev_major=");
  p.udec(stx.stx_rdev_major);
  p.lit(", stx_rdev_minor=");
  p.udec(stx.stx_rdev_minor);
  p.lit(", stx_dev_major=");
  p.udec(stx.stx_dev_major);
  p.lit(", stx_dev_minor=");
  p.udec(stx.stx_dev_minor);
  if (stx.stx_mask & STATX_MNT_ID) {
    p.lit(", stx_mnt_id=");
    p.hex(stx.stx_mnt_id);
  }
  if (stx.stx_mask & STATX_DIOALIGN) {
    p.lit(", stx_dio_mem_align=");
    p.udec(stx.stx_dio_mem_align);
    p.lit(", stx_dio_offset_align=");
    p.udec(stx.stx_dio_offset_align);
  }
  p.ch('}');
  return true;
}

// ---- statfs ------------------------------------------------------------------------

struct StraceStatfs {
  uint64_t f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree;
  uint64_t fsid[2];
  uint64_t f_namelen, f_frsize, f_flags;
};

struct KStatfs64 {  // x86_64 struct statfs
  int64_t f_type, f_bsize;
  uint64_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
  int32_t f_fsid[2];
  int64_t f_namelen, f_frsize, f_flags, f_spare[4];
};
static_assert(sizeof(KStatfs64) == 120);

struct KStatfs32 {  // i386 struct statfs
  uint32_t f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree;
  int32_t f_fsid[2];
  uint32_t f_namelen, f_frsize, f_flags, f_spare[4];
};
static_assert(sizeof(KStatfs32) == 64);

struct __attribute__((packed, aligned(4))) KStatfs64I386 {  // i386 struct statfs64
  uint32_t f_type, f_bsize;
  uint64_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
  int32_t f_fsid[2];
  uint32_t f_namelen, f_frsize, f_flags, f_spare[4];
};
static_assert(sizeof(KStatfs64I386) == 84);

template <class K>
StraceStatfs widen_statfs(const K& b) {
  using U = std::make_unsigned_t<decltype(b.f_type + 0)>;
  return StraceStatfs{static_cast<U>(b.f_type),
                      static_cast<U>(b.f_bsize),
                      b.f_blocks,
                      b.f_bfree,
                      b.f_bavail,
                      b.f_files,
                      b.f_ffree,
                      {static_cast<uint32_t>(b.f_fsid[0]), static_cast<uint32_t>(b.f_fsid[1])},
                      static_cast<U>(b.f_namelen),
                      static_cast<U>(b.f_frsize),
                      static_cast<U>(b.f_flags)};
}

void print_statfs(Call& c, const StraceStatfs& b) {
  constexpr uint64_t kStValid = 0x20;
  Printer& p = *c.p;
  p.lit("{f_type=");
  print_xval(p, b.f_type, xlat::fs_magic, nullptr);
  p.lit(", f_bsize=");
  p.udec(b.f_bsize);
  p.lit(", f_blocks=");
  p.udec(b.f_blocks);
  p.lit(", f_bfree=");
  p.udec(b.f_bfree);
  p.lit(", f_bavail=");
  p.udec(b.f_bavail);
  p.lit(", f_files=");
  p.udec(b.f_files);
  p.lit(", f_ffree=");
  p.udec(b.f_ffree);
  p.lit(", f_fsid={val=[");
  for (size_t i = 0; i < 2; ++i) {
    if (i) p.sep();
    if (array_elem_cut(p, i, 2)) {
      p.lit("...");
      break;
    }
    p.hex(b.fsid[i]);
  }
  p.lit("]}, f_namelen=");
  p.udec(b.f_namelen);
  p.lit(", f_frsize=");
  p.udec(b.f_frsize);
  if (b.f_flags & kStValid) {
    p.lit(", f_flags=");
    print_flags(p, b.f_flags, xlat::statfs_flags, "ST_???");
  }
  p.ch('}');
}

void decode_statfs_buf(Call& c, uint64_t addr) {
  if (c.abi == Abi::kI386) {
    KStatfs32 b;
    if (fetch(c, addr, &b)) print_statfs(c, widen_statfs(b));
  } else {
    KStatfs64 b;
    if (fetch(c, addr, &b)) print_statfs(c, widen_statfs(b));
  }
}

bool dec_statfs(Call& c) {
  if (!c.exiting) {
    print_path(*c.p, c.arg(0));
    c.p->sep();
    return false;
  }
  decode_statfs_buf(c, c.arg(1));
  return true;
}

bool dec_fstatfs(Call& c) {
  if (!c.exiting) {
    c.p->fd(c.arg(0));
    c.p->sep();
    return false;
  }
  decode_statfs_buf(c, c.arg(1));
  return true;
}

// statfs64/fstatfs64 (i386): target, size, buf; a size other than the
// struct's prints the buffer as an address.
void decode_statfs64_buf(Call& c) {
  KStatfs64I386 b;
  if (c.arg(1) != sizeof b) {
    c.p->addr(c.arg(2));
    return;
  }
  if (fetch(c, c.arg(2), &b)) print_statfs(c, widen_statfs(b));
}

bool dec_statfs64(Call& c) {
  if (!c.exiting) {
    print_path(*c.p, c.arg(0));
    c.p->sep();
    c.p->udec(c.arg(1));
    c.p->sep();
    return false;
  }
  decode_statfs64_buf(c);
  return true;
}

bool dec_fstatfs64(Call& c) {
  if (!c.exiting) {
    c.p->fd(c.arg(0));
    c.p->sep();
    c.p->udec(c.arg(1));
    c.p->sep();
    return false;
  }
  decode_statfs64_buf(c);
  return true;
}

const DecoderEntry kTable[] = {
    {"stat", dec_stat, RetFmt::kDec},
    {"lstat", dec_stat, RetFmt::kDec},
    {"fstat", dec_fstat, RetFmt::kDec},
    {"newfstatat", dec_newfstatat, RetFmt::kDec},
    {"stat64", dec_stat64, RetFmt::kDec},
    {"lstat64", dec_stat64, RetFmt::kDec},
    {"fstat64", dec_fstat64, RetFmt::kDec},
    {"fstatat64", dec_fstatat64, RetFmt::kDec},
    {"oldstat", dec_oldstat, RetFmt::kDec},
    {"oldlstat", dec_oldstat, RetFmt::kDec},
    {"oldfstat", dec_oldfstat, RetFmt::kDec},
    {"statx", dec_statx, RetFmt::kDec},
    {"statfs", dec_statfs, RetFmt::kDec},
    {"fstatfs", dec_fstatfs, RetFmt::kDec},
    {"statfs64", dec_statfs64, RetFmt::kDec},
    {"fstatfs64", dec_fstatfs64, RetFmt::kDec},
};

}  // namespace

namespace families {

std::span<const DecoderEntry> stat() { return kTable; }

}  // namespace families
}  // namespace syscope

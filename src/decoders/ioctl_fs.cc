// SPDX-License-Identifier: MIT
// File, block device and a few small ioctl groups: 'f' (FS_IOC_GET/SETFLAGS),
// 'X' (FIFREEZE, FITRIM, FS_IOC_FSGET/SETXATTR), 0x94 (FICLONE...), 0x12
// (BLK*), 0xb7 (NS_GET_*), 'R' (RND*), 'I' (inotify), 0x89 (socket ints).
#include <linux/blkzoned.h>
#include <linux/fs.h>
#include <linux/nsfs.h>
#include <linux/random.h>

#include <cstring>

#include "decoders/io_util.h"
#include "syscalls/xlat/tables.h"

namespace syscope::iodec {
namespace {

#define E(name) xlat::Entry{static_cast<uint64_t>(name), #name}
constexpr xlat::Entry kFsIocFlags[] = {
    E(FS_SECRM_FL), E(FS_UNRM_FL), E(FS_COMPR_FL), E(FS_SYNC_FL), E(FS_IMMUTABLE_FL),
    E(FS_APPEND_FL), E(FS_NODUMP_FL), E(FS_NOATIME_FL), E(FS_DIRTY_FL), E(FS_COMPRBLK_FL),
    E(FS_NOCOMP_FL), E(FS_ENCRYPT_FL), E(FS_INDEX_FL), E(FS_IMAGIC_FL), E(FS_JOURNAL_DATA_FL),
    E(FS_NOTAIL_FL), E(FS_DIRSYNC_FL), E(FS_TOPDIR_FL), E(FS_HUGE_FILE_FL), E(FS_EXTENT_FL),
    E(FS_VERITY_FL), E(FS_EA_INODE_FL), E(FS_EOFBLOCKS_FL), E(FS_NOCOW_FL), E(FS_DAX_FL),
    E(FS_INLINE_DATA_FL), E(FS_PROJINHERIT_FL), E(FS_CASEFOLD_FL), E(FS_RESERVED_FL),
};
constexpr xlat::Entry kFsXflags[] = {
    E(FS_XFLAG_REALTIME), E(FS_XFLAG_PREALLOC), E(FS_XFLAG_IMMUTABLE), E(FS_XFLAG_APPEND),
    E(FS_XFLAG_SYNC), E(FS_XFLAG_NOATIME), E(FS_XFLAG_NODUMP), E(FS_XFLAG_RTINHERIT),
    E(FS_XFLAG_PROJINHERIT), E(FS_XFLAG_NOSYMLINKS), E(FS_XFLAG_EXTSIZE),
    E(FS_XFLAG_EXTSZINHERIT), E(FS_XFLAG_NODEFRAG), E(FS_XFLAG_FILESTREAM), E(FS_XFLAG_DAX),
    E(FS_XFLAG_COWEXTSIZE), E(FS_XFLAG_HASATTR),
};
#undef E
const xlat::Table fs_ioc_flags{kFsIocFlags, std::size(kFsIocFlags), "FS_???_FL"};
const xlat::Table fs_xflags{kFsXflags, std::size(kFsXflags), "FS_XFLAG_???"};

// The 32-bit variants of FS_IOC_GET/SETFLAGS (not in uapi).
constexpr uint32_t kFsIoc32Getflags = 0x80046601, kFsIoc32Setflags = 0x40046602;
// Socket ioctls with an int argument (linux/sockios.h).
constexpr uint32_t kFiosetown = 0x8901, kSiocspgrp = 0x8902, kFiogetown = 0x8903,
                   kSiocgpgrp = 0x8904, kSiocatmark = 0x8905, kSiocgifencap = 0x8925,
                   kSiocsifencap = 0x8926, kSiocoutqnsd = 0x894b;
constexpr uint32_t kInotifyIocSetnextwd = 0x40044900;
constexpr uint32_t kSeccompIdValid = 0x40082102, kSeccompIdValidWrongDir = 0x80082102;

void decode_fs_ioc_flags(Call& c, uint64_t arg) {
  uint32_t flags;
  if (!fetch(c, arg, &flags)) return;
  c.p->lit("[");
  print_flags(*c.p, flags, fs_ioc_flags, "FS_???_FL");
  c.p->lit("]");
}

void decode_fsxattr(Call& c, uint64_t arg, bool is_get) {
  struct fsxattr x;
  if (!fetch(c, arg, &x)) return;
  Printer& p = *c.p;
  p.lit("{fsx_xflags=");
  print_flags(p, x.fsx_xflags, fs_xflags, "FS_XFLAG_???");
  p.lit(", fsx_extsize=");
  p.udec(x.fsx_extsize);
  if (is_get) {
    p.lit(", fsx_nextents=");
    p.udec(x.fsx_nextents);
  }
  p.lit(", fsx_projid=");
  p.hex(x.fsx_projid);
  p.lit(", fsx_cowextsize=");
  p.udec(x.fsx_cowextsize);
  p.lit("}");
}

void decode_fstrim_range(Call& c, uint64_t arg) {
  struct fstrim_range r;
  if (!fetch(c, arg, &r)) return;
  c.p->lit("{start=");
  c.p->hex(r.start);
  c.p->lit(", len=");
  c.p->udec(r.len);
  c.p->lit(", minlen=");
  c.p->udec(r.minlen);
  c.p->lit("}");
}

void decode_file_clone_range(Call& c, uint64_t arg) {
  struct file_clone_range r;
  if (!fetch(c, arg, &r)) return;
  c.p->lit("{src_fd=");
  c.p->fd(r.src_fd);
  c.p->lit(", src_offset=");
  c.p->udec(r.src_offset);
  c.p->lit(", src_length=");
  c.p->udec(r.src_length);
  c.p->lit(", dest_offset=");
  c.p->udec(r.dest_offset);
  c.p->lit("}");
}

void decode_fslabel(Call& c, uint64_t arg) {
  char label[FSLABEL_MAX];
  if (!fetch(c, arg, &label)) return;
  // print_quoted_cstring(): at most FSLABEL_MAX-1 bytes, "..." without a NUL.
  size_t n = strnlen(label, sizeof label - 1);
  c.p->quoted(label, n, n == sizeof label - 1);
}

void print_num_int64_hex(Call& c, uint64_t addr) {
  uint64_t v;
  if (!fetch(c, addr, &v)) return;
  c.p->lit("[");
  c.p->hex(v);
  c.p->lit("]");
}

}  // namespace

int fs_ioctl(Call& c, uint32_t code, uint64_t arg) {
  Printer& p = *c.p;
  switch (code) {
    // 'f'
    case FS_IOC_GETFLAGS:
    case kFsIoc32Getflags:
      if (!c.exiting) return kIoctlNotDecoded;
      [[fallthrough]];
    case FS_IOC_SETFLAGS:
    case kFsIoc32Setflags:
      p.sep();
      decode_fs_ioc_flags(c, arg);
      return kIoctlDone;
    // 'X'
    case FITRIM:
      p.sep();
      decode_fstrim_range(c, arg);
      return kIoctlDone;
    case FS_IOC_FSGETXATTR:
      if (!c.exiting) return kIoctlNotDecoded;
      p.sep();
      decode_fsxattr(c, arg, true);
      return kIoctlDone;
    case FS_IOC_FSSETXATTR:
      p.sep();
      decode_fsxattr(c, arg, false);
      return kIoctlDone;
    case FIFREEZE:
    case FITHAW:
      return kIoctlDone;
    // 0x94
    case FICLONE:
      p.sep();
      p.dec(static_cast<int32_t>(arg));
      return kIoctlDone;
    case FICLONERANGE:
      p.sep();
      decode_file_clone_range(c, arg);
      return kIoctlDone;
    case FS_IOC_GETFSLABEL:
      if (!c.exiting) return kIoctlNotDecoded;
      [[fallthrough]];
    case FS_IOC_SETFSLABEL:
      p.sep();
      decode_fslabel(c, arg);
      return kIoctlDone;
    // 0xb7: NS_GET_USERNS/NS_GET_PARENT return an fd.
    case NS_GET_USERNS:
    case NS_GET_PARENT:
      c.ret = RetFmt::kFd;
      return kIoctlDone;
    case NS_GET_NSTYPE:
      if (!c.exiting) return kIoctlNotDecoded;
      if (!c.failed()) {
        if (const char* s = xlookup(xlat::setns_types, static_cast<uint64_t>(c.rval))) c.aux = s;
      }
      return kIoctlDone;
    case NS_GET_OWNER_UID: {
      if (!c.exiting) return kIoctlNotDecoded;
      p.sep();
      uint32_t uid;
      if (fetch(c, arg, &uid)) {
        p.lit("[");
        if (uid == ~0u)
          p.lit("-1");
        else
          p.udec(uid);
        p.lit("]");
      }
      return kIoctlDone;
    }
    // 'R'
    case RNDGETENTCNT:
      if (!c.exiting) return kIoctlNotDecoded;
      [[fallthrough]];
    case RNDADDTOENTCNT:
      p.sep();
      print_num_int(c, arg);
      return kIoctlDone;
    case RNDADDENTROPY: {
      p.sep();
      int32_t info[2];
      if (fetch(c, arg, &info)) {
        p.lit("{entropy_count=");
        p.dec(info[0]);
        p.lit(", buf_size=");
        p.dec(info[1]);
        p.lit(", buf=");
        print_strn(c, arg + 8, static_cast<uint32_t>(info[1]));
        p.lit("}");
      }
      return kIoctlDone;
    }
    case RNDZAPENTCNT:
    case RNDCLEARPOOL:
    case RNDRESEEDCRNG:
      return kIoctlDone;
    // '!': SECCOMP_IOCTL_NOTIF_ID_VALID and its wrong-direction twin.
    case kSeccompIdValid:
    case kSeccompIdValidWrongDir:
      p.sep();
      print_num_int64_hex(c, arg);
      return kIoctlDone;
    // 'I'
    case kInotifyIocSetnextwd:
      p.sep();
      p.dec(static_cast<int32_t>(arg));
      return kIoctlDone;
    // 0x89 with an int argument
    case kFiogetown:
    case kSiocatmark:
    case kSiocgifencap:
    case kSiocgpgrp:
    case kSiocoutqnsd:
      if (!c.exiting) return kIoctlNotDecoded;
      [[fallthrough]];
    case kFiosetown:
    case kSiocsifencap:
    case kSiocspgrp:
      p.sep();
      print_num_int(c, arg);
      return kIoctlDone;
    default:
      return (code >> 8 & 0xff) == 0x89 ? sock_ioctl(c, code, arg) : kIoctlPrintArgHex;
  }
}

int block_ioctl(Call& c, uint32_t code, uint64_t arg) {
  Printer& p = *c.p;
  switch (code) {
    case BLKRASET:
    case BLKFRASET:
      p.sep();
      p.udec(arg);
      break;
    case BLKSECTGET:
    case BLKROTATIONAL:
      if (!c.exiting) return kIoctlNotDecoded;
      p.sep();
      print_num_short(c, arg, true);
      break;
    case BLKROGET:
    case BLKBSZGET:
    case BLKSSZGET:
    case BLKALIGNOFF:
      if (!c.exiting) return kIoctlNotDecoded;
      [[fallthrough]];
    case BLKROSET:
    case BLKBSZSET:
      p.sep();
      print_num_int(c, arg);
      break;
    case BLKPBSZGET:
    case BLKIOMIN:
    case BLKIOOPT:
    case BLKDISCARDZEROES:
    case BLKGETZONESZ:
    case BLKGETNRZONES:
      if (!c.exiting) return kIoctlNotDecoded;
      p.sep();
      print_num_int(c, arg, true);
      break;
    case BLKRAGET:
    case BLKFRAGET:
      if (!c.exiting) return kIoctlNotDecoded;
      p.sep();
      print_num_long(c, arg, false);
      break;
    case BLKGETSIZE:
      if (!c.exiting) return kIoctlNotDecoded;
      p.sep();
      print_num_long(c, arg, true);
      break;
    case BLKGETSIZE64:
    case BLKGETDISKSEQ:
      if (!c.exiting) return kIoctlNotDecoded;
      p.sep();
      print_num_int64(c, arg, true);
      break;
    case BLKDISCARD:
    case BLKSECDISCARD:
    case BLKZEROOUT:
      p.sep();
      print_pair_int64(c, arg);
      break;
    case BLKRRPART:
    case BLKFLSBUF:
    case BLKTRACESTART:
    case BLKTRACESTOP:
    case BLKTRACETEARDOWN:
      break;
    default:
      return kIoctlPrintArgHex;
  }
  return kIoctlDone;
}

}  // namespace syscope::iodec

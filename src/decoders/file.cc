// SPDX-License-Identifier: MIT
// Path-based file operations: open family, links, permissions, ownership,
// directories, truncation, sync, getcwd/readlink. Formats follow strace 6.1
// (src/open.c, access.c, chmod.c, link.c, renameat.c, readlink.c, ...).
// xattr, mount and the notify/handle/memfd calls live in file_*.cc.
#include <fcntl.h>
#include <linux/openat2.h>

#include <algorithm>
#include <vector>

#include "decoders/families.h"
#include "decoders/file_common.h"
#include "syscalls/xlat/tables.h"

namespace syscope {
namespace {

using namespace filedec;

// The kernel's __O_TMPFILE bit; glibc's __O_TMPFILE also has O_DIRECTORY.
constexpr uint64_t kOTmpfile = 020000000;

// A 64-bit argument: one register on x86_64, two (low, high) on i386.
int64_t arg_ll(const Call& c, int& i) {
  if (c.abi == Abi::kI386) {
    uint64_t v = (c.args[i] & 0xffffffffu) | (c.args[i + 1] << 32);
    i += 2;
    return static_cast<int64_t>(v);
  }
  return static_cast<int64_t>(c.args[i++]);
}

// ---- open family --------------------------------------------------------

void decode_open_tail(Call& c, int i) {
  print_path(*c.p, c.arg(i));
  c.p->sep();
  uint32_t flags = static_cast<uint32_t>(c.arg(i + 1));
  print_open_modes(*c.p, flags);
  if (flags & (O_CREAT | kOTmpfile)) {
    c.p->sep();
    print_umode(*c.p, static_cast<uint16_t>(c.arg(i + 2)));
  }
}

bool dec_open(Call& c) {
  decode_open_tail(c, 0);
  return true;
}

bool dec_openat(Call& c) {
  c.p->dirfd(c.arg(0));
  c.p->sep();
  decode_open_tail(c, 1);
  return true;
}

void print_open_how(Call& c, uint64_t addr, uint64_t size) {
  constexpr uint64_t kMinSize = 24;  // OPEN_HOW_SIZE_VER0
  open_how how{};
  if (size < kMinSize) {
    c.p->addr(addr);
    return;
  }
  if (!fetch_n(c, addr, std::min<uint64_t>(size, sizeof how), &how)) return;
  Printer& p = *c.p;
  p.lit("{flags=");
  print_open_modes(p, how.flags);
  if ((how.flags & (O_CREAT | kOTmpfile)) || how.mode) {
    p.lit(", mode=");
    print_umode(p, how.mode);
  }
  p.lit(", resolve=");
  print_flags(p, how.resolve, xlat::open_resolve_flags, "RESOLVE_???");
  if (size > sizeof how) print_nonzero_bytes(p, addr, sizeof how, std::min<uint64_t>(size, 4096));
  p.ch('}');
}

bool dec_openat2(Call& c) {
  c.p->dirfd(c.arg(0));
  c.p->sep();
  print_path(*c.p, c.arg(1));
  c.p->sep();
  print_open_how(c, c.arg(2), c.arg(3));
  c.p->sep();
  c.p->udec(c.arg(3));
  return true;
}

bool dec_creat(Call& c) {
  print_path(*c.p, c.arg(0));
  c.p->sep();
  print_umode(*c.p, static_cast<uint16_t>(c.arg(1)));
  return true;
}

// close, fchdir, fsync, fdatasync, syncfs: one fd.
bool dec_fd_only(Call& c) {
  c.p->fd(c.arg(0));
  return true;
}

// chdir, chroot, acct, rmdir, unlink, swapoff, umount: one path.
bool dec_path_only(Call& c) {
  print_path(*c.p, c.arg(0));
  return true;
}

// link, symlink, rename, pivot_root: two paths.
bool dec_two_paths(Call& c) {
  print_path(*c.p, c.arg(0));
  c.p->sep();
  print_path(*c.p, c.arg(1));
  return true;
}

bool dec_no_args(Call&) { return true; }

// ---- access -------------------------------------------------------------

void decode_access(Call& c, int i) {
  print_path(*c.p, c.arg(i));
  c.p->sep();
  print_flags(*c.p, c.arg(i + 1), xlat::access_modes, "?_OK");
}

bool dec_access(Call& c) {
  decode_access(c, 0);
  return true;
}

bool dec_faccessat(Call& c) {
  c.p->dirfd(c.arg(0));
  c.p->sep();
  decode_access(c, 1);
  return true;
}

bool dec_faccessat2(Call& c) {
  dec_faccessat(c);
  c.p->sep();
  print_flags(*c.p, c.arg(3), xlat::faccessat_flags, "AT_???");
  return true;
}

// ---- links, renames, unlink ----------------------------------------------

bool dec_linkat(Call& c) {
  c.p->dirfd(c.arg(0));
  c.p->sep();
  print_path(*c.p, c.arg(1));
  c.p->sep();
  c.p->dirfd(c.arg(2));
  c.p->sep();
  print_path(*c.p, c.arg(3));
  c.p->sep();
  print_flags(*c.p, c.arg(4), xlat::at_flags, "AT_???");
  return true;
}

bool dec_unlinkat(Call& c) {
  c.p->dirfd(c.arg(0));
  c.p->sep();
  print_path(*c.p, c.arg(1));
  c.p->sep();
  print_flags(*c.p, c.arg(2), xlat::at_flags, "AT_???");
  return true;
}

bool dec_symlinkat(Call& c) {
  print_path(*c.p, c.arg(0));
  c.p->sep();
  c.p->dirfd(c.arg(1));
  c.p->sep();
  print_path(*c.p, c.arg(2));
  return true;
}

bool dec_renameat(Call& c) {
  c.p->dirfd(c.arg(0));
  c.p->sep();
  print_path(*c.p, c.arg(1));
  c.p->sep();
  c.p->dirfd(c.arg(2));
  c.p->sep();
  print_path(*c.p, c.arg(3));
  return true;
}

bool dec_renameat2(Call& c) {
  dec_renameat(c);
  c.p->sep();
  // strace 6.1 really says "RENAME_??" (two question marks) here.
  print_flags(*c.p, c.arg(4), xlat::rename_flags, "RENAME_??");
  return true;
}

// ---- readlink, getcwd -----------------------------------------------------

bool decode_readlink(Call& c, int i) {
  if (!c.exiting) {
    print_path(*c.p, c.arg(i));
    c.p->sep();
    return false;
  }
  // The result has no NUL and is counted: printed like a buffer, -s applies.
  if (c.failed())
    c.p->addr(c.arg(i + 1));
  else
    print_strn(*c.p, c.arg(i + 1), static_cast<uint64_t>(c.rval));
  c.p->sep();
  c.p->udec(c.arg(i + 2));
  return true;
}

bool dec_readlink(Call& c) { return decode_readlink(c, 0); }

bool dec_readlinkat(Call& c) {
  if (!c.exiting) {
    c.p->dirfd(c.arg(0));
    c.p->sep();
  }
  return decode_readlink(c, 1);
}

bool dec_getcwd(Call& c) {
  if (!c.exiting) return false;
  if (c.failed())
    c.p->addr(c.arg(0));
  else
    print_pathn(*c.p, c.arg(0), static_cast<uint64_t>(c.rval) - 1);
  c.p->sep();
  c.p->udec(c.arg(1));
  return true;
}

// ---- modes and owners ----------------------------------------------------

// chmod, mkdir: path, mode.
bool dec_chmod(Call& c) {
  print_path(*c.p, c.arg(0));
  c.p->sep();
  print_umode(*c.p, static_cast<uint16_t>(c.arg(1)));
  return true;
}

// fchmodat, mkdirat: dirfd, path, mode.
bool dec_fchmodat(Call& c) {
  c.p->dirfd(c.arg(0));
  c.p->sep();
  print_path(*c.p, c.arg(1));
  c.p->sep();
  print_umode(*c.p, static_cast<uint16_t>(c.arg(2)));
  return true;
}

const xlat::Entry kFchmodatFlags[] = {
    {AT_SYMLINK_NOFOLLOW, "AT_SYMLINK_NOFOLLOW"},
    {AT_EMPTY_PATH, "AT_EMPTY_PATH"},
};
const xlat::Table fchmodat_flags{kFchmodatFlags, std::size(kFchmodatFlags), "AT_???"};

// fchmodat2 (Linux 6.6, after strace 6.1): formatted as newer strace does.
bool dec_fchmodat2(Call& c) {
  dec_fchmodat(c);
  c.p->sep();
  print_flags(*c.p, c.arg(3), fchmodat_flags, "AT_???");
  return true;
}

bool dec_fchmod(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  print_umode(*c.p, static_cast<uint16_t>(c.arg(1)));
  return true;
}

// chown, lchown (32-bit ids; chown32 and lchown32 on i386).
bool dec_chown(Call& c) {
  print_path(*c.p, c.arg(0));
  c.p->sep();
  print_uid(*c.p, static_cast<uint32_t>(c.arg(1)));
  c.p->sep();
  print_uid(*c.p, static_cast<uint32_t>(c.arg(2)));
  return true;
}

bool dec_fchown(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  print_uid(*c.p, static_cast<uint32_t>(c.arg(1)));
  c.p->sep();
  print_uid(*c.p, static_cast<uint32_t>(c.arg(2)));
  return true;
}

// i386's 16-bit chown, lchown, fchown: -1 is 0xffff.
bool dec_chown16(Call& c) {
  print_path(*c.p, c.arg(0));
  c.p->sep();
  print_uid16(*c.p, static_cast<uint16_t>(c.arg(1)));
  c.p->sep();
  print_uid16(*c.p, static_cast<uint16_t>(c.arg(2)));
  return true;
}

bool dec_fchown16(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  print_uid16(*c.p, static_cast<uint16_t>(c.arg(1)));
  c.p->sep();
  print_uid16(*c.p, static_cast<uint16_t>(c.arg(2)));
  return true;
}

bool dec_fchownat(Call& c) {
  c.p->dirfd(c.arg(0));
  c.p->sep();
  print_path(*c.p, c.arg(1));
  c.p->sep();
  print_uid(*c.p, static_cast<uint32_t>(c.arg(2)));
  c.p->sep();
  print_uid(*c.p, static_cast<uint32_t>(c.arg(3)));
  c.p->sep();
  print_flags(*c.p, c.arg(4), xlat::at_flags, "AT_???");
  return true;
}

bool dec_umask(Call& c) {
  print_umode(*c.p, static_cast<uint16_t>(c.arg(0)));
  return true;
}

// mknod(path, mode[, dev]): dev only for character and block devices.
void decode_mknod(Call& c, int i) {
  uint16_t mode = static_cast<uint16_t>(c.arg(i + 1));
  print_path(*c.p, c.arg(i));
  c.p->sep();
  print_symbolic_mode(*c.p, mode);
  switch (mode & S_IFMT) {
    case S_IFCHR:
    case S_IFBLK:
      c.p->sep();
      print_dev(*c.p, static_cast<uint32_t>(c.arg(i + 2)));
      break;
    default: break;
  }
}

bool dec_mknod(Call& c) {
  decode_mknod(c, 0);
  return true;
}

bool dec_mknodat(Call& c) {
  c.p->dirfd(c.arg(0));
  c.p->sep();
  decode_mknod(c, 1);
  return true;
}

// ---- sizes and sync --------------------------------------------------------

bool dec_truncate(Call& c) {
  print_path(*c.p, c.arg(0));
  c.p->sep();
  c.p->udec(c.abi == Abi::kI386 ? static_cast<uint32_t>(c.arg(1)) : c.arg(1));
  return true;
}

bool dec_ftruncate(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  c.p->udec(c.abi == Abi::kI386 ? static_cast<uint32_t>(c.arg(1)) : c.arg(1));
  return true;
}

// truncate64/ftruncate64 (i386): the length spans two registers.
bool dec_truncate64(Call& c) {
  print_path(*c.p, c.arg(0));
  c.p->sep();
  int i = 1;
  c.p->udec(static_cast<uint64_t>(arg_ll(c, i)));
  return true;
}

bool dec_ftruncate64(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  int i = 1;
  c.p->udec(static_cast<uint64_t>(arg_ll(c, i)));
  return true;
}

bool dec_sync_file_range(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  int i = 1;
  c.p->dec(arg_ll(c, i));
  c.p->sep();
  c.p->dec(arg_ll(c, i));
  c.p->sep();
  print_flags(*c.p, c.arg(i), xlat::sync_file_range_flags, "SYNC_FILE_RANGE_???");
  return true;
}

bool dec_fallocate(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  print_flags(*c.p, c.arg(1), xlat::falloc_flags, "FALLOC_FL_???");
  c.p->sep();
  int i = 2;
  c.p->dec(arg_ll(c, i));
  c.p->sep();
  c.p->dec(arg_ll(c, i));
  return true;
}

const DecoderEntry kTable[] = {
    {"open", dec_open, RetFmt::kFd},
    {"openat", dec_openat, RetFmt::kFd},
    {"openat2", dec_openat2, RetFmt::kFd},
    {"creat", dec_creat, RetFmt::kFd},
    {"close", dec_fd_only, RetFmt::kDec},
    {"fchdir", dec_fd_only, RetFmt::kDec},
    {"fsync", dec_fd_only, RetFmt::kDec},
    {"fdatasync", dec_fd_only, RetFmt::kDec},
    {"syncfs", dec_fd_only, RetFmt::kDec},
    {"sync", dec_no_args, RetFmt::kDec},
    {"chdir", dec_path_only, RetFmt::kDec},
    {"chroot", dec_path_only, RetFmt::kDec},
    {"acct", dec_path_only, RetFmt::kDec},
    {"rmdir", dec_path_only, RetFmt::kDec},
    {"unlink", dec_path_only, RetFmt::kDec},
    {"link", dec_two_paths, RetFmt::kDec},
    {"symlink", dec_two_paths, RetFmt::kDec},
    {"rename", dec_two_paths, RetFmt::kDec},
    {"access", dec_access, RetFmt::kDec},
    {"faccessat", dec_faccessat, RetFmt::kDec},
    {"faccessat2", dec_faccessat2, RetFmt::kDec},
    {"linkat", dec_linkat, RetFmt::kDec},
    {"unlinkat", dec_unlinkat, RetFmt::kDec},
    {"symlinkat", dec_symlinkat, RetFmt::kDec},
    {"renameat", dec_renameat, RetFmt::kDec},
    {"renameat2", dec_renameat2, RetFmt::kDec},
    {"readlink", dec_readlink, RetFmt::kDec},
    {"readlinkat", dec_readlinkat, RetFmt::kDec},
    {"getcwd", dec_getcwd, RetFmt::kDec},
    {"chmod", dec_chmod, RetFmt::kDec},
    {"mkdir", dec_chmod, RetFmt::kDec},
    {"fchmodat", dec_fchmodat, RetFmt::kDec},
    {"mkdirat", dec_fchmodat, RetFmt::kDec},
    {"fchmodat2", dec_fchmodat2, RetFmt::kDec},
    {"fchmod", dec_fchmod, RetFmt::kDec},
    {"fchownat", dec_fchownat, RetFmt::kDec},
    {"umask", dec_umask, RetFmt::kOct},
    {"mknod", dec_mknod, RetFmt::kDec},
    {"mknodat", dec_mknodat, RetFmt::kDec},
    {"truncate", dec_truncate, RetFmt::kDec},
    {"ftruncate", dec_ftruncate, RetFmt::kDec},
    {"truncate64", dec_truncate64, RetFmt::kDec},
    {"ftruncate64", dec_ftruncate64, RetFmt::kDec},
    {"sync_file_range", dec_sync_file_range, RetFmt::kDec},
    {"fallocate", dec_fallocate, RetFmt::kDec},
    {"chown32", dec_chown, RetFmt::kDec},
    {"lchown32", dec_chown, RetFmt::kDec},
    {"fchown32", dec_fchown, RetFmt::kDec},
};

// chown/lchown/fchown are 16-bit on i386 and 32-bit on x86_64: same names,
// different decoders, so the table is chosen by ABI in dec_chown_any.
bool dec_chown_any(Call& c) { return c.abi == Abi::kI386 ? dec_chown16(c) : dec_chown(c); }
bool dec_fchown_any(Call& c) { return c.abi == Abi::kI386 ? dec_fchown16(c) : dec_fchown(c); }

const DecoderEntry kChownTable[] = {
    {"chown", dec_chown_any, RetFmt::kDec},
    {"lchown", dec_chown_any, RetFmt::kDec},
    {"fchown", dec_fchown_any, RetFmt::kDec},
};

}  // namespace

namespace families {

std::span<const DecoderEntry> file() {
  static const std::vector<DecoderEntry> all = [] {
    std::vector<DecoderEntry> v(std::begin(kTable), std::end(kTable));
    v.insert(v.end(), std::begin(kChownTable), std::end(kChownTable));
    for (auto part : {filedec::file_xattr_table(), filedec::file_mount_table(),
                      filedec::file_misc_table(), filedec::file_quota_table(),
                      filedec::file_advise_table()})
      v.insert(v.end(), part.begin(), part.end());
    return v;
  }();
  return all;
}

}  // namespace families
}  // namespace syscope

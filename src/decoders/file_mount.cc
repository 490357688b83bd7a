// SPDX-License-Identifier: MIT
// Mounts and other whole-filesystem calls: mount, umount, the new mount API
// (open_tree, move_mount, fsopen, fsconfig, fsmount, fspick, mount_setattr),
// swapon/swapoff, pivot_root. strace 6.1's src/mount.c, umount.c, fs*.c,
// mount_setattr.c, swapon.c; statmount/listmount (Linux 6.8, unknown to
// strace 6.1) follow newer strace's layout for the request.
#include <fcntl.h>
#include <linux/mount.h>

#include <algorithm>
#include <cinttypes>
#include <climits>
#include <cstdio>

#include "decoders/file_common.h"
#include "syscalls/xlat/tables.h"

namespace syscope::filedec {
namespace {

constexpr uint64_t kPageSize = 4096;

void append_hex(Printer& p, uint64_t v) {
  char b[24];
  snprintf(b, sizeof b, "%#" PRIx64, v);
  p.lit(b);
}

// print_xlat(): a constant known by name only.
void print_named_const(Printer& p, uint64_t v, const char* name) {
  switch (p.opt().const_style) {
    case FormatOptions::ConstStyle::kRaw: append_hex(p, v); return;
    case FormatOptions::ConstStyle::kVerbose:
      append_hex(p, v);
      p.lit(" /* ").lit(name).lit(" */");
      return;
    default: p.lit(name);
  }
}

// ---- mount, umount ----------------------------------------------------------

bool dec_mount(Call& c) {
  constexpr uint64_t kMgcVal = 0xc0ed0000;  // old magic in the high half
  constexpr uint64_t kMgcMask = 0xffff0000;
  Printer& p = *c.p;
  uint64_t flags = c.arg(3);
  bool old_magic = false, ignore_type = false, ignore_data = false;
  if ((flags & kMgcMask) == kMgcVal) {
    flags &= ~static_cast<uint32_t>(kMgcMask);
    old_magic = true;
  }
  if (flags & MS_REMOUNT)
    ignore_type = true;
  else if (flags & (MS_BIND | MS_MOVE | MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE))
    ignore_type = ignore_data = true;
  print_path(p, c.arg(0));
  p.sep();
  print_path(p, c.arg(1));
  p.sep();
  if (ignore_type)
    p.addr(c.arg(2));
  else
    print_str(p, c.arg(2));
  p.sep();
  if (old_magic) {
    print_named_const(p, kMgcVal, "MS_MGC_VAL");
    if (flags) p.ch('|');
  }
  if (flags || !old_magic) print_flags(p, flags, xlat::mount_flags, "MS_???");
  p.sep();
  if (ignore_data)
    p.addr(c.arg(4));
  else
    print_str(p, c.arg(4));
  return true;
}

bool dec_umount2(Call& c) {
  print_path(*c.p, c.arg(0));
  c.p->sep();
  print_flags(*c.p, c.arg(1), xlat::umount_flags, "MNT_???");
  return true;
}

bool dec_path_only(Call& c) {
  print_path(*c.p, c.arg(0));
  return true;
}

bool dec_two_paths(Call& c) {
  print_path(*c.p, c.arg(0));
  c.p->sep();
  print_path(*c.p, c.arg(1));
  return true;
}

// ---- new mount API -----------------------------------------------------------

void decode_dfd_path_flags(Call& c, const xlat::Table& t, const char* dflt) {
  c.p->dirfd(c.arg(0));
  c.p->sep();
  print_path(*c.p, c.arg(1));
  c.p->sep();
  print_flags(*c.p, static_cast<uint32_t>(c.arg(2)), t, dflt);
}

bool dec_open_tree(Call& c) {
  decode_dfd_path_flags(c, xlat::open_tree_flags, "OPEN_TREE_???");
  return true;
}

bool dec_fspick(Call& c) {
  decode_dfd_path_flags(c, xlat::fspick_flags, "FSPICK_???");
  return true;
}

bool dec_move_mount(Call& c) {
  c.p->dirfd(c.arg(0));
  c.p->sep();
  print_path(*c.p, c.arg(1));
  c.p->sep();
  c.p->dirfd(c.arg(2));
  c.p->sep();
  print_path(*c.p, c.arg(3));
  c.p->sep();
  print_flags(*c.p, c.arg(4), xlat::move_mount_flags, "MOVE_MOUNT_???");
  return true;
}

bool dec_fsopen(Call& c) {
  print_str(*c.p, c.arg(0));
  c.p->sep();
  print_flags(*c.p, c.arg(1), xlat::fsopen_flags, "FSOPEN_???");
  return true;
}

bool dec_fsmount(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  print_flags(*c.p, c.arg(1), xlat::fsmount_flags, "FSMOUNT_???");
  c.p->sep();
  print_flags(*c.p, c.arg(2), xlat::fsmount_attr_flags, "MOUNT_ATTR_???");
  return true;
}

bool dec_fsconfig(Call& c) {
  Printer& p = *c.p;
  const uint32_t cmd = static_cast<uint32_t>(c.arg(1));
  const uint64_t key = c.arg(2), value = c.arg(3);
  const int aux = c.iarg(4);
  p.fd(c.arg(0));
  p.sep();
  print_xval(p, cmd, xlat::fsconfig_cmds, "FSCONFIG_???");
  p.sep();
  switch (cmd) {
    case FSCONFIG_SET_FLAG:
    case FSCONFIG_SET_STRING:
    case FSCONFIG_SET_BINARY:
    case FSCONFIG_SET_PATH:
    case FSCONFIG_SET_PATH_EMPTY:
    case FSCONFIG_SET_FD: print_str_ex(p, key, 256, kQuote0Terminated); break;
    default: p.addr(key);
  }
  p.sep();
  switch (cmd) {
    case FSCONFIG_SET_STRING: print_str_ex(p, value, 256, kQuote0Terminated); break;
    case FSCONFIG_SET_PATH:
    case FSCONFIG_SET_PATH_EMPTY: print_path(p, value); break;
    case FSCONFIG_SET_BINARY:
      if (aux >= 0 && aux <= 1024 * 1024) {
        print_str_ex(p, value, static_cast<uint64_t>(aux), kQuoteForceHex);
        break;
      }
      [[fallthrough]];
    default: p.addr(value);
  }
  p.sep();
  switch (cmd) {
    case FSCONFIG_SET_PATH:
    case FSCONFIG_SET_PATH_EMPTY: p.dirfd(aux); break;
    case FSCONFIG_SET_FD: p.fd(aux); break;
    default: p.dec(aux);
  }
  return true;
}

void print_mount_attr(Call& c, uint64_t addr, uint64_t size) {
  mount_attr a{};
  if (size < MOUNT_ATTR_SIZE_VER0) {
    c.p->addr(addr);
    return;
  }
  if (!fetch_n(c, addr, std::min<uint64_t>(sizeof a, size), &a)) return;
  Printer& p = *c.p;
  p.lit("{attr_set=");
  print_flags(p, a.attr_set, xlat::mount_attr_flags, "MOUNT_ATTR_???");
  p.lit(", attr_clr=");
  print_flags(p, a.attr_clr, xlat::mount_attr_flags, "MOUNT_ATTR_???");
  p.lit(", propagation=");
  print_xval(p, a.propagation, xlat::mount_propagation, "MS_???");
  p.lit(", userns_fd=");
  if (a.userns_fd > INT_MAX || !((a.attr_set | a.attr_clr) & MOUNT_ATTR_IDMAP))
    p.udec(a.userns_fd);
  else
    p.fd(static_cast<int>(a.userns_fd));
  if (size > sizeof a) print_nonzero_bytes(p, addr, sizeof a, std::min(size, kPageSize));
  p.ch('}');
}

bool dec_mount_setattr(Call& c) {
  decode_dfd_path_flags(c, xlat::mount_setattr_flags, "AT_???");
  c.p->sep();
  print_mount_attr(c, c.arg(3), c.arg(4));
  c.p->sep();
  c.p->udec(c.arg(4));
  return true;
}

// open_tree_attr (Linux 6.15): open_tree flags plus a struct mount_attr.
bool dec_open_tree_attr(Call& c) {
  decode_dfd_path_flags(c, xlat::open_tree_flags, "OPEN_TREE_???");
  c.p->sep();
  print_mount_attr(c, c.arg(3), c.arg(4));
  c.p->sep();
  c.p->udec(c.arg(4));
  return true;
}

// ---- statmount, listmount (Linux 6.8) -----------------------------------------

struct MntIdReq {  // struct mnt_id_req
  uint32_t size;
  uint32_t mnt_ns_fd;
  uint64_t mnt_id;
  uint64_t param;
  uint64_t mnt_ns_id;
};
constexpr uint32_t kMntIdReqSizeVer0 = 24, kMntIdReqSizeVer1 = 32;

const xlat::Entry kStatmountMask[] = {
    {0x1, "STATMOUNT_SB_BASIC"},       {0x2, "STATMOUNT_MNT_BASIC"},
    {0x4, "STATMOUNT_PROPAGATE_FROM"}, {0x8, "STATMOUNT_MNT_ROOT"},
    {0x10, "STATMOUNT_MNT_POINT"},     {0x20, "STATMOUNT_FS_TYPE"},
    {0x40, "STATMOUNT_MNT_NS_ID"},     {0x80, "STATMOUNT_MNT_OPTS"},
    {0x100, "STATMOUNT_FS_SUBTYPE"},   {0x200, "STATMOUNT_SB_SOURCE"},
    {0x400, "STATMOUNT_OPT_ARRAY"},    {0x800, "STATMOUNT_OPT_SEC_ARRAY"},
    {0x1000, "STATMOUNT_SUPPORTED_MASK"}, {0x2000, "STATMOUNT_MNT_UIDMAP"},
    {0x4000, "STATMOUNT_MNT_GIDMAP"},
};
const xlat::Table statmount_mask{kStatmountMask, std::size(kStatmountMask), "STATMOUNT_???"};
const xlat::Entry kStatmountFlags[] = {{0x1, "STATMOUNT_BY_FD"}};
const xlat::Table statmount_flags{kStatmountFlags, std::size(kStatmountFlags), "STATMOUNT_???"};
const xlat::Entry kListmountFlags[] = {{0x1, "LISTMOUNT_REVERSE"}};
const xlat::Table listmount_flags{kListmountFlags, std::size(kListmountFlags), "LISTMOUNT_???"};
const xlat::Entry kListmountMntId[] = {{0xffffffffffffffffULL, "LSMT_ROOT"}};
const xlat::Table listmount_mnt_id{kListmountMntId, std::size(kListmountMntId), nullptr};

void print_mnt_id_req(Call& c, uint64_t addr, bool list) {
  MntIdReq req{};
  if (!fetch_n(c, addr, sizeof req.size, &req.size)) return;
  Printer& p = *c.p;
  p.lit("{size=");
  p.udec(req.size);
  if (req.size < kMntIdReqSizeVer0) {
    p.ch('}');
    return;
  }
  size_t n = std::min<size_t>(sizeof req, req.size);
  if (c.ctx().read(addr, &req, n) != n) {
    p.lit(", ???}");
    return;
  }
  p.lit(", mnt_ns_fd=");
  p.fd(static_cast<int>(req.mnt_ns_fd));
  p.lit(", mnt_id=");
  if (list)
    print_xval(p, req.mnt_id, listmount_mnt_id, nullptr);
  else
    p.hex(req.mnt_id);
  p.lit(", param=");
  if (list)
    p.hex(req.param);
  else
    print_flags(p, req.param, statmount_mask, "STATMOUNT_???");
  if (req.size >= kMntIdReqSizeVer1) {
    p.lit(", mnt_ns_id=");
    p.hex(req.mnt_ns_id);
  }
  if (req.size > kMntIdReqSizeVer1)
    print_nonzero_bytes(p, addr, kMntIdReqSizeVer1, std::min<uint64_t>(req.size, kPageSize));
  p.ch('}');
}

// The result buffer is printed as its address: its string table is not decoded.
bool dec_statmount(Call& c) {
  if (!c.exiting) {
    print_mnt_id_req(c, c.arg(0), false);
    return false;
  }
  c.p->sep();
  c.p->addr(c.arg(1));
  c.p->sep();
  c.p->udec(c.arg(2));
  c.p->sep();
  print_flags(*c.p, static_cast<uint32_t>(c.arg(3)), statmount_flags, "STATMOUNT_???");
  return true;
}

bool dec_listmount(Call& c) {
  if (!c.exiting) {
    print_mnt_id_req(c, c.arg(0), true);
    return false;
  }
  Printer& p = *c.p;
  p.sep();
  uint64_t n = c.failed() ? 0 : std::min<uint64_t>(c.arg(2), static_cast<uint64_t>(c.rval));
  uint64_t addr = c.arg(1);
  if (c.failed() || addr == 0 || !p.opt().verbose_structs) {
    p.addr(addr);
  } else {
    p.ch('[');
    for (uint64_t i = 0; i < n; ++i) {
      if (i) p.sep();
      if (array_elem_cut(p, i, n)) {
        p.lit("...");
        break;
      }
      uint64_t id;
      if (c.ctx().read(addr + i * 8, &id, 8) != 8) {
        if (i == 0) {
          p.out().pop_back();
          p.addr(addr);
          goto done;
        }
        p.lit("...");
        break;
      }
      p.hex(id);
    }
    p.ch(']');
  }
done:
  p.sep();
  p.udec(c.arg(2));
  p.sep();
  print_flags(p, static_cast<uint32_t>(c.arg(3)), listmount_flags, "LISTMOUNT_???");
  return true;
}

// ---- swap ---------------------------------------------------------------------

bool dec_swapon(Call& c) {
  constexpr uint32_t kPrioMask = 0x7fff;
  uint32_t flags = static_cast<uint32_t>(c.arg(1));
  uint32_t prio = flags & kPrioMask;
  flags &= ~kPrioMask;
  print_path(*c.p, c.arg(0));
  c.p->sep();
  if (flags) {
    print_flags(*c.p, flags, xlat::swap_flags, "SWAP_FLAG_???");
    c.p->ch('|');
  }
  c.p->udec(prio);
  return true;
}

const DecoderEntry kTable[] = {
    {"mount", dec_mount, RetFmt::kDec},
    {"umount2", dec_umount2, RetFmt::kDec},
    {"umount", dec_path_only, RetFmt::kDec},
    {"swapoff", dec_path_only, RetFmt::kDec},
    {"pivot_root", dec_two_paths, RetFmt::kDec},
    {"open_tree", dec_open_tree, RetFmt::kFd},
    {"open_tree_attr", dec_open_tree_attr, RetFmt::kFd},
    {"move_mount", dec_move_mount, RetFmt::kDec},
    {"fsopen", dec_fsopen, RetFmt::kFd},
    {"fsconfig", dec_fsconfig, RetFmt::kDec},
    {"fsmount", dec_fsmount, RetFmt::kFd},
    {"fspick", dec_fspick, RetFmt::kFd},
    // strace 6.1 marks mount_setattr's result as an fd (RVAL_FD).
    {"mount_setattr", dec_mount_setattr, RetFmt::kFd},
    {"statmount", dec_statmount, RetFmt::kDec},
    {"listmount", dec_listmount, RetFmt::kDec},
    {"swapon", dec_swapon, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> file_mount_table() { return kTable; }

}  // namespace syscope::filedec

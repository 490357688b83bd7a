// SPDX-License-Identifier: MIT
// File and file-descriptor flag sets: open(2), *at(2), fcntl(2), stat(2), xattr, ...
// Names and their order follow strace 6.1 (its src/xlat/*.in lists); values come
// from the Linux uapi headers, or are literals where those headers lack the name.
// Only uapi headers here: glibc's own headers clash with them.
#include <linux/close_range.h>
#include <linux/falloc.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/openat2.h>
#include <linux/stat.h>
#include <linux/xattr.h>

#include "syscalls/xlat/tables.h"

namespace syscope::xlat {
namespace {

// clang-format off
#define E(name) Entry{static_cast<uint64_t>(name), #name}
// clang-format on

constexpr Entry kOpenFlags[] = {
    E(O_CREAT),     E(O_EXCL),      E(O_NOCTTY),    E(O_TRUNC),   E(O_APPEND),
    E(O_NONBLOCK),  E(O_SYNC),      E(__O_SYNC),    E(O_DSYNC),   E(O_DIRECT),
    E(O_LARGEFILE), E(O_NOFOLLOW),  E(O_NOATIME),   E(O_CLOEXEC), E(O_PATH),
    E(O_TMPFILE),   E(__O_TMPFILE), E(O_DIRECTORY), E(FASYNC),
};
constexpr Entry kOpenAccessModes[] = {
    E(O_RDONLY),
    E(O_WRONLY),
    E(O_RDWR),
    E(O_ACCMODE),
};
constexpr Entry kAtFlags[] = {
    E(AT_SYMLINK_NOFOLLOW), E(AT_REMOVEDIR),  E(AT_SYMLINK_FOLLOW),
    E(AT_NO_AUTOMOUNT),     E(AT_EMPTY_PATH), E(AT_RECURSIVE),
};
constexpr Entry kAtStatxSyncTypes[] = {
    E(AT_STATX_SYNC_AS_STAT),
    E(AT_STATX_FORCE_SYNC),
    E(AT_STATX_DONT_SYNC),
    E(AT_STATX_SYNC_TYPE),
};
constexpr Entry kFaccessatFlags[] = {
    E(AT_SYMLINK_NOFOLLOW),
    E(AT_EACCESS),
    E(AT_EMPTY_PATH),
};
constexpr Entry kAccessModes[] = {
    Entry{0x0, "F_OK"},
    Entry{0x4, "R_OK"},
    Entry{0x2, "W_OK"},
    Entry{0x1, "X_OK"},
};
constexpr Entry kFcntlCmds[] = {
    E(F_DUPFD),
    E(F_GETFD),
    E(F_SETFD),
    E(F_GETFL),
    E(F_SETFL),
    E(F_GETLK),
    E(F_SETLK),
    E(F_SETLKW),
    E(F_SETOWN),
    E(F_GETOWN),
    E(F_SETSIG),
    E(F_GETSIG),
    Entry{12, "F_GETLK64"},
    Entry{13, "F_SETLK64"},
    Entry{14, "F_SETLKW64"},
    E(F_SETOWN_EX),
    E(F_GETOWN_EX),
    E(F_GETOWNER_UIDS),
    E(F_OFD_GETLK),
    E(F_OFD_SETLK),
    E(F_OFD_SETLKW),
    E(F_SETLEASE),
    E(F_GETLEASE),
    E(F_NOTIFY),
    E(F_CANCELLK),
    E(F_DUPFD_CLOEXEC),
    E(F_SETPIPE_SZ),
    E(F_GETPIPE_SZ),
    E(F_ADD_SEALS),
    E(F_GET_SEALS),
};
constexpr Entry kFdFlags[] = {
    E(FD_CLOEXEC),
};
constexpr Entry kSeekWhence[] = {
    E(SEEK_SET), E(SEEK_CUR), E(SEEK_END), E(SEEK_DATA), E(SEEK_HOLE),
};
constexpr Entry kFileModes[] = {
    Entry{0100000, "S_IFREG"}, Entry{0140000, "S_IFSOCK"}, Entry{010000, "S_IFIFO"},
    Entry{0120000, "S_IFLNK"}, Entry{040000, "S_IFDIR"},   Entry{060000, "S_IFBLK"},
    Entry{020000, "S_IFCHR"},
};
constexpr Entry kModeBits[] = {
    Entry{04000, "S_ISUID"},
    Entry{02000, "S_ISGID"},
    Entry{01000, "S_ISVTX"},
};
constexpr Entry kStatxMasks[] = {
    E(STATX_ALL),    E(STATX_BASIC_STATS), E(STATX_TYPE),   E(STATX_MODE),
    E(STATX_NLINK),  E(STATX_UID),         E(STATX_GID),    E(STATX_ATIME),
    E(STATX_MTIME),  E(STATX_CTIME),       E(STATX_INO),    E(STATX_SIZE),
    E(STATX_BLOCKS), E(STATX_BTIME),       E(STATX_MNT_ID), E(STATX_DIOALIGN),
};
constexpr Entry kStatxAttrs[] = {
    E(STATX_ATTR_COMPRESSED), E(STATX_ATTR_IMMUTABLE), E(STATX_ATTR_APPEND),
    E(STATX_ATTR_NODUMP),     E(STATX_ATTR_ENCRYPTED), E(STATX_ATTR_AUTOMOUNT),
    E(STATX_ATTR_MOUNT_ROOT), E(STATX_ATTR_VERITY),    E(STATX_ATTR_DAX),
};
constexpr Entry kRenameFlags[] = {
    E(RENAME_NOREPLACE),
    E(RENAME_EXCHANGE),
    E(RENAME_WHITEOUT),
};
constexpr Entry kXattrFlags[] = {
    E(XATTR_CREATE),
    E(XATTR_REPLACE),
};
constexpr Entry kFallocFlags[] = {
    E(FALLOC_FL_KEEP_SIZE),      E(FALLOC_FL_PUNCH_HOLE), E(FALLOC_FL_NO_HIDE_STALE),
    E(FALLOC_FL_COLLAPSE_RANGE), E(FALLOC_FL_ZERO_RANGE), E(FALLOC_FL_INSERT_RANGE),
    E(FALLOC_FL_UNSHARE_RANGE),
};
constexpr Entry kSpliceFlags[] = {
    Entry{0x1, "SPLICE_F_MOVE"},
    Entry{0x2, "SPLICE_F_NONBLOCK"},
    Entry{0x4, "SPLICE_F_MORE"},
    Entry{0x8, "SPLICE_F_GIFT"},
};
constexpr Entry kSyncFileRangeFlags[] = {
    E(SYNC_FILE_RANGE_WAIT_BEFORE),
    E(SYNC_FILE_RANGE_WRITE),
    E(SYNC_FILE_RANGE_WAIT_AFTER),
};
constexpr Entry kCloseRangeFlags[] = {
    E(CLOSE_RANGE_UNSHARE),
    E(CLOSE_RANGE_CLOEXEC),
};
constexpr Entry kOpenResolveFlags[] = {
    E(RESOLVE_NO_XDEV), E(RESOLVE_NO_MAGICLINKS), E(RESOLVE_NO_SYMLINKS),
    E(RESOLVE_BENEATH), E(RESOLVE_IN_ROOT),       E(RESOLVE_CACHED),
};
constexpr Entry kFSeals[] = {
    E(F_SEAL_SEAL), E(F_SEAL_SHRINK), E(F_SEAL_GROW), E(F_SEAL_WRITE), E(F_SEAL_FUTURE_WRITE),
};
constexpr Entry kFlockCmds[] = {
    E(LOCK_SH),   E(LOCK_EX), E(LOCK_NB),   E(LOCK_UN),
    E(LOCK_MAND), E(LOCK_RW), E(LOCK_READ), E(LOCK_WRITE),
};
constexpr Entry kLockTypes[] = {
    E(F_RDLCK), E(F_WRLCK), E(F_UNLCK), E(F_EXLCK), E(F_SHLCK),
};
constexpr Entry kDnotifyFlags[] = {
    E(DN_ACCESS), E(DN_MODIFY), E(DN_CREATE),    E(DN_DELETE),
    E(DN_RENAME), E(DN_ATTRIB), E(DN_MULTISHOT),
};
constexpr Entry kFOwnerTypes[] = {
    E(F_OWNER_TID),
    E(F_OWNER_PID),
    E(F_OWNER_PGRP),
};
constexpr Entry kStatfsFlags[] = {
    Entry{0x20, "ST_VALID"},      Entry{0x1, "ST_RDONLY"},         Entry{0x2, "ST_NOSUID"},
    Entry{0x4, "ST_NODEV"},       Entry{0x8, "ST_NOEXEC"},         Entry{0x10, "ST_SYNCHRONOUS"},
    Entry{0x40, "ST_MANDLOCK"},   Entry{0x400, "ST_NOATIME"},      Entry{0x800, "ST_NODIRATIME"},
    Entry{0x1000, "ST_RELATIME"}, Entry{0x2000, "ST_NOSYMFOLLOW"},
};
constexpr Entry kNameToHandleAtFlags[] = {
    E(AT_SYMLINK_FOLLOW),
    E(AT_EMPTY_PATH),
};
constexpr Entry kRwfFlags[] = {
    E(RWF_HIPRI), E(RWF_DSYNC), E(RWF_SYNC), E(RWF_NOWAIT), E(RWF_APPEND),
};
constexpr Entry kDirentTypes[] = {
    Entry{0, "DT_UNKNOWN"}, Entry{1, "DT_FIFO"},  Entry{2, "DT_CHR"},
    Entry{4, "DT_DIR"},     Entry{6, "DT_BLK"},   Entry{8, "DT_REG"},
    Entry{10, "DT_LNK"},    Entry{12, "DT_SOCK"}, Entry{14, "DT_WHT"},
};
constexpr Entry kUtimeSpecial[] = {
    Entry{0x3fffffff, "UTIME_NOW"},
    Entry{0x3ffffffe, "UTIME_OMIT"},
};

#undef E

}  // namespace

const Table open_flags{kOpenFlags, std::size(kOpenFlags), "O_???", true};
const Table open_access_modes{kOpenAccessModes, std::size(kOpenAccessModes), "O_???"};
const Table at_flags{kAtFlags, std::size(kAtFlags), "AT_???"};
const Table at_statx_sync_types{kAtStatxSyncTypes, std::size(kAtStatxSyncTypes), "AT_STATX_???",
                                true};
const Table faccessat_flags{kFaccessatFlags, std::size(kFaccessatFlags), "AT_???"};
const Table access_modes{kAccessModes, std::size(kAccessModes), nullptr};
const Table fcntl_cmds{kFcntlCmds, std::size(kFcntlCmds), "F_???"};
const Table fd_flags{kFdFlags, std::size(kFdFlags), "FD_???"};
const Table seek_whence{kSeekWhence, std::size(kSeekWhence), "SEEK_???"};
const Table file_modes{kFileModes, std::size(kFileModes), "S_IF???"};
const Table mode_bits{kModeBits, std::size(kModeBits), "S_???"};
const Table statx_masks{kStatxMasks, std::size(kStatxMasks), "STATX_???", true};
const Table statx_attrs{kStatxAttrs, std::size(kStatxAttrs), "STATX_ATTR_???"};
const Table rename_flags{kRenameFlags, std::size(kRenameFlags), "RENAME_???"};
const Table xattr_flags{kXattrFlags, std::size(kXattrFlags), "XATTR_???"};
const Table falloc_flags{kFallocFlags, std::size(kFallocFlags), "FALLOC_FL_???"};
const Table splice_flags{kSpliceFlags, std::size(kSpliceFlags), "SPLICE_F_???"};
const Table sync_file_range_flags{kSyncFileRangeFlags, std::size(kSyncFileRangeFlags),
                                  "SYNC_FILE_RANGE_???"};
const Table close_range_flags{kCloseRangeFlags, std::size(kCloseRangeFlags), "CLOSE_RANGE_???"};
const Table open_resolve_flags{kOpenResolveFlags, std::size(kOpenResolveFlags), "RESOLVE_???"};
const Table f_seals{kFSeals, std::size(kFSeals), "F_SEAL_???"};
const Table flock_cmds{kFlockCmds, std::size(kFlockCmds), "LOCK_???", true};
const Table lock_types{kLockTypes, std::size(kLockTypes), "F_???"};
const Table dnotify_flags{kDnotifyFlags, std::size(kDnotifyFlags), "DN_???"};
const Table f_owner_types{kFOwnerTypes, std::size(kFOwnerTypes), "F_OWNER_???"};
const Table statfs_flags{kStatfsFlags, std::size(kStatfsFlags), "ST_???"};
const Table name_to_handle_at_flags{kNameToHandleAtFlags, std::size(kNameToHandleAtFlags),
                                    "AT_???"};
const Table rwf_flags{kRwfFlags, std::size(kRwfFlags), "RWF_???"};
const Table dirent_types{kDirentTypes, std::size(kDirentTypes), "DT_???"};
const Table utime_special{kUtimeSpecial, std::size(kUtimeSpecial), nullptr};

}  // namespace syscope::xlat

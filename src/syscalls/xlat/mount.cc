// SPDX-License-Identifier: MIT
// mount(2), umount2(2) and the new mount API.
// Names and their order follow strace 6.1 (its src/xlat/*.in lists); values come
// from the Linux uapi headers, or are literals where those headers lack the name.
// Only uapi headers here: glibc's own headers clash with them.
#include <linux/fcntl.h>
#include <linux/mount.h>

#include "syscalls/xlat/tables.h"

namespace syscope::xlat {
namespace {

// clang-format off
#define E(name) Entry{static_cast<uint64_t>(name), #name}
// clang-format on

constexpr Entry kMountFlags[] = {
    E(MS_RDONLY),
    E(MS_NOSUID),
    E(MS_NODEV),
    E(MS_NOEXEC),
    E(MS_SYNCHRONOUS),
    E(MS_REMOUNT),
    E(MS_MANDLOCK),
    E(MS_DIRSYNC),
    E(MS_NOSYMFOLLOW),
    E(MS_NOATIME),
    E(MS_NODIRATIME),
    E(MS_BIND),
    E(MS_MOVE),
    E(MS_REC),
    E(MS_SILENT),
    E(MS_POSIXACL),
    E(MS_UNBINDABLE),
    E(MS_PRIVATE),
    E(MS_SLAVE),
    E(MS_SHARED),
    E(MS_RELATIME),
    E(MS_KERNMOUNT),
    E(MS_I_VERSION),
    E(MS_STRICTATIME),
    E(MS_LAZYTIME),
    E(MS_SUBMOUNT),
    E(MS_NOREMOTELOCK),
    E(MS_NOSEC),
    E(MS_BORN),
    E(MS_ACTIVE),
    Entry{static_cast<uint32_t>(MS_NOUSER), "MS_NOUSER"},
};
constexpr Entry kUmountFlags[] = {
    Entry{0x1, "MNT_FORCE"},
    Entry{0x2, "MNT_DETACH"},
    Entry{0x4, "MNT_EXPIRE"},
    Entry{0x8, "UMOUNT_NOFOLLOW"},
};
constexpr Entry kMountSetattrFlags[] = {
    E(AT_SYMLINK_NOFOLLOW),
    E(AT_NO_AUTOMOUNT),
    E(AT_EMPTY_PATH),
    E(AT_RECURSIVE),
};
constexpr Entry kMountAttrFlags[] = {
    E(MOUNT_ATTR_RDONLY),     E(MOUNT_ATTR_NOSUID),  E(MOUNT_ATTR_NODEV),
    E(MOUNT_ATTR_NOEXEC),     E(MOUNT_ATTR_NOATIME), E(MOUNT_ATTR_STRICTATIME),
    E(MOUNT_ATTR_NODIRATIME), E(MOUNT_ATTR_IDMAP),   E(MOUNT_ATTR_NOSYMFOLLOW),
};
constexpr Entry kMountPropagation[] = {
    E(MS_UNBINDABLE),
    E(MS_PRIVATE),
    E(MS_SLAVE),
    E(MS_SHARED),
};
constexpr Entry kOpenTreeFlags[] = {
    E(OPEN_TREE_CLONE),   E(OPEN_TREE_CLOEXEC), E(AT_SYMLINK_NOFOLLOW), E(AT_REMOVEDIR),
    E(AT_SYMLINK_FOLLOW), E(AT_NO_AUTOMOUNT),   E(AT_EMPTY_PATH),       E(AT_RECURSIVE),
};
constexpr Entry kFsopenFlags[] = {
    E(FSOPEN_CLOEXEC),
};
constexpr Entry kFsmountFlags[] = {
    E(FSMOUNT_CLOEXEC),
};
constexpr Entry kFsmountAttrFlags[] = {
    E(MOUNT_ATTR_RDONLY),     E(MOUNT_ATTR_NOSUID),  E(MOUNT_ATTR_NODEV),
    E(MOUNT_ATTR_NOEXEC),     E(MOUNT_ATTR_NOATIME), E(MOUNT_ATTR_STRICTATIME),
    E(MOUNT_ATTR_NODIRATIME),
};
constexpr Entry kMoveMountFlags[] = {
    E(MOVE_MOUNT_F_SYMLINKS), E(MOVE_MOUNT_F_AUTOMOUNTS), E(MOVE_MOUNT_F_EMPTY_PATH),
    E(MOVE_MOUNT_T_SYMLINKS), E(MOVE_MOUNT_T_AUTOMOUNTS), E(MOVE_MOUNT_T_EMPTY_PATH),
    E(MOVE_MOUNT_SET_GROUP),
};
constexpr Entry kFspickFlags[] = {
    E(FSPICK_CLOEXEC),
    E(FSPICK_SYMLINK_NOFOLLOW),
    E(FSPICK_NO_AUTOMOUNT),
    E(FSPICK_EMPTY_PATH),
};
constexpr Entry kFsconfigCmds[] = {
    E(FSCONFIG_SET_FLAG),   E(FSCONFIG_SET_STRING),      E(FSCONFIG_SET_BINARY),
    E(FSCONFIG_SET_PATH),   E(FSCONFIG_SET_PATH_EMPTY),  E(FSCONFIG_SET_FD),
    E(FSCONFIG_CMD_CREATE), E(FSCONFIG_CMD_RECONFIGURE),
};

#undef E

}  // namespace

const Table mount_flags{kMountFlags, std::size(kMountFlags), "MS_???"};
const Table umount_flags{kUmountFlags, std::size(kUmountFlags), "MNT_???"};
const Table mount_setattr_flags{kMountSetattrFlags, std::size(kMountSetattrFlags), "AT_???"};
const Table mount_attr_flags{kMountAttrFlags, std::size(kMountAttrFlags), "MOUNT_ATTR_???"};
const Table mount_propagation{kMountPropagation, std::size(kMountPropagation), "MS_???"};
const Table open_tree_flags{kOpenTreeFlags, std::size(kOpenTreeFlags), "OPEN_TREE_???"};
const Table fsopen_flags{kFsopenFlags, std::size(kFsopenFlags), "FSOPEN_???"};
const Table fsmount_flags{kFsmountFlags, std::size(kFsmountFlags), "FSMOUNT_???"};
const Table fsmount_attr_flags{kFsmountAttrFlags, std::size(kFsmountAttrFlags), "MOUNT_ATTR_???"};
const Table move_mount_flags{kMoveMountFlags, std::size(kMoveMountFlags), "MOVE_MOUNT_???"};
const Table fspick_flags{kFspickFlags, std::size(kFspickFlags), "FSPICK_???"};
const Table fsconfig_cmds{kFsconfigCmds, std::size(kFsconfigCmds), "FSCONFIG_???"};

}  // namespace syscope::xlat

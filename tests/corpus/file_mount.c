/* SPDX-License-Identifier: MIT */
/* mount/umount2, the new mount API, mount_setattr, swapon/swapoff,
 * pivot_root, chroot, acct, quotactl: mostly failing calls with decoded
 * arguments, plus one real tmpfs mount in the working directory */
#include "corpus.h"
#include <sys/mount.h>
#include <sys/quota.h>
#include <sys/swap.h>
#include <linux/mount.h>

#ifndef MOUNT_ATTR_SIZE_VER0
#define MOUNT_ATTR_SIZE_VER0 32
#endif

int main(void)
{
	S(SYS_mkdirat, AT_FDCWD, "mnt", 0755);
	if (S(SYS_mount, "none", "mnt", "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0700") == 0) {
		S(SYS_mount, NULL, "mnt", NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID, "size=2m");
		S(SYS_mount, NULL, "mnt", NULL, MS_PRIVATE | MS_REC, NULL);
		S(SYS_umount2, "mnt", MNT_DETACH | UMOUNT_NOFOLLOW);
	}
	S(SYS_mount, "src", "missing-dir", "ext4", 0xc0ed0000 | MS_RDONLY, NULL);
	S(SYS_mount, "src", "missing-dir", "ext4", 0xc0ed0000, NULL);
	S(SYS_mount, "src", "missing-dir", NULL, MS_BIND | MS_REC, "ignored");
	S(SYS_mount, "src", "missing-dir", "tmpfs", 0x8000000, NULL);
	S(SYS_umount2, "missing-dir", 0);
	S(SYS_umount2, "missing-dir", 0x10);

	int fs = S(SYS_fsopen, "tmpfs", FSOPEN_CLOEXEC);
	S(SYS_fsopen, "no-such-fs", 0);
	S(SYS_fsopen, "tmpfs", 0x2);
	if (fs >= 0) {
		S(SYS_fsconfig, fs, FSCONFIG_SET_STRING, "size", "1m", 0);
		S(SYS_fsconfig, fs, FSCONFIG_SET_FLAG, "ro", NULL, 0);
		S(SYS_fsconfig, fs, FSCONFIG_SET_BINARY, "bin", "\1\2\3", 3);
		S(SYS_fsconfig, fs, FSCONFIG_SET_PATH, "path", "/tmp", AT_FDCWD);
		S(SYS_fsconfig, fs, FSCONFIG_SET_FD, "fd", NULL, 0);
		S(SYS_fsconfig, fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0);
		S(SYS_fsconfig, fs, 99, NULL, NULL, 0);
		int mf = S(SYS_fsmount, fs, FSMOUNT_CLOEXEC, MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC);
		if (mf >= 0) {
			struct mount_attr attr = { .attr_set = MOUNT_ATTR_RDONLY, .attr_clr = MOUNT_ATTR_NOEXEC,
						   .propagation = MS_PRIVATE };
			S(SYS_mount_setattr, mf, "", AT_EMPTY_PATH, &attr, sizeof attr);
			S(SYS_move_mount, mf, "", AT_FDCWD, "mnt", MOVE_MOUNT_F_EMPTY_PATH);
			S(SYS_close, mf);
			S(SYS_umount2, "mnt", MNT_DETACH);
		}
		S(SYS_close, fs);
	}
	S(SYS_fsmount, 999, 0, 0x4000000);
	S(SYS_fspick, AT_FDCWD, "missing-dir", FSPICK_CLOEXEC | FSPICK_NO_AUTOMOUNT);
	S(SYS_open_tree, AT_FDCWD, "missing-dir", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE);
	S(SYS_move_mount, AT_FDCWD, "missing-dir", AT_FDCWD, "other", 0x1000);
	struct mount_attr attr2 = { .attr_set = MOUNT_ATTR_IDMAP, .userns_fd = 1 };
	S(SYS_mount_setattr, AT_FDCWD, "missing-dir", AT_RECURSIVE, &attr2, sizeof attr2);
	S(SYS_mount_setattr, AT_FDCWD, "missing-dir", 0, &attr2, 8);
	S(SYS_mount_setattr, AT_FDCWD, "missing-dir", 0, NULL, sizeof attr2);
	S(SYS_rmdir, "mnt");

	S(SYS_swapon, "no-swap-file", SWAP_FLAG_PREFER | 10);
	S(SYS_swapon, "no-swap-file", 0);
	S(SYS_swapon, "no-swap-file", SWAP_FLAG_DISCARD | 0x100000);
	S(SYS_swapoff, "no-swap-file");
	S(SYS_pivot_root, "new-root", "put-old");
	S(SYS_chroot, "missing-dir");
	S(SYS_acct, "missing-dir/acct");
	S(SYS_quotactl, QCMD(Q_SYNC, USRQUOTA), NULL, 0, NULL);
	S(SYS_quotactl, QCMD(Q_GETQUOTA, GRPQUOTA), "/dev/no-such-dev", 1000, NULL);
	S(SYS_quotactl, QCMD(Q_QUOTAON, USRQUOTA), "/dev/no-such-dev", QFMT_VFS_V1, "aquota.user");
	S(SYS_quotactl, QCMD(Q_GETFMT, PRJQUOTA), "/dev/no-such-dev", 0, NULL);
	S(SYS_quotactl, QCMD(0x12345, 7), "/dev/no-such-dev", -1, NULL);
	return 0;
}

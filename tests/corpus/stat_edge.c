/* SPDX-License-Identifier: MIT */
/* stat family edge cases: bad buffers, NULL paths, unknown flags and masks,
 * device nodes (mknod), pipes, statx of a directory; umask; mknodat */
#include "corpus.h"
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <linux/stat.h>

int main(void)
{
	struct stat st;
	struct statx stx;
	int p[2];
	S(SYS_umask, 022);
	S(SYS_umask, 0777);
	S(SYS_umask, 0);
	S(SYS_umask, 022);
	S(SYS_mknod, "chr.dev", S_IFCHR | 0600, makedev(1, 3));
	S(SYS_mknodat, AT_FDCWD, "blk.dev", S_IFBLK | 0640, makedev(259, 0x12345));
	S(SYS_mknod, "fifo", S_IFIFO | 0644, 0);
	S(SYS_mknod, "reg", S_IFREG | S_ISUID | S_ISGID | S_ISVTX | 0755, 0);
	S(SYS_mknodat, AT_FDCWD, "reg2", 0644, 0);
	S(SYS_mknod, "bad", 0170000 | 0644, 0);
	S(SYS_stat, "chr.dev", &st);
	S(SYS_lstat, "blk.dev", &st);
	S(SYS_stat, "fifo", &st);
	S(SYS_stat, "reg", &st);
	S(SYS_pipe2, p, 0);
	S(SYS_fstat, p[0], &st);
	S(SYS_stat, "reg", NULL);
	S(SYS_stat, NULL, &st);
	S(SYS_stat, "reg", (void *) 1);
	S(SYS_newfstatat, AT_FDCWD, "reg", &st, AT_SYMLINK_NOFOLLOW | 0x40000);
	S(SYS_newfstatat, 99, "reg", &st, 0);
	S(SYS_newfstatat, -1, "", &st, AT_EMPTY_PATH);
	S(SYS_statx, AT_FDCWD, "chr.dev", AT_STATX_SYNC_AS_STAT, STATX_ALL, &stx);
	S(SYS_statx, AT_FDCWD, ".", AT_STATX_DONT_SYNC | AT_NO_AUTOMOUNT, STATX_BASIC_STATS | STATX_BTIME, &stx);
	S(SYS_statx, AT_FDCWD, "reg", AT_STATX_SYNC_TYPE, STATX_MODE, &stx);
	S(SYS_statx, AT_FDCWD, "reg", 0x10000, 0x80000000, &stx);
	S(SYS_statx, AT_FDCWD, "reg", 0, STATX_ALL, NULL);
	S(SYS_statx, AT_FDCWD, "reg", 0, 0, &stx);
	S(SYS_statx, p[1], "", AT_EMPTY_PATH, STATX_TYPE | STATX_INO | STATX_MNT_ID, &stx);
	S(SYS_fstat, 1, &st);
	S(SYS_close, p[0]);
	S(SYS_close, p[1]);
	S(SYS_unlink, "chr.dev");
	S(SYS_unlink, "blk.dev");
	S(SYS_unlink, "fifo");
	S(SYS_unlink, "reg");
	S(SYS_unlink, "reg2");
	S(SYS_unlink, "bad");
	return 0;
}

/* SPDX-License-Identifier: MIT */
/* file-family edge cases: NULL and unreadable pointers, unknown flag bits,
 * -1 owners, special utimensat values, counted outputs cut by -s, xattr
 * values with a trailing NUL, openat2 with a bigger struct */
#include "corpus.h"
#include <stdio.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <linux/openat2.h>
#include <linux/falloc.h>
#include <utime.h>
#include <sys/time.h>

int main(void)
{
	char buf[256];
	char big[128];
	int fd = S(SYS_openat, AT_FDCWD, "ed.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	S(SYS_open, "ed.txt", O_ACCMODE);
	S(SYS_open, "ed.txt", O_RDONLY | 0x8000000);
	S(SYS_open, NULL, O_RDONLY);
	S(SYS_open, (char *) 1, O_WRONLY | O_CREAT, 0100644);
	S(SYS_openat, 555, "ed.txt", O_RDONLY);
	S(SYS_openat, AT_FDCWD, "ed.txt", O_RDONLY | O_CREAT | O_EXCL, 07777);
	S(SYS_creat, "ed.txt", 0x10000 | 0644);

	struct { struct open_how how; unsigned long long extra[2]; } h2 = {
		{ .flags = O_RDONLY, .mode = 0, .resolve = 0 }, { 0, 0x1234 } };
	S(SYS_openat2, AT_FDCWD, "ed.txt", &h2, sizeof h2);
	h2.extra[1] = 0;
	int t = S(SYS_openat2, AT_FDCWD, "ed.txt", &h2, sizeof h2);
	S(SYS_close, t);
	S(SYS_openat2, AT_FDCWD, "ed.txt", &h2, 16);
	S(SYS_openat2, AT_FDCWD, "ed.txt", NULL, 24);
	h2.how.mode = 0644;
	h2.how.resolve = 0x80;
	S(SYS_openat2, AT_FDCWD, "ed.txt", &h2, 24);

	S(SYS_access, "ed.txt", R_OK | 0x20);
	S(SYS_faccessat2, AT_FDCWD, "ed.txt", R_OK, 0x8000);
	S(SYS_faccessat2, AT_FDCWD, "ed.txt", R_OK, AT_EMPTY_PATH | 0x1000);
	S(SYS_unlinkat, AT_FDCWD, "nothing", 0x400);
	S(SYS_linkat, AT_FDCWD, "ed.txt", AT_FDCWD, "ed2.txt", AT_SYMLINK_FOLLOW | 0x10000);
	S(SYS_renameat2, AT_FDCWD, "ed.txt", AT_FDCWD, "ed3.txt", RENAME_NOREPLACE | 0x10);
	S(SYS_renameat2, AT_FDCWD, "ed.txt", AT_FDCWD, "ed3.txt", 0x20);
	S(SYS_renameat2, AT_FDCWD, "nothing", AT_FDCWD, "ed3.txt", RENAME_EXCHANGE);
	S(SYS_chown, "ed.txt", -1, -1);
	S(SYS_lchown, "ed.txt", 0, 65534);
	S(SYS_fchown, fd, -1, 0);
	S(SYS_fchownat, AT_FDCWD, "ed.txt", 1000, -1, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH);
	S(SYS_fchownat, AT_FDCWD, "ed.txt", 0, 0, 0x8);
	S(SYS_chmod, "ed.txt", 0x10000 | 04755);
	S(SYS_fchmodat, AT_FDCWD, "ed.txt", 0644);
	S(SYS_fchmod, fd, 0);

	struct timespec ts[2] = { { 1000000000, 1 }, { 0, UTIME_OMIT } };
	S(SYS_utimensat, AT_FDCWD, "ed.txt", ts, 0);
	ts[0].tv_nsec = UTIME_NOW;
	ts[1].tv_sec = 1700000000; ts[1].tv_nsec = 999999999;
	S(SYS_utimensat, AT_FDCWD, "ed.txt", ts, AT_SYMLINK_NOFOLLOW);
	ts[0].tv_nsec = 1000000000;
	S(SYS_utimensat, AT_FDCWD, "ed.txt", ts, 0);
	S(SYS_utimensat, AT_FDCWD, "ed.txt", NULL, 0);
	S(SYS_utimensat, fd, NULL, NULL, 0x8000);
	S(SYS_utimensat, AT_FDCWD, "ed.txt", (void *) 8, 0);
	struct timeval tv[2] = { { 0, 0 }, { -1, 1000000 } };
	S(SYS_utimes, "ed.txt", tv);
	S(SYS_utimes, "ed.txt", NULL);
	S(SYS_futimesat, AT_FDCWD, "ed.txt", NULL);
	struct utimbuf ub = { 0, 1234567890 };
	S(SYS_utime, "ed.txt", &ub);
	S(SYS_utime, "ed.txt", NULL);

	S(SYS_getcwd, buf, 2);
	S(SYS_getcwd, NULL, 0);
	S(SYS_getcwd, buf, sizeof buf);
	int d = S(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY);
	S(SYS_chdir, "/");
	S(SYS_getcwd, buf, sizeof buf);
	S(SYS_getcwd, (char *) 1, sizeof buf);
	S(SYS_fchdir, -1);
	S(SYS_chdir, NULL);
	S(SYS_chdir, "/proc/self/cwd/../..");

	S(SYS_setxattr, "/nonexistent-corpus-dir/x", "user.x", "", 0, 0);
	S(SYS_fchdir, d);
	S(SYS_close, d);
	S(SYS_symlink, "a-fairly-long-symlink-target-name-with-more-than-32-bytes", "ed.lnk");
	S(SYS_readlink, "ed.lnk", buf, sizeof buf);
	S(SYS_readlink, "ed.lnk", NULL, 10);
	S(SYS_readlink, "ed.lnk", buf, 0);
	S(SYS_readlinkat, AT_FDCWD, "/proc/self/exe", buf, 4);

	S(SYS_fsetxattr, fd, "user.nul", "with-nul\0", 9, 0);
	S(SYS_fgetxattr, fd, "user.nul", buf, sizeof buf);
	memset(big, 'v', sizeof big);
	big[31] = 0;
	S(SYS_fsetxattr, fd, "user.big", big, 64, XATTR_CREATE);
	S(SYS_fgetxattr, fd, "user.big", buf, sizeof buf);
	big[31] = 'v';
	S(SYS_fsetxattr, fd, "user.big", big, 64, XATTR_REPLACE | 0x4);
	S(SYS_fgetxattr, fd, "user.big", buf, sizeof buf);
	S(SYS_fsetxattr, fd, "user.huge", big, 70000, 0);
	S(SYS_fgetxattr, fd, "user.big", buf, 0);
	S(SYS_fgetxattr, fd, "user.big", NULL, 0);
	S(SYS_fgetxattr, fd, NULL, buf, 10);
	S(SYS_fsetxattr, fd, "user.a-long-attribute-name-longer-than-32", "x", 1, 0);
	S(SYS_flistxattr, fd, buf, sizeof buf);
	S(SYS_flistxattr, fd, buf, 0);
	S(SYS_flistxattr, fd, buf, 3);
	S(SYS_fgetxattr, fd, "user.nul", (void *) 1, 100);

	S(SYS_fallocate, fd, FALLOC_FL_ZERO_RANGE | 0x800, -1L, 10);
	S(SYS_sync_file_range, fd, -1L, -2L, 0x10);
	S(SYS_truncate, "ed.txt", -5L);
	S(SYS_umask, 01777);
	S(SYS_umask, 022);
	S(SYS_mkdir, "ed.dir", 01777);
	S(SYS_mkdirat, AT_FDCWD, "ed.dir", 0x10000);
	S(SYS_rmdir, "ed.dir");
	S(SYS_unlink, "ed.lnk");
	S(SYS_close, fd);
	S(SYS_close, -1);
	S(SYS_unlink, "ed.txt");
	return 0;
}

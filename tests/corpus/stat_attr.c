/* chmod/fchmod/fchmodat/chown family/umask/utimensat/utimes/utime */
#include "corpus.h"
#include <sys/stat.h>
#include <sys/time.h>
#include <utime.h>

int main(void)
{
	S(SYS_umask, 022);
	S(SYS_umask, 077);
	S(SYS_umask, 022);
	int fd = S(SYS_openat, AT_FDCWD, "attr.txt", O_RDWR | O_CREAT | O_TRUNC, 0666);
	S(SYS_symlink, "attr.txt", "attr.lnk");
	S(SYS_chmod, "attr.txt", 0755);
	S(SYS_chmod, "attr.txt", S_ISUID | S_ISGID | S_ISVTX | 0700);
	S(SYS_fchmod, fd, 0644);
	S(SYS_fchmodat, AT_FDCWD, "attr.txt", 0600);
	S(SYS_chmod, "missing", 0600);
	S(SYS_chown, "attr.txt", 0, 0);
	S(SYS_chown, "attr.txt", -1, -1);
	S(SYS_fchown, fd, 0, -1);
	S(SYS_lchown, "attr.lnk", 0, 0);
	S(SYS_fchownat, AT_FDCWD, "attr.lnk", 0, 0, AT_SYMLINK_NOFOLLOW);
	S(SYS_fchownat, fd, "", -1, 0, AT_EMPTY_PATH);
	struct timespec ts[2] = { { 1000000000, 123456789 }, { 1200000000, 0 } };
	S(SYS_utimensat, AT_FDCWD, "attr.txt", ts, 0);
	struct timespec ts2[2] = { { 0, UTIME_OMIT }, { 1300000000, 5 } };
	S(SYS_utimensat, fd, NULL, ts2, 0);
	S(SYS_utimensat, AT_FDCWD, "attr.lnk", ts, AT_SYMLINK_NOFOLLOW);
	struct timespec bad[2] = { { 0, 2000000000 }, { 0, 0 } };
	S(SYS_utimensat, AT_FDCWD, "attr.txt", bad, 0); /* EINVAL */
	struct timeval tv[2] = { { 1100000000, 1 }, { 1100000001, 999999 } };
	S(SYS_utimes, "attr.txt", tv);
	struct utimbuf ub = { 1400000000, 1500000000 };
	S(SYS_utime, "attr.txt", &ub);
	S(SYS_close, fd);
	S(SYS_unlink, "attr.lnk");
	S(SYS_unlink, "attr.txt");
	return 0;
}

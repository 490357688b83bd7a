/* stat/lstat/fstat/newfstatat/statx on files, symlinks, dirs, char devices */
#include "corpus.h"
#include <sys/stat.h>
#include <linux/stat.h>

int main(void)
{
	struct stat st;
	struct statx stx;
	int fd = S(SYS_openat, AT_FDCWD, "st.txt", O_RDWR | O_CREAT | O_TRUNC, 0640);
	WLIT(fd, "twelve bytes");
	S(SYS_symlink, "st.txt", "st.lnk");
	S(SYS_stat, "st.txt", &st);
	S(SYS_lstat, "st.lnk", &st);
	S(SYS_stat, "st.lnk", &st);
	S(SYS_fstat, fd, &st);
	S(SYS_stat, "/dev/null", &st);
	S(SYS_stat, ".", &st);
	S(SYS_stat, "missing", &st);
	S(SYS_newfstatat, AT_FDCWD, "st.txt", &st, 0);
	S(SYS_newfstatat, AT_FDCWD, "st.lnk", &st, AT_SYMLINK_NOFOLLOW);
	S(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH);
	S(SYS_newfstatat, AT_FDCWD, "/dev/zero", &st, AT_NO_AUTOMOUNT);
	S(SYS_newfstatat, AT_FDCWD, "st.txt", &st, 0x4000); /* EINVAL */
	S(SYS_statx, AT_FDCWD, "st.txt", AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS, &stx);
	S(SYS_statx, AT_FDCWD, "st.lnk", AT_SYMLINK_NOFOLLOW, STATX_TYPE | STATX_MODE | STATX_SIZE, &stx);
	S(SYS_statx, fd, "", AT_EMPTY_PATH | AT_STATX_FORCE_SYNC, STATX_ALL, &stx);
	S(SYS_statx, AT_FDCWD, "/dev/null", AT_STATX_DONT_SYNC, STATX_TYPE, &stx);
	S(SYS_statx, AT_FDCWD, "missing", 0, STATX_ALL, &stx);
	S(SYS_statx, AT_FDCWD, "st.txt", 0, STATX__RESERVED, &stx); /* EINVAL */
	S(SYS_close, fd);
	S(SYS_fstat, fd, &st); /* EBADF */
	S(SYS_unlink, "st.lnk");
	S(SYS_unlink, "st.txt");
	return 0;
}

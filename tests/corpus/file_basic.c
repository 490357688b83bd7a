/* open/openat/openat2/creat/read/write/pread64/pwrite64/lseek/close */
#include "corpus.h"
#include <linux/openat2.h>

int main(void)
{
	char buf[64];
	int fd = S(SYS_openat, AT_FDCWD, "fb.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	WLIT(fd, "hello world\n");
	S(SYS_lseek, fd, 0, SEEK_SET);
	S(SYS_read, fd, buf, sizeof buf);
	S(SYS_read, fd, buf, sizeof buf); /* EOF */
	S(SYS_pwrite64, fd, "XY", 2, 3);
	S(SYS_pread64, fd, buf, 5, 1);
	S(SYS_lseek, fd, 0, SEEK_END);
	S(SYS_lseek, fd, -4L, SEEK_CUR);
	S(SYS_lseek, fd, 0, SEEK_DATA);
	S(SYS_lseek, fd, 0, SEEK_HOLE);
	S(SYS_close, fd);

	fd = S(SYS_open, "fb.txt", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	S(SYS_read, fd, buf, 5);
	S(SYS_close, fd);
	fd = S(SYS_open, "fb.txt", O_WRONLY | O_APPEND | O_NONBLOCK);
	WLIT(fd, "tail\n");
	S(SYS_close, fd);
	fd = S(SYS_creat, "fb2.txt", 0600);
	S(SYS_close, fd);
	fd = S(SYS_open, "fb2.txt", O_RDWR | O_CREAT | O_EXCL, 0600); /* EEXIST */
	fd = S(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY | O_PATH);
	int fd2 = S(SYS_openat, fd, "fb.txt", O_RDONLY | O_NOATIME);
	S(SYS_close, fd2);
	S(SYS_close, fd);
	fd = S(SYS_open, "/dev/null", O_WRONLY | O_SYNC | O_DSYNC | O_LARGEFILE);
	WLIT(fd, "x");
	S(SYS_close, fd);

	struct open_how how = { .flags = O_RDONLY | O_CLOEXEC, .resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS };
	fd = S(SYS_openat2, AT_FDCWD, "fb.txt", &how, sizeof how);
	S(SYS_close, fd);
	struct open_how how2 = { .flags = O_RDWR | O_CREAT, .mode = 0640, .resolve = RESOLVE_IN_ROOT };
	fd = S(SYS_openat2, AT_FDCWD, "fb3.txt", &how2, sizeof how2);
	S(SYS_close, fd);
	how.resolve = RESOLVE_BENEATH;
	S(SYS_openat2, AT_FDCWD, "/etc/hostname", &how, sizeof how); /* EXDEV */
	S(SYS_openat, AT_FDCWD, "fb.txt", O_RDONLY | O_TMPFILE, 0600); /* EINVAL-ish */
	fd = S(SYS_openat, AT_FDCWD, ".", O_TMPFILE | O_RDWR, 0600);
	WLIT(fd, "tmp");
	S(SYS_close, fd);

	S(SYS_unlink, "fb.txt");
	S(SYS_unlink, "fb2.txt");
	S(SYS_unlink, "fb3.txt");
	return 0;
}

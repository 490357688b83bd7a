/* dup/dup2/dup3/fcntl (dupfd, fd flags, status flags, locks, pipe size)/flock/close_range */
#include "corpus.h"
#include <sys/file.h>

int main(void)
{
	int fd = S(SYS_openat, AT_FDCWD, "dup.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	WLIT(fd, "0123456789");
	S(SYS_dup, fd);
	S(SYS_dup2, fd, 10);
	S(SYS_dup2, fd, fd);
	S(SYS_dup3, fd, 11, O_CLOEXEC);
	S(SYS_dup3, fd, fd, 0); /* EINVAL */
	S(SYS_dup2, 99, 12);   /* EBADF */
	S(SYS_fcntl, fd, F_DUPFD, 20);
	S(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 30);
	S(SYS_fcntl, fd, F_GETFD);
	S(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC);
	S(SYS_fcntl, fd, F_GETFD);
	S(SYS_fcntl, fd, F_GETFL);
	S(SYS_fcntl, fd, F_SETFL, O_NONBLOCK | O_APPEND);
	S(SYS_fcntl, fd, F_GETFL);
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = 4 };
	S(SYS_fcntl, fd, F_SETLK, &fl);
	fl.l_type = F_RDLCK;
	S(SYS_fcntl, fd, F_GETLK, &fl);
	fl.l_type = F_UNLCK;
	S(SYS_fcntl, fd, F_SETLKW, &fl);
	struct flock ofd = { .l_type = F_RDLCK, .l_whence = SEEK_CUR, .l_start = 0, .l_len = 0 };
	S(SYS_fcntl, fd, F_OFD_SETLK, &ofd);
	S(SYS_fcntl, fd, F_OFD_GETLK, &ofd);
	S(SYS_fcntl, fd, F_GETOWN);
	S(SYS_fcntl, fd, F_GETSIG);
	S(SYS_fcntl, fd, F_GETLEASE);
	S(SYS_fcntl, fd, 1234); /* EINVAL */
	S(SYS_flock, fd, LOCK_EX | LOCK_NB);
	S(SYS_flock, fd, LOCK_UN);
	S(SYS_flock, fd, LOCK_SH);

	int p[2];
	S(SYS_pipe, p);
	S(SYS_fcntl, p[0], F_GETPIPE_SZ);
	S(SYS_fcntl, p[0], F_SETPIPE_SZ, 8192);
	S(SYS_fcntl, p[1], F_GETPIPE_SZ);
	S(SYS_close_range, 20, 30, 0);
	S(SYS_close_range, 10, 11, CLOSE_RANGE_CLOEXEC);
	S(SYS_close_range, 10, ~0U, 0);
	S(SYS_close, 10); /* EBADF */
	S(SYS_close, fd);
	S(SYS_unlink, "dup.txt");
	return 0;
}

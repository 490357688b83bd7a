/* fcntl commands not covered by file_dup.c: owner, signals, leases, notify,
 * seals, OFD locks, pipe sizes, unknown commands and flags */
#include "corpus.h"
#include <sys/mman.h>

int main(void)
{
	int fd = S(SYS_openat, AT_FDCWD, "fc.txt", O_RDWR | O_CREAT | O_TRUNC | O_APPEND, 0600);
	S(SYS_fcntl, fd, F_GETFL);
	S(SYS_fcntl, fd, F_SETFL, O_RDWR | O_NONBLOCK | O_DIRECT | 0x40000000);
	S(SYS_fcntl, fd, F_GETFL);
	S(SYS_fcntl, fd, F_SETFD, 0);
	S(SYS_fcntl, fd, F_GETFD);
	S(SYS_fcntl, fd, F_SETFD, 3);
	S(SYS_fcntl, fd, F_GETFD);
	S(SYS_fcntl, fd, F_SETOWN, 0);
	S(SYS_fcntl, fd, F_GETOWN);
	struct f_owner_ex ox;
	S(SYS_fcntl, fd, F_GETOWN_EX, &ox);
	ox.type = F_OWNER_PID;
	ox.pid = 0;
	S(SYS_fcntl, fd, F_SETOWN_EX, &ox);
	S(SYS_fcntl, fd, F_SETOWN_EX, NULL); /* EFAULT */
	S(SYS_fcntl, fd, F_SETSIG, SIGUSR1);
	S(SYS_fcntl, fd, F_GETSIG);
	S(SYS_fcntl, fd, F_SETSIG, 0);
	S(SYS_fcntl, fd, F_SETLEASE, F_UNLCK);
	S(SYS_fcntl, fd, F_GETLEASE);
	S(SYS_fcntl, fd, F_SETLEASE, 99);   /* EINVAL */
	S(SYS_fcntl, fd, F_NOTIFY, DN_MODIFY | DN_MULTISHOT); /* ENOTDIR */
	S(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 0);
	S(SYS_fcntl, fd, F_DUPFD, -1);      /* EINVAL */
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_END, .l_start = -10, .l_len = 0 };
	S(SYS_fcntl, fd, F_SETLKW, &fl);
	S(SYS_fcntl, fd, F_GETLK, &fl);
	S(SYS_fcntl, fd, F_GETLK, NULL);    /* EFAULT */
	S(SYS_fcntl, fd, F_OFD_SETLKW, &fl);
	fl.l_type = 7;
	S(SYS_fcntl, fd, F_SETLK, &fl);     /* EINVAL */
	S(SYS_fcntl, fd, 1029 /* F_CANCELLK */, 5);
	S(SYS_fcntl, fd, 17 /* F_GETOWNER_UIDS */, 0);
	S(SYS_fcntl, fd, 12, 0);            /* F_GETLK64 is 32-bit only */
	S(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_SEAL); /* EINVAL: not memfd */
	S(SYS_fcntl, fd, F_GET_SEALS);
	S(SYS_fcntl, 999, F_GETFD);         /* EBADF */
	S(SYS_fcntl, 999, F_GETFL);         /* EBADF */

	int m = S(SYS_memfd_create, "seals", MFD_ALLOW_SEALING);
	S(SYS_fcntl, m, F_GET_SEALS);
	S(SYS_fcntl, m, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | 0x100);
	S(SYS_fcntl, m, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW);
	S(SYS_fcntl, m, F_GET_SEALS);
	S(SYS_fcntl, m, F_GETFL);
	S(SYS_close, m);

	int p[2];
	S(SYS_pipe2, p, O_NONBLOCK);
	S(SYS_fcntl, p[0], F_GETFL);
	S(SYS_fcntl, p[1], F_GETFL);
	S(SYS_fcntl, p[0], F_SETPIPE_SZ, -1); /* EINVAL */
	S(SYS_fcntl, p[0], F_GETPIPE_SZ);
	S(SYS_close, p[0]);
	S(SYS_close, p[1]);

	int d = S(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY);
	S(SYS_fcntl, d, F_NOTIFY, DN_CREATE | DN_DELETE | 0x1000);
	S(SYS_fcntl, d, F_NOTIFY, 0);
	S(SYS_fcntl, d, F_GETFL);
	S(SYS_close, d);
	S(SYS_close, fd);
	S(SYS_unlink, "fc.txt");
	return 0;
}

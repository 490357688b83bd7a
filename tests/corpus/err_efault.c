/* bad pointers everywhere: the decoder must print addresses, never crash */
#include "corpus.h"
#include <poll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>

int main(void)
{
	int p[2];
	S(SYS_pipe, p);
	S(SYS_openat, AT_FDCWD, (char *)1, O_RDONLY);
	S(SYS_open, NULL, O_RDONLY);
	S(SYS_newfstatat, AT_FDCWD, ".", (void *)1, 0);
	S(SYS_newfstatat, AT_FDCWD, NULL, (void *)0x1000, 0);
	S(SYS_stat, (char *)0x10, (void *)0x20);
	S(SYS_write, p[1], (void *)0x10, 4);
	WLIT(p[1], "abcd");
	S(SYS_read, p[0], (void *)0x10, 4);
	S(SYS_readv, p[0], (void *)0x8, 1);
	S(SYS_writev, p[1], (void *)0x8, 2);
	S(SYS_clock_gettime, 0, (void *)1);
	S(SYS_uname, (void *)1);
	S(SYS_getcwd, (void *)1, 100);
	S(SYS_poll, (void *)1, 1, 0);
	S(SYS_rt_sigaction, SIGUSR1, (void *)1, NULL, 8);
	S(SYS_rt_sigprocmask, SIG_BLOCK, (void *)1, NULL, 8);
	S(SYS_sendmsg, p[1], (void *)1, 0);
	S(SYS_nanosleep, (void *)1, NULL);
	S(SYS_getrlimit, RLIMIT_NOFILE, (void *)1);
	S(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, (void *)1);
	S(SYS_execve, (char *)1, NULL, NULL);
	/* a path that runs into an unmapped page without a terminating NUL */
	char *m = (char *)S(SYS_mmap, NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	S(SYS_munmap, m + 4096, 4096);
	memset(m, 'a', 4096);
	S(SYS_openat, AT_FDCWD, m + 4096 - 5, O_RDONLY);
	memcpy(m + 4096 - 8, "xyz", 4);
	S(SYS_openat, AT_FDCWD, m + 4096 - 8, O_RDONLY); /* ends right before the hole: ENOENT */
	/* a buffer that is only partly readable */
	S(SYS_write, p[1], m + 4096 - 4, 16);
	struct iovec iv[2] = { { m, 3 }, { m + 4096, 3 } };
	S(SYS_writev, p[1], iv, 2);
	S(SYS_munmap, m, 4096);
	return 0;
}

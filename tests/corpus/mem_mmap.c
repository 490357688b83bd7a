/* mmap (anon, file, shared, fixed)/mprotect/madvise/msync/mincore/mlock/munmap */
#include "corpus.h"
#include <sys/mman.h>

int main(void)
{
	long pg = 4096;
	char *a = (char *)S(SYS_mmap, NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	a[0] = 1;
	a[2 * pg] = 1;
	unsigned char vec[4];
	S(SYS_mincore, a, 4 * pg, vec);
	S(SYS_mprotect, a + pg, pg, PROT_READ);
	S(SYS_mprotect, a + pg, pg, PROT_NONE);
	S(SYS_mprotect, a + pg, pg, PROT_READ | PROT_WRITE | PROT_EXEC);
	S(SYS_mprotect, a + 1, pg, PROT_READ); /* EINVAL */
	S(SYS_madvise, a, 4 * pg, MADV_DONTNEED);
	S(SYS_madvise, a, 4 * pg, MADV_WILLNEED);
	S(SYS_madvise, a, pg, MADV_FREE);
	S(SYS_madvise, a, pg, MADV_NOHUGEPAGE);
	S(SYS_madvise, a, pg, 12345); /* EINVAL */
	S(SYS_mlock, a, pg);
	S(SYS_munlock, a, pg);
	S(SYS_mlock2, a, pg, MLOCK_ONFAULT);
	S(SYS_munlock, a, pg);
	S(SYS_munmap, a, 4 * pg);

	int fd = S(SYS_openat, AT_FDCWD, "mm.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
	S(SYS_ftruncate, fd, 2 * pg);
	char *f = (char *)S(SYS_mmap, NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	memcpy(f, "mapped", 6);
	S(SYS_msync, f, pg, MS_SYNC);
	S(SYS_msync, f, pg, MS_ASYNC | MS_INVALIDATE);
	S(SYS_munmap, f, 2 * pg);
	f = (char *)S(SYS_mmap, NULL, pg, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, pg);
	S(SYS_munmap, f, pg);
	S(SYS_mmap, NULL, pg, PROT_READ, MAP_SHARED, fd, 123); /* EINVAL offset */
	S(SYS_mmap, NULL, pg, PROT_READ, MAP_PRIVATE, 999, 0); /* EBADF */
	S(SYS_mmap, NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0); /* EINVAL */
	S(SYS_close, fd);
	char *s = (char *)S(SYS_mmap, NULL, pg, PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	S(SYS_munmap, s, pg);
	char *g = (char *)S(SYS_mmap, NULL, 2 * pg, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0);
	S(SYS_munmap, g, 2 * pg);
	S(SYS_mlockall, MCL_CURRENT);
	S(SYS_munlockall);
	S(SYS_unlink, "mm.bin");
	return 0;
}

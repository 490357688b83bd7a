/* brk/mremap/memfd_create/shared mappings */
#include "corpus.h"
#include <sys/mman.h>
#include <linux/memfd.h>

int main(void)
{
	long pg = 4096;
	char *cur = (char *)S(SYS_brk, 0);
	S(SYS_brk, cur + 8 * pg);
	S(SYS_brk, cur + 2 * pg);
	S(SYS_brk, cur);
	char *a = (char *)S(SYS_mmap, NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *b = (char *)S(SYS_mremap, a, 2 * pg, pg, 0);
	b = (char *)S(SYS_mremap, b, pg, 64 * pg, MREMAP_MAYMOVE);
	/* grow in place into a hole we made ourselves */
	char *c = (char *)S(SYS_mmap, NULL, 128 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	S(SYS_munmap, c + 64 * pg, 64 * pg);
	S(SYS_mremap, c, 64 * pg, 128 * pg, 0);
	S(SYS_mremap, c, 128 * pg, 32 * pg, 0);
	S(SYS_munmap, c, 32 * pg);
	S(SYS_mremap, b + 1, pg, pg, 0);         /* EINVAL */
	S(SYS_mremap, b, pg, pg, MREMAP_FIXED);  /* EINVAL */
	S(SYS_munmap, b, 64 * pg);

	int m = S(SYS_memfd_create, "corpus-memfd", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	S(SYS_ftruncate, m, pg);
	WLIT(m, "memfd data");
	S(SYS_fcntl, m, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW);
	S(SYS_fcntl, m, F_GET_SEALS);
	S(SYS_ftruncate, m, 2 * pg); /* EPERM */
	char *s = (char *)S(SYS_mmap, NULL, pg, PROT_READ, MAP_SHARED, m, 0);
	S(SYS_munmap, s, pg);
	S(SYS_close, m);
	S(SYS_memfd_create, "bad", 0x100); /* EINVAL */
	return 0;
}

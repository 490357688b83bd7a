/* process_vm_readv/membarrier/mincore/msync errors/pkey/madvise batch */
#include "corpus.h"
#include <sys/mman.h>
#include <sys/uio.h>
#include <linux/membarrier.h>

int main(void)
{
	static char src[16] = "process_vm_data";
	char dst[16];
	struct iovec l = { dst, sizeof dst }, r = { src, sizeof src };
	S(SYS_process_vm_readv, S(SYS_getpid), &l, 1, &r, 1, 0);
	S(SYS_process_vm_writev, S(SYS_getpid), &r, 1, &l, 1, 0);
	S(SYS_process_vm_readv, S(SYS_getpid), &l, 1, &r, 1, 1); /* EINVAL */
	S(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
	S(SYS_membarrier, 12345, 0, 0); /* EINVAL */
	char *m = (char *)S(SYS_mmap, NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	S(SYS_msync, m, 8192, MS_SYNC | MS_ASYNC); /* EINVAL */
	S(SYS_mincore, m + 1, 4096, dst);          /* EINVAL */
	S(SYS_munmap, m, 8192);
	S(SYS_mincore, m, 4096, dst);              /* ENOMEM */
	S(SYS_munmap, m + 1, 8192);                /* EINVAL */
	int k = S(SYS_pkey_alloc, 0, 0);
	if (k >= 0)
		S(SYS_pkey_free, k);
	S(SYS_pkey_free, 15);
	return 0;
}

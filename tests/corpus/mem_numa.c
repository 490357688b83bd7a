/* NUMA policies, mlock family, mremap/madvise variants, remap_file_pages,
 * pkey_mprotect, process_madvise/process_mrelease, mincore success */
#include "corpus.h"
#include <sys/mman.h>
#include <sys/uio.h>
#include <linux/mempolicy.h>

int main(void)
{
	unsigned long mask = 1, mask2[2] = { 1, 0 };
	int mode;
	S(SYS_get_mempolicy, &mode, NULL, 0, NULL, 0);
	S(SYS_get_mempolicy, &mode, &mask, 64, NULL, 0);
	S(SYS_set_mempolicy, MPOL_PREFERRED, &mask, 64);
	S(SYS_set_mempolicy, MPOL_BIND | MPOL_F_STATIC_NODES, &mask, 64);
	S(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
	S(SYS_set_mempolicy, 77, NULL, 0);                     /* EINVAL */
	S(SYS_set_mempolicy, MPOL_F_RELATIVE_NODES | 9, NULL, 0); /* EINVAL */
	char *m = (char *)S(SYS_mmap, NULL, 16384, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	S(SYS_mbind, m, 16384, MPOL_INTERLEAVE, mask2, 128, MPOL_MF_STRICT);
	S(SYS_mbind, m, 16384, MPOL_DEFAULT, NULL, 0, 0);
	S(SYS_migrate_pages, 0, 64, &mask, &mask);
	void *pages[2] = { m, m + 4096 };
	int nodes[2] = { 0, 0 }, status[2];
	m[0] = 1;
	S(SYS_move_pages, 0, 2, pages, NULL, status, 0);
	S(SYS_move_pages, 0, 2, pages, nodes, status, MPOL_MF_MOVE);
	S(SYS_mlock, m, 4096);
	S(SYS_mlock2, m, 4096, MLOCK_ONFAULT);
	S(SYS_mlock2, m, 4096, 0x10);                          /* EINVAL */
	S(SYS_munlock, m, 4096);
	S(SYS_mlockall, MCL_CURRENT | MCL_ONFAULT);
	S(SYS_munlockall);
	S(SYS_mlockall, 0);                                    /* EINVAL */
	unsigned char vec[8];
	S(SYS_mincore, m, 16384, vec);
	S(SYS_madvise, m, 4096, MADV_DONTNEED);
	S(SYS_madvise, m, 4096, MADV_HUGEPAGE);
	S(SYS_madvise, m, 4096, 1234);                         /* EINVAL */
	char *n = (char *)S(SYS_mremap, m, 16384, 32768, MREMAP_MAYMOVE);
	char *f = (char *)S(SYS_mmap, NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	S(SYS_mremap, n, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, f);
	S(SYS_mremap, n, 4096, 4096, 0x80);                    /* EINVAL */
	S(SYS_remap_file_pages, n, 4096, 0, 0, 0);             /* EINVAL */
	S(SYS_mprotect, n + 4096, 4096, PROT_READ | PROT_EXEC);
	S(SYS_mprotect, n + 4096, 4096, 0x100);                /* EINVAL */
	S(SYS_pkey_mprotect, n + 4096, 4096, PROT_READ, -1);
	S(SYS_pkey_alloc, 0, PKEY_DISABLE_WRITE);
	S(SYS_pkey_alloc, 1, 0);                               /* EINVAL */
	struct iovec iov = { n, 4096 };
	int pidfd = S(SYS_pidfd_open, S(SYS_getpid), 0);
	S(SYS_process_madvise, pidfd, &iov, 1, MADV_COLD, 0);
	S(SYS_process_madvise, pidfd, &iov, 1, MADV_WILLNEED, 1); /* EINVAL */
	S(SYS_process_mrelease, pidfd, 0);                     /* EINVAL: not dying */
	S(SYS_close, pidfd);
	S(SYS_mmap, NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	S(SYS_mmap, NULL, 2 << 20, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | (21 << 26), -1, 0);
	S(SYS_mmap, NULL, 4096, PROT_READ, 0xf, -1, 0);        /* EINVAL */
	S(SYS_mmap, 0x10000, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_GROWSDOWN, -1, 0);
	S(SYS_msync, n, 4096, MS_INVALIDATE);
	S(SYS_munmap, n, 32768);
	return 0;
}

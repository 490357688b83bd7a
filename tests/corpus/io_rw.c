/* read/write/pread64/pwrite64/lseek/readv/writev edge cases: NULL and
 * unreadable buffers, -s truncation, binary data, short reads, EFAULT */
#include "corpus.h"
#include <sys/uio.h>
#include <sys/mman.h>

int main(void)
{
	char buf[128];
	int fd = S(SYS_openat, AT_FDCWD, "rw.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	WLIT(fd, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
	WLIT(fd, "\0\1\2\3\177\200\377 binary\n\t\"\\");
	S(SYS_write, fd, NULL, 0);
	S(SYS_write, fd, buf, 0);
	S(SYS_write, fd, (void *)8, 4); /* EFAULT */
	S(SYS_lseek, fd, 0, SEEK_SET);
	S(SYS_read, fd, buf, 10);
	S(SYS_read, fd, buf, sizeof buf);
	S(SYS_read, fd, buf, sizeof buf); /* EOF */
	S(SYS_read, fd, (void *)8, 4);    /* 0 at EOF */
	S(SYS_lseek, fd, -5, SEEK_END);
	S(SYS_lseek, fd, 3, SEEK_CUR);
	S(SYS_lseek, fd, 0, SEEK_DATA);
	S(SYS_lseek, fd, 0, SEEK_HOLE);
	S(SYS_lseek, fd, 0, 7);           /* EINVAL */
	S(SYS_lseek, fd, -1, SEEK_SET);   /* EINVAL */
	S(SYS_pread64, fd, buf, 16, 40);
	S(SYS_pread64, fd, buf, 16, -1);  /* EINVAL */
	S(SYS_pwrite64, fd, "patch", 5, 3);
	S(SYS_pread64, fd, buf, 8, 1000); /* 0 */
	S(SYS_read, 999, buf, 1);         /* EBADF */

	struct iovec w[4] = {
		{ "abcdefghijklmnopqrstuvwxyz", 26 },
		{ "0123456789", 10 },
		{ NULL, 0 },
		{ "tail\n", 5 },
	};
	S(SYS_writev, fd, w, 4);
	S(SYS_writev, fd, NULL, 0);
	S(SYS_writev, fd, (void *)16, 1); /* EFAULT */
	S(SYS_lseek, fd, 0, SEEK_SET);
	char a[20], b[20], c[20];
	struct iovec r[3] = { { a, sizeof a }, { b, sizeof b }, { c, sizeof c } };
	S(SYS_readv, fd, r, 3);
	S(SYS_lseek, fd, 0, SEEK_SET);
	S(SYS_readv, fd, r, 2);
	S(SYS_readv, 999, r, 3);          /* EBADF */
	S(SYS_preadv, fd, r, 3, 50, 0);
	S(SYS_pwritev, fd, w + 1, 1, 200, 0);
	S(SYS_preadv2, fd, r, 1, -1, -1, RWF_NOWAIT);
	S(SYS_pwritev2, fd, w, 2, 0, 0, RWF_SYNC | RWF_DSYNC);
	S(SYS_pwritev2, fd, w, 1, 0, 0, 0x100); /* EOPNOTSUPP */
	/* a long array of iovecs: abbreviated after -s elements */
	static struct iovec many[40];
	for (int i = 0; i < 40; i++) {
		many[i].iov_base = "x";
		many[i].iov_len = 1;
	}
	S(SYS_writev, fd, many, 40);
	/* iovec array crossing into an unmapped page */
	char *pg = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(pg + 4096, 4096);
	struct iovec *edge = (struct iovec *)(pg + 4096 - sizeof(struct iovec));
	edge->iov_base = "edge";
	edge->iov_len = 4;
	S(SYS_writev, fd, edge, 2);       /* EFAULT */
	/* a string ending right at an unmapped page */
	memcpy(pg + 4096 - 3, "end", 3);
	S(SYS_write, fd, pg + 4096 - 3, 3);
	S(SYS_close, fd);
	S(SYS_unlink, "rw.txt");
	return 0;
}

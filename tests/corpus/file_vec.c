/* readv/writev/preadv/pwritev/preadv2/pwritev2 */
#include "corpus.h"
#include <sys/uio.h>

int main(void)
{
	char a[8], b[16], c[4];
	struct iovec w[3] = {
		{ "first ", 6 }, { "second\n", 7 }, { "third-part", 10 },
	};
	int fd = S(SYS_openat, AT_FDCWD, "vec.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	S(SYS_writev, fd, w, 3);
	S(SYS_lseek, fd, 0, SEEK_SET);
	struct iovec r[3] = { { a, sizeof a }, { b, sizeof b }, { c, sizeof c } };
	S(SYS_readv, fd, r, 3);
	S(SYS_preadv, fd, r, 2, 2, 0);
	S(SYS_pwritev, fd, w, 1, 20, 0);
	S(SYS_preadv2, fd, r, 3, 0, 0, RWF_HIPRI);
	S(SYS_preadv2, fd, r, 1, 1, 0, 0);
	S(SYS_pwritev2, fd, w + 1, 2, 5, 0, RWF_DSYNC);
	S(SYS_pwritev2, fd, w, 1, -1L, 0, RWF_APPEND);
	S(SYS_writev, fd, w, 0);
	S(SYS_readv, fd, r, 0);
	static struct iovec many[1100]; /* all zero */
	S(SYS_writev, fd, many, 1100); /* EINVAL: > IOV_MAX */
	/* an iovec with a zero-length entry and a NULL base */
	struct iovec z[2] = { { NULL, 0 }, { "z", 1 } };
	S(SYS_writev, fd, z, 2);
	S(SYS_close, fd);
	S(SYS_unlink, "vec.txt");
	return 0;
}

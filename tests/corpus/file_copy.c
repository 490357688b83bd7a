/* sendfile/copy_file_range/splice/tee/vmsplice */
#include "corpus.h"
#include <sys/uio.h>

int main(void)
{
	int src = S(SYS_openat, AT_FDCWD, "cp-src.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	WLIT(src, "copy me please, all of this text\n");
	int dst = S(SYS_openat, AT_FDCWD, "cp-dst.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	off_t off = 5;
	S(SYS_sendfile, dst, src, &off, 10);
	S(SYS_sendfile, dst, src, NULL, 10);
	loff_t in = 0, out = 100;
	S(SYS_copy_file_range, src, &in, dst, &out, 8, 0);
	S(SYS_copy_file_range, src, NULL, dst, NULL, 8, 0);
	int p[2], q[2];
	S(SYS_pipe, p);
	S(SYS_pipe, q);
	loff_t so = 0;
	S(SYS_splice, src, &so, p[1], NULL, 12, SPLICE_F_MOVE | SPLICE_F_MORE);
	S(SYS_tee, p[0], q[1], 6, SPLICE_F_NONBLOCK);
	S(SYS_splice, p[0], NULL, dst, NULL, 12, 0);
	struct iovec v = { "vm", 2 };
	S(SYS_vmsplice, q[1], &v, 1, SPLICE_F_GIFT);
	S(SYS_splice, src, NULL, dst, NULL, 1, 0); /* EINVAL: no pipe */
	S(SYS_close, src);
	S(SYS_close, dst);
	S(SYS_unlink, "cp-src.txt");
	S(SYS_unlink, "cp-dst.txt");
	return 0;
}

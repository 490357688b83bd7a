/* dup3/pipe2/eventfd2 flag forms, sendfile/splice/tee/vmsplice/copy_file_range
 * argument forms, getdents on an empty directory */
#include "corpus.h"
#include <sys/uio.h>
#include <sys/eventfd.h>

int main(void)
{
	int fd = S(SYS_openat, AT_FDCWD, "misc.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	WLIT(fd, "some text for copying around\n");
	S(SYS_dup3, fd, 20, O_CLOEXEC | 0x4);  /* EINVAL */
	S(SYS_dup3, fd, 21, 0);
	S(SYS_dup2, fd, -1);                   /* EBADF */
	S(SYS_dup, -1);                        /* EBADF */
	int p[2], q[2];
	S(SYS_pipe2, p, O_CLOEXEC | O_DIRECT | O_NONBLOCK);
	S(SYS_pipe2, q, 0);
	S(SYS_pipe2, (void *)8, 0);            /* EFAULT */
	S(SYS_eventfd2, 7, 0);
	S(SYS_eventfd2, 0, EFD_SEMAPHORE | EFD_CLOEXEC | 0x10); /* EINVAL */
	S(SYS_eventfd2, 0xffffffffU, EFD_NONBLOCK);

	off_t off = 0;
	S(SYS_sendfile, q[1], fd, &off, 0);
	S(SYS_sendfile, q[1], fd, &off, 4);
	S(SYS_sendfile, q[1], fd, (void *)8, 4); /* EFAULT */
	S(SYS_sendfile, q[1], 999, NULL, 4);     /* EBADF */
	loff_t o1 = 2, o2 = 0;
	S(SYS_splice, fd, &o1, p[1], NULL, 5, SPLICE_F_NONBLOCK | 0x100);
	S(SYS_splice, p[0], NULL, q[1], &o2, 5, 0); /* ESPIPE */
	S(SYS_splice, p[0], NULL, q[1], NULL, 5, SPLICE_F_GIFT);
	S(SYS_tee, q[0], p[1], 100, 0);
	S(SYS_tee, q[0], q[1], 1, 0);          /* EINVAL */
	struct iovec v[3] = { { "one", 3 }, { "two", 3 }, { "three", 5 } };
	S(SYS_vmsplice, p[1], v, 3, 0);
	S(SYS_vmsplice, p[1], NULL, 0, 0x20);
	loff_t in = 0, out = 64;
	S(SYS_copy_file_range, fd, &in, fd, &out, 10, 0);
	S(SYS_copy_file_range, fd, NULL, fd, NULL, 10, 1); /* EINVAL */
	S(SYS_copy_file_range, fd, (void *)8, fd, NULL, 10, 0); /* EFAULT */

	char buf[256];
	S(SYS_mkdir, "emptydir", 0755);
	int d = S(SYS_openat, AT_FDCWD, "emptydir", O_RDONLY | O_DIRECTORY);
	S(SYS_getdents64, d, buf, sizeof buf);
	S(SYS_getdents64, d, buf, sizeof buf);
	S(SYS_getdents64, d, NULL, 0);         /* EINVAL? */
	S(SYS_lseek, d, 0, SEEK_SET);
	S(SYS_getdents, d, buf, sizeof buf);
	S(SYS_getdents64, d, (void *)8, sizeof buf); /* EFAULT */
	S(SYS_close, d);
	S(SYS_rmdir, "emptydir");
	S(SYS_close, fd);
	S(SYS_unlink, "misc.txt");
	return 0;
}

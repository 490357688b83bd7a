/* Linux AIO and io_uring setup/enter/register */
#include "corpus.h"
#include <linux/aio_abi.h>
#include <linux/io_uring.h>
#include <sys/uio.h>

int main(void)
{
	int fd = S(SYS_openat, AT_FDCWD, "aio.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	WLIT(fd, "aio data here\n");
	aio_context_t ctx = 0;
	S(SYS_io_setup, 4, &ctx);
	S(SYS_io_setup, 0, &ctx);               /* EINVAL */
	char buf[32];
	struct iocb cb[3];
	memset(cb, 0, sizeof cb);
	cb[0].aio_data = 0x1234;
	cb[0].aio_lio_opcode = IOCB_CMD_PWRITE;
	cb[0].aio_fildes = fd;
	cb[0].aio_buf = (uintptr_t)"written by aio";
	cb[0].aio_nbytes = 14;
	cb[0].aio_offset = 100;
	cb[1].aio_lio_opcode = IOCB_CMD_PREAD;
	cb[1].aio_fildes = fd;
	cb[1].aio_buf = (uintptr_t)buf;
	cb[1].aio_nbytes = sizeof buf;
	cb[1].aio_reqprio = 0;
	struct iovec v[2] = { { "vec", 3 }, { "tor", 3 } };
	cb[2].aio_lio_opcode = IOCB_CMD_PWRITEV;
	cb[2].aio_fildes = fd;
	cb[2].aio_buf = (uintptr_t)v;
	cb[2].aio_nbytes = 2;
	cb[2].aio_offset = 200;
	cb[2].aio_rw_flags = RWF_DSYNC;
	struct iocb *cbs[3] = { &cb[0], &cb[1], &cb[2] };
	S(SYS_io_submit, ctx, 3, cbs);
	struct io_event ev[4];
	struct timespec ts = { 1, 0 };
	S(SYS_io_getevents, ctx, 3, 4, ev, &ts);
	S(SYS_io_getevents, ctx, 0, 4, ev, NULL);
	S(SYS_io_submit, ctx, -1L, cbs);         /* EINVAL */
	S(SYS_io_cancel, ctx, &cb[0], ev);       /* EINVAL */
	S(SYS_io_destroy, ctx);
	S(SYS_io_destroy, 0);                    /* EINVAL */

	struct io_uring_params prm;
	memset(&prm, 0, sizeof prm);
	int r = S(SYS_io_uring_setup, 4, &prm);
	if (r >= 0) {
		S(SYS_io_uring_enter, r, 0, 0, IORING_ENTER_GETEVENTS, NULL, 0);
		int fds[2] = { fd, -1 };
		S(SYS_io_uring_register, r, IORING_REGISTER_FILES, fds, 2);
		S(SYS_io_uring_register, r, IORING_UNREGISTER_FILES, NULL, 0);
		struct iovec bv = { buf, sizeof buf };
		S(SYS_io_uring_register, r, IORING_REGISTER_BUFFERS, &bv, 1);
		S(SYS_io_uring_register, r, IORING_UNREGISTER_BUFFERS, NULL, 0);
		S(SYS_io_uring_register, r, 9999, NULL, 0);
		S(SYS_close, r);
	}
	prm.flags = 0x80000000;
	S(SYS_io_uring_setup, 4, &prm);          /* EINVAL */
	S(SYS_io_uring_setup, 4, NULL);          /* EFAULT */
	S(SYS_close, fd);
	S(SYS_unlink, "aio.txt");
	return 0;
}

/* pipe/pipe2, nonblocking EAGAIN, EPIPE + SIGPIPE delivery (ignored) */
#include "corpus.h"
#include <sys/ioctl.h>

int main(void)
{
	int p[2], q[2], n = 0;
	char buf[32];
	S(SYS_pipe, p);
	WLIT(p[1], "through the pipe");
	S(SYS_ioctl, p[0], FIONREAD, &n);
	S(SYS_read, p[0], buf, 7);
	S(SYS_read, p[0], buf, sizeof buf);
	S(SYS_pipe2, q, O_CLOEXEC | O_NONBLOCK);
	S(SYS_read, q[0], buf, sizeof buf); /* EAGAIN */
	S(SYS_pipe2, q, O_DIRECT);
	WLIT(q[1], "packet1");
	WLIT(q[1], "packet2");
	S(SYS_read, q[0], buf, sizeof buf);
	S(SYS_pipe2, q, 0x12345678); /* EINVAL */
	signal(SIGPIPE, SIG_IGN);
	S(SYS_close, p[0]);
	WLIT(p[1], "nobody reads"); /* EPIPE + SIGPIPE */
	S(SYS_close, p[1]);
	S(SYS_pipe, NULL); /* EFAULT */
	return 0;
}

/* poll/ppoll with ready, not-ready and invalid descriptors */
#include "corpus.h"
#include <poll.h>
#include <sys/resource.h>

int main(void)
{
	int p[2], q[2];
	S(SYS_pipe, p);
	S(SYS_pipe, q);
	WLIT(p[1], "data");
	struct pollfd f[4] = {
		{ p[0], POLLIN | POLLPRI, 0 },
		{ p[1], POLLOUT, 0 },
		{ q[0], POLLIN, 0 },
		{ 99, POLLIN, 0 },
	};
	S(SYS_poll, f, 4, 0);
	S(SYS_poll, f + 2, 1, 1);   /* timeout, nothing ready */
	S(SYS_poll, f, 1, -1);
	S(SYS_poll, NULL, 0, 1);
	struct pollfd neg = { -1, POLLIN, 0 };
	S(SYS_poll, &neg, 1, 0);
	struct timespec ts = { 0, 0 };
	sigset_t m;
	sigemptyset(&m);
	sigaddset(&m, SIGUSR1);
	S(SYS_ppoll, f, 2, &ts, &m, 8);
	S(SYS_ppoll, f + 2, 1, &ts, NULL, 0);
	struct timespec ts2 = { 0, 1000000 };
	S(SYS_ppoll, f + 2, 1, &ts2, NULL, 0);
	S(SYS_ppoll, f, 1, NULL, NULL, 0);
	S(SYS_close, q[1]);
	S(SYS_poll, f + 2, 1, 0); /* POLLHUP */
	struct rlimit rl = { 64, 64 };
	S(SYS_setrlimit, RLIMIT_NOFILE, &rl);
	static struct pollfd many[100]; /* all zero: fd 0, no events */
	S(SYS_poll, many, 100, 0); /* EINVAL: nfds > RLIMIT_NOFILE */
	return 0;
}

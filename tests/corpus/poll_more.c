/* poll/ppoll/select/pselect6/epoll_* argument forms not in io_poll.c,
 * io_select.c, io_epoll.c: negative fds, many fds, full signal masks, except
 * sets, NULL and bad pointers */
#include "corpus.h"
#include <poll.h>
#include <sys/select.h>
#include <sys/epoll.h>

int main(void)
{
	int p[2];
	S(SYS_pipe2, p, 0);
	WLIT(p[1], "zz");
	struct pollfd f[40];
	for (int i = 0; i < 40; i++) {
		f[i].fd = i % 2 ? p[0] : p[1];
		f[i].events = POLLIN | POLLOUT | POLLRDHUP | 0x4000;
		f[i].revents = 0;
	}
	S(SYS_poll, f, 40, 0);
	S(SYS_poll, f, 3, 0);
	S(SYS_poll, (void *)8, 1, 0);              /* EFAULT */
	sigset_t all;
	sigfillset(&all);
	struct timespec ts = { 0, 0 };
	S(SYS_ppoll, f, 2, &ts, &all, 8);
	S(SYS_ppoll, f, 2, NULL, &all, 4);         /* EINVAL */
	S(SYS_ppoll, f, 2, NULL, NULL, 8);
	S(SYS_ppoll, f, 1, (void *)8, NULL, 8);    /* EFAULT */

	fd_set r, w, e;
	FD_ZERO(&r); FD_ZERO(&w); FD_ZERO(&e);
	FD_SET(p[0], &r); FD_SET(p[1], &w); FD_SET(p[0], &e); FD_SET(0, &e);
	struct timeval tv = { 0, 0 };
	S(SYS_select, p[1] + 1, &r, &w, &e, &tv);
	FD_ZERO(&r); FD_ZERO(&w); FD_ZERO(&e);
	FD_SET(p[0], &r); FD_SET(p[1], &w);
	S(SYS_select, p[1] + 1, &r, &e, &w, NULL);
	S(SYS_select, 2000, NULL, NULL, NULL, &tv);
	S(SYS_select, 1, (void *)8, NULL, NULL, &tv); /* EFAULT */
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	struct timespec zero = { 0, 0 };
	struct { const sigset_t *ss; size_t len; } sm = { &all, 8 }, bad = { &all, 5 }, nul = { NULL, 8 };
	S(SYS_pselect6, p[0] + 1, &r, NULL, NULL, &zero, &sm);
	S(SYS_pselect6, p[0] + 1, &r, NULL, NULL, NULL, &bad);
	S(SYS_pselect6, p[0] + 1, &r, NULL, NULL, &zero, &nul);
	S(SYS_pselect6, p[0] + 1, &r, NULL, NULL, &zero, (void *)8); /* EFAULT */

	int ep = S(SYS_epoll_create1, 0);
	S(SYS_epoll_create, 0);                    /* EINVAL */
	S(SYS_epoll_create1, 0x1);                 /* EINVAL */
	struct epoll_event ev = { .events = EPOLLIN | EPOLLPRI | EPOLLEXCLUSIVE | 0x8000, .data.u64 = ~0ULL };
	S(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev); /* EINVAL: unknown bit */
	ev.events = EPOLLIN | EPOLLWAKEUP;
	S(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev);
	S(SYS_epoll_ctl, ep, 7, p[0], &ev);        /* EINVAL */
	S(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, p[0], NULL); /* EFAULT */
	struct epoll_event out[2];
	S(SYS_epoll_wait, ep, out, 2, 100);
	S(SYS_epoll_wait, ep, NULL, 2, 0);         /* EFAULT */
	S(SYS_epoll_pwait, ep, out, 2, 0, &all, 8);
	S(SYS_epoll_pwait, ep, out, 2, 0, NULL, 8);
	S(SYS_epoll_pwait, ep, out, 2, 0, &all, 3); /* EINVAL */
	S(SYS_epoll_pwait2, ep, out, 2, NULL, NULL, 8);
	S(SYS_epoll_pwait2, ep, out, 2, &zero, &all, 8);
	S(SYS_close, ep);
	return 0;
}

/* epoll_create/epoll_create1/epoll_ctl/epoll_wait/epoll_pwait/epoll_pwait2 */
#include "corpus.h"
#include <sys/epoll.h>

int main(void)
{
	int p[2];
	S(SYS_pipe2, p, O_NONBLOCK);
	int ep = S(SYS_epoll_create1, EPOLL_CLOEXEC);
	int ep2 = S(SYS_epoll_create, 8);
	struct epoll_event ev = { .events = EPOLLIN | EPOLLET, .data.u64 = 0x1122334455667788ULL };
	S(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev);
	S(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev); /* EEXIST */
	ev.events = EPOLLOUT;
	ev.data.fd = p[1];
	S(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[1], &ev);
	struct epoll_event out[4];
	S(SYS_epoll_wait, ep, out, 4, 0);
	WLIT(p[1], "ev");
	S(SYS_epoll_wait, ep, out, 4, -1);
	ev.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
	ev.data.u32 = 7;
	S(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, p[0], &ev);
	sigset_t m;
	sigemptyset(&m);
	sigaddset(&m, SIGINT);
	S(SYS_epoll_pwait, ep, out, 4, 0, &m, 8);
	S(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, p[1], NULL);
	S(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, p[1], NULL); /* ENOENT */
	struct timespec ts = { 0, 1000000 };
	S(SYS_epoll_pwait2, ep2, out, 4, &ts, NULL, 0); /* times out */
	S(SYS_epoll_wait, ep, out, 0, 0);  /* EINVAL */
	S(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, ep, &ev); /* EINVAL: itself */
	S(SYS_epoll_create1, 0x1); /* EINVAL */
	S(SYS_close, ep2);
	S(SYS_close, ep);
	return 0;
}

/* select/pselect6 with fd sets, zero and short timeouts */
#include "corpus.h"
#include <sys/select.h>

int main(void)
{
	int p[2], q[2];
	S(SYS_pipe, p);
	S(SYS_pipe, q);
	WLIT(p[1], "x");
	fd_set r, w, e;
	FD_ZERO(&r); FD_ZERO(&w); FD_ZERO(&e);
	FD_SET(p[0], &r);
	FD_SET(q[0], &r);
	FD_SET(p[1], &w);
	struct timeval tv = { 0, 0 };
	S(SYS_select, q[1] + 1, &r, &w, &e, &tv);
	FD_ZERO(&r);
	FD_SET(q[0], &r);
	struct timeval tv2 = { 0, 1000 };
	S(SYS_select, q[0] + 1, &r, NULL, NULL, &tv2); /* times out */
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	S(SYS_select, p[0] + 1, &r, NULL, NULL, NULL);
	S(SYS_select, 0, NULL, NULL, NULL, &tv);
	S(SYS_select, -1, NULL, NULL, NULL, &tv); /* EINVAL */
	FD_ZERO(&r);
	FD_SET(30, &r);
	S(SYS_select, 31, &r, NULL, NULL, &tv); /* EBADF */

	FD_ZERO(&r);
	FD_SET(p[0], &r);
	FD_SET(q[0], &r);
	struct timespec ts = { 0, 0 };
	sigset_t m;
	sigemptyset(&m);
	sigaddset(&m, SIGTERM);
	struct { const sigset_t *ss; size_t len; } sm = { &m, 8 };
	S(SYS_pselect6, q[0] + 1, &r, NULL, NULL, &ts, &sm);
	FD_ZERO(&r);
	FD_SET(q[0], &r);
	struct timespec ts2 = { 0, 1000000 };
	S(SYS_pselect6, q[0] + 1, &r, NULL, NULL, &ts2, NULL);
	FD_ZERO(&w);
	for (int i = 0; i < 10; i++)
		if (i != p[0] && i != q[0] && i > 2)
			FD_SET(i, &w);
	FD_SET(1, &w);
	FD_SET(p[1], &w);
	FD_ZERO(&w);
	FD_SET(1, &w);
	FD_SET(p[1], &w);
	FD_SET(q[1], &w);
	S(SYS_pselect6, q[1] + 1, NULL, &w, NULL, &ts, NULL);
	return 0;
}

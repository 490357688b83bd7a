/* timerfd_create/timerfd_settime/timerfd_gettime/read (one-shot timers only) */
#include "corpus.h"
#include <sys/timerfd.h>
#include <time.h>

int main(void)
{
	uint64_t n;
	int t = S(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC);
	struct itimerspec its = { { 0, 0 }, { 0, 1000000 } }, old;
	S(SYS_timerfd_settime, t, 0, &its, NULL);
	S(SYS_read, t, &n, sizeof n); /* blocks until the single expiry */
	S(SYS_timerfd_gettime, t, &old);
	struct itimerspec abs = { { 0, 0 }, { 0, 1 } };
	S(SYS_timerfd_settime, t, TFD_TIMER_ABSTIME, &abs, &old);
	S(SYS_read, t, &n, sizeof n);
	memset(&its, 0, sizeof its);
	S(SYS_timerfd_settime, t, 0, &its, &old);
	S(SYS_close, t);
	int r = S(SYS_timerfd_create, CLOCK_REALTIME, TFD_NONBLOCK);
	S(SYS_read, r, &n, sizeof n); /* EAGAIN */
	S(SYS_timerfd_gettime, r, &old);
	struct itimerspec bad = { { 0, 0 }, { 0, 2000000000 } };
	S(SYS_timerfd_settime, r, 0, &bad, NULL); /* EINVAL */
	S(SYS_close, r);
	S(SYS_timerfd_create, CLOCK_MONOTONIC, 0x1); /* EINVAL */
	S(SYS_timerfd_create, 1234, 0);              /* EINVAL */
	return 0;
}

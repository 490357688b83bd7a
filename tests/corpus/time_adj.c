/* adjtimex/clock_adjtime (read-only), timer_create sigevent forms,
 * clock_settime/settimeofday errors, alarm, time() with a buffer */
#include "corpus.h"
#include <time.h>
#include <sys/time.h>
#include <sys/timex.h>

int main(void)
{
	struct timex tx;
	memset(&tx, 0, sizeof tx);
	S(SYS_adjtimex, &tx);
	memset(&tx, 0, sizeof tx);
	S(SYS_clock_adjtime, CLOCK_REALTIME, &tx);
	tx.modes = 0x7fff;
	S(SYS_clock_adjtime, 77, &tx);                     /* EINVAL */
	S(SYS_adjtimex, NULL);                             /* EFAULT */
	struct timespec bad = { 0, 2000000000 };
	S(SYS_clock_settime, CLOCK_REALTIME, &bad);        /* EINVAL */
	S(SYS_clock_settime, CLOCK_MONOTONIC, &bad);       /* EINVAL */
	struct timeval tv = { 0, 2000000 };
	S(SYS_settimeofday, &tv, NULL);                    /* EINVAL */
	timer_t id;
	struct sigevent sev;
	memset(&sev, 0, sizeof sev);
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGUSR2;
	sev.sigev_value.sival_int = 5;
	S(SYS_timer_create, CLOCK_REALTIME, &sev, &id);
	S(SYS_timer_delete, id);
	sev.sigev_notify = SIGEV_THREAD_ID;
	sev._sigev_un._tid = 1; /* not ours: EINVAL, but a fixed number */
	sev.sigev_value.sival_ptr = NULL;
	S(SYS_timer_create, CLOCK_MONOTONIC, &sev, &id);
	S(SYS_timer_create, CLOCK_MONOTONIC, NULL, &id);
	struct itimerspec its = { { 0, 0 }, { 0, 0 } };
	S(SYS_timer_settime, id, TIMER_ABSTIME, &its, &its);
	S(SYS_timer_delete, id);
	sev.sigev_notify = SIGEV_THREAD;
	S(SYS_timer_create, CLOCK_MONOTONIC, &sev, &id);   /* EINVAL */
	sev.sigev_notify = 99;
	S(SYS_timer_create, CLOCK_MONOTONIC, &sev, &id);   /* EINVAL */
	S(SYS_timer_create, CLOCK_MONOTONIC, NULL, &id);
	S(SYS_timer_delete, id);
	S(SYS_timer_create, 1234, NULL, &id);              /* EINVAL */
	time_t t;
	S(SYS_time, &t);
	/* (interrupted sleeps print a run-dependent remaining time: not here) */
	struct timespec ts = { 0, 1000 }, rem;
	S(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, &rem);
	S(SYS_alarm, 100);
	S(SYS_alarm, 0);
	return 0;
}

/* nanosleep/clock_nanosleep/clock_gettime/clock_getres/gettimeofday/time/times,
 * itimers, POSIX timers */
#include "corpus.h"
#include <time.h>
#include <sys/time.h>
#include <sys/times.h>

int main(void)
{
	struct timespec ts = { 0, 1000000 }, rem;
	S(SYS_nanosleep, &ts, &rem);
	S(SYS_nanosleep, &ts, NULL);
	struct timespec bad = { 0, 1000000000 };
	S(SYS_nanosleep, &bad, NULL); /* EINVAL */
	S(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, &rem);
	struct timespec past = { 1, 0 };
	S(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &past, NULL);
	S(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &ts, NULL); /* EINVAL */
	struct timespec now;
	S(SYS_clock_gettime, CLOCK_REALTIME, &now);
	S(SYS_clock_gettime, CLOCK_MONOTONIC, &now);
	S(SYS_clock_gettime, CLOCK_BOOTTIME, &now);
	S(SYS_clock_gettime, CLOCK_PROCESS_CPUTIME_ID, &now);
	S(SYS_clock_gettime, 99, &now); /* EINVAL */
	S(SYS_clock_getres, CLOCK_MONOTONIC, &now);
	S(SYS_clock_getres, CLOCK_REALTIME_COARSE, &now);
	S(SYS_clock_getres, CLOCK_MONOTONIC, NULL);
	struct timeval tv;
	S(SYS_gettimeofday, &tv, NULL);
	S(SYS_time, NULL);
	struct tms t;
	S(SYS_times, &t);
	struct itimerval it, oit;
	S(SYS_getitimer, ITIMER_REAL, &oit);
	memset(&it, 0, sizeof it);
	S(SYS_setitimer, ITIMER_VIRTUAL, &it, &oit);
	S(SYS_getitimer, 5, &oit); /* EINVAL */
	timer_t id;
	struct sigevent sev;
	memset(&sev, 0, sizeof sev);
	sev.sigev_notify = SIGEV_NONE;
	S(SYS_timer_create, CLOCK_MONOTONIC, &sev, &id);
	struct itimerspec its = { { 0, 0 }, { 100, 0 } }, oits;
	S(SYS_timer_settime, id, 0, &its, NULL);
	memset(&its, 0, sizeof its);
	S(SYS_timer_gettime, id, &oits); /* remaining time varies: normalised */
	S(SYS_timer_settime, id, 0, &its, NULL);
	S(SYS_timer_gettime, id, &oits);
	S(SYS_timer_getoverrun, id);
	S(SYS_timer_delete, id);
	S(SYS_timer_delete, id); /* EINVAL */
	S(SYS_alarm, 0);
	return 0;
}

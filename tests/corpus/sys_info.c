/* uname/sysinfo/getrlimit/setrlimit/prlimit64/getrusage/personality/sched_* */
#include "corpus.h"
#include <sched.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/sysinfo.h>

int main(void)
{
	struct utsname u;
	S(SYS_uname, &u);
	struct sysinfo si;
	S(SYS_sysinfo, &si);
	struct rlimit rl;
	S(SYS_getrlimit, RLIMIT_NOFILE, &rl);
	S(SYS_getrlimit, RLIMIT_STACK, &rl);
	S(SYS_getrlimit, RLIMIT_CORE, &rl);
	S(SYS_getrlimit, 99, &rl); /* EINVAL */
	struct rlimit nl = { 256, 512 };
	S(SYS_setrlimit, RLIMIT_NOFILE, &nl);
	struct rlimit old;
	struct rlimit nl2 = { 128, 512 };
	S(SYS_prlimit64, 0, RLIMIT_NOFILE, &nl2, &old);
	S(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &old);
	struct rlimit inf = { RLIM_INFINITY, RLIM_INFINITY };
	S(SYS_prlimit64, 0, RLIMIT_CPU, NULL, &old);
	S(SYS_prlimit64, 0, RLIMIT_DATA, &inf, NULL);
	S(SYS_prlimit64, 0, RLIMIT_AS, NULL, &old);
	S(SYS_prlimit64, 0, RLIMIT_MEMLOCK, NULL, &old);
	struct rusage ru;
	S(SYS_getrusage, RUSAGE_SELF, &ru);
	S(SYS_getrusage, RUSAGE_CHILDREN, &ru);
	S(SYS_getrusage, RUSAGE_THREAD, &ru);
	S(SYS_getrusage, 7, &ru); /* EINVAL */
	S(SYS_personality, 0xffffffff);
	S(SYS_personality, 0);
	S(SYS_sched_yield);
	S(SYS_sched_getscheduler, 0);
	struct sched_param sp = { 0 };
	S(SYS_sched_getparam, 0, &sp);
	S(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp);
	S(SYS_sched_get_priority_max, SCHED_FIFO);
	S(SYS_sched_get_priority_min, SCHED_RR);
	S(SYS_sched_get_priority_max, 77); /* EINVAL */
	cpu_set_t cs;
	CPU_ZERO(&cs);
	long n = S(SYS_sched_getaffinity, 0, sizeof cs, &cs);
	if (n > 0)
		S(SYS_sched_setaffinity, 0, n, &cs);
	S(SYS_sched_getaffinity, 0, 1, &cs); /* EINVAL */
	return 0;
}

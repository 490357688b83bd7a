/* sched_* (params, attrs, affinity, rr interval), ioprio, getcpu, nice-ish
 * priorities, rlimits with odd values, getrusage variants, personality */
#include "corpus.h"
#include <sched.h>
#include <sys/resource.h>
#include <sys/personality.h>

/* struct sched_attr of linux/sched/types.h (which clashes with glibc's sched.h) */
struct sched_attr {
	uint32_t size, sched_policy;
	uint64_t sched_flags;
	int32_t sched_nice;
	uint32_t sched_priority;
	uint64_t sched_runtime, sched_deadline, sched_period;
	uint32_t sched_util_min, sched_util_max;
};
#define SCHED_FLAG_KEEP_POLICY 0x08
#define SCHED_FLAG_KEEP_PARAMS 0x10

int main(void)
{
	struct sched_param sp = { 0 };
	S(SYS_sched_getparam, 0, &sp);
	S(SYS_sched_setparam, 0, &sp);
	S(SYS_sched_getparam, 0, NULL);                 /* EINVAL */
	S(SYS_sched_setscheduler, 0, SCHED_BATCH, &sp);
	S(SYS_sched_getscheduler, 0);
	S(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp);
	S(SYS_sched_setscheduler, 0, 77, &sp);          /* EINVAL */
	S(SYS_sched_get_priority_max, SCHED_FIFO);
	S(SYS_sched_get_priority_min, SCHED_RR);
	S(SYS_sched_get_priority_max, 42);              /* EINVAL */
	struct timespec ts;
	S(SYS_sched_rr_get_interval, 0, &ts);
	S(SYS_sched_rr_get_interval, 999999, &ts);      /* ESRCH */
	struct sched_attr a;
	memset(&a, 0, sizeof a);
	S(SYS_sched_getattr, 0, &a, sizeof a, 0);
	a.size = sizeof a;
	a.sched_policy = SCHED_OTHER;
	a.sched_nice = 0;
	S(SYS_sched_setattr, 0, &a, 0);
	a.sched_flags = SCHED_FLAG_KEEP_PARAMS | SCHED_FLAG_KEEP_POLICY;
	S(SYS_sched_setattr, 0, &a, 0);
	a.size = 40;
	S(SYS_sched_setattr, 0, &a, 0);                 /* E2BIG or EINVAL */
	S(SYS_sched_getattr, 0, &a, 8, 0);              /* EINVAL */
	S(SYS_sched_getattr, 0, NULL, 0, 0);            /* EINVAL */
	cpu_set_t set;
	CPU_ZERO(&set);
	S(SYS_sched_getaffinity, 0, sizeof set, &set);
	CPU_ZERO(&set);
	CPU_SET(0, &set);
	S(SYS_sched_setaffinity, 0, sizeof set, &set);
	S(SYS_sched_setaffinity, 0, 0, &set);           /* EINVAL */
	S(SYS_sched_getaffinity, 0, 4, &set);           /* EINVAL */
	S(SYS_sched_yield);
	unsigned cpu, node;
	S(SYS_getcpu, &cpu, &node, NULL);
	S(SYS_getcpu, NULL, NULL, NULL);
	S(SYS_ioprio_get, 1 /* IOPRIO_WHO_PROCESS */, 0);
	S(SYS_ioprio_set, 1, 0, (2 << 13) | 4);         /* BE, 4 */
	S(SYS_ioprio_get, 1, 0);
	S(SYS_ioprio_set, 1, 0, (7 << 13) | 1);         /* EINVAL */
	S(SYS_ioprio_get, 9, 0);                        /* EINVAL */
	S(SYS_getpriority, PRIO_USER, 0);
	S(SYS_getpriority, PRIO_PGRP, 0);
	S(SYS_getpriority, 7, 0);                       /* EINVAL */
	struct rlimit rl = { 1024 * 1024, RLIM_INFINITY };
	S(SYS_prlimit64, 0, RLIMIT_CORE, NULL, &rl);
	S(SYS_prlimit64, 0, RLIMIT_CORE, &rl, NULL);
	S(SYS_getrlimit, RLIMIT_CORE, &rl);
	rl.rlim_cur = 1000;
	rl.rlim_max = 1000;
	S(SYS_prlimit64, 0, RLIMIT_MSGQUEUE, &rl, &rl);
	S(SYS_getrlimit, 99, &rl);                      /* EINVAL */
	S(SYS_getrlimit, RLIMIT_AS, NULL);              /* EFAULT */
	struct rusage ru;
	S(SYS_getrusage, RUSAGE_SELF, &ru);
	S(SYS_getrusage, RUSAGE_THREAD, &ru);
	S(SYS_getrusage, 5, &ru);                       /* EINVAL */
	S(SYS_personality, 0xffffffff);
	S(SYS_personality, PER_LINUX | ADDR_NO_RANDOMIZE);
	S(SYS_personality, PER_LINUX);
	S(SYS_personality, 0x42);
	S(SYS_personality, PER_LINUX);
	return 0;
}

/* futex_waitv, futex PI/bitset odd ops, membarrier commands, robust list of
 * a thread id */
#include "corpus.h"
#include <linux/futex.h>
#include <linux/membarrier.h>
#include <time.h>

static unsigned f1 = 1, f2 = 2;

int main(void)
{
	struct futex_waitv w[2] = {
		{ .val = 0, .uaddr = (uintptr_t)&f1, .flags = FUTEX_32 | FUTEX_PRIVATE_FLAG },
		{ .val = 2, .uaddr = (uintptr_t)&f2, .flags = FUTEX_32 },
	};
	struct timespec ts = { 0, 1000 };
	S(SYS_futex_waitv, w, 2, 0, NULL, CLOCK_MONOTONIC);   /* EAGAIN */
	w[0].val = 1;
	ts.tv_sec = 1; /* absolute, long past */
	S(SYS_futex_waitv, w, 2, 0, &ts, CLOCK_MONOTONIC);    /* ETIMEDOUT */
	S(SYS_futex_waitv, w, 0, 0, NULL, CLOCK_REALTIME);    /* EINVAL */
	S(SYS_futex_waitv, NULL, 1, 0, NULL, 99);             /* EINVAL */
	w[1].__reserved = 3;
	S(SYS_futex_waitv, w, 2, 0, NULL, CLOCK_MONOTONIC);   /* EINVAL */
	unsigned pi = 0;
	S(SYS_futex, &pi, FUTEX_TRYLOCK_PI, 0, NULL, NULL, 0);
	S(SYS_futex, &pi, FUTEX_UNLOCK_PI, 0, NULL, NULL, 0);
	struct timespec rel = { 0, 1000 };
	S(SYS_futex, &f1, FUTEX_LOCK_PI_PRIVATE, 0, &rel, NULL, 0);
	S(SYS_futex, &f1, FUTEX_WAIT_REQUEUE_PI_PRIVATE, 1, &rel, &f2, 0);
	S(SYS_futex, &f1, FUTEX_CMP_REQUEUE_PI_PRIVATE, 1, (void *)1, &f2, 1);
	S(SYS_futex, &f1, FUTEX_WAKE_OP, 1, (void *)1, &f2, (8 << 28) | (7 << 28) | (9 << 24) | 0x123);
	S(SYS_futex, &f1, FUTEX_WAIT_BITSET_PRIVATE, 1, &rel, NULL, 0x1234);
	S(SYS_futex, &f1, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 1, &rel, NULL, 0);
	S(SYS_futex, &f1, 0x7f | FUTEX_PRIVATE_FLAG, 1, &rel, &f2, 0x55);
	S(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0);
	S(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
	S(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ, MEMBARRIER_CMD_FLAG_CPU, 0);
	S(SYS_membarrier, MEMBARRIER_CMD_GLOBAL, 4, 0);        /* EINVAL */
	void *head;
	size_t len;
	S(SYS_get_robust_list, S(SYS_gettid), &head, &len);
	S(SYS_get_robust_list, 999999, &head, &len);          /* ESRCH */
	S(SYS_get_robust_list, 0, NULL, &len);                /* EFAULT */
	return 0;
}

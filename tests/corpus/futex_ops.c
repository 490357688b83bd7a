/* futex: wait with wrong value, timeouts, wake, requeue, wake_op, bitset;
 * robust lists */
#include "corpus.h"
#include <linux/futex.h>
#include <time.h>

static int f1 = 1, f2 = 0;

int main(void)
{
	struct timespec ts = { 0, 1000000 };
	S(SYS_futex, &f1, FUTEX_WAIT, 0, NULL, NULL, 0);               /* EAGAIN */
	S(SYS_futex, &f1, FUTEX_WAIT_PRIVATE, 1, &ts, NULL, 0);         /* ETIMEDOUT */
	S(SYS_futex, &f1, FUTEX_WAKE, 1, NULL, NULL, 0);
	S(SYS_futex, &f1, FUTEX_WAKE_PRIVATE, 0x7fffffff, NULL, NULL, 0);
	struct timespec abs = { 1, 0 };
	S(SYS_futex, &f1, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 1, &abs, NULL, FUTEX_BITSET_MATCH_ANY);
	S(SYS_futex, &f1, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0x0f);
	S(SYS_futex, &f1, FUTEX_REQUEUE_PRIVATE, 1, (void *)2, &f2, 0);
	S(SYS_futex, &f1, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)2, &f2, 1);
	S(SYS_futex, &f1, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)2, &f2, 5); /* EAGAIN */
	S(SYS_futex, &f1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &f2,
	  FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_GT, 0));
	S(SYS_futex, &f1, 99, 0, NULL, NULL, 0);                /* ENOSYS */
	S(SYS_futex, (void *)1, FUTEX_WAIT, 0, NULL, NULL, 0);  /* EINVAL: unaligned */
	S(SYS_futex, NULL, FUTEX_WAIT, 0, NULL, NULL, 0);       /* EFAULT */
	void *head;
	size_t len;
	S(SYS_get_robust_list, 0, &head, &len);
	S(SYS_set_robust_list, head, len);
	S(SYS_set_robust_list, head, 1); /* EINVAL */
	return 0;
}

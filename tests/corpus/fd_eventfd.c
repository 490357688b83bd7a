/* eventfd/eventfd2: counter and semaphore modes */
#include "corpus.h"
#include <sys/eventfd.h>

int main(void)
{
	uint64_t v;
	int e = S(SYS_eventfd2, 3, EFD_CLOEXEC | EFD_NONBLOCK);
	v = 5;
	S(SYS_write, e, &v, sizeof v);
	S(SYS_read, e, &v, sizeof v);
	S(SYS_read, e, &v, sizeof v); /* EAGAIN */
	S(SYS_read, e, &v, 4);        /* EINVAL */
	v = 0xfffffffffffffffeULL;
	S(SYS_write, e, &v, sizeof v);
	v = 1;
	S(SYS_write, e, &v, sizeof v); /* EAGAIN: would overflow */
	S(SYS_close, e);
	int s = S(SYS_eventfd2, 2, EFD_SEMAPHORE | EFD_NONBLOCK);
	S(SYS_read, s, &v, sizeof v);
	S(SYS_read, s, &v, sizeof v);
	S(SYS_read, s, &v, sizeof v); /* EAGAIN */
	S(SYS_close, s);
	int o = S(SYS_eventfd, 0);
	S(SYS_close, o);
	S(SYS_eventfd2, 0, 0x2); /* EINVAL */
	return 0;
}

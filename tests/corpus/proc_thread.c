/* pthread_create (clone3) with threads doing syscalls; the main thread
 * leaves with a raw exit() so nothing depends on join timing */
#include "corpus.h"
#include <pthread.h>

static void *worker(void *arg)
{
	long n = (long)arg;
	char msg[] = "thread N\n";
	msg[7] = '0' + n;
	syscall(SYS_write, 1, msg, sizeof msg - 1);
	syscall(SYS_getppid);
	struct timespec ts = { 0, 1000000 };
	syscall(SYS_nanosleep, &ts, NULL);
	return NULL;
}

int main(void)
{
	pthread_t t1, t2;
	pthread_create(&t1, NULL, worker, (void *)1L);
	pthread_attr_t at;
	pthread_attr_init(&at);
	pthread_attr_setstacksize(&at, 1 << 20);
	pthread_create(&t2, &at, worker, (void *)2L);
	WLIT(1, "main leaves\n");
	syscall(SYS_exit, 0);
	return 1;
}

/* SPDX-License-Identifier: MIT
 * Exact syscall counts for tests/integration/test_nothing_lost.py.
 *
 *   ncalls N [THREADS]
 *
 * The main thread makes exactly N getppid() calls; with THREADS > 0 each of
 * THREADS extra threads also makes exactly N calls (all threads start
 * together, so their calls interleave).  Exit status 0.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static long n;
static pthread_barrier_t bar;

static void calls(void)
{
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
}

static void *worker(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&bar);
	calls();
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: ncalls N [THREADS]\n");
		return 2;
	}
	n = atol(argv[1]);
	int threads = argc > 2 ? atoi(argv[2]) : 0;
	pthread_t t[64];
	if (threads > 64)
		threads = 64;
	if (threads > 0) {
		pthread_barrier_init(&bar, NULL, threads + 1);
		for (int i = 0; i < threads; i++)
			if (pthread_create(&t[i], NULL, worker, NULL) != 0)
				return 3;
		pthread_barrier_wait(&bar);
	}
	calls();
	for (int i = 0; i < threads; i++)
		pthread_join(t[i], NULL);
	return 0;
}

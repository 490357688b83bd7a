/* SPDX-License-Identifier: MIT
 * Exit-status propagation target for tests/integration/test_exit_status.py.
 *
 *   exitwith code N      exit(N)
 *   exitwith signal N    kill(getpid(), N) with default disposition
 *   exitwith segv        write through a NULL pointer (a real SIGSEGV)
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "code") == 0)
		return atoi(argv[2]);
	if (argc >= 3 && strcmp(argv[1], "signal") == 0) {
		int sig = atoi(argv[2]);
		signal(sig, SIG_DFL);
		sigset_t s;
		sigemptyset(&s);
		sigaddset(&s, sig);
		sigprocmask(SIG_UNBLOCK, &s, NULL);
		kill(getpid(), sig);
		pause();
		return 100;
	}
	if (argc >= 2 && strcmp(argv[1], "segv") == 0) {
		signal(SIGSEGV, SIG_DFL);
		*(volatile int *)0 = 1;
		return 101;
	}
	fprintf(stderr, "usage: exitwith code N | signal N | segv\n");
	return 2;
}

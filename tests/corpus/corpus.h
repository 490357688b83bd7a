/* SPDX-License-Identifier: MIT
 * Shared helpers of the differential corpus (tests/corpus/*.c).
 *
 * Rules every corpus program follows (see tests/diff/README.md):
 *  - deterministic: the same syscalls with the same arguments and results on
 *    every run (nothing time-, pid-, or scheduling-dependent in arguments);
 *  - files are created relative to the current directory (the harness runs
 *    each program in a fresh fixed directory) and removed again;
 *  - raw syscall() where glibc would add noise or pick another syscall;
 *  - SIGCHLD is blocked in programs that fork, so that its delivery point does
 *    not depend on scheduling;
 *  - output goes to fd 1 (the harness points it at /dev/null).
 */
#ifndef SYSCOPE_CORPUS_H
#define SYSCOPE_CORPUS_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#define S(...) syscall(__VA_ARGS__)
/* write a string literal */
#define WLIT(fd, lit) syscall(SYS_write, (fd), (lit), sizeof(lit) - 1)

static inline void corpus_block_sigchld(void)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGCHLD);
	sigprocmask(SIG_BLOCK, &s, NULL);
}

/* wait for a specific child with raw wait4, status only */
static inline int corpus_wait(pid_t pid)
{
	int st = 0;
	syscall(SYS_wait4, pid, &st, 0, NULL);
	return st;
}
#endif

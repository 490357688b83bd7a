/* SPDX-License-Identifier: MIT
 * The single-step floor: the least a ptrace tracer can do per instruction.
 *
 *   step_floor [--siginfo|--regs] PROG [ARGS...]
 *
 * Starts PROG (PTRACE_TRACEME + execve), then PTRACE_SINGLESTEP / waitpid
 * until it exits, counting the step traps.  --siginfo / --regs add one
 * PTRACE_GETSIGINFO / PTRACE_GETREGS per step (to price that request).
 * Prints "steps N seconds S rate R" on stderr (steps: traps seen + 1 for the
 * final exit syscall, the same convention as `syscope step`).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	int extra = 0; /* 1: siginfo, 2: regs */
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--siginfo"))
			extra = 1;
		else if (!strcmp(argv[i], "--regs"))
			extra = 2;
		else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else {
			fprintf(stderr, "usage: step_floor [--siginfo|--regs] PROG [ARGS...]\n");
			return 2;
		}
	}
	if (i >= argc) {
		fprintf(stderr, "usage: step_floor [--siginfo|--regs] PROG [ARGS...]\n");
		return 2;
	}
	double t0 = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		execv(argv[i], argv + i);
		perror("execv");
		_exit(127);
	}
	int status;
	if (waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status)) {
		fprintf(stderr, "step_floor: child did not stop at exec\n");
		return 1;
	}
	unsigned long long steps = 0;
	siginfo_t si;
	struct user_regs_struct regs;
	for (;;) {
		if (ptrace(PTRACE_SINGLESTEP, pid, 0, 0) < 0) {
			perror("PTRACE_SINGLESTEP");
			return 1;
		}
		if (waitpid(pid, &status, 0) != pid) {
			perror("waitpid");
			return 1;
		}
		if (WIFEXITED(status) || WIFSIGNALED(status))
			break;
		if (extra == 1)
			ptrace(PTRACE_GETSIGINFO, pid, 0, &si);
		else if (extra == 2)
			ptrace(PTRACE_GETREGS, pid, 0, &regs);
		steps++;
	}
	double dt = now() - t0;
	steps++; /* the exit syscall */
	fprintf(stderr, "steps %llu seconds %.6f rate %.0f\n", steps, dt, steps / dt);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

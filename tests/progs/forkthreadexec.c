/* SPDX-License-Identifier: MIT
 * Process-tree stress target for tests/integration/test_forkthreadexec.py.
 *
 *   forkthreadexec INFOFILE
 *
 * 1. Puts itself in its own process group (job-control signals to orphaned
 *    process groups are discarded; SIGSTOP is not, but keep tests honest).
 * 2. Forks child C1, which blocks in read() on a pipe.  The parent sends it
 *    SIGSTOP, checks with waitpid(WUNTRACED) that it really stopped, sends
 *    SIGCONT, checks waitpid(WCONTINUED), then lets it go on.
 * 3. C1 starts two threads; thread A execs this program again with
 *    "--execd INFOFILE" (a non-leader thread exec: the kernel kills the
 *    leader and thread B, the execing thread takes over the pid); the new
 *    image exits with status 5.
 * 4. The parent runs two threads of its own (joined), forks C2 which exits
 *    with 7, and reaps C1 (expects 5) and C2 (expects 7).
 * Exit status: 0 when every check passed, 10+step on the first failure.
 * A 30 s alarm() guards against hangs (then: killed by SIGALRM).
 *
 * INFOFILE receives "key=value" lines: parent, c1, execer (tid of thread A),
 * c2, execd (pid seen by the new image), result.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *info;
static char self[4096];

static void note(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	int fd = open(info, O_WRONLY | O_CREAT | O_APPEND, 0644);
	if (fd >= 0) {
		if (write(fd, buf, n) != n) {
		}
		close(fd);
	}
}

static void *exec_thread(void *arg)
{
	(void)arg;
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	nanosleep(&ts, NULL);
	note("execer=%ld\n", (long)syscall(SYS_gettid));
	char *argv[] = { self, "--execd", (char *)info, NULL };
	execv(self, argv);
	note("execfailed=%d\n", errno);
	_exit(99);
}

static void *idle_thread(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

static void *work_thread(void *arg)
{
	long n = (long)arg;
	for (long i = 0; i < 5 + n; i++)
		syscall(SYS_getppid);
	struct timespec ts = { 0, 1000 * 1000 };
	nanosleep(&ts, NULL);
	return NULL;
}

static int fail(int step, const char *what)
{
	note("result=fail step=%d %s errno=%d\n", step, what, errno);
	return 10 + step;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--execd") == 0) {
		info = argv[2];
		note("execd=%ld\n", (long)getpid());
		return 5;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: forkthreadexec INFOFILE\n");
		return 2;
	}
	info = argv[1];
	alarm(30);
	ssize_t sl = readlink("/proc/self/exe", self, sizeof self - 1);
	if (sl <= 0)
		return fail(0, "readlink");
	self[sl] = 0;
	if (setpgid(0, 0) != 0)
		return fail(1, "setpgid");
	note("parent=%ld\n", (long)getpid());

	int go[2];
	if (pipe(go) != 0)
		return fail(2, "pipe");
	pid_t c1 = fork();
	if (c1 < 0)
		return fail(3, "fork");
	if (c1 == 0) {
		close(go[1]);
		char b;
		ssize_t r;
		do
			r = read(go[0], &b, 1);
		while (r < 0 && errno == EINTR);
		pthread_t a, bt;
		pthread_create(&bt, NULL, idle_thread, NULL);
		pthread_create(&a, NULL, exec_thread, NULL);
		for (;;)
			pause();
	}
	close(go[0]);
	note("c1=%ld\n", (long)c1);
	int st = 0;
	if (kill(c1, SIGSTOP) != 0)
		return fail(4, "kill STOP");
	if (waitpid(c1, &st, WUNTRACED) != c1 || !WIFSTOPPED(st) || WSTOPSIG(st) != SIGSTOP)
		return fail(5, "waitpid WUNTRACED");
	note("stopped=ok\n");
	if (kill(c1, SIGCONT) != 0)
		return fail(6, "kill CONT");
	if (waitpid(c1, &st, WCONTINUED) != c1 || !WIFCONTINUED(st))
		return fail(7, "waitpid WCONTINUED");
	note("continued=ok\n");
	if (write(go[1], "g", 1) != 1)
		return fail(8, "write go");

	pthread_t t1, t2;
	pthread_create(&t1, NULL, work_thread, (void *)1L);
	pthread_create(&t2, NULL, work_thread, (void *)2L);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);

	pid_t c2 = fork();
	if (c2 == 0)
		_exit(7);
	note("c2=%ld\n", (long)c2);
	if (waitpid(c1, &st, 0) != c1 || !WIFEXITED(st) || WEXITSTATUS(st) != 5) {
		note("c1status=0x%x\n", st);
		return fail(9, "waitpid c1");
	}
	if (waitpid(c2, &st, 0) != c2 || !WIFEXITED(st) || WEXITSTATUS(st) != 7)
		return fail(10, "waitpid c2");
	note("result=ok\n");
	return 0;
}

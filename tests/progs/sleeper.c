/* SPDX-License-Identifier: MIT
 * Attach target for tests/integration/test_attach_detach.py.
 *
 *   sleeper DIR MAXITER EXITCODE
 *
 * Loops: nanosleep(50 ms), getppid(), rewrite DIR/counter with the iteration
 * number, stop when DIR/stop exists or after MAXITER iterations.  Then writes
 * DIR/done ("done iterations=N eintr=E short=S\n") and exits with EXITCODE.
 * A nanosleep that returns EINTR (the attach/detach leaked into the program)
 * is counted in eintr=.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: sleeper DIR MAXITER EXITCODE\n");
		return 2;
	}
	const char *dir = argv[1];
	long maxiter = atol(argv[2]);
	int code = atoi(argv[3]);
	char counter[4096], stop[4096], done[4096], buf[64];
	snprintf(counter, sizeof counter, "%s/counter", dir);
	snprintf(stop, sizeof stop, "%s/stop", dir);
	snprintf(done, sizeof done, "%s/done", dir);
	int cfd = open(counter, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (cfd < 0)
		return 3;
	long i, eintr = 0, shortsleep = 0;
	for (i = 0; i < maxiter; i++) {
		struct timespec ts = { 0, 50 * 1000 * 1000 }, rem = { 0, 0 };
		if (syscall(SYS_nanosleep, &ts, &rem) != 0) {
			if (errno == EINTR)
				eintr++;
			if (rem.tv_nsec || rem.tv_sec)
				shortsleep++;
		}
		syscall(SYS_getppid);
		int n = snprintf(buf, sizeof buf, "%ld\n", i + 1);
		if (pwrite(cfd, buf, n, 0) != n)
			return 4;
		if (access(stop, F_OK) == 0) {
			i++;
			break;
		}
	}
	close(cfd);
	int dfd = open(done, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (dfd < 0)
		return 5;
	int n = snprintf(buf, sizeof buf, "done iterations=%ld eintr=%ld short=%ld\n", i, eintr, shortsleep);
	if (write(dfd, buf, n) != n)
		return 6;
	close(dfd);
	return code;
}

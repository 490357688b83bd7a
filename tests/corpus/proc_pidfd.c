/* pidfd_open/pidfd_send_signal/pidfd_getfd; a child killed by SIGTERM
 * while in rt_sigsuspend (signal pending before the call: deterministic) */
#include "corpus.h"
#include <sys/wait.h>

int main(void)
{
	corpus_block_sigchld();
	int p[2], q[2]; /* p: child->parent, q: parent->child */
	S(SYS_pipe2, p, O_CLOEXEC);
	S(SYS_pipe2, q, O_CLOEXEC);
	pid_t c = fork();
	if (c == 0) {
		sigset_t blk, empty;
		sigemptyset(&blk);
		sigaddset(&blk, SIGTERM);
		sigemptyset(&empty);
		S(SYS_rt_sigprocmask, SIG_BLOCK, &blk, NULL, 8);
		WLIT(p[1], "r");
		char b;
		S(SYS_read, q[0], &b, 1); /* wait for "go": SIGTERM already pending */
		S(SYS_rt_sigsuspend, &empty, 8);
		_exit(1);
	}
	char b;
	S(SYS_read, p[0], &b, 1);
	int pfd = S(SYS_pidfd_open, c, 0);
	S(SYS_pidfd_send_signal, pfd, SIGTERM, NULL, 0);
	int dup = S(SYS_pidfd_getfd, pfd, p[1], 0);
	S(SYS_close, dup);
	WLIT(q[1], "g");
	siginfo_t si;
	S(SYS_waitid, P_PIDFD, pfd, &si, WEXITED, NULL);
	S(SYS_pidfd_send_signal, pfd, SIGTERM, NULL, 0); /* ESRCH */
	S(SYS_close, pfd);
	S(SYS_pidfd_open, 0, 0);          /* EINVAL */
	S(SYS_pidfd_open, S(SYS_getpid), 0x1); /* EINVAL */
	return 0;
}

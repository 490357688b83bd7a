/* raw clone/clone3 as fork, CLONE_PIDFD, CLONE_PARENT_SETTID, waitid(P_PIDFD) */
#include "corpus.h"
#include <linux/sched.h>
#include <sys/wait.h>

int main(void)
{
	corpus_block_sigchld();
	long c = S(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);
	if (c == 0) {
		WLIT(1, "clone child\n");
		S(SYS_exit_group, 4);
	}
	corpus_wait(c);
	int ptid = 0;
	c = S(SYS_clone, CLONE_PARENT_SETTID | SIGCHLD, 0, &ptid, NULL, 0);
	if (c == 0)
		S(SYS_exit_group, 0);
	corpus_wait(c);

	struct clone_args ca;
	memset(&ca, 0, sizeof ca);
	ca.exit_signal = SIGCHLD;
	c = S(SYS_clone3, &ca, sizeof ca);
	if (c == 0) {
		WLIT(1, "clone3 child\n");
		S(SYS_exit_group, 5);
	}
	corpus_wait(c);

	int pidfd = -1;
	memset(&ca, 0, sizeof ca);
	ca.flags = CLONE_PIDFD;
	ca.pidfd = (uintptr_t)&pidfd;
	ca.exit_signal = SIGCHLD;
	c = S(SYS_clone3, &ca, sizeof ca);
	if (c == 0)
		S(SYS_exit_group, 6);
	siginfo_t si;
	S(SYS_waitid, P_PIDFD, pidfd, &si, WEXITED, NULL);
	S(SYS_close, pidfd);

	memset(&ca, 0, sizeof ca);
	ca.flags = CLONE_THREAD; /* EINVAL without CLONE_SIGHAND|CLONE_VM */
	S(SYS_clone3, &ca, sizeof ca);
	S(SYS_clone3, &ca, 8); /* EINVAL: too small */
	S(SYS_clone3, NULL, sizeof ca); /* EFAULT */
	return 0;
}

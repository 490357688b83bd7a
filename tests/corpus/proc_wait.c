/* waitid variants and WNOWAIT, wait4 with rusage NULL, ECHILD */
#include "corpus.h"
#include <sys/wait.h>

int main(void)
{
	corpus_block_sigchld();
	siginfo_t si;
	pid_t c = fork();
	if (c == 0)
		_exit(11);
	S(SYS_waitid, P_PID, c, &si, WEXITED | WNOWAIT, NULL);
	S(SYS_waitid, P_PID, c, &si, WEXITED, NULL);
	c = fork();
	if (c == 0)
		_exit(12);
	S(SYS_waitid, P_ALL, 0, &si, WEXITED, NULL);
	S(SYS_waitid, P_ALL, 0, &si, WEXITED | WNOHANG, NULL); /* ECHILD */
	S(SYS_waitid, P_PID, 1, &si, WEXITED, NULL);           /* ECHILD */
	S(SYS_waitid, 99, 0, &si, WEXITED, NULL);              /* EINVAL */
	S(SYS_wait4, 1, NULL, 0, NULL);                        /* ECHILD */
	return 0;
}

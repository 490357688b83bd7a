/* fork + wait4: exit codes, death by SIGKILL/SIGSEGV/SIGTERM, ECHILD */
#include "corpus.h"
#include <sys/resource.h>
#include <sys/wait.h>

int main(void)
{
	corpus_block_sigchld();
	struct rlimit rl = { 0, 0 };
	S(SYS_setrlimit, RLIMIT_CORE, &rl); /* deterministic "no core dumped" */
	int st;
	pid_t c = fork();
	if (c == 0) {
		WLIT(1, "child exits 7\n");
		_exit(7);
	}
	S(SYS_wait4, c, &st, 0, NULL);
	c = fork();
	if (c == 0)
		_exit(0);
	S(SYS_wait4, -1, &st, 0, NULL);
	c = fork();
	if (c == 0) {
		S(SYS_kill, S(SYS_getpid), SIGKILL);
		_exit(1);
	}
	S(SYS_wait4, c, &st, __WALL, NULL);
	c = fork();
	if (c == 0) {
		*(volatile int *)0 = 0;
		_exit(1);
	}
	S(SYS_wait4, c, &st, 0, NULL);
	c = fork();
	if (c == 0) {
		S(SYS_kill, S(SYS_getpid), SIGTERM);
		_exit(1);
	}
	S(SYS_wait4, c, &st, 0, NULL);
	S(SYS_wait4, -1, &st, WNOHANG, NULL); /* ECHILD */
	S(SYS_wait4, -1, NULL, 0x1234, NULL);  /* EINVAL */
	return 0;
}

/* vfork + _exit, vfork + execve */
#include "corpus.h"

int main(void)
{
	corpus_block_sigchld();
	pid_t c = vfork();
	if (c == 0)
		_exit(3);
	corpus_wait(c);
	c = vfork();
	if (c == 0) {
		char *argv[] = { "true", "from-vfork", NULL };
		char *envp[] = { "CORPUS=1", NULL };
		execve("/bin/true", argv, envp);
		_exit(127);
	}
	corpus_wait(c);
	c = vfork();
	if (c == 0) {
		char *argv[] = { "nothing", NULL };
		execve("/nonexistent/prog", argv, argv + 1);
		_exit(5);
	}
	corpus_wait(c);
	return 0;
}

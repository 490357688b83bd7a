/* SIGCHLD with a handler, delivered deterministically at unblock time */
#include "corpus.h"

static void h(int sig) { (void)sig; WLIT(1, "chld\n"); }

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, NULL);
	corpus_block_sigchld();
	pid_t c = fork();
	if (c == 0) {
		WLIT(1, "child\n");
		_exit(3);
	}
	corpus_wait(c);
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGCHLD);
	S(SYS_rt_sigprocmask, SIG_UNBLOCK, &s, NULL, 8);
	WLIT(1, "done\n");
	return 0;
}

/* signals that are delivered to handlers: kill/tgkill/tkill, SA_SIGINFO,
 * SA_ONSTACK, rt_sigreturn, rt_sigsuspend interrupted by a pending signal */
#include "corpus.h"
#include <sys/time.h>

static void h(int sig)
{
	WLIT(1, "handler\n");
	(void)sig;
}
static void hi(int sig, siginfo_t *si, void *uc)
{
	char c = '0' + (sig % 10);
	syscall(SYS_write, 1, &c, 1);
	(void)si; (void)uc;
}

int main(void)
{
	pid_t me = S(SYS_getpid);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sigaction(SIGUSR1, &sa, NULL);
	S(SYS_kill, me, SIGUSR1);
	sa.sa_sigaction = hi;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR2, &sa, NULL);
	S(SYS_tgkill, me, S(SYS_gettid), SIGUSR2);
	S(SYS_tkill, S(SYS_gettid), SIGUSR2);
	S(SYS_kill, me, 0);
	S(SYS_kill, me, 12345); /* EINVAL */

	static char stk[65536];
	stack_t ss = { .ss_sp = stk, .ss_size = sizeof stk };
	S(SYS_sigaltstack, &ss, NULL);
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaction(SIGWINCH, &sa, NULL);
	S(SYS_kill, me, SIGWINCH);

	/* a signal pending while blocked, delivered inside rt_sigsuspend */
	sigset_t blk, empty;
	sigemptyset(&blk);
	sigaddset(&blk, SIGALRM);
	sigemptyset(&empty);
	sa.sa_handler = h;
	sa.sa_flags = 0;
	sigaction(SIGALRM, &sa, NULL);
	S(SYS_rt_sigprocmask, SIG_BLOCK, &blk, NULL, 8);
	struct itimerval it = { { 0, 0 }, { 0, 1000 } };
	S(SYS_setitimer, ITIMER_REAL, &it, NULL);
	S(SYS_rt_sigsuspend, &empty, 8);

	/* SA_RESTART vs not: pending signal interrupts a blocking read? Use a
	 * queued signal delivered at unblock time instead (deterministic). */
	S(SYS_kill, me, SIGALRM);
	S(SYS_rt_sigprocmask, SIG_UNBLOCK, &blk, NULL, 8);

	/* real-time signals queued while blocked arrive in order */
	sigemptyset(&blk);
	sigaddset(&blk, SIGRTMIN + 2);
	sigaddset(&blk, SIGRTMIN + 1);
	sa.sa_sigaction = hi;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGRTMIN + 1, &sa, NULL);
	sigaction(SIGRTMIN + 2, &sa, NULL);
	S(SYS_rt_sigprocmask, SIG_BLOCK, &blk, NULL, 8);
	S(SYS_kill, me, SIGRTMIN + 2);
	S(SYS_kill, me, SIGRTMIN + 1);
	S(SYS_kill, me, SIGRTMIN + 2);
	S(SYS_rt_sigprocmask, SIG_UNBLOCK, &blk, NULL, 8);
	return 0;
}

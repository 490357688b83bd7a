/* rt_sigaction (install/query, many flags)/rt_sigprocmask/rt_sigpending/sigaltstack */
#include "corpus.h"

static void h(int sig) { (void)sig; }
static void hi(int sig, siginfo_t *si, void *uc) { (void)sig; (void)si; (void)uc; }

int main(void)
{
	struct sigaction sa, old;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaddset(&sa.sa_mask, SIGRTMIN + 3);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR1, NULL, &old);
	sa.sa_sigaction = hi;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER | SA_RESETHAND | SA_ONSTACK;
	sigfillset(&sa.sa_mask);
	sigaction(SIGUSR2, &sa, &old);
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = 0;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, &old);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGHUP, &sa, &old);
	sigaction(SIGKILL, &sa, NULL); /* EINVAL */
	sigaction(SIGRTMAX, &sa, &old);
	S(SYS_rt_sigaction, 64, NULL, NULL, 8);
	S(SYS_rt_sigaction, SIGUSR1, NULL, &old, 4); /* EINVAL sigsetsize */

	sigset_t set, oset;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGALRM);
	S(SYS_rt_sigprocmask, SIG_BLOCK, &set, &oset, 8);
	S(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &oset, 8);
	sigfillset(&set);
	S(SYS_rt_sigprocmask, SIG_SETMASK, &set, &oset, 8);
	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	S(SYS_rt_sigprocmask, SIG_UNBLOCK, &set, NULL, 8);
	S(SYS_rt_sigprocmask, 7, &set, NULL, 8); /* EINVAL */
	S(SYS_rt_sigpending, &set, 8);
	sigemptyset(&set);
	S(SYS_rt_sigprocmask, SIG_SETMASK, &set, NULL, 8);

	static char stk[16384];
	stack_t ss = { .ss_sp = stk, .ss_size = sizeof stk, .ss_flags = 0 }, os;
	S(SYS_sigaltstack, &ss, &os);
	S(SYS_sigaltstack, NULL, &os);
	ss.ss_flags = SS_DISABLE;
	S(SYS_sigaltstack, &ss, NULL);
	ss.ss_flags = 0;
	ss.ss_size = 16;
	S(SYS_sigaltstack, &ss, NULL); /* ENOMEM */
	return 0;
}

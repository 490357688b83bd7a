/* handlers with masks and SA_RESTART, rt_sigreturn masks, pause, rt_sigsuspend,
 * sigaltstack on-stack delivery, kill/tkill errors, rt_sigtimedwait timeout */
#include "corpus.h"
#include <sys/time.h>

static volatile int got;
static void h(int sig) { got = sig; }

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGTERM);
	sigaddset(&sa.sa_mask, SIGRTMIN + 10);
	sa.sa_flags = SA_ONSTACK;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	static char stk[65536];
	stack_t ss = { .ss_sp = stk, .ss_size = sizeof stk, .ss_flags = 0 };
	S(SYS_sigaltstack, &ss, NULL);
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	S(SYS_rt_sigprocmask, SIG_BLOCK, &set, &old, 8);
	S(SYS_kill, S(SYS_getpid), SIGUSR1);
	sigset_t wait;
	sigfillset(&wait);
	sigdelset(&wait, SIGUSR1);
	S(SYS_rt_sigsuspend, &wait, 8);
	struct itimerval it = { { 0, 0 }, { 0, 10000 } };
	S(SYS_setitimer, ITIMER_REAL, &it, NULL);
	S(SYS_pause);
	S(SYS_kill, 999999, 0);                  /* ESRCH */
	S(SYS_kill, S(SYS_getpid), 99);          /* EINVAL */
	S(SYS_tkill, S(SYS_gettid), 0);
	S(SYS_tgkill, -1, S(SYS_gettid), SIGUSR1);  /* EINVAL */
	struct timespec ts = { 0, 1000000 };
	siginfo_t si;
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	S(SYS_rt_sigtimedwait, &set, &si, &ts, 8);   /* EAGAIN */
	S(SYS_rt_sigtimedwait, &set, &si, &ts, 4);   /* EINVAL */
	S(SYS_rt_sigprocmask, SIG_SETMASK, &old, NULL, 8);
	S(SYS_rt_sigprocmask, SIG_SETMASK, NULL, &old, 8);
	S(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4);  /* EINVAL */
	S(SYS_rt_sigpending, &set, 4);
	S(SYS_rt_sigaction, SIGUSR2, NULL, &sa, 8);
	return 0;
}

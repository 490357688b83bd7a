/* signalfd/rt_sigqueueinfo/rt_tgsigqueueinfo/rt_sigtimedwait with fixed siginfo */
#include "corpus.h"
#include <sys/signalfd.h>

int main(void)
{
	pid_t me = S(SYS_getpid);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGRTMIN + 4);
	S(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8);
	int sfd = S(SYS_signalfd4, -1, &set, 8, SFD_CLOEXEC | SFD_NONBLOCK);

	siginfo_t si;
	memset(&si, 0, sizeof si);
	si.si_signo = SIGUSR1;
	si.si_code = SI_QUEUE;
	si.si_pid = 4242; /* fixed: signalling oneself allows any sender */
	si.si_uid = 77;
	si.si_value.sival_int = 1234;
	S(SYS_rt_sigqueueinfo, me, SIGUSR1, &si);
	struct signalfd_siginfo ssi;
	S(SYS_read, sfd, &ssi, sizeof ssi);
	S(SYS_read, sfd, &ssi, sizeof ssi); /* EAGAIN */

	si.si_signo = SIGRTMIN + 4;
	si.si_value.sival_int = 99;
	S(SYS_rt_tgsigqueueinfo, me, S(SYS_gettid), SIGRTMIN + 4, &si);
	si.si_value.sival_int = 100;
	S(SYS_rt_sigqueueinfo, me, SIGRTMIN + 4, &si);
	siginfo_t out;
	struct timespec ts = { 0, 0 };
	S(SYS_rt_sigtimedwait, &set, &out, &ts, 8);
	S(SYS_rt_sigtimedwait, &set, &out, &ts, 8);
	S(SYS_rt_sigtimedwait, &set, &out, &ts, 8); /* EAGAIN */
	S(SYS_rt_sigtimedwait, &set, NULL, &ts, 8);

	si.si_code = SI_USER; /* allowed to oneself */
	S(SYS_rt_sigqueueinfo, me, SIGUSR1, &si);
	S(SYS_rt_sigtimedwait, &set, NULL, NULL, 8);
	int sfd2 = S(SYS_signalfd, sfd, &set, 8);
	S(SYS_signalfd4, -1, &set, 8, 0x1); /* EINVAL */
	S(SYS_close, sfd2);
	return 0;
}

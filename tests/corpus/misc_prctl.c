/* prctl and arch_prctl */
#include "corpus.h"
#include <sys/prctl.h>
#include <asm/prctl.h>
#include <linux/capability.h>

int main(void)
{
	char name[16];
	S(SYS_prctl, PR_SET_NAME, "corpus-prctl", 0, 0, 0);
	S(SYS_prctl, PR_GET_NAME, name, 0, 0, 0);
	S(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
	S(SYS_prctl, PR_SET_DUMPABLE, 1, 0, 0, 0);
	int sig = 0;
	S(SYS_prctl, PR_SET_PDEATHSIG, SIGHUP, 0, 0, 0);
	S(SYS_prctl, PR_GET_PDEATHSIG, &sig, 0, 0, 0);
	S(SYS_prctl, PR_SET_PDEATHSIG, 0, 0, 0, 0);
	S(SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	S(SYS_prctl, PR_CAPBSET_READ, CAP_SYS_ADMIN, 0, 0, 0);
	S(SYS_prctl, PR_GET_TIMERSLACK, 0, 0, 0, 0);
	int sub = 0;
	S(SYS_prctl, PR_GET_CHILD_SUBREAPER, &sub, 0, 0, 0);
	S(SYS_prctl, PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
	S(SYS_prctl, PR_GET_KEEPCAPS, 0, 0, 0, 0);
	S(SYS_prctl, PR_GET_SECCOMP, 0, 0, 0, 0);
	S(SYS_prctl, PR_GET_THP_DISABLE, 0, 0, 0, 0);
	S(SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0);
	S(SYS_prctl, 0x7fff0000, 1, 2, 3, 4); /* EINVAL */
	unsigned long fs = 0;
	S(SYS_arch_prctl, ARCH_GET_FS, &fs);
	S(SYS_arch_prctl, ARCH_GET_CPUID, 0);
	S(SYS_arch_prctl, 0x9999, 0); /* EINVAL */
	return 0;
}

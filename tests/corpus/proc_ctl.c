/* prctl variants, arch_prctl, seccomp queries, ptrace on a child, kcmp,
 * unshare/setns errors */
#include "corpus.h"
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <stddef.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <asm/prctl.h>
#include <linux/seccomp.h>
#include <linux/kcmp.h>
#include <sched.h>

int main(void)
{
	corpus_block_sigchld();
	char name[32];
	S(SYS_prctl, PR_SET_NAME, "exactly15chars_", 0, 0, 0);
	S(SYS_prctl, PR_GET_NAME, name, 0, 0, 0);
	S(SYS_prctl, PR_SET_NAME, "a-much-longer-name-than-16", 0, 0, 0);
	S(SYS_prctl, PR_GET_NAME, name, 0, 0, 0);
	S(SYS_prctl, PR_SET_NAME, "short", 0, 0, 0);
	S(SYS_prctl, PR_GET_NAME, NULL, 0, 0, 0);        /* EFAULT */
	S(SYS_prctl, PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0);  /* EINVAL: must be 1 */
	S(SYS_prctl, PR_GET_SECUREBITS, 0, 0, 0, 0);
	S(SYS_prctl, PR_GET_TSC, &name, 0, 0, 0);
	S(SYS_prctl, PR_GET_FP_MODE, 0, 0, 0, 0);
	S(SYS_prctl, PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0, 0, 0);
	S(SYS_prctl, PR_GET_SPECULATION_CTRL, PR_SPEC_INDIRECT_BRANCH, 0, 0, 0);
	S(SYS_prctl, PR_MCE_KILL_GET, 0, 0, 0, 0);
	S(SYS_prctl, PR_SET_PTRACER, -1, 0, 0, 0);
	S(SYS_prctl, PR_SET_PTRACER, 0, 0, 0, 0);
	S(SYS_prctl, PR_SET_TIMERSLACK, 50000, 0, 0, 0);
	S(SYS_prctl, PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0x10000, 4096, "vma-name");
	unsigned long tidp;
	S(SYS_prctl, PR_GET_TID_ADDRESS, &tidp, 0, 0, 0);
	S(SYS_prctl, PR_SET_MM, PR_SET_MM_BRK, 0, 0, 0);  /* EINVAL/EPERM */
	S(SYS_prctl, PR_TASK_PERF_EVENTS_ENABLE, 0, 0, 0, 0);
	S(SYS_prctl, PR_SET_SECCOMP, 99, 0, 0, 0);     /* EINVAL */
	S(SYS_prctl, PR_CAPBSET_READ, 99, 0, 0, 0);    /* EINVAL */
	S(SYS_prctl, PR_SET_PDEATHSIG, 200, 0, 0, 0);  /* EINVAL */
	unsigned long long xc;
	S(SYS_arch_prctl, ARCH_GET_XCOMP_SUPP, &xc);
	S(SYS_arch_prctl, ARCH_GET_XCOMP_PERM, &xc);
	S(SYS_arch_prctl, ARCH_REQ_XCOMP_PERM, 18);
	S(SYS_arch_prctl, ARCH_GET_GS, NULL);          /* EFAULT */
	S(SYS_arch_prctl, 0x3001, &xc);                /* ARCH_CET_STATUS: EINVAL */
	unsigned act = SECCOMP_RET_LOG;
	S(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &act);
	act = 0x12345;
	S(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &act); /* EOPNOTSUPP */
	struct seccomp_notif_sizes sz;
	S(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sz);
	S(SYS_seccomp, 9, 0, NULL);                    /* EINVAL */
	S(SYS_unshare, 0);
	S(SYS_unshare, 0x80);                          /* EINVAL */
	S(SYS_setns, 99, CLONE_NEWNET);                /* EBADF */
	pid_t me = S(SYS_getpid);
	S(SYS_kcmp, me, me, KCMP_FILE, 1, 1);
	S(SYS_kcmp, me, me, KCMP_VM, 0, 0);
	S(SYS_kcmp, me, me, 42, 5, 6);                 /* EINVAL */
	/* a reaped child: every request fails with ESRCH */
	pid_t pid = fork();
	if (pid == 0)
		_exit(7);
	int st;
	S(SYS_wait4, pid, &st, 0, NULL);
	long word;
	S(SYS_ptrace, PTRACE_PEEKUSER, pid, offsetof(struct user, regs.orig_rax), &word);
	S(SYS_ptrace, PTRACE_PEEKUSER, pid, offsetof(struct user, regs.fs_base), &word);
	S(SYS_ptrace, PTRACE_POKEUSER, pid, offsetof(struct user, u_debugreg) + 8, 0);
	S(SYS_ptrace, PTRACE_PEEKUSER, pid, 4096, &word);
	S(SYS_ptrace, PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL);
	unsigned long msg;
	S(SYS_ptrace, PTRACE_GETEVENTMSG, pid, 0, &msg);
	siginfo_t si;
	S(SYS_ptrace, PTRACE_GETSIGINFO, pid, 0, &si);
	S(SYS_ptrace, PTRACE_PEEKDATA, pid, 0, &word);
	S(SYS_ptrace, PTRACE_CONT, pid, 0, SIGCONT);
	S(SYS_ptrace, PTRACE_SYSCALL, pid, 0, 0);
	S(SYS_ptrace, PTRACE_GETREGSET, pid, 1, &si);
	S(SYS_ptrace, PTRACE_INTERRUPT, pid, 0, 0);
	S(SYS_ptrace, 0x4321, pid, 1, 2);
	S(SYS_ptrace, PTRACE_ATTACH, 999999, 0, 0);    /* ESRCH */
	return 0;
}

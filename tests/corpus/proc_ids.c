/* process/user/group ids, sessions, capabilities */
#include "corpus.h"
#include <linux/capability.h>
#include <sys/resource.h>

int main(void)
{
	/* own session first: then getpgrp/getsid return our own (normalised) pid
	 * instead of the harness's */
	S(SYS_setsid);
	S(SYS_getpid);
	S(SYS_gettid);
	S(SYS_getppid);
	S(SYS_getpgrp);
	S(SYS_getpgid, 0);
	S(SYS_getsid, 0);
	S(SYS_setpgid, 0, 0); /* EPERM: session leader */
	S(SYS_getpgid, 999999); /* ESRCH */
	S(SYS_getuid);
	S(SYS_geteuid);
	S(SYS_getgid);
	S(SYS_getegid);
	uid_t r, e, s;
	S(SYS_getresuid, &r, &e, &s);
	S(SYS_getresgid, &r, &e, &s);
	gid_t groups[64];
	int n = S(SYS_getgroups, 0, NULL);
	S(SYS_getgroups, 64, groups);
	S(SYS_setgroups, n, groups);
	S(SYS_setuid, S(SYS_getuid));
	S(SYS_setgid, S(SYS_getgid));
	S(SYS_setreuid, -1, -1);
	S(SYS_setregid, -1, -1);
	S(SYS_setresuid, -1, -1, -1);
	S(SYS_setresgid, -1, -1, -1);
	S(SYS_setfsuid, -1);
	S(SYS_setfsgid, -1);
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	S(SYS_capget, &h, d);
	S(SYS_capset, &h, d);
	h.version = 0x12345678;
	S(SYS_capget, &h, d); /* EINVAL, version written back */
	S(SYS_getpriority, PRIO_PROCESS, 0);
	S(SYS_setpriority, PRIO_PROCESS, 0, 0);
	return 0;
}

/* Rarely used system calls, on their error paths only (nothing here may
 * change the machine): syslog, hostnames, reboot, modules, I/O ports, LDT,
 * kexec, userfaultfd, landlock, obsolete calls. */
#include "corpus.h"
#include <linux/landlock.h>
#include <linux/reboot.h>

int main(void)
{
	char buf[128];
	memset(buf, 'h', sizeof buf);
	S(SYS_syslog, 10, NULL, 0);            /* SYSLOG_ACTION_SIZE_BUFFER */
	S(SYS_syslog, 8, NULL, 20);            /* CONSOLE_LEVEL: EINVAL */
	S(SYS_syslog, 99, buf, 5);             /* EINVAL */
	S(SYS_syslog, 3, NULL, -1);            /* READ_ALL: EINVAL */
	S(SYS_sethostname, buf, 100);          /* EINVAL */
	S(SYS_sethostname, NULL, 5);           /* EFAULT */
	S(SYS_setdomainname, buf, 65);         /* EINVAL */
	S(SYS_reboot, 0xdead, 0, 0, NULL);     /* EINVAL: bad magic */
	S(SYS_reboot, LINUX_REBOOT_MAGIC1, 0xbad, LINUX_REBOOT_CMD_RESTART2, "now"); /* EINVAL */
	S(SYS_init_module, NULL, 0, "");
	S(SYS_finit_module, -1, "opt=1", 0);   /* EBADF */
	S(SYS_finit_module, -1, "", 0x80);     /* EINVAL */
	S(SYS_delete_module, "syscope_no_such_module", O_NONBLOCK);
	S(SYS_iopl, 5);
	S(SYS_ioperm, 0x10000, 1, 1);          /* EINVAL */
	struct { unsigned e, base, limit, bits; } desc = { 9000, 0x1000, 0xfff, 0x51 };
	S(SYS_modify_ldt, 1, &desc, 15);       /* EINVAL: size */
	S(SYS_modify_ldt, 1, &desc, 16);       /* EINVAL: entry */
	S(SYS_modify_ldt, 0, buf, 16);         /* read: 0 */
	S(SYS_modify_ldt, 7, buf, 16);         /* ENOSYS */
	struct { unsigned e, base, limit, bits; } tls = { 12, 0, 0, 0 };
	S(SYS_get_thread_area, &tls);          /* an unused GDT TLS slot: zeros */
	tls.e = 5;
	S(SYS_get_thread_area, &tls);          /* EINVAL */
	S(SYS_set_thread_area, &tls);          /* EINVAL */
	S(SYS_get_thread_area, NULL);          /* EFAULT */
	unsigned long segs[8] = { 0x1000, 10, 0x200000, 4096, 0, 0, 0x300000, 8192 };
	S(SYS_kexec_load, 0x100000, 2, segs, (62UL << 16) | 0x100);   /* EINVAL / EPERM */
	S(SYS_kexec_file_load, -1, -1, 4, "ro a", 0x100);             /* EINVAL / EPERM */
	int u = S(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	S(SYS_close, u);
	S(SYS_userfaultfd, 0x10);              /* EINVAL */
	S(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
	struct landlock_ruleset_attr ra = { .handled_access_fs = LANDLOCK_ACCESS_FS_READ_FILE |
						  LANDLOCK_ACCESS_FS_WRITE_FILE };
	int rs = S(SYS_landlock_create_ruleset, &ra, 8, 0);
	int root = S(SYS_openat, AT_FDCWD, "/", O_PATH | O_CLOEXEC);
	struct landlock_path_beneath_attr pb = { .allowed_access = LANDLOCK_ACCESS_FS_READ_FILE,
						 .parent_fd = root };
	S(SYS_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
	S(SYS_landlock_add_rule, rs, 7, &pb, 0);    /* EINVAL */
	S(SYS_landlock_restrict_self, -1, 0);       /* EBADF */
	S(SYS_close, root);
	S(SYS_close, rs);
	S(SYS_landlock_create_ruleset, &ra, 4, 0);  /* EINVAL */
	S(SYS_lookup_dcookie, 1, buf, 10);
	S(SYS_uselib, "/nonexistent/lib.so");
	S(SYS__sysctl, NULL);
	S(SYS_ustat, 0x801, NULL);
	S(SYS_sysfs, 2, 0, buf);
	S(SYS_nfsservctl, 1, 2, 3);
	S(SYS_afs_syscall, 1, 2, 3, 4, 5);
	S(SYS_create_module, "x", 1);
	return 0;
}

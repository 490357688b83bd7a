/* common errno values and unknown syscall numbers */
#include "corpus.h"
#include <sys/resource.h>

int main(void)
{
	char buf[16];
	S(SYS_openat, AT_FDCWD, "does/not/exist", O_RDONLY);      /* ENOENT */
	S(SYS_close, 999);                                        /* EBADF */
	S(SYS_read, -1, buf, 1);                                  /* EBADF */
	S(SYS_fstat, 1000, buf);                                  /* EBADF */
	S(SYS_lseek, 0, 0, 99);                                   /* EINVAL */
	int p[2];
	S(SYS_pipe, p);
	S(SYS_lseek, p[0], 0, SEEK_SET);                          /* ESPIPE */
	int fd = S(SYS_openat, AT_FDCWD, "e.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	S(SYS_openat, AT_FDCWD, "e.txt/sub", O_RDONLY);           /* ENOTDIR */
	S(SYS_openat, AT_FDCWD, "e.txt", O_RDWR | O_CREAT | O_EXCL, 0644); /* EEXIST */
	S(SYS_openat, AT_FDCWD, ".", O_WRONLY);                   /* EISDIR */
	S(SYS_read, p[1], buf, 1);                                /* EBADF (write end) */
	S(SYS_write, p[0], "x", 1);                               /* EBADF */
	S(SYS_symlink, "loop1", "loop2");
	S(SYS_symlink, "loop2", "loop1");
	S(SYS_openat, AT_FDCWD, "loop1", O_RDONLY);               /* ELOOP */
	S(SYS_unlink, "loop1");
	S(SYS_unlink, "loop2");
	char longname[300];
	memset(longname, 'n', sizeof longname - 1);
	longname[sizeof longname - 1] = 0;
	S(SYS_openat, AT_FDCWD, longname, O_RDONLY);              /* ENAMETOOLONG */
	struct rlimit rl = { 5, 5 };
	S(SYS_setrlimit, RLIMIT_NOFILE, &rl);
	S(SYS_dup, 0);
	S(SYS_dup, 0);                                            /* EMFILE */
	S(SYS_kill, 999999, 0);                                   /* ESRCH */
	S(SYS_mkdir, "/proc/corpus-nope", 0755);                  /* ENOENT or EACCES */
	S(SYS_close, fd);
	S(SYS_unlink, "e.txt");
	S(400, 1, 2, 3, 4, 5, 6);                                 /* unknown syscall */
	S(0xbad, 0x10, 0x20, 0x30, 0, 0, 0);                      /* unknown syscall */
	S(SYS_uselib, "x");                                       /* ENOSYS */
	S(SYS_nfsservctl, 1, 2, 3);                               /* ENOSYS */
	return 0;
}

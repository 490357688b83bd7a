/* mkdir/mkdirat/chdir/fchdir/getcwd/rmdir */
#include "corpus.h"

int main(void)
{
	char buf[4096];
	S(SYS_mkdir, "d1", 0755);
	S(SYS_mkdir, "d1", 0755); /* EEXIST */
	S(SYS_mkdirat, AT_FDCWD, "d1/sub", 0700);
	S(SYS_mkdir, "nope/deeper", 0755); /* ENOENT */
	int top = S(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY);
	S(SYS_chdir, "d1");
	S(SYS_getcwd, buf, sizeof buf);
	S(SYS_chdir, "sub");
	S(SYS_getcwd, buf, sizeof buf);
	S(SYS_getcwd, buf, 3); /* ERANGE */
	S(SYS_fchdir, top);
	S(SYS_getcwd, buf, sizeof buf);
	S(SYS_chdir, "missing");
	S(SYS_rmdir, "d1"); /* ENOTEMPTY */
	S(SYS_rmdir, "d1/sub");
	S(SYS_rmdir, "d1");
	S(SYS_rmdir, "d1"); /* ENOENT */
	int fd = S(SYS_openat, AT_FDCWD, "file-not-dir", O_RDWR | O_CREAT, 0644);
	S(SYS_chdir, "file-not-dir"); /* ENOTDIR */
	S(SYS_fchdir, fd);            /* ENOTDIR */
	S(SYS_close, fd);
	S(SYS_unlink, "file-not-dir");
	S(SYS_close, top);
	return 0;
}

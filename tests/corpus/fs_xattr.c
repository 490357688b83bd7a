/* setxattr/getxattr/listxattr/removexattr (+ l*, f* variants) */
#include "corpus.h"
#include <sys/xattr.h>

int main(void)
{
	char buf[128];
	int fd = S(SYS_openat, AT_FDCWD, "xa.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	S(SYS_symlink, "xa.txt", "xa.lnk");
	S(SYS_setxattr, "xa.txt", "user.corpus", "value-1", 7, 0);
	S(SYS_setxattr, "xa.txt", "user.corpus", "v", 1, XATTR_CREATE); /* EEXIST */
	S(SYS_setxattr, "xa.txt", "user.bin", "\0\1\2\377", 4, XATTR_CREATE);
	S(SYS_getxattr, "xa.txt", "user.corpus", buf, sizeof buf);
	S(SYS_getxattr, "xa.txt", "user.corpus", NULL, 0);
	S(SYS_getxattr, "xa.txt", "user.corpus", buf, 2); /* ERANGE */
	S(SYS_getxattr, "xa.txt", "user.none", buf, sizeof buf); /* ENODATA */
	S(SYS_listxattr, "xa.txt", buf, sizeof buf);
	S(SYS_listxattr, "xa.txt", NULL, 0);
	S(SYS_llistxattr, "xa.lnk", buf, sizeof buf);
	S(SYS_lsetxattr, "xa.lnk", "user.x", "1", 1, 0); /* EPERM */
	S(SYS_lgetxattr, "xa.lnk", "user.corpus", buf, sizeof buf);
	S(SYS_fsetxattr, fd, "user.f", "fval", 4, XATTR_REPLACE); /* ENODATA */
	S(SYS_fsetxattr, fd, "user.f", "fval", 4, 0);
	S(SYS_fgetxattr, fd, "user.f", buf, sizeof buf);
	S(SYS_flistxattr, fd, buf, sizeof buf);
	S(SYS_removexattr, "xa.txt", "user.corpus");
	S(SYS_lremovexattr, "xa.lnk", "user.corpus");
	S(SYS_fremovexattr, fd, "user.f");
	S(SYS_fremovexattr, fd, "user.bin");
	S(SYS_setxattr, "xa.txt", "bogus.ns", "x", 1, 0); /* EOPNOTSUPP */
	S(SYS_close, fd);
	S(SYS_unlink, "xa.lnk");
	S(SYS_unlink, "xa.txt");
	return 0;
}

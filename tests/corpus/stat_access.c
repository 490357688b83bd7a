/* access/faccessat/faccessat2/readlink/readlinkat */
#include "corpus.h"

int main(void)
{
	char buf[64];
	int fd = S(SYS_openat, AT_FDCWD, "acc.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
	S(SYS_close, fd);
	S(SYS_symlink, "acc.txt", "acc.lnk");
	S(SYS_symlink, "a/very/long/target/that/does/not/exist/anywhere", "dangling.lnk");
	S(SYS_access, "acc.txt", F_OK);
	S(SYS_access, "acc.txt", R_OK | W_OK);
	S(SYS_access, "acc.txt", X_OK);
	S(SYS_access, "missing", R_OK);
	S(SYS_access, "acc.txt", 0x10); /* EINVAL */
	S(SYS_faccessat, AT_FDCWD, "acc.txt", W_OK);
	S(SYS_faccessat2, AT_FDCWD, "acc.lnk", R_OK, AT_SYMLINK_NOFOLLOW);
	S(SYS_faccessat2, AT_FDCWD, "acc.txt", R_OK | W_OK | X_OK, AT_EACCESS);
	S(SYS_faccessat2, AT_FDCWD, "acc.txt", F_OK, 0x1);
	S(SYS_readlink, "acc.lnk", buf, sizeof buf);
	S(SYS_readlink, "dangling.lnk", buf, sizeof buf);
	S(SYS_readlink, "dangling.lnk", buf, 5); /* truncated result */
	S(SYS_readlink, "acc.txt", buf, sizeof buf); /* EINVAL */
	S(SYS_readlinkat, AT_FDCWD, "acc.lnk", buf, sizeof buf);
	int d = S(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY);
	S(SYS_readlinkat, d, "dangling.lnk", buf, sizeof buf);
	S(SYS_readlinkat, d, "missing", buf, sizeof buf);
	S(SYS_close, d);
	S(SYS_unlink, "acc.lnk");
	S(SYS_unlink, "dangling.lnk");
	S(SYS_unlink, "acc.txt");
	return 0;
}

/* getdents64/getdents on a directory with known entries */
#include "corpus.h"

int main(void)
{
	char buf[4096];
	S(SYS_mkdir, "gd", 0755);
	const char *names[] = { "gd/alpha", "gd/beta", "gd/gamma-with-a-longer-name" };
	for (int i = 0; i < 3; i++) {
		int fd = S(SYS_openat, AT_FDCWD, names[i], O_WRONLY | O_CREAT, 0644);
		S(SYS_close, fd);
	}
	S(SYS_mkdir, "gd/subdir", 0755);
	S(SYS_symlink, "alpha", "gd/link");
	int d = S(SYS_openat, AT_FDCWD, "gd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	S(SYS_getdents64, d, buf, sizeof buf);
	S(SYS_getdents64, d, buf, sizeof buf);
	S(SYS_lseek, d, 0, SEEK_SET);
	S(SYS_getdents, d, buf, sizeof buf);
	S(SYS_lseek, d, 0, SEEK_SET);
	S(SYS_getdents64, d, buf, 8); /* EINVAL: too small */
	S(SYS_close, d);
	int f = S(SYS_openat, AT_FDCWD, "gd/alpha", O_RDONLY);
	S(SYS_getdents64, f, buf, sizeof buf); /* ENOTDIR */
	S(SYS_close, f);
	S(SYS_unlink, "gd/link");
	S(SYS_rmdir, "gd/subdir");
	for (int i = 0; i < 3; i++)
		S(SYS_unlink, names[i]);
	S(SYS_rmdir, "gd");
	return 0;
}

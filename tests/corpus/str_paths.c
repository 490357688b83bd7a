/* paths: odd bytes in file names, long paths (not truncated by -s),
 * paths longer than PATH_MAX */
#include "corpus.h"

int main(void)
{
	const char *odd = "we\"ird\n\tname\xff\x7f\x01.txt";
	int fd = S(SYS_openat, AT_FDCWD, odd, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	S(SYS_close, fd);
	char stbuf[256];
	S(SYS_newfstatat, AT_FDCWD, odd, stbuf, 0);
	S(SYS_unlink, odd);
	char path[600];
	int n = 0;
	for (int i = 0; i < 12; i++) {
		memcpy(path + n, "a-path-component/", 17);
		n += 17;
	}
	path[n] = 0;
	S(SYS_openat, AT_FDCWD, path, O_RDONLY); /* ENOENT, printed in full */
	S(SYS_access, path, F_OK);
	static char huge[5000];
	memset(huge, 'p', sizeof huge - 1);
	for (int i = 100; i < 4999; i += 100)
		huge[i] = '/';
	S(SYS_openat, AT_FDCWD, huge, O_RDONLY); /* ENAMETOOLONG */
	S(SYS_mkdir, "dir with spaces", 0755);
	S(SYS_rmdir, "dir with spaces");
	S(SYS_openat, AT_FDCWD, "", O_RDONLY); /* ENOENT */
	return 0;
}

/* link/linkat/symlink/symlinkat/rename/renameat/renameat2/unlink/unlinkat */
#include "corpus.h"
#include <linux/fs.h>

int main(void)
{
	int fd = S(SYS_openat, AT_FDCWD, "l-a", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	S(SYS_close, fd);
	fd = S(SYS_openat, AT_FDCWD, "l-b", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	S(SYS_close, fd);
	S(SYS_link, "l-a", "l-hard");
	S(SYS_link, "l-a", "l-hard"); /* EEXIST */
	S(SYS_linkat, AT_FDCWD, "l-a", AT_FDCWD, "l-hard2", 0);
	S(SYS_symlink, "l-a", "l-sym");
	S(SYS_symlinkat, "target-of-symlinkat", AT_FDCWD, "l-sym2");
	S(SYS_linkat, AT_FDCWD, "l-sym", AT_FDCWD, "l-hard3", AT_SYMLINK_FOLLOW);
	S(SYS_rename, "l-hard", "l-renamed");
	S(SYS_renameat, AT_FDCWD, "l-renamed", AT_FDCWD, "l-renamed2");
	S(SYS_renameat2, AT_FDCWD, "l-a", AT_FDCWD, "l-b", RENAME_NOREPLACE); /* EEXIST */
	S(SYS_renameat2, AT_FDCWD, "l-a", AT_FDCWD, "l-b", RENAME_EXCHANGE);
	S(SYS_renameat2, AT_FDCWD, "l-a", AT_FDCWD, "l-b", RENAME_EXCHANGE | RENAME_NOREPLACE);
	S(SYS_rename, "missing", "l-x");
	S(SYS_mkdir, "l-dir", 0755);
	S(SYS_unlink, "l-dir"); /* EISDIR */
	S(SYS_unlinkat, AT_FDCWD, "l-dir", AT_REMOVEDIR);
	S(SYS_unlinkat, AT_FDCWD, "l-sym2", 0);
	S(SYS_unlinkat, AT_FDCWD, "l-sym", 0x1); /* EINVAL */
	const char *rm[] = { "l-a", "l-b", "l-hard2", "l-hard3", "l-renamed2", "l-sym" };
	for (unsigned i = 0; i < sizeof rm / sizeof rm[0]; i++)
		S(SYS_unlink, rm[i]);
	return 0;
}

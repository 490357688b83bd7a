/* statfs/fstatfs (free counts vary: normalised), sync, umask */
#include "corpus.h"
#include <sys/statfs.h>

int main(void)
{
	struct statfs sf;
	S(SYS_statfs, ".", &sf);
	S(SYS_statfs, "/proc", &sf);
	S(SYS_statfs, "/dev/shm", &sf);
	S(SYS_statfs, "missing-dir", &sf);
	int fd = S(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY);
	S(SYS_fstatfs, fd, &sf);
	S(SYS_fstatfs, 999, &sf);
	S(SYS_close, fd);
	S(SYS_sync);
	return 0;
}

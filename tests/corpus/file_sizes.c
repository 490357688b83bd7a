/* ftruncate/truncate/fallocate/fsync/fdatasync/fadvise64/sync_file_range/readahead/sync */
#include "corpus.h"

int main(void)
{
	int fd = S(SYS_openat, AT_FDCWD, "sz.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	S(SYS_ftruncate, fd, 8192);
	S(SYS_truncate, "sz.txt", 100);
	S(SYS_truncate, "nonexistent-sz", 100);
	S(SYS_fallocate, fd, 0, 0, 4096);
	S(SYS_fallocate, fd, FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE, 0, 4096);
	S(SYS_fallocate, fd, 0x100, 0, 1); /* EOPNOTSUPP */
	S(SYS_fsync, fd);
	S(SYS_fdatasync, fd);
	S(SYS_fadvise64, fd, 0, 4096, POSIX_FADV_SEQUENTIAL);
	S(SYS_fadvise64, fd, 0, 0, POSIX_FADV_DONTNEED);
	S(SYS_sync_file_range, fd, 0, 4096, SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE);
	S(SYS_readahead, fd, 0, 4096);
	S(SYS_ftruncate, fd, -1L);/* EINVAL */
	S(SYS_syncfs, fd);
	S(SYS_close, fd);
	S(SYS_fsync, fd); /* EBADF */
	S(SYS_unlink, "sz.txt");
	return 0;
}

/* SPDX-License-Identifier: MIT */
/* name_to_handle_at/open_by_handle_at, memfd_create/memfd_secret,
 * close_range, fanotify_init/fanotify_mark, inotify edge cases */
#include "corpus.h"
#include <sys/mman.h>
#include <sys/fanotify.h>
#include <sys/inotify.h>
#include <linux/close_range.h>

struct handle128 {
	unsigned int handle_bytes;
	int handle_type;
	unsigned char f_handle[128];
};

int main(void)
{
	struct handle128 h;
	int mount_id;
	int fd = S(SYS_openat, AT_FDCWD, "fh.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	h.handle_bytes = 0;
	/* handles of a file that outlives the program, so that they are stable */
	S(SYS_name_to_handle_at, AT_FDCWD, "/etc/passwd", &h, &mount_id, 0); /* EOVERFLOW */
	h.handle_bytes = 128;
	S(SYS_name_to_handle_at, AT_FDCWD, "/etc/passwd", &h, &mount_id, 0);
	int pw = S(SYS_openat, AT_FDCWD, "/etc/passwd", O_RDONLY);
	S(SYS_name_to_handle_at, pw, "", &h, &mount_id, AT_EMPTY_PATH);
	S(SYS_close, pw);
	S(SYS_name_to_handle_at, AT_FDCWD, "missing", &h, &mount_id, AT_SYMLINK_FOLLOW);
	S(SYS_name_to_handle_at, AT_FDCWD, "fh.txt", NULL, &mount_id, 0);
	S(SYS_name_to_handle_at, AT_FDCWD, "fh.txt", &h, &mount_id, 0x8000);
	int d = S(SYS_openat, AT_FDCWD, "/etc", O_RDONLY | O_DIRECTORY);
	h.handle_bytes = 128;
	S(SYS_name_to_handle_at, d, "passwd", &h, &mount_id, 0);
	int fd2 = S(SYS_open_by_handle_at, d, &h, O_RDONLY | O_CLOEXEC);
	S(SYS_close, fd2);
	S(SYS_open_by_handle_at, d, NULL, O_RDWR);
	S(SYS_close, d);

	int m = S(SYS_memfd_create, "corpus-memfd", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	S(SYS_close, m);
	m = S(SYS_memfd_create, "", 0);
	S(SYS_close, m);
	S(SYS_memfd_create, "huge", MFD_HUGETLB | (21 << 26));
	S(SYS_memfd_create, "bad", 0x1000);
	S(SYS_memfd_create, "a-rather-long-memfd-name-that-exceeds-thirty-two", MFD_CLOEXEC);
	S(SYS_memfd_create, NULL, 0);
	m = S(SYS_memfd_secret, 0);
	if (m >= 0) S(SYS_close, m);
	S(SYS_memfd_secret, O_CLOEXEC);
	S(SYS_memfd_secret, 0x10);

	int a = S(SYS_dup, 1), b = S(SYS_dup, 1);
	S(SYS_close_range, a, b, CLOSE_RANGE_CLOEXEC);
	S(SYS_close_range, a, b, 0);
	S(SYS_close_range, 100, ~0U, CLOSE_RANGE_UNSHARE);
	S(SYS_close_range, 5, 3, 0); /* EINVAL */
	S(SYS_close_range, 100, 200, 0x8);

	int fa = S(SYS_fanotify_init, FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK, O_RDONLY | O_LARGEFILE);
	if (fa >= 0) {
		S(SYS_fanotify_mark, fa, FAN_MARK_ADD, FAN_OPEN | FAN_CLOSE_WRITE | FAN_EVENT_ON_CHILD, AT_FDCWD, ".");
		S(SYS_fanotify_mark, fa, FAN_MARK_ADD | FAN_MARK_ONLYDIR, FAN_MODIFY, -1, "fh.txt");
		S(SYS_fanotify_mark, fa, FAN_MARK_REMOVE, FAN_OPEN | FAN_CLOSE_WRITE | FAN_EVENT_ON_CHILD, AT_FDCWD, ".");
		S(SYS_fanotify_mark, fa, FAN_MARK_FLUSH, 0, AT_FDCWD, NULL);
		S(SYS_fanotify_mark, fa, 0x10000000, 0x400000000ULL, AT_FDCWD, ".");
		S(SYS_close, fa);
	}
	S(SYS_fanotify_init, FAN_CLASS_CONTENT | FAN_REPORT_FID, O_RDWR);
	S(SYS_fanotify_init, 0xc | 0x80000000, 0);

	int in = S(SYS_inotify_init1, IN_NONBLOCK | IN_CLOEXEC);
	S(SYS_inotify_add_watch, in, ".", IN_ALL_EVENTS | IN_ONLYDIR);
	S(SYS_inotify_add_watch, in, "fh.txt", IN_MODIFY | 0x08000000);
	S(SYS_inotify_add_watch, in, "fh.txt", 0);
	S(SYS_inotify_rm_watch, in, -1);
	S(SYS_close, in);
	S(SYS_inotify_init1, 0x4);
	S(SYS_close, fd);
	S(SYS_unlink, "fh.txt");
	return 0;
}

/* inotify_init/inotify_init1/inotify_add_watch/inotify_rm_watch/read events */
#include "corpus.h"
#include <sys/inotify.h>

int main(void)
{
	char buf[512];
	S(SYS_mkdir, "watched", 0755);
	int in = S(SYS_inotify_init1, IN_CLOEXEC | IN_NONBLOCK);
	int wd = S(SYS_inotify_add_watch, in, "watched", IN_CREATE | IN_DELETE | IN_ONLYDIR);
	S(SYS_inotify_add_watch, in, "missing-dir", IN_ALL_EVENTS); /* ENOENT */
	S(SYS_inotify_add_watch, in, "watched", 0);                 /* EINVAL */
	int fd = S(SYS_openat, AT_FDCWD, "watched/newfile", O_WRONLY | O_CREAT, 0644);
	S(SYS_close, fd);
	S(SYS_unlink, "watched/newfile");
	S(SYS_read, in, buf, sizeof buf);
	S(SYS_read, in, buf, sizeof buf); /* EAGAIN */
	S(SYS_inotify_rm_watch, in, wd);
	S(SYS_inotify_rm_watch, in, wd); /* EINVAL */
	S(SYS_read, in, buf, sizeof buf); /* IN_IGNORED */
	S(SYS_close, in);
	int old = S(SYS_inotify_init);
	S(SYS_close, old);
	S(SYS_rmdir, "watched");
	return 0;
}

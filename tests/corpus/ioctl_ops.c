/* ioctl: terminal requests on non-terminals (ENOTTY), FIONREAD/FIONBIO/
 * FIOCLEX, a pty master, unknown requests */
#include "corpus.h"
#include <sys/ioctl.h>
#include <termios.h>
#include <linux/fs.h>

int main(void)
{
	int p[2], n = 0, on = 1;
	S(SYS_pipe, p);
	struct termios t;
	struct winsize ws;
	S(SYS_ioctl, p[0], TCGETS, &t);
	S(SYS_ioctl, p[0], TIOCGWINSZ, &ws);
	WLIT(p[1], "12345");
	S(SYS_ioctl, p[0], FIONREAD, &n);
	S(SYS_ioctl, p[0], FIONBIO, &on);
	S(SYS_ioctl, p[0], FIOCLEX);
	S(SYS_ioctl, p[0], FIONCLEX);
	int nul = S(SYS_openat, AT_FDCWD, "/dev/null", O_RDWR);
	S(SYS_ioctl, nul, TCGETS, &t);
	S(SYS_ioctl, nul, TIOCGPGRP, &n);
	S(SYS_ioctl, nul, _IOC(_IOC_READ | _IOC_WRITE, 0xbe, 0xef, 0x1ead), 0);
	S(SYS_ioctl, nul, 0x12345678, 0x1);
	S(SYS_ioctl, nul, BLKGETSIZE64, &n);
	S(SYS_ioctl, 999, TCGETS, &t); /* EBADF */
	int f = S(SYS_openat, AT_FDCWD, "ioctl.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	int flags = 0;
	S(SYS_ioctl, f, FS_IOC_GETFLAGS, &flags);
	S(SYS_ioctl, f, FIONREAD, &n);
	S(SYS_close, f);
	S(SYS_unlink, "ioctl.txt");

	int m = S(SYS_openat, AT_FDCWD, "/dev/ptmx", O_RDWR | O_NOCTTY);
	if (m >= 0) {
		int unlock = 0;
		S(SYS_ioctl, m, TIOCSPTLCK, &unlock);
		S(SYS_ioctl, m, TCGETS, &t);
		struct winsize w2 = { 24, 80, 0, 0 };
		S(SYS_ioctl, m, TIOCSWINSZ, &w2);
		S(SYS_ioctl, m, TIOCGWINSZ, &ws);
		S(SYS_ioctl, m, TCFLSH, TCIOFLUSH);
		S(SYS_close, m);
	}
	return 0;
}

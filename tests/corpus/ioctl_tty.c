/* terminal ioctls on a pty pair: termios get/set (raw and cooked), termio,
 * termios2, winsize, modem bits, pgrp, flush/flow, TIOCSTI, unknown 'T' codes */
#include "corpus.h"
#include <sys/ioctl.h>
#include <asm/termbits.h>

int main(void)
{
	int m = S(SYS_openat, AT_FDCWD, "/dev/ptmx", O_RDWR | O_NOCTTY);
	if (m < 0)
		return 0;
	int n = 0, unlock = 0;
	S(SYS_ioctl, m, TIOCSPTLCK, &unlock);
	S(SYS_ioctl, m, TIOCGPTN, &n);
	char name[32] = "/dev/pts/";
	int k = 9, t = n;
	char digits[12];
	int dn = 0;
	do { digits[dn++] = '0' + t % 10; t /= 10; } while (t);
	while (dn) name[k++] = digits[--dn];
	name[k] = 0;
	int s = S(SYS_openat, AT_FDCWD, name, O_RDWR | O_NOCTTY);
	struct termios tio;
	S(SYS_ioctl, s, TCGETS, &tio);
	struct termios raw = tio;
	raw.c_iflag = 0;
	raw.c_oflag = 0;
	raw.c_lflag = 0;
	raw.c_cflag = (raw.c_cflag & ~(CSIZE | PARENB)) | CS7 | CSTOPB | CLOCAL | CRTSCTS;
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	S(SYS_ioctl, s, TCSETS, &raw);
	S(SYS_ioctl, s, TCGETS, &tio);
	tio.c_oflag |= OPOST | ONLCR | NL1 | CR2 | TAB3 | BS1 | VT1 | FF1 | OLCUC;
	tio.c_iflag |= IGNBRK | IUTF8 | 0x80000;
	tio.c_lflag |= ISIG | ICANON | ECHO | TOSTOP | EXTPROC;
	tio.c_cflag = (tio.c_cflag & ~CBAUD) | B115200 | (B9600 << IBSHIFT);
	S(SYS_ioctl, s, TCSETSW, &tio);
	S(SYS_ioctl, s, TCSETSF, &tio);
	S(SYS_ioctl, s, TCGETS, &tio);
	struct termios2 t2;
	S(SYS_ioctl, s, TCGETS2, &t2);
	S(SYS_ioctl, s, TCSETS2, &t2);
	struct termio to;
	S(SYS_ioctl, s, TCGETA, &to);
	S(SYS_ioctl, s, TCSETA, &to);
	S(SYS_ioctl, s, TCGETS, NULL);      /* EFAULT */
	S(SYS_ioctl, s, TCSETS, (void *)8); /* EFAULT */
	struct winsize ws = { 25, 132, 800, 600 };
	S(SYS_ioctl, s, TIOCSWINSZ, &ws);
	S(SYS_ioctl, m, TIOCGWINSZ, &ws);
	S(SYS_ioctl, s, TIOCGWINSZ, NULL);  /* EFAULT */
	S(SYS_ioctl, s, TCFLSH, TCIFLUSH);
	S(SYS_ioctl, s, TCFLSH, 7);         /* EINVAL */
	S(SYS_ioctl, s, TCXONC, TCOON);
	S(SYS_ioctl, s, TCSBRK, 1);
	S(SYS_ioctl, s, TIOCGPGRP, &n);     /* ENOTTY: not our ctty */
	S(SYS_ioctl, s, TIOCGSID, &n);
	S(SYS_ioctl, s, TIOCOUTQ, &n);
	S(SYS_ioctl, s, FIONREAD, &n);
	S(SYS_ioctl, s, TIOCGETD, &n);
	n = 0;
	S(SYS_ioctl, s, TIOCSETD, &n);
	S(SYS_ioctl, s, TIOCGEXCL, &n);
	S(SYS_ioctl, s, TIOCEXCL);
	S(SYS_ioctl, s, TIOCNXCL);
	int mb = TIOCM_DTR | TIOCM_RTS;
	S(SYS_ioctl, s, TIOCMGET, &mb);
	S(SYS_ioctl, s, TIOCMBIS, &mb);
	S(SYS_ioctl, m, TIOCPKT, &unlock);
	S(SYS_ioctl, s, TIOCSTI, "x");
	S(SYS_ioctl, s, TIOCNOTTY);
	S(SYS_ioctl, s, TIOCSCTTY, 0);
	S(SYS_ioctl, s, FIOASYNC, &unlock);
	S(SYS_ioctl, s, FIOCLEX);
	S(SYS_ioctl, s, FIONCLEX);
	S(SYS_ioctl, s, TIOCSBRK);
	S(SYS_ioctl, s, TIOCCBRK);
	S(SYS_ioctl, s, TIOCVHANGUP);
	S(SYS_ioctl, s, _IOR('T', 0x77, int), &n);
	S(SYS_ioctl, s, _IO('T', 0x7f), 0);
	S(SYS_ioctl, s, 0x5402, &tio);
	S(SYS_ioctl, s, TCGETS, 0);         /* EIO after the hangup */
	S(SYS_close, s);
	S(SYS_close, m);
	return 0;
}

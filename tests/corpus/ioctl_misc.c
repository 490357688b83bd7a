/* ioctl request naming: known names with aliases, parametrised names
 * (EVIOCGBIT, MIXER_READ), _IOC() forms of every direction, and argument
 * decoders of the fs/block/random/nsfs/socket groups (mostly ENOTTY) */
#include "corpus.h"
#include <sys/ioctl.h>
#include <linux/fs.h>
#include <linux/random.h>
#include <linux/nsfs.h>
#include <linux/sockios.h>

int main(void)
{
	int n = 0;
	int fd = S(SYS_openat, AT_FDCWD, "ioc.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	int nul = S(SYS_openat, AT_FDCWD, "/dev/null", O_RDWR);
	S(SYS_ioctl, nul, _IOC(_IOC_NONE, 0xbe, 0xef, 0), 0);
	S(SYS_ioctl, nul, _IOC(_IOC_READ, 0xbe, 0xef, 8), 0x10);
	S(SYS_ioctl, nul, _IOC(_IOC_WRITE, 0, 0, 0x3fff), -1L);
	S(SYS_ioctl, nul, _IOC(_IOC_READ | _IOC_WRITE, 'E', 0x21, 64), &n);
	S(SYS_ioctl, nul, _IOC(_IOC_READ, 'E', 0x20, 16), &n);
	S(SYS_ioctl, nul, _IOC(_IOC_READ, 'E', 0x21, 96), &n);
	S(SYS_ioctl, nul, _IOC(_IOC_READ, 'E', 0x3f, 8), &n);
	S(SYS_ioctl, nul, _IOC(_IOC_READ, 'E', 0x41, 24), &n);
	S(SYS_ioctl, nul, _IOC(_IOC_READ, 'E', 0x06, 256), &n);
	S(SYS_ioctl, nul, _IOC(_IOC_READ, 'M', 3, 4), &n);
	S(SYS_ioctl, nul, _IOC(_IOC_WRITE, 'M', 3, 4), &n);
	S(SYS_ioctl, nul, _IOC(_IOC_READ, 'H', 0x04, 128), &n);
	S(SYS_ioctl, nul, _IOC(_IOC_WRITE, 'k', 0, 32), &n);
	S(SYS_ioctl, nul, _IOC(_IOC_READ, 'U', 0x2c, 64), &n);
	S(SYS_ioctl, nul, _IOC(_IOC_READ, 'j', 0x13, 64), &n);
	uint64_t id = 0x1234;
	S(SYS_ioctl, nul, _IOC(_IOC_READ, '!', 2, 8), &id);
	S(SYS_ioctl, nul, _IOC(_IOC_WRITE, '!', 2, 8), &id);
	S(SYS_ioctl, nul, 0x4B33, &n);       /* KDGKBTYPE */
	S(SYS_ioctl, nul, 0x89F0, &n);       /* SIOCDEVPRIVATE */
	S(SYS_ioctl, nul, SIOCGPGRP, &n);
	S(SYS_ioctl, nul, SIOCSPGRP, &n);
	S(SYS_ioctl, nul, SIOCATMARK, &n);
	S(SYS_ioctl, nul, RNDGETENTCNT, &n);
	S(SYS_ioctl, nul, RNDADDTOENTCNT, &n);
	S(SYS_ioctl, nul, RNDZAPENTCNT, 0);
	S(SYS_ioctl, nul, NS_GET_USERNS);
	S(SYS_ioctl, nul, NS_GET_NSTYPE);
	S(SYS_ioctl, nul, NS_GET_OWNER_UID, &n);
	S(SYS_ioctl, nul, BLKGETSIZE, &n);
	S(SYS_ioctl, nul, BLKSSZGET, &n);
	S(SYS_ioctl, nul, BLKROSET, &n);
	S(SYS_ioctl, nul, BLKRASET, 256);
	uint64_t range[2] = { 4096, 8192 };
	S(SYS_ioctl, nul, BLKDISCARD, range);
	S(SYS_ioctl, nul, BLKRRPART, 0);
	S(SYS_ioctl, nul, BLKSECTGET, &n);
	S(SYS_ioctl, nul, FICLONE, fd);
	S(SYS_ioctl, nul, FIFREEZE, 0);
	struct fstrim_range tr = { 0, 1 << 20, 512 };
	S(SYS_ioctl, nul, FITRIM, &tr);
	S(SYS_ioctl, nul, 0x5460, &n);       /* FIOQSIZE */
	S(SYS_ioctl, nul, 0x40049409, fd);   /* BTRFS_IOC_CLONE or FICLONE */
	int fl = FS_NOATIME_FL | FS_APPEND_FL | 0x08000000;
	S(SYS_ioctl, fd, FS_IOC_GETFLAGS, &fl);
	S(SYS_ioctl, fd, FS_IOC_SETFLAGS, &fl);
	S(SYS_ioctl, fd, FS_IOC_FSGETXATTR, &fl);
	S(SYS_ioctl, fd, FS_IOC_GETVERSION, &n);
	S(SYS_ioctl, fd, FIGETBSZ, &n);
	S(SYS_ioctl, fd, FIONREAD, &n);
	S(SYS_ioctl, fd, FIONBIO, &n);
	S(SYS_ioctl, fd, FIOASYNC, NULL);
	S(SYS_close, nul);
	S(SYS_close, fd);
	S(SYS_unlink, "ioc.txt");
	return 0;
}

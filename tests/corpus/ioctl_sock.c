/* socket ioctls: struct ifreq get/set requests on "lo", SIOCGIFCONF in its
 * size-query and data forms, requests shown as a bare address */
#include "corpus.h"
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <linux/sockios.h>

int main(void)
{
	int s = S(SYS_socket, AF_INET, SOCK_DGRAM, 0);
	struct ifreq r;
	memset(&r, 0, sizeof r);
	strcpy(r.ifr_name, "lo");
	S(SYS_ioctl, s, SIOCGIFINDEX, &r);
	S(SYS_ioctl, s, SIOCGIFFLAGS, &r);
	S(SYS_ioctl, s, SIOCGIFMTU, &r);
	S(SYS_ioctl, s, SIOCGIFTXQLEN, &r);
	S(SYS_ioctl, s, SIOCGIFMETRIC, &r);
	S(SYS_ioctl, s, SIOCGIFHWADDR, &r);
	S(SYS_ioctl, s, SIOCGIFADDR, &r);
	S(SYS_ioctl, s, SIOCGIFNETMASK, &r);
	S(SYS_ioctl, s, SIOCGIFBRDADDR, &r);   /* EADDRNOTAVAIL? */
	S(SYS_ioctl, s, SIOCGIFMAP, &r);
	memset(&r, 0, sizeof r);
	r.ifr_ifindex = 1;
	S(SYS_ioctl, s, SIOCGIFNAME, &r);
	r.ifr_ifindex = 12345;
	S(SYS_ioctl, s, SIOCGIFNAME, &r);      /* ENODEV */
	memset(&r, 0, sizeof r);
	strcpy(r.ifr_name, "nosuchif0");
	r.ifr_mtu = 1400;
	S(SYS_ioctl, s, SIOCSIFMTU, &r);       /* ENODEV */
	r.ifr_flags = IFF_UP | IFF_RUNNING | 0x800000;
	S(SYS_ioctl, s, SIOCSIFFLAGS, &r);     /* ENODEV */
	S(SYS_ioctl, s, SIOCGIFFLAGS, &r);     /* ENODEV */
	memcpy(r.ifr_name, "0123456789abcdef", 16);
	S(SYS_ioctl, s, SIOCGIFINDEX, &r);     /* unterminated name */
	S(SYS_ioctl, s, SIOCGIFINDEX, NULL);   /* EFAULT */
	S(SYS_ioctl, s, SIOCETHTOOL, &r);
	S(SYS_ioctl, s, SIOCGSTAMP_OLD, &r);   /* ENOENT */

	struct ifconf ifc = { 0 };
	ifc.ifc_buf = NULL;
	S(SYS_ioctl, s, SIOCGIFCONF, &ifc);
	struct ifreq reqs[8];
	ifc.ifc_len = sizeof reqs;
	ifc.ifc_req = reqs;
	S(SYS_ioctl, s, SIOCGIFCONF, &ifc);
	ifc.ifc_len = 0;
	S(SYS_ioctl, s, SIOCGIFCONF, &ifc);
	S(SYS_ioctl, s, SIOCGIFCONF, (void *)8); /* EFAULT */
	int n = 0;
	S(SYS_ioctl, s, SIOCATMARK, &n);
	S(SYS_ioctl, s, SIOCOUTQ, &n);
	S(SYS_ioctl, s, SIOCINQ, &n);
	S(SYS_close, s);
	return 0;
}

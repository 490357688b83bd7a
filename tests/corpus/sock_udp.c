/* AF_INET UDP on 127.0.0.1: sendto/recvfrom, connect, sendmmsg/recvmmsg, MSG_PEEK */
#include "corpus.h"
#include <netinet/in.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/uio.h>

int main(void)
{
	char buf[64];
	int a = S(SYS_socket, AF_INET, SOCK_DGRAM, 0);
	int b = S(SYS_socket, AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_UDP);
	struct sockaddr_in aa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr_in ba = aa;
	S(SYS_bind, a, &aa, sizeof aa);
	S(SYS_bind, b, &ba, sizeof ba);
	socklen_t l = sizeof aa;
	S(SYS_getsockname, a, &aa, &l);
	l = sizeof ba;
	S(SYS_getsockname, b, &ba, &l);
	S(SYS_sendto, b, "udp datagram", 12, 0, &aa, sizeof aa);
	S(SYS_recvfrom, a, buf, 4, MSG_PEEK, NULL, NULL);
	struct sockaddr_in from;
	socklen_t fl = sizeof from;
	S(SYS_recvfrom, a, buf, sizeof buf, 0, &from, &fl);
	S(SYS_connect, b, &aa, sizeof aa);
	S(SYS_sendto, b, "connected", 9, 0, NULL, 0);
	S(SYS_recvfrom, a, buf, sizeof buf, 0, NULL, NULL);

	struct iovec iv[2] = { { "one", 3 }, { "two", 3 } };
	struct mmsghdr mm[2];
	memset(mm, 0, sizeof mm);
	mm[0].msg_hdr.msg_iov = &iv[0];
	mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr.msg_iov = &iv[1];
	mm[1].msg_hdr.msg_iovlen = 1;
	S(SYS_sendmmsg, b, mm, 2, 0);
	char r1[8], r2[8];
	struct iovec rv[2] = { { r1, sizeof r1 }, { r2, sizeof r2 } };
	struct mmsghdr rm[2];
	memset(rm, 0, sizeof rm);
	rm[0].msg_hdr.msg_iov = &rv[0];
	rm[0].msg_hdr.msg_iovlen = 1;
	rm[1].msg_hdr.msg_iov = &rv[1];
	rm[1].msg_hdr.msg_iovlen = 1;
	S(SYS_recvmmsg, a, rm, 2, MSG_DONTWAIT, NULL);
	S(SYS_recvmmsg, a, rm, 2, MSG_DONTWAIT, NULL); /* EAGAIN */
	int v = 64;
	S(SYS_setsockopt, a, IPPROTO_IP, IP_TTL, &v, sizeof v);
	socklen_t vl = sizeof v;
	S(SYS_getsockopt, a, IPPROTO_IP, IP_TTL, &v, &vl);
	struct sockaddr_in un = { .sin_family = AF_UNSPEC };
	S(SYS_connect, b, &un, sizeof un); /* disconnect */
	S(SYS_sendto, b, "x", 1, 0, NULL, 0); /* EDESTADDRREQ */
	S(SYS_close, a);
	S(SYS_close, b);
	return 0;
}

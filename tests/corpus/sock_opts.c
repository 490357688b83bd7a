/* setsockopt/getsockopt with integer, struct linger, struct timeval values */
#include "corpus.h"
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>

int main(void)
{
	int s = S(SYS_socket, AF_INET, SOCK_STREAM, 0);
	int v = 65536;
	socklen_t l;
	S(SYS_setsockopt, s, SOL_SOCKET, SO_RCVBUF, &v, sizeof v);
	l = sizeof v;
	S(SYS_getsockopt, s, SOL_SOCKET, SO_RCVBUF, &v, &l);
	v = 1;
	S(SYS_setsockopt, s, SOL_SOCKET, SO_KEEPALIVE, &v, sizeof v);
	l = sizeof v;
	S(SYS_getsockopt, s, SOL_SOCKET, SO_KEEPALIVE, &v, &l);
	struct linger lg = { 1, 5 };
	S(SYS_setsockopt, s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
	l = sizeof lg;
	S(SYS_getsockopt, s, SOL_SOCKET, SO_LINGER, &lg, &l);
	struct timeval tv = { 2, 500000 };
	S(SYS_setsockopt, s, SOL_SOCKET, SO_RCVTIMEO_OLD, &tv, sizeof tv);
	l = sizeof tv;
	S(SYS_getsockopt, s, SOL_SOCKET, SO_RCVTIMEO_OLD, &tv, &l);
	l = sizeof v;
	S(SYS_getsockopt, s, SOL_SOCKET, SO_PROTOCOL, &v, &l);
	l = sizeof v;
	S(SYS_getsockopt, s, SOL_SOCKET, SO_DOMAIN, &v, &l);
	v = 1200;
	S(SYS_setsockopt, s, IPPROTO_TCP, TCP_MAXSEG, &v, sizeof v);
	v = 30;
	S(SYS_setsockopt, s, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof v);
	l = sizeof v;
	S(SYS_getsockopt, s, IPPROTO_TCP, TCP_KEEPIDLE, &v, &l);
	v = 0x10;
	S(SYS_setsockopt, s, IPPROTO_IP, IP_TOS, &v, sizeof v);
	l = 1;
	S(SYS_getsockopt, s, IPPROTO_IP, IP_TOS, &v, &l);
	S(SYS_setsockopt, s, SOL_SOCKET, SO_RCVBUF, &v, 1); /* EINVAL */
	S(SYS_setsockopt, s, SOL_SOCKET, SO_RCVBUF, NULL, sizeof v); /* EFAULT */
	S(SYS_close, s);
	S(SYS_socket, AF_INET, SOCK_STREAM, IPPROTO_UDP); /* EPROTONOSUPPORT */
	S(SYS_socket, 999, SOCK_STREAM, 0);               /* EAFNOSUPPORT */
	int u = S(SYS_socket, AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	v = 1;
	S(SYS_setsockopt, u, SOL_SOCKET, SO_BROADCAST, &v, sizeof v);
	S(SYS_setsockopt, u, SOL_IP, IP_RECVERR, &v, sizeof v);
	S(SYS_close, u);
	return 0;
}

/* AF_INET TCP on 127.0.0.1 with a kernel-chosen port: bind/listen/connect/
 * accept4/getsockname/send/recv/shutdown, ECONNREFUSED, nonblocking connect */
#include "corpus.h"
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>

int main(void)
{
	char buf[64];
	int on = 1;
	int s = S(SYS_socket, AF_INET, SOCK_STREAM, IPPROTO_TCP);
	S(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	S(SYS_bind, s, &a, sizeof a);
	S(SYS_listen, s, 4);
	socklen_t al = sizeof a;
	S(SYS_getsockname, s, &a, &al);
	int c = S(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	S(SYS_setsockopt, c, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
	S(SYS_connect, c, &a, sizeof a);
	struct sockaddr_in peer;
	socklen_t pl = sizeof peer;
	int ac = S(SYS_accept4, s, &peer, &pl, SOCK_CLOEXEC);
	WLIT(c, "GET / HTTP/1.0\r\n\r\n");
	S(SYS_recvfrom, ac, buf, sizeof buf, 0, NULL, NULL);
	S(SYS_sendto, ac, "HTTP/1.0 200 OK\r\n", 17, MSG_NOSIGNAL, NULL, 0);
	S(SYS_recvfrom, c, buf, sizeof buf, MSG_WAITALL & 0, NULL, NULL);
	int v;
	socklen_t vl = sizeof v;
	S(SYS_getsockopt, c, IPPROTO_TCP, TCP_NODELAY, &v, &vl);
	vl = sizeof v;
	S(SYS_getsockopt, c, SOL_SOCKET, SO_ERROR, &v, &vl);
	vl = sizeof v;
	S(SYS_getsockopt, s, SOL_SOCKET, SO_ACCEPTCONN, &v, &vl);
	S(SYS_shutdown, c, SHUT_WR);
	S(SYS_read, ac, buf, sizeof buf); /* 0: EOF */
	S(SYS_close, ac);
	S(SYS_close, c);

	/* nonblocking connect */
	c = S(SYS_socket, AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	S(SYS_connect, c, &a, sizeof a); /* EINPROGRESS */
	struct pollfd pf = { c, POLLOUT, 0 };
	S(SYS_poll, &pf, 1, 5000);
	ac = S(SYS_accept4, s, NULL, NULL, 0);
	S(SYS_close, ac);
	S(SYS_close, c);

	/* a bound but not listening socket refuses connections */
	int nl = S(SYS_socket, AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in b = { .sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	S(SYS_bind, nl, &b, sizeof b);
	socklen_t bl = sizeof b;
	S(SYS_getsockname, nl, &b, &bl);
	c = S(SYS_socket, AF_INET, SOCK_STREAM, 0);
	S(SYS_connect, c, &b, sizeof b); /* ECONNREFUSED */
	S(SYS_close, c);
	S(SYS_close, nl);
	S(SYS_close, s);
	S(SYS_bind, 999, &a, sizeof a); /* EBADF */
	struct sockaddr_in bad = { .sin_family = AF_INET, .sin_port = htons(1), .sin_addr.s_addr = inet_addr("192.0.2.1") };
	s = S(SYS_socket, AF_INET, SOCK_STREAM, 0);
	S(SYS_bind, s, &bad, sizeof bad); /* EADDRNOTAVAIL */
	S(SYS_close, s);
	return 0;
}

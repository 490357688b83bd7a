/* AF_INET6 on ::1: TCP and UDP, IPV6_V6ONLY, v4-mapped address */
#include "corpus.h"
#include <netinet/in.h>
#include <arpa/inet.h>
#include <sys/socket.h>

int main(void)
{
	char buf[64];
	int on = 1;
	int s = S(SYS_socket, AF_INET6, SOCK_STREAM, 0);
	S(SYS_setsockopt, s, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on);
	struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	S(SYS_bind, s, &a, sizeof a);
	S(SYS_listen, s, 1);
	socklen_t l = sizeof a;
	S(SYS_getsockname, s, &a, &l);
	int c = S(SYS_socket, AF_INET6, SOCK_STREAM, 0);
	S(SYS_connect, c, &a, sizeof a);
	struct sockaddr_in6 p;
	socklen_t pl = sizeof p;
	int ac = S(SYS_accept, s, &p, &pl);
	WLIT(c, "v6 hello");
	S(SYS_read, ac, buf, sizeof buf);
	S(SYS_close, ac);
	S(SYS_close, c);
	S(SYS_close, s);

	int u = S(SYS_socket, AF_INET6, SOCK_DGRAM, 0);
	struct sockaddr_in6 ua = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	S(SYS_bind, u, &ua, sizeof ua);
	l = sizeof ua;
	S(SYS_getsockname, u, &ua, &l);
	S(SYS_sendto, u, "to myself", 9, 0, &ua, sizeof ua);
	struct sockaddr_in6 from;
	socklen_t fl = sizeof from;
	S(SYS_recvfrom, u, buf, sizeof buf, 0, &from, &fl);
	struct sockaddr_in6 m = { .sin6_family = AF_INET6, .sin6_port = htons(9) };
	inet_pton(AF_INET6, "::ffff:127.0.0.1", &m.sin6_addr);
	S(SYS_sendto, u, "mapped", 6, 0, &m, sizeof m);
	int v = 0;
	socklen_t vl = sizeof v;
	S(SYS_getsockopt, u, IPPROTO_IPV6, IPV6_V6ONLY, &v, &vl);
	S(SYS_close, u);
	return 0;
}

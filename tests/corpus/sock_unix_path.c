/* AF_UNIX sockets bound to paths: stream listen/connect/accept4,
 * getsockname/getpeername, datagram sendto/recvfrom with addresses */
#include "corpus.h"
#include <sys/socket.h>
#include <sys/un.h>

int main(void)
{
	char buf[64];
	S(SYS_unlink, "srv.sock");
	S(SYS_unlink, "dg.sock");
	S(SYS_unlink, "dg2.sock");
	int s = S(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un a = { .sun_family = AF_UNIX, .sun_path = "srv.sock" };
	S(SYS_bind, s, &a, offsetof(struct sockaddr_un, sun_path) + 9);
	S(SYS_bind, s, &a, sizeof a); /* EINVAL: already bound */
	S(SYS_listen, s, 5);
	int c = S(SYS_socket, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	S(SYS_connect, c, &a, sizeof a);
	struct sockaddr_un peer;
	socklen_t pl = sizeof peer;
	int ac = S(SYS_accept4, s, &peer, &pl, SOCK_CLOEXEC | SOCK_NONBLOCK);
	pl = sizeof peer;
	S(SYS_getsockname, s, &peer, &pl);
	pl = sizeof peer;
	S(SYS_getpeername, c, &peer, &pl);
	pl = sizeof peer;
	S(SYS_getpeername, ac, &peer, &pl);
	WLIT(c, "ping");
	S(SYS_read, ac, buf, sizeof buf);
	S(SYS_fcntl, s, F_SETFL, O_NONBLOCK);
	S(SYS_accept, s, NULL, NULL); /* EAGAIN */
	S(SYS_close, ac);
	S(SYS_close, c);
	S(SYS_close, s);

	int d = S(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
	struct sockaddr_un da = { .sun_family = AF_UNIX, .sun_path = "dg.sock" };
	S(SYS_bind, d, &da, sizeof da);
	int d2 = S(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
	struct sockaddr_un da2 = { .sun_family = AF_UNIX, .sun_path = "dg2.sock" };
	S(SYS_bind, d2, &da2, sizeof da2);
	S(SYS_sendto, d2, "datagram", 8, 0, &da, sizeof da);
	struct sockaddr_un from;
	socklen_t fl = sizeof from;
	S(SYS_recvfrom, d, buf, sizeof buf, 0, &from, &fl);
	struct sockaddr_un missing = { .sun_family = AF_UNIX, .sun_path = "no-such.sock" };
	S(SYS_sendto, d2, "x", 1, 0, &missing, sizeof missing); /* ENOENT */
	S(SYS_connect, d2, &missing, sizeof missing);           /* ENOENT */
	S(SYS_close, d);
	S(SYS_close, d2);
	S(SYS_unlink, "srv.sock");
	S(SYS_unlink, "dg.sock");
	S(SYS_unlink, "dg2.sock");
	return 0;
}

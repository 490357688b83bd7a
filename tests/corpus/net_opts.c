/* Socket options with structured values, control messages on UDP, abstract
 * and unnamed AF_UNIX addresses, short and odd socket addresses. */
#include "corpus.h"
#include <arpa/inet.h>
#include <linux/filter.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>

int main(void)
{
	int u = S(SYS_socket, AF_INET, SOCK_DGRAM, 0);
	struct ip_mreq mr = { .imr_multiaddr.s_addr = inet_addr("239.1.2.3"),
			      .imr_interface.s_addr = htonl(INADDR_LOOPBACK) };
	S(SYS_setsockopt, u, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mr, sizeof mr);
	S(SYS_setsockopt, u, IPPROTO_IP, IP_DROP_MEMBERSHIP, &mr, sizeof mr);
	struct group_req gr = { .gr_interface = 1 };
	struct sockaddr_in *gin = (struct sockaddr_in *)&gr.gr_group;
	gin->sin_family = AF_INET;
	gin->sin_addr.s_addr = inet_addr("239.4.5.6");
	S(SYS_setsockopt, u, IPPROTO_IP, MCAST_JOIN_GROUP, &gr, sizeof gr);
	S(SYS_setsockopt, u, IPPROTO_IP, MCAST_LEAVE_GROUP, &gr, sizeof gr);
	struct sock_filter code[1] = { BPF_STMT(BPF_RET | BPF_K, 0xffff) };
	struct sock_fprog prog = { 1, code };
	S(SYS_setsockopt, u, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog);
	S(SYS_setsockopt, u, SOL_SOCKET, SO_DETACH_FILTER, &prog, 4);
	int on = 1;
	S(SYS_setsockopt, u, IPPROTO_IP, IP_PKTINFO, &on, sizeof on);
	S(SYS_setsockopt, u, IPPROTO_IP, IP_RECVTTL, &on, sizeof on);
	S(SYS_setsockopt, u, IPPROTO_IP, IP_RECVTOS, &on, sizeof on);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	S(SYS_bind, u, &a, sizeof a);
	socklen_t l = sizeof a;
	S(SYS_getsockname, u, &a, &l);
	S(SYS_sendto, u, "cmsg", 4, 0, &a, sizeof a);
	char data[16];
	union { char b[256]; struct cmsghdr h; } cb;
	struct iovec iov = { data, sizeof data };
	struct sockaddr_in from;
	struct msghdr mh = { .msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &iov,
			     .msg_iovlen = 1, .msg_control = cb.b, .msg_controllen = sizeof cb.b };
	S(SYS_recvmsg, u, &mh, 0);
	S(SYS_sendto, u, "cut", 3, 0, &a, sizeof a);
	mh.msg_controllen = 20;   /* too small: MSG_CTRUNC */
	mh.msg_namelen = 2;       /* too small for the address */
	S(SYS_recvmsg, u, &mh, 0);
	struct iovec siov = { "x", 1 };
	struct mmsghdr smm = { .msg_hdr = { .msg_name = &a, .msg_namelen = sizeof a,
					    .msg_iov = &siov, .msg_iovlen = 1 } };
	S(SYS_sendmmsg, 999, &smm, 1, 0);     /* EBADF: the vector still shows */
	int v;
	socklen_t vl = sizeof v;
	S(SYS_getsockopt, u, SOL_SOCKET, SO_TYPE, &v, &vl);
	S(SYS_getsockopt, u, SOL_SOCKET, SO_TYPE, &v, NULL);      /* EFAULT */
	S(SYS_close, u);

	int u6 = S(SYS_socket, AF_INET6, SOCK_DGRAM, 0);
	struct ipv6_mreq m6 = { .ipv6mr_interface = 1 };
	inet_pton(AF_INET6, "ff02::1:3", &m6.ipv6mr_multiaddr);
	S(SYS_setsockopt, u6, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, &m6, sizeof m6);
	struct sockaddr_in6 ll = { .sin6_family = AF_INET6, .sin6_port = htons(9), .sin6_scope_id = 1 };
	inet_pton(AF_INET6, "fe80::1", &ll.sin6_addr);
	S(SYS_connect, u6, &ll, sizeof ll);
	S(SYS_connect, u6, &ll, 24);          /* short sockaddr_in6: no scope id */
	S(SYS_close, u6);

	int x = S(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
	struct sockaddr_un ab = { .sun_family = AF_UNIX };
	memcpy(ab.sun_path, "\0syscope-abstract", 17);
	S(SYS_bind, x, &ab, offsetof(struct sockaddr_un, sun_path) + 17);
	struct sockaddr_un got;
	l = sizeof got;
	S(SYS_getsockname, x, &got, &l);
	int y = S(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
	l = sizeof got;
	S(SYS_getsockname, y, &got, &l);      /* unnamed */
	S(SYS_sendto, y, "to abstract", 11, 0, &ab, offsetof(struct sockaddr_un, sun_path) + 17);
	S(SYS_close, y);
	S(SYS_close, x);

	struct sockaddr odd = { .sa_family = 123 };
	S(SYS_connect, x, &odd, sizeof odd);  /* EBADF, odd family */
	S(SYS_connect, x, &odd, 1);           /* too short to decode */
	S(SYS_connect, x, (void *)8, 16);     /* unreadable */
	return 0;
}

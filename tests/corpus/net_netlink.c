/* NETLINK_ROUTE: address dump request and its replies, an error reply */
#include "corpus.h"
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>
#include <sys/uio.h>

int main(void)
{
	int s = S(SYS_socket, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	/* a fixed port id, so that replies carry no pid */
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK, .nl_pid = 0x5c0be };
	S(SYS_bind, s, &sa, sizeof sa);
	sa.nl_pid = 0;
	struct {
		struct nlmsghdr h;
		struct ifaddrmsg m;
	} req = {
		.h = { .nlmsg_len = sizeof req, .nlmsg_type = RTM_GETADDR,
		       .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP, .nlmsg_seq = 1 },
		.m = { .ifa_family = AF_INET },
	};
	S(SYS_sendto, s, &req, sizeof req, 0, &sa, sizeof sa);
	char buf[8192];
	struct iovec iov = { buf, sizeof buf };
	struct sockaddr_nl from;
	struct msghdr mh = { .msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &iov, .msg_iovlen = 1 };
	for (int i = 0; i < 4; i++) {
		long n = S(SYS_recvmsg, s, &mh, MSG_DONTWAIT);
		if (n <= 0)
			break;
		struct nlmsghdr *h = (struct nlmsghdr *)buf;
		if (h->nlmsg_type == NLMSG_DONE)
			break;
	}
	/* a request the kernel rejects: the error reply quotes it */
	struct {
		struct nlmsghdr h;
		struct rtgenmsg g;
	} bad = {
		.h = { .nlmsg_len = sizeof bad, .nlmsg_type = RTM_NEWLINK,
		       .nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, .nlmsg_seq = 2 },
		.g = { .rtgen_family = AF_UNSPEC },
	};
	S(SYS_sendto, s, &bad, sizeof bad, 0, NULL, 0);
	S(SYS_recvfrom, s, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL);
	/* a route lookup for 127.0.0.1 */
	struct {
		struct nlmsghdr h;
		struct rtmsg r;
		struct rtattr a;
		unsigned char dst[4];
	} rt = {
		.h = { .nlmsg_len = sizeof rt, .nlmsg_type = RTM_GETROUTE,
		       .nlmsg_flags = NLM_F_REQUEST, .nlmsg_seq = 3 },
		.r = { .rtm_family = AF_INET, .rtm_dst_len = 32 },
		.a = { .rta_len = RTA_LENGTH(4), .rta_type = RTA_DST },
		.dst = { 127, 0, 0, 1 },
	};
	S(SYS_sendto, s, &rt, sizeof rt, 0, NULL, 0);
	S(SYS_close, s);

	int g = S(SYS_socket, AF_NETLINK, SOCK_DGRAM, NETLINK_GENERIC);
	S(SYS_close, g);
	S(SYS_socket, AF_NETLINK, SOCK_RAW, 99);     /* EPROTONOSUPPORT */
	return 0;
}

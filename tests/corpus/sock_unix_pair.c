/* AF_UNIX socketpair: send/recv, sendmsg/recvmsg with SCM_RIGHTS and
 * SCM_CREDENTIALS, socket options, shutdown */
#include "corpus.h"
#include <sys/socket.h>
#include <sys/uio.h>

int main(void)
{
	int sv[2];
	char buf[64];
	S(SYS_socketpair, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
	WLIT(sv[0], "over the pair");
	S(SYS_read, sv[1], buf, sizeof buf);
	S(SYS_sendto, sv[0], "sendto", 6, MSG_DONTWAIT | MSG_NOSIGNAL, NULL, 0);
	S(SYS_recvfrom, sv[1], buf, 3, MSG_PEEK, NULL, NULL);
	S(SYS_recvfrom, sv[1], buf, sizeof buf, 0, NULL, NULL);
	S(SYS_recvfrom, sv[1], buf, sizeof buf, MSG_DONTWAIT, NULL, NULL); /* EAGAIN */

	/* pass a file descriptor */
	int fd = S(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY);
	struct iovec iov[2] = { { "fd", 2 }, { "pass", 4 } };
	union { char b[CMSG_SPACE(sizeof(int))]; struct cmsghdr a; } cb;
	memset(&cb, 0, sizeof cb);
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 2, .msg_control = cb.b, .msg_controllen = sizeof cb.b };
	struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &fd, sizeof fd);
	S(SYS_sendmsg, sv[0], &mh, 0);
	char rb[16];
	struct iovec riov = { rb, sizeof rb };
	union { char b[CMSG_SPACE(sizeof(int))]; struct cmsghdr a; } rcb;
	struct msghdr rmh = { .msg_iov = &riov, .msg_iovlen = 1, .msg_control = rcb.b, .msg_controllen = sizeof rcb.b };
	S(SYS_recvmsg, sv[1], &rmh, MSG_CMSG_CLOEXEC);

	int on = 1;
	S(SYS_setsockopt, sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof on);
	S(SYS_sendmsg, sv[0], &(struct msghdr){ .msg_iov = iov, .msg_iovlen = 1 }, 0);
	union { char b[CMSG_SPACE(sizeof(struct ucred))]; struct cmsghdr a; } ccb;
	rmh.msg_control = ccb.b;
	rmh.msg_controllen = sizeof ccb.b;
	S(SYS_recvmsg, sv[1], &rmh, 0);

	int v = 0;
	socklen_t l = sizeof v;
	S(SYS_getsockopt, sv[0], SOL_SOCKET, SO_TYPE, &v, &l);
	l = sizeof v;
	S(SYS_getsockopt, sv[0], SOL_SOCKET, SO_DOMAIN, &v, &l);
	struct ucred cr;
	l = sizeof cr;
	S(SYS_getsockopt, sv[0], SOL_SOCKET, SO_PEERCRED, &cr, &l);
	l = sizeof v;
	S(SYS_getsockopt, sv[0], SOL_SOCKET, 9999, &v, &l); /* ENOPROTOOPT */
	S(SYS_shutdown, sv[0], SHUT_WR);
	S(SYS_read, sv[1], buf, sizeof buf);
	S(SYS_shutdown, sv[0], 7); /* EINVAL */
	S(SYS_close, sv[0]);
	S(SYS_close, sv[1]);

	S(SYS_socketpair, AF_UNIX, SOCK_DGRAM, 0, sv);
	S(SYS_sendto, sv[0], "dgram", 5, 0, NULL, 0);
	S(SYS_recvfrom, sv[1], buf, 2, MSG_TRUNC, NULL, NULL);
	S(SYS_close, sv[0]);
	S(SYS_close, sv[1]);
	S(SYS_socketpair, AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK, 0, sv);
	S(SYS_socketpair, AF_INET, SOCK_STREAM, 0, sv); /* EOPNOTSUPP */
	S(SYS_socket, AF_UNIX, 99, 0);                  /* EINVAL */
	return 0;
}

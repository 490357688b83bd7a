/* AF_PACKET on the loopback interface (EPERM without CAP_NET_RAW) and
 * packet socket options */
#include "corpus.h"
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <sys/socket.h>

int main(void)
{
	int s = S(SYS_socket, AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	struct sockaddr_ll ll = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_IP),
				  .sll_ifindex = 1 };
	S(SYS_bind, s, &ll, sizeof ll);
	struct packet_mreq mr = { .mr_ifindex = 1, .mr_type = PACKET_MR_PROMISC };
	S(SYS_setsockopt, s, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof mr);
	S(SYS_setsockopt, s, SOL_PACKET, PACKET_DROP_MEMBERSHIP, &mr, sizeof mr);
	struct tpacket_stats st;
	socklen_t l = sizeof st;
	S(SYS_getsockopt, s, SOL_PACKET, PACKET_STATISTICS, &st, &l);
	struct sockaddr_ll to = { .sll_family = AF_PACKET, .sll_protocol = htons(0x88b5),
				  .sll_ifindex = 1, .sll_halen = 6,
				  .sll_addr = { 0, 0, 0, 0, 0, 0 } };
	unsigned char frame[20] = { 0 };
	S(SYS_sendto, s, frame, sizeof frame, 0, &to, sizeof to);
	S(SYS_close, s);
	S(SYS_socket, AF_PACKET, SOCK_DGRAM, htons(0x1234));
	return 0;
}

// SPDX-License-Identifier: MIT
// Socket constants: address families, socket types, levels, options, MSG_* flags.
// Names and their order follow strace 6.1 (its src/xlat/*.in lists); values come
// from the Linux uapi headers, or are literals where those headers lack the name.
// Only uapi headers here: glibc's own headers clash with them.
#include <asm/socket.h>
#include <linux/fcntl.h>
#include <linux/if_packet.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/ipv6.h>
#include <linux/netlink.h>
#include <linux/tcp.h>
#include <linux/udp.h>

#include "syscalls/xlat/tables.h"

namespace syscope::xlat {
namespace {

// clang-format off
#define E(name) Entry{static_cast<uint64_t>(name), #name}
// clang-format on

constexpr Entry kAddressFamilies[] = {
    Entry{0, "AF_UNSPEC"},      Entry{1, "AF_UNIX"},       Entry{2, "AF_INET"},
    Entry{3, "AF_AX25"},        Entry{4, "AF_IPX"},        Entry{5, "AF_APPLETALK"},
    Entry{6, "AF_NETROM"},      Entry{7, "AF_BRIDGE"},     Entry{8, "AF_ATMPVC"},
    Entry{9, "AF_X25"},         Entry{10, "AF_INET6"},     Entry{11, "AF_ROSE"},
    Entry{12, "AF_DECnet"},     Entry{13, "AF_NETBEUI"},   Entry{14, "AF_SECURITY"},
    Entry{15, "AF_KEY"},        Entry{16, "AF_NETLINK"},   Entry{17, "AF_PACKET"},
    Entry{18, "AF_ASH"},        Entry{19, "AF_ECONET"},    Entry{20, "AF_ATMSVC"},
    Entry{21, "AF_RDS"},        Entry{22, "AF_SNA"},       Entry{23, "AF_IRDA"},
    Entry{24, "AF_PPPOX"},      Entry{25, "AF_WANPIPE"},   Entry{26, "AF_LLC"},
    Entry{27, "AF_IB"},         Entry{28, "AF_MPLS"},      Entry{29, "AF_CAN"},
    Entry{30, "AF_TIPC"},       Entry{31, "AF_BLUETOOTH"}, Entry{32, "AF_IUCV"},
    Entry{33, "AF_RXRPC"},      Entry{34, "AF_ISDN"},      Entry{35, "AF_PHONET"},
    Entry{36, "AF_IEEE802154"}, Entry{37, "AF_CAIF"},      Entry{38, "AF_ALG"},
    Entry{39, "AF_NFC"},        Entry{40, "AF_VSOCK"},     Entry{41, "AF_KCM"},
    Entry{42, "AF_QIPCRTR"},    Entry{43, "AF_SMC"},       Entry{44, "AF_XDP"},
    Entry{45, "AF_MCTP"},
};
constexpr Entry kSocketTypes[] = {
    Entry{1, "SOCK_STREAM"},  Entry{2, "SOCK_DGRAM"},     Entry{3, "SOCK_RAW"},
    Entry{4, "SOCK_RDM"},     Entry{5, "SOCK_SEQPACKET"}, Entry{6, "SOCK_DCCP"},
    Entry{10, "SOCK_PACKET"},
};
constexpr Entry kSocketTypeFlags[] = {
    Entry{0x80000, "SOCK_CLOEXEC"},
    Entry{0x800, "SOCK_NONBLOCK"},
};
constexpr Entry kIpProtocols[] = {
    E(IPPROTO_IP),      E(IPPROTO_ICMP),     E(IPPROTO_IGMP),   E(IPPROTO_IPIP),
    E(IPPROTO_TCP),     E(IPPROTO_EGP),      E(IPPROTO_PUP),    E(IPPROTO_UDP),
    E(IPPROTO_IDP),     E(IPPROTO_TP),       E(IPPROTO_DCCP),   E(IPPROTO_IPV6),
    E(IPPROTO_ROUTING), E(IPPROTO_FRAGMENT), E(IPPROTO_RSVP),   E(IPPROTO_GRE),
    E(IPPROTO_ESP),     E(IPPROTO_AH),       E(IPPROTO_ICMPV6), E(IPPROTO_NONE),
    E(IPPROTO_DSTOPTS), E(IPPROTO_MTP),      E(IPPROTO_BEETPH), E(IPPROTO_ENCAP),
    E(IPPROTO_PIM),     E(IPPROTO_COMP),     E(IPPROTO_L2TP),   E(IPPROTO_SCTP),
    E(IPPROTO_MH),      E(IPPROTO_UDPLITE),  E(IPPROTO_MPLS),   E(IPPROTO_ETHERNET),
    E(IPPROTO_RAW),     E(IPPROTO_MPTCP),
};
constexpr Entry kNetlinkProtocols[] = {
    E(NETLINK_ROUTE),      E(NETLINK_UNUSED),
    E(NETLINK_USERSOCK),   E(NETLINK_FIREWALL),
    E(NETLINK_SOCK_DIAG),  E(NETLINK_NFLOG),
    E(NETLINK_XFRM),       E(NETLINK_SELINUX),
    E(NETLINK_ISCSI),      E(NETLINK_AUDIT),
    E(NETLINK_FIB_LOOKUP), E(NETLINK_CONNECTOR),
    E(NETLINK_NETFILTER),  E(NETLINK_IP6_FW),
    E(NETLINK_DNRTMSG),    E(NETLINK_KOBJECT_UEVENT),
    E(NETLINK_GENERIC),    E(NETLINK_SCSITRANSPORT),
    E(NETLINK_ECRYPTFS),   E(NETLINK_RDMA),
    E(NETLINK_CRYPTO),     E(NETLINK_SMC),
};
constexpr Entry kSocketLevels[] = {
    Entry{0, "SOL_IP"},          E(SOL_SOCKET),
    Entry{6, "SOL_TCP"},         Entry{17, "SOL_UDP"},
    Entry{40, "AF_VSOCK"},       Entry{41, "SOL_IPV6"},
    Entry{58, "SOL_ICMPV6"},     Entry{100, "SOL_CAN_BASE"},
    Entry{101, "SOL_CAN_RAW"},   Entry{132, "SOL_SCTP"},
    Entry{136, "SOL_UDPLITE"},   Entry{255, "SOL_RAW"},
    Entry{256, "SOL_IPX"},       Entry{257, "SOL_AX25"},
    Entry{258, "SOL_ATALK"},     Entry{259, "SOL_NETROM"},
    Entry{260, "SOL_ROSE"},      Entry{261, "SOL_DECNET"},
    Entry{262, "SOL_X25"},       Entry{263, "SOL_PACKET"},
    Entry{264, "SOL_ATM"},       Entry{265, "SOL_AAL"},
    Entry{266, "SOL_IRDA"},      Entry{267, "SOL_NETBEUI"},
    Entry{268, "SOL_LLC"},       Entry{269, "SOL_DCCP"},
    Entry{270, "SOL_NETLINK"},   Entry{271, "SOL_TIPC"},
    Entry{272, "SOL_RXRPC"},     Entry{273, "SOL_PPPOL2TP"},
    Entry{274, "SOL_BLUETOOTH"}, Entry{275, "SOL_PNPIPE"},
    Entry{276, "SOL_RDS"},       Entry{277, "SOL_IUCV"},
    Entry{278, "SOL_CAIF"},      Entry{279, "SOL_ALG"},
    Entry{280, "SOL_NFC"},       Entry{281, "SOL_KCM"},
    Entry{282, "SOL_TLS"},       Entry{283, "SOL_XDP"},
};
constexpr Entry kSocketOptions[] = {
    E(SO_DEBUG),
    E(SO_REUSEADDR),
    E(SO_TYPE),
    E(SO_ERROR),
    E(SO_DONTROUTE),
    E(SO_BROADCAST),
    E(SO_SNDBUF),
    E(SO_RCVBUF),
    E(SO_KEEPALIVE),
    E(SO_OOBINLINE),
    E(SO_NO_CHECK),
    E(SO_PRIORITY),
    E(SO_LINGER),
    E(SO_BSDCOMPAT),
    E(SO_REUSEPORT),
    E(SO_PASSCRED),
    E(SO_PEERCRED),
    E(SO_RCVLOWAT),
    E(SO_SNDLOWAT),
    E(SO_RCVTIMEO_OLD),
    E(SO_SNDTIMEO_OLD),
    E(SO_SECURITY_AUTHENTICATION),
    E(SO_SECURITY_ENCRYPTION_TRANSPORT),
    E(SO_SECURITY_ENCRYPTION_NETWORK),
    E(SO_BINDTODEVICE),
    E(SO_DETACH_FILTER),
    E(SO_PEERNAME),
    E(SO_TIMESTAMP_OLD),
    E(SO_ACCEPTCONN),
    E(SO_PEERSEC),
    E(SO_SNDBUFFORCE),
    E(SO_RCVBUFFORCE),
    E(SO_PASSSEC),
    E(SO_TIMESTAMPNS_OLD),
    E(SO_MARK),
    E(SO_TIMESTAMPING_OLD),
    E(SO_PROTOCOL),
    E(SO_DOMAIN),
    E(SO_RXQ_OVFL),
    E(SO_WIFI_STATUS),
    E(SO_PEEK_OFF),
    E(SO_NOFCS),
    E(SO_LOCK_FILTER),
    E(SO_SELECT_ERR_QUEUE),
    E(SO_BUSY_POLL),
    E(SO_MAX_PACING_RATE),
    E(SO_BPF_EXTENSIONS),
    E(SO_INCOMING_CPU),
    E(SO_ATTACH_BPF),
    E(SO_ATTACH_REUSEPORT_CBPF),
    E(SO_ATTACH_REUSEPORT_EBPF),
    E(SO_CNX_ADVICE),
    E(SO_MEMINFO),
    E(SO_INCOMING_NAPI_ID),
    E(SO_COOKIE),
    E(SO_PEERGROUPS),
    E(SO_ZEROCOPY),
    E(SO_TXTIME),
    E(SO_BINDTOIFINDEX),
    E(SO_TIMESTAMP_NEW),
    E(SO_TIMESTAMPNS_NEW),
    E(SO_TIMESTAMPING_NEW),
    E(SO_RCVTIMEO_NEW),
    E(SO_SNDTIMEO_NEW),
    E(SO_DETACH_REUSEPORT_BPF),
    E(SO_PREFER_BUSY_POLL),
    E(SO_BUSY_POLL_BUDGET),
    E(SO_NETNS_COOKIE),
    E(SO_BUF_LOCK),
    E(SO_RESERVE_MEM),
    E(SO_TXREHASH),
    E(SO_RCVMARK),
};
constexpr Entry kGetsockOptions[] = {
    E(SO_GET_FILTER),
};
constexpr Entry kSetsockOptions[] = {
    E(SO_ATTACH_FILTER),
};
constexpr Entry kIpOptions[] = {
    E(IP_TOS),
    E(IP_TTL),
    E(IP_HDRINCL),
    E(IP_OPTIONS),
    E(IP_ROUTER_ALERT),
    E(IP_RECVOPTS),
    E(IP_RETOPTS),
    E(IP_PKTINFO),
    E(IP_PKTOPTIONS),
    E(IP_MTU_DISCOVER),
    E(IP_RECVERR),
    E(IP_RECVTTL),
    E(IP_RECVTOS),
    E(IP_MTU),
    E(IP_FREEBIND),
    E(IP_IPSEC_POLICY),
    E(IP_XFRM_POLICY),
    E(IP_PASSSEC),
    E(IP_TRANSPARENT),
    E(IP_ORIGDSTADDR),
    E(IP_MINTTL),
    E(IP_NODEFRAG),
    E(IP_CHECKSUM),
    E(IP_BIND_ADDRESS_NO_PORT),
    E(IP_RECVFRAGSIZE),
    E(IP_RECVERR_RFC4884),
    E(IP_MULTICAST_IF),
    E(IP_MULTICAST_TTL),
    E(IP_MULTICAST_LOOP),
    E(IP_ADD_MEMBERSHIP),
    E(IP_DROP_MEMBERSHIP),
    E(IP_UNBLOCK_SOURCE),
    E(IP_BLOCK_SOURCE),
    E(IP_ADD_SOURCE_MEMBERSHIP),
    E(IP_DROP_SOURCE_MEMBERSHIP),
    E(IP_MSFILTER),
    E(MCAST_JOIN_GROUP),
    E(MCAST_BLOCK_SOURCE),
    E(MCAST_UNBLOCK_SOURCE),
    E(MCAST_LEAVE_GROUP),
    E(MCAST_JOIN_SOURCE_GROUP),
    E(MCAST_LEAVE_SOURCE_GROUP),
    E(MCAST_MSFILTER),
    E(IP_MULTICAST_ALL),
    E(IP_UNICAST_IF),
};
constexpr Entry kGetsockIpOptions[] = {
    Entry{96, "ARPT_SO_GET_INFO"},
    Entry{97, "ARPT_SO_GET_ENTRIES"},
    Entry{99, "ARPT_SO_GET_REVISION_TARGET"},
    Entry{128, "EBT_SO_GET_INFO"},
    Entry{129, "EBT_SO_GET_ENTRIES"},
    Entry{130, "EBT_SO_GET_INIT_INFO"},
    Entry{131, "EBT_SO_GET_INIT_ENTRIES"},
    Entry{0x480, "IP_VS_SO_GET_VERSION"},
    Entry{0x481, "IP_VS_SO_GET_INFO"},
    Entry{0x482, "IP_VS_SO_GET_SERVICES"},
    Entry{0x483, "IP_VS_SO_GET_SERVICE"},
    Entry{0x484, "IP_VS_SO_GET_DESTS"},
    Entry{0x485, "IP_VS_SO_GET_DEST"},
    Entry{0x486, "IP_VS_SO_GET_TIMEOUT"},
    Entry{0x487, "IP_VS_SO_GET_DAEMON"},
    Entry{64, "IPT_SO_GET_INFO"},
    Entry{65, "IPT_SO_GET_ENTRIES"},
    Entry{66, "IPT_SO_GET_REVISION_MATCH"},
    Entry{67, "IPT_SO_GET_REVISION_TARGET"},
};
constexpr Entry kSetsockIpOptions[] = {
    Entry{96, "ARPT_SO_SET_REPLACE"},        Entry{97, "ARPT_SO_SET_ADD_COUNTERS"},
    Entry{128, "EBT_SO_SET_ENTRIES"},        Entry{129, "EBT_SO_SET_COUNTERS"},
    Entry{0x480, "IP_VS_SO_SET_NONE"},       Entry{0x481, "IP_VS_SO_SET_INSERT"},
    Entry{0x482, "IP_VS_SO_SET_ADD"},        Entry{0x483, "IP_VS_SO_SET_EDIT"},
    Entry{0x484, "IP_VS_SO_SET_DEL"},        Entry{0x485, "IP_VS_SO_SET_FLUSH"},
    Entry{0x486, "IP_VS_SO_SET_LIST"},       Entry{0x487, "IP_VS_SO_SET_ADDDEST"},
    Entry{0x488, "IP_VS_SO_SET_DELDEST"},    Entry{0x489, "IP_VS_SO_SET_EDITDEST"},
    Entry{0x48a, "IP_VS_SO_SET_TIMEOUT"},    Entry{0x48b, "IP_VS_SO_SET_STARTDAEMON"},
    Entry{0x48c, "IP_VS_SO_SET_STOPDAEMON"}, Entry{0x48d, "IP_VS_SO_SET_RESTORE"},
    Entry{0x48e, "IP_VS_SO_SET_SAVE"},       Entry{0x48f, "IP_VS_SO_SET_ZERO"},
    Entry{64, "IPT_SO_SET_REPLACE"},         Entry{65, "IPT_SO_SET_ADD_COUNTERS"},
};
constexpr Entry kIpv6Options[] = {
    E(IPV6_ADDRFORM),
    E(IPV6_2292PKTINFO),
    E(IPV6_2292HOPOPTS),
    E(IPV6_2292DSTOPTS),
    E(IPV6_2292RTHDR),
    E(IPV6_2292PKTOPTIONS),
    E(IPV6_CHECKSUM),
    E(IPV6_2292HOPLIMIT),
    E(IPV6_NEXTHOP),
    E(IPV6_AUTHHDR),
    E(IPV6_FLOWINFO),
    E(IPV6_UNICAST_HOPS),
    E(IPV6_MULTICAST_IF),
    E(IPV6_MULTICAST_HOPS),
    E(IPV6_MULTICAST_LOOP),
    E(IPV6_ADD_MEMBERSHIP),
    E(IPV6_DROP_MEMBERSHIP),
    E(IPV6_ROUTER_ALERT),
    E(IPV6_MTU_DISCOVER),
    E(IPV6_MTU),
    E(IPV6_RECVERR),
    E(IPV6_V6ONLY),
    E(IPV6_JOIN_ANYCAST),
    E(IPV6_LEAVE_ANYCAST),
    E(IPV6_MULTICAST_ALL),
    E(IPV6_ROUTER_ALERT_ISOLATE),
    E(IPV6_RECVERR_RFC4884),
    E(IPV6_FLOWLABEL_MGR),
    E(IPV6_FLOWINFO_SEND),
    E(IPV6_IPSEC_POLICY),
    E(IPV6_XFRM_POLICY),
    E(IPV6_HDRINCL),
    E(MCAST_JOIN_GROUP),
    E(MCAST_BLOCK_SOURCE),
    E(MCAST_UNBLOCK_SOURCE),
    E(MCAST_LEAVE_GROUP),
    E(MCAST_JOIN_SOURCE_GROUP),
    E(MCAST_LEAVE_SOURCE_GROUP),
    E(MCAST_MSFILTER),
    E(IPV6_RECVPKTINFO),
    E(IPV6_PKTINFO),
    E(IPV6_RECVHOPLIMIT),
    E(IPV6_HOPLIMIT),
    E(IPV6_RECVHOPOPTS),
    E(IPV6_HOPOPTS),
    E(IPV6_RTHDRDSTOPTS),
    E(IPV6_RECVRTHDR),
    E(IPV6_RTHDR),
    E(IPV6_RECVDSTOPTS),
    E(IPV6_DSTOPTS),
    E(IPV6_RECVPATHMTU),
    E(IPV6_PATHMTU),
    E(IPV6_DONTFRAG),
    Entry{63, "IPV6_USE_MIN_MTU"},
    E(IPV6_RECVTCLASS),
    E(IPV6_TCLASS),
    E(IPV6_AUTOFLOWLABEL),
    E(IPV6_ADDR_PREFERENCES),
    E(IPV6_MINHOPCOUNT),
    E(IPV6_ORIGDSTADDR),
    E(IPV6_TRANSPARENT),
    E(IPV6_UNICAST_IF),
    E(IPV6_RECVFRAGSIZE),
    E(IPV6_FREEBIND),
};
constexpr Entry kGetsockIpv6Options[] = {
    Entry{64, "IP6T_SO_GET_INFO"},
    Entry{65, "IP6T_SO_GET_ENTRIES"},
    Entry{68, "IP6T_SO_GET_REVISION_MATCH"},
    Entry{69, "IP6T_SO_GET_REVISION_TARGET"},
};
constexpr Entry kSetsockIpv6Options[] = {
    Entry{64, "IP6T_SO_SET_REPLACE"},
    Entry{65, "IP6T_SO_SET_ADD_COUNTERS"},
};
constexpr Entry kTcpOptions[] = {
    E(TCP_NODELAY),
    E(TCP_MAXSEG),
    E(TCP_CORK),
    E(TCP_KEEPIDLE),
    E(TCP_KEEPINTVL),
    E(TCP_KEEPCNT),
    E(TCP_SYNCNT),
    E(TCP_LINGER2),
    E(TCP_DEFER_ACCEPT),
    E(TCP_WINDOW_CLAMP),
    E(TCP_INFO),
    E(TCP_QUICKACK),
    E(TCP_CONGESTION),
    E(TCP_MD5SIG),
    Entry{15, "TCP_COOKIE_TRANSACTIONS"},
    E(TCP_THIN_LINEAR_TIMEOUTS),
    E(TCP_THIN_DUPACK),
    E(TCP_USER_TIMEOUT),
    E(TCP_REPAIR),
    E(TCP_REPAIR_QUEUE),
    E(TCP_QUEUE_SEQ),
    E(TCP_REPAIR_OPTIONS),
    E(TCP_FASTOPEN),
    E(TCP_TIMESTAMP),
    E(TCP_NOTSENT_LOWAT),
    E(TCP_CC_INFO),
    E(TCP_SAVE_SYN),
    E(TCP_SAVED_SYN),
    E(TCP_REPAIR_WINDOW),
    E(TCP_FASTOPEN_CONNECT),
    E(TCP_ULP),
    E(TCP_MD5SIG_EXT),
    E(TCP_FASTOPEN_KEY),
    E(TCP_FASTOPEN_NO_COOKIE),
    E(TCP_ZEROCOPY_RECEIVE),
    E(TCP_INQ),
    E(TCP_TX_DELAY),
};
constexpr Entry kUdpOptions[] = {
    E(UDP_CORK), E(UDP_ENCAP), E(UDP_NO_CHECK6_TX), E(UDP_NO_CHECK6_RX), E(UDP_SEGMENT), E(UDP_GRO),
};
constexpr Entry kNetlinkOptions[] = {
    E(NETLINK_ADD_MEMBERSHIP),  E(NETLINK_DROP_MEMBERSHIP), E(NETLINK_PKTINFO),
    E(NETLINK_BROADCAST_ERROR), E(NETLINK_NO_ENOBUFS),      E(NETLINK_RX_RING),
    E(NETLINK_TX_RING),         E(NETLINK_LISTEN_ALL_NSID), E(NETLINK_LIST_MEMBERSHIPS),
    E(NETLINK_CAP_ACK),         E(NETLINK_EXT_ACK),         E(NETLINK_GET_STRICT_CHK),
};
constexpr Entry kPacketOptions[] = {
    E(PACKET_ADD_MEMBERSHIP), E(PACKET_DROP_MEMBERSHIP),
    E(PACKET_RECV_OUTPUT),    E(PACKET_RX_RING),
    E(PACKET_STATISTICS),     E(PACKET_COPY_THRESH),
    E(PACKET_AUXDATA),        E(PACKET_ORIGDEV),
    E(PACKET_VERSION),        E(PACKET_HDRLEN),
    E(PACKET_RESERVE),        E(PACKET_TX_RING),
    E(PACKET_LOSS),           E(PACKET_VNET_HDR),
    E(PACKET_TX_TIMESTAMP),   E(PACKET_TIMESTAMP),
    E(PACKET_FANOUT),         E(PACKET_TX_HAS_OFF),
    E(PACKET_QDISC_BYPASS),   E(PACKET_ROLLOVER_STATS),
    E(PACKET_FANOUT_DATA),    E(PACKET_IGNORE_OUTGOING),
};
constexpr Entry kMsgFlags[] = {
    Entry{0x1, "MSG_OOB"},
    Entry{0x2, "MSG_PEEK"},
    Entry{0x4, "MSG_DONTROUTE"},
    Entry{0x8, "MSG_CTRUNC"},
    Entry{0x10, "MSG_PROBE"},
    Entry{0x20, "MSG_TRUNC"},
    Entry{0x40, "MSG_DONTWAIT"},
    Entry{0x80, "MSG_EOR"},
    Entry{0x100, "MSG_WAITALL"},
    Entry{0x200, "MSG_FIN"},
    Entry{0x400, "MSG_SYN"},
    Entry{0x800, "MSG_CONFIRM"},
    Entry{0x1000, "MSG_RST"},
    Entry{0x2000, "MSG_ERRQUEUE"},
    Entry{0x4000, "MSG_NOSIGNAL"},
    Entry{0x8000, "MSG_MORE"},
    Entry{0x10000, "MSG_WAITFORONE"},
    Entry{0x20000, "MSG_SENDPAGE_NOTLAST"},
    Entry{0x40000, "MSG_BATCH"},
    Entry{0x80000, "MSG_NO_SHARED_FRAGS"},
    Entry{0x4000000, "MSG_ZEROCOPY"},
    Entry{0x20000000, "MSG_FASTOPEN"},
    Entry{0x40000000, "MSG_CMSG_CLOEXEC"},
    Entry{0x80000000, "MSG_CMSG_COMPAT"},
};
constexpr Entry kShutdownModes[] = {
    Entry{0, "SHUT_RD"},
    Entry{1, "SHUT_WR"},
    Entry{2, "SHUT_RDWR"},
};
constexpr Entry kScmTypes[] = {
    Entry{1, "SCM_RIGHTS"},
    Entry{2, "SCM_CREDENTIALS"},
    Entry{3, "SCM_SECURITY"},
    E(SO_WIFI_STATUS),
    E(SO_TXTIME),
    E(SO_TIMESTAMP_OLD),
    E(SO_TIMESTAMPNS_OLD),
    E(SO_TIMESTAMPING_OLD),
    E(SO_TIMESTAMP_NEW),
    E(SO_TIMESTAMPNS_NEW),
    E(SO_TIMESTAMPING_NEW),
    E(SCM_TIMESTAMPING_OPT_STATS),
    E(SCM_TIMESTAMPING_PKTINFO),
};

#undef E

}  // namespace

const Table address_families{kAddressFamilies, std::size(kAddressFamilies), "AF_???"};
const Table socket_types{kSocketTypes, std::size(kSocketTypes), "SOCK_???"};
const Table socket_type_flags{kSocketTypeFlags, std::size(kSocketTypeFlags), "SOCK_???"};
const Table ip_protocols{kIpProtocols, std::size(kIpProtocols), "IPPROTO_???"};
const Table netlink_protocols{kNetlinkProtocols, std::size(kNetlinkProtocols), "NETLINK_???"};
const Table socket_levels{kSocketLevels, std::size(kSocketLevels), "SOL_??"};
const Table socket_options{kSocketOptions, std::size(kSocketOptions), "SO_???"};
const Table getsock_options{kGetsockOptions, std::size(kGetsockOptions), "SO_???"};
const Table setsock_options{kSetsockOptions, std::size(kSetsockOptions), "SO_???"};
const Table ip_options{kIpOptions, std::size(kIpOptions), "IP_???"};
const Table getsock_ip_options{kGetsockIpOptions, std::size(kGetsockIpOptions), "IP_???"};
const Table setsock_ip_options{kSetsockIpOptions, std::size(kSetsockIpOptions), "IP_???"};
const Table ipv6_options{kIpv6Options, std::size(kIpv6Options), "IPV6_???"};
const Table getsock_ipv6_options{kGetsockIpv6Options, std::size(kGetsockIpv6Options), "IPV6_???"};
const Table setsock_ipv6_options{kSetsockIpv6Options, std::size(kSetsockIpv6Options), "IPV6_???"};
const Table tcp_options{kTcpOptions, std::size(kTcpOptions), "TCP_???"};
const Table udp_options{kUdpOptions, std::size(kUdpOptions), "UDP_???"};
const Table netlink_options{kNetlinkOptions, std::size(kNetlinkOptions), "NETLINK_???"};
const Table packet_options{kPacketOptions, std::size(kPacketOptions), "PACKET_???"};
const Table msg_flags{kMsgFlags, std::size(kMsgFlags), "MSG_???"};
const Table shutdown_modes{kShutdownModes, std::size(kShutdownModes), "SHUT_???"};
const Table scm_types{kScmTypes, std::size(kScmTypes), "SCM_???"};

}  // namespace syscope::xlat

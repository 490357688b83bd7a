// SPDX-License-Identifier: MIT
// Pieces of the socket decoders shared between net.cc, net_sockaddr.cc,
// net_msghdr.cc, net_sockopt.cc and net_netlink.cc.
#pragma once

#include <cstdint>

#include "decoders/decoder.h"

namespace syscope::net {

// sockaddr already copied into our memory (at least addrlen bytes readable,
// and one zero byte beyond).
void print_sockaddr(Call& c, const void* buf, int addrlen);
// decode_sockaddr(): fetches and prints; returns the address family or -1.
int decode_sockaddr(Call& c, uint64_t addr, int addrlen);
// "sin_addr=inet_addr(\"127.0.0.1\")" and the -X variants; var_name may be null.
bool print_inet_addr(Printer& p, int af, const void* addr, unsigned len, const char* var_name);
// decode_inet_addr(): an address of the family in tracee memory.
bool decode_inet_addr(Call& c, uint64_t addr, unsigned len, int af, const char* var_name);
// An interface index: if_nametoindex("lo") or the number.
void print_ifindex(Printer& p, unsigned idx);
// A port in network order: htons(80).
void print_net_port(Printer& p, const char* name, uint16_t be_port);

// ETH_P_* (net_sockaddr.cc).
const xlat::Table& ethernet_protocols();
// ARPHRD_* (net_sockaddr.cc).
const xlat::Table& arp_hardware_types();

// Socket type with its flags: SOCK_STREAM|SOCK_CLOEXEC.
void print_sock_type(Printer& p, unsigned type);

// Data sent to / received from a socket: a netlink message dump for netlink
// sockets, else a string.
void decode_sockbuf(Call& c, int fd, uint64_t addr, uint64_t len);
// Netlink messages at addr (len bytes) on socket fd.
void decode_netlink(Call& c, int fd, uint64_t addr, uint64_t len);
// The NETLINK_* protocol of a socket fd of the tracee, -1 if not netlink.
int netlink_family_of_fd(Call& c, int fd);

// struct msghdr printing (net_msghdr.cc).
struct MsgHdr {
  uint64_t msg_name;
  uint32_t msg_namelen;
  uint64_t msg_iov;
  uint64_t msg_iovlen;
  uint64_t msg_control;
  uint64_t msg_controllen;
  int32_t msg_flags;
};
bool fetch_msghdr(Call& c, uint64_t addr, MsgHdr* m);
// p_user_namelen: msg_namelen at entry (recvmsg), or null. data_size limits
// the printed iov data (the return value of recvmsg), ~0 for none.
void print_msghdr(Call& c, const MsgHdr& m, const int* p_user_namelen, uint64_t data_size);

}  // namespace syscope::net

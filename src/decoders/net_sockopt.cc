// SPDX-License-Identifier: MIT
// setsockopt / getsockopt: level and option names per protocol level, and the
// option values strace knows ([1], {l_onoff=1, l_linger=5}, {pid=.., uid=..}).
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>
#include <string>

#include "decoders/misc_bpf_filter.h"
#include "decoders/misc_common.h"
#include "decoders/net_internal.h"
#include "syscalls/xlat/tables.h"

namespace syscope {
namespace {

using nim::print_flags;
using nim::print_xval;
using nim::print_xvals;

// Levels without a table in xlat/tables.h.
constexpr unsigned kSolRaw = 255;
constexpr unsigned kSolPacket = 263;
constexpr unsigned kSolNetlink = 270;
constexpr unsigned kSolUdp = 17;
constexpr unsigned kSolTcp = 6;
constexpr unsigned kSolIpv6 = 41;
constexpr unsigned kSolIp = 0;
constexpr unsigned kSolSocket = 1;

const xlat::Entry kRawOptions[] = {{1, "ICMP_FILTER"}};
const xlat::Table kRawOptionsTable{kRawOptions, std::size(kRawOptions), "RAW_???"};

const xlat::Entry kTxrehashVals[] = {
    {0, "SOCK_TXREHASH_DISABLED"}, {1, "SOCK_TXREHASH_ENABLED"}, {255, "SOCK_TXREHASH_DEFAULT"}};
const xlat::Table kTxrehashTable{kTxrehashVals, std::size(kTxrehashVals), "SOCK_TXREHASH_???"};

const xlat::Entry kPacketMreqTypes[] = {{0, "PACKET_MR_MULTICAST"},
                                        {1, "PACKET_MR_PROMISC"},
                                        {2, "PACKET_MR_ALLMULTI"},
                                        {3, "PACKET_MR_UNICAST"}};
const xlat::Table kPacketMreqTable{kPacketMreqTypes, std::size(kPacketMreqTypes), "PACKET_MR_???"};

const xlat::Entry kIcmpFilterFlags[] = {
    {0, "ICMP_ECHOREPLY"},     {3, "ICMP_DEST_UNREACH"},  {4, "ICMP_SOURCE_QUENCH"},
    {5, "ICMP_REDIRECT"},      {8, "ICMP_ECHO"},          {11, "ICMP_TIME_EXCEEDED"},
    {12, "ICMP_PARAMETERPROB"}, {13, "ICMP_TIMESTAMP"},   {14, "ICMP_TIMESTAMPREPLY"},
    {15, "ICMP_INFO_REQUEST"}, {16, "ICMP_INFO_REPLY"},   {17, "ICMP_ADDRESS"},
    {18, "ICMP_ADDRESSREPLY"},
};
const xlat::Table kIcmpFilterTable{kIcmpFilterFlags, std::size(kIcmpFilterFlags), "ICMP_???"};

void field(Printer& p, const char* name) { p.lit(name).ch('='); }

void print_level_name(Call& c, unsigned level, unsigned name, bool get) {
  Printer& p = *c.p;
  p.fd(c.iarg(0));
  p.sep();
  print_xval(p, level, xlat::socket_levels, "SOL_??");
  p.sep();
  switch (level) {
    case kSolSocket:
      print_xvals(p, name, "SO_???",
                  {&xlat::socket_options, get ? &xlat::getsock_options : &xlat::setsock_options});
      break;
    case kSolIp:
      print_xvals(p, name, "IP_???",
                  {&xlat::ip_options, get ? &xlat::getsock_ip_options : &xlat::setsock_ip_options});
      break;
    case kSolIpv6:
      print_xvals(p, name, "IPV6_???",
                  {&xlat::ipv6_options,
                   get ? &xlat::getsock_ipv6_options : &xlat::setsock_ipv6_options});
      break;
    case kSolPacket: print_xval(p, name, xlat::packet_options, "PACKET_???"); break;
    case kSolTcp: print_xval(p, name, xlat::tcp_options, "TCP_???"); break;
    case kSolRaw: print_xval(p, name, kRawOptionsTable, "RAW_???"); break;
    case kSolNetlink: print_xval(p, name, xlat::netlink_options, "NETLINK_???"); break;
    case kSolUdp: print_xval(p, name, xlat::udp_options, "UDP_???"); break;
    default: p.udec(name); break;
  }
}

bool is_int_sockopt(unsigned name) {
  switch (name) {
    case SO_DEBUG: case SO_REUSEADDR: case SO_DONTROUTE: case SO_BROADCAST: case SO_SNDBUF:
    case SO_RCVBUF: case SO_KEEPALIVE: case SO_OOBINLINE: case SO_NO_CHECK: case SO_PRIORITY:
    case SO_BSDCOMPAT: case SO_REUSEPORT: case SO_PASSCRED: case SO_RCVLOWAT: case SO_SNDLOWAT:
    case SO_DETACH_FILTER: case 29 /* SO_TIMESTAMP_OLD */: case SO_ACCEPTCONN:
    case SO_SNDBUFFORCE: case SO_RCVBUFFORCE: case SO_PASSSEC: case 35 /* SO_TIMESTAMPNS_OLD */:
    case SO_MARK: case 37 /* SO_TIMESTAMPING_OLD */: case SO_RXQ_OVFL: case SO_WIFI_STATUS:
    case SO_PEEK_OFF: case SO_NOFCS: case SO_LOCK_FILTER: case SO_SELECT_ERR_QUEUE:
    case SO_BUSY_POLL: case SO_INCOMING_CPU: case SO_CNX_ADVICE: case SO_INCOMING_NAPI_ID:
    case SO_ZEROCOPY: case 63 /* SO_TIMESTAMP_NEW */: case 64 /* SO_TIMESTAMPNS_NEW */:
    case 65 /* SO_TIMESTAMPING_NEW */: case 68 /* SO_DETACH_REUSEPORT_BPF */:
    case 69 /* SO_PREFER_BUSY_POLL */: case 70 /* SO_BUSY_POLL_BUDGET */:
    case 73 /* SO_RESERVE_MEM */: case 75 /* SO_RCVMARK */:
      return true;
    default: return false;
  }
}

constexpr unsigned kSoTxrehash = 74;
constexpr unsigned kSoGetFilter = 26;  // == SO_ATTACH_FILTER
constexpr unsigned kSoAttachReuseportCbpf = 51;
constexpr unsigned kIcmpFilter = 1;
constexpr unsigned kNetlinkListMemberships = 9;
constexpr unsigned kPacketStatistics = 6;
constexpr unsigned kPacketAddMembership = 1;
constexpr unsigned kPacketDropMembership = 2;
constexpr unsigned kPacketRxRing = 5;
constexpr unsigned kPacketTxRing = 13;
constexpr unsigned kMcastJoinGroup = 42;
constexpr unsigned kMcastLeaveGroup = 45;

void print_txrehash(Call& c, uint64_t addr, int len) {
  Printer& p = *c.p;
  if (len < 4) {
    if (!c.exiting)
      p.addr(addr);
    else
      nim::print_str(c, addr, static_cast<uint64_t>(len), nim::kQuoteForceHex);
    return;
  }
  int32_t v;
  if (!nim::fetch_or_addr(c, addr, &v)) return;
  p.ch('[');
  print_xval(p, static_cast<uint64_t>(static_cast<int64_t>(v)), kTxrehashTable,
             "SOCK_TXREHASH_???", nim::XFmt::kDec);
  p.ch(']');
}

void print_icmp_filter(Call& c, uint64_t addr, int len) {
  Printer& p = *c.p;
  uint32_t data = ~0u;
  if (len > 4)
    len = 4;
  else if (len <= 0) {
    p.addr(addr);
    return;
  }
  if (!nim::fetch_or_addr(c, addr, &data, static_cast<size_t>(len))) return;
  if (__builtin_popcount(data) > 16) {
    data = ~data;
    p.ch('~');
  }
  p.ch('[');
  bool next = false;
  for (int i = 0; i < 32; ++i) {
    if (!(data & (1u << i))) continue;
    if (next) p.ch(' ');
    next = true;
    print_xval(p, static_cast<uint64_t>(i), kIcmpFilterTable, "ICMP_???");
  }
  p.ch(']');
}

// SO_ATTACH_FILTER's struct sock_fprog: {len=N, filter=ADDR}; the program
// itself is printed only with -v, as a BPF_STMT list.
void decode_sock_fprog(Call& c, uint64_t addr) {
  struct {
    uint16_t len;
    uint16_t pad1;
    uint32_t pad2;
    uint64_t filter;
  } f64;
  Printer& p = *c.p;
  uint64_t filter;
  uint16_t len;
  if (c.abi == Abi::kI386) {
    struct {
      uint16_t len, pad;
      uint32_t filter;
    } f32;
    if (!nim::fetch_or_addr(c, addr, &f32)) return;
    len = f32.len;
    filter = f32.filter;
  } else {
    if (!nim::fetch_or_addr(c, addr, &f64)) return;
    len = f64.len;
    filter = f64.filter;
  }
  p.lit("{len=");
  p.udec(len);
  p.lit(", filter=");
  nim::print_sock_filter_array(c, filter, len);
  p.ch('}');
}

void print_group_req(Call& c, uint64_t addr, int len) {
  Printer& p = *c.p;
  const int size = c.abi == Abi::kI386 ? 132 : 136;
  if (len < size) {
    p.addr(addr);
    return;
  }
  unsigned char buf[136 + 1] = {};
  if (!nim::fetch_or_addr(c, addr, buf, static_cast<size_t>(size))) return;
  uint32_t ifindex;
  memcpy(&ifindex, buf, 4);
  const int off = c.abi == Abi::kI386 ? 4 : 8;
  p.ch('{');
  field(p, "gr_interface");
  net::print_ifindex(p, ifindex);
  p.sep();
  field(p, "gr_group");
  unsigned char sa[sizeof(sockaddr_storage) + 1] = {};
  memcpy(sa, buf + off, sizeof(sockaddr_storage));
  net::print_sockaddr(c, sa, sizeof(sockaddr_storage));
  p.ch('}');
}

void print_int_value(Call& c, uint64_t addr, int len, bool exiting) {
  (void)exiting;
  if (len < 4)
    c.p->addr(addr);
  else
    nim::print_num_int(c, addr);
}

void print_getsockopt(Call& c, unsigned level, unsigned name, uint64_t addr, int ulen, int rlen) {
  Printer& p = *c.p;
  if (ulen <= 0 || rlen <= 0) {
    p.addr(addr);
    return;
  }
  if (addr && nim::verbose(c)) {
    switch (level) {
      case kSolSocket:
        switch (name) {
          case SO_LINGER: {
            struct linger lg = {};
            size_t len = static_cast<size_t>(rlen) > sizeof lg ? sizeof lg : static_cast<size_t>(rlen);
            if (!nim::fetch_or_addr(c, addr, &lg, len)) return;
            p.ch('{');
            if (len >= offsetof(struct linger, l_onoff) + sizeof lg.l_onoff) {
              field(p, "l_onoff");
              p.dec(lg.l_onoff);
            }
            if (len >= offsetof(struct linger, l_linger) + sizeof lg.l_linger) {
              p.sep();
              field(p, "l_linger");
              p.dec(lg.l_linger);
            }
            p.ch('}');
            return;
          }
          case SO_PEERCRED: {
            ucred uc = {};
            size_t len = static_cast<size_t>(rlen) > sizeof uc ? sizeof uc : static_cast<size_t>(rlen);
            if (!nim::fetch_or_addr(c, addr, &uc, len)) return;
            p.ch('{');
            if (len >= 4) {
              field(p, "pid");
              p.dec(uc.pid);
            }
            if (len >= 8) {
              p.sep();
              field(p, "uid");
              nim::print_id(p, uc.uid);
            }
            if (len >= 12) {
              p.sep();
              field(p, "gid");
              nim::print_id(p, uc.gid);
            }
            p.ch('}');
            return;
          }
          case kSoGetFilter:
            // The length is the number of instructions (an unsigned short).
            if (static_cast<unsigned short>(rlen) == static_cast<unsigned>(rlen))
              nim::print_sock_filter_array(c, addr, static_cast<unsigned>(rlen));
            else
              p.addr(addr);
            return;
          case SO_ERROR: {
            if (rlen < 4) {
              nim::print_str(c, addr, static_cast<uint64_t>(rlen), nim::kQuoteForceHex);
              return;
            }
            uint32_t err;
            if (!nim::fetch_or_addr(c, addr, &err)) return;
            p.ch('[');
            nim::print_err(p, err, false);
            p.ch(']');
            return;
          }
          case kSoTxrehash: print_txrehash(c, addr, rlen); return;
          default:
            if (is_int_sockopt(name)) {
              if (rlen >= 4)
                nim::print_num_int(c, addr);
              else
                nim::print_str(c, addr, static_cast<uint64_t>(rlen), nim::kQuoteForceHex);
              return;
            }
            break;
        }
        break;
      case kSolPacket:
        if (name == kPacketStatistics) {
          uint32_t st[3] = {};
          size_t len = static_cast<size_t>(rlen) > sizeof st ? sizeof st : static_cast<size_t>(rlen);
          if (!nim::fetch_or_addr(c, addr, st, len)) return;
          static const char* const kNames[] = {"tp_packets", "tp_drops", "tp_freeze_q_cnt"};
          p.ch('{');
          for (size_t i = 0; i < 3 && len >= (i + 1) * 4; ++i) {
            if (i) p.sep();
            field(p, kNames[i]);
            p.udec(st[i]);
          }
          p.ch('}');
          return;
        }
        break;
      case kSolRaw:
        if (name == kIcmpFilter) {
          print_icmp_filter(c, addr, rlen);
          return;
        }
        break;
      case kSolNetlink:
        if (name == kNetlinkListMemberships) {
          int n = ulen < rlen ? ulen : rlen;
          nim::print_array(c, addr, static_cast<uint64_t>(n) / 4, 4, [&](const void* e) {
            uint32_t v;
            memcpy(&v, e, 4);
            p.udec(v);
            return true;
          });
        } else {
          nim::print_num_int(c, addr);
        }
        return;
      default: break;
    }
  }
  if (nim::verbose(c)) {
    if (rlen == 4)
      nim::print_num_int(c, addr);
    else
      nim::print_strn(c, addr, static_cast<uint64_t>(rlen));
  } else {
    p.addr(addr);
  }
}

void print_setsockopt(Call& c, unsigned level, unsigned name, uint64_t addr, int len) {
  Printer& p = *c.p;
  if (addr && nim::verbose(c)) {
    switch (level) {
      case kSolSocket:
        switch (name) {
          case SO_LINGER: {
            struct linger lg;
            if (len < static_cast<int>(sizeof lg)) {
              p.addr(addr);
            } else if (nim::fetch_or_addr(c, addr, &lg)) {
              p.lit("{l_onoff=");
              p.dec(lg.l_onoff);
              p.lit(", l_linger=");
              p.dec(lg.l_linger);
              p.ch('}');
            }
            return;
          }
          case SO_ATTACH_FILTER:
          case kSoAttachReuseportCbpf:
            if (static_cast<unsigned>(len) == (c.abi == Abi::kI386 ? 8u : 16u))
              decode_sock_fprog(c, addr);
            else
              p.addr(addr);
            return;
          case kSoTxrehash: print_txrehash(c, addr, len); return;
          default:
            if (is_int_sockopt(name)) {
              print_int_value(c, addr, len, false);
              return;
            }
            break;
        }
        break;
      case kSolIp:
        switch (name) {
          case IP_ADD_MEMBERSHIP:
          case IP_DROP_MEMBERSHIP: {
            ip_mreq mreq;
            if (len < static_cast<int>(sizeof mreq)) {
              p.addr(addr);
            } else if (nim::fetch_or_addr(c, addr, &mreq)) {
              p.ch('{');
              net::print_inet_addr(p, AF_INET, &mreq.imr_multiaddr, 4, "imr_multiaddr");
              p.sep();
              net::print_inet_addr(p, AF_INET, &mreq.imr_interface, 4, "imr_interface");
              p.ch('}');
            }
            return;
          }
          case kMcastJoinGroup:
          case kMcastLeaveGroup: print_group_req(c, addr, len); return;
          default: break;
        }
        break;
      case kSolIpv6:
        switch (name) {
          case IPV6_ADD_MEMBERSHIP:
          case IPV6_DROP_MEMBERSHIP:
          case IPV6_JOIN_ANYCAST:
          case IPV6_LEAVE_ANYCAST: {
            ipv6_mreq mreq;
            if (len < static_cast<int>(sizeof mreq)) {
              p.addr(addr);
            } else if (nim::fetch_or_addr(c, addr, &mreq)) {
              p.ch('{');
              net::print_inet_addr(p, AF_INET6, &mreq.ipv6mr_multiaddr, 16, "ipv6mr_multiaddr");
              p.sep();
              field(p, "ipv6mr_interface");
              net::print_ifindex(p, mreq.ipv6mr_interface);
              p.ch('}');
            }
            return;
          }
          case kMcastJoinGroup:
          case kMcastLeaveGroup: print_group_req(c, addr, len); return;
          default: break;
        }
        break;
      case kSolPacket:
        switch (name) {
          case kPacketRxRing:
          case kPacketTxRing: {
            uint32_t req[4];
            if (len != sizeof req || p.ctx().read(addr, req, sizeof req) != sizeof req) {
              p.addr(addr);
            } else {
              p.lit("{tp_block_size=");
              p.udec(req[0]);
              p.lit(", tp_block_nr=");
              p.udec(req[1]);
              p.lit(", tp_frame_size=");
              p.udec(req[2]);
              p.lit(", tp_frame_nr=");
              p.udec(req[3]);
              p.ch('}');
            }
            return;
          }
          case kPacketAddMembership:
          case kPacketDropMembership: {
            struct {
              int32_t mr_ifindex;
              uint16_t mr_type;
              uint16_t mr_alen;
              unsigned char mr_address[8];
            } mreq;
            if (len != sizeof mreq || p.ctx().read(addr, &mreq, sizeof mreq) != sizeof mreq) {
              p.addr(addr);
            } else {
              p.ch('{');
              field(p, "mr_ifindex");
              net::print_ifindex(p, static_cast<unsigned>(mreq.mr_ifindex));
              p.sep();
              field(p, "mr_type");
              print_xval(p, mreq.mr_type, kPacketMreqTable, "PACKET_MR_???");
              p.sep();
              field(p, "mr_alen");
              p.udec(mreq.mr_alen);
              p.sep();
              field(p, "mr_address");
              // print_mac_addr(): hex bytes unless abbreviated, xx:xx:.. else.
              const unsigned n = mreq.mr_alen < 8 ? mreq.mr_alen : 8;
              if (!nim::style_abbrev(p)) nim::print_quoted(p, mreq.mr_address, n, nim::kQuoteForceHex);
              if (!nim::style_raw(p)) {
                std::string mac;
                for (unsigned i = 0; i < n; ++i) {
                  char b[4];
                  snprintf(b, sizeof b, "%s%02x", i ? ":" : "", mreq.mr_address[i]);
                  mac += b;
                }
                if (nim::style_verbose(p))
                  nim::print_comment(p, mac.c_str());
                else
                  p.lit(mac);
              }
              p.ch('}');
            }
            return;
          }
          default: break;
        }
        break;
      case kSolRaw:
        if (name == kIcmpFilter) {
          print_icmp_filter(c, addr, len);
          return;
        }
        break;
      case kSolNetlink:
        if (len < 4)
          p.addr(addr);
        else
          nim::print_num_int(c, addr);
        return;
      default: break;
    }
  }
  if (nim::verbose(c)) {
    if (len == 4)
      nim::print_num_int(c, addr);
    else
      nim::print_strn(c, addr, static_cast<uint64_t>(static_cast<int64_t>(len)));
  } else {
    p.addr(addr);
  }
}

}  // namespace

bool net_dec_setsockopt(Call& c) {
  const unsigned level = static_cast<uint32_t>(c.arg(1));
  const unsigned name = static_cast<uint32_t>(c.arg(2));
  print_level_name(c, level, name, false);
  c.p->sep();
  print_setsockopt(c, level, name, c.arg(3), c.iarg(4));
  c.p->sep();
  c.p->dec(c.iarg(4));
  return true;
}

bool net_dec_getsockopt(Call& c) {
  Printer& p = *c.p;
  const unsigned level = static_cast<uint32_t>(c.arg(1));
  const unsigned name = static_cast<uint32_t>(c.arg(2));
  if (!c.exiting) {
    print_level_name(c, level, name, true);
    p.sep();
    int ulen;
    if (nim::verbose(c) && c.arg(4) && p.ctx().read(c.arg(4), &ulen, sizeof ulen) == sizeof ulen) {
      c.saved[0] = static_cast<uint32_t>(ulen);
      return false;
    }
    p.addr(c.arg(3));
    p.sep();
    p.addr(c.arg(4));
    return true;
  }
  const int ulen = static_cast<int>(c.saved[0]);
  int rlen;
  if (c.failed() || p.ctx().read(c.arg(4), &rlen, sizeof rlen) != sizeof rlen) {
    p.addr(c.arg(3));
    p.sep();
    p.ch('[');
    p.dec(ulen);
    p.ch(']');
    return true;
  }
  print_getsockopt(c, level, name, c.arg(3), ulen, rlen);
  p.sep();
  p.ch('[');
  if (ulen != rlen) {
    p.dec(ulen);
    p.lit(" => ");
  }
  p.dec(rlen);
  p.ch(']');
  return true;
}

}  // namespace syscope

// SPDX-License-Identifier: MIT
// Socket addresses: {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}
// and the other families strace decodes; unknown families print sa_data.
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netpacket/packet.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "decoders/misc_common.h"
#include "decoders/net_internal.h"
#include "syscalls/xlat/tables.h"

namespace syscope::net {
namespace {

using nim::print_quoted;
using nim::style_abbrev;
using nim::style_raw;
using nim::style_verbose;

constexpr int kSizeofSaFamily = sizeof(sa_family_t);

// From strace's xlat lists (values from linux/if_ether.h, linux/if_arp.h,
// linux/if_packet.h).
const xlat::Entry kEthernetProtocols[] = {
    {0x0001, "ETH_P_802_3"}, {0x0002, "ETH_P_AX25"}, {0x0003, "ETH_P_ALL"},
    {0x0004, "ETH_P_802_2"}, {0x0005, "ETH_P_SNAP"}, {0x0006, "ETH_P_DDCMP"},
    {0x0007, "ETH_P_WAN_PPP"}, {0x0008, "ETH_P_PPP_MP"}, {0x0009, "ETH_P_LOCALTALK"},
    {0x000C, "ETH_P_CAN"}, {0x000D, "ETH_P_CANFD"}, {0x000E, "ETH_P_CANXL"},
    {0x0010, "ETH_P_PPPTALK"}, {0x0011, "ETH_P_TR_802_2"}, {0x0015, "ETH_P_MOBITEX"},
    {0x0016, "ETH_P_CONTROL"}, {0x0017, "ETH_P_IRDA"}, {0x0018, "ETH_P_ECONET"},
    {0x0019, "ETH_P_HDLC"}, {0x001A, "ETH_P_ARCNET"}, {0x001B, "ETH_P_DSA"},
    {0x001C, "ETH_P_TRAILER"}, {0x0060, "ETH_P_LOOP"}, {0x00F5, "ETH_P_PHONET"},
    {0x00F6, "ETH_P_IEEE802154"}, {0x00F7, "ETH_P_CAIF"}, {0x00F8, "ETH_P_XDSA"},
    {0x00F9, "ETH_P_MAP"}, {0x00FA, "ETH_P_MCTP"}, {0x0200, "ETH_P_PUP"},
    {0x0201, "ETH_P_PUPAT"}, {0x0600, "ETH_P_802_3_MIN"}, {0x0800, "ETH_P_IP"},
    {0x0805, "ETH_P_X25"}, {0x0806, "ETH_P_ARP"}, {0x08FF, "ETH_P_BPQ"},
    {0x0a00, "ETH_P_IEEEPUP"}, {0x0a01, "ETH_P_IEEEPUPAT"}, {0x22EB, "ETH_P_ERSPAN2"},
    {0x22F0, "ETH_P_TSN"}, {0x4305, "ETH_P_BATMAN"}, {0x6000, "ETH_P_DEC"},
    {0x6001, "ETH_P_DNA_DL"}, {0x6002, "ETH_P_DNA_RC"}, {0x6003, "ETH_P_DNA_RT"},
    {0x6004, "ETH_P_LAT"}, {0x6005, "ETH_P_DIAG"}, {0x6006, "ETH_P_CUST"},
    {0x6007, "ETH_P_SCA"}, {0x6558, "ETH_P_TEB"}, {0x8035, "ETH_P_RARP"},
    {0x809B, "ETH_P_ATALK"}, {0x80F3, "ETH_P_AARP"}, {0x8100, "ETH_P_8021Q"},
    {0x8137, "ETH_P_IPX"}, {0x86DD, "ETH_P_IPV6"}, {0x8808, "ETH_P_PAUSE"},
    {0x8809, "ETH_P_SLOW"}, {0x883E, "ETH_P_WCCP"}, {0x8847, "ETH_P_MPLS_UC"},
    {0x8848, "ETH_P_MPLS_MC"}, {0x884c, "ETH_P_ATMMPOA"}, {0x8863, "ETH_P_PPP_DISC"},
    {0x8864, "ETH_P_PPP_SES"}, {0x886c, "ETH_P_LINK_CTL"}, {0x8884, "ETH_P_ATMFATE"},
    {0x888E, "ETH_P_PAE"}, {0x8899, "ETH_P_REALTEK"}, {0x88A2, "ETH_P_AOE"},
    {0x88A8, "ETH_P_8021AD"}, {0x88B5, "ETH_P_802_EX1"}, {0x88BE, "ETH_P_ERSPAN"},
    {0x88C7, "ETH_P_PREAUTH"}, {0x88CA, "ETH_P_TIPC"}, {0x88CC, "ETH_P_LLDP"},
    {0x88E3, "ETH_P_MRP"}, {0x88E5, "ETH_P_MACSEC"}, {0x88E7, "ETH_P_8021AH"},
    {0x88F5, "ETH_P_MVRP"}, {0x88F7, "ETH_P_1588"}, {0x88F8, "ETH_P_NCSI"},
    {0x88FB, "ETH_P_PRP"}, {0x8902, "ETH_P_CFM"}, {0x8906, "ETH_P_FCOE"},
    {0x890D, "ETH_P_TDLS"}, {0x8914, "ETH_P_FIP"}, {0x8915, "ETH_P_IBOE"},
    {0x8917, "ETH_P_80221"}, {0x892F, "ETH_P_HSR"}, {0x894F, "ETH_P_NSH"},
    {0x9000, "ETH_P_LOOPBACK"}, {0x9100, "ETH_P_QINQ1"}, {0x9200, "ETH_P_QINQ2"},
    {0x9300, "ETH_P_QINQ3"}, {0xDADA, "ETH_P_EDSA"}, {0xDADB, "ETH_P_DSA_8021Q"},
    {0xE001, "ETH_P_DSA_A5PSW"}, {0xED3E, "ETH_P_IFE"}, {0xFBFB, "ETH_P_AF_IUCV"},
};
const xlat::Table kEthernetProtocolsTable{kEthernetProtocols, std::size(kEthernetProtocols),
                                          "ETH_P_???"};

const xlat::Entry kArpHardwareTypes[] = {
    {0, "ARPHRD_NETROM"}, {1, "ARPHRD_ETHER"}, {2, "ARPHRD_EETHER"}, {3, "ARPHRD_AX25"},
    {4, "ARPHRD_PRONET"}, {5, "ARPHRD_CHAOS"}, {6, "ARPHRD_IEEE802"}, {7, "ARPHRD_ARCNET"},
    {8, "ARPHRD_APPLETLK"}, {15, "ARPHRD_DLCI"}, {19, "ARPHRD_ATM"}, {23, "ARPHRD_METRICOM"},
    {24, "ARPHRD_IEEE1394"}, {27, "ARPHRD_EUI64"}, {32, "ARPHRD_INFINIBAND"},
    {256, "ARPHRD_SLIP"}, {257, "ARPHRD_CSLIP"}, {258, "ARPHRD_SLIP6"}, {259, "ARPHRD_CSLIP6"},
    {260, "ARPHRD_RSRVD"}, {264, "ARPHRD_ADAPT"}, {270, "ARPHRD_ROSE"}, {271, "ARPHRD_X25"},
    {272, "ARPHRD_HWX25"}, {280, "ARPHRD_CAN"}, {290, "ARPHRD_MCTP"}, {512, "ARPHRD_PPP"},
    {513, "ARPHRD_CISCO"}, {516, "ARPHRD_LAPB"}, {517, "ARPHRD_DDCMP"},
    {518, "ARPHRD_RAWHDLC"}, {519, "ARPHRD_RAWIP"}, {768, "ARPHRD_TUNNEL"},
    {769, "ARPHRD_TUNNEL6"}, {770, "ARPHRD_FRAD"}, {771, "ARPHRD_SKIP"},
    {772, "ARPHRD_LOOPBACK"}, {773, "ARPHRD_LOCALTLK"}, {774, "ARPHRD_FDDI"},
    {775, "ARPHRD_BIF"}, {776, "ARPHRD_SIT"}, {777, "ARPHRD_IPDDP"}, {778, "ARPHRD_IPGRE"},
    {779, "ARPHRD_PIMREG"}, {780, "ARPHRD_HIPPI"}, {781, "ARPHRD_ASH"}, {782, "ARPHRD_ECONET"},
    {783, "ARPHRD_IRDA"}, {784, "ARPHRD_FCPP"}, {785, "ARPHRD_FCAL"}, {786, "ARPHRD_FCPL"},
    {787, "ARPHRD_FCFABRIC"}, {800, "ARPHRD_IEEE802_TR"}, {801, "ARPHRD_IEEE80211"},
    {802, "ARPHRD_IEEE80211_PRISM"}, {803, "ARPHRD_IEEE80211_RADIOTAP"},
    {804, "ARPHRD_IEEE802154"}, {805, "ARPHRD_IEEE802154_MONITOR"}, {820, "ARPHRD_PHONET"},
    {821, "ARPHRD_PHONET_PIPE"}, {822, "ARPHRD_CAIF"}, {823, "ARPHRD_IP6GRE"},
    {824, "ARPHRD_NETLINK"}, {825, "ARPHRD_6LOWPAN"}, {826, "ARPHRD_VSOCKMON"},
    {0xFFFE, "ARPHRD_NONE"}, {0xFFFF, "ARPHRD_VOID"},
};
const xlat::Table kArpHardwareTypesTable{kArpHardwareTypes, std::size(kArpHardwareTypes),
                                         "ARPHRD_???"};

const xlat::Entry kPacketTypes[] = {
    {0, "PACKET_HOST"}, {1, "PACKET_BROADCAST"}, {2, "PACKET_MULTICAST"},
    {3, "PACKET_OTHERHOST"}, {4, "PACKET_OUTGOING"}, {5, "PACKET_LOOPBACK"},
    {6, "PACKET_USER"}, {7, "PACKET_KERNEL"},
};
const xlat::Table kPacketTypesTable{kPacketTypes, std::size(kPacketTypes), "PACKET_???"};

void field(Printer& p, const char* name) { p.lit(name).ch('='); }

void print_hex_bytes(Printer& p, const void* data, size_t len) {
  print_quoted(p, data, len, nim::kQuoteForceHex);
}

void print_data_un(Printer& p, const unsigned char* buf, int addrlen) {
  const int un_len = addrlen > static_cast<int>(sizeof(sockaddr_un))
                         ? static_cast<int>(sizeof(sockaddr_un))
                         : addrlen;
  const int path_len = un_len - kSizeofSaFamily;
  const unsigned char* path = buf + kSizeofSaFamily;
  field(p, "sun_path");
  if (path[0]) {
    // The byte after the path is readable: the caller zero-pads the buffer.
    print_quoted(p, path, static_cast<size_t>(path_len), nim::kQuote0Terminated);
  } else {
    p.ch('@');
    print_quoted(p, path + 1, static_cast<size_t>(path_len - 1), 0);
  }
}

void print_data_in(Printer& p, const unsigned char* buf) {
  sockaddr_in sa;
  memcpy(&sa, buf, sizeof sa);
  print_net_port(p, "sin_port", sa.sin_port);
  p.sep();
  print_inet_addr(p, AF_INET, &sa.sin_addr, sizeof sa.sin_addr, "sin_addr");
}

constexpr int kSin6MinLen = offsetof(sockaddr_in6, sin6_scope_id);

void print_data_in6(Printer& p, const unsigned char* buf, int addrlen) {
  sockaddr_in6 sa;
  memcpy(&sa, buf, sizeof sa);
  print_net_port(p, "sin6_port", sa.sin6_port);
  p.sep();
  field(p, "sin6_flowinfo");
  if (!style_abbrev(p)) print_hex_bytes(p, &sa.sin6_flowinfo, sizeof sa.sin6_flowinfo);
  if (style_verbose(p)) p.lit(" /* ");
  if (!style_raw(p)) {
    p.lit("htonl(");
    p.udec(ntohl(sa.sin6_flowinfo));
    p.ch(')');
  }
  if (style_verbose(p)) p.lit(" */");
  p.sep();
  print_inet_addr(p, AF_INET6, &sa.sin6_addr, sizeof sa.sin6_addr, "sin6_addr");
  if (addrlen <= kSin6MinLen) return;
  p.sep();
  field(p, "sin6_scope_id");
  if (IN6_IS_ADDR_LINKLOCAL(&sa.sin6_addr) || IN6_IS_ADDR_MC_LINKLOCAL(&sa.sin6_addr))
    print_ifindex(p, sa.sin6_scope_id);
  else
    p.udec(sa.sin6_scope_id);
}

void print_data_nl(Printer& p, const unsigned char* buf) {
  sockaddr_nl sa;
  memcpy(&sa, buf, sizeof sa);
  if (sa.nl_pad) {
    field(p, "nl_pad");
    p.hex(sa.nl_pad);
    p.sep();
  }
  field(p, "nl_pid");
  p.dec(static_cast<int32_t>(sa.nl_pid));
  p.sep();
  field(p, "nl_groups");
  char b[24];
  snprintf(b, sizeof b, "%#08x", sa.nl_groups);
  p.lit(b);
}

void print_data_ll(Printer& p, const unsigned char* buf, int addrlen) {
  sockaddr_ll sa;
  memcpy(&sa, buf, sizeof sa);
  field(p, "sll_protocol");
  if (!style_abbrev(p)) print_hex_bytes(p, &sa.sll_protocol, sizeof sa.sll_protocol);
  if (!style_raw(p)) {
    if (style_verbose(p)) p.lit(" /* ");
    p.lit("htons(");
    uint16_t proto = ntohs(sa.sll_protocol);
    if (const char* n = kEthernetProtocolsTable.name_of(proto)) {
      p.lit(n);
    } else {
      p.hex(proto);
      p.lit(" /* ETH_P_??? */");
    }
    p.ch(')');
    if (style_verbose(p)) p.lit(" */");
  }
  p.sep();
  field(p, "sll_ifindex");
  print_ifindex(p, static_cast<unsigned>(sa.sll_ifindex));
  p.sep();
  field(p, "sll_hatype");
  nim::print_xval(p, sa.sll_hatype, kArpHardwareTypesTable, "ARPHRD_???");
  p.sep();
  field(p, "sll_pkttype");
  nim::print_xval(p, sa.sll_pkttype, kPacketTypesTable, "PACKET_???");
  p.sep();
  field(p, "sll_halen");
  p.udec(sa.sll_halen);
  if (sa.sll_halen) {
    const int oob_halen = addrlen - static_cast<int>(offsetof(sockaddr_ll, sll_addr));
    p.sep();
    field(p, "sll_addr");
    p.ch('[');
    for (unsigned i = 0; i < sa.sll_halen; ++i) {
      if (i) p.sep();
      if (static_cast<int>(i) >= oob_halen || i >= sizeof sa.sll_addr) {
        p.lit("...");
        break;
      }
      char b[8];
      snprintf(b, sizeof b, "%#02x", sa.sll_addr[i]);
      p.lit(b);
    }
    p.ch(']');
  }
}

void print_data_raw(Printer& p, const unsigned char* buf, int addrlen) {
  field(p, "sa_data");
  print_quoted(p, buf + kSizeofSaFamily, static_cast<size_t>(addrlen - kSizeofSaFamily), 0);
}

}  // namespace

const xlat::Table& ethernet_protocols() { return kEthernetProtocolsTable; }
const xlat::Table& arp_hardware_types() { return kArpHardwareTypesTable; }

void print_net_port(Printer& p, const char* name, uint16_t be_port) {
  field(p, name);
  if (!style_abbrev(p)) print_hex_bytes(p, &be_port, sizeof be_port);
  if (style_raw(p)) return;
  if (style_verbose(p)) p.lit(" /* ");
  p.lit("htons(");
  p.udec(ntohs(be_port));
  p.ch(')');
  if (style_verbose(p)) p.lit(" */");
}

void print_ifindex(Printer& p, unsigned idx) {
  char name[IF_NAMESIZE + 1] = {};
  const char* text = nullptr;
  std::string quoted;
  if (if_indextoname(idx, name)) {
    std::string tmp;
    Printer q(&tmp, &p.opt(), &p.ctx());
    print_quoted(q, name, strnlen(name, IF_NAMESIZE) + 1,
                 nim::kQuote0Terminated | nim::kQuoteOmitQuotes);
    quoted = "if_nametoindex(\"" + tmp + "\")";
    text = quoted.c_str();
  }
  nim::print_xlat(p, idx, text, nim::XFmt::kUDec);
}

bool print_inet_addr(Printer& p, int af, const void* addr, unsigned len, const char* var_name) {
  char buf[INET6_ADDRSTRLEN + 1] = {};
  switch (af) {
    case AF_INET:
      if (inet_ntop(af, addr, buf, INET6_ADDRSTRLEN)) {
        if (var_name) field(p, var_name);
        if (!style_abbrev(p)) print_hex_bytes(p, addr, len);
        if (style_raw(p)) return true;
        if (style_verbose(p)) p.lit(" /* ");
        p.lit("inet_addr(");
        print_quoted(p, buf, strlen(buf), nim::kQuote0Terminated);
        p.ch(')');
        if (style_verbose(p)) p.lit(" */");
        return true;
      }
      break;
    case AF_INET6:
      if (inet_ntop(af, addr, buf, INET6_ADDRSTRLEN)) {
        if (!style_abbrev(p)) {
          if (var_name) field(p, var_name);
          print_hex_bytes(p, addr, len);
        }
        if (style_raw(p)) return true;
        if (style_verbose(p)) p.lit(" /* ");
        p.lit("inet_pton(AF_INET6, ");
        print_quoted(p, buf, strlen(buf), nim::kQuote0Terminated);
        if (var_name && style_abbrev(p)) p.lit(", &").lit(var_name);
        p.ch(')');
        if (style_verbose(p)) p.lit(" */");
        return true;
      }
      break;
    default: break;
  }
  if (var_name) field(p, var_name);
  print_hex_bytes(p, addr, len);
  return false;
}

bool decode_inet_addr(Call& c, uint64_t addr, unsigned len, int af, const char* var_name) {
  unsigned char buf[16];
  size_t size = af == AF_INET ? 4 : af == AF_INET6 ? 16 : 0;
  if (!size || len < size) {
    if (var_name) field(*c.p, var_name);
    nim::print_str(c, addr, len, nim::kQuoteForceHex);
    return false;
  }
  if (c.p->ctx().read(addr, buf, size) != size) {
    if (var_name) field(*c.p, var_name);
    c.p->addr(addr);
    return false;
  }
  return print_inet_addr(*c.p, af, buf, static_cast<unsigned>(size), var_name);
}

void print_sockaddr(Call& c, const void* data, int addrlen) {
  Printer& p = *c.p;
  const auto* buf = static_cast<const unsigned char*>(data);
  uint16_t family;
  memcpy(&family, buf, sizeof family);
  p.ch('{');
  field(p, "sa_family");
  nim::print_xval(p, family, xlat::address_families, "AF_???");
  if (addrlen > kSizeofSaFamily) {
    p.sep();
    switch (family) {
      case AF_UNIX:
        if (addrlen >= kSizeofSaFamily + 1) {
          print_data_un(p, buf, addrlen);
          break;
        }
        print_data_raw(p, buf, addrlen);
        break;
      case AF_INET:
        if (addrlen >= static_cast<int>(sizeof(sockaddr_in))) {
          print_data_in(p, buf);
          break;
        }
        print_data_raw(p, buf, addrlen);
        break;
      case AF_INET6:
        if (addrlen >= kSin6MinLen) {
          print_data_in6(p, buf, addrlen);
          break;
        }
        print_data_raw(p, buf, addrlen);
        break;
      case AF_NETLINK:
        if (addrlen >= static_cast<int>(sizeof(sockaddr_nl))) {
          print_data_nl(p, buf);
          break;
        }
        print_data_raw(p, buf, addrlen);
        break;
      case AF_PACKET:
        if (addrlen >= static_cast<int>(sizeof(sockaddr_ll))) {
          print_data_ll(p, buf, addrlen);
          break;
        }
        print_data_raw(p, buf, addrlen);
        break;
      default: print_data_raw(p, buf, addrlen); break;
    }
  }
  p.ch('}');
}

int decode_sockaddr(Call& c, uint64_t addr, int addrlen) {
  if (addrlen < 2) {
    c.p->addr(addr);
    return -1;
  }
  // sockaddr_storage plus one zero byte, for the look-ahead of sun_path.
  unsigned char buf[sizeof(sockaddr_storage) + 1];
  if (static_cast<unsigned>(addrlen) > sizeof(sockaddr_storage)) addrlen = sizeof(sockaddr_storage);
  if (!nim::fetch_or_addr(c, addr, buf, static_cast<size_t>(addrlen))) return -1;
  memset(buf + addrlen, 0, sizeof buf - static_cast<size_t>(addrlen));
  print_sockaddr(c, buf, addrlen);
  uint16_t family;
  memcpy(&family, buf, sizeof family);
  return family;
}

}  // namespace syscope::net

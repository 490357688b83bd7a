// SPDX-License-Identifier: MIT
// NETLINK_ROUTE payloads: ifinfomsg (links), ifaddrmsg (addresses), rtmsg
// (routes) with their attributes; other route messages print their family
// and the rest as hex, like strace's decode_family().
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <cstdio>
#include <cstring>

#include "decoders/misc_common.h"
#include "decoders/net_internal.h"
#include "decoders/net_netlink.h"
#include "syscalls/xlat/tables.h"

namespace syscope::net {
namespace {

#define E(name) xlat::Entry{static_cast<uint64_t>(name), #name}

const xlat::Entry kLinkAttrs[] = {
    E(IFLA_UNSPEC), E(IFLA_ADDRESS), E(IFLA_BROADCAST), E(IFLA_IFNAME), E(IFLA_MTU),
    E(IFLA_LINK), E(IFLA_QDISC), E(IFLA_STATS), E(IFLA_COST), E(IFLA_PRIORITY), E(IFLA_MASTER),
    E(IFLA_WIRELESS), E(IFLA_PROTINFO), E(IFLA_TXQLEN), E(IFLA_MAP), E(IFLA_WEIGHT),
    E(IFLA_OPERSTATE), E(IFLA_LINKMODE), E(IFLA_LINKINFO), E(IFLA_NET_NS_PID), E(IFLA_IFALIAS),
    E(IFLA_NUM_VF), E(IFLA_VFINFO_LIST), E(IFLA_STATS64), E(IFLA_VF_PORTS), E(IFLA_PORT_SELF),
    E(IFLA_AF_SPEC), E(IFLA_GROUP), E(IFLA_NET_NS_FD), E(IFLA_EXT_MASK), E(IFLA_PROMISCUITY),
    E(IFLA_NUM_TX_QUEUES), E(IFLA_NUM_RX_QUEUES), E(IFLA_CARRIER), E(IFLA_PHYS_PORT_ID),
    E(IFLA_CARRIER_CHANGES), E(IFLA_PHYS_SWITCH_ID), E(IFLA_LINK_NETNSID),
    E(IFLA_PHYS_PORT_NAME), E(IFLA_PROTO_DOWN), E(IFLA_GSO_MAX_SEGS), E(IFLA_GSO_MAX_SIZE),
    E(IFLA_PAD), E(IFLA_XDP), E(IFLA_EVENT), E(IFLA_NEW_NETNSID), E(IFLA_IF_NETNSID),
    E(IFLA_CARRIER_UP_COUNT), E(IFLA_CARRIER_DOWN_COUNT), E(IFLA_NEW_IFINDEX), E(IFLA_MIN_MTU),
    E(IFLA_MAX_MTU), E(IFLA_PROP_LIST), E(IFLA_ALT_IFNAME), E(IFLA_PERM_ADDRESS),
    E(IFLA_PROTO_DOWN_REASON), E(IFLA_PARENT_DEV_NAME), E(IFLA_PARENT_DEV_BUS_NAME),
    E(IFLA_GRO_MAX_SIZE), E(IFLA_TSO_MAX_SIZE), E(IFLA_TSO_MAX_SEGS), E(IFLA_ALLMULTI),
};
const xlat::Table kLinkAttrsTable{kLinkAttrs, std::size(kLinkAttrs), "IFLA_???"};

const xlat::Entry kAddrAttrs[] = {
    E(IFA_UNSPEC), E(IFA_ADDRESS), E(IFA_LOCAL), E(IFA_LABEL), E(IFA_BROADCAST), E(IFA_ANYCAST),
    E(IFA_CACHEINFO), E(IFA_MULTICAST), E(IFA_FLAGS), E(IFA_RT_PRIORITY),
    E(IFA_TARGET_NETNSID), {11, "IFA_PROTO"},
};
const xlat::Table kAddrAttrsTable{kAddrAttrs, std::size(kAddrAttrs), "IFA_???"};

const xlat::Entry kRouteAttrs[] = {
    E(RTA_UNSPEC), E(RTA_DST), E(RTA_SRC), E(RTA_IIF), E(RTA_OIF), E(RTA_GATEWAY),
    E(RTA_PRIORITY), E(RTA_PREFSRC), E(RTA_METRICS), E(RTA_MULTIPATH), E(RTA_PROTOINFO),
    E(RTA_FLOW), E(RTA_CACHEINFO), E(RTA_SESSION), E(RTA_MP_ALGO), E(RTA_TABLE), E(RTA_MARK),
    E(RTA_MFC_STATS), E(RTA_VIA), E(RTA_NEWDST), E(RTA_PREF), E(RTA_ENCAP_TYPE), E(RTA_ENCAP),
    E(RTA_EXPIRES), E(RTA_PAD), E(RTA_UID), E(RTA_TTL_PROPAGATE), E(RTA_IP_PROTO), E(RTA_SPORT),
    E(RTA_DPORT), E(RTA_NH_ID),
};
const xlat::Table kRouteAttrsTable{kRouteAttrs, std::size(kRouteAttrs), "RTA_???"};

const xlat::Entry kIffFlags[] = {
    {1 << 0, "IFF_UP"},        {1 << 1, "IFF_BROADCAST"},  {1 << 2, "IFF_DEBUG"},
    {1 << 3, "IFF_LOOPBACK"},  {1 << 4, "IFF_POINTOPOINT"}, {1 << 5, "IFF_NOTRAILERS"},
    {1 << 6, "IFF_RUNNING"},   {1 << 7, "IFF_NOARP"},      {1 << 8, "IFF_PROMISC"},
    {1 << 9, "IFF_ALLMULTI"},  {1 << 10, "IFF_MASTER"},    {1 << 11, "IFF_SLAVE"},
    {1 << 12, "IFF_MULTICAST"}, {1 << 13, "IFF_PORTSEL"},  {1 << 14, "IFF_AUTOMEDIA"},
    {1 << 15, "IFF_DYNAMIC"},  {1 << 16, "IFF_LOWER_UP"},  {1 << 17, "IFF_DORMANT"},
    {1 << 18, "IFF_ECHO"},
};
const xlat::Table kIffFlagsTable{kIffFlags, std::size(kIffFlags), "IFF_???"};

const xlat::Entry kIfaFlags[] = {
    E(IFA_F_SECONDARY), E(IFA_F_NODAD), E(IFA_F_OPTIMISTIC), E(IFA_F_DADFAILED),
    E(IFA_F_HOMEADDRESS), E(IFA_F_DEPRECATED), E(IFA_F_TENTATIVE), E(IFA_F_PERMANENT),
    E(IFA_F_MANAGETEMPADDR), E(IFA_F_NOPREFIXROUTE), E(IFA_F_MCAUTOJOIN),
    E(IFA_F_STABLE_PRIVACY),
};
const xlat::Table kIfaFlagsTable{kIfaFlags, std::size(kIfaFlags), "IFA_F_???"};

const xlat::Entry kScopes[] = {E(RT_SCOPE_UNIVERSE), E(RT_SCOPE_SITE), E(RT_SCOPE_LINK),
                               E(RT_SCOPE_HOST), E(RT_SCOPE_NOWHERE)};
const xlat::Table kScopesTable{kScopes, std::size(kScopes), nullptr};
const xlat::Entry kTableIds[] = {E(RT_TABLE_UNSPEC), E(RT_TABLE_COMPAT), E(RT_TABLE_DEFAULT),
                                 E(RT_TABLE_MAIN), E(RT_TABLE_LOCAL)};
const xlat::Table kTableIdsTable{kTableIds, std::size(kTableIds), nullptr};
const xlat::Entry kProtocols[] = {
    E(RTPROT_UNSPEC), E(RTPROT_REDIRECT), E(RTPROT_KERNEL), E(RTPROT_BOOT), E(RTPROT_STATIC),
    E(RTPROT_GATED), E(RTPROT_RA), E(RTPROT_MRT), E(RTPROT_ZEBRA), E(RTPROT_BIRD),
    E(RTPROT_DNROUTED), E(RTPROT_XORP), E(RTPROT_NTK), E(RTPROT_DHCP), E(RTPROT_MROUTED),
    E(RTPROT_KEEPALIVED), E(RTPROT_BABEL), E(RTPROT_OPENR), E(RTPROT_BGP), E(RTPROT_ISIS),
    E(RTPROT_OSPF), E(RTPROT_RIP), E(RTPROT_EIGRP),
};
const xlat::Table kProtocolsTable{kProtocols, std::size(kProtocols), "RTPROT_???"};
const xlat::Entry kRouteTypesN[] = {
    E(RTN_UNSPEC), E(RTN_UNICAST), E(RTN_LOCAL), E(RTN_BROADCAST), E(RTN_ANYCAST),
    E(RTN_MULTICAST), E(RTN_BLACKHOLE), E(RTN_UNREACHABLE), E(RTN_PROHIBIT), E(RTN_THROW),
    E(RTN_NAT), E(RTN_XRESOLVE),
};
const xlat::Table kRouteTypesNTable{kRouteTypesN, std::size(kRouteTypesN), "RTN_???"};
const xlat::Entry kRouteFlags[] = {
    E(RTM_F_NOTIFY), E(RTM_F_CLONED), E(RTM_F_EQUALIZE), E(RTM_F_PREFIX),
    E(RTM_F_LOOKUP_TABLE), E(RTM_F_FIB_MATCH), E(RTM_F_OFFLOAD), E(RTM_F_TRAP),
    E(RTM_F_OFFLOAD_FAILED),
};
const xlat::Table kRouteFlagsTable{kRouteFlags, std::size(kRouteFlags), "RTM_F_???"};
const xlat::Entry kTos[] = {{0x10, "IPTOS_LOWDELAY"}, {0x08, "IPTOS_THROUGHPUT"},
                            {0x04, "IPTOS_RELIABILITY"}, {0x02, "IPTOS_MINCOST"}};
const xlat::Table kTosTable{kTos, std::size(kTos), "IPTOS_TOS_???"};

#undef E

const xlat::Entry kExtFilterFlags[] = {
    {1u << 0, "RTEXT_FILTER_VF"}, {1u << 1, "RTEXT_FILTER_BRVLAN"},
    {1u << 2, "RTEXT_FILTER_BRVLAN_COMPRESSED"}, {1u << 3, "RTEXT_FILTER_SKIP_STATS"},
    {1u << 4, "RTEXT_FILTER_MRP"}, {1u << 5, "RTEXT_FILTER_CFM_CONFIG"},
    {1u << 6, "RTEXT_FILTER_CFM_STATUS"},
};
const xlat::Table kExtFilterFlagsTable{kExtFilterFlags, std::size(kExtFilterFlags),
                                       "RTEXT_FILTER_???"};

void field(Printer& p, const char* name) { p.lit(name).ch('='); }

// struct rtnl_link_stats / rtnl_link_stats64: the same member names, 32- or
// 64-bit wide; the last members only when the attribute is long enough.
constexpr const char* kLinkStatsNames[] = {
    "rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors",
    "rx_dropped", "tx_dropped", "multicast", "collisions", "rx_length_errors",
    "rx_over_errors", "rx_crc_errors", "rx_frame_errors", "rx_fifo_errors",
    "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors",
    "tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed",
    "rx_nohandler", "rx_otherhost_dropped",
};

bool decode_link_stats(Call& c, uint64_t addr, unsigned len, bool wide) {
  const unsigned w = wide ? 8 : 4;
  const unsigned min_n = 23;                 // up to tx_compressed
  const unsigned def_n = wide ? 25 : 24;     // sizeof the struct
  unsigned n;
  if (len >= def_n * w)
    n = def_n;
  else if (wide && len == 24 * w)
    n = 24;
  else if (len == min_n * w)
    n = min_n;
  else
    return false;
  unsigned char buf[25 * 8];
  if (!nim::fetch_or_addr(c, addr, buf, n * w)) return true;
  Printer& p = *c.p;
  p.ch('{');
  for (unsigned i = 0; i < n; ++i) {
    if (i) p.sep();
    field(p, kLinkStatsNames[i]);
    uint64_t v = 0;
    memcpy(&v, buf + i * w, w);
    p.udec(v);
  }
  p.ch('}');
  return true;
}

// strace's hwaddr_sizes[] for the device types an ifi_family value can be.
unsigned hwaddr_size(unsigned devtype) {
  switch (devtype) {
    case 0: case 3: return 7;
    case 1: case 6: return 6;
    case 7: return 1;
    case 15: return 2;
    case 24: return 16;
    case 27: return 8;
    case 32: return 20;
    default: return 255;
  }
}

bool decode_hwaddr(Call& c, uint64_t addr, unsigned len, unsigned devtype) {
  if (len > 32) return false;
  unsigned char buf[32];
  if (!nim::fetch_or_addr(c, addr, buf, len)) return true;
  Printer& p = *c.p;
  if (!nim::style_abbrev(p)) nim::print_quoted(p, buf, len, nim::kQuoteForceHex);
  if (nim::style_raw(p)) return true;
  std::string mac;
  unsigned n = len < hwaddr_size(devtype) ? len : hwaddr_size(devtype);
  for (unsigned i = 0; i < n; ++i) {
    char b[4];
    snprintf(b, sizeof b, "%s%02x", i ? ":" : "", buf[i]);
    mac += b;
  }
  if (nim::style_verbose(p))
    nim::print_comment(p, mac.c_str());
  else
    p.lit(mac);
  return true;
}

bool decode_ifindex(Call& c, uint64_t addr, unsigned len) {
  uint32_t idx;
  if (len < sizeof idx) return false;
  if (nim::fetch_or_addr(c, addr, &idx)) print_ifindex(*c.p, idx);
  return true;
}

void decode_family(Call& c, uint8_t family, uint64_t addr, unsigned len) {
  Printer& p = *c.p;
  p.ch('{');
  field(p, "family");
  nim::print_xval(p, family, xlat::address_families, "AF_???");
  if (len > 1) {
    p.sep();
    field(p, "data");
    nim::print_str(c, addr + 1, len - 1, nim::kQuoteForceHex);
  }
  p.ch('}');
}

void decode_ifinfomsg(Call& c, uint8_t family, uint64_t addr, unsigned len) {
  Printer& p = *c.p;
  ifinfomsg ifi = {};
  ifi.ifi_family = family;
  const size_t off = sizeof ifi.ifi_family;
  bool decode_nla = false;
  p.ch('{');
  field(p, "ifi_family");
  nim::print_xval(p, family, xlat::address_families, "AF_???");
  p.sep();
  if (len >= sizeof ifi) {
    if (nim::fetch_or_addr(c, addr + off, reinterpret_cast<char*>(&ifi) + off, sizeof ifi - off)) {
      field(p, "ifi_type");
      nim::print_xval(p, ifi.ifi_type, arp_hardware_types(), "ARPHRD_???");
      p.sep();
      field(p, "ifi_index");
      print_ifindex(p, static_cast<unsigned>(ifi.ifi_index));
      p.sep();
      field(p, "ifi_flags");
      nim::print_flags(p, ifi.ifi_flags, kIffFlagsTable, "IFF_???");
      p.sep();
      field(p, "ifi_change");
      p.hex(ifi.ifi_change);
      decode_nla = true;
    }
  } else {
    p.lit("...");
  }
  p.ch('}');
  const unsigned offset = NLMSG_ALIGN(sizeof ifi);
  if (decode_nla && len > offset) {
    p.sep();
    decode_nlattr(c, addr + offset, len - offset, kLinkAttrsTable, "IFLA_???",
                  [&](uint16_t type, uint64_t a, unsigned l) -> bool {
                    switch (type) {
                      case IFLA_ADDRESS:
                      case IFLA_BROADCAST:
                      case IFLA_PERM_ADDRESS: return decode_hwaddr(c, a, l, ifi.ifi_family);
                      case IFLA_IFNAME:
                      case IFLA_QDISC:
                      case IFLA_IFALIAS:
                      case IFLA_PHYS_PORT_NAME:
                      case IFLA_ALT_IFNAME:
                      case IFLA_PARENT_DEV_NAME:
                      case IFLA_PARENT_DEV_BUS_NAME: return nla_str(c, a, l);
                      case IFLA_MTU: case IFLA_LINK: case IFLA_MASTER: case IFLA_TXQLEN:
                      case IFLA_WEIGHT: case IFLA_NET_NS_PID: case IFLA_NUM_VF: case IFLA_GROUP:
                      case IFLA_PROMISCUITY: case IFLA_NUM_TX_QUEUES: case IFLA_NUM_RX_QUEUES:
                      case IFLA_CARRIER_CHANGES: case IFLA_GSO_MAX_SEGS: case IFLA_GSO_MAX_SIZE:
                      case IFLA_CARRIER_UP_COUNT: case IFLA_CARRIER_DOWN_COUNT:
                      case IFLA_MIN_MTU: case IFLA_MAX_MTU: case IFLA_GRO_MAX_SIZE:
                      case IFLA_TSO_MAX_SIZE: case IFLA_TSO_MAX_SEGS: case IFLA_ALLMULTI:
                        return nla_u32(c, a, l);
                      case IFLA_OPERSTATE: case IFLA_LINKMODE: case IFLA_CARRIER:
                      case IFLA_PROTO_DOWN: return nla_u8(c, a, l);
                      case IFLA_LINK_NETNSID: case IFLA_NEW_NETNSID: case IFLA_IF_NETNSID:
                        return nla_s32(c, a, l);
                      case IFLA_NEW_IFINDEX: return decode_ifindex(c, a, l);
                      case IFLA_STATS: return decode_link_stats(c, a, l, false);
                      case IFLA_STATS64: return decode_link_stats(c, a, l, true);
                      case IFLA_EXT_MASK: {
                        if (l > 8 || l < 4) return false;
                        uint32_t v;
                        if (nim::fetch_or_addr(c, a, &v))
                          nim::print_flags(p, v, kExtFilterFlagsTable, "RTEXT_FILTER_???");
                        return true;
                      }
                      default: return false;
                    }
                  });
  }
}

bool decode_ifa_address(Call& c, uint64_t addr, unsigned len, int family) {
  decode_inet_addr(c, addr, len, family, nullptr);
  return true;
}

void decode_ifaddrmsg(Call& c, uint8_t family, uint64_t addr, unsigned len) {
  Printer& p = *c.p;
  ifaddrmsg ifa = {};
  ifa.ifa_family = family;
  const size_t off = sizeof ifa.ifa_family;
  bool decode_nla = false;
  p.ch('{');
  field(p, "ifa_family");
  nim::print_xval(p, family, xlat::address_families, "AF_???");
  p.sep();
  if (len >= sizeof ifa) {
    if (nim::fetch_or_addr(c, addr + off, reinterpret_cast<char*>(&ifa) + off, sizeof ifa - off)) {
      field(p, "ifa_prefixlen");
      p.udec(ifa.ifa_prefixlen);
      p.sep();
      field(p, "ifa_flags");
      nim::print_flags(p, ifa.ifa_flags, kIfaFlagsTable, "IFA_F_???");
      p.sep();
      field(p, "ifa_scope");
      nim::print_xval(p, ifa.ifa_scope, kScopesTable, nullptr);
      p.sep();
      field(p, "ifa_index");
      print_ifindex(p, ifa.ifa_index);
      decode_nla = true;
    }
  } else {
    p.lit("...");
  }
  p.ch('}');
  const unsigned offset = NLMSG_ALIGN(sizeof ifa);
  if (decode_nla && len > offset) {
    p.sep();
    decode_nlattr(c, addr + offset, len - offset, kAddrAttrsTable, "IFA_???",
                  [&](uint16_t type, uint64_t a, unsigned l) -> bool {
                    switch (type) {
                      case IFA_ADDRESS:
                      case IFA_LOCAL:
                      case IFA_BROADCAST:
                      case IFA_ANYCAST:
                      case IFA_MULTICAST: return decode_ifa_address(c, a, l, ifa.ifa_family);
                      case IFA_LABEL: return nla_str(c, a, l);
                      case IFA_CACHEINFO: {
                        ifa_cacheinfo ci;
                        if (l < sizeof ci) return false;
                        if (nim::fetch_or_addr(c, a, &ci)) {
                          p.lit("{ifa_prefered=");
                          p.udec(ci.ifa_prefered);
                          p.lit(", ifa_valid=");
                          p.udec(ci.ifa_valid);
                          p.lit(", cstamp=");
                          p.udec(ci.cstamp);
                          p.lit(", tstamp=");
                          p.udec(ci.tstamp);
                          p.ch('}');
                        }
                        return true;
                      }
                      case IFA_FLAGS: {
                        uint32_t f;
                        if (l < sizeof f) return false;
                        if (nim::fetch_or_addr(c, a, &f))
                          nim::print_flags(p, f, kIfaFlagsTable, "IFA_F_???");
                        return true;
                      }
                      case IFA_RT_PRIORITY: return nla_u32(c, a, l);
                      case IFA_TARGET_NETNSID: return nla_s32(c, a, l);
                      default: return false;
                    }
                  });
  }
}

void decode_rtmsg(Call& c, uint8_t family, uint64_t addr, unsigned len) {
  Printer& p = *c.p;
  rtmsg rt = {};
  rt.rtm_family = family;
  const size_t off = sizeof rt.rtm_family;
  bool decode_nla = false;
  p.ch('{');
  field(p, "rtm_family");
  nim::print_xval(p, family, xlat::address_families, "AF_???");
  p.sep();
  if (len >= sizeof rt) {
    if (nim::fetch_or_addr(c, addr + off, reinterpret_cast<char*>(&rt) + off, sizeof rt - off)) {
      field(p, "rtm_dst_len");
      p.udec(rt.rtm_dst_len);
      p.sep();
      field(p, "rtm_src_len");
      p.udec(rt.rtm_src_len);
      p.sep();
      field(p, "rtm_tos");
      nim::print_flags(p, rt.rtm_tos, kTosTable, "IPTOS_TOS_???");
      p.sep();
      field(p, "rtm_table");
      nim::print_xval(p, rt.rtm_table, kTableIdsTable, nullptr);
      p.sep();
      field(p, "rtm_protocol");
      nim::print_xval(p, rt.rtm_protocol, kProtocolsTable, "RTPROT_???");
      p.sep();
      field(p, "rtm_scope");
      nim::print_xval(p, rt.rtm_scope, kScopesTable, nullptr);
      p.sep();
      field(p, "rtm_type");
      nim::print_xval(p, rt.rtm_type, kRouteTypesNTable, "RTN_???");
      p.sep();
      field(p, "rtm_flags");
      nim::print_flags(p, rt.rtm_flags, kRouteFlagsTable, "RTM_F_???");
      decode_nla = true;
    }
  } else {
    p.lit("...");
  }
  p.ch('}');
  const unsigned offset = NLMSG_ALIGN(sizeof rt);
  if (decode_nla && len > offset) {
    p.sep();
    decode_nlattr(c, addr + offset, len - offset, kRouteAttrsTable, "RTA_???",
                  [&](uint16_t type, uint64_t a, unsigned l) -> bool {
                    switch (type) {
                      case RTA_DST:
                      case RTA_SRC:
                      case RTA_GATEWAY:
                      case RTA_PREFSRC:
                      case RTA_NEWDST: decode_inet_addr(c, a, l, rt.rtm_family, nullptr); return true;
                      case RTA_IIF:
                      case RTA_OIF: return decode_ifindex(c, a, l);
                      case RTA_PRIORITY: case RTA_PROTOINFO: case RTA_FLOW: case RTA_MP_ALGO:
                      case RTA_MARK: case RTA_UID: return nla_u32(c, a, l);
                      case RTA_TABLE: {
                        uint32_t v;
                        if (l < sizeof v) return false;
                        if (nim::fetch_or_addr(c, a, &v))
                          nim::print_xval(p, v, kTableIdsTable, nullptr);
                        return true;
                      }
                      case RTA_PREF: case RTA_TTL_PROPAGATE: case RTA_IP_PROTO:
                        return nla_u8(c, a, l);
                      case RTA_SPORT: case RTA_DPORT: return nla_u16(c, a, l);
                      case RTA_EXPIRES: return nla_u64(c, a, l);
                      case RTA_CACHEINFO: {
                        rta_cacheinfo ci;
                        if (l < sizeof ci) return false;
                        if (nim::fetch_or_addr(c, a, &ci)) {
                          p.lit("{rta_clntref=");
                          p.udec(ci.rta_clntref);
                          p.lit(", rta_lastuse=");
                          p.udec(ci.rta_lastuse);
                          p.lit(", rta_expires=");
                          p.udec(static_cast<uint32_t>(ci.rta_expires));
                          p.lit(", rta_error=");
                          p.udec(ci.rta_error);
                          p.lit(", rta_used=");
                          p.udec(ci.rta_used);
                          p.lit(", rta_id=");
                          p.hex(ci.rta_id);
                          p.lit(", rta_ts=");
                          p.udec(ci.rta_ts);
                          p.lit(", rta_tsage=");
                          p.udec(ci.rta_tsage);
                          p.ch('}');
                        }
                        return true;
                      }
                      default: return false;
                    }
                  });
  }
}

}  // namespace

bool decode_netlink_route(Call& c, const nlmsghdr& h, uint64_t addr, unsigned len) {
  if (h.nlmsg_type == NLMSG_DONE) return false;
  uint8_t family;
  if (!nim::fetch_or_addr(c, addr, &family)) return true;
  switch (h.nlmsg_type) {
    case RTM_NEWLINK:
    case RTM_DELLINK:
    case RTM_GETLINK:
    case RTM_SETLINK: decode_ifinfomsg(c, family, addr, len); break;
    case RTM_NEWADDR:
    case RTM_DELADDR:
    case RTM_GETADDR:
    case RTM_GETMULTICAST:
    case RTM_GETANYCAST: decode_ifaddrmsg(c, family, addr, len); break;
    case RTM_NEWROUTE:
    case RTM_DELROUTE:
    case RTM_GETROUTE: decode_rtmsg(c, family, addr, len); break;
    default: decode_family(c, family, addr, len); break;
  }
  return true;
}

}  // namespace syscope::net

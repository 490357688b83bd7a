// SPDX-License-Identifier: MIT
// Netlink messages sent or received on netlink sockets:
// [{nlmsg_len=20, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP,
//   nlmsg_seq=1, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ...}]
// Headers are decoded for every protocol; payloads for NETLINK_ROUTE's common
// messages (net_netlink_route.cc), NETLINK_SOCK_DIAG inet/unix messages
// (net_netlink_diag.cc), errors and NLMSG_DONE; anything else is
// printed as a hex string, as strace does for payloads it does not know.
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "decoders/misc_common.h"
#include "decoders/net_internal.h"
#include "decoders/net_netlink.h"
#include "syscalls/xlat/tables.h"

namespace syscope::net {
namespace {

#define E(name) xlat::Entry{static_cast<uint64_t>(name), #name}

const xlat::Entry kNetlinkTypes[] = {E(NLMSG_NOOP), E(NLMSG_ERROR), E(NLMSG_DONE),
                                     E(NLMSG_OVERRUN)};
const xlat::Table kNetlinkTypesTable{kNetlinkTypes, std::size(kNetlinkTypes), "NLMSG_???"};

const xlat::Entry kNetlinkFlags[] = {E(NLM_F_REQUEST), E(NLM_F_MULTI),     E(NLM_F_ACK),
                                     E(NLM_F_ECHO),    E(NLM_F_DUMP_INTR), E(NLM_F_DUMP_FILTERED)};
const xlat::Table kNetlinkFlagsTable{kNetlinkFlags, std::size(kNetlinkFlags), "NLM_F_???"};
const xlat::Entry kNetlinkGetFlags[] = {E(NLM_F_DUMP), E(NLM_F_ROOT), E(NLM_F_MATCH),
                                        E(NLM_F_ATOMIC)};
const xlat::Table kNetlinkGetFlagsTable{kNetlinkGetFlags, std::size(kNetlinkGetFlags), nullptr};
const xlat::Entry kNetlinkNewFlags[] = {E(NLM_F_REPLACE), E(NLM_F_EXCL), E(NLM_F_CREATE),
                                        E(NLM_F_APPEND)};
const xlat::Table kNetlinkNewFlagsTable{kNetlinkNewFlags, std::size(kNetlinkNewFlags), nullptr};
const xlat::Entry kNetlinkDeleteFlags[] = {{0x100, "NLM_F_NONREC"}, {0x200, "NLM_F_BULK"}};
const xlat::Table kNetlinkDeleteFlagsTable{kNetlinkDeleteFlags, std::size(kNetlinkDeleteFlags),
                                           nullptr};
const xlat::Entry kNetlinkAckFlags[] = {{0x100, "NLM_F_CAPPED"}, {0x200, "NLM_F_ACK_TLVS"}};
const xlat::Table kNetlinkAckFlagsTable{kNetlinkAckFlags, std::size(kNetlinkAckFlags), nullptr};

const xlat::Entry kRouteTypes[] = {
    E(RTM_NEWLINK),     E(RTM_DELLINK),      E(RTM_GETLINK),      E(RTM_SETLINK),
    E(RTM_NEWADDR),     E(RTM_DELADDR),      E(RTM_GETADDR),      E(RTM_NEWROUTE),
    E(RTM_DELROUTE),    E(RTM_GETROUTE),     E(RTM_NEWNEIGH),     E(RTM_DELNEIGH),
    E(RTM_GETNEIGH),    E(RTM_NEWRULE),      E(RTM_DELRULE),      E(RTM_GETRULE),
    E(RTM_NEWQDISC),    E(RTM_DELQDISC),     E(RTM_GETQDISC),     E(RTM_NEWTCLASS),
    E(RTM_DELTCLASS),   E(RTM_GETTCLASS),    E(RTM_NEWTFILTER),   E(RTM_DELTFILTER),
    E(RTM_GETTFILTER),  E(RTM_NEWACTION),    E(RTM_DELACTION),    E(RTM_GETACTION),
    E(RTM_NEWPREFIX),   E(RTM_GETMULTICAST), E(RTM_GETANYCAST),   E(RTM_NEWNEIGHTBL),
    E(RTM_GETNEIGHTBL), E(RTM_SETNEIGHTBL),  E(RTM_NEWNDUSEROPT), E(RTM_NEWADDRLABEL),
    E(RTM_DELADDRLABEL), E(RTM_GETADDRLABEL), E(RTM_GETDCB),      E(RTM_SETDCB),
    E(RTM_NEWNETCONF),  E(RTM_DELNETCONF),   E(RTM_GETNETCONF),   E(RTM_NEWMDB),
    E(RTM_DELMDB),      E(RTM_GETMDB),       E(RTM_NEWNSID),      E(RTM_DELNSID),
    E(RTM_GETNSID),     E(RTM_NEWSTATS),     E(RTM_GETSTATS),     E(RTM_NEWCACHEREPORT),
    E(RTM_NEWCHAIN),    E(RTM_DELCHAIN),     E(RTM_GETCHAIN),     E(RTM_NEWNEXTHOP),
    E(RTM_DELNEXTHOP),  E(RTM_GETNEXTHOP),   E(RTM_NEWLINKPROP),  E(RTM_DELLINKPROP),
    E(RTM_GETLINKPROP), E(RTM_NEWVLAN),      E(RTM_DELVLAN),      E(RTM_GETVLAN),
    E(RTM_NEWNEXTHOPBUCKET), E(RTM_DELNEXTHOPBUCKET), E(RTM_GETNEXTHOPBUCKET),
};
const xlat::Table kRouteTypesTable{kRouteTypes, std::size(kRouteTypes), "RTM_???"};

const xlat::Entry kSockDiagTypes[] = {{18, "TCPDIAG_GETSOCK"}, {19, "DCCPDIAG_GETSOCK"},
                                      {20, "SOCK_DIAG_BY_FAMILY"}, {21, "SOCK_DESTROY"}};
const xlat::Table kSockDiagTypesTable{kSockDiagTypes, std::size(kSockDiagTypes), "SOCK_DIAG_???"};

#undef E

void field(Printer& p, const char* name) { p.lit(name).ch('='); }

void print_nlmsg_type(Printer& p, uint16_t type, int family) {
  const xlat::Table* t = &kNetlinkTypesTable;
  const char* dflt = "NLMSG_???";
  if (type >= NLMSG_MIN_TYPE) {
    switch (family) {
      case NETLINK_ROUTE:
        t = &kRouteTypesTable;
        dflt = "RTM_???";
        break;
      case NETLINK_SOCK_DIAG:
        t = &kSockDiagTypesTable;
        dflt = "SOCK_DIAG_???";
        break;
      // Protocols whose type tables we do not carry: strace prints their
      // names; here the number with strace's "unknown" comment.
      case NETLINK_AUDIT: dflt = "AUDIT_???"; t = nullptr; break;
      case NETLINK_CRYPTO: dflt = "CRYPTO_MSG_???"; t = nullptr; break;
      case NETLINK_SELINUX: dflt = "SELNL_MSG_???"; t = nullptr; break;
      case NETLINK_XFRM: dflt = "XFRM_MSG_???"; t = nullptr; break;
      case NETLINK_GENERIC: dflt = "GENERIC_FAMILY_???"; t = nullptr; break;
      case NETLINK_NETFILTER: dflt = "NFNL_SUBSYS_???"; t = nullptr; break;
      default: break;
    }
  }
  if (t)
    nim::print_xval(p, type, *t, dflt);
  else
    nim::print_xvals(p, type, dflt, {});
}

void print_nlmsg_flags(Printer& p, uint16_t flags, uint16_t type, int family) {
  const xlat::Table* extra = nullptr;
  if (type < NLMSG_MIN_TYPE) {
    if (type == NLMSG_ERROR) extra = &kNetlinkAckFlagsTable;
  } else if (family == NETLINK_ROUTE) {
    if (type == RTM_DELACTION)
      extra = &kNetlinkGetFlagsTable;
    else
      switch (type & 3) {
        case 0: extra = &kNetlinkNewFlagsTable; break;
        case 1: extra = &kNetlinkDeleteFlagsTable; break;
        case 2: extra = &kNetlinkGetFlagsTable; break;
        default: break;
      }
  } else if (family == NETLINK_SOCK_DIAG) {
    extra = &kNetlinkGetFlagsTable;
  }
  nim::print_flags_tables(p, flags, {&kNetlinkFlagsTable, extra}, "NLM_F_???");
}

void print_nlmsghdr(Printer& p, int family, const nlmsghdr& h) {
  p.ch('{');
  field(p, "nlmsg_len");
  p.udec(h.nlmsg_len);
  p.sep();
  field(p, "nlmsg_type");
  print_nlmsg_type(p, h.nlmsg_type, family);
  p.sep();
  field(p, "nlmsg_flags");
  print_nlmsg_flags(p, h.nlmsg_flags, h.nlmsg_type, family);
  p.sep();
  field(p, "nlmsg_seq");
  p.udec(h.nlmsg_seq);
  p.sep();
  field(p, "nlmsg_pid");
  p.dec(static_cast<int32_t>(h.nlmsg_pid));
  p.ch('}');
}

void decode_nlmsghdr_with_payload(Call& c, int fd, int family, const nlmsghdr& h, uint64_t addr,
                                  uint64_t len);

void decode_nlmsgerr(Call& c, int fd, int family, uint64_t addr, unsigned len, bool capped) {
  Printer& p = *c.p;
  nlmsgerr err;
  if (len < sizeof err) {
    nim::print_str(c, addr, len, nim::kQuoteForceHex);
    return;
  }
  if (!nim::fetch_or_addr(c, addr, &err)) return;
  addr += offsetof(nlmsgerr, msg);
  len -= offsetof(nlmsgerr, msg);
  const unsigned nlmsg_len =
      err.msg.nlmsg_len > sizeof err.msg ? err.msg.nlmsg_len : sizeof err.msg;
  const unsigned cap = capped ? sizeof err.msg : nlmsg_len;
  const unsigned payload = len < cap ? len : cap;
  if (len > payload) p.ch('[');
  p.ch('{');
  field(p, "error");
  nim::print_err(p, err.error, true);
  p.sep();
  field(p, "msg");
  decode_nlmsghdr_with_payload(c, fd, family, err.msg, addr, payload);
  p.ch('}');
  if (len > payload) {
    p.sep();
    static const xlat::Entry kAttrs[] = {{0, "NLMSGERR_ATTR_UNUSED"},
                                         {1, "NLMSGERR_ATTR_MSG"},
                                         {2, "NLMSGERR_ATTR_OFFS"},
                                         {3, "NLMSGERR_ATTR_COOKIE"},
                                         {4, "NLMSGERR_ATTR_POLICY"}};
    static const xlat::Table kAttrTable{kAttrs, std::size(kAttrs), "NLMSGERR_ATTR_???"};
    decode_nlattr(c, addr + payload, len - payload, kAttrTable, "NLMSGERR_ATTR_???",
                  [&](uint16_t type, uint64_t a, unsigned l) {
                    switch (type) {
                      case 1: return nla_str(c, a, l);
                      case 2: return nla_u32(c, a, l);
                      case 3:
                        nim::print_array(c, a, l, 1, [&](const void* e) {
                          p.udec(*static_cast<const uint8_t*>(e));
                          return true;
                        });
                        return true;
                      default: return false;
                    }
                  });
    p.ch(']');
  }
}

void decode_payload(Call& c, int fd, int family, const nlmsghdr& h, uint64_t addr, unsigned len) {
  if (h.nlmsg_type == NLMSG_ERROR) {
    decode_nlmsgerr(c, fd, family, addr, len, h.nlmsg_flags & NLM_F_CAPPED);
    return;
  }
  if (h.nlmsg_type >= NLMSG_MIN_TYPE || h.nlmsg_type == NLMSG_DONE) {
    if (family == NETLINK_ROUTE && decode_netlink_route(c, h, addr, len)) return;
    if (family == NETLINK_SOCK_DIAG && decode_netlink_sock_diag(c, h, addr, len)) return;
  }
  if (h.nlmsg_type == NLMSG_DONE && len == sizeof(int)) {
    int32_t num;
    if (nim::fetch_or_addr(c, addr, &num)) c.p->dec(num);
    return;
  }
  nim::print_str(c, addr, len, nim::kQuoteForceHex);
}

void decode_nlmsghdr_with_payload(Call& c, int fd, int family, const nlmsghdr& h, uint64_t addr,
                                  uint64_t len) {
  Printer& p = *c.p;
  const unsigned nlmsg_len = h.nlmsg_len < len ? h.nlmsg_len : static_cast<unsigned>(len);
  if (nlmsg_len > NLMSG_HDRLEN) p.ch('[');
  print_nlmsghdr(p, family, h);
  if (nlmsg_len > NLMSG_HDRLEN) {
    p.sep();
    decode_payload(c, fd, family, h, addr + NLMSG_HDRLEN, nlmsg_len - NLMSG_HDRLEN);
    p.ch(']');
  }
}

bool fetch_nlmsghdr(Call& c, nlmsghdr* h, uint64_t addr, uint64_t len, bool in_array) {
  if (len < sizeof(nlmsghdr)) {
    nim::print_str(c, addr, len, nim::kQuoteForceHex);
    return false;
  }
  if (nim::fetch_mem(c, addr, h, sizeof *h)) return true;
  if (in_array) {
    c.p->lit("...");
    nim::print_addr_comment(*c.p, addr);
  } else {
    c.p->addr(addr);
  }
  return false;
}

}  // namespace

int netlink_family_of_fd(Call& c, int fd) {
  if (fd < 0) return -1;
  char path[64];
  const int pid = static_cast<int>(c.p->ctx().pid());
  snprintf(path, sizeof path, "/proc/%d/fd/%d", pid, fd);
  char link[64];
  ssize_t n = readlink(path, link, sizeof link - 1);
  if (n <= 0) return -1;
  link[n] = 0;
  unsigned long inode = 0;
  if (sscanf(link, "socket:[%lu]", &inode) != 1) return -1;
  // /proc/PID/net/netlink: sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode
  snprintf(path, sizeof path, "/proc/%d/net/netlink", pid);
  FILE* f = fopen(path, "r");
  if (!f) return -1;
  char line[512];
  int family = -1;
  while (fgets(line, sizeof line, f)) {
    unsigned long long sk;
    int eth;
    unsigned long ino;
    char rest[8][32];
    if (sscanf(line, "%llx %d %31s %31s %31s %31s %31s %31s %31s %lu", &sk, &eth, rest[0], rest[1],
               rest[2], rest[3], rest[4], rest[5], rest[6], &ino) == 10 &&
        ino == inode) {
      family = eth;
      break;
    }
  }
  fclose(f);
  return family;
}

void decode_netlink(Call& c, int fd, uint64_t addr, uint64_t len) {
  Printer& p = *c.p;
  const int family = netlink_family_of_fd(c, fd);
  if (family == NETLINK_KOBJECT_UEVENT) {
    // strace prints uevent messages as strings unless they carry the
    // libudev header.
    nim::print_strn(c, addr, len);
    return;
  }
  nlmsghdr h;
  bool is_array = false;
  for (unsigned elt = 0; fetch_nlmsghdr(c, &h, addr, len, is_array); ++elt) {
    if (nim::abbrev(c) && elt == p.opt().string_limit) {
      p.lit("...");
      break;
    }
    const unsigned nlmsg_len = NLMSG_ALIGN(h.nlmsg_len);
    uint64_t next_addr = 0, next_len = 0;
    if (h.nlmsg_len >= NLMSG_HDRLEN) {
      next_len = len >= nlmsg_len ? len - nlmsg_len : 0;
      if (next_len && addr + nlmsg_len > addr) next_addr = addr + nlmsg_len;
    }
    if (!is_array && next_addr) {
      p.ch('[');
      is_array = true;
    }
    decode_nlmsghdr_with_payload(c, fd, family, h, addr, len);
    if (!next_addr) break;
    p.sep();
    addr = next_addr;
    len = next_len;
  }
  if (is_array) p.ch(']');
}

// ---- netlink attributes ----

bool nla_str(Call& c, uint64_t addr, unsigned len) {
  nim::print_str(c, addr, len, nim::kQuoteOmitTrailing0 | nim::kQuoteExpectTrailing0);
  return true;
}

bool nla_u32(Call& c, uint64_t addr, unsigned len) {
  uint32_t v;
  if (len < sizeof v) return false;
  if (nim::fetch_or_addr(c, addr, &v)) c.p->udec(v);
  return true;
}

bool nla_s32(Call& c, uint64_t addr, unsigned len) {
  int32_t v;
  if (len < sizeof v) return false;
  if (nim::fetch_or_addr(c, addr, &v)) c.p->dec(v);
  return true;
}

bool nla_u8(Call& c, uint64_t addr, unsigned len) {
  uint8_t v;
  if (len < sizeof v) return false;
  if (nim::fetch_or_addr(c, addr, &v)) c.p->udec(v);
  return true;
}

bool nla_u16(Call& c, uint64_t addr, unsigned len) {
  uint16_t v;
  if (len < sizeof v) return false;
  if (nim::fetch_or_addr(c, addr, &v)) c.p->udec(v);
  return true;
}

bool nla_u64(Call& c, uint64_t addr, unsigned len) {
  uint64_t v;
  if (len < sizeof v) return false;
  if (nim::fetch_or_addr(c, addr, &v)) c.p->udec(v);
  return true;
}

void decode_nlattr_impl(Call& c, uint64_t addr, unsigned len, const xlat::Table& table,
                        const char* dflt, const NlaDecodeFn& decode) {
  Printer& p = *c.p;
  bool is_array = false;
  for (unsigned elt = 0;; ++elt) {
    nlattr nla;
    if (len < sizeof nla) {
      nim::print_str(c, addr, len, nim::kQuoteForceHex);
      break;
    }
    if (!nim::fetch_mem(c, addr, &nla, sizeof nla)) {
      if (is_array) {
        p.lit("...");
        nim::print_addr_comment(p, addr);
      } else {
        p.addr(addr);
      }
      break;
    }
    if (nim::abbrev(c) && elt == p.opt().string_limit) {
      p.lit("...");
      break;
    }
    const unsigned nla_len = NLA_ALIGN(nla.nla_len);
    uint64_t next_addr = 0;
    unsigned next_len = 0;
    if (nla.nla_len >= NLA_HDRLEN) {
      next_len = len >= nla_len ? len - nla_len : 0;
      if (next_len && addr + nla_len > addr) next_addr = addr + nla_len;
    }
    if (!is_array && next_addr) {
      p.ch('[');
      is_array = true;
    }
    const unsigned data_len = nla.nla_len < len ? nla.nla_len : len;
    if (data_len > NLA_HDRLEN) p.ch('[');
    p.ch('{');
    field(p, "nla_len");
    p.udec(nla.nla_len);
    p.sep();
    field(p, "nla_type");
    if (nla.nla_type & NLA_F_NESTED) {
      nim::print_xlat(p, NLA_F_NESTED, "NLA_F_NESTED");
      p.ch('|');
    }
    if (nla.nla_type & NLA_F_NET_BYTEORDER) {
      nim::print_xlat(p, NLA_F_NET_BYTEORDER, "NLA_F_NET_BYTEORDER");
      p.ch('|');
    }
    const uint16_t type = nla.nla_type & NLA_TYPE_MASK;
    nim::print_xval(p, type, table, dflt);
    p.ch('}');
    if (data_len > NLA_HDRLEN) {
      p.sep();
      if (!decode || !decode(type, addr + NLA_HDRLEN, data_len - NLA_HDRLEN))
        nim::print_str(c, addr + NLA_HDRLEN, data_len - NLA_HDRLEN, nim::kQuoteForceHex);
      p.ch(']');
    }
    if (!next_addr) break;
    p.sep();
    addr = next_addr;
    len = next_len;
  }
  if (is_array) p.ch(']');
}

}  // namespace syscope::net

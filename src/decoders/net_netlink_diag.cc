// SPDX-License-Identifier: MIT
// NETLINK_SOCK_DIAG payloads for inet (TCP/UDP) and unix sockets, as `ss`
// sends and receives them: inet_diag_req_v2 / inet_diag_msg, unix_diag_req /
// unix_diag_msg with their attributes. Other families print the family and
// the rest as hex (strace's decode_family()).
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "decoders/misc_common.h"
#include "decoders/net_internal.h"
#include "decoders/net_netlink.h"
#include "syscalls/xlat/tables.h"

namespace syscope::net {
namespace {

#define E(name) xlat::Entry{static_cast<uint64_t>(name), #name}

const xlat::Entry kTcpStates[] = {
    {1, "TCP_ESTABLISHED"}, {2, "TCP_SYN_SENT"},  {3, "TCP_SYN_RECV"},   {4, "TCP_FIN_WAIT1"},
    {5, "TCP_FIN_WAIT2"},   {6, "TCP_TIME_WAIT"}, {7, "TCP_CLOSE"},      {8, "TCP_CLOSE_WAIT"},
    {9, "TCP_LAST_ACK"},    {10, "TCP_LISTEN"},   {11, "TCP_CLOSING"},   {12, "TCP_NEW_SYN_RECV"},
};
const xlat::Table kTcpStatesTable{kTcpStates, std::size(kTcpStates), "TCP_???"};
const xlat::Entry kTcpStateFlags[] = {
    {1u << 1, "1<<TCP_ESTABLISHED"}, {1u << 2, "1<<TCP_SYN_SENT"}, {1u << 3, "1<<TCP_SYN_RECV"},
    {1u << 4, "1<<TCP_FIN_WAIT1"},   {1u << 5, "1<<TCP_FIN_WAIT2"}, {1u << 6, "1<<TCP_TIME_WAIT"},
    {1u << 7, "1<<TCP_CLOSE"},       {1u << 8, "1<<TCP_CLOSE_WAIT"}, {1u << 9, "1<<TCP_LAST_ACK"},
    {1u << 10, "1<<TCP_LISTEN"},     {1u << 11, "1<<TCP_CLOSING"},  {1u << 12, "1<<TCP_NEW_SYN_RECV"},
};
const xlat::Table kTcpStateFlagsTable{kTcpStateFlags, std::size(kTcpStateFlags), "1<<TCP_???"};

const xlat::Entry kInetDiagExt[] = {
    {1u << 0, "1<<(INET_DIAG_MEMINFO-1)"},    {1u << 1, "1<<(INET_DIAG_INFO-1)"},
    {1u << 2, "1<<(INET_DIAG_VEGASINFO-1)"},  {1u << 3, "1<<(INET_DIAG_CONG-1)"},
    {1u << 4, "1<<(INET_DIAG_TOS-1)"},        {1u << 5, "1<<(INET_DIAG_TCLASS-1)"},
    {1u << 6, "1<<(INET_DIAG_SKMEMINFO-1)"},  {1u << 7, "1<<(INET_DIAG_SHUTDOWN-1)"},
};
const xlat::Table kInetDiagExtTable{kInetDiagExt, std::size(kInetDiagExt), "1<<INET_DIAG_\?\?\?-1"};

const xlat::Entry kInetDiagAttrs[] = {
    E(INET_DIAG_NONE), E(INET_DIAG_MEMINFO), E(INET_DIAG_INFO), E(INET_DIAG_VEGASINFO),
    E(INET_DIAG_CONG), E(INET_DIAG_TOS), E(INET_DIAG_TCLASS), E(INET_DIAG_SKMEMINFO),
    E(INET_DIAG_SHUTDOWN), E(INET_DIAG_DCTCPINFO), E(INET_DIAG_PROTOCOL), E(INET_DIAG_SKV6ONLY),
    E(INET_DIAG_LOCALS), E(INET_DIAG_PEERS), E(INET_DIAG_PAD), E(INET_DIAG_MARK),
    E(INET_DIAG_BBRINFO), E(INET_DIAG_CLASS_ID), E(INET_DIAG_MD5SIG), E(INET_DIAG_ULP_INFO),
    E(INET_DIAG_SK_BPF_STORAGES), E(INET_DIAG_CGROUP_ID), E(INET_DIAG_SOCKOPT),
};
const xlat::Table kInetDiagAttrsTable{kInetDiagAttrs, std::size(kInetDiagAttrs), "INET_DIAG_???"};
const xlat::Entry kInetDiagReqAttrs[] = {
    E(INET_DIAG_REQ_NONE), E(INET_DIAG_REQ_BYTECODE), E(INET_DIAG_REQ_SK_BPF_STORAGES),
    E(INET_DIAG_REQ_PROTOCOL),
};
const xlat::Table kInetDiagReqAttrsTable{kInetDiagReqAttrs, std::size(kInetDiagReqAttrs),
                                         "INET_DIAG_REQ_???"};
const xlat::Entry kShutdownFlags[] = {{1, "RCV_SHUTDOWN"}, {2, "SEND_SHUTDOWN"}};
const xlat::Table kShutdownFlagsTable{kShutdownFlags, std::size(kShutdownFlags), "???_SHUTDOWN"};
const xlat::Entry kMeminfoIdx[] = {
    {0, "SK_MEMINFO_RMEM_ALLOC"}, {1, "SK_MEMINFO_RCVBUF"},     {2, "SK_MEMINFO_WMEM_ALLOC"},
    {3, "SK_MEMINFO_SNDBUF"},     {4, "SK_MEMINFO_FWD_ALLOC"},  {5, "SK_MEMINFO_WMEM_QUEUED"},
    {6, "SK_MEMINFO_OPTMEM"},     {7, "SK_MEMINFO_BACKLOG"},    {8, "SK_MEMINFO_DROPS"},
};
const xlat::Table kMeminfoIdxTable{kMeminfoIdx, std::size(kMeminfoIdx), "SK_MEMINFO_???"};

const xlat::Entry kUnixDiagAttrs[] = {
    E(UNIX_DIAG_NAME), E(UNIX_DIAG_VFS), E(UNIX_DIAG_PEER), E(UNIX_DIAG_ICONS),
    E(UNIX_DIAG_RQLEN), E(UNIX_DIAG_MEMINFO), E(UNIX_DIAG_SHUTDOWN), E(UNIX_DIAG_UID),
};
const xlat::Table kUnixDiagAttrsTable{kUnixDiagAttrs, std::size(kUnixDiagAttrs), "UNIX_DIAG_???"};
const xlat::Entry kUnixDiagShow[] = {
    E(UDIAG_SHOW_NAME), E(UDIAG_SHOW_VFS), E(UDIAG_SHOW_PEER), E(UDIAG_SHOW_ICONS),
    E(UDIAG_SHOW_RQLEN), E(UDIAG_SHOW_MEMINFO), E(UDIAG_SHOW_UID),
};
const xlat::Table kUnixDiagShowTable{kUnixDiagShow, std::size(kUnixDiagShow), "UDIAG_SHOW_???"};

#undef E

void field(Printer& p, const char* name) { p.lit(name).ch('='); }

void print_cookie(Printer& p, const uint32_t cookie[2]) {
  p.ch('[');
  p.udec(cookie[0]);
  p.sep();
  p.udec(cookie[1]);
  p.ch(']');
}

void print_sockid(Printer& p, const inet_diag_sockid& id, uint8_t family) {
  p.ch('{');
  print_net_port(p, "idiag_sport", id.idiag_sport);
  p.sep();
  print_net_port(p, "idiag_dport", id.idiag_dport);
  p.sep();
  // The whole 16-byte field, whatever the family (strace's sizeof).
  print_inet_addr(p, family, id.idiag_src, sizeof id.idiag_src, "idiag_src");
  p.sep();
  print_inet_addr(p, family, id.idiag_dst, sizeof id.idiag_dst, "idiag_dst");
  p.sep();
  field(p, "idiag_if");
  print_ifindex(p, id.idiag_if);
  p.sep();
  field(p, "idiag_cookie");
  print_cookie(p, id.idiag_cookie);
  p.ch('}');
}

void decode_family_hex(Call& c, uint8_t family, uint64_t addr, unsigned len) {
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

bool decode_meminfo(Call& c, uint64_t addr, unsigned len) {
  const unsigned n = len / 4;
  if (!n) return false;
  Printer& p = *c.p;
  uint64_t idx = 0;
  nim::print_array(c, addr, n, 4, [&](const void* e) {
    uint32_t v;
    memcpy(&v, e, 4);
    p.ch('[');
    nim::print_xval(p, idx++, kMeminfoIdxTable, "SK_MEMINFO_???", nim::XFmt::kUDec);
    p.lit("]=");
    p.udec(v);
    return true;
  });
  return true;
}

// INET_DIAG_SOCKOPT: two bytes of bit fields; with -v all of them, else only
// the set ones; any bytes after them that are not zero follow as hex.
bool decode_sockopt_bits(Call& c, uint64_t addr, unsigned len) {
  if (len < 2) return false;
  unsigned char b[2];
  if (!nim::fetch_or_addr(c, addr, b, 2)) return true;
  Printer& p = *c.p;
  static const char* const kNames[] = {"recverr", "is_icsk", "freebind", "hdrincl",
                                       "mc_loop", "transparent", "mc_all", "nodefrag",
                                       "bind_address_no_port", "recverr_rfc4884",
                                       "defer_connect"};
  const unsigned bits = b[0] | (b[1] << 8);
  bool first = true;
  auto delim = [&] {
    p.lit(first ? "{" : ", ");
    first = false;
  };
  for (unsigned i = 0; i < 11; ++i) {
    const unsigned v = (bits >> i) & 1;
    if (!nim::abbrev(c) || v) {
      delim();
      p.lit(kNames[i]).ch('=');
      p.udec(v);
    }
  }
  const unsigned unused = (b[1] >> 3) & 0x1f;
  if (!nim::abbrev(c) || unused) {
    delim();
    p.lit("unused=");
    p.hex(unused);
    nim::print_comment(p, "bits 3..8");
  }
  if (first) p.ch('{');
  p.ch('}');
  // print_nonzero_bytes() of the rest of the attribute.
  const unsigned total = std::min(len, 4096u);
  if (total > 2) {
    std::vector<unsigned char> rest(total - 2);
    if (p.ctx().read(addr + 2, rest.data(), rest.size()) != rest.size()) {
      p.sep();
      p.lit("???");
    } else {
      bool zero = true;
      for (unsigned char x : rest) zero = zero && !x;
      if (!zero) {
        p.sep();
        char hdr[48];
        snprintf(hdr, sizeof hdr, "/* bytes %u..%u */ ", 2u, total - 1);
        p.lit(hdr);
        const size_t n = std::min<size_t>(rest.size(), p.opt().string_limit);
        nim::print_quoted(p, rest.data(), n, nim::kQuoteForceHex);
        if (n < rest.size()) p.lit("...");
      }
    }
  }
  return true;
}

void decode_inet_req(Call& c, uint8_t family, uint64_t addr, unsigned len) {
  Printer& p = *c.p;
  inet_diag_req_v2 req = {};
  req.sdiag_family = family;
  const size_t off = sizeof req.sdiag_family;
  bool decode_nla = false;
  p.ch('{');
  field(p, "sdiag_family");
  nim::print_xval(p, family, xlat::address_families, "AF_???");
  p.sep();
  if (len >= sizeof req) {
    if (nim::fetch_or_addr(c, addr + off, reinterpret_cast<char*>(&req) + off, sizeof req - off)) {
      field(p, "sdiag_protocol");
      nim::print_xval(p, req.sdiag_protocol, xlat::ip_protocols, "IPPROTO_???");
      p.sep();
      field(p, "idiag_ext");
      nim::print_flags(p, req.idiag_ext, kInetDiagExtTable, "1<<INET_DIAG_\?\?\?-1");
      p.sep();
      field(p, "idiag_states");
      nim::print_flags(p, req.idiag_states, kTcpStateFlagsTable, "1<<TCP_???");
      p.sep();
      field(p, "id");
      print_sockid(p, req.id, req.sdiag_family);
      decode_nla = true;
    }
  } else {
    p.lit("...");
  }
  p.ch('}');
  const unsigned offset = NLMSG_ALIGN(sizeof req);
  if (decode_nla && len > offset) {
    p.sep();
    decode_nlattr(c, addr + offset, len - offset, kInetDiagReqAttrsTable, "INET_DIAG_REQ_???",
                  [](uint16_t, uint64_t, unsigned) { return false; });
  }
}

void decode_inet_msg(Call& c, uint8_t family, uint64_t addr, unsigned len) {
  Printer& p = *c.p;
  inet_diag_msg msg = {};
  msg.idiag_family = family;
  const size_t off = sizeof msg.idiag_family;
  bool decode_nla = false;
  p.ch('{');
  field(p, "idiag_family");
  nim::print_xval(p, family, xlat::address_families, "AF_???");
  p.sep();
  if (len >= sizeof msg) {
    if (nim::fetch_or_addr(c, addr + off, reinterpret_cast<char*>(&msg) + off, sizeof msg - off)) {
      field(p, "idiag_state");
      nim::print_xval(p, msg.idiag_state, kTcpStatesTable, "TCP_???");
      p.lit(", idiag_timer=");
      p.udec(msg.idiag_timer);
      p.lit(", idiag_retrans=");
      p.udec(msg.idiag_retrans);
      p.lit(", id=");
      print_sockid(p, msg.id, msg.idiag_family);
      p.lit(", idiag_expires=");
      p.udec(msg.idiag_expires);
      p.lit(", idiag_rqueue=");
      p.udec(msg.idiag_rqueue);
      p.lit(", idiag_wqueue=");
      p.udec(msg.idiag_wqueue);
      p.lit(", idiag_uid=");
      p.udec(msg.idiag_uid);
      p.lit(", idiag_inode=");
      p.udec(msg.idiag_inode);
      decode_nla = true;
    }
  } else {
    p.lit("...");
  }
  p.ch('}');
  const unsigned offset = NLMSG_ALIGN(sizeof msg);
  if (decode_nla && len > offset) {
    p.sep();
    decode_nlattr(c, addr + offset, len - offset, kInetDiagAttrsTable, "INET_DIAG_???",
                  [&](uint16_t type, uint64_t a, unsigned l) -> bool {
                    switch (type) {
                      case INET_DIAG_MEMINFO: {
                        inet_diag_meminfo mi;
                        if (l < sizeof mi) return false;
                        if (nim::fetch_or_addr(c, a, &mi)) {
                          p.lit("{idiag_rmem=");
                          p.udec(mi.idiag_rmem);
                          p.lit(", idiag_wmem=");
                          p.udec(mi.idiag_wmem);
                          p.lit(", idiag_fmem=");
                          p.udec(mi.idiag_fmem);
                          p.lit(", idiag_tmem=");
                          p.udec(mi.idiag_tmem);
                          p.ch('}');
                        }
                        return true;
                      }
                      case INET_DIAG_CONG: return nla_str(c, a, l);
                      case INET_DIAG_TOS:
                      case INET_DIAG_TCLASS:
                      case INET_DIAG_SKV6ONLY: return nla_u8(c, a, l);
                      case INET_DIAG_SKMEMINFO: return decode_meminfo(c, a, l);
                      case INET_DIAG_SHUTDOWN: {
                        if (l > 8 || l < 1) return false;
                        uint8_t v;
                        if (!nim::fetch_or_addr(c, a, &v)) return true;
                        // Verbose style: the kernel names are not in UAPI.
                        if (nim::style_raw(p)) {
                          p.hex(v);
                        } else if (v) {
                          std::string names;
                          Printer::flags_text(v, kShutdownFlagsTable, &names);
                          p.hex(v);
                          nim::print_comment(p, names.c_str());
                        } else {
                          p.ch('0');
                        }
                        return true;
                      }
                      case INET_DIAG_PROTOCOL: {
                        if (l > 8) return false;
                        uint64_t v = 0;
                        if (nim::fetch_or_addr(c, a, &v, l))
                          nim::print_xval(p, v, xlat::ip_protocols, "IPPROTO_???");
                        return true;
                      }
                      case INET_DIAG_SOCKOPT: return decode_sockopt_bits(c, a, l);
                      case INET_DIAG_MARK:
                      case INET_DIAG_CLASS_ID: return nla_u32(c, a, l);
                      case INET_DIAG_CGROUP_ID: return nla_u64(c, a, l);
                      default: return false;
                    }
                  });
  }
}

void decode_unix_req(Call& c, uint8_t family, uint64_t addr, unsigned len) {
  Printer& p = *c.p;
  unix_diag_req req = {};
  req.sdiag_family = family;
  const size_t off = sizeof req.sdiag_family;
  p.ch('{');
  field(p, "sdiag_family");
  nim::print_xval(p, family, xlat::address_families, "AF_???");
  p.sep();
  if (len >= sizeof req) {
    if (nim::fetch_or_addr(c, addr + off, reinterpret_cast<char*>(&req) + off, sizeof req - off)) {
      p.lit("sdiag_protocol=");
      p.udec(req.sdiag_protocol);
      p.lit(", udiag_states=");
      nim::print_flags(p, req.udiag_states, kTcpStateFlagsTable, "1<<TCP_???");
      p.lit(", udiag_ino=");
      p.udec(req.udiag_ino);
      p.lit(", udiag_show=");
      nim::print_flags(p, req.udiag_show, kUnixDiagShowTable, "UDIAG_SHOW_???");
      p.lit(", udiag_cookie=");
      print_cookie(p, req.udiag_cookie);
    }
  } else {
    p.lit("...");
  }
  p.ch('}');
}

void decode_unix_msg(Call& c, uint8_t family, uint64_t addr, unsigned len) {
  Printer& p = *c.p;
  unix_diag_msg msg = {};
  msg.udiag_family = family;
  const size_t off = sizeof msg.udiag_family;
  bool decode_nla = false;
  p.ch('{');
  field(p, "udiag_family");
  nim::print_xval(p, family, xlat::address_families, "AF_???");
  p.sep();
  if (len >= sizeof msg) {
    if (nim::fetch_or_addr(c, addr + off, reinterpret_cast<char*>(&msg) + off, sizeof msg - off)) {
      p.lit("udiag_type=");
      nim::print_xval(p, msg.udiag_type, xlat::socket_types, "SOCK_???");
      p.lit(", udiag_state=");
      nim::print_xval(p, msg.udiag_state, kTcpStatesTable, "TCP_???");
      p.lit(", udiag_ino=");
      p.udec(msg.udiag_ino);
      p.lit(", udiag_cookie=");
      print_cookie(p, msg.udiag_cookie);
      decode_nla = true;
    }
  } else {
    p.lit("...");
  }
  p.ch('}');
  const unsigned offset = NLMSG_ALIGN(sizeof msg);
  if (decode_nla && len > offset) {
    p.sep();
    decode_nlattr(c, addr + offset, len - offset, kUnixDiagAttrsTable, "UNIX_DIAG_???",
                  [&](uint16_t type, uint64_t a, unsigned l) -> bool {
                    switch (type) {
                      case UNIX_DIAG_NAME: return nla_str(c, a, l);
                      case UNIX_DIAG_PEER: return nla_u32(c, a, l);
                      case UNIX_DIAG_SHUTDOWN: return nla_u8(c, a, l);
                      case UNIX_DIAG_MEMINFO: return decode_meminfo(c, a, l);
                      case UNIX_DIAG_ICONS: {
                        if (l < 4) return false;
                        nim::print_array(c, a, l / 4, 4, [&](const void* e) {
                          uint32_t v;
                          memcpy(&v, e, 4);
                          p.udec(v);
                          return true;
                        });
                        return true;
                      }
                      case UNIX_DIAG_RQLEN: {
                        unix_diag_rqlen r;
                        if (l < sizeof r) return false;
                        if (nim::fetch_or_addr(c, a, &r)) {
                          p.lit("{udiag_rqueue=");
                          p.udec(r.udiag_rqueue);
                          p.lit(", udiag_wqueue=");
                          p.udec(r.udiag_wqueue);
                          p.ch('}');
                        }
                        return true;
                      }
                      case UNIX_DIAG_UID: {
                        uint32_t v;
                        if (l < sizeof v) return false;
                        if (nim::fetch_or_addr(c, a, &v)) nim::print_id(p, v);
                        return true;
                      }
                      default: return false;
                    }
                  });
  }
}

}  // namespace

bool decode_netlink_sock_diag(Call& c, const nlmsghdr& h, uint64_t addr, unsigned len) {
  if (h.nlmsg_type == NLMSG_DONE) return false;
  uint8_t family;
  if (!nim::fetch_or_addr(c, addr, &family)) return true;
  const bool request = h.nlmsg_flags & NLM_F_REQUEST;
  if (len > 1) {
    switch (family) {
      case AF_INET:
      case AF_INET6:
        // TCPDIAG_GETSOCK / DCCPDIAG_GETSOCK use the old request layout.
        if (request && (h.nlmsg_type == 18 || h.nlmsg_type == 19)) break;
        if (request)
          decode_inet_req(c, family, addr, len);
        else
          decode_inet_msg(c, family, addr, len);
        return true;
      case AF_UNIX:
        if (request)
          decode_unix_req(c, family, addr, len);
        else
          decode_unix_msg(c, family, addr, len);
        return true;
      default: break;
    }
  }
  decode_family_hex(c, family, addr, len);
  return true;
}

}  // namespace syscope::net

// SPDX-License-Identifier: MIT
// Socket syscalls: socket, socketpair, bind, connect, listen, accept(4),
// getsockname/getpeername, sendto/recvfrom, shutdown. Messages (sendmsg and
// friends) live in net_msghdr.cc, socket options in net_sockopt.cc, socket
// addresses in net_sockaddr.cc, netlink messages in net_netlink.cc.
#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/xattr.h>

#include <cstdio>
#include <cstring>

#include "decoders/families.h"
#include "decoders/misc_common.h"
#include "decoders/net_internal.h"
#include "syscalls/xlat/tables.h"

namespace syscope {

namespace net {

using nim::print_flags;
using nim::print_xval;

namespace {

constexpr unsigned kSockTypeMask = 0xf;

bool is_netlink_socket(Call& c, int fd) {
  if (fd < 0) return false;
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/fd/%d", static_cast<int>(c.p->ctx().pid()), fd);
  char buf[256];
  ssize_t r = getxattr(path, "system.sockprotoname", buf, sizeof buf - 1);
  if (r <= 0) return false;
  buf[r] = 0;
  return strcmp(buf, "NETLINK") == 0;
}

}  // namespace

void print_sock_type(Printer& p, unsigned type) {
  if (const char* n = xlat::socket_types.name_of(type & kSockTypeMask)) {
    nim::print_xlat(p, type & kSockTypeMask, n);
    type &= ~kSockTypeMask;
    if (!type) return;
    p.ch('|');
  }
  print_flags(p, type, xlat::socket_type_flags, "SOCK_???");
}

void decode_sockbuf(Call& c, int fd, uint64_t addr, uint64_t len) {
  if (nim::verbose(c) && is_netlink_socket(c, fd))
    decode_netlink(c, fd, addr, len);
  else
    nim::print_strn(c, addr, len);
}

}  // namespace net

namespace {

using namespace net;  // NOLINT: the family's own helpers
using nim::print_flags;
using nim::print_xval;

bool dec_socket(Call& c) {
  Printer& p = *c.p;
  const uint32_t domain = static_cast<uint32_t>(c.arg(0));
  print_xval(p, domain, xlat::address_families, "AF_???");
  p.sep();
  print_sock_type(p, static_cast<uint32_t>(c.arg(1)));
  p.sep();
  const uint32_t proto = static_cast<uint32_t>(c.arg(2));
  switch (domain) {
    case AF_INET:
    case AF_INET6: print_xval(p, proto, xlat::ip_protocols, "IPPROTO_???"); break;
    case AF_NETLINK: print_xval(p, proto, xlat::netlink_protocols, "NETLINK_???"); break;
    case AF_PACKET:
      p.lit("htons(");
      print_xval(p, ntohs(static_cast<uint16_t>(proto)), ethernet_protocols(), "ETH_P_???");
      p.ch(')');
      break;
    case AF_RXRPC: print_xval(p, proto, xlat::address_families, "AF_???"); break;
    default: p.udec(c.arg(2)); break;
  }
  return true;
}

bool dec_socketpair(Call& c) {
  Printer& p = *c.p;
  if (!c.exiting) {
    print_xval(p, static_cast<uint32_t>(c.arg(0)), xlat::address_families, "AF_???");
    p.sep();
    print_sock_type(p, static_cast<uint32_t>(c.arg(1)));
    p.sep();
    p.udec(c.arg(2));
    p.sep();
    return false;
  }
  nim::print_array(c, c.arg(3), 2, sizeof(int), [&](const void* e) {
    int fd;
    memcpy(&fd, e, sizeof fd);
    p.fd(fd);
    return true;
  });
  return true;
}

// bind, connect: fd, address, length.
bool dec_bind(Call& c) {
  Printer& p = *c.p;
  p.fd(c.iarg(0));
  p.sep();
  const int addrlen = c.iarg(2);
  decode_sockaddr(c, c.arg(1), addrlen);
  p.sep();
  p.dec(addrlen);
  return true;
}

bool dec_listen(Call& c) {
  c.p->fd(c.iarg(0));
  c.p->sep();
  c.p->dec(c.iarg(1));
  return true;
}

bool fetch_socklen(Call& c, int* len, uint64_t sockaddr, uint64_t socklen) {
  return nim::verbose(c) && sockaddr && socklen &&
         c.p->ctx().read(socklen, len, sizeof *len) == sizeof *len;
}

// The value-result address and length pair at exit: "{...}, [128 => 16]".
void print_sockname_result(Call& c, uint64_t addr, uint64_t lenp, int ulen) {
  Printer& p = *c.p;
  int rlen;
  if (c.failed() || p.ctx().read(lenp, &rlen, sizeof rlen) != sizeof rlen) {
    p.addr(addr);
    p.sep();
    p.ch('[');
    p.dec(ulen);
    p.ch(']');
    return;
  }
  decode_sockaddr(c, addr, ulen > rlen ? rlen : ulen);
  p.sep();
  p.ch('[');
  if (ulen != rlen) {
    p.dec(ulen);
    p.lit(" => ");
  }
  p.dec(rlen);
  p.ch(']');
}

// accept, getsockname, getpeername. Returns true when all was printed at entry.
bool decode_sockname(Call& c) {
  Printer& p = *c.p;
  if (!c.exiting) {
    p.fd(c.iarg(0));
    p.sep();
    int ulen;
    if (fetch_socklen(c, &ulen, c.arg(1), c.arg(2))) {
      c.saved[0] = static_cast<uint32_t>(ulen);
      c.saved[1] = 1;
      return false;
    }
    p.addr(c.arg(1));
    p.sep();
    p.addr(c.arg(2));
    c.saved[1] = 0;
    return true;
  }
  print_sockname_result(c, c.arg(1), c.arg(2), static_cast<int>(c.saved[0]));
  return true;
}

bool dec_sockname(Call& c) { return decode_sockname(c); }

bool dec_accept4(Call& c) {
  bool done = decode_sockname(c);
  if (done) {
    c.p->sep();
    print_flags(*c.p, static_cast<uint32_t>(c.arg(3)), xlat::socket_type_flags, "SOCK_???");
  }
  return done;
}

bool dec_sendto(Call& c) {
  Printer& p = *c.p;
  p.fd(c.iarg(0));
  p.sep();
  decode_sockbuf(c, c.iarg(0), c.arg(1), c.arg(2));
  p.sep();
  p.udec(c.arg(2));
  p.sep();
  print_flags(p, static_cast<uint32_t>(c.arg(3)), xlat::msg_flags, "MSG_???");
  p.sep();
  const int addrlen = c.iarg(5);
  decode_sockaddr(c, c.arg(4), addrlen);
  p.sep();
  p.dec(addrlen);
  return true;
}

bool dec_recvfrom(Call& c) {
  Printer& p = *c.p;
  if (!c.exiting) {
    p.fd(c.iarg(0));
    p.sep();
    int ulen;
    if (fetch_socklen(c, &ulen, c.arg(4), c.arg(5))) c.saved[0] = static_cast<uint32_t>(ulen);
    return false;
  }
  if (c.failed()) {
    p.addr(c.arg(1));
  } else {
    uint64_t n = static_cast<uint64_t>(c.rval);
    decode_sockbuf(c, c.iarg(0), c.arg(1), n < c.arg(2) ? n : c.arg(2));
  }
  p.sep();
  p.udec(c.arg(2));
  p.sep();
  print_flags(p, static_cast<uint32_t>(c.arg(3)), xlat::msg_flags, "MSG_???");
  p.sep();
  const int ulen = static_cast<int>(c.saved[0]);
  int rlen;
  if (!fetch_socklen(c, &rlen, c.arg(4), c.arg(5))) {
    p.addr(c.arg(4));
    p.sep();
    p.addr(c.arg(5));
    return true;
  }
  if (c.failed()) {
    p.addr(c.arg(4));
    p.sep();
    p.ch('[');
    p.dec(ulen);
    p.ch(']');
    return true;
  }
  decode_sockaddr(c, c.arg(4), ulen > rlen ? rlen : ulen);
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

bool dec_shutdown(Call& c) {
  c.p->fd(c.iarg(0));
  c.p->sep();
  print_xval(*c.p, static_cast<uint32_t>(c.arg(1)), xlat::shutdown_modes, "SHUT_???");
  return true;
}

}  // namespace

// net_msghdr.cc / net_sockopt.cc
bool net_dec_sendmsg(Call& c);
bool net_dec_recvmsg(Call& c);
bool net_dec_sendmmsg(Call& c);
bool net_dec_recvmmsg(Call& c);
bool net_dec_setsockopt(Call& c);
bool net_dec_getsockopt(Call& c);

namespace families {
namespace {

const DecoderEntry kTable[] = {
    {"socket", dec_socket, RetFmt::kFd},
    {"socketpair", dec_socketpair, RetFmt::kDec},
    {"bind", dec_bind, RetFmt::kDec},
    {"connect", dec_bind, RetFmt::kDec},
    {"listen", dec_listen, RetFmt::kDec},
    {"accept", dec_sockname, RetFmt::kFd},
    {"accept4", dec_accept4, RetFmt::kFd},
    {"getsockname", dec_sockname, RetFmt::kDec},
    {"getpeername", dec_sockname, RetFmt::kDec},
    {"sendto", dec_sendto, RetFmt::kDec},
    {"recvfrom", dec_recvfrom, RetFmt::kDec},
    {"shutdown", dec_shutdown, RetFmt::kDec},
    {"sendmsg", net_dec_sendmsg, RetFmt::kDec},
    {"recvmsg", net_dec_recvmsg, RetFmt::kDec},
    {"sendmmsg", net_dec_sendmmsg, RetFmt::kDec},
    {"recvmmsg", net_dec_recvmmsg, RetFmt::kDec},
    {"recvmmsg_time64", net_dec_recvmmsg, RetFmt::kDec},  // i386
    {"setsockopt", net_dec_setsockopt, RetFmt::kDec},
    {"getsockopt", net_dec_getsockopt, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> net() { return kTable; }

}  // namespace families
}  // namespace syscope

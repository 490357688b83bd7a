// SPDX-License-Identifier: MIT
// Socket ioctls (type 0x89): struct ifreq get/set requests, SIOCGIFCONF,
// bridge requests, and the requests strace shows as a bare address.
#include <linux/ioctl.h>
#include <linux/sockios.h>

#include <cstdio>
#include <cstring>

#include "decoders/io_util.h"
#include "decoders/net_internal.h"

namespace syscope::iodec {
namespace {

// struct ifreq on x86_64: a 16-byte name and a 24-byte union.
constexpr size_t kIfnamsiz = 16, kIfreqSize = 40;
struct Ifreq {
  char name[kIfnamsiz];
  unsigned char u[24];
};
static_assert(sizeof(Ifreq) == kIfreqSize);

constexpr xlat::Entry kIffFlags[] = {
    {1 << 0, "IFF_UP"},        {1 << 1, "IFF_BROADCAST"},   {1 << 2, "IFF_DEBUG"},
    {1 << 3, "IFF_LOOPBACK"},  {1 << 4, "IFF_POINTOPOINT"}, {1 << 5, "IFF_NOTRAILERS"},
    {1 << 6, "IFF_RUNNING"},   {1 << 7, "IFF_NOARP"},       {1 << 8, "IFF_PROMISC"},
    {1 << 9, "IFF_ALLMULTI"},  {1 << 10, "IFF_MASTER"},     {1 << 11, "IFF_SLAVE"},
    {1 << 12, "IFF_MULTICAST"}, {1 << 13, "IFF_PORTSEL"},   {1 << 14, "IFF_AUTOMEDIA"},
    {1 << 15, "IFF_DYNAMIC"},  {1 << 16, "IFF_LOWER_UP"},   {1 << 17, "IFF_DORMANT"},
    {1 << 18, "IFF_ECHO"},
};
const xlat::Table iff_flags{kIffFlags, std::size(kIffFlags), "IFF_???"};

// print_quoted_cstring(): at most size-1 bytes up to the NUL, "..." if none.
void print_cstring(Printer& p, const char* s, size_t size) {
  size_t n = strnlen(s, size - 1);
  p.quoted(s, n, n == size - 1);
}

template <class T>
T get(const Ifreq& r) {
  T v;
  std::memcpy(&v, r.u, sizeof v);
  return v;
}

// Hardware address length by ARPHRD_* type (strace's hwaddr_sizes; 255:
// the whole sa_data). ARPHRD_AX25 is 3, ARPHRD_IEEE802 6, ARPHRD_ARCNET 7,
// ARPHRD_IEEE1394 24 (linux/if_arp.h).
unsigned hwaddr_size(uint32_t type) {
  switch (type) {
    case 0: case 3: return 7;
    case 1: case 6: case 772: case 774: case 780: case 801: case 802: case 803: return 6;
    case 7: case 290: case 773: case 820: case 821: return 1;
    case 15: return 2;
    case 24: case 769: case 823: return 16;
    case 27: case 804: case 805: case 825: return 8;
    case 32: return 20;
    case 270: return 5;
    case 768: case 776: case 778: case 783: return 4;
    case 256: case 271: case 280: case 512: case 518: case 519: case 777: case 779: case 822:
    case 824: case 826:
      return 0;
    default: return 255;
  }
}

void print_hwaddr(Printer& p, const unsigned char* addr, size_t size, uint32_t type) {
  const Style st = style(p);
  if (st != Style::kAbbrev) {
    std::string s;
    Printer::quote_into(&s, addr, size, 2);
    p.lit(s);
  }
  if (st == Style::kRaw) return;
  size_t n = std::min<size_t>(size, hwaddr_size(type));
  std::string mac;
  char b[4];
  for (size_t i = 0; i < n; ++i) {
    snprintf(b, sizeof b, "%s%02x", i ? ":" : "", addr[i]);
    mac += b;
  }
  if (st == Style::kVerbose) {
    p.lit(" /* ");
    p.lit(mac);
    p.lit(" */");
  } else {
    p.lit(mac);
  }
}

void print_ifreq(Call& c, uint32_t code, const Ifreq& r) {
  Printer& p = *c.p;
  switch (code) {
    case SIOCSIFADDR: case SIOCGIFADDR:
      p.lit("ifr_addr=");
      net::print_sockaddr(c, r.u, 16);
      break;
    case SIOCSIFDSTADDR: case SIOCGIFDSTADDR:
      p.lit("ifr_dstaddr=");
      net::print_sockaddr(c, r.u, 16);
      break;
    case SIOCSIFBRDADDR: case SIOCGIFBRDADDR:
      p.lit("ifr_broadaddr=");
      net::print_sockaddr(c, r.u, 16);
      break;
    case SIOCSIFNETMASK: case SIOCGIFNETMASK:
      p.lit("ifr_netmask=");
      net::print_sockaddr(c, r.u, 16);
      break;
    case SIOCADDMULTI: case SIOCDELMULTI: case SIOCGIFHWADDR: case SIOCSIFHWADDR:
    case SIOCSIFHWBROADCAST: {
      const uint16_t family = get<uint16_t>(r);
      p.lit("ifr_hwaddr={sa_family=");
      print_xval(p, family, net::arp_hardware_types(), "ARPHRD_???");
      p.lit(", sa_data=");
      print_hwaddr(p, r.u + 2, 14, family);
      p.lit("}");
      break;
    }
    case SIOCSIFFLAGS: case SIOCGIFFLAGS:
      p.lit("ifr_flags=");
      print_flags(p, get<uint16_t>(r), iff_flags, "IFF_???");
      break;
    case SIOCGIFINDEX:
      p.lit("ifr_ifindex=");
      p.dec(get<int32_t>(r));
      break;
    case SIOCSIFMETRIC: case SIOCGIFMETRIC:
      p.lit("ifr_metric=");
      p.dec(get<int32_t>(r));
      break;
    case SIOCSIFMTU: case SIOCGIFMTU:
      p.lit("ifr_mtu=");
      p.dec(get<int32_t>(r));
      break;
    case SIOCSIFSLAVE: case SIOCGIFSLAVE:
      p.lit("ifr_slave=");
      print_cstring(p, reinterpret_cast<const char*>(r.u), kIfnamsiz);
      break;
    case SIOCSIFNAME:
      p.lit("ifr_newname=");
      print_cstring(p, reinterpret_cast<const char*>(r.u), kIfnamsiz);
      break;
    case SIOCGIFNAME:
      p.lit("ifr_name=");
      print_cstring(p, r.name, kIfnamsiz);
      break;
    case SIOCSIFTXQLEN: case SIOCGIFTXQLEN:
      p.lit("ifr_qlen=");
      p.dec(get<int32_t>(r));
      break;
    case SIOCSIFMAP: case SIOCGIFMAP: {
      uint64_t mem_start, mem_end;
      uint16_t base;
      std::memcpy(&mem_start, r.u, 8);
      std::memcpy(&mem_end, r.u + 8, 8);
      std::memcpy(&base, r.u + 16, 2);
      p.lit("ifr_map={mem_start=");
      p.hex(mem_start);
      p.lit(", mem_end=");
      p.hex(mem_end);
      p.lit(", base_addr=");
      p.hex(base);
      p.lit(", irq=");
      p.hex(r.u[18]);
      p.lit(", dma=");
      p.hex(r.u[19]);
      p.lit(", port=");
      p.hex(r.u[20]);
      p.lit("}");
      break;
    }
    default: break;
  }
}

void print_ifc_len(Printer& p, int32_t len) {
  p.dec(len);
  const uint32_t n = static_cast<uint32_t>(len) / kIfreqSize;
  if (len > 0 && n * kIfreqSize == static_cast<uint32_t>(len)) {
    char b[64];
    snprintf(b, sizeof b, " /* %u * sizeof(struct ifreq) */", n);
    p.lit(b);
  }
}

// struct ifconf: the entry values are kept in c.saved for the exit.
int decode_ifconf(Call& c, uint64_t addr) {
  Printer& p = *c.p;
  struct {
    int32_t len, pad;
    uint64_t buf;
  } ifc;
  const bool ok = umove(c, addr, sizeof ifc, &ifc);
  if (!c.exiting) {
    p.sep();
    if (!ok) {
      p.addr(addr);
      return kIoctlDone;
    }
    p.lit("{ifc_len=");
    if (ifc.buf) print_ifc_len(p, ifc.len);
    c.saved[0] = static_cast<uint32_t>(ifc.len);
    c.saved[1] = ifc.buf;
    return kIoctlNotDecoded;
  }
  const int32_t in_len = static_cast<int32_t>(c.saved[0]);
  const uint64_t in_buf = c.saved[1];
  if (!ok) {
    if (!in_buf) print_ifc_len(p, in_len);
    p.lit(", ifc_buf=");
    p.addr(in_buf);
    p.lit("}");
    return kIoctlDone;
  }
  if (in_buf && in_len != ifc.len) p.lit(" => ");
  if (!in_buf || in_len != ifc.len) print_ifc_len(p, ifc.len);
  p.lit(", ifc_buf=");
  if (!in_buf || c.failed()) {
    p.addr(in_buf);
    if (in_buf != ifc.buf) {
      p.lit(" => ");
      p.addr(ifc.buf);
    }
  } else {
    print_array(c, ifc.buf, static_cast<uint32_t>(ifc.len) / kIfreqSize, kIfreqSize,
                [&](const void* e) {
                  Ifreq r;
                  std::memcpy(&r, e, sizeof r);
                  p.lit("{ifr_name=");
                  print_cstring(p, r.name, kIfnamsiz);
                  p.lit(", ifr_addr=");
                  net::print_sockaddr(c, r.u, 16);
                  p.lit("}");
                  return true;
                });
  }
  p.lit("}");
  return kIoctlDone;
}

}  // namespace

int sock_ioctl(Call& c, uint32_t code, uint64_t arg) {
  Printer& p = *c.p;
  Ifreq r;
  switch (code) {
    case SIOCGIFCONF:
      return decode_ifconf(c, arg);
    case SIOCBRADDBR:
    case SIOCBRDELBR: {
      p.sep();
      if (!arg) {
        p.lit("NULL");
        break;
      }
      // printstr_ex(arg, IFNAMSIZ, QUOTE_0_TERMINATED): "..." when no NUL
      // within min(-s, IFNAMSIZ) bytes.
      std::string s;
      bool term = false;
      const size_t size = std::min<size_t>(max_strlen(c), kIfnamsiz);
      if (!c.ctx().read_cstring(arg, kIfnamsiz, &s, &term))
        p.addr(arg);
      else
        p.quoted(s.data(), std::min(s.size(), size), s.size() >= size);
      break;
    }
    case SIOCBRADDIF:
    case SIOCBRDELIF:
      p.sep();
      if (fetch(c, arg, &r)) {
        p.lit("{ifr_ifindex=");
        net::print_ifindex(p, get<uint32_t>(r));
        p.lit("}");
      }
      break;
    case SIOCADDMULTI: case SIOCDELMULTI: case SIOCSIFADDR: case SIOCSIFBRDADDR:
    case SIOCSIFDSTADDR: case SIOCSIFFLAGS: case SIOCSIFHWADDR: case SIOCSIFHWBROADCAST:
    case SIOCSIFMAP: case SIOCSIFMETRIC: case SIOCSIFMTU: case SIOCSIFNAME: case SIOCSIFNETMASK:
    case SIOCSIFSLAVE: case SIOCSIFTXQLEN:
      p.sep();
      if (!fetch(c, arg, &r)) break;
      p.lit("{ifr_name=");
      print_cstring(p, r.name, kIfnamsiz);
      p.lit(", ");
      print_ifreq(c, code, r);
      p.lit("}");
      break;
    case SIOCGIFADDR: case SIOCGIFBRDADDR: case SIOCGIFDSTADDR: case SIOCGIFFLAGS:
    case SIOCGIFHWADDR: case SIOCGIFINDEX: case SIOCGIFMAP: case SIOCGIFMETRIC: case SIOCGIFMTU:
    case SIOCGIFNAME: case SIOCGIFNETMASK: case SIOCGIFSLAVE: case SIOCGIFTXQLEN:
      if (!c.exiting) {
        p.sep();
        if (!fetch(c, arg, &r)) break;
        if (code == SIOCGIFNAME) {
          p.lit("{ifr_ifindex=");
          p.dec(get<int32_t>(r));
        } else {
          p.lit("{ifr_name=");
          print_cstring(p, r.name, kIfnamsiz);
        }
        return kIoctlNotDecoded;
      }
      if (!c.failed() && umove(c, arg, sizeof r, &r)) {
        p.lit(", ");
        print_ifreq(c, code, r);
      }
      p.lit("}");
      break;
    case SIOCADDDLCI: case SIOCADDRT: case SIOCBONDCHANGEACTIVE: case SIOCBONDENSLAVE:
    case SIOCBONDINFOQUERY: case SIOCBONDRELEASE: case SIOCBONDSETHWADDR:
    case SIOCBONDSLAVEINFOQUERY: case SIOCDARP: case SIOCDELDLCI: case SIOCDELRT:
    case SIOCDIFADDR: case SIOCDRARP: case SIOCETHTOOL: case SIOCGARP: case SIOCGHWTSTAMP:
    case SIOCGIFBR: case SIOCGIFCOUNT: case SIOCGIFMEM: case SIOCGIFPFLAGS: case SIOCGIFVLAN:
    case SIOCGMIIPHY: case SIOCGMIIREG: case SIOCGRARP: case SIOCGSKNS: case SIOCGSTAMP_OLD:
    case SIOCGSTAMP_NEW: case SIOCGSTAMPNS_OLD: case SIOCGSTAMPNS_NEW: case SIOCRTMSG:
    case SIOCSARP: case SIOCSHWTSTAMP: case SIOCSIFBR: case SIOCSIFLINK: case SIOCSIFMEM:
    case SIOCSIFPFLAGS: case SIOCSIFVLAN: case SIOCSMIIREG: case SIOCSRARP: case SIOCWANDEV:
      p.sep();
      p.addr(arg);
      break;
    default:
      return kIoctlPrintArgHex;
  }
  return kIoctlDone;
}

}  // namespace syscope::iodec

// SPDX-License-Identifier: MIT
// sendmsg, recvmsg, sendmmsg, recvmmsg: struct msghdr with its name, iovec
// data and control messages (SCM_RIGHTS, SCM_CREDENTIALS, IP_* ...).
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdio>
#include <cstring>
#include <vector>

#include "decoders/misc_common.h"
#include "decoders/net_internal.h"
#include "syscalls/xlat/tables.h"

namespace syscope {
namespace net {
namespace {

using nim::print_flags;
using nim::print_xval;

constexpr uint64_t kIovMax = 1024;
constexpr uint64_t kAll = ~0ull;

unsigned word_size(const Call& c) { return c.abi == Abi::kI386 ? 4 : 8; }
unsigned msghdr_size(const Call& c) { return c.abi == Abi::kI386 ? 28 : 56; }
unsigned mmsghdr_size(const Call& c) { return c.abi == Abi::kI386 ? 32 : 64; }

uint64_t get_word(const unsigned char* p, unsigned ws) {
  if (ws == 4) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
  }
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

void parse_msghdr(const Call& c, const unsigned char* b, MsgHdr* m) {
  const unsigned ws = word_size(c);
  if (ws == 4) {
    m->msg_name = get_word(b, 4);
    memcpy(&m->msg_namelen, b + 4, 4);
    m->msg_iov = get_word(b + 8, 4);
    m->msg_iovlen = get_word(b + 12, 4);
    m->msg_control = get_word(b + 16, 4);
    m->msg_controllen = get_word(b + 20, 4);
    memcpy(&m->msg_flags, b + 24, 4);
  } else {
    m->msg_name = get_word(b, 8);
    memcpy(&m->msg_namelen, b + 8, 4);
    m->msg_iov = get_word(b + 16, 8);
    m->msg_iovlen = get_word(b + 24, 8);
    m->msg_control = get_word(b + 32, 8);
    m->msg_controllen = get_word(b + 40, 8);
    memcpy(&m->msg_flags, b + 48, 4);
  }
}

void field(Printer& p, const char* name) { p.lit(name).ch('='); }

// How iov_base data is printed: strings, or netlink messages.
struct IovConfig {
  uint64_t data_size;
  bool netlink;
  int fd;
};

void print_iov(Call& c, uint64_t len, uint64_t addr, IovConfig* cfg) {
  const unsigned ws = word_size(c);
  nim::print_array(
      c, addr, len, ws * 2,
      [&](const void* e) {
        const auto* b = static_cast<const unsigned char*>(e);
        const uint64_t base = get_word(b, ws);
        const uint64_t iov_len = get_word(b + ws, ws);
        uint64_t n = iov_len > cfg->data_size ? cfg->data_size : iov_len;
        if (cfg->data_size != kAll) cfg->data_size -= n;
        Printer& p = *c.p;
        p.ch('{');
        field(p, "iov_base");
        if (cfg->netlink)
          decode_netlink(c, cfg->fd, base, n);
        else
          nim::print_strn(c, base, n);
        p.sep();
        field(p, "iov_len");
        p.udec(iov_len);
        p.ch('}');
        return true;
      },
      nim::ArrayFetch::kIgnoreError);
}

unsigned optmem_max() {
  static unsigned cached;
  if (!cached) {
    int v = 0;
    if (FILE* f = fopen("/proc/sys/net/core/optmem_max", "r")) {
      if (fscanf(f, "%d", &v) != 1) v = 0;
      fclose(f);
    }
    if (v <= 0)
      cached = sizeof(long long) * (2 * kIovMax + 512);
    else
      cached = (static_cast<unsigned>(v) + sizeof(long long) - 1) & ~(sizeof(long long) - 1);
  }
  return cached;
}

// strace's ip_cmsg_types.
const xlat::Entry kIpCmsgTypes[] = {
    {1, "IP_TOS"},      {2, "IP_TTL"},         {6, "IP_RECVOPTS"}, {7, "IP_RETOPTS"},
    {8, "IP_PKTINFO"},  {11, "IP_RECVERR"},    {20, "IP_ORIGDSTADDR"},
    {23, "IP_CHECKSUM"}, {3, "SCM_SECURITY"},
};
const xlat::Table kIpCmsgTypesTable{kIpCmsgTypes, std::size(kIpCmsgTypes), "IP_???"};

void print_unavailable(Printer& p) { p.lit("???"); }

void print_timespec_bytes(Call& c, const unsigned char* d, bool time64) {
  if (c.abi == Abi::kI386 && !time64) {
    int32_t s, ns;
    memcpy(&s, d, 4);
    memcpy(&ns, d + 4, 4);
    nim::print_timespec_local(*c.p, s, static_cast<uint32_t>(ns));
  } else {
    int64_t s, ns;
    memcpy(&s, d, 8);
    memcpy(&ns, d + 8, 8);
    nim::print_timespec_local(*c.p, s, ns);
  }
}

unsigned timespec_size(const Call& c, bool time64) {
  return c.abi == Abi::kI386 && !time64 ? 8 : 16;
}

void print_cmsg_type_data(Call& c, int level, int type, const unsigned char* data,
                          unsigned data_len) {
  Printer& p = *c.p;
  const unsigned utype = static_cast<unsigned>(type);
  auto data_field = [&] {
    p.sep();
    field(p, "cmsg_data");
  };
  switch (level) {
    case SOL_SOCKET:
      print_xval(p, utype, xlat::scm_types, "SCM_???");
      switch (utype) {
        case SCM_RIGHTS:
          if (data_len >= sizeof(int)) {
            data_field();
            nim::print_local_array(c, data, data_len / sizeof(int), sizeof(int),
                                   [&](const void* e) {
                                     int fd;
                                     memcpy(&fd, e, sizeof fd);
                                     p.fd(fd);
                                     return true;
                                   });
          }
          break;
        case SCM_CREDENTIALS:
          if (data_len >= sizeof(ucred)) {
            data_field();
            ucred uc;
            memcpy(&uc, data, sizeof uc);
            p.lit("{pid=");
            p.dec(uc.pid);
            p.lit(", uid=");
            nim::print_id(p, uc.uid);
            p.lit(", gid=");
            nim::print_id(p, uc.gid);
            p.ch('}');
          }
          break;
        case 3:  // SCM_SECURITY
          if (data_len >= 1) {
            data_field();
            nim::print_quoted(p, data, data_len, 0);
          }
          break;
        case 29:  // SO_TIMESTAMP_OLD: struct timeval
          if (data_len >= 1) {
            data_field();
            unsigned sz = c.abi == Abi::kI386 ? 8 : 16;
            if (data_len < sz) {
              print_unavailable(p);
            } else if (sz == 8) {
              int32_t s, us;
              memcpy(&s, data, 4);
              memcpy(&us, data + 4, 4);
              nim::print_timeval_local(p, s, static_cast<uint32_t>(us));
            } else {
              int64_t s, us;
              memcpy(&s, data, 8);
              memcpy(&us, data + 8, 8);
              nim::print_timeval_local(p, s, us);
            }
          }
          break;
        case 63:  // SO_TIMESTAMP_NEW: struct __kernel_sock_timeval
          if (data_len >= 1) {
            data_field();
            if (data_len < 16) {
              print_unavailable(p);
            } else {
              int64_t s, us;
              memcpy(&s, data, 8);
              memcpy(&us, data + 8, 8);
              nim::print_timeval_local(p, s, us);
            }
          }
          break;
        case 35:  // SO_TIMESTAMPNS_OLD
        case 64:  // SO_TIMESTAMPNS_NEW
          if (data_len >= 1) {
            data_field();
            bool t64 = utype == 64;
            if (data_len < timespec_size(c, t64))
              print_unavailable(p);
            else
              print_timespec_bytes(c, data, t64);
          }
          break;
        case 37:  // SO_TIMESTAMPING_OLD
        case 65:  // SO_TIMESTAMPING_NEW
          if (data_len >= 1) {
            data_field();
            bool t64 = utype == 65;
            unsigned sz = timespec_size(c, t64);
            if (3 > data_len / sz) {
              print_unavailable(p);
            } else {
              p.ch('[');
              for (unsigned i = 0; i < 3; ++i) {
                if (i) p.sep();
                print_timespec_bytes(c, data + i * sz, t64);
              }
              p.ch(']');
            }
          }
          break;
        default: break;
      }
      break;
    case SOL_IP:
      print_xval(p, utype, kIpCmsgTypesTable, "IP_???");
      switch (utype) {
        case IP_PKTINFO:
          if (data_len >= sizeof(in_pktinfo)) {
            data_field();
            in_pktinfo info;
            memcpy(&info, data, sizeof info);
            p.ch('{');
            field(p, "ipi_ifindex");
            print_ifindex(p, static_cast<unsigned>(info.ipi_ifindex));
            p.sep();
            print_inet_addr(p, AF_INET, &info.ipi_spec_dst, 4, "ipi_spec_dst");
            p.sep();
            print_inet_addr(p, AF_INET, &info.ipi_addr, 4, "ipi_addr");
            p.ch('}');
          }
          break;
        case IP_TTL:
        case IP_CHECKSUM:
          if (data_len >= sizeof(unsigned)) {
            data_field();
            nim::print_local_array(c, data, data_len / 4, 4, [&](const void* e) {
              uint32_t v;
              memcpy(&v, e, 4);
              p.udec(v);
              return true;
            });
          }
          break;
        case IP_TOS:
        case IP_RECVOPTS:
        case IP_RETOPTS:
          if (data_len >= 1) {
            data_field();
            nim::print_local_array(c, data, data_len, 1, [&](const void* e) {
              p.hex(*static_cast<const unsigned char*>(e));
              return true;
            });
          }
          break;
        case IP_RECVERR:
          if (data_len >= 16 + sizeof(sockaddr_in)) {
            data_field();
            uint32_t ee_errno, ee_info, ee_data;
            memcpy(&ee_errno, data, 4);
            memcpy(&ee_info, data + 8, 4);
            memcpy(&ee_data, data + 12, 4);
            p.lit("{ee_errno=");
            p.udec(ee_errno);
            p.lit(", ee_origin=");
            p.udec(data[4]);
            p.lit(", ee_type=");
            p.udec(data[5]);
            p.lit(", ee_code=");
            p.udec(data[6]);
            p.lit(", ee_info=");
            p.udec(ee_info);
            p.lit(", ee_data=");
            p.udec(ee_data);
            p.lit(", offender=");
            unsigned char sa[sizeof(sockaddr_in) + 1] = {};
            memcpy(sa, data + 16, sizeof(sockaddr_in));
            print_sockaddr(c, sa, sizeof(sockaddr_in));
            p.ch('}');
          }
          break;
        case IP_ORIGDSTADDR:
          if (data_len >= sizeof(sockaddr_in)) {
            data_field();
            unsigned len = data_len > sizeof(sockaddr_storage) ? sizeof(sockaddr_storage) : data_len;
            std::vector<unsigned char> sa(sizeof(sockaddr_storage) + 1, 0);
            memcpy(sa.data(), data, len);
            print_sockaddr(c, sa.data(), static_cast<int>(len));
          }
          break;
        case 3:  // SCM_SECURITY
          if (data_len >= 1) {
            data_field();
            nim::print_quoted(p, data, data_len, 0);
          }
          break;
        default: break;
      }
      break;
    default: p.hex(static_cast<uint32_t>(type)); break;
  }
}

void decode_msg_control(Call& c, uint64_t addr, uint64_t in_control_len) {
  if (!in_control_len) return;
  Printer& p = *c.p;
  p.sep();
  field(p, "msg_control");
  const unsigned ws = word_size(c);
  const unsigned cmsg_size = ws == 4 ? 12 : 16;
  const unsigned control_len =
      in_control_len > optmem_max() ? optmem_max() : static_cast<unsigned>(in_control_len);
  unsigned buf_len = control_len;
  std::vector<unsigned char> buf;
  if (buf_len >= cmsg_size) {
    buf.resize(buf_len);
    if (p.ctx().read(addr, buf.data(), buf_len) != buf_len) buf.clear();
  }
  if (buf.empty()) {
    p.addr(addr);
    return;
  }
  size_t off = 0;
  p.ch('[');
  while (buf_len >= cmsg_size) {
    const unsigned char* h = buf.data() + off;
    const uint64_t cmsg_len = get_word(h, ws);
    int32_t level, type;
    memcpy(&level, h + ws, 4);
    memcpy(&type, h + ws + 4, 4);
    if (off) p.sep();
    p.ch('{');
    field(p, "cmsg_len");
    p.udec(cmsg_len);
    p.sep();
    field(p, "cmsg_level");
    print_xval(p, static_cast<uint32_t>(level), xlat::socket_levels, "SOL_???");
    p.sep();
    field(p, "cmsg_type");
    uint64_t len = cmsg_len > buf_len ? buf_len : cmsg_len;
    print_cmsg_type_data(c, level, type, h + cmsg_size,
                         len > cmsg_size ? static_cast<unsigned>(len - cmsg_size) : 0);
    p.ch('}');
    if (len < cmsg_size) {
      buf_len -= cmsg_size;
      break;
    }
    len = (cmsg_len + ws - 1) & ~static_cast<uint64_t>(ws - 1);
    // A cmsg_len near 2^64 wraps to 0 here: stop instead of looping forever.
    if (len >= buf_len || len == 0) {
      buf_len = 0;
      break;
    }
    off += len;
    buf_len -= static_cast<unsigned>(len);
  }
  if (buf_len) {
    p.sep();
    p.lit("...");
    nim::print_addr_comment(p, addr + (control_len - buf_len));
  } else if (control_len < in_control_len) {
    p.sep();
    p.lit("...");
  }
  p.ch(']');
}

}  // namespace

bool fetch_msghdr(Call& c, uint64_t addr, MsgHdr* m) {
  unsigned char b[56];
  const unsigned sz = msghdr_size(c);
  if (!addr || c.p->ctx().read(addr, b, sz) != sz) return false;
  parse_msghdr(c, b, m);
  return true;
}

void print_msghdr(Call& c, const MsgHdr& m, const int* p_user_namelen, uint64_t data_size) {
  Printer& p = *c.p;
  const int namelen = p_user_namelen && static_cast<int>(m.msg_namelen) > *p_user_namelen
                          ? *p_user_namelen
                          : static_cast<int>(m.msg_namelen);
  p.ch('{');
  field(p, "msg_name");
  const int family = decode_sockaddr(c, m.msg_name, namelen);
  IovConfig cfg{data_size, family == AF_NETLINK, c.iarg(0)};
  p.sep();
  field(p, "msg_namelen");
  if (p_user_namelen && *p_user_namelen != static_cast<int>(m.msg_namelen)) {
    p.dec(*p_user_namelen);
    p.lit(" => ");
  }
  p.dec(static_cast<int>(m.msg_namelen));
  p.sep();
  field(p, "msg_iov");
  print_iov(c, m.msg_iovlen, m.msg_iov, &cfg);
  p.sep();
  field(p, "msg_iovlen");
  p.udec(m.msg_iovlen);
  decode_msg_control(c, m.msg_control, m.msg_controllen);
  p.sep();
  field(p, "msg_controllen");
  p.udec(m.msg_controllen);
  p.sep();
  field(p, "msg_flags");
  print_flags(p, static_cast<uint32_t>(m.msg_flags), xlat::msg_flags, "MSG_???");
  p.ch('}');
}

namespace {

void decode_msghdr(Call& c, const int* p_user_namelen, uint64_t addr, uint64_t data_size) {
  MsgHdr m;
  if (addr && nim::verbose(c) && fetch_msghdr(c, addr, &m))
    print_msghdr(c, m, p_user_namelen, data_size);
  else
    c.p->addr(addr);
}

void print_mmsgvec(Call& c, uint64_t addr, unsigned vlen, unsigned msg_len_vlen, bool use_msg_len,
                   const std::vector<int>* namelens, bool ignore_error) {
  unsigned count = kIovMax;
  if (namelens && namelens->size() < count) count = static_cast<unsigned>(namelens->size());
  size_t idx = 0;
  const unsigned esz = mmsghdr_size(c);
  Printer& p = *c.p;
  nim::print_array(
      c, addr, vlen, esz,
      [&](const void* e) {
        if (!count) {
          p.lit("...");
          return false;
        }
        --count;
        const auto* b = static_cast<const unsigned char*>(e);
        MsgHdr m;
        parse_msghdr(c, b, &m);
        uint32_t msg_len;
        memcpy(&msg_len, b + msghdr_size(c), 4);
        p.ch('{');
        field(p, "msg_hdr");
        const int* pu = namelens ? &(*namelens)[idx] : nullptr;
        print_msghdr(c, m, pu, use_msg_len ? msg_len : kAll);
        if (msg_len_vlen) {
          p.sep();
          field(p, "msg_len");
          p.udec(msg_len);
          --msg_len_vlen;
        }
        p.ch('}');
        ++idx;
        return true;
      },
      ignore_error ? nim::ArrayFetch::kIgnoreError : nim::ArrayFetch::kNormal);
}

}  // namespace
}  // namespace net

using namespace net;  // NOLINT

bool net_dec_sendmsg(Call& c) {
  Printer& p = *c.p;
  p.fd(c.iarg(0));
  p.sep();
  decode_msghdr(c, nullptr, c.arg(1), kAll);
  p.sep();
  print_flags(p, static_cast<uint32_t>(c.arg(2)), xlat::msg_flags, "MSG_???");
  return true;
}

bool net_dec_recvmsg(Call& c) {
  Printer& p = *c.p;
  if (!c.exiting) {
    p.fd(c.iarg(0));
    p.sep();
    MsgHdr m;
    if (c.arg(1) && nim::verbose(c) && fetch_msghdr(c, c.arg(1), &m)) {
      c.saved[0] = m.msg_namelen;
      return false;
    }
    p.addr(c.arg(1));
    p.sep();
    print_flags(p, static_cast<uint32_t>(c.arg(2)), xlat::msg_flags, "MSG_???");
    return true;
  }
  int namelen = static_cast<int>(c.saved[0]);
  if (c.failed()) {
    p.lit("{msg_namelen=");
    p.dec(namelen);
    p.ch('}');
  } else {
    decode_msghdr(c, &namelen, c.arg(1), static_cast<uint64_t>(c.rval));
  }
  p.sep();
  print_flags(p, static_cast<uint32_t>(c.arg(2)), xlat::msg_flags, "MSG_???");
  return true;
}

bool net_dec_sendmmsg(Call& c) {
  Printer& p = *c.p;
  if (!c.exiting) {
    p.fd(c.iarg(0));
    p.sep();
    if (!nim::verbose(c)) {
      p.addr(c.arg(1));
      p.sep();
      p.udec(static_cast<uint32_t>(c.arg(2)));
      p.sep();
      print_flags(p, static_cast<uint32_t>(c.arg(3)), xlat::msg_flags, "MSG_???");
      return true;
    }
    return false;
  }
  const unsigned msg_len_vlen = c.failed() ? 0 : static_cast<unsigned>(c.rval);
  // strace clears the error while printing: the vector is input data.
  Call in = c;
  in.rval = 0;
  print_mmsgvec(in, c.arg(1), static_cast<uint32_t>(c.arg(2)), msg_len_vlen, false, nullptr, true);
  p.sep();
  p.udec(static_cast<uint32_t>(c.arg(2)));
  p.sep();
  print_flags(p, static_cast<uint32_t>(c.arg(3)), xlat::msg_flags, "MSG_???");
  return true;
}

bool net_dec_recvmmsg(Call& c) {
  Printer& p = *c.p;
  if (!c.exiting) {
    p.fd(c.iarg(0));
    p.sep();
    if (nim::verbose(c)) {
      uint64_t len = static_cast<uint32_t>(c.arg(2));
      if (len > kIovMax) len = kIovMax;
      std::vector<int> names;
      const unsigned esz = mmsghdr_size(c);
      uint64_t a = c.arg(1);
      for (uint64_t i = 0; i < len; ++i, a += esz) {
        unsigned char b[64];
        if (!a || p.ctx().read(a, b, esz) != esz) break;
        MsgHdr m;
        parse_msghdr(c, b, &m);
        names.push_back(static_cast<int>(m.msg_namelen));
      }
      // Kept in saved_text: the timeout at entry, then the name lengths.
      c.saved_text = nim::sprint_timespec(c, c.arg(4));
      c.saved[0] = names.size();
      std::string packed(reinterpret_cast<const char*>(names.data()), names.size() * sizeof(int));
      c.saved_text.push_back('\0');
      c.saved_text += packed;
    } else {
      p.addr(c.arg(1));
      p.sep();
      p.udec(static_cast<uint32_t>(c.arg(2)));
      p.sep();
      print_flags(p, static_cast<uint32_t>(c.arg(3)), xlat::msg_flags, "MSG_???");
      p.sep();
      nim::print_timespec(c, c.arg(4));
    }
    return false;
  }
  if (nim::verbose(c)) {
    size_t nul = c.saved_text.find('\0');
    std::string timeout = c.saved_text.substr(0, nul);
    std::vector<int> names(c.saved[0]);
    if (nul != std::string::npos && c.saved[0])
      memcpy(names.data(), c.saved_text.data() + nul + 1, names.size() * sizeof(int));
    print_mmsgvec(c, c.arg(1), static_cast<uint32_t>(c.rval), static_cast<uint32_t>(c.rval), true,
                  &names, false);
    p.sep();
    p.udec(static_cast<uint32_t>(c.arg(2)));
    p.sep();
    print_flags(p, static_cast<uint32_t>(c.arg(3)), xlat::msg_flags, "MSG_???");
    p.sep();
    p.lit(timeout);
  }
  if (c.failed()) return true;
  if (c.rval == 0) {
    c.aux = "Timeout";
    return true;
  }
  if (!nim::verbose(c) || !c.arg(4)) return true;
  c.aux = "left " + nim::sprint_timespec(c, c.arg(4));
  return true;
}

}  // namespace syscope

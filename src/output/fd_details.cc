// SPDX-License-Identifier: MIT
// Socket endpoints come from the kernel's sock_diag netlink interface, the
// protocol name from the "system.sockprotoname" xattr of the fd (as strace
// does); devices from stat(2) of /proc/PID/fd/FD.
#include "output/fd_details.h"

#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string_view>

namespace syscope {
namespace {

// One request/response exchange on a NETLINK_SOCK_DIAG socket; calls
// `on_msg` for every message until NLMSG_DONE (or the first for non-dumps).
template <class Req, class Fn>
bool diag_query(const Req& req, bool dump, Fn&& on_msg) {
  int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
  if (fd < 0) return false;
  struct {
    nlmsghdr nlh;
    Req r;
  } msg{};
  msg.nlh.nlmsg_len = sizeof msg;
  msg.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  msg.nlh.nlmsg_flags = NLM_F_REQUEST | (dump ? NLM_F_DUMP : 0);
  msg.r = req;
  sockaddr_nl nl{};
  nl.nl_family = AF_NETLINK;
  if (sendto(fd, &msg, sizeof msg, 0, reinterpret_cast<sockaddr*>(&nl), sizeof nl) < 0) {
    close(fd);
    return false;
  }
  alignas(nlmsghdr) char buf[16384];
  bool found = false;
  for (bool done = false; !done;) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    for (auto* h = reinterpret_cast<nlmsghdr*>(buf); NLMSG_OK(h, static_cast<unsigned>(n));
         h = NLMSG_NEXT(h, n)) {
      if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR) {
        done = true;
        break;
      }
      if (on_msg(h)) {
        found = true;
        done = true;
        break;
      }
      if (!dump) done = true;
    }
  }
  close(fd);
  return found;
}

std::string inet_endpoint(int family, const __be32* addr, __be16 port) {
  char a[INET6_ADDRSTRLEN] = "";
  inet_ntop(family, addr, a, sizeof a);
  char out[INET6_ADDRSTRLEN + 16];
  if (family == AF_INET6)
    snprintf(out, sizeof out, "[%s]:%u", a, ntohs(port));
  else
    snprintf(out, sizeof out, "%s:%u", a, ntohs(port));
  return out;
}

std::string inet_details(unsigned long inode, int family, int protocol) {
  inet_diag_req_v2 req{};
  req.sdiag_family = static_cast<__u8>(family);
  req.sdiag_protocol = static_cast<__u8>(protocol);
  req.idiag_states = ~0u;
  std::string result;
  diag_query(req, true, [&](nlmsghdr* h) {
    auto* m = static_cast<inet_diag_msg*>(NLMSG_DATA(h));
    if (m->idiag_inode != inode) return false;
    const auto& id = m->id;
    if (id.idiag_sport == 0 && id.idiag_dport == 0) return true;  // not bound yet: inode only
    result = inet_endpoint(family, id.idiag_src, id.idiag_sport);
    if (id.idiag_dport != 0) result += "->" + inet_endpoint(family, id.idiag_dst, id.idiag_dport);
    return true;
  });
  return result;
}

std::string unix_details(unsigned long inode) {
  unix_diag_req req{};
  req.sdiag_family = AF_UNIX;
  req.udiag_states = ~0u;
  req.udiag_ino = static_cast<__u32>(inode);
  req.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER;
  req.udiag_cookie[0] = req.udiag_cookie[1] = ~0u;
  std::string result = std::to_string(inode);
  diag_query(req, false, [&](nlmsghdr* h) {
    auto* m = static_cast<unix_diag_msg*>(NLMSG_DATA(h));
    if (m->udiag_ino != inode) return false;
    std::string peer, name;
    int len = static_cast<int>(h->nlmsg_len - NLMSG_LENGTH(sizeof *m));
    for (auto* a = reinterpret_cast<rtattr*>(m + 1); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
      if (a->rta_type == UNIX_DIAG_PEER) {
        peer = "->" + std::to_string(*static_cast<__u32*>(RTA_DATA(a)));
      } else if (a->rta_type == UNIX_DIAG_NAME) {
        const char* p = static_cast<const char*>(RTA_DATA(a));
        size_t n = RTA_PAYLOAD(a);
        name = ",\"";
        if (n && p[0] == '\0') {  // abstract
          name += '@';
          name.append(p + 1, n - 1);
        } else {
          name.append(p, strnlen(p, n));
        }
        name += '"';
      }
    }
    result += peer + name;
    return true;
  });
  return result;
}

}  // namespace

std::string describe_fd(pid_t pid, int fd, const std::string& path) {
  char proc[64];
  snprintf(proc, sizeof proc, "/proc/%d/fd/%d", pid, fd);
  std::string_view p = path;
  if (p.starts_with("socket:[")) {
    unsigned long inode = strtoul(path.c_str() + 8, nullptr, 10);
    char proto[64] = "";
    ssize_t n = getxattr(proc, "system.sockprotoname", proto, sizeof proto - 1);
    if (n <= 0) return {};
    proto[n] = '\0';
    std::string_view pr(proto);
    std::string details;
    if (pr == "TCP") details = inet_details(inode, AF_INET, IPPROTO_TCP);
    else if (pr == "UDP") details = inet_details(inode, AF_INET, IPPROTO_UDP);
    else if (pr == "TCPv6") details = inet_details(inode, AF_INET6, IPPROTO_TCP);
    else if (pr == "UDPv6") details = inet_details(inode, AF_INET6, IPPROTO_UDP);
    else if (pr.starts_with("UNIX")) details = unix_details(inode);
    if (details.empty()) details = std::to_string(inode);
    return std::string(pr) + ":[" + details + "]";
  }
  if (p == "anon_inode:[pidfd]") {
    // The target pid is in fdinfo ("Pid:\tN").
    snprintf(proc, sizeof proc, "/proc/%d/fdinfo/%d", pid, fd);
    FILE* f = fopen(proc, "re");
    if (!f) return {};
    char line[128];
    std::string out;
    while (fgets(line, sizeof line, f))
      if (std::strncmp(line, "Pid:", 4) == 0) out = "pid:" + std::to_string(atoi(line + 4));
    fclose(f);
    return out;
  }
  struct stat st;
  if (!p.empty() && p[0] == '/' && stat(proc, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))) {
    char dev[64];
    snprintf(dev, sizeof dev, "<%s %u:%u>", S_ISCHR(st.st_mode) ? "char" : "block", major(st.st_rdev),
             minor(st.st_rdev));
    return path + dev;
  }
  return {};
}

}  // namespace syscope

// SPDX-License-Identifier: MIT
// poll/ppoll, select/pselect6 and the epoll family. The ready sets of poll
// and select are returned as aux text after the return value, as strace does:
// "= 1 ([{fd=0, revents=POLLIN}])", "= 2 (in [0 5], left {...})".
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <vector>

#include "decoders/families.h"
#include "decoders/io_util.h"
#include "syscalls/xlat/tables.h"

namespace syscope::families {
namespace {

using namespace syscope::iodec;

struct PollFd {
  int32_t fd;
  int16_t events, revents;
};

bool print_pollfd(Call& c, const void* e) {
  PollFd f;
  std::memcpy(&f, e, sizeof f);
  c.p->lit("{fd=");
  c.p->fd(f.fd);
  if (f.fd >= 0) {
    c.p->lit(", events=");
    print_flags(*c.p, static_cast<uint16_t>(f.events), xlat::poll_events, "POLL???");
  }
  c.p->lit("}");
  return true;
}

void decode_poll_entering(Call& c) {
  const uint32_t nfds = static_cast<uint32_t>(c.arg(1));
  print_array(c, c.arg(0), nfds, sizeof(PollFd), [&](const void* e) { return print_pollfd(c, e); });
  c.p->sep();
  c.p->udec(nfds);
  c.p->sep();
}

// strace builds this text in a 1024-byte buffer and cuts it with "..." when
// it would not fit; the same limits are kept here.
constexpr size_t kOutstrSize = 1024;

void decode_poll_exiting(Call& c, uint64_t pts) {
  if (c.failed()) return;
  if (c.rval == 0) {
    c.aux = "Timeout";
    return;
  }
  const uint32_t nfds = static_cast<uint32_t>(c.arg(1));
  const uint64_t start = c.arg(0);
  const uint64_t size = uint64_t{sizeof(PollFd)} * nfds;
  const uint64_t end = start + size;
  if (!verbose(c) || !start || !nfds || end < start) return;
  const uint32_t max_printed = abbrev(c) ? max_strlen(c) : ~0u;
  uint32_t printed = 0;
  std::string out;
  char b[64];
  for (uint64_t cur = start; cur < end; cur += sizeof(PollFd)) {
    PollFd f;
    if (!umove(c, cur, sizeof f, &f)) {
      out += out.empty() ? "[" : ", ";
      snprintf(b, sizeof b, "%#" PRIx64, cur);
      out += b;
      break;
    }
    if (!f.revents) continue;
    out += out.empty() ? "[" : ", ";
    if (printed >= max_printed) {
      out += "...";
      break;
    }
    snprintf(b, sizeof b, "{fd=%d, revents=", f.fd);
    std::string flags;
    sprint_flags(&flags, "", xlat::poll_events, static_cast<uint16_t>(f.revents), '\0',
                 style(*c.p));
    if (out.size() + strlen(b) + flags.size() + 1 >=
        kOutstrSize - (2 + 2 * sizeof(long) + sizeof(", ], ..."))) {
      out += "...";
      break;
    }
    out += b;
    out += flags;
    out += '}';
    ++printed;
  }
  if (!out.empty()) out += ']';
  if (pts) {
    std::string ts = sprint_timespec(c, pts, time64_call(c));
    if (out.size() + sizeof(", left ") + ts.size() < kOutstrSize) {
      out += out.empty() ? "left " : ", left ";
      out += ts;
    } else {
      out += ", ...";
    }
  }
  if (!out.empty()) c.aux = out;
}

bool dec_poll(Call& c) {
  if (!c.exiting) {
    decode_poll_entering(c);
    c.p->dec(static_cast<int32_t>(c.arg(2)));
    return false;
  }
  decode_poll_exiting(c, 0);
  return true;
}

bool dec_ppoll(Call& c) {
  if (!c.exiting) {
    decode_poll_entering(c);
    print_timespec(c, c.arg(2), time64_call(c));
    c.p->sep();
    print_sigset_addr_len(c, c.arg(3), c.arg(4));
    c.p->sep();
    c.p->udec(c.arg(4));
    return false;
  }
  decode_poll_exiting(c, c.arg(2));
  return true;
}

// ---- select ------------------------------------------------------------------

bool fd_isset(const std::vector<unsigned char>& s, int j) {
  return (s[static_cast<size_t>(j) / 8] >> (j % 8)) & 1;
}

// args: the five select arguments (from registers, or from memory for the
// i386 old select).
bool decode_select(Call& c, const uint64_t* args, bool timespec) {
  int nfds = static_cast<int32_t>(args[0]);
  if (nfds < 0) nfds = 0;
  if (nfds > 1024 * 1024) nfds = 1024 * 1024;
  const int ws = static_cast<int>(word_size(c));
  const int fdsize = (((nfds + 7) / 8) + ws - 1) & -ws;
  Printer& p = *c.p;
  if (!c.exiting) {
    p.dec(static_cast<int32_t>(args[0]));
    const bool have = verbose(c) && fdsize > 0;
    std::vector<unsigned char> fds(static_cast<size_t>(fdsize));
    for (int i = 0; i < 3; ++i) {
      const uint64_t addr = args[i + 1];
      p.sep();
      if (!have) {
        p.addr(addr);
        continue;
      }
      if (!fetch(c, addr, fds.size(), fds.data())) continue;
      p.lit("[");
      bool next = false;
      for (int j = 0; j < nfds; ++j) {
        if (!fd_isset(fds, j)) continue;
        if (next) p.lit(" ");
        next = true;
        p.fd(j);
      }
      p.lit("]");
    }
    p.sep();
    if (timespec)
      print_timespec(c, args[4], time64_call(c));
    else
      print_timeval(c, args[4]);
    return false;
  }
  if (c.failed()) return true;
  int ready = static_cast<int>(c.rval);
  if (ready == 0) {
    c.aux = "Timeout";
    return true;
  }
  std::vector<unsigned char> fds(static_cast<size_t>(fdsize));
  std::string out;
  const char* sep = "";
  char b[64];
  for (int i = 0; i < 3 && ready > 0; ++i) {
    bool first = true;
    const uint64_t addr = args[i + 1];
    if (!addr || (fdsize && !umove(c, addr, fds.size(), fds.data()))) continue;
    for (int j = 0; j < nfds; ++j) {
      if (!fd_isset(fds, j)) continue;
      if (out.size() < kOutstrSize - (sizeof(", except [") + sizeof(int) * 3 + 2)) {
        if (first) {
          snprintf(b, sizeof b, "%s%s [%u", sep, i == 0 ? "in" : i == 1 ? "out" : "except", j);
          first = false;
          sep = ", ";
        } else {
          snprintf(b, sizeof b, " %u", j);
        }
        out += b;
      }
      if (--ready == 0) break;
    }
    // strace closes the bracket whenever something was printed so far,
    // even if this set added nothing.
    if (!out.empty()) out += ']';
  }
  if (args[4]) {
    std::string ts =
        timespec ? sprint_timespec(c, args[4], time64_call(c)) : sprint_timeval(c, args[4]);
    if (out.size() + sizeof("left ") + strlen(sep) + ts.size() < kOutstrSize) {
      out += sep;
      out += "left ";
      out += ts;
    }
  }
  c.aux = out;
  return true;
}

bool dec_select(Call& c) {
  // i386's select(2) is the old one: a pointer to the five arguments.
  if (is_compat(c) && c.desc && c.desc->nargs == 1) {
    uint32_t a32[5];
    if (!umove(c, c.arg(0), sizeof a32, a32)) {
      if (!c.exiting) c.p->addr(c.arg(0));
      return true;
    }
    uint64_t args[5];
    for (int i = 0; i < 5; ++i) args[i] = a32[i];
    return decode_select(c, args, false);
  }
  return decode_select(c, c.args, false);
}

bool dec_pselect6(Call& c) {
  bool done = decode_select(c, c.args, true);
  if (!c.exiting) {
    c.p->sep();
    print_kernel_sigset(c, c.arg(5));
  }
  return done;
}

// ---- epoll -------------------------------------------------------------------

bool dec_epoll_create(Call& c) {
  c.p->dec(static_cast<int32_t>(c.arg(0)));
  return true;
}

bool dec_epoll_create1(Call& c) {
  print_flags(*c.p, c.arg(0), xlat::epoll_create1_flags, "EPOLL_???");
  return true;
}

// struct epoll_event is packed on x86: 4-byte events, 8-byte data.
constexpr size_t kEpollEventSize = 12;

bool print_epoll_event(Call& c, const void* e) {
  uint32_t events;
  uint64_t data;
  std::memcpy(&events, e, 4);
  std::memcpy(&data, static_cast<const char*>(e) + 4, 8);
  c.p->lit("{events=");
  print_flags(*c.p, events, xlat::epoll_events, "EPOLL???");
  c.p->lit(", data={u32=");
  c.p->udec(static_cast<uint32_t>(data));
  c.p->lit(", u64=");
  c.p->udec(data);
  c.p->lit("}}");
  return true;
}

bool dec_epoll_ctl(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  const uint32_t op = static_cast<uint32_t>(c.arg(1));
  print_xval(*c.p, op, xlat::epoll_ctl_ops, "EPOLL_CTL_???");
  c.p->sep();
  c.p->fd(c.arg(2));
  c.p->sep();
  unsigned char ev[kEpollEventSize];
  if (op == 2 /* EPOLL_CTL_DEL */)
    c.p->addr(c.arg(3));
  else if (fetch(c, c.arg(3), sizeof ev, ev))
    print_epoll_event(c, ev);
  return true;
}

// Returns false at entry (events are output); at exit prints the rest up to
// and including the timeout.
bool epoll_wait_common(Call& c, bool timespec_timeout) {
  if (!c.exiting) {
    c.p->fd(c.arg(0));
    c.p->sep();
    return false;
  }
  print_array(c, c.arg(1), static_cast<uint64_t>(c.rval), kEpollEventSize,
              [&](const void* e) { return print_epoll_event(c, e); });
  c.p->sep();
  c.p->dec(static_cast<int32_t>(c.arg(2)));
  c.p->sep();
  if (timespec_timeout)
    print_timespec(c, c.arg(3), time64_call(c));
  else
    c.p->dec(static_cast<int32_t>(c.arg(3)));
  return true;
}

bool dec_epoll_wait(Call& c) { return epoll_wait_common(c, false); }

bool epoll_pwait_common(Call& c, bool timespec_timeout) {
  if (!epoll_wait_common(c, timespec_timeout)) return false;
  c.p->sep();
  print_sigset_addr_len(c, c.arg(4), c.arg(5));
  c.p->sep();
  c.p->udec(c.arg(5));
  return true;
}

bool dec_epoll_pwait(Call& c) { return epoll_pwait_common(c, false); }
bool dec_epoll_pwait2(Call& c) { return epoll_pwait_common(c, true); }

const DecoderEntry kTable[] = {
    {"poll", dec_poll, RetFmt::kDec},
    {"ppoll", dec_ppoll, RetFmt::kDec},
    {"ppoll_time64", dec_ppoll, RetFmt::kDec},
    {"select", dec_select, RetFmt::kDec},
    {"_newselect", dec_select, RetFmt::kDec},
    {"pselect6", dec_pselect6, RetFmt::kDec},
    {"pselect6_time64", dec_pselect6, RetFmt::kDec},
    {"epoll_create", dec_epoll_create, RetFmt::kFd},
    {"epoll_create1", dec_epoll_create1, RetFmt::kFd},
    {"epoll_ctl", dec_epoll_ctl, RetFmt::kDec},
    {"epoll_wait", dec_epoll_wait, RetFmt::kDec},
    {"epoll_pwait", dec_epoll_pwait, RetFmt::kDec},
    {"epoll_pwait2", dec_epoll_pwait2, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> poll() { return kTable; }

}  // namespace syscope::families

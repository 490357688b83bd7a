// SPDX-License-Identifier: MIT
// POSIX message queues: mq_open, mq_unlink, mq_timedsend, mq_timedreceive,
// mq_notify, mq_getsetattr.
#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "decoders/misc_common.h"
#include "syscalls/xlat/tables.h"

namespace syscope {
namespace {

using nim::print_flags;
using nim::print_xval;

const xlat::Entry kMqAttrFlags[] = {{04000, "O_NONBLOCK"}};
const xlat::Table kMqAttrFlagsTable{kMqAttrFlags, std::size(kMqAttrFlags), "O_???"};

void field(Printer& p, const char* name) { p.lit(name).ch('='); }

void print_mode(Printer& p, uint64_t mode) {
  char b[32];
  snprintf(b, sizeof b, "%#03" PRIo64, mode);
  p.lit(b);
}


void print_mq_attr(Call& c, uint64_t addr, bool decode_flags) {
  int64_t attr[8];  // struct mq_attr: flags, maxmsg, msgsize, curmsgs, reserved[4]
  if (c.abi == Abi::kI386) {
    int32_t a32[8];
    if (!nim::fetch_or_addr(c, addr, a32, sizeof a32)) return;
    for (int i = 0; i < 8; ++i) attr[i] = a32[i];
  } else if (!nim::fetch_or_addr(c, addr, attr, sizeof attr)) {
    return;
  }
  Printer& p = *c.p;
  p.lit("{mq_flags=");
  if (decode_flags)
    print_flags(p, static_cast<uint64_t>(attr[0]), kMqAttrFlagsTable, "O_???");
  else
    p.hex(static_cast<uint64_t>(attr[0]));
  p.lit(", mq_maxmsg=");
  p.dec(attr[1]);
  p.lit(", mq_msgsize=");
  p.dec(attr[2]);
  p.lit(", mq_curmsgs=");
  p.dec(attr[3]);
  p.ch('}');
}

void print_sigevent(Call& c, uint64_t addr) {
  struct {
    uint64_t sival;
    int32_t signo;
    int32_t notify;
    union {
      int32_t tid;
      struct {
        uint64_t function;
        uint64_t attribute;
      } thread;
      char pad[48];
    } un;
  } sev;
  if (c.abi == Abi::kI386) {
    struct {
      uint32_t sival;
      int32_t signo, notify;
      uint32_t un[13];
    } s32;
    if (!nim::fetch_or_addr(c, addr, &s32)) return;
    memset(&sev, 0, sizeof sev);
    sev.sival = s32.sival;
    sev.signo = s32.signo;
    sev.notify = s32.notify;
    sev.un.tid = static_cast<int32_t>(s32.un[0]);
    if (s32.notify == 2) {
      sev.un.thread.function = s32.un[0];
      sev.un.thread.attribute = s32.un[1];
    }
  } else if (!nim::fetch_or_addr(c, addr, &sev)) {
    return;
  }
  Printer& p = *c.p;
  p.ch('{');
  if (sev.sival) {
    p.lit("sigev_value={sival_int=");
    p.dec(static_cast<int32_t>(sev.sival));
    p.lit(", sival_ptr=");
    p.addr(sev.sival);
    p.lit("}, ");
  }
  field(p, "sigev_signo");
  switch (sev.notify) {
    case 0:  // SIGEV_SIGNAL
    case 2:  // SIGEV_THREAD
    case 4:  // SIGEV_THREAD_ID
      p.signo(sev.signo);
      break;
    default: p.udec(static_cast<uint32_t>(sev.signo)); break;
  }
  p.sep();
  field(p, "sigev_notify");
  print_xval(p, static_cast<uint32_t>(sev.notify), xlat::sigev_notify, "SIGEV_???");
  switch (sev.notify) {
    case 4:
      p.lit(", sigev_notify_thread_id=");
      p.dec(sev.un.tid);
      break;
    case 2:
      p.lit(", sigev_notify_function=");
      p.addr(sev.un.thread.function);
      p.lit(", sigev_notify_attributes=");
      p.addr(sev.un.thread.attribute);
      break;
    default: break;
  }
  p.ch('}');
}

}  // namespace

bool ipc_dec_mq_open(Call& c) {
  Printer& p = *c.p;
  p.path(c.arg(0));
  p.sep();
  const uint32_t flags = static_cast<uint32_t>(c.arg(1));
  p.flags_with_enum(flags, 3, xlat::open_access_modes, xlat::open_flags);
  if (flags & 0100 /* O_CREAT */) {
    p.sep();
    print_mode(p, static_cast<uint16_t>(c.arg(2)));
    p.sep();
    print_mq_attr(c, c.arg(3), false);
  }
  return true;
}

bool ipc_dec_mq_unlink(Call& c) {
  c.p->path(c.arg(0));
  return true;
}

bool ipc_dec_mq_timedsend(Call& c) {
  Printer& p = *c.p;
  p.fd(c.iarg(0));
  p.sep();
  nim::print_strn(c, c.arg(1), c.arg(2));
  p.sep();
  p.udec(c.arg(2));
  p.sep();
  p.udec(static_cast<uint32_t>(c.arg(3)));
  p.sep();
  nim::print_timespec(c, c.arg(4));
  return true;
}

bool ipc_dec_mq_timedreceive(Call& c) {
  Printer& p = *c.p;
  if (!c.exiting) {
    p.fd(c.iarg(0));
    p.sep();
    return false;
  }
  if (c.failed())
    p.addr(c.arg(1));
  else
    nim::print_strn(c, c.arg(1), static_cast<uint64_t>(c.rval));
  p.sep();
  p.udec(c.arg(2));
  p.sep();
  nim::print_num_uint(c, c.arg(3));
  p.sep();
  // The timeout is read at entry: printed even if the call failed.
  Call tmp = c;
  tmp.rval = 0;
  nim::print_timespec(tmp, c.arg(4));
  return true;
}

bool ipc_dec_mq_notify(Call& c) {
  c.p->fd(c.iarg(0));
  c.p->sep();
  print_sigevent(c, c.arg(1));
  return true;
}

bool ipc_dec_mq_getsetattr(Call& c) {
  Printer& p = *c.p;
  if (!c.exiting) {
    p.fd(c.iarg(0));
    p.sep();
    print_mq_attr(c, c.arg(1), true);
    p.sep();
    return false;
  }
  print_mq_attr(c, c.arg(2), true);
  return true;
}


}  // namespace syscope

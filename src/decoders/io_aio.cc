// SPDX-License-Identifier: MIT
// Linux AIO (io_setup, io_submit, io_getevents, io_pgetevents, io_cancel,
// io_destroy) and io_uring_setup/enter/register.
#include <cstdio>
#include <cstring>

#include "decoders/io_util.h"
#include "syscalls/xlat/tables.h"

namespace syscope::iodec {
namespace {

// ---- AIO ---------------------------------------------------------------------

// struct iocb (linux/aio_abi.h), little-endian layout.
struct Iocb {
  uint64_t aio_data;
  uint32_t aio_key;
  int32_t aio_rw_flags;
  uint16_t aio_lio_opcode;
  int16_t aio_reqprio;
  uint32_t aio_fildes;
  uint64_t aio_buf;
  uint64_t aio_nbytes;
  int64_t aio_offset;
  uint64_t aio_reserved2;
  uint32_t aio_flags;
  uint32_t aio_resfd;
};
static_assert(sizeof(Iocb) == 64);

struct IoEvent {
  uint64_t data, obj;
  int64_t res, res2;
};

constexpr uint32_t kIocbFlagResfd = 1, kIocbFlagIoprio = 2;
constexpr xlat::Entry kAioIocbFlags[] = {{kIocbFlagResfd, "IOCB_FLAG_RESFD"},
                                         {kIocbFlagIoprio, "IOCB_FLAG_IOPRIO"}};
const xlat::Table aio_iocb_flags{kAioIocbFlags, std::size(kAioIocbFlags), "IOCB_FLAG_???"};

constexpr xlat::Entry kIoprioClass[] = {{0, "IOPRIO_CLASS_NONE"}, {1, "IOPRIO_CLASS_RT"},
                                        {2, "IOPRIO_CLASS_BE"}, {3, "IOPRIO_CLASS_IDLE"}};
const xlat::Table ioprio_class{kIoprioClass, std::size(kIoprioClass), "IOPRIO_CLASS_???"};

void print_ioprio(Printer& p, uint32_t ioprio) {
  Style st = style(p);
  if (st != Style::kAbbrev) p.hex(ioprio);
  if (st == Style::kRaw) return;
  // IOPRIO_PRIO_VALUE(class, data): the class through sprintxval().
  std::string cls;
  uint32_t k = ioprio >> 13;
  std::string tmp;
  Printer cp(&tmp, &p.opt(), &p.ctx());
  print_xval(cp, k, ioprio_class, "IOPRIO_CLASS_???");
  char b[160];
  snprintf(b, sizeof b, "IOPRIO_PRIO_VALUE(%s, %d)", tmp.c_str(), static_cast<int>(ioprio & 0x1fff));
  if (st == Style::kVerbose) {
    p.lit(" /* ");
    p.lit(b);
    p.lit(" */");
  } else {
    p.lit(b);
  }
}

enum class Sub { kNone, kCommon, kVector, kPoll };

Sub print_iocb_header(Call& c, const Iocb& cb) {
  Printer& p = *c.p;
  p.lit("aio_data=");
  p.hex(cb.aio_data);
  if (cb.aio_key) {
    p.lit(", aio_key=");
    p.udec(cb.aio_key);
  }
  if (cb.aio_rw_flags) {
    p.lit(", aio_rw_flags=");
    print_flags(p, static_cast<uint32_t>(cb.aio_rw_flags), xlat::rwf_flags, "RWF_???");
  }
  p.lit(", aio_lio_opcode=");
  print_xval_u(p, cb.aio_lio_opcode, xlat::aio_cmds, "IOCB_CMD_???");
  if (cb.aio_flags & kIocbFlagIoprio) {
    p.lit(", aio_reqprio=");
    print_ioprio(p, static_cast<uint16_t>(cb.aio_reqprio));
  } else if (cb.aio_reqprio) {
    p.lit(", aio_reqprio=");
    p.dec(cb.aio_reqprio);
  }
  p.lit(", aio_fildes=");
  p.fd(static_cast<int32_t>(cb.aio_fildes));
  switch (cb.aio_lio_opcode) {
    case 0: case 1: return Sub::kCommon;
    case 5: return Sub::kPoll;
    case 7: case 8: return Sub::kVector;
    default: return Sub::kNone;
  }
}

void print_common_flags(Call& c, const Iocb& cb) {
  Printer& p = *c.p;
  if (cb.aio_flags) {
    p.lit(", aio_flags=");
    print_flags(p, cb.aio_flags, aio_iocb_flags, "IOCB_FLAG_???");
  }
  if (cb.aio_flags & kIocbFlagResfd) {
    p.lit(", aio_resfd=");
    p.fd(static_cast<int32_t>(cb.aio_resfd));
  } else if (cb.aio_resfd) {
    p.lit(", aio_resfd=");
    p.hex(cb.aio_resfd);
  }
}

void print_iocb(Call& c, const Iocb& cb) {
  Printer& p = *c.p;
  p.lit("{");
  Sub sub = print_iocb_header(c, cb);
  const bool valid = static_cast<int64_t>(cb.aio_nbytes) >= 0;
  switch (sub) {
    case Sub::kCommon:
      p.lit(", aio_buf=");
      if (cb.aio_lio_opcode == 1 && valid)
        print_strn(c, cb.aio_buf, cb.aio_nbytes);
      else
        p.hex(cb.aio_buf);
      p.lit(", aio_nbytes=");
      p.udec(cb.aio_nbytes);
      p.lit(", aio_offset=");
      p.dec(cb.aio_offset);
      print_common_flags(c, cb);
      break;
    case Sub::kVector:
      if (valid) {
        p.lit(", aio_buf=");
        print_iov(c, cb.aio_nbytes, cb.aio_buf, ~uint64_t{0}, cb.aio_lio_opcode != 8);
      } else {
        p.lit(", aio_buf=");
        p.hex(cb.aio_buf);
        p.lit(", aio_nbytes=");
        p.udec(cb.aio_nbytes);
      }
      p.lit(", aio_offset=");
      p.dec(cb.aio_offset);
      print_common_flags(c, cb);
      break;
    case Sub::kPoll:
      p.lit(", aio_buf=");
      print_flags(p, cb.aio_buf, xlat::poll_events, "POLL???");
      print_common_flags(c, cb);
      break;
    case Sub::kNone: break;
  }
  p.lit("}");
}

void print_io_event(Printer& p, const IoEvent& e) {
  p.lit("{data=");
  p.hex(e.data);
  p.lit(", obj=");
  p.hex(e.obj);
  p.lit(", res=");
  p.dec(e.res);
  p.lit(", res2=");
  p.dec(e.res2);
  p.lit("}");
}

int64_t klong_arg(const Call& c, int i) {
  return is_compat(c) ? static_cast<int32_t>(c.arg(i)) : static_cast<int64_t>(c.arg(i));
}

bool dec_io_setup(Call& c) {
  if (!c.exiting) {
    c.p->udec(static_cast<uint32_t>(c.arg(0)));
    c.p->sep();
    return false;
  }
  print_num_ptr(c, c.arg(1));
  return true;
}

bool dec_io_destroy(Call& c) {
  c.p->addr(c.arg(0));
  return true;
}

bool dec_io_submit(Call& c) {
  c.p->addr(c.arg(0));
  c.p->sep();
  const int64_t nr = klong_arg(c, 1);
  c.p->dec(nr);
  c.p->sep();
  if (nr < 0) {
    c.p->addr(c.arg(2));
    return true;
  }
  const unsigned ws = word_size(c);
  print_array(c, c.arg(2), static_cast<uint64_t>(nr), ws, [&](const void* e) {
    uint64_t a = 0;
    std::memcpy(&a, e, ws);
    Iocb cb;
    if (fetch(c, a, &cb)) print_iocb(c, cb);
    return true;
  });
  return true;
}

bool dec_io_cancel(Call& c) {
  if (!c.exiting) {
    c.p->addr(c.arg(0));
    c.p->sep();
    Iocb cb;
    if (fetch(c, c.arg(1), &cb)) {
      c.p->lit("{");
      print_iocb_header(c, cb);
      c.p->lit("}");
    }
    c.p->sep();
    return false;
  }
  IoEvent e;
  if (fetch(c, c.arg(2), &e)) print_io_event(*c.p, e);
  return true;
}

bool do_io_getevents(Call& c, bool has_sig) {
  if (!c.exiting) {
    c.p->addr(c.arg(0));
    c.p->sep();
    c.p->dec(klong_arg(c, 1));
    c.p->sep();
    c.p->dec(klong_arg(c, 2));
    c.p->sep();
    return false;
  }
  print_array(c, c.arg(3), static_cast<uint64_t>(c.rval), sizeof(IoEvent), [&](const void* e) {
    IoEvent ev;
    std::memcpy(&ev, e, sizeof ev);
    print_io_event(*c.p, ev);
    return true;
  });
  c.p->sep();
  // The timeout and the mask were read at entry: decode them even on failure.
  const int64_t saved = c.rval;
  c.rval = 0;
  print_timespec(c, c.arg(4), time64_call(c));
  if (has_sig) {
    c.p->sep();
    print_kernel_sigset(c, c.arg(5));
  }
  c.rval = saved;
  return true;
}

bool dec_io_getevents(Call& c) { return do_io_getevents(c, false); }
bool dec_io_pgetevents(Call& c) { return do_io_getevents(c, true); }

// ---- io_uring --------------------------------------------------------------

constexpr xlat::Entry kUringSetupFeatures[] = {
    {1u << 0, "IORING_FEAT_SINGLE_MMAP"},     {1u << 1, "IORING_FEAT_NODROP"},
    {1u << 2, "IORING_FEAT_SUBMIT_STABLE"},   {1u << 3, "IORING_FEAT_RW_CUR_POS"},
    {1u << 4, "IORING_FEAT_CUR_PERSONALITY"}, {1u << 5, "IORING_FEAT_FAST_POLL"},
    {1u << 6, "IORING_FEAT_POLL_32BITS"},     {1u << 7, "IORING_FEAT_SQPOLL_NONFIXED"},
    {1u << 8, "IORING_FEAT_EXT_ARG"},         {1u << 9, "IORING_FEAT_NATIVE_WORKERS"},
    {1u << 10, "IORING_FEAT_RSRC_TAGS"},      {1u << 11, "IORING_FEAT_CQE_SKIP"},
    {1u << 12, "IORING_FEAT_LINKED_FILE"},
};
const xlat::Table uring_setup_features{kUringSetupFeatures, std::size(kUringSetupFeatures),
                                       "IORING_FEAT_???"};

struct SqOffsets {
  uint32_t head, tail, ring_mask, ring_entries, flags, dropped, array, resv1;
  uint64_t resv2;
};
struct CqOffsets {
  uint32_t head, tail, ring_mask, ring_entries, overflow, cqes, flags, resv1;
  uint64_t resv2;
};
struct UringParams {
  uint32_t sq_entries, cq_entries, flags, sq_thread_cpu, sq_thread_idle, features, wq_fd;
  uint32_t resv[3];
  SqOffsets sq_off;
  CqOffsets cq_off;
};
static_assert(sizeof(UringParams) == 120);

constexpr uint32_t kSetupAttachWq = 1u << 5;

void field_u(Printer& p, const char* name, uint64_t v, bool first = false) {
  if (!first) p.lit(", ");
  p.lit(name);
  p.lit("=");
  p.udec(v);
}

void print_resv(Printer& p, uint32_t resv1, uint64_t resv2) {
  if (resv1) {
    p.lit(", resv1=");
    p.hex(resv1);
  }
  if (resv2) {
    p.lit(", resv2=");
    p.hex(resv2);
  }
}

bool dec_io_uring_setup(Call& c) {
  Printer& p = *c.p;
  UringParams prm;
  if (!c.exiting) {
    p.udec(static_cast<uint32_t>(c.arg(0)));
    p.sep();
    if (!fetch(c, c.arg(1), &prm)) return true;
    p.lit("{flags=");
    print_flags(p, prm.flags, xlat::io_uring_setup_flags, "IORING_SETUP_???");
    p.lit(", sq_thread_cpu=");
    p.hex(prm.sq_thread_cpu);
    field_u(p, "sq_thread_idle", prm.sq_thread_idle);
    if (prm.flags & kSetupAttachWq) {
      p.lit(", wq_fd=");
      p.fd(static_cast<int32_t>(prm.wq_fd));
    }
    if (prm.resv[0] || prm.resv[1] || prm.resv[2]) {
      p.lit(", resv=[");
      for (int i = 0; i < 3; ++i) {
        if (i) p.lit(", ");
        p.hex(prm.resv[i]);
      }
      p.lit("]");
    }
    return false;
  }
  if (tfetch(c, c.arg(1), sizeof prm, &prm)) {
    field_u(p, "sq_entries", prm.sq_entries);
    field_u(p, "cq_entries", prm.cq_entries);
    p.lit(", features=");
    print_flags(p, prm.features, uring_setup_features, "IORING_FEAT_???");
    const SqOffsets& s = prm.sq_off;
    p.lit(", sq_off={");
    field_u(p, "head", s.head, true);
    field_u(p, "tail", s.tail);
    field_u(p, "ring_mask", s.ring_mask);
    field_u(p, "ring_entries", s.ring_entries);
    field_u(p, "flags", s.flags);
    field_u(p, "dropped", s.dropped);
    field_u(p, "array", s.array);
    print_resv(p, s.resv1, s.resv2);
    p.lit("}, cq_off={");
    const CqOffsets& q = prm.cq_off;
    field_u(p, "head", q.head, true);
    field_u(p, "tail", q.tail);
    field_u(p, "ring_mask", q.ring_mask);
    field_u(p, "ring_entries", q.ring_entries);
    field_u(p, "overflow", q.overflow);
    field_u(p, "cqes", q.cqes);
    field_u(p, "flags", q.flags);
    print_resv(p, q.resv1, q.resv2);
    p.lit("}");
  }
  p.lit("}");
  return true;
}

bool dec_io_uring_enter(Call& c) {
  Printer& p = *c.p;
  p.fd(static_cast<int32_t>(c.arg(0)));
  p.sep();
  p.udec(static_cast<uint32_t>(c.arg(1)));
  p.sep();
  p.udec(static_cast<uint32_t>(c.arg(2)));
  p.sep();
  print_flags(p, static_cast<uint32_t>(c.arg(3)), xlat::io_uring_enter_flags,
              "IORING_ENTER_???");
  p.sep();
  print_sigset_addr_len(c, c.arg(4), c.arg(5));
  p.sep();
  p.udec(c.arg(5));
  return true;
}

// io_uring_register: the opcodes whose argument is a plain iovec or fd array
// are decoded; the others print the argument's address.
bool dec_io_uring_register(Call& c) {
  Printer& p = *c.p;
  const uint32_t opcode = static_cast<uint32_t>(c.arg(1));
  const uint64_t arg = c.arg(2);
  const uint32_t nargs = static_cast<uint32_t>(c.arg(3));
  p.fd(static_cast<int32_t>(c.arg(0)));
  p.sep();
  print_xval(p, opcode, xlat::io_uring_register_opcodes, "IORING_REGISTER_???");
  p.sep();
  switch (opcode) {
    case 0:  // IORING_REGISTER_BUFFERS
      print_iov(c, nargs, arg, ~uint64_t{0}, true);
      break;
    case 2:  // IORING_REGISTER_FILES
    case 4:  // IORING_REGISTER_EVENTFD
    case 7:  // IORING_REGISTER_EVENTFD_ASYNC
      print_array(c, arg, nargs, sizeof(int32_t), [&](const void* e) {
        int32_t fd;
        std::memcpy(&fd, e, sizeof fd);
        p.fd(fd);
        return true;
      });
      break;
    default:
      p.addr(arg);
      break;
  }
  p.sep();
  p.udec(nargs);
  return true;
}

const DecoderEntry kTable[] = {
    {"io_setup", dec_io_setup, RetFmt::kDec},
    {"io_destroy", dec_io_destroy, RetFmt::kDec},
    {"io_submit", dec_io_submit, RetFmt::kDec},
    {"io_cancel", dec_io_cancel, RetFmt::kDec},
    {"io_getevents", dec_io_getevents, RetFmt::kDec},
    {"io_pgetevents", dec_io_pgetevents, RetFmt::kDec},
    {"io_pgetevents_time64", dec_io_pgetevents, RetFmt::kDec},
    {"io_uring_setup", dec_io_uring_setup, RetFmt::kFd},
    {"io_uring_enter", dec_io_uring_enter, RetFmt::kDec},
    {"io_uring_register", dec_io_uring_register, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> aio_table() { return kTable; }

}  // namespace syscope::iodec

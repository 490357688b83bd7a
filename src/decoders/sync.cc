// SPDX-License-Identifier: MIT
// Synchronization: futex, futex_waitv, robust lists, membarrier. rseq,
// set_tid_address and the futex2 calls (futex_wake/wait/requeue) have no
// decoder: strace 6.1 prints them raw, as we do.
#include <linux/futex.h>

#include <cstring>

#include "decoders/families.h"
#include "decoders/proc_common.h"

namespace syscope::families {
namespace {

using namespace syscope::pdec;

constexpr xlat::Entry kBitset[] = {{0xffffffffu, "FUTEX_BITSET_MATCH_ANY"}};
const xlat::Table futex_bitset{kBitset, std::size(kBitset), nullptr};
constexpr xlat::Entry kWaiterFlags[] = {{2, "FUTEX_32"}, {128, "FUTEX_PRIVATE_FLAG"}};
const xlat::Table futex_waiter_flags{kWaiterFlags, std::size(kWaiterFlags), nullptr};

// FUTEX_WAKE_OP's encoded operation: op<<28|oparg<<12|cmp<<24|cmparg.
void print_wake_op(Printer& p, uint32_t val3) {
  if ((val3 >> 28) & FUTEX_OP_OPARG_SHIFT) {
    xlat_ex(p, FUTEX_OP_OPARG_SHIFT, "FUTEX_OP_OPARG_SHIFT", VFmt::kX);
    p.lit("<<28|");
  }
  bool known = xval(p, (val3 >> 28) & 7, xlat::futex_wake_ops, nullptr);
  p.lit("<<28");
  if (!known) comment(p, "FUTEX_OP_???");
  p.ch('|');
  val(p, (val3 >> 12) & 0xfff, VFmt::kX);
  p.lit("<<12|");
  known = xval(p, (val3 >> 24) & 0xf, xlat::futex_wake_cmps, nullptr);
  p.lit("<<24");
  if (!known) comment(p, "FUTEX_OP_CMP_???");
  p.ch('|');
  val(p, val3 & 0xfff, VFmt::kX);
}

bool dec_futex(Call& c) {
  Printer& p = *c.p;
  const uint64_t uaddr = c.arg(0), timeout = c.arg(3), uaddr2 = c.arg(4);
  const int op = c.iarg(1);
  const int cmd = op & 127;
  const uint32_t val = static_cast<uint32_t>(c.arg(2)), val2 = static_cast<uint32_t>(c.arg(3)),
                 val3 = static_cast<uint32_t>(c.arg(5));
  p.addr(uaddr);
  p.sep();
  xval32(p, static_cast<uint32_t>(op), xlat::futex_ops, "FUTEX_???");
  switch (cmd) {
    case FUTEX_WAIT:
      p.sep();
      p.udec(val);
      p.sep();
      timespec(c, timeout);
      break;
    case FUTEX_LOCK_PI:
    case 13 /* FUTEX_LOCK_PI2 */:
      p.sep();
      timespec(c, timeout);
      break;
    case FUTEX_WAIT_BITSET:
      p.sep();
      p.udec(val);
      p.sep();
      timespec(c, timeout);
      p.sep();
      xval(p, val3, futex_bitset, nullptr);
      break;
    case FUTEX_WAKE_BITSET:
      p.sep();
      p.udec(val);
      p.sep();
      xval(p, val3, futex_bitset, nullptr);
      break;
    case FUTEX_REQUEUE:
      p.sep();
      p.udec(val);
      p.sep();
      p.udec(val2);
      p.sep();
      p.addr(uaddr2);
      break;
    case FUTEX_CMP_REQUEUE:
    case FUTEX_CMP_REQUEUE_PI:
      p.sep();
      p.udec(val);
      p.sep();
      p.udec(val2);
      p.sep();
      p.addr(uaddr2);
      p.sep();
      p.udec(val3);
      break;
    case FUTEX_WAKE_OP:
      p.sep();
      p.udec(val);
      p.sep();
      p.udec(val2);
      p.sep();
      p.addr(uaddr2);
      p.sep();
      print_wake_op(p, val3);
      break;
    case FUTEX_WAIT_REQUEUE_PI:
      p.sep();
      p.udec(val);
      p.sep();
      timespec(c, timeout);
      p.sep();
      p.addr(uaddr2);
      break;
    case FUTEX_FD:
    case FUTEX_WAKE:
      p.sep();
      p.udec(val);
      break;
    case FUTEX_UNLOCK_PI:
    case FUTEX_TRYLOCK_PI: break;
    default:
      p.sep();
      p.udec(val);
      p.sep();
      p.addr(timeout);
      p.sep();
      p.addr(uaddr2);
      p.sep();
      pdec::val(p, val3, VFmt::kX);
      break;
  }
  return true;
}

bool dec_futex_waitv(Call& c) {
  Printer& p = *c.p;
  unsigned count = 0;
  array(c, c.arg(0), static_cast<uint32_t>(c.arg(1)), 24,
        [](Call& cc, const void* e, void* data) {
          unsigned& n = *static_cast<unsigned*>(data);
          Printer& pp = *cc.p;
          if (n++ >= 128) {
            pp.lit("...");
            return;
          }
          struct {
            uint64_t val, uaddr;
            uint32_t flags, reserved;
          } w;
          memcpy(&w, e, sizeof w);
          pp.lit("{val=");
          pdec::val(pp, w.val, VFmt::kX);
          pp.lit(", uaddr=");
          pp.addr(w.uaddr);
          pp.lit(", flags=");
          flags(pp, w.flags, futex_waiter_flags, "FUTEX_???");
          if (w.reserved) {
            pp.lit(", __reserved=");
            pdec::val(pp, w.reserved, VFmt::kX);
          }
          pp.ch('}');
        },
        &count);
  p.sep();
  p.udec(static_cast<uint32_t>(c.arg(1)));
  p.sep();
  val(p, static_cast<uint32_t>(c.arg(2)), VFmt::kX);
  p.sep();
  // Always a 64-bit timespec, even for i386.
  struct {
    int64_t sec, nsec;
  } ts;
  if (fetch(c, c.arg(3), &ts)) timespec_val(p, ts.sec, ts.nsec);
  p.sep();
  xval32(p, c.arg(4), xlat::clock_ids, "CLOCK_???");
  return true;
}

bool dec_get_robust_list(Call& c) {
  if (!c.exiting) {
    c.p->dec(c.iarg(0));
    c.p->sep();
    return false;
  }
  num_ptr(c, c.arg(1));
  c.p->sep();
  num_ulong(c, c.arg(2));
  return true;
}

bool dec_set_robust_list(Call& c) {
  c.p->addr(c.arg(0));
  c.p->sep();
  c.p->udec(c.arg(1));
  return true;
}

bool dec_membarrier(Call& c) {
  if (!c.exiting) {
    const int cmd = c.iarg(0);
    const uint32_t fl = static_cast<uint32_t>(c.arg(1));
    xval32(*c.p, static_cast<uint32_t>(cmd), xlat::membarrier_cmds, "MEMBARRIER_CMD_???");
    c.p->sep();
    flags(*c.p, fl, xlat::membarrier_flags, "MEMBARRIER_CMD_FLAG_???");
    if (fl & 1 /* MEMBARRIER_CMD_FLAG_CPU */) {
      c.p->sep();
      c.p->dec(c.iarg(2));
    }
    return cmd != 0;
  }
  if (c.failed() || !c.rval) return true;
  c.ret = RetFmt::kHex;
  sprintflags(*c.p, static_cast<uint64_t>(c.rval), xlat::membarrier_cmds, &c.aux);
  return true;
}

const DecoderEntry kTable[] = {
    {"futex", dec_futex, RetFmt::kDec},
    {"futex_time64", dec_futex, RetFmt::kDec},
    {"futex_waitv", dec_futex_waitv, RetFmt::kDec},
    {"get_robust_list", dec_get_robust_list, RetFmt::kDec},
    {"set_robust_list", dec_set_robust_list, RetFmt::kDec},
    {"membarrier", dec_membarrier, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> sync() { return kTable; }

}  // namespace syscope::families

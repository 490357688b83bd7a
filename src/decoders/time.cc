// SPDX-License-Identifier: MIT
// Clocks, sleeps and timers: nanosleep, clock_*, gettimeofday, time,
// adjtimex, itimers, POSIX timers, timerfd.
#include <cstring>

#include "decoders/families.h"
#include "decoders/proc_common.h"

namespace syscope::families {
namespace {

using namespace syscope::pdec;

// The remaining time of an interrupted sleep, read although the call failed.
void print_remaining(Call& c, uint64_t addr) {
  Call tmp = c;
  tmp.exiting = false;
  timespec(tmp, addr);
}

bool dec_nanosleep(Call& c) {
  if (!c.exiting) {
    timespec(c, c.arg(0));
    c.p->sep();
    return false;
  }
  if (is_erestart(c))
    print_remaining(c, c.arg(1));
  else
    c.p->addr(c.arg(1));
  return true;
}

bool dec_clock_nanosleep(Call& c) {
  if (!c.exiting) {
    clockid(*c.p, c.iarg(0));
    c.p->sep();
    flags(*c.p, static_cast<uint32_t>(c.arg(1)), xlat::timer_flags, "TIMER_???");
    c.p->sep();
    timespec(c, c.arg(2));
    c.p->sep();
    return false;
  }
  if (!c.arg(1) && is_erestart(c))
    print_remaining(c, c.arg(3));
  else
    c.p->addr(c.arg(3));
  return true;
}

bool dec_clock_gettime(Call& c) {
  if (!c.exiting) {
    clockid(*c.p, c.iarg(0));
    c.p->sep();
    return false;
  }
  timespec(c, c.arg(1));
  return true;
}

bool dec_clock_settime(Call& c) {
  clockid(*c.p, c.iarg(0));
  c.p->sep();
  timespec(c, c.arg(1));
  return true;
}

void print_timezone(Call& c, uint64_t addr) {
  int32_t tz[2];
  if (!fetch(c, addr, &tz)) return;
  c.p->lit("{tz_minuteswest=");
  c.p->dec(tz[0]);
  c.p->lit(", tz_dsttime=");
  c.p->dec(tz[1]);
  c.p->ch('}');
}

bool dec_gettimeofday(Call& c) {
  if (!c.exiting) return false;
  timeval(c, c.arg(0));
  c.p->sep();
  print_timezone(c, c.arg(1));
  return true;
}

bool dec_settimeofday(Call& c) {
  timeval(c, c.arg(0));
  c.p->sep();
  print_timezone(c, c.arg(1));
  return true;
}

bool dec_time(Call& c) {
  if (!c.exiting) return false;
  int64_t t;
  bool ok;
  if (compat(c)) {
    int32_t t32;
    ok = fetch(c, c.arg(0), &t32);
    t = t32;
  } else {
    ok = fetch(c, c.arg(0), &t);
  }
  if (ok) {
    c.p->ch('[');
    c.p->dec(t);
    std::string s = sprinttime(t);
    if (!s.empty()) comment(*c.p, s);
    c.p->ch(']');
  }
  if (!c.failed()) c.aux = sprinttime(compat(c) ? static_cast<int32_t>(c.rval) : c.rval);
  return true;
}

// struct timex (the kernel's, with long members of the tracee's size).
struct Timex {
  uint32_t modes;
  int32_t status, shift, tai;
  // offset freq maxerror esterror constant precision tolerance tv_sec tv_usec
  // tick ppsfreq jitter stabil jitcnt calcnt errcnt stbcnt
  int64_t l[17];
};

template <class Long>
bool fetch_timex(Call& c, uint64_t addr, Timex* x) {
  struct {
    uint32_t modes;
    Long offset, freq, maxerror, esterror;
    int32_t status;
    Long constant, precision, tolerance;
    Long sec, usec;
    Long tick, ppsfreq, jitter;
    int32_t shift;
    Long stabil, jitcnt, calcnt, errcnt, stbcnt;
    int32_t tai;
    int32_t pad[11];
  } t;
  if (!fetch(c, addr, &t)) return false;
  x->modes = t.modes;
  x->status = t.status;
  x->shift = t.shift;
  x->tai = t.tai;
  const Long src[] = {t.offset, t.freq,    t.maxerror, t.esterror, t.constant, t.precision,
                      t.tolerance, t.sec,  t.usec,     t.tick,     t.ppsfreq,  t.jitter,
                      t.stabil, t.jitcnt,  t.calcnt,   t.errcnt,   t.stbcnt};
  for (int i = 0; i < 17; ++i) x->l[i] = src[i];
  if (sizeof(Long) == 4) x->l[8] = static_cast<uint32_t>(x->l[8]);  // tv_usec is unsigned
  return true;
}

bool print_timex(Call& c, uint64_t addr) {
  Timex x;
  if (!(compat(c) ? fetch_timex<int32_t>(c, addr, &x) : fetch_timex<int64_t>(c, addr, &x)))
    return false;
  Printer& p = *c.p;
  p.lit("{modes=");
  flags(p, x.modes, xlat::adjtimex_modes, "ADJ_???");
  static const char* const kA[] = {", offset=", ", freq=", ", maxerror=", ", esterror="};
  for (int i = 0; i < 4; ++i) {
    p.lit(kA[i]);
    p.dec(x.l[i]);
  }
  p.lit(", status=");
  flags(p, static_cast<uint32_t>(x.status), xlat::adjtimex_status, "STA_???");
  static const char* const kB[] = {", constant=", ", precision=", ", tolerance="};
  for (int i = 0; i < 3; ++i) {
    p.lit(kB[i]);
    p.dec(x.l[4 + i]);
  }
  p.lit(", time={tv_sec=");
  p.dec(x.l[7]);
  p.lit(", tv_usec=");
  p.udec(static_cast<uint64_t>(x.l[8]));
  p.lit("}, tick=");
  p.dec(x.l[9]);
  p.lit(", ppsfreq=");
  p.dec(x.l[10]);
  p.lit(", jitter=");
  p.dec(x.l[11]);
  p.lit(", shift=");
  p.dec(x.shift);
  static const char* const kC[] = {", stabil=", ", jitcnt=", ", calcnt=", ", errcnt=",
                                   ", stbcnt="};
  for (int i = 0; i < 5; ++i) {
    p.lit(kC[i]);
    p.dec(x.l[12 + i]);
  }
  p.lit(", tai=");
  p.dec(x.tai);
  p.ch('}');
  return true;
}

void adjtimex_result(Call& c, uint64_t addr) {
  if (!print_timex(c, addr)) return;
  if (const char* n = lookup(xlat::adjtimex_state, static_cast<uint64_t>(c.rval))) c.aux = n;
}

bool dec_adjtimex(Call& c) {
  if (!c.exiting) return false;
  adjtimex_result(c, c.arg(0));
  return true;
}

bool dec_clock_adjtime(Call& c) {
  if (!c.exiting) {
    clockid(*c.p, c.iarg(0));
    c.p->sep();
    return false;
  }
  adjtimex_result(c, c.arg(1));
  return true;
}

bool dec_getitimer(Call& c) {
  if (!c.exiting) {
    xval32(*c.p, c.arg(0), xlat::itimer_which, "ITIMER_???");
    c.p->sep();
    return false;
  }
  itimerval(c, c.arg(1));
  return true;
}

bool dec_setitimer(Call& c) {
  if (!c.exiting) {
    xval32(*c.p, c.arg(0), xlat::itimer_which, "ITIMER_???");
    c.p->sep();
    itimerval(c, c.arg(1));
    c.p->sep();
    return false;
  }
  itimerval(c, c.arg(2));
  return true;
}

void print_sigevent(Call& c, uint64_t addr) {
  uint64_t sival_ptr, fn = 0, attr = 0;
  int32_t sival_int, signo, notify, tid;
  if (compat(c)) {
    struct {
      uint32_t value;
      int32_t signo, notify;
      uint32_t un[13];
    } s;
    if (!fetch(c, addr, &s)) return;
    sival_ptr = s.value;
    sival_int = static_cast<int32_t>(s.value);
    signo = s.signo;
    notify = s.notify;
    tid = static_cast<int32_t>(s.un[0]);
    fn = s.un[0];
    attr = s.un[1];
  } else {
    struct {
      uint64_t value;
      int32_t signo, notify;
      uint64_t un[6];
    } s;
    if (!fetch(c, addr, &s)) return;
    sival_ptr = s.value;
    sival_int = static_cast<int32_t>(s.value);
    signo = s.signo;
    notify = s.notify;
    tid = static_cast<int32_t>(s.un[0]);
    fn = s.un[0];
    attr = s.un[1];
  }
  enum { kSignal = 0, kNone = 1, kThread = 2, kThreadId = 4 };
  Printer& p = *c.p;
  p.ch('{');
  if (sival_ptr) {
    p.lit("sigev_value={sival_int=");
    p.dec(sival_int);
    p.lit(", sival_ptr=");
    p.addr(sival_ptr);
    p.lit("}, ");
  }
  p.lit("sigev_signo=");
  if (notify == kSignal || notify == kThread || notify == kThreadId)
    p.signo(signo);
  else
    p.udec(static_cast<uint32_t>(signo));
  p.lit(", sigev_notify=");
  xval(p, static_cast<uint32_t>(notify), xlat::sigev_notify, "SIGEV_???");
  if (notify == kThreadId) {
    p.lit(", sigev_notify_thread_id=");
    p.dec(tid);
  } else if (notify == kThread) {
    p.lit(", sigev_notify_function=");
    p.addr(fn);
    p.lit(", sigev_notify_attributes=");
    p.addr(attr);
  }
  p.ch('}');
}

bool dec_timer_create(Call& c) {
  if (!c.exiting) {
    clockid(*c.p, c.iarg(0));
    c.p->sep();
    print_sigevent(c, c.arg(1));
    c.p->sep();
    return false;
  }
  num_int(c, c.arg(2), VFmt::kD);
  return true;
}

bool dec_timer_settime(Call& c) {
  if (!c.exiting) {
    c.p->dec(c.iarg(0));
    c.p->sep();
    flags(*c.p, static_cast<uint32_t>(c.arg(1)), xlat::timer_flags, "TIMER_???");
    c.p->sep();
    itimerspec(c, c.arg(2));
    c.p->sep();
    return false;
  }
  itimerspec(c, c.arg(3));
  return true;
}

bool dec_timer_gettime(Call& c) {
  if (!c.exiting) {
    c.p->dec(c.iarg(0));
    c.p->sep();
    return false;
  }
  itimerspec(c, c.arg(1));
  return true;
}

bool dec_timer_id(Call& c) {
  c.p->dec(c.iarg(0));
  return true;
}

bool dec_timerfd_create(Call& c) {
  clockid(*c.p, c.iarg(0));
  c.p->sep();
  flags(*c.p, static_cast<uint32_t>(c.arg(1)), xlat::timerfd_flags, "TFD_???");
  return true;
}

bool dec_timerfd_settime(Call& c) {
  if (!c.exiting) {
    c.p->fd(c.iarg(0));
    c.p->sep();
    flags(*c.p, static_cast<uint32_t>(c.arg(1)), xlat::timerfd_flags, "TFD_???");
    c.p->sep();
    itimerspec(c, c.arg(2));
    c.p->sep();
    return false;
  }
  itimerspec(c, c.arg(3));
  return true;
}

bool dec_timerfd_gettime(Call& c) {
  if (!c.exiting) {
    c.p->fd(c.iarg(0));
    c.p->sep();
    return false;
  }
  itimerspec(c, c.arg(1));
  return true;
}

const DecoderEntry kTable[] = {
    {"nanosleep", dec_nanosleep, RetFmt::kDec},
    {"clock_nanosleep", dec_clock_nanosleep, RetFmt::kDec},
    {"clock_nanosleep_time64", dec_clock_nanosleep, RetFmt::kDec},
    {"clock_gettime", dec_clock_gettime, RetFmt::kDec},
    {"clock_gettime64", dec_clock_gettime, RetFmt::kDec},
    {"clock_getres", dec_clock_gettime, RetFmt::kDec},
    {"clock_getres_time64", dec_clock_gettime, RetFmt::kDec},
    {"clock_settime", dec_clock_settime, RetFmt::kDec},
    {"clock_settime64", dec_clock_settime, RetFmt::kDec},
    {"gettimeofday", dec_gettimeofday, RetFmt::kDec},
    {"settimeofday", dec_settimeofday, RetFmt::kDec},
    {"time", dec_time, RetFmt::kDec},
    {"adjtimex", dec_adjtimex, RetFmt::kDec},
    {"clock_adjtime", dec_clock_adjtime, RetFmt::kDec},
    {"clock_adjtime64", dec_clock_adjtime, RetFmt::kDec},
    {"getitimer", dec_getitimer, RetFmt::kDec},
    {"setitimer", dec_setitimer, RetFmt::kDec},
    {"timer_create", dec_timer_create, RetFmt::kDec},
    {"timer_settime", dec_timer_settime, RetFmt::kDec},
    {"timer_settime64", dec_timer_settime, RetFmt::kDec},
    {"timer_gettime", dec_timer_gettime, RetFmt::kDec},
    {"timer_gettime64", dec_timer_gettime, RetFmt::kDec},
    {"timer_getoverrun", dec_timer_id, RetFmt::kDec},
    {"timer_delete", dec_timer_id, RetFmt::kDec},
    {"timerfd_create", dec_timerfd_create, RetFmt::kFd},
    {"timerfd_settime", dec_timerfd_settime, RetFmt::kDec},
    {"timerfd_settime64", dec_timerfd_settime, RetFmt::kDec},
    {"timerfd_gettime", dec_timerfd_gettime, RetFmt::kDec},
    {"timerfd_gettime64", dec_timerfd_gettime, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> time() { return kTable; }

}  // namespace syscope::families

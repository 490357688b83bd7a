// SPDX-License-Identifier: MIT
// Clocks and timers.
// Names and their order follow strace 6.1 (its src/xlat/*.in lists); values come
// from the Linux uapi headers, or are literals where those headers lack the name.
// Only uapi headers here: glibc's own headers clash with them.
#include <linux/time.h>
#include <linux/timex.h>

#include "syscalls/xlat/tables.h"

namespace syscope::xlat {
namespace {

// clang-format off
#define E(name) Entry{static_cast<uint64_t>(name), #name}
// clang-format on

constexpr Entry kClockIds[] = {
    E(CLOCK_REALTIME),          E(CLOCK_MONOTONIC),     E(CLOCK_PROCESS_CPUTIME_ID),
    E(CLOCK_THREAD_CPUTIME_ID), E(CLOCK_MONOTONIC_RAW), E(CLOCK_REALTIME_COARSE),
    E(CLOCK_MONOTONIC_COARSE),  E(CLOCK_BOOTTIME),      E(CLOCK_REALTIME_ALARM),
    E(CLOCK_BOOTTIME_ALARM),    E(CLOCK_SGI_CYCLE),     E(CLOCK_TAI),
};
constexpr Entry kTimerFlags[] = {
    E(TIMER_ABSTIME),
};
constexpr Entry kItimerWhich[] = {
    E(ITIMER_REAL),
    E(ITIMER_VIRTUAL),
    E(ITIMER_PROF),
};
constexpr Entry kAdjtimexModes[] = {
    E(ADJ_OFFSET_SS_READ),
    E(ADJ_OFFSET_SINGLESHOT),
    E(ADJ_OFFSET),
    E(ADJ_FREQUENCY),
    E(ADJ_MAXERROR),
    E(ADJ_ESTERROR),
    E(ADJ_STATUS),
    E(ADJ_TIMECONST),
    E(ADJ_TAI),
    E(ADJ_SETOFFSET),
    E(ADJ_MICRO),
    E(ADJ_NANO),
    E(ADJ_TICK),
};
constexpr Entry kAdjtimexStatus[] = {
    E(STA_PLL),       E(STA_PPSFREQ),   E(STA_PPSTIME),   E(STA_FLL),
    E(STA_INS),       E(STA_DEL),       E(STA_UNSYNC),    E(STA_FREQHOLD),
    E(STA_PPSSIGNAL), E(STA_PPSJITTER), E(STA_PPSWANDER), E(STA_PPSERROR),
    E(STA_CLOCKERR),  E(STA_NANO),      E(STA_MODE),      E(STA_CLK),
};
constexpr Entry kAdjtimexState[] = {
    E(TIME_OK), E(TIME_INS), E(TIME_DEL), E(TIME_OOP), E(TIME_WAIT), E(TIME_ERROR),
};

#undef E

}  // namespace

const Table clock_ids{kClockIds, std::size(kClockIds), "CLOCK_???"};
const Table timer_flags{kTimerFlags, std::size(kTimerFlags), "TIMER_???"};
const Table itimer_which{kItimerWhich, std::size(kItimerWhich), "ITIMER_???"};
const Table adjtimex_modes{kAdjtimexModes, std::size(kAdjtimexModes), "ADJ_???", true};
const Table adjtimex_status{kAdjtimexStatus, std::size(kAdjtimexStatus), "STA_???"};
const Table adjtimex_state{kAdjtimexState, std::size(kAdjtimexState), "TIME_???"};

}  // namespace syscope::xlat

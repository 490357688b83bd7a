// SPDX-License-Identifier: MIT
// Signal-related constants: sigaction(2) flags, sigprocmask(2), si_code per signal.
// Names and their order follow strace 6.1 (its src/xlat/*.in lists); values come
// from the Linux uapi headers, or are literals where those headers lack the name.
// Only uapi headers here: glibc's own headers clash with them.
#include <asm/siginfo.h>
#include <asm/signal.h>

#include "syscalls/xlat/tables.h"

namespace syscope::xlat {
namespace {

// clang-format off
#define E(name) Entry{static_cast<uint64_t>(name), #name}
// clang-format on

constexpr Entry kSigactionFlags[] = {
    E(SA_RESTORER),  E(SA_ONSTACK),   E(SA_RESTART), Entry{0x20000000, "SA_INTERRUPT"},
    E(SA_NODEFER),   E(SA_RESETHAND), E(SA_SIGINFO), E(SA_NOCLDSTOP),
    E(SA_NOCLDWAIT),
};
constexpr Entry kSigprocmaskHow[] = {
    E(SIG_BLOCK),
    E(SIG_UNBLOCK),
    E(SIG_SETMASK),
};
constexpr Entry kSaHandlerValues[] = {
    Entry{static_cast<uint64_t>(-1), "SIG_ERR"},
    Entry{0, "SIG_DFL"},
    Entry{1, "SIG_IGN"},
};
constexpr Entry kSigaltstackFlags[] = {
    Entry{0x1, "SS_ONSTACK"},
    Entry{0x2, "SS_DISABLE"},
    Entry{0x80000000, "SS_AUTODISARM"},
};
constexpr Entry kSigevNotify[] = {
    E(SIGEV_SIGNAL),
    E(SIGEV_NONE),
    E(SIGEV_THREAD),
    E(SIGEV_THREAD_ID),
};
constexpr Entry kSiCodes[] = {
    E(SI_USER),    E(SI_KERNEL), E(SI_QUEUE), E(SI_TIMER),    E(SI_MESGQ),
    E(SI_ASYNCIO), E(SI_SIGIO),  E(SI_TKILL), E(SI_DETHREAD), E(SI_ASYNCNL),
};
constexpr Entry kSigchldCodes[] = {
    E(CLD_EXITED), E(CLD_KILLED), E(CLD_DUMPED), E(CLD_TRAPPED), E(CLD_STOPPED), E(CLD_CONTINUED),
};
constexpr Entry kSigsegvCodes[] = {
    E(SEGV_MAPERR),  E(SEGV_ACCERR),  E(SEGV_BNDERR),  E(SEGV_PKUERR),  E(SEGV_ACCADI),
    E(SEGV_ADIDERR), E(SEGV_ADIPERR), E(SEGV_MTEAERR), E(SEGV_MTESERR),
};
constexpr Entry kSigbusCodes[] = {
    E(BUS_ADRALN), E(BUS_ADRERR), E(BUS_OBJERR), E(BUS_MCEERR_AR), E(BUS_MCEERR_AO),
};
constexpr Entry kSigillCodes[] = {
    E(ILL_ILLOPC), E(ILL_ILLOPN), E(ILL_ILLADR), E(ILL_ILLTRP),   E(ILL_PRVOPC),
    E(ILL_PRVREG), E(ILL_COPROC), E(ILL_BADSTK), E(ILL_BADIADDR),
};
constexpr Entry kSigfpeCodes[] = {
    E(FPE_INTDIV), E(FPE_INTOVF), E(FPE_FLTDIV), E(FPE_FLTOVF), E(FPE_FLTUND),
    E(FPE_FLTRES), E(FPE_FLTINV), E(FPE_FLTSUB), E(FPE_FLTUNK), E(FPE_CONDTRAP),
};
constexpr Entry kSigtrapCodes[] = {
    E(TRAP_BRKPT), E(TRAP_TRACE), E(TRAP_BRANCH), E(TRAP_HWBKPT), E(TRAP_UNK), E(TRAP_PERF),
};
constexpr Entry kSigpollCodes[] = {
    E(POLL_IN), E(POLL_OUT), E(POLL_MSG), E(POLL_ERR), E(POLL_PRI), E(POLL_HUP),
};
constexpr Entry kSigsysCodes[] = {
    E(SYS_SECCOMP),
    E(SYS_USER_DISPATCH),
};

#undef E

}  // namespace

const Table sigaction_flags{kSigactionFlags, std::size(kSigactionFlags), "SA_???"};
const Table sigprocmask_how{kSigprocmaskHow, std::size(kSigprocmaskHow), "SIG_???"};
const Table sa_handler_values{kSaHandlerValues, std::size(kSaHandlerValues), nullptr};
const Table sigaltstack_flags{kSigaltstackFlags, std::size(kSigaltstackFlags), "SS_???"};
const Table sigev_notify{kSigevNotify, std::size(kSigevNotify), "SIGEV_???"};
const Table si_codes{kSiCodes, std::size(kSiCodes), nullptr};
const Table sigchld_codes{kSigchldCodes, std::size(kSigchldCodes), nullptr};
const Table sigsegv_codes{kSigsegvCodes, std::size(kSigsegvCodes), nullptr};
const Table sigbus_codes{kSigbusCodes, std::size(kSigbusCodes), nullptr};
const Table sigill_codes{kSigillCodes, std::size(kSigillCodes), nullptr};
const Table sigfpe_codes{kSigfpeCodes, std::size(kSigfpeCodes), nullptr};
const Table sigtrap_codes{kSigtrapCodes, std::size(kSigtrapCodes), nullptr};
const Table sigpoll_codes{kSigpollCodes, std::size(kSigpollCodes), nullptr};
const Table sigsys_codes{kSigsysCodes, std::size(kSigsysCodes), nullptr};

}  // namespace syscope::xlat

// SPDX-License-Identifier: MIT
// siginfo_t and signal masks as strace 6.1 prints them: the siginfo in
// "--- SIGCHLD {si_signo=SIGCHLD, ...} ---" lines and in rt_sigqueueinfo,
// waitid, rt_sigtimedwait, ptrace arguments; masks as "[CHLD TTOU]",
// "~[KILL STOP]".
#pragma once

#include <signal.h>

#include <string>

#include "format/printer.h"

namespace syscope {

// The siginfo as strace's printsiginfo prints it. `wordsize4`: the tracee is
// a 32-bit (i386) process, whose SIGSYS si_syscall numbers are not prefixed.
void print_siginfo(Printer& p, const siginfo_t& si, bool wordsize4 = false);

// A signal mask of `bytes` bytes (at most 8): "[]", "[HUP INT]", "~[KILL]"
// (inverted when at least 2/3 of the bits are set), per -X raw/verbose.
std::string sprint_sigmask(const FormatOptions& opt, const void* mask, unsigned bytes);

}  // namespace syscope

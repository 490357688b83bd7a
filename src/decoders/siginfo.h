// SPDX-License-Identifier: MIT
// siginfo_t as strace prints it in "--- SIGCHLD {si_signo=SIGCHLD, ...} ---"
// lines and in rt_sigqueueinfo/waitid arguments.
#pragma once

#include <signal.h>

#include "format/printer.h"

namespace syscope {

void print_siginfo(Printer& p, const siginfo_t& si);

}  // namespace syscope

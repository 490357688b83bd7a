// SPDX-License-Identifier: MIT
// The parts of families::process() defined outside process.cc.
#pragma once

#include <span>

#include "decoders/decoder.h"

namespace syscope::families {

std::span<const DecoderEntry> proc_ctl_table();    // proc_ctl.cc: prctl, arch_prctl, ptrace, ...
std::span<const DecoderEntry> proc_sched_table();  // proc_sched.cc: limits, priorities, sched_*
std::span<const DecoderEntry> proc_trace_table();  // proc_trace.cc: ptrace, seccomp
std::span<const DecoderEntry> proc_info_table();   // proc_info.cc: ids, groups, uname, sysinfo, times

// proc_trace.cc: a seccomp struct sock_fprog ({len=N, filter=...}), for
// seccomp(2) and prctl(PR_SET_SECCOMP).
void print_seccomp_fprog(Call& c, uint64_t addr);

}  // namespace syscope::families

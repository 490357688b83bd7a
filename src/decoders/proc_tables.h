// SPDX-License-Identifier: MIT
// The parts of families::process() defined outside process.cc.
#pragma once

#include <span>

#include "decoders/decoder.h"

namespace syscope::families {

std::span<const DecoderEntry> proc_ctl_table();    // proc_ctl.cc: prctl, arch_prctl, ptrace, ...
std::span<const DecoderEntry> proc_sched_table();  // proc_sched.cc: limits, priorities, sched_*

}  // namespace syscope::families

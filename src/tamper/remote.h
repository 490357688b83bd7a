// SPDX-License-Identifier: MIT
// Memory for argument rewriting: where a new path string can be written in a
// tracee, and the injected mmap that creates a scratch page when the stack
// cannot be used.
#pragma once

#include <sys/types.h>

#include <cstdint>

#include "syscope/error.h"
#include "syscope/tracer.h"

namespace syscope::tamper {

// The [stack] mapping of a process (the main thread's stack), from
// /proc/TID/maps. {0, 0} if there is none.
struct Range {
  uint64_t lo = 0, hi = 0;
  bool contains(uint64_t a) const { return a >= lo && a < hi; }
};
Range main_stack_of(pid_t tid);

// Runs mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1,
// 0) in a tracee that sits at a syscall-entry stop (or seccomp stop), then
// lets it re-execute its syscall instruction so that it is back at the entry
// stop of the same call with the same registers. Signals are blocked in the
// tracee meanwhile (PTRACE_SETSIGMASK), so no handler runs in between; a
// SIGSTOP that arrives is re-sent with the next resumption. Invisible to
// observers. A wait status that is not part of the dance (the tracee died) is
// handed back to the engine with Tracer::requeue_status.
Result<uint64_t> remote_mmap_page(Tracer& tracer, Tracee& t, Abi abi);

}  // namespace syscope::tamper

// SPDX-License-Identifier: MIT
// Every decoder family; registry.cc merges them into per-ABI lookup arrays.
// A family is one .cc file exporting its table through one of these.
#pragma once

#include <span>

#include "decoders/decoder.h"

namespace syscope::families {

std::span<const DecoderEntry> file();     // file.cc: path-based file operations
std::span<const DecoderEntry> stat();     // stat.cc: stat family, statx, statfs
std::span<const DecoderEntry> io();       // io.cc: read/write family, dup, pipe, fcntl, getdents
std::span<const DecoderEntry> ioctl();    // ioctl.cc
std::span<const DecoderEntry> memory();   // memory.cc: mmap family, brk
std::span<const DecoderEntry> process();  // process.cc: clone, exec, wait, ids, limits, prctl
std::span<const DecoderEntry> signal();   // signal.cc: rt_sig*, kill family
std::span<const DecoderEntry> net();      // net.cc: sockets
std::span<const DecoderEntry> time();     // time.cc: sleeps, clocks, timers
std::span<const DecoderEntry> poll();     // poll.cc: poll/select/epoll
std::span<const DecoderEntry> sync();     // sync.cc: futex, robust lists, rseq, membarrier
std::span<const DecoderEntry> ipc();      // ipc.cc: SysV IPC, mqueues
std::span<const DecoderEntry> misc();     // misc.cc: everything else

}  // namespace syscope::families

// SPDX-License-Identifier: MIT
// Small /proc readers the engine needs.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "syscope/tracer.h"

namespace syscope::proc {

// Tgid from /proc/TID/status; the tid itself if unreadable.
pid_t tgid_of(pid_t tid);
// Thread ids of a process (/proc/PID/task), empty if it does not exist.
std::vector<pid_t> threads_of(pid_t pid);
// Whether the clone the tracee is in creates a thread (CLONE_THREAD in
// clone's flags or clone3's clone_args.flags).
bool clone_makes_thread(Tracee& t);
// The syscall a thread is blocked in (first field of /proc/TID/syscall), -1
// if it is running or unknown.
long current_syscall(pid_t tid);
// readlink(/proc/TID/fd/FD) ("" on failure); fd == AT_FDCWD gives the cwd.
std::string fd_path(pid_t tid, int fd);

}  // namespace syscope::proc

// SPDX-License-Identifier: MIT
// The seccomp-bpf program that makes untraced syscalls run at full speed: a
// syscall in the traced set (and execve/execveat with trace_exec) returns
// SECCOMP_RET_TRACE and stops the tracee; any other returns SECCOMP_RET_ALLOW
// and never stops. Loaded by Tracer::spawn in the started command just before
// its execve (TracerOptions::seccomp_program).
#pragma once

#include <linux/filter.h>

#include <cstdint>
#include <span>
#include <vector>

#include "syscalls/syscall_set.h"
#include "syscope/error.h"

namespace syscope {

// Builds the program with libseccomp for the x86_64 and i386 ABIs.
// - Numbers outside the syscall table (unknown syscalls, x32's
//   0x40000000 range, -1) are traced, as strace traces them whatever the set.
// - Any other architecture is traced (the printer shows what it can).
// - An i386 syscall whose name libseccomp does not map to the same number,
//   and the i386 socket/ipc calls that libseccomp would multiplex through
//   socketcall/ipc, are traced, never allowed: the program may stop more
//   often than needed, never less.
// Errors: libseccomp failures and programs over BPF_MAXINSNS (the caller then
// traces without a filter, with the same output).
// trace_exec: also stop at execve/execveat whatever the set (strace always
// does). The engine does not need it: PTRACE_EVENT_EXEC ends the started
// command's hidden start-up, and skipping it saves two stops per exec.
Result<std::vector<sock_filter>> build_seccomp_filter(const SyscallSet& traced, bool trace_exec = true);

// Runs a classic BPF seccomp program on one syscall (a small interpreter for
// the instructions libseccomp emits, for tests and -d style debugging).
// Returns the SECCOMP_RET_* action with its data, or 0xffffffff if the
// program uses an instruction the interpreter does not know or is malformed.
uint32_t run_seccomp_filter(std::span<const sock_filter> prog, uint32_t arch, int32_t nr,
                            const uint64_t args[6] = nullptr);

}  // namespace syscope

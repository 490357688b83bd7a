// SPDX-License-Identifier: MIT
// System V and POSIX IPC constants.
// Names and their order follow strace 6.1 (its src/xlat/*.in lists); values come
// from the Linux uapi headers, or are literals where those headers lack the name.
// Only uapi headers here: glibc's own headers clash with them.
#include <linux/fcntl.h>
#include <linux/ipc.h>
#include <linux/msg.h>
#include <linux/sem.h>
#include <linux/shm.h>

#include "syscalls/xlat/tables.h"

namespace syscope::xlat {
namespace {

// clang-format off
#define E(name) Entry{static_cast<uint64_t>(name), #name}
// clang-format on

constexpr Entry kIpcFlags[] = {
    E(IPC_CREAT),
    E(IPC_EXCL),
    E(IPC_NOWAIT),
};
constexpr Entry kShmResourceFlags[] = {
    E(IPC_CREAT),
    E(IPC_EXCL),
    E(SHM_HUGETLB),
    E(SHM_NORESERVE),
};
constexpr Entry kShmFlags[] = {
    E(SHM_RDONLY),
    E(SHM_RND),
    E(SHM_REMAP),
    E(SHM_EXEC),
};
constexpr Entry kShmctlCmds[] = {
    E(IPC_RMID),   E(IPC_SET),  E(IPC_STAT), E(IPC_INFO),     E(SHM_LOCK),
    E(SHM_UNLOCK), E(SHM_STAT), E(SHM_INFO), E(SHM_STAT_ANY),
};
constexpr Entry kSemctlCmds[] = {
    E(IPC_RMID), E(IPC_SET), E(IPC_STAT), E(IPC_INFO), E(GETPID),   E(GETVAL),   E(GETALL),
    E(GETNCNT),  E(GETZCNT), E(SETVAL),   E(SETALL),   E(SEM_STAT), E(SEM_INFO), E(SEM_STAT_ANY),
};
constexpr Entry kMsgctlCmds[] = {
    E(IPC_RMID), E(IPC_SET), E(IPC_STAT), E(IPC_INFO), E(MSG_STAT), E(MSG_INFO), E(MSG_STAT_ANY),
};
constexpr Entry kSemopFlags[] = {
    E(SEM_UNDO),
    E(IPC_NOWAIT),
};
constexpr Entry kIpcMsgFlags[] = {
    E(MSG_NOERROR),
    E(MSG_EXCEPT),
    E(MSG_COPY),
    E(IPC_NOWAIT),
};
constexpr Entry kMqFlags[] = {
    E(O_NONBLOCK),
};
constexpr Entry kIpcPrivate[] = {
    E(IPC_PRIVATE),
};
constexpr Entry kIpcCmdFlags[] = {
    E(IPC_64),
};
constexpr Entry kIpcCalls[] = {
    E(SEMOP),  E(SEMGET), E(SEMCTL), E(SEMTIMEDOP), E(MSGSND), E(MSGRCV),
    E(MSGGET), E(MSGCTL), E(SHMAT),  E(SHMDT),      E(SHMGET), E(SHMCTL),
};

#undef E

}  // namespace

const Table ipc_flags{kIpcFlags, std::size(kIpcFlags), "IPC_???"};
const Table shm_resource_flags{kShmResourceFlags, std::size(kShmResourceFlags), "SHM_???"};
const Table shm_flags{kShmFlags, std::size(kShmFlags), "SHM_???"};
const Table shmctl_cmds{kShmctlCmds, std::size(kShmctlCmds), "SHM_???"};
const Table semctl_cmds{kSemctlCmds, std::size(kSemctlCmds), "SEM_???"};
const Table msgctl_cmds{kMsgctlCmds, std::size(kMsgctlCmds), "MSG_???"};
const Table semop_flags{kSemopFlags, std::size(kSemopFlags), "SEM_???"};
const Table ipc_msg_flags{kIpcMsgFlags, std::size(kIpcMsgFlags), "MSG_???"};
const Table mq_flags{kMqFlags, std::size(kMqFlags), "O_???"};
const Table ipc_private{kIpcPrivate, std::size(kIpcPrivate), nullptr};
const Table ipc_cmd_flags{kIpcCmdFlags, std::size(kIpcCmdFlags), "IPC_???"};
const Table ipc_calls{kIpcCalls, std::size(kIpcCalls), "SEMOP???"};

}  // namespace syscope::xlat

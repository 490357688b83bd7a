// SPDX-License-Identifier: MIT
// Process and thread flag sets: clone(2), wait4(2), rlimits, scheduling, ...
// Names and their order follow strace 6.1 (its src/xlat/*.in lists); values come
// from the Linux uapi headers, or are literals where those headers lack the name.
// Only uapi headers here: glibc's own headers clash with them.
#include <asm/prctl.h>
#include <linux/capability.h>
#include <linux/fcntl.h>
#include <linux/ioprio.h>
#include <linux/kcmp.h>
#include <linux/personality.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/wait.h>

#include "syscalls/xlat/tables.h"

namespace syscope::xlat {
namespace {

// clang-format off
#define E(name) Entry{static_cast<uint64_t>(name), #name}
// clang-format on

constexpr Entry kCloneFlags[] = {
    E(CLONE_VM),
    E(CLONE_FS),
    E(CLONE_FILES),
    E(CLONE_SIGHAND),
    E(CLONE_PIDFD),
    E(CLONE_PTRACE),
    E(CLONE_VFORK),
    E(CLONE_PARENT),
    E(CLONE_THREAD),
    E(CLONE_NEWNS),
    E(CLONE_SYSVSEM),
    E(CLONE_SETTLS),
    E(CLONE_PARENT_SETTID),
    E(CLONE_CHILD_CLEARTID),
    E(CLONE_UNTRACED),
    E(CLONE_CHILD_SETTID),
    E(CLONE_NEWCGROUP),
    E(CLONE_NEWUTS),
    E(CLONE_NEWIPC),
    E(CLONE_NEWUSER),
    E(CLONE_NEWPID),
    E(CLONE_NEWNET),
    E(CLONE_IO),
};
constexpr Entry kClone3Flags[] = {
    E(CLONE_NEWTIME),
    E(CLONE_CLEAR_SIGHAND),
    E(CLONE_INTO_CGROUP),
};
constexpr Entry kUnshareFlags[] = {
    E(CLONE_NEWTIME), E(CLONE_VM),      E(CLONE_FS),      E(CLONE_FILES),     E(CLONE_SIGHAND),
    E(CLONE_THREAD),  E(CLONE_NEWNS),   E(CLONE_SYSVSEM), E(CLONE_NEWCGROUP), E(CLONE_NEWUTS),
    E(CLONE_NEWIPC),  E(CLONE_NEWUSER), E(CLONE_NEWPID),  E(CLONE_NEWNET),
};
constexpr Entry kSetnsTypes[] = {
    E(CLONE_NEWTIME), E(CLONE_NEWNS),   E(CLONE_NEWCGROUP), E(CLONE_NEWUTS),
    E(CLONE_NEWIPC),  E(CLONE_NEWUSER), E(CLONE_NEWPID),    E(CLONE_NEWNET),
};
constexpr Entry kWait4Options[] = {
    E(WNOHANG), E(WEXITED),  E(WSTOPPED), E(WCONTINUED),
    E(WNOWAIT), E(__WCLONE), E(__WALL),   E(__WNOTHREAD),
};
constexpr Entry kWaitidIdtypes[] = {
    E(P_ALL),
    E(P_PID),
    E(P_PGID),
    E(P_PIDFD),
};
constexpr Entry kRlimitResources[] = {
    E(RLIMIT_CPU),      E(RLIMIT_FSIZE), E(RLIMIT_DATA),   E(RLIMIT_STACK),
    E(RLIMIT_CORE),     E(RLIMIT_RSS),   E(RLIMIT_NPROC),  E(RLIMIT_NOFILE),
    E(RLIMIT_MEMLOCK),  E(RLIMIT_AS),    E(RLIMIT_LOCKS),  E(RLIMIT_SIGPENDING),
    E(RLIMIT_MSGQUEUE), E(RLIMIT_NICE),  E(RLIMIT_RTPRIO), E(RLIMIT_RTTIME),
};
constexpr Entry kRusageWho[] = {
    E(RUSAGE_SELF),
    E(RUSAGE_CHILDREN),
    E(RUSAGE_BOTH),
    E(RUSAGE_THREAD),
};
constexpr Entry kPriorityWhich[] = {
    E(PRIO_PROCESS),
    E(PRIO_PGRP),
    E(PRIO_USER),
};
constexpr Entry kSchedPolicies[] = {
    Entry{0, "SCHED_OTHER"}, E(SCHED_FIFO), E(SCHED_RR),       E(SCHED_BATCH),
    Entry{4, "SCHED_ISO"},   E(SCHED_IDLE), E(SCHED_DEADLINE),
};
constexpr Entry kSchedFlags[] = {
    E(SCHED_FLAG_RESET_ON_FORK),  E(SCHED_FLAG_RECLAIM),     E(SCHED_FLAG_DL_OVERRUN),
    E(SCHED_FLAG_KEEP_POLICY),    E(SCHED_FLAG_KEEP_PARAMS), E(SCHED_FLAG_UTIL_CLAMP_MIN),
    E(SCHED_FLAG_UTIL_CLAMP_MAX),
};
constexpr Entry kArchPrctlCodes[] = {
    E(ARCH_SET_GS),
    E(ARCH_SET_FS),
    E(ARCH_GET_FS),
    E(ARCH_GET_GS),
    E(ARCH_GET_CPUID),
    E(ARCH_SET_CPUID),
    E(ARCH_GET_XCOMP_SUPP),
    E(ARCH_GET_XCOMP_PERM),
    E(ARCH_REQ_XCOMP_PERM),
    E(ARCH_GET_XCOMP_GUEST_PERM),
    E(ARCH_REQ_XCOMP_GUEST_PERM),
    E(ARCH_MAP_VDSO_X32),
    E(ARCH_MAP_VDSO_32),
    E(ARCH_MAP_VDSO_64),
};
constexpr Entry kPersonalityTypes[] = {
    E(PER_LINUX),   E(PER_LINUX_32BIT), E(PER_LINUX_FDPIC), E(PER_SVR4),        E(PER_SVR3),
    E(PER_SCOSVR3), E(PER_OSR5),        E(PER_WYSEV386),    E(PER_ISCR4),       E(PER_BSD),
    E(PER_SUNOS),   E(PER_XENIX),       E(PER_LINUX32),     E(PER_LINUX32_3GB), E(PER_IRIX32),
    E(PER_IRIXN32), E(PER_IRIX64),      E(PER_RISCOS),      E(PER_SOLARIS),     E(PER_UW7),
    E(PER_OSF4),    E(PER_HPUX),        E(PER_MASK),
};
constexpr Entry kPersonalityFlags[] = {
    E(UNAME26),          E(ADDR_NO_RANDOMIZE),  E(FDPIC_FUNCPTRS),
    E(MMAP_PAGE_ZERO),   E(ADDR_COMPAT_LAYOUT), E(READ_IMPLIES_EXEC),
    E(ADDR_LIMIT_32BIT), E(SHORT_INODE),        E(WHOLE_SECONDS),
    E(STICKY_TIMEOUTS),  E(ADDR_LIMIT_3GB),
};
constexpr Entry kPidfdOpenFlags[] = {
    Entry{0x800, "PIDFD_NONBLOCK"},
};
constexpr Entry kKcmpTypes[] = {
    E(KCMP_FILE),    E(KCMP_VM), E(KCMP_FILES),   E(KCMP_FS),
    E(KCMP_SIGHAND), E(KCMP_IO), E(KCMP_SYSVSEM), E(KCMP_EPOLL_TFD),
};
constexpr Entry kIoprioClasses[] = {
    E(IOPRIO_CLASS_NONE),
    E(IOPRIO_CLASS_RT),
    E(IOPRIO_CLASS_BE),
    E(IOPRIO_CLASS_IDLE),
};
constexpr Entry kIoprioWho[] = {
    E(IOPRIO_WHO_PROCESS),
    E(IOPRIO_WHO_PGRP),
    E(IOPRIO_WHO_USER),
};
constexpr Entry kCapVersions[] = {
    E(_LINUX_CAPABILITY_VERSION_1),
    E(_LINUX_CAPABILITY_VERSION_2),
    E(_LINUX_CAPABILITY_VERSION_3),
};
constexpr Entry kCapabilities[] = {
    E(CAP_CHOWN),
    E(CAP_DAC_OVERRIDE),
    E(CAP_DAC_READ_SEARCH),
    E(CAP_FOWNER),
    E(CAP_FSETID),
    E(CAP_KILL),
    E(CAP_SETGID),
    E(CAP_SETUID),
    E(CAP_SETPCAP),
    E(CAP_LINUX_IMMUTABLE),
    E(CAP_NET_BIND_SERVICE),
    E(CAP_NET_BROADCAST),
    E(CAP_NET_ADMIN),
    E(CAP_NET_RAW),
    E(CAP_IPC_LOCK),
    E(CAP_IPC_OWNER),
    E(CAP_SYS_MODULE),
    E(CAP_SYS_RAWIO),
    E(CAP_SYS_CHROOT),
    E(CAP_SYS_PTRACE),
    E(CAP_SYS_PACCT),
    E(CAP_SYS_ADMIN),
    E(CAP_SYS_BOOT),
    E(CAP_SYS_NICE),
    E(CAP_SYS_RESOURCE),
    E(CAP_SYS_TIME),
    E(CAP_SYS_TTY_CONFIG),
    E(CAP_MKNOD),
    E(CAP_LEASE),
    E(CAP_AUDIT_WRITE),
    E(CAP_AUDIT_CONTROL),
    E(CAP_SETFCAP),
    E(CAP_MAC_OVERRIDE),
    E(CAP_MAC_ADMIN),
    E(CAP_SYSLOG),
    E(CAP_WAKE_ALARM),
    E(CAP_BLOCK_SUSPEND),
    E(CAP_AUDIT_READ),
    E(CAP_PERFMON),
    E(CAP_BPF),
    E(CAP_CHECKPOINT_RESTORE),
};

#undef E

}  // namespace

const Table clone_flags{kCloneFlags, std::size(kCloneFlags), "CLONE_???"};
const Table clone3_flags{kClone3Flags, std::size(kClone3Flags), "CLONE_???"};
const Table unshare_flags{kUnshareFlags, std::size(kUnshareFlags), "CLONE_???"};
const Table setns_types{kSetnsTypes, std::size(kSetnsTypes), "CLONE_NEW???"};
const Table wait4_options{kWait4Options, std::size(kWait4Options), "W???"};
const Table waitid_idtypes{kWaitidIdtypes, std::size(kWaitidIdtypes), "P_???"};
const Table rlimit_resources{kRlimitResources, std::size(kRlimitResources), "RLIMIT_???"};
const Table rusage_who{kRusageWho, std::size(kRusageWho), "RUSAGE_???"};
const Table priority_which{kPriorityWhich, std::size(kPriorityWhich), "PRIO_???"};
const Table sched_policies{kSchedPolicies, std::size(kSchedPolicies), "SCHED_???"};
const Table sched_flags{kSchedFlags, std::size(kSchedFlags), "SCHED_FLAG_???"};
const Table arch_prctl_codes{kArchPrctlCodes, std::size(kArchPrctlCodes), "ARCH_???"};
const Table personality_types{kPersonalityTypes, std::size(kPersonalityTypes), "PER_???"};
const Table personality_flags{kPersonalityFlags, std::size(kPersonalityFlags), nullptr};
const Table pidfd_open_flags{kPidfdOpenFlags, std::size(kPidfdOpenFlags), "PIDFD_???"};
const Table kcmp_types{kKcmpTypes, std::size(kKcmpTypes), "KCMP_???"};
const Table ioprio_classes{kIoprioClasses, std::size(kIoprioClasses), "IOPRIO_CLASS_???"};
const Table ioprio_who{kIoprioWho, std::size(kIoprioWho), "IOPRIO_WHO_???"};
const Table cap_versions{kCapVersions, std::size(kCapVersions), "_LINUX_CAPABILITY_VERSION_???"};
const Table capabilities{kCapabilities, std::size(kCapabilities), "CAP_???"};

}  // namespace syscope::xlat

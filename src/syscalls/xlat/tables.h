// SPDX-License-Identifier: MIT
// Declarations of every xlat table; definitions live in one .cc per family.
//
// Entries are in the order strace 6.1 prints them. Flag sets ("flags") are printed
// by walking the entries in order: an entry matches when all its bits are set in the
// remaining value, and its bits are then removed (so multi-bit entries listed first,
// e.g. O_SYNC before O_DSYNC, win). A zero-valued entry (F_OK, PROT_NONE, MAP_FILE)
// is printed only when the whole value is 0. Value sets ("enum") match exactly; the
// first entry wins when two share a value. Negative constants (si_code, RUSAGE_*,
// KEY_SPEC_*) are stored sign-extended to 64 bits: look up int arguments as
// static_cast<uint64_t>(static_cast<int64_t>(int_value)).
//
// The family .cc files include only uapi headers (<linux/*>, <asm/*>), which clash
// with glibc's: keep syscalls/xlat.h free of <string>, <iterator> and the like.
#pragma once

#include "syscalls/xlat.h"

namespace syscope::xlat {

// fs.cc: File and file-descriptor flag sets: open(2), *at(2), fcntl(2), stat(2), xattr, ...
// open_flags: flags; open/openat/pipe2/dup3/F_SETFL flags without the O_ACCMODE bits
extern const Table open_flags;
// open_access_modes: enum; flags & O_ACCMODE: O_RDONLY, O_WRONLY, O_RDWR, O_ACCMODE (3)
extern const Table open_access_modes;
// at_flags: flags; AT_SYMLINK_NOFOLLOW|AT_REMOVEDIR|... (newfstatat, unlinkat, linkat, fchownat,
//   ...)
extern const Table at_flags;
// at_statx_sync_types: flags; statx flags & AT_STATX_SYNC_TYPE, printed before at_flags
extern const Table at_statx_sync_types;
extern const Table faccessat_flags;  // flags; faccessat2 flags
extern const Table access_modes;     // flags; F_OK (0), R_OK, W_OK, X_OK
// fcntl_cmds: enum; F_GETLK64..F_SETLKW64 use the 32-bit values 12..14, as strace does
extern const Table fcntl_cmds;
extern const Table fd_flags;     // flags; FD_CLOEXEC
extern const Table seek_whence;  // enum
extern const Table file_modes;   // enum; mode & S_IFMT: S_IFREG, S_IFSOCK, ...
// mode_bits: flags; printed between the type and the octal permissions (mknod, st_mode)
extern const Table mode_bits;
extern const Table statx_masks;              // flags
extern const Table statx_attrs;              // flags
extern const Table rename_flags;             // flags
extern const Table xattr_flags;              // flags
extern const Table falloc_flags;             // flags
extern const Table splice_flags;             // flags
extern const Table sync_file_range_flags;    // flags
extern const Table close_range_flags;        // flags
extern const Table open_resolve_flags;       // flags; open_how.resolve (openat2)
extern const Table f_seals;                  // flags
extern const Table flock_cmds;               // flags
extern const Table lock_types;               // enum; struct flock l_type, F_SETLEASE arg
extern const Table dnotify_flags;            // flags; F_NOTIFY
extern const Table f_owner_types;            // enum
extern const Table statfs_flags;             // flags; struct statfs f_flags
extern const Table name_to_handle_at_flags;  // flags
extern const Table rwf_flags;                // flags; preadv2/pwritev2 flags
extern const Table dirent_types;             // enum; getdents64 d_type
extern const Table utime_special;            // enum; special tv_nsec values (utimensat)

// fsmagic.cc: statfs(2) f_type magic numbers.
extern const Table fs_magic;  // enum; statfs f_type

// mm.cc: Memory management flag sets: mmap(2), madvise(2), mremap(2), NUMA, ...
extern const Table prot_flags;  // flags; PROT_NONE (0), PROT_READ, ...
extern const Table mmap_types;  // enum; flags & MAP_TYPE (0xf); 0 is MAP_FILE
// mmap_flags: flags; flags & ~MAP_TYPE, printed after mmap_types only if nonzero; bits 26..31 are
//   printed as N<<MAP_HUGE_SHIFT
extern const Table mmap_flags;
extern const Table madvise_advice;       // enum
extern const Table mremap_flags;         // flags
extern const Table msync_flags;          // flags
extern const Table mlock_flags;          // flags
extern const Table mlockall_flags;       // flags
extern const Table memfd_flags;          // flags; memfd_create; bits 26..31 are N<<MFD_HUGE_SHIFT
extern const Table memfd_secret_flags;   // flags
extern const Table membarrier_cmds;      // enum
extern const Table membarrier_flags;     // flags
extern const Table mpol_modes;           // enum
extern const Table mpol_mode_flags;      // flags
extern const Table get_mempolicy_flags;  // flags
extern const Table mbind_flags;          // flags
extern const Table move_pages_flags;     // flags
extern const Table pkey_access;          // flags
extern const Table fadvise_advice;       // enum
extern const Table swap_flags;           // flags

// process.cc: Process and thread flag sets: clone(2), wait4(2), rlimits, scheduling, ...
extern const Table clone_flags;  // flags; low byte of clone() flags is the exit signal
// clone3_flags: flags; clone3-only flags, applied after clone_flags to the same 64-bit value
extern const Table clone3_flags;
extern const Table unshare_flags;     // flags
extern const Table setns_types;       // flags
extern const Table wait4_options;     // flags; WUNTRACED == WSTOPPED prints as WSTOPPED
extern const Table waitid_idtypes;    // enum
extern const Table rlimit_resources;  // enum
extern const Table rusage_who;        // enum; negative values sign-extended
extern const Table priority_which;    // enum
// sched_policies: enum; policy & ~SCHED_RESET_ON_FORK; SCHED_RESET_ON_FORK printed after |
extern const Table sched_policies;
extern const Table sched_flags;        // flags; sched_attr.sched_flags
extern const Table arch_prctl_codes;   // enum
extern const Table personality_types;  // enum; persona & PER_MASK
extern const Table personality_flags;  // flags
extern const Table pidfd_open_flags;   // flags
extern const Table kcmp_types;         // enum
extern const Table ioprio_classes;     // enum
extern const Table ioprio_who;         // enum
extern const Table cap_versions;       // enum
extern const Table capabilities;       // enum; capability bit numbers

// prctl.cc: prctl(2), ptrace(2), seccomp(2) and other process-control constants.
extern const Table prctl_options;         // enum
extern const Table ptrace_cmds;           // enum
extern const Table ptrace_events;         // enum
extern const Table ptrace_options;        // flags
extern const Table seccomp_ops;           // enum
extern const Table seccomp_filter_flags;  // flags
extern const Table seccomp_modes;         // enum
extern const Table syslog_actions;        // enum
extern const Table reboot_magic1;         // enum
extern const Table reboot_magic2;         // enum
extern const Table reboot_cmds;           // enum
extern const Table kexec_load_flags;      // flags
extern const Table kexec_arch_values;     // enum; kexec_load flags & KEXEC_ARCH_MASK, printed first
extern const Table kexec_file_load_flags;  // flags
extern const Table module_init_flags;      // flags
extern const Table delete_module_flags;    // flags
extern const Table secbits;                // flags

// signal.cc: Signal-related constants: sigaction(2) flags, sigprocmask(2), si_code per signal.
extern const Table sigaction_flags;    // flags
extern const Table sigprocmask_how;    // enum
extern const Table sa_handler_values;  // enum
extern const Table sigaltstack_flags;  // flags
extern const Table sigev_notify;       // enum
// si_codes: enum; generic si_code values (SI_USER, SI_KERNEL, SI_QUEUE, ...); sign-extended
extern const Table si_codes;
extern const Table sigchld_codes;  // enum
extern const Table sigsegv_codes;  // enum
extern const Table sigbus_codes;   // enum
extern const Table sigill_codes;   // enum
extern const Table sigfpe_codes;   // enum
extern const Table sigtrap_codes;  // enum
extern const Table sigpoll_codes;  // enum
extern const Table sigsys_codes;   // enum

// net.cc: Socket constants: address families, socket types, levels, options, MSG_* flags.
extern const Table address_families;   // enum
extern const Table socket_types;       // enum; type & 0xf
extern const Table socket_type_flags;  // flags
extern const Table ip_protocols;       // enum
extern const Table netlink_protocols;  // enum
extern const Table socket_levels;      // enum
extern const Table socket_options;     // enum; SOL_SOCKET options
// getsock_options: enum; getsockopt-only SOL_SOCKET names, looked up before socket_options
extern const Table getsock_options;
// setsock_options: enum; setsockopt-only SOL_SOCKET names, looked up before socket_options
extern const Table setsock_options;
extern const Table ip_options;  // enum
// getsock_ip_options: enum; getsockopt-only SOL_IP names (netfilter), looked up before ip_options
extern const Table getsock_ip_options;
// setsock_ip_options: enum; setsockopt-only SOL_IP names (netfilter), looked up before ip_options
extern const Table setsock_ip_options;
extern const Table ipv6_options;  // enum
// getsock_ipv6_options: enum; getsockopt-only SOL_IPV6 names, looked up before ipv6_options
extern const Table getsock_ipv6_options;
// setsock_ipv6_options: enum; setsockopt-only SOL_IPV6 names, looked up before ipv6_options
extern const Table setsock_ipv6_options;
extern const Table tcp_options;      // enum
extern const Table udp_options;      // enum
extern const Table netlink_options;  // enum
extern const Table packet_options;   // enum
extern const Table msg_flags;        // flags
extern const Table shutdown_modes;   // enum
extern const Table scm_types;        // enum; cmsg_type for SOL_SOCKET

// events.cc: Event and wait primitives: poll, epoll, eventfd, signalfd, timerfd, inotify, fanotify,
//   futex.
extern const Table poll_events;          // flags
extern const Table epoll_events;         // flags
extern const Table epoll_ctl_ops;        // enum
extern const Table epoll_create1_flags;  // flags
extern const Table eventfd_flags;        // flags
extern const Table signalfd_flags;       // flags
// timerfd_flags: flags; timerfd_create and timerfd_settime flags (one list in strace)
extern const Table timerfd_flags;
extern const Table inotify_events;      // flags
extern const Table inotify_init_flags;  // flags
extern const Table fan_init_flags;   // flags; flags & ~FAN_ALL_CLASS_BITS; the class is fan_classes
extern const Table fan_classes;      // enum
extern const Table fan_event_flags;  // flags
extern const Table fan_mark_flags;   // flags
// futex_ops: enum; the whole op: FUTEX_WAIT_PRIVATE, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME
extern const Table futex_ops;
extern const Table futex_wake_ops;   // enum
extern const Table futex_wake_cmps;  // enum

// time.cc: Clocks and timers.
extern const Table clock_ids;        // enum
extern const Table timer_flags;      // flags; TIMER_ABSTIME
extern const Table itimer_which;     // enum
extern const Table adjtimex_modes;   // flags
extern const Table adjtimex_status;  // flags
extern const Table adjtimex_state;   // enum

// ipc.cc: System V and POSIX IPC constants.
extern const Table ipc_flags;           // flags; IPC_CREAT|IPC_EXCL|IPC_NOWAIT
extern const Table shm_resource_flags;  // flags; shmget flags
extern const Table shm_flags;           // flags; shmat flags
extern const Table shmctl_cmds;         // enum
extern const Table semctl_cmds;         // enum
extern const Table msgctl_cmds;         // enum
extern const Table semop_flags;         // flags
extern const Table ipc_msg_flags;       // flags; msgsnd/msgrcv flags
extern const Table mq_flags;            // flags; mq_attr.mq_flags
extern const Table ipc_private;         // enum; IPC_PRIVATE key
// ipc_cmd_flags: flags; the IPC_64 bit of *ctl commands, printed first: IPC_64|IPC_STAT
extern const Table ipc_cmd_flags;
extern const Table ipc_calls;  // enum; ipc(2) call numbers (i386)

// mount.cc: mount(2), umount2(2) and the new mount API.
extern const Table mount_flags;          // flags
extern const Table umount_flags;         // flags
extern const Table mount_setattr_flags;  // flags
extern const Table mount_attr_flags;     // flags
extern const Table mount_propagation;    // enum; mount_attr.propagation
extern const Table open_tree_flags;      // flags
extern const Table fsopen_flags;         // flags
extern const Table fsmount_flags;        // flags
extern const Table fsmount_attr_flags;   // flags
extern const Table move_mount_flags;     // flags
extern const Table fspick_flags;         // flags
extern const Table fsconfig_cmds;        // enum

// misc.cc: Miscellaneous: getrandom, keyctl, bpf, io_uring, landlock, perf, userfaultfd.
extern const Table getrandom_flags;                // flags
extern const Table keyctl_cmds;                    // enum
extern const Table key_specs;                      // enum; special key serials; sign-extended
extern const Table bpf_cmds;                       // enum
extern const Table io_uring_setup_flags;           // flags
extern const Table io_uring_enter_flags;           // flags
extern const Table io_uring_register_opcodes;      // enum
extern const Table landlock_create_ruleset_flags;  // flags
extern const Table landlock_rule_types;            // enum
extern const Table landlock_access_fs;             // flags
extern const Table perf_event_open_flags;          // flags
extern const Table uffd_flags;                     // flags; userfaultfd(2) flags
extern const Table aio_cmds;                       // enum

// ioctl.cc: ioctl request names (x86_64 codes) and tty ioctl arguments.
// ioctl_cmds: enum; full request codes; a code may carry several names (print them joined by " or
//   ", in table order)
extern const Table ioctl_cmds;
extern const Table tcflsh_args;           // enum; TCFLSH argument
extern const Table tcxonc_args;           // enum; TCXONC argument
extern const Table tty_line_disciplines;  // enum

}  // namespace syscope::xlat

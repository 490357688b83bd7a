// SPDX-License-Identifier: MIT
// Checks of the constant tables: errno and signal names, and the xlat tables
// (values, the order strace prints flags in, no duplicate names).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>

#include "syscalls/errno_names.h"
#include "syscalls/signal_names.h"
#include "syscalls/xlat/tables.h"

namespace syscope::xlat {
namespace {

struct NamedTable {
  const char* name;
  const Table* table;
  bool flags;
};

const NamedTable kAll[] = {
    {"open_flags", &open_flags, true},
    {"open_access_modes", &open_access_modes, false},
    {"at_flags", &at_flags, true},
    {"at_statx_sync_types", &at_statx_sync_types, true},
    {"faccessat_flags", &faccessat_flags, true},
    {"access_modes", &access_modes, true},
    {"fcntl_cmds", &fcntl_cmds, false},
    {"fd_flags", &fd_flags, true},
    {"seek_whence", &seek_whence, false},
    {"file_modes", &file_modes, false},
    {"mode_bits", &mode_bits, true},
    {"statx_masks", &statx_masks, true},
    {"statx_attrs", &statx_attrs, true},
    {"rename_flags", &rename_flags, true},
    {"xattr_flags", &xattr_flags, true},
    {"falloc_flags", &falloc_flags, true},
    {"splice_flags", &splice_flags, true},
    {"sync_file_range_flags", &sync_file_range_flags, true},
    {"close_range_flags", &close_range_flags, true},
    {"open_resolve_flags", &open_resolve_flags, true},
    {"f_seals", &f_seals, true},
    {"flock_cmds", &flock_cmds, true},
    {"lock_types", &lock_types, false},
    {"dnotify_flags", &dnotify_flags, true},
    {"f_owner_types", &f_owner_types, false},
    {"statfs_flags", &statfs_flags, true},
    {"name_to_handle_at_flags", &name_to_handle_at_flags, true},
    {"rwf_flags", &rwf_flags, true},
    {"dirent_types", &dirent_types, false},
    {"utime_special", &utime_special, false},
    {"fs_magic", &fs_magic, false},
    {"prot_flags", &prot_flags, true},
    {"mmap_types", &mmap_types, false},
    {"mmap_flags", &mmap_flags, true},
    {"madvise_advice", &madvise_advice, false},
    {"mremap_flags", &mremap_flags, true},
    {"msync_flags", &msync_flags, true},
    {"mlock_flags", &mlock_flags, true},
    {"mlockall_flags", &mlockall_flags, true},
    {"memfd_flags", &memfd_flags, true},
    {"memfd_secret_flags", &memfd_secret_flags, true},
    {"membarrier_cmds", &membarrier_cmds, false},
    {"membarrier_flags", &membarrier_flags, true},
    {"mpol_modes", &mpol_modes, false},
    {"mpol_mode_flags", &mpol_mode_flags, true},
    {"get_mempolicy_flags", &get_mempolicy_flags, true},
    {"mbind_flags", &mbind_flags, true},
    {"move_pages_flags", &move_pages_flags, true},
    {"pkey_access", &pkey_access, true},
    {"fadvise_advice", &fadvise_advice, false},
    {"swap_flags", &swap_flags, true},
    {"clone_flags", &clone_flags, true},
    {"clone3_flags", &clone3_flags, true},
    {"unshare_flags", &unshare_flags, true},
    {"setns_types", &setns_types, true},
    {"wait4_options", &wait4_options, true},
    {"waitid_idtypes", &waitid_idtypes, false},
    {"rlimit_resources", &rlimit_resources, false},
    {"rusage_who", &rusage_who, false},
    {"priority_which", &priority_which, false},
    {"sched_policies", &sched_policies, false},
    {"sched_flags", &sched_flags, true},
    {"arch_prctl_codes", &arch_prctl_codes, false},
    {"personality_types", &personality_types, false},
    {"personality_flags", &personality_flags, true},
    {"pidfd_open_flags", &pidfd_open_flags, true},
    {"kcmp_types", &kcmp_types, false},
    {"ioprio_classes", &ioprio_classes, false},
    {"ioprio_who", &ioprio_who, false},
    {"cap_versions", &cap_versions, false},
    {"capabilities", &capabilities, false},
    {"prctl_options", &prctl_options, false},
    {"ptrace_cmds", &ptrace_cmds, false},
    {"ptrace_events", &ptrace_events, false},
    {"ptrace_options", &ptrace_options, true},
    {"seccomp_ops", &seccomp_ops, false},
    {"seccomp_filter_flags", &seccomp_filter_flags, true},
    {"seccomp_modes", &seccomp_modes, false},
    {"syslog_actions", &syslog_actions, false},
    {"reboot_magic1", &reboot_magic1, false},
    {"reboot_magic2", &reboot_magic2, false},
    {"reboot_cmds", &reboot_cmds, false},
    {"kexec_load_flags", &kexec_load_flags, true},
    {"kexec_arch_values", &kexec_arch_values, false},
    {"kexec_file_load_flags", &kexec_file_load_flags, true},
    {"module_init_flags", &module_init_flags, true},
    {"delete_module_flags", &delete_module_flags, true},
    {"secbits", &secbits, true},
    {"sigaction_flags", &sigaction_flags, true},
    {"sigprocmask_how", &sigprocmask_how, false},
    {"sa_handler_values", &sa_handler_values, false},
    {"sigaltstack_flags", &sigaltstack_flags, true},
    {"sigev_notify", &sigev_notify, false},
    {"si_codes", &si_codes, false},
    {"sigchld_codes", &sigchld_codes, false},
    {"sigsegv_codes", &sigsegv_codes, false},
    {"sigbus_codes", &sigbus_codes, false},
    {"sigill_codes", &sigill_codes, false},
    {"sigfpe_codes", &sigfpe_codes, false},
    {"sigtrap_codes", &sigtrap_codes, false},
    {"sigpoll_codes", &sigpoll_codes, false},
    {"sigsys_codes", &sigsys_codes, false},
    {"address_families", &address_families, false},
    {"socket_types", &socket_types, false},
    {"socket_type_flags", &socket_type_flags, true},
    {"ip_protocols", &ip_protocols, false},
    {"netlink_protocols", &netlink_protocols, false},
    {"socket_levels", &socket_levels, false},
    {"socket_options", &socket_options, false},
    {"getsock_options", &getsock_options, false},
    {"setsock_options", &setsock_options, false},
    {"ip_options", &ip_options, false},
    {"getsock_ip_options", &getsock_ip_options, false},
    {"setsock_ip_options", &setsock_ip_options, false},
    {"ipv6_options", &ipv6_options, false},
    {"getsock_ipv6_options", &getsock_ipv6_options, false},
    {"setsock_ipv6_options", &setsock_ipv6_options, false},
    {"tcp_options", &tcp_options, false},
    {"udp_options", &udp_options, false},
    {"netlink_options", &netlink_options, false},
    {"packet_options", &packet_options, false},
    {"msg_flags", &msg_flags, true},
    {"shutdown_modes", &shutdown_modes, false},
    {"scm_types", &scm_types, false},
    {"poll_events", &poll_events, true},
    {"epoll_events", &epoll_events, true},
    {"epoll_ctl_ops", &epoll_ctl_ops, false},
    {"epoll_create1_flags", &epoll_create1_flags, true},
    {"eventfd_flags", &eventfd_flags, true},
    {"signalfd_flags", &signalfd_flags, true},
    {"timerfd_flags", &timerfd_flags, true},
    {"inotify_events", &inotify_events, true},
    {"inotify_init_flags", &inotify_init_flags, true},
    {"fan_init_flags", &fan_init_flags, true},
    {"fan_classes", &fan_classes, false},
    {"fan_event_flags", &fan_event_flags, true},
    {"fan_mark_flags", &fan_mark_flags, true},
    {"futex_ops", &futex_ops, false},
    {"futex_wake_ops", &futex_wake_ops, false},
    {"futex_wake_cmps", &futex_wake_cmps, false},
    {"clock_ids", &clock_ids, false},
    {"timer_flags", &timer_flags, true},
    {"itimer_which", &itimer_which, false},
    {"adjtimex_modes", &adjtimex_modes, true},
    {"adjtimex_status", &adjtimex_status, true},
    {"adjtimex_state", &adjtimex_state, false},
    {"ipc_flags", &ipc_flags, true},
    {"shm_resource_flags", &shm_resource_flags, true},
    {"shm_flags", &shm_flags, true},
    {"shmctl_cmds", &shmctl_cmds, false},
    {"semctl_cmds", &semctl_cmds, false},
    {"msgctl_cmds", &msgctl_cmds, false},
    {"semop_flags", &semop_flags, true},
    {"ipc_msg_flags", &ipc_msg_flags, true},
    {"mq_flags", &mq_flags, true},
    {"ipc_private", &ipc_private, false},
    {"ipc_cmd_flags", &ipc_cmd_flags, true},
    {"ipc_calls", &ipc_calls, false},
    {"mount_flags", &mount_flags, true},
    {"umount_flags", &umount_flags, true},
    {"mount_setattr_flags", &mount_setattr_flags, true},
    {"mount_attr_flags", &mount_attr_flags, true},
    {"mount_propagation", &mount_propagation, false},
    {"open_tree_flags", &open_tree_flags, true},
    {"fsopen_flags", &fsopen_flags, true},
    {"fsmount_flags", &fsmount_flags, true},
    {"fsmount_attr_flags", &fsmount_attr_flags, true},
    {"move_mount_flags", &move_mount_flags, true},
    {"fspick_flags", &fspick_flags, true},
    {"fsconfig_cmds", &fsconfig_cmds, false},
    {"getrandom_flags", &getrandom_flags, true},
    {"keyctl_cmds", &keyctl_cmds, false},
    {"key_specs", &key_specs, false},
    {"bpf_cmds", &bpf_cmds, false},
    {"io_uring_setup_flags", &io_uring_setup_flags, true},
    {"io_uring_enter_flags", &io_uring_enter_flags, true},
    {"io_uring_register_opcodes", &io_uring_register_opcodes, false},
    {"landlock_create_ruleset_flags", &landlock_create_ruleset_flags, true},
    {"landlock_rule_types", &landlock_rule_types, false},
    {"landlock_access_fs", &landlock_access_fs, true},
    {"perf_event_open_flags", &perf_event_open_flags, true},
    {"uffd_flags", &uffd_flags, true},
    {"aio_cmds", &aio_cmds, false},
    {"ioctl_cmds", &ioctl_cmds, false},
    {"tcflsh_args", &tcflsh_args, false},
    {"tcxonc_args", &tcxonc_args, false},
    {"tty_line_disciplines", &tty_line_disciplines, false},
};

// strace's flag rendering: entries in order, each removing its bits; a
// zero-valued entry only for a zero value; unknown bits last, in hex.
std::string flags(const Table& t, uint64_t v) {
  std::string out;
  if (v == 0) {
    const char* zero = t.name_of(0);
    return zero ? zero : "0";
  }
  for (const Entry& e : t) {
    if (e.value != 0 && (v & e.value) == e.value) {
      if (!out.empty()) out += '|';
      out += e.name;
      v &= ~e.value;
    }
  }
  if (v != 0) {
    char buf[32];
    snprintf(buf, sizeof buf, "%#llx", static_cast<unsigned long long>(v));
    if (!out.empty()) out += '|';
    out += buf;
  }
  return out;
}

uint64_t sext(int v) {
  return static_cast<uint64_t>(static_cast<int64_t>(v));
}

TEST(XlatTest, TablesAreWellFormed) {
  std::set<std::string_view> table_names;
  for (const NamedTable& nt : kAll) {
    SCOPED_TRACE(nt.name);
    EXPECT_TRUE(table_names.insert(nt.name).second);
    ASSERT_NE(nt.table->entries, nullptr);
    EXPECT_GT(nt.table->size, 0u);
    std::set<std::string_view> names;
    bool multi = false;
    for (const Entry& e : *nt.table) {
      ASSERT_NE(e.name, nullptr);
      EXPECT_FALSE(std::string_view(e.name).empty());
      EXPECT_TRUE(names.insert(e.name).second) << "duplicate name " << e.name;
      if (e.value & (e.value - 1)) multi = true;
    }
    if (nt.flags) {
      EXPECT_EQ(nt.table->multi_bit, multi);
    }
  }
}

TEST(XlatTest, Values) {
  EXPECT_STREQ(open_access_modes.name_of(0), "O_RDONLY");
  EXPECT_STREQ(open_access_modes.name_of(2), "O_RDWR");
  EXPECT_STREQ(open_flags.name_of(0100000), "O_LARGEFILE");  // the kernel's value
  EXPECT_STREQ(open_flags.name_of(02000000), "O_CLOEXEC");
  EXPECT_STREQ(fcntl_cmds.name_of(2), "F_SETFD");
  EXPECT_STREQ(fcntl_cmds.name_of(1030), "F_DUPFD_CLOEXEC");
  EXPECT_STREQ(fcntl_cmds.name_of(12), "F_GETLK64");
  EXPECT_STREQ(at_flags.name_of(0x1000), "AT_EMPTY_PATH");
  EXPECT_STREQ(seek_whence.name_of(3), "SEEK_DATA");
  EXPECT_STREQ(file_modes.name_of(0100000), "S_IFREG");
  EXPECT_STREQ(mmap_types.name_of(0), "MAP_FILE");
  EXPECT_EQ(mmap_flags.name_of(0), nullptr);
  EXPECT_STREQ(madvise_advice.name_of(4), "MADV_DONTNEED");
  EXPECT_STREQ(clock_ids.name_of(1), "CLOCK_MONOTONIC");
  EXPECT_STREQ(rlimit_resources.name_of(7), "RLIMIT_NOFILE");
  EXPECT_STREQ(arch_prctl_codes.name_of(0x1002), "ARCH_SET_FS");
  EXPECT_STREQ(address_families.name_of(10), "AF_INET6");
  EXPECT_STREQ(socket_levels.name_of(1), "SOL_SOCKET");
  EXPECT_STREQ(socket_options.name_of(2), "SO_REUSEADDR");
  EXPECT_STREQ(setsock_options.name_of(26), "SO_ATTACH_FILTER");
  EXPECT_STREQ(tcp_options.name_of(1), "TCP_NODELAY");
  EXPECT_STREQ(epoll_ctl_ops.name_of(1), "EPOLL_CTL_ADD");
  EXPECT_STREQ(si_codes.name_of(sext(-6)), "SI_TKILL");
  EXPECT_STREQ(si_codes.name_of(0x80), "SI_KERNEL");
  EXPECT_STREQ(sigchld_codes.name_of(1), "CLD_EXITED");
  EXPECT_STREQ(sigsegv_codes.name_of(1), "SEGV_MAPERR");
  EXPECT_STREQ(rusage_who.name_of(sext(-1)), "RUSAGE_CHILDREN");
  EXPECT_STREQ(sigprocmask_how.name_of(0), "SIG_BLOCK");
  EXPECT_STREQ(futex_ops.name_of(128), "FUTEX_WAIT_PRIVATE");
  EXPECT_STREQ(futex_ops.name_of(129), "FUTEX_WAKE_PRIVATE");
  EXPECT_STREQ(futex_ops.name_of(9 | 128 | 256), "FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME");
  EXPECT_STREQ(ioctl_cmds.name_of(0x5401), "TCGETS");
  EXPECT_STREQ(ioctl_cmds.name_of(0x5413), "TIOCGWINSZ");
  EXPECT_STREQ(ioctl_cmds.name_of(0x541b), "FIONREAD");
  EXPECT_STREQ(ioctl_cmds.name_of(0x5402), "SNDCTL_TMR_START");  // then "TCSETS"
  EXPECT_STREQ(prctl_options.name_of(15), "PR_SET_NAME");
  EXPECT_STREQ(fs_magic.name_of(0xef53), "EXT2_SUPER_MAGIC");
}

TEST(XlatTest, FlagOrderMatchesStrace) {
  EXPECT_EQ(flags(open_flags, 02000000), "O_CLOEXEC");
  EXPECT_EQ(flags(open_flags, 0100 | 01000), "O_CREAT|O_TRUNC");
  EXPECT_EQ(flags(open_flags, 04010000), "O_SYNC");  // not O_DSYNC|__O_SYNC
  EXPECT_EQ(flags(open_flags, 020200000), "O_TMPFILE");
  EXPECT_EQ(flags(prot_flags, 3), "PROT_READ|PROT_WRITE");
  EXPECT_EQ(flags(prot_flags, 0), "PROT_NONE");
  EXPECT_EQ(flags(mmap_flags, 0x20), "MAP_ANONYMOUS");
  EXPECT_EQ(flags(access_modes, 0), "F_OK");
  EXPECT_EQ(flags(access_modes, 6), "R_OK|W_OK");
  EXPECT_EQ(flags(clone_flags, 0x3d0f00),
            "CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|"
            "CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID");
  EXPECT_EQ(flags(clone_flags, 0x1200000), "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID");
  EXPECT_EQ(flags(wait4_options, 2), "WSTOPPED");
  EXPECT_EQ(flags(wait4_options, 0x40000001), "WNOHANG|__WALL");
  EXPECT_EQ(flags(statx_masks, 0xfff), "STATX_ALL");
  EXPECT_EQ(flags(statx_masks, 0x7ff), "STATX_BASIC_STATS");
  EXPECT_EQ(flags(at_statx_sync_types, 0), "AT_STATX_SYNC_AS_STAT");
  EXPECT_EQ(flags(sigaction_flags, 0x14000000), "SA_RESTORER|SA_RESTART");
  EXPECT_EQ(flags(socket_type_flags, 0x80800), "SOCK_CLOEXEC|SOCK_NONBLOCK");
  EXPECT_EQ(flags(msg_flags, 0x4040), "MSG_DONTWAIT|MSG_NOSIGNAL");
  EXPECT_EQ(flags(poll_events, 5), "POLLIN|POLLOUT");
  EXPECT_EQ(flags(epoll_events, 0x80000001), "EPOLLIN|EPOLLET");
  EXPECT_EQ(flags(getrandom_flags, 1), "GRND_NONBLOCK");
  EXPECT_EQ(flags(mount_flags, 0x80000000), "MS_NOUSER");
  EXPECT_EQ(flags(open_flags, 0x40000000), "0x40000000");
}

}  // namespace
}  // namespace syscope::xlat

namespace syscope {
namespace {

TEST(ErrnoNamesTest, Names) {
  EXPECT_STREQ(errno_name(2), "ENOENT");
  EXPECT_STREQ(errno_message(2), "No such file or directory");
  EXPECT_STREQ(errno_name(11), "EAGAIN");
  EXPECT_STREQ(errno_message(11), "Resource temporarily unavailable");
  EXPECT_STREQ(errno_name(35), "EDEADLK");
  EXPECT_STREQ(errno_name(95), "EOPNOTSUPP");
  EXPECT_STREQ(errno_name(133), "EHWPOISON");
  EXPECT_STREQ(errno_name(512), "ERESTARTSYS");
  EXPECT_STREQ(errno_message(512), "To be restarted if SA_RESTART is set");
  EXPECT_STREQ(errno_message(513), "To be restarted");
  EXPECT_STREQ(errno_message(514), "To be restarted if no handler");
  EXPECT_STREQ(errno_name(516), "ERESTART_RESTARTBLOCK");
  EXPECT_STREQ(errno_message(516), "Interrupted by signal");
  EXPECT_STREQ(errno_name(518), "EOPENSTALE");
  EXPECT_STREQ(errno_message(517), "Unknown error 517");
  EXPECT_STREQ(errno_name(530), "ERECALLCONFLICT");
  EXPECT_EQ(errno_name(0), nullptr);
  EXPECT_EQ(errno_name(41), nullptr);
  EXPECT_EQ(errno_name(134), nullptr);
  EXPECT_EQ(errno_name(519), nullptr);  // ENOPARAM: unknown to strace 6.1
  EXPECT_EQ(errno_name(531), nullptr);
  EXPECT_EQ(errno_name(-1), nullptr);
  EXPECT_EQ(errno_message(600), nullptr);
}

TEST(ErrnoNamesTest, ByName) {
  EXPECT_EQ(errno_by_name("ENOENT"), 2);
  EXPECT_EQ(errno_by_name("ERESTARTSYS"), 512);
  EXPECT_EQ(errno_by_name("EWOULDBLOCK"), 11);
  EXPECT_EQ(errno_by_name("42"), 42);
  EXPECT_EQ(errno_by_name("4095"), 4095);
  EXPECT_EQ(errno_by_name("4096"), -1);
  EXPECT_EQ(errno_by_name("0"), -1);
  EXPECT_EQ(errno_by_name("enoent"), 2);  // strace compares case-insensitively
  EXPECT_EQ(errno_by_name("ENOSUCH"), -1);
  EXPECT_EQ(errno_by_name(""), -1);
  for (int e = 1; e <= 530; ++e) {
    if (const char* n = errno_name(e)) {
      EXPECT_EQ(errno_by_name(n), e) << n;
    }
  }
}

TEST(SignalNamesTest, Names) {
  EXPECT_STREQ(signal_name(9), "SIGKILL");
  EXPECT_STREQ(signal_name(1), "SIGHUP");
  EXPECT_STREQ(signal_name(16), "SIGSTKFLT");
  EXPECT_STREQ(signal_name(29), "SIGIO");
  EXPECT_STREQ(signal_name(31), "SIGSYS");
  EXPECT_STREQ(signal_name(32), "SIGRTMIN");
  EXPECT_STREQ(signal_name(33), "SIGRT_1");
  EXPECT_STREQ(signal_name(64), "SIGRT_32");
  EXPECT_EQ(signal_name(0), nullptr);
  EXPECT_EQ(signal_name(65), nullptr);
  EXPECT_EQ(signal_name_or_number(65), "65");
  EXPECT_EQ(signal_name_or_number(2), "SIGINT");
}

TEST(SignalNamesTest, ByName) {
  EXPECT_EQ(signal_by_name("usr1"), 10);
  EXPECT_EQ(signal_by_name("SIGUSR1"), 10);
  EXPECT_EQ(signal_by_name("SigTerm"), 15);
  EXPECT_EQ(signal_by_name("RTMIN"), 32);
  EXPECT_EQ(signal_by_name("SIGRT_32"), 64);
  EXPECT_EQ(signal_by_name("9"), 9);
  EXPECT_EQ(signal_by_name("SIG"), -1);
  EXPECT_EQ(signal_by_name("SIGFOO"), -1);
  EXPECT_EQ(signal_by_name(""), -1);
  for (int s = 1; s <= 64; ++s) EXPECT_EQ(signal_by_name(signal_name(s)), s);
}

}  // namespace
}  // namespace syscope

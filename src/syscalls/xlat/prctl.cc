// SPDX-License-Identifier: MIT
// prctl(2), ptrace(2), seccomp(2) and other process-control constants.
// Names and their order follow strace 6.1 (its src/xlat/*.in lists); values come
// from the Linux uapi headers, or are literals where those headers lack the name.
// Only uapi headers here: glibc's own headers clash with them.
#include <linux/fcntl.h>
#include <linux/kexec.h>
#include <linux/module.h>
#include <linux/prctl.h>
#include <linux/ptrace.h>
#include <linux/reboot.h>
#include <linux/seccomp.h>
#include <linux/securebits.h>

#include "syscalls/xlat/tables.h"

namespace syscope::xlat {
namespace {

// clang-format off
#define E(name) Entry{static_cast<uint64_t>(name), #name}
// clang-format on

constexpr Entry kPrctlOptions[] = {
    E(PR_SET_PDEATHSIG),
    E(PR_GET_PDEATHSIG),
    E(PR_GET_DUMPABLE),
    E(PR_SET_DUMPABLE),
    E(PR_GET_UNALIGN),
    E(PR_SET_UNALIGN),
    E(PR_GET_KEEPCAPS),
    E(PR_SET_KEEPCAPS),
    E(PR_GET_FPEMU),
    E(PR_SET_FPEMU),
    E(PR_GET_FPEXC),
    E(PR_SET_FPEXC),
    E(PR_GET_TIMING),
    E(PR_SET_TIMING),
    E(PR_SET_NAME),
    E(PR_GET_NAME),
    E(PR_GET_ENDIAN),
    E(PR_SET_ENDIAN),
    E(PR_GET_SECCOMP),
    E(PR_SET_SECCOMP),
    E(PR_CAPBSET_READ),
    E(PR_CAPBSET_DROP),
    E(PR_GET_TSC),
    E(PR_SET_TSC),
    E(PR_GET_SECUREBITS),
    E(PR_SET_SECUREBITS),
    E(PR_SET_TIMERSLACK),
    E(PR_GET_TIMERSLACK),
    E(PR_TASK_PERF_EVENTS_DISABLE),
    E(PR_TASK_PERF_EVENTS_ENABLE),
    E(PR_MCE_KILL),
    E(PR_MCE_KILL_GET),
    E(PR_SET_MM),
    E(PR_SET_CHILD_SUBREAPER),
    E(PR_GET_CHILD_SUBREAPER),
    E(PR_SET_NO_NEW_PRIVS),
    E(PR_GET_NO_NEW_PRIVS),
    E(PR_GET_TID_ADDRESS),
    E(PR_SET_THP_DISABLE),
    E(PR_GET_THP_DISABLE),
    E(PR_MPX_ENABLE_MANAGEMENT),
    E(PR_MPX_DISABLE_MANAGEMENT),
    E(PR_SET_FP_MODE),
    E(PR_GET_FP_MODE),
    E(PR_CAP_AMBIENT),
    E(PR_SVE_SET_VL),
    E(PR_SVE_GET_VL),
    E(PR_GET_SPECULATION_CTRL),
    E(PR_SET_SPECULATION_CTRL),
    E(PR_PAC_RESET_KEYS),
    E(PR_SET_TAGGED_ADDR_CTRL),
    E(PR_GET_TAGGED_ADDR_CTRL),
    E(PR_SET_IO_FLUSHER),
    E(PR_GET_IO_FLUSHER),
    E(PR_SET_SYSCALL_USER_DISPATCH),
    E(PR_PAC_SET_ENABLED_KEYS),
    E(PR_PAC_GET_ENABLED_KEYS),
    E(PR_SCHED_CORE),
    E(PR_SME_SET_VL),
    E(PR_SME_GET_VL),
    E(PR_SET_VMA),
    E(PR_SET_PTRACER),
};
constexpr Entry kPtraceCmds[] = {
    E(PTRACE_TRACEME),
    E(PTRACE_PEEKTEXT),
    E(PTRACE_PEEKDATA),
    Entry{3, "PTRACE_PEEKUSER"},
    E(PTRACE_POKETEXT),
    E(PTRACE_POKEDATA),
    Entry{6, "PTRACE_POKEUSER"},
    E(PTRACE_CONT),
    E(PTRACE_KILL),
    E(PTRACE_SINGLESTEP),
    E(PTRACE_ATTACH),
    E(PTRACE_DETACH),
    E(PTRACE_SYSCALL),
    E(PTRACE_SETOPTIONS),
    E(PTRACE_GETEVENTMSG),
    E(PTRACE_GETSIGINFO),
    E(PTRACE_SETSIGINFO),
    E(PTRACE_GETREGSET),
    E(PTRACE_SETREGSET),
    E(PTRACE_SEIZE),
    E(PTRACE_INTERRUPT),
    E(PTRACE_LISTEN),
    E(PTRACE_PEEKSIGINFO),
    E(PTRACE_GETSIGMASK),
    E(PTRACE_SETSIGMASK),
    E(PTRACE_SECCOMP_GET_FILTER),
    E(PTRACE_SECCOMP_GET_METADATA),
    E(PTRACE_GET_SYSCALL_INFO),
    E(PTRACE_GET_RSEQ_CONFIGURATION),
    E(PTRACE_GETREGS),
    E(PTRACE_SETREGS),
    E(PTRACE_GETFPREGS),
    E(PTRACE_SETFPREGS),
    E(PTRACE_GETFPXREGS),
    E(PTRACE_SETFPXREGS),
    E(PTRACE_OLDSETOPTIONS),
    E(PTRACE_GET_THREAD_AREA),
    E(PTRACE_SET_THREAD_AREA),
    E(PTRACE_SYSEMU),
    E(PTRACE_SYSEMU_SINGLESTEP),
    E(PTRACE_SINGLEBLOCK),
    E(PTRACE_ARCH_PRCTL),
};
constexpr Entry kPtraceEvents[] = {
    E(PTRACE_EVENT_FORK),    E(PTRACE_EVENT_VFORK),      E(PTRACE_EVENT_CLONE),
    E(PTRACE_EVENT_EXEC),    E(PTRACE_EVENT_VFORK_DONE), E(PTRACE_EVENT_EXIT),
    E(PTRACE_EVENT_SECCOMP), E(PTRACE_EVENT_STOP),
};
constexpr Entry kPtraceOptions[] = {
    E(PTRACE_O_TRACESYSGOOD),    E(PTRACE_O_TRACEFORK),    E(PTRACE_O_TRACEVFORK),
    E(PTRACE_O_TRACECLONE),      E(PTRACE_O_TRACEEXEC),    E(PTRACE_O_TRACEVFORKDONE),
    E(PTRACE_O_TRACEEXIT),       E(PTRACE_O_TRACESECCOMP), E(PTRACE_O_EXITKILL),
    E(PTRACE_O_SUSPEND_SECCOMP),
};
constexpr Entry kSeccompOps[] = {
    E(SECCOMP_SET_MODE_STRICT),
    E(SECCOMP_SET_MODE_FILTER),
    E(SECCOMP_GET_ACTION_AVAIL),
    E(SECCOMP_GET_NOTIF_SIZES),
};
constexpr Entry kSeccompFilterFlags[] = {
    E(SECCOMP_FILTER_FLAG_TSYNC),       E(SECCOMP_FILTER_FLAG_LOG),
    E(SECCOMP_FILTER_FLAG_SPEC_ALLOW),  E(SECCOMP_FILTER_FLAG_NEW_LISTENER),
    E(SECCOMP_FILTER_FLAG_TSYNC_ESRCH), E(SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV),
};
constexpr Entry kSeccompModes[] = {
    E(SECCOMP_MODE_DISABLED),
    E(SECCOMP_MODE_STRICT),
    E(SECCOMP_MODE_FILTER),
};
constexpr Entry kSyslogActions[] = {
    Entry{0, "SYSLOG_ACTION_CLOSE"},         Entry{1, "SYSLOG_ACTION_OPEN"},
    Entry{2, "SYSLOG_ACTION_READ"},          Entry{3, "SYSLOG_ACTION_READ_ALL"},
    Entry{4, "SYSLOG_ACTION_READ_CLEAR"},    Entry{5, "SYSLOG_ACTION_CLEAR"},
    Entry{6, "SYSLOG_ACTION_CONSOLE_OFF"},   Entry{7, "SYSLOG_ACTION_CONSOLE_ON"},
    Entry{8, "SYSLOG_ACTION_CONSOLE_LEVEL"}, Entry{9, "SYSLOG_ACTION_SIZE_UNREAD"},
    Entry{10, "SYSLOG_ACTION_SIZE_BUFFER"},
};
constexpr Entry kRebootMagic1[] = {
    E(LINUX_REBOOT_MAGIC1),
};
constexpr Entry kRebootMagic2[] = {
    E(LINUX_REBOOT_MAGIC2),
    E(LINUX_REBOOT_MAGIC2A),
    E(LINUX_REBOOT_MAGIC2B),
    E(LINUX_REBOOT_MAGIC2C),
};
constexpr Entry kRebootCmds[] = {
    E(LINUX_REBOOT_CMD_RESTART),    E(LINUX_REBOOT_CMD_HALT),      E(LINUX_REBOOT_CMD_CAD_ON),
    E(LINUX_REBOOT_CMD_CAD_OFF),    E(LINUX_REBOOT_CMD_POWER_OFF), E(LINUX_REBOOT_CMD_RESTART2),
    E(LINUX_REBOOT_CMD_SW_SUSPEND), E(LINUX_REBOOT_CMD_KEXEC),
};
constexpr Entry kKexecLoadFlags[] = {
    E(KEXEC_ON_CRASH),
    E(KEXEC_PRESERVE_CONTEXT),
};
constexpr Entry kKexecArchValues[] = {
    E(KEXEC_ARCH_DEFAULT), E(KEXEC_ARCH_386),     E(KEXEC_ARCH_68K),   E(KEXEC_ARCH_PARISC),
    E(KEXEC_ARCH_X86_64),  E(KEXEC_ARCH_PPC),     E(KEXEC_ARCH_PPC64), E(KEXEC_ARCH_IA_64),
    E(KEXEC_ARCH_ARM),     E(KEXEC_ARCH_S390),    E(KEXEC_ARCH_SH),    E(KEXEC_ARCH_MIPS_LE),
    E(KEXEC_ARCH_MIPS),    E(KEXEC_ARCH_AARCH64), E(KEXEC_ARCH_RISCV), E(KEXEC_ARCH_LOONGARCH),
};
constexpr Entry kKexecFileLoadFlags[] = {
    E(KEXEC_FILE_UNLOAD),
    E(KEXEC_FILE_ON_CRASH),
    E(KEXEC_FILE_NO_INITRAMFS),
};
constexpr Entry kModuleInitFlags[] = {
    E(MODULE_INIT_IGNORE_MODVERSIONS),
    E(MODULE_INIT_IGNORE_VERMAGIC),
    E(MODULE_INIT_COMPRESSED_FILE),
};
constexpr Entry kDeleteModuleFlags[] = {
    E(O_NONBLOCK),
    E(O_TRUNC),
};
constexpr Entry kSecbits[] = {
    E(SECBIT_NOROOT),
    E(SECBIT_NOROOT_LOCKED),
    E(SECBIT_NO_SETUID_FIXUP),
    E(SECBIT_NO_SETUID_FIXUP_LOCKED),
    E(SECBIT_KEEP_CAPS),
    E(SECBIT_KEEP_CAPS_LOCKED),
    E(SECBIT_NO_CAP_AMBIENT_RAISE),
    E(SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED),
};

#undef E

}  // namespace

const Table prctl_options{kPrctlOptions, std::size(kPrctlOptions), "PR_???"};
const Table ptrace_cmds{kPtraceCmds, std::size(kPtraceCmds), "PTRACE_???"};
const Table ptrace_events{kPtraceEvents, std::size(kPtraceEvents), "PTRACE_EVENT_???"};
const Table ptrace_options{kPtraceOptions, std::size(kPtraceOptions), "PTRACE_O_???"};
const Table seccomp_ops{kSeccompOps, std::size(kSeccompOps), "SECCOMP_SET_MODE_???"};
const Table seccomp_filter_flags{kSeccompFilterFlags, std::size(kSeccompFilterFlags),
                                 "SECCOMP_FILTER_FLAG_???"};
const Table seccomp_modes{kSeccompModes, std::size(kSeccompModes), "SECCOMP_MODE_???"};
const Table syslog_actions{kSyslogActions, std::size(kSyslogActions), "SYSLOG_ACTION_???"};
const Table reboot_magic1{kRebootMagic1, std::size(kRebootMagic1), "LINUX_REBOOT_MAGIC_???"};
const Table reboot_magic2{kRebootMagic2, std::size(kRebootMagic2), "LINUX_REBOOT_MAGIC_???"};
const Table reboot_cmds{kRebootCmds, std::size(kRebootCmds), "LINUX_REBOOT_CMD_???"};
const Table kexec_load_flags{kKexecLoadFlags, std::size(kKexecLoadFlags), "KEXEC_???"};
const Table kexec_arch_values{kKexecArchValues, std::size(kKexecArchValues), "KEXEC_ARCH_???"};
const Table kexec_file_load_flags{kKexecFileLoadFlags, std::size(kKexecFileLoadFlags),
                                  "KEXEC_FILE_???"};
const Table module_init_flags{kModuleInitFlags, std::size(kModuleInitFlags), "MODULE_INIT_???"};
const Table delete_module_flags{kDeleteModuleFlags, std::size(kDeleteModuleFlags), "O_???"};
const Table secbits{kSecbits, std::size(kSecbits), "SECBIT_???"};

}  // namespace syscope::xlat

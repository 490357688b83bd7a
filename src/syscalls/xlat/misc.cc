// SPDX-License-Identifier: MIT
// Miscellaneous: getrandom, keyctl, bpf, io_uring, landlock, perf, userfaultfd.
// Names and their order follow strace 6.1 (its src/xlat/*.in lists); values come
// from the Linux uapi headers, or are literals where those headers lack the name.
// Only uapi headers here: glibc's own headers clash with them.
#include <linux/aio_abi.h>
#include <linux/bpf.h>
#include <linux/fcntl.h>
#include <linux/io_uring.h>
#include <linux/keyctl.h>
#include <linux/landlock.h>
#include <linux/perf_event.h>
#include <linux/random.h>
#include <linux/userfaultfd.h>

#include "syscalls/xlat/tables.h"

namespace syscope::xlat {
namespace {

// clang-format off
#define E(name) Entry{static_cast<uint64_t>(name), #name}
// clang-format on

constexpr Entry kGetrandomFlags[] = {
    E(GRND_NONBLOCK),
    E(GRND_RANDOM),
    E(GRND_INSECURE),
};
constexpr Entry kKeyctlCmds[] = {
    E(KEYCTL_GET_KEYRING_ID),
    E(KEYCTL_JOIN_SESSION_KEYRING),
    E(KEYCTL_UPDATE),
    E(KEYCTL_REVOKE),
    E(KEYCTL_CHOWN),
    E(KEYCTL_SETPERM),
    E(KEYCTL_DESCRIBE),
    E(KEYCTL_CLEAR),
    E(KEYCTL_LINK),
    E(KEYCTL_UNLINK),
    E(KEYCTL_SEARCH),
    E(KEYCTL_READ),
    E(KEYCTL_INSTANTIATE),
    E(KEYCTL_NEGATE),
    E(KEYCTL_SET_REQKEY_KEYRING),
    E(KEYCTL_SET_TIMEOUT),
    E(KEYCTL_ASSUME_AUTHORITY),
    E(KEYCTL_GET_SECURITY),
    E(KEYCTL_SESSION_TO_PARENT),
    E(KEYCTL_REJECT),
    E(KEYCTL_INSTANTIATE_IOV),
    E(KEYCTL_INVALIDATE),
    E(KEYCTL_GET_PERSISTENT),
    E(KEYCTL_DH_COMPUTE),
    E(KEYCTL_PKEY_QUERY),
    E(KEYCTL_PKEY_ENCRYPT),
    E(KEYCTL_PKEY_DECRYPT),
    E(KEYCTL_PKEY_SIGN),
    E(KEYCTL_PKEY_VERIFY),
    E(KEYCTL_RESTRICT_KEYRING),
    E(KEYCTL_MOVE),
    E(KEYCTL_CAPABILITIES),
    E(KEYCTL_WATCH_KEY),
};
constexpr Entry kKeySpecs[] = {
    E(KEY_SPEC_THREAD_KEYRING),  E(KEY_SPEC_PROCESS_KEYRING),      E(KEY_SPEC_SESSION_KEYRING),
    E(KEY_SPEC_USER_KEYRING),    E(KEY_SPEC_USER_SESSION_KEYRING), E(KEY_SPEC_GROUP_KEYRING),
    E(KEY_SPEC_REQKEY_AUTH_KEY), E(KEY_SPEC_REQUESTOR_KEYRING),
};
constexpr Entry kBpfCmds[] = {
    E(BPF_MAP_CREATE),        E(BPF_MAP_LOOKUP_ELEM),
    E(BPF_MAP_UPDATE_ELEM),   E(BPF_MAP_DELETE_ELEM),
    E(BPF_MAP_GET_NEXT_KEY),  E(BPF_PROG_LOAD),
    E(BPF_OBJ_PIN),           E(BPF_OBJ_GET),
    E(BPF_PROG_ATTACH),       E(BPF_PROG_DETACH),
    E(BPF_PROG_TEST_RUN),     E(BPF_PROG_GET_NEXT_ID),
    E(BPF_MAP_GET_NEXT_ID),   E(BPF_PROG_GET_FD_BY_ID),
    E(BPF_MAP_GET_FD_BY_ID),  E(BPF_OBJ_GET_INFO_BY_FD),
    E(BPF_PROG_QUERY),        E(BPF_RAW_TRACEPOINT_OPEN),
    E(BPF_BTF_LOAD),          E(BPF_BTF_GET_FD_BY_ID),
    E(BPF_TASK_FD_QUERY),     E(BPF_MAP_LOOKUP_AND_DELETE_ELEM),
    E(BPF_MAP_FREEZE),        E(BPF_BTF_GET_NEXT_ID),
    E(BPF_MAP_LOOKUP_BATCH),  E(BPF_MAP_LOOKUP_AND_DELETE_BATCH),
    E(BPF_MAP_UPDATE_BATCH),  E(BPF_MAP_DELETE_BATCH),
    E(BPF_LINK_CREATE),       E(BPF_LINK_UPDATE),
    E(BPF_LINK_GET_FD_BY_ID), E(BPF_LINK_GET_NEXT_ID),
    E(BPF_ENABLE_STATS),      E(BPF_ITER_CREATE),
    E(BPF_LINK_DETACH),       E(BPF_PROG_BIND_MAP),
};
constexpr Entry kIoUringSetupFlags[] = {
    E(IORING_SETUP_IOPOLL),       E(IORING_SETUP_SQPOLL),     E(IORING_SETUP_SQ_AFF),
    E(IORING_SETUP_CQSIZE),       E(IORING_SETUP_CLAMP),      E(IORING_SETUP_ATTACH_WQ),
    E(IORING_SETUP_R_DISABLED),   E(IORING_SETUP_SUBMIT_ALL), E(IORING_SETUP_COOP_TASKRUN),
    E(IORING_SETUP_TASKRUN_FLAG), E(IORING_SETUP_SQE128),     E(IORING_SETUP_CQE32),
};
constexpr Entry kIoUringEnterFlags[] = {
    E(IORING_ENTER_GETEVENTS), E(IORING_ENTER_SQ_WAKEUP),       E(IORING_ENTER_SQ_WAIT),
    E(IORING_ENTER_EXT_ARG),   E(IORING_ENTER_REGISTERED_RING),
};
constexpr Entry kIoUringRegisterOpcodes[] = {
    E(IORING_REGISTER_BUFFERS),        E(IORING_UNREGISTER_BUFFERS),
    E(IORING_REGISTER_FILES),          E(IORING_UNREGISTER_FILES),
    E(IORING_REGISTER_EVENTFD),        E(IORING_UNREGISTER_EVENTFD),
    E(IORING_REGISTER_FILES_UPDATE),   E(IORING_REGISTER_EVENTFD_ASYNC),
    E(IORING_REGISTER_PROBE),          E(IORING_REGISTER_PERSONALITY),
    E(IORING_UNREGISTER_PERSONALITY),  E(IORING_REGISTER_RESTRICTIONS),
    E(IORING_REGISTER_ENABLE_RINGS),   E(IORING_REGISTER_FILES2),
    E(IORING_REGISTER_FILES_UPDATE2),  E(IORING_REGISTER_BUFFERS2),
    E(IORING_REGISTER_BUFFERS_UPDATE), E(IORING_REGISTER_IOWQ_AFF),
    E(IORING_UNREGISTER_IOWQ_AFF),     E(IORING_REGISTER_IOWQ_MAX_WORKERS),
    E(IORING_REGISTER_RING_FDS),       E(IORING_UNREGISTER_RING_FDS),
    E(IORING_REGISTER_PBUF_RING),      E(IORING_UNREGISTER_PBUF_RING),
};
constexpr Entry kLandlockCreateRulesetFlags[] = {
    E(LANDLOCK_CREATE_RULESET_VERSION),
};
constexpr Entry kLandlockRuleTypes[] = {
    E(LANDLOCK_RULE_PATH_BENEATH),
};
constexpr Entry kLandlockAccessFs[] = {
    E(LANDLOCK_ACCESS_FS_EXECUTE),    E(LANDLOCK_ACCESS_FS_WRITE_FILE),
    E(LANDLOCK_ACCESS_FS_READ_FILE),  E(LANDLOCK_ACCESS_FS_READ_DIR),
    E(LANDLOCK_ACCESS_FS_REMOVE_DIR), E(LANDLOCK_ACCESS_FS_REMOVE_FILE),
    E(LANDLOCK_ACCESS_FS_MAKE_CHAR),  E(LANDLOCK_ACCESS_FS_MAKE_DIR),
    E(LANDLOCK_ACCESS_FS_MAKE_REG),   E(LANDLOCK_ACCESS_FS_MAKE_SOCK),
    E(LANDLOCK_ACCESS_FS_MAKE_FIFO),  E(LANDLOCK_ACCESS_FS_MAKE_BLOCK),
    E(LANDLOCK_ACCESS_FS_MAKE_SYM),   E(LANDLOCK_ACCESS_FS_REFER),
};
constexpr Entry kPerfEventOpenFlags[] = {
    E(PERF_FLAG_FD_NO_GROUP),
    E(PERF_FLAG_FD_OUTPUT),
    E(PERF_FLAG_PID_CGROUP),
    E(PERF_FLAG_FD_CLOEXEC),
};
constexpr Entry kUffdFlags[] = {
    E(UFFD_USER_MODE_ONLY),
    E(O_NONBLOCK),
    E(O_CLOEXEC),
};
constexpr Entry kAioCmds[] = {
    E(IOCB_CMD_PREAD),  E(IOCB_CMD_PWRITE),          E(IOCB_CMD_FSYNC),
    E(IOCB_CMD_FDSYNC), Entry{4, "IOCB_CMD_PREADX"}, E(IOCB_CMD_POLL),
    E(IOCB_CMD_NOOP),   E(IOCB_CMD_PREADV),          E(IOCB_CMD_PWRITEV),
};

#undef E

}  // namespace

const Table getrandom_flags{kGetrandomFlags, std::size(kGetrandomFlags), "GRND_???"};
const Table keyctl_cmds{kKeyctlCmds, std::size(kKeyctlCmds), "KEYCTL_???"};
const Table key_specs{kKeySpecs, std::size(kKeySpecs), nullptr};
const Table bpf_cmds{kBpfCmds, std::size(kBpfCmds), "BPF_???"};
const Table io_uring_setup_flags{kIoUringSetupFlags, std::size(kIoUringSetupFlags),
                                 "IORING_SETUP_???"};
const Table io_uring_enter_flags{kIoUringEnterFlags, std::size(kIoUringEnterFlags),
                                 "IORING_ENTER_???"};
const Table io_uring_register_opcodes{kIoUringRegisterOpcodes, std::size(kIoUringRegisterOpcodes),
                                      "IORING_REGISTER_???"};
const Table landlock_create_ruleset_flags{kLandlockCreateRulesetFlags,
                                          std::size(kLandlockCreateRulesetFlags),
                                          "LANDLOCK_CREATE_RULESET_???"};
const Table landlock_rule_types{kLandlockRuleTypes, std::size(kLandlockRuleTypes),
                                "LANDLOCK_RULE_???"};
const Table landlock_access_fs{kLandlockAccessFs, std::size(kLandlockAccessFs),
                               "LANDLOCK_ACCESS_FS_???"};
const Table perf_event_open_flags{kPerfEventOpenFlags, std::size(kPerfEventOpenFlags),
                                  "PERF_FLAG_???"};
const Table uffd_flags{kUffdFlags, std::size(kUffdFlags), "UFFD_???"};
const Table aio_cmds{kAioCmds, std::size(kAioCmds), "IOCB_CMD_???"};

}  // namespace syscope::xlat

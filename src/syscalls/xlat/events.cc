// SPDX-License-Identifier: MIT
// Event and wait primitives: poll, epoll, eventfd, signalfd, timerfd, inotify, fanotify, futex.
// Names and their order follow strace 6.1 (its src/xlat/*.in lists); values come
// from the Linux uapi headers, or are literals where those headers lack the name.
// Only uapi headers here: glibc's own headers clash with them.
#include <asm/poll.h>
#include <linux/eventpoll.h>
#include <linux/fanotify.h>
#include <linux/fcntl.h>
#include <linux/futex.h>
#include <linux/inotify.h>
#include <linux/signalfd.h>
#include <linux/timerfd.h>

#include "syscalls/xlat/tables.h"

namespace syscope::xlat {
namespace {

// clang-format off
#define E(name) Entry{static_cast<uint64_t>(name), #name}
#define EOR(a, b) Entry{static_cast<uint64_t>((a) | (b)), #a "|" #b}
// clang-format on

constexpr Entry kPollEvents[] = {
    E(POLLIN),   E(POLLPRI),    E(POLLOUT),    E(POLLERR),        E(POLLHUP),
    E(POLLNVAL), E(POLLRDNORM), E(POLLRDBAND), E(POLLWRNORM),     E(POLLWRBAND),
    E(POLLMSG),  E(POLLREMOVE), E(POLLRDHUP),  E(POLL_BUSY_LOOP),
};
constexpr Entry kEpollEvents[] = {
    E(EPOLLIN),        E(EPOLLPRI),    E(EPOLLOUT),     E(EPOLLERR),    E(EPOLLHUP), E(EPOLLNVAL),
    E(EPOLLRDNORM),    E(EPOLLRDBAND), E(EPOLLWRNORM),  E(EPOLLWRBAND), E(EPOLLMSG), E(EPOLLRDHUP),
    E(EPOLLEXCLUSIVE), E(EPOLLWAKEUP), E(EPOLLONESHOT), E(EPOLLET),
};
constexpr Entry kEpollCtlOps[] = {
    E(EPOLL_CTL_ADD),
    E(EPOLL_CTL_DEL),
    E(EPOLL_CTL_MOD),
};
constexpr Entry kEpollCreate1Flags[] = {
    E(EPOLL_CLOEXEC),
};
constexpr Entry kEventfdFlags[] = {
    Entry{0x1, "EFD_SEMAPHORE"},
    Entry{0x80000, "EFD_CLOEXEC"},
    Entry{0x800, "EFD_NONBLOCK"},
};
constexpr Entry kSignalfdFlags[] = {
    E(SFD_CLOEXEC),
    E(SFD_NONBLOCK),
};
constexpr Entry kTimerfdFlags[] = {
    E(TFD_TIMER_ABSTIME),
    E(TFD_TIMER_CANCEL_ON_SET),
    E(TFD_CLOEXEC),
    E(TFD_NONBLOCK),
};
constexpr Entry kInotifyEvents[] = {
    E(IN_ACCESS),      E(IN_MODIFY),      E(IN_ATTRIB),      E(IN_CLOSE_WRITE), E(IN_CLOSE_NOWRITE),
    E(IN_OPEN),        E(IN_MOVED_FROM),  E(IN_MOVED_TO),    E(IN_CREATE),      E(IN_DELETE),
    E(IN_DELETE_SELF), E(IN_MOVE_SELF),   E(IN_UNMOUNT),     E(IN_Q_OVERFLOW),  E(IN_IGNORED),
    E(IN_ONLYDIR),     E(IN_DONT_FOLLOW), E(IN_EXCL_UNLINK), E(IN_MASK_CREATE), E(IN_MASK_ADD),
    E(IN_ISDIR),       E(IN_ONESHOT),
};
constexpr Entry kInotifyInitFlags[] = {
    E(IN_NONBLOCK),
    E(IN_CLOEXEC),
};
constexpr Entry kFanInitFlags[] = {
    E(FAN_CLOEXEC),        E(FAN_NONBLOCK),     E(FAN_UNLIMITED_QUEUE),   E(FAN_UNLIMITED_MARKS),
    E(FAN_ENABLE_AUDIT),   E(FAN_REPORT_PIDFD), E(FAN_REPORT_TID),        E(FAN_REPORT_FID),
    E(FAN_REPORT_DIR_FID), E(FAN_REPORT_NAME),  E(FAN_REPORT_TARGET_FID),
};
constexpr Entry kFanClasses[] = {
    E(FAN_CLASS_NOTIF),
    E(FAN_CLASS_CONTENT),
    E(FAN_CLASS_PRE_CONTENT),
};
constexpr Entry kFanEventFlags[] = {
    E(FAN_ACCESS),
    E(FAN_MODIFY),
    E(FAN_ATTRIB),
    E(FAN_CLOSE_WRITE),
    E(FAN_CLOSE_NOWRITE),
    E(FAN_OPEN),
    E(FAN_MOVED_FROM),
    E(FAN_MOVED_TO),
    E(FAN_CREATE),
    E(FAN_DELETE),
    E(FAN_DELETE_SELF),
    E(FAN_MOVE_SELF),
    E(FAN_OPEN_EXEC),
    E(FAN_Q_OVERFLOW),
    E(FAN_FS_ERROR),
    E(FAN_OPEN_PERM),
    E(FAN_ACCESS_PERM),
    E(FAN_OPEN_EXEC_PERM),
    Entry{0x80000, "FAN_DIR_MODIFY"},
    E(FAN_ONDIR),
    E(FAN_EVENT_ON_CHILD),
    E(FAN_RENAME),
};
constexpr Entry kFanMarkFlags[] = {
    E(FAN_MARK_ADD),
    E(FAN_MARK_REMOVE),
    E(FAN_MARK_DONT_FOLLOW),
    E(FAN_MARK_ONLYDIR),
    E(FAN_MARK_MOUNT),
    E(FAN_MARK_IGNORED_MASK),
    E(FAN_MARK_IGNORED_SURV_MODIFY),
    E(FAN_MARK_FLUSH),
    E(FAN_MARK_FILESYSTEM),
    E(FAN_MARK_EVICTABLE),
    E(FAN_MARK_IGNORE),
};
constexpr Entry kFutexOps[] = {
    E(FUTEX_WAIT),
    E(FUTEX_WAKE),
    E(FUTEX_FD),
    E(FUTEX_REQUEUE),
    E(FUTEX_CMP_REQUEUE),
    E(FUTEX_WAKE_OP),
    E(FUTEX_LOCK_PI),
    E(FUTEX_UNLOCK_PI),
    E(FUTEX_TRYLOCK_PI),
    E(FUTEX_WAIT_BITSET),
    E(FUTEX_WAKE_BITSET),
    E(FUTEX_WAIT_REQUEUE_PI),
    E(FUTEX_CMP_REQUEUE_PI),
    E(FUTEX_LOCK_PI2),
    E(FUTEX_WAIT_PRIVATE),
    E(FUTEX_WAKE_PRIVATE),
    EOR(FUTEX_FD, FUTEX_PRIVATE_FLAG),
    E(FUTEX_REQUEUE_PRIVATE),
    E(FUTEX_CMP_REQUEUE_PRIVATE),
    E(FUTEX_WAKE_OP_PRIVATE),
    E(FUTEX_LOCK_PI_PRIVATE),
    E(FUTEX_UNLOCK_PI_PRIVATE),
    E(FUTEX_TRYLOCK_PI_PRIVATE),
    E(FUTEX_WAIT_BITSET_PRIVATE),
    E(FUTEX_WAKE_BITSET_PRIVATE),
    E(FUTEX_WAIT_REQUEUE_PI_PRIVATE),
    E(FUTEX_CMP_REQUEUE_PI_PRIVATE),
    E(FUTEX_LOCK_PI2_PRIVATE),
    EOR(FUTEX_WAIT, FUTEX_CLOCK_REALTIME),
    EOR(FUTEX_WAIT_PRIVATE, FUTEX_CLOCK_REALTIME),
    EOR(FUTEX_WAIT_BITSET, FUTEX_CLOCK_REALTIME),
    EOR(FUTEX_WAIT_BITSET_PRIVATE, FUTEX_CLOCK_REALTIME),
    EOR(FUTEX_WAIT_REQUEUE_PI, FUTEX_CLOCK_REALTIME),
    EOR(FUTEX_WAIT_REQUEUE_PI_PRIVATE, FUTEX_CLOCK_REALTIME),
};
constexpr Entry kFutexWakeOps[] = {
    E(FUTEX_OP_SET), E(FUTEX_OP_ADD), E(FUTEX_OP_OR), E(FUTEX_OP_ANDN), E(FUTEX_OP_XOR),
};
constexpr Entry kFutexWakeCmps[] = {
    E(FUTEX_OP_CMP_EQ), E(FUTEX_OP_CMP_NE), E(FUTEX_OP_CMP_LT),
    E(FUTEX_OP_CMP_LE), E(FUTEX_OP_CMP_GT), E(FUTEX_OP_CMP_GE),
};

#undef E
#undef EOR

}  // namespace

const Table poll_events{kPollEvents, std::size(kPollEvents), "POLL???"};
const Table epoll_events{kEpollEvents, std::size(kEpollEvents), "EPOLL???"};
const Table epoll_ctl_ops{kEpollCtlOps, std::size(kEpollCtlOps), "EPOLL_CTL_???"};
const Table epoll_create1_flags{kEpollCreate1Flags, std::size(kEpollCreate1Flags), "EPOLL_???"};
const Table eventfd_flags{kEventfdFlags, std::size(kEventfdFlags), "EFD_???"};
const Table signalfd_flags{kSignalfdFlags, std::size(kSignalfdFlags), "SFD_???"};
const Table timerfd_flags{kTimerfdFlags, std::size(kTimerfdFlags), "TFD_???"};
const Table inotify_events{kInotifyEvents, std::size(kInotifyEvents), "IN_???"};
const Table inotify_init_flags{kInotifyInitFlags, std::size(kInotifyInitFlags), "IN_???"};
const Table fan_init_flags{kFanInitFlags, std::size(kFanInitFlags), "FAN_???"};
const Table fan_classes{kFanClasses, std::size(kFanClasses), "FAN_CLASS_???"};
const Table fan_event_flags{kFanEventFlags, std::size(kFanEventFlags), "FAN_???"};
const Table fan_mark_flags{kFanMarkFlags, std::size(kFanMarkFlags), "FAN_MARK_???"};
const Table futex_ops{kFutexOps, std::size(kFutexOps), "FUTEX_???"};
const Table futex_wake_ops{kFutexWakeOps, std::size(kFutexWakeOps), "FUTEX_OP_???"};
const Table futex_wake_cmps{kFutexWakeCmps, std::size(kFutexWakeCmps), "FUTEX_OP_CMP_???"};

}  // namespace syscope::xlat

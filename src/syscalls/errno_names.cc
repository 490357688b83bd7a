// SPDX-License-Identifier: MIT
// errno names and messages as strace 6.1 prints them on x86_64.
// Messages for ordinary errnos are glibc's strerror() texts (fixed here so the
// output does not depend on the locale or the C library); the kernel-internal
// restart codes carry strace's own texts, and the other kernel-internal codes
// print glibc's "Unknown error N".
#include "syscalls/errno_names.h"

#include <asm/errno.h>

#include <array>
#include <cstddef>
#include <string_view>

namespace syscope {
namespace {

struct ErrnoInfo {
  int value;
  const char* name;
  const char* message;
};

// clang-format off
#define E(name, msg) ErrnoInfo{name, #name, msg}
// clang-format on

// Values 41 and 58 have no name on x86_64 (strace prints "(errno 41)").
// Aliases (EWOULDBLOCK, EDEADLOCK, ENOTSUP) print as the canonical name.
constexpr ErrnoInfo kErrnos[] = {
    E(EPERM, "Operation not permitted"),
    E(ENOENT, "No such file or directory"),
    E(ESRCH, "No such process"),
    E(EINTR, "Interrupted system call"),
    E(EIO, "Input/output error"),
    E(ENXIO, "No such device or address"),
    E(E2BIG, "Argument list too long"),
    E(ENOEXEC, "Exec format error"),
    E(EBADF, "Bad file descriptor"),
    E(ECHILD, "No child processes"),
    E(EAGAIN, "Resource temporarily unavailable"),
    E(ENOMEM, "Cannot allocate memory"),
    E(EACCES, "Permission denied"),
    E(EFAULT, "Bad address"),
    E(ENOTBLK, "Block device required"),
    E(EBUSY, "Device or resource busy"),
    E(EEXIST, "File exists"),
    E(EXDEV, "Invalid cross-device link"),
    E(ENODEV, "No such device"),
    E(ENOTDIR, "Not a directory"),
    E(EISDIR, "Is a directory"),
    E(EINVAL, "Invalid argument"),
    E(ENFILE, "Too many open files in system"),
    E(EMFILE, "Too many open files"),
    E(ENOTTY, "Inappropriate ioctl for device"),
    E(ETXTBSY, "Text file busy"),
    E(EFBIG, "File too large"),
    E(ENOSPC, "No space left on device"),
    E(ESPIPE, "Illegal seek"),
    E(EROFS, "Read-only file system"),
    E(EMLINK, "Too many links"),
    E(EPIPE, "Broken pipe"),
    E(EDOM, "Numerical argument out of domain"),
    E(ERANGE, "Numerical result out of range"),
    E(EDEADLK, "Resource deadlock avoided"),
    E(ENAMETOOLONG, "File name too long"),
    E(ENOLCK, "No locks available"),
    E(ENOSYS, "Function not implemented"),
    E(ENOTEMPTY, "Directory not empty"),
    E(ELOOP, "Too many levels of symbolic links"),
    E(ENOMSG, "No message of desired type"),
    E(EIDRM, "Identifier removed"),
    E(ECHRNG, "Channel number out of range"),
    E(EL2NSYNC, "Level 2 not synchronized"),
    E(EL3HLT, "Level 3 halted"),
    E(EL3RST, "Level 3 reset"),
    E(ELNRNG, "Link number out of range"),
    E(EUNATCH, "Protocol driver not attached"),
    E(ENOCSI, "No CSI structure available"),
    E(EL2HLT, "Level 2 halted"),
    E(EBADE, "Invalid exchange"),
    E(EBADR, "Invalid request descriptor"),
    E(EXFULL, "Exchange full"),
    E(ENOANO, "No anode"),
    E(EBADRQC, "Invalid request code"),
    E(EBADSLT, "Invalid slot"),
    E(EBFONT, "Bad font file format"),
    E(ENOSTR, "Device not a stream"),
    E(ENODATA, "No data available"),
    E(ETIME, "Timer expired"),
    E(ENOSR, "Out of streams resources"),
    E(ENONET, "Machine is not on the network"),
    E(ENOPKG, "Package not installed"),
    E(EREMOTE, "Object is remote"),
    E(ENOLINK, "Link has been severed"),
    E(EADV, "Advertise error"),
    E(ESRMNT, "Srmount error"),
    E(ECOMM, "Communication error on send"),
    E(EPROTO, "Protocol error"),
    E(EMULTIHOP, "Multihop attempted"),
    E(EDOTDOT, "RFS specific error"),
    E(EBADMSG, "Bad message"),
    E(EOVERFLOW, "Value too large for defined data type"),
    E(ENOTUNIQ, "Name not unique on network"),
    E(EBADFD, "File descriptor in bad state"),
    E(EREMCHG, "Remote address changed"),
    E(ELIBACC, "Can not access a needed shared library"),
    E(ELIBBAD, "Accessing a corrupted shared library"),
    E(ELIBSCN, ".lib section in a.out corrupted"),
    E(ELIBMAX, "Attempting to link in too many shared libraries"),
    E(ELIBEXEC, "Cannot exec a shared library directly"),
    E(EILSEQ, "Invalid or incomplete multibyte or wide character"),
    E(ERESTART, "Interrupted system call should be restarted"),
    E(ESTRPIPE, "Streams pipe error"),
    E(EUSERS, "Too many users"),
    E(ENOTSOCK, "Socket operation on non-socket"),
    E(EDESTADDRREQ, "Destination address required"),
    E(EMSGSIZE, "Message too long"),
    E(EPROTOTYPE, "Protocol wrong type for socket"),
    E(ENOPROTOOPT, "Protocol not available"),
    E(EPROTONOSUPPORT, "Protocol not supported"),
    E(ESOCKTNOSUPPORT, "Socket type not supported"),
    E(EOPNOTSUPP, "Operation not supported"),
    E(EPFNOSUPPORT, "Protocol family not supported"),
    E(EAFNOSUPPORT, "Address family not supported by protocol"),
    E(EADDRINUSE, "Address already in use"),
    E(EADDRNOTAVAIL, "Cannot assign requested address"),
    E(ENETDOWN, "Network is down"),
    E(ENETUNREACH, "Network is unreachable"),
    E(ENETRESET, "Network dropped connection on reset"),
    E(ECONNABORTED, "Software caused connection abort"),
    E(ECONNRESET, "Connection reset by peer"),
    E(ENOBUFS, "No buffer space available"),
    E(EISCONN, "Transport endpoint is already connected"),
    E(ENOTCONN, "Transport endpoint is not connected"),
    E(ESHUTDOWN, "Cannot send after transport endpoint shutdown"),
    E(ETOOMANYREFS, "Too many references: cannot splice"),
    E(ETIMEDOUT, "Connection timed out"),
    E(ECONNREFUSED, "Connection refused"),
    E(EHOSTDOWN, "Host is down"),
    E(EHOSTUNREACH, "No route to host"),
    E(EALREADY, "Operation already in progress"),
    E(EINPROGRESS, "Operation now in progress"),
    E(ESTALE, "Stale file handle"),
    E(EUCLEAN, "Structure needs cleaning"),
    E(ENOTNAM, "Not a XENIX named type file"),
    E(ENAVAIL, "No XENIX semaphores available"),
    E(EISNAM, "Is a named type file"),
    E(EREMOTEIO, "Remote I/O error"),
    E(EDQUOT, "Disk quota exceeded"),
    E(ENOMEDIUM, "No medium found"),
    E(EMEDIUMTYPE, "Wrong medium type"),
    E(ECANCELED, "Operation canceled"),
    E(ENOKEY, "Required key not available"),
    E(EKEYEXPIRED, "Key has expired"),
    E(EKEYREVOKED, "Key has been revoked"),
    E(EKEYREJECTED, "Key was rejected by service"),
    E(EOWNERDEAD, "Owner died"),
    E(ENOTRECOVERABLE, "State not recoverable"),
    E(ERFKILL, "Operation not possible due to RF-kill"),
    E(EHWPOISON, "Memory page has hardware error"),
    // Kernel-internal codes (include/linux/errno.h), never seen by user
    // space except through ptrace. 519 (ENOPARAM) and 520 are unknown to
    // strace 6.1.
    {512, "ERESTARTSYS", "To be restarted if SA_RESTART is set"},
    {513, "ERESTARTNOINTR", "To be restarted"},
    {514, "ERESTARTNOHAND", "To be restarted if no handler"},
    {515, "ENOIOCTLCMD", "Unknown error 515"},
    {516, "ERESTART_RESTARTBLOCK", "Interrupted by signal"},
    {517, "EPROBE_DEFER", "Unknown error 517"},
    {518, "EOPENSTALE", "Unknown error 518"},
    {521, "EBADHANDLE", "Unknown error 521"},
    {522, "ENOTSYNC", "Unknown error 522"},
    {523, "EBADCOOKIE", "Unknown error 523"},
    {524, "ENOTSUPP", "Unknown error 524"},
    {525, "ETOOSMALL", "Unknown error 525"},
    {526, "ESERVERFAULT", "Unknown error 526"},
    {527, "EBADTYPE", "Unknown error 527"},
    {528, "EJUKEBOX", "Unknown error 528"},
    {529, "EIOCBQUEUED", "Unknown error 529"},
    {530, "ERECALLCONFLICT", "Unknown error 530"},
};

#undef E

constexpr int kMaxErrno = 530;

constexpr auto kIndex = [] {
  std::array<short, kMaxErrno + 1> idx{};
  for (auto& i : idx) i = -1;
  for (size_t i = 0; i < std::size(kErrnos); ++i)
    idx[static_cast<size_t>(kErrnos[i].value)] = static_cast<short>(i);
  return idx;
}();

static_assert(kErrnos[0].value == EPERM);
static_assert(kIndex[ENOENT] >= 0 && kIndex[41] == -1 && kIndex[519] == -1);

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

const ErrnoInfo* find(int err) {
  if (err < 0 || err > kMaxErrno) return nullptr;
  short i = kIndex[static_cast<size_t>(err)];
  return i < 0 ? nullptr : &kErrnos[i];
}

}  // namespace

const char* errno_name(int err) {
  const ErrnoInfo* e = find(err);
  return e ? e->name : nullptr;
}

const char* errno_message(int err) {
  const ErrnoInfo* e = find(err);
  return e ? e->message : nullptr;
}

int errno_by_name(std::string_view name) {
  if (name.empty()) return -1;
  if (name[0] >= '0' && name[0] <= '9') {
    int v = 0;
    for (char c : name) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
      if (v > 4095) return -1;
    }
    return v >= 1 ? v : -1;
  }
  // Case-insensitive, as strace's find_errno_by_name().
  for (const ErrnoInfo& e : kErrnos)
    if (iequals(name, e.name)) return e.value;
  // Aliases strace's table does not list (strace rejects them); accepted here.
  if (iequals(name, "EWOULDBLOCK")) return EAGAIN;
  if (iequals(name, "EDEADLOCK")) return EDEADLK;
  if (iequals(name, "ENOTSUP")) return EOPNOTSUPP;
  return -1;
}

}  // namespace syscope

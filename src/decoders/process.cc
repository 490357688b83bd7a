// SPDX-License-Identifier: MIT
// Process lifecycle: execve, clone/clone3/fork, wait4/waitid, exit, pid
// calls, namespaces, kcmp, pidfd, process_vm_*. The rest of the family is in
// proc_ctl.cc (prctl, arch_prctl, capabilities), proc_sched.cc (limits,
// scheduling), proc_trace.cc (ptrace, seccomp) and proc_info.cc (uid/gid,
// groups, uname, sysinfo, times); process() merges their tables.
#include <sys/wait.h>

#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

#include "decoders/families.h"
#include "decoders/proc_common.h"
#include "decoders/proc_tables.h"
#include "decoders/siginfo.h"
#include "syscalls/signal_names.h"

namespace syscope::families {
namespace {

using namespace syscope::pdec;

constexpr uint64_t kCloneVm = 0x100, kCloneSettls = 0x80000, kCloneParentSettid = 0x100000,
                   kCloneChildCleartid = 0x200000, kCloneChildSettid = 0x1000000,
                   kClonePidfd = 0x1000, kCloneIntoCgroup = 0x200000000ull;

uint64_t word_size(const Call& c) { return compat(c) ? 4 : 8; }

// Reads one pointer-sized word of the tracee.
bool read_word(Call& c, uint64_t addr, uint64_t* w) {
  if (compat(c)) {
    uint32_t v;
    if (c.ctx().read(addr, &v, 4) != 4) return false;
    *w = v;
    return true;
  }
  return c.ctx().read(addr, w, 8) == 8;
}

// execve's argv (and envp with -v): strings, at most -s of them.
void print_argv(Call& c, uint64_t addr) {
  Printer& p = *c.p;
  if (!addr || !p.opt().verbose_structs) {
    p.addr(addr);
    return;
  }
  uint64_t ws = word_size(c), prev = 0;
  for (unsigned n = 0;; prev = addr, addr += ws, ++n) {
    uint64_t w;
    if (addr < prev || !read_word(c, addr, &w)) {
      if (n == 0) {
        p.addr(addr);
        return;
      }
      p.lit(", ...");
      char b[32];
      snprintf(b, sizeof b, "%#llx", static_cast<unsigned long long>(addr));
      comment(p, b);
      break;
    }
    if (n == 0) p.ch('[');
    if (w == 0) break;
    if (n != 0) p.lit(", ");
    if (p.opt().abbrev && n >= p.opt().string_limit) {
      p.lit("...");
      break;
    }
    p.cstr(w);
  }
  p.ch(']');
}

// envp without -v: the address and "/* N vars */".
void print_argc(Call& c, uint64_t addr) {
  Printer& p = *c.p;
  p.addr(addr);
  if (!addr || !p.opt().verbose_structs) return;
  uint64_t ws = word_size(c), prev = 0;
  unsigned n;
  for (n = 0; addr > prev; prev = addr, addr += ws, ++n) {
    uint64_t w;
    if (!read_word(c, addr, &w)) {
      if (n == 0) return;
      addr = 0;
      break;
    }
    if (w == 0) break;
  }
  std::string s = std::to_string(n) + (n == 1 ? " var" : " vars");
  if (addr < prev) s += ", unterminated";
  comment(p, s);
}

void decode_execve(Call& c, int i) {
  c.p->path(c.arg(i));
  c.p->sep();
  print_argv(c, c.arg(i + 1));
  c.p->sep();
  if (c.p->opt().abbrev)
    print_argc(c, c.arg(i + 2));
  else
    print_argv(c, c.arg(i + 2));
}

bool dec_execve(Call& c) {
  decode_execve(c, 0);
  return true;
}

bool dec_execveat(Call& c) {
  c.p->dirfd(c.iarg(0));
  c.p->sep();
  decode_execve(c, 1);
  c.p->sep();
  flags(*c.p, static_cast<uint32_t>(c.arg(4)), xlat::at_flags, "AT_???");
  return true;
}

// printnum_pid / printnum_fd: "[123]".
void num_pid(Call& c, uint64_t addr) { num_int(c, addr, VFmt::kD); }
void num_fd(Call& c, uint64_t addr) {
  int32_t fd;
  if (!fetch(c, addr, &fd)) return;
  c.p->ch('[');
  c.p->fd(fd);
  c.p->ch(']');
}

// The tls argument: an address (x86_64), a struct user_desc pointer (i386:
// printed as its address here).
void print_tls(Call& c, uint64_t v) { c.p->addr(v); }

bool dec_clone(Call& c) {
  // x86_64 argument order: flags, stack, parent_tid, child_tid, tls; i386
  // swaps tls and child_tid.
  const int ctid = compat(c) ? 4 : 3, tls = compat(c) ? 3 : 4;
  uint64_t fl = c.arg(0) & ~0xffull;
  Printer& p = *c.p;
  if (!c.exiting) {
    unsigned sig = c.arg(0) & 0xff;
    p.lit("child_stack=");
    p.addr(c.arg(1));
    p.lit(", flags=");
    if (fl) {
      flags(p, fl, xlat::clone_flags, "CLONE_???");
      if (sig) {
        p.ch('|');
        p.signo(sig);
      }
    } else {
      p.signo(sig);
    }
    return (fl & (kCloneParentSettid | kClonePidfd | kCloneChildSettid | kCloneChildCleartid |
                  kCloneSettls)) == 0;
  }
  if (fl & (kCloneParentSettid | kClonePidfd)) {
    p.lit(", parent_tid=");
    if (fl & kCloneParentSettid)
      num_pid(c, c.arg(2));
    else
      num_fd(c, c.arg(2));
  }
  if (fl & kCloneSettls) {
    p.lit(", tls=");
    print_tls(c, c.arg(tls));
  }
  if (fl & (kCloneChildSettid | kCloneChildCleartid)) {
    p.lit(", child_tidptr=");
    p.addr(c.arg(ctid));
  }
  return true;
}

struct CloneArgs {
  uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid,
      set_tid_size, cgroup;
};

bool dec_clone3(Call& c) {
  constexpr uint64_t kMinSize = 64;  // through tls
  const uint64_t addr = c.arg(0), size = c.arg(1);
  const uint64_t fetch_size = std::min<uint64_t>(size, sizeof(CloneArgs));
  Printer& p = *c.p;
  CloneArgs a{};
  if (!c.exiting) {
    if (fetch_size < kMinSize) {
      p.addr(addr);
    } else if (fetch_n(c, addr, &a, fetch_size)) {
      p.lit("{flags=");
      flags(p, a.flags, xlat::clone_flags, "CLONE_???", &xlat::clone3_flags);
      if (a.flags & kClonePidfd) {
        p.lit(", pidfd=");
        p.addr(a.pidfd);
      }
      if (a.flags & (kCloneChildSettid | kCloneChildCleartid)) {
        p.lit(", child_tid=");
        p.addr(a.child_tid);
      }
      if (a.flags & kCloneParentSettid) {
        p.lit(", parent_tid=");
        p.addr(a.parent_tid);
      }
      p.lit(", exit_signal=");
      if (a.exit_signal < INT_MAX)
        p.signo(static_cast<int>(a.exit_signal));
      else
        p.udec(a.exit_signal);
      p.lit(", stack=");
      p.addr(a.stack);
      p.lit(", stack_size=");
      val(p, a.stack_size, VFmt::kX);
      if (a.flags & kCloneSettls) {
        p.lit(", tls=");
        print_tls(c, a.tls);
      }
      if (a.set_tid || a.set_tid_size) {
        p.lit(", set_tid=");
        if (!a.set_tid || !a.set_tid_size || a.set_tid_size > 32)
          p.addr(a.set_tid);
        else
          array(c, a.set_tid, a.set_tid_size, 4,
                [](Call& cc, const void* e, void*) {
                  int32_t v;
                  memcpy(&v, e, 4);
                  cc.p->dec(v);
                },
                nullptr);
        p.lit(", set_tid_size=");
        p.udec(a.set_tid_size);
      }
      if (fetch_size > 80 && (a.cgroup || (a.flags & kCloneIntoCgroup))) {
        p.lit(", cgroup=");
        p.udec(a.cgroup);
      }
      p.ch('}');
      if ((a.flags & (kClonePidfd | kCloneParentSettid)) || size > fetch_size) return false;
    }
    p.sep();
    p.udec(size);
    return true;
  }
  if (!c.failed()) {
    if (c.ctx().read(addr, &a, fetch_size) != fetch_size) {
      p.lit(" => ");
      p.addr(addr);
    } else {
      bool first = true;
      auto field = [&](const char* name) {
        p.lit(first ? " => {" : ", ");
        first = false;
        p.lit(name);
      };
      if (a.flags & kClonePidfd) {
        field("pidfd=");
        num_fd(c, a.pidfd);
      }
      if (a.flags & kCloneParentSettid) {
        field("parent_tid=");
        num_pid(c, a.parent_tid);
      }
      if (!first) p.ch('}');
    }
  }
  p.sep();
  p.udec(size);
  return true;
}

// The wait status as strace's printstatus: "[{WIFEXITED(s) && ...}]".
void print_status(Printer& p, int status) {
  char b[160];
  p.ch('[');
  if (WIFSTOPPED(status)) {
    int sig = WSTOPSIG(status);
    snprintf(b, sizeof b, "{WIFSTOPPED(s) && WSTOPSIG(s) == %s%s}",
             signal_name_or_number(sig & 0x7f).c_str(), sig & 0x80 ? " | 0x80" : "");
    p.lit(b);
    status &= ~((sig << 8) | 0x7f);
  } else if (WIFSIGNALED(status)) {
    snprintf(b, sizeof b, "{WIFSIGNALED(s) && WTERMSIG(s) == %s%s}",
             signal_name_or_number(WTERMSIG(status)).c_str(),
             WCOREDUMP(status) ? " && WCOREDUMP(s)" : "");
    p.lit(b);
    status &= ~(WTERMSIG(status) | 0x80);
  } else if (WIFEXITED(status)) {
    snprintf(b, sizeof b, "{WIFEXITED(s) && WEXITSTATUS(s) == %d}", WEXITSTATUS(status));
    p.lit(b);
    status &= ~(WEXITSTATUS(status) << 8);
  } else if (WIFCONTINUED(status)) {
    p.lit("{WIFCONTINUED(s)}");
    status &= ~0xffff;
  } else {
    val(p, static_cast<uint32_t>(status), VFmt::kX);
    p.ch(']');
    return;
  }
  if (status) {
    unsigned event = static_cast<unsigned>(status) >> 16;
    if (event) {
      p.ch('|');
      xval32(p, event, xlat::ptrace_events, "PTRACE_EVENT_???");
      p.lit("<<16");
      status &= 0xffff;
    }
    if (status) {
      p.ch('|');
      val(p, static_cast<uint32_t>(status), VFmt::kX);
    }
  }
  p.ch(']');
}

bool dec_wait4(Call& c) {
  if (!c.exiting) {
    c.p->dec(c.iarg(0));
    c.p->sep();
    return false;
  }
  int status;
  if (c.rval == 0)
    c.p->addr(c.arg(1));
  else if (fetch(c, c.arg(1), &status))
    print_status(*c.p, status);
  c.p->sep();
  flags(*c.p, static_cast<uint32_t>(c.arg(2)), xlat::wait4_options, "W???");
  if (c.desc && c.desc->nargs > 3) {
    c.p->sep();
    if (c.rval > 0)
      rusage(c, c.arg(3));
    else
      c.p->addr(c.arg(3));
  }
  return true;
}

bool dec_waitid(Call& c) {
  if (!c.exiting) {
    uint32_t idtype = static_cast<uint32_t>(c.arg(0));
    xval32(*c.p, idtype, xlat::waitid_idtypes, "P_???");
    c.p->sep();
    if (idtype == P_PIDFD)
      c.p->fd(c.iarg(1));
    else
      c.p->dec(c.iarg(1));
    c.p->sep();
    return false;
  }
  siginfo_t si;
  if (fetch(c, c.arg(2), &si)) print_siginfo(*c.p, si, compat(c));
  c.p->sep();
  flags(*c.p, static_cast<uint32_t>(c.arg(3)), xlat::wait4_options, "W???");
  c.p->sep();
  rusage(c, c.arg(4));
  return true;
}

// strace's printargs_d: every argument as a signed int.
bool dec_args_d(Call& c) {
  int n = c.desc ? c.desc->nargs : 1;
  for (int i = 0; i < n; ++i) {
    if (i) c.p->sep();
    c.p->dec(c.iarg(i));
  }
  return true;
}

bool dec_unshare(Call& c) {
  flags(*c.p, c.arg(0), xlat::unshare_flags, "CLONE_???");
  return true;
}

bool dec_setns(Call& c) {
  c.p->fd(c.iarg(0));
  c.p->sep();
  flags(*c.p, static_cast<uint32_t>(c.arg(1)), xlat::setns_types, "CLONE_NEW???");
  return true;
}

// An fd of another process, with -y its path from /proc/PID/fd (strace's
// printfd_pid).
void print_fd_of(Call& c, int pid, int fd) {
  Printer& p = *c.p;
  p.dec(fd);
  if (!p.opt().decode_fds || fd < 0 || pid <= 0) return;
  char link[64], path[4096];
  snprintf(link, sizeof link, "/proc/%d/fd/%d", pid, fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n <= 0) return;
  // As Printer::fd_annotation: readlink's " (deleted)" goes after the '>'.
  std::string_view v(path, static_cast<size_t>(n));
  static constexpr std::string_view kDeleted = " (deleted)";
  bool deleted = v.size() > kDeleted.size() && v.ends_with(kDeleted);
  if (deleted) v.remove_suffix(kDeleted.size());
  p.ch('<');
  Printer::quote_into(&p.out(), reinterpret_cast<const unsigned char*>(v.data()), v.size(),
                      p.opt().hex_strings, false, true);
  p.ch('>');
  if (deleted) p.lit("(deleted)");
}

// The pid a pidfd of the tracee refers to ("Pid:" in its fdinfo), or -1.
int pidfd_pid(Call& c, int pidfd) {
  char name[64];
  snprintf(name, sizeof name, "/proc/%d/fdinfo/%d", c.ctx().pid(), pidfd);
  FILE* f = fopen(name, "re");
  if (!f) return -1;
  char line[256];
  int pid = -1;
  while (fgets(line, sizeof line, f))
    if (sscanf(line, "Pid:\t%d", &pid) == 1) break;
  fclose(f);
  return pid;
}

bool dec_kcmp(Call& c) {
  Printer& p = *c.p;
  p.dec(c.iarg(0));
  p.sep();
  p.dec(c.iarg(1));
  p.sep();
  int type = c.iarg(2);
  xval32(p, static_cast<uint32_t>(type), xlat::kcmp_types, "KCMP_???");
  enum { kFile = 0, kVm, kFiles, kFs, kSighand, kIo, kSysvsem, kEpollTfd };
  switch (type) {
    case kFile:
      p.sep();
      print_fd_of(c, c.iarg(0), static_cast<int>(c.arg(3)));
      p.sep();
      print_fd_of(c, c.iarg(1), static_cast<int>(c.arg(4)));
      break;
    case kEpollTfd: {
      p.sep();
      print_fd_of(c, c.iarg(0), static_cast<int>(c.arg(3)));
      p.sep();
      struct {
        uint32_t efd, tfd, toff;
      } slot;
      if (!fetch(c, c.arg(4), &slot)) break;
      p.lit("{efd=");
      print_fd_of(c, c.iarg(1), static_cast<int>(slot.efd));
      p.lit(", tfd=");
      print_fd_of(c, c.iarg(1), static_cast<int>(slot.tfd));
      p.lit(", toff=");
      p.udec(slot.toff);
      p.ch('}');
      break;
    }
    case kVm:
    case kFiles:
    case kFs:
    case kSighand:
    case kIo:
    case kSysvsem: break;
    default:
      p.sep();
      val(p, c.arg(3), VFmt::kX);
      p.sep();
      val(p, c.arg(4), VFmt::kX);
  }
  return true;
}

bool dec_pidfd_open(Call& c) {
  c.p->dec(c.iarg(0));
  c.p->sep();
  flags(*c.p, static_cast<uint32_t>(c.arg(1)), xlat::pidfd_open_flags, "PIDFD_???");
  return true;
}

bool dec_pidfd_getfd(Call& c) {
  c.p->fd(c.iarg(0));
  c.p->sep();
  int target = pidfd_pid(c, c.iarg(0));
  if (target > 0)
    print_fd_of(c, target, c.iarg(1));
  else
    c.p->dec(c.iarg(1));
  c.p->sep();
  val(*c.p, static_cast<uint32_t>(c.arg(2)), VFmt::kX);
  return true;
}

bool dec_process_vm_readv(Call& c) {
  if (!c.exiting) {
    c.p->dec(c.iarg(0));
    c.p->sep();
    return false;
  }
  bool failed = c.failed();
  iov(c, c.arg(1), c.arg(2), !failed, failed ? UINT64_MAX : static_cast<uint64_t>(c.rval));
  c.p->sep();
  c.p->udec(c.arg(2));
  c.p->sep();
  iov(c, c.arg(3), c.arg(4), false, UINT64_MAX);
  c.p->sep();
  c.p->udec(c.arg(4));
  c.p->sep();
  c.p->udec(c.arg(5));
  return true;
}

bool dec_process_vm_writev(Call& c) {
  c.p->dec(c.iarg(0));
  c.p->sep();
  iov(c, c.arg(1), c.arg(2), true, UINT64_MAX);
  c.p->sep();
  c.p->udec(c.arg(2));
  c.p->sep();
  iov(c, c.arg(3), c.arg(4), false, UINT64_MAX);
  c.p->sep();
  c.p->udec(c.arg(4));
  c.p->sep();
  c.p->udec(c.arg(5));
  return true;
}

// One pid argument (getpgid, getsid) or two (setpgid).
bool dec_pids(Call& c) { return dec_args_d(c); }

const DecoderEntry kTable[] = {
    {"execve", dec_execve, RetFmt::kDec},
    {"execveat", dec_execveat, RetFmt::kDec},
    {"clone", dec_clone, RetFmt::kDec},
    {"clone3", dec_clone3, RetFmt::kDec},
    {"wait4", dec_wait4, RetFmt::kDec},
    {"waitpid", dec_wait4, RetFmt::kDec},
    {"waitid", dec_waitid, RetFmt::kDec},
    {"exit", dec_args_d, RetFmt::kDec},
    {"exit_group", dec_args_d, RetFmt::kDec},
    {"getpgid", dec_pids, RetFmt::kDec},
    {"getsid", dec_pids, RetFmt::kDec},
    {"setpgid", dec_pids, RetFmt::kDec},
    {"unshare", dec_unshare, RetFmt::kDec},
    {"setns", dec_setns, RetFmt::kDec},
    {"kcmp", dec_kcmp, RetFmt::kDec},
    {"pidfd_open", dec_pidfd_open, RetFmt::kFd},
    {"pidfd_getfd", dec_pidfd_getfd, RetFmt::kFd},
    {"process_vm_readv", dec_process_vm_readv, RetFmt::kDec},
    {"process_vm_writev", dec_process_vm_writev, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> process() {
  static const std::vector<DecoderEntry> all = [] {
    std::vector<DecoderEntry> v(std::begin(kTable), std::end(kTable));
    for (auto part : {proc_ctl_table(), proc_sched_table(), proc_trace_table(), proc_info_table()}) v.insert(v.end(), part.begin(), part.end());
    return v;
  }();
  return all;
}

}  // namespace syscope::families

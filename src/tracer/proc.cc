// SPDX-License-Identifier: MIT
#include "tracer/proc.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace syscope::proc {

pid_t tgid_of(pid_t tid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/status", tid);
  FILE* f = fopen(path, "re");
  if (!f) return tid;
  char line[256];
  pid_t tgid = tid;
  while (fgets(line, sizeof line, f)) {
    if (std::strncmp(line, "Tgid:", 5) == 0) {
      tgid = static_cast<pid_t>(std::atoi(line + 5));
      break;
    }
  }
  fclose(f);
  return tgid;
}

std::vector<pid_t> threads_of(pid_t pid) {
  std::vector<pid_t> out;
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/task", pid);
  DIR* d = opendir(path);
  if (!d) return out;
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
    out.push_back(static_cast<pid_t>(std::atoi(e->d_name)));
  }
  closedir(d);
  return out;
}

bool clone_makes_thread(Tracee& t) {
  const SyscallDesc* d = syscall_by_nr(t.last_abi, t.last_nr);
  if (!d) return false;
  if (std::strcmp(d->name, "clone") == 0) return (t.last_args[0] & CLONE_THREAD) != 0;
  if (std::strcmp(d->name, "clone3") == 0) {
    uint64_t flags = 0;
    if (t.mem.read(t.last_args[0], &flags, sizeof flags) == sizeof flags)
      return (flags & CLONE_THREAD) != 0;
    return tgid_of(t.tid) != t.tid;
  }
  return false;
}

long current_syscall(pid_t tid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/syscall", tid);
  FILE* f = fopen(path, "re");
  if (!f) return -1;
  long nr = -1;
  if (fscanf(f, "%ld", &nr) != 1) nr = -1;
  fclose(f);
  return nr;
}

std::string fd_path(pid_t tid, int fd) {
  char path[64];
  if (fd == AT_FDCWD)
    snprintf(path, sizeof path, "/proc/%d/cwd", tid);
  else
    snprintf(path, sizeof path, "/proc/%d/fd/%d", tid, fd);
  char buf[4097];
  ssize_t n = readlink(path, buf, sizeof buf - 1);
  if (n <= 0) return {};
  return std::string(buf, static_cast<size_t>(n));
}

}  // namespace syscope::proc

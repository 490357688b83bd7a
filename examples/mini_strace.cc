// SPDX-License-Identifier: MIT
// A minimal strace on the library: run a command and print every syscall as
// name(args) = result on stderr. The engine (Tracer) runs the ptrace loop and
// calls our Observer at each syscall entry and exit.
//
//   $ build/examples/mini_strace /bin/echo hi
//   openat(AT_FDCWD, "/etc/ld.so.cache", 0x80000) = 3
//   ...
//   write(0x1, 0x55d0c1e4b2a0, 0x3) = 3
//   exit_group(0) = ?
//   +++ exited with 0 +++
#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "syscope/syscall_table.h"
#include "syscope/tracer.h"

using namespace syscope;

class MiniStrace : public Observer {
 public:
  void on_syscall_entry(SyscallStop& s) override {
    const SyscallDesc* d = syscall_by_nr(s.abi, s.nr);
    std::string line = d ? d->name : "syscall_" + std::to_string(s.nr);
    line += '(';
    for (int i = 0; i < (d ? d->nargs : 6); ++i) {
      if (i) line += ", ";
      line += arg(s, d, i);
    }
    line += ')';
    fputs(line.c_str(), stderr);
    if (d && (d->classes & kNeverReturns)) fputs(" = ?\n", stderr);
  }
  void on_syscall_exit(SyscallStop& s) override {
    if (s.is_error)
      fprintf(stderr, " = -1 %s (%s)\n", strerrorname_np(static_cast<int>(-s.rval)), strerror(static_cast<int>(-s.rval)));
    else if (s.rval > 0xffffff)  // addresses
      fprintf(stderr, " = %#" PRIx64 "\n", static_cast<uint64_t>(s.rval));
    else
      fprintf(stderr, " = %" PRId64 "\n", s.rval);
  }
  void on_exit(Tracee&, const pt::WaitStatus& ws) override {
    if (ws.kind == pt::WaitStatus::Kind::kExited) fprintf(stderr, "+++ exited with %d +++\n", ws.sig);
    else fprintf(stderr, "+++ killed by %s +++\n", sigabbrev_np(ws.sig));
  }

 private:
  // Paths are read from the tracee's memory; everything else is hex.
  static std::string arg(SyscallStop& s, const SyscallDesc* d, int i) {
    char buf[32];
    uint64_t v = s.args[i];
    bool at = d && std::strstr(d->name, "at") && (d->classes & kClassFile);
    if (at && i == 0 && static_cast<int>(v) == -100) return "AT_FDCWD";
    if (d && (d->classes & kClassFile) && i == (at ? 1 : 0)) {
      std::string str;
      bool terminated;
      if (s.tracee.mem.read_cstring(v, 256, &str, &terminated)) return '"' + str + (terminated ? "\"" : "\"...");
    }
    snprintf(buf, sizeof buf, "%#" PRIx64, v);
    return buf;
  }
};

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: mini_strace COMMAND [ARGS...]\n");
    return 2;
  }
  std::string path = argv[1];
  for (const char* dirs = getenv("PATH"); path.find('/') == std::string::npos && dirs && *dirs;) {
    const char* colon = std::strchr(dirs, ':');
    std::string cand = std::string(dirs, colon ? colon - dirs : std::strlen(dirs)) + "/" + argv[1];
    if (access(cand.c_str(), X_OK) == 0) path = cand;
    dirs = colon ? colon + 1 : nullptr;
  }
  Tracer tracer(TracerOptions{});
  MiniStrace printer;
  tracer.add_observer(&printer);
  auto pid = tracer.spawn(path, std::vector<std::string>(argv + 1, argv + argc));
  if (!pid) {
    fprintf(stderr, "mini_strace: %s\n", pid.error().message().c_str());
    return 1;
  }
  return tracer.run();
}

// SPDX-License-Identifier: MIT
// Library example: tampering hooks (include/syscope/tamper.h).
//
//   tamper_fake_uid [--uid N] [--hostname FILE] [--deny PATH] PROG [ARGS...]
//
// Runs PROG (and its children) with
//   --uid N          getuid/geteuid (and the 32-bit ABI's getuid32/geteuid32)
//                    returning N: an exit hook changes the return value;
//   --hostname FILE  every path argument "/etc/hostname" pointing at FILE
//                    instead: an entry hook rewrites the path argument;
//   --deny PATH      openat(PATH) failing with EACCES without running: an
//                    entry hook skips the call.
// Each tampered call is reported on stderr; the exit status is PROG's.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "syscope/tamper.h"
#include "syscope/tracer.h"

namespace {

std::string find_program(const std::string& name) {
  if (name.find('/') != std::string::npos) return name;
  const char* path = getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  size_t pos = 0;
  while (pos <= dirs.size()) {
    size_t colon = dirs.find(':', pos);
    if (colon == std::string::npos) colon = dirs.size();
    std::string candidate = dirs.substr(pos, colon - pos) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    pos = colon + 1;
  }
  return "";
}

// The string a path argument points at ("" if unreadable).
std::string path_arg(syscope::TamperCall& c, int i) {
  std::string s;
  bool terminated = false;
  if (!c.tracee().mem.read_cstring(c.stop.args[i], 4096, &s, &terminated) || !terminated) return "";
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  long uid = -1;
  std::string hostname, deny;
  int i = 1;
  for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
    if (!strcmp(argv[i], "--uid")) uid = strtol(argv[i + 1], nullptr, 10);
    else if (!strcmp(argv[i], "--hostname")) hostname = argv[i + 1];
    else if (!strcmp(argv[i], "--deny")) deny = argv[i + 1];
    else break;
  }
  if (i >= argc) {
    fprintf(stderr, "usage: %s [--uid N] [--hostname FILE] [--deny PATH] PROG [ARGS...]\n", argv[0]);
    return 2;
  }
  std::vector<std::string> args(argv + i, argv + argc);
  std::string prog = find_program(args[0]);
  if (prog.empty()) {
    fprintf(stderr, "%s: %s: not found\n", argv[0], args[0].c_str());
    return 127;
  }

  syscope::TracerOptions opts;
  opts.follow_forks = true;
  syscope::Tracer tracer(opts);
  syscope::Tamper tamper(tracer);

  if (uid >= 0) {
    for (const char* name : {"getuid", "geteuid", "getuid32", "geteuid32"}) {
      tamper.on_exit(name, [uid, name](syscope::TamperCall& c) {
        int64_t real = c.stop.rval;
        if (c.set_return(uid))
          fprintf(stderr, "[pid %d] %s() = %ld (was %lld)\n", c.tracee().tid, name, uid, static_cast<long long>(real));
      });
    }
  }
  if (!hostname.empty() || !deny.empty()) {
    tamper.on_entry([&](syscope::TamperCall& c) {
      const char* name = c.name();
      if (!name) return;
      // The path-taking calls this example knows: open(path), openat/newfstatat/statx(dirfd, path), stat/access(path).
      int arg = !strcmp(name, "openat") || !strcmp(name, "newfstatat") || !strcmp(name, "statx") ? 1
                : !strcmp(name, "open") || !strcmp(name, "stat") || !strcmp(name, "access") ? 0
                                                                                          : -1;
      if (arg < 0) return;
      std::string path = path_arg(c, arg);
      if (!deny.empty() && path == deny && !strcmp(name, "openat")) {
        if (c.fail(EACCES)) fprintf(stderr, "[pid %d] %s(\"%s\") denied\n", c.tracee().tid, name, path.c_str());
      } else if (!hostname.empty() && path == "/etc/hostname") {
        if (c.set_path_arg(arg, hostname))
          fprintf(stderr, "[pid %d] %s(\"%s\") -> \"%s\"\n", c.tracee().tid, name, path.c_str(), hostname.c_str());
      }
    });
  }
  tracer.add_observer(&tamper);

  auto pid = tracer.spawn(prog, args);
  if (!pid) {
    fprintf(stderr, "%s: %s\n", argv[0], pid.error().message().c_str());
    return 1;
  }
  int status = tracer.run();
  return status;
}

// SPDX-License-Identifier: MIT
// The "simple tracer": start a child, stop it, read its stack, change one of
// its variables and let it continue - the child then prints the new value.
//
//   $ build/examples/simple_tracer
//   child: secret = 42, waiting
//   tracer: attached to 1234, stopped at rip=0x7f... rsp=0x7ffd...
//   tracer: stack[0..3] = ...
//   tracer: found the child's local 'marker' on its stack at rsp+0x...
//   tracer: secret 42 -> 1234
//   child: secret = 1234
#include <sys/wait.h>
#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <vector>

#include "syscope/process.h"

// After fork the child has the same layout: &g_secret is valid in both.
static volatile long g_secret = 42;

static int child(int ready_fd, int go_fd) {
  volatile uint64_t marker = 0x5eedf00dcafe1234;  // a local, on the child's stack
  printf("child: secret = %ld, waiting\n", g_secret);
  fflush(stdout);
  char c = 1;
  if (write(ready_fd, &c, 1) != 1 || read(go_fd, &c, 1) != 1) return 1;  // stopped in here
  printf("child: secret = %ld\n", g_secret);
  return marker == 0x5eedf00dcafe1234 ? 0 : 1;
}

int main() {
  setvbuf(stdout, nullptr, _IOLBF, 0);
  int ready[2], go[2];
  if (pipe(ready) < 0 || pipe(go) < 0) return 1;
  pid_t pid = fork();
  if (pid == 0) _exit(child(ready[1], go[0]));
  char c;
  if (read(ready[0], &c, 1) != 1) return 1;

  {
    // 1. Stop it: seize + interrupt, wait until it is stopped.
    auto p = syscope::Process::attach(pid);
    if (!p) {
      fprintf(stderr, "tracer: %s\n", p.error().message().c_str());
      return 1;
    }
    syscope::Process& proc = **p;
    auto regs = proc.main_thread().registers();
    if (!regs) return 1;
    printf("tracer: attached to %d, stopped at rip=%#" PRIx64 " rsp=%#" PRIx64 "\n", pid, regs->ip(),
           regs->sp());

    // 2. Read its stack (one process_vm_readv) and look for the marker.
    std::vector<uint64_t> stack(1024);
    size_t got = proc.memory().read(regs->sp(), stack.data(), stack.size() * 8) / 8;
    printf("tracer: stack[0..3] = %#" PRIx64 " %#" PRIx64 " %#" PRIx64 " %#" PRIx64 " (%zu words read)\n",
           stack[0], stack[1], stack[2], stack[3], got);
    for (size_t i = 0; i < got; ++i)
      if (stack[i] == 0x5eedf00dcafe1234)
        printf("tracer: found the child's local 'marker' on its stack at rsp+%#zx\n", i * 8);

    // 3. Change a variable.
    uint64_t addr = reinterpret_cast<uintptr_t>(&g_secret);
    auto before = proc.read_value<long>(addr);
    if (!before || !proc.write_value<long>(addr, 1234)) return 1;
    printf("tracer: secret %ld -> %ld\n", *before, *proc.read_value<long>(addr));
  }  // 4. ~Process detaches: the child runs on

  if (write(go[1], &c, 1) != 1) return 1;
  int status;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

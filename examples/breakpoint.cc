// SPDX-License-Identifier: MIT
// A software breakpoint: write int3 (0xcc) over the first byte of a function
// in a child, catch the SIGTRAP it raises, look at the arguments, restore the
// byte, rewind rip by one, single-step over the original instruction,
// re-arm, continue. After three hits the breakpoint is removed for good.
//
//   $ build/examples/breakpoint
//   tracer: int3 planted at target (0x55...) via proc_mem, was 0xf3
//   tracer: breakpoint hit #1 at target, rdi = 1
//   child: target(1)
//   ...
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "syscope/process.h"

using syscope::Process;
using syscope::ThreadState;

__attribute__((noinline)) void target(int i) {
  printf("child: target(%d)\n", i);
  fflush(stdout);
}

int main() {
  setvbuf(stdout, nullptr, _IOLBF, 0);
  int go[2];
  if (pipe(go) < 0) return 1;
  pid_t pid = fork();
  if (pid == 0) {
    char c;
    if (read(go[0], &c, 1) != 1) _exit(1);
    for (int i = 1; i <= 4; ++i) target(i);
    _exit(0);
  }
  auto p = Process::attach(pid);
  if (!p) return fprintf(stderr, "tracer: %s\n", p.error().message().c_str()), 1;
  Process& proc = **p;
  syscope::Thread& t = proc.main_thread();
  const uint64_t addr = reinterpret_cast<uintptr_t>(&target);

  // Text is mapped read-only: process_vm_writev refuses, /proc/PID/mem writes.
  uint8_t orig, int3 = 0xcc;
  if (!proc.memory().read_exact(addr, &orig, 1)) return 1;
  auto st = proc.memory().write_status(addr, &int3, 1);
  if (st.done != 1) return fprintf(stderr, "tracer: cannot plant int3: %s\n", strerror(st.err)), 1;
  printf("tracer: int3 planted at target (%#" PRIx64 ") via %s, was %#x\n", addr,
         syscope::Memory::path_name(st.path), orig);

  char c = 1;
  if (write(go[1], &c, 1) != 1 || !t.cont()) return 1;
  for (int hits = 0; hits < 3;) {
    auto s = t.wait();
    if (!s || *s == ThreadState::kExited) return 1;
    if (*s != ThreadState::kSignal || t.signal() != SIGTRAP) {
      t.cont();  // another stop: deliver its signal (if any) and go on
      continue;
    }
    auto regs = t.registers();
    if (!regs || regs->ip() - 1 != addr) return fprintf(stderr, "tracer: unexpected SIGTRAP\n"), 1;
    printf("tracer: breakpoint hit #%d at target, rdi = %llu\n", ++hits, regs->raw.rdi);
    // Restore the instruction and run it from its start.
    proc.memory().write(addr, &orig, 1);
    regs->set_ip(addr);
    t.set_registers(*regs);
    t.set_pending_signal(0);  // the SIGTRAP was ours: do not deliver it
    if (hits < 3) {
      // Step over the original instruction, then re-arm.
      t.step();
      if (auto s2 = t.wait(); !s2 || *s2 != ThreadState::kSignal) return 1;
      t.set_pending_signal(0);
      proc.memory().write(addr, &int3, 1);
      t.cont();
    }
  }
  printf("tracer: breakpoint removed, detaching\n");
  proc.detach();
  int status;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

// SPDX-License-Identifier: MIT
// Many short-lived processes without a shell: N fork+exit (default 2000),
// each child makes one getppid. Measures per-process cost (and that it does
// not grow with the number of processes seen).
//   procs [N]
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
  int n = argc > 1 ? atoi(argv[1]) : 2000;
  for (int i = 0; i < n; ++i) {
    pid_t p = fork();
    if (p < 0) return 1;
    if (p == 0) {
      syscall(SYS_getppid);
      _exit(0);
    }
    waitpid(p, NULL, 0);
  }
  return 0;
}

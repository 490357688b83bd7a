// SPDX-License-Identifier: MIT
// Makes exactly N getppid calls (argv[1]) in the main thread, in each of T
// extra threads (argv[2], default 0) and in each of P child processes
// (argv[3], default 0), and no other getppid. A tracer must show N lines
// without -f and N*(1+T+P) with -f.
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long n;

static void* worker(void* arg) {
  (void)arg;
  for (long i = 0; i < n; ++i) syscall(SYS_getppid);
  return NULL;
}

int main(int argc, char** argv) {
  n = argc > 1 ? atol(argv[1]) : 1000;
  int threads = argc > 2 ? atoi(argv[2]) : 0;
  int procs = argc > 3 ? atoi(argv[3]) : 0;
  if (threads > 64) threads = 64;
  pthread_t th[64];
  for (int i = 0; i < threads; ++i) pthread_create(&th[i], NULL, worker, NULL);
  pid_t kids[64];
  if (procs > 64) procs = 64;
  for (int p = 0; p < procs; ++p) {
    kids[p] = fork();
    if (kids[p] == 0) {
      worker(NULL);
      _exit(0);
    }
  }
  worker(NULL);
  for (int i = 0; i < threads; ++i) pthread_join(th[i], NULL);
  for (int p = 0; p < procs; ++p) waitpid(kids[p], NULL, 0);
  return 0;
}

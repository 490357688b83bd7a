// SPDX-License-Identifier: MIT
// W4: a multithreaded syscall load. T threads (default 8) each make N
// getppid calls (default 25000). With T=1000 and small N it also measures
// per-event cost against the number of tracees.
//   threads [T [N]]
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static long per_thread;

static void* worker(void* arg) {
  (void)arg;
  for (long i = 0; i < per_thread; ++i) syscall(SYS_getppid);
  return NULL;
}

int main(int argc, char** argv) {
  int t = argc > 1 ? atoi(argv[1]) : 8;
  per_thread = argc > 2 ? atol(argv[2]) : 25000;
  pthread_t* th = calloc((size_t)t, sizeof *th);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 64 * 1024);
  for (int i = 0; i < t; ++i)
    if (pthread_create(&th[i], &attr, worker, NULL) != 0) {
      perror("pthread_create");
      return 1;
    }
  for (int i = 0; i < t; ++i) pthread_join(th[i], NULL);
  free(th);
  return 0;
}

// SPDX-License-Identifier: MIT
// Helper of tests/tamper: small deterministic programs whose behaviour shows
// what an injection or a rewrite did. Usage: tamper_probe MODE [ARGS...]
//   getpid            print what getpid/getuid/getppid return (raw syscalls)
//   signal            SIGUSR1 handler; one getppid; print whether it ran
//   sleep             SIGUSR1 handler; 50 ms clock_nanosleep; print result
//   write             write "hello world\n" twice, print the return values
//   chdir DIR         chdir(DIR) three times; print results
//   timed N           time N getppid calls (ms)
//   pair              fork: the child makes one getppid, the parent times
//                     200 getuid calls meanwhile (ms) and reaps the child
//   count N           N getpid calls, print how many failed with which errno
//   forkcount N       count N in a child, then in the parent (per-process counters)
//   threadcount N     count N in a thread, then in the main thread
//   paths OLDDIR      path-taking syscalls on OLDDIR/... (see below)
//   maps PATH [t]     rewritten-call memory check: /proc/self/maps before and
//                     after openat(PATH) [in a new thread with "t"]
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/stat.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;
static void handler(int s) { got = s; }

static void count(const char* who, int n) {
  printf("%s:", who);
  for (int i = 1; i <= n; ++i) {
    long r = syscall(SYS_getpid);
    if (r < 0) printf(" %d:%s", i, strerrorname_np(errno));
  }
  printf("\n");
}

static void* count_thread(void* arg) {
  count("thread", *(int*)arg);
  return NULL;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void res(const char* what, long r) {
  if (r < 0)
    printf("%s: -1 %s\n", what, strerrorname_np(errno) ? strerrorname_np(errno) : "?");
  else
    printf("%s: %ld\n", what, r);
}

static void read_file(const char* what, int fd) {
  if (fd < 0) {
    res(what, fd);
    return;
  }
  char buf[256];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n < 0) n = 0;
  buf[n] = 0;
  if (n && buf[n - 1] == '\n') buf[n - 1] = 0;
  printf("%s: ok \"%s\"\n", what, buf);
}

static int paths(const char* d) {
  char p[4096], q[4096];
  struct stat st;
#define P(name) (snprintf(p, sizeof p, "%s/%s", d, name), p)
#define Q(name) (snprintf(q, sizeof q, "%s/%s", d, name), q)
  read_file("open", (int)syscall(SYS_open, P("file"), O_RDONLY));
  read_file("openat", openat(AT_FDCWD, P("file"), O_RDONLY));
  res("stat", syscall(SYS_stat, P("file"), &st) == 0 ? (long)st.st_size : -1);
  res("lstat", syscall(SYS_lstat, P("file"), &st) == 0 ? (long)st.st_size : -1);
  res("newfstatat", syscall(SYS_newfstatat, AT_FDCWD, P("file"), &st, 0) == 0 ? (long)st.st_size : -1);
  struct statx sx;
  res("statx", syscall(SYS_statx, AT_FDCWD, P("file"), 0, STATX_SIZE, &sx) == 0 ? (long)sx.stx_size : -1);
  res("access", syscall(SYS_access, P("file"), R_OK));
  res("faccessat", syscall(SYS_faccessat, AT_FDCWD, P("file"), R_OK));
  char link[256];
  long n = syscall(SYS_readlink, P("link"), link, sizeof link - 1);
  if (n >= 0) {
    link[n] = 0;
    printf("readlink: ok \"%s\"\n", link);
  } else {
    res("readlink", n);
  }
  res("mkdir", syscall(SYS_mkdir, P("newdir"), 0755));
  res("rmdir", syscall(SYS_rmdir, P("newdir")));
  res("mkdir2", syscall(SYS_mkdir, P("keepdir"), 0755));
  res("rename", syscall(SYS_rename, P("a"), Q("b")));
  res("link", syscall(SYS_link, P("b"), Q("c")));
  res("unlink", syscall(SYS_unlink, P("b")));
  res("symlink", syscall(SYS_symlink, "file", P("sym")));
  res("truncate", syscall(SYS_truncate, P("trunc"), 3));
  res("chmod", syscall(SYS_chmod, P("file"), 0640));
  res("utimensat", syscall(SYS_utimensat, AT_FDCWD, P("file"), NULL, 0));
  res("chdir", syscall(SYS_chdir, d));
  char cwd[4096];
  printf("getcwd: %s\n", getcwd(cwd, sizeof cwd) ? cwd : "?");
  fflush(stdout);
  char* argv[] = {"echo", "execve: ok", NULL};
  syscall(SYS_execve, P("echo"), argv, environ);
  res("execve", -1);
  return 0;
#undef P
#undef Q
}

static char m1[1 << 16], m2[1 << 16];
static const char* map_path;

static size_t read_maps(char* buf) {
  int fd = (int)syscall(SYS_openat, AT_FDCWD, "/proc/self/maps", O_RDONLY);
  size_t len = 0;
  ssize_t n;
  while ((n = read(fd, buf + len, sizeof m1 - 1 - len)) > 0) len += (size_t)n;
  close(fd);
  buf[len] = 0;
  return len;
}

// Bytes mapped in total (sum of the sizes of all lines).
static long mapped(const char* maps) {
  long total = 0;
  for (const char* l = maps; *l;) {
    unsigned long lo, hi;
    if (sscanf(l, "%lx-%lx", &lo, &hi) == 2) total += (long)(hi - lo);
    const char* nl = strchr(l, '\n');
    if (!nl) break;
    l = nl + 1;
  }
  return total;
}

// Lines of b that are not in a (both NUL-terminated sets of lines).
static int count_new(const char* a, char* b, int print) {
  int count = 0;
  for (char* line = strtok(b, "\n"); line; line = strtok(NULL, "\n")) {
    if (!strstr(a, line)) {
      ++count;
      if (print) printf("new mapping: %s\n", line);
    }
  }
  return count;
}

static void* map_check(void* arg) {
  (void)arg;
  char buf[64];
  read_maps(m1);
  int fd = (int)syscall(SYS_openat, AT_FDCWD, map_path, O_RDONLY);
  ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
  if (fd >= 0) close(fd);
  buf[n > 0 ? n : 0] = 0;
  if (n > 0 && buf[n - 1] == '\n') buf[n - 1] = 0;
  read_maps(m2);
  long bytes = mapped(m2) - mapped(m1);
  int added = count_new(m1, m2, 1);
  // A second rewritten call must not add anything.
  read_maps(m1);
  fd = (int)syscall(SYS_openat, AT_FDCWD, map_path, O_RDONLY);
  if (fd >= 0) close(fd);
  read_maps(m2);
  long bytes2 = mapped(m2) - mapped(m1);
  int added2 = count_new(m1, m2, 1);
  printf("content: \"%s\"\nchanged mappings: %d then %d\nmapped bytes: %+ld then %+ld\n", buf, added, added2,
         bytes, bytes2);
  return NULL;
}

int main(int argc, char** argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  const char* mode = argc > 1 ? argv[1] : "";
  if (!strcmp(mode, "getpid")) {
    long a = syscall(SYS_getpid), b = syscall(SYS_getuid), c = syscall(SYS_getppid);
    printf("getpid=%ld getuid=%ld getppid_ok=%d\n", a, b, c == getppid());
    return 0;
  }
  if (!strcmp(mode, "signal")) {
    signal(SIGUSR1, handler);
    long r = syscall(SYS_getppid);
    printf("getppid=%s handler=%s\n", r > 0 ? "ok" : "bad", got == SIGUSR1 ? "ran" : "not run");
    return 0;
  }
  if (!strcmp(mode, "sleep")) {
    signal(SIGUSR1, handler);
    struct timespec ts = {0, 50000000};
    long r = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
    printf("sleep=%ld handler=%s\n", r == 0 ? 0L : (long)-errno, got == SIGUSR1 ? "ran" : "not run");
    return 0;
  }
  if (!strcmp(mode, "write")) {
    char msg[] = "hello world\n";
    long r1 = write(1, msg, sizeof msg - 1);
    long r2 = write(1, msg, sizeof msg - 1);
    printf("write=%ld,%ld\n", r1, r2);
    return 0;
  }
  if (!strcmp(mode, "chdir") && argc > 2) {
    for (int i = 0; i < 3; ++i) res("chdir", syscall(SYS_chdir, argv[2]));
    return 0;
  }
  if (!strcmp(mode, "timed") && argc > 2) {
    int n = atoi(argv[2]);
    double t0 = now_ms();
    for (int i = 0; i < n; ++i) syscall(SYS_getppid);
    printf("elapsed_ms=%.0f\n", now_ms() - t0);
    return 0;
  }
  if (!strcmp(mode, "pair")) {
    pid_t pid = fork();
    if (pid == 0) {
      syscall(SYS_getppid);
      _exit(0);
    }
    struct timespec ts = {0, 50000000};
    nanosleep(&ts, NULL);
    double t0 = now_ms();
    for (int i = 0; i < 200; ++i) syscall(SYS_getuid);
    double t1 = now_ms();
    int status;
    waitpid(pid, &status, 0);
    double t2 = now_ms();
    printf("parent_loop_ms=%.0f child_wait_ms=%.0f\n", t1 - t0, t2 - t0);
    return 0;
  }
  if (!strcmp(mode, "count") && argc > 2) {
    int n = atoi(argv[2]);
    for (int i = 1; i <= n; ++i) {
      long r = syscall(SYS_getpid);
      if (r < 0) printf("%d:%s ", i, strerrorname_np(errno));
    }
    printf("\n");
    return 0;
  }
  if (!strcmp(mode, "forkcount") && argc > 2) {
    int n = atoi(argv[2]);
    pid_t pid = fork();
    if (pid == 0) {
      count("child", n);
      _exit(0);
    }
    waitpid(pid, NULL, 0);
    count("parent", n);
    return 0;
  }
  if (!strcmp(mode, "threadcount") && argc > 2) {
    int n = atoi(argv[2]);
    pthread_t th;
    pthread_create(&th, NULL, count_thread, &n);
    pthread_join(th, NULL);
    count("main", n);
    return 0;
  }
  if (!strcmp(mode, "paths") && argc > 2) return paths(argv[2]);
  if (!strcmp(mode, "maps") && argc > 2) {
    map_path = argv[2];
    if (argc > 3) {
      pthread_t th;
      pthread_create(&th, NULL, map_check, NULL);
      pthread_join(th, NULL);
    } else {
      map_check(NULL);
    }
    return 0;
  }
  fprintf(stderr, "usage: tamper_probe MODE ...\n");
  return 2;
}

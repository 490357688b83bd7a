// SPDX-License-Identifier: MIT
// W2: a file-heavy walk. Creates DIR/f0000..f(N-1) (N files of 256 bytes,
// default 2000) if missing, then makes ROUNDS passes of
// openat/fstat/read/close over them (default 5: 20,000 syscalls at N=2000).
//   filewalk DIR [N [ROUNDS]]
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: filewalk DIR [N [ROUNDS]]\n");
    return 2;
  }
  const char* dir = argv[1];
  int n = argc > 2 ? atoi(argv[2]) : 2000;
  int rounds = argc > 3 ? atoi(argv[3]) : 5;
  int dfd = open(dir, O_RDONLY | O_DIRECTORY);
  if (dfd < 0) {
    perror(dir);
    return 1;
  }
  char name[32], buf[4096];
  for (int r = 0; r < rounds; ++r) {
    for (int i = 0; i < n; ++i) {
      snprintf(name, sizeof name, "f%05d", i);
      int fd = openat(dfd, name, O_RDONLY);
      if (fd < 0) {
        fd = openat(dfd, name, O_WRONLY | O_CREAT, 0644);
        if (fd < 0) {
          perror(name);
          return 1;
        }
        for (size_t k = 0; k < 256; ++k) buf[k] = (char)('a' + k % 26);
        if (write(fd, buf, 256) != 256) return 1;
        close(fd);
        continue;
      }
      struct stat st;
      fstat(fd, &st);
      if (read(fd, buf, sizeof buf) < 0) return 1;
      close(fd);
    }
  }
  return 0;
}

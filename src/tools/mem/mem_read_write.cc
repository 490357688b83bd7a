// SPDX-License-Identifier: MIT
// syscope mem maps | read | write
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "tools/mem/mem_cmds.h"
#include "tools/mem/tool_common.h"

namespace syscope::tools {
namespace {

std::string short_size(uint64_t n) {
  char buf[32];
  if (n >= (1ull << 30) && n % (1ull << 30) == 0) snprintf(buf, sizeof buf, "%lluG", (unsigned long long)(n >> 30));
  else if (n >= (1ull << 20) && n % (1ull << 20) == 0) snprintf(buf, sizeof buf, "%lluM", (unsigned long long)(n >> 20));
  else snprintf(buf, sizeof buf, "%lluK", (unsigned long long)(n >> 10));
  return buf;
}

void hexdump(FILE* out, uint64_t addr, const uint8_t* p, size_t n) {
  std::string line;
  for (size_t off = 0; off < n; off += 16) {
    char buf[160];
    int k = snprintf(buf, sizeof buf, "%016llx  ", static_cast<unsigned long long>(addr + off));
    line.assign(buf, static_cast<size_t>(k));
    size_t m = std::min<size_t>(16, n - off);
    for (size_t i = 0; i < 16; ++i) {
      if (i < m) {
        snprintf(buf, sizeof buf, "%02x ", p[off + i]);
        line += buf;
      } else {
        line += "   ";
      }
      if (i == 7) line += ' ';
    }
    line += " |";
    for (size_t i = 0; i < m; ++i) {
      uint8_t c = p[off + i];
      line += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '.';
    }
    line += "|\n";
    fputs(line.c_str(), out);
  }
}

bool write_all(int fd, const uint8_t* p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

}  // namespace

int cmd_maps(const MemArgs& a) {
  // Reading /proc/PID/maps needs no stop.
  auto maps = maps_or_report(kMem, a.pid);
  if (!maps) return 1;
  printf("%-33s %-4s %-8s %5s  %s\n", "START-END", "PERM", "OFFSET", "SIZE", "OBJECT");
  for (const auto& r : maps->regions()) {
    std::string obj = r.path;
    if (r.deleted) obj += " (deleted)";
    printf("%016llx-%016llx %s %08llx %5s  %s\n", static_cast<unsigned long long>(r.start),
           static_cast<unsigned long long>(r.end), r.perms().c_str(), static_cast<unsigned long long>(r.offset),
           short_size(r.size()).c_str(), obj.c_str());
  }
  return 0;
}

int cmd_read(const MemArgs& a) {
  auto len = parse_size(a.positional[1]);
  if (!len || *len == 0) return fail(kMem, "invalid length: '%s'", a.positional[1].c_str()), 2;
  if (*len > (1ull << 32)) return fail(kMem, "length too large: %s (at most 4 GiB)", a.positional[1].c_str()), 2;
  auto t = Target::open(a, true);
  if (!t) return 1;
  auto addr = t->address(a.positional[0]);
  if (!addr) return 2;
  std::vector<uint8_t> buf(*len);
  Memory::Status st = t->mem().read_status(*addr, buf.data(), buf.size());
  t->release();  // everything below works on our copy

  int rc = 0;
  if (!a.out.empty()) {
    int fd = open(a.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || !write_all(fd, buf.data(), st.done)) {
      fail(kMem, "cannot write %s: %s", a.out.c_str(), strerror(errno));
      if (fd >= 0) close(fd);
      return 1;
    }
    close(fd);
    fprintf(stderr, "syscope mem: %zu bytes at 0x%llx written to %s\n", st.done,
            static_cast<unsigned long long>(*addr), a.out.c_str());
  } else if (a.raw) {
    if (!write_all(1, buf.data(), st.done)) rc = 1;
  } else {
    hexdump(stdout, *addr, buf.data(), st.done);
  }
  if (st.done < buf.size()) {
    uint64_t bad = *addr + st.done;
    fail(kMem, "cannot read 0x%llx: %s", static_cast<unsigned long long>(bad),
         access_error(st.err, bad, t->maps(), false).c_str());
    return 1;
  }
  return rc;
}

int cmd_write(const MemArgs& a) {
  auto bytes = value_bytes(a);  // checked before the process is stopped
  if (!bytes) return 2;
  auto t = Target::open(a, true);
  if (!t) return 1;
  auto addr = t->address(a.positional[0]);
  if (!addr) return 2;
  Memory::Status st = t->mem().write_status(*addr, bytes->data(), bytes->size());
  t->release();
  std::string where = t->maps().describe(*addr);
  if (std::string sym = t->symbols().describe(*addr); !sym.empty()) where = sym;
  if (st.done < bytes->size()) {
    uint64_t bad = *addr + st.done;
    std::string partial;
    if (st.done > 0) partial = " (the " + std::to_string(st.done) + " bytes before it were written)";
    fail(kMem, "cannot write 0x%llx: %s%s", static_cast<unsigned long long>(bad),
         access_error(st.err, bad, t->maps(), true).c_str(), partial.c_str());
    return 1;
  }
  printf("wrote %zu bytes at 0x%llx%s%s%s via %s\n", bytes->size(), static_cast<unsigned long long>(*addr),
         where.empty() ? "" : " (", where.c_str(), where.empty() ? "" : ")", Memory::path_name(st.path));
  return 0;
}

}  // namespace syscope::tools

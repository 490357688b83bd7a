// SPDX-License-Identifier: MIT
// syscope mem dump | all | search
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "tools/mem/mem_cmds.h"
#include "tools/mem/tool_common.h"

namespace syscope::tools {
namespace {

struct Range {
  uint64_t start, end;
  const MapRegion* region;  // the region, or null for an explicit START-END range
};

bool default_region(const MapRegion& r) { return r.read && !r.is_pseudo_unreadable(); }

// REGION specs -> ranges. "all" (or no spec) selects every readable region.
std::optional<std::vector<Range>> select(Target& t, const std::vector<std::string>& specs) {
  std::vector<Range> out;
  auto add = [&](const MapRegion& r) {
    for (const auto& o : out)
      if (o.region == &r) return;
    out.push_back({r.start, r.end, &r});
  };
  if (specs.empty() || (specs.size() == 1 && (specs[0] == "all" || specs[0] == "ALL"))) {
    for (const auto& r : t.maps().regions())
      if (default_region(r)) add(r);
    return out;
  }
  for (const auto& s : specs) {
    if (size_t dash = s.find('-'); dash != std::string::npos && dash > 0) {
      auto lo = parse_number(s.substr(0, dash), true), hi = parse_number(s.substr(dash + 1), true);
      if (lo && hi) {
        if (*hi <= *lo) return fail(kMem, "invalid range: '%s'", s.c_str()), std::nullopt;
        out.push_back({*lo, *hi, nullptr});
        continue;
      }
    }
    auto named = t.maps().named(s);
    if (!named.empty()) {
      for (const auto* r : named)
        if (!r->is_pseudo_unreadable()) add(*r);
      continue;
    }
    auto addr = t.address(s);
    if (!addr) return std::nullopt;
    const MapRegion* r = t.maps().find(*addr);
    if (!r) return fail(kMem, "no region at 0x%llx ('%s')", static_cast<unsigned long long>(*addr), s.c_str()), std::nullopt;
    add(*r);
  }
  std::sort(out.begin(), out.end(), [](const Range& x, const Range& y) { return x.start < y.start; });
  return out;
}

std::string file_name(const Range& r) {
  std::string name = r.region ? std::string(r.region->name()) : "range";
  if (name.empty()) name = "anon";
  std::string clean;
  for (char c : name) {
    if (c == '[' || c == ']') continue;
    clean += (isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_') ? c : '_';
  }
  char buf[64];
  snprintf(buf, sizeof buf, "%016llx-%016llx_", static_cast<unsigned long long>(r.start),
           static_cast<unsigned long long>(r.end));
  return buf + clean + ".bin";
}

bool write_all(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

// Copies [r.start, r.end) to fd; unreadable pages become zeros. Returns the
// number of unreadable bytes, or -1 if the file could not be written.
int64_t dump_range(Memory& mem, const Range& r, int fd) {
  constexpr size_t kChunk = 4u << 20;
  std::vector<char> buf(kChunk);
  int64_t unreadable = 0;
  for (uint64_t pos = r.start; pos < r.end;) {
    size_t want = static_cast<size_t>(std::min<uint64_t>(kChunk, r.end - pos));
    Memory::Status st = mem.read_status(pos, buf.data(), want);
    size_t n = st.done;
    if (n < want) {
      // Zero-fill up to the end of the failing page and go on after it.
      size_t bad_end = std::min<size_t>(want, ((pos + n) | 0xfff) + 1 - pos);
      std::memset(buf.data() + n, 0, bad_end - n);
      unreadable += static_cast<int64_t>(bad_end - n);
      n = bad_end;
    }
    if (!write_all(fd, buf.data(), n)) return -1;
    pos += n;
  }
  return unreadable;
}

}  // namespace

int cmd_dump(const MemArgs& a, const std::string& what) {
  std::string dir = a.out.empty() ? "syscope-dump-" + std::to_string(a.pid) : a.out;
  if (mkdir(dir.c_str(), 0755) < 0 && errno != EEXIST) {
    fail(kMem, "cannot create %s: %s", dir.c_str(), strerror(errno));
    return 1;
  }
  auto t = Target::open(a, true);
  if (!t) return 1;
  auto ranges = select(*t, {what});
  if (!ranges) return 2;
  std::string manifest_path = dir + "/manifest.tsv";
  FILE* man = fopen(manifest_path.c_str(), "we");
  if (!man) return fail(kMem, "cannot write %s: %s", manifest_path.c_str(), strerror(errno)), 1;
  fprintf(man, "# syscope mem dump of pid %d\n", a.pid);
  fprintf(man, "start\tend\tperms\toffset\tsize\tunreadable\tfile\tobject\n");
  uint64_t total = 0;
  size_t files = 0;
  // Regions that "all" leaves out are listed too, without a file.
  if (what == "all" || what == "ALL") {
    for (const auto& r : t->maps().regions())
      if (!default_region(r))
        fprintf(man, "0x%llx\t0x%llx\t%s\t0x%llx\t%llu\t%llu\t-\t%s\n", (unsigned long long)r.start,
                (unsigned long long)r.end, r.perms().c_str(), (unsigned long long)r.offset,
                (unsigned long long)r.size(), (unsigned long long)r.size(), r.path.c_str());
  }
  for (const auto& r : *ranges) {
    std::string name = file_name(r);
    std::string path = dir + "/" + name;
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int64_t bad = fd < 0 ? -1 : dump_range(t->mem(), r, fd);
    if (fd >= 0) close(fd);
    if (bad < 0) {
      fclose(man);
      return fail(kMem, "cannot write %s: %s", path.c_str(), strerror(errno)), 1;
    }
    const MapRegion* m = r.region;
    fprintf(man, "0x%llx\t0x%llx\t%s\t0x%llx\t%llu\t%lld\t%s\t%s\n", (unsigned long long)r.start,
            (unsigned long long)r.end, m ? m->perms().c_str() : "-", (unsigned long long)(m ? m->offset : 0),
            (unsigned long long)(r.end - r.start), (long long)bad, name.c_str(), m ? m->path.c_str() : "");
    total += r.end - r.start;
    ++files;
  }
  t->release();
  if (fclose(man) != 0) return fail(kMem, "cannot write %s: %s", manifest_path.c_str(), strerror(errno)), 1;
  printf("dumped %zu region%s (%s) of pid %d to %s/ (manifest: %s)\n", files, files == 1 ? "" : "s",
         human_size(total).c_str(), a.pid, dir.c_str(), manifest_path.c_str());
  return 0;
}

int cmd_search(const MemArgs& a) {
  auto needle = value_bytes(a);  // checked before the process is stopped
  if (!needle) return 2;
  auto t = Target::open(a, true);
  if (!t) return 1;
  auto ranges = select(*t, a.regions);
  if (!ranges) return 2;
  // Adjacent regions are one stretch of memory: a match may straddle them.
  std::vector<Range> merged;
  for (const auto& r : *ranges) {
    if (!merged.empty() && merged.back().end >= r.start) merged.back().end = std::max(merged.back().end, r.end);
    else merged.push_back(r);
  }
  std::string_view pat(reinterpret_cast<const char*>(needle->data()), needle->size());
  std::vector<uint64_t> hits;
  uint64_t searched = 0, skipped = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (const auto& r : merged) {
    auto st = t->mem().search(r.start, r.end, pat, [&](uint64_t addr) {
      hits.push_back(addr);
      return a.max_matches == 0 || hits.size() < a.max_matches;
    }, a.chunk);
    searched += st.searched;
    skipped += st.skipped;
    if (st.stopped) break;
  }
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  t->release();
  for (uint64_t h : hits) {
    const MapRegion* r = t->maps().find(h);
    std::string where = t->maps().describe(h);
    if (where.empty() && r) {
      char buf[64];
      snprintf(buf, sizeof buf, "anon@0x%llx+0x%llx", (unsigned long long)r->start, (unsigned long long)(h - r->start));
      where = buf;
    }
    printf("0x%016llx  %s  %s\n", static_cast<unsigned long long>(h), r ? r->perms().c_str() : "----", where.c_str());
  }
  fflush(stdout);
  fprintf(stderr, "syscope mem: %zu match%s in %zu region%s (%s searched in %.1f ms%s%s)\n", hits.size(),
          hits.size() == 1 ? "" : "es", ranges->size(), ranges->size() == 1 ? "" : "s", human_size(searched).c_str(),
          ms, skipped ? ", unreadable: " : "", skipped ? human_size(skipped).c_str() : "");
  return 0;
}

}  // namespace syscope::tools

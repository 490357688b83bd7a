// SPDX-License-Identifier: MIT
// Read and write bandwidth of a traced process's memory, per access path and
// region size, in one run:
//
//   bench_memory [--rounds N] [--full-ptrace] [--min-ratio R]
//
// A forked child holds a 256 MiB mapping (every page touched) and is attached
// with syscope::Process (PEEK/POKE need a stopped tracee). For 4 KiB, 1 MiB
// and 256 MiB the raw paths (process_vm_readv/writev, /proc/PID/mem,
// PTRACE_PEEKDATA/POKEDATA) and the default path (Memory::read/write, which
// picks the path) are timed in interleaved rounds so that they share the
// machine's load (process_vm and the default path back to back); the table
// shows median GiB/s by wall clock and by this thread's CPU time. ptrace is timed once, and
// for 256 MiB over a 4 MiB sample (--full-ptrace: all of it, minutes).
// Verdict: the default path must reach --min-ratio (0.9) of the best raw path
// for 256 MiB reads and writes (median of the per-round ratios, by both
// clocks); exit status 1 otherwise.
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "syscope/process.h"

using syscope::Memory;
using Path = Memory::Path;

namespace {

constexpr size_t kBig = 256u << 20;
constexpr Path kPaths[] = {Path::kProcessVm, Path::kProcMem, Path::kPeekPoke, Path::kAuto};

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// CPU time of this thread: the copying of all three paths happens in our
// thread (in the kernel), so this excludes time spent waiting for a CPU on
// a loaded machine.
double cpu_now() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

struct Stamp {
  double wall, cpu;
  static Stamp take() { return {now(), cpu_now()}; }
};

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

const char* label(Path p) { return p == Path::kAuto ? "default" : Memory::path_name(p); }

std::string size_name(size_t n) {
  return n >= (1u << 20) ? std::to_string(n >> 20) + " MiB" : std::to_string(n >> 10) + " KiB";
}

struct Cell {
  std::vector<double> read_bw, write_bw;  // bytes/s per round (wall clock)
  std::vector<double> read_cpu, write_cpu;  // bytes/s per round (thread CPU time)
  size_t measured_bytes = 0;              // < size when sampled
};

}  // namespace

int main(int argc, char** argv) {
  int rounds = 9;
  bool full_ptrace = false;
  double min_ratio = 0.9;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--rounds" && i + 1 < argc) rounds = std::max(1, atoi(argv[++i]));
    else if (a == "--full-ptrace") full_ptrace = true;
    else if (a == "--min-ratio" && i + 1 < argc) min_ratio = atof(argv[++i]);
    else {
      fprintf(stderr, "usage: bench_memory [--rounds N] [--full-ptrace] [--min-ratio R]\n");
      return 2;
    }
  }

  // The target: a child holding kBig bytes, every page touched.
  int ready[2];
  if (pipe(ready) < 0) return 1;
  void* remote = mmap(nullptr, kBig, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (remote == MAP_FAILED) return perror("mmap"), 1;
  pid_t child = fork();
  if (child == 0) {
    memset(remote, 0x5a, kBig);
    char c = 1;
    if (write(ready[1], &c, 1) != 1) _exit(1);
    for (;;) pause();
  }
  munmap(remote, kBig);  // ours is not needed: the child's copy is at the same address
  char c;
  if (read(ready[0], &c, 1) != 1) return 1;
  const uint64_t base = reinterpret_cast<uintptr_t>(remote);

  int rc = 0;
  {
    auto proc = syscope::Process::attach(child);
    if (!proc) {
      fprintf(stderr, "bench_memory: attach: %s\n", proc.error().message().c_str());
      kill(child, SIGKILL);
      return 1;
    }
    Memory& mem = (*proc)->memory();
    std::vector<char> local(kBig);
    memset(local.data(), 0xa5, local.size());

    // Sanity: what one path writes every path reads back.
    for (Path p : kPaths) {
      const char probe[] = "syscope-probe";
      char back[sizeof probe] = {};
      bool ok = mem.write_via(Path::kAuto, base + 4093, probe, sizeof probe) &&
                mem.read_via(p, base + 4093, back, sizeof back) == sizeof back && !memcmp(probe, back, sizeof probe);
      if (!ok) {
        fprintf(stderr, "bench_memory: path %s does not read back what was written\n", label(p));
        rc = 1;
      }
    }

    const size_t sizes[] = {4u << 10, 1u << 20, kBig};
    std::vector<std::vector<Cell>> cells(3, std::vector<Cell>(4));
    for (size_t si = 0; si < 3; ++si) {
      const size_t size = sizes[si];
      // Batches of about 32 MiB keep per-op timer overhead out of the small sizes.
      const size_t ops = std::max<size_t>(1, (32u << 20) / size);
      for (int r = 0; r < rounds; ++r) {
        // process_vm and the default path run back to back (their order
        // alternating) so that each round compares them under the same load.
        static constexpr size_t kEven[] = {0, 3, 1}, kOdd[] = {3, 0, 1};
        for (size_t pi : (r % 2 ? kOdd : kEven)) {
          Path p = kPaths[pi];
          Cell& cell = cells[si][pi];
          cell.measured_bytes = size;
          Stamp t0 = Stamp::take();
          for (size_t k = 0; k < ops; ++k) mem.read_via(p, base, local.data(), size);
          Stamp t1 = Stamp::take();
          for (size_t k = 0; k < ops; ++k) (void)mem.write_via(p, base, local.data(), size);
          Stamp t2 = Stamp::take();
          double bytes = double(size) * ops;
          cell.read_bw.push_back(bytes / (t1.wall - t0.wall));
          cell.write_bw.push_back(bytes / (t2.wall - t1.wall));
          cell.read_cpu.push_back(bytes / (t1.cpu - t0.cpu));
          cell.write_cpu.push_back(bytes / (t2.cpu - t1.cpu));
        }
      }
      // ptrace: one measurement (a batch of 1 MiB for 4 KiB), sampled for the big region.
      Cell& pc = cells[si][2];
      size_t n = (size == kBig && !full_ptrace) ? (4u << 20) : size;
      size_t pops = std::max<size_t>(1, (1u << 20) / n);
      pc.measured_bytes = n;
      Stamp t0 = Stamp::take();
      for (size_t k = 0; k < pops; ++k) mem.read_via(Path::kPeekPoke, base, local.data(), n);
      Stamp t1 = Stamp::take();
      for (size_t k = 0; k < pops; ++k) (void)mem.write_via(Path::kPeekPoke, base, local.data(), n);
      Stamp t2 = Stamp::take();
      n *= pops;
      pc.read_bw.push_back(n / (t1.wall - t0.wall));
      pc.write_bw.push_back(n / (t2.wall - t1.wall));
      pc.read_cpu.push_back(n / (t1.cpu - t0.cpu));
      pc.write_cpu.push_back(n / (t2.cpu - t1.cpu));
    }

    printf("syscope memory access bandwidth, GiB/s: median of %d interleaved rounds (ptrace: 1 run)\n", rounds);
    printf("wall = elapsed time; cpu = this thread's CPU time (not waiting for a CPU on a busy machine)\n");
    printf("%-8s %-11s %11s %11s %11s %11s %12s\n", "size", "path", "read wall", "write wall", "read cpu",
           "write cpu", "read us/op");
    const double gib = 1024.0 * 1024 * 1024;
    for (size_t si = 0; si < 3; ++si) {
      for (size_t pi = 0; pi < 4; ++pi) {
        const Cell& cl = cells[si][pi];
        std::string note = cl.measured_bytes < sizes[si] ? "  (sampled " + size_name(cl.measured_bytes) + ")" : "";
        double rb = median(cl.read_bw);
        printf("%-8s %-11s %11.4f %11.4f %11.4f %11.4f %12.1f%s\n", size_name(sizes[si]).c_str(), label(kPaths[pi]),
               rb / gib, median(cl.write_bw) / gib, median(cl.read_cpu) / gib, median(cl.write_cpu) / gib,
               sizes[si] / rb * 1e6, note.c_str());
      }
    }
    // Verdict on the large regions: default vs the best raw path (by median),
    // as the median of the per-round ratios (both measured in the same round),
    // by both clocks. The ratio of the medians is shown too.
    for (size_t si : {size_t{1}, size_t{2}}) {
      for (int op = 0; op < 2; ++op) {
        for (int clock = 0; clock < 2; ++clock) {
          auto series = [&](size_t pi) -> const std::vector<double>& {
            const Cell& cl = cells[si][pi];
            return clock ? (op ? cl.write_cpu : cl.read_cpu) : (op ? cl.write_bw : cl.read_bw);
          };
          size_t best = 0;
          for (size_t pi = 1; pi < 3; ++pi)
            if (median(series(pi)) > median(series(best))) best = pi;
          std::vector<double> ratios;
          for (size_t r = 0; r < series(3).size() && r < series(best).size(); ++r)
            ratios.push_back(series(3)[r] / series(best)[r]);
          double ratio = median(ratios);
          bool gate = si == 2;
          bool pass = ratio >= min_ratio;
          printf("default/best raw (%s), %-7s %-5s %-4s: %.3f (ratio of medians %.3f)", label(kPaths[best]),
                 size_name(sizes[si]).c_str(), op ? "write" : "read", clock ? "cpu" : "wall", ratio,
                 median(series(3)) / median(series(best)));
          if (gate) printf("  %s (%s %.2f)", pass ? "PASS" : "FAIL", pass ? ">=" : "<", min_ratio);
          printf("\n");
          if (gate && !pass) rc = 1;
        }
      }
    }
    // Search: the whole 256 MiB for a 19-byte string and a u32 (no match),
    // next to the default path's read bandwidth.
    for (std::string_view needle : {std::string_view("SyScOpE-NeEdLe-7f3a"), std::string_view("\xd4\xc3\xb2\xa1", 4)}) {
      std::vector<double> wall, cpu;
      for (int r = 0; r < 3; ++r) {
        Stamp t0 = Stamp::take();
        auto st = mem.search(base, base + kBig, needle, [](uint64_t) { return true; });
        Stamp t1 = Stamp::take();
        if (st.searched != kBig) rc = 1;
        wall.push_back(kBig / (t1.wall - t0.wall));
        cpu.push_back(kBig / (t1.cpu - t0.cpu));
      }
      printf("search 256 MiB for %zu bytes: %.2f GiB/s wall, %.2f GiB/s cpu (default read: %.2f / %.2f)\n",
             needle.size(), median(wall) / gib, median(cpu) / gib, median(cells[2][3].read_bw) / gib,
             median(cells[2][3].read_cpu) / gib);
    }
    printf("4 KiB read: ptrace PEEKDATA is %.0fx slower than the default path (%.0fx by cpu time)\n",
           median(cells[0][3].read_bw) / median(cells[0][2].read_bw),
           median(cells[0][3].read_cpu) / median(cells[0][2].read_cpu));
  }  // detach
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  return rc;
}

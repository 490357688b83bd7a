// SPDX-License-Identifier: MIT
// Standalone driver for decoder_fuzz.cc when not built with libFuzzer: runs
// N deterministic pseudo-random inputs. Iteration K of seed S is generated
// from (S, K) alone, so any failure reproduces with
//   decoder_fuzz --seed S --iter K
// The generator walks every syscall number of both ABIs in turn and biases
// arguments toward what breaks decoders: pointers into the mapped regions, at
// their start, end and just short of their end (partial structs), huge
// lengths and counts, negative fds, pointers inside structs pointing to other
// regions (iovecs, msghdrs, argv arrays), and memory the kernel "writes"
// between entry and exit.
//
//   decoder_fuzz [--iterations N] [--seed S] [--iter K] [--max-seconds T]
//                [--print] [--timeout-per-input SEC] [--skip NAME,...] [FILE...]
// FILEs are run as raw inputs (libFuzzer crash files) instead.
#include <signal.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "fuzz/fuzz_input.h"
#include "syscope/syscall_table.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
// Present in ASan/UBSan builds: called before the sanitizer kills the process.
extern "C" void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

// gcc links UBSan as its own runtime, whose death does not reach ASan's
// callback: make it abort (our SIGABRT handler reports the input) with a stack.
extern "C" const char* __ubsan_default_options() { return "print_stacktrace=1:abort_on_error=1"; }

namespace syscope::fuzz {
namespace {

struct Rng {
  uint64_t s;
  uint64_t next() {  // splitmix64
    uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  uint64_t below(uint64_t n) { return n ? next() % n : 0; }
  bool chance(unsigned percent) { return below(100) < percent; }
  template <class T, size_t N>
  T pick(const T (&a)[N]) { return a[below(N)]; }
};

std::vector<std::pair<Abi, int>> g_all;  // every (ABI, number) of the tables

// `skip`: comma-separated names left out (to look past a known failure).
void init_syscalls(const std::string& skip) {
  std::string s = "," + skip + ",";
  for (Abi abi : {Abi::kX86_64, Abi::kI386})
    for (const SyscallDesc& d : syscall_table(abi))
      if (s.find("," + std::string(d.name) + ",") == std::string::npos) g_all.emplace_back(abi, d.nr);
}

// A pointer into region r: its start, somewhere inside, its last byte, its
// end, or a few bytes short of its end.
uint64_t ptr_into(Rng& r, const Input& in) {
  if (in.regions.empty()) return 0x1000;
  const Region& g = in.regions[r.below(in.regions.size())];
  uint64_t n = g.bytes.size();
  switch (r.below(6)) {
    case 0: case 1: return g.addr;
    case 2: return g.addr + r.below(n + 1);
    case 3: return g.addr + (n ? n - 1 : 0);
    case 4: return g.addr + n;
    default: return g.addr + (n > 16 ? n - 1 - r.below(16) : 0);
  }
}

uint64_t huge(Rng& r) {
  static const uint64_t kHuge[] = {0xffffffffull, 0x7fffffffull, 0x80000000ull, 1ull << 32,
                                   1ull << 63, ~0ull, ~0ull - 1, 0x7fffffffffffffffull,
                                   0x10000, 1u << 20, 4097, 65536 * 1024ull};
  return r.pick(kHuge);
}

uint64_t small(Rng& r) {
  static const uint64_t kSmall[] = {0, 1, 2, 3, 4, 5, 7, 8, 16, 17, 32, 64, 128, 255, 256, 4096,
                                    static_cast<uint64_t>(-1), static_cast<uint64_t>(-100),
                                    static_cast<uint64_t>(-2)};
  return r.chance(50) ? r.pick(kSmall) : r.below(64);
}

uint64_t flags_like(Rng& r) {
  uint64_t v = 0;
  int bits = 1 + static_cast<int>(r.below(5));
  for (int i = 0; i < bits; ++i) v |= 1ull << r.below(r.chance(80) ? 32 : 64);
  return v;
}

uint64_t gen_arg(Rng& r, const Input& in, Abi abi) {
  uint64_t v;
  switch (r.below(20)) {
    case 0: case 1: case 2: case 3: case 4: case 5: case 6: v = ptr_into(r, in); break;
    case 7: case 8: case 9: case 10: v = small(r); break;
    case 11: case 12: v = flags_like(r); break;
    case 13: case 14: v = huge(r); break;
    case 15: case 16: v = r.below(8); break;  // fds (3..6 have -y paths)
    case 17: v = 0; break;
    default: v = r.next(); break;
  }
  if (abi == Abi::kI386 && r.chance(80)) v &= 0xffffffffull;
  return v;
}

// Region contents: words that are pointers to regions, small counts,
// text, zeros, all-ones or noise; the word size of the ABI.
void fill_region(Rng& r, Input& in, Region& g, Abi abi) {
  size_t w = abi == Abi::kI386 ? 4 : 8;
  size_t i = 0;
  while (i < g.bytes.size()) {
    uint64_t v;
    unsigned k = static_cast<unsigned>(r.below(10));
    if (k == 0 && i + 1 < g.bytes.size()) {  // text, NUL-terminated or not
      static const char* kText[] = {"/etc/passwd", "hello\n\t\"world\"\\", "\x01\x7f\x80\xff",
                                    "lo", "eth0", "/tmp/x", "a=b", "<>"};
      const char* t = kText[r.below(std::size(kText))];
      size_t n = strlen(t) + (r.chance(70) ? 1 : 0);
      for (size_t j = 0; j < n && i < g.bytes.size(); ++j) g.bytes[i++] = static_cast<uint8_t>(t[j]);
      continue;
    }
    switch (k) {
      case 1: case 2: case 3: v = ptr_into(r, in); break;
      case 4: case 5: v = small(r); break;
      case 6: v = 0; break;
      case 7: v = huge(r); break;
      default: v = r.next(); break;
    }
    for (size_t j = 0; j < w && i < g.bytes.size(); ++j) g.bytes[i++] = static_cast<uint8_t>(v >> (8 * j));
  }
}

Input generate(uint64_t seed, uint64_t iter) {
  Rng r{seed * 0x100000001b3ull ^ (iter + 1) * 0x9e3779b97f4a7c15ull};
  r.next();
  Input in;
  Abi abi;
  if (r.chance(85)) {  // walk the tables: every syscall comes up in turn
    const auto& [a, nr] = g_all[iter % g_all.size()];
    abi = a;
    in.nr = static_cast<int16_t>(nr);
  } else {
    abi = r.chance(50) ? Abi::kI386 : Abi::kX86_64;
    static const int16_t kOdd[] = {-1, -2, 335, 387, 400, 450, 480, 511, 512, 1000, 0x7fff, -32768};
    in.nr = r.pick(kOdd);
  }
  in.mode = abi == Abi::kI386 ? 1 : 0;
  if (r.chance(5)) in.mode |= 2;   // entry only
  if (r.chance(5)) in.mode |= 4;   // -e raw=
  if (r.chance(10)) in.mode |= 8;  // -e verbose=none
  in.fmt = r.chance(40) ? 0 : static_cast<uint8_t>(r.next());
  static const uint8_t kLimits[] = {32, 32, 32, 0, 1, 4, 16, 64, 255};
  in.string_limit = r.pick(kLimits);

  // Regions: spread out, sometimes back to back or one byte apart, sometimes
  // near the top of the address space; a few only exist at exit.
  size_t nregions = r.below(8);
  uint64_t base = abi == Abi::kI386 ? 0x08048000ull : 0x7ffd00000000ull;
  for (size_t i = 0; i < nregions; ++i) {
    Region g;
    static const size_t kSizes[] = {0, 1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 100, 128, 256, 1024, 4096};
    size_t n = r.chance(70) ? r.pick(kSizes) : r.below(600);
    if (i > 0 && r.chance(25)) {
      const Region& prev = in.regions.back();
      g.addr = prev.addr + prev.bytes.size() + r.below(2);
    } else if (r.chance(3)) {
      g.addr = (abi == Abi::kI386 ? 0x100000000ull : 0) - n - r.below(2);
    } else {
      g.addr = base + 0x10000 * i + r.below(64) * 8 + (r.chance(10) ? r.below(8) : 0);
    }
    g.exit_only = i > 0 && r.chance(15);
    g.bytes.resize(n);
    in.regions.push_back(std::move(g));
  }
  for (auto& g : in.regions) fill_region(r, in, g, abi);
  for (uint64_t& a : in.args) a = gen_arg(r, in, abi);

  switch (r.below(10)) {
    case 0: case 1: case 2: in.rval = 0; break;
    case 3: case 4: in.rval = static_cast<int64_t>(r.below(70)); break;
    case 5: in.rval = in.regions.empty() ? 1 : static_cast<int64_t>(in.regions[r.below(in.regions.size())].bytes.size()); break;
    case 6: {
      static const int64_t kErr[] = {-1, -2, -4, -9, -11, -13, -14, -22, -38, -512, -513, -514, -516, -4095, -4096, -133, -200};
      in.rval = r.pick(kErr);
      break;
    }
    case 7: in.rval = static_cast<int64_t>(ptr_into(r, in)); break;
    case 8: in.rval = static_cast<int64_t>(huge(r)); break;
    default: in.rval = static_cast<int64_t>(r.next()); break;
  }
  return in;
}

// What to print when an input kills the process.
uint64_t g_seed = 0, g_iter = 0;
std::string g_skip;
bool g_in_iteration = false;
std::vector<uint8_t> g_bytes;
char g_desc[2048];

void describe(const Input& in) {
  Abi abi = (in.mode & 1) ? Abi::kI386 : Abi::kX86_64;
  const SyscallDesc* d = syscall_by_nr(abi, in.nr);
  int n = snprintf(g_desc, sizeof g_desc,
                   "  abi=%s nr=%d (%s) mode=%#x fmt=%#x -s %u\n  args=%#" PRIx64 " %#" PRIx64 " %#" PRIx64
                   " %#" PRIx64 " %#" PRIx64 " %#" PRIx64 " rval=%" PRId64 "\n",
                   abi == Abi::kI386 ? "i386" : "x86_64", in.nr, d ? d->name : "?", in.mode, in.fmt,
                   in.string_limit, in.args[0], in.args[1], in.args[2], in.args[3], in.args[4], in.args[5],
                   in.rval);
  for (const Region& g : in.regions) {
    if (n < 0 || static_cast<size_t>(n) >= sizeof g_desc - 100) break;
    n += snprintf(g_desc + n, sizeof g_desc - static_cast<size_t>(n), "  region %#" PRIx64 "+%zu%s\n", g.addr,
                  g.bytes.size(), g.exit_only ? " (exit only)" : "");
  }
}

void write_str(const char* s) { (void)!write(2, s, strlen(s)); }

void report_death() {
  if (!g_in_iteration) return;
  g_in_iteration = false;
  char b[256];
  snprintf(b, sizeof b,
           "\n*** decoder_fuzz: input died: seed %" PRIu64 " iteration %" PRIu64
           "\n*** reproduce: decoder_fuzz --seed %" PRIu64 " --iter %" PRIu64 " --print%s%s\n",
           g_seed, g_iter, g_seed, g_iter, g_skip.empty() ? "" : " --skip ", g_skip.c_str());
  write_str(b);
  write_str(g_desc);
  snprintf(b, sizeof b, "crash-%" PRIu64 "-%" PRIu64 ".bin", g_seed, g_iter);
  int fd = open(b, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0) {
    (void)!write(fd, g_bytes.data(), g_bytes.size());
    close(fd);
    write_str("*** input written to ");
    write_str(b);
    write_str("\n");
  }
}

void on_signal(int sig) {
  if (sig == SIGALRM) write_str("\n*** decoder_fuzz: input took too long (hang?)\n");
  report_death();
  signal(sig, SIG_DFL);
  raise(sig == SIGALRM ? SIGABRT : sig);
}

void install_handlers() {
  if (__sanitizer_set_death_callback) __sanitizer_set_death_callback(report_death);
  // Sanitizers handle SEGV themselves and call the callback; without them,
  // and for abort() and the hang alarm, our handler reports the input.
  int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGALRM};
  for (int s : sigs) {
    if (__sanitizer_set_death_callback && (s == SIGSEGV || s == SIGBUS || s == SIGFPE)) continue;
    signal(s, on_signal);
  }
}

int run_one(const Input& in, bool print, unsigned timeout) {
  g_bytes = serialize(in);
  describe(in);
  if (print) printf("%s\n", decode_input(in).c_str());
  g_in_iteration = true;
  alarm(timeout);
  LLVMFuzzerTestOneInput(g_bytes.data(), g_bytes.size());
  alarm(0);
  g_in_iteration = false;
  return 0;
}

}  // namespace
}  // namespace syscope::fuzz

int main(int argc, char** argv) {
  using namespace syscope::fuzz;
  uint64_t iterations = 20000, seed = 1;
  long only = -1;
  double max_seconds = 0;
  unsigned timeout = 10;
  bool print = false;
  std::string skip;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto val = [&]() -> const char* {
      if (i + 1 >= argc) {
        fprintf(stderr, "decoder_fuzz: %s needs a value\n", a.c_str());
        exit(2);
      }
      return argv[++i];
    };
    if (a == "--iterations") iterations = strtoull(val(), nullptr, 0);
    else if (a == "--seed") seed = strtoull(val(), nullptr, 0);
    else if (a == "--iter") only = strtol(val(), nullptr, 0);
    else if (a == "--max-seconds") max_seconds = strtod(val(), nullptr);
    else if (a == "--timeout-per-input") timeout = static_cast<unsigned>(strtoul(val(), nullptr, 0));
    else if (a == "--print") print = true;
    else if (a == "--skip") skip = val();
    else if (a == "-h" || a == "--help") {
      printf("usage: %s [--iterations N] [--seed S] [--iter K] [--max-seconds T] [--print] "
             "[--timeout-per-input SEC] [--skip NAME,...] [FILE...]\n", argv[0]);
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      fprintf(stderr, "decoder_fuzz: unknown option %s\n", a.c_str());
      return 2;
    } else {
      files.push_back(a);
    }
  }
  init_syscalls(skip);
  g_skip = skip;
  install_handlers();
  g_seed = seed;

  if (!files.empty()) {
    for (const auto& f : files) {
      std::ifstream is(f, std::ios::binary);
      if (!is) {
        fprintf(stderr, "decoder_fuzz: cannot read %s\n", f.c_str());
        return 2;
      }
      std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(is)), std::istreambuf_iterator<char>());
      Input in = parse(bytes.data(), bytes.size());
      printf("%s: ", f.c_str());
      fflush(stdout);
      run_one(in, true, timeout);
    }
    return 0;
  }
  if (only >= 0) {
    g_iter = static_cast<uint64_t>(only);
    run_one(generate(seed, g_iter), print, timeout);
    printf("decoder_fuzz: seed %" PRIu64 " iteration %ld: ok\n", seed, only);
    return 0;
  }

  auto t0 = std::chrono::steady_clock::now();
  uint64_t done = 0;
  double slowest = 0;
  uint64_t slowest_iter = 0;
  for (uint64_t k = 0; k < iterations; ++k) {
    g_iter = k;
    auto s = std::chrono::steady_clock::now();
    run_one(generate(seed, k), print, timeout);
    auto e = std::chrono::steady_clock::now();
    double dt = std::chrono::duration<double>(e - s).count();
    if (dt > slowest) {
      slowest = dt;
      slowest_iter = k;
    }
    ++done;
    if (max_seconds > 0 && std::chrono::duration<double>(e - t0).count() > max_seconds) {
      printf("decoder_fuzz: time budget of %.0f s reached\n", max_seconds);
      break;
    }
  }
  double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  printf("decoder_fuzz: seed %" PRIu64 ": %" PRIu64 " inputs over %zu syscalls (both ABIs) in %.1f s, "
         "no failure; slowest input %.3f s (--iter %" PRIu64 ")\n",
         seed, done, g_all.size(), total, slowest, slowest_iter);
  return 0;
}

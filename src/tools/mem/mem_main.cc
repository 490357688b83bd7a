// SPDX-License-Identifier: MIT
// syscope mem -p PID {maps|read|dump|all|write|search} ...
#include <cstdio>
#include <cstring>
#include <exception>
#include <string_view>

#include "tools/common/subcommand_mains.h"
#include "tools/mem/mem_cmds.h"
#include "tools/mem/tool_common.h"

namespace syscope {
namespace tools {
namespace {

constexpr const char* kUsage = R"(usage: syscope mem -p PID COMMAND [ARGS]

Commands:
  maps                          the memory map: ranges, permissions, offsets, objects
  read ADDR LEN [-o FILE|--raw] hexdump LEN bytes at ADDR (or raw bytes to FILE / stdout)
  dump REGION [-o DIR]          REGION's bytes to files in DIR, with DIR/manifest.tsv
  dump all -o DIR | all -o DIR  every readable region (ALL works too)
  write ADDR VALUE              VALUE is one of --hex BYTES, --string S, --u32 V,
                                --u64 V, --f64 V (little-endian)
  search VALUE [--region R]...  every address where VALUE occurs (all readable
                                regions, or only those selected) [--max N]

ADDR:   hex (0x optional), REGION+OFF ("[heap]+0x10", "libc.so.6+0x1000": from the
        object's lowest mapping), SYMBOL+OFF ("main+4", "libc.so.6:malloc"); OFF is hex.
REGION: a name ("[heap]", "[stack]", "libc.so.6", a path), an address inside the
        region, or START-END (hex).
LEN:    decimal or 0x hex, optional k/m/g suffix.

Options:
  -p, --pid PID   the process (required)
  --no-stop       do not stop the process (read/search/dump/maps; no ptrace)
  --via PATH      force one access path: process_vm, proc_mem or ptrace
  --chunk SIZE    search: bytes read per request (default 1m)
  -h, --help      this text

The process is stopped (PTRACE_SEIZE+INTERRUPT, every thread) only while its
memory is accessed, and always detached, also on errors and Ctrl-C.
)";

bool take_value(int argc, char** argv, int* i, std::string* out, const char* opt) {
  if (*i + 1 >= argc) {
    fail(kMem, "option %s needs a value", opt);
    return false;
  }
  *out = argv[++*i];
  return true;
}

// Returns -1 to go on, else an exit status.
int parse(int argc, char** argv, MemArgs* a) {
  std::vector<std::string> pos;
  bool have_pid = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view s = argv[i];
    std::string v;
    if (s == "-h" || s == "--help") {
      fputs(kUsage, stdout);
      return 0;
    } else if (s == "-p" || s == "--pid" || s.starts_with("--pid=") || (s.starts_with("-p") && s.size() > 2)) {
      if (s == "-p" || s == "--pid") {
        if (!take_value(argc, argv, &i, &v, "-p")) return 2;
      } else {
        v = std::string(s.substr(s[1] == 'p' ? 2 : 6));
      }
      auto pid = parse_pid(kMem, v);
      if (!pid) return 2;
      a->pid = *pid;
      have_pid = true;
    } else if (s == "-o" || s == "--output") {
      if (!take_value(argc, argv, &i, &a->out, "-o")) return 2;
    } else if (s == "--raw") {
      a->raw = true;
    } else if (s == "--hex" || s == "--string" || s == "--u32" || s == "--u64" || s == "--f64") {
      if (!a->value_opt.empty()) {
        fail(kMem, "%s and %.*s: give one value", a->value_opt.c_str(), static_cast<int>(s.size()), s.data());
        return 2;
      }
      a->value_opt = std::string(s);
      if (!take_value(argc, argv, &i, &a->value_text, argv[i])) return 2;
    } else if (s == "--region") {
      if (!take_value(argc, argv, &i, &v, "--region")) return 2;
      a->regions.push_back(v);
    } else if (s == "--max") {
      if (!take_value(argc, argv, &i, &v, "--max")) return 2;
      auto n = parse_number(v, false);
      if (!n) return fail(kMem, "invalid value for --max: '%s'", v.c_str()), 2;
      a->max_matches = *n;
    } else if (s == "--chunk") {
      if (!take_value(argc, argv, &i, &v, "--chunk")) return 2;
      auto n = parse_size(v);
      if (!n || *n == 0 || *n > (1ull << 30)) return fail(kMem, "invalid value for --chunk: '%s'", v.c_str()), 2;
      a->chunk = *n;
    } else if (s == "--via") {
      if (!take_value(argc, argv, &i, &v, "--via")) return 2;
      if (v == "process_vm") a->via = Memory::Path::kProcessVm;
      else if (v == "proc_mem") a->via = Memory::Path::kProcMem;
      else if (v == "ptrace") a->via = Memory::Path::kPeekPoke;
      else if (v == "auto") a->via = Memory::Path::kAuto;
      else return fail(kMem, "invalid value for --via: '%s' (process_vm, proc_mem, ptrace, auto)", v.c_str()), 2;
    } else if (s == "--no-stop") {
      a->no_stop = true;
    } else if (s == "--") {
      for (++i; i < argc; ++i) pos.emplace_back(argv[i]);
    } else if (s.size() > 1 && s[0] == '-') {
      fail(kMem, "unknown option: '%s' (see syscope mem --help)", argv[i]);
      return 2;
    } else {
      pos.emplace_back(s);
    }
  }
  if (pos.empty()) {
    fail(kMem, "missing command (maps, read, dump, all, write, search; see --help)");
    return 2;
  }
  if (!have_pid) {
    fail(kMem, "missing -p PID");
    return 2;
  }
  if (a->no_stop && a->via == Memory::Path::kPeekPoke) {
    fail(kMem, "--via ptrace needs the process stopped (drop --no-stop)");
    return 2;
  }
  a->command = pos.front();
  a->positional.assign(pos.begin() + 1, pos.end());
  return -1;
}

bool want_args(const MemArgs& a, size_t n, const char* usage) {
  if (a.positional.size() == n) return true;
  fail(kMem, "usage: syscope mem -p PID %s", usage);
  return false;
}

int dispatch(const MemArgs& a) {
  const std::string& c = a.command;
  if (c == "maps") return want_args(a, 0, "maps") ? cmd_maps(a) : 2;
  if (c == "read") return want_args(a, 2, "read ADDR LEN [-o FILE|--raw]") ? cmd_read(a) : 2;
  if (c == "write") return want_args(a, 1, "write ADDR (--hex B|--string S|--u32 V|--u64 V|--f64 V)") ? cmd_write(a) : 2;
  if (c == "search") return want_args(a, 0, "search (--string S|--hex B|--u32 V|--u64 V|--f64 V) [--region R]") ? cmd_search(a) : 2;
  if (c == "dump") return want_args(a, 1, "dump REGION|all [-o DIR]") ? cmd_dump(a, a.positional[0]) : 2;
  if (c == "all" || c == "ALL") return want_args(a, 0, "all -o DIR") ? cmd_dump(a, "all") : 2;
  fail(kMem, "unknown command: '%s' (maps, read, dump, all, write, search)", c.c_str());
  return 2;
}

}  // namespace

// ---------------------------------------------------------------------------

std::unique_ptr<Target> Target::open(const MemArgs& a, bool stop) {
  auto t = std::make_unique<Target>();
  if (stop && !a.no_stop) {
    t->proc_ = attach_or_report(kMem, a.pid, AttachOptions{});
    if (!t->proc_) return nullptr;
  } else {
    if (!thread_group_of(a.pid)) {
      fail(kMem, "no such process: %d", a.pid);
      return nullptr;
    }
    t->own_ = std::make_unique<Memory>(a.pid);
  }
  auto m = maps_or_report(kMem, t->proc_ ? t->proc_->pid() : a.pid);
  if (!m) return nullptr;
  t->maps_ = std::move(*m);
  t->symbols_ = std::make_unique<Symbols>(a.pid, t->maps_);
  t->mem().set_read_fault_fallback(true);
  t->mem().force_path(a.via);
  return t;
}

std::optional<uint64_t> Target::address(const std::string& expr) {
  auto r = resolve_address(expr, maps_, symbols_->lookup_fn());
  if (!r) {
    fail(kMem, "%s", r.error().op.c_str());
    return std::nullopt;
  }
  return *r;
}

void Target::release() {
  if (proc_) (void)proc_->detach();
}

std::optional<std::vector<uint8_t>> value_bytes(const MemArgs& a) {
  const std::string& o = a.value_opt;
  const std::string& t = a.value_text;
  std::vector<uint8_t> out;
  auto le = [&](uint64_t v, size_t n) {
    for (size_t i = 0; i < n; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
  };
  if (o == "--string") {
    if (t.empty()) return fail(kMem, "invalid value for --string: '' (empty)"), std::nullopt;
    out.assign(t.begin(), t.end());
  } else if (o == "--hex") {
    auto b = parse_hex_bytes(t);
    if (!b) return fail(kMem, "invalid value for --hex: '%s'", t.c_str()), std::nullopt;
    out = std::move(*b);
  } else if (o == "--u32" || o == "--u64") {
    unsigned bits = o == "--u32" ? 32 : 64;
    auto v = parse_int(t, bits);
    if (!v) return fail(kMem, "invalid value for %s: '%s'", o.c_str(), t.c_str()), std::nullopt;
    le(*v, bits / 8);
  } else if (o == "--f64") {
    auto d = parse_f64(t);
    if (!d) return fail(kMem, "invalid value for --f64: '%s'", t.c_str()), std::nullopt;
    uint64_t bits;
    std::memcpy(&bits, &*d, 8);
    le(bits, 8);
  } else {
    fail(kMem, "missing value: --hex BYTES, --string S, --u32 V, --u64 V or --f64 V");
    return std::nullopt;
  }
  return out;
}

}  // namespace tools

int mem_main(int argc, char** argv) {
  tools::install_signal_handlers(tools::kMem);
  tools::MemArgs a;
  if (int r = tools::parse(argc, argv, &a); r >= 0) return r;
  try {
    return tools::dispatch(a);
  } catch (const std::exception& e) {
    // Unwinding has detached the process.
    tools::fail(tools::kMem, "%s", e.what());
    return 1;
  }
}

}  // namespace syscope

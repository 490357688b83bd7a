// SPDX-License-Identifier: MIT
// Access to a tracee's address space. Picks the fastest path that works:
// process_vm_readv/writev, then /proc/PID/mem (which, unlike
// process_vm_writev, can write read-only mappings such as code), then
// PTRACE_PEEKDATA/POKEDATA word by word (read-modify-write for partial words).
//
// process_vm_* and /proc/PID/mem need ptrace-attach permission over the
// process but not an actual ptrace attachment; PEEK/POKE need the thread
// `pid()` to be traced by us and stopped.
//
// Kernel behaviour the fallbacks rely on (see PTRACE_HARD_CASES.md §36):
// /proc/PID/mem and POKEDATA write through read-only private mappings
// (FOLL_FORCE, copy-on-write); process_vm_writev fails there with EFAULT.
// A forced write into a writable MAP_SHARED file mapping changes the file.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "syscope/error.h"

namespace syscope {

class Memory {
 public:
  explicit Memory(pid_t pid) : pid_(pid) {}
  ~Memory();
  Memory(const Memory&) = delete;
  Memory& operator=(const Memory&) = delete;

  pid_t pid() const { return pid_; }
  // Points this object at another process (after exec the address space is
  // new; after a non-leader exec the pid changes).
  void reset(pid_t pid);

  // Reads up to len bytes at addr. Returns how many bytes were read: a short
  // count means the byte at addr+count could not be read (unmapped page).
  size_t read(uint64_t addr, void* buf, size_t len);
  // Reads exactly len bytes or fails; the error's op names the first address
  // that could not be read ("read at 0x1000"), its code the errno.
  Result<void> read_exact(uint64_t addr, void* buf, size_t len);
  template <class T>
  bool read_struct(uint64_t addr, T* out) {
    return read(addr, out, sizeof(T)) == sizeof(T);
  }
  // Reads a NUL-terminated string of at most max bytes (NUL not included).
  // Returns false if nothing at addr could be read. *terminated tells whether
  // the NUL was found within max bytes.
  bool read_cstring(uint64_t addr, size_t max, std::string* out, bool* terminated);

  // Writes len bytes at addr; works on read-only mappings too (via
  // /proc/PID/mem or POKEDATA). Returns bytes written (all of them) or the
  // error; its op names the first address that could not be written
  // ("write at 0x1000"). Bytes before that address may have been written.
  Result<size_t> write(uint64_t addr, const void* buf, size_t len);

  // Forces one access path (tests and benchmarks).
  enum class Path : uint8_t { kAuto, kProcessVm, kProcMem, kPeekPoke };
  static const char* path_name(Path p);  // "process_vm", "proc_mem", "ptrace", "auto"
  void force_path(Path p) { forced_ = p; }
  size_t read_via(Path p, uint64_t addr, void* buf, size_t len);
  Result<size_t> write_via(Path p, uint64_t addr, const void* buf, size_t len);

  // The outcome of one access: how many bytes were transferred, the errno
  // that stopped it (0 if complete; the most telling one when several paths
  // failed: /proc/PID/mem's EIO says "unmapped" better than POKEDATA's ESRCH
  // on a thread we do not trace) and the path that made the last transfer.
  struct Status {
    size_t done = 0;
    int err = 0;
    Path path = Path::kAuto;
    bool ok(size_t len) const { return done == len; }
  };
  Status read_status(uint64_t addr, void* buf, size_t len);
  Status write_status(uint64_t addr, const void* buf, size_t len);

  // When on, a read that process_vm_readv refuses with EFAULT is retried
  // through /proc/PID/mem, which also reads mappings without PROT_READ (e.g.
  // PROT_NONE guard pages) and reports unmapped pages as EIO. Off by default:
  // the tracer's decoders then behave like strace's umoven (EFAULT is final,
  // and a bad pointer costs one syscall).
  void set_read_fault_fallback(bool on) { read_fault_fallback_ = on; }

  // Every occurrence of `needle` in [start, end), in address order, read
  // `chunk` bytes at a time (matches straddling two chunks are found).
  // Unreadable pages are skipped. on_match returns false to stop.
  struct SearchStats {
    uint64_t searched = 0;  // bytes read and scanned
    uint64_t skipped = 0;   // bytes in unreadable pages
    uint64_t matches = 0;
    bool stopped = false;   // on_match asked to stop
  };
  SearchStats search(uint64_t start, uint64_t end, std::string_view needle,
                     const std::function<bool(uint64_t addr)>& on_match, size_t chunk = kSearchChunk);
  // 1 MiB: each chunk is scanned while it is still in the CPU cache.
  static constexpr size_t kSearchChunk = 1u << 20;

 private:
  size_t read_process_vm(uint64_t addr, void* buf, size_t len, int* err);
  size_t read_proc_mem(uint64_t addr, void* buf, size_t len, int* err);
  size_t read_peek(uint64_t addr, void* buf, size_t len, int* err);
  size_t write_process_vm(uint64_t addr, const void* buf, size_t len, int* err);
  size_t write_proc_mem(uint64_t addr, const void* buf, size_t len, int* err);
  size_t write_poke(uint64_t addr, const void* buf, size_t len, int* err);
  Status read_one(Path p, uint64_t addr, void* buf, size_t len);
  Status write_one(Path p, uint64_t addr, const void* buf, size_t len);
  int mem_fd();

  pid_t pid_;
  int mem_fd_ = -1;
  int mem_fd_err_ = 0;
  bool process_vm_works_ = true;  // false after ENOSYS/EPERM
  bool read_fault_fallback_ = false;
  Path forced_ = Path::kAuto;
};

// The search loop of Memory::search over any reader (unit-testable):
// read(addr, buf, len) returns how many bytes it read at addr; a short count
// means the page at addr+count is unreadable, which is then skipped.
using ChunkReader = std::function<size_t(uint64_t addr, void* buf, size_t len)>;
Memory::SearchStats search_memory(const ChunkReader& read, uint64_t start, uint64_t end,
                                  std::string_view needle,
                                  const std::function<bool(uint64_t addr)>& on_match,
                                  size_t chunk = Memory::kSearchChunk);

}  // namespace syscope

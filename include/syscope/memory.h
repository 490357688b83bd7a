// SPDX-License-Identifier: MIT
// Access to a tracee's address space. Picks the fastest path that works:
// process_vm_readv/writev, then /proc/PID/mem (which, unlike
// process_vm_writev, can write read-only mappings such as code), then
// PTRACE_PEEKDATA/POKEDATA word by word.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

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
  // Reads exactly len bytes or fails with the failing address in op.
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
  // /proc/PID/mem or POKEDATA). Returns bytes written or the error.
  Result<size_t> write(uint64_t addr, const void* buf, size_t len);

  // Forces one access path (tests and benchmarks).
  enum class Path : uint8_t { kAuto, kProcessVm, kProcMem, kPeekPoke };
  void force_path(Path p) { forced_ = p; }
  size_t read_via(Path p, uint64_t addr, void* buf, size_t len);
  Result<size_t> write_via(Path p, uint64_t addr, const void* buf, size_t len);

 private:
  size_t read_process_vm(uint64_t addr, void* buf, size_t len, int* err);
  size_t read_proc_mem(uint64_t addr, void* buf, size_t len, int* err);
  size_t read_peek(uint64_t addr, void* buf, size_t len, int* err);
  Result<size_t> write_proc_mem(uint64_t addr, const void* buf, size_t len);
  Result<size_t> write_poke(uint64_t addr, const void* buf, size_t len);
  Result<size_t> write_process_vm(uint64_t addr, const void* buf, size_t len);
  int mem_fd();

  pid_t pid_;
  int mem_fd_ = -1;
  bool process_vm_works_ = true;  // false after ENOSYS/EPERM
  Path forced_ = Path::kAuto;
};

}  // namespace syscope

// SPDX-License-Identifier: MIT
// What decoders may ask of the tracee. The tracer implements it over ptrace;
// unit tests implement it over in-memory pages (tests/support/fake_tracee.h),
// so every decoder can be tested without a live process.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace syscope {

class DecodeContext {
 public:
  virtual ~DecodeContext() = default;
  // Reads up to len bytes; returns the count read (short at an unmapped page).
  virtual size_t read(uint64_t addr, void* buf, size_t len) = 0;
  // NUL-terminated string, at most max bytes; false if unreadable at addr.
  virtual bool read_cstring(uint64_t addr, size_t max, std::string* out, bool* terminated) = 0;
  // Path of the tracee's fd (readlink of /proc/PID/fd/N); empty if unknown.
  virtual std::string fd_path(int fd) = 0;
  // -yy details for a socket/device fd ("TCP:[127.0.0.1:80]", "char 1:3"); empty if none.
  virtual std::string fd_details(int fd) { (void)fd; return {}; }
  virtual pid_t pid() const = 0;

  template <class T>
  bool read_struct(uint64_t addr, T* out) {
    return addr != 0 && read(addr, out, sizeof(T)) == sizeof(T);
  }
};

}  // namespace syscope

// SPDX-License-Identifier: MIT
#include "syscope/memory.h"

#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "syscope/ptrace.h"

namespace syscope {
namespace {
constexpr uint64_t kPage = 4096;
}

Memory::~Memory() {
  if (mem_fd_ >= 0) close(mem_fd_);
}

void Memory::reset(pid_t pid) {
  if (mem_fd_ >= 0) close(mem_fd_);
  mem_fd_ = -1;
  pid_ = pid;
}

int Memory::mem_fd() {
  if (mem_fd_ < 0) {
    std::string path = "/proc/" + std::to_string(pid_) + "/mem";
    mem_fd_ = open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (mem_fd_ < 0) mem_fd_ = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  }
  return mem_fd_;
}

size_t Memory::read_process_vm(uint64_t addr, void* buf, size_t len, int* err) {
  size_t done = 0;
  // process_vm_readv stops at the first fault of a remote iovec, so one
  // request gives "everything up to the first unmapped byte".
  while (done < len) {
    iovec local{static_cast<char*>(buf) + done, len - done};
    iovec remote{reinterpret_cast<void*>(addr + done), len - done};
    ssize_t n = process_vm_readv(pid_, &local, 1, &remote, 1, 0);
    if (n <= 0) {
      *err = n < 0 ? errno : EFAULT;
      break;
    }
    done += static_cast<size_t>(n);
  }
  return done;
}

size_t Memory::read_proc_mem(uint64_t addr, void* buf, size_t len, int* err) {
  int fd = mem_fd();
  if (fd < 0) {
    *err = errno;
    return 0;
  }
  size_t done = 0;
  while (done < len) {
    ssize_t n = pread(fd, static_cast<char*>(buf) + done, len - done, static_cast<off_t>(addr + done));
    if (n <= 0) {
      *err = n < 0 ? errno : EFAULT;
      break;
    }
    done += static_cast<size_t>(n);
  }
  return done;
}

size_t Memory::read_peek(uint64_t addr, void* buf, size_t len, int* err) {
  size_t done = 0;
  char* out = static_cast<char*>(buf);
  while (done < len) {
    uint64_t a = addr + done;
    uint64_t aligned = a & ~uint64_t{7};
    auto w = pt::peek_data(pid_, aligned);
    if (!w) {
      *err = w.error().code;
      break;
    }
    long word = *w;
    size_t off = a - aligned;
    size_t n = std::min<size_t>(8 - off, len - done);
    std::memcpy(out + done, reinterpret_cast<char*>(&word) + off, n);
    done += n;
  }
  return done;
}

size_t Memory::read_via(Path p, uint64_t addr, void* buf, size_t len) {
  int err = 0;
  switch (p) {
    case Path::kProcessVm: return read_process_vm(addr, buf, len, &err);
    case Path::kProcMem: return read_proc_mem(addr, buf, len, &err);
    case Path::kPeekPoke: return read_peek(addr, buf, len, &err);
    case Path::kAuto: break;
  }
  return read(addr, buf, len);
}

size_t Memory::read(uint64_t addr, void* buf, size_t len) {
  if (len == 0) return 0;
  if (forced_ != Path::kAuto) return read_via(forced_, addr, buf, len);
  int err = 0;
  size_t n = 0;
  if (process_vm_works_) {
    n = read_process_vm(addr, buf, len, &err);
    if (n == len || err == EFAULT || err == ESRCH) return n;
    if (err == ENOSYS || err == EPERM) process_vm_works_ = false;
  }
  // Fallbacks: continue where the fast path stopped.
  err = 0;
  size_t m = read_proc_mem(addr + n, static_cast<char*>(buf) + n, len - n, &err);
  if (m > 0 || err == EIO || err == EFAULT) return n + m;
  return n + read_peek(addr + n, static_cast<char*>(buf) + n, len - n, &err);
}

Result<void> Memory::read_exact(uint64_t addr, void* buf, size_t len) {
  size_t n = read(addr, buf, len);
  if (n == len) return {};
  char hex[32];
  snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(addr + n));
  return make_error(EFAULT, std::string("read at ") + hex);
}

bool Memory::read_cstring(uint64_t addr, size_t max, std::string* out, bool* terminated) {
  out->clear();
  *terminated = false;
  char chunk[kPage];
  // Read page by page so that a string ending just before an unmapped page
  // is still read whole.
  while (out->size() < max) {
    uint64_t a = addr + out->size();
    size_t want = std::min<uint64_t>(kPage - (a % kPage), max - out->size());
    size_t got = read(a, chunk, want);
    const void* nul = std::memchr(chunk, 0, got);
    if (nul) {
      out->append(chunk, static_cast<const char*>(nul) - chunk);
      *terminated = true;
      return true;
    }
    out->append(chunk, got);
    if (got < want) return !out->empty();
  }
  // Exactly max bytes read: peek one more byte to see if the NUL follows.
  char c;
  if (read(addr + out->size(), &c, 1) == 1 && c == 0) *terminated = true;
  return true;
}

Result<size_t> Memory::write_process_vm(uint64_t addr, const void* buf, size_t len) {
  iovec local{const_cast<void*>(buf), len};
  iovec remote{reinterpret_cast<void*>(addr), len};
  ssize_t n = process_vm_writev(pid_, &local, 1, &remote, 1, 0);
  if (n < 0) return make_error(errno, "process_vm_writev");
  return static_cast<size_t>(n);
}

Result<size_t> Memory::write_proc_mem(uint64_t addr, const void* buf, size_t len) {
  int fd = mem_fd();
  if (fd < 0) return make_error(errno, "open /proc/PID/mem");
  size_t done = 0;
  while (done < len) {
    ssize_t n = pwrite(fd, static_cast<const char*>(buf) + done, len - done,
                       static_cast<off_t>(addr + done));
    if (n <= 0) {
      if (done) return done;
      return make_error(n < 0 ? errno : EFAULT, "pwrite /proc/PID/mem");
    }
    done += static_cast<size_t>(n);
  }
  return done;
}

Result<size_t> Memory::write_poke(uint64_t addr, const void* buf, size_t len) {
  size_t done = 0;
  const char* in = static_cast<const char*>(buf);
  while (done < len) {
    uint64_t a = addr + done;
    uint64_t aligned = a & ~uint64_t{7};
    size_t off = a - aligned;
    size_t n = std::min<size_t>(8 - off, len - done);
    long word = 0;
    if (off != 0 || n != 8) {  // partial word: read-modify-write
      auto w = pt::peek_data(pid_, aligned);
      if (!w) {
        if (done) return done;
        return std::unexpected(w.error());
      }
      word = *w;
    }
    std::memcpy(reinterpret_cast<char*>(&word) + off, in + done, n);
    auto r = pt::poke_data(pid_, aligned, word);
    if (!r) {
      if (done) return done;
      return std::unexpected(r.error());
    }
    done += n;
  }
  return done;
}

Result<size_t> Memory::write_via(Path p, uint64_t addr, const void* buf, size_t len) {
  switch (p) {
    case Path::kProcessVm: return write_process_vm(addr, buf, len);
    case Path::kProcMem: return write_proc_mem(addr, buf, len);
    case Path::kPeekPoke: return write_poke(addr, buf, len);
    case Path::kAuto: break;
  }
  return write(addr, buf, len);
}

Result<size_t> Memory::write(uint64_t addr, const void* buf, size_t len) {
  if (len == 0) return size_t{0};
  if (forced_ != Path::kAuto) return write_via(forced_, addr, buf, len);
  if (process_vm_works_) {
    auto r = write_process_vm(addr, buf, len);
    if (r && *r == len) return r;
    if (!r && r.error().gone()) return r;
    // EFAULT here also means "read-only mapping": /proc/PID/mem writes those.
  }
  auto r = write_proc_mem(addr, buf, len);
  if (r && *r == len) return r;
  return write_poke(addr, buf, len);
}

}  // namespace syscope

// SPDX-License-Identifier: MIT
// DecodeContext over a live tracee: memory through ptrace::Memory, fd paths
// through /proc.
#pragma once

#include "format/decode_context.h"
#include "syscope/tracer.h"

namespace syscope {

class TraceeContext final : public DecodeContext {
 public:
  explicit TraceeContext(Tracee* t = nullptr) : t_(t) {}
  void set(Tracee* t) { t_ = t; }
  size_t read(uint64_t addr, void* buf, size_t len) override { return t_->mem.read(addr, buf, len); }
  bool read_cstring(uint64_t addr, size_t max, std::string* out, bool* terminated) override {
    return t_->mem.read_cstring(addr, max, out, terminated);
  }
  std::string fd_path(int fd) override;
  std::string fd_details(int fd) override;
  pid_t pid() const override { return t_->tid; }

 private:
  Tracee* t_;
};

}  // namespace syscope

// SPDX-License-Identifier: MIT
// A DecodeContext over in-memory pages, so decoders are unit-tested without a
// live process. Memory not mapped with map() is unreadable, exactly like an
// unmapped page in a tracee.
#pragma once

#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "decoders/decoder.h"
#include "format/decode_context.h"

namespace syscope::testing {

class FakeTracee : public DecodeContext {
 public:
  // Maps bytes at addr (any alignment); later maps may overlap earlier ones.
  void map(uint64_t addr, const void* data, size_t len) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < len; ++i) bytes_[addr + i] = p[i];
  }
  void map_string(uint64_t addr, const std::string& s) { map(addr, s.c_str(), s.size() + 1); }
  template <class T>
  void map_struct(uint64_t addr, const T& v) { map(addr, &v, sizeof v); }
  void set_fd_path(int fd, std::string path) { fds_[fd] = std::move(path); }

  size_t read(uint64_t addr, void* buf, size_t len) override {
    auto* out = static_cast<unsigned char*>(buf);
    for (size_t i = 0; i < len; ++i) {
      auto it = bytes_.find(addr + i);
      if (it == bytes_.end()) return i;
      out[i] = it->second;
    }
    return len;
  }
  bool read_cstring(uint64_t addr, size_t max, std::string* out, bool* terminated) override {
    out->clear();
    *terminated = false;
    for (size_t i = 0; i < max; ++i) {
      auto it = bytes_.find(addr + i);
      if (it == bytes_.end()) return i > 0;
      if (it->second == 0) {
        *terminated = true;
        return true;
      }
      out->push_back(static_cast<char>(it->second));
    }
    auto it = bytes_.find(addr + max);
    if (it != bytes_.end() && it->second == 0) *terminated = true;
    return true;
  }
  std::string fd_path(int fd) override {
    auto it = fds_.find(fd);
    return it == fds_.end() ? std::string() : it->second;
  }
  pid_t pid() const override { return 4242; }

 private:
  std::map<uint64_t, unsigned char> bytes_;
  std::map<int, std::string> fds_;
};

// Decodes one syscall the way the strace printer does and returns the text
// "name(args) = ret": entry, then (if asked for) exit with `rval`.
inline std::string decode_line(FakeTracee& mem, const FormatOptions& opt, const char* name,
                               std::initializer_list<uint64_t> args, int64_t rval,
                               Abi abi = Abi::kX86_64) {
  const SyscallDesc* d = syscall_by_name(abi, name);
  Call c;
  c.desc = d;
  c.abi = abi;
  c.nr = d ? d->nr : -1;
  int i = 0;
  for (uint64_t a : args) c.args[i++] = a;
  const DecoderEntry* dec = d ? find_decoder(abi, d->nr) : nullptr;
  c.ret = dec ? dec->ret : RetFmt::kDec;
  std::string out = std::string(name) + "(";
  Printer p(&out, &opt, &mem);
  c.p = &p;
  bool done = dec ? dec->fn(c) : decode_raw(c);
  c.exiting = true;
  c.rval = rval;
  if (!done && dec) dec->fn(c);
  out += ") = ";
  format_return(c, &out);
  return out;
}

}  // namespace syscope::testing

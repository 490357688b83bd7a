// SPDX-License-Identifier: MIT
// Fuzz target for the syscall decoders (issue 3): one input is one syscall
// stop pair — ABI, number, argument registers, return value, output options
// and the tracee memory the decoders may read (tests/fuzz/fuzz_input.h). It is
// decoded entry then exit exactly as the strace printer (and
// tests/support/fake_tracee.h's decode_line) does. Memory outside the mapped
// regions is unreadable, as an unmapped page is in a real tracee; reads
// outside a decoder's own buffers are ASan's to catch.
//
// Built with clang -fsanitize=fuzzer this is a libFuzzer target; otherwise
// fuzz_main.cc drives it with generated inputs.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "decoders/decoder.h"
#include "format/decode_context.h"
#include "format/format_options.h"
#include "fuzz/fuzz_input.h"
#include "syscope/syscall_table.h"

namespace syscope::fuzz {
namespace {

// A tracee made of the input's regions; a later region hides an earlier one
// where they overlap. At the exit stop the exit-only regions appear too.
class FuzzTracee : public DecodeContext {
 public:
  explicit FuzzTracee(const Input& in) : in_(in) {}
  void set_exiting() { exiting_ = true; }

  size_t read(uint64_t addr, void* buf, size_t len) override {
    auto* out = static_cast<unsigned char*>(buf);
    for (size_t i = 0; i < len; ++i) {
      const uint8_t* b = byte(addr + i);
      if (!b) return i;
      out[i] = *b;
    }
    return len;
  }
  bool read_cstring(uint64_t addr, size_t max, std::string* out, bool* terminated) override {
    out->clear();
    *terminated = false;
    for (size_t i = 0; i < max; ++i) {
      const uint8_t* b = byte(addr + i);
      if (!b) return i > 0;
      if (*b == 0) {
        *terminated = true;
        return true;
      }
      out->push_back(static_cast<char>(*b));
    }
    const uint8_t* b = byte(addr + max);
    if (b && *b == 0) *terminated = true;
    return true;
  }
  std::string fd_path(int fd) override {
    switch (fd) {
      case 0: case 1: case 2: return "/dev/pts/0";
      case 3: return "/tmp/fuzz dir/\"q\"\n<x>\\\x01\xff";
      case 4: return "socket:[12345]";
      case 5: return "/dev/null";
      case 6: return "anon_inode:[eventfd]";
      default: return {};
    }
  }
  std::string fd_details(int fd) override {
    switch (fd) {
      case 4: return "TCP:[127.0.0.1:80->127.0.0.1:5000]";
      case 5: return "char 1:3";
      default: return {};
    }
  }
  pid_t pid() const override { return 4242; }

 private:
  const uint8_t* byte(uint64_t a) const {
    for (size_t i = in_.regions.size(); i-- > 0;) {
      const Region& r = in_.regions[i];
      if (r.exit_only && !exiting_) continue;
      if (a >= r.addr && a - r.addr < r.bytes.size()) return &r.bytes[a - r.addr];
    }
    return nullptr;
  }

  const Input& in_;
  bool exiting_ = false;
};

FormatOptions options_of(const Input& in, bool raw) {
  FormatOptions o;
  o.string_limit = in.string_limit;
  uint8_t x = in.fmt & 3;
  o.hex_strings = x > 2 ? 2 : x;
  o.abbrev = !(in.fmt & 4);
  switch ((in.fmt >> 3) & 3) {
    case 1: o.const_style = FormatOptions::ConstStyle::kRaw; break;
    case 2: o.const_style = FormatOptions::ConstStyle::kVerbose; break;
    default: o.const_style = FormatOptions::ConstStyle::kAbbrev; break;
  }
  uint8_t y = (in.fmt >> 5) & 3;
  o.decode_fds = y > 2 ? 2 : y;
  o.verbose_structs = !(in.mode & 8);
  if (raw) {  // as StracePrinter's fmt_raw_
    o.raw = true;
    o.abbrev = false;
    o.verbose_structs = false;
  }
  return o;
}

// A line must stay one line of text, whatever the tracee's memory holds.
void check_line(const std::string& line, const Input& in) {
  for (char ch : line) {
    if (ch == '\0' || ch == '\n') {
      fprintf(stderr, "decoder_fuzz: %s byte in output of syscall %d: %s\n",
              ch ? "raw newline" : "NUL", static_cast<int>(in.nr), line.c_str());
      abort();
    }
  }
  if (line.size() > (1u << 20)) {
    fprintf(stderr, "decoder_fuzz: %zu-byte line for syscall %d\n", line.size(), static_cast<int>(in.nr));
    abort();
  }
}

}  // namespace

std::string decode_input(const Input& in) {
  Abi abi = (in.mode & 1) ? Abi::kI386 : Abi::kX86_64;
  long nr = in.nr;
  Call c;
  c.abi = abi;
  c.nr = nr;
  c.desc = syscall_by_nr(abi, nr);
  for (int i = 0; i < 6; ++i) c.args[i] = in.args[i];
  const DecoderEntry* dec = find_decoder(abi, nr);
  c.ret = dec ? dec->ret : RetFmt::kDec;
  bool raw = (in.mode & 4) && c.desc;
  FormatOptions opt = options_of(in, raw);
  FuzzTracee mem(in);

  std::string out;
  if (c.desc) {
    out += c.desc->name;
  } else {
    char b[40];
    snprintf(b, sizeof b, "syscall_%#lx", static_cast<unsigned long>(nr));
    out += b;
  }
  out += '(';
  bool done;
  {
    Printer p(&out, &opt, &mem);
    c.p = &p;
    done = (raw || !dec) ? decode_raw(c) : dec->fn(c);
    c.p = nullptr;
  }
  if (in.mode & 2) {  // the tracee never came back
    out += out.back() == ' ' ? "<unfinished ...>" : " <unfinished ...>";
    return out;
  }
  mem.set_exiting();
  c.exiting = true;
  c.rval = in.rval;
  {
    Printer p(&out, &opt, &mem);  // a fresh Printer at exit, as StracePrinter
    c.p = &p;
    if (!done && dec && !raw) dec->fn(c);
    out += ") = ";
    if (raw) c.ret = RetFmt::kHex;
    format_return(c, &out);
    c.p = nullptr;
  }
  return out;
}

}  // namespace syscope::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  syscope::fuzz::Input in = syscope::fuzz::parse(data, size);
  std::string line = syscope::fuzz::decode_input(in);
  syscope::fuzz::check_line(line, in);
  return 0;
}

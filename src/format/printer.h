// SPDX-License-Identifier: MIT
// The strace text vocabulary: numbers, pointers, constants, flag sets,
// quoted strings, fds. Decoders describe values through these calls and never
// format text themselves, so every output quirk (-s, -x, -X, -y) lives here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "format/decode_context.h"
#include "format/format_options.h"
#include "syscalls/xlat.h"

namespace syscope {

class Printer {
 public:
  Printer(std::string* out, const FormatOptions* opt, DecodeContext* ctx)
      : out_(out), opt_(opt), ctx_(ctx) {}

  std::string& out() { return *out_; }
  const FormatOptions& opt() const { return *opt_; }
  DecodeContext& ctx() { return *ctx_; }

  // Literal text: punctuation, field names ("{st_mode=").
  Printer& lit(std::string_view s) { out_->append(s); return *this; }
  Printer& ch(char c) { out_->push_back(c); return *this; }
  Printer& sep() { out_->append(", "); return *this; }

  // Numbers.
  void dec(int64_t v);
  void udec(uint64_t v);
  void hex(uint64_t v);       // 0x1f, or 0 for zero (strace's %#lx)
  void oct(uint64_t v);       // 0644, or 0 for zero (strace's %#o)
  void addr(uint64_t v);      // NULL or 0x7ffd...
  void int_arg(uint64_t v) { dec(static_cast<int32_t>(v)); }  // C int argument

  // File descriptors: "3", or "3</etc/passwd>" with -y.
  void fd(int64_t fd);
  // The "<path>" (or -yy details) that follows an fd under -y.
  static void fd_annotation(int fd, DecodeContext& ctx, const FormatOptions& opt, std::string* out);
  // AT_FDCWD or an fd.
  void dirfd(int64_t fd);

  // Constants. flags(): "A|B|0x40" ("0" or `zero` when v==0); with -X raw the
  // number, with -X verbose "0x.. /* A|B */".
  void flags(uint64_t v, const xlat::Table& t, const char* zero = "0");
  // Like flags() but an initial enum part selected by `mask` comes first
  // (O_RDONLY|O_CLOEXEC; MAP_PRIVATE|MAP_ANONYMOUS; CLONE_VM|...|SIGCHLD).
  void flags_with_enum(uint64_t v, uint64_t mask, const xlat::Table& enum_table,
                       const xlat::Table& flag_table);
  // Enum value: its name, else "0x.. /* X_??? */" (table->unknown) or the
  // number in hex when the table has no unknown text.
  void xval(uint64_t v, const xlat::Table& t);
  // Enum printed in decimal when unknown (e.g. resource numbers).
  void xval_dec(int64_t v, const xlat::Table& t);
  // Returns true if something was matched (for callers building compound values).
  static bool flags_text(uint64_t v, const xlat::Table& t, std::string* out);

  // Signal number: SIGINT, or the number.
  void signo(int64_t sig);
  // File mode bits: 0644 (or S_IFREG|0644 with type bits).
  void mode(uint64_t m);
  void mode_with_type(uint64_t m);

  // Quoted strings. `ellipsis` prints "..." after the closing quote.
  void quoted(const void* data, size_t len, bool ellipsis = false);
  // Counted buffer in the tracee (write data, read data): at most -s bytes.
  void buf(uint64_t addr, uint64_t len);
  // Same, but always in \x hex (getrandom).
  void buf_hex(uint64_t addr, uint64_t len);
  // NUL-terminated string limited by -s ("..." if longer).
  void cstr(uint64_t addr);
  // A path: NUL-terminated, not limited by -s (PATH_MAX).
  void path(uint64_t addr);
  // A path of at most n bytes, not necessarily NUL-terminated (readlink result).
  void path_n(uint64_t addr, uint64_t n);

  // Structs: `if (!p.fetch(addr, &s)) return;` prints the address and
  // returns false when the struct cannot (or should not) be read.
  template <class T>
  bool fetch(uint64_t addr, T* out) {
    if (addr == 0 || !opt_->verbose_structs || !ctx_->read_struct(addr, out)) {
      addr_or_null(addr);
      return false;
    }
    return true;
  }
  void addr_or_null(uint64_t a) { addr(a); }

  // -P support: when set, every path and fd argument printed is also
  // recorded here, so the caller can tell whether the call touches a path.
  struct Touched {
    std::vector<std::string> paths;
    std::vector<int> fds;
  };
  void set_touched(Touched* t) { touched_ = t; }
  Touched* touched() const { return touched_; }

  // Escaping rule shared with other printers (siginfo, iov dumps).
  static void quote_into(std::string* out, const unsigned char* data, size_t len, uint8_t hex_mode,
                         bool quotes = true, bool escape_angles = false);

 private:
  bool fetch_cstring(uint64_t a, uint64_t fetch, std::string* s);
  void flags_raw_or_verbose(uint64_t v, const std::string& names);

  std::string* out_;
  const FormatOptions* opt_;
  DecodeContext* ctx_;
  Touched* touched_ = nullptr;
};

}  // namespace syscope

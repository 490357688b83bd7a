// SPDX-License-Identifier: MIT
#include "format/printer.h"

#include <fcntl.h>
#include <linux/stat.h>

#include <cinttypes>
#include <cstdio>
#include <vector>

#include "syscalls/signal_names.h"

namespace syscope {
namespace {

constexpr size_t kPathMax = 4096;

void append_fmt_u(std::string* out, const char* fmt, uint64_t v) {
  char b[32];
  int n = snprintf(b, sizeof b, fmt, v);
  out->append(b, static_cast<size_t>(n));
}

bool is_octal_digit(unsigned char c) { return c >= '0' && c <= '7'; }

}  // namespace

void Printer::dec(int64_t v) {
  char b[24];
  int n = snprintf(b, sizeof b, "%" PRId64, v);
  out_->append(b, static_cast<size_t>(n));
}

void Printer::udec(uint64_t v) { append_fmt_u(out_, "%" PRIu64, v); }

void Printer::hex(uint64_t v) {
  if (v == 0) {
    out_->push_back('0');
    return;
  }
  append_fmt_u(out_, "%#" PRIx64, v);
}

void Printer::oct(uint64_t v) {
  if (v == 0) {
    out_->push_back('0');
    return;
  }
  append_fmt_u(out_, "%#" PRIo64, v);
}

void Printer::addr(uint64_t v) {
  if (v == 0)
    out_->append("NULL");
  else
    append_fmt_u(out_, "%#" PRIx64, v);
}

void Printer::fd_annotation(int fd, DecodeContext& ctx, const FormatOptions& opt, std::string* out) {
  std::string p = ctx.fd_path(fd);
  if (p.empty()) return;
  out->push_back('<');
  std::string details = opt.decode_fds > 1 ? ctx.fd_details(fd) : std::string();
  if (!details.empty()) {
    out->append(details);
    out->push_back('>');
    return;
  }
  // readlink says "PATH (deleted)"; strace prints "<PATH>(deleted)".
  static constexpr std::string_view kDeleted = " (deleted)";
  bool deleted = p.size() > kDeleted.size() && std::string_view(p).ends_with(kDeleted);
  if (deleted) p.resize(p.size() - kDeleted.size());
  quote_into(out, reinterpret_cast<const unsigned char*>(p.data()), p.size(), opt.hex_strings, false, true);
  out->push_back('>');
  if (deleted) out->append("(deleted)");
}

void Printer::fd(int64_t fd) {
  int f = static_cast<int>(fd);
  dec(f);
  if (opt_->decode_fds && f >= 0) fd_annotation(f, *ctx_, *opt_, out_);
  if (touched_ && f >= 0) touched_->fds.push_back(f);
}

void Printer::dirfd(int64_t fd) {
  int f = static_cast<int>(fd);
  if (f == AT_FDCWD) {
    switch (opt_->const_style) {
      case FormatOptions::ConstStyle::kRaw: dec(f); break;
      case FormatOptions::ConstStyle::kVerbose: dec(f); out_->append(" /* AT_FDCWD */"); break;
      default: out_->append("AT_FDCWD");
    }
    if (opt_->decode_fds) {
      std::string cwd = ctx_->fd_path(AT_FDCWD);
      if (!cwd.empty()) {
        out_->push_back('<');
        quote_into(out_, reinterpret_cast<const unsigned char*>(cwd.data()), cwd.size(), opt_->hex_strings,
                   false, true);
        out_->push_back('>');
      }
    }
    return;
  }
  this->fd(f);
}

bool Printer::flags_text(uint64_t v, const xlat::Table& t, std::string* out) {
  bool any = false;
  for (const auto& e : t) {
    if (e.value == 0) continue;
    if ((v & e.value) == e.value) {
      if (any) out->push_back('|');
      out->append(e.name);
      any = true;
      v &= ~e.value;
    }
  }
  if (v) {
    if (any) out->push_back('|');
    append_fmt_u(out, "%#" PRIx64, v);
    any = true;
  }
  return any;
}

void Printer::flags_raw_or_verbose(uint64_t v, const std::string& names) {
  hex(v);
  if (opt_->const_style == FormatOptions::ConstStyle::kVerbose && !names.empty()) {
    out_->append(" /* ");
    out_->append(names);
    out_->append(" */");
  }
}

// Names of the known bits only ("" when none is known); for unknown bits
// alone strace shows the table's "X_???" text.
static std::string known_flag_names(uint64_t v, const xlat::Table& t) {
  std::string names;
  if (v == 0) {
    if (const char* z = t.name_of(0)) names = z;
    return names;
  }
  bool any = false;
  for (const auto& e : t) {
    if (e.value != 0 && (v & e.value) == e.value) {
      any = true;
      break;
    }
  }
  if (any) {
    Printer::flags_text(v, t, &names);
  } else if (t.unknown) {
    names = t.unknown;
  }
  return names;
}

void Printer::flags(uint64_t v, const xlat::Table& t, const char* zero) {
  if (opt_->const_style != FormatOptions::ConstStyle::kAbbrev) {
    flags_raw_or_verbose(v, known_flag_names(v, t));
    return;
  }
  if (v == 0) {
    // A set with a zero-valued name (F_OK, PROT_NONE) prints that name.
    const char* z = t.name_of(0);
    out_->append(z ? z : zero);
    return;
  }
  std::string names;
  flags_text(v, t, &names);
  out_->append(names);
  // Only unknown bits: "0x4000 /* AT_??? */".
  if (t.unknown && names.size() > 1 && names[0] == '0' && names[1] == 'x') {
    out_->append(" /* ");
    out_->append(t.unknown);
    out_->append(" */");
  }
}

void Printer::flags_with_enum(uint64_t v, uint64_t mask, const xlat::Table& enum_table,
                              const xlat::Table& flag_table) {
  std::string names;
  uint64_t e = v & mask;
  if (const char* n = enum_table.name_of(e)) {
    names = n;
  } else {
    append_fmt_u(&names, "%#" PRIx64, e);
  }
  uint64_t rest = v & ~mask;
  if (rest) {
    names.push_back('|');
    flags_text(rest, flag_table, &names);
  }
  if (opt_->const_style != FormatOptions::ConstStyle::kAbbrev) {
    flags_raw_or_verbose(v, names);
    return;
  }
  out_->append(names);
}

void Printer::xval(uint64_t v, const xlat::Table& t) {
  const char* n = t.name_of(v);
  switch (opt_->const_style) {
    case FormatOptions::ConstStyle::kRaw: hex(v); return;
    case FormatOptions::ConstStyle::kVerbose:
      hex(v);
      if (n) {
        out_->append(" /* ");
        out_->append(n);
        out_->append(" */");
      } else if (t.unknown) {
        out_->append(" /* ");
        out_->append(t.unknown);
        out_->append(" */");
      }
      return;
    default: break;
  }
  if (n) {
    out_->append(n);
    return;
  }
  hex(v);
  if (t.unknown) {
    out_->append(" /* ");
    out_->append(t.unknown);
    out_->append(" */");
  }
}

void Printer::xval_dec(int64_t v, const xlat::Table& t) {
  const char* n = t.name_of(static_cast<uint64_t>(v));
  if (opt_->const_style == FormatOptions::ConstStyle::kRaw || !n) {
    dec(v);
    if (!n && t.unknown && opt_->const_style != FormatOptions::ConstStyle::kRaw) {
      out_->append(" /* ");
      out_->append(t.unknown);
      out_->append(" */");
    }
    return;
  }
  if (opt_->const_style == FormatOptions::ConstStyle::kVerbose) {
    dec(v);
    out_->append(" /* ");
    out_->append(n);
    out_->append(" */");
    return;
  }
  out_->append(n);
}

void Printer::signo(int64_t sig) {
  const char* n = signal_name(static_cast<int>(sig));
  if (!n || opt_->const_style == FormatOptions::ConstStyle::kRaw) {
    dec(sig);
    return;
  }
  if (opt_->const_style == FormatOptions::ConstStyle::kVerbose) {
    dec(sig);
    out_->append(" /* ");
    out_->append(n);
    out_->append(" */");
    return;
  }
  out_->append(n);
}

void Printer::mode(uint64_t m) { append_fmt_u(out_, "%#03" PRIo64, m); }

void Printer::mode_with_type(uint64_t m) {
  static const xlat::Entry kTypes[] = {
      {S_IFREG, "S_IFREG"}, {S_IFSOCK, "S_IFSOCK"}, {S_IFIFO, "S_IFIFO"}, {S_IFLNK, "S_IFLNK"},
      {S_IFDIR, "S_IFDIR"}, {S_IFBLK, "S_IFBLK"},   {S_IFCHR, "S_IFCHR"},
  };
  if (opt_->const_style == FormatOptions::ConstStyle::kRaw) {
    append_fmt_u(out_, "%#" PRIo64, m);
    return;
  }
  std::string names;
  uint64_t type = m & S_IFMT;
  if (type) {
    const char* tn = nullptr;
    for (const auto& e : kTypes)
      if (e.value == type) tn = e.name;
    if (!tn) {
      // An unknown file type: the whole mode in octal.
      append_fmt_u(out_, "%#03" PRIo64, m);
      return;
    }
    names = tn;
    names.push_back('|');
  }
  if (m & S_ISUID) names += "S_ISUID|";
  if (m & S_ISGID) names += "S_ISGID|";
  if (m & S_ISVTX) names += "S_ISVTX|";
  append_fmt_u(&names, "%#03" PRIo64, m & 0777);
  if (opt_->const_style == FormatOptions::ConstStyle::kVerbose) {
    append_fmt_u(out_, "%#03" PRIo64, m);
    out_->append(" /* ");
    out_->append(names);
    out_->append(" */");
    return;
  }
  out_->append(names);
}

// hex_mode: 0 escapes, 1 hex if any byte needs escaping (-x), 2 all hex
// (-xx). -y paths are printed without quotes and with '<' and '>' escaped
// (octal) so that the "<path>" stays parseable.
void Printer::quote_into(std::string* out, const unsigned char* s, size_t len, uint8_t hex_mode,
                         bool quotes, bool escape_angles) {
  bool all_hex = hex_mode == 2;
  if (hex_mode == 1) {
    for (size_t i = 0; i < len; ++i) {
      unsigned char c = s[i];
      bool plain = (c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
                   c == '\r';
      if (!plain) {
        all_hex = true;
        break;
      }
    }
  }
  static const char kHex[] = "0123456789abcdef";
  if (quotes) out->push_back('"');
  for (size_t i = 0; i < len; ++i) {
    unsigned char c = s[i];
    if (all_hex) {
      out->append("\\x");
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
      continue;
    }
    switch (c) {
      case '"': out->append("\\\""); continue;
      case '\\': out->append("\\\\"); continue;
      case '\f': out->append("\\f"); continue;
      case '\n': out->append("\\n"); continue;
      case '\r': out->append("\\r"); continue;
      case '\t': out->append("\\t"); continue;
      case '\v': out->append("\\v"); continue;
      default: break;
    }
    if (c >= 0x20 && c < 0x7f && !(escape_angles && (c == '<' || c == '>'))) {
      out->push_back(static_cast<char>(c));
      continue;
    }
    // Octal with the minimal number of digits unless an octal digit follows.
    bool next_digit = i + 1 < len && is_octal_digit(s[i + 1]);
    out->push_back('\\');
    if (next_digit || c >= 0100) {
      out->push_back(static_cast<char>('0' + (c >> 6)));
      out->push_back(static_cast<char>('0' + ((c >> 3) & 7)));
    } else if (c >= 010) {
      out->push_back(static_cast<char>('0' + ((c >> 3) & 7)));
    }
    out->push_back(static_cast<char>('0' + (c & 7)));
  }
  if (quotes) out->push_back('"');
}

void Printer::quoted(const void* data, size_t len, bool ellipsis) {
  quote_into(out_, static_cast<const unsigned char*>(data), len, opt_->hex_strings);
  if (ellipsis) out_->append("...");
}

void Printer::buf(uint64_t a, uint64_t len) {
  if (a == 0) {
    addr(a);
    return;
  }
  uint64_t show = std::min<uint64_t>(len, opt_->string_limit);
  std::vector<unsigned char> data(show);
  if (show && ctx_->read(a, data.data(), show) != show) {
    addr(a);
    return;
  }
  quoted(data.data(), show, len > show);
}

void Printer::buf_hex(uint64_t a, uint64_t len) {
  uint64_t show = std::min<uint64_t>(len, opt_->string_limit);
  std::vector<unsigned char> data(show);
  if (show && ctx_->read(a, data.data(), show) != show) {
    addr(a);
    return;
  }
  quote_into(out_, data.data(), show, 2);
  if (len > show) out_->append("...");
}

// strace's umovestr(): reading stops at the NUL; memory that ends before a
// NUL within the bytes fetched makes the whole string print as its address.
bool Printer::fetch_cstring(uint64_t a, uint64_t fetch, std::string* s) {
  bool term = false;
  if (!ctx_->read_cstring(a, fetch, s, &term) || (s->size() < fetch && !term)) {
    addr(a);
    return false;
  }
  return true;
}

void Printer::cstr(uint64_t a) {
  if (a == 0) {
    addr(a);
    return;
  }
  uint64_t limit = opt_->string_limit;
  std::string s;
  if (!fetch_cstring(a, limit + 1, &s)) return;
  bool ellipsis = s.size() == limit + 1;
  if (ellipsis) s.resize(limit);
  quoted(s.data(), s.size(), ellipsis);
}

void Printer::path(uint64_t a) {
  if (a == 0) {
    addr(a);
    return;
  }
  // At most PATH_MAX - 1 bytes, then "...".
  std::string s;
  if (!fetch_cstring(a, kPathMax, &s)) return;
  bool ellipsis = s.size() == kPathMax;
  if (ellipsis) s.resize(kPathMax - 1);
  quoted(s.data(), s.size(), ellipsis);
  if (touched_) touched_->paths.push_back(std::move(s));
}

void Printer::path_n(uint64_t a, uint64_t n) {
  uint64_t show = std::min<uint64_t>(n, kPathMax);
  std::vector<unsigned char> data(show);
  if (show && ctx_->read(a, data.data(), show) != show) {
    addr(a);
    return;
  }
  quoted(data.data(), show, false);
}

}  // namespace syscope

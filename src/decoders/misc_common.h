// SPDX-License-Identifier: MIT
// Printing helpers shared by the net, ipc and misc decoder families. They
// follow strace's own primitives closely (printxval_ex, printflags_ex,
// printstr_ex, print_array_ex, umoven_or_printaddr ...), because those decide
// details such as "0x40 /* MSG_??? */" for an unknown flag set, NULL for an
// empty buffer at address 0, or "..." after the -s'th array element.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "decoders/decoder.h"

namespace syscope::nim {

// Number format of a constant when it is printed as a number (strace's
// XLAT_STYLE_FMT_X / _D / _U).
enum class XFmt : uint8_t { kHex, kDec, kUDec };

// String quoting styles (strace's QUOTE_* bits).
enum : unsigned {
  kQuote0Terminated = 0x01,
  kQuoteOmitQuotes = 0x02,
  kQuoteOmitTrailing0 = 0x08,
  kQuoteExpectTrailing0 = 0x10,
  kQuoteForceHex = 0x20,  // every byte as \xNN, whatever -x says
  kQuoteEmitComment = 0x40,
};

inline bool style_raw(const Printer& p) {
  return p.opt().const_style == FormatOptions::ConstStyle::kRaw;
}
inline bool style_verbose(const Printer& p) {
  return p.opt().const_style == FormatOptions::ConstStyle::kVerbose;
}
inline bool style_abbrev(const Printer& p) {
  return p.opt().const_style == FormatOptions::ConstStyle::kAbbrev;
}
// strace's verbose(tcp): structures are dereferenced.
inline bool verbose(const Call& c) { return c.p->opt().verbose_structs; }
// strace's abbrev(tcp): arrays and structs are abbreviated.
inline bool abbrev(const Call& c) { return c.p->opt().abbrev; }

// A number in the given format.
void print_num(Printer& p, uint64_t v, XFmt fmt);
// " /* text */"
void print_comment(Printer& p, const char* text);
// printxval_ex: the name, "0x1 /* NAME */" (-X verbose), the number (-X raw);
// an unknown value is "0x63 /* DFLT */" (just the number when dflt is null).
void print_xval(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt,
                XFmt fmt = XFmt::kHex);
// printxvals: the first table that knows v wins.
void print_xvals(Printer& p, uint64_t v, const char* dflt,
                 std::initializer_list<const xlat::Table*> tables, XFmt fmt = XFmt::kHex);
// printflags_ex: "A|B|0x40"; only unknown bits: "0x40 /* DFLT */"; 0: the
// table's zero name, else "0" (nothing at all when dflt is null).
// Returns strace's count of printed names (0: nothing, or only a number).
unsigned print_flags(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt);
// Same over several tables in turn (null entries skipped).
unsigned print_flags_tables(Printer& p, uint64_t v, std::initializer_list<const xlat::Table*> tables,
                        const char* dflt);
// print_xlat_ex: a value with an optional name (null: just the number).
void print_xlat(Printer& p, uint64_t v, const char* name, XFmt fmt = XFmt::kHex);

// " /* 0x7ffd... */"
void print_addr_comment(Printer& p, uint64_t addr);

// strace's string_quote() + output: data of `size` bytes with QUOTE_* style.
// Returns true when a 0-terminated string was cut (no NUL seen).
bool print_quoted(Printer& p, const void* data, size_t size, unsigned style);
// A NUL-terminated local string of at most size bytes, "..." if unterminated.
void print_quoted_cstring(Printer& p, const void* data, size_t size);
// printstr_ex: len bytes of tracee memory at addr (at most -s), "..." when cut;
// NULL for address 0; the address when unreadable.
void print_str(Call& c, uint64_t addr, uint64_t len, unsigned style = 0);
inline void print_strn(Call& c, uint64_t addr, uint64_t len) { print_str(c, addr, len, 0); }
// printstr: a NUL-terminated string (limited by -s).
inline void print_cstr(Call& c, uint64_t addr) { print_str(c, addr, ~0ull, kQuote0Terminated); }

// tfetch_mem: addr != 0, structs are decoded, not an output of a failed call,
// and readable.
bool fetch_mem(Call& c, uint64_t addr, void* buf, size_t len);
bool fetch_mem_ignore_error(Call& c, uint64_t addr, void* buf, size_t len);
// umoven_or_printaddr: fetch_mem or print the address (NULL) and fail.
bool fetch_or_addr(Call& c, uint64_t addr, void* buf, size_t len);
template <class T>
bool fetch_or_addr(Call& c, uint64_t addr, T* out) {
  return fetch_or_addr(c, addr, out, sizeof(T));
}
bool fetch_or_addr_ignore_error(Call& c, uint64_t addr, void* buf, size_t len);

// printnum_int / printnum_int64 ...: "[42]", or the address.
void print_num_int(Call& c, uint64_t addr);             // "%d"
void print_num_uint(Call& c, uint64_t addr);            // "%u"
void print_num_int64(Call& c, uint64_t addr);           // "%llu"
void print_num_fd(Call& c, uint64_t addr);

// PRINT_VAL_ID: -1 for (type)-1, else unsigned.
void print_id(Printer& p, uint32_t v);
// print_err: an errno value by name.
void print_err(Printer& p, int64_t err, bool negated);
// A timespec / timeval in tracee memory ({tv_sec=1, tv_nsec=0}), NULL, address.
// (32-bit layout for i386 syscalls other than the *_time64 ones.)
void print_timespec(Call& c, uint64_t addr);
bool timespec32(const Call& c);
void print_timespec_local(Printer& p, int64_t sec, int64_t nsec);
std::string sprint_timespec(Call& c, uint64_t addr);
void print_timeval_local(Printer& p, int64_t sec, int64_t usec);

// print_array_ex: the array of nmemb elements of elem_size bytes at addr.
// `fetch` reads one element (fetch_mem semantics); `print` prints it and
// returns false to stop. Abbreviated to -s elements unless -v.
enum class ArrayFetch : uint8_t { kNormal, kIgnoreError };
template <class F>
bool print_array(Call& c, uint64_t addr, uint64_t nmemb, size_t elem_size, F&& print,
                 ArrayFetch mode = ArrayFetch::kNormal, bool truncated_flag = false);

// Local array (already in our memory): always fully available.
template <class F>
void print_local_array(Call& c, const unsigned char* data, size_t nmemb, size_t elem_size,
                       F&& print);

// print_fd for an int stored in memory.
inline void print_fd(Printer& p, int fd) { p.fd(fd); }

// ---- template implementations ----

template <class F>
bool print_array(Call& c, uint64_t addr, uint64_t nmemb, size_t elem_size, F&& print,
                 ArrayFetch mode, bool truncated_flag) {
  Printer& p = *c.p;
  if (!addr) {
    p.lit("NULL");
    return false;
  }
  if (!nmemb) {
    p.lit("[");
    if (truncated_flag) p.lit("...");
    p.lit("]");
    return false;
  }
  const unsigned __int128 size = static_cast<unsigned __int128>(nmemb) * elem_size;
  const unsigned __int128 end = static_cast<unsigned __int128>(addr) + size;
  if (end > UINT64_MAX + static_cast<unsigned __int128>(0) || size > UINT64_MAX) {
    p.addr(addr);
    return false;
  }
  const uint64_t end_addr = static_cast<uint64_t>(end);
  const uint64_t limit = c.p->opt().string_limit;
  const uint64_t abbrev_end =
      (abbrev(c) && limit < nmemb) ? addr + elem_size * limit : end_addr;
  unsigned char buf[512];
  if (elem_size > sizeof buf) {
    p.addr(addr);
    return false;
  }
  uint64_t cur = addr;
  bool truncated = false;
  for (; cur < end_addr; cur += elem_size) {
    if (cur != addr) p.sep();
    bool ok = mode == ArrayFetch::kNormal ? fetch_mem(c, cur, buf, elem_size)
                                          : fetch_mem_ignore_error(c, cur, buf, elem_size);
    if (!ok) {
      if (cur == addr) {
        p.addr(cur);
      } else {
        p.lit("...");
        print_addr_comment(p, cur);
        truncated = true;
      }
      break;
    }
    if (cur == addr) p.lit("[");
    if (cur >= abbrev_end) {
      p.lit("...");
      cur = end_addr;
      truncated = true;
      break;
    }
    if (!print(static_cast<const void*>(buf))) {
      cur = end_addr;
      break;
    }
  }
  if (cur != addr) {
    if (truncated_flag && !truncated) {
      if (cur != addr) p.sep();
      p.lit("...");
    }
    p.lit("]");
  }
  return cur >= end_addr;
}

template <class F>
void print_local_array(Call& c, const unsigned char* data, size_t nmemb, size_t elem_size,
                       F&& print) {
  Printer& p = *c.p;
  p.lit("[");
  const uint64_t limit = c.p->opt().string_limit;
  for (size_t i = 0; i < nmemb; ++i) {
    if (i) p.sep();
    if (abbrev(c) && i >= limit) {
      p.lit("...");
      break;
    }
    if (!print(static_cast<const void*>(data + i * elem_size))) break;
  }
  p.lit("]");
}

}  // namespace syscope::nim

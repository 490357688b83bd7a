// SPDX-License-Identifier: MIT
// Helpers shared by the file and stat decoder families (file*.cc, stat*.cc).
// They reproduce strace 6.1's printing primitives where Printer's generic
// ones differ in an edge case that these syscalls hit (printflags' "0x4000
// /* AT_??? */" for unknown bits, "0 /* F_OK */" with -X verbose, %#03o
// modes, makedev(), time comments, printstr_ex's quirks).
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "decoders/decoder.h"
#include "syscalls/xlat.h"

namespace syscope::filedec {

// strace's printflags(): names joined by '|', unknown rest in hex; nothing
// matched: hex + " /* dflt */"; zero: the table's zero entry or "0" (nothing
// when dflt is null). -X raw / verbose handled.
void print_flags(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt);
// strace's printxval(): name, else hex + " /* dflt */".
void print_xval(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt);
// open(2) flags: O_RDONLY|O_CLOEXEC (strace's tprint_open_modes).
void print_open_modes(Printer& p, uint64_t flags);
// Permission bits as %#03o (print_numeric_umode_t).
void print_umode(Printer& p, uint64_t mode);
// S_IFREG|0644 (print_symbolic_mode_t).
void print_symbolic_mode(Printer& p, uint32_t mode);
// makedev(0x1, 0x3) (print_dev_t).
void print_dev(Printer& p, uint64_t dev);
// uid/gid: -1 or unsigned decimal (printuid).
void print_uid(Printer& p, uint32_t id);
// uid16/gid16 of the i386 16-bit calls.
void print_uid16(Printer& p, uint16_t id);
// " /* 2026-01-02T03:04:05.123456789+0000 */" after a time value, nothing for
// (0, 0) or an out-of-range fraction (sprinttime_ex). width 0: whole seconds.
void print_time_comment(Printer& p, int64_t sec, uint64_t frac, uint64_t max_frac, int width);

// printpath(): a path of at most PATH_MAX - 1 bytes (not cut by -s), "..."
// when longer; unreadable memory before the NUL prints the address.
void print_path(Printer& p, uint64_t addr);
// printpathn(): the same with at most n bytes (getcwd's result).
void print_pathn(Printer& p, uint64_t addr, uint64_t n);

// printstr_ex() styles used here.
enum StrStyle : unsigned {
  kQuote0Terminated = 1,   // stop at NUL; "..." when no NUL within the limit
  kQuoteOmitTrailing0 = 2, // counted buffer whose last shown byte may be a NUL
  kQuoteForceHex = 4,      // always \x.. (file handles, binary values)
};
// strace's printstr_ex(addr, len, style): at most -s bytes of len.
void print_str_ex(Printer& p, uint64_t addr, uint64_t len, unsigned style);
// printstrn(): a counted buffer.
inline void print_strn(Printer& p, uint64_t addr, uint64_t len) { print_str_ex(p, addr, len, 0); }
// printstr(): a NUL-terminated string limited by -s.
inline void print_str(Printer& p, uint64_t addr) {
  print_str_ex(p, addr, ~uint64_t{0}, kQuote0Terminated);
}
// Quotes local bytes honoring -x/-xx, or forcing hex.
void quote_bytes(Printer& p, const void* data, size_t len, bool force_hex);
// print_nonzero_bytes(): ", /* bytes N..M */ \"\\x..\"" for a struct's
// non-zero tail beyond what the decoder knows. Returns true if printed.
bool print_nonzero_bytes(Printer& p, uint64_t addr, uint64_t start, uint64_t total);

// umove_or_printaddr(): reads a struct, or prints its address (NULL, -e
// verbose=none, failed call at exit, unreadable memory) and returns false.
template <class T>
bool fetch(Call& c, uint64_t addr, T* out) {
  if (addr == 0 || !c.p->opt().verbose_structs || (c.exiting && c.failed()) ||
      !c.ctx().read_struct(addr, out)) {
    c.p->addr(addr);
    return false;
  }
  return true;
}
// Same for a size chosen at run time (zero-filling the rest of `out`).
bool fetch_n(Call& c, uint64_t addr, size_t len, void* out);

bool is_abbrev(const Call& c);
// print_array(): with abbreviation, elements from index -s on are replaced
// by a single "..." when the array has more than -s elements.
bool array_elem_cut(const Printer& p, size_t idx, size_t nmemb);
bool raw_style(const Printer& p);
bool verbose_style(const Printer& p);

// Family tables split over several files; file.cc merges them.
std::span<const DecoderEntry> file_xattr_table();
std::span<const DecoderEntry> file_mount_table();
std::span<const DecoderEntry> file_misc_table();
std::span<const DecoderEntry> file_advise_table();
std::span<const DecoderEntry> file_quota_table();

}  // namespace syscope::filedec

// SPDX-License-Identifier: MIT
// Helpers shared by the memory, process, signal, sync and time decoders.
// They reproduce strace 6.1's generic printers (printxval, printflags,
// printnum_*, print_array, timespec/timeval/rusage, printstr_ex) on top of
// Printer, including their -X raw / -X verbose forms and the rule that
// output structs are printed as addresses when the call failed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "decoders/decoder.h"
#include "syscalls/xlat/tables.h"

namespace syscope::pdec {

// Number format of a value printed without a name (strace's XLAT_STYLE_FMT_*).
enum class VFmt : uint8_t { kX, kU, kD };

inline bool raw_style(const Printer& p) {
  return p.opt().const_style == FormatOptions::ConstStyle::kRaw;
}
inline bool verbose_style(const Printer& p) {
  return p.opt().const_style == FormatOptions::ConstStyle::kVerbose;
}
inline bool abbrev_style(const Printer& p) {
  return p.opt().const_style == FormatOptions::ConstStyle::kAbbrev;
}

// Exact-value lookup as strace's xlookup: table entries holding negative int
// constants (stored sign-extended) match their 32-bit zero-extended value, as
// strace stores every XLAT() value through (unsigned).
const char* lookup(const xlat::Table& t, uint64_t v);

void val(Printer& p, uint64_t v, VFmt f);       // %#x / %u / %d
void comment(Printer& p, std::string_view s);   // " /* s */"

// printxval64 (v as given) / printxval (v truncated to 32 bits by the caller).
// Unknown: the number then " /* dflt */" (dflt nullptr: just the number).
// Returns true when a name was found.
bool xval(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt, VFmt f = VFmt::kX);
inline bool xval32(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt,
                   VFmt f = VFmt::kX) {
  return xval(p, static_cast<uint32_t>(v), t, dflt, f);
}
// print_xlat_ex: str or the number, per -X.
void xlat_ex(Printer& p, uint64_t v, const char* str, VFmt f);

// printflags_ex over one or two tables (dflt nullptr: print nothing for 0
// without a zero entry). Returns the number of names printed.
int flags(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt,
          const xlat::Table* t2 = nullptr);
// sprintflags_ex in abbreviated style: "A|B|0x40". Returns false (strace's
// NULL) when nothing is printed. aux_mode: strace's SPFF_AUXSTR_MODE (no
// output unless some name matched; nothing at all under -X raw).
bool sprintflags(const Printer& p, uint64_t v, const xlat::Table& t, std::string* out,
                 bool aux_mode = false);

// umove_or_printaddr: on exit of a failed call, or when the memory cannot be
// read, prints the address (NULL) and returns false.
bool fetch_n(Call& c, uint64_t addr, void* out, size_t n);
template <class T>
bool fetch(Call& c, uint64_t addr, T* out) {
  return fetch_n(c, addr, out, sizeof(T));
}
// tfetch_mem: like fetch_n but never prints.
bool tfetch(Call& c, uint64_t addr, void* out, size_t n, bool ignore_syserror = false);

// printnum_int / printnum_int64 / printnum_ulong / printnum_ptr: "[N]".
void num_int(Call& c, uint64_t addr, VFmt f);
void num_int64(Call& c, uint64_t addr, VFmt f);
void num_ptr(Call& c, uint64_t addr);
inline void num_ulong(Call& c, uint64_t addr) { num_int64(c, addr, VFmt::kU); }

// Element printer for print_array: receives the element bytes.
using ElemFn = void (*)(Call& c, const void* elem, void* data);
// print_array: "[a, b, ...]", abbreviated to -s elements, truncated reads
// shown as "... /* 0x... */".
void array(Call& c, uint64_t addr, uint64_t nmemb, size_t elem_size, ElemFn fn, void* data,
           bool ignore_syserror = false);

// Times.
void timespec_val(Printer& p, int64_t sec, int64_t nsec);
void timespec(Call& c, uint64_t addr);
std::string sprint_timespec(Call& c, uint64_t addr);
void timeval(Call& c, uint64_t addr);
void itimerval(Call& c, uint64_t addr);
void itimerspec(Call& c, uint64_t addr);
void clock_t_val(Printer& p, uint64_t v);  // "5 /* 0.05 s */"
void rusage(Call& c, uint64_t addr);
std::string sprinttime(int64_t sec);       // "2023-11-14T22:13:20+0000", "" if none
void clockid(Printer& p, int clk);         // CLOCK_*, MAKE_PROCESS_CPUCLOCK(...), FD_TO_CLOCKID(...)

// Signal masks.
// print_sigset_addr_len_limit: the mask at addr when min_len <= len <= 8.
void sigset_addr_len(Call& c, uint64_t addr, uint64_t len, uint64_t min_len = 8);

// printstr_ex(addr, len, QUOTE_0_TERMINATED).
void str_ex(Call& c, uint64_t addr, uint64_t len);

// struct iovec array; decode_str: iov_base as a string limited by data_size
// (strace's tprint_iov_upto with iov_decode_str), else as an address.
void iov(Call& c, uint64_t addr, uint64_t count, bool decode_str, uint64_t data_size);

// The syscall was interrupted by a signal (ERESTART* return).
inline bool is_erestart(const Call& c) {
  return c.exiting && c.rval <= -512 && c.rval >= -516;
}
// Whether tracee wordsize is 4 (i386 ABI).
inline bool compat(const Call& c) { return c.abi == Abi::kI386; }
// Whether the call's struct timespec has 64-bit members: always on x86_64,
// only for the *64 calls (clock_gettime64, futex_time64, ...) on i386.
inline bool ts64(const Call& c) {
  return !compat(c) || (c.desc && std::string_view(c.desc->name).ends_with("64"));
}

}  // namespace syscope::pdec

// SPDX-License-Identifier: MIT
// Helpers shared by the io, ioctl and poll decoder families (io*.cc,
// ioctl*.cc, poll*.cc). They reproduce strace 6.1's printing primitives
// (printflags, sprintflags, print_array, printstrn, tprint_iov, printnum_*,
// sigset and timespec printers) with their edge cases, which Printer's
// generic calls do not all cover.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "decoders/decoder.h"
#include "syscalls/xlat.h"

namespace syscope::iodec {

enum class Style : uint8_t { kAbbrev, kRaw, kVerbose };
Style style(const Printer& p);
inline bool abbrev(const Call& c) { return c.p->opt().abbrev; }
inline bool verbose(const Call& c) { return c.p->opt().verbose_structs; }
inline uint32_t max_strlen(const Call& c) { return c.p->opt().string_limit; }
inline bool is_compat(const Call& c) { return c.abi == Abi::kI386; }
inline unsigned word_size(const Call& c) { return is_compat(c) ? 4 : 8; }
// Whether the call's timespec arguments are 64-bit: always on x86_64; on
// i386 only for the *_time64 calls and epoll_pwait2.
bool time64_call(const Call& c);

// ---- constants -------------------------------------------------------------
const char* xlookup(const xlat::Table& t, uint64_t v);
// printflags(): "A|B|0x40"; nothing known: "0x40 /* dflt */"; zero: the
// table's zero entry, "0", or nothing when dflt is null. -X raw / verbose.
void print_flags(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt);
// printxval(): name, else hex + " /* dflt */".
void print_xval(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt);
// Same with the raw value in decimal (XLAT_STYLE_FMT_U).
void print_xval_u(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt);
// sprintflags_ex(prefix, table, flags, sep, style); false when strace returns NULL.
bool sprint_flags(std::string* out, const char* prefix, const xlat::Table& t, uint64_t flags,
                  char sep, Style st);
// open(2) flags: O_RDONLY|O_CLOEXEC (tprint_open_modes) and the F_GETFL aux
// text "flags O_RDWR|O_LARGEFILE" (sprint_open_modes, always abbreviated).
void print_open_modes(Printer& p, uint64_t flags);
std::string sprint_open_modes(uint64_t flags);
// The "flags" table of open(2) without the access mode (pipe2, dup3).
void print_open_mode_flags(Printer& p, uint64_t flags);

// ---- tracee memory ---------------------------------------------------------
// tfetch_mem(): no printing; fails on NULL, -e verbose=none, failed call at exit.
bool tfetch(Call& c, uint64_t addr, size_t len, void* out, bool ignore_syserror = false);
// umove_or_printaddr(): prints the address when the struct cannot be read.
bool fetch(Call& c, uint64_t addr, size_t len, void* out, bool ignore_syserror = false);
template <class T>
bool fetch(Call& c, uint64_t addr, T* out) {
  return fetch(c, addr, sizeof(T), out);
}
// umoven() without the verbose / failure checks (poll/select exit aux).
bool umove(Call& c, uint64_t addr, size_t len, void* out);

// printstrn(): counted buffer, at most -s bytes, NULL for 0.
void print_strn(Call& c, uint64_t addr, uint64_t len);
// printstr_ex(..., QUOTE_FORCE_HEX).
void print_str_hex(Call& c, uint64_t addr, uint64_t len);

// print_array(): elements fetched one at a time, "[a, b, ...]" abbreviated to
// -s elements; `elem` prints one element from its bytes and returns false to
// stop. Returns true when the whole array was walked.
template <class Fn>
bool print_array(Call& c, uint64_t addr, uint64_t nmemb, size_t elem_size, Fn&& elem,
                 bool ignore_syserror = false);

// tprint_iov_upto(): [{iov_base="...", iov_len=N}, ...]; data_size caps the
// bytes shown over all elements (~0 for no cap); addr_only prints iov_base
// as an address (failed reads).
void print_iov(Call& c, uint64_t count, uint64_t addr, uint64_t data_size, bool addr_only);

// printnum_int(): "[5]", the address when unreadable.
bool print_num_int(Call& c, uint64_t addr, bool is_unsigned = false);
bool print_num_short(Call& c, uint64_t addr, bool is_unsigned);
bool print_num_int64(Call& c, uint64_t addr, bool is_unsigned);
// printnum_ulong / printnum_slong / printnum_ptr: a word of the tracee's size.
bool print_num_long(Call& c, uint64_t addr, bool is_unsigned);
bool print_num_ptr(Call& c, uint64_t addr);
// printpair_int64(): "[1, 2]".
bool print_pair_int64(Call& c, uint64_t addr);
// decode_pair_fd(): "[3, 4]" (pipe, socketpair).
void print_fd_pair(Call& c, uint64_t addr);

// ---- time and signals ------------------------------------------------------
struct KernelTimespec {
  int64_t tv_sec;
  int64_t tv_nsec;
};
std::string timespec_text(int64_t sec, int64_t nsec);
// print_timespec64(): {tv_sec=1, tv_nsec=0}; sprint_timespec64() as a string.
// t64: struct __kernel_timespec (64-bit fields) even for i386 (*_time64 calls).
void print_timespec(Call& c, uint64_t addr, bool t64);
std::string sprint_timespec(Call& c, uint64_t addr, bool t64);
inline void print_timespec(Call& c, uint64_t addr) { print_timespec(c, addr, !is_compat(c)); }
inline std::string sprint_timespec(Call& c, uint64_t addr) {
  return sprint_timespec(c, addr, !is_compat(c));
}
void print_timeval(Call& c, uint64_t addr);
std::string sprint_timeval(Call& c, uint64_t addr);
// sprintsigmask_n(): [INT TERM], ~[KILL STOP], [] for a local mask.
std::string sprint_sigmask(const void* mask, unsigned bytes, Style st);
// print_sigset_addr_len(): the address when len is not a word..NSIG_BYTES.
void print_sigset_addr_len(Call& c, uint64_t addr, uint64_t len);
// print_kernel_sigset(): {sigmask=[...], sigsetsize=8} (pselect6, io_pgetevents).
void print_kernel_sigset(Call& c, uint64_t addr);

// ---- decoders split over several files --------------------------------------
bool dec_fcntl(Call& c);
bool dec_getdents(Call& c);
bool dec_getdents64(Call& c);
std::span<const DecoderEntry> aio_table();
// ioctl helpers (ioctl*.cc).
enum IoctlRc : int {
  kIoctlNotDecoded = 0,    // decoder wants the exit call
  kIoctlPrintArgHex = 1,   // RVAL_DECODED: ", 0x<arg>" follows
  kIoctlDone = 2,          // RVAL_IOCTL_DECODED: the argument was printed
};
int term_ioctl(Call& c, uint32_t code, uint64_t arg);
int fs_ioctl(Call& c, uint32_t code, uint64_t arg);
int block_ioctl(Call& c, uint32_t code, uint64_t arg);
int sock_ioctl(Call& c, uint32_t code, uint64_t arg);
// The ioctl request names strace 6.1 knows on x86_64 (several per code).
struct IoctlName {
  uint32_t code;
  const char* name;
};
std::span<const IoctlName> ioctl_names(uint32_t code);

// ---- template definitions --------------------------------------------------
template <class Fn>
bool print_array(Call& c, uint64_t addr, uint64_t nmemb, size_t elem_size, Fn&& elem,
                 bool ignore_syserror) {
  Printer& p = *c.p;
  if (!addr) {
    p.lit("NULL");
    return false;
  }
  if (!nmemb) {
    p.lit("[]");
    return false;
  }
  const uint64_t size = nmemb * elem_size;
  const uint64_t end = addr + size;
  if (end <= addr || size / elem_size != nmemb) {
    p.addr(addr);
    return false;
  }
  const uint64_t abbrev_end =
      (abbrev(c) && max_strlen(c) < nmemb) ? addr + elem_size * max_strlen(c) : end;
  unsigned char buf[256];
  uint64_t cur = addr;
  for (; cur < end; cur += elem_size) {
    if (cur != addr) p.lit(", ");
    if (elem_size > sizeof buf || !tfetch(c, cur, elem_size, buf, ignore_syserror)) {
      if (cur == addr) {
        p.addr(cur);
      } else {
        p.lit("...");
        p.lit(" /* ");
        p.addr(cur);
        p.lit(" */");
      }
      break;
    }
    if (cur == addr) p.lit("[");
    if (cur >= abbrev_end) {
      p.lit("...");
      cur = end;
      break;
    }
    if (!elem(static_cast<const void*>(buf))) {
      cur = end;
      break;
    }
  }
  if (cur != addr) p.lit("]");
  return cur >= end;
}

}  // namespace syscope::iodec

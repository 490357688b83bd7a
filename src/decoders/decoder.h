// SPDX-License-Identifier: MIT
// The decoder contract. A decoder is called at syscall entry and, if it asks
// for it, at exit; it prints the arguments through Printer, in strace's order
// and timing: input arguments at entry, output arguments (and everything
// after the first of them) at exit, so that "<unfinished ...>" / "<...
// resumed>" splits happen where strace splits.
#pragma once

#include <cstdint>
#include <string>

#include "format/printer.h"
#include "syscope/syscall_table.h"

namespace syscope {

// How the return value is rendered.
enum class RetFmt : uint8_t {
  kDec,     // signed decimal (default)
  kUDec,    // unsigned decimal
  kHex,     // 0x... (mmap, brk, ...)
  kOct,     // 0644 (umask)
  kFd,      // fd, with -y path
  kNone,    // never returns: "= ?"
};

struct Call {
  const SyscallDesc* desc = nullptr;  // nullptr for unknown numbers
  Abi abi = Abi::kX86_64;
  long nr = 0;
  uint64_t args[6] = {};
  bool exiting = false;
  int64_t rval = 0;         // valid when exiting
  RetFmt ret = RetFmt::kDec;
  std::string aux;          // printed after the return value as " (aux)"
  bool ret_printed = false; // decoder printed the whole return value itself
  uint64_t saved[4] = {};   // entry -> exit scratch for decoders
  std::string saved_text;   // entry -> exit scratch (e.g. input structs)
  Printer* p = nullptr;

  uint64_t arg(int i) const { return args[i]; }
  int iarg(int i) const { return static_cast<int>(args[i]); }
  bool failed() const { return exiting && rval < 0 && rval >= -4095; }
  DecodeContext& ctx() { return p->ctx(); }
};

// Called at entry (c.exiting == false). Returns true when all arguments have
// been printed; false to be called again at exit for the rest.
using DecodeFn = bool (*)(Call& c);

struct DecoderEntry {
  const char* name;  // syscall name as in the table
  DecodeFn fn;
  RetFmt ret;
};

// The decoder for a syscall, or nullptr (then arguments print raw in hex).
const DecoderEntry* find_decoder(Abi abi, long nr);

// Prints a whole argument list raw: 0x1, 0x2 (strace's printargs).
bool decode_raw(Call& c);

// Renders the return value part after "= ": "3", "-1 ENOENT (No such file or
// directory)", "? ERESTARTSYS (...)", "0x7f..."; aux appended.
void format_return(Call& c, std::string* out);

}  // namespace syscope

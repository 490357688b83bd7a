// SPDX-License-Identifier: MIT
// Syscall knowledge: numbers, names, argument counts and classes for each ABI.
// The data lives in src/syscalls/tables/<abi>.tsv and is turned into C++ at
// build time by scripts/gen/gen_syscall_table.py.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace syscope {

// The ABI a syscall was made with, decided per stop (int $0x80 from a 64-bit
// process uses the i386 table).
enum class Abi : uint8_t { kX86_64 = 0, kI386 = 1 };

// Classes as strace's -e trace=%class names them. A syscall may be in several.
enum SyscallClass : uint32_t {
  kClassFile = 1u << 0,      // %file: takes a file name
  kClassDesc = 1u << 1,      // %desc: takes or returns a file descriptor
  kClassNetwork = 1u << 2,   // %network / %net
  kClassProcess = 1u << 3,   // %process
  kClassSignal = 1u << 4,    // %signal
  kClassIpc = 1u << 5,       // %ipc
  kClassMemory = 1u << 6,    // %memory
  kClassCreds = 1u << 7,     // %creds
  kClassClock = 1u << 8,     // %clock
  kClassStat = 1u << 9,      // %stat   (stat variants)
  kClassLstat = 1u << 10,    // %lstat
  kClassFstat = 1u << 11,    // %fstat
  kClassStatLike = 1u << 12, // %%stat  (every stat-like call)
  kClassStatfs = 1u << 13,   // %statfs
  kClassFstatfs = 1u << 14,  // %fstatfs
  kClassStatfsLike = 1u << 15, // %%statfs
  kClassPure = 1u << 16,     // %pure: no arguments, always succeeds, no side effects
  // Not a user-visible class: the syscall never returns on success
  // (exit, exit_group) and prints "= ?".
  kNeverReturns = 1u << 30,
};

struct SyscallDesc {
  int nr;            // number in this ABI
  const char* name;  // strace's name, e.g. "newfstatat"
  uint8_t nargs;     // number of arguments strace prints
  uint32_t classes;  // SyscallClass bits
};

// Every known syscall of the ABI, sorted by number, without holes.
std::span<const SyscallDesc> syscall_table(Abi abi);

// nullptr if the number is not a known syscall of that ABI.
const SyscallDesc* syscall_by_nr(Abi abi, long nr);

// nullptr if unknown. Accepts strace's names.
const SyscallDesc* syscall_by_name(Abi abi, std::string_view name);

// Largest known number + 1 (table size as strace's seccomp filter uses it).
int syscall_table_size(Abi abi);

// Parses a class name as -e trace=%NAME spells it (without the %), e.g.
// "file", "net", "%stat" (for %%stat). Returns 0 if unknown.
uint32_t syscall_class_by_name(std::string_view name);

}  // namespace syscope

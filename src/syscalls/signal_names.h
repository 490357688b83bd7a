// SPDX-License-Identifier: MIT
// Signal names as strace prints them (SIGRTMIN, SIGRT_1, ... for real-time).
#pragma once

#include <string>
#include <string_view>

namespace syscope {

// "SIGINT"; real-time signals use the kernel's numbering as strace does:
// 32 -> "SIGRTMIN", 33 -> "SIGRT_1", ..., 64 -> "SIGRT_32". nullptr if out of
// range (sig < 1 or > 64).
const char* signal_name(int sig);
// signal_name() or the decimal number when unknown.
std::string signal_name_or_number(int sig);
// Accepts "SIGINT", "INT", "int" (case-insensitive) or a number; -1 if unknown.
int signal_by_name(std::string_view name);

}  // namespace syscope

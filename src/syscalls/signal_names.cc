// SPDX-License-Identifier: MIT
// Signal names as strace 6.1 prints them on x86_64.
#include "syscalls/signal_names.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace syscope {
namespace {

constexpr int kMaxSignal = 64;

// Indexed by signal number (the x86_64 numbering, shared by all Linux ABIs
// strace supports except alpha/mips/sparc/hppa). Real-time signals use the
// kernel numbering: SIGRTMIN is 32, not glibc's 34.
constexpr const char* kNames[kMaxSignal + 1] = {
    nullptr,    "SIGHUP",   "SIGINT",    "SIGQUIT",  "SIGILL",   "SIGTRAP",   "SIGABRT",
    "SIGBUS",   "SIGFPE",   "SIGKILL",   "SIGUSR1",  "SIGSEGV",  "SIGUSR2",   "SIGPIPE",
    "SIGALRM",  "SIGTERM",  "SIGSTKFLT", "SIGCHLD",  "SIGCONT",  "SIGSTOP",   "SIGTSTP",
    "SIGTTIN",  "SIGTTOU",  "SIGURG",    "SIGXCPU",  "SIGXFSZ",  "SIGVTALRM", "SIGPROF",
    "SIGWINCH", "SIGIO",    "SIGPWR",    "SIGSYS",   "SIGRTMIN", "SIGRT_1",   "SIGRT_2",
    "SIGRT_3",  "SIGRT_4",  "SIGRT_5",   "SIGRT_6",  "SIGRT_7",  "SIGRT_8",   "SIGRT_9",
    "SIGRT_10", "SIGRT_11", "SIGRT_12",  "SIGRT_13", "SIGRT_14", "SIGRT_15",  "SIGRT_16",
    "SIGRT_17", "SIGRT_18", "SIGRT_19",  "SIGRT_20", "SIGRT_21", "SIGRT_22",  "SIGRT_23",
    "SIGRT_24", "SIGRT_25", "SIGRT_26",  "SIGRT_27", "SIGRT_28", "SIGRT_29",  "SIGRT_30",
    "SIGRT_31", "SIGRT_32",
};

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

}  // namespace

const char* signal_name(int sig) {
  if (sig < 1 || sig > kMaxSignal) return nullptr;
  return kNames[sig];
}

std::string signal_name_or_number(int sig) {
  if (const char* n = signal_name(sig)) return n;
  return std::to_string(sig);
}

int signal_by_name(std::string_view name) {
  if (name.empty()) return -1;
  if (name[0] >= '0' && name[0] <= '9') {
    int v = 0;
    for (char c : name) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
      if (v > 255) return -1;
    }
    return v;
  }
  if (name.size() > 3 && iequals(name.substr(0, 3), "SIG")) name.remove_prefix(3);
  for (int s = 1; s <= kMaxSignal; ++s)
    if (iequals(name, std::string_view(kNames[s]).substr(3))) return s;
  return -1;
}

}  // namespace syscope

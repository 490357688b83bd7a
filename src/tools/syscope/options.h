// SPDX-License-Identifier: MIT
// strace-compatible command line of the `syscope` tool.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "output/strace_printer.h"

namespace syscope::cli {

struct Options {
  StraceOptions strace;
  int follow = 0;                 // -f count (2: -ff)
  std::string output;             // -o
  bool append = false;            // -A
  std::vector<pid_t> pids;        // -p
  std::vector<std::string> command;
  std::vector<std::string> env_changes;  // -E
  int summary = 0;                // 1: -c, 2: -C
  bool summary_wall = false;      // -w
  std::string summary_sort = "time";  // -S
  std::string summary_columns;    // -U
  bool summary_percentiles = false;  // --latency
  int seccomp = -1;               // --seccomp-bpf (1) / --no-seccomp-bpf (0) / default (-1)
  bool quiet_given = false;
  std::vector<std::string> inject; // -e inject= / fault= expressions (with their kind prefix)
  std::vector<std::string> rewrite;       // --rewrite SET:ARG=VALUE
  std::vector<std::string> rewrite_path;  // --rewrite-path OLD=NEW
  std::vector<std::string> set_return;    // --set-return SET:VALUE
  std::vector<std::string> trace_paths;   // -P
  bool kill_on_exit = false;
};

// Parses argv. On error prints strace-like messages to stderr and returns the
// exit status to use (1); 0 with *exit_now for -h / -V; -1 to go on.
int parse(int argc, char** argv, Options* out, bool* exit_now);

// Resolves PROG like strace: as given if it contains '/', else through PATH.
// Empty result: not found ("Can't stat").
std::string resolve_program(const std::string& name);

}  // namespace syscope::cli

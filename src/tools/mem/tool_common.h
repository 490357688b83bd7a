// SPDX-License-Identifier: MIT
// What `syscope mem` and `syscope regs` share: one-line errors, attaching
// with a clear message, parsing numbers and values.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syscope/maps.h"
#include "syscope/process.h"

namespace syscope::tools {

// "syscope mem: " + formatted text + "\n" on stderr.
void fail(const char* tool, const char* fmt, ...) __attribute__((format(printf, 2, 3)));

// Installs the detach-on-signal handlers (SIGINT, SIGTERM, SIGHUP, SIGQUIT)
// for a tool; the handler prints "syscope TOOL: interrupted".
void install_signal_handlers(const char* tool);

// A pid argument: a positive decimal number. Prints the error.
std::optional<pid_t> parse_pid(const char* tool, std::string_view s);
// Attaches, or prints "no such process: N", "cannot attach to N: ..."
// (naming the tracer if another one holds the process) and returns null.
std::unique_ptr<Process> attach_or_report(const char* tool, pid_t pid, const AttachOptions& opts);
// Reads the maps or prints why not.
std::optional<Maps> maps_or_report(const char* tool, pid_t pid);
// Test hook: SYSCOPE_MEM_HOLD_MS=N keeps the process stopped N ms after
// attaching (lets the tests send Ctrl-C while the process is held).
void hold_for_tests();

// "Input/output error (unmapped)", "Bad address (no read permission: ---p)", ...
std::string access_error(int err, uint64_t addr, const Maps& maps, bool write);

// Integer values as options take them: decimal, 0x hex, or negative decimal
// (two's complement); must fit `bits`.
std::optional<uint64_t> parse_int(std::string_view s, unsigned bits);
std::optional<double> parse_f64(std::string_view s);
// "de ad be ef", "deadbeef", "de:ad:be:ef", "0xdeadbeef" -> bytes in that order.
std::optional<std::vector<uint8_t>> parse_hex_bytes(std::string_view s);
// A length: decimal or 0x hex, with an optional k/m/g suffix (powers of 1024).
std::optional<uint64_t> parse_size(std::string_view s);

// "4.0 KiB", "1.5 MiB".
std::string human_size(uint64_t n);

}  // namespace syscope::tools

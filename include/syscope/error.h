// SPDX-License-Identifier: MIT
// Error values for every fallible call of the library. No exceptions cross
// the library boundary; callers get Result<T> (std::expected).
#pragma once

#include <cerrno>
#include <expected>
#include <string>

namespace syscope {

struct Error {
  int code = 0;          // errno value
  std::string op;        // what failed, e.g. "ptrace(PTRACE_SEIZE, 42)"
  // The tracee vanished (killed, exited, exec by a sibling): a normal event
  // under ptrace, never something to report to the user.
  bool gone() const { return code == ESRCH; }
  // "OP: strerror(code)"
  std::string message() const;
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> make_error(int code, std::string op) {
  return std::unexpected<Error>(Error{code, std::move(op)});
}

}  // namespace syscope

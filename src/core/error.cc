// SPDX-License-Identifier: MIT
#include "syscope/error.h"

#include <cstring>

namespace syscope {

std::string Error::message() const {
  std::string s = op;
  if (!s.empty()) s += ": ";
  s += std::strerror(code);
  return s;
}

}  // namespace syscope

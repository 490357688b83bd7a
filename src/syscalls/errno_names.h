// SPDX-License-Identifier: MIT
// errno names and the messages strace prints after them.
#pragma once

#include <string_view>

namespace syscope {

// "ENOENT", "ERESTARTSYS" (kernel-internal 512..530 included); nullptr if unknown.
const char* errno_name(int err);
// The text strace prints in parentheses: "No such file or directory",
// "To be restarted if SA_RESTART is set". nullptr if unknown.
const char* errno_message(int err);
// Accepts "ENOENT" or a decimal number 1..4095; -1 if neither.
int errno_by_name(std::string_view name);

}  // namespace syscope

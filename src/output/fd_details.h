// SPDX-License-Identifier: MIT
// What -yy prints for an fd besides its path: socket protocol and
// endpoints ("TCP:[127.0.0.1:80->127.0.0.1:4242]", "UNIX-STREAM:[12->13]"),
// device numbers ("/dev/null<char 1:3>"), pidfd targets ("pid:42").
#pragma once

#include <sys/types.h>

#include <string>

namespace syscope {

// `path` is readlink(/proc/PID/fd/FD). Returns the text that replaces it
// inside "<...>", or "" to print the plain path.
std::string describe_fd(pid_t pid, int fd, const std::string& path);

}  // namespace syscope

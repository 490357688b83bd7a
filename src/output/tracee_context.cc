// SPDX-License-Identifier: MIT
#include "output/tracee_context.h"

#include "output/fd_details.h"
#include "tracer/proc.h"

namespace syscope {

std::string TraceeContext::fd_path(int fd) { return proc::fd_path(t_->tid, fd); }

std::string TraceeContext::fd_details(int fd) {
  return describe_fd(t_->tid, fd, proc::fd_path(t_->tid, fd));
}

}  // namespace syscope

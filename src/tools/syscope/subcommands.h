// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>

#include "output/sink.h"
#include "syscope/tracer.h"
#include "tools/syscope/options.h"

namespace syscope {

// `syscope step|mem|regs ...`: runs the subcommand and returns its exit
// status, or -1 when argv[1] names no subcommand.
int run_subcommand(int argc, char** argv);

// Everything a tracing run owns besides the tracer: the observers.
class Session {
 public:
  virtual ~Session() = default;
};

using SessionFactory = std::function<std::unique_ptr<Session>(Tracer&, Sink&, cli::Options&)>;

// Checks the options that need the syscall tables (inject expressions,
// seccomp filter) and fills the tracer options; the factory then builds the
// observers once the tracer exists.
Result<SessionFactory> make_session(cli::Options& o, TracerOptions* topts);

}  // namespace syscope

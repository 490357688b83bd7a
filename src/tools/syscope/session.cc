// SPDX-License-Identifier: MIT
// Wires the CLI options to observers: the strace printer (and, when asked,
// statistics and tampering).
#include "output/strace_printer.h"
#include "tools/syscope/subcommands.h"

namespace syscope {
namespace {

class TraceSession : public Session {
 public:
  std::unique_ptr<StracePrinter> printer;
};

}  // namespace

Result<SessionFactory> make_session(cli::Options& o, TracerOptions* topts) {
  (void)topts;
  if (o.summary) return make_error(EINVAL, "-c is not implemented yet");
  if (!o.inject.empty()) return make_error(EINVAL, "-e inject is not implemented yet");
  return SessionFactory([](Tracer& tracer, Sink& sink, cli::Options& opts) -> std::unique_ptr<Session> {
    auto s = std::make_unique<TraceSession>();
    s->printer = std::make_unique<StracePrinter>(opts.strace, &sink, &tracer);
    tracer.add_observer(s->printer.get());
    return s;
  });
}

}  // namespace syscope

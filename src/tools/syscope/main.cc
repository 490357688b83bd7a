// SPDX-License-Identifier: MIT
// `syscope`: the strace-compatible command line, and the entry point of the
// other tools (`syscope step`, `syscope mem`, `syscope regs`).
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <cstring>

#include "output/sink.h"
#include "output/strace_printer.h"
#include "syscope/tracer.h"
#include "tools/syscope/options.h"
#include "tools/syscope/subcommands.h"

extern char** environ;

namespace {

void on_fatal_signal(int sig) { syscope::Tracer::request_stop(sig); }
void on_alarm(int) {}

void install_handlers(bool ignore_interactive) {
  struct sigaction sa {};
  sa.sa_handler = on_fatal_signal;
  sigemptyset(&sa.sa_mask);
  // No SA_RESTART: the blocking wait must return EINTR so the loop sees it.
  for (int sig : {SIGTERM, SIGHUP, SIGPIPE}) sigaction(sig, &sa, nullptr);
  if (ignore_interactive) {
    // strace -I3 behaviour for `-o FILE PROG`: ^C goes to the program only.
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
  } else {
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGQUIT, &sa, nullptr);
  }
}

// Periodic wake-up so buffered output reaches a file even while the traced
// program is idle.
void start_flush_timer() {
  struct sigaction sa {};
  sa.sa_handler = on_alarm;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGALRM, &sa, nullptr);
  itimerval it{{0, 200000}, {0, 200000}};
  setitimer(ITIMER_REAL, &it, nullptr);
}

std::vector<std::string> build_env(const std::vector<std::string>& changes) {
  std::vector<std::string> env;
  if (changes.empty()) return env;
  for (char** e = environ; *e; ++e) env.emplace_back(*e);
  for (const auto& ch : changes) {
    size_t eq = ch.find('=');
    std::string key = ch.substr(0, eq);
    std::erase_if(env, [&](const std::string& v) { return v.compare(0, key.size() + 1, key + "=") == 0; });
    if (eq != std::string::npos) env.push_back(ch);
  }
  return env;
}

[[noreturn]] void exit_like(int status, int killed_by) {
  if (killed_by) {
    // Die of the same signal, as the shell expects, without a core of ours.
    rlimit rl{0, 0};
    setrlimit(RLIMIT_CORE, &rl);
    signal(killed_by, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, killed_by);
    sigprocmask(SIG_UNBLOCK, &set, nullptr);
    raise(killed_by);
    _exit(128 + killed_by);
  }
  exit(status);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace syscope;
  if (argc > 1) {
    if (int r = run_subcommand(argc, argv); r >= 0) return r;
  }
  cli::Options o;
  bool exit_now = false;
  if (int r = cli::parse(argc, argv, &o, &exit_now); r >= 0 || exit_now) return exit_now ? 0 : r;

  std::string prog;
  if (!o.command.empty()) {
    prog = cli::resolve_program(o.command[0]);
    if (prog.empty()) {
      fprintf(stderr, "syscope: Can't stat '%s': %s\n", o.command[0].c_str(), strerror(ENOENT));
      return 1;
    }
  }
  TracerOptions topts;
  topts.follow_forks = o.follow > 0;
  topts.kill_on_exit = o.kill_on_exit;
  topts.env = build_env(o.env_changes);

  auto setup = make_session(o, &topts);
  if (!setup) {
    fprintf(stderr, "syscope: %s\n", setup.error().op.c_str());
    return 1;
  }
  Tracer tracer(topts);
  std::string err;
  auto sink = Sink::open(o.output, o.follow >= 2, o.append, &err);
  if (!sink) {
    fprintf(stderr, "syscope: %s\n", err.c_str());
    return 1;
  }
  for (const auto& path : o.trace_paths) {
    o.strace.trace_paths.push_back(path);
    char resolved[PATH_MAX];
    if (realpath(path.c_str(), resolved) && path != resolved) {
      o.strace.trace_paths.push_back(resolved);
      if (!o.quiet_given)
        fprintf(stderr, "syscope: Requested path \"%s\" resolved into \"%s\"\n", path.c_str(), resolved);
    }
  }
  o.strace.quiet_personality = o.quiet_given;
  o.strace.pid_prefix_always = !o.output.empty() && o.follow < 2 && (o.follow > 0 || o.pids.size() > 1);
  if (!o.output.empty() && !o.command.empty() && !o.quiet_given) o.strace.quiet = std::max(o.strace.quiet, 1);
  auto session = (*setup)(tracer, *sink, o);

  std::vector<pid_t> attached;
  for (pid_t pid : o.pids) {
    auto r = tracer.attach(pid, o.follow > 0);
    if (!r) {
      fprintf(stderr, "syscope: attach: %s\n", r.error().message().c_str());
      if (attached.empty() && o.command.empty() && &pid == &o.pids.back()) {
        return 1;
      }
      continue;
    }
    attached.insert(attached.end(), r->begin(), r->end());
    if (o.strace.quiet < 1) {
      if (r->size() > 1)
        fprintf(stderr, "syscope: Process %d attached with %zu threads\n", pid, r->size());
      else
        fprintf(stderr, "syscope: Process %d attached\n", pid);
    }
  }
  if (!o.pids.empty() && attached.empty() && o.command.empty()) return 1;
  if (!o.command.empty()) {
    std::vector<std::string> args = o.command;
    auto r = tracer.spawn(prog, args);
    if (!r) {
      fprintf(stderr, "syscope: %s\n", r.error().message().c_str());
      return 1;
    }
  }
  install_handlers(!o.output.empty() && !o.command.empty());
  if (!sink->line_buffered()) {
    start_flush_timer();
    tracer.set_idle_hook([&] { sink->flush_all(); });
  }
  int status = tracer.run();
  itimerval off{};
  setitimer(ITIMER_REAL, &off, nullptr);
  session.reset();
  sink->flush_all();
  sink.reset();
  // Interrupted: exit as strace does, with 128 + the signal.
  if (int sig = Tracer::stop_signal()) return 128 + sig;
  if (!o.command.empty()) exit_like(status, tracer.main_killed_by());
  return 0;
}

// SPDX-License-Identifier: MIT
#include "output/strace_printer.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "decoders/siginfo.h"
#include "syscalls/signal_names.h"
#include "tracer/proc.h"

namespace syscope {
namespace {

timespec now(clockid_t clk) {
  timespec ts;
  clock_gettime(clk, &ts);
  return ts;
}

void append_fmt(std::string& out, const char* fmt, auto... args) {
  char b[96];
  int n = snprintf(b, sizeof b, fmt, args...);
  out.append(b, static_cast<size_t>(n));
}

void pad_to(std::string& out, size_t column, size_t target) {
  if (column < target) out.append(target - column, ' ');
}

}  // namespace

StracePrinter::StracePrinter(const StraceOptions& opts, Sink* sink, Tracer* tracer)
    : opts_(opts), sink_(sink), tracer_(tracer) {
  fmt_raw_ = opts_.fmt;
  fmt_raw_.raw = true;
  fmt_noverbose_ = opts_.fmt;
  fmt_noverbose_.verbose_structs = false;
}

StracePrinter::~StracePrinter() { sink_->flush_all(); }

void StracePrinter::prefix(pid_t tid, std::string& out, uint64_t ip, long nr) {
  if (!sink_->per_thread()) {
    if (opts_.pid_prefix_always)
      append_fmt(out, "%-5d ", tid);
    else if (tracer_->tracee_count() > 1)
      append_fmt(out, "[pid %5d] ", tid);
  }
  if (opts_.timestamps || opts_.relative) {
    timespec wall = now(CLOCK_REALTIME);
    if (opts_.timestamps == 3) {
      append_fmt(out, "%lld.%06ld ", static_cast<long long>(wall.tv_sec), wall.tv_nsec / 1000);
    } else if (opts_.timestamps) {
      struct tm tm;
      localtime_r(&wall.tv_sec, &tm);
      char b[32];
      strftime(b, sizeof b, "%H:%M:%S", &tm);
      out += b;
      if (opts_.timestamps == 2) append_fmt(out, ".%06ld", wall.tv_nsec / 1000);
      out += ' ';
    }
    if (opts_.relative) {
      timespec mono = now(CLOCK_MONOTONIC);
      timespec d{0, 0};
      if (have_last_ts_) {
        d.tv_sec = mono.tv_sec - last_ts_.tv_sec;
        d.tv_nsec = mono.tv_nsec - last_ts_.tv_nsec;
        if (d.tv_nsec < 0) {
          d.tv_nsec += 1000000000;
          d.tv_sec -= 1;
        }
      }
      last_ts_ = mono;
      have_last_ts_ = true;
      if (opts_.timestamps)
        append_fmt(out, "(+%6ld.%06ld) ", static_cast<long>(d.tv_sec), d.tv_nsec / 1000);
      else
        append_fmt(out, "%6ld.%06ld ", static_cast<long>(d.tv_sec), d.tv_nsec / 1000);
    }
  }
  if (opts_.show_nr && nr >= 0) append_fmt(out, "[%4ld] ", nr);
  if (opts_.show_ip) append_fmt(out, "[%016" PRIx64 "] ", ip);
}

std::string& StracePrinter::begin_line(pid_t tid, OutputFile& f) {
  if (f.open_line_owner && f.open_line_owner != tid) {
    f.buf() += " <unfinished ...>\n";
    f.line_ended();
    auto it = threads_.find(f.open_line_owner);
    if (it != threads_.end()) it->second.reprint = true;
  } else if (f.open_line_owner == tid && f.column() != 0) {
    f.buf() += '\n';
    f.line_ended();
  }
  f.open_line_owner = 0;
  return f.buf();
}

void StracePrinter::end_line(pid_t tid, OutputFile& f) {
  (void)tid;
  f.buf() += '\n';
  f.open_line_owner = 0;
  f.line_ended();
}

const char* StracePrinter::name_of(const Call& c, char* buf, size_t len) const {
  if (c.desc) return c.desc->name;
  snprintf(buf, len, "syscall_%#lx", static_cast<unsigned long>(c.nr));
  return buf;
}

void StracePrinter::on_syscall_entry(SyscallStop& s) {
  Thread& th = thread(s.tracee.tid);
  th.active = false;
  if (s.abi != th.abi) {
    th.abi = s.abi;
    if (!opts_.quiet_personality) {
      OutputFile& pf = sink_->for_tid(s.tracee.tid);
      std::string& b = begin_line(s.tracee.tid, pf);
      prefix(s.tracee.tid, b, s.ip, -1);
      append_fmt(b, "[ Process PID=%d runs in %s mode. ]", s.tracee.tid,
                 s.abi == Abi::kI386 ? "32 bit" : "64 bit");
      end_line(s.tracee.tid, pf);
    }
  }
  if (!traced(s.abi, s.nr)) return;
  OutputFile& f = sink_->for_tid(s.tracee.tid);
  Call& c = th.call;
  c = Call{};
  c.abi = s.abi;
  c.nr = s.nr;
  c.desc = syscall_by_nr(s.abi, s.nr);
  for (int i = 0; i < 6; ++i) c.args[i] = s.args[i];
  const DecoderEntry* dec = find_decoder(s.abi, s.nr);
  c.ret = dec ? dec->ret : RetFmt::kDec;
  th.active = true;
  th.reprint = false;
  th.inject_mark = nullptr;
  th.staged = opts_.status != 31;
  if (opts_.syscall_times) th.entry_ts = now(CLOCK_MONOTONIC);

  // With -P the line is built aside until we know whether it touches one
  // of the paths.
  bool path_filtered = !opts_.trace_paths.empty();
  std::string* out;
  if (th.staged || path_filtered) {
    th.stage.clear();
    out = &th.stage;
  } else {
    out = &begin_line(s.tracee.tid, f);
  }
  prefix(s.tracee.tid, *out, s.ip, s.nr);
  char nb[40];
  *out += name_of(c, nb, sizeof nb);
  *out += '(';
  ctx_.set(&s.tracee);
  bool raw = opts_.raw.contains(s.abi, s.nr) && c.desc;
  const FormatOptions* fo = raw ? &fmt_raw_ : !opts_.verbose.contains(s.abi, s.nr) ? &fmt_noverbose_ : &opts_.fmt;
  FormatOptions abbrev_fo;
  if (!opts_.abbrev.contains(s.abi, s.nr) && opts_.fmt.abbrev) {
    abbrev_fo = *fo;
    abbrev_fo.abbrev = false;
    fo = &abbrev_fo;
  }
  Printer p(out, fo, &ctx_);
  Printer::Touched touched;
  if (path_filtered) p.set_touched(&touched);
  c.p = &p;
  if (c.desc && std::strcmp(c.desc->name, "restart_syscall") == 0) {
    const SyscallDesc* prev = syscall_by_nr(s.abi, s.tracee.interrupted_nr);
    *out += "<... resuming interrupted ";
    *out += prev ? prev->name : "system call";
    *out += " ...>";
    th.entry_done = true;
  } else if (raw || !dec) {
    th.entry_done = decode_raw(c);
  } else {
    th.entry_done = dec->fn(c);
  }
  c.p = nullptr;
  if (path_filtered) {
    if (!touches_paths(s.tracee.tid, touched)) {
      th.active = false;
      return;
    }
    if (!th.staged) begin_line(s.tracee.tid, f) += th.stage;
  }
  if (!th.staged) f.open_line_owner = s.tracee.tid;
  if (f.line_buffered()) f.flush();
}

bool StracePrinter::touches_paths(pid_t tid, const Printer::Touched& t) const {
  for (const auto& p : t.paths)
    for (const auto& want : opts_.trace_paths)
      if (p == want) return true;
  for (int fd : t.fds) {
    std::string path = proc::fd_path(tid, fd);
    for (const auto& want : opts_.trace_paths)
      if (path == want) return true;
  }
  return false;
}

void StracePrinter::on_syscall_exit(SyscallStop& s) {
  Thread& th = thread(s.tracee.tid);
  if (!th.active) return;
  th.active = false;
  OutputFile& f = sink_->for_tid(s.tracee.tid);
  Call& c = th.call;
  c.exiting = true;
  c.rval = s.rval;
  std::string* out;
  char nb[40];
  if (th.staged) {
    bool failed = c.failed();
    unsigned want = failed ? StraceOptions::kFailed : StraceOptions::kSuccessful;
    if (!(opts_.status & want)) return;
    out = &th.stage;
  } else if (f.open_line_owner == s.tracee.tid && !th.reprint) {
    out = &f.buf();
  } else {
    out = &begin_line(s.tracee.tid, f);
    prefix(s.tracee.tid, *out, s.ip, s.nr);
    *out += "<... ";
    *out += name_of(c, nb, sizeof nb);
    *out += " resumed>";
  }
  ctx_.set(&s.tracee);
  bool raw = opts_.raw.contains(s.abi, s.nr) && c.desc;
  const FormatOptions* fo = raw ? &fmt_raw_ : !opts_.verbose.contains(s.abi, s.nr) ? &fmt_noverbose_ : &opts_.fmt;
  Printer p(out, fo, &ctx_);
  c.p = &p;
  if (!th.entry_done) {
    const DecoderEntry* dec = find_decoder(s.abi, s.nr);
    if (dec) dec->fn(c);
  }
  *out += ") ";
  size_t col = th.staged ? out->size() : f.column();
  pad_to(*out, col, static_cast<size_t>(opts_.columns));
  *out += "= ";
  if (raw) c.ret = RetFmt::kHex;
  format_return(c, out);
  c.p = nullptr;
  if (th.inject_mark) *out += th.inject_mark;
  if (opts_.syscall_times) {
    timespec e = now(CLOCK_MONOTONIC);
    long sec = e.tv_sec - th.entry_ts.tv_sec;
    long ns = e.tv_nsec - th.entry_ts.tv_nsec;
    if (ns < 0) {
      ns += 1000000000;
      --sec;
    }
    append_fmt(*out, " <%ld.%06ld>", sec, ns / 1000);
  }
  if (th.staged) {
    std::string& b = begin_line(s.tracee.tid, f);
    b += th.stage;
  }
  end_line(s.tracee.tid, f);
  if (opts_.dump_io) {
    dump_io(opts_.read_fds, opts_.write_fds, c.desc, c.args, c.rval, ctx_, &f.buf());
    f.line_ended();
  }
}

void StracePrinter::mark_injected(pid_t tid, const char* mark) { thread(tid).inject_mark = mark; }

void StracePrinter::finish_unexpected(pid_t tid, Thread& th) {
  th.active = false;
  if (th.staged) {
    if (!(opts_.status & StraceOptions::kUnfinished)) return;
    OutputFile& f = sink_->for_tid(tid);
    std::string& b = begin_line(tid, f);
    b += th.stage;
    if (!th.entry_done) b += " <unfinished ...>";
    b += ") ";
    pad_to(b, f.column(), static_cast<size_t>(opts_.columns));
    b += "= ?";
    end_line(tid, f);
    return;
  }
  OutputFile& f = sink_->for_tid(tid);
  std::string* out;
  if (f.open_line_owner == tid && !th.reprint) {
    out = &f.buf();
  } else {
    out = &begin_line(tid, f);
    prefix(tid, *out, 0, th.call.nr);
    char nb[40];
    *out += "<... ";
    *out += name_of(th.call, nb, sizeof nb);
    *out += " resumed>";
  }
  if (!th.entry_done) *out += " <unfinished ...>";
  *out += ") ";
  pad_to(*out, f.column(), static_cast<size_t>(opts_.columns));
  *out += "= ?";
  end_line(tid, f);
}

void StracePrinter::on_signal(Tracee& t, const siginfo_t& si, int* deliver) {
  (void)deliver;
  if (si.si_signo <= 0 || si.si_signo > 64 || !opts_.signals[static_cast<size_t>(si.si_signo)]) return;
  OutputFile& f = sink_->for_tid(t.tid);
  std::string& b = begin_line(t.tid, f);
  prefix(t.tid, b, 0, -1);
  b += "--- ";
  b += signal_name_or_number(si.si_signo);
  b += ' ';
  ctx_.set(&t);
  Printer p(&b, &opts_.fmt, &ctx_);
  print_siginfo(p, si);
  b += " ---";
  end_line(t.tid, f);
}

void StracePrinter::on_group_stop(Tracee& t, int sig) {
  if (sig <= 0 || sig > 64 || !opts_.signals[static_cast<size_t>(sig)]) return;
  OutputFile& f = sink_->for_tid(t.tid);
  std::string& b = begin_line(t.tid, f);
  prefix(t.tid, b, 0, -1);
  b += "--- stopped by ";
  b += signal_name_or_number(sig);
  b += " ---";
  end_line(t.tid, f);
}

void StracePrinter::on_vanish(Tracee& t) {
  auto it = threads_.find(t.tid);
  if (it == threads_.end()) return;
  if (it->second.active) finish_unexpected(t.tid, it->second);
  threads_.erase(it);
}

void StracePrinter::on_exec(Tracee& t, pid_t former_tid) {
  if (former_tid == t.tid) return;
  auto it = threads_.find(former_tid);
  Thread moved;
  if (it != threads_.end()) {
    moved = std::move(it->second);
    threads_.erase(it);
  }
  sink_->rename(former_tid, t.tid);
  OutputFile& f = sink_->for_tid(t.tid);
  if (f.open_line_owner == former_tid) {
    // Its execve line is open: it continues as a resumed line below.
    f.buf() += " <unfinished ...>\n";
    f.line_ended();
    f.open_line_owner = 0;
  }
  moved.reprint = true;
  threads_[t.tid] = std::move(moved);
  if (opts_.quiet < 3) {
    std::string& b = begin_line(t.tid, f);
    prefix(t.tid, b, 0, -1);
    append_fmt(b, "+++ superseded by execve in pid %d +++", former_tid);
    end_line(t.tid, f);
  }
}

void StracePrinter::on_exit(Tracee& t, const pt::WaitStatus& ws) {
  auto it = threads_.find(t.tid);
  if (it != threads_.end() && it->second.active) finish_unexpected(t.tid, it->second);
  OutputFile& f = sink_->for_tid(t.tid);
  if (ws.kind == pt::WaitStatus::Kind::kExited) {
    if (opts_.quiet < 2) {
      std::string& b = begin_line(t.tid, f);
      prefix(t.tid, b, 0, -1);
      append_fmt(b, "+++ exited with %d +++", ws.sig);
      end_line(t.tid, f);
    }
  } else if (ws.sig > 0 && ws.sig <= 64 && opts_.signals[static_cast<size_t>(ws.sig)]) {
    std::string& b = begin_line(t.tid, f);
    prefix(t.tid, b, 0, -1);
    b += "+++ killed by ";
    b += signal_name_or_number(ws.sig);
    if (ws.core_dumped) b += " (core dumped)";
    b += " +++";
    end_line(t.tid, f);
  }
  if (it != threads_.end()) threads_.erase(it);
}

void StracePrinter::on_detach(Tracee& t) {
  auto it = threads_.find(t.tid);
  if (it != threads_.end() && it->second.active) {
    OutputFile& f = sink_->for_tid(t.tid);
    if (f.open_line_owner == t.tid && !it->second.reprint) {
      f.buf() += " <detached ...>";
      end_line(t.tid, f);
    } else {
      std::string& b = begin_line(t.tid, f);
      prefix(t.tid, b, 0, -1);
      char nb[40];
      b += "<... ";
      b += name_of(it->second.call, nb, sizeof nb);
      b += " resumed> <detached ...>";
      end_line(t.tid, f);
    }
  }
  if (it != threads_.end()) threads_.erase(it);
  if (opts_.quiet < 1) {
    sink_->flush_all();
    fprintf(stderr, "syscope: Process %d detached\n", t.tid);
  }
}

}  // namespace syscope

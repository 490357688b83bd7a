// SPDX-License-Identifier: MIT
#include "output/sink.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace syscope {

OutputFile::OutputFile(int fd, bool owns_fd, bool line_buffered)
    : fd_(fd), owns_fd_(owns_fd), line_buffered_(line_buffered) {
  buf_.reserve(kFlushAt + 8192);
}

OutputFile::~OutputFile() {
  flush();
  if (owns_fd_) close(fd_);
}

void OutputFile::flush() {
  size_t off = 0;
  while (off < buf_.size()) {
    ssize_t n = write(fd_, buf_.data() + off, buf_.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      // Report once: a full disk must not turn into one message per line.
      if (!write_error_reported_) {
        write_error_reported_ = true;
        fprintf(stderr, "syscope: write to trace output: %s\n", strerror(errno));
      }
      break;
    }
    off += static_cast<size_t>(n);
  }
  // Keep an unfinished line's column for the alignment of its "= ".
  col_base_ = column();
  buf_.clear();
  line_start_ = 0;
}

std::unique_ptr<Sink> Sink::open(const std::string& path, bool per_thread, bool append,
                                 std::string* error) {
  auto s = std::make_unique<Sink>();
  s->path_ = path;
  s->per_thread_ = per_thread && !path.empty();
  s->append_ = append;
  if (path.empty()) {
    // Like strace: stderr is line-buffered so the trace interleaves sanely
    // with what the traced program itself writes there.
    s->shared_ = std::make_unique<OutputFile>(2, false, true);
    return s;
  }
  if (path[0] == '|' || path[0] == '!') {
    // -o '|cmd': the trace is piped to a shell command, line-buffered.
    if (per_thread) {
      *error = "piping the output and -ff are mutually exclusive";
      return nullptr;
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) {
      *error = std::string("pipe: ") + strerror(errno);
      return nullptr;
    }
    pid_t pid = fork();
    if (pid < 0) {
      *error = std::string("fork: ") + strerror(errno);
      return nullptr;
    }
    if (pid == 0) {
      dup2(fds[0], 0);
      // Own process group: a ^C for the traced program does not stop the reader.
      setpgid(0, 0);
      execl("/bin/sh", "sh", "-c", path.c_str() + 1, static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[0]);
    s->pipe_pid_ = pid;
    s->shared_ = std::make_unique<OutputFile>(fds[1], true, true);
    return s;
  }
  if (s->per_thread_) return s;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0666);
  if (fd < 0) {
    *error = "Can't fopen '" + path + "': " + strerror(errno);
    return nullptr;
  }
  s->shared_ = std::make_unique<OutputFile>(fd, true, isatty(fd));
  return s;
}

OutputFile& Sink::for_tid(pid_t tid) {
  if (!per_thread_) return *shared_;
  auto it = files_.find(tid);
  if (it != files_.end()) return *it->second;
  std::string name = path_ + "." + std::to_string(tid);
  int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (append_ ? O_APPEND : O_TRUNC), 0666);
  if (fd < 0) fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  auto f = std::make_unique<OutputFile>(fd, true, false);
  OutputFile& ref = *f;
  files_[tid] = std::move(f);
  return ref;
}

void Sink::rename(pid_t from, pid_t to) {
  if (!per_thread_) return;
  auto it = files_.find(from);
  if (it == files_.end()) return;
  auto f = std::move(it->second);
  files_.erase(it);
  files_[to] = std::move(f);
}

Sink::~Sink() {
  shared_.reset();
  files_.clear();
  // Let the reader of a piped trace finish before we exit.
  if (pipe_pid_ > 0) waitpid(pipe_pid_, nullptr, 0);
}

void Sink::flush_all() {
  if (shared_) shared_->flush();
  for (auto& [tid, f] : files_) f->flush();
}

}  // namespace syscope

// SPDX-License-Identifier: MIT
// Where trace text goes: stderr, one -o file, or one file per thread (-ff).
// Text is built in memory and written in large blocks; a terminal gets each
// line as soon as it is complete (and an open line before the tracer waits).
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace syscope {

class OutputFile {
 public:
  OutputFile(int fd, bool owns_fd, bool line_buffered);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::string& buf() { return buf_; }
  // Column of the end of the buffer on the current physical line.
  size_t column() const { return col_base_ + buf_.size() - line_start_; }
  // Marks that a line ended at the end of the buffer.
  void line_ended() {
    line_start_ = buf_.size();
    col_base_ = 0;
    if (line_buffered_ || buf_.size() >= kFlushAt) flush();
  }
  void flush();
  bool line_buffered() const { return line_buffered_; }

  // Which tracee has an unfinished line open in this file (0: none).
  pid_t open_line_owner = 0;

 private:
  static constexpr size_t kFlushAt = 64 * 1024;
  int fd_;
  bool owns_fd_;
  bool line_buffered_;
  bool write_error_reported_ = false;
  std::string buf_;
  size_t line_start_ = 0;
  size_t col_base_ = 0;  // characters of the open line already written out
};

class Sink {
 public:
  Sink() = default;
  ~Sink();
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;
  // path empty: stderr. per_thread: -ff, files PATH.TID.
  static std::unique_ptr<Sink> open(const std::string& path, bool per_thread, bool append,
                                    std::string* error);
  OutputFile& for_tid(pid_t tid);
  // -ff after a non-leader exec: the thread's file follows it to the new tid.
  void rename(pid_t from, pid_t to);
  void flush_all();
  bool per_thread() const { return per_thread_; }
  bool to_file() const { return !path_.empty(); }
  bool line_buffered() const { return shared_ && shared_->line_buffered(); }

 private:
  std::string path_;
  bool per_thread_ = false;
  bool append_ = false;
  std::unique_ptr<OutputFile> shared_;
  std::unordered_map<pid_t, std::unique_ptr<OutputFile>> files_;
  pid_t pipe_pid_ = 0;  // -o '|cmd' reader
};

}  // namespace syscope

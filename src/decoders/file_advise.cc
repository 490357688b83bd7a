// SPDX-License-Identifier: MIT
// Advisory calls on an open file: flock, fadvise64, readahead.
#include "decoders/file_common.h"
#include "syscalls/xlat/tables.h"

namespace syscope::filedec {
namespace {

// flock(fd, LOCK_EX|LOCK_NB)
bool dec_flock(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  c.p->flags(static_cast<uint32_t>(c.arg(1)), xlat::flock_cmds);
  return true;
}

// fadvise64(fd, offset, len, POSIX_FADV_SEQUENTIAL): offset/len are signed.
bool dec_fadvise64(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  c.p->dec(static_cast<int64_t>(c.arg(1)));
  c.p->sep();
  c.p->dec(static_cast<int64_t>(c.arg(2)));
  c.p->sep();
  c.p->xval(static_cast<uint32_t>(c.arg(3)), xlat::fadvise_advice);
  return true;
}

// readahead(fd, offset, count)
bool dec_readahead(Call& c) {
  c.p->fd(c.arg(0));
  c.p->sep();
  c.p->dec(static_cast<int64_t>(c.arg(1)));
  c.p->sep();
  c.p->udec(c.arg(2));
  return true;
}

const DecoderEntry kAdviseTable[] = {
    {"flock", dec_flock, RetFmt::kDec},
    {"fadvise64", dec_fadvise64, RetFmt::kDec},
    {"readahead", dec_readahead, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> file_advise_table() { return kAdviseTable; }

}  // namespace syscope::filedec

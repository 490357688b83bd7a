// SPDX-License-Identifier: MIT
#include <cinttypes>
#include <cstdio>

#include "decoders/decoder.h"
#include "syscalls/errno_names.h"

namespace syscope {

void format_return(Call& c, std::string* out) {
  char b[48];
  int64_t r = c.rval;
  if (c.ret == RetFmt::kNone) {
    out->push_back('?');
    return;
  }
  if (r < 0 && r >= -4095) {
    int err = static_cast<int>(-r);
    const char* name = errno_name(err);
    const char* msg = errno_message(err);
    // Kernel-internal restart codes never reach the program: strace shows "?".
    bool restart = err >= 512 && err <= 530;
    out->append(restart ? "? " : "-1 ");
    if (name) {
      out->append(name);
      if (msg) {
        out->append(" (");
        out->append(msg);
        out->push_back(')');
      }
    } else {
      snprintf(b, sizeof b, "(errno %d)", err);
      out->append(b);
    }
  } else {
    switch (c.ret) {
      case RetFmt::kHex:
        if (r == 0)
          out->push_back('0');
        else {
          snprintf(b, sizeof b, "%#" PRIx64, static_cast<uint64_t>(r));
          out->append(b);
        }
        break;
      case RetFmt::kOct:
        snprintf(b, sizeof b, "%#03" PRIo64, static_cast<uint64_t>(r));
        out->append(b);
        break;
      case RetFmt::kUDec:
        snprintf(b, sizeof b, "%" PRIu64, static_cast<uint64_t>(r));
        out->append(b);
        break;
      case RetFmt::kFd: {
        snprintf(b, sizeof b, "%" PRId64, r);
        out->append(b);
        if (c.p && c.p->opt().decode_fds)
          Printer::fd_annotation(static_cast<int>(r), c.p->ctx(), c.p->opt(), out);
        break;
      }
      default:
        snprintf(b, sizeof b, "%" PRId64, r);
        out->append(b);
    }
  }
  if (!c.aux.empty()) {
    out->append(" (");
    out->append(c.aux);
    out->push_back(')');
  }
}

}  // namespace syscope

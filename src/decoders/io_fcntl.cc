// SPDX-License-Identifier: MIT
// fcntl/fcntl64 (every command with its argument and return forms) and
// getdents/getdents64.
#include <cstring>

#include "decoders/io_util.h"
#include "syscalls/signal_names.h"
#include "syscalls/xlat/tables.h"

namespace syscope::iodec {
namespace {

// fcntl command numbers (asm-generic/fcntl.h, linux/fcntl.h).
enum : uint32_t {
  kDupfd = 0, kGetfd = 1, kSetfd = 2, kGetfl = 3, kSetfl = 4, kGetlk = 5, kSetlk = 6,
  kSetlkw = 7, kSetown = 8, kGetown = 9, kSetsig = 10, kGetsig = 11, kGetlk64 = 12,
  kSetlk64 = 13, kSetlkw64 = 14, kSetownEx = 15, kGetownEx = 16, kOfdGetlk = 36,
  kOfdSetlk = 37, kOfdSetlkw = 38, kSetlease = 1024, kGetlease = 1025, kNotify = 1026,
  kDupfdCloexec = 1030, kSetpipeSz = 1031, kGetpipeSz = 1032, kAddSeals = 1033,
  kGetSeals = 1034,
};

struct Flock {
  int16_t l_type, l_whence;
  int64_t l_start, l_len;
  int32_t l_pid;
};

void print_flock_fields(Call& c, const Flock& fl, bool getlk) {
  Printer& p = *c.p;
  p.lit("{l_type=");
  print_xval(p, static_cast<uint16_t>(fl.l_type), xlat::lock_types, "F_???");
  p.lit(", l_whence=");
  print_xval(p, static_cast<uint16_t>(fl.l_whence), xlat::seek_whence, "SEEK_???");
  p.lit(", l_start=");
  p.dec(fl.l_start);
  p.lit(", l_len=");
  p.dec(fl.l_len);
  if (getlk) {
    p.lit(", l_pid=");
    p.dec(fl.l_pid);
  }
  p.lit("}");
}

// struct flock: the native layout equals flock64 on x86_64; i386 has 32-bit
// offsets in flock and 4-byte aligned 64-bit ones in flock64.
void print_flock(Call& c, uint64_t addr, bool getlk, bool is64) {
  Flock fl{};
  if (!is_compat(c)) {
    unsigned char b[32];
    if (!fetch(c, addr, sizeof b, b)) return;
    std::memcpy(&fl.l_type, b, 2);
    std::memcpy(&fl.l_whence, b + 2, 2);
    std::memcpy(&fl.l_start, b + 8, 8);
    std::memcpy(&fl.l_len, b + 16, 8);
    std::memcpy(&fl.l_pid, b + 24, 4);
  } else if (is64) {
    unsigned char b[24];
    if (!fetch(c, addr, sizeof b, b)) return;
    std::memcpy(&fl.l_type, b, 2);
    std::memcpy(&fl.l_whence, b + 2, 2);
    std::memcpy(&fl.l_start, b + 4, 8);
    std::memcpy(&fl.l_len, b + 12, 8);
    std::memcpy(&fl.l_pid, b + 20, 4);
  } else {
    unsigned char b[16];
    int32_t start, len;
    if (!fetch(c, addr, sizeof b, b)) return;
    std::memcpy(&fl.l_type, b, 2);
    std::memcpy(&fl.l_whence, b + 2, 2);
    std::memcpy(&start, b + 4, 4);
    std::memcpy(&len, b + 8, 4);
    std::memcpy(&fl.l_pid, b + 12, 4);
    fl.l_start = start;
    fl.l_len = len;
  }
  print_flock_fields(c, fl, getlk);
}

void print_f_owner_ex(Call& c, uint64_t addr) {
  int32_t owner[2];
  if (!fetch(c, addr, &owner)) return;
  c.p->lit("{type=");
  print_xval(*c.p, static_cast<uint32_t>(owner[0]), xlat::f_owner_types, "F_OWNER_???");
  c.p->lit(", pid=");
  c.p->dec(owner[1]);
  c.p->lit("}");
}

// strace's print_fcntl(): true when everything is printed (RVAL_DECODED).
bool print_fcntl(Call& c, uint32_t cmd) {
  Printer& p = *c.p;
  const uint64_t arg = c.arg(2);
  switch (cmd) {
    case kSetfd:
      p.sep();
      print_flags(p, arg, xlat::fd_flags, "FD_???");
      return true;
    case kSetown:
      p.sep();
      p.dec(static_cast<int32_t>(arg));
      return true;
    case kSetpipeSz:
      p.sep();
      p.dec(static_cast<int64_t>(arg));
      return true;
    case kDupfd:
    case kDupfdCloexec:
      p.sep();
      p.dec(static_cast<int64_t>(arg));
      c.ret = RetFmt::kFd;
      return true;
    case kSetfl:
      p.sep();
      print_open_modes(p, static_cast<uint32_t>(arg));
      return true;
    case kSetlk:
    case kSetlkw:
      p.sep();
      print_flock(c, arg, false, false);
      return true;
    case kOfdSetlk:
    case kOfdSetlkw:
      p.sep();
      print_flock(c, arg, false, true);
      return true;
    case kSetownEx:
      p.sep();
      print_f_owner_ex(c, arg);
      return true;
    case kNotify:
      p.sep();
      print_flags(p, arg, xlat::dnotify_flags, "DN_???");
      return true;
    case kSetlease:
      p.sep();
      print_xval(p, arg, xlat::lock_types, "F_???");
      return true;
    case kAddSeals:
      p.sep();
      print_flags(p, arg, xlat::f_seals, "F_SEAL_???");
      return true;
    case kSetsig:
      p.sep();
      p.signo(static_cast<int32_t>(arg));
      return true;
    case kGetown:
    case kGetpipeSz:
      return true;
    case kGetfd:
      if (!c.exiting) return false;
      if (!c.failed() && c.rval != 0) {
        std::string s;
        if (sprint_flags(&s, "flags ", xlat::fd_flags, static_cast<uint64_t>(c.rval), '\0',
                         style(p)))
          c.aux = s;
        c.ret = RetFmt::kHex;
      }
      return true;
    case kGetfl:
      if (!c.exiting) return false;
      if (!c.failed()) {
        c.aux = sprint_open_modes(static_cast<uint32_t>(c.rval));
        c.ret = RetFmt::kHex;
      }
      return true;
    case kGetlk:
      if (!c.exiting) return false;
      p.sep();
      print_flock(c, arg, true, false);
      return true;
    case kOfdGetlk:
      if (!c.exiting) return false;
      p.sep();
      print_flock(c, arg, true, true);
      return true;
    case kGetownEx:
      if (!c.exiting) return false;
      p.sep();
      print_f_owner_ex(c, arg);
      return true;
    case kGetlease:
      if (!c.exiting) return false;
      if (!c.failed()) {
        if (const char* s = xlookup(xlat::lock_types, static_cast<uint64_t>(c.rval))) c.aux = s;
        c.ret = RetFmt::kHex;
      }
      return true;
    case kGetSeals:
      if (!c.exiting) return false;
      if (!c.failed() && c.rval != 0) {
        std::string s;
        if (sprint_flags(&s, "seals ", xlat::f_seals, static_cast<uint64_t>(c.rval), '\0',
                         style(p)))
          c.aux = s;
        c.ret = RetFmt::kHex;
      }
      return true;
    case kGetsig:
      if (!c.exiting) return false;
      if (!c.failed() && c.rval != 0) {
        if (const char* s = signal_name(static_cast<int>(c.rval))) c.aux = s;
      }
      return true;
    default:
      p.sep();
      p.hex(arg);
      return true;
  }
}

}  // namespace

bool dec_fcntl(Call& c) {
  const uint32_t cmd = static_cast<uint32_t>(c.arg(1));
  if (!c.exiting) {
    c.p->fd(c.arg(0));
    c.p->sep();
    print_xval(*c.p, c.arg(1), xlat::fcntl_cmds, "F_???");
  }
  // fcntl64 (i386) has the flock64 commands; on x86_64 12..14 are unknown.
  if (is_compat(c) && c.desc && std::strcmp(c.desc->name, "fcntl64") == 0) {
    switch (cmd) {
      case kSetlk64:
      case kSetlkw64:
        c.p->sep();
        print_flock(c, c.arg(2), false, true);
        return true;
      case kGetlk64:
        if (!c.exiting) return false;
        c.p->sep();
        print_flock(c, c.arg(2), true, true);
        return true;
      default: break;
    }
  }
  return print_fcntl(c, cmd);
}

// ---- getdents --------------------------------------------------------------

namespace {

constexpr unsigned kNameLenMax = 256;

struct Dent {
  uint64_t d_ino, d_off;
  unsigned d_reclen;
  unsigned char d_type;  // getdents64 only
};

// strace's decode_dents(): abbreviated to the address and an entry count,
// with -v the whole array.
void decode_dents(Call& c, uint64_t addr, unsigned len, bool is64) {
  Printer& p = *c.p;
  const bool ab = abbrev(c);
  const unsigned ws = word_size(c);
  const unsigned header = is64 ? 19 : 2 * ws + 2;
  unsigned count = 0;
  if (ab) p.addr(addr);
  for (;;) {
    if (len < header) {
      if (!ab) {
        if (!len) {
          p.lit("[");
          ++count;
        } else {
          print_str_hex(c, addr, len);
        }
      }
      break;
    }
    unsigned char hb[24];
    if (!tfetch(c, addr, header, hb)) {
      if (!ab) {
        if (count) {
          p.lit("...");
          p.lit(" /* ");
          p.addr(addr);
          p.lit(" */");
        } else {
          p.addr(addr);
        }
      }
      break;
    }
    if (!ab && !count) p.lit("[");
    ++count;
    Dent d{};
    if (is64 || ws == 8) {
      std::memcpy(&d.d_ino, hb, 8);
      std::memcpy(&d.d_off, hb + 8, 8);
      uint16_t rl;
      std::memcpy(&rl, hb + 16, 2);
      d.d_reclen = rl;
      if (is64) d.d_type = hb[18];
    } else {
      uint32_t ino, off;
      uint16_t rl;
      std::memcpy(&ino, hb, 4);
      std::memcpy(&off, hb + 4, 4);
      std::memcpy(&rl, hb + 8, 2);
      d.d_ino = ino;
      d.d_off = off;
      d.d_reclen = rl;
    }
    if (!ab) {
      p.lit("{d_ino=");
      p.udec(d.d_ino);
      p.lit(", d_off=");
      p.udec(d.d_off);
      p.lit(", d_reclen=");
      p.udec(d.d_reclen);
    }
    uint64_t next_addr = 0;
    unsigned next_len = 0;
    unsigned reclen = d.d_reclen;
    char b[64];
    if (reclen > len) {
      snprintf(b, sizeof b, " /* %s%u bytes overflow */", ab ? "d_reclen " : "", reclen - len);
      p.lit(b);
      reclen = len;
    } else if (reclen < header) {
      snprintf(b, sizeof b, " /* %s%u bytes underflow */", ab ? "d_reclen " : "",
               header - reclen);
      p.lit(b);
      reclen = header;
      next_len = len - header;
    } else {
      next_len = len - reclen;
      if (next_len) {
        if (addr + reclen > addr)
          next_addr = addr + reclen;
        else
          p.lit(" /* address overflow */");
      }
    }
    len = next_len;
    if (!ab) {
      bool ok = true;
      const uint64_t tail = addr + header;
      const unsigned tail_len = reclen - header;
      if (is64) {
        p.lit(", d_type=");
        print_xval(p, d.d_type, xlat::dirent_types, "DT_???");
        if (tail_len) {
          unsigned n = std::min(tail_len, kNameLenMax);
          p.lit(", d_name=");
          std::string s;
          bool term = false;
          if (!c.ctx().read_cstring(tail, n - 1, &s, &term)) {
            p.addr(tail);
            ok = false;
          } else {
            p.quoted(s.data(), s.size(), !term);
          }
        }
      } else if (tail_len) {
        unsigned name_len = tail_len - 1;
        if (name_len) {
          unsigned n = std::min(name_len, kNameLenMax);
          p.lit(", d_name=");
          std::string s;
          bool term = false;
          if (!c.ctx().read_cstring(tail, n - 1, &s, &term)) {
            p.addr(tail);
            ok = false;
          } else {
            p.quoted(s.data(), s.size(), !term);
          }
        }
        p.lit(", d_type=");
        unsigned char t;
        if (tfetch(c, tail + tail_len - 1, 1, &t)) {
          print_xval(p, t, xlat::dirent_types, "DT_???");
        } else {
          p.addr(tail + tail_len - 1);
          ok = false;
        }
      }
      p.lit("}");
      if (next_addr) {
        p.lit(", ");
        if (!ok) {
          p.lit("...");
          break;
        }
      }
    }
    if (!next_addr) break;
    addr = next_addr;
  }
  if (!ab) {
    if (count) p.lit("]");
  } else {
    char b[48];
    snprintf(b, sizeof b, " /* %u%s entries */", count, len ? "+" : "");
    p.lit(b);
  }
}

bool xgetdents(Call& c, bool is64) {
  if (!c.exiting) {
    c.p->fd(c.arg(0));
    c.p->sep();
    return false;
  }
  const uint32_t count = static_cast<uint32_t>(c.arg(2));
  if (c.failed() || !verbose(c) || static_cast<uint64_t>(c.rval) > count)
    c.p->addr(c.arg(1));
  else
    decode_dents(c, c.arg(1), static_cast<unsigned>(c.rval), is64);
  c.p->sep();
  c.p->udec(count);
  return true;
}

}  // namespace

bool dec_getdents(Call& c) { return xgetdents(c, false); }
bool dec_getdents64(Call& c) { return xgetdents(c, true); }

}  // namespace syscope::iodec

// SPDX-License-Identifier: MIT
// ioctl(fd, request, arg): the request is printed by name (all the names
// strace 6.1 knows for the code, joined by " or "), by a parametrised macro
// (EVIOCGBIT(EV_KEY, 96), MIXER_READ(3)...) or as _IOC(dir, type, nr, size);
// the argument by the per-type decoders of ioctl_*.cc, else in hex.
#include <linux/input-event-codes.h>

#include <cstring>

#include "decoders/families.h"
#include "decoders/io_util.h"

namespace syscope::families {
namespace {

using namespace syscope::iodec;

constexpr uint32_t ioc_dir(uint32_t c) { return c >> 30; }
constexpr uint32_t ioc_type(uint32_t c) { return (c >> 8) & 0xff; }
constexpr uint32_t ioc_nr(uint32_t c) { return c & 0xff; }
constexpr uint32_t ioc_size(uint32_t c) { return (c >> 16) & 0x3fff; }
constexpr uint32_t kIocWrite = 1, kIocRead = 2;

constexpr xlat::Entry kIocDirs[] = {{0, "_IOC_NONE"}, {2, "_IOC_READ"}, {1, "_IOC_WRITE"}};
const xlat::Table ioc_dirs{kIocDirs, std::size(kIocDirs), "_IOC_???"};

#define E(name) xlat::Entry{name, #name}
constexpr xlat::Entry kEvdevEv[] = {
    E(EV_SYN), E(EV_KEY), E(EV_REL), E(EV_ABS), E(EV_MSC), E(EV_SW),
    E(EV_LED), E(EV_SND), E(EV_REP), E(EV_FF), E(EV_PWR), E(EV_FF_STATUS),
};
constexpr xlat::Entry kEvdevAbs[] = {
    E(ABS_X), E(ABS_Y), E(ABS_Z), E(ABS_RX), E(ABS_RY), E(ABS_RZ), E(ABS_THROTTLE),
    E(ABS_RUDDER), E(ABS_WHEEL), E(ABS_GAS), E(ABS_BRAKE), E(ABS_HAT0X), E(ABS_HAT0Y),
    E(ABS_HAT1X), E(ABS_HAT1Y), E(ABS_HAT2X), E(ABS_HAT2Y), E(ABS_HAT3X), E(ABS_HAT3Y),
    E(ABS_PRESSURE), E(ABS_DISTANCE), E(ABS_TILT_X), E(ABS_TILT_Y), E(ABS_TOOL_WIDTH),
    E(ABS_VOLUME), xlat::Entry{0x21, "ABS_PROFILE"}, E(ABS_MISC), xlat::Entry{0x2e, "ABS_RESERVED"},
    E(ABS_MT_SLOT), E(ABS_MT_TOUCH_MAJOR), E(ABS_MT_TOUCH_MINOR), E(ABS_MT_WIDTH_MAJOR),
    E(ABS_MT_WIDTH_MINOR), E(ABS_MT_ORIENTATION), E(ABS_MT_POSITION_X), E(ABS_MT_POSITION_Y),
    E(ABS_MT_TOOL_TYPE), E(ABS_MT_BLOB_ID), E(ABS_MT_TRACKING_ID), E(ABS_MT_PRESSURE),
    E(ABS_MT_DISTANCE), E(ABS_MT_TOOL_X), E(ABS_MT_TOOL_Y),
};
#undef E
const xlat::Table evdev_ev{kEvdevEv, std::size(kEvdevEv), "EV_???"};
const xlat::Table evdev_abs{kEvdevAbs, std::size(kEvdevAbs), "ABS_???"};

// Inside a -X verbose comment the names are printed abbreviated, with no
// default comment.
void xval_in_name(Printer& p, uint64_t v, const xlat::Table& t, const char* dflt) {
  if (style(p) == Style::kVerbose) {
    if (const char* s = xlookup(t, v))
      p.lit(s);
    else
      p.hex(v);
    return;
  }
  print_xval(p, v, t, dflt);
}

void macro_u(Printer& p, const char* name, uint64_t v) {
  p.lit(name);
  p.lit("(");
  p.udec(v);
  p.lit(")");
}

bool evdev_decode_number(Printer& p, uint32_t code) {
  const uint32_t nr = ioc_nr(code);
  if (ioc_dir(code) == kIocWrite && nr >= 0xc0 && nr <= 0xc0 + 0x3f) {
    p.lit("EVIOCSABS(");
    xval_in_name(p, nr - 0xc0, evdev_abs, "ABS_???");
    p.lit(")");
    return true;
  }
  if (ioc_dir(code) != kIocRead) return false;
  if (nr >= 0x20 && nr <= 0x20 + 0x1f) {
    p.lit("EVIOCGBIT(");
    if (nr == 0x20)
      p.lit("0");
    else
      xval_in_name(p, nr - 0x20, evdev_ev, "EV_???");
    p.lit(", ");
    p.udec(ioc_size(code));
    p.lit(")");
    return true;
  }
  if (nr >= 0x40 && nr <= 0x40 + 0x3f) {
    p.lit("EVIOCGABS(");
    xval_in_name(p, nr - 0x40, evdev_abs, "ABS_???");
    p.lit(")");
    return true;
  }
  const char* name = nullptr;
  switch (nr) {
    case 0x06: name = "EVIOCGNAME"; break;
    case 0x07: name = "EVIOCGPHYS"; break;
    case 0x08: name = "EVIOCGUNIQ"; break;
    case 0x09: name = "EVIOCGPROP"; break;
    case 0x0a: name = "EVIOCGMTSLOTS"; break;
    case 0x18: name = "EVIOCGKEY"; break;
    case 0x19: name = "EVIOCGLED"; break;
    case 0x1a: name = "EVIOCGSND"; break;
    case 0x1b: name = "EVIOCGSW"; break;
    default: return false;
  }
  macro_u(p, name, ioc_size(code));
  return true;
}

bool hiddev_decode_number(Printer& p, uint32_t code) {
  const char* name = nullptr;
  if (ioc_dir(code) == kIocRead) {
    switch (ioc_nr(code)) {
      case 0x04: name = "HIDIOCGRAWNAME"; break;
      case 0x05: name = "HIDIOCGRAWPHYS"; break;
      case 0x06: name = "HIDIOCSFEATURE"; break;
      case 0x08: name = "HIDIOCGRAWUNIQ"; break;
      case 0x12: name = "HIDIOCGPHYS"; break;
      default: return false;
    }
  } else if (ioc_dir(code) == (kIocRead | kIocWrite)) {
    switch (ioc_nr(code)) {
      case 0x06: name = "HIDIOCSFEATURE"; break;
      case 0x07: name = "HIDIOCGFEATURE"; break;
      default: return false;
    }
  } else {
    return false;
  }
  macro_u(p, name, ioc_size(code));
  return true;
}

// strace's ioctl_decode_command_number(): names built from the code.
bool decode_command_number(Printer& p, uint32_t code) {
  switch (ioc_type(code)) {
    case '!':
      if (code == ((kIocRead << 30) | (8u << 16) | ('!' << 8) | 2)) {
        p.lit("SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR");
        return true;
      }
      return false;
    case 'E': return evdev_decode_number(p, code);
    case 'H': return hiddev_decode_number(p, code);
    case 'M':
      if (ioc_dir(code) == kIocWrite) {
        macro_u(p, "MIXER_WRITE", ioc_nr(code));
        return true;
      }
      if (ioc_dir(code) == kIocRead) {
        macro_u(p, "MIXER_READ", ioc_nr(code));
        return true;
      }
      return false;
    case 'U':
      if (ioc_dir(code) == kIocRead && ioc_nr(code) == 0x2c) {
        macro_u(p, "UI_GET_SYSNAME", ioc_size(code));
        return true;
      }
      return false;
    case 'j':
      if (ioc_dir(code) == kIocRead && ioc_nr(code) == 0x13) {
        macro_u(p, "JSIOCGNAME", ioc_size(code));
        return true;
      }
      return false;
    case 'k':
      if (ioc_dir(code) == kIocWrite && ioc_nr(code) == 0) {
        macro_u(p, "SPI_IOC_MESSAGE", ioc_size(code));
        return true;
      }
      return false;
    default: return false;
  }
}

void print_ioc_code(Printer& p, uint32_t code) {
  // The direction is always printed abbreviated (with -X verbose it is inside
  // the comment already).
  const uint32_t dir = ioc_dir(code);
  p.lit("_IOC(");
  if (dir == 0) {
    p.lit("_IOC_NONE");
  } else {
    bool any = false;
    if (dir & kIocRead) {
      p.lit("_IOC_READ");
      any = true;
    }
    if (dir & kIocWrite) {
      if (any) p.lit("|");
      p.lit("_IOC_WRITE");
    }
  }
  p.lit(", ");
  p.hex(ioc_type(code));
  p.lit(", ");
  p.hex(ioc_nr(code));
  p.lit(", ");
  p.hex(ioc_size(code));
  p.lit(")");
}

void print_request(Printer& p, uint32_t code) {
  const Style st = style(p);
  if (st != Style::kAbbrev) p.hex(code);
  if (st == Style::kVerbose) p.lit(" /* ");
  if (st != Style::kRaw) {
    bool numbered = decode_command_number(p, code);
    auto names = ioctl_names(code);
    if (!names.empty()) {
      for (size_t i = 0; i < names.size(); ++i) {
        if (i || numbered) p.lit(" or ");
        p.lit(names[i].name);
      }
    } else if (!numbered) {
      print_ioc_code(p, code);
    }
  }
  if (st == Style::kVerbose) p.lit(" */");
}

// Types whose strace decoder prints the argument in hex at entry when it does
// not know the request (RVAL_DECODED); for other types the argument is
// printed at exit.
bool type_has_decoder(uint32_t type) {
  switch (type) {
    case 0x03: case 0x12: case '!': case '"': case '$': case '=': case '>': case 'E':
    case 'I': case 'K': case 'L': case 'M': case 'O': case 'R': case 'T': case 'V':
    case 'W': case 'X': case 'f': case 'i': case 'o': case 'p': case 0x89: case 0x94:
    case 0xa4: case 0xaa: case 0xab: case 0xae: case 0xb4: case 0xb7: case 0xfd:
      return true;
    default:
      return false;
  }
}

int ioctl_decode(Call& c, uint32_t code, uint64_t arg) {
  switch (ioc_type(code)) {
    case 0x12: return block_ioctl(c, code, arg);
    case 'T': return term_ioctl(c, code, arg);
    case '!':
    case 'X':
    case 'f':
    case 0x94:
    case 0xb7:
    case 'R':
    case 'I':
    case 0x89:
      return fs_ioctl(c, code, arg);
    default:
      return type_has_decoder(ioc_type(code)) ? kIoctlPrintArgHex : kIoctlNotDecoded;
  }
}

bool dec_ioctl(Call& c) {
  const uint32_t code = static_cast<uint32_t>(c.arg(1));
  const uint64_t arg = c.arg(2);
  int rc;
  if (!c.exiting) {
    c.p->fd(c.arg(0));
    c.p->sep();
    print_request(*c.p, code);
    rc = ioctl_decode(c, code, arg);
  } else {
    rc = ioctl_decode(c, code, arg);
    if (rc == kIoctlNotDecoded) rc = kIoctlPrintArgHex;
  }
  if (rc == kIoctlDone) return true;
  if (rc == kIoctlPrintArgHex) {
    c.p->sep();
    c.p->hex(arg);
    return true;
  }
  return false;
}

const DecoderEntry kTable[] = {
    {"ioctl", dec_ioctl, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> ioctl() { return kTable; }

}  // namespace syscope::families

// SPDX-License-Identifier: MIT
// Terminal ioctls (type 'T'): termios/termio/termios2, winsize, modem bits,
// integer arguments (FIONREAD, TIOCGPGRP...), as strace's term.c prints them.
// Only uapi headers here: glibc's <termios.h> has another struct termios.
#include <asm/ioctls.h>
#include <asm/termbits.h>

#include <cstring>

#include "decoders/io_util.h"
#include "syscalls/xlat/tables.h"

namespace syscope::iodec {
namespace {

#define E(name) xlat::Entry{static_cast<uint64_t>(name), #name}
constexpr xlat::Entry kIflags[] = {
    E(IGNBRK), E(BRKINT), E(IGNPAR), E(PARMRK), E(INPCK), E(ISTRIP), E(INLCR), E(IGNCR),
    E(ICRNL), E(IUCLC), E(IXON), E(IXANY), E(IXOFF), E(IMAXBEL), E(IUTF8),
};
constexpr xlat::Entry kOflags[] = {
    E(OPOST), E(OLCUC), E(ONLCR), E(OCRNL), E(ONOCR), E(ONLRET), E(OFILL), E(OFDEL),
};
constexpr xlat::Entry kNldly[] = {E(NL0), E(NL1)};
constexpr xlat::Entry kCrdly[] = {E(CR0), E(CR1), E(CR2), E(CR3)};
// XTABS equals TAB3 and is listed first, so TAB3 prints as XTABS.
constexpr xlat::Entry kTabdly[] = {E(XTABS), E(TAB0), E(TAB1), E(TAB2), E(TAB3)};
constexpr xlat::Entry kBsdly[] = {E(BS1), E(BS0)};
constexpr xlat::Entry kVtdly[] = {E(VT0), E(VT1)};
constexpr xlat::Entry kFfdly[] = {E(FF0), E(FF1)};
constexpr xlat::Entry kBaud[] = {
    E(B0), E(B50), E(B75), E(B110), E(B134), E(B150), E(B200), E(B300), E(B600), E(B1200),
    E(B1800), E(B2400), E(B4800), E(B9600), E(B19200), E(B38400), E(B57600), E(B115200),
    E(B230400), E(B460800), E(B500000), E(B576000), E(B921600), E(B1000000), E(B1152000),
    E(B1500000),
    E(B2000000), E(B2500000), E(B3000000), E(B3500000), E(B4000000), E(EXTA), E(EXTB),
    E(BOTHER),
};
constexpr xlat::Entry kCflags[] = {
    E(CSTOPB), E(CREAD), E(PARENB), E(PARODD), E(HUPCL), E(CLOCAL), E(CMSPAR), E(CRTSCTS),
};
constexpr xlat::Entry kCsize[] = {E(CS5), E(CS6), E(CS7), E(CS8)};
constexpr xlat::Entry kLflags[] = {
    E(ISIG), E(ICANON), E(XCASE), E(ECHO), E(ECHOE), E(ECHOK), E(ECHONL), E(NOFLSH),
    E(IEXTEN), E(ECHOCTL), E(ECHOPRT), E(ECHOKE), E(FLUSHO), E(PENDIN), E(TOSTOP), E(EXTPROC),
};
constexpr xlat::Entry kCc[] = {
    E(VINTR), E(VQUIT), E(VERASE), E(VKILL), E(VEOL2), E(VSWTC), E(VSTART), E(VSTOP), E(VSUSP),
    E(VREPRINT), E(VDISCARD), E(VWERASE), E(VLNEXT), E(VMIN), E(VTIME), E(VEOF), E(VEOL),
};
constexpr xlat::Entry kModem[] = {
    xlat::Entry{0x001, "TIOCM_LE"},  xlat::Entry{0x002, "TIOCM_DTR"},
    xlat::Entry{0x004, "TIOCM_RTS"}, xlat::Entry{0x008, "TIOCM_ST"},
    xlat::Entry{0x010, "TIOCM_SR"},  xlat::Entry{0x020, "TIOCM_CTS"},
    xlat::Entry{0x040, "TIOCM_CAR"}, xlat::Entry{0x080, "TIOCM_RNG"},
    xlat::Entry{0x100, "TIOCM_DSR"}, xlat::Entry{0x2000, "TIOCM_OUT1"},
    xlat::Entry{0x4000, "TIOCM_OUT2"}, xlat::Entry{0x8000, "TIOCM_LOOP"},
};
#undef E

#define T(arr) const xlat::Table arr##_t{arr, std::size(arr), nullptr}
T(kIflags); T(kOflags); T(kNldly); T(kCrdly); T(kTabdly); T(kBsdly); T(kVtdly); T(kFfdly);
T(kBaud); T(kCflags); T(kCsize); T(kLflags); T(kCc); T(kModem);
#undef T

void decode_oflag(Printer& p, uint64_t val) {
  const struct {
    const xlat::Table* t;
    uint64_t mask;
    const char* dflt;
  } fields[] = {
      {&kNldly_t, NLDLY, "NL?"}, {&kCrdly_t, CRDLY, "CR?"}, {&kTabdly_t, TABDLY, "TAB?"},
      {&kBsdly_t, BSDLY, "BS?"}, {&kVtdly_t, VTDLY, "VT?"}, {&kFfdly_t, FFDLY, "FF?"},
  };
  for (const auto& f : fields) {
    print_xval(p, val & f.mask, *f.t, f.dflt);
    p.lit("|");
    val &= ~f.mask;
  }
  print_flags(p, val, kOflags_t, nullptr);
}

void decode_cflag(Printer& p, uint64_t val) {
  print_xval(p, val & CBAUD, kBaud_t, "B???");
  p.lit("|");
  if (val & CIBAUD) {
    print_xval(p, (val & CIBAUD) >> IBSHIFT, kBaud_t, "B???");
    p.lit("<<");
    switch (style(p)) {
      case Style::kAbbrev: p.lit("IBSHIFT"); break;
      case Style::kRaw: p.hex(IBSHIFT); break;
      case Style::kVerbose:
        p.hex(IBSHIFT);
        p.lit(" /* IBSHIFT */");
        break;
    }
    p.lit("|");
  }
  print_xval(p, val & CSIZE, kCsize_t, "CS?");
  p.lit("|");
  val &= ~static_cast<uint64_t>(CBAUD | CIBAUD | CSIZE);
  print_flags(p, val, kCflags_t, nullptr);
}

void decode_flags(Printer& p, uint64_t iflag, uint64_t oflag, uint64_t cflag, uint64_t lflag) {
  p.lit("c_iflag=");
  print_flags(p, iflag, kIflags_t, nullptr);
  p.lit(", c_oflag=");
  decode_oflag(p, oflag);
  p.lit(", c_cflag=");
  decode_cflag(p, cflag);
  p.lit(", c_lflag=");
  print_flags(p, lflag, kLflags_t, nullptr);
}

void decode_cc(Printer& p, const unsigned char* cc, unsigned n) {
  p.lit("c_cc=[");
  for (unsigned i = 0; i < n; ++i) {
    if (i) p.lit(", ");
    p.lit("[");
    if (const char* s = xlookup(kCc_t, i))
      p.lit(s);
    else
      p.udec(i);
    p.lit("]=");
    p.hex(cc[i]);
  }
  p.lit("]");
}

// Kernel layouts (asm-generic/termbits.h).
struct KTermios {
  uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
  unsigned char c_line;
  unsigned char c_cc[19];
};
struct KTermios2 {
  uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
  unsigned char c_line;
  unsigned char c_cc[19];
  uint32_t c_ispeed, c_ospeed;
};
struct KTermio {
  uint16_t c_iflag, c_oflag, c_cflag, c_lflag;
  unsigned char c_line;
  unsigned char c_cc[8];
};
static_assert(sizeof(KTermios) == 36 && sizeof(KTermios2) == 44 && sizeof(KTermio) == 18);

template <class T>
void decode_termios_like(Call& c, uint64_t addr, bool speeds) {
  T t;
  if (!fetch(c, addr, &t)) return;
  Printer& p = *c.p;
  p.lit("{");
  decode_flags(p, t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag);
  p.lit(", ");
  if (abbrev(c)) {
    p.lit("...");
  } else {
    p.lit("c_line=");
    print_xval(p, t.c_line, xlat::tty_line_disciplines, "N_???");
    p.lit(", ");
    decode_cc(p, t.c_cc, sizeof t.c_cc);
    if constexpr (sizeof(T) == sizeof(KTermios2)) {
      if (speeds) {
        p.lit(", c_ispeed=");
        p.udec(t.c_ispeed);
        p.lit(", c_ospeed=");
        p.udec(t.c_ospeed);
      }
    }
  }
  p.lit("}");
}

void decode_winsize(Call& c, uint64_t addr) {
  uint16_t ws[4];
  if (!fetch(c, addr, &ws)) return;
  Printer& p = *c.p;
  p.lit("{ws_row=");
  p.udec(ws[0]);
  p.lit(", ws_col=");
  p.udec(ws[1]);
  p.lit(", ws_xpixel=");
  p.udec(ws[2]);
  p.lit(", ws_ypixel=");
  p.udec(ws[3]);
  p.lit("}");
}

void decode_modem_flags(Call& c, uint64_t addr) {
  uint32_t flags;
  if (!fetch(c, addr, &flags)) return;
  c.p->lit("[");
  print_flags(*c.p, flags, kModem_t, "TIOCM_???");
  c.p->lit("]");
}

}  // namespace

int term_ioctl(Call& c, uint32_t code, uint64_t arg) {
  Printer& p = *c.p;
  switch (code) {
    case TCGETS2:
      if (!c.exiting) return kIoctlNotDecoded;
      [[fallthrough]];
    case TCSETS2:
    case TCSETSW2:
    case TCSETSF2:
      p.sep();
      decode_termios_like<KTermios2>(c, arg, true);
      break;
    case TCGETS:
    case TIOCGLCKTRMIOS:
      if (!c.exiting) return kIoctlNotDecoded;
      [[fallthrough]];
    case TCSETS:
    case TCSETSW:
    case TCSETSF:
    case TIOCSLCKTRMIOS:
      p.sep();
      decode_termios_like<KTermios>(c, arg, false);
      break;
    case TCGETA:
      if (!c.exiting) return kIoctlNotDecoded;
      [[fallthrough]];
    case TCSETA:
    case TCSETAW:
    case TCSETAF:
      p.sep();
      decode_termios_like<KTermio>(c, arg, false);
      break;
    case TIOCGWINSZ:
      if (!c.exiting) return kIoctlNotDecoded;
      [[fallthrough]];
    case TIOCSWINSZ:
      p.sep();
      decode_winsize(c, arg);
      break;
    case TCXONC:
      p.sep();
      print_xval(p, arg, xlat::tcxonc_args, "TC???");
      break;
    case TCFLSH:
      p.sep();
      print_xval(p, arg, xlat::tcflsh_args, "TC???");
      break;
    case TCSBRK:
    case TCSBRKP:
    case TIOCSCTTY:
      p.sep();
      p.dec(static_cast<int32_t>(arg));
      break;
    case TIOCMGET:
      if (!c.exiting) return kIoctlNotDecoded;
      [[fallthrough]];
    case TIOCMBIS:
    case TIOCMBIC:
    case TIOCMSET:
      p.sep();
      decode_modem_flags(c, arg);
      break;
    case TIOCGPGRP:
    case TIOCGSID:
    case TIOCGETD:
    case TIOCGSOFTCAR:
    case TIOCGPTN:
    case FIONREAD:
    case TIOCOUTQ:
    case TIOCGEXCL:
    case TIOCGDEV:
      if (!c.exiting) return kIoctlNotDecoded;
      [[fallthrough]];
    case TIOCSPGRP:
    case TIOCSETD:
    case FIONBIO:
    case FIOASYNC:
    case TIOCPKT:
    case TIOCSSOFTCAR:
    case TIOCSPTLCK:
      p.sep();
      print_num_int(c, arg);
      break;
    case TIOCSTI:
      p.sep();
      print_strn(c, arg, 1);
      break;
    case TIOCSBRK:
    case TIOCCBRK:
    case TIOCCONS:
    case TIOCNOTTY:
    case TIOCEXCL:
    case TIOCNXCL:
    case FIOCLEX:
    case FIONCLEX:
    case TIOCVHANGUP:
    case TIOCSSERIAL:
      break;
    default:
      return kIoctlPrintArgHex;
  }
  return kIoctlDone;
}

}  // namespace syscope::iodec

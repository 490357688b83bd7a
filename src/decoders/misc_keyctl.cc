// SPDX-License-Identifier: MIT
// Kernel key management: add_key, request_key, keyctl.
#include <linux/keyctl.h>

#include <cstring>

#include "decoders/misc_common.h"
#include "syscalls/xlat/tables.h"

namespace syscope {
namespace {

using nim::print_flags;
using nim::print_xval;

const xlat::Entry kKeyPerms[] = {
    {0x01000000, "KEY_POS_VIEW"},  {0x02000000, "KEY_POS_READ"},   {0x04000000, "KEY_POS_WRITE"},
    {0x08000000, "KEY_POS_SEARCH"}, {0x10000000, "KEY_POS_LINK"},  {0x20000000, "KEY_POS_SETATTR"},
    {0x3f000000, "KEY_POS_ALL"},   {0x00010000, "KEY_USR_VIEW"},   {0x00020000, "KEY_USR_READ"},
    {0x00040000, "KEY_USR_WRITE"}, {0x00080000, "KEY_USR_SEARCH"}, {0x00100000, "KEY_USR_LINK"},
    {0x00200000, "KEY_USR_SETATTR"}, {0x003f0000, "KEY_USR_ALL"},  {0x00000100, "KEY_GRP_VIEW"},
    {0x00000200, "KEY_GRP_READ"},  {0x00000400, "KEY_GRP_WRITE"},  {0x00000800, "KEY_GRP_SEARCH"},
    {0x00001000, "KEY_GRP_LINK"},  {0x00002000, "KEY_GRP_SETATTR"}, {0x00003f00, "KEY_GRP_ALL"},
    {0x00000001, "KEY_OTH_VIEW"},  {0x00000002, "KEY_OTH_READ"},   {0x00000004, "KEY_OTH_WRITE"},
    {0x00000008, "KEY_OTH_SEARCH"}, {0x00000010, "KEY_OTH_LINK"},  {0x00000020, "KEY_OTH_SETATTR"},
    {0x0000003f, "KEY_OTH_ALL"},
};
const xlat::Table kKeyPermsTable{kKeyPerms, std::size(kKeyPerms), "KEY_???"};

#define E(name) xlat::Entry{static_cast<uint64_t>(static_cast<int64_t>(name)), #name}
const xlat::Entry kReqkeys[] = {
    E(KEY_REQKEY_DEFL_NO_CHANGE),       E(KEY_REQKEY_DEFL_DEFAULT),
    E(KEY_REQKEY_DEFL_THREAD_KEYRING),  E(KEY_REQKEY_DEFL_PROCESS_KEYRING),
    E(KEY_REQKEY_DEFL_SESSION_KEYRING), E(KEY_REQKEY_DEFL_USER_KEYRING),
    E(KEY_REQKEY_DEFL_USER_SESSION_KEYRING), E(KEY_REQKEY_DEFL_GROUP_KEYRING),
    E(KEY_REQKEY_DEFL_REQUESTOR_KEYRING),
};
#undef E
const xlat::Table kReqkeysTable{kReqkeys, std::size(kReqkeys), "KEY_REQKEY_DEFL_???"};
const xlat::Entry kMoveFlags[] = {{1, "KEYCTL_MOVE_EXCL"}};
const xlat::Table kMoveFlagsTable{kMoveFlags, std::size(kMoveFlags), "KEYCTL_MOVE_???"};

// A key serial: KEY_SPEC_* name or the signed number.
void print_key_serial(Printer& p, uint64_t arg) {
  const int32_t id = static_cast<int32_t>(arg);
  print_xval(p, static_cast<uint64_t>(static_cast<int64_t>(id)), xlat::key_specs, nullptr,
             nim::XFmt::kDec);
}

void print_uid(Printer& p, uint64_t arg) {
  const uint32_t uid = static_cast<uint32_t>(arg);
  if (uid == UINT32_MAX)
    p.dec(-1);
  else
    p.udec(uid);
}

// DESCRIBE, READ, GET_SECURITY: the buffer is output.
bool read_key(Call& c, bool has_nul) {
  Printer& p = *c.p;
  if (!c.exiting) {
    print_key_serial(p, c.arg(1));
    p.sep();
    return false;
  }
  const uint64_t addr = c.arg(2), len = c.arg(3);
  if (c.failed()) {
    p.addr(addr);
  } else {
    uint64_t n = c.rval >= 0 && static_cast<uint64_t>(c.rval) > len ? len
                                                                     : static_cast<uint64_t>(c.rval);
    nim::print_str(c, addr, n, has_nul ? unsigned{nim::kQuoteOmitTrailing0} : 0u);
  }
  p.sep();
  p.udec(len);
  return true;
}

void print_iov_strs(Call& c, uint64_t addr, uint64_t len) {
  const unsigned ws = c.abi == Abi::kI386 ? 4 : 8;
  Printer& p = *c.p;
  nim::print_array(
      c, addr, len, 2 * ws,
      [&](const void* e) {
        uint64_t base = 0, n = 0;
        memcpy(&base, e, ws);
        memcpy(&n, static_cast<const char*>(e) + ws, ws);
        p.lit("{iov_base=");
        nim::print_strn(c, base, n);
        p.lit(", iov_len=");
        p.udec(n);
        p.ch('}');
        return true;
      },
      nim::ArrayFetch::kIgnoreError);
}

}  // namespace

bool misc_dec_add_key(Call& c) {
  Printer& p = *c.p;
  nim::print_cstr(c, c.arg(0));
  p.sep();
  nim::print_cstr(c, c.arg(1));
  p.sep();
  nim::print_strn(c, c.arg(2), c.arg(3));
  p.sep();
  p.udec(c.arg(3));
  p.sep();
  print_key_serial(p, c.arg(4));
  return true;
}

bool misc_dec_request_key(Call& c) {
  Printer& p = *c.p;
  nim::print_cstr(c, c.arg(0));
  p.sep();
  nim::print_cstr(c, c.arg(1));
  p.sep();
  nim::print_cstr(c, c.arg(2));
  p.sep();
  print_key_serial(p, c.arg(3));
  return true;
}

bool misc_dec_keyctl(Call& c) {
  Printer& p = *c.p;
  const int cmd = c.iarg(0);
  const uint64_t a2 = c.arg(1), a3 = c.arg(2), a4 = c.arg(3), a5 = c.arg(4);
  if (!c.exiting) {
    print_xval(p, static_cast<uint32_t>(cmd), xlat::keyctl_cmds, "KEYCTL_???");
    if (cmd != KEYCTL_SESSION_TO_PARENT) p.sep();
  }
  switch (cmd) {
    case KEYCTL_GET_KEYRING_ID:
      print_key_serial(p, a2);
      p.sep();
      p.dec(static_cast<int32_t>(a3));
      break;
    case KEYCTL_JOIN_SESSION_KEYRING: nim::print_cstr(c, a2); break;
    case KEYCTL_UPDATE:
      print_key_serial(p, a2);
      p.sep();
      nim::print_strn(c, a3, a4);
      p.sep();
      p.udec(a4);
      break;
    case KEYCTL_REVOKE:
    case KEYCTL_CLEAR:
    case KEYCTL_INVALIDATE:
    case KEYCTL_ASSUME_AUTHORITY: print_key_serial(p, a2); break;
    case KEYCTL_LINK:
    case KEYCTL_UNLINK:
      print_key_serial(p, a2);
      p.sep();
      print_key_serial(p, a3);
      break;
    case KEYCTL_DESCRIBE:
    case KEYCTL_READ:
    case KEYCTL_GET_SECURITY: return read_key(c, cmd != KEYCTL_READ);
    case KEYCTL_SEARCH:
      print_key_serial(p, a2);
      p.sep();
      nim::print_cstr(c, a3);
      p.sep();
      nim::print_cstr(c, a4);
      p.sep();
      print_key_serial(p, a5);
      break;
    case KEYCTL_CHOWN:
      print_key_serial(p, a2);
      p.sep();
      print_uid(p, a3);
      p.sep();
      print_uid(p, a4);
      break;
    case KEYCTL_SETPERM:
      print_key_serial(p, a2);
      p.sep();
      print_flags(p, static_cast<uint32_t>(a3), kKeyPermsTable, "KEY_???");
      break;
    case KEYCTL_INSTANTIATE:
      print_key_serial(p, a2);
      p.sep();
      nim::print_strn(c, a3, a4);
      p.sep();
      p.udec(a4);
      p.sep();
      print_key_serial(p, a5);
      break;
    case KEYCTL_NEGATE:
      print_key_serial(p, a2);
      p.sep();
      p.udec(static_cast<uint32_t>(a3));
      p.sep();
      print_key_serial(p, a4);
      break;
    case KEYCTL_SET_REQKEY_KEYRING:
      print_xval(p, static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(a2))),
                 kReqkeysTable, "KEY_REQKEY_DEFL_???", nim::XFmt::kDec);
      break;
    case KEYCTL_SET_TIMEOUT:
      print_key_serial(p, a2);
      p.sep();
      p.udec(static_cast<uint32_t>(a3));
      break;
    case KEYCTL_SESSION_TO_PARENT: break;
    case KEYCTL_REJECT:
      print_key_serial(p, a2);
      p.sep();
      p.udec(static_cast<uint32_t>(a3));
      p.sep();
      nim::print_err(p, static_cast<uint32_t>(a4), false);
      p.sep();
      print_key_serial(p, a5);
      break;
    case KEYCTL_INSTANTIATE_IOV:
      print_key_serial(p, a2);
      p.sep();
      print_iov_strs(c, a3, a4);
      p.sep();
      p.udec(a4);
      p.sep();
      print_key_serial(p, a5);
      break;
    case KEYCTL_GET_PERSISTENT:
      print_uid(p, a2);
      p.sep();
      print_key_serial(p, a3);
      break;
    case KEYCTL_RESTRICT_KEYRING:
      print_key_serial(p, a2);
      p.sep();
      nim::print_cstr(c, a3);
      p.sep();
      nim::print_cstr(c, a4);
      break;
    case KEYCTL_MOVE:
      print_key_serial(p, a2);
      p.sep();
      print_key_serial(p, a3);
      p.sep();
      print_key_serial(p, a4);
      p.sep();
      print_flags(p, static_cast<uint32_t>(a5), kMoveFlagsTable, "KEYCTL_MOVE_???");
      break;
    default:
      // DH_COMPUTE, PKEY_*, CAPABILITIES and unknown commands: raw.
      p.hex(a2);
      p.sep();
      p.hex(a3);
      p.sep();
      p.hex(a4);
      p.sep();
      p.hex(a5);
      break;
  }
  return true;
}

}  // namespace syscope

// SPDX-License-Identifier: MIT
// Netlink helpers shared by net_netlink.cc and net_netlink_route.cc.
#pragma once

#include <linux/netlink.h>

#include <cstdint>
#include <functional>

#include "decoders/decoder.h"

namespace syscope::net {

// Decodes an attribute's data; false to fall back to the hex string.
using NlaDecodeFn = std::function<bool(uint16_t type, uint64_t addr, unsigned len)>;

// decode_nlattr(): a list of attributes, [{nla_len=8, nla_type=IFA_LOCAL}, DATA].
void decode_nlattr_impl(Call& c, uint64_t addr, unsigned len, const xlat::Table& table,
                        const char* dflt, const NlaDecodeFn& decode);
template <class F>
void decode_nlattr(Call& c, uint64_t addr, unsigned len, const xlat::Table& table,
                   const char* dflt, F&& decode) {
  decode_nlattr_impl(c, addr, len, table, dflt, NlaDecodeFn(std::forward<F>(decode)));
}

bool nla_str(Call& c, uint64_t addr, unsigned len);
bool nla_u8(Call& c, uint64_t addr, unsigned len);
bool nla_u16(Call& c, uint64_t addr, unsigned len);
bool nla_u32(Call& c, uint64_t addr, unsigned len);
bool nla_s32(Call& c, uint64_t addr, unsigned len);
bool nla_u64(Call& c, uint64_t addr, unsigned len);

// NETLINK_ROUTE payloads (net_netlink_route.cc); false: not decoded.
bool decode_netlink_route(Call& c, const nlmsghdr& h, uint64_t addr, unsigned len);
// NETLINK_SOCK_DIAG payloads (net_netlink_diag.cc).
bool decode_netlink_sock_diag(Call& c, const nlmsghdr& h, uint64_t addr, unsigned len);

}  // namespace syscope::net

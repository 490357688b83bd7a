// SPDX-License-Identifier: MIT
#include "decoders/families.h"

namespace syscope::families {

std::span<const DecoderEntry> ipc() { return {}; }

}  // namespace syscope::families

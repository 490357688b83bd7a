// SPDX-License-Identifier: MIT
#include "decoders/families.h"

namespace syscope::families {

std::span<const DecoderEntry> time() { return {}; }

}  // namespace syscope::families

// SPDX-License-Identifier: MIT
#include "tools/syscope/subcommands.h"

#include <cstring>

namespace syscope {

int run_subcommand(int argc, char** argv) {
  (void)argc;
  (void)argv;
  return -1;
}

}  // namespace syscope

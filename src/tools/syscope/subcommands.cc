// SPDX-License-Identifier: MIT
#include "tools/syscope/subcommands.h"

#include <cstring>

#include "tools/common/subcommand_mains.h"

namespace syscope {

int run_subcommand(int argc, char** argv) {
  if (argc < 2) return -1;
  if (std::strcmp(argv[1], "mem") == 0) return mem_main(argc - 1, argv + 1);
  if (std::strcmp(argv[1], "regs") == 0) return regs_main(argc - 1, argv + 1);
  if (std::strcmp(argv[1], "step") == 0) return step_main(argc - 1, argv + 1);
  return -1;
}

}  // namespace syscope

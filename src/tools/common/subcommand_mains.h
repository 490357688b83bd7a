// SPDX-License-Identifier: MIT
// Entry points of the `syscope SUBCOMMAND ...` tools; argv[0] is the
// subcommand's name. Each returns the process exit status.
#pragma once

namespace syscope {

int mem_main(int argc, char** argv);   // src/tools/mem/mem_main.cc
int regs_main(int argc, char** argv);  // src/tools/regs/regs_main.cc
int step_main(int argc, char** argv);  // src/tools/step/step_main.cc

}  // namespace syscope

// SPDX-License-Identifier: MIT
// BPF instruction printing shared by bpf(2) and SO_ATTACH_FILTER (and usable
// by seccomp filter decoding, which prints the same BPF_STMT/BPF_JUMP list).
#pragma once

#include <cstdint>

#include "decoders/decoder.h"

namespace syscope::nim {

// BPF_LD|BPF_W|BPF_ABS; extended: eBPF class/op names.
void print_bpf_filter_code(Printer& p, uint16_t code, bool extended);
// struct sock_filter[len] at addr: [BPF_STMT(...), BPF_JUMP(...)], or the
// address when abbreviated (strace prints programs only with -v).
void print_sock_filter_array(Call& c, uint64_t addr, unsigned len);
// struct bpf_insn[len] at addr, or the address when abbreviated.
void print_ebpf_prog(Call& c, uint64_t addr, uint32_t len);

}  // namespace syscope::nim

// SPDX-License-Identifier: MIT
// x86_64 register sets of a stopped thread, as ptrace(2) exposes them:
//   Registers      general purpose (PTRACE_GETREGS: struct user_regs_struct),
//                  with named access through a name table (rax, eax, ax, al, ...)
//   FpRegisters    x87/SSE (PTRACE_GETFPREGS: the 512-byte FXSAVE area)
//   ExtendedState  the XSAVE area (PTRACE_GETREGSET NT_X86_XSTATE): AVX ymm
//                  upper halves, AVX-512 opmask and zmm when the CPU has them
// Debug registers dr0-dr7 are read and written one at a time (Thread in
// process.h; PEEKUSER/POKEUSER at offsetof(struct user, u_debugreg)).
#pragma once

#include <sys/user.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace syscope {

// One named general-purpose register or a part of one.
struct RegisterDesc {
  const char* name;
  uint16_t offset;  // byte offset of the 64-bit slot in user_regs_struct
  uint8_t shift;    // bit position of the part (8 for ah/bh/ch/dh)
  uint8_t bits;     // 64, 32, 16 or 8
};

// The 27 slots of user_regs_struct in display order (rax..r15, rip, eflags,
// segment registers, fs_base, gs_base, orig_rax).
std::span<const RegisterDesc> gp_registers();
// A full register or a sub-register by name (eax, r8d, ax, al, ah, r15b, ...).
const RegisterDesc* find_gp_register(std::string_view name);

class Registers {
 public:
  Registers() = default;
  explicit Registers(const user_regs_struct& r) : raw(r) {}
  user_regs_struct raw{};

  uint64_t ip() const { return raw.rip; }
  uint64_t sp() const { return raw.rsp; }
  void set_ip(uint64_t v) { raw.rip = v; }
  std::optional<uint64_t> get(std::string_view name) const;
  // Writes a register or sub-register; the other bits of the 64-bit register
  // are kept (like gdb's $eax). Returns false for an unknown name or a value
  // that does not fit the register's width.
  bool set(std::string_view name, uint64_t value);
  uint64_t get(const RegisterDesc& d) const;
  void set(const RegisterDesc& d, uint64_t value);
};

// "[ CF PF ZF IF ]" (gdb's style).
std::string format_eflags(uint64_t eflags);

// 128-bit and wider registers as bytes, least significant first.
using Vec128 = std::array<uint8_t, 16>;
using Vec256 = std::array<uint8_t, 32>;
using Vec512 = std::array<uint8_t, 64>;

// Hex text of a wide value, most significant digit first ("0x00ff..."), and
// back. parse_wide accepts "0x" and fewer digits (zero-extended), rejects
// values wider than bytes.size().
std::string format_wide(std::span<const uint8_t> bytes);
bool parse_wide(std::string_view text, std::span<uint8_t> bytes);

class FpRegisters {
 public:
  user_fpregs_struct raw{};

  uint16_t fcw() const { return raw.cwd; }
  uint16_t fsw() const { return raw.swd; }
  uint16_t ftw() const { return raw.ftw; }
  uint16_t fop() const { return raw.fop; }
  uint64_t fip() const { return raw.rip; }
  uint64_t fdp() const { return raw.rdp; }
  uint32_t mxcsr() const { return raw.mxcsr; }
  // st(i) / mm(i): the 80-bit register as 10 bytes, and its value.
  std::array<uint8_t, 10> st_bytes(int i) const;
  long double st(int i) const;
  Vec128 xmm(int i) const;  // 0..15
  void set_xmm(int i, const Vec128& v);
};

class ExtendedState {
 public:
  // The XSAVE area in the standard (uncompacted) format, as the kernel
  // returns it; component offsets come from CPUID leaf 0xD.
  std::vector<uint8_t> raw;

  uint64_t xstate_bv() const;  // components present in the buffer (header)
  uint64_t xcr0() const;       // components the kernel enabled (sw_reserved bytes)
  bool has_avx() const { return (xcr0() & (1u << 2)) != 0; }
  bool has_avx512() const { return (xcr0() & 0xe0) == 0xe0; }

  // xmm from the legacy area (0..15).
  Vec128 xmm(int i) const;
  // ymm0-15 (xmm + upper half); nullopt without AVX or with a short buffer.
  std::optional<Vec256> ymm(int i) const;
  // zmm0-31 and k0-7 (AVX-512).
  std::optional<Vec512> zmm(int i) const;
  std::optional<uint64_t> k(int i) const;

  bool set_xmm(int i, const Vec128& v);
  bool set_ymm(int i, const Vec256& v);
  bool set_zmm(int i, const Vec512& v);
  bool set_k(int i, uint64_t v);

 private:
  // Offset and size of an XSAVE component in the standard format (CPUID).
  static std::optional<std::pair<size_t, size_t>> component(int c);
  uint8_t* comp_ptr(int c, size_t need);
  const uint8_t* comp_ptr(int c, size_t need) const;
  void mark_present(int c);
};

// Byte offset of dr0..dr7 in struct user (for PEEKUSER/POKEUSER).
constexpr size_t debug_reg_offset(int n) {
  return offsetof(struct user, u_debugreg) + static_cast<size_t>(n) * sizeof(unsigned long);
}

}  // namespace syscope

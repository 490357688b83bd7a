// SPDX-License-Identifier: MIT
#include "syscope/registers.h"

#include <cpuid.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace syscope {
namespace {

#define R(name, field, shift, bits) \
  RegisterDesc { name, static_cast<uint16_t>(offsetof(user_regs_struct, field)), shift, bits }

constexpr RegisterDesc kGp[] = {
    R("rax", rax, 0, 64),        R("rbx", rbx, 0, 64),       R("rcx", rcx, 0, 64),
    R("rdx", rdx, 0, 64),        R("rsi", rsi, 0, 64),       R("rdi", rdi, 0, 64),
    R("rbp", rbp, 0, 64),        R("rsp", rsp, 0, 64),       R("r8", r8, 0, 64),
    R("r9", r9, 0, 64),          R("r10", r10, 0, 64),       R("r11", r11, 0, 64),
    R("r12", r12, 0, 64),        R("r13", r13, 0, 64),       R("r14", r14, 0, 64),
    R("r15", r15, 0, 64),        R("rip", rip, 0, 64),       R("eflags", eflags, 0, 64),
    R("cs", cs, 0, 64),          R("ss", ss, 0, 64),         R("ds", ds, 0, 64),
    R("es", es, 0, 64),          R("fs", fs, 0, 64),         R("gs", gs, 0, 64),
    R("fs_base", fs_base, 0, 64), R("gs_base", gs_base, 0, 64), R("orig_rax", orig_rax, 0, 64),
};

constexpr RegisterDesc kSub[] = {
    R("eax", rax, 0, 32), R("ax", rax, 0, 16), R("al", rax, 0, 8), R("ah", rax, 8, 8),
    R("ebx", rbx, 0, 32), R("bx", rbx, 0, 16), R("bl", rbx, 0, 8), R("bh", rbx, 8, 8),
    R("ecx", rcx, 0, 32), R("cx", rcx, 0, 16), R("cl", rcx, 0, 8), R("ch", rcx, 8, 8),
    R("edx", rdx, 0, 32), R("dx", rdx, 0, 16), R("dl", rdx, 0, 8), R("dh", rdx, 8, 8),
    R("esi", rsi, 0, 32), R("si", rsi, 0, 16), R("sil", rsi, 0, 8),
    R("edi", rdi, 0, 32), R("di", rdi, 0, 16), R("dil", rdi, 0, 8),
    R("ebp", rbp, 0, 32), R("bp", rbp, 0, 16), R("bpl", rbp, 0, 8),
    R("esp", rsp, 0, 32), R("sp", rsp, 0, 16), R("spl", rsp, 0, 8),
    R("r8d", r8, 0, 32),  R("r8w", r8, 0, 16),  R("r8b", r8, 0, 8),
    R("r9d", r9, 0, 32),  R("r9w", r9, 0, 16),  R("r9b", r9, 0, 8),
    R("r10d", r10, 0, 32), R("r10w", r10, 0, 16), R("r10b", r10, 0, 8),
    R("r11d", r11, 0, 32), R("r11w", r11, 0, 16), R("r11b", r11, 0, 8),
    R("r12d", r12, 0, 32), R("r12w", r12, 0, 16), R("r12b", r12, 0, 8),
    R("r13d", r13, 0, 32), R("r13w", r13, 0, 16), R("r13b", r13, 0, 8),
    R("r14d", r14, 0, 32), R("r14w", r14, 0, 16), R("r14b", r14, 0, 8),
    R("r15d", r15, 0, 32), R("r15w", r15, 0, 16), R("r15b", r15, 0, 8),
    R("eip", rip, 0, 32),
};
#undef R

uint64_t mask_of(unsigned bits) { return bits >= 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1; }

constexpr size_t kLegacyXmm = 160;  // xmm0 in the FXSAVE/XSAVE legacy area
constexpr size_t kXcr0 = 464;       // sw_reserved: the kernel stores XCR0 here
constexpr size_t kHeader = 512;     // XSAVE header: xstate_bv first

}  // namespace

std::span<const RegisterDesc> gp_registers() { return kGp; }

const RegisterDesc* find_gp_register(std::string_view name) {
  for (const auto& d : kGp)
    if (name == d.name) return &d;
  for (const auto& d : kSub)
    if (name == d.name) return &d;
  return nullptr;
}

uint64_t Registers::get(const RegisterDesc& d) const {
  uint64_t slot;
  std::memcpy(&slot, reinterpret_cast<const char*>(&raw) + d.offset, 8);
  return (slot >> d.shift) & mask_of(d.bits);
}

void Registers::set(const RegisterDesc& d, uint64_t value) {
  uint64_t slot;
  char* p = reinterpret_cast<char*>(&raw) + d.offset;
  std::memcpy(&slot, p, 8);
  uint64_t m = mask_of(d.bits) << d.shift;
  slot = (slot & ~m) | ((value << d.shift) & m);
  std::memcpy(p, &slot, 8);
}

std::optional<uint64_t> Registers::get(std::string_view name) const {
  const RegisterDesc* d = find_gp_register(name);
  if (!d) return std::nullopt;
  return get(*d);
}

bool Registers::set(std::string_view name, uint64_t value) {
  const RegisterDesc* d = find_gp_register(name);
  if (!d || (value & ~mask_of(d->bits)) != 0) return false;
  set(*d, value);
  return true;
}

std::string format_eflags(uint64_t f) {
  static constexpr struct {
    int bit;
    const char* name;
  } kFlags[] = {{0, "CF"},  {2, "PF"},  {4, "AF"},  {6, "ZF"},  {7, "SF"},   {8, "TF"},   {9, "IF"},
                {10, "DF"}, {11, "OF"}, {14, "NT"}, {16, "RF"}, {17, "VM"}, {18, "AC"}, {19, "VIF"},
                {20, "VIP"}, {21, "ID"}};
  std::string s = "[ ";
  for (const auto& fl : kFlags) {
    if (f & (uint64_t{1} << fl.bit)) {
      s += fl.name;
      s += ' ';
    }
  }
  if (unsigned iopl = (f >> 12) & 3) {
    s += "IOPL=";
    s += static_cast<char>('0' + iopl);
    s += ' ';
  }
  s += ']';
  return s;
}

std::string format_wide(std::span<const uint8_t> bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s = "0x";
  for (size_t i = bytes.size(); i-- > 0;) {
    s += kHex[bytes[i] >> 4];
    s += kHex[bytes[i] & 15];
  }
  return s;
}

bool parse_wide(std::string_view t, std::span<uint8_t> bytes) {
  if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) t.remove_prefix(2);
  std::string digits;
  for (char c : t) {
    if (c == '_') continue;
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    digits += c;
  }
  if (digits.empty()) return false;
  size_t first = digits.find_first_not_of('0');
  digits = first == std::string::npos ? "0" : digits.substr(first);
  if (digits.size() > bytes.size() * 2) return false;
  std::fill(bytes.begin(), bytes.end(), 0);
  auto val = [](char c) -> uint8_t {
    if (c <= '9') return static_cast<uint8_t>(c - '0');
    return static_cast<uint8_t>((c | 0x20) - 'a' + 10);
  };
  // Least significant digit last in the text, first in bytes.
  for (size_t i = 0; i < digits.size(); ++i) {
    uint8_t d = val(digits[digits.size() - 1 - i]);
    bytes[i / 2] |= static_cast<uint8_t>(i % 2 ? d << 4 : d);
  }
  return true;
}

// ---------------------------------------------------------------------------

std::array<uint8_t, 10> FpRegisters::st_bytes(int i) const {
  std::array<uint8_t, 10> b{};
  std::memcpy(b.data(), reinterpret_cast<const uint8_t*>(raw.st_space) + 16 * i, 10);
  return b;
}

long double FpRegisters::st(int i) const {
  long double v = 0;
  auto b = st_bytes(i);
  static_assert(sizeof(long double) >= 10);
  std::memcpy(&v, b.data(), 10);
  return v;
}

Vec128 FpRegisters::xmm(int i) const {
  Vec128 v{};
  std::memcpy(v.data(), reinterpret_cast<const uint8_t*>(raw.xmm_space) + 16 * i, 16);
  return v;
}

void FpRegisters::set_xmm(int i, const Vec128& v) {
  std::memcpy(reinterpret_cast<uint8_t*>(raw.xmm_space) + 16 * i, v.data(), 16);
}

// ---------------------------------------------------------------------------

std::optional<std::pair<size_t, size_t>> ExtendedState::component(int c) {
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (__get_cpuid_max(0, nullptr) < 0xd) return std::nullopt;
  __cpuid_count(0xd, c, eax, ebx, ecx, edx);
  if (eax == 0) return std::nullopt;
  return std::make_pair(static_cast<size_t>(ebx), static_cast<size_t>(eax));
}

uint64_t ExtendedState::xstate_bv() const {
  uint64_t v = 0;
  if (raw.size() >= kHeader + 8) std::memcpy(&v, raw.data() + kHeader, 8);
  return v;
}

uint64_t ExtendedState::xcr0() const {
  uint64_t v = 0;
  if (raw.size() >= kXcr0 + 8) std::memcpy(&v, raw.data() + kXcr0, 8);
  return v;
}

const uint8_t* ExtendedState::comp_ptr(int c, size_t need) const {
  if (!(xcr0() & (uint64_t{1} << c))) return nullptr;
  auto comp = component(c);
  if (!comp || comp->second < need || comp->first + need > raw.size()) return nullptr;
  return raw.data() + comp->first;
}

uint8_t* ExtendedState::comp_ptr(int c, size_t need) {
  return const_cast<uint8_t*>(static_cast<const ExtendedState*>(this)->comp_ptr(c, need));
}

void ExtendedState::mark_present(int c) {
  if (raw.size() < kHeader + 8) return;
  uint64_t bv = xstate_bv() | (uint64_t{1} << c);
  std::memcpy(raw.data() + kHeader, &bv, 8);
}

Vec128 ExtendedState::xmm(int i) const {
  Vec128 v{};
  if (raw.size() >= kLegacyXmm + 16 * 16 && (xstate_bv() & 2))
    std::memcpy(v.data(), raw.data() + kLegacyXmm + 16 * i, 16);
  return v;
}

std::optional<Vec256> ExtendedState::ymm(int i) const {
  const uint8_t* hi = comp_ptr(2, 16 * 16);
  if (!hi || i < 0 || i >= 16) return std::nullopt;
  Vec256 v{};
  Vec128 lo = xmm(i);
  std::memcpy(v.data(), lo.data(), 16);
  if (xstate_bv() & 4) std::memcpy(v.data() + 16, hi + 16 * i, 16);
  return v;
}

std::optional<Vec512> ExtendedState::zmm(int i) const {
  if (!has_avx512() || i < 0 || i >= 32) return std::nullopt;
  Vec512 v{};
  if (i < 16) {
    auto y = ymm(i);
    const uint8_t* hi = comp_ptr(6, 16 * 32);
    if (!y || !hi) return std::nullopt;
    std::memcpy(v.data(), y->data(), 32);
    if (xstate_bv() & (1u << 6)) std::memcpy(v.data() + 32, hi + 32 * i, 32);
  } else {
    const uint8_t* p = comp_ptr(7, 16 * 64);
    if (!p) return std::nullopt;
    if (xstate_bv() & (1u << 7)) std::memcpy(v.data(), p + 64 * (i - 16), 64);
  }
  return v;
}

std::optional<uint64_t> ExtendedState::k(int i) const {
  const uint8_t* p = comp_ptr(5, 8 * 8);
  if (!p || i < 0 || i >= 8) return std::nullopt;
  uint64_t v = 0;
  if (xstate_bv() & (1u << 5)) std::memcpy(&v, p + 8 * i, 8);
  return v;
}

bool ExtendedState::set_xmm(int i, const Vec128& v) {
  if (i < 0 || i >= 16 || raw.size() < kHeader + 64) return false;
  // A component absent from xstate_bv is in its initial state (zeros) and
  // XRSTOR would ignore our bytes: mark it present.
  std::memcpy(raw.data() + kLegacyXmm + 16 * i, v.data(), 16);
  mark_present(1);
  return true;
}

bool ExtendedState::set_ymm(int i, const Vec256& v) {
  uint8_t* hi = comp_ptr(2, 16 * 16);
  if (!hi || i < 0 || i >= 16) return false;
  Vec128 lo;
  std::memcpy(lo.data(), v.data(), 16);
  set_xmm(i, lo);
  std::memcpy(hi + 16 * i, v.data() + 16, 16);
  mark_present(2);
  return true;
}

bool ExtendedState::set_zmm(int i, const Vec512& v) {
  if (!has_avx512() || i < 0 || i >= 32) return false;
  if (i < 16) {
    uint8_t* hi = comp_ptr(6, 16 * 32);
    if (!hi) return false;
    Vec256 y;
    std::memcpy(y.data(), v.data(), 32);
    if (!set_ymm(i, y)) return false;
    std::memcpy(hi + 32 * i, v.data() + 32, 32);
    mark_present(6);
  } else {
    uint8_t* p = comp_ptr(7, 16 * 64);
    if (!p) return false;
    std::memcpy(p + 64 * (i - 16), v.data(), 64);
    mark_present(7);
  }
  return true;
}

bool ExtendedState::set_k(int i, uint64_t v) {
  uint8_t* p = comp_ptr(5, 8 * 8);
  if (!p || i < 0 || i >= 8) return false;
  std::memcpy(p + 8 * i, &v, 8);
  mark_present(5);
  return true;
}

}  // namespace syscope

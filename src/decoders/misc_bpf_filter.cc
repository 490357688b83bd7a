// SPDX-License-Identifier: MIT
// Classic and extended BPF instruction printing: BPF_STMT(BPF_RET|BPF_K, 0xffff),
// BPF_JUMP(...), {code=BPF_ALU64|BPF_K|BPF_MOV, dst_reg=BPF_REG_0, ...}.
// Used by SO_ATTACH_FILTER and bpf(BPF_PROG_LOAD) when not abbreviated.
#include "decoders/misc_bpf_filter.h"

#include <cstring>

#include "decoders/misc_common.h"

namespace syscope::nim {
namespace {

const xlat::Entry kClass[] = {{0, "BPF_LD"}, {1, "BPF_LDX"}, {2, "BPF_ST"}, {3, "BPF_STX"},
                              {4, "BPF_ALU"}, {5, "BPF_JMP"}, {6, "BPF_RET"}, {7, "BPF_MISC"}};
const xlat::Table kClassT{kClass, std::size(kClass), "BPF_???"};
const xlat::Entry kEClass[] = {{0, "BPF_LD"},  {1, "BPF_LDX"}, {2, "BPF_ST"},    {3, "BPF_STX"},
                               {4, "BPF_ALU"}, {5, "BPF_JMP"}, {6, "BPF_JMP32"}, {7, "BPF_ALU64"}};
const xlat::Table kEClassT{kEClass, std::size(kEClass), "BPF_???"};
const xlat::Entry kMiscop[] = {{0x00, "BPF_TAX"}, {0x80, "BPF_TXA"}};
const xlat::Table kMiscopT{kMiscop, std::size(kMiscop), "BPF_???"};
const xlat::Entry kMode[] = {{0x00, "BPF_IMM"}, {0x20, "BPF_ABS"}, {0x40, "BPF_IND"},
                             {0x60, "BPF_MEM"}, {0x80, "BPF_LEN"}, {0xa0, "BPF_MSH"},
                             {0xc0, "BPF_XADD"}};
const xlat::Table kModeT{kMode, std::size(kMode), "BPF_???"};
const xlat::Entry kEMode[] = {{0x00, "BPF_IMM"}, {0x20, "BPF_ABS"}, {0x40, "BPF_IND"},
                              {0x60, "BPF_MEM"}, {0xc0, "BPF_XADD"}};
const xlat::Table kEModeT{kEMode, std::size(kEMode), "BPF_???"};
const xlat::Entry kOpAlu[] = {
    {0x00, "BPF_ADD"}, {0x10, "BPF_SUB"}, {0x20, "BPF_MUL"}, {0x30, "BPF_DIV"}, {0x40, "BPF_OR"},
    {0x50, "BPF_AND"}, {0x60, "BPF_LSH"}, {0x70, "BPF_RSH"}, {0x80, "BPF_NEG"}, {0x90, "BPF_MOD"},
    {0xa0, "BPF_XOR"}, {0xb0, "BPF_MOV"}, {0xc0, "BPF_ARSH"}, {0xd0, "BPF_END"}};
const xlat::Table kOpAluT{kOpAlu, std::size(kOpAlu), "BPF_???"};
const xlat::Entry kOpJmp[] = {
    {0x00, "BPF_JA"},   {0x10, "BPF_JEQ"},  {0x20, "BPF_JGT"},  {0x30, "BPF_JGE"},
    {0x40, "BPF_JSET"}, {0x50, "BPF_JNE"},  {0x60, "BPF_JSGT"}, {0x70, "BPF_JSGE"},
    {0x80, "BPF_CALL"}, {0x90, "BPF_EXIT"}, {0xa0, "BPF_JLT"},  {0xb0, "BPF_JLE"},
    {0xc0, "BPF_JSLT"}, {0xd0, "BPF_JSLE"}};
const xlat::Table kOpJmpT{kOpJmp, std::size(kOpJmp), "BPF_???"};
const xlat::Entry kRval[] = {{0x00, "BPF_K"}, {0x08, "BPF_X"}, {0x10, "BPF_A"}};
const xlat::Table kRvalT{kRval, std::size(kRval), "BPF_???"};
const xlat::Entry kSize[] = {{0x00, "BPF_W"}, {0x08, "BPF_H"}, {0x10, "BPF_B"}, {0x18, "BPF_DW"}};
const xlat::Table kSizeT{kSize, std::size(kSize), "BPF_???"};
const xlat::Entry kSrc[] = {{0x00, "BPF_K"}, {0x08, "BPF_X"}};
const xlat::Table kSrcT{kSrc, std::size(kSrc), "BPF_???"};
const xlat::Entry kRegs[] = {{0, "BPF_REG_0"}, {1, "BPF_REG_1"}, {2, "BPF_REG_2"},
                             {3, "BPF_REG_3"}, {4, "BPF_REG_4"}, {5, "BPF_REG_5"},
                             {6, "BPF_REG_6"}, {7, "BPF_REG_7"}, {8, "BPF_REG_8"},
                             {9, "BPF_REG_9"}, {10, "BPF_REG_10"}};
const xlat::Table kRegsT{kRegs, std::size(kRegs), "BPF_REG_???"};
const xlat::Entry kSkfAd[] = {
    {0, "SKF_AD_PROTOCOL"}, {4, "SKF_AD_PKTTYPE"}, {8, "SKF_AD_IFINDEX"}, {12, "SKF_AD_NLATTR"},
    {16, "SKF_AD_NLATTR_NEST"}, {20, "SKF_AD_MARK"}, {24, "SKF_AD_QUEUE"}, {28, "SKF_AD_HATYPE"},
    {32, "SKF_AD_RXHASH"}, {36, "SKF_AD_CPU"}, {40, "SKF_AD_ALU_XOR_X"},
    {44, "SKF_AD_VLAN_TAG"}, {48, "SKF_AD_VLAN_TAG_PRESENT"}, {52, "SKF_AD_PAY_OFFSET"},
    {56, "SKF_AD_RANDOM"}, {60, "SKF_AD_VLAN_TPID"}};
const xlat::Table kSkfAdT{kSkfAd, std::size(kSkfAd), "SKF_AD_???"};

constexpr unsigned kMaxInsns = 4096;

void unknown_bits(Printer& p, unsigned i) {
  p.ch('|');
  p.hex(i);
  print_comment(p, "BPF_???");
}

struct FilterBlock {
  uint16_t code;
  uint8_t jt, jf;
  uint32_t k;
};

}  // namespace

void print_bpf_filter_code(Printer& p, uint16_t code, bool extended) {
  const unsigned cls = code & 0x07;
  unsigned i = code & ~cls;
  print_xval(p, cls, extended ? kEClassT : kClassT, "BPF_???");
  switch (cls) {
    case 2:  // BPF_ST
    case 3:  // BPF_STX
      if (!extended) {
        if (i) unknown_bits(p, i);
        break;
      }
      [[fallthrough]];
    case 0:  // BPF_LD
    case 1:  // BPF_LDX
      p.ch('|');
      print_xvals(p, code & 0x18, "BPF_???", {&kSizeT});
      p.ch('|');
      print_xval(p, code & 0xe0, extended ? kEModeT : kModeT, "BPF_???");
      break;
    case 7:  // BPF_MISC, BPF_ALU64 in eBPF
      if (!extended) {
        p.ch('|');
        print_xval(p, code & 0xf8, kMiscopT, "BPF_???");
        i &= ~(code & 0xf8u);
        if (i) unknown_bits(p, i);
        break;
      }
      [[fallthrough]];
    case 4:  // BPF_ALU
      p.ch('|');
      print_xval(p, code & 0x08, kSrcT, "BPF_???");
      p.ch('|');
      print_xval(p, code & 0xf0, kOpAluT, "BPF_???");
      break;
    case 5:  // BPF_JMP
      p.ch('|');
      print_xval(p, code & 0x08, kSrcT, "BPF_???");
      p.ch('|');
      print_xval(p, code & 0xf0, kOpJmpT, "BPF_???");
      break;
    case 6:  // BPF_RET, reserved in eBPF
      if (!extended) {
        p.ch('|');
        print_xval(p, code & 0x18, kRvalT, "BPF_???");
        i &= ~(code & 0x18u);
      }
      if (i) unknown_bits(p, i);
      break;
    default: break;
  }
}

void print_sock_filter_array(Call& c, uint64_t addr, unsigned len) {
  Printer& p = *c.p;
  if (abbrev(c)) {
    p.addr(addr);
    return;
  }
  unsigned count = 0;
  print_array(c, addr, len, sizeof(FilterBlock), [&](const void* e) {
    FilterBlock f;
    memcpy(&f, e, sizeof f);
    if (count++ >= kMaxInsns) {
      p.lit("...");
      return false;
    }
    if (f.jt || f.jf) {
      p.lit("BPF_JUMP(");
      print_bpf_filter_code(p, f.code, false);
      p.sep();
      p.hex(f.k);
      p.sep();
      p.hex(f.jt);
      p.sep();
      p.hex(f.jf);
      p.ch(')');
      return true;
    }
    p.lit("BPF_STMT(");
    print_bpf_filter_code(p, f.code, false);
    p.sep();
    bool done = false;
    // Loads from the special offsets: SKF_AD_OFF+SKF_AD_PROTOCOL etc.
    if ((f.code & 0x07) == 0 && (f.code & 0xe0) == 0x20) {
      if (f.k >= 0xfffff000u) {
        print_xlat(p, 0xfffff000u, "SKF_AD_OFF");
        p.ch('+');
        print_xval(p, f.k - 0xfffff000u, kSkfAdT, "SKF_AD_???");
        done = true;
      } else if (f.k >= 0xfff00000u) {
        print_xlat(p, 0xfff00000u, "SKF_NET_OFF");
        p.ch('+');
        p.udec(f.k - 0xfff00000u);
        done = true;
      } else if (f.k >= 0xffe00000u) {
        print_xlat(p, 0xffe00000u, "SKF_LL_OFF");
        p.ch('+');
        p.udec(f.k - 0xffe00000u);
        done = true;
      }
    }
    if (!done) p.hex(f.k);
    p.ch(')');
    return true;
  });
}

void print_ebpf_prog(Call& c, uint64_t addr, uint32_t len) {
  Printer& p = *c.p;
  if (abbrev(c)) {
    p.addr(addr);
    return;
  }
  unsigned count = 0;
  print_array(c, addr, len, 8, [&](const void* e) {
    const auto* b = static_cast<const unsigned char*>(e);
    if (count++ >= kMaxInsns) {
      p.lit("...");
      return false;
    }
    int16_t off;
    int32_t imm;
    memcpy(&off, b + 2, 2);
    memcpy(&imm, b + 4, 4);
    p.lit("{code=");
    print_bpf_filter_code(p, b[0], true);
    p.lit(", dst_reg=");
    print_xval(p, b[1] & 0xf, kRegsT, "BPF_REG_???");
    p.lit(", src_reg=");
    print_xval(p, b[1] >> 4, kRegsT, "BPF_REG_???");
    p.lit(", off=");
    p.dec(off);
    p.lit(", imm=");
    p.hex(static_cast<uint32_t>(imm));
    p.ch('}');
    return true;
  });
}

}  // namespace syscope::nim

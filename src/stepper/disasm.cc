// SPDX-License-Identifier: MIT
// x86-64 disassembly for `syscope step --trace` (capstone, Intel syntax).
#include <capstone/capstone.h>

#include "syscope/stepper.h"

namespace syscope {

Disassembler::Disassembler() {
  csh h = 0;
  if (cs_open(CS_ARCH_X86, CS_MODE_64, &h) != CS_ERR_OK) return;
  cs_option(h, CS_OPT_DETAIL, CS_OPT_OFF);
  handle_ = h;
  insn_ = cs_malloc(h);
}

Disassembler::~Disassembler() {
  if (insn_) cs_free(static_cast<cs_insn*>(insn_), 1);
  if (handle_) {
    csh h = handle_;
    cs_close(&h);
  }
}

bool Disassembler::decode(const uint8_t* code, size_t n, uint64_t addr, DecodedInsn* out) {
  out->len = 0;
  out->kind = InsnKind::kInvalid;
  out->text.clear();
  if (!handle_ || n == 0) return false;
  const uint8_t* p = code;
  size_t size = n;
  uint64_t a = addr;
  auto* insn = static_cast<cs_insn*>(insn_);
  if (!cs_disasm_iter(handle_, &p, &size, &a, insn)) {
    out->text = "(bad)";
    return false;
  }
  out->len = static_cast<uint8_t>(insn->size);
  out->text = insn->mnemonic;
  if (insn->op_str[0]) {
    out->text += ' ';
    out->text += insn->op_str;
  }
  switch (insn->id) {
    case X86_INS_CALL:
    case X86_INS_LCALL: out->kind = InsnKind::kCall; break;
    case X86_INS_RET:
    case X86_INS_RETF:
    case X86_INS_RETFQ:
    case X86_INS_IRET:
    case X86_INS_IRETD:
    case X86_INS_IRETQ: out->kind = InsnKind::kRet; break;
    case X86_INS_JMP:
    case X86_INS_LJMP: out->kind = InsnKind::kJump; break;
    case X86_INS_SYSCALL:
    case X86_INS_SYSENTER: out->kind = InsnKind::kSyscall; break;
    case X86_INS_INT:
      out->kind = insn->size == 2 && code[1] == 0x80 ? InsnKind::kSyscall : InsnKind::kOther;
      break;
    case X86_INS_INT3: out->kind = InsnKind::kInt3; break;
    default: out->kind = InsnKind::kOther; break;
  }
  return true;
}

}  // namespace syscope

/* insns.c -- the i386 half of the machine IR (mach/mir.h): the opcode
 * table of insns.def and the assembler's register names. */
#include "../cc.h"

/* The machine IR's opcodes (insns.def) and register names. */
static const MirOpInfo insn_info[] = {
#define INSN(id, name, flags) [I_##id] = {name, flags},
#include "insns.def"
#undef INSN
};

static const char *reg_name(int r, int width) {
  static const char *const r32[] = {"%eax", "%ecx", "%edx", "%ebx", "%esi", "%edi", "%ebp"};
  static const char *const r16[] = {"%ax", "%cx", "%dx", "%bx", "%si", "%di", "%bp"};
  static const char *const r8[] = {"%al", "%cl", "%dl", "%bl"};
  static const char *const xmm[] = {"%xmm0", "%xmm1", "%xmm2", "%xmm3", "%xmm4", "%xmm5", "%xmm6", "%xmm7"};
  if (r == R_ESP && width == 4)
    return "%esp";
  if (r == R_ST0)
    return "%st(0)";
  if (r >= R_XMM0 && r < R_XMM0 + 8)
    return xmm[r - R_XMM0];
  if (r >= R_EAX && r < R_NREGS) {
    if (width == 4)
      return r32[r];
    if (width == 2)
      return r16[r];
    if (width == 1 && r <= R_EBX)
      return r8[r];
  }
  die("no i386 register %d of %d bytes", r, width);
}

const struct mir_target i386_mir = {.ops = insn_info, .nops = I_NINSNS, .reg_name = reg_name};

/* target.h -- what the machine-independent back end needs from a target.
 *
 * A target is one record of metrics and hooks (lcc style).  lower.c reads
 * the ABI facts it needs to lay out parameters; codegen_program hands the
 * optimised IR to emit_program, which writes the whole assembly file. */
#ifndef CUCKOO_TARGET_H
#define CUCKOO_TARGET_H

#include "cc.h"

/* The registers that hold temps across instructions, for mach/regalloc.c.
 * Registers are the target's numbers, below 16; masks are 1 << number. */
struct target_regs {
  const int *ints;                /* for IK_I32 temps, in order of preference (at most 16) */
  int nints;
  /* When FRAMELESS(f) says F's frame needs no frame pointer, its temps
   * take these instead (the frame pointer's register among them). */
  const int *ints_frameless;
  int nints_frameless;
  bool (*frameless)(IrFunc *f);
  const int *floats;              /* for f32/f64 temps, -O1 and up (none: nfloats 0) */
  int nfloats;
  /* -O1 and up without -g: a long long temp may take two of INTS (its
   * low and high words), never the register of an operand or the
   * result of an instruction it is the result or an operand of. */
  bool pairs;
  unsigned callee_saved;          /* the prologue saves those given to a temp */
  unsigned call_clobbered;        /* of ints: destroyed by calls, so -O0's kept variables
                                     (gdb's, opt/live.c) avoid them */
  /* The registers IN's expansion destroys; a temp live across IN gets none of them. */
  unsigned (*clobbers)(IrFunc *f, IrInst *in);
  /* A scratch register of the expansions that may still hold ints the
   * scan left in memory (-O1 and up), or -1; and whether IN's expansion
   * leaves it alone, reads operand T from it before any scratch use of
   * it, may write its result to it, given the other temps' registers. */
  int spare;
  /* Whether a load whose one use is NX, the next instruction, may be read
   * by NX from memory (when the registers allow): its temp then needs no
   * register, so -O1 and up spill it first (NULL: never). */
  bool (*load_folds_into)(IrFunc *f, IrInst *ld, IrInst *nx);
  /* Sets AWAY[i] for the instructions of BL whose value the expansion
   * never puts anywhere, taken in by a later instruction (i386: a
   * read-modify-write at a store), given each temp's use count NUSES;
   * their temps need no register, so -O1 and up spill them first (NULL:
   * none). */
  void (*fused_away)(IrFunc *f, IrBlock *bl, const int *nuses, bool *away);
  bool (*spare_keeps)(const MachRegs *m, IrInst *in);
  bool (*spare_reads)(const MachRegs *m, IrInst *in, int t);
  bool (*spare_defines)(const MachRegs *m, IrInst *in);
};

struct target {
  const char *name;
  int ptr_size;
  int stack_align;                /* the stack alignment at every call */
  struct target_regs regs;
  /* The machine IR's opcodes and register names (mach/mir.h). */
  const struct mir_target *mir;
  /* Bytes a parameter of type T occupies in the argument area. */
  long long (*arg_size)(Type *t);
  /* Writes the assembly of the whole program: functions, data, the type
   * section, the site records and the callsite table. */
  void (*emit_program)(IrProgram *ir, FILE *out, const char *source_name);
  /* Reports what only the back end can see (frames larger than 2^31 - 1
   * bytes, LANGUAGE.md §10) without writing anything: -fsyntax-only. */
  void (*check_program)(IrProgram *ir);
};

#endif

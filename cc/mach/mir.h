/* mir.h -- the machine IR: what instruction selection writes, the
 * back end's passes read, and mach/asm.c prints as assembly.
 *
 * A function's code is a sequence (Mir) of entries: instructions,
 * labels and directives.  An instruction is one of the target's opcodes
 * (its table, struct mir_target, names each and says which registers it
 * writes) with up to three operands in AT&T order: sources first, the
 * destination last.  Registers are the target's numbers (cc.h's R_*),
 * each operand naming its register at the width it reads or writes.
 *
 * Directives are text the assembler reads as it is: .loc and .cfi lines,
 * source comments, and the fixed sequences of common/abi.h, which the
 * checker matches byte for byte and which must therefore come from that
 * one definition unchanged (i386_emit_seq).
 *
 * Entries are values, never shared: a pass may rewrite one in place. */
#ifndef CUCKOO_MIR_H
#define CUCKOO_MIR_H

#include <stdbool.h>

typedef enum { MO_NONE, MO_REG, MO_IMM, MO_MEM, MO_LABEL } MirOpKind;

typedef struct {
  unsigned char kind;             /* MirOpKind */
  unsigned char width;            /* MO_REG: bytes named (1, 2, 4; 16 for a vector register) */
  signed char reg;                /* MO_REG: the register; MO_MEM: the base register, or -1 */
  signed char index;              /* MO_MEM: the index register, or -1 */
  unsigned char scale;            /* MO_MEM: 1, 2, 4 or 8 */
  long long disp;                 /* MO_IMM: the value; MO_MEM: the displacement */
  const char *sym;                /* MO_IMM, MO_MEM: a symbol DISP is added to, or NULL;
                                     MO_LABEL: the label */
} MirOp;

/* Pseudo-opcodes; the target's opcodes are 0 and up. */
enum { MIR_LABEL = -1, MIR_TEXT = -2 };

typedef struct {
  int op;                         /* a target opcode, MIR_LABEL or MIR_TEXT */
  int nops;
  MirOp o[3];
  const char *text;               /* MIR_LABEL: the label; MIR_TEXT: whole lines, each ending in '\n' */
} MirInst;

typedef struct {
  MirInst *v;
  int n, cap;
} Mir;

/* What an opcode writes besides its last operand. */
enum {
  MIR_WRITES_NONE = 1,            /* no operand (compares, tests, branches, pushes) */
  MIR_WRITES_SCRATCH = 2,         /* registers it does not name: the target's scratch ones */
  MIR_WRITES_SCRATCH_1 = 4,       /* the same when it has one operand (i386's mul and div) */
};

typedef struct {
  const char *name;               /* as the assembler spells it */
  unsigned flags;                 /* MIR_WRITES_* */
} MirOpInfo;

/* The target's half of the machine IR. */
struct mir_target {
  const MirOpInfo *ops;           /* indexed by opcode */
  int nops;
  /* The assembler's name of register REG read at WIDTH bytes. */
  const char *(*reg_name)(int reg, int width);
};

/* ---- operands ---- */
MirOp mir_reg(int reg, int width);
MirOp mir_imm(long long v);
MirOp mir_imm_sym(const char *sym, long long add);
/* BASE + INDEX * SCALE + DISP, BASE and INDEX -1 for none. */
MirOp mir_mem(int base, int index, int scale, long long disp);
/* SYM + DISP (+ BASE + INDEX * SCALE when not -1). */
MirOp mir_mem_sym(const char *sym, long long disp, int base, int index, int scale);
MirOp mir_label_op(const char *label);
static inline MirOp mir_none(void) { return (MirOp){.kind = MO_NONE, .reg = -1, .index = -1}; }
/* Whether O reads or writes register REG (at any width, an address's too). */
bool mir_op_uses(MirOp o, int reg);
/* Whether O is register REG itself (at any width). */
static inline bool mir_is_reg(MirOp o, int reg) { return o.kind == MO_REG && o.reg == reg; }

/* ---- sequences ---- */
MirInst *mir_add(Mir *m, int op, int nops, MirOp a, MirOp b, MirOp c);
void mir_add_label(Mir *m, const char *label);
/* Text TEXT, one or more whole lines, as the assembler reads them. */
void mir_add_text(Mir *m, const char *text);
void mir_append(Mir *m, const Mir *tail);
void mir_free(Mir *m);

/* mach/asm.c: the AT&T assembly of M. */
struct Buf;
void mir_print(const struct mir_target *t, const Mir *m, struct Buf *out);

#endif

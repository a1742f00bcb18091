/* mir.c -- building machine IR sequences (mir.h): operands and entries. */
#include "../cc.h"

#include <stdlib.h>
#include <string.h>

MirOp mir_reg(int reg, int width) {
  return (MirOp){.kind = MO_REG, .width = (unsigned char)width, .reg = (signed char)reg, .index = -1};
}

MirOp mir_imm(long long v) { return (MirOp){.kind = MO_IMM, .reg = -1, .index = -1, .disp = v}; }

MirOp mir_imm_sym(const char *sym, long long add) {
  return (MirOp){.kind = MO_IMM, .reg = -1, .index = -1, .disp = add, .sym = sym};
}

MirOp mir_mem(int base, int index, int scale, long long disp) {
  return (MirOp){.kind = MO_MEM, .reg = (signed char)base, .index = (signed char)index,
                 .scale = (unsigned char)scale, .disp = disp};
}

MirOp mir_mem_sym(const char *sym, long long disp, int base, int index, int scale) {
  MirOp o = mir_mem(base, index, scale, disp);
  o.sym = sym;
  return o;
}

MirOp mir_label_op(const char *label) {
  return (MirOp){.kind = MO_LABEL, .reg = -1, .index = -1, .sym = label};
}

bool mir_op_uses(MirOp o, int reg) {
  if (o.kind == MO_REG)
    return o.reg == reg;
  if (o.kind == MO_MEM)
    return o.reg == reg || o.index == reg;
  return false;
}

static MirInst *grow(Mir *m) {
  if (m->n == m->cap) {
    m->cap = m->cap ? 2 * m->cap : 64;
    m->v = xrealloc(m->v, sizeof *m->v * m->cap);
  }
  MirInst *e = &m->v[m->n++];
  memset(e, 0, sizeof *e);
  return e;
}

MirInst *mir_add(Mir *m, int op, int nops, MirOp a, MirOp b, MirOp c) {
  if (op < 0 || nops < 0 || nops > 3)
    die("bad machine instruction (opcode %d, %d operands)", op, nops);
  /* an operand selection had none for (a frame address where a register
   * or memory operand was wanted): stop here, where the caller is known */
  MirOp ops[3] = {a, b, c};
  for (int k = 0; k < nops; k++)
    if (ops[k].kind == MO_NONE)
      die("machine instruction (opcode %d) given no operand %d", op, k + 1);
  MirInst *e = grow(m);
  e->op = op;
  e->nops = nops;
  e->o[0] = a;
  e->o[1] = b;
  e->o[2] = c;
  return e;
}

void mir_add_label(Mir *m, const char *label) {
  MirInst *e = grow(m);
  e->op = MIR_LABEL;
  e->text = label;
}

void mir_add_text(Mir *m, const char *text) {
  MirInst *e = grow(m);
  e->op = MIR_TEXT;
  e->text = text;
}

void mir_append(Mir *m, const Mir *tail) {
  for (int i = 0; i < tail->n; i++)
    *grow(m) = tail->v[i];
}

void mir_free(Mir *m) {
  free(m->v);
  m->v = NULL;
  m->n = m->cap = 0;
}

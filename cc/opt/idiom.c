/* idiom.c -- a loop that only zeroes an array becomes one block fill.
 *
 *     for (i = 0; i < N; i++)
 *         a[i] = 0;
 *
 * once opt/bce.c has removed the bounds check (the loop test implies it) is
 *
 *     P:  ... i = copy 0 ... jmp H
 *     H:  br.ult i, N -> B, X
 *     B:  store.W [A + i*W], 0     (then i = add i, 1; jmp H, here or in
 *                                   a block of its own)
 *
 * and becomes, in P, `memzero A, N*W; i = copy N; jmp X`: the same bytes
 * written, the same i after the loop, a `rep stos` instead of N
 * iterations.  Only a constant N, an array that is a global or a frame
 * slot (no pointer that could be NULL), and a body that does nothing else
 * qualify; a body with a check left in it does not match, so no run-time
 * error can move.  The checker proves the fill element by element against
 * the array's type (doc/verify.md, block fills), so nothing here is
 * trusted. */
#include "../cc.h"

#include <string.h>

static int store_width(const IrInst *s) {
  switch (s->mem) {
  case M_I8: case M_U8: return 1;
  case M_I16: case M_U16: return 2;
  case M_I32: return 4;
  default: return 0;
  }
}

/* The first instruction of BL that is not a NOP, from index *K on. */
static IrInst *next_real(IrBlock *bl, int *k) {
  while (*k < bl->n && bl->ins[*k].op == IR_NOP)
    (*k)++;
  return *k < bl->n ? &bl->ins[(*k)++] : NULL;
}

static bool is_increment(const IrInst *in, int i) {
  return in && in->op == IR_ADD && in->k == IK_I32 && in->dst == i && in->a.kind == OK_TEMP && in->a.temp == i &&
         in->b.kind == OK_IMM && in->b.imm == 1;
}

static void zero_loop(IrFunc *f, IrCfg *g, int h) {
  IrBlock *hb = f->blocks[h];
  int k = 0;
  IrInst *br = next_real(hb, &k);
  if (!br || br->op != IR_BR || br->cc != CC_ULT || br->k2 != IK_I32 || br->a.kind != OK_TEMP ||
      br->b.kind != OK_IMM || br->b.imm <= 0 || br->b.imm > (1 << 20))
    return;
  int i = br->a.temp, body = br->t1, exit = br->t2;
  long long n = br->b.imm, c0;
  if (body == h || exit == h || g->npred[h] != 2 || g->npred[body] != 1)
    return;
  /* the body: the store, the increment, the jump back -- perhaps through
   * a block of its own for the increment */
  IrBlock *bb = f->blocks[body];
  k = 0;
  IrInst *st = next_real(bb, &k);
  /* a store into a global is checked (§13.3): the loop runs at least once
   * (N > 0), so the check of its first iteration goes before the memzero */
  IrInst *chk = NULL;
  if (st && st->op == IR_CHECK_STORE) {
    chk = st;
    st = next_real(bb, &k);
  }
  if (!st || st->op != IR_STORE)
    return;
  if (chk && (chk->a.kind != OK_SYM || st->addr.base.kind != OK_SYM || strcmp(chk->a.sym, st->addr.base.sym)))
    return;
  int w = store_width(st);
  if (!w || st->k != IK_I32 || st->a.kind != OK_IMM || st->a.imm != 0 || st->addr.index != i ||
      st->addr.scale != w || (st->addr.base.kind != OK_SYM && st->addr.base.kind != OK_SLOT))
    return;
  IrInst *nx = next_real(bb, &k);
  int latch = body;
  if (nx && nx->op == IR_JMP && nx->t1 != h) {
    int c = nx->t1;
    if (c == h || g->npred[c] != 1)
      return;
    IrBlock *cb = f->blocks[c];
    k = 0;
    nx = next_real(cb, &k);
    bb = cb;
    latch = c;
  }
  if (!is_increment(nx, i))
    return;
  IrInst *back = next_real(bb, &k);
  if (!back || back->op != IR_JMP || back->t1 != h || next_real(bb, &k))
    return;
  /* the one way in */
  int p = g->pred[h][0] == latch ? g->pred[h][1] : g->pred[h][0];
  IrBlock *pb = f->blocks[p];
  IrInst *pj = &pb->ins[pb->n - 1];
  if (pj->op != IR_JMP || pj->t1 != h || !ir_block_sets_const(pb, i, &c0) || c0 != 0)
    return;
  Oper dst = st->addr.base;
  dst.imm += st->addr.off;
  /* jmp H becomes [check_store;] memzero; i = N; jmp X */
  if (chk) {
    IrInst c = *chk;
    *pj = c;
    pj = ir_append(f, p, IR_MEMZERO);
  }
  pj->op = IR_MEMZERO;
  memset(&pj->b, 0, sizeof pj->b);
  pj->a = dst;
  pj->n = n * w;
  pj->dst = -1;
  IrInst *set = ir_append(f, p, IR_COPY);
  set->k = IK_I32;
  set->dst = i;
  set->a = ir_imm(n);
  IrInst *j = ir_append(f, p, IR_JMP);
  j->t1 = exit;
}

void opt_zero_loops(IrFunc *f) {
  if (f->nblocks == 0)
    return;
  IrCfg *g = ir_cfg(f);
  for (int h = 0; h < f->nblocks; h++)
    if (g->idom[h] >= 0)
      zero_loop(f, g, h);
  ir_cfg_free(g);
}

/* The runtime's sqrt is the IEEE square root and sets no errno (Cuckoo has
 * none, LANGUAGE.md §12.1), which is exactly `sqrtsd`: the call becomes
 * the instruction, and the values around it stay in registers. */
void opt_inline_math(IrFunc *f) {
  for (int b = 0; b < f->nblocks; b++)
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst *in = &f->blocks[b]->ins[i];
      if (in->op != IR_CALL || !in->sym || strcmp(in->sym, "__cuckoo_sqrt") || in->dst < 0 || in->k != IK_F64)
        continue;
      int arg = -1;
      for (int k = 0; k < in->nargs; k++)
        if (!in->args[k].is_site) {
          if (arg >= 0 || in->args[k].kind != IK_F64 || in->args[k].size)
            arg = -2;
          else if (arg == -1)
            arg = k;
        }
      if (arg < 0 || in->sret.kind != OK_NONE)
        continue;
      Oper x = in->args[arg].val;
      int dst = in->dst;
      memset(in, 0, sizeof *in);
      in->op = IR_SQRT;
      in->k = IK_F64;
      in->dst = dst;
      in->a = x;
      in->addr.index = -1;
      in->addr.scale = 1;
    }
}

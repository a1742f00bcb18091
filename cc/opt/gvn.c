/* cse.c -- an integer operation computed again where an identical one
 * dominates it becomes a copy of the first (-O2).
 *
 *     return f(i + 1, s) + f(i + 1, s + v[i]);
 *
 * computes `i + 1` twice; the second becomes a copy of the first, which
 * opt/propagate.c then reads through.  Only pure integer arithmetic
 * and comparisons qualify, never a load (shared memory may change between
 * two reads: LANGUAGE.md's thread rules), a `lea` (the proof checker
 * tracks pointers and their pending indexes by where they are made) or a
 * check.  Both results and every temp operand must have one definition
 * each, so that equal operands mean equal values wherever the first
 * result is read.  The checker needs nothing new: a copy keeps its value's
 * number (doc/verify.md). */
#include "../cc.h"

#include <stdlib.h>
#include <string.h>

static bool cse_op(IrOp op) {
  switch (op) {
  case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
  case IR_SHL: case IR_SHR: case IR_SAR: case IR_NEG: case IR_NOT: case IR_SET:
    return true;
  default:
    return false;
  }
}

static bool same_oper(Oper x, Oper y) {
  if (x.kind != y.kind)
    return false;
  switch (x.kind) {
  case OK_NONE: return true;
  case OK_TEMP: return x.temp == y.temp;
  case OK_IMM: return x.imm == y.imm;
  default: return false;          /* symbols, slots, floating constants: left alone */
  }
}

static bool single_def_oper(Oper o, const int *ndefs) {
  return o.kind != OK_TEMP || ndefs[o.temp] == 1;
}

static bool same_value(const IrInst *x, const IrInst *y) {
  if (x->op != y->op || x->k != y->k || x->k2 != y->k2 || (x->op == IR_SET && x->cc != y->cc))
    return false;
  if (same_oper(x->a, y->a) && same_oper(x->b, y->b))
    return true;
  /* commutative operations, operands swapped */
  bool comm = x->op == IR_ADD || x->op == IR_MUL || x->op == IR_AND || x->op == IR_OR || x->op == IR_XOR ||
              (x->op == IR_SET && (x->cc == CC_EQ || x->cc == CC_NE));
  return comm && same_oper(x->a, y->b) && same_oper(x->b, y->a);
}

typedef struct {
  int b, i;
} Where;

void opt_cse(IrFunc *f) {
  int *ndefs = xmalloc(sizeof(int) * (f->ntemps + 1));
  ir_count(f, ndefs, NULL, NULL);
  IrCfg *g = ir_cfg(f);
  /* the candidates, in block order; a dominating one is found by a scan
   * of those before (functions are at most a few thousand instructions) */
  Where *cand = NULL;
  int ncand = 0, cap = 0;
  for (int b = 0; b < f->nblocks; b++) {
    if (g->idom[b] < 0 && b != 0)
      continue;                   /* unreachable */
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst *in = &f->blocks[b]->ins[i];
      if (!cse_op(in->op) || in->dst < 0 || (in->k != IK_I32 && in->k != IK_I64) || ndefs[in->dst] != 1 ||
          !single_def_oper(in->a, ndefs) || !single_def_oper(in->b, ndefs) ||
          (in->a.kind == OK_TEMP && in->a.temp == in->dst) || (in->b.kind == OK_TEMP && in->b.temp == in->dst))
        continue;
      bool done = false;
      for (int c = 0; c < ncand && !done; c++) {
        IrInst *first = &f->blocks[cand[c].b]->ins[cand[c].i];
        if (!same_value(first, in))
          continue;
        bool dom = cand[c].b == b ? cand[c].i < i : ir_dominates(g, cand[c].b, b);
        if (!dom)
          continue;
        int src = first->dst;
        IrKind k = in->k;
        Loc loc = in->loc;
        int dst = in->dst;
        memset(&in->a, 0, sizeof in->a);
        memset(&in->b, 0, sizeof in->b);
        in->op = IR_COPY;
        in->k = k;
        in->k2 = k;
        in->dst = dst;
        in->a = ir_temp(src);
        in->b.kind = OK_NONE;
        in->loc = loc;
        done = true;
      }
      if (done)
        continue;
      if (ncand == cap) {
        cap = cap ? 2 * cap : 32;
        cand = xrealloc(cand, sizeof *cand * cap);
      }
      cand[ncand++] = (Where){b, i};
    }
  }
  free(cand);
  ir_cfg_free(g);
  free(ndefs);
}

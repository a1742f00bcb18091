/* opt/gvn.c -- global value numbering (the "gvn" pass, -O2): an integer
 * operation whose operands have the values of an identical operation
 * that dominates it becomes a copy of the first one's result.
 *
 *     return f(i + 1, s) + f(i + 1, s + v[i]);
 *     for (...) a[i + 1] = a[i + 1] + b[i];
 *
 * compute `i + 1` twice; the second becomes a copy of the first, which
 * opt/propagate.c then reads through.  Operands are compared by value, not
 * by temp: the SSA values of opt/ssa.c, numbered so that a copy has the
 * number of what it copies -- so the loop counter `i`, a temp with several
 * definitions, is one value throughout an iteration's body, and `x = i;
 * x + 1` is `i + 1`.  Commutative operations match with their operands
 * swapped.  Only pure integer arithmetic and comparisons qualify (a
 * division by a constant other than 0 and -1 among them), never a
 * load (shared memory may change between two reads: LANGUAGE.md's thread
 * rules), a `lea` (the proof checker tracks pointers and their pending
 * indexes by where they are made) or a check.  Both results must have
 * one definition each, so that the first holds its value wherever the
 * second is read (the first dominates it); and a counter's step `t = i +
 * 1; i = t`, which opt/range.c and opt/version.c recognise once coalesced,
 * is never replaced (nbody's `j = i + 1` loop lost its bounds facts).  The
 * checker needs nothing new: a copy keeps its value's number
 * (doc/verify.md). */
#include "opt.h"

#include <stdlib.h>
#include <string.h>

/* Value numbers: per SSA value, the number of the value it equals (a
 * copy's is its source's); value 0, a temp's unknown at the entry, is
 * numbered per temp (-1 - temp), so two temps never share it. */
typedef struct {
  const IrSsa *s;
  int *vn;
} Numbers;

/* The key of operand O of the instruction at (B, I) (A: its `a`):
 * false when it cannot match anything (a symbol, a slot, a float). */
static bool oper_key(const Numbers *n, Oper o, int b, int i, bool a, long long *kind, long long *key) {
  switch (o.kind) {
  case OK_NONE: *kind = 0, *key = 0; return true;
  case OK_IMM: *kind = 1, *key = o.imm; return true;
  case OK_TEMP: {
    int v = a ? n->s->use_a[b][i] : n->s->use_b[b][i];
    *kind = 2;
    *key = v > 0 ? n->vn[v] : -1 - (long long)o.temp;
    return true;
  }
  default: return false;
  }
}

typedef struct {
  int b, i;
  long long ka, a, kb, b_;        /* the operands' keys */
} Where;

/* Whether the result of IN (index I of BL) is copied back, later in its
 * block, into a temp it reads: `t = i + 1; i = t`, a counter's step as
 * lowering writes it, which opt/coalesce.c makes `i = i + 1` for
 * opt/range.c and opt/version.c -- it must stay an addition. */
static bool steps_a_counter(const IrBlock *bl, int i, const IrInst *in) {
  for (int j = i + 1; j < bl->n; j++) {
    const IrInst *c = &bl->ins[j];
    if (c->op == IR_COPY && c->a.kind == OK_TEMP && c->a.temp == in->dst &&
        ((in->a.kind == OK_TEMP && c->dst == in->a.temp) || (in->b.kind == OK_TEMP && c->dst == in->b.temp)))
      return true;
  }
  return false;
}

static bool same_value(const IrInst *x, const Where *wx, const IrInst *y, const Where *wy) {
  if (x->op != y->op || x->k != y->k || x->k2 != y->k2 || (x->op == IR_SET && x->cc != y->cc))
    return false;
  if (wx->ka == wy->ka && wx->a == wy->a && wx->kb == wy->kb && wx->b_ == wy->b_)
    return true;
  /* commutative operations, operands swapped */
  bool comm = x->op == IR_ADD || x->op == IR_MUL || x->op == IR_AND || x->op == IR_OR || x->op == IR_XOR ||
              (x->op == IR_SET && (x->cc == CC_EQ || x->cc == CC_NE));
  return comm && wx->ka == wy->kb && wx->a == wy->b_ && wx->kb == wy->ka && wx->b_ == wy->a;
}

/* Each value's number: a copy of a temp has its source value's, found by
 * rounds until nothing changes (a loop's blocks may come before their
 * header); a copy of a temp's entry value keeps its own. */
static void number(IrFunc *f, const IrSsa *s, int *vn) {
  for (int v = 0; v < s->nvals; v++)
    vn[v] = v;
  for (bool changed = true; changed;) {
    changed = false;
    for (int b = 0; b < f->nblocks; b++) {
      if (!s->def_val[b])
        continue;
      for (int i = 0; i < f->blocks[b]->n; i++) {
        IrInst *in = &f->blocks[b]->ins[i];
        int d = s->def_val[b][i], u = s->use_a[b][i];
        if (d > 0 && in->op == IR_COPY && in->a.kind == OK_TEMP && u > 0 &&
            f->tkind[in->a.temp] == f->tkind[in->dst] && vn[d] != vn[u]) {
          vn[d] = vn[u];
          changed = true;
        }
      }
    }
  }
}

/* The reachable blocks of G (NB of them) in the dominator tree's
 * preorder, ended by -1. */
static int *dominator_preorder(const IrCfg *g, int nb) {
  /* each block's children, in block order: kids[first[b] .. first[b + 1]) */
  int *first = xmalloc(sizeof(int) * (nb + 2)), *kids = xmalloc(sizeof(int) * (nb + 1));
  memset(first, 0, sizeof(int) * (nb + 2));
  for (int c = 1; c < nb; c++)
    if (g->idom[c] >= 0)
      first[g->idom[c] + 2]++;
  for (int b = 0; b < nb; b++)
    first[b + 2] += first[b + 1];
  for (int c = 1; c < nb; c++)
    if (g->idom[c] >= 0)
      kids[first[g->idom[c] + 1]++] = c;
  int *order = xmalloc(sizeof(int) * (nb + 1)), *stack = xmalloc(sizeof(int) * (nb + 1));
  int n = 0, sp = 0;
  stack[sp++] = 0;
  while (sp) {
    int b = stack[--sp];
    order[n++] = b;
    for (int k = first[b + 1] - 1; k >= first[b]; k--) /* pushed last first: visited in block order */
      stack[sp++] = kids[k];
  }
  order[n] = -1;
  free(first);
  free(kids);
  free(stack);
  return order;
}

void opt_gvn(IrFunc *f) {
  int *ndefs = xmalloc(sizeof(int) * (f->ntemps + 1));
  ir_count(f, ndefs, NULL, NULL);
  IrCfg *g = ir_cfg(f);
  IrSsa *s = ir_ssa(f, g);
  Numbers n = {.s = s, .vn = xmalloc(sizeof(int) * (s->nvals + 1))};
  number(f, s, n.vn);
  /* the candidates, in the dominator tree's preorder: a block comes after
   * every block that dominates it, so a loop's test (`i + 1 < n` in its
   * header, laid out after the body) is found before the body's `a[i +
   * 1]`.  A dominating one is found by a scan of those before (functions
   * are at most a few thousand instructions). */
  int nb = f->nblocks, *order = dominator_preorder(g, nb);
  Where *cand = NULL;
  int ncand = 0, cap = 0;
  for (int ob = 0; order[ob] >= 0; ob++) {
    int b = order[ob];
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst *in = &f->blocks[b]->ins[i];
      Where w = {b, i, 0, 0, 0, 0};
      if (!(opt_pure_int_op(in->op) || opt_div_cannot_trap(in)) || in->dst < 0 || (in->k != IK_I32 && in->k != IK_I64) || ndefs[in->dst] != 1 ||
          (in->a.kind == OK_TEMP && in->a.temp == in->dst) || (in->b.kind == OK_TEMP && in->b.temp == in->dst) ||
          !oper_key(&n, in->a, b, i, true, &w.ka, &w.a) || !oper_key(&n, in->b, b, i, false, &w.kb, &w.b_) ||
          steps_a_counter(f->blocks[b], i, in))
        continue;
      bool done = false;
      for (int c = 0; c < ncand && !done; c++) {
        IrInst *first = &f->blocks[cand[c].b]->ins[cand[c].i];
        if (!same_value(first, &cand[c], in, &w))
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
      cand[ncand++] = w;
    }
  }
  free(cand);
  free(order);
  free(n.vn);
  ir_ssa_free(s);
  ir_cfg_free(g);
  free(ndefs);
}

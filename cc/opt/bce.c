/* opt/bce.c -- bounds-check elimination (the "local-bounds" and
 * "branch-bounds" passes): a check_bounds equal to one earlier in its
 * block (same index, same length, neither redefined since), and one that
 * the branch into its block already made (the loop test `i < lengthof(a)`
 * guarding `a[i]`).  Length words never change (LANGUAGE.md §4), which the
 * proof checker also knows: it re-derives each fact (doc/verify.md). */
#include "opt.h"

#include <stdlib.h>
#include <string.h>

static IrFunc *fn;
static int *ndefs, *nuses;
static IrInst **def_of;


/* An equal bounds check earlier in the block, nothing redefined since. */
static bool same_addr(const IrAddr *x, const IrAddr *y);

/* Whether IN redefines a temp that check C reads. */
static bool redefines_checked(const IrInst *in, const IrInst *c) {
  int t = in->dst;
  if (t < 0)
    return false;
  return (c->a.kind == OK_TEMP && t == c->a.temp) || (c->b.kind == OK_TEMP && t == c->b.temp) ||
         (c->lenmem && ((c->addr.base.kind == OK_TEMP && t == c->addr.base.temp) || t == c->addr.index));
}

/* A second check of the same index against the same length, later in the
 * same block with neither redefined in between, can never fail: the first
 * passed.  A length in an array's length word counts too -- length words
 * never change (LANGUAGE.md §4), which the checker also knows. */
static void remove_local_bounds(void) {
  for (int b = 0; b < fn->nblocks; b++) {
    IrBlock *bl = fn->blocks[b];
    for (int i = 0; i < bl->n; i++) {
      IrInst *c = &bl->ins[i];
      if (c->op != IR_CHECK_BOUNDS)
        continue;
      for (int j = i + 1; j < bl->n; j++) {
        IrInst *d = &bl->ins[j];
        if (d->op == IR_CHECK_BOUNDS && d->lenmem == c->lenmem && d->k == c->k && d->uns == c->uns &&
            ir_oper_same(d->a, c->a) && (c->lenmem ? same_addr(&d->addr, &c->addr) : ir_oper_same(d->b, c->b))) {
          d->op = IR_NOP;
          report_note(d->site, CN_REMOVED, "remove_local_bounds", c->loc,
                      "the same check at %d:%d passed just before, neither index nor length changed since",
                      c->loc.line, c->loc.col);
        }
        if (redefines_checked(d, c))
          break;
      }
    }
  }
}



/* A bounds check that the branch into its block already made: the block's
 * only way in is the edge on which its predecessor's branch established
 * X <u L (unsigned, 32 bits), and the check compares the same index temp X
 * with the same length -- the same constant, or the length word at the
 * same address that L was loaded from (length words never change) --
 * with neither redefined in between.  This is the loop test
 * `i < lengthof(a)` guarding `a[i]`.  The proof checker re-derives the
 * fact from the compare and the branch (doc/verify.md, "Facts"). */
static bool same_addr(const IrAddr *x, const IrAddr *y) {
  return x->index < 0 && y->index < 0 && x->off == y->off && x->base.kind == OK_TEMP && ir_oper_same(x->base, y->base);
}

static bool defines(const IrInst *in, Oper o) {
  return o.kind == OK_TEMP && in->dst == o.temp;
}

/* On the edge of P's branch into B: X <u L?  False when P does not end in
 * such a branch or both its edges go to B. */
static bool edge_below(const IrBlock *p, int b, Oper *x, Oper *l) {
  const IrInst *t = &p->ins[p->n - 1];
  if (t->op != IR_BR || t->k2 != IK_I32 || t->t1 == t->t2)
    return false;
  bool taken = t->t1 == b;
  switch (t->cc) {
  case CC_ULT: if (!taken) return false; *x = t->a, *l = t->b; return true;   /* a <u b */
  case CC_UGT: if (!taken) return false; *x = t->b, *l = t->a; return true;   /* b <u a */
  case CC_UGE: if (taken) return false; *x = t->a, *l = t->b; return true;    /* not a >=u b */
  case CC_ULE: if (taken) return false; *x = t->b, *l = t->a; return true;    /* not a <=u b */
  default: return false;
  }
}

/* The load of the length word that defined L in P, with its base not
 * redefined before P's branch; NULL if L came otherwise. */
static const IrInst *length_load(const IrBlock *p, Oper l) {
  if (l.kind != OK_TEMP)
    return NULL;
  for (int i = p->n - 2; i >= 0; i--) {
    const IrInst *in = &p->ins[i];
    if (in->dst != l.temp)
      continue;
    if (in->op != IR_LOAD || in->k != IK_I32 || in->mem != M_I32 || in->addr.index >= 0 ||
        in->addr.off != CK_LEN_WORD_OFFSET || in->addr.base.kind != OK_TEMP)
      return NULL;
    for (int j = i + 1; j < p->n - 1; j++)
      if (defines(&p->ins[j], in->addr.base))
        return NULL;
    return in;
  }
  return NULL;
}

/* Does instruction range [from, to) of block B define X or the base of
 * the length word's address? */
static bool range_defines(const IrBlock *b, int from, int to, Oper x, const IrInst *len) {
  for (int i = from; i < to; i++)
    if (defines(&b->ins[i], x) || (len && defines(&b->ins[i], len->addr.base)))
      return true;
  return false;
}

/* On every path from the entry of S to the check at instruction CI of
 * block B that does not pass through S again, are X and the length's base
 * left alone?  Those paths run through the blocks reachable from S
 * without re-entering it that also reach B without passing through S. */
static bool unchanged_from(int s, int b, int ci, Oper x, const IrInst *len, int *const *preds, const int *npred,
                           unsigned char *fwd, unsigned char *bwd, int *stack) {
  int nb = fn->nblocks, sp = 0;
  memset(fwd, 0, nb);
  memset(bwd, 0, nb);
  fwd[s] = 1;
  stack[sp++] = s;
  while (sp) {
    int u = stack[--sp], su[2], n = ir_succs(fn->blocks[u], su);
    for (int k = 0; k < n; k++)
      if (su[k] != s && !fwd[su[k]])
        fwd[su[k]] = 1, stack[sp++] = su[k];
  }
  bwd[b] = 1;
  stack[sp++] = b;
  while (sp) {
    int u = stack[--sp];
    if (u == s)
      continue;
    for (int k = 0; k < npred[u]; k++)
      if (!bwd[preds[u][k]])
        bwd[preds[u][k]] = 1, stack[sp++] = preds[u][k];
  }
  for (int r = 0; r < nb; r++) {
    if (!fwd[r] || !bwd[r])
      continue;
    const IrBlock *rb = fn->blocks[r];
    if (r != b) {
      if (range_defines(rb, 0, rb->n, x, len))
        return false;
      continue;
    }
    if (range_defines(rb, 0, ci, x, len))
      return false;
    /* B's own tail precedes a later visit when B leads back to itself
     * without passing through S */
    int su[2], n = ir_succs(fn->blocks[b], su);
    bool again = false;
    for (int k = 0; k < n; k++)
      again |= su[k] != s && fwd[su[k]] && bwd[su[k]];
    if (again && b != s && range_defines(rb, ci + 1, rb->n, x, len))
      return false;
  }
  return true;
}

/* A bounds check implied by a branch that dominates it: the edge P -> S
 * (S entered only by it) establishes X <u L, S dominates the check's
 * block, and X -- and the pointer whose length word L was -- are not
 * redefined on any path from S to the check that does not pass through S
 * again (which would establish the fact anew).  Nested loops: the outer
 * loop's test implies the outer index's bound in the inner body. */
static void remove_branch_bounds(void) {
  int nb = fn->nblocks;
  IrCfg *g = ir_cfg(fn);
  int **preds = g->pred, *npred = g->npred;
  unsigned char *fwd = xmalloc(nb + 1), *bwd = xmalloc(nb + 1);
  int *stack = xmalloc(sizeof(int) * (nb + 1));
  for (int b = 0; b < nb; b++) {
    IrBlock *bl = fn->blocks[b];
    for (int i = 0; i < bl->n; i++) {
      IrInst *c = &bl->ins[i];
      if (c->op != IR_CHECK_BOUNDS || c->k != IK_I32 || c->a.kind != OK_TEMP || g->idom[b] < 0)
        continue;
      for (int sb = 1; sb < nb && c->op != IR_NOP; sb++) {
        Oper x, l;
        if (npred[sb] != 1 || !edge_below(fn->blocks[preds[sb][0]], sb, &x, &l) || !ir_oper_same(x, c->a) ||
            !ir_dominates(g, sb, b))
          continue;
        const IrInst *len = length_load(fn->blocks[preds[sb][0]], l);
        const IrInst *br = &fn->blocks[preds[sb][0]]->ins[fn->blocks[preds[sb][0]]->n - 1];
        if (c->lenmem ? !len || !same_addr(&c->addr, &len->addr) : l.kind != OK_IMM || !ir_oper_same(c->b, l)) {
          report_branch(fn, c, br, REPORT_OTHER_LENGTH);
          continue;
        }
        if (unchanged_from(sb, b, i, x, len, preds, npred, fwd, bwd, stack)) {
          c->op = IR_NOP;
          report_branch(fn, c, br, REPORT_IMPLIED);
        } else {
          report_branch(fn, c, br, REPORT_CHANGED);
        }
      }
      if (check_report && c->op == IR_CHECK_BOUNDS)
        report_signed_tests(fn, g, c, b);
    }
  }
  ir_cfg_free(g);
  free(fwd);
  free(bwd);
  free(stack);
}

void opt_local_bounds(IrFunc *f) {
  opt_count_uses(f, &ndefs, &nuses, &def_of);
  fn = f;
  remove_local_bounds();
}

void opt_branch_bounds(IrFunc *f) {
  opt_count_uses(f, &ndefs, &nuses, &def_of);
  fn = f;
  remove_branch_bounds();
}

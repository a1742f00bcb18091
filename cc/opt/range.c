/* opt/range.c -- the ranges of loop counters (the "counters" pass): a
 * counter that is never negative is compared unsigned, which is the form
 * in which opt/bce.c and the proof checker see that the loop test implies
 * its bounds checks. */
#include "opt.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static IrFunc *fn;
static int *ndefs, *nuses;
static IrInst **def_of;

/* ---- loop tests of counters that are never negative ------------------------ */

/* Counters that are never negative, and how large they get.  A temp
 * qualifies when it is defined
 * in the entry block before any use there (so every use sees a
 * definition), and otherwise only by
 *   - a copy of a constant, or of another such temp;
 *   - a sum or product of such temps and non-negative constants;
 *   - an `and` with a non-negative constant (whatever the other operand);
 *   - at most one `i = i + x` (x a positive constant or such a temp) that
 *     is dominated by the true side of a test `i < C` (C a non-negative
 *     constant), the only way into that side being the test's edge.
 * By induction on the execution every value of such a temp lies in
 * [0, U) for a bound U computed from these definitions (the increment
 * adds at most U(x) to a value below C), and a temp whose U exceeds 2^31
 * does not qualify: nothing can wrap to a negative number.  The signed
 * compares of such a temp with a non-negative constant (or another such
 * temp) are then unsigned ones: turning them unsigned is what lets the
 * bounds check that a loop test implies go (remove_branch_bounds), in the
 * form the proof checker understands.  Were this
 * reasoning wrong, the program would misbehave, but the checker would
 * still refuse any access it cannot prove. */
#define NONNEG_LIMIT (1LL << 31)

typedef struct {
  bool out;            /* disqualified */
  bool entry;          /* defined in the entry block before any use there */
  IrInst *inc;         /* the one `i = i + x` */
  int inc_block;
  long long guard;     /* C of the test that guards inc, or -1 */
  long long ub;        /* exclusive upper bound of its values, or -1 unknown */
} Counter;

static Counter *ctr;

/* The bound of operand O (a constant or a counter), or -1. */
static long long oper_ub(Oper o) {
  if (o.kind == OK_IMM)
    return o.imm >= 0 && o.imm < NONNEG_LIMIT ? o.imm + 1 : -1;
  if (o.kind == OK_TEMP && !ctr[o.temp].out)
    return ctr[o.temp].ub;
  return -1;
}

/* The bound that definition IN of counter T gives, -1 if not yet known,
 * -2 if it disqualifies T. */
static long long def_ub(const IrInst *in, int t) {
  long long x, y;
  if (in->k != IK_I32)
    return -2;
  switch (in->op) {
  case IR_COPY:
    if (in->a.kind != OK_IMM && in->a.kind != OK_TEMP)
      return -2;
    return oper_ub(in->a);
  case IR_ADD:
    if (in == ctr[t].inc) {
      Oper step = in->a.kind == OK_TEMP && in->a.temp == t ? in->b : in->a;
      if ((x = oper_ub(step)) < 0)
        return -1;
      return ctr[t].guard + x;
    }
    if ((in->a.kind == OK_TEMP && in->a.temp == t) || (in->b.kind == OK_TEMP && in->b.temp == t))
      return -2;
    if ((x = oper_ub(in->a)) < 0 || (y = oper_ub(in->b)) < 0)
      return -1;
    return x + y;
  case IR_AND:
    /* a mask bounds the value, whatever the other operand */
    x = in->a.kind == OK_IMM ? in->a.imm : in->b.kind == OK_IMM ? in->b.imm : -1;
    return x >= 0 && x < NONNEG_LIMIT ? x + 1 : -2;
  case IR_MUL:
    if ((in->a.kind == OK_TEMP && in->a.temp == t) || (in->b.kind == OK_TEMP && in->b.temp == t))
      return -2;
    if ((x = oper_ub(in->a)) < 0 || (y = oper_ub(in->b)) < 0)
      return -1;
    return x > NONNEG_LIMIT || y > NONNEG_LIMIT ? -2 : x * y;
  default:
    return -2;
  }
}

static void use_counter_ranges(void) {
  int nb = fn->nblocks, nt = fn->ntemps;
  IrCfg *g = ir_cfg(fn);
  ctr = xmalloc(sizeof(Counter) * (nt + 1));
  for (int t = 0; t < nt; t++)
    ctr[t] = (Counter){.out = fn->tkind[t] != IK_I32, .inc_block = -1, .guard = -1, .ub = -1};
  /* defined first in the entry block */
  int maxu = 64, *uses = xmalloc(sizeof(int) * maxu);
  bool *seen = xmalloc(nt + 1);
  memset(seen, 0, nt + 1);
  IrBlock *b0 = fn->blocks[0];
  for (int i = 0; i < b0->n; i++) {
    IrInst *in = &b0->ins[i];
    if (in->nargs + 8 > maxu)
      uses = xrealloc(uses, sizeof(int) * (maxu = in->nargs + 8));
    int n = ir_uses(in, uses, maxu);
    for (int k = 0; k < n; k++)
      seen[uses[k]] = true;
    if (in->dst >= 0 && !seen[in->dst])
      ctr[in->dst].entry = seen[in->dst] = true;
  }
  free(seen);
  free(uses);
  /* the increments: one per counter, of itself */
  for (int b = 0; b < nb; b++)
    for (int i = 0; i < fn->blocks[b]->n; i++) {
      IrInst *in = &fn->blocks[b]->ins[i];
      int t = in->dst;
      if (t < 0 || in->op != IR_ADD || !((in->a.kind == OK_TEMP && in->a.temp == t) ||
                                          (in->b.kind == OK_TEMP && in->b.temp == t)))
        continue;
      if (ctr[t].inc)
        ctr[t].out = true;
      ctr[t].inc = in;
      ctr[t].inc_block = b;
    }
  /* the test that guards each increment */
  for (int t = 0; t < nt; t++) {
    if (!ctr[t].entry)
      ctr[t].out = true;
    if (ctr[t].out || !ctr[t].inc)
      continue;
    for (int p = 0; p < nb && ctr[t].guard < 0; p++) {
      IrInst *br = &fn->blocks[p]->ins[fn->blocks[p]->n - 1];
      if (br->op != IR_BR || br->k2 != IK_I32 || br->t1 == br->t2 || br->a.kind != OK_TEMP || br->a.temp != t ||
          br->b.kind != OK_IMM || br->b.imm < 0 || br->b.imm >= NONNEG_LIMIT)
        continue;
      int side = br->cc == CC_LT ? br->t1 : br->cc == CC_GE ? br->t2 : -1;
      if (side >= 0 && g->npred[side] == 1 && ir_dominates(g, side, ctr[t].inc_block))
        ctr[t].guard = br->b.imm;
    }
    if (ctr[t].guard < 0)
      ctr[t].out = true;
  }
  /* the bounds, recomputed from the others' until nothing changes: a
   * counter's bound is known once all its definitions' are, and a
   * counter made of a disqualified temp is unknown for good */
  long long *nu = xmalloc(sizeof(long long) * (nt + 1));
  bool settled = false;
  for (int round = 0; round < 64 && !settled; round++) {
    settled = true;
    for (int t = 0; t < nt; t++)
      nu[t] = LLONG_MIN; /* no definition seen yet */
    for (int b = 0; b < nb; b++)
      for (int i = 0; i < fn->blocks[b]->n; i++) {
        IrInst *in = &fn->blocks[b]->ins[i];
        int t = in->dst;
        if (t < 0 || ctr[t].out)
          continue;
        long long u = def_ub(in, t);
        if (u == -2 || u > NONNEG_LIMIT) {
          ctr[t].out = true;
          settled = false;
        } else if (nu[t] != -1) {
          nu[t] = u == -1 ? -1 : u > nu[t] ? u : nu[t];
        }
      }
    for (int t = 0; t < nt; t++) {
      long long u = nu[t] == LLONG_MIN ? -1 : nu[t];
      if (!ctr[t].out && u != ctr[t].ub) {
        ctr[t].ub = u;
        settled = false;
      }
    }
  }
  free(nu);
  if (!settled)
    for (int t = 0; t < nt; t++)
      ctr[t].out = true;
  for (int b = 0; b < nb; b++) {
    IrInst *br = &fn->blocks[b]->ins[fn->blocks[b]->n - 1];
    if (br->op != IR_BR || br->k2 != IK_I32 || br->a.kind != OK_TEMP || ctr[br->a.temp].out ||
        ctr[br->a.temp].ub < 0 || oper_ub(br->b) < 0)
      continue;
    switch (br->cc) {
    case CC_LT: br->cc = CC_ULT; break;
    case CC_LE: br->cc = CC_ULE; break;
    case CC_GT: br->cc = CC_UGT; break;
    case CC_GE: br->cc = CC_UGE; break;
    default: break;
    }
  }
  /* A check against a constant length at least the bound of a temp
   * made only by masks (`and` with a constant) and constants always
   * passes: a hash slot `h & (SLOTS - 1)`.  (Only these: the proof
   * checker knows a mask's bound from the `andl` itself, but not a
   * counter's outside its loop's test.) */
  long long *mask_ub = xmalloc(sizeof(long long) * (nt + 1));
  opt_count_uses(fn, &ndefs, &nuses, &def_of);
  for (int t = 0; t < nt; t++)
    mask_ub[t] = ctr[t].entry || ndefs[t] == 1 ? 0 : -1; /* every use sees a definition */
  for (int b = 0; b < nb; b++)
    for (int i = 0; i < fn->blocks[b]->n; i++) {
      IrInst *in = &fn->blocks[b]->ins[i];
      int t = in->dst;
      if (t < 0 || mask_ub[t] < 0)
        continue;
      long long u = -1;
      if (in->k == IK_I32 && in->op == IR_COPY && in->a.kind == OK_IMM)
        u = in->a.imm >= 0 && in->a.imm < NONNEG_LIMIT ? in->a.imm + 1 : -1;
      else if (in->k == IK_I32 && in->op == IR_AND && (in->a.kind == OK_IMM || in->b.kind == OK_IMM)) {
        long long m = in->a.kind == OK_IMM ? in->a.imm : in->b.imm;
        u = m >= 0 && m < NONNEG_LIMIT ? m + 1 : -1;
      }
      mask_ub[t] = u < 0 ? -1 : u > mask_ub[t] ? u : mask_ub[t];
    }
  for (int b = 0; b < nb; b++)
    for (int i = 0; i < fn->blocks[b]->n; i++) {
      IrInst *c = &fn->blocks[b]->ins[i];
      if (c->op == IR_CHECK_BOUNDS && c->k == IK_I32 && !c->lenmem && c->a.kind == OK_TEMP &&
          c->b.kind == OK_IMM && mask_ub[c->a.temp] > 0 && mask_ub[c->a.temp] <= c->b.imm) {
        c->op = IR_NOP;
        report_note(c->site, CN_REMOVED, "use_counter_ranges", c->loc,
                    "index masked: at most 0x%llx (its masks and constants), below the length %lld",
                    (unsigned long long)mask_ub[c->a.temp] - 1, c->b.imm);
      }
    }
  free(mask_ub);
  ir_cfg_free(g);
  free(ctr);
  ctr = NULL;
}

void opt_counter_ranges(IrFunc *f) {
  opt_count_uses(f, &ndefs, &nuses, &def_of);
  fn = f;
  use_counter_ranges();
}

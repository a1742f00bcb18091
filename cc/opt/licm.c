/* licm.c -- loop-invariant code motion of integer and address arithmetic.
 *
 * An instruction inside a natural loop moves to the loop's preheader when
 *   - it is pure and cannot trap (integer ADD/SUB/MUL/AND/OR/XOR/shifts/NEG/
 *     NOT/COPY and LEA, a division by a constant other than 0 and -1 --
 *     never another division, a load, a check or a call), so
 *     running it once more (the loop may run no times) or earlier changes
 *     no output and no run-time error line (LANGUAGE.md §11a);
 *   - its result is a temp defined by it alone, and every use of that temp
 *     is dominated by it (so no use can see the temp's older value);
 *   - none of its operands is defined inside the loop.
 * Moving an instruction can make another invariant (the `lea` after the
 * `mul` it uses), so each loop is scanned until nothing moves, innermost
 * loops first so that a value can travel out through several loops.
 *
 * A moved `lea` forms an element's address before the loop: the proof
 * checker accepts that only when the index is proved where the `lea`
 * now is.  The checks that would prove it are not moved, so a `lea`
 * whose index or base is checked inside the loop stays there; what the
 * pass moves out is proved by a test outside the loop (the bound an
 * outer loop's test gives, opt/bce.c remove_branch_bounds), and the checker
 * re-derives that at the preheader.  Nothing here needs the checker's
 * trust: a move it cannot prove is refused at link time, as a test of
 * the test suite would show. */
#include "../cc.h"
#include "opt.h"

#include <stdlib.h>
#include <string.h>

static bool movable_op(const IrInst *in) {
  if (in->dst < 0 || in->k != IK_I32)
    return false;
  switch (in->op) {
  case IR_COPY:
  case IR_ADD:
  case IR_SUB:
  case IR_MUL:
  case IR_AND:
  case IR_OR:
  case IR_XOR:
  case IR_SHL:
  case IR_SHR:
  case IR_SAR:
  case IR_NEG:
  case IR_NOT:
  case IR_LEA:
    return true;
  default:
    return opt_div_cannot_trap(in);
  }
}

typedef struct {
  IrFunc *f;
  IrCfg *g;
  int *ndefs;
  int *def_block, *def_index;   /* of a temp with one definition */
  char *in_loop;                /* per block, for the loop being moved out of */
  char *defined_in_loop;        /* per temp */
  int *uses;
  int maxu;
} Licm;

static void count_defs(Licm *L) {
  IrFunc *f = L->f;
  memset(L->ndefs, 0, sizeof(int) * (f->ntemps + 1));
  for (int b = 0; b < f->nblocks; b++)
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst *in = &f->blocks[b]->ins[i];
      if (in->dst >= 0) {
        L->ndefs[in->dst]++;
        L->def_block[in->dst] = b;
        L->def_index[in->dst] = i;
      }
    }
}

/* Every use of T is in a block that T's definition dominates, after it. */
static bool def_dominates_uses(Licm *L, int t) {
  IrFunc *f = L->f;
  int db = L->def_block[t], di = L->def_index[t];
  for (int b = 0; b < f->nblocks; b++) {
    if (L->g->idom[b] < 0 && b != 0)
      continue;                   /* unreachable: never runs */
    IrBlock *bl = f->blocks[b];
    for (int i = 0; i < bl->n; i++) {
      int n = ir_uses(&bl->ins[i], L->uses, L->maxu);
      for (int k = 0; k < n; k++)
        if (L->uses[k] == t) {
          if (b == db ? i <= di : !ir_dominates(L->g, db, b))
            return false;
        }
    }
  }
  return true;
}

static bool invariant_oper(const Licm *L, Oper o) {
  return o.kind != OK_TEMP || !L->defined_in_loop[o.temp];
}

static bool invariant(const Licm *L, const IrInst *in) {
  if (!invariant_oper(L, in->a) || !invariant_oper(L, in->b))
    return false;
  if (in->op == IR_LEA) {
    if (!invariant_oper(L, in->addr.base))
      return false;
    if (in->addr.index >= 0 && L->defined_in_loop[in->addr.index])
      return false;
  }
  return true;
}

/* Whether temp T, or a temp its value is computed from by pure
 * arithmetic with one definition, is tested by a check inside the loop:
 * a `lea` whose base or index is so derived would form its address before
 * the check that proves it (the checker refuses such an address). */
static bool checked_in_loop(const Licm *L, int t, int depth) {
  IrFunc *f = L->f;
  if (t < 0)
    return false;
  for (int b = 0; b < f->nblocks; b++) {
    if (!L->in_loop[b])
      continue;
    IrBlock *bl = f->blocks[b];
    for (int i = 0; i < bl->n; i++) {
      const IrInst *c = &bl->ins[i];
      if ((c->op == IR_CHECK_BOUNDS || c->op == IR_CHECK_NULL) && c->a.kind == OK_TEMP && c->a.temp == t)
        return true;
    }
  }
  if (depth > 8 || L->ndefs[t] != 1)
    return false;
  const IrInst *d = &f->blocks[L->def_block[t]]->ins[L->def_index[t]];
  if (!movable_op(d))
    return false;
  return (d->a.kind == OK_TEMP && checked_in_loop(L, d->a.temp, depth + 1)) ||
         (d->b.kind == OK_TEMP && checked_in_loop(L, d->b.temp, depth + 1)) ||
         (d->op == IR_LEA && d->addr.base.kind == OK_TEMP && checked_in_loop(L, d->addr.base.temp, depth + 1)) ||
         (d->op == IR_LEA && checked_in_loop(L, d->addr.index, depth + 1));
}

/* Insert IN at the end of block P, before its terminator. */
static void append_before_term(IrFunc *f, int p, IrInst in) {
  ir_append(f, p, IR_NOP);
  IrBlock *pb = f->blocks[p];
  pb->ins[pb->n - 1] = pb->ins[pb->n - 2];
  pb->ins[pb->n - 2] = in;
}

/* Move what can move out of the loop of header H (blocks in L->in_loop)
 * into its preheader P; true if anything moved. */
static bool hoist_loop(Licm *L, int h, int p) {
  IrFunc *f = L->f;
  bool any = false;
  memset(L->defined_in_loop, 0, f->ntemps + 1);
  for (int b = 0; b < f->nblocks; b++)
    if (L->in_loop[b])
      for (int i = 0; i < f->blocks[b]->n; i++)
        if (f->blocks[b]->ins[i].dst >= 0)
          L->defined_in_loop[f->blocks[b]->ins[i].dst] = 1;
  for (bool moved = true; moved;) {
    moved = false;
    /* blocks in dominator order would find chains in one scan; block
     * order and a repeat find them too */
    for (int b = 0; b < f->nblocks; b++) {
      if (!L->in_loop[b])
        continue;
      IrBlock *bl = f->blocks[b];
      for (int i = 0; i < bl->n; i++) {
        IrInst *in = &bl->ins[i];
        if (!movable_op(in) || L->ndefs[in->dst] != 1 || !invariant(L, in))
          continue;
        if (!def_dominates_uses(L, in->dst))
          continue;
        if (in->op == IR_LEA && ((in->addr.base.kind == OK_TEMP && checked_in_loop(L, in->addr.base.temp, 0)) ||
                                 checked_in_loop(L, in->addr.index, 0)))
          continue;
        /* executed on every iteration? not needed: it cannot trap */
        IrInst copy = *in;
        int t = in->dst;
        memset(in, 0, sizeof *in);
        in->op = IR_NOP;
        in->dst = -1;
        in->addr.index = -1;
        in->addr.scale = 1;
        /* an inlined copy's entry stays where it was (-g, dwarf.c) */
        in->inl = copy.inl;
        in->inl_entry = copy.inl_entry;
        copy.inl_entry = false;
        append_before_term(f, p, copy);
        L->defined_in_loop[t] = 0;
        L->def_block[t] = p;
        L->def_index[t] = f->blocks[p]->n - 2;
        (void)h;
        moved = any = true;
      }
    }
  }
  return any;
}

/* The preheader of header H: its one predecessor outside the loop, if
 * that block's only successor is H; -1 otherwise. */
static int preheader(const Licm *L, int h) {
  int p = -1;
  for (int k = 0; k < L->g->npred[h]; k++) {
    int q = L->g->pred[h][k];
    if (L->in_loop[q])
      continue;
    if (p >= 0)
      return -1;
    p = q;
  }
  if (p < 0)
    return -1;
  int s[2];
  if (ir_succs(L->f->blocks[p], s) != 1)
    return -1;
  return p;
}

void opt_licm(IrFunc *f) {
  int nb = f->nblocks, nt = f->ntemps;
  if (nb == 0)
    return;
  Licm L = {.f = f};
  L.g = ir_cfg(f);
  L.ndefs = xmalloc(sizeof(int) * (nt + 1));
  L.def_block = xmalloc(sizeof(int) * (nt + 1));
  L.def_index = xmalloc(sizeof(int) * (nt + 1));
  L.defined_in_loop = xmalloc(nt + 1);
  L.in_loop = xmalloc(nb + 1);
  L.maxu = ir_max_uses(f);
  L.uses = xmalloc(sizeof(int) * L.maxu);
  int *stack = xmalloc(sizeof(int) * (nb + 1));
  count_defs(&L);
  /* innermost loops first: a loop's size orders it after the loops it
   * contains */
  int *hdr = xmalloc(sizeof(int) * nb), *size = xmalloc(sizeof(int) * nb), nh = 0;
  for (int h = 0; h < nb; h++) {
    if (L.g->idom[h] < 0)
      continue;
    int n = ir_natural_loop(L.g, h, L.in_loop, stack);
    if (n > 0) {
      hdr[nh] = h;
      size[nh++] = n;
    }
  }
  for (int i = 1; i < nh; i++)
    for (int k = i; k > 0 && size[k - 1] > size[k]; k--) {
      int t = hdr[k];
      hdr[k] = hdr[k - 1];
      hdr[k - 1] = t;
      t = size[k];
      size[k] = size[k - 1];
      size[k - 1] = t;
    }
  for (int i = 0; i < nh; i++) {
    int h = hdr[i];
    ir_natural_loop(L.g, h, L.in_loop, stack);
    int p = preheader(&L, h);
    if (p < 0)
      continue;
    /* instructions move within blocks: positions change, so recount */
    if (hoist_loop(&L, h, p))
      count_defs(&L);
  }
  free(hdr);
  free(size);
  free(stack);
  free(L.uses);
  free(L.in_loop);
  free(L.defined_in_loop);
  free(L.def_index);
  free(L.def_block);
  free(L.ndefs);
  ir_cfg_free(L.g);
}

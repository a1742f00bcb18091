/* opt/null.c -- NULL checks (the "hoist-null" and "null-checks" passes).
 * A check_null of a temp known non-null goes: the address of an object (a
 * symbol or frame slot, lea), the result of __cuckoo_new/_new_array (new
 * never returns NULL), or a temp already checked (or dereferenced) on
 * every path to here without being redefined since -- a forward "must"
 * dataflow over the blocks, with what a branch on the pointer teaches on
 * each edge.  A loop-head check of a pointer the loop never changes moves
 * before the loop. */
#include "opt.h"

#include <stdlib.h>
#include <string.h>

static IrFunc *fn;
static int *ndefs, *nuses;
static IrInst **def_of;


/* Whether the result of D is never NULL: the address of a global, of a
 * frame slot or of an element of one, a new object. */
static bool makes_nonnull(const IrInst *d) {
  if (d->op == IR_LEA && d->addr.base.kind != OK_TEMP && d->addr.base.kind != OK_NONE)
    return true;
  if (d->op == IR_COPY && (d->a.kind == OK_SYM || d->a.kind == OK_SLOT))
    return true;
  if (d->op == IR_CALL && d->sym &&
      (!strcmp(d->sym, "__cuckoo_new") || !strcmp(d->sym, "__cuckoo_new_array")))
    return true;
  return false;
}

/* T is defined once, by an instruction that makes a non-null value. */
static bool born_nonnull(int t) { return ndefs[t] == 1 && makes_nonnull(def_of[t]); }

/* Whether IN's result is non-null given the non-null temps CUR before it:
 * it makes a non-null address, or copies a temp that is non-null. */
static bool result_nonnull(const IrInst *in, const Word *cur) {
  if (makes_nonnull(in))
    return true;
  return in->op == IR_COPY && in->k == IK_I32 && in->a.kind == OK_TEMP && (cur[in->a.temp / 64] >> (in->a.temp % 64) & 1);
}

/* Whether IN, before a loop head's check, may run after the check
 * instead: it has no effect but its result and cannot trap (the loop
 * test's `i + 1` in `i + 1 < lengthof(v)`). */
static bool quiet_before_check(const IrInst *in) {
  return in->op == IR_NOP || ((opt_pure_int_op(in->op) || in->op == IR_COPY) && in->dst >= 0);
}

/* Whether one of the first K instructions of BL defines T. */
static bool defined_before(const IrBlock *bl, int k, int t) {
  for (int i = 0; i < k; i++)
    if (bl->ins[i].dst == t)
      return true;
  return false;
}

/* A loop head that begins with check_null T (after instructions that
 * only compute values: quiet_before_check) is checked again on every
 * iteration although T does not change.  When every way into the head is
 * a jump, the check moves to the end of each jumping block: executed
 * there, just before the jump, it traps at the same place with the same
 * site as before (what it moved past has no effect to see).  remove_null_checks then drops the copies on paths
 * where T is already checked -- the back edges, when the loop leaves T
 * alone -- so the check runs once, before the loop. */
static void hoist_head_null_checks(void) {
  int nb = fn->nblocks;
  int *njmp = xmalloc(sizeof(int) * (nb + 1)), *nother = xmalloc(sizeof(int) * (nb + 1));
  memset(njmp, 0, sizeof(int) * (nb + 1));
  memset(nother, 0, sizeof(int) * (nb + 1));
  for (int b = 0; b < nb; b++) {
    IrInst *t = &fn->blocks[b]->ins[fn->blocks[b]->n - 1];
    if (t->op == IR_JMP && t->t1 != b)
      njmp[t->t1]++;
    else if (t->op == IR_JMP)
      nother[t->t1]++;
    else if (t->op == IR_BR)
      nother[t->t1]++, nother[t->t2]++;
  }
  for (int h = 1; h < nb; h++) {
    IrBlock *hb = fn->blocks[h];
    int k = 0;
    while (k < hb->n && quiet_before_check(&hb->ins[k]))
      k++;
    if (njmp[h] < 2 || nother[h] || k >= hb->n || hb->ins[k].op != IR_CHECK_NULL || hb->ins[k].a.kind != OK_TEMP ||
        defined_before(hb, k, hb->ins[k].a.temp))
      continue;
    IrInst chk = hb->ins[k];
    report_note(chk.site, CN_MOVED, "hoist_head_null_checks", hb->ins[hb->n - 1].loc, "moved");
    for (int p = 0; p < nb; p++) {
      IrBlock *pb = fn->blocks[p];
      if (p == h || pb->ins[pb->n - 1].op != IR_JMP || pb->ins[pb->n - 1].t1 != h)
        continue;
      ir_append(fn, p, IR_NOP);
      pb->ins[pb->n - 1] = pb->ins[pb->n - 2];
      pb->ins[pb->n - 2] = chk;
    }
    hb->ins[k].op = IR_NOP;
    hb->ins[k].a.kind = OK_NONE;
  }
  free(njmp);
  free(nother);
}

/* The temp that the edge P -> B proves non-null: P ends with a test of
 * it against 0 (`br.ne t, 0` taken, `br.eq t, 0` not taken) and the other
 * edge goes elsewhere; -1 if none. */
static int edge_nonnull(int p, int b) {
  IrBlock *pb = fn->blocks[p];
  IrInst *t = &pb->ins[pb->n - 1];
  if (t->op != IR_BR || t->k2 != IK_I32 || t->a.kind != OK_TEMP || t->b.kind != OK_IMM || t->b.imm != 0 ||
      t->t1 == t->t2)
    return -1;
  if ((t->cc == CC_NE && t->t1 == b) || (t->cc == CC_EQ && t->t2 == b))
    return t->a.temp;
  return -1;
}

/* Forward must-analysis: temps non-null at each block's entry. */
static void remove_null_checks(void) {
  int nt = fn->ntemps, nb = fn->nblocks;
  int nw = nt / 64 + 1;
  Word *in_s = xmalloc(sizeof(Word) * nw * nb);
  Word *out_s = xmalloc(sizeof(Word) * nw * nb);
  bool *has_pred = xmalloc(nb + 1);
  /* start from "everything" except at the entry */
  for (int b = 0; b < nb; b++)
    for (int w = 0; w < nw; w++)
      out_s[(size_t)b * nw + w] = ~0ULL;
  Word *cur = xmalloc(sizeof(Word) * nw);
  /* predecessor lists, computed once */
  int *npred = xmalloc(sizeof(int) * (nb + 1));
  int **preds = xmalloc(sizeof(int *) * (nb + 1));
  for (int pass = 0; pass < 2; pass++) {
    for (int b = 0; b < nb; b++) {
      if (pass == 1)
        preds[b] = xmalloc(sizeof(int) * (npred[b] + 1));
      npred[b] = 0;
    }
    for (int p = 0; p < nb; p++) {
      IrBlock *pb = fn->blocks[p];
      IrInst *t = &pb->ins[pb->n - 1];
      int succ[2], ns = 0;
      if (t->op == IR_JMP)
        succ[ns++] = t->t1;
      else if (t->op == IR_BR) {
        succ[ns++] = t->t1;
        if (t->t2 != t->t1)
          succ[ns++] = t->t2;
      }
      for (int k = 0; k < ns; k++) {
        if (pass == 1)
          preds[succ[k]][npred[succ[k]]] = p;
        npred[succ[k]]++;
      }
    }
  }
  /* Iterate to the fixed point: starting from "everything", the sets only
     shrink, so this terminates; stopping earlier would leave a block whose
     predecessors were not yet visited believing every temp non-null (a
     long backward chain of gotos needs one round per link). */
  bool changed = true;
  while (changed) {
    changed = false;
    for (int b = 0; b < nb; b++) {
      Word *I = in_s + (size_t)b * nw;
      if (b == 0) {
        memset(I, 0, sizeof(Word) * nw);
      } else {
        for (int w = 0; w < nw; w++)
          I[w] = ~0ULL;
        has_pred[b] = npred[b] > 0;
        for (int k = 0; k < npred[b]; k++) {
          int p = preds[b][k];
          int t = edge_nonnull(p, b);
          for (int w = 0; w < nw; w++)
            I[w] &= out_s[(size_t)p * nw + w] | (t >= 0 && t / 64 == w ? 1ULL << (t % 64) : 0);
        }
        if (!has_pred[b])
          memset(I, 0, sizeof(Word) * nw);
      }
      memcpy(cur, I, sizeof(Word) * nw);
      IrBlock *bl = fn->blocks[b];
      for (int i = 0; i < bl->n; i++) {
        IrInst *in = &bl->ins[i];
        if (in->dst >= 0) {
          bool nn = result_nonnull(in, cur);
          cur[in->dst / 64] &= ~(1ULL << (in->dst % 64));
          if (nn)
            cur[in->dst / 64] |= 1ULL << (in->dst % 64);
        }
        if (in->op == IR_CHECK_NULL && in->a.kind == OK_TEMP)
          cur[in->a.temp / 64] |= 1ULL << (in->a.temp % 64);
      }
      Word *O = out_s + (size_t)b * nw;
      if (memcmp(O, cur, sizeof(Word) * nw)) {
        memcpy(O, cur, sizeof(Word) * nw);
        changed = true;
      }
    }
  }
  /* remove the checks of temps already known non-null */
  for (int b = 0; b < nb; b++) {
    memcpy(cur, in_s + (size_t)b * nw, sizeof(Word) * nw);
    IrBlock *bl = fn->blocks[b];
    for (int i = 0; i < bl->n; i++) {
      IrInst *in = &bl->ins[i];
      if (in->op == IR_CHECK_NULL && in->a.kind == OK_TEMP) {
        int t = in->a.temp;
        if (cur[t / 64] >> (t % 64) & 1) {
          in->op = IR_NOP;
          if (check_report)
            report_note(in->site, CN_REMOVED, "remove_null_checks", in->loc, "%s",
                        !born_nonnull(t) ? "checked or tested non-null on every path to here, and not changed since"
                        : def_of[t]->op == IR_CALL ? "the result of new, which is never NULL"
                                                   : "the pointer is an object's address");
        } else
          cur[t / 64] |= 1ULL << (t % 64);
      }
      if (in->dst >= 0) {
        bool nn = result_nonnull(in, cur);
        cur[in->dst / 64] &= ~(1ULL << (in->dst % 64));
        if (nn)
          cur[in->dst / 64] |= 1ULL << (in->dst % 64);
      }
    }
  }
  for (int b = 0; b < nb; b++)
    free(preds[b]);
  free(preds);
  free(npred);
  free(in_s);
  free(out_s);
  free(has_pred);
  free(cur);
}

void opt_hoist_null_checks(IrFunc *f) {
  opt_count_uses(f, &ndefs, &nuses, &def_of);
  fn = f;
  hoist_head_null_checks();
}

void opt_null_checks(IrFunc *f) {
  opt_count_uses(f, &ndefs, &nuses, &def_of);
  fn = f;
  remove_null_checks();
}

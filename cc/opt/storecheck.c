/* storecheck.c -- remove the store checks (check_store, LANGUAGE.md §13.3)
 * that cannot fail.
 *
 * Lowering puts a check_store before every store through a pointer and
 * every store into a global by name: inside a protection domain, neither
 * may reach the program's static storage.  A check can go when, on every
 * path to it,
 *   - its pointer was checked before and has not changed since, or is the
 *     address of something in this function's frame, or a new object
 *     (new, new[], renew, chan_recv: the allocator's memory is never
 *     static), or a copy of such a pointer, or an address inside one; or
 *   - a store into a global by name was checked before: that check traps
 *     inside a domain, so past it the activation runs outside every
 *     domain, and it stays outside until it returns (the runtime changes
 *     the thread's domain only around a call and restores it before the
 *     call returns), so no later store of this activation needs a check.
 * A forward must-analysis over the blocks, like remove_null_checks.  The
 * proof checker re-derives all of it (tld/verify.c: a pointer's `store`
 * attribute, the state's `nodom`), so nothing here is trusted. */
#include "../cc.h"

#include <stdlib.h>
#include <string.h>

typedef unsigned long long Word;

/* Whether D makes a pointer that is never static storage by itself. */
static bool makes_storable(const IrInst *d) {
  if (d->op == IR_LEA && d->addr.base.kind == OK_SLOT)
    return true;
  if (d->op == IR_COPY && d->a.kind == OK_SLOT)
    return true;
  if (d->op == IR_CALL && d->sym &&
      (!strcmp(d->sym, "__cuckoo_new") || !strcmp(d->sym, "__cuckoo_new_array") ||
       !strcmp(d->sym, "__cuckoo_renew") || !strcmp(d->sym, "__cuckoo_chan_recv") ||
       !strcmp(d->sym, "__cuckoo_chan_recv_array")))
    return true;
  return false;
}

static bool bit(const Word *s, int t) { return s[t / 64] >> (t % 64) & 1; }
static void set_bit(Word *s, int t) { s[t / 64] |= 1ULL << (t % 64); }
static void clear_bit(Word *s, int t) { s[t / 64] &= ~(1ULL << (t % 64)); }

/* The state after IN: bit ntemps is "outside every domain". */
static void transfer(const IrInst *in, Word *cur, int nt) {
  if (in->op == IR_CHECK_STORE) {
    if (in->a.kind == OK_TEMP)
      set_bit(cur, in->a.temp);
    else if (in->a.kind == OK_SYM)
      set_bit(cur, nt);
  }
  if (in->dst >= 0) {
    int d = in->dst;
    bool s = makes_storable(in) ||
             (in->op == IR_COPY && in->k == IK_I32 && in->a.kind == OK_TEMP && bit(cur, in->a.temp)) ||
             (in->op == IR_LEA && in->addr.base.kind == OK_TEMP && bit(cur, in->addr.base.temp));
    if (s)
      set_bit(cur, d);
    else
      clear_bit(cur, d);
  }
}

/* Whether the check IN cannot fail in state CUR. */
static bool check_passes(const IrInst *in, const Word *cur, int nt) {
  if (bit(cur, nt))
    return true;
  return in->a.kind == OK_TEMP && bit(cur, in->a.temp);
}

void opt_remove_store_checks(IrFunc *f) {
  int nt = f->ntemps, nb = f->nblocks;
  int nw = (nt + 1) / 64 + 1;
  Word *in_s = xmalloc(sizeof(Word) * (size_t)nw * (size_t)nb);
  Word *out_s = xmalloc(sizeof(Word) * (size_t)nw * (size_t)nb);
  Word *cur = xmalloc(sizeof(Word) * (size_t)nw);
  /* predecessors of the reachable blocks (an unreachable one has none) */
  IrCfg *g = ir_cfg(f);
  int *npred = g->npred, **preds = g->pred;
  /* from "everything" down to the fixed point (sets only shrink) */
  for (size_t i = 0; i < (size_t)nw * (size_t)nb; i++)
    out_s[i] = ~0ULL;
  bool changed = true;
  while (changed) {
    changed = false;
    for (int b = 0; b < nb; b++) {
      Word *I = in_s + (size_t)b * nw;
      if (b == 0 || npred[b] == 0) {
        memset(I, 0, sizeof(Word) * nw);
      } else {
        for (int w = 0; w < nw; w++)
          I[w] = ~0ULL;
        for (int k = 0; k < npred[b]; k++)
          for (int w = 0; w < nw; w++)
            I[w] &= out_s[(size_t)preds[b][k] * nw + w];
      }
      memcpy(cur, I, sizeof(Word) * nw);
      IrBlock *bl = f->blocks[b];
      for (int i = 0; i < bl->n; i++)
        transfer(&bl->ins[i], cur, nt);
      Word *O = out_s + (size_t)b * nw;
      if (memcmp(O, cur, sizeof(Word) * nw)) {
        memcpy(O, cur, sizeof(Word) * nw);
        changed = true;
      }
    }
  }
  for (int b = 0; b < nb; b++) {
    memcpy(cur, in_s + (size_t)b * nw, sizeof(Word) * nw);
    IrBlock *bl = f->blocks[b];
    for (int i = 0; i < bl->n; i++) {
      IrInst *in = &bl->ins[i];
      if (in->op == IR_CHECK_STORE && check_passes(in, cur, nt)) {
        if (check_report)
          report_note(in->site, CN_REMOVED, "remove_store_checks", in->loc, "%s",
                      bit(cur, nt) ? "a store into a global was checked before: this runs outside every domain"
                                   : "the pointer was checked before, or is a frame address or a new object");
        in->op = IR_NOP;
        in->a.kind = OK_NONE;
        continue;
      }
      transfer(in, cur, nt);
    }
  }
  ir_cfg_free(g);
  free(in_s);
  free(out_s);
  free(cur);
}

/* ---- the first iteration's checks, before the loop ---------------------- */

/* Whether IN has no effect but its result and cannot trap: running it
 * after a check instead of before changes nothing a program can see. */
static bool quiet_op(const IrInst *in) {
  switch (in->op) {
  case IR_NOP: case IR_COPY: case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
  case IR_SHL: case IR_SHR: case IR_SAR: case IR_NEG: case IR_NOT: case IR_SET: case IR_EXT: case IR_LEA:
  case IR_LOAD:
    return true;
  default:
    return false;
  }
}

/* A counted loop `P: i = C; jmp H; H: br i < N -> B, X; B: (quiet)
 * check_store c; ...` with C < N, constants, runs its body at least once,
 * and checks c on every iteration although, when c does not change in
 * the loop, the first iteration's check decides for all: outside a domain
 * every check passes, and inside one the first check traps.  The checks
 * are copied to the end of P: executed exactly when the first iteration's
 * were, with nothing a program can see between them (H and the start of B
 * are quiet), they trap at the same place with the same site (§11a).  The
 * checks stay in B, where remove_store_checks now finds them made on every
 * path (P, or the previous iteration) and drops them. */
static void hoist_loop(IrFunc *f, IrCfg *g, int h, char *in_loop) {
  IrBlock *hb = f->blocks[h];
  if (hb->n != 1)
    return;
  IrInst *br = &hb->ins[0];
  if (br->op != IR_BR || br->t1 == br->t2 || br->k2 != IK_I32 || (br->cc != CC_ULT && br->cc != CC_LT) ||
      br->a.kind != OK_TEMP || br->b.kind != OK_IMM)
    return;
  int p = -1, nback = 0;
  for (int k = 0; k < g->npred[h]; k++) {
    int q = g->pred[h][k];
    if (ir_dominates(g, h, q)) {
      nback++;
    } else {
      if (p >= 0)
        return;
      p = q;
    }
  }
  if (p < 0 || !nback || p == h)
    return;
  IrBlock *pb = f->blocks[p];
  long long c0, n = br->b.imm;
  if (!pb->n || pb->ins[pb->n - 1].op != IR_JMP || pb->ins[pb->n - 1].t1 != h ||
      !ir_block_sets_const(pb, br->a.temp, &c0))
    return;
  if (br->cc == CC_ULT ? !((unsigned long long)(c0 & 0xffffffffLL) < (unsigned long long)(n & 0xffffffffLL))
                       : !((int)c0 < (int)n))
    return;
  int body = br->t1;
  if (body == h || g->npred[body] != 1)
    return;
  /* the natural loop of h */
  memset(in_loop, 0, (size_t)f->nblocks);
  int *stack = xmalloc(sizeof(int) * ((size_t)f->nblocks + 1));
  int top = 0;
  in_loop[h] = 1;
  for (int k = 0; k < g->npred[h]; k++) {
    int q = g->pred[h][k];
    if (ir_dominates(g, h, q) && !in_loop[q]) {
      in_loop[q] = 1;
      stack[top++] = q;
    }
  }
  while (top > 0) {
    int b = stack[--top];
    for (int k = 0; k < g->npred[b]; k++) {
      int q = g->pred[b][k];
      if (g->idom[q] >= 0 && !in_loop[q]) {
        in_loop[q] = 1;
        stack[top++] = q;
      }
    }
  }
  free(stack);
  if (!in_loop[body] || in_loop[br->t2])
    return;
  /* the temps the loop defines */
  char *defined = xmalloc((size_t)f->ntemps + 1);
  memset(defined, 0, (size_t)f->ntemps + 1);
  for (int b = 0; b < f->nblocks; b++)
    if (in_loop[b])
      for (int i = 0; i < f->blocks[b]->n; i++)
        if (f->blocks[b]->ins[i].dst >= 0)
          defined[f->blocks[b]->ins[i].dst] = 1;
  for (int i = 0; i < f->blocks[body]->n; i++) {
    IrInst *in = &f->blocks[body]->ins[i];
    if (in->op == IR_CHECK_STORE && (in->a.kind == OK_SYM || (in->a.kind == OK_TEMP && !defined[in->a.temp]))) {
      IrInst c = *in;
      /* before P's jump */
      IrInst *last = ir_append(f, p, IR_NOP);
      IrBlock *pbb = f->blocks[p];
      *last = pbb->ins[pbb->n - 2];
      pbb->ins[pbb->n - 2] = c;
      if (check_report)
        report_note(c.site, CN_MOVED, "hoist_store_checks", hb->ins[0].loc, "moved");
      continue;
    }
    if (!quiet_op(in))
      break;
  }
  free(defined);
}

void opt_hoist_store_checks(IrFunc *f) {
  int nb = f->nblocks;
  if (!nb)
    return;
  char *in_loop = xmalloc((size_t)nb + 1);
  IrCfg *g = ir_cfg(f);
  for (int h = 0; h < nb; h++)
    if (g->idom[h] >= 0)
      hoist_loop(f, g, h, in_loop);
  ir_cfg_free(g);
  free(in_loop);
}

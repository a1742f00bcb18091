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
  int *npred = xmalloc(sizeof(int) * ((size_t)nb + 1));
  int **preds = xmalloc(sizeof(int *) * ((size_t)nb + 1));
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1)
      for (int b = 0; b < nb; b++) {
        preds[b] = xmalloc(sizeof(int) * ((size_t)npred[b] + 1));
        npred[b] = 0;
      }
    for (int p = 0; p < nb; p++) {
      IrBlock *pb = f->blocks[p];
      if (!pb->n)
        continue;
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
  for (int b = 0; b < nb; b++)
    free(preds[b]);
  free(preds);
  free(npred);
  free(in_s);
  free(out_s);
  free(cur);
}

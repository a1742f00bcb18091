/* opt/live.c -- which temps are live at each block's entry and exit, the
 * classic backward fixed point over bit sets, for dead code elimination
 * (opt/dce.c) and the register allocator (mach/regalloc.c).
 *
 * At -O0 each variable's temp is kept: treated as read by every return,
 * so that gdb finds the variable wherever it is in scope. */
#include "opt.h"

#include <string.h>

/* xmalloc zeroes what it allocates. */

bool *ir_kept_variables(IrFunc *f) {
  if (opt_level > 0 || !f->obj || f->is_thunk)
    return NULL;
  bool *kept = xmalloc(sizeof(bool) * (f->ntemps + 1));
  for (Obj *v = f->obj->locals; v; v = v->next)
    if (v->is_local && v->id > 0 && v->id - 1 < f->ntemps)
      kept[v->id - 1] = true;
  return kept;
}

IrLive *ir_live(IrFunc *f, const bool *kept) {
  int nt = f->ntemps, nb = f->nblocks;
  IrLive *l = xmalloc(sizeof *l);
  l->nw = (nt + 63) / 64 + 1;
  int nw = l->nw;
  l->in = xmalloc(sizeof(Word) * nw * nb);
  l->out = xmalloc(sizeof(Word) * nw * nb);
  Word *live = xmalloc(sizeof(Word) * nw);
  int maxu = ir_max_uses(f);
  int *uses = xmalloc(sizeof(int) * maxu);
  for (bool changed = true; changed;) {
    changed = false;
    for (int bi = nb - 1; bi >= 0; bi--) {
      IrBlock *b = f->blocks[bi];
      Word *out = l->out + (size_t)bi * nw;
      int s[2], ns = ir_succs(b, s);
      for (int k = 0; k < ns; k++)
        for (int w = 0; w < nw; w++)
          out[w] |= l->in[(size_t)s[k] * nw + w];
      if (kept && b->ins[b->n - 1].op == IR_RET)
        for (int t = 0; t < nt; t++)
          if (kept[t])
            out[t / 64] |= 1ULL << (t % 64);
      memcpy(live, out, sizeof(Word) * nw);
      for (int i = b->n - 1; i >= 0; i--) {
        IrInst *in = &b->ins[i];
        if (in->dst >= 0)
          live[in->dst / 64] &= ~(1ULL << (in->dst % 64));
        int nu = ir_uses(in, uses, maxu);
        for (int k = 0; k < nu; k++)
          live[uses[k] / 64] |= 1ULL << (uses[k] % 64);
      }
      Word *inn = l->in + (size_t)bi * nw;
      if (memcmp(inn, live, sizeof(Word) * nw)) {
        memcpy(inn, live, sizeof(Word) * nw);
        changed = true;
      }
    }
  }
  free(live);
  free(uses);
  return l;
}

void ir_live_free(IrLive *l) {
  if (!l)
    return;
  free(l->in);
  free(l->out);
  free(l);
}

/* opt/coalesce.c -- "t = op; v = copy t" made "v = op" when t has no
 * other use and v is not touched in between (the "coalesce" pass): the
 * loop counter `i = i + 1` lowered through a temp becomes one
 * instruction, the form opt/range.c recognises. */
#include "opt.h"

#include <stdlib.h>
#include <string.h>

static IrFunc *fn;
static int *ndefs, *nuses;
static IrInst **def_of;


/* Whether IN reads or writes temp V. */
static bool touches(IrInst *in, int v, int *uses, int max) {
  if (in->dst == v)
    return true;
  int n = ir_uses(in, uses, max);
  for (int k = 0; k < n; k++)
    if (uses[k] == v)
      return true;
  return false;
}

/* "t = op ...; v = copy t" with t used only there: compute into v, when
 * nothing between the two (in one block) reads or writes v -- a loop's
 * `t = s + x; ...; s = copy t` becomes `s = s + x`. */
static void coalesce(void) {
  opt_count_uses(fn, &ndefs, &nuses, &def_of);
  int max = ir_max_uses(fn);
  int *uses = xmalloc(sizeof(int) * (max + 1));
  for (int b = 0; b < fn->nblocks; b++) {
    IrBlock *bl = fn->blocks[b];
    for (int j = 1; j < bl->n; j++) {
      IrInst *c = &bl->ins[j];
      if (c->op != IR_COPY || c->a.kind != OK_TEMP || c->a.temp == c->dst)
        continue;
      int t = c->a.temp, v = c->dst;
      if (ndefs[t] != 1 || nuses[t] != 1 || fn->tkind[v] != fn->tkind[t])
        continue;
      int i = j - 1;
      while (i >= 0 && bl->ins[i].dst != t && !touches(&bl->ins[i], v, uses, max))
        i--;
      if (i < 0 || bl->ins[i].dst != t)
        continue;
      IrInst *d = &bl->ins[i];
      if (d->op == IR_CALL)
        continue;
      d->dst = v;
      c->op = IR_NOP;
      c->dst = -1;
      c->a.kind = OK_NONE;
    }
  }
  free(uses);
}

void opt_coalesce(IrFunc *f) {
  opt_count_uses(f, &ndefs, &nuses, &def_of);
  fn = f;
  coalesce();
}

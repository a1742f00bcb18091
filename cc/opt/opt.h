/* opt/opt.h -- what the passes of cc/opt/ share.  The pass list is
 * cc/pass.c; each pass's entry point is declared in cc.h. */
#ifndef CUCKOO_OPT_H
#define CUCKOO_OPT_H
#include "../cc.h"

#include <stdlib.h>

/* A bit set of temps (or blocks), 64 to a word. */
typedef unsigned long long Word;

/* Fresh use counts of F's temps into *NDEFS, *NUSES and *DEF_OF (each
 * ntemps + 1 entries; the old arrays are freed): ir_count's. */
static inline void opt_count_uses(IrFunc *f, int **ndefs, int **nuses, IrInst ***def_of) {
  int nt = f->ntemps;
  free(*ndefs);
  free(*nuses);
  free(*def_of);
  *ndefs = xmalloc(sizeof(int) * (nt + 1));
  *nuses = xmalloc(sizeof(int) * (nt + 1));
  *def_of = xmalloc(sizeof(IrInst *) * (nt + 1));
  ir_count(f, *ndefs, *nuses, *def_of);
}

#endif

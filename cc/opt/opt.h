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

/* opt/ssa.c: the SSA values of F's temps, as an analysis (the IR stays
 * as it is).  Value 0 is a temp's unknown value at the entry; every other
 * value is an instruction's result (val_def) or a phi (val_def NULL) at
 * the start of its block, whose inputs phi_in[v][k] come in along
 * g->pred[block][k]. */
typedef struct {
  const IrCfg *g;
  int nvals, cap_vals;
  int *val_temp;                  /* the temp a value is of (-1 for value 0) */
  int *val_block;
  IrInst **val_def;
  int **phi_in;
  int *nphi, **phi;               /* per block: its phis' values */
  int **use_a, **use_b;           /* per block, per instruction: the value its a / b
                                     operand reads (-1: not a temp) */
  int **use_x;                    /* ... the value its address's index reads (-1: none) */
  int **def_val;                  /* per block, per instruction: the value it defines, or -1 */
} IrSsa;
IrSsa *ir_ssa(IrFunc *f, const IrCfg *g);
void ir_ssa_free(IrSsa *s);

/* opt/propagate.c: the integer operations that are functions of their
 * operands alone -- no memory, no trap (what opt_fold folds, what gvn
 * numbers). */
bool opt_pure_int_op(IrOp op);
/* opt/propagate.c: whether IN is an integer division or remainder by a
 * constant that is neither 0 nor (signed) -1: the only divisors with
 * which x86's div traps, so such a division is as pure as an add (no
 * check_div guards it) and may be numbered and hoisted like one. */
bool opt_div_cannot_trap(const IrInst *in);
/* opt/propagate.c: whether operand `a` of IN may become a constant: not
 * the pointer of an indirect call, nor the operand of ext, cvt,
 * check_null, check_cast or check_store, whose expansions want a temp. */
bool opt_a_takes_constant(const IrInst *in);
/* opt/propagate.c: IN's constant operands folded (a BR on constants
 * becomes a JMP, an operation a copy of its result); whether it changed. */
bool opt_fold(IrInst *in);

#endif

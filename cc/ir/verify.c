/* ir/verify.c -- the IR verifier, run after lowering and after every
 * pass of the optimiser (and on IR read back from text): an internal error
 * names the pass that broke an invariant and prints the function. */
#include "cc.h"

static void verify_fail(IrFunc *f, const char *after, int b, int i, const char *what) {
  fprintf(stderr, "IR of %s after %s, b%d instruction %d:\n", f->name, after, b, i);
  ir_dump_func(f, stderr);
  die("IR verifier: after %s: %s: b%d instruction %d: %s", after, f->name, b, i, what);
}

bool ir_domain_misused(const IrInst *in) {
  bool elsewhere = in->b.kind == OK_DOMAIN || in->addr.base.kind == OK_DOMAIN || in->sret.kind == OK_DOMAIN;
  for (int k = 0; k < in->nargs; k++)
    elsewhere |= in->args[k].val.kind == OK_DOMAIN;
  if (in->a.kind != OK_DOMAIN)
    return elsewhere;
  return elsewhere || in->op != IR_BR || in->k2 != IK_I32 || (in->cc != CC_EQ && in->cc != CC_NE) ||
         in->b.kind != OK_IMM || in->b.imm != 0;
}

static bool oper_ok(const IrFunc *f, Oper o) {
  if (o.kind == OK_TEMP)
    return o.temp >= 0 && o.temp < f->ntemps;
  if (o.kind == OK_SLOT)
    return o.slot >= 0 && o.slot < f->nslots;
  return true;
}

/* The invariants every pass keeps (an internal error otherwise): every
 * block ends in its one terminator, every jump lands on a block, every
 * temp and slot named exists, a result's kind is its temp's, every check
 * has its site. */
void ir_verify(IrFunc *f, const char *after) {
  if (f->is_thunk)
    return;
  if (f->nblocks < 1)
    verify_fail(f, after, 0, 0, "no blocks");
  for (int b = 0; b < f->nblocks; b++) {
    IrBlock *bl = f->blocks[b];
    if (bl->id != b)
      verify_fail(f, after, b, 0, "the block's id is not its index");
    if (bl->n < 1 || !(ir_op_flags[bl->ins[bl->n - 1].op] & IRF_TERM))
      verify_fail(f, after, b, bl->n - 1, "the block does not end in a terminator");
    for (int i = 0; i < bl->n; i++) {
      IrInst *in = &bl->ins[i];
      unsigned fl = ir_op_flags[in->op];
      if ((fl & IRF_TERM) && i != bl->n - 1)
        verify_fail(f, after, b, i, "a terminator before the block's end");
      if (in->op == IR_JMP && (in->t1 < 0 || in->t1 >= f->nblocks))
        verify_fail(f, after, b, i, "a jump to no block");
      if (in->op == IR_BR && (in->t1 < 0 || in->t1 >= f->nblocks || in->t2 < 0 || in->t2 >= f->nblocks))
        verify_fail(f, after, b, i, "a branch to no block");
      if (in->dst >= f->ntemps || (in->dst >= 0 && !(fl & IRF_DST)))
        verify_fail(f, after, b, i, "a result temp that does not exist or an operation without a result");
      if (!oper_ok(f, in->a) || !oper_ok(f, in->b) || !oper_ok(f, in->addr.base) || !oper_ok(f, in->sret) ||
          in->addr.index >= f->ntemps)
        verify_fail(f, after, b, i, "an operand names a temp or slot that does not exist");
      for (int k = 0; k < in->nargs; k++)
        if (!oper_ok(f, in->args[k].val))
          verify_fail(f, after, b, i, "an argument names a temp or slot that does not exist");
      if (ir_domain_misused(in))
        verify_fail(f, after, b, i, "the domain flag other than as `br.eq/ne.i32 domain, 0`");
      if ((fl & IRF_CHECK) && !in->site)
        verify_fail(f, after, b, i, "a check without its site");
    }
  }
}


/* opt/propagate.c -- constant and copy propagation with folding (the
 * "propagate" pass): a temp defined once by a copy of a constant, a
 * symbol's address or another temp defined once is replaced by what it
 * holds wherever it is used; operations on constants fold, identities
 * (x + 0, x * 1 ...) become copies, branches on constants become jumps.
 * No check's outcome changes: a check whose operands became constant is
 * the business of opt/constant.c. */
#include "opt.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static IrFunc *fn;
static int *ndefs, *nuses;
static IrInst **def_of;

/* ---- constants ------------------------------------------------------------ */

static bool const_temp(Oper o, Oper *out) {
  if (o.kind != OK_TEMP || ndefs[o.temp] != 1)
    return false;
  IrInst *d = def_of[o.temp];
  if (d->op != IR_COPY)
    return false;
  if (d->a.kind == OK_IMM || d->a.kind == OK_SYM || d->a.kind == OK_FIMM) {
    *out = d->a;
    return true;
  }
  return false;
}

/* A temp defined once, by a copy of a temp that is itself defined once
 * (and of its kind): the two hold one value wherever the copy's is used,
 * so the use may read the original (an inlined call's arguments). */
static bool copied_temp(Oper o, Oper *out) {
  if (o.kind != OK_TEMP || ndefs[o.temp] != 1)
    return false;
  IrInst *d = def_of[o.temp];
  if (d->op != IR_COPY || d->a.kind != OK_TEMP || d->a.temp == o.temp || ndefs[d->a.temp] != 1 ||
      fn->tkind[d->a.temp] != fn->tkind[o.temp])
    return false;
  *out = d->a;
  return true;
}

static void subst(Oper *o) {
  Oper c;
  if (const_temp(*o, &c) || copied_temp(*o, &c))
    *o = c;
}

static long long wrap32(long long v, bool is64) { return is64 ? v : (long long)(int)v; }

bool opt_pure_int_op(IrOp op) {
  switch (op) {
  case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
  case IR_SHL: case IR_SHR: case IR_SAR: case IR_NEG: case IR_NOT: case IR_SET:
    return true;
  default:
    return false;
  }
}

bool opt_div_cannot_trap(const IrInst *in) {
  if (in->op != IR_DIV && in->op != IR_UDIV && in->op != IR_MOD && in->op != IR_UMOD)
    return false;
  if (in->b.kind != OK_IMM || (in->k != IK_I32 && in->k != IK_I64))
    return false;
  long long c = ir_imm_value(in->k, in->b.imm);
  bool uns = in->op == IR_UDIV || in->op == IR_UMOD;
  return c != 0 && (uns || c != -1);
}

bool opt_a_takes_constant(const IrInst *in) {
  return !(in->op == IR_CALL && !in->sym) && in->op != IR_EXT && in->op != IR_CVT && in->op != IR_CHECK_NULL &&
         in->op != IR_CHECK_CAST && in->op != IR_CHECK_STORE;
}

bool opt_fold(IrInst *in) {
  if (in->a.kind != OK_IMM || (in->b.kind != OK_IMM && in->b.kind != OK_NONE))
    return false;
  if (in->k != IK_I32 && in->k != IK_I64 && in->op != IR_SET && in->op != IR_BR)
    return false;
  bool is64 = in->k == IK_I64;
  long long a = in->a.imm, b = in->b.imm, r;
  unsigned long long ua = is64 ? (unsigned long long)a : (unsigned)a;
  unsigned long long ub = is64 ? (unsigned long long)b : (unsigned)b;
  switch (in->op) {
  case IR_ADD: r = (long long)((unsigned long long)a + (unsigned long long)b); break;
  case IR_SUB: r = (long long)((unsigned long long)a - (unsigned long long)b); break;
  case IR_MUL: r = (long long)((unsigned long long)a * (unsigned long long)b); break;
  case IR_AND: r = a & b; break;
  case IR_OR: r = a | b; break;
  case IR_XOR: r = a ^ b; break;
  case IR_SHL: r = (long long)(ua << (b & (is64 ? 63 : 31))); break;
  case IR_SHR: r = (long long)(ua >> (b & (is64 ? 63 : 31))); break;
  case IR_SAR: r = (is64 ? a : (int)a) >> (b & (is64 ? 63 : 31)); break;
  case IR_NEG: r = (long long)(0ULL - (unsigned long long)a); break;
  case IR_NOT: r = ~a; break;
  case IR_SET: case IR_BR: {
    if (in->k2 != IK_I32 && in->k2 != IK_I64)
      return false;
    bool w = in->k2 == IK_I64;
    long long sa = w ? a : (int)a, sb = w ? b : (int)b;
    unsigned long long xa = w ? (unsigned long long)a : (unsigned)a, xb = w ? (unsigned long long)b : (unsigned)b;
    bool t;
    switch (in->cc) {
    case CC_EQ: t = xa == xb; break;
    case CC_NE: t = xa != xb; break;
    case CC_LT: t = sa < sb; break;
    case CC_LE: t = sa <= sb; break;
    case CC_GT: t = sa > sb; break;
    case CC_GE: t = sa >= sb; break;
    case CC_ULT: t = xa < xb; break;
    case CC_ULE: t = xa <= xb; break;
    case CC_UGT: t = xa > xb; break;
    default: t = xa >= xb; break;
    }
    if (in->op == IR_BR) {
      in->op = IR_JMP;
      in->t1 = t ? in->t1 : in->t2;
      in->a.kind = in->b.kind = OK_NONE;
      return true;
    }
    r = t;
    is64 = false;
    in->k = IK_I32;
    break;
  }
  default:
    return false;
  }
  (void)ub;
  in->op = IR_COPY;
  in->a = ir_imm(wrap32(r, is64));
  in->b.kind = OK_NONE;
  return true;
}

/* x + 0, 0 + x, x - 0, x | 0, x ^ 0 (integers; wrapping, so exact)
 * become copies of x: a partly inlined base case adds its caller's
 * accumulator, which is 0 there (opt/tailrec.c). */
static bool identity(IrInst *in) {
  if ((in->k != IK_I32 && in->k != IK_I64) ||
      (in->op != IR_ADD && in->op != IR_SUB && in->op != IR_OR && in->op != IR_XOR))
    return false;
  if (in->b.kind == OK_IMM && in->b.imm == 0 && in->a.kind == OK_TEMP) {
  } else if (in->op != IR_SUB && in->a.kind == OK_IMM && in->a.imm == 0 && in->b.kind == OK_TEMP) {
    in->a = in->b;
  } else
    return false;
  in->op = IR_COPY;
  in->b.kind = OK_NONE;
  return true;
}

static void fold_addr(IrAddr *a) {
  subst(&a->base);
  if (a->base.kind == OK_IMM)
    return; /* a constant (NULL) pointer: its check traps first */
  if (a->index >= 0) {
    Oper c;
    if (const_temp(ir_temp(a->index), &c) && c.kind == OK_IMM) {
      a->off += c.imm * a->scale;
      a->index = -1;
    }
  }
  if (a->base.kind == OK_SYM || a->base.kind == OK_SLOT) {
    a->off += a->base.imm;
    a->base.imm = 0;
  }
}

static bool propagate(void) {
  bool changed = false;
  opt_count_uses(fn, &ndefs, &nuses, &def_of);
  for (int b = 0; b < fn->nblocks; b++)
    for (int i = 0; i < fn->blocks[b]->n; i++) {
      IrInst *in = &fn->blocks[b]->ins[i];
      Oper oa = in->a, ob = in->b;
      if (in->op != IR_CALL || in->sym) /* an indirect call keeps its pointer temp */
        subst(&in->a);
      subst(&in->b);
      /* a temp the expansion expects stays one, unless the value is an address */
      if (!opt_a_takes_constant(in) && (in->a.kind == OK_IMM || in->a.kind == OK_FIMM))
        in->a = oa;
      if (in->a.kind == OK_SYM && (in->op == IR_CHECK_NULL)) {
        in->op = IR_NOP; /* an object's address is never NULL */
        report_note(in->site, CN_REMOVED, "propagate", in->loc, "the pointer is the address of '%s'", in->a.sym);
      }
      if (in->a.kind == OK_SYM && in->op == IR_CHECK_CAST)
        in->a = oa;
      Oper c;
      if (copied_temp(in->addr.base, &c))
        in->addr.base = c;
      if (in->addr.index >= 0 && copied_temp(ir_temp(in->addr.index), &c))
        in->addr.index = c.temp;
      fold_addr(&in->addr);
      for (int k = 0; k < in->nargs; k++)
        subst(&in->args[k].val);
      if (in->b.kind != ob.kind || in->a.kind != oa.kind)
        changed = true;
      if (opt_fold(in) || identity(in))
        changed = true;
    }
  return changed;
}

void opt_propagate(IrFunc *f) {
  opt_count_uses(f, &ndefs, &nuses, &def_of);
  fn = f;
  for (int round = 0; round < 4 && propagate(); round++)
    ;
}

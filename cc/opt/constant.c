/* opt/constant.c -- checks decided by constants (the "constant-checks"
 * pass): a check_bounds of a constant index against a constant length, a
 * check_null of an object's address, a check_div of a constant divisor
 * that is neither 0 nor (signed) -1 always pass and go; one that always
 * fails ends its block (LANGUAGE.md §4: never remove one that can fail).
 * A constant index checked against the length word of a global array
 * that propagation made a symbol's address fails when the global's type
 * says so: its block ends too. */
#include "opt.h"
#include "abi.h"

#include <stdlib.h>
#include <string.h>

static IrFunc *fn;
static int *ndefs, *nuses;
static IrInst **def_of;

/* A check that always fails ends its block: what follows it can never
 * run, and must not be emitted either, since its addresses (a constant
 * index folded into a symbol's displacement, g+4004 for g[1000]) would
 * point outside their object, which the linker refuses.  The block then
 * ends in a jump to itself that the trap makes unreachable. */
static void end_block_at(IrBlock *bl, int b, int i) {
  for (int k = i + 1; check_report && k < bl->n; k++)
    if (bl->ins[k].op != IR_NOP)
      report_note(bl->ins[k].site, CN_REMOVED, "end_block_at", bl->ins[i].loc,
                  "unreachable: the check at %d:%d before it always fails", bl->ins[i].loc.line,
                  bl->ins[i].loc.col);
  IrInst *j = &bl->ins[i + 1];
  memset(j, 0, sizeof *j);
  j->op = IR_JMP;
  j->dst = -1;
  j->t1 = b;
  bl->n = i + 2;
}

/* The length word at byte OFF of an object of type T, when one is there
 * (its array's length: length words never change, LANGUAGE.md §4).  Not
 * inside a union, whose other members may write over it. */
static bool length_word_at(Type *t, long long off, long long *len) {
  for (;;) {
    if (t->kind == TY_ARRAY) {
      if (t->len < 0 || t->size <= 0 || !t->base || t->base->size <= 0 || off < 0)
        return false;
      if (off == 0) {
        *len = t->len;
        return true;
      }
      long long e = t->base->size, k = (off - CK_LEN_WORD_SIZE) / e;
      if (off < CK_LEN_WORD_SIZE || k >= t->len)
        return false;
      off = (off - CK_LEN_WORD_SIZE) % e;
      t = t->base;
    } else if (t->kind == TY_STRUCT && t->sdef && t->sdef->complete) {
      Member *hit = NULL;
      for (Member *m = t->sdef->members; m && !hit; m = m->next)
        if (m->ty && m->ty->size > 0 && off >= m->offset && off < m->offset + m->ty->size)
          hit = m;
      if (!hit)
        return false;
      off -= hit->offset;
      t = hit->ty;
    } else
      return false;
  }
}

/* The length word at SYM + OFF, when SYM is a global of the program whose
 * type puts one there. */
static bool static_length(const char *sym, long long off, long long *len) {
  if (!opt_globals)
    return false;                 /* IR read from text: no types */
  for (Obj *o = opt_globals->globals; o; o = o->next)
    if (!o->is_function && o->ty && o->asmname && !strcmp(o->asmname, sym))
      return length_word_at(o->ty, off, len);
  return false;
}

static void remove_constant_checks(void) {
  for (int b = 0; b < fn->nblocks; b++)
    for (int i = 0; i < fn->blocks[b]->n; i++) {
      IrBlock *bl = fn->blocks[b];
      IrInst *in = &bl->ins[i];
      bool fails = false;
      if (in->op == IR_CHECK_BOUNDS && in->a.kind == OK_IMM && !in->lenmem && in->b.kind == OK_IMM) {
        unsigned long long idx = in->k == IK_I64 ? (unsigned long long)in->a.imm : (unsigned)in->a.imm;
        if (idx < (unsigned long long)in->b.imm) {
          in->op = IR_NOP;
          report_note(in->site, CN_REMOVED, "remove_constant_checks", in->loc, "constant index %llu < %lld", idx,
                      in->b.imm);
        } else
          fails = true;
      }
      long long len;
      if (in->op == IR_CHECK_BOUNDS && in->a.kind == OK_IMM && in->lenmem && in->addr.base.kind == OK_SYM &&
          in->addr.index < 0 && static_length(in->addr.base.sym, in->addr.base.imm + in->addr.off, &len)) {
        /* the access after it would point outside the object, which the
         * linker refuses; a passing one stays (the checker reads the word) */
        unsigned long long idx = in->k == IK_I64 ? (unsigned long long)in->a.imm : (unsigned)in->a.imm;
        fails = idx >= (unsigned long long)len;
      }
      /* 4294967295 as an int divisor is -1 all the same (INT_MIN / it overflows) */
      long long d = ir_imm_value(in->k, in->b.imm);
      if (in->op == IR_CHECK_DIV && in->b.kind == OK_IMM && d != 0 && (in->uns || d != -1)) {
        in->op = IR_NOP;
        report_note(in->site, CN_REMOVED, "remove_constant_checks", in->loc,
                    "constant divisor %lld, neither 0 nor -1", d);
      } else if (in->op == IR_CHECK_DIV && in->b.kind == OK_IMM && d == 0)
        fails = true;
      if ((in->op == IR_CHECK_NULL) && (in->a.kind == OK_SYM || in->a.kind == OK_SLOT)) {
        in->op = IR_NOP;
        report_note(in->site, CN_REMOVED, "remove_constant_checks", in->loc, "the pointer is an object's address");
      } else if (in->op == IR_CHECK_NULL && in->a.kind == OK_IMM && in->a.imm == 0)
        fails = true;
      if (fails && i + 1 < bl->n) {
        end_block_at(bl, b, i);
        break;
      }
    }
}

void opt_constant_checks(IrFunc *f) {
  opt_count_uses(f, &ndefs, &nuses, &def_of);
  fn = f;
  remove_constant_checks();
}

/* opt/constant.c -- checks decided by constants (the "constant-checks"
 * pass): a check_bounds of a constant index against a constant length, a
 * check_null of an object's address, a check_div of a constant divisor
 * that is neither 0 nor (signed) -1 always pass and go; one that always
 * fails ends its block (LANGUAGE.md §4: never remove one that can fail). */
#include "opt.h"

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
      if (in->op == IR_CHECK_DIV && in->b.kind == OK_IMM && in->b.imm != 0 && (in->uns || in->b.imm != -1)) {
        in->op = IR_NOP;
        report_note(in->site, CN_REMOVED, "remove_constant_checks", in->loc,
                    "constant divisor %lld, neither 0 nor -1", in->b.imm);
      } else if (in->op == IR_CHECK_DIV && in->b.kind == OK_IMM && in->b.imm == 0)
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

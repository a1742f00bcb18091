/* opt.c -- provably safe check removal and cheap clean-ups on the IR.
 *
 * A check may go only when it provably always passes (LANGUAGE.md §4:
 * "never one that can fail"):
 *  - check_bounds of a constant index against a constant length, in range;
 *  - check_null of a temp known non-null: the address of an object (a
 *    symbol or frame slot, lea), the result of __cuckoo_new/_new_array
 *    (new never returns NULL), or a temp already checked (or dereferenced)
 *    on every path to here without being redefined since (a forward
 *    "must" dataflow over the blocks);
 *  - check_bounds equal to one earlier in the same block (same index temp,
 *    same length) with neither redefined in between;
 *  - check_div of a constant divisor that is neither 0 nor (signed) -1.
 * The clean-ups (constant propagation of single-definition constants,
 * folding, branch folding, jump threading, unreachable blocks, and
 * coalescing "t = op; v = copy t") change no check's outcome.
 * Dead pure instructions are removed by the register allocator. */
#include "cc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static IrFunc *fn;
static int *ndefs, *nuses;
static IrInst **def_of;

static void count(void) {
  int nt = fn->ntemps;
  free(ndefs);
  free(nuses);
  free(def_of);
  ndefs = xmalloc(sizeof(int) * (nt + 1));
  nuses = xmalloc(sizeof(int) * (nt + 1));
  def_of = xmalloc(sizeof(IrInst *) * (nt + 1));
  ir_count(fn, ndefs, nuses, def_of);
}

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

static bool fold(IrInst *in) {
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
  count();
  for (int b = 0; b < fn->nblocks; b++)
    for (int i = 0; i < fn->blocks[b]->n; i++) {
      IrInst *in = &fn->blocks[b]->ins[i];
      Oper oa = in->a, ob = in->b;
      if (in->op != IR_CALL || in->sym) /* an indirect call keeps its pointer temp */
        subst(&in->a);
      if (in->op != IR_EXT && in->op != IR_CVT)
        subst(&in->b);
      else
        subst(&in->b);
      if (in->op == IR_EXT || in->op == IR_CVT || in->op == IR_CHECK_NULL || in->op == IR_CHECK_CAST) {
        /* these keep temps (their expansions expect them) unless the value is an address */
        if (in->a.kind == OK_IMM || in->a.kind == OK_FIMM)
          in->a = oa;
      }
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
      if (fold(in) || identity(in))
        changed = true;
    }
  return changed;
}

/* ---- checks ----------------------------------------------------------------- */

typedef unsigned long long Word;

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

/* Whether the result of D is never NULL: the address of a global, of a
 * frame slot or of an element of one, a new object. */
static bool makes_nonnull(const IrInst *d) {
  if (d->op == IR_LEA && d->addr.base.kind != OK_TEMP && d->addr.base.kind != OK_NONE)
    return true;
  if (d->op == IR_COPY && (d->a.kind == OK_SYM || d->a.kind == OK_SLOT))
    return true;
  if (d->op == IR_CALL && d->sym &&
      (!strcmp(d->sym, "__cuckoo_new") || !strcmp(d->sym, "__cuckoo_new_array")))
    return true;
  return false;
}

/* T is defined once, by an instruction that makes a non-null value. */
static bool born_nonnull(int t) { return ndefs[t] == 1 && makes_nonnull(def_of[t]); }

/* Whether IN's result is non-null given the non-null temps CUR before it:
 * it makes a non-null address, or copies a temp that is non-null. */
static bool result_nonnull(const IrInst *in, const Word *cur) {
  if (makes_nonnull(in))
    return true;
  return in->op == IR_COPY && in->k == IK_I32 && in->a.kind == OK_TEMP && (cur[in->a.temp / 64] >> (in->a.temp % 64) & 1);
}

/* A loop head that begins with check_null T is checked again on every
 * iteration although T does not change.  When every way into the head is
 * a jump, the check moves to the end of each jumping block: executed
 * there, just before the jump, it traps at the same place with the same
 * site as before.  remove_null_checks then drops the copies on paths
 * where T is already checked -- the back edges, when the loop leaves T
 * alone -- so the check runs once, before the loop. */
static void hoist_head_null_checks(void) {
  int nb = fn->nblocks;
  int *njmp = xmalloc(sizeof(int) * (nb + 1)), *nother = xmalloc(sizeof(int) * (nb + 1));
  memset(njmp, 0, sizeof(int) * (nb + 1));
  memset(nother, 0, sizeof(int) * (nb + 1));
  for (int b = 0; b < nb; b++) {
    IrInst *t = &fn->blocks[b]->ins[fn->blocks[b]->n - 1];
    if (t->op == IR_JMP && t->t1 != b)
      njmp[t->t1]++;
    else if (t->op == IR_JMP)
      nother[t->t1]++;
    else if (t->op == IR_BR)
      nother[t->t1]++, nother[t->t2]++;
  }
  for (int h = 1; h < nb; h++) {
    IrBlock *hb = fn->blocks[h];
    int k = 0;
    while (k < hb->n && hb->ins[k].op == IR_NOP)
      k++;
    if (njmp[h] < 2 || nother[h] || k >= hb->n || hb->ins[k].op != IR_CHECK_NULL || hb->ins[k].a.kind != OK_TEMP)
      continue;
    IrInst chk = hb->ins[k];
    report_note(chk.site, CN_MOVED, "hoist_head_null_checks", hb->ins[hb->n - 1].loc, "moved");
    for (int p = 0; p < nb; p++) {
      IrBlock *pb = fn->blocks[p];
      if (p == h || pb->ins[pb->n - 1].op != IR_JMP || pb->ins[pb->n - 1].t1 != h)
        continue;
      ir_append(fn, p, IR_NOP);
      pb->ins[pb->n - 1] = pb->ins[pb->n - 2];
      pb->ins[pb->n - 2] = chk;
    }
    hb->ins[k].op = IR_NOP;
    hb->ins[k].a.kind = OK_NONE;
  }
  free(njmp);
  free(nother);
}

/* The temp that the edge P -> B proves non-null: P ends with a test of
 * it against 0 (`br.ne t, 0` taken, `br.eq t, 0` not taken) and the other
 * edge goes elsewhere; -1 if none. */
static int edge_nonnull(int p, int b) {
  IrBlock *pb = fn->blocks[p];
  IrInst *t = &pb->ins[pb->n - 1];
  if (t->op != IR_BR || t->k2 != IK_I32 || t->a.kind != OK_TEMP || t->b.kind != OK_IMM || t->b.imm != 0 ||
      t->t1 == t->t2)
    return -1;
  if ((t->cc == CC_NE && t->t1 == b) || (t->cc == CC_EQ && t->t2 == b))
    return t->a.temp;
  return -1;
}

/* Forward must-analysis: temps non-null at each block's entry. */
static void remove_null_checks(void) {
  int nt = fn->ntemps, nb = fn->nblocks;
  int nw = nt / 64 + 1;
  Word *in_s = xmalloc(sizeof(Word) * nw * nb);
  Word *out_s = xmalloc(sizeof(Word) * nw * nb);
  bool *has_pred = xmalloc(nb + 1);
  /* start from "everything" except at the entry */
  for (int b = 0; b < nb; b++)
    for (int w = 0; w < nw; w++)
      out_s[(size_t)b * nw + w] = ~0ULL;
  Word *cur = xmalloc(sizeof(Word) * nw);
  /* predecessor lists, computed once */
  int *npred = xmalloc(sizeof(int) * (nb + 1));
  int **preds = xmalloc(sizeof(int *) * (nb + 1));
  for (int pass = 0; pass < 2; pass++) {
    for (int b = 0; b < nb; b++) {
      if (pass == 1)
        preds[b] = xmalloc(sizeof(int) * (npred[b] + 1));
      npred[b] = 0;
    }
    for (int p = 0; p < nb; p++) {
      IrBlock *pb = fn->blocks[p];
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
  /* Iterate to the fixed point: starting from "everything", the sets only
     shrink, so this terminates; stopping earlier would leave a block whose
     predecessors were not yet visited believing every temp non-null (a
     long backward chain of gotos needs one round per link). */
  bool changed = true;
  while (changed) {
    changed = false;
    for (int b = 0; b < nb; b++) {
      Word *I = in_s + (size_t)b * nw;
      if (b == 0) {
        memset(I, 0, sizeof(Word) * nw);
      } else {
        for (int w = 0; w < nw; w++)
          I[w] = ~0ULL;
        has_pred[b] = npred[b] > 0;
        for (int k = 0; k < npred[b]; k++) {
          int p = preds[b][k];
          int t = edge_nonnull(p, b);
          for (int w = 0; w < nw; w++)
            I[w] &= out_s[(size_t)p * nw + w] | (t >= 0 && t / 64 == w ? 1ULL << (t % 64) : 0);
        }
        if (!has_pred[b])
          memset(I, 0, sizeof(Word) * nw);
      }
      memcpy(cur, I, sizeof(Word) * nw);
      IrBlock *bl = fn->blocks[b];
      for (int i = 0; i < bl->n; i++) {
        IrInst *in = &bl->ins[i];
        if (in->dst >= 0) {
          bool nn = result_nonnull(in, cur);
          cur[in->dst / 64] &= ~(1ULL << (in->dst % 64));
          if (nn)
            cur[in->dst / 64] |= 1ULL << (in->dst % 64);
        }
        if (in->op == IR_CHECK_NULL && in->a.kind == OK_TEMP)
          cur[in->a.temp / 64] |= 1ULL << (in->a.temp % 64);
      }
      Word *O = out_s + (size_t)b * nw;
      if (memcmp(O, cur, sizeof(Word) * nw)) {
        memcpy(O, cur, sizeof(Word) * nw);
        changed = true;
      }
    }
  }
  /* remove the checks of temps already known non-null */
  for (int b = 0; b < nb; b++) {
    memcpy(cur, in_s + (size_t)b * nw, sizeof(Word) * nw);
    IrBlock *bl = fn->blocks[b];
    for (int i = 0; i < bl->n; i++) {
      IrInst *in = &bl->ins[i];
      if (in->op == IR_CHECK_NULL && in->a.kind == OK_TEMP) {
        int t = in->a.temp;
        if (cur[t / 64] >> (t % 64) & 1) {
          in->op = IR_NOP;
          if (check_report)
            report_note(in->site, CN_REMOVED, "remove_null_checks", in->loc, "%s",
                        !born_nonnull(t) ? "checked or tested non-null on every path to here, and not changed since"
                        : def_of[t]->op == IR_CALL ? "the result of new, which is never NULL"
                                                   : "the pointer is an object's address");
        } else
          cur[t / 64] |= 1ULL << (t % 64);
      }
      if (in->dst >= 0) {
        bool nn = result_nonnull(in, cur);
        cur[in->dst / 64] &= ~(1ULL << (in->dst % 64));
        if (nn)
          cur[in->dst / 64] |= 1ULL << (in->dst % 64);
      }
    }
  }
  for (int b = 0; b < nb; b++)
    free(preds[b]);
  free(preds);
  free(npred);
  free(in_s);
  free(out_s);
  free(has_pred);
  free(cur);
}

static bool same_oper(Oper a, Oper b) {
  if (a.kind != b.kind)
    return false;
  switch (a.kind) {
  case OK_TEMP: return a.temp == b.temp;
  case OK_IMM: return a.imm == b.imm;
  default: return false;
  }
}

/* An equal bounds check earlier in the block, nothing redefined since. */
static bool same_addr(const IrAddr *x, const IrAddr *y);

/* Whether IN redefines a temp that check C reads. */
static bool redefines_checked(const IrInst *in, const IrInst *c) {
  int t = in->dst;
  if (t < 0)
    return false;
  return (c->a.kind == OK_TEMP && t == c->a.temp) || (c->b.kind == OK_TEMP && t == c->b.temp) ||
         (c->lenmem && ((c->addr.base.kind == OK_TEMP && t == c->addr.base.temp) || t == c->addr.index));
}

/* A second check of the same index against the same length, later in the
 * same block with neither redefined in between, can never fail: the first
 * passed.  A length in an array's length word counts too -- length words
 * never change (LANGUAGE.md §4), which the checker also knows. */
static void remove_local_bounds(void) {
  for (int b = 0; b < fn->nblocks; b++) {
    IrBlock *bl = fn->blocks[b];
    for (int i = 0; i < bl->n; i++) {
      IrInst *c = &bl->ins[i];
      if (c->op != IR_CHECK_BOUNDS)
        continue;
      for (int j = i + 1; j < bl->n; j++) {
        IrInst *d = &bl->ins[j];
        if (d->op == IR_CHECK_BOUNDS && d->lenmem == c->lenmem && d->k == c->k && d->uns == c->uns &&
            same_oper(d->a, c->a) && (c->lenmem ? same_addr(&d->addr, &c->addr) : same_oper(d->b, c->b))) {
          d->op = IR_NOP;
          report_note(d->site, CN_REMOVED, "remove_local_bounds", c->loc,
                      "the same check at %d:%d passed just before, neither index nor length changed since",
                      c->loc.line, c->loc.col);
        }
        if (redefines_checked(d, c))
          break;
      }
    }
  }
}

/* ---- loop tests of counters that are never negative ------------------------ */

/* Counters that are never negative, and how large they get.  A temp
 * qualifies when it is defined
 * in the entry block before any use there (so every use sees a
 * definition), and otherwise only by
 *   - a copy of a constant, or of another such temp;
 *   - a sum or product of such temps and non-negative constants;
 *   - an `and` with a non-negative constant (whatever the other operand);
 *   - at most one `i = i + x` (x a positive constant or such a temp) that
 *     is dominated by the true side of a test `i < C` (C a non-negative
 *     constant), the only way into that side being the test's edge.
 * By induction on the execution every value of such a temp lies in
 * [0, U) for a bound U computed from these definitions (the increment
 * adds at most U(x) to a value below C), and a temp whose U exceeds 2^31
 * does not qualify: nothing can wrap to a negative number.  The signed
 * compares of such a temp with a non-negative constant (or another such
 * temp) are then unsigned ones: turning them unsigned is what lets the
 * bounds check that a loop test implies go (remove_branch_bounds), in the
 * form the proof checker understands.  Were this
 * reasoning wrong, the program would misbehave, but the checker would
 * still refuse any access it cannot prove. */
#define NONNEG_LIMIT (1LL << 31)

typedef struct {
  bool out;            /* disqualified */
  bool entry;          /* defined in the entry block before any use there */
  IrInst *inc;         /* the one `i = i + x` */
  int inc_block;
  long long guard;     /* C of the test that guards inc, or -1 */
  long long ub;        /* exclusive upper bound of its values, or -1 unknown */
} Counter;

static Counter *ctr;

/* The bound of operand O (a constant or a counter), or -1. */
static long long oper_ub(Oper o) {
  if (o.kind == OK_IMM)
    return o.imm >= 0 && o.imm < NONNEG_LIMIT ? o.imm + 1 : -1;
  if (o.kind == OK_TEMP && !ctr[o.temp].out)
    return ctr[o.temp].ub;
  return -1;
}

/* The bound that definition IN of counter T gives, -1 if not yet known,
 * -2 if it disqualifies T. */
static long long def_ub(const IrInst *in, int t) {
  long long x, y;
  if (in->k != IK_I32)
    return -2;
  switch (in->op) {
  case IR_COPY:
    if (in->a.kind != OK_IMM && in->a.kind != OK_TEMP)
      return -2;
    return oper_ub(in->a);
  case IR_ADD:
    if (in == ctr[t].inc) {
      Oper step = in->a.kind == OK_TEMP && in->a.temp == t ? in->b : in->a;
      if ((x = oper_ub(step)) < 0)
        return -1;
      return ctr[t].guard + x;
    }
    if ((in->a.kind == OK_TEMP && in->a.temp == t) || (in->b.kind == OK_TEMP && in->b.temp == t))
      return -2;
    if ((x = oper_ub(in->a)) < 0 || (y = oper_ub(in->b)) < 0)
      return -1;
    return x + y;
  case IR_AND:
    /* a mask bounds the value, whatever the other operand */
    x = in->a.kind == OK_IMM ? in->a.imm : in->b.kind == OK_IMM ? in->b.imm : -1;
    return x >= 0 && x < NONNEG_LIMIT ? x + 1 : -2;
  case IR_MUL:
    if ((in->a.kind == OK_TEMP && in->a.temp == t) || (in->b.kind == OK_TEMP && in->b.temp == t))
      return -2;
    if ((x = oper_ub(in->a)) < 0 || (y = oper_ub(in->b)) < 0)
      return -1;
    return x > NONNEG_LIMIT || y > NONNEG_LIMIT ? -2 : x * y;
  default:
    return -2;
  }
}

static void use_counter_ranges(void) {
  int nb = fn->nblocks, nt = fn->ntemps;
  IrCfg *g = ir_cfg(fn);
  ctr = xmalloc(sizeof(Counter) * (nt + 1));
  for (int t = 0; t < nt; t++)
    ctr[t] = (Counter){.out = fn->tkind[t] != IK_I32, .inc_block = -1, .guard = -1, .ub = -1};
  /* defined first in the entry block */
  int maxu = 64, *uses = xmalloc(sizeof(int) * maxu);
  bool *seen = xmalloc(nt + 1);
  memset(seen, 0, nt + 1);
  IrBlock *b0 = fn->blocks[0];
  for (int i = 0; i < b0->n; i++) {
    IrInst *in = &b0->ins[i];
    if (in->nargs + 8 > maxu)
      uses = xrealloc(uses, sizeof(int) * (maxu = in->nargs + 8));
    int n = ir_uses(in, uses, maxu);
    for (int k = 0; k < n; k++)
      seen[uses[k]] = true;
    if (in->dst >= 0 && !seen[in->dst])
      ctr[in->dst].entry = seen[in->dst] = true;
  }
  free(seen);
  free(uses);
  /* the increments: one per counter, of itself */
  for (int b = 0; b < nb; b++)
    for (int i = 0; i < fn->blocks[b]->n; i++) {
      IrInst *in = &fn->blocks[b]->ins[i];
      int t = in->dst;
      if (t < 0 || in->op != IR_ADD || !((in->a.kind == OK_TEMP && in->a.temp == t) ||
                                          (in->b.kind == OK_TEMP && in->b.temp == t)))
        continue;
      if (ctr[t].inc)
        ctr[t].out = true;
      ctr[t].inc = in;
      ctr[t].inc_block = b;
    }
  /* the test that guards each increment */
  for (int t = 0; t < nt; t++) {
    if (!ctr[t].entry)
      ctr[t].out = true;
    if (ctr[t].out || !ctr[t].inc)
      continue;
    for (int p = 0; p < nb && ctr[t].guard < 0; p++) {
      IrInst *br = &fn->blocks[p]->ins[fn->blocks[p]->n - 1];
      if (br->op != IR_BR || br->k2 != IK_I32 || br->t1 == br->t2 || br->a.kind != OK_TEMP || br->a.temp != t ||
          br->b.kind != OK_IMM || br->b.imm < 0 || br->b.imm >= NONNEG_LIMIT)
        continue;
      int side = br->cc == CC_LT ? br->t1 : br->cc == CC_GE ? br->t2 : -1;
      if (side >= 0 && g->npred[side] == 1 && ir_dominates(g, side, ctr[t].inc_block))
        ctr[t].guard = br->b.imm;
    }
    if (ctr[t].guard < 0)
      ctr[t].out = true;
  }
  /* the bounds, recomputed from the others' until nothing changes: a
   * counter's bound is known once all its definitions' are, and a
   * counter made of a disqualified temp is unknown for good */
  long long *nu = xmalloc(sizeof(long long) * (nt + 1));
  bool settled = false;
  for (int round = 0; round < 64 && !settled; round++) {
    settled = true;
    for (int t = 0; t < nt; t++)
      nu[t] = LLONG_MIN; /* no definition seen yet */
    for (int b = 0; b < nb; b++)
      for (int i = 0; i < fn->blocks[b]->n; i++) {
        IrInst *in = &fn->blocks[b]->ins[i];
        int t = in->dst;
        if (t < 0 || ctr[t].out)
          continue;
        long long u = def_ub(in, t);
        if (u == -2 || u > NONNEG_LIMIT) {
          ctr[t].out = true;
          settled = false;
        } else if (nu[t] != -1) {
          nu[t] = u == -1 ? -1 : u > nu[t] ? u : nu[t];
        }
      }
    for (int t = 0; t < nt; t++) {
      long long u = nu[t] == LLONG_MIN ? -1 : nu[t];
      if (!ctr[t].out && u != ctr[t].ub) {
        ctr[t].ub = u;
        settled = false;
      }
    }
  }
  free(nu);
  if (!settled)
    for (int t = 0; t < nt; t++)
      ctr[t].out = true;
  for (int b = 0; b < nb; b++) {
    IrInst *br = &fn->blocks[b]->ins[fn->blocks[b]->n - 1];
    if (br->op != IR_BR || br->k2 != IK_I32 || br->a.kind != OK_TEMP || ctr[br->a.temp].out ||
        ctr[br->a.temp].ub < 0 || oper_ub(br->b) < 0)
      continue;
    switch (br->cc) {
    case CC_LT: br->cc = CC_ULT; break;
    case CC_LE: br->cc = CC_ULE; break;
    case CC_GT: br->cc = CC_UGT; break;
    case CC_GE: br->cc = CC_UGE; break;
    default: break;
    }
  }
  /* A check against a constant length at least the bound of a temp
   * made only by masks (`and` with a constant) and constants always
   * passes: a hash slot `h & (SLOTS - 1)`.  (Only these: the proof
   * checker knows a mask's bound from the `andl` itself, but not a
   * counter's outside its loop's test.) */
  long long *mask_ub = xmalloc(sizeof(long long) * (nt + 1));
  count();
  for (int t = 0; t < nt; t++)
    mask_ub[t] = ctr[t].entry || ndefs[t] == 1 ? 0 : -1; /* every use sees a definition */
  for (int b = 0; b < nb; b++)
    for (int i = 0; i < fn->blocks[b]->n; i++) {
      IrInst *in = &fn->blocks[b]->ins[i];
      int t = in->dst;
      if (t < 0 || mask_ub[t] < 0)
        continue;
      long long u = -1;
      if (in->k == IK_I32 && in->op == IR_COPY && in->a.kind == OK_IMM)
        u = in->a.imm >= 0 && in->a.imm < NONNEG_LIMIT ? in->a.imm + 1 : -1;
      else if (in->k == IK_I32 && in->op == IR_AND && (in->a.kind == OK_IMM || in->b.kind == OK_IMM)) {
        long long m = in->a.kind == OK_IMM ? in->a.imm : in->b.imm;
        u = m >= 0 && m < NONNEG_LIMIT ? m + 1 : -1;
      }
      mask_ub[t] = u < 0 ? -1 : u > mask_ub[t] ? u : mask_ub[t];
    }
  for (int b = 0; b < nb; b++)
    for (int i = 0; i < fn->blocks[b]->n; i++) {
      IrInst *c = &fn->blocks[b]->ins[i];
      if (c->op == IR_CHECK_BOUNDS && c->k == IK_I32 && !c->lenmem && c->a.kind == OK_TEMP &&
          c->b.kind == OK_IMM && mask_ub[c->a.temp] > 0 && mask_ub[c->a.temp] <= c->b.imm) {
        c->op = IR_NOP;
        report_note(c->site, CN_REMOVED, "use_counter_ranges", c->loc,
                    "index masked: at most 0x%llx (its masks and constants), below the length %lld",
                    (unsigned long long)mask_ub[c->a.temp] - 1, c->b.imm);
      }
    }
  free(mask_ub);
  ir_cfg_free(g);
  free(ctr);
  ctr = NULL;
}

/* A bounds check that the branch into its block already made: the block's
 * only way in is the edge on which its predecessor's branch established
 * X <u L (unsigned, 32 bits), and the check compares the same index temp X
 * with the same length -- the same constant, or the length word at the
 * same address that L was loaded from (length words never change) --
 * with neither redefined in between.  This is the loop test
 * `i < lengthof(a)` guarding `a[i]`.  The proof checker re-derives the
 * fact from the compare and the branch (doc/verify.md, "Facts"). */
static bool same_addr(const IrAddr *x, const IrAddr *y) {
  return x->index < 0 && y->index < 0 && x->off == y->off && x->base.kind == OK_TEMP && same_oper(x->base, y->base);
}

static bool defines(const IrInst *in, Oper o) {
  return o.kind == OK_TEMP && in->dst == o.temp;
}

/* On the edge of P's branch into B: X <u L?  False when P does not end in
 * such a branch or both its edges go to B. */
static bool edge_below(const IrBlock *p, int b, Oper *x, Oper *l) {
  const IrInst *t = &p->ins[p->n - 1];
  if (t->op != IR_BR || t->k2 != IK_I32 || t->t1 == t->t2)
    return false;
  bool taken = t->t1 == b;
  switch (t->cc) {
  case CC_ULT: if (!taken) return false; *x = t->a, *l = t->b; return true;   /* a <u b */
  case CC_UGT: if (!taken) return false; *x = t->b, *l = t->a; return true;   /* b <u a */
  case CC_UGE: if (taken) return false; *x = t->a, *l = t->b; return true;    /* not a >=u b */
  case CC_ULE: if (taken) return false; *x = t->b, *l = t->a; return true;    /* not a <=u b */
  default: return false;
  }
}

/* The load of the length word that defined L in P, with its base not
 * redefined before P's branch; NULL if L came otherwise. */
static const IrInst *length_load(const IrBlock *p, Oper l) {
  if (l.kind != OK_TEMP)
    return NULL;
  for (int i = p->n - 2; i >= 0; i--) {
    const IrInst *in = &p->ins[i];
    if (in->dst != l.temp)
      continue;
    if (in->op != IR_LOAD || in->k != IK_I32 || in->mem != M_I32 || in->addr.index >= 0 ||
        in->addr.off != CK_LEN_WORD_OFFSET || in->addr.base.kind != OK_TEMP)
      return NULL;
    for (int j = i + 1; j < p->n - 1; j++)
      if (defines(&p->ins[j], in->addr.base))
        return NULL;
    return in;
  }
  return NULL;
}

/* Does instruction range [from, to) of block B define X or the base of
 * the length word's address? */
static bool range_defines(const IrBlock *b, int from, int to, Oper x, const IrInst *len) {
  for (int i = from; i < to; i++)
    if (defines(&b->ins[i], x) || (len && defines(&b->ins[i], len->addr.base)))
      return true;
  return false;
}

/* On every path from the entry of S to the check at instruction CI of
 * block B that does not pass through S again, are X and the length's base
 * left alone?  Those paths run through the blocks reachable from S
 * without re-entering it that also reach B without passing through S. */
static bool unchanged_from(int s, int b, int ci, Oper x, const IrInst *len, int *const *preds, const int *npred,
                           unsigned char *fwd, unsigned char *bwd, int *stack) {
  int nb = fn->nblocks, sp = 0;
  memset(fwd, 0, nb);
  memset(bwd, 0, nb);
  fwd[s] = 1;
  stack[sp++] = s;
  while (sp) {
    int u = stack[--sp], su[2], n = ir_succs(fn->blocks[u], su);
    for (int k = 0; k < n; k++)
      if (su[k] != s && !fwd[su[k]])
        fwd[su[k]] = 1, stack[sp++] = su[k];
  }
  bwd[b] = 1;
  stack[sp++] = b;
  while (sp) {
    int u = stack[--sp];
    if (u == s)
      continue;
    for (int k = 0; k < npred[u]; k++)
      if (!bwd[preds[u][k]])
        bwd[preds[u][k]] = 1, stack[sp++] = preds[u][k];
  }
  for (int r = 0; r < nb; r++) {
    if (!fwd[r] || !bwd[r])
      continue;
    const IrBlock *rb = fn->blocks[r];
    if (r != b) {
      if (range_defines(rb, 0, rb->n, x, len))
        return false;
      continue;
    }
    if (range_defines(rb, 0, ci, x, len))
      return false;
    /* B's own tail precedes a later visit when B leads back to itself
     * without passing through S */
    int su[2], n = ir_succs(fn->blocks[b], su);
    bool again = false;
    for (int k = 0; k < n; k++)
      again |= su[k] != s && fwd[su[k]] && bwd[su[k]];
    if (again && b != s && range_defines(rb, ci + 1, rb->n, x, len))
      return false;
  }
  return true;
}

/* A bounds check implied by a branch that dominates it: the edge P -> S
 * (S entered only by it) establishes X <u L, S dominates the check's
 * block, and X -- and the pointer whose length word L was -- are not
 * redefined on any path from S to the check that does not pass through S
 * again (which would establish the fact anew).  Nested loops: the outer
 * loop's test implies the outer index's bound in the inner body. */
static void remove_branch_bounds(void) {
  int nb = fn->nblocks;
  IrCfg *g = ir_cfg(fn);
  int **preds = g->pred, *npred = g->npred;
  unsigned char *fwd = xmalloc(nb + 1), *bwd = xmalloc(nb + 1);
  int *stack = xmalloc(sizeof(int) * (nb + 1));
  for (int b = 0; b < nb; b++) {
    IrBlock *bl = fn->blocks[b];
    for (int i = 0; i < bl->n; i++) {
      IrInst *c = &bl->ins[i];
      if (c->op != IR_CHECK_BOUNDS || c->k != IK_I32 || c->a.kind != OK_TEMP || g->idom[b] < 0)
        continue;
      for (int sb = 1; sb < nb && c->op != IR_NOP; sb++) {
        Oper x, l;
        if (npred[sb] != 1 || !edge_below(fn->blocks[preds[sb][0]], sb, &x, &l) || !same_oper(x, c->a) ||
            !ir_dominates(g, sb, b))
          continue;
        const IrInst *len = length_load(fn->blocks[preds[sb][0]], l);
        const IrInst *br = &fn->blocks[preds[sb][0]]->ins[fn->blocks[preds[sb][0]]->n - 1];
        if (c->lenmem ? !len || !same_addr(&c->addr, &len->addr) : l.kind != OK_IMM || !same_oper(c->b, l)) {
          report_branch(fn, c, br, REPORT_OTHER_LENGTH);
          continue;
        }
        if (unchanged_from(sb, b, i, x, len, preds, npred, fwd, bwd, stack)) {
          c->op = IR_NOP;
          report_branch(fn, c, br, REPORT_IMPLIED);
        } else {
          report_branch(fn, c, br, REPORT_CHANGED);
        }
      }
      if (check_report && c->op == IR_CHECK_BOUNDS)
        report_signed_tests(fn, g, c, b);
    }
  }
  ir_cfg_free(g);
  free(fwd);
  free(bwd);
  free(stack);
}

/* ---- control flow ------------------------------------------------------------ */

static int thread(int b) {
  for (int hops = 0; hops < 16; hops++) {
    IrBlock *bl = fn->blocks[b];
    int k = 0;
    while (k < bl->n && bl->ins[k].op == IR_NOP)
      k++;
    if (k == bl->n - 1 && bl->ins[k].op == IR_JMP && bl->ins[k].t1 != b)
      b = bl->ins[k].t1;
    else
      break;
  }
  return b;
}

static void simplify_cfg(void) {
  for (int b = 0; b < fn->nblocks; b++) {
    IrBlock *bl = fn->blocks[b];
    IrInst *t = &bl->ins[bl->n - 1];
    if (t->op == IR_JMP)
      t->t1 = thread(t->t1);
    if (t->op == IR_BR) {
      t->t1 = thread(t->t1);
      t->t2 = thread(t->t2);
      if (t->t1 == t->t2) {
        t->op = IR_JMP;
        t->a.kind = t->b.kind = OK_NONE;
      }
    }
  }
  /* drop unreachable blocks, keeping the order of the rest */
  int nb = fn->nblocks;
  bool *reach = xmalloc(nb + 1);
  int *stack = xmalloc(sizeof(int) * (nb + 1)), sp = 0;
  reach[0] = true;
  stack[sp++] = 0;
  while (sp) {
    IrBlock *bl = fn->blocks[stack[--sp]];
    IrInst *t = &bl->ins[bl->n - 1];
    int s[2], n = 0;
    if (t->op == IR_JMP)
      s[n++] = t->t1;
    if (t->op == IR_BR)
      s[n++] = t->t1, s[n++] = t->t2;
    for (int k = 0; k < n; k++)
      if (!reach[s[k]]) {
        reach[s[k]] = true;
        stack[sp++] = s[k];
      }
  }
  for (int b = 0; check_report && b < nb; b++)
    for (int i = 0; !reach[b] && i < fn->blocks[b]->n; i++)
      if (fn->blocks[b]->ins[i].op != IR_NOP)
        report_note(fn->blocks[b]->ins[i].site, CN_REMOVED, "simplify_cfg", fn->blocks[b]->ins[i].loc,
                    "unreachable: no path leads to it");
  int *map = xmalloc(sizeof(int) * (nb + 1));
  int m = 0;
  for (int b = 0; b < nb; b++)
    if (reach[b]) {
      map[b] = m;
      fn->blocks[m] = fn->blocks[b];
      fn->blocks[m]->id = m;
      m++;
    }
  fn->nblocks = m;
  for (int b = 0; b < m; b++) {
    IrBlock *bl = fn->blocks[b];
    IrInst *t = &bl->ins[bl->n - 1];
    if (t->op == IR_JMP)
      t->t1 = map[t->t1];
    if (t->op == IR_BR)
      t->t1 = map[t->t1], t->t2 = map[t->t2];
  }
  free(reach);
  free(stack);
  free(map);
}

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
  count();
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

/* ---- the pass list --------------------------------------------------------- */

static void pass_simplify_cfg(void) { simplify_cfg(); }
static void pass_propagate(void) {
  for (int round = 0; round < 4 && propagate(); round++)
    ;
}
static void pass_inline_math(void) { opt_inline_math(fn); }
static void pass_zero_loops(void) { opt_zero_loops(fn); }
static void pass_licm(void) { opt_licm(fn); }
static void pass_version_loops(void) { opt_version_loops(fn); }
static void pass_store_checks(void) { opt_remove_store_checks(fn); }
static void pass_hoist_store_checks(void) { opt_hoist_store_checks(fn); }
static void pass_tail_recursion(void) { opt_tail_recursion(fn); }
static void pass_cse(void) {
  opt_cse(fn);
  pass_propagate();               /* uses of the copies read the first result */
}

/* Every pass of a function, in order, with the lowest level it runs at.
 * Each may assume the use counts fresh (count() runs before each), and
 * the IR is verified after each (ir_verify). */
static const struct opt_pass {
  const char *name;
  int level;
  void (*run)(void);
} opt_passes[] = {
    {"simplify-cfg", 0, pass_simplify_cfg},
    {"propagate", 0, pass_propagate},
    {"cse", 2, pass_cse},
    {"tail-recursion", 2, pass_tail_recursion},     /* early: the loop it makes is one the later passes see */
    {"inline-math", 1, pass_inline_math},           /* sqrt -> sqrtsd */
    {"constant-checks", 0, remove_constant_checks},
    {"hoist-null", 1, hoist_head_null_checks},      /* loop-head NULL checks before the loop */
    {"null-checks", 0, remove_null_checks},
    {"store-checks", 0, pass_store_checks},
    {"local-bounds", 0, remove_local_bounds},
    {"coalesce", 0, coalesce},                      /* before counters: `t = i + 1; i = t` */
    {"counters", 1, use_counter_ranges},
    {"branch-bounds", 1, remove_branch_bounds},
    {"zero-loops", 2, pass_zero_loops},             /* after branch-bounds: a checked store does not match */
    {"hoist-store", 1, pass_hoist_store_checks},    /* after the loop passes: it gives a loop two entries */
    {"store-checks-2", 1, pass_store_checks},
    {"simplify-cfg-2", 2, pass_simplify_cfg},
    {"licm", 2, pass_licm},                         /* what it moves must be proved where it lands */
    {"version", 2, pass_version_loops},             /* after licm: the invariants it moved serve both copies */
    {"simplify-cfg-3", 0, pass_simplify_cfg},
};

/* The pass after which -fdump-ir-after prints the IR, or NULL. */
const char *opt_dump_after;

/* Whether NAME names a pass (or "inline", the program's, or "all"). */
bool opt_pass_exists(const char *name) {
  if (!strcmp(name, "all") || !strcmp(name, "inline"))
    return true;
  for (size_t i = 0; i < sizeof opt_passes / sizeof *opt_passes; i++)
    if (!strcmp(opt_passes[i].name, name))
      return true;
  return false;
}

/* The names of the passes, for a usage message. */
const char *opt_pass_names(void) {
  Buf b = {0};
  for (size_t i = 0; i < sizeof opt_passes / sizeof *opt_passes; i++)
    buf_printf(&b, "%s%s", i ? ", " : "", opt_passes[i].name);
  buf_printf(&b, ", inline");
  return b.s;
}

static void after_pass(IrFunc *f, const char *name) {
  ir_verify(f, name);
  if (opt_dump_after && (!strcmp(opt_dump_after, name) || !strcmp(opt_dump_after, "all"))) {
    printf("; after %s\n", name);
    ir_dump_func(f, stdout);
    printf("\n");
  }
}

static void opt_func(IrFunc *f, int level) {
  fn = f;
  ir_verify(f, "lowering");
  for (size_t i = 0; i < sizeof opt_passes / sizeof *opt_passes; i++) {
    if (level < opt_passes[i].level)
      continue;
    count();
    opt_passes[i].run();
    after_pass(f, opt_passes[i].name);
  }
}

void opt_program(IrProgram *ir, int level) {
  for (int i = 0; i < ir->nfuncs; i++)
    if (!ir->funcs[i]->is_thunk) {
      report_begin(ir->funcs[i]);
      opt_func(ir->funcs[i], level);
    }
  if (level >= 2) {
    /* callees first optimised, then copied into their callers, which are
     * optimised again with the copies in place */
    bool *changed = opt_inline_program(ir);
    for (int i = 0; i < ir->nfuncs; i++)
      if (changed[i]) {
        after_pass(ir->funcs[i], "inline");
        opt_func(ir->funcs[i], level);
      }
    free(changed);
  }
  for (int i = 0; i < ir->nfuncs; i++)
    if (!ir->funcs[i]->is_thunk)
      report_function(ir->funcs[i]);
}

/* version.c -- loop versioning: a loop whose bounds checks its own test
 * does not imply runs without them when a test before the loop proves
 * every index in range, and as it was otherwise (-O2).
 *
 *     for (int i = 0; i < n; i++) s += v[i];
 *
 * keeps `check_bounds i, [v-4]`: `i < n` says nothing of lengthof(v)
 * (opt.c remove_branch_bounds needs the length itself in the test).  But
 * when n <=u lengthof(v), every index the loop uses is below n and so
 * below the length.  The loop is copied; before it a chain of tests
 *
 *     n <s 0 ?  i <s 0 ?  (signed tests only, below)
 *     v == 0 ?  n >u lengthof(v) ?     (each array)   -> the checked loop
 *     else                                            -> the copy
 *
 * sends every case it cannot prove to the original, checked loop, which
 * then runs exactly as before: same output, same trap at the same
 * iteration (LANGUAGE.md §11a).  The copy has no bounds check of the
 * counter against those arrays and no NULL check of them.  Nothing else
 * changes: every other check, load and store is in the copy as it was.
 *
 * The loop (conservative on purpose):
 *   - a natural loop of header H with a preheader P ending in `jmp H`;
 *     H ends in the loop's test `br`, one edge into the loop, one out,
 *     and no other block of the loop leaves it (no break, no return) --
 *     except when the guard tests only the domain flag: a loop with
 *     store checks may leave from anywhere (`while (a && b)`), since the
 *     flag's test holds for the whole activation, and its copy's exits
 *     go where the original's go;
 *   - innermost, and more: the blocks other than H have no cycle, so each
 *     iteration passes each of them at most once (for the flag alone, a
 *     loop may hold loops: quicksort's partition, nbody's pairs);
 *   - no call (a call could be inlined into both copies later; and calls
 *     are where code grows), at most VERSION_MAX_INSTS instructions
 *     (VERSION_MAX_FLAG_INSTS for the flag alone);
 *   - the test is `i < n` (or `n > i`, or their negations on the other
 *     edge), signed or unsigned, 32 bits; n is a constant or a temp the
 *     loop does not define; i is defined in the loop only by one
 *     `i = i + 1`, in a block other than H;
 *   - a removable check is `check_bounds i, [v-4]` with v a temp the loop
 *     does not define, before the increment on every path from H (in the
 *     increment's block before it, or in a block the increment's block
 *     does not reach): there i is the value the test just compared.
 * Why the copy's checks always pass: on the way into the body the test
 * gave i <u n (the copy's test is unsigned, below) and the guard gave
 * n <=u lengthof(v), so i <u lengthof(v); temps belong to the frame, and
 * length words never change (LANGUAGE.md §4), so both facts hold at the
 * check.  The proof checker of cuckoo-ld derives exactly this
 * (doc/verify.md, the rules' "Loop bounds": `i <u n` with `n <=u
 * len(v)`), so nothing here is trusted.
 *
 * A signed test `i <s n` becomes `i <u n` in the copy (the checker reads
 * unsigned tests), which is the same test when both are non-negative:
 * the guard sends n <s 0 (when n is not a constant >= 0) and an entry
 * value i <s 0 (when P does not set i to a constant >= 0) to the checked
 * loop; from i >= 0 the loop adds 1 only after i <s n passed, at most
 * once an iteration, so i stays in [0, max(i_entry, n)] and never wraps.
 *
 * The copy's header is marked `versioned` in the original (IrBlock), so
 * that the checked loop is never versioned again (opt_func runs again
 * after inlining).  Temps defined once in the loop and used only there,
 * after their definition, get new temps in the copy, so that they stay
 * defined once (what licm.c and cse.c look for); the others (the
 * counter, sums, whatever the loop leaves for after it) are shared by the
 * two copies, of which one runs. */
#include "../cc.h"

#include <stdlib.h>
#include <string.h>

#define VERSION_MAX_INSTS 60   /* instructions of a loop it copies */
#define VERSION_MAX_FLAG_INSTS 160 /* ... when the guard tests only the domain flag */
#define VERSION_MAX_ARRAYS 4   /* arrays whose length one guard tests */
#define VERSION_MAX_LOOPS 8    /* loops versioned per function and run */

typedef struct {
  IrFunc *f;
  IrCfg *g;
  char *in_loop;               /* per block: in the loop being looked at */
  char *reach;                 /* per block: reached from the increment's block */
  int *stack;
  int *ndefs;                  /* per temp: definitions in the function */
  int *ndefs_in;               /* per temp: definitions in the loop */
  int *def_block, *def_index;  /* per temp: the (last) definition's place */
  int *uses;
  int maxu;
  int *depth;                  /* per block: loop depth (opt/loop.c) */
} Ver;

/* The loop found, and what the guard tests. */
typedef struct {
  int h, p;                    /* header (ends in the test), preheader */
  int ctr;                     /* i */
  Oper bound;                  /* n */
  bool sign;                   /* the test compares signed */
  bool guard_bound, guard_ctr; /* the guard tests n >= 0, i >= 0 */
  int inc_block, inc_index;
  int arrays[VERSION_MAX_ARRAYS];
  int narrays;
  bool counted;                /* the counter's shape holds: bounds checks may go */
  int stores;                  /* store checks in the loop: the guard tests the domain flag */
} Loop;

static IrCC negate(IrCC cc) {
  switch (cc) {
  case CC_EQ: return CC_NE;
  case CC_NE: return CC_EQ;
  case CC_LT: return CC_GE;
  case CC_GE: return CC_LT;
  case CC_LE: return CC_GT;
  case CC_GT: return CC_LE;
  case CC_ULT: return CC_UGE;
  case CC_UGE: return CC_ULT;
  case CC_ULE: return CC_UGT;
  default: return CC_ULE;
  }
}

static IrCC unsigned_cc(IrCC cc) {
  switch (cc) {
  case CC_LT: return CC_ULT;
  case CC_LE: return CC_ULE;
  case CC_GT: return CC_UGT;
  case CC_GE: return CC_UGE;
  default: return cc;
  }
}

/* Do the loop's blocks other than H form no cycle?  (Depth-first, colours
 * 1 on the path, 2 done; an edge to a block on the path closes one.) */
static bool body_acyclic(Ver *V, int h) {
  IrFunc *f = V->f;
  int nb = f->nblocks;
  char *col = xmalloc((size_t)nb + 1);
  int *next = xmalloc(sizeof(int) * ((size_t)nb + 1));
  bool ok = true;
  for (int r = 0; r < nb && ok; r++) {
    if (!V->in_loop[r] || r == h || col[r])
      continue;
    int sp = 0;
    V->stack[sp] = r;
    next[sp++] = 0;
    col[r] = 1;
    while (sp > 0 && ok) {
      int b = V->stack[sp - 1], s[2], ns = ir_succs(f->blocks[b], s);
      if (next[sp - 1] < ns) {
        int c = s[next[sp - 1]++];
        if (c == h || !V->in_loop[c])
          continue;
        if (col[c] == 1)
          ok = false;
        else if (!col[c]) {
          col[c] = 1;
          V->stack[sp] = c;
          next[sp++] = 0;
        }
        continue;
      }
      col[b] = 2;
      sp--;
    }
  }
  free(col);
  free(next);
  return ok;
}

/* V->reach: the loop's blocks reached from B without passing through H
 * (B itself only if a path leads back to it, which body_acyclic rules
 * out). */
static void mark_reach(Ver *V, int h, int b) {
  IrFunc *f = V->f;
  memset(V->reach, 0, (size_t)f->nblocks + 1);
  int sp = 0;
  V->stack[sp++] = b;
  while (sp > 0) {
    int u = V->stack[--sp], s[2], ns = ir_succs(f->blocks[u], s);
    for (int k = 0; k < ns; k++)
      if (s[k] != h && V->in_loop[s[k]] && !V->reach[s[k]]) {
        V->reach[s[k]] = 1;
        V->stack[sp++] = s[k];
      }
  }
}

static bool is_inc(const IrInst *in, int t) {
  if (in->op != IR_ADD || in->k != IK_I32 || in->dst != t)
    return false;
  return (in->a.kind == OK_TEMP && in->a.temp == t && in->b.kind == OK_IMM && in->b.imm == 1) ||
         (in->b.kind == OK_TEMP && in->b.temp == t && in->a.kind == OK_IMM && in->a.imm == 1);
}

/* Whether check C (in block B at index I) is one the copy drops: the
 * counter's bounds check against the length word of an array the loop
 * does not change, where the counter still holds the value tested. */
static bool removable(const Ver *V, const Loop *L, int b, int i, const IrInst *c) {
  if (!L->counted || c->op != IR_CHECK_BOUNDS || c->k != IK_I32 || !c->lenmem || c->a.kind != OK_TEMP || c->a.temp != L->ctr ||
      c->addr.base.kind != OK_TEMP || c->addr.index >= 0 || c->addr.off != CK_LEN_WORD_OFFSET ||
      V->ndefs_in[c->addr.base.temp] || V->f->tkind[c->addr.base.temp] != IK_I32)
    return false;
  if (b == L->h)
    return false;                 /* before the test: i may be n */
  if (b == L->inc_block)
    return i < L->inc_index;
  return !V->reach[b];
}

static bool guarded_array(const Loop *L, int t) {
  for (int k = 0; k < L->narrays; k++)
    if (L->arrays[k] == t)
      return true;
  return false;
}

static bool analyse_counter(Ver *V, Loop *L, const IrInst *br);

/* Whether the loop of header H (marked) can be versioned -- it has bounds
 * checks its counter lets go (analyse_counter), or store checks, which go
 * when the thread runs outside every domain; fills L. */
static bool analyse(Ver *V, int h, Loop *L) {
  IrFunc *f = V->f;
  int nb = f->nblocks;
  memset(L, 0, sizeof *L);
  L->h = h;
  if (f->blocks[h]->versioned)
    return false;
  /* one way in, from a block that only jumps here */
  L->p = -1;
  for (int k = 0; k < V->g->npred[h]; k++) {
    int q = V->g->pred[h][k];
    if (V->in_loop[q])
      continue;
    if (L->p >= 0)
      return false;
    L->p = q;
  }
  if (L->p < 0)
    return false;
  const IrBlock *pb = f->blocks[L->p];
  if (pb->n == 0 || pb->ins[pb->n - 1].op != IR_JMP || pb->ins[pb->n - 1].t1 != h)
    return false;
  /* small, no call; one way out, the test (else only store checks go) */
  int ninsts = 0;
  bool one_exit = true;
  memset(V->ndefs_in, 0, sizeof(int) * ((size_t)f->ntemps + 1));
  for (int b = 0; b < nb; b++) {
    if (!V->in_loop[b])
      continue;
    const IrBlock *bl = f->blocks[b];
    if (bl->n == 0)
      return false;
    const IrInst *t = &bl->ins[bl->n - 1];
    if (t->op != IR_JMP && t->op != IR_BR)
      return false;
    int s[2], ns = ir_succs(bl, s);
    for (int k = 0; k < ns; k++)
      if (!V->in_loop[s[k]] && b != h)
        one_exit = false;
    for (int i = 0; i < bl->n; i++) {
      const IrInst *in = &bl->ins[i];
      if (in->op == IR_NOP)
        continue;
      if (in->op == IR_CALL || in->op == IR_RET)
        return false;
      if (++ninsts > VERSION_MAX_FLAG_INSTS)
        return false;
      if (in->dst >= 0) {
        V->ndefs_in[in->dst]++;
        V->def_block[in->dst] = b;
        V->def_index[in->dst] = i;
      }
    }
  }
  const IrBlock *hb = f->blocks[h];
  const IrInst *br = &hb->ins[hb->n - 1];
  bool tested = br->op == IR_BR && br->k2 == IK_I32 && br->t1 != br->t2 && V->in_loop[br->t1] != V->in_loop[br->t2];
  int own = 0;                    /* store checks outside inner loops */
  for (int b = 0; b < nb; b++)
    for (int i = 0; V->in_loop[b] && i < f->blocks[b]->n; i++)
      if (f->blocks[b]->ins[i].op == IR_CHECK_STORE) {
        L->stores++;
        own += V->depth[b] == V->depth[h];
      }
  bool acyclic = body_acyclic(V, h);
  /* a loop holding loops is versioned for the stores of its own body,
   * never for those of an inner loop, which is versioned itself: the copy
   * of a whole nest makes the values the two copies share live across
   * both (mach/regalloc.c allocates over hulls), which cost nbody more
   * than its store checks */
  if (!acyclic && own == 0)
    L->stores = 0;
  /* a loop that leaves elsewhere too (`while (a && b)`, a break), holds
   * loops of its own or is larger keeps its bounds checks: only the
   * flag's test, true for the whole activation, holds on every path
   * through it */
  L->counted = one_exit && tested && ninsts <= VERSION_MAX_INSTS && acyclic && analyse_counter(V, L, br);
  if (!L->counted) {
    L->sign = L->guard_bound = L->guard_ctr = false;
    L->narrays = 0;
  }
  return L->counted || L->stores > 0;
}

/* The counter's part of analyse: whether the loop's test and increment
 * have the shape that lets bounds checks go, and some do; fills L. */
static bool analyse_counter(Ver *V, Loop *L, const IrInst *br) {
  IrFunc *f = V->f;
  int nb = f->nblocks, h = L->h;
  const IrBlock *pb = f->blocks[L->p];
  L->counted = true;              /* for removable(), below */
  /* the test as "stay while X cc Y" */
  IrCC cc = V->in_loop[br->t1] ? br->cc : negate(br->cc);
  Oper x, y;
  if (cc == CC_LT || cc == CC_ULT)
    x = br->a, y = br->b;
  else if (cc == CC_GT || cc == CC_UGT)
    x = br->b, y = br->a;
  else
    return false;
  if (x.kind != OK_TEMP || f->tkind[x.temp] != IK_I32)
    return false;
  if (y.kind == OK_TEMP ? V->ndefs_in[y.temp] || f->tkind[y.temp] != IK_I32 || y.temp == x.temp
                        : y.kind != OK_IMM)
    return false;
  L->ctr = x.temp;
  L->bound = y;
  L->sign = cc == CC_LT || cc == CC_GT;
  /* the one increment, after the test */
  if (V->ndefs_in[L->ctr] != 1)
    return false;
  L->inc_block = V->def_block[L->ctr];
  L->inc_index = V->def_index[L->ctr];
  if (L->inc_block == h || !is_inc(&f->blocks[L->inc_block]->ins[L->inc_index], L->ctr))
    return false;
  /* a constant bound: a positive one (0 and below: the loop never runs,
   * and the checker learns nothing from `i <u 0`) */
  if (y.kind == OK_IMM && (y.imm <= 0 || y.imm > 0x7fffffff))
    return false;
  if (L->sign) {
    long long c0;
    L->guard_bound = y.kind == OK_TEMP;
    L->guard_ctr = !(ir_block_sets_const(pb, L->ctr, &c0) && c0 >= 0 && c0 <= 0x7fffffff);
  }
  /* the checks that go, and their arrays */
  mark_reach(V, h, L->inc_block);
  bool any = false;
  for (int b = 0; b < nb; b++) {
    if (!V->in_loop[b])
      continue;
    const IrBlock *bl = f->blocks[b];
    for (int i = 0; i < bl->n; i++) {
      const IrInst *c = &bl->ins[i];
      if (!removable(V, L, b, i, c))
        continue;
      any = true;
      if (!guarded_array(L, c->addr.base.temp)) {
        if (L->narrays == VERSION_MAX_ARRAYS)
          return false;
        L->arrays[L->narrays++] = c->addr.base.temp;
      }
    }
  }
  return any;
}

/* Whether temp T names a variable (of the function or of an inlined
 * call): its place is what -g describes, so the copy keeps it. */
static bool variable_temp(const IrFunc *f, int t) {
  if (report_temp_name((IrFunc *)f, t))
    return true;
  for (int k = 0; k < f->inlines.len; k++) {
    const IrInline *c = f->inlines.v[k];
    for (int j = 0; j < c->nvars; j++)
      if (c->vars[j].where.kind == OK_TEMP && c->vars[j].where.temp == t)
        return true;
  }
  return false;
}

/* Per temp: its name in the copy.  A new temp for one defined once in
 * the loop and used only in the loop after that definition (so no use can
 * see another value; a definition outside, such as a variable's zero
 * before the loop, is then never read), unless -g describes it as a
 * variable's place; the same temp otherwise.  A temp the two copies share
 * is live across both (the allocator works on hulls): nbody's dx, dy, dz
 * shared cost more than the store checks the copy saves. */
static int *copy_names(Ver *V) {
  IrFunc *f = V->f;
  int nt0 = f->ntemps;
  int *name = xmalloc(sizeof(int) * ((size_t)nt0 + 1));
  char *ok = xmalloc((size_t)nt0 + 1);
  for (int t = 0; t < nt0; t++) {
    name[t] = t;
    ok[t] = V->ndefs_in[t] == 1 && (!opt_debug || !variable_temp(f, t));
  }
  for (int b = 0; b < f->nblocks; b++) {
    const IrBlock *bl = f->blocks[b];
    for (int i = 0; i < bl->n; i++) {
      int n = ir_uses(&bl->ins[i], V->uses, V->maxu);
      for (int k = 0; k < n; k++) {
        int t = V->uses[k];
        if (!ok[t])
          continue;
        int db = V->def_block[t], di = V->def_index[t];
        if (!V->in_loop[b] || (b == db ? i <= di : !ir_dominates(V->g, db, b)))
          ok[t] = 0;
      }
    }
  }
  for (int t = 0; t < nt0; t++)
    if (ok[t])
      name[t] = ir_new_temp(f, f->tkind[t]);
  free(ok);
  return name;
}

static Oper rename_oper(Oper o, const int *name) {
  if (o.kind == OK_TEMP)
    o.temp = name[o.temp];
  return o;
}

/* A block ending in `br.CC A, B -> T1, T2`, the guard's way of testing. */
static void guard_branch(IrFunc *f, int blk, IrCC cc, Oper a, Oper b, int t1, int t2, Loc loc) {
  IrInst *in = ir_append(f, blk, IR_BR);
  in->k = IK_I32;
  in->k2 = IK_I32;
  in->cc = cc;
  in->a = a;
  in->b = b;
  in->t1 = t1;
  in->t2 = t2;
  in->loc = loc;
}

/* Copy the loop L (marked in V->in_loop) without its removable checks,
 * and put the guard between P and the two loops. */
static void version(Ver *V, Loop *L) {
  IrFunc *f = V->f;
  int nb0 = f->nblocks, h = L->h;
  IrInst test = f->blocks[h]->ins[f->blocks[h]->n - 1];
  Loc loc = test.loc;
  int *name = copy_names(V);
  /* the new blocks: the guard's, then the copy's */
  int nguard = (L->stores ? 1 : 0) + (L->guard_bound ? 1 : 0) + (L->guard_ctr ? 1 : 0) + 2 * L->narrays;
  int first_guard = f->nblocks;
  for (int k = 0; k < nguard; k++)
    ir_new_block(f);
  int *copy = xmalloc(sizeof(int) * ((size_t)nb0 + 1));
  for (int b = 0; b < nb0; b++)
    copy[b] = V->in_loop[b] ? ir_new_block(f) : -1;
  /* the guard: each test failing goes to the checked loop at H */
  int gb = first_guard;
  f->blocks[L->p]->ins[f->blocks[L->p]->n - 1].t1 = gb;
  int fast = copy[h];
#define NEXT_GUARD (gb + 1 < first_guard + nguard ? gb + 1 : fast)
  if (L->stores) {
    /* inside a domain: the checked loop; outside, the flag stays 0 for
     * the rest of the activation (the runtime sets it only around a call
     * and restores it), so no store of the copy needs its check */
    guard_branch(f, gb, CC_NE, (Oper){.kind = OK_DOMAIN}, ir_imm(0), h, NEXT_GUARD, loc);
    gb++;
  }
  if (L->guard_bound) {
    guard_branch(f, gb, CC_LT, L->bound, ir_imm(0), h, NEXT_GUARD, loc);
    gb++;
  }
  if (L->guard_ctr) {
    guard_branch(f, gb, CC_LT, ir_temp(L->ctr), ir_imm(0), h, NEXT_GUARD, loc);
    gb++;
  }
  for (int k = 0; k < L->narrays; k++) {
    Oper v = ir_temp(L->arrays[k]);
    guard_branch(f, gb, CC_EQ, v, ir_imm(0), h, NEXT_GUARD, loc);
    gb++;
    int len = ir_new_temp(f, IK_I32);
    IrInst *ld = ir_append(f, gb, IR_LOAD);
    ld->k = IK_I32;
    ld->mem = M_I32;
    ld->dst = len;
    ld->addr.base = v;
    ld->addr.off = CK_LEN_WORD_OFFSET;
    ld->loc = loc;
    if (L->bound.kind == OK_IMM)     /* C >u len, as len <u C */
      guard_branch(f, gb, CC_ULT, ir_temp(len), L->bound, h, NEXT_GUARD, loc);
    else
      guard_branch(f, gb, CC_UGT, L->bound, ir_temp(len), h, NEXT_GUARD, loc);
    gb++;
  }
#undef NEXT_GUARD
  /* the copy */
  for (int b = 0; b < nb0; b++) {
    if (copy[b] < 0)
      continue;
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst src = f->blocks[b]->ins[i];
      if (src.op == IR_NOP)
        continue;
      if (removable(V, L, b, i, &src)) {
        report_versioned(f, &src, &test, L->bound, L->ctr);
        continue;
      }
      if (src.op == IR_CHECK_STORE && L->stores) {
        report_versioned(f, &src, &test, L->bound, L->ctr);
        continue;
      }
      if (src.op == IR_CHECK_NULL && src.a.kind == OK_TEMP && guarded_array(L, src.a.temp)) {
        report_versioned(f, &src, &test, L->bound, L->ctr);
        continue;
      }
      if (src.dst >= 0)
        src.dst = name[src.dst];
      src.a = rename_oper(src.a, name);
      src.b = rename_oper(src.b, name);
      src.addr.base = rename_oper(src.addr.base, name);
      if (src.addr.index >= 0)
        src.addr.index = name[src.addr.index];
      if (src.op == IR_JMP || src.op == IR_BR) {
        if (copy[src.t1] >= 0)
          src.t1 = copy[src.t1];
        if (src.op == IR_BR && copy[src.t2] >= 0)
          src.t2 = copy[src.t2];
      }
      if (b == h && i == f->blocks[b]->n - 1 && L->sign)
        src.cc = unsigned_cc(src.cc);   /* both sides >= 0: the same test */
      src.inl_entry = false;            /* an inlined call's entry is in the original */
      IrInst *in = ir_append(f, copy[b], IR_NOP);
      *in = src;
    }
  }
  f->blocks[h]->versioned = true;
  /* the checked loop's inner loops run only inside a domain or when a
   * bound's test failed: versioned again, they would only grow the code
   * (and the copy's inner loops are what the original's were) */
  for (int b = 0; b < nb0; b++) {
    if (!V->in_loop[b] || b == h)
      continue;
    f->blocks[copy[b]]->versioned = f->blocks[b]->versioned;
    for (int k = 0; k < V->g->npred[b]; k++)
      if (V->in_loop[V->g->pred[b][k]] && ir_dominates(V->g, b, V->g->pred[b][k]))
        f->blocks[b]->versioned = true;
  }
  /* layout: ..., P, the guard, the copy, then the rest as it was */
  int nb = f->nblocks, k = 0;
  int *order = xmalloc(sizeof(int) * ((size_t)nb + 1));
  for (int b = 0; b <= L->p; b++)
    order[k++] = b;
  for (int b = first_guard; b < first_guard + nguard; b++)
    order[k++] = b;
  for (int b = 0; b < nb0; b++)
    if (copy[b] >= 0)
      order[k++] = copy[b];
  for (int b = L->p + 1; b < nb0; b++)
    order[k++] = b;
  ir_reorder_blocks(f, order);
  free(order);
  free(copy);
  free(name);
}

static void count_defs(Ver *V) {
  IrFunc *f = V->f;
  free(V->ndefs);
  free(V->ndefs_in);
  free(V->def_block);
  free(V->def_index);
  V->ndefs = xmalloc(sizeof(int) * ((size_t)f->ntemps + 1));
  V->ndefs_in = xmalloc(sizeof(int) * ((size_t)f->ntemps + 1));
  V->def_block = xmalloc(sizeof(int) * ((size_t)f->ntemps + 1));
  V->def_index = xmalloc(sizeof(int) * ((size_t)f->ntemps + 1));
  ir_count(f, V->ndefs, NULL, NULL);
}

void opt_version_loops(IrFunc *f) {
  if (f->nblocks == 0)
    return;
  Ver V = {.f = f};
  for (int done = 0; done < VERSION_MAX_LOOPS;) {
    int nb = f->nblocks;
    V.g = ir_cfg(f);
    V.in_loop = xmalloc((size_t)nb + 1);
    V.reach = xmalloc((size_t)nb + 1);
    V.stack = xmalloc(sizeof(int) * ((size_t)nb + 1));
    V.maxu = ir_max_uses(f);
    V.uses = xmalloc(sizeof(int) * (size_t)V.maxu);
    V.depth = ir_loop_depth(f);
    count_defs(&V);
    bool changed = false;
    for (int h = 0; h < nb && !changed; h++) {
      Loop L;
      if (V.g->idom[h] < 0 || !ir_natural_loop(V.g, h, V.in_loop, V.stack) || !analyse(&V, h, &L))
        continue;
      version(&V, &L);
      changed = true;
      done++;
    }
    ir_cfg_free(V.g);
    free(V.in_loop);
    free(V.reach);
    free(V.stack);
    free(V.uses);
    free(V.depth);
    if (!changed)
      break;
  }
  free(V.ndefs);
  free(V.ndefs_in);
  free(V.def_block);
  free(V.def_index);
}

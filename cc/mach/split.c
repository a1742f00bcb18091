/* mach/split.c -- live-range splitting around loops that need more
 * registers than the target has (-O1 and up without -g), between two
 * register allocations (mach_allocate; -fdump-ir-after=split-live-ranges).
 *
 * mach/regalloc.c gives a temp one register or one spill slot for its
 * whole life.  A value computed before a loop and read only after it
 * competes for a register through the whole loop; when the loop has more
 * values live at once than the class has registers, the first allocation
 * often spills it, and then it is read from memory at every use outside
 * the loop too.  Each such temp T (spilled, live into the loop's header,
 * neither read nor written inside the loop) is split:
 *
 *     P:  ...            T' = copy T     ; P: the header's one predecessor
 *         jmp H                           ;    outside the loop
 *     H:  ... the loop, T' live through it, never read ...
 *     E:  T = copy T'    ...             ; E: each exit where T is live
 *
 * and allocation runs again.  T is then dead inside the loop, so it may
 * hold a register before and after it; T' costs only its two copies,
 * both outside the loop, so the allocator spills it first (a store before
 * the loop, a load after it) and gives the loop's own values the
 * registers.  When T spills again, T and T' share one slot
 * (regalloc.c, share_spill_slots) and the copies are no instructions.
 * Only spilled temps are split; the second allocation sees the same
 * intervals but for those of the split temps, so it mostly places the
 * others as the first did (a heuristic: the scan may choose otherwise).
 *
 * Why it is right: every path into a natural loop passes P's jump, T is
 * not written inside the loop, so T' = T everywhere in it, and each exit
 * E (whose predecessors are all in the loop) writes T back with the value
 * it already has.  Loops whose header has no such P, or whose exit where T
 * is live is also reached from outside, are left alone.  Under -g a
 * variable's location is one register or one slot for the whole function
 * (i386/dwarf.c), which a split would break: the pass does nothing there.
 * The proof is not concerned: the checker follows the copies like any
 * other move (doc/verify.md). */
#include "../cc.h"
#include "../target.h"

#include <stdlib.h>
#include <string.h>

typedef unsigned long long Word;

enum { CLASS_INT, CLASS_FLOAT, NCLASSES };

static bool bit(const Word *s, int t) { return s[t / 64] >> (t % 64) & 1; }

/* The class of a temp of kind K and the registers it takes of it (a long
 * long: two ints where the target makes pairs, else none: memory). */
static int class_of(const struct target_regs *rf, IrKind k, int *width) {
  *width = 1;
  if (k == IK_F64 || k == IK_F32)
    return CLASS_FLOAT;
  if (k == IK_I64)
    *width = rf->pairs ? 2 : 0;
  return CLASS_INT;
}

/* The most values of each class live at once at any instruction of the
 * blocks marked in IN, into MOST. */
static void loop_pressure(const struct target_regs *rf, IrFunc *f, const IrLive *lv, const char *in, int *uses,
                          int maxu, int most[NCLASSES]) {
  int nw = lv->nw;
  Word *live = xmalloc(sizeof(Word) * nw);
  most[CLASS_INT] = most[CLASS_FLOAT] = 0;
  for (int bi = 0; bi < f->nblocks; bi++) {
    if (!in[bi])
      continue;
    IrBlock *b = f->blocks[bi];
    memcpy(live, lv->out + (size_t)bi * nw, sizeof(Word) * nw);
    for (int i = b->n - 1; i >= -1; i--) {
      /* what is live after instruction i, and its result */
      int now[NCLASSES] = {0, 0};
      for (int w = 0; w < nw; w++)
        for (Word x = live[w]; x; x &= x - 1) {
          int t = w * 64 + __builtin_ctzll(x), width;
          int c = class_of(rf, f->tkind[t], &width);
          now[c] += width;
        }
      if (i >= 0 && b->ins[i].dst >= 0 && !bit(live, b->ins[i].dst)) {
        int width, c = class_of(rf, f->tkind[b->ins[i].dst], &width);
        now[c] += width;
      }
      for (int c = 0; c < NCLASSES; c++)
        if (now[c] > most[c])
          most[c] = now[c];
      if (i < 0)
        break;
      IrInst *ins = &b->ins[i];
      if (ins->dst >= 0)
        live[ins->dst / 64] &= ~(1ULL << (ins->dst % 64));
      int nu = ir_uses(ins, uses, maxu);
      for (int k = 0; k < nu; k++)
        live[uses[k] / 64] |= 1ULL << (uses[k] % 64);
    }
  }
  free(live);
}

/* Puts `DST = copy SRC` into block B before its instruction AT. */
static void insert_copy(IrFunc *f, int b, int at, int dst, int src, Loc loc) {
  IrBlock *bl = f->blocks[b];
  ir_append(f, b, IR_COPY);
  memmove(&bl->ins[at + 1], &bl->ins[at], sizeof(IrInst) * (size_t)(bl->n - 1 - at));
  IrInst *cp = &bl->ins[at];
  memset(cp, 0, sizeof *cp);
  cp->op = IR_COPY;
  cp->k = f->tkind[src];
  cp->dst = dst;
  cp->a = ir_temp(src);
  cp->addr.index = -1;
  cp->addr.scale = 1;
  cp->loc = loc;
}

/* Splits the temps live through the loop of header H (IN its blocks)
 * whose class it overloads; returns how many. */
static int split_loop(const struct target_regs *rf, MachRegs *m, int allocated, const IrCfg *g, const IrLive *lv,
                      int h, const char *in, const int *pool, int *uses, int maxu) {
  IrFunc *f = m->f;
  int nb = f->nblocks, nt = f->ntemps, nw = lv->nw;
  /* the one way in: P, outside, ending in `jmp H` */
  int pre = -1;
  for (int k = 0; k < g->npred[h]; k++) {
    int p = g->pred[h][k];
    if (in[p])
      continue;
    if (pre >= 0 && pre != p)
      return 0;
    pre = p;
  }
  if (pre < 0)
    return 0;
  IrBlock *pb = f->blocks[pre];
  if (pb->n == 0 || pb->ins[pb->n - 1].op != IR_JMP || pb->ins[pb->n - 1].t1 != h)
    return 0;
  int most[NCLASSES];
  loop_pressure(rf, f, lv, in, uses, maxu, most);
  if (most[CLASS_INT] <= pool[CLASS_INT] && most[CLASS_FLOAT] <= pool[CLASS_FLOAT])
    return 0;
  /* what the loop reads or writes */
  bool *touched = xmalloc(sizeof(bool) * (nt + 1));
  for (int bi = 0; bi < nb; bi++) {
    if (!in[bi])
      continue;
    IrBlock *b = f->blocks[bi];
    for (int i = 0; i < b->n; i++) {
      if (b->ins[i].dst >= 0)
        touched[b->ins[i].dst] = true;
      int nu = ir_uses(&b->ins[i], uses, maxu);
      for (int k = 0; k < nu; k++)
        touched[uses[k]] = true;
    }
  }
  /* the exits: blocks outside entered from the loop; each must be
   * entered from the loop only for a temp live there to be split */
  int *exits = xmalloc(sizeof(int) * (nb + 1)), nexits = 0;
  bool *clean = xmalloc(sizeof(bool) * (nb + 1));
  char *seen = xmalloc((size_t)nb + 1);
  memset(seen, 0, (size_t)nb + 1);
  for (int bi = 0; bi < nb; bi++) {
    if (!in[bi])
      continue;
    int s[2], ns = ir_succs(f->blocks[bi], s);
    for (int k = 0; k < ns; k++) {
      int e = s[k];
      if (in[e] || seen[e])
        continue;
      seen[e] = 1;
      bool ok = e != 0;
      for (int q = 0; q < g->npred[e] && ok; q++)
        ok = in[g->pred[e][q]];
      clean[nexits] = ok;
      exits[nexits++] = e;
    }
  }
  const Word *hin = lv->in + (size_t)h * nw;
  int nsplit = 0;
  /* the temps the first allocation placed (not the copies made since) */
  for (int t = 0; t < allocated; t++) {
    if (!bit(hin, t) || touched[t] || m->reg[t] >= 0 || m->reg_hi[t] >= 0)
      continue;
    int width, c = class_of(rf, f->tkind[t], &width);
    if (width == 0 || most[c] <= pool[c])
      continue;
    bool ok = true;
    for (int k = 0; k < nexits && ok; k++)
      ok = clean[k] || !bit(lv->in + (size_t)exits[k] * nw, t);
    if (!ok)
      continue;
    int t2 = ir_new_temp(f, f->tkind[t]);
    m->split_from = xrealloc(m->split_from, sizeof(int) * (size_t)(f->ntemps + 1));
    m->split_from[t2] = t;
    pb = f->blocks[pre];
    insert_copy(f, pre, pb->n - 1, t2, t, pb->ins[pb->n - 1].loc);
    for (int k = 0; k < nexits; k++) {
      if (!bit(lv->in + (size_t)exits[k] * nw, t))
        continue;
      IrBlock *eb = f->blocks[exits[k]];
      insert_copy(f, exits[k], 0, t, t2, eb->n ? eb->ins[0].loc : pb->ins[pb->n - 1].loc);
    }
    nsplit++;
  }
  free(touched);
  free(exits);
  free(clean);
  free(seen);
  return nsplit;
}

/* Splits what M's allocation spilled around the loops of M->f; returns
 * whether it split anything. */
static bool split_live_ranges(const struct target_regs *rf, MachRegs *m) {
  IrFunc *f = m->f;
  m->split_from = xmalloc(sizeof(int) * (size_t)(f->ntemps + 1));
  for (int t = 0; t <= f->ntemps; t++)
    m->split_from[t] = -1;
  int pool[NCLASSES] = {rf->nints, rf->nfloats};
  if (rf->frameless && rf->frameless(f))
    pool[CLASS_INT] = rf->nints_frameless;
  int nb = f->nblocks;
  IrCfg *g = ir_cfg(f);
  int *depth = ir_loop_depth(f);
  /* headers, the innermost first: a value split around an inner loop is
   * read (copied) in the outer one, so the outer one leaves it alone */
  int *headers = xmalloc(sizeof(int) * (nb + 1)), nh = 0;
  for (int h = 0; h < nb; h++) {
    if (g->idom[h] < 0)
      continue;
    for (int k = 0; k < g->npred[h]; k++)
      if (ir_dominates(g, h, g->pred[h][k])) {
        headers[nh++] = h;
        break;
      }
  }
  for (int i = 1; i < nh; i++)
    for (int j = i; j > 0 && depth[headers[j]] > depth[headers[j - 1]]; j--) {
      int x = headers[j];
      headers[j] = headers[j - 1];
      headers[j - 1] = x;
    }
  int nsplit = 0, allocated = f->ntemps;
  char *in = xmalloc((size_t)nb + 1);
  int *stack = xmalloc(sizeof(int) * (nb + 1));
  IrLive *lv = ir_live(f, NULL);
  for (int i = 0; i < nh; i++) {
    if (!ir_natural_loop(g, headers[i], in, stack))
      continue;
    int maxu = ir_max_uses(f);
    int *uses = xmalloc(sizeof(int) * maxu);
    int n = split_loop(rf, m, allocated, g, lv, headers[i], in, pool, uses, maxu);
    free(uses);
    nsplit += n;
    if (n) {
      /* new temps and copies: the next loop needs liveness afresh (the
       * blocks and edges are the same, so the graph stays) */
      ir_live_free(lv);
      lv = ir_live(f, NULL);
    }
  }
  ir_live_free(lv);
  ir_cfg_free(g);
  free(depth);
  free(headers);
  free(in);
  free(stack);
  return nsplit > 0;
}

void mach_allocate(const struct target *target, MachRegs *m) {
  mach_regalloc(target, m);
  if (opt_level < 1)
    return;
  if (!opt_debug && m->f->nblocks > 0 && split_live_ranges(&target->regs, m)) {
    free(m->reg);
    free(m->reg_hi);
    free(m->slot_of);
    mach_regalloc(target, m);
  }
  free(m->split_from);
  m->split_from = NULL;
  ir_after_pass(m->f, "split-live-ranges");
}

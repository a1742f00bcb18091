/* mach/regalloc.c -- linear-scan register allocation over a target's
 * register file (target.h: struct target_regs).
 *
 * Temps of the integer class (IK_I32) get the target's integer registers
 * (i386: %ecx, %ebx, %esi, %edi; %eax and %edx are the instruction
 * expansions' scratch).  At -O1 and up without -g a long long temp may take
 * two of them, a pair (reg for the low word, reg_hi for the high word),
 * where the target allows (target_regs.pairs); at -O0 long long temps, and
 * the others that do not fit, live in spill slots of the frame.  At -O1
 * and up: the scan spills by
 * cost (uses x 10^loop depth over the hull's length) and prefers the
 * register of the value a temp is computed from; ints left in memory may
 * then get the target's spare register (i386: %edx) where every expansion
 * around them allows it; floating temps get the floating registers (i386:
 * %xmm2-%xmm7) (doc/backend.md, "Registers and frame").
 *
 * Live ranges are hulls [first, last] over a linear numbering in which an
 * instruction's uses come before its definition (use at 2i, def at 2i+1),
 * so a result may take an operand's register.  A temp live across an
 * instruction that destroys a register (the target's clobbers hook:
 * calls, %cl shifts, block copies) may not get that register.  Liveness is
 * opt/live.c's; dead code is gone before (opt/dce.c). */
#include "../cc.h"
#include "../target.h"

#include <stdlib.h>
#include <string.h>

typedef unsigned long long Word;
#define WBITS 64

typedef struct {
  int t, start, end;
  unsigned forbid;
  double weight;                  /* spill cost: each use and definition, 10^loop depth */
  int hint;                       /* -O1 and up: a temp whose register this one would like (a
                                     copy's or two-address operation's first operand), or -1 */
  bool away;                      /* the target's expansion never puts it anywhere (fused_away) */
  bool pair;                      /* a long long: two registers or none (target_regs.pairs) */
} Interval;

static bool bit_test(Word *s, int i) { return s[i / WBITS] >> (i % WBITS) & 1; }
static void bit_set(Word *s, int i) { s[i / WBITS] |= 1ULL << (i % WBITS); }
static void bit_clear(Word *s, int i) { s[i / WBITS] &= ~(1ULL << (i % WBITS)); }

static int cmp_start(const void *a, const void *b) {
  const Interval *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->t - y->t;
}

static double density(const Interval *it) { return it->weight / (it->end - it->start + 2); }

/* What spilling IT costs linear_scan_holes: its total cost BY_WEIGHT,
 * else its density. */
static double spill_cost(const Interval *it, bool by_weight) { return by_weight ? it->weight : density(it); }

/* -O0: linear scan of ORDER (sorted by start) over the N registers of
 * POOL over hulls, spilling the interval that ends last (simple and
 * predictable for the debugger). */
static void linear_scan(MachRegs *cx, Interval *order, int n, const int *pool, int npool) {
  int active[16], active_end[16]; /* the temp in each pool register, -1: none */
  for (int r = 0; r < npool; r++)
    active[r] = -1;
  for (int k = 0; k < n; k++) {
    Interval *it = &order[k];
    for (int r = 0; r < npool; r++)
      if (active[r] >= 0 && active_end[r] < it->start)
        active[r] = -1;
    int pick = -1;
    for (int r = 0; r < npool && pick < 0; r++)
      if (active[r] < 0 && !(it->forbid & (1u << pool[r])))
        pick = r;
    if (pick < 0) {
      /* spill whichever allowed occupant ends last, if later than this one */
      int far = -1;
      for (int r = 0; r < npool; r++)
        if (!(it->forbid & (1u << pool[r])) && (far < 0 || active_end[r] > active_end[far]))
          far = r;
      if (far >= 0 && active_end[far] > it->end) {
        cx->reg[active[far]] = -1;
        pick = far;
      }
    }
    if (pick >= 0) {
      active[pick] = it->t;
      active_end[pick] = it->end;
      cx->reg[it->t] = pool[pick];
    }
  }
}

/* -O1 and up: where a temp is live, as one segment [lo, hi] of positions
 * per block it is live in (the block's part of its hull), in block order:
 * two temps whose hulls overlap may still share a register when no
 * segments meet -- the values a versioned loop's two copies share, or a
 * temp live in one arm of an `if` against one live in the other. */
typedef struct {
  int lo, hi;
} Seg;
typedef struct {
  Seg *s;
  int n, cap;
} Segs;

static bool segs_meet(const Segs *a, const Segs *b) {
  int i = 0, j = 0;
  while (i < a->n && j < b->n) {
    if (a->s[i].hi < b->s[j].lo)
      i++;
    else if (b->s[j].hi < a->s[i].lo)
      j++;
    else
      return true;
  }
  return false;
}

/* Whether temp U holds register R (a pair: either of its two). */
static bool holds(const MachRegs *cx, int u, int r) {
  return cx->reg[u] == r || (cx->reg_hi && cx->reg_hi[u] == r);
}

/* Whether none of the temps on register list ON (N of them) meets MINE. */
static bool free_for(const Segs *segs, const int *on, int n, const Segs *mine) {
  for (int j = 0; j < n; j++)
    if (segs_meet(&segs[on[j]], mine))
      return false;
  return true;
}

/* -O1 and up: linear scan of ORDER (sorted by start) over the N
 * registers of POOL.  A register is free for an interval when none of the
 * temps placed there meets it (SEGS); when none is, the register whose
 * meeting temps cost least (spill_cost: by density, spilling a long
 * interval frees its register for every short one it overlaps; or by
 * total cost, BY_WEIGHT) is taken if they cost less than the interval,
 * and they are spilled.  A pair (a long long) needs two registers, free
 * or freed together. */
static void linear_scan_holes(MachRegs *cx, Interval *iv, const Segs *segs, Interval *order, int n,
                              const int *pool, int npool, bool by_weight) {
  int *on[16], non[16];           /* per pool register: temps placed there, hull not yet behind */
  for (int r = 0; r < npool; r++) {
    on[r] = xmalloc(sizeof(int) * (n + 1));
    non[r] = 0;
  }
  for (int k = 0; k < n; k++) {
    Interval *it = &order[k];
    const Segs *mine = &segs[it->t];
    for (int r = 0; r < npool; r++) {
      int m = 0;
      for (int j = 0; j < non[r]; j++) {
        int u = on[r][j];
        if (holds(cx, u, pool[r]) && iv[u].end >= it->start)
          on[r][m++] = u;
      }
      non[r] = m;
    }
    int pick = -1, pick2 = -1;
    for (int pass = it->pair ? 1 : 0; pass < 2 && pick2 < 0; pass++)
      for (int r = 0; r < npool && pick2 < 0; r++) {
        if (it->forbid & (1u << pool[r]))
          continue;
        /* the first pass only the register of the value it is computed
         * from: the copy (or the mov of a two-address operation) goes */
        if (pass == 0 && !(it->hint >= 0 && cx->reg[it->hint] == pool[r]))
          continue;
        if (r == pick || !free_for(segs, on[r], non[r], mine))
          continue;
        if (it->pair && pick < 0)
          pick = r;
        else
          pick2 = r;
      }
    if (!it->pair)
      pick = pick2;
    else if (pick2 < 0)
      pick = -1;
    if (pick < 0) {
      /* the cheapest register to free, and for a pair the next cheapest */
      int best = -1, best2 = -1;
      double cost[16];
      for (int r = 0; r < npool; r++) {
        cost[r] = 0;
        if (it->forbid & (1u << pool[r]))
          continue;
        for (int j = 0; j < non[r]; j++)
          if (segs_meet(&segs[on[r][j]], mine))
            cost[r] += spill_cost(&iv[on[r][j]], by_weight);
        if (best < 0 || cost[r] < cost[best])
          best2 = best, best = r;
        else if (best2 < 0 || cost[r] < cost[best2])
          best2 = r;
      }
      double c = best < 0 ? 0 : cost[best] + (it->pair && best2 >= 0 ? cost[best2] : 0);
      if (best >= 0 && (!it->pair || best2 >= 0) && c < spill_cost(it, by_weight)) {
        for (int q = 0; q < (it->pair ? 2 : 1); q++) {
          int r = q ? best2 : best;
          for (int j = 0; j < non[r]; j++) {
            int u = on[r][j];
            if (holds(cx, u, pool[r]) && segs_meet(&segs[u], mine)) {
              cx->reg[u] = -1;
              if (cx->reg_hi)
                cx->reg_hi[u] = -1;
            }
          }
        }
        pick = best;
        pick2 = best2;
      }
    }
    if (pick >= 0) {
      cx->reg[it->t] = pool[pick];
      on[pick][non[pick]++] = it->t;
      if (it->pair) {
        cx->reg_hi[it->t] = pool[pick2];
        on[pick2][non[pick2]++] = it->t;
      }
    }
  }
  for (int r = 0; r < npool; r++)
    free(on[r]);
}

static int cmp_density_desc(const void *a, const void *b) {
  double x = density(a), y = density(b);
  if (x != y)
    return x > y ? -1 : 1;
  return ((const Interval *)a)->t - ((const Interval *)b)->t;
}

/* -O1 and up: the spare register (an expansion's scratch, i386 %edx) for
 * ints left in memory by the linear scan, when at every instruction where
 * one is live the expansion leaves it alone (spare_keeps), reads it there
 * before using it as scratch (spare_reads) and may write its result there
 * (spare_defines); those whose hulls overlap none already placed, the
 * densest first. */
static void spare_homes(const struct target_regs *rf, MachRegs *cx, Interval *iv, Word *live_out, int nw,
                        int maxu) {
  IrFunc *f = cx->f;
  int nt = f->ntemps;
  bool *bad = xmalloc(sizeof(bool) * (nt + 1));
  memset(bad, 0, sizeof(bool) * (nt + 1));
  Word *live = xmalloc(sizeof(Word) * nw);
  int *uses = xmalloc(sizeof(int) * maxu);
  for (int bi = 0; bi < f->nblocks; bi++) {
    IrBlock *b = f->blocks[bi];
    memcpy(live, live_out + (size_t)bi * nw, sizeof(Word) * nw);
    for (int i = b->n - 1; i >= 0; i--) {
      IrInst *in = &b->ins[i];
      if (!rf->spare_keeps(cx, in))
        for (int w = 0; w < nw; w++)
          for (Word x = live[w]; x; x &= x - 1) {
            int t = w * WBITS + __builtin_ctzll(x);
            if (t != in->dst)
              bad[t] = true;
          }
      if (in->dst >= 0) {
        if (!rf->spare_defines(cx, in))
          bad[in->dst] = true;
        bit_clear(live, in->dst);
      }
      int nu = ir_uses(in, uses, maxu);
      for (int k = 0; k < nu; k++) {
        if (!rf->spare_reads(cx, in, uses[k]))
          bad[uses[k]] = true;
        bit_set(live, uses[k]);
      }
    }
  }
  Interval *cand = xmalloc(sizeof(Interval) * (nt + 1));
  int nc = 0;
  for (int t = 0; t < nt; t++)
    if (f->tkind[t] == IK_I32 && cx->reg[t] < 0 && iv[t].end >= 0 && !bad[t] && !iv[t].away)
      cand[nc++] = iv[t];
  qsort(cand, nc, sizeof *cand, cmp_density_desc);
  Interval *placed = xmalloc(sizeof(Interval) * (nc + 1));
  int np = 0;
  for (int k = 0; k < nc; k++) {
    bool overlap = false;
    for (int j = 0; j < np && !overlap; j++)
      overlap = cand[k].start <= placed[j].end && placed[j].start <= cand[k].end;
    if (overlap)
      continue;
    placed[np++] = cand[k];
    cx->reg[cand[k].t] = rf->spare;
  }
  free(bad);
  free(live);
  free(uses);
  free(cand);
  free(placed);
}

/* -O1 and up: a load the next instruction may read from memory (its one
 * use; the target's load_folds_into) costs nothing in memory, so it is
 * the first to spill: the register goes to a value that needs one.  When
 * it gets a register anyway and the expansion folds it, the register
 * stood idle for one instruction.  Values the expansion takes into a
 * later instruction (the target's fused_away) are never put anywhere:
 * they get no register (one would cost its save and restore for nothing).
 * A variable's temp is left alone (-g shows variables from where isel
 * puts them). */
static void weigh_folded_loads(const struct target_regs *rf, IrFunc *f, Interval *iv) {
  int nt = f->ntemps;
  int *nuses = xmalloc(sizeof(int) * (nt + 1));
  ir_count(f, NULL, nuses, NULL);
  if (f->obj)
    for (Obj *v = f->obj->locals; v; v = v->next)
      if (v->is_local && v->id > 0 && v->id - 1 < nt)
        nuses[v->id - 1] = -1;
  for (int b = 0; b < f->nblocks; b++) {
    IrBlock *bl = f->blocks[b];
    bool *away = NULL;
    if (rf->fused_away) {
      away = xmalloc(sizeof(bool) * (bl->n + 1));
      memset(away, 0, sizeof(bool) * (bl->n + 1));
      rf->fused_away(f, bl, nuses, away);
    }
    for (int i = 0; i < bl->n; i++) {
      IrInst *in = &bl->ins[i];
      if (in->dst < 0 || f->tkind[in->dst] != IK_I32 || nuses[in->dst] != 1)
        continue;
      if (away && away[i]) {
        iv[in->dst].weight = 0;
        iv[in->dst].away = true;
        continue;
      }
      if (in->op != IR_LOAD || !rf->load_folds_into)
        continue;
      int j = i + 1;
      while (j < bl->n && bl->ins[j].op == IR_NOP)
        j++;
      if (j < bl->n && rf->load_folds_into(f, in, &bl->ins[j]))
        iv[in->dst].weight = 0;
    }
    free(away);
  }
  free(nuses);
}

/* -O1 and up without -g: a copy between two temps the scan left in
 * memory whose live ranges never meet (SEGS) puts both in one spill
 * slot, and the copy becomes nothing (i386/isel.c, copy_op).  The copies
 * around a loop that mach/split.c made are such, when the value spilled
 * on both sides.  Temps sharing a slot form a group whose segments,
 * merged into the least member's, are kept sorted; a copy joins two
 * groups only when those meet nowhere but at copies between the two (a
 * long long's operand and result are made to meet there, for its
 * registers).
 * Under -g a slot names one variable (i386/dwarf.c): each keeps its own. */
static int slot_group(const int *rep, int t) {
  while (rep[t] != t)
    t = rep[t];
  return t;
}

/* Whether positions LO..HI are one instruction of F, a copy between
 * groups X and Y (BSTART: each block's first position). */
static bool at_copy_between(IrFunc *f, const int *bstart, const int *rep, int lo, int hi, int x, int y) {
  int b = 0;
  while (b + 1 < f->nblocks && bstart[b + 1] <= lo)
    b++;
  int i = (lo - bstart[b]) / 2;
  if (i >= f->blocks[b]->n || hi > bstart[b] + 2 * i + 1)
    return false;
  IrInst *in = &f->blocks[b]->ins[i];
  if (in->op != IR_COPY || in->a.kind != OK_TEMP || in->dst < 0)
    return false;
  int gs = slot_group(rep, in->a.temp), gd = slot_group(rep, in->dst);
  return (gs == x && gd == y) || (gs == y && gd == x);
}

/* Whether the segments of groups X and Y meet anywhere but at a copy
 * between the two. */
static bool groups_meet(IrFunc *f, const int *bstart, const int *rep, const Segs *segs, int x, int y) {
  const Segs *a = &segs[x], *b = &segs[y];
  if (!segs_meet(a, b))           /* the common case, in one pass over both */
    return false;
  for (int i = 0; i < a->n; i++)
    for (int j = 0; j < b->n; j++) {
      int l = a->s[i].lo > b->s[j].lo ? a->s[i].lo : b->s[j].lo;
      int h = a->s[i].hi < b->s[j].hi ? a->s[i].hi : b->s[j].hi;
      if (l <= h && !at_copy_between(f, bstart, rep, l, h, x, y))
        return true;
    }
  return false;
}

static void share_spill_slots(MachRegs *cx, const Interval *iv, Segs *segs, const int *bstart) {
  IrFunc *f = cx->f;
  int nt = f->ntemps;
  int *rep = cx->slot_of;
  for (int b = 0; b < f->nblocks; b++)
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst *in = &f->blocks[b]->ins[i];
      if (in->op != IR_COPY || in->a.kind != OK_TEMP || in->dst < 0 || in->dst >= nt)
        continue;
      int x = in->a.temp, y = in->dst;
      if (f->tkind[x] != f->tkind[y] || cx->reg[x] >= 0 || cx->reg[y] >= 0 || iv[x].away || iv[y].away)
        continue;
      x = slot_group(rep, x);
      y = slot_group(rep, y);
      if (x == y || groups_meet(f, bstart, rep, segs, x, y))
        continue;
      if (y < x) {
        int s = x;
        x = y;
        y = s;
      }
      /* y's group joins x's: the merged segments, in order */
      Segs m = {xmalloc(sizeof(Seg) * (size_t)(segs[x].n + segs[y].n + 1)), 0, segs[x].n + segs[y].n};
      for (int p = 0, q = 0; p < segs[x].n || q < segs[y].n;)
        m.s[m.n++] = q >= segs[y].n || (p < segs[x].n && segs[x].s[p].lo < segs[y].s[q].lo) ? segs[x].s[p++]
                                                                                           : segs[y].s[q++];
      free(segs[x].s);
      segs[x] = m;
      rep[y] = x;
    }
  for (int t = 0; t < nt; t++) {
    int r = t;
    while (rep[r] != r)
      r = rep[r];
    rep[t] = r;
  }
}

/* -O1 and up: the ints of ORDER into CX->REG (every temp -1 before) by
 * linear_scan_holes, then the spare register's homes; returns what the
 * ints left in memory cost, their uses and definitions weighed by loop
 * depth. */
static double allocate_ints(const struct target_regs *rf, MachRegs *cx, Interval *iv, const Segs *segs,
                            Interval *order, int n, const int *pool, int npool, bool by_weight,
                            Word *live_out, int nw, int maxu) {
  linear_scan_holes(cx, iv, segs, order, n, pool, npool, by_weight);
  if (rf->spare >= 0)
    spare_homes(rf, cx, iv, live_out, nw, maxu);
  double c = 0;
  for (int k = 0; k < n; k++)
    if (cx->reg[order[k].t] < 0)
      c += iv[order[k].t].weight;
  return c;
}

void mach_regalloc(const struct target *target, MachRegs *cx) {
  const struct target_regs *rf = &target->regs;
  IrFunc *f = cx->f;
  int nt = f->ntemps, nb = f->nblocks;
  int nw = (nt + WBITS - 1) / WBITS + 1;
  /* -O0: every variable's temp lives to the returns, so that gdb sees it
   * wherever it is in scope, and not in a register calls (of the trap
   * too) destroy */
  bool *kept = ir_kept_variables(f);
  IrLive *lv = ir_live(f, kept);
  Word *live_in = lv->in, *live_out = lv->out;
  Word *live = xmalloc(sizeof(Word) * nw);
  /* an instruction's uses: a call may have any number of arguments */
  int maxu = ir_max_uses(f);
  int *uses = xmalloc(sizeof(int) * maxu);

  /* intervals and clobber conflicts */
  Interval *iv = xmalloc(sizeof(Interval) * (nt + 1));
  for (int t = 0; t < nt; t++)
    iv[t] = (Interval){.t = t, .start = 1 << 30, .end = -1, .weight = 0, .hint = -1};
  int *bstart = xmalloc(sizeof(int) * (nb + 1));
  /* -O1 and up: spill the cheapest value, -O0 the longest-lived (simple and
   * predictable for the debugger) */
  int *depth = opt_level > 0 ? ir_loop_depth(f) : NULL;
  /* -O1 and up without -g (whose locations name one register or a slot):
   * long longs in register pairs */
  bool pairs = depth && rf->pairs && !opt_debug;
  int pos = 0;
  for (int bi = 0; bi < nb; bi++) {
    bstart[bi] = pos;
    pos += 2 * f->blocks[bi]->n;
  }
  /* -O1 and up: each temp's segment in the block being walked (blo -1:
   * none yet), appended to SEGS at the block's end */
  Segs *segs = NULL;
  int *blo = NULL, *bhi = NULL, *touched = NULL, ntouched = 0;
  if (depth) {
    segs = xmalloc(sizeof(Segs) * (nt + 1));
    blo = xmalloc(sizeof(int) * (nt + 1));
    bhi = xmalloc(sizeof(int) * (nt + 1));
    touched = xmalloc(sizeof(int) * (nt + 1));
    for (int t = 0; t < nt; t++)
      blo[t] = -1;
  }
#define EXTEND(t, p)                                                                               \
  do {                                                                                             \
    if ((p) < iv[t].start)                                                                         \
      iv[t].start = (p);                                                                           \
    if ((p) > iv[t].end)                                                                           \
      iv[t].end = (p);                                                                             \
    if (segs) {                                                                                    \
      if (blo[t] < 0) {                                                                            \
        blo[t] = bhi[t] = (p);                                                                     \
        touched[ntouched++] = (t);                                                                 \
      } else if ((p) < blo[t]) {                                                                   \
        blo[t] = (p);                                                                              \
      } else if ((p) > bhi[t]) {                                                                   \
        bhi[t] = (p);                                                                              \
      }                                                                                            \
    }                                                                                              \
  } while (0)
  for (int bi = 0; bi < nb; bi++) {
    IrBlock *b = f->blocks[bi];
    int base = bstart[bi];
    int endp = base + 2 * b->n - 1;
    Word *out = live_out + (size_t)bi * nw;
    Word *inn = live_in + (size_t)bi * nw;
    memcpy(live, out, sizeof(Word) * nw);
    for (int w = 0; w < nw; w++) {
      Word x = out[w] | inn[w];
      while (x) {
        int t = w * WBITS + __builtin_ctzll(x);
        x &= x - 1;
        if (bit_test(out, t))
          EXTEND(t, endp);
        if (bit_test(inn, t))
          EXTEND(t, base);
      }
    }
    for (int i = b->n - 1; i >= 0; i--) {
      IrInst *in = &b->ins[i];
      int p = base + 2 * i;
      unsigned clob = rf->clobbers(f, in);
      for (int w = 0; w < nw; w++) {
        Word x = live[w];
        while (x) {
          int t = w * WBITS + __builtin_ctzll(x);
          x &= x - 1;
          if (t == in->dst)
            continue;
          EXTEND(t, p + 1);
          EXTEND(t, p);
          iv[t].forbid |= clob;
        }
      }
      double w = 1;
      for (int d = depth ? depth[bi] : 0; d > 0 && w < 1e6; d--)
        w *= 10;
      if (in->dst >= 0) {
        EXTEND(in->dst, p + 1);
        /* a pair is written as its instruction ends, but in two moves: it
         * shares no register with the operands (as if live from their use) */
        if (pairs && f->tkind[in->dst] == IK_I64)
          EXTEND(in->dst, p);
        bit_clear(live, in->dst);
        iv[in->dst].weight += w;
        if (in->a.kind == OK_TEMP && in->a.temp != in->dst && f->tkind[in->a.temp] == f->tkind[in->dst] &&
            (in->op == IR_COPY || in->op == IR_ADD || in->op == IR_SUB || in->op == IR_MUL ||
             in->op == IR_AND || in->op == IR_OR || in->op == IR_XOR || in->op == IR_NEG ||
             in->op == IR_NOT || in->op == IR_SHL || in->op == IR_SHR || in->op == IR_SAR))
          iv[in->dst].hint = in->a.temp;
      }
      int nu = ir_uses(in, uses, maxu);
      for (int k = 0; k < nu; k++) {
        EXTEND(uses[k], p);
        /* a pair operand is read in two halves, anywhere in the expansion:
         * it shares no register with the result, and none the expansion
         * destroys */
        if (pairs && f->tkind[uses[k]] == IK_I64) {
          EXTEND(uses[k], p + 1);
          iv[uses[k]].forbid |= clob;
        }
        bit_set(live, uses[k]);
        iv[uses[k]].weight += w;
      }
    }
    for (int k = 0; k < ntouched; k++) {
      int t = touched[k];
      Segs *g = &segs[t];
      if (g->n == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 4;
        g->s = xrealloc(g->s, sizeof(Seg) * g->cap);
      }
      g->s[g->n++] = (Seg){blo[t], bhi[t]};
      blo[t] = -1;
    }
    ntouched = 0;
  }

  if (kept)
    for (int t = 0; t < nt; t++)
      if (kept[t])
        iv[t].forbid |= rf->call_clobbered;
  free(kept);
  if (depth && (rf->load_folds_into || rf->fused_away))
    weigh_folded_loads(rf, f, iv);

  /* linear scan */
  cx->reg = xmalloc(sizeof(int) * (nt + 1));
  cx->reg_hi = xmalloc(sizeof(int) * (nt + 1));
  Interval *order = xmalloc(sizeof(Interval) * (nt + 1));
  int n = 0;
  for (int t = 0; t < nt; t++) {
    cx->reg[t] = cx->reg_hi[t] = -1;
    if (pairs && f->tkind[t] == IK_I64 && iv[t].end >= 0) {
      iv[t].pair = true;
    }
    if ((f->tkind[t] == IK_I32 || iv[t].pair) && iv[t].end >= 0 && !iv[t].away)
      order[n++] = iv[t];
  }
  qsort(order, n, sizeof *order, cmp_start);
  const int *ints = rf->ints;
  int nints = rf->nints;
  if (rf->frameless && rf->frameless(f))
    ints = rf->ints_frameless, nints = rf->nints_frameless;
  if (!depth) {
    linear_scan(cx, order, n, ints, nints);
  } else {
    /* -O1 and up: two scans, spilling the occupant of least density and
     * of least total cost, and whichever leaves the cheaper spills is
     * kept.  Density gives a long interval's register to the short ones
     * it overlaps, which is right when they would otherwise spill one
     * after another; but in a loop with more long-lived values than
     * registers it spills the loop's counter for temps of three
     * instructions, which %edx or a memory operand could have taken
     * (parse-bytes: -11% instructions). */
    int *by_density = cx->reg, *by_density_hi = cx->reg_hi;
    double cost1 = allocate_ints(rf, cx, iv, segs, order, n, ints, nints, false, live_out, nw, maxu);
    cx->reg = xmalloc(sizeof(int) * (nt + 1));
    cx->reg_hi = xmalloc(sizeof(int) * (nt + 1));
    for (int t = 0; t < nt; t++)
      cx->reg[t] = cx->reg_hi[t] = -1;
    double cost2 = allocate_ints(rf, cx, iv, segs, order, n, ints, nints, true, live_out, nw, maxu);
    if (cost2 < cost1) {
      free(by_density);
      free(by_density_hi);
    } else {
      free(cx->reg);
      free(cx->reg_hi);
      cx->reg = by_density;
      cx->reg_hi = by_density_hi;
    }
  }
  /* -O1 and up: double and float temps in the floating registers */
  if (depth && rf->nfloats) {
    n = 0;
    for (int t = 0; t < nt; t++)
      if ((f->tkind[t] == IK_F64 || f->tkind[t] == IK_F32) && iv[t].end >= 0)
        order[n++] = iv[t];
    qsort(order, n, sizeof *order, cmp_start);
    linear_scan_holes(cx, iv, segs, order, n, rf->floats, rf->nfloats, false);
  }
  /* a split copy (mach/split.c) of a value that stayed in memory goes
   * there too: a register would only add a load before its loop and a
   * store after it (the two copies, which sharing its slot removes) */
  if (cx->split_from)
    for (int t = 0; t < nt; t++) {
      int s = cx->split_from[t];
      if (s >= 0 && cx->reg[s] < 0 && cx->reg_hi[s] < 0)
        cx->reg[t] = cx->reg_hi[t] = -1;
    }
  cx->slot_of = xmalloc(sizeof(int) * (nt + 1));
  for (int t = 0; t < nt; t++)
    cx->slot_of[t] = t;
  if (segs && !opt_debug)
    share_spill_slots(cx, iv, segs, bstart);
  cx->saved = 0;
  for (int t = 0; t < nt; t++)
    for (int h = 0; h < 2; h++) {
      int r = h ? cx->reg_hi[t] : cx->reg[t];
      if (r >= 0 && (rf->callee_saved >> r & 1))
        cx->saved |= 1u << r;
    }
  cx->nsaved = __builtin_popcount(cx->saved);
  free(uses);
  ir_live_free(lv);
  free(live);
  free(iv);
  free(order);
  free(bstart);
  free(depth);
  if (segs) {
    for (int t = 0; t < nt; t++)
      free(segs[t].s);
    free(segs);
    free(blo);
    free(bhi);
    free(touched);
  }
}

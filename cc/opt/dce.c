/* opt/dce.c -- dead code elimination: pure instructions (IRF_PURE: no
 * effect besides their result) whose result nothing needs become nops.
 *
 * Two sweeps, each catching what the other cannot:
 *
 *  - Over SSA values (opt/ssa.c), mark and sweep: every instruction with
 *    an effect (a store, a call, a check, a branch, a return) is needed,
 *    and so is the definition of every value a needed instruction reads,
 *    through phis.  A cycle that only feeds itself -- a counter nothing
 *    but its own step reads -- is never marked.  The SSA analysis names
 *    the value of an `a`, `b` or index operand; a temp read anywhere else
 *    (an address's base, a call's arguments) needs every definition of it.
 *  - Over liveness (opt/live.c), repeated while it deletes: a definition
 *    of a temp that is not live after it.  This catches a definition
 *    overwritten before any read, where the first sweep was conservative.
 *
 * At -O0 the variables stay (ir_kept_variables): gdb shows each wherever
 * it is in scope.  Checks are never pure: only opt/'s check passes remove
 * a check, each with a fact for the proof. */
#include "opt.h"

#include <string.h>

static bool removable(const IrInst *in) {
  return in->op != IR_NOP && in->dst >= 0 && (ir_op_flags[in->op] & IRF_PURE);
}

static void make_nop(IrInst *in) {
  in->op = IR_NOP;
  in->dst = -1;
  in->a.kind = in->b.kind = OK_NONE;
  in->addr.base.kind = OK_NONE;
  in->addr.index = -1;
}

typedef struct {
  IrFunc *f;
  IrSsa *s;
  bool **need;                    /* per block, per instruction */
  bool *every_def;                /* per temp: all its definitions are needed */
  int *def_start;                 /* per temp: where its definitions begin in defs */
  int (*defs)[2];                 /* (block, index) of every definition, grouped by temp */
  int *vmark;                     /* per value: needed */
  int (*work)[2];                 /* instructions needed whose operands are not yet marked */
  int nwork;
  int *vwork, nvwork, cap_vwork;
} Marks;

static void need_inst(Marks *m, int b, int i) {
  if (m->need[b][i])
    return;
  m->need[b][i] = true;
  m->work[m->nwork][0] = b;
  m->work[m->nwork++][1] = i;
}

static void need_value(Marks *m, int v) {
  if (v <= 0 || m->vmark[v])
    return;
  m->vmark[v] = 1;
  if (m->nvwork == m->cap_vwork) {
    m->cap_vwork = m->cap_vwork ? 2 * m->cap_vwork : 64;
    m->vwork = xrealloc(m->vwork, sizeof(int) * m->cap_vwork);
  }
  m->vwork[m->nvwork++] = v;
}

static void need_every_def(Marks *m, int t) {
  if (m->every_def[t])
    return;
  m->every_def[t] = true;
  for (int k = m->def_start[t]; k < m->def_start[t + 1]; k++)
    need_inst(m, m->defs[k][0], m->defs[k][1]);
}

/* The operands of the needed instruction at (B, I). */
static void need_operands(Marks *m, int b, int i) {
  IrInst *in = &m->f->blocks[b]->ins[i];
  bool named = m->s->use_a[b] != NULL;        /* reachable: SSA named its values */
  if (in->a.kind == OK_TEMP) {
    if (named)
      need_value(m, m->s->use_a[b][i]);
    else
      need_every_def(m, in->a.temp);
  }
  if (in->b.kind == OK_TEMP) {
    if (named)
      need_value(m, m->s->use_b[b][i]);
    else
      need_every_def(m, in->b.temp);
  }
  if (in->addr.index >= 0) {
    if (named)
      need_value(m, m->s->use_x[b][i]);
    else
      need_every_def(m, in->addr.index);
  }
  /* the operands SSA does not name (ir_uses lists every operand) */
  if (in->addr.base.kind == OK_TEMP)
    need_every_def(m, in->addr.base.temp);
  if (in->sret.kind == OK_TEMP)
    need_every_def(m, in->sret.temp);
  for (int k = 0; k < in->nargs; k++)
    if (in->args[k].val.kind == OK_TEMP)
      need_every_def(m, in->args[k].val.temp);
}

/* The first sweep: whether it removed anything. */
static bool sweep_unneeded_values(IrFunc *f, const bool *kept) {
  int nb = f->nblocks, nt = f->ntemps, ninst = 0;
  IrCfg *g = ir_cfg(f);
  Marks m = {.f = f, .s = ir_ssa(f, g)};
  m.need = xmalloc(sizeof(bool *) * (nb + 1));
  m.every_def = xmalloc(sizeof(bool) * (nt + 1));
  m.def_start = xmalloc(sizeof(int) * (nt + 2));
  for (int b = 0; b < nb; b++) {
    IrBlock *bl = f->blocks[b];
    m.need[b] = xmalloc(sizeof(bool) * (bl->n + 1));
    ninst += bl->n;
    for (int i = 0; i < bl->n; i++)
      if (bl->ins[i].dst >= 0)
        m.def_start[bl->ins[i].dst + 1]++;
  }
  for (int t = 0; t < nt; t++)
    m.def_start[t + 1] += m.def_start[t];
  m.defs = xmalloc(sizeof *m.defs * (ninst + 1));
  int *fill = xmalloc(sizeof(int) * (nt + 1));
  for (int b = 0; b < nb; b++)
    for (int i = 0; i < f->blocks[b]->n; i++) {
      int t = f->blocks[b]->ins[i].dst;
      if (t >= 0) {
        int k = m.def_start[t] + fill[t]++;
        m.defs[k][0] = b;
        m.defs[k][1] = i;
      }
    }
  free(fill);
  m.vmark = xmalloc(sizeof(int) * (m.s->nvals + 1));
  m.work = xmalloc(sizeof *m.work * (ninst + 1));

  for (int b = 0; b < nb; b++)
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst *in = &f->blocks[b]->ins[i];
      if (in->op == IR_NOP)
        continue;
      if (!removable(in) || (kept && kept[in->dst]))
        need_inst(&m, b, i);
    }
  while (m.nwork > 0 || m.nvwork > 0) {
    if (m.nwork > 0) {
      m.nwork--;
      need_operands(&m, m.work[m.nwork][0], m.work[m.nwork][1]);
      continue;
    }
    int v = m.vwork[--m.nvwork];
    int b = m.s->val_block[v];
    if (m.s->val_def[v])
      need_inst(&m, b, (int)(m.s->val_def[v] - f->blocks[b]->ins));
    else
      for (int q = 0; q < g->npred[b]; q++)
        need_value(&m, m.s->phi_in[v][q]);
  }

  bool removed = false;
  for (int b = 0; b < nb; b++)
    for (int i = 0; i < f->blocks[b]->n; i++)
      if (removable(&f->blocks[b]->ins[i]) && !m.need[b][i]) {
        make_nop(&f->blocks[b]->ins[i]);
        removed = true;
      }

  for (int b = 0; b < nb; b++)
    free(m.need[b]);
  free(m.need), free(m.every_def), free(m.def_start), free(m.defs), free(m.vmark), free(m.work), free(m.vwork);
  ir_ssa_free(m.s);
  ir_cfg_free(g);
  return removed;
}

/* The second sweep, once: definitions not live after them. */
static bool sweep_dead_after(IrFunc *f, const bool *kept) {
  IrLive *l = ir_live(f, kept);
  int nw = l->nw, maxu = ir_max_uses(f);
  int *uses = xmalloc(sizeof(int) * maxu);
  Word *live = xmalloc(sizeof(Word) * nw);
  bool removed = false;
  for (int b = 0; b < f->nblocks; b++) {
    IrBlock *bl = f->blocks[b];
    memcpy(live, l->out + (size_t)b * nw, sizeof(Word) * nw);
    for (int i = bl->n - 1; i >= 0; i--) {
      IrInst *in = &bl->ins[i];
      if (removable(in) && !(live[in->dst / 64] >> (in->dst % 64) & 1)) {
        make_nop(in);
        removed = true;
        continue;
      }
      if (in->dst >= 0)
        live[in->dst / 64] &= ~(1ULL << (in->dst % 64));
      int nu = ir_uses(in, uses, maxu);
      for (int k = 0; k < nu; k++)
        live[uses[k] / 64] |= 1ULL << (uses[k] % 64);
    }
  }
  free(uses);
  free(live);
  ir_live_free(l);
  return removed;
}

void opt_dce(IrFunc *f) {
  bool *kept = ir_kept_variables(f);
  sweep_unneeded_values(f, kept);
  while (sweep_dead_after(f, kept))
    ;                             /* a removal can kill the definitions it read */
  free(kept);
}

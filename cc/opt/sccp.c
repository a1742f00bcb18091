/* opt/sccp.c -- sparse conditional constant propagation (the "sccp"
 * pass, -O1 and up; Wegman and Zadeck).
 *
 * Over the SSA values of opt/ssa.c, optimistically: a value is unknown
 * (not yet seen), one integer constant, or varying; a block is dead until
 * an edge into it is found executable; a branch whose operands are
 * constants makes only its taken edge executable, and a phi meets only
 * the values coming in along executable edges.  So a variable assigned the
 * same constant on every path that runs -- even in a loop, even when the
 * other assignments sit in code the constants show dead -- is that
 * constant, which opt/propagate.c (one definition at a time) cannot see.
 *
 * What it writes back into the IR: every `a`/`b` operand that reads a
 * constant value becomes the constant (where propagate would put one:
 * opt_a_takes_constant), the instruction
 * is then folded (opt_fold), and a branch on constants becomes a jump --
 * leaving the blocks no executable edge reaches unreachable, for
 * simplify-cfg to drop.  It folds with opt_fold's arithmetic, which is the
 * target's (32-bit wrapping, shift counts masked), and never folds a
 * division, a load, a call or a floating value: the program's output and
 * its runtime errors stay those of -O0 (LANGUAGE.md §11a).  Checks are
 * not removed here; with constant operands they are opt/constant.c's. */
#include "opt.h"

#include <stdlib.h>
#include <string.h>

enum { UNKNOWN, CONSTANT, VARYING };

typedef struct {
  IrFunc *f;
  IrSsa *s;
  const IrCfg *g;
  unsigned char *state;           /* per value */
  long long *cval;
  bool *live_block;               /* reached by an executable edge (or the entry) */
  bool **live_edge;               /* [b][k]: the edge from g->pred[b][k] */
  /* who reads each value: instructions (block, index) and phis */
  int *nusers, **user_b, **user_i;
  int *nphi_users, **phi_users;
  /* worklists */
  int *edge_from, *edge_to, nedges, cap_edges;
  int *vals, nv, cap_v;
  bool *on_vals;
} Sccp;

static void push_edge(Sccp *c, int from, int to) {
  if (c->nedges == c->cap_edges) {
    c->cap_edges = c->cap_edges ? 2 * c->cap_edges : 32;
    c->edge_from = xrealloc(c->edge_from, sizeof(int) * c->cap_edges);
    c->edge_to = xrealloc(c->edge_to, sizeof(int) * c->cap_edges);
  }
  c->edge_from[c->nedges] = from;
  c->edge_to[c->nedges++] = to;
}

/* V's lattice value goes down to STATE (and K when constant). */
static void lower(Sccp *c, int v, int state, long long k) {
  if (v <= 0 || c->state[v] == VARYING)
    return;
  if (state == CONSTANT && c->state[v] == CONSTANT && c->cval[v] != k)
    state = VARYING;
  if (state == c->state[v] && (state != CONSTANT || c->cval[v] == k))
    return;
  if (state < c->state[v])
    return;
  c->state[v] = (unsigned char)state;
  c->cval[v] = k;
  if (!c->on_vals[v]) {
    if (c->nv == c->cap_v) {
      c->cap_v = c->cap_v ? 2 * c->cap_v : 64;
      c->vals = xrealloc(c->vals, sizeof(int) * c->cap_v);
    }
    c->vals[c->nv++] = v;
    c->on_vals[v] = true;
  }
}

/* The lattice value of operand O, which reads value U when a temp. */
static int oper_state(const Sccp *c, Oper o, int u, long long *k) {
  if (o.kind == OK_IMM) {
    *k = o.imm;
    return CONSTANT;
  }
  if (o.kind != OK_TEMP || u <= 0)
    return VARYING;               /* an address, a float, the entry's unknown */
  *k = c->cval[u];
  return c->state[u];
}

/* IN (in block B, index I) with its operands' current values: its result
 * (when it has one) and the edges out of it (when it ends the block). */
static void visit_inst(Sccp *c, int b, int i) {
  IrInst *in = &c->f->blocks[b]->ins[i];
  long long ka = 0, kb = 0;
  int sa = oper_state(c, in->a, c->s->use_a[b][i], &ka);
  int sb = in->b.kind == OK_NONE ? CONSTANT : oper_state(c, in->b, c->s->use_b[b][i], &kb);
  if (in->dst >= 0) {
    int v = c->s->def_val[b][i];
    IrKind k = c->f->tkind[in->dst];
    if (k != IK_I32 && k != IK_I64)
      lower(c, v, VARYING, 0);
    else if (in->op == IR_COPY)
      lower(c, v, sa, ka);
    else if (!opt_pure_int_op(in->op) || sa == VARYING || sb == VARYING)
      lower(c, v, VARYING, 0);
    else if (sa == CONSTANT && sb == CONSTANT) {
      IrInst t = *in;
      t.a = ir_imm(ka);
      if (in->b.kind != OK_NONE)
        t.b = ir_imm(kb);
      if (opt_fold(&t) && t.op == IR_COPY && t.a.kind == OK_IMM)
        lower(c, v, CONSTANT, t.a.imm);
      else
        lower(c, v, VARYING, 0);
    }
  }
  if (in->op == IR_JMP)
    push_edge(c, b, in->t1);
  else if (in->op == IR_BR) {
    if (sa == CONSTANT && sb == CONSTANT) {
      IrInst t = *in;
      t.a = ir_imm(ka);
      t.b = ir_imm(kb);
      if (opt_fold(&t) && t.op == IR_JMP) {
        push_edge(c, b, t.t1);
        return;
      }
    }
    if (sa == VARYING || sb == VARYING || (sa == CONSTANT && sb == CONSTANT)) {
      push_edge(c, b, in->t1);
      push_edge(c, b, in->t2);
    }
  }
}

static void visit_phi(Sccp *c, int v) {
  int y = c->s->val_block[v];
  if (y == 0) {
    lower(c, v, VARYING, 0);      /* the entry's unknown comes in too */
    return;
  }
  for (int k = 0; k < c->g->npred[y]; k++) {
    if (!c->live_edge[y][k])
      continue;
    int u = c->s->phi_in[v][k];
    if (u <= 0)
      lower(c, v, VARYING, 0);
    else if (c->state[u] != UNKNOWN)
      lower(c, v, c->state[u], c->cval[u]);
  }
}

static void add_user(Sccp *c, int v, int b, int i) {
  if (v <= 0)
    return;
  c->user_b[v] = xrealloc(c->user_b[v], sizeof(int) * (c->nusers[v] + 1));
  c->user_i[v] = xrealloc(c->user_i[v], sizeof(int) * (c->nusers[v] + 1));
  c->user_b[v][c->nusers[v]] = b;
  c->user_i[v][c->nusers[v]++] = i;
}

static void solve(Sccp *c) {
  IrFunc *f = c->f;
  IrSsa *s = c->s;
  const IrCfg *g = c->g;
  for (int b = 0; b < g->nb; b++)
    if (g->idom[b] >= 0)
      for (int i = 0; i < f->blocks[b]->n; i++) {
        add_user(c, s->use_a[b][i], b, i);
        add_user(c, s->use_b[b][i], b, i);
      }
  for (int v = 1; v < s->nvals; v++)
    if (!s->val_def[v])
      for (int k = 0; k < g->npred[s->val_block[v]]; k++) {
        int u = s->phi_in[v][k];
        if (u > 0) {
          c->phi_users[u] = xrealloc(c->phi_users[u], sizeof(int) * (c->nphi_users[u] + 1));
          c->phi_users[u][c->nphi_users[u]++] = v;
        }
      }
  push_edge(c, -1, 0);
  while (c->nedges > 0 || c->nv > 0) {
    if (c->nedges > 0) {
      c->nedges--;
      int from = c->edge_from[c->nedges], to = c->edge_to[c->nedges];
      bool first = !c->live_block[to];
      bool fresh = first;
      for (int k = 0; k < g->npred[to]; k++)
        if (g->pred[to][k] == from && !c->live_edge[to][k])
          c->live_edge[to][k] = fresh = true;
      if (!fresh)
        continue;
      c->live_block[to] = true;
      for (int p = 0; p < s->nphi[to]; p++)
        visit_phi(c, s->phi[to][p]);
      if (first)
        for (int i = 0; i < f->blocks[to]->n; i++)
          visit_inst(c, to, i);
      continue;
    }
    int v = c->vals[--c->nv];
    c->on_vals[v] = false;
    for (int k = 0; k < c->nusers[v]; k++)
      if (c->live_block[c->user_b[v][k]])
        visit_inst(c, c->user_b[v][k], c->user_i[v][k]);
    for (int k = 0; k < c->nphi_users[v]; k++)
      if (c->live_block[s->val_block[c->phi_users[v][k]]])
        visit_phi(c, c->phi_users[v][k]);
  }
}

static void rewrite(Sccp *c) {
  IrFunc *f = c->f;
  for (int b = 0; b < f->nblocks; b++) {
    if (!c->live_block[b])
      continue;
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst *in = &f->blocks[b]->ins[i];
      bool changed = false;
      int ua = c->s->use_a[b][i], ub = c->s->use_b[b][i];
      if (in->a.kind == OK_TEMP && ua > 0 && c->state[ua] == CONSTANT && opt_a_takes_constant(in)) {
        in->a = ir_imm(c->cval[ua]);
        changed = true;
      }
      if (in->b.kind == OK_TEMP && ub > 0 && c->state[ub] == CONSTANT) {
        in->b = ir_imm(c->cval[ub]);
        changed = true;
      }
      if (changed)
        opt_fold(in);
      /* a constant index joins the address's offset, as the check's index
       * became the constant: the checker must see the access use the
       * index it saw checked (propagate's fold_addr does the same) */
      int ux = c->s->use_x[b][i];
      if (in->addr.index >= 0 && ux > 0 && c->state[ux] == CONSTANT && in->addr.base.kind != OK_IMM) {
        long long k = c->cval[ux];
        if (f->tkind[in->addr.index] == IK_I32)
          k = (int)k;
        in->addr.off += k * in->addr.scale;
        in->addr.index = -1;
      }
    }
  }
}

void opt_sccp(IrFunc *f) {
  if (f->nblocks == 0)
    return;
  IrCfg *g = ir_cfg(f);
  IrSsa *s = ir_ssa(f, g);
  Sccp c = {.f = f, .s = s, .g = g};
  c.state = xmalloc(s->nvals + 1);
  c.cval = xmalloc(sizeof(long long) * (s->nvals + 1));
  c.on_vals = xmalloc(s->nvals + 1);
  c.nusers = xmalloc(sizeof(int) * (s->nvals + 1));
  c.user_b = xmalloc(sizeof(int *) * (s->nvals + 1));
  c.user_i = xmalloc(sizeof(int *) * (s->nvals + 1));
  c.nphi_users = xmalloc(sizeof(int) * (s->nvals + 1));
  c.phi_users = xmalloc(sizeof(int *) * (s->nvals + 1));
  c.live_block = xmalloc(g->nb + 1);
  c.live_edge = xmalloc(sizeof(bool *) * (g->nb + 1));
  for (int b = 0; b < g->nb; b++)
    c.live_edge[b] = xmalloc(g->npred[b] + 1);
  solve(&c);
  rewrite(&c);
  for (int v = 0; v < s->nvals; v++) {
    free(c.user_b[v]);
    free(c.user_i[v]);
    free(c.phi_users[v]);
  }
  for (int b = 0; b < g->nb; b++)
    free(c.live_edge[b]);
  free(c.state), free(c.cval), free(c.on_vals), free(c.nusers), free(c.user_b), free(c.user_i);
  free(c.nphi_users), free(c.phi_users), free(c.live_block), free(c.live_edge);
  free(c.edge_from), free(c.edge_to), free(c.vals);
  ir_ssa_free(s);
  ir_cfg_free(g);
}

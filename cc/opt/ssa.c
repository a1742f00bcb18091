/* opt/ssa.c -- static single assignment form as an analysis over the IR.
 *
 * The IR itself is not SSA: a promoted variable is one temp defined
 * wherever the variable is assigned (ir/build.c).  A pass that wants SSA
 * asks for ir_ssa(f), which numbers the *values* of the temps instead of
 * rewriting the code: every definition is a value, every join of
 * different definitions a phi placed at the iterated dominance frontier
 * of the temp's defining blocks (Cytron et al.; the frontiers by Cooper,
 * Harvey and Kennedy's walk up the dominator tree), and every read of a
 * temp in an `a` or `b` operand names the value that reaches it (the
 * renaming walk over the dominator tree), and so does every read of a temp
 * as an address's index.  The passes then reason about
 * values and write their conclusions back into the ordinary IR -- so the
 * back end, the printer and the reader never see a phi, and no pass has
 * to leave SSA.
 *
 * Value 0 is the value of every temp at the entry (never assigned there):
 * unknown.  Unreachable blocks get no values and no phis. */
#include "opt.h"

#include <stdlib.h>
#include <string.h>

static int new_value(IrSsa *s, int temp, int block, IrInst *def) {
  if (s->nvals == s->cap_vals) {
    s->cap_vals = s->cap_vals ? 2 * s->cap_vals : 64;
    s->val_temp = xrealloc(s->val_temp, sizeof(int) * s->cap_vals);
    s->val_block = xrealloc(s->val_block, sizeof(int) * s->cap_vals);
    s->val_def = xrealloc(s->val_def, sizeof(IrInst *) * s->cap_vals);
    s->phi_in = xrealloc(s->phi_in, sizeof(int *) * s->cap_vals);
  }
  int v = s->nvals++;
  s->val_temp[v] = temp;
  s->val_block[v] = block;
  s->val_def[v] = def;
  s->phi_in[v] = NULL;
  return v;
}

/* The dominance frontier of every reachable block, as lists. */
static void frontiers(const IrCfg *g, int **df, int *ndf) {
  for (int b = 0; b < g->nb; b++) {
    if (g->idom[b] < 0 || g->npred[b] < 2)
      continue;
    for (int k = 0; k < g->npred[b]; k++) {
      int r = g->pred[b][k];
      while (r >= 0 && r != g->idom[b]) {
        bool seen = false;
        for (int j = 0; j < ndf[r]; j++)
          seen |= df[r][j] == b;
        if (!seen) {
          df[r] = xrealloc(df[r], sizeof(int) * (ndf[r] + 1));
          df[r][ndf[r]++] = b;
        }
        if (r == 0)
          break;
        r = g->idom[r];
      }
    }
  }
}

IrSsa *ir_ssa(IrFunc *f, const IrCfg *g) {
  int nb = g->nb, nt = f->ntemps;
  IrSsa *s = xmalloc(sizeof *s);
  s->g = g;
  new_value(s, -1, 0, NULL);       /* 0: the entry's unknown */
  s->nphi = xmalloc(sizeof(int) * (nb + 1));
  s->phi = xmalloc(sizeof(int *) * (nb + 1));
  s->use_a = xmalloc(sizeof(int *) * (nb + 1));
  s->use_b = xmalloc(sizeof(int *) * (nb + 1));
  s->use_x = xmalloc(sizeof(int *) * (nb + 1));
  s->def_val = xmalloc(sizeof(int *) * (nb + 1));

  /* the blocks defining each temp, and the frontiers */
  int **df = xmalloc(sizeof(int *) * (nb + 1)), *ndf = xmalloc(sizeof(int) * (nb + 1));
  int **defb = xmalloc(sizeof(int *) * (nt + 1)), *ndefb = xmalloc(sizeof(int) * (nt + 1));
  int *last_defb = xmalloc(sizeof(int) * (nt + 1));
  for (int t = 0; t < nt; t++)
    last_defb[t] = -1;
  frontiers(g, df, ndf);
  for (int b = 0; b < nb; b++) {
    if (g->idom[b] < 0 && b != 0)
      continue;
    IrBlock *bl = f->blocks[b];
    for (int i = 0; i < bl->n; i++) {
      int t = bl->ins[i].dst;
      if (t >= 0 && last_defb[t] != b) {
        defb[t] = xrealloc(defb[t], sizeof(int) * (ndefb[t] + 1));
        defb[t][ndefb[t]++] = b;
        last_defb[t] = b;
      }
    }
  }

  /* phis at the iterated frontiers (a worklist per temp) */
  int *has_phi = xmalloc(sizeof(int) * (nb + 1)), *work = xmalloc(sizeof(int) * (nb + 1));
  int *on_work = xmalloc(sizeof(int) * (nb + 1));
  for (int b = 0; b < nb; b++)
    has_phi[b] = on_work[b] = -1;
  for (int t = 0; t < nt; t++) {
    int nw = 0;
    for (int k = 0; k < ndefb[t]; k++) {
      work[nw++] = defb[t][k];
      on_work[defb[t][k]] = t;
    }
    while (nw > 0) {
      int x = work[--nw];
      for (int j = 0; j < ndf[x]; j++) {
        int y = df[x][j];
        if (has_phi[y] == t)
          continue;
        has_phi[y] = t;
        int v = new_value(s, t, y, NULL);
        s->phi[y] = xrealloc(s->phi[y], sizeof(int) * (s->nphi[y] + 1));
        s->phi[y][s->nphi[y]++] = v;
        if (on_work[y] != t) {
          on_work[y] = t;
          work[nw++] = y;
        }
      }
    }
  }

  /* renaming, over the dominator tree in preorder */
  int *nkids = xmalloc(sizeof(int) * (nb + 1)), **kids = xmalloc(sizeof(int *) * (nb + 1));
  for (int b = 1; b < nb; b++) {
    int d = g->idom[b];
    if (d < 0)
      continue;
    kids[d] = xrealloc(kids[d], sizeof(int) * (nkids[d] + 1));
    kids[d][nkids[d]++] = b;
  }
  int *cur = xmalloc(sizeof(int) * (nt + 1));       /* the value of each temp here */
  memset(cur, 0, sizeof(int) * (nt + 1));
  /* an undo log of (temp, previous value), and per block where its part begins */
  int cap_log = 64, nlog = 0;
  int (*log)[2] = xmalloc(sizeof *log * cap_log);
  int *stack = xmalloc(sizeof(int) * (nb + 1)), *next_kid = xmalloc(sizeof(int) * (nb + 1));
  int *log_mark = xmalloc(sizeof(int) * (nb + 1));
  int sp = 0;
#define SET_CUR(t, v)                                                                                          \
  do {                                                                                                         \
    if (nlog == cap_log) {                                                                                     \
      cap_log *= 2;                                                                                            \
      log = xrealloc(log, sizeof *log * cap_log);                                                              \
    }                                                                                                          \
    log[nlog][0] = (t);                                                                                        \
    log[nlog++][1] = cur[t];                                                                                   \
    cur[t] = (v);                                                                                              \
  } while (0)
  if (nb > 0) {
    stack[sp] = 0;
    next_kid[sp++] = -1;
  }
  while (sp > 0) {
    int b = stack[sp - 1];
    if (next_kid[sp - 1] < 0) {
      /* entering B: its phis, its instructions, its successors' phi inputs */
      log_mark[b] = nlog;
      next_kid[sp - 1] = 0;
      for (int k = 0; k < s->nphi[b]; k++)
        SET_CUR(s->val_temp[s->phi[b][k]], s->phi[b][k]);
      IrBlock *bl = f->blocks[b];
      s->use_a[b] = xmalloc(sizeof(int) * (bl->n + 1));
      s->use_b[b] = xmalloc(sizeof(int) * (bl->n + 1));
      s->use_x[b] = xmalloc(sizeof(int) * (bl->n + 1));
      s->def_val[b] = xmalloc(sizeof(int) * (bl->n + 1));
      for (int i = 0; i < bl->n; i++) {
        IrInst *in = &bl->ins[i];
        s->use_a[b][i] = in->a.kind == OK_TEMP ? cur[in->a.temp] : -1;
        s->use_b[b][i] = in->b.kind == OK_TEMP ? cur[in->b.temp] : -1;
        s->use_x[b][i] = in->addr.index >= 0 ? cur[in->addr.index] : -1;
        s->def_val[b][i] = -1;
        if (in->dst >= 0) {
          int v = new_value(s, in->dst, b, in);
          s->def_val[b][i] = v;
          SET_CUR(in->dst, v);
        }
      }
      int succ[2], ns = ir_succs(bl, succ);
      for (int k = 0; k < ns; k++) {
        int y = succ[k];
        if (k == 1 && succ[1] == succ[0])
          break;
        for (int j = 0; j < g->npred[y]; j++) {
          if (g->pred[y][j] != b)
            continue;
          for (int p = 0; p < s->nphi[y]; p++) {
            int v = s->phi[y][p];
            if (!s->phi_in[v]) {
              s->phi_in[v] = xmalloc(sizeof(int) * (g->npred[y] + 1));
              for (int q = 0; q < g->npred[y]; q++)
                s->phi_in[v][q] = 0;
            }
            s->phi_in[v][j] = cur[s->val_temp[v]];
          }
        }
      }
    }
    if (next_kid[sp - 1] < nkids[b]) {
      int c = kids[b][next_kid[sp - 1]++];
      stack[sp] = c;
      next_kid[sp++] = -1;
      continue;
    }
    /* leaving B: undo its definitions */
    while (nlog > log_mark[b]) {
      nlog--;
      cur[log[nlog][0]] = log[nlog][1];
    }
    sp--;
  }
#undef SET_CUR
  for (int v = 1; v < s->nvals; v++)
    if (!s->val_def[v] && !s->phi_in[v]) {  /* a phi of a block entered from nowhere reachable */
      int y = s->val_block[v];
      s->phi_in[v] = xmalloc(sizeof(int) * (g->npred[y] + 1));
      for (int q = 0; q < g->npred[y]; q++)
        s->phi_in[v][q] = 0;
    }

  for (int b = 0; b < nb; b++) {
    free(df[b]);
    free(kids[b]);
  }
  for (int t = 0; t < nt; t++)
    free(defb[t]);
  free(df), free(ndf), free(defb), free(ndefb), free(last_defb), free(has_phi), free(work), free(on_work);
  free(nkids), free(kids), free(cur), free(log), free(stack), free(next_kid), free(log_mark);
  return s;
}

void ir_ssa_free(IrSsa *s) {
  for (int b = 0; b < s->g->nb; b++) {
    free(s->phi[b]);
    free(s->use_a[b]);
    free(s->use_b[b]);
    free(s->use_x[b]);
    free(s->def_val[b]);
  }
  for (int v = 0; v < s->nvals; v++)
    free(s->phi_in[v]);
  free(s->nphi), free(s->phi), free(s->use_a), free(s->use_b), free(s->use_x), free(s->def_val);
  free(s->val_temp), free(s->val_block), free(s->val_def), free(s->phi_in);
  free(s);
}

/* cfg.c -- the control-flow graph of an IR function, for the passes that
 * need more than their own block: successors, predecessors (of reachable
 * blocks), and immediate dominators by Cooper, Harvey and Kennedy's
 * iteration over the reverse postorder.  Unreachable blocks have no
 * dominator (idom -1) and are no one's predecessor. */
#include "../cc.h"

#include <stdlib.h>
#include <string.h>

int ir_succs(const IrBlock *b, int s[2]) {
  if (b->n == 0)
    return 0;
  const IrInst *t = &b->ins[b->n - 1];
  if (t->op == IR_JMP) {
    s[0] = t->t1;
    return 1;
  }
  if (t->op == IR_BR) {
    s[0] = t->t1;
    s[1] = t->t2;
    return 2;
  }
  return 0;
}

static int intersect(const int *idom, const int *rpo_num, int a, int b) {
  while (a != b) {
    while (rpo_num[a] > rpo_num[b])
      a = idom[a];
    while (rpo_num[b] > rpo_num[a])
      b = idom[b];
  }
  return a;
}

IrCfg *ir_cfg(IrFunc *f) {
  int nb = f->nblocks;
  IrCfg *g = xmalloc(sizeof *g);
  g->nb = nb;
  g->npred = xmalloc(sizeof(int) * (nb + 1));
  g->pred = xmalloc(sizeof(int *) * (nb + 1));
  g->idom = xmalloc(sizeof(int) * (nb + 1));
  memset(g->npred, 0, sizeof(int) * (nb + 1));
  /* postorder by an explicit DFS from the entry */
  int *post = xmalloc(sizeof(int) * (nb + 1)), npost = 0;
  int *rpo_num = xmalloc(sizeof(int) * (nb + 1));
  int *stack = xmalloc(sizeof(int) * (nb + 1)), *next = xmalloc(sizeof(int) * (nb + 1));
  bool *seen = xmalloc(nb + 1);
  memset(seen, 0, nb + 1);
  int sp = 0;
  if (nb > 0) {
    stack[sp] = 0;
    next[sp++] = 0;
    seen[0] = true;
  }
  while (sp > 0) {
    int b = stack[sp - 1], s[2];
    int ns = ir_succs(f->blocks[b], s);
    if (next[sp - 1] < ns) {
      int c = s[next[sp - 1]++];
      if (!seen[c]) {
        seen[c] = true;
        stack[sp] = c;
        next[sp++] = 0;
      }
      continue;
    }
    post[npost++] = b;
    sp--;
  }
  for (int i = 0; i < nb; i++)
    rpo_num[i] = -1;
  for (int i = 0; i < npost; i++)
    rpo_num[post[i]] = npost - 1 - i;
  /* predecessors (reachable ones only) */
  for (int b = 0; b < nb; b++) {
    int s[2], ns = seen[b] ? ir_succs(f->blocks[b], s) : 0;
    for (int k = 0; k < ns; k++)
      g->npred[s[k]]++;
  }
  for (int b = 0; b < nb; b++) {
    g->pred[b] = xmalloc(sizeof(int) * (g->npred[b] + 1));
    g->npred[b] = 0;
  }
  for (int b = 0; b < nb; b++) {
    int s[2], ns = seen[b] ? ir_succs(f->blocks[b], s) : 0;
    for (int k = 0; k < ns; k++)
      g->pred[s[k]][g->npred[s[k]]++] = b;
  }
  /* immediate dominators */
  for (int b = 0; b < nb; b++)
    g->idom[b] = -1;
  if (nb > 0)
    g->idom[0] = 0;
  for (bool changed = true; changed;) {
    changed = false;
    for (int i = npost - 1; i >= 0; i--) {
      int b = post[i];
      if (b == 0)
        continue;
      int nd = -1;
      for (int k = 0; k < g->npred[b]; k++) {
        int p = g->pred[b][k];
        if (g->idom[p] < 0)
          continue;
        nd = nd < 0 ? p : intersect(g->idom, rpo_num, p, nd);
      }
      if (nd != g->idom[b]) {
        g->idom[b] = nd;
        changed = true;
      }
    }
  }
  free(post);
  free(rpo_num);
  free(stack);
  free(next);
  free(seen);
  return g;
}

bool ir_dominates(const IrCfg *g, int a, int b) {
  if (g->idom[b] < 0)
    return false;
  for (;;) {
    if (a == b)
      return true;
    if (b == 0)
      return false;
    b = g->idom[b];
  }
}

void ir_cfg_free(IrCfg *g) {
  for (int b = 0; b < g->nb; b++)
    free(g->pred[b]);
  free(g->pred);
  free(g->npred);
  free(g->idom);
  free(g);
}

/* Lay G's blocks out in ORDER (a permutation of their indices, the entry
 * first): the layout is the block order, and a register's live range is
 * a hull over it, so an inlined body left at the end of the function
 * would stretch every range it uses across the whole function. */
void ir_reorder_blocks(IrFunc *g, const int *order) {
  int nb = g->nblocks;
  int *pos = xmalloc(sizeof(int) * (nb + 1));
  for (int k = 0; k < nb; k++)
    pos[order[k]] = k;
  IrBlock **old = xmalloc(sizeof(IrBlock *) * (nb + 1));
  memcpy(old, g->blocks, sizeof(IrBlock *) * nb);
  for (int k = 0; k < nb; k++) {
    g->blocks[k] = old[order[k]];
    g->blocks[k]->id = k;
  }
  for (int k = 0; k < nb; k++) {
    IrBlock *bl = g->blocks[k];
    for (int x = 0; x < bl->n; x++) {
      IrInst *in = &bl->ins[x];
      if (in->op == IR_JMP || in->op == IR_BR)
        in->t1 = pos[in->t1];
      if (in->op == IR_BR)
        in->t2 = pos[in->t2];
    }
  }
  free(old);
  free(pos);
}

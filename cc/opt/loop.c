/* loop.c -- the loop nesting depth of each block, for spill weights.
 *
 * Dominators from cfg.c; an edge b -> h where h dominates b is a back edge, and the
 * natural loop of header h is every block that reaches such a b without
 * passing through h.  A block's depth is the number of loop headers whose
 * loop contains it (back edges to one header make one loop).  A retreating
 * edge of an irreducible region is not a back edge: its blocks count as
 * outside that "loop" -- a weight, never a correctness question.
 * Unreachable blocks have depth 0. */
#include "../cc.h"

#include <stdlib.h>
#include <string.h>

int ir_natural_loop(const IrCfg *g, int h, char *in, int *stack) {
  memset(in, 0, (size_t)g->nb);
  int top = 0, n = 0;
  for (int k = 0; k < g->npred[h]; k++) {
    int b = g->pred[h][k];
    if (ir_dominates(g, h, b) && !in[b]) {
      in[b] = 1;
      stack[top++] = b;
      n++;
    }
  }
  if (n == 0)
    return 0;
  if (!in[h]) {
    in[h] = 1;
    n++;
  }
  while (top > 0) {
    int b = stack[--top];
    if (b == h)
      continue;
    for (int k = 0; k < g->npred[b]; k++) {
      int q = g->pred[b][k];
      if (!in[q]) {
        in[q] = 1;
        stack[top++] = q;
        n++;
      }
    }
  }
  return n;
}

int *ir_loop_depth(IrFunc *f) {
  int nb = f->nblocks;
  int *depth = xmalloc(sizeof(int) * (nb + 1));
  memset(depth, 0, sizeof(int) * (nb + 1));
  if (nb == 0)
    return depth;
  IrCfg *g = ir_cfg(f);
  int **pred = g->pred, *npred = g->npred;
  int *stack = xmalloc(sizeof(int) * (nb + 1));
  /* natural loops, one per header */
  int *mark = xmalloc(sizeof(int) * nb);
  for (int b = 0; b < nb; b++)
    mark[b] = -1;
  for (int h = 0; h < nb; h++) {
    if (g->idom[h] < 0)
      continue;                   /* unreachable */
    int top = 0;
    for (int k = 0; k < npred[h]; k++) {
      int b = pred[h][k];
      if (!ir_dominates(g, h, b))
        continue;
      if (mark[b] != h) {
        mark[b] = h;
        stack[top++] = b;
      }
    }
    if (top == 0)
      continue;
    mark[h] = h;
    depth[h]++;
    while (top > 0) {
      int b = stack[--top];
      if (b == h)
        continue;
      depth[b]++;
      for (int k = 0; k < npred[b]; k++) {
        int p = pred[b][k];
        if (mark[p] != h) {
          mark[p] = h;
          stack[top++] = p;
        }
      }
    }
  }
  ir_cfg_free(g);
  free(mark);
  free(stack);
  return depth;
}

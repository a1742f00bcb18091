/* loop.c -- the loop nesting depth of each block, for spill weights.
 *
 * Dominators by Cooper, Harvey and Kennedy's iteration over the reverse
 * postorder; an edge b -> h where h dominates b is a back edge, and the
 * natural loop of header h is every block that reaches such a b without
 * passing through h.  A block's depth is the number of loop headers whose
 * loop contains it (back edges to one header make one loop).  A retreating
 * edge of an irreducible region is not a back edge: its blocks count as
 * outside that "loop" -- a weight, never a correctness question.
 * Unreachable blocks have depth 0. */
#include "../cc.h"

#include <stdlib.h>
#include <string.h>

static int block_succs(IrBlock *b, int *s) {
  if (b->n == 0)
    return 0;
  IrInst *t = &b->ins[b->n - 1];
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

int *ir_loop_depth(IrFunc *f) {
  int nb = f->nblocks;
  int *depth = xmalloc(sizeof(int) * (nb + 1));
  memset(depth, 0, sizeof(int) * (nb + 1));
  if (nb == 0)
    return depth;
  /* postorder by an explicit DFS from the entry */
  int *post = xmalloc(sizeof(int) * nb), npost = 0;
  int *rpo_num = xmalloc(sizeof(int) * nb);
  int *stack = xmalloc(sizeof(int) * nb), *next = xmalloc(sizeof(int) * nb);
  bool *seen = xmalloc(sizeof(bool) * nb);
  memset(seen, 0, sizeof(bool) * nb);
  int sp = 0;
  stack[sp] = 0;
  next[sp++] = 0;
  seen[0] = true;
  while (sp > 0) {
    int b = stack[sp - 1], s[2];
    int ns = block_succs(f->blocks[b], s);
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
  int *npred = xmalloc(sizeof(int) * nb), **pred = xmalloc(sizeof(int *) * nb);
  memset(npred, 0, sizeof(int) * nb);
  for (int b = 0; b < nb; b++) {
    int s[2], ns = seen[b] ? block_succs(f->blocks[b], s) : 0;
    for (int k = 0; k < ns; k++)
      npred[s[k]]++;
  }
  for (int b = 0; b < nb; b++) {
    pred[b] = xmalloc(sizeof(int) * (npred[b] + 1));
    npred[b] = 0;
  }
  for (int b = 0; b < nb; b++) {
    int s[2], ns = seen[b] ? block_succs(f->blocks[b], s) : 0;
    for (int k = 0; k < ns; k++)
      pred[s[k]][npred[s[k]]++] = b;
  }
  /* immediate dominators */
  int *idom = xmalloc(sizeof(int) * nb);
  for (int b = 0; b < nb; b++)
    idom[b] = -1;
  idom[0] = 0;
  for (bool changed = true; changed;) {
    changed = false;
    for (int i = npost - 1; i >= 0; i--) {
      int b = post[i];
      if (b == 0)
        continue;
      int nd = -1;
      for (int k = 0; k < npred[b]; k++) {
        int p = pred[b][k];
        if (idom[p] < 0)
          continue;
        nd = nd < 0 ? p : intersect(idom, rpo_num, p, nd);
      }
      if (nd != idom[b]) {
        idom[b] = nd;
        changed = true;
      }
    }
  }
  /* natural loops, one per header */
  int *mark = xmalloc(sizeof(int) * nb);
  for (int b = 0; b < nb; b++)
    mark[b] = -1;
  for (int h = 0; h < nb; h++) {
    if (!seen[h])
      continue;
    int top = 0;
    for (int k = 0; k < npred[h]; k++) {
      int b = pred[h][k];
      int d = b;                  /* does h dominate b? */
      while (d != h && d != 0)
        d = idom[d];
      if (d != h)
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
  for (int b = 0; b < nb; b++)
    free(pred[b]);
  free(pred);
  free(npred);
  free(idom);
  free(mark);
  free(post);
  free(rpo_num);
  free(stack);
  free(next);
  free(seen);
  return depth;
}

/* mach/layout.c -- block placement, -O1 and up: the order in which the
 * target writes a function's blocks, chosen so that branches fall through.
 *
 * The target writes a jump only where a block's successor is not the next
 * block (i386: `jcc T; jmp F` when neither is), so the order decides how
 * many jumps each iteration of a loop runs.  Lowering writes blocks in
 * source order, which the optimiser's passes then leave with jumps to
 * far-away blocks: a loop's exit test between its body's blocks, the two
 * arms of an `if` apart from the code they meet in.  Two steps:
 *
 *   1. Reverse postorder of a depth-first walk that visits a block's exits
 *      (successors of smaller loop depth) first and its first successor
 *      (the `then` arm, the loop body) last: in the reverse order that one
 *      follows the block, and a loop's blocks come together with its exits
 *      after them.
 *   2. Loop rotation: a loop laid out as [header tests..., body..., latch]
 *      whose latch jumps back to the header is laid out as [body...,
 *      latch, header tests...]: the latch falls into the tests, the last
 *      test branches back to the body's top and falls out of the loop --
 *      one jump fewer an iteration, one more on entering the loop.
 *
 * Live ranges are hulls over this order (mach/regalloc.c), so a loop stays
 * one run of blocks.  Nothing here changes what the code does: only the
 * order, with every jump renumbered (ir_reorder_blocks); the checker
 * verifies the code whatever its order. */
#include "../cc.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  IrFunc *f;
  IrCfg *g;
  int *depth;                     /* loop depth per block (opt/loop.c) */
  int *order, n;                  /* the layout: old block indices */
} Layout;

/* Step 1: the successors of B in the order to visit them. */
static int visit_order(const Layout *l, int b, int out[2]) {
  int s[2];
  int ns = ir_succs(l->f->blocks[b], s);
  if (ns == 2 && s[0] == s[1])
    ns = 1;
  if (ns < 2) {
    if (ns)
      out[0] = s[0];
    return ns;
  }
  /* visited last, placed right after B: the first successor, unless it
   * leaves a loop the second stays in */
  bool swap = l->depth[s[0]] < l->depth[s[1]];
  out[0] = swap ? s[0] : s[1];
  out[1] = swap ? s[1] : s[0];
  return 2;
}

static void reverse_postorder(Layout *l) {
  int nb = l->f->nblocks;
  bool *seen = xmalloc(nb + 1);
  int *stack = xmalloc(sizeof(int) * (nb + 1)), *next = xmalloc(sizeof(int) * (nb + 1));
  int *post = xmalloc(sizeof(int) * (nb + 1)), np = 0;
  int sp = 0;
  stack[sp] = 0, next[sp++] = 0, seen[0] = true;
  while (sp > 0) {
    int b = stack[sp - 1], s[2];
    int ns = visit_order(l, b, s);
    if (next[sp - 1] < ns) {
      int c = s[next[sp - 1]++];
      if (!seen[c]) {
        seen[c] = true;
        stack[sp] = c, next[sp++] = 0;
      }
    } else {
      post[np++] = b;
      sp--;
    }
  }
  l->n = 0;
  for (int k = np - 1; k >= 0; k--)
    l->order[l->n++] = post[k];
  for (int b = 0; b < nb; b++)    /* unreachable blocks: last, as they were */
    if (!seen[b])
      l->order[l->n++] = b;
  free(seen), free(stack), free(next), free(post);
}

/* Step 2 for the loop headed by the block at position P of the layout. */
static void rotate(Layout *l, int p, char *in, int *stack) {
  int h = l->order[p];
  if (p == 0 || !ir_natural_loop(l->g, h, in, stack))
    return;
  int q = p;                      /* the loop must be one run [p, q] */
  while (q + 1 < l->n && in[l->order[q + 1]])
    q++;
  int count = 0;
  for (int b = 0; b < l->f->nblocks; b++)
    count += in[b];
  if (count != q - p + 1)
    return;
  IrBlock *latch = l->f->blocks[l->order[q]];
  if (latch->n == 0 || latch->ins[latch->n - 1].op != IR_JMP || latch->ins[latch->n - 1].t1 != h)
    return;
  /* the tests: the first run [p, k) of blocks from H whose branches
   * leave the loop or go forward inside the run or to the block at K,
   * the body's top, into which the last falls from a test that leaves */
  int *pos = xmalloc(sizeof(int) * (l->f->nblocks + 1));
  for (int x = 0; x < l->n; x++)
    pos[l->order[x]] = x;
  int k = p, found = p;
  while (k < q && found == p) {
    int s[2], ns = ir_succs(l->f->blocks[l->order[k]], s);
    bool forward = true;
    for (int j = 0; j < ns; j++)
      forward &= !in[s[j]] || pos[s[j]] > k;
    if (!forward)
      break;
    k++;
    /* [p, k) is a candidate when nothing in it jumps beyond K */
    bool fits = true;
    for (int x = p; x < k && fits; x++) {
      int ns2 = ir_succs(l->f->blocks[l->order[x]], s);
      for (int j = 0; j < ns2; j++)
        fits &= !in[s[j]] || pos[s[j]] <= k;
    }
    IrInst *t = &l->f->blocks[l->order[k - 1]]->ins[l->f->blocks[l->order[k - 1]]->n - 1];
    if (fits && t->op == IR_BR && in[t->t1] != in[t->t2] && (in[t->t1] ? t->t1 : t->t2) == l->order[k])
      found = k;
  }
  free(pos);
  k = found;
  if (k == p)
    return;
  /* [p, k) are the tests: move them after the latch */
  int ntest = k - p, *tests = xmalloc(sizeof(int) * (ntest + 1));
  memcpy(tests, l->order + p, sizeof(int) * ntest);
  memmove(l->order + p, l->order + k, sizeof(int) * (q - k + 1));
  memcpy(l->order + p + (q - k + 1), tests, sizeof(int) * ntest);
  free(tests);
}

void mach_layout_blocks(IrFunc *f) {
  int nb = f->nblocks;
  if (nb < 3)
    return;
  Layout l = {.f = f};
  l.g = ir_cfg(f);
  l.depth = ir_loop_depth(f);
  l.order = xmalloc(sizeof(int) * (nb + 1));
  reverse_postorder(&l);
  char *in = xmalloc(nb + 1);
  int *stack = xmalloc(sizeof(int) * (nb + 1));
  /* each header once, in its place in the order before any rotation */
  int *headers = xmalloc(sizeof(int) * (nb + 1));
  memcpy(headers, l.order, sizeof(int) * nb);
  for (int k = 0; k < nb; k++) {
    int p = 0;
    while (l.order[p] != headers[k])
      p++;
    rotate(&l, p, in, stack);
  }
  free(headers);
  free(in);
  free(stack);
  bool same = true;
  for (int k = 0; k < nb; k++)
    same &= l.order[k] == k;
  if (!same)
    ir_reorder_blocks(f, l.order);
  free(l.order);
  free(l.depth);
  ir_cfg_free(l.g);
}

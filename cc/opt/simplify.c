/* opt/simplify.c -- the control-flow clean-up (the "simplify-cfg"
 * passes): jumps to jumps threaded, branches on constants folded, blocks
 * that cannot be reached dropped (with -fcheck-report's note for each
 * check they held), blocks renumbered in order. */
#include "opt.h"

#include <stdlib.h>
#include <string.h>

static IrFunc *fn;
static int *ndefs, *nuses;
static IrInst **def_of;

/* ---- control flow ------------------------------------------------------------ */

static int thread(int b) {
  for (int hops = 0; hops < 16; hops++) {
    IrBlock *bl = fn->blocks[b];
    int k = 0;
    /* a nop or jump that marks an inlined copy's entry stays reachable:
     * -g's breakpoint on the inlined function is there (dwarf.c) */
    while (k < bl->n && bl->ins[k].op == IR_NOP && !bl->ins[k].inl_entry)
      k++;
    if (k == bl->n - 1 && bl->ins[k].op == IR_JMP && !bl->ins[k].inl_entry && bl->ins[k].t1 != b)
      b = bl->ins[k].t1;
    else
      break;
  }
  return b;
}

static void simplify_cfg(void) {
  for (int b = 0; b < fn->nblocks; b++) {
    IrBlock *bl = fn->blocks[b];
    IrInst *t = &bl->ins[bl->n - 1];
    if (t->op == IR_JMP)
      t->t1 = thread(t->t1);
    if (t->op == IR_BR) {
      t->t1 = thread(t->t1);
      t->t2 = thread(t->t2);
      if (t->t1 == t->t2) {
        t->op = IR_JMP;
        t->a.kind = t->b.kind = OK_NONE;
      }
    }
  }
  /* drop unreachable blocks, keeping the order of the rest */
  int nb = fn->nblocks;
  bool *reach = xmalloc(nb + 1);
  int *stack = xmalloc(sizeof(int) * (nb + 1)), sp = 0;
  reach[0] = true;
  stack[sp++] = 0;
  while (sp) {
    IrBlock *bl = fn->blocks[stack[--sp]];
    IrInst *t = &bl->ins[bl->n - 1];
    int s[2], n = 0;
    if (t->op == IR_JMP)
      s[n++] = t->t1;
    if (t->op == IR_BR)
      s[n++] = t->t1, s[n++] = t->t2;
    for (int k = 0; k < n; k++)
      if (!reach[s[k]]) {
        reach[s[k]] = true;
        stack[sp++] = s[k];
      }
  }
  for (int b = 0; check_report && b < nb; b++)
    for (int i = 0; !reach[b] && i < fn->blocks[b]->n; i++)
      if (fn->blocks[b]->ins[i].op != IR_NOP)
        report_note(fn->blocks[b]->ins[i].site, CN_REMOVED, "simplify_cfg", fn->blocks[b]->ins[i].loc,
                    "unreachable: no path leads to it");
  int *map = xmalloc(sizeof(int) * (nb + 1));
  int m = 0;
  for (int b = 0; b < nb; b++)
    if (reach[b]) {
      map[b] = m;
      fn->blocks[m] = fn->blocks[b];
      fn->blocks[m]->id = m;
      m++;
    }
  fn->nblocks = m;
  for (int b = 0; b < m; b++) {
    IrBlock *bl = fn->blocks[b];
    IrInst *t = &bl->ins[bl->n - 1];
    if (t->op == IR_JMP)
      t->t1 = map[t->t1];
    if (t->op == IR_BR)
      t->t1 = map[t->t1], t->t2 = map[t->t2];
  }
  free(reach);
  free(stack);
  free(map);
}

void opt_simplify_cfg(IrFunc *f) {
  opt_count_uses(f, &ndefs, &nuses, &def_of);
  fn = f;
  simplify_cfg();
}

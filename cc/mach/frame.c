/* mach/frame.c -- the stack check's N of every function (doc/abi.md).
 *
 * A function with a stack check tests, at entry, that N bytes below its
 * entry stack pointer are inside the stack: its own frame (the target's
 * layout: MachFrame) plus, for a call, the return address pushed, plus the
 * worst of what the static callees without a check of their own use -- they
 * rely on their caller's (opt/inline.c and lower.c decide which those are).
 * The sum is checked against LANGUAGE.md §10's limit of 2^31 - 1 bytes,
 * since the check compares a 32-bit stack pointer. */
#include "../cc.h"
#include "../target.h"

#include <stdlib.h>

typedef struct {
  IrProgram *ir;
  const MachFrame *frames;
  long long *need;                /* per function: -1 not computed, -2 in progress */
  int ptr_size;
} Needs;

static int find_func(const IrProgram *ir, const Obj *o) {
  for (int i = 0; i < ir->nfuncs; i++)
    if (ir->funcs[i]->obj == o && !ir->funcs[i]->is_thunk)
      return i;
  return -1;
}

/* In long long: every term is below 2^31, but a chain of them need not
 * be (LANGUAGE.md §10). */
static long long stack_need(Needs *s, int i) {
  if (s->need[i] >= 0)
    return s->need[i];
  if (s->need[i] == -2)
    die("stack need: a cycle among unchecked functions");
  s->need[i] = -2;
  IrFunc *f = s->ir->funcs[i];
  long long worst = 0;
  for (int b = 0; b < f->nblocks; b++)
    for (int k = 0; k < f->blocks[b]->n; k++) {
      IrInst *in = &f->blocks[b]->ins[k];
      if (in->op != IR_CALL || !in->callee)
        continue;
      int j = find_func(s->ir, in->callee);
      if (j < 0 || s->ir->funcs[j]->checks_stack)
        continue;
      long long n = stack_need(s, j);
      if (n > worst)
        worst = n;
    }
  s->need[i] = f->frame_n + (s->frames[i].has_calls ? s->ptr_size : 0) + worst;
  return s->need[i];
}

bool mach_stack_sizes(const struct target *t, IrProgram *ir, const MachFrame *frames) {
  Needs s = {.ir = ir, .frames = frames, .ptr_size = t->ptr_size};
  s.need = xmalloc((ir->nfuncs + 1) * sizeof *s.need);
  for (int i = 0; i < ir->nfuncs; i++)
    s.need[i] = -1;
  bool ok = true;
  for (int i = 0; i < ir->nfuncs; i++) {
    IrFunc *f = ir->funcs[i];
    long long n = -1;
    if (f->checks_stack)
      n = f->is_thunk ? f->frame_n : stack_need(&s, i);
    if (n > 0x7fffffffLL) {
      error_at(f->obj->loc, "the frame of '%s' and those of the static functions its stack check "
               "covers are larger than 2^31 - 1 bytes together", f->obj->name);
      ok = false;
      n = 0;
    }
    f->stack_n = (int)n;
  }
  free(s.need);
  return ok;
}

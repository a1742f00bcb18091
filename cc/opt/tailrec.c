/* tailrec.c -- a function's calls of itself in tail position become a
 * jump back to its start (-O2), with an accumulator for `x + f(...)`.
 *
 *     static long long count(int i, int s)
 *     {
 *         if (i == N)
 *             return s == 0;
 *         return count(i + 1, s) + count(i + 1, s + v[i]);
 *     }
 *
 * The second call's result is added to the first's and returned: the
 * call is in tail position but for one addition.  It becomes
 *
 *     entry: the stack check, the parameters read, acc = 0, jmp H
 *     H:     the rest of the old entry block ...
 *     base:  ret acc + (s == 0)
 *     tail:  a = count(i + 1, s); n0 = i + 1; n1 = s + v[i];
 *            acc = acc + a; i = n0; s = n1; jmp H
 *
 * which halves the calls of a binary recursion, as gcc's tail-recursion
 * pass does.  What this keeps, and why it is safe:
 *
 *   - addition wraps (LANGUAGE.md, signed overflow), so it is associative
 *     and commutative and acc + (a + f) = (acc + a) + f bit for bit; only
 *     integer additions qualify (floating addition is not associative);
 *   - everything is evaluated in the source's order: the arguments, then
 *     (instead of the call) the accumulation, so every check traps where
 *     and when it did; a run-time error inside the loop names the same
 *     function, line and column;
 *   - the frame is reused, which is only right when no frame object can
 *     be seen by the "callee": the function has no memory slot but its
 *     parameters, each read once, whole, at the start (so the parameters
 *     are temps, and a stack-bound argument can only point into a
 *     caller's frame, which stays live);
 *   - fewer frames are pushed, so a recursion that overflowed the stack
 *     at -O0 may not at -O2 (doc/decisions.md: the stack overflow is the
 *     one stop that may differ between levels);
 *   - the proof checker sees an ordinary loop and proves it as such:
 *     nothing here is trusted. */
#include "../cc.h"

#include <stdlib.h>
#include <string.h>

/* The temp each parameter slot is read into by the entry block, in
 * PARAM_TEMP (-1 for a non-parameter slot), and the index of the entry
 * block's first instruction after those reads, in *REST; false unless the
 * function's memory slots are exactly its parameters, each read whole
 * once by the entry block and used nowhere else. */
static bool params_in_temps(IrFunc *f, int *param_temp, int *rest) {
  for (int s = 0; s < f->nslots; s++) {
    param_temp[s] = -1;
    if (f->slots[s].param_off < 0)
      return false;
  }
  IrBlock *b0 = f->blocks[0];
  int k = 0;
  while (k < b0->n && (b0->ins[k].op == IR_NOP || b0->ins[k].op == IR_CHECK_STACK))
    k++;
  int found = 0;
  for (; k < b0->n; k++) {
    IrInst *in = &b0->ins[k];
    if (in->op == IR_NOP)
      continue;
    if (in->op != IR_LOAD || in->addr.base.kind != OK_SLOT || in->addr.index >= 0 || in->addr.off != 0 ||
        in->addr.base.imm != 0 || param_temp[in->addr.base.slot] >= 0)
      break;
    const IrSlot *sl = &f->slots[in->addr.base.slot];
    bool whole = (in->mem == M_I32 && in->k == IK_I32 && sl->size == 4) ||
                 (in->mem == M_I64 && in->k == IK_I64 && sl->size == 8) ||
                 (in->mem == M_F32 && in->k == IK_F32 && sl->size == 4) ||
                 (in->mem == M_F64 && in->k == IK_F64 && sl->size == 8);
    if (!whole)
      return false;
    param_temp[in->addr.base.slot] = in->dst;
    found++;
  }
  if (found != f->nslots)
    return false;
  *rest = k;
  /* no other mention of any slot anywhere */
  for (int b = 0; b < f->nblocks; b++)
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst *in = &f->blocks[b]->ins[i];
      if (b == 0 && i < k)
        continue;
      if (in->a.kind == OK_SLOT || in->b.kind == OK_SLOT || in->addr.base.kind == OK_SLOT ||
          in->sret.kind == OK_SLOT)
        return false;
      for (int a = 0; a < in->nargs; a++)
        if (in->args[a].val.kind == OK_SLOT)
          return false;
    }
  /* the parameter temps are distinct */
  for (int s = 0; s < f->nslots; s++)
    for (int t = s + 1; t < f->nslots; t++)
      if (param_temp[s] == param_temp[t])
        return false;
  return true;
}

/* The temp of the parameter that argument A of a call binds: the
 * parameters ranked by their offsets. */
static int param_of_arg(const IrFunc *f, const int *param_temp, int a) {
  for (int s = 0; s < f->nslots; s++) {
    int rank = 0;
    for (int t = 0; t < f->nslots; t++)
      if (f->slots[t].param_off < f->slots[s].param_off)
        rank++;
    if (rank == a)
      return param_temp[s];
  }
  return -1;
}

/* Whether IN, between the tail call CALL and the addition of its result,
 * can run without the call: integer arithmetic that cannot trap, that
 * does not read the call's result and does not assign a temp the call's
 * arguments read (they are read again after it, for the parameters). */
static bool movable(const IrInst *in, const IrInst *call) {
  switch (in->op) {
  case IR_NOP:
    return true;
  case IR_COPY: case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
  case IR_SHL: case IR_SHR: case IR_SAR: case IR_NEG: case IR_NOT: case IR_SET:
    break;
  default:
    return false;
  }
  if (in->dst < 0 || (in->k != IK_I32 && in->k != IK_I64) || in->dst == call->dst ||
      (in->a.kind == OK_TEMP && in->a.temp == call->dst) || (in->b.kind == OK_TEMP && in->b.temp == call->dst))
    return false;
  for (int a = 0; a < call->nargs; a++)
    if (call->args[a].val.kind == OK_TEMP && call->args[a].val.temp == in->dst)
      return false;
  return true;
}

/* A tail site: block B ends `c = call f(...)`, then perhaps
 * `r = add x, c` (or `add c, x`) perhaps after arithmetic for x that
 * needs no call (movable), then `ret` of c, r or nothing.  Its
 * call's index in *CALL and the addend (OK_NONE for a plain tail call)
 * in *ADDEND. */
static bool tail_site(IrFunc *f, int b, const int *nuses, int *call, Oper *addend) {
  IrBlock *bl = f->blocks[b];
  int n = bl->n;
  if (n < 2 || bl->ins[n - 1].op != IR_RET)
    return false;
  IrInst *ret = &bl->ins[n - 1];
  IrInst *c = &bl->ins[n - 2];
  addend->kind = OK_NONE;
  if (c->op == IR_ADD && n >= 3) {
    IrInst *add = c;
    /* the call, perhaps followed by arithmetic for the addend */
    int k = n - 3;
    while (k >= 0 && bl->ins[k].op != IR_CALL)
      k--;
    if (k < 0)
      return false;
    c = &bl->ins[k];
    if (c->dst < 0 || add->k != f->ret_kind || (add->k != IK_I32 && add->k != IK_I64) ||
        ret->a.kind != OK_TEMP || ret->a.temp != add->dst || nuses[add->dst] != 1 || nuses[c->dst] != 1)
      return false;
    for (int x = k + 1; x < n - 2; x++)
      if (!movable(&bl->ins[x], c))
        return false;
    if (add->a.kind == OK_TEMP && add->a.temp == c->dst && !(add->b.kind == OK_TEMP && add->b.temp == c->dst))
      *addend = add->b;
    else if (add->b.kind == OK_TEMP && add->b.temp == c->dst && !(add->a.kind == OK_TEMP && add->a.temp == c->dst))
      *addend = add->a;
    else
      return false;
    if (addend->kind != OK_TEMP && addend->kind != OK_IMM)
      return false;
    *call = k;
  } else {
    if (c->op != IR_CALL)
      return false;
    if (f->ret_kind == IK_VOID ? ret->a.kind != OK_NONE
                               : (c->dst < 0 || ret->a.kind != OK_TEMP || ret->a.temp != c->dst || nuses[c->dst] != 1))
      return false;
    *call = n - 2;
  }
  c = &bl->ins[*call];
  if (!c->sym || c->callee != f->obj || strcmp(c->sym, f->name) || c->sret.kind != OK_NONE || c->is_runtime ||
      c->k != f->ret_kind)
    return false;
  if (c->nargs != f->nslots)
    return false;
  for (int a = 0; a < c->nargs; a++) {
    const IrArg *arg = &c->args[a];
    if (arg->size > 0 || arg->is_site || arg->is_hole ||
        (arg->val.kind != OK_TEMP && arg->val.kind != OK_IMM && arg->val.kind != OK_SYM))
      return false;
  }
  return true;
}

/* In block B, every parameter temp := the argument CALL passes it, all
 * at once: a copy is emitted when no other pending copy still reads its
 * destination; in a cycle (f(b, a) in f(a, b)) one destination's old
 * value is kept in a new temp. */
static void assign_params(IrFunc *f, int b, const int *param_temp, const IrInst *call) {
  int n = call->nargs, left = 0;
  int *dst = xmalloc(sizeof(int) * (n + 1));
  Oper *src = xmalloc(sizeof(Oper) * (n + 1));
  bool *done = xmalloc(n + 1);
  for (int a = 0; a < n; a++) {
    dst[a] = param_of_arg(f, param_temp, a);
    src[a] = call->args[a].val;
    done[a] = src[a].kind == OK_TEMP && src[a].temp == dst[a];
    left += !done[a];
  }
  while (left > 0) {
    int pick = -1;
    for (int a = 0; a < n && pick < 0; a++) {
      if (done[a])
        continue;
      bool read = false;
      for (int o = 0; o < n; o++)
        read |= !done[o] && o != a && src[o].kind == OK_TEMP && src[o].temp == dst[a];
      if (!read)
        pick = a;
    }
    if (pick < 0) {
      /* a cycle: keep the old value of one destination in a new temp,
       * for the copies that still read it */
      for (int a = 0; a < n && pick < 0; a++)
        if (!done[a])
          pick = a;
      int t = ir_new_temp(f, f->tkind[dst[pick]]);
      IrInst *cp = ir_append(f, b, IR_COPY);
      cp->k = f->tkind[t];
      cp->dst = t;
      cp->a = ir_temp(dst[pick]);
      cp->loc = call->loc;
      for (int o = 0; o < n; o++)
        if (!done[o] && o != pick && src[o].kind == OK_TEMP && src[o].temp == dst[pick])
          src[o] = ir_temp(t);
    }
    IrInst *cp = ir_append(f, b, IR_COPY);
    cp->k = call->args[pick].kind;
    cp->dst = dst[pick];
    cp->a = src[pick];
    cp->loc = call->loc;
    done[pick] = true;
    left--;
  }
  free(dst);
  free(src);
  free(done);
}

/* Each argument of CALL has the kind of the parameter it binds. */
static bool args_fit(const IrFunc *f, const int *param_temp, const IrInst *call) {
  for (int a = 0; a < call->nargs; a++) {
    int t = param_of_arg(f, param_temp, a);
    if (t < 0 || f->tkind[t] != call->args[a].kind)
      return false;
  }
  return true;
}

void opt_tail_recursion(IrFunc *f) {
  if (f->is_thunk || f->sret || !f->obj || f->nblocks == 0)
    return;
  int *param_temp = xmalloc(sizeof(int) * (f->nslots + 1));
  int rest = 0;
  int *nuses = xmalloc(sizeof(int) * (f->ntemps + 1));
  int *site_call = xmalloc(sizeof(int) * (f->nblocks + 1));
  Oper *site_addend = xmalloc(sizeof(Oper) * (f->nblocks + 1));
  bool any = false, accumulates = false;
  if (!params_in_temps(f, param_temp, &rest))
    goto out;
  /* the entry block is no branch target: H takes its place as the loop head */
  for (int b = 0; b < f->nblocks; b++) {
    int s[2], ns = ir_succs(f->blocks[b], s);
    for (int k = 0; k < ns; k++)
      if (s[k] == 0)
        goto out;
  }
  ir_count(f, NULL, nuses, NULL);
  for (int b = 0; b < f->nblocks; b++) {
    site_call[b] = -1;
    if (tail_site(f, b, nuses, &site_call[b], &site_addend[b]) &&
        args_fit(f, param_temp, &f->blocks[b]->ins[site_call[b]])) {
      any = true;
      accumulates |= site_addend[b].kind != OK_NONE;
    } else
      site_call[b] = -1;
  }
  if (!any)
    goto out;
  int nb_old = f->nblocks;
  /* the loop head: the entry block after the parameter reads */
  int h = ir_new_block(f);
  IrBlock *b0 = f->blocks[0];
  for (int k = rest; k < b0->n; k++) {
    IrInst *in = ir_append(f, h, IR_NOP);
    *in = f->blocks[0]->ins[k];
  }
  b0 = f->blocks[0];
  Loc loc = b0->n > 0 ? b0->ins[b0->n - 1].loc : (Loc){0};
  b0->n = rest;
  int acc = -1;
  if (accumulates) {
    acc = ir_new_temp(f, f->ret_kind);
    IrInst *z = ir_append(f, 0, IR_COPY);
    z->k = f->ret_kind;
    z->dst = acc;
    z->a = ir_imm(0);
    z->loc = loc;
  }
  IrInst *j = ir_append(f, 0, IR_JMP);
  j->t1 = h;
  j->loc = loc;
  for (int b = 0; b < nb_old; b++) {
    int bb = b == 0 ? h : b;      /* the old entry block's instructions are H's now */
    IrBlock *bl = f->blocks[bb];
    if (bl->n == 0 || bl->ins[bl->n - 1].op != IR_RET)
      continue;
    if (site_call[b] >= 0) {
      int at = b == 0 ? site_call[b] - rest : site_call[b];
      IrInst call = bl->ins[at];
      Oper addend = site_addend[b];
      /* what computed the addend after the call stays, without it */
      int last = bl->n - 1;     /* the ret; the addition before it */
      if (addend.kind != OK_NONE)
        last--;
      int nkeep = last - (at + 1);
      IrInst *keep = xmalloc(sizeof(IrInst) * (nkeep + 1));
      memcpy(keep, &bl->ins[at + 1], sizeof(IrInst) * nkeep);
      bl->n = at;
      for (int x = 0; x < nkeep; x++)
        *ir_append(f, bb, IR_NOP) = keep[x];
      free(keep);
      /* the accumulation first (its addend may be a parameter), then
       * the parameters, as one parallel assignment */
      if (addend.kind != OK_NONE) {
        IrInst *ad = ir_append(f, bb, IR_ADD);
        ad->k = f->ret_kind;
        ad->dst = acc;
        ad->a = ir_temp(acc);
        ad->b = addend;
        ad->loc = call.loc;
      }
      assign_params(f, bb, param_temp, &call);
      IrInst *back = ir_append(f, bb, IR_JMP);
      back->t1 = h;
      back->loc = call.loc;
    } else if (accumulates && f->ret_kind != IK_VOID) {
      IrInst ret = bl->ins[bl->n - 1];
      bl->n--;
      int sum = ir_new_temp(f, f->ret_kind);
      IrInst *ad = ir_append(f, bb, IR_ADD);
      ad->k = f->ret_kind;
      ad->dst = sum;
      ad->a = ir_temp(acc);
      ad->b = ret.a;
      ad->loc = ret.loc;
      IrInst *r = ir_append(f, bb, IR_RET);
      *r = ret;
      r->a = ir_temp(sum);
    }
  }
  /* H right after the entry block: a live range is a hull over the layout */
  int *order = xmalloc(sizeof(int) * (f->nblocks + 1)), k = 0;
  order[k++] = 0;
  order[k++] = h;
  for (int b = 1; b < nb_old; b++)
    order[k++] = b;
  ir_reorder_blocks(f, order);
  free(order);
out:
  free(param_temp);
  free(nuses);
  free(site_call);
  free(site_addend);
}

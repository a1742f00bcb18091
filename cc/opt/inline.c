/* inline.c -- inlining of small static leaf functions (-O2).
 *
 * A direct call of a `static` function whose body is small and calls
 * nothing is replaced by a copy of that body: its temps and frame slots
 * become the caller's, its `ret` a jump to the rest of the caller's block.
 * What this keeps, and why it is safe:
 *
 *   - every check of the callee is copied with it, and its site record
 *     still names the callee (IrSite.func), so a run-time error reads as
 *     at -O0: same kind, detail, line, column and function (§11a);
 *   - the callee's frame joins the caller's: its slots are laid out in the
 *     caller's frame, which the caller's stack check (or its callers',
 *     emit.c stack_need) covers -- the callee's own stack check is not
 *     copied, as it checked no more than what is now the caller's frame;
 *   - the callee calls nothing, so no call-site record, no return address
 *     and no recursion can be affected;
 *   - the proof checker sees the result as ordinary code of the caller and
 *     proves it as such: nothing here is trusted.
 *
 * Every instruction of a copy names the call it was copied for (IrInst.inl,
 * an IrInline with the callee's variables' places in the copy), and the
 * calls inlined into the callee are copied under it, so -g can show the
 * copy as the callee inlined there (dwarf.c); nothing else reads them.
 *
 * A parameter whose slot the body only reads whole becomes a copy of the
 * argument; any other parameter gets a slot of the caller, stored before
 * the body runs, as the call stored it on the stack.
 *
 * Partial inlining: of a static function that does call (a recursive one,
 * typically), the prefix that ends in a `ret` without any call or store on
 * the way -- the base case `if (i == N) return x;` -- is copied to the call
 * site; every edge out of that prefix goes to the original call, which
 * runs the function from its start.  The prefix only reads, so running it
 * once more is unobservable (another thread's store between the two reads
 * makes an execution in which the call began later); a check in the prefix
 * traps with the callee's site, as the call would. */
#include "../cc.h"

#include <stdlib.h>
#include <string.h>

enum { INLINE_MAX_CALLEE = 60, INLINE_MAX_CALLER = 4000 };

static int real_size(const IrFunc *f) {
  int n = 0;
  for (int b = 0; b < f->nblocks; b++)
    for (int i = 0; i < f->blocks[b]->n; i++)
      n += f->blocks[b]->ins[i].op != IR_NOP;
  return n;
}

static bool inlinable(const IrFunc *f) {
  if (f->is_thunk || f->sret || !f->obj || !f->obj->is_static || f->obj->is_domain_entry ||
      f->obj->is_spawn_target || real_size(f) > INLINE_MAX_CALLEE)
    return false;
  for (int b = 0; b < f->nblocks; b++)
    for (int i = 0; i < f->blocks[b]->n; i++) {
      const IrInst *in = &f->blocks[b]->ins[i];
      if (in->op == IR_CALL)
        return false;
    }
  return true;
}

static IrFunc *func_of(IrProgram *ir, Obj *o) {
  for (int i = 0; i < ir->nfuncs; i++)
    if (ir->funcs[i]->obj == o && !ir->funcs[i]->is_thunk)
      return ir->funcs[i];
  return NULL;
}

static IrMem store_mem(IrKind k, int size) {
  switch (k) {
  case IK_I64: return M_I64;
  case IK_F32: return M_F32;
  case IK_F64: return M_F64;
  default: return size == 1 ? M_U8 : size == 2 ? M_U16 : M_I32;
  }
}

static IrMem whole_mem(IrKind k) {
  switch (k) {
  case IK_I64: return M_I64;
  case IK_F32: return M_F32;
  case IK_F64: return M_F64;
  default: return M_I32;
  }
}

static bool names_slot(Oper o, int s) { return o.kind == OK_SLOT && o.slot == s; }

/* Whether every use of slot S in F is a load of its whole value as kind K. */
static bool slot_only_read_whole(const IrFunc *f, int s, IrKind k) {
  for (int b = 0; b < f->nblocks; b++)
    for (int i = 0; i < f->blocks[b]->n; i++) {
      const IrInst *in = &f->blocks[b]->ins[i];
      bool in_addr = names_slot(in->addr.base, s);
      if (names_slot(in->a, s) || names_slot(in->b, s) || names_slot(in->sret, s))
        return false;
      for (int a = 0; a < in->nargs; a++)
        if (names_slot(in->args[a].val, s))
          return false;
      if (!in_addr)
        continue;
      if (in->op != IR_LOAD || in->addr.index >= 0 || in->addr.off != 0 || in->addr.base.imm != 0 ||
          in->mem != whole_mem(k) || in->k != k)
        return false;
    }
  return true;
}

typedef struct {
  int *temp, *slot, *block;
  int nsites;
  IrSite **site_from, **site_to;
  IrInline *top;                  /* the call being inlined */
  int ninl;                       /* the callee's own inlined calls, copied once each */
  IrInline **inl_from, **inl_to;
} Map;

static Oper map_oper(const Map *m, Oper o) {
  if (o.kind == OK_TEMP)
    o.temp = m->temp[o.temp];
  else if (o.kind == OK_SLOT)
    o.slot = m->slot[o.slot];
  return o;
}

/* ---- what -g needs to describe the copy (IrInst.inl) ---- */

static IrInline *new_inline(IrFunc *g, Obj *callee, Loc call, IrInline *parent, int nvars) {
  IrInline *r = xmalloc(sizeof *r);
  memset(r, 0, sizeof *r);
  r->callee = callee;
  r->call = call;
  r->parent = parent;
  r->vars = xmalloc(sizeof(IrInlineVar) * (nvars + 1));
  vec_push(&g->inlines, r);
  return r;
}

/* The inlined call of G that an instruction copied from F's inlined call X
 * belongs to (X NULL: F's own code, the call being inlined), made on first
 * use, its parents first; its variables' places through M. */
static IrInline *map_inl(IrFunc *g, Map *m, IrInline *x) {
  if (!x)
    return m->top;
  for (int i = 0; i < m->ninl; i++)
    if (m->inl_from[i] == x)
      return m->inl_to[i];
  IrInline *parent = map_inl(g, m, x->parent);
  IrInline *c = new_inline(g, x->callee, x->call, parent, x->nvars);
  for (int i = 0; i < x->nvars; i++) {
    Oper w = x->vars[i].where;
    if (w.kind == OK_SLOT && m->slot[w.slot] < 0)
      w.kind = OK_NONE;           /* a slot the copy reads as its argument: not kept */
    else
      w = map_oper(m, w);
    c->vars[c->nvars].var = x->vars[i].var;
    c->vars[c->nvars++].where = w;
  }
  m->inl_from[m->ninl] = x;
  m->inl_to[m->ninl++] = c;
  return c;
}

/* M's call being inlined: F's variables and where the copy keeps them
 * (a parameter's temp, or the argument itself when a constant; a local's
 * temp or its new slot).  CALL is the call inlined, in G. */
static void begin_inl(IrFunc *g, Map *m, const IrFunc *f, const IrInst *call, const bool *by_copy,
                      const Oper *pval) {
  int n = 0;
  for (Obj *v = f->obj->locals; v; v = v->next)
    n++;
  IrInline *r = new_inline(g, f->obj, call->loc, call->inl, n);
  for (Obj *v = f->obj->locals; v; v = v->next) {
    if (!v->is_local)
      continue;
    Oper w = {.kind = OK_NONE};
    int ps = -1;                  /* the parameter's incoming slot */
    for (int s = 0; s < f->nslots && v->is_param; s++)
      if (f->slots[s].obj == v && f->slots[s].param_off >= 0)
        ps = s;
    /* a constant argument is the parameter's value while the callee does
     * not assign it (its temp's only definition is the read) */
    int defs = 0;
    for (int b = 0; b < f->nblocks && v->id > 0; b++)
      for (int i = 0; i < f->blocks[b]->n; i++)
        defs += f->blocks[b]->ins[i].dst == v->id - 1;
    if (ps >= 0 && by_copy[ps] && pval[ps].kind == OK_IMM && lower_kind(v->ty) == IK_I32 && defs <= 1)
      w = pval[ps];
    else if (v->id > 0 && v->id - 1 < f->ntemps)
      w = ir_temp(m->temp[v->id - 1]);
    else if (v->offset > 0 && v->offset - 1 < f->nslots) {
      int s = v->offset - 1;
      if (m->slot[s] >= 0)
        w = ir_slot(m->slot[s], 0);
      else if (by_copy[s] && (pval[s].kind == OK_TEMP || (pval[s].kind == OK_IMM && lower_kind(v->ty) == IK_I32)))
        w = pval[s];
    }
    r->vars[r->nvars].var = v;
    r->vars[r->nvars++].where = w;
  }
  m->top = r;
}

static IrSite *map_site(IrFunc *g, Map *m, const IrFunc *f, IrSite *s) {
  if (!s)
    return NULL;
  for (int i = 0; i < m->nsites; i++)
    if (m->site_from[i] == s)
      return m->site_to[i];
  IrSite *c = ir_new_site(g, s->kind, s->detail, s->loc);
  c->func = s->func ? s->func : f->obj->name;
  m->site_from[m->nsites] = s;
  m->site_to[m->nsites++] = c;
  return c;
}


/* Copy the instructions of F's block FB (temps, slots, blocks and sites
 * through M) to the end of G's block NBK: a parameter read whole becomes
 * a copy of its argument (BY_COPY, PVAL), `ret` a copy into the call's
 * result and a jump to CONT; F's stack check is left out (its frame is
 * now the caller's). */
static void copy_block(IrFunc *g, int nbk, const IrBlock *fb, Map *m, const IrFunc *f, const bool *by_copy,
                       const Oper *pval, const IrInst *call, int cont) {
  for (int x = 0; x < fb->n; x++) {
    IrInst src = fb->ins[x];
    if (src.op == IR_CHECK_STACK || src.op == IR_NOP)
      continue;
    if (src.op == IR_LOAD && src.addr.base.kind == OK_SLOT && by_copy[src.addr.base.slot]) {
      Oper v = pval[src.addr.base.slot];
      if (v.kind == OK_TEMP && m->temp[src.dst] == v.temp)
        continue;                 /* read directly (map_params_direct) */
      IrInst *in = ir_append(g, nbk, IR_COPY);
      in->k = src.k;
      in->dst = m->temp[src.dst];
      in->a = pval[src.addr.base.slot];
      in->loc = src.loc;
      in->inl = map_inl(g, m, src.inl);
      continue;
    }
    if (src.op == IR_RET) {
      if (call->dst >= 0 && src.a.kind != OK_NONE) {
        IrInst *in = ir_append(g, nbk, IR_COPY);
        in->k = g->tkind[call->dst];
        in->dst = call->dst;
        in->a = map_oper(m, src.a);
        in->loc = src.loc;
        in->inl = map_inl(g, m, src.inl);
      }
      IrInst *in = ir_append(g, nbk, IR_JMP);
      in->t1 = cont;
      in->loc = src.loc;
      in->inl = map_inl(g, m, src.inl);
      continue;
    }
    IrInst *in = ir_append(g, nbk, IR_NOP);
    *in = src;
    if (in->dst >= 0)
      in->dst = m->temp[in->dst];
    in->a = map_oper(m, in->a);
    in->b = map_oper(m, in->b);
    in->addr.base = map_oper(m, in->addr.base);
    if (in->addr.index >= 0)
      in->addr.index = m->temp[in->addr.index];
    if (in->op == IR_JMP || in->op == IR_BR) {
      in->t1 = m->block[in->t1];
      if (in->op == IR_BR)
        in->t2 = m->block[in->t2];
    }
    in->site = map_site(g, m, f, in->site);
    in->site2 = map_site(g, m, f, in->site2);
    in->inl = map_inl(g, m, src.inl);
  }
}

/* Move what follows index I of G's block B (the call) to a new block, and
 * drop the call; the new block's index. */
static int split_at_call(IrFunc *g, int b, int i) {
  int cont = ir_new_block(g);
  IrBlock *bb = g->blocks[b];
  for (int k = i + 1; k < bb->n; k++) {
    IrInst *in = ir_append(g, cont, IR_NOP);
    *in = bb->ins[k];
  }
  bb->n = i;
  return cont;
}

/* M for copying F into G: a new temp of G for each of F's; slots and
 * blocks left for the caller to map. */
static void map_init(Map *m, IrFunc *g, const IrFunc *f) {
  memset(m, 0, sizeof *m);
  m->temp = xmalloc(sizeof(int) * (f->ntemps + 1));
  m->slot = xmalloc(sizeof(int) * (f->nslots + 1));
  m->block = xmalloc(sizeof(int) * (f->nblocks + 1));
  m->site_from = xmalloc(sizeof(IrSite *) * (f->nsites + 1));
  m->site_to = xmalloc(sizeof(IrSite *) * (f->nsites + 1));
  m->inl_from = xmalloc(sizeof(IrInline *) * (f->inlines.len + 1));
  m->inl_to = xmalloc(sizeof(IrInline *) * (f->inlines.len + 1));
  for (int t = 0; t < f->ntemps; t++)
    m->temp[t] = ir_new_temp(g, f->tkind[t]);
  for (int s = 0; s < f->nslots; s++)
    m->slot[s] = -1;
}

/* A parameter that F reads whole, into a temp it never assigns again,
 * passed a temp of G: the copy reads that temp itself, rather than a copy
 * of it.  G's temp cannot change inside the copy, which defines only new
 * temps, and a copy would be a second name that the propagation of
 * opt/propagate.c cannot undo once G's temp has several definitions (a loop's). */
static void map_params_direct(Map *m, IrFunc *g, const IrFunc *f, const bool *by_copy, const Oper *pval,
                              const char *in_s) {
  /* definitions in the blocks copied (IN_S, or all) */
  int *ndefs = xmalloc(sizeof(int) * (f->ntemps + 1));
  memset(ndefs, 0, sizeof(int) * (f->ntemps + 1));
  for (int b = 0; b < f->nblocks; b++)
    for (int x = 0; x < f->blocks[b]->n && (!in_s || in_s[b]); x++)
      if (f->blocks[b]->ins[x].dst >= 0)
        ndefs[f->blocks[b]->ins[x].dst]++;
  for (int b = 0; b < f->nblocks; b++)
    for (int x = 0; x < f->blocks[b]->n && (!in_s || in_s[b]); x++) {
      const IrInst *in = &f->blocks[b]->ins[x];
      if (in->op != IR_LOAD || in->addr.base.kind != OK_SLOT || !by_copy[in->addr.base.slot] || in->dst < 0)
        continue;
      Oper v = pval[in->addr.base.slot];
      if (v.kind == OK_TEMP && ndefs[in->dst] == 1 && g->tkind[v.temp] == f->tkind[in->dst])
        m->temp[in->dst] = v.temp;
    }
  free(ndefs);
}

static void map_free(Map *m) {
  free(m->temp);
  free(m->slot);
  free(m->block);
  free(m->site_from);
  free(m->site_to);
  free(m->inl_from);
  free(m->inl_to);
}

/* Lay G out as blocks 0..B, then the N blocks NEWB, then B+1..FIRST_NEW-1
 * (FIRST_NEW: G's block count before the copy began). */
static void place_after(IrFunc *g, int b, int first_new, const int *newb, int n) {
  int *order = xmalloc(sizeof(int) * (g->nblocks + 1)), k = 0;
  for (int x = 0; x <= b; x++)
    order[k++] = x;
  for (int x = 0; x < n; x++)
    order[k++] = newb[x];
  for (int x = b + 1; x < first_new; x++)
    order[k++] = x;
  ir_reorder_blocks(g, order);
  free(order);
}

/* The argument CALL passes for each parameter slot of F (PVAL, its kind
 * in PKIND: the one of the parameter's rank by offset), and whether the
 * body only reads that slot whole (BY_COPY); false if a parameter has no
 * argument. */
static bool bind_params(const IrFunc *f, const IrInst *call, bool *by_copy, Oper *pval, IrKind *pkind) {
  memset(by_copy, 0, f->nslots + 1);
  for (int s = 0; s < f->nslots; s++) {
    const IrSlot *sl = &f->slots[s];
    if (sl->param_off < 0)
      continue;
    int rank = 0;
    for (int t = 0; t < f->nslots; t++)
      if (f->slots[t].param_off >= 0 && f->slots[t].param_off < sl->param_off)
        rank++;
    int k = -1, seen = 0;
    for (int a = 0; a < call->nargs; a++) {
      if (call->args[a].is_site)
        continue;
      if (seen++ == rank) {
        k = a;
        break;
      }
    }
    if (k < 0)
      return false;
    pval[s] = call->args[k].val;
    pkind[s] = call->args[k].kind;
    by_copy[s] = slot_only_read_whole(f, s, call->args[k].kind);
  }
  return true;
}

/* Inline the call at G's block B, index I, of F. */
static void inline_call(IrFunc *g, int b, int i, IrFunc *f) {
  int first_new = g->nblocks;
  IrInst call = g->blocks[b]->ins[i];
  int cont = split_at_call(g, b, i);
  Map m;
  map_init(&m, g, f);
  for (int k = 0; k < f->nblocks; k++) {
    m.block[k] = ir_new_block(g);
    g->blocks[m.block[k]]->versioned = f->blocks[k]->versioned; /* a checked loop stays one */
  }
  Oper *pval = xmalloc(sizeof(Oper) * (f->nslots + 1));
  IrKind *pkind = xmalloc(sizeof(IrKind) * (f->nslots + 1));
  bool *by_copy = xmalloc(f->nslots + 1);
  if (!bind_params(f, &call, by_copy, pval, pkind))
    die("inline: no argument for a parameter of %s", f->name);
  /* the callee's frame joins the caller's; a parameter not read whole
   * gets its slot stored as the call stored it on the stack */
  for (int s = 0; s < f->nslots; s++) {
    const IrSlot *sl = &f->slots[s];
    if (by_copy[s])
      continue;
    m.slot[s] = ir_new_slot(g, sl->size, sl->align, sl->ty, sl->obj);
    if (sl->param_off < 0)
      continue;
    IrInst *st = ir_append(g, b, IR_STORE);
    st->k = pkind[s];
    st->mem = store_mem(pkind[s], sl->size);
    st->addr.base = ir_slot(m.slot[s], 0);
    st->a = pval[s];
    st->loc = call.loc;
    st->inl = call.inl;
  }
  map_params_direct(&m, g, f, by_copy, pval, NULL);
  begin_inl(g, &m, f, &call, by_copy, pval);
  IrInst *j = ir_append(g, b, IR_JMP);
  j->t1 = m.block[0];
  j->loc = call.loc;
  j->inl = call.inl;
  for (int k = 0; k < f->nblocks; k++)
    copy_block(g, m.block[k], f->blocks[k], &m, f, by_copy, pval, &call, cont);
  g->blocks[m.block[0]]->ins[0].inl_entry = true;
  /* the body right after the call's block, then the rest of that block */
  int *newb = xmalloc(sizeof(int) * (f->nblocks + 1));
  memcpy(newb, m.block, sizeof(int) * f->nblocks);
  newb[f->nblocks] = cont;
  place_after(g, b, first_new, newb, f->nblocks + 1);
  free(newb);
  free(pval);
  free(pkind);
  free(by_copy);
  map_free(&m);
}

enum { PREFIX_MAX = 24 };

/* The prefix of F that partial inlining copies: the blocks reachable from
 * the entry through blocks that neither call nor store, marked in IN_S.
 * False when there is none worth copying (no `ret` in it, too large, or a
 * slot used other than as a parameter read whole). */
static bool prefix_of(const IrFunc *f, char *in_s, const bool *by_copy) {
  memset(in_s, 0, f->nblocks + 1);
  int *stack = xmalloc(sizeof(int) * (f->nblocks + 1)), top = 0, size = 0;
  bool has_ret = false, ok = true;
  stack[top++] = 0;
  in_s[0] = 1;
  while (top > 0 && ok) {
    int b = stack[--top];
    const IrBlock *bl = f->blocks[b];
    bool pure = true;
    for (int i = 0; i < bl->n && pure; i++) {
      const IrInst *in = &bl->ins[i];
      switch (in->op) {
      case IR_CALL: case IR_STORE: case IR_MEMCPY: case IR_MEMZERO:
        pure = false;
        break;
      default:
        break;
      }
    }
    if (!pure) {
      in_s[b] = 2;                /* reached, but left to the call */
      continue;
    }
    for (int i = 0; i < bl->n; i++) {
      const IrInst *in = &bl->ins[i];
      if (in->op == IR_NOP || in->op == IR_CHECK_STACK)
        continue;
      size++;
      has_ret |= in->op == IR_RET;
      if ((in->a.kind == OK_SLOT || in->b.kind == OK_SLOT) ||
          (in->addr.base.kind == OK_SLOT && !(in->op == IR_LOAD && by_copy[in->addr.base.slot])))
        ok = false;
    }
    int s2[2], ns = ir_succs(bl, s2);
    for (int k = 0; k < ns; k++)
      if (!in_s[s2[k]]) {
        in_s[s2[k]] = 1;
        stack[top++] = s2[k];
      }
  }
  free(stack);
  for (int b = 0; b < f->nblocks; b++)
    if (in_s[b] == 2)
      in_s[b] = 0;
  return ok && has_ret && size <= PREFIX_MAX;
}

/* Copy F's prefix (IN_S) to the call at G's block B, index I: edges out of
 * the prefix go to the original call. */
static void inline_prefix(IrFunc *g, int b, int i, const IrFunc *f, const char *in_s, const bool *by_copy,
                          const Oper *pval) {
  int first_new = g->nblocks;
  IrInst call = g->blocks[b]->ins[i];
  int cont = split_at_call(g, b, i);
  int fallback = ir_new_block(g);
  IrInst *c = ir_append(g, fallback, IR_NOP);
  *c = call;
  c->no_inline = true;
  IrInst *back = ir_append(g, fallback, IR_JMP);
  back->t1 = cont;
  back->inl = call.inl;
  Map m;
  map_init(&m, g, f);
  int *newb = xmalloc(sizeof(int) * (f->nblocks + 2)), n = 0;
  for (int k = 0; k < f->nblocks; k++) {
    m.block[k] = in_s[k] ? ir_new_block(g) : fallback;
    if (in_s[k]) {
      newb[n++] = m.block[k];
      g->blocks[m.block[k]]->versioned = f->blocks[k]->versioned;
    }
  }
  map_params_direct(&m, g, f, by_copy, pval, in_s);
  begin_inl(g, &m, f, &call, by_copy, pval);
  IrInst *j = ir_append(g, b, IR_JMP);
  j->t1 = m.block[0];
  j->loc = call.loc;
  j->inl = call.inl;
  for (int k = 0; k < f->nblocks; k++)
    if (in_s[k])
      copy_block(g, m.block[k], f->blocks[k], &m, f, by_copy, pval, &call, cont);
  g->blocks[m.block[0]]->ins[0].inl_entry = true;
  /* layout: the call's block, the prefix, the fallback, the rest */
  newb[n++] = fallback;
  newb[n++] = cont;
  place_after(g, b, first_new, newb, n);
  free(newb);
  map_free(&m);
}

/* A copy of F's blocks and temp kinds, so that F's prefix is read as it
 * was before G (perhaps F itself) changed. */
static IrFunc *clone_func(const IrFunc *f) {
  IrFunc *c = xmalloc(sizeof *c);
  *c = *f;
  c->blocks = xmalloc(sizeof(IrBlock *) * (f->nblocks + 1));
  for (int k = 0; k < f->nblocks; k++) {
    c->blocks[k] = xmalloc(sizeof(IrBlock));
    *c->blocks[k] = *f->blocks[k];
    c->blocks[k]->ins = xmalloc(sizeof(IrInst) * (f->blocks[k]->n + 1));
    if (f->blocks[k]->n)
      memcpy(c->blocks[k]->ins, f->blocks[k]->ins, sizeof(IrInst) * f->blocks[k]->n);
  }
  c->tkind = xmalloc(sizeof(IrKind) * (f->ntemps + 1));
  if (f->ntemps)
    memcpy(c->tkind, f->tkind, sizeof(IrKind) * f->ntemps);
  return c;
}

static void free_clone(IrFunc *c) {
  for (int k = 0; k < c->nblocks; k++) {
    free(c->blocks[k]->ins);
    free(c->blocks[k]);
  }
  free(c->blocks);
  free(c->tkind);
  free(c);
}

/* Partly inline into G the calls of static functions that call, copying
 * from ORIG (each function as it was before this phase began, so that a
 * prefix copied into a function is not copied again into its callers):
 * true if anything was. */
static bool inline_prefixes(IrProgram *ir, IrFunc *g, IrFunc **orig) {
  bool any = false;
  int nb0 = g->nblocks;
  for (int b = 0; b < g->nblocks && b < 4 * nb0 + 64; b++) {
    for (int i = 0; i < g->blocks[b]->n; i++) {
      IrInst *in = &g->blocks[b]->ins[i];
      if (in->op != IR_CALL || in->no_inline || !in->sym || !in->callee || in->sret.kind != OK_NONE)
        continue;
      IrFunc *f = NULL;
      IrFunc *live = func_of(ir, in->callee);
      for (int k = 0; k < ir->nfuncs; k++)
        if (ir->funcs[k] == live)
          f = orig[k];
      if (!f || f->is_thunk || f->sret || !f->obj->is_static || f->obj->is_domain_entry ||
          f->obj->is_spawn_target || inlinable(f) || real_size(g) > INLINE_MAX_CALLER)
        continue;
      bool struct_arg = false;
      for (int a = 0; a < in->nargs; a++)
        struct_arg |= in->args[a].size > 0;
      if (struct_arg || (in->dst >= 0 && f->ret_kind != g->tkind[in->dst]))
        continue;
      bool *by_copy = xmalloc(f->nslots + 1);
      Oper *pval = xmalloc(sizeof(Oper) * (f->nslots + 1));
      IrKind *pkind = xmalloc(sizeof(IrKind) * (f->nslots + 1));
      char *in_s = xmalloc(f->nblocks + 1);
      bool ok = bind_params(f, in, by_copy, pval, pkind) && prefix_of(f, in_s, by_copy);
      if (ok) {
        inline_prefix(g, b, i, f, in_s, by_copy, pval);
        any = true;
      }
      free(by_copy);
      free(pval);
      free(pkind);
      free(in_s);
      if (ok)
        break;                    /* the block ends here now */
    }
  }
  return any;
}

/* Inline into G what qualifies; true if anything was. */
static bool inline_into(IrProgram *ir, IrFunc *g) {
  bool any = false;
  for (int b = 0; b < g->nblocks; b++) {
    for (int i = 0; i < g->blocks[b]->n; i++) {
      IrInst *in = &g->blocks[b]->ins[i];
      if (in->op != IR_CALL || in->no_inline || !in->sym || !in->callee || in->sret.kind != OK_NONE)
        continue;
      IrFunc *f = func_of(ir, in->callee);
      if (!f || f == g || !inlinable(f) || real_size(g) + real_size(f) > INLINE_MAX_CALLER)
        continue;
      bool struct_arg = false;
      for (int a = 0; a < in->nargs; a++)
        struct_arg |= in->args[a].size > 0;
      if (struct_arg || (in->dst >= 0 && f->ret_kind != g->tkind[in->dst]))
        continue;
      /* every parameter has its argument (always so for lowered code; IR
       * read back from text may call with too few) */
      bool *by_copy = xmalloc(f->nslots + 1);
      Oper *pval = xmalloc(sizeof(Oper) * (f->nslots + 1));
      IrKind *pkind = xmalloc(sizeof(IrKind) * (f->nslots + 1));
      bool bound = bind_params(f, in, by_copy, pval, pkind);
      free(by_copy);
      free(pval);
      free(pkind);
      if (!bound)
        continue;
      inline_call(g, b, i, f);
      any = true;
      break;                      /* the block ends here now; its rest is a new block */
    }
  }
  return any;
}

bool *opt_inline_program(IrProgram *ir) {
  bool *changed = xmalloc(ir->nfuncs + 1);
  memset(changed, 0, ir->nfuncs + 1);
  /* a few rounds: a function that became a leaf by inlining can then be
   * inlined into its own callers */
  for (int round = 0; round < 3; round++) {
    bool any = false;
    for (int i = 0; i < ir->nfuncs; i++) {
      IrFunc *g = ir->funcs[i];
      if (g->is_thunk)
        continue;
      if (inline_into(ir, g))
        changed[i] = any = true;
    }
    if (!any)
      break;
  }
  /* then the prefixes of the functions that still call, once */
  IrFunc **orig = xmalloc(sizeof(IrFunc *) * (ir->nfuncs + 1));
  for (int i = 0; i < ir->nfuncs; i++)
    orig[i] = clone_func(ir->funcs[i]);
  for (int i = 0; i < ir->nfuncs; i++) {
    IrFunc *g = ir->funcs[i];
    if (!g->is_thunk && inline_prefixes(ir, g, orig))
      changed[i] = true;
  }
  for (int i = 0; i < ir->nfuncs; i++)
    free_clone(orig[i]);
  free(orig);
  return changed;
}

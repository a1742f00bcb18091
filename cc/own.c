/* own.c -- §13.1: no use of an owned variable after it was moved, on any
 * path.
 *
 * check.c marks every move of an owned local (a parameter or an automatic
 * variable of type T *own): an ND_VAR read with `own_move` (the right side
 * of `=`, an initializer, an `own` argument, `return`, spawn, chan_send,
 * share), and delete(p).  This pass follows the function's control flow
 * (if, loops, switch, goto, &&, ||, ?:, calls that do not return) over a
 * small graph of events in evaluation order:
 *
 *   USE v    p is read (p->f, *p, p[i], lengthof(p), p == NULL, a loan)
 *   MOVE v   p is moved (also a use: moving a moved p is an error)
 *   DEF v    p is given a value (=, a declaration, take(p), renew(p, n))
 *
 * and computes, before each event, the owned locals that may have been
 * moved on some path (a forward "may" analysis over bit sets: the union
 * over the predecessors, so a loop that moves p is caught on its second
 * trip).
 * A USE or MOVE of such a variable is `error: use of 'p' after it was
 * moved`, with a note at one move that reaches it (found by a second,
 * one-variable pass, for the variables with errors only).  The graph is
 * linear in the size of the body; the passes over it are as many as the
 * loops nest, plus two. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cc.h"

typedef enum { EV_USE, EV_MOVE, EV_DEF, EV_JMP, EV_BR, EV_END, EV_NOP } EvKind;

typedef struct {
  EvKind kind;
  int var;                        /* USE, MOVE, DEF: index in Own.vars */
  Node *node;                     /* USE, MOVE: where */
  int t1, t2;                     /* JMP: t1; BR: t1 and t2 (labels) */
} Ev;

typedef struct {
  Ev *ev;
  int n, cap;
  int *label_at;                  /* label -> event index (-1: not placed yet) */
  int nlabels, cap_labels;
  Obj **vars;                     /* the owned locals */
  int nvars;
  /* labels of the statements goto and switch reach */
  Node **lnode;
  int *lid;
  int nl, capl;
  int brk, cont;                  /* current break/continue labels, -1 outside */
} Own;

static int new_label(Own *o) {
  if (o->nlabels == o->cap_labels) {
    o->cap_labels = o->cap_labels ? 2 * o->cap_labels : 64;
    o->label_at = xrealloc(o->label_at, sizeof(int) * (size_t)o->cap_labels);
  }
  o->label_at[o->nlabels] = -1;
  return o->nlabels++;
}

static Ev *emit(Own *o, EvKind k) {
  if (o->n == o->cap) {
    o->cap = o->cap ? 2 * o->cap : 256;
    o->ev = xrealloc(o->ev, sizeof(Ev) * (size_t)o->cap);
  }
  Ev *e = &o->ev[o->n++];
  memset(e, 0, sizeof *e);
  e->kind = k;
  return e;
}

/* Places label L at the next event (a NOP, so that labels never share an
 * event with a jump's own successors). */
static void place(Own *o, int l) {
  o->label_at[l] = o->n;
  emit(o, EV_NOP);
}

static void jmp(Own *o, int l) { emit(o, EV_JMP)->t1 = l; }

static void br(Own *o, int a, int b) {
  Ev *e = emit(o, EV_BR);
  e->t1 = a;
  e->t2 = b;
}

/* The label of statement N (a label, case or default), made on first use. */
static int label_of(Own *o, Node *n) {
  for (int i = 0; i < o->nl; i++)
    if (o->lnode[i] == n)
      return o->lid[i];
  if (o->nl == o->capl) {
    o->capl = o->capl ? 2 * o->capl : 16;
    o->lnode = xrealloc(o->lnode, sizeof(Node *) * (size_t)o->capl);
    o->lid = xrealloc(o->lid, sizeof(int) * (size_t)o->capl);
  }
  o->lnode[o->nl] = n;
  o->lid[o->nl] = new_label(o);
  return o->lid[o->nl++];
}

static int var_of(Own *o, Node *n) {
  if (!n || n->kind != ND_VAR || !n->obj)
    return -1;
  for (int i = 0; i < o->nvars; i++)
    if (o->vars[i] == n->obj)
      return i;
  return -1;
}

static void var_event(Own *o, EvKind k, int v, Node *n) {
  Ev *e = emit(o, k);
  e->var = v;
  e->node = n;
}

static void expr(Own *o, Node *n);

/* Events [A0, A1) used a variable that events [B0, B1) move: the object
 * would be given away while still reached (lent to the same call, or the
 * place it is stored into).  WHY says what.  Reported at once: no path
 * makes it right. */
static void same_expr_move(Own *o, int a0, int a1, int b0, int b1, const char *why) {
  for (int j = b0; j < b1; j++) {
    if (o->ev[j].kind != EV_MOVE)
      continue;
    for (int i = a0; i < a1; i++)
      if ((o->ev[i].kind == EV_USE || o->ev[i].kind == EV_MOVE) && o->ev[i].var == o->ev[j].var) {
        Obj *v = o->vars[o->ev[j].var];
        error_at(o->ev[j].node->loc, "'%s' is moved here while %s", v->name, why);
        note_at(o->ev[i].node->loc, "'%s' is used here", v->name);
        break;
      }
  }
}

/* The arguments of a call or spawn, in order; no argument may move a
 * variable that another one uses (a loan lasts for the whole call). */
static void call_args(Own *o, Node *args) {
  int starts[64], n = 0;
  for (Node *a = args; a; a = a->next) {
    if (n < 64)
      starts[n++] = o->n;
    expr(o, a);
  }
  int end = o->n;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      if (i == j)
        continue;
      same_expr_move(o, starts[i], i + 1 < n ? starts[i + 1] : end, starts[j],
                     j + 1 < n ? starts[j + 1] : end, "another argument of the same call uses it");
    }
}

static void init_exprs(Own *o, Init *in) {
  if (!in)
    return;
  if (in->expr)
    expr(o, in->expr);
  for (int i = 0; i < in->nchildren; i++)
    init_exprs(o, in->children[i]);
}

static bool call_noreturn(Node *n) {
  Type *ft = n->lhs->ty;
  if (ft && ft->kind == TY_PTR)
    ft = ft->base;
  return ft && ft->kind == TY_FUNC && ft->noreturn;
}

static void expr(Own *o, Node *n) {
  if (!n)
    return;
  int v;
  switch (n->kind) {
  case ND_VAR:
    v = var_of(o, n);
    if (v >= 0)
      var_event(o, n->own_move ? EV_MOVE : EV_USE, v, n);
    return;
  case ND_ASSIGN: {
    v = var_of(o, n->lhs);
    int l0 = o->n;
    if (v < 0)
      expr(o, n->lhs);
    int r0 = o->n;
    expr(o, n->rhs);
    /* p->next = p: the object would own itself, unreachable */
    same_expr_move(o, l0, r0, r0, o->n, "it is stored into an object reached through it");
    if (v >= 0)
      var_event(o, EV_DEF, v, n);
    return;
  }
  case ND_TAKE: case ND_RENEW:
    v = var_of(o, n->lhs);
    expr(o, n->lhs);               /* a use: it must hold its object */
    expr(o, n->rhs);
    if (v >= 0)
      var_event(o, EV_DEF, v, n);
    return;
  case ND_DELETE:
    v = var_of(o, n->lhs);
    if (v >= 0)
      var_event(o, EV_MOVE, v, n->lhs);
    else
      expr(o, n->lhs);
    return;
  case ND_LOGAND: case ND_LOGOR: {
    int rhs = new_label(o), end = new_label(o);
    expr(o, n->lhs);
    br(o, rhs, end);
    place(o, rhs);
    expr(o, n->rhs);
    place(o, end);
    return;
  }
  case ND_COND: {
    int a = new_label(o), b = new_label(o), end = new_label(o);
    expr(o, n->cond);
    br(o, a, b);
    place(o, a);
    expr(o, n->then);
    jmp(o, end);
    place(o, b);
    expr(o, n->els);
    place(o, end);
    return;
  }
  case ND_CALL:
    expr(o, n->lhs);
    call_args(o, n->args);
    if (call_noreturn(n)) {
      emit(o, EV_END);
      place(o, new_label(o));      /* what follows is unreachable */
    }
    return;
  case ND_SPAWN:
    call_args(o, n->args);
    return;
  case ND_COMPOUND_LIT:
    init_exprs(o, n->initz);
    return;
  case ND_SIZEOF: case ND_NUM: case ND_NULL:
    return;
  default:
    expr(o, n->lhs);
    expr(o, n->rhs);
    for (Node *a = n->args; a; a = a->next)
      expr(o, a);
    return;
  }
}

static void stmt(Own *o, Node *n);

static void stmts(Own *o, Node *n) {
  for (; n; n = n->next)
    stmt(o, n);
}

static void loop_body(Own *o, Node *body, int brk, int cont) {
  int ob = o->brk, oc = o->cont;
  o->brk = brk;
  o->cont = cont;
  stmt(o, body);
  o->brk = ob;
  o->cont = oc;
}

/* The case and default labels directly in a switch's body (not in a
 * nested switch). */
static void switch_labels(Own *o, Node *n, int *has_default) {
  if (!n)
    return;
  switch (n->kind) {
  case ND_SWITCH:
    return;
  case ND_CASE: case ND_DEFAULT: {
    int l = label_of(o, n);
    if (n->kind == ND_DEFAULT)
      *has_default = l + 1;
    else {
      int next = new_label(o);
      br(o, l, next);
      place(o, next);
    }
    switch_labels(o, n->then, has_default);
    return;
  }
  case ND_BLOCK:
    for (Node *s = n->body; s; s = s->next)
      switch_labels(o, s, has_default);
    return;
  default:
    switch_labels(o, n->then, has_default);
    switch_labels(o, n->els, has_default);
    return;
  }
}

static void stmt(Own *o, Node *n) {
  if (!n)
    return;
  switch (n->kind) {
  case ND_BLOCK:
    stmts(o, n->body);
    return;
  case ND_EXPR_STMT:
    expr(o, n->lhs);
    return;
  case ND_DECL: {
    init_exprs(o, n->initz);
    Node var = {.kind = ND_VAR, .obj = n->obj};
    int v = var_of(o, &var);
    if (v >= 0)
      var_event(o, EV_DEF, v, n);
    return;
  }
  case ND_IF: {
    int a = new_label(o), b = new_label(o), end = new_label(o);
    expr(o, n->cond);
    br(o, a, b);
    place(o, a);
    stmt(o, n->then);
    jmp(o, end);
    place(o, b);
    stmt(o, n->els);
    place(o, end);
    return;
  }
  case ND_WHILE: {
    int head = new_label(o), body = new_label(o), end = new_label(o);
    place(o, head);
    expr(o, n->cond);
    br(o, body, end);
    place(o, body);
    loop_body(o, n->then, end, head);
    jmp(o, head);
    place(o, end);
    return;
  }
  case ND_DO: {
    int body = new_label(o), cont = new_label(o), end = new_label(o);
    place(o, body);
    loop_body(o, n->then, end, cont);
    place(o, cont);
    expr(o, n->cond);
    br(o, body, end);
    place(o, end);
    return;
  }
  case ND_FOR: {
    int head = new_label(o), body = new_label(o), cont = new_label(o), end = new_label(o);
    if (n->init) {
      if (n->init->kind == ND_BLOCK || n->init->kind == ND_DECL || n->init->kind == ND_EXPR_STMT ||
          n->init->kind == ND_NULL_STMT)
        stmt(o, n->init);
      else
        expr(o, n->init);
    }
    place(o, head);
    if (n->cond) {
      expr(o, n->cond);
      br(o, body, end);
    }
    place(o, body);
    loop_body(o, n->then, end, cont);
    place(o, cont);
    expr(o, n->inc);
    jmp(o, head);
    place(o, end);
    return;
  }
  case ND_SWITCH: {
    int end = new_label(o), has_default = 0;
    expr(o, n->cond);
    switch_labels(o, n->then, &has_default);
    jmp(o, has_default ? has_default - 1 : end);
    int ob = o->brk;
    o->brk = end;
    stmt(o, n->then);
    o->brk = ob;
    place(o, end);
    return;
  }
  case ND_CASE: case ND_DEFAULT: case ND_LABEL:
    place(o, label_of(o, n));
    stmt(o, n->then);
    return;
  case ND_BREAK:
    if (o->brk >= 0)
      jmp(o, o->brk);
    place(o, new_label(o));
    return;
  case ND_CONTINUE:
    if (o->cont >= 0)
      jmp(o, o->cont);
    place(o, new_label(o));
    return;
  case ND_RETURN:
    expr(o, n->lhs);
    emit(o, EV_END);
    place(o, new_label(o));
    return;
  case ND_GOTO:
    if (n->target)
      jmp(o, label_of(o, n->target));
    place(o, new_label(o));
    return;
  default:
    return;
  }
}

/* The successors of event I: up to two, into SUCC; the count. */
static int successors(Own *o, int i, int succ[2]) {
  Ev *e = &o->ev[i];
  int ns = 0;
  switch (e->kind) {
  case EV_END: break;
  case EV_JMP: succ[ns++] = o->label_at[e->t1]; break;
  case EV_BR: succ[ns++] = o->label_at[e->t1]; succ[ns++] = o->label_at[e->t2]; break;
  default: succ[ns++] = i + 1; break;
  }
  int k = 0;
  for (int j = 0; j < ns; j++)
    if (succ[j] >= 0 && succ[j] < o->n)
      succ[k++] = succ[j];
  return k;
}

/* For the one variable V: at[i] is a move of V that may reach event i
 * (the first found), for the note of an error. */
static Node **move_sites(Own *o, int v) {
  Node **at = xmalloc(sizeof(Node *) * (size_t)o->n);
  for (bool changed = true; changed;) {
    changed = false;
    for (int i = 0; i < o->n; i++) {
      Ev *e = &o->ev[i];
      Node *out = at[i];
      if (e->var == v && e->kind == EV_MOVE && !out)
        out = e->node;
      else if (e->var == v && e->kind == EV_DEF)
        out = NULL;
      int succ[2], ns = successors(o, i, succ);
      for (int k = 0; k < ns; k++)
        if (out && !at[succ[k]]) {
          at[succ[k]] = out;
          changed = true;
        }
    }
  }
  return at;
}

/* The analysis for the variables [V0, V1) (they do not interact, so a
 * function with very many of them is done in slices of bounded memory):
 * bit sets of the variables that may have been moved, one per event,
 * propagated in passes over the events in order until nothing changes
 * (forward edges settle within a pass, each loop adds one). */
static void analyse(Own *o, int v0, int v1, Node ***sites) {
  int nw = (v1 - v0 + 63) / 64;
  uint64_t *in = xmalloc(sizeof(uint64_t) * (size_t)o->n * (size_t)nw);
  uint64_t *out = xmalloc(sizeof(uint64_t) * (size_t)nw);
  bool *reached = xmalloc((size_t)o->n);
  reached[0] = true;
  for (bool changed = true; changed;) {
    changed = false;
    for (int i = 0; i < o->n; i++) {
      if (!reached[i])
        continue;
      Ev *e = &o->ev[i];
      memcpy(out, &in[(size_t)i * nw], sizeof(uint64_t) * (size_t)nw);
      if (e->var >= v0 && e->var < v1 && (e->kind == EV_MOVE || e->kind == EV_DEF)) {
        int b = e->var - v0;
        if (e->kind == EV_MOVE)
          out[b / 64] |= (uint64_t)1 << (b % 64);
        else
          out[b / 64] &= ~((uint64_t)1 << (b % 64));
      }
      int succ[2], ns = successors(o, i, succ);
      for (int k = 0; k < ns; k++) {
        int j = succ[k];
        if (!reached[j])
          reached[j] = changed = true;
        uint64_t *t = &in[(size_t)j * nw];
        for (int w = 0; w < nw; w++)
          if ((t[w] | out[w]) != t[w]) {
            t[w] |= out[w];
            changed = true;
          }
      }
    }
  }
  for (int i = 0; i < o->n; i++) {
    Ev *e = &o->ev[i];
    if (!reached[i] || (e->kind != EV_USE && e->kind != EV_MOVE) || e->var < v0 || e->var >= v1)
      continue;
    int b = e->var - v0;
    if (!(in[(size_t)i * nw + b / 64] & ((uint64_t)1 << (b % 64))))
      continue;
    if (!sites[e->var])
      sites[e->var] = move_sites(o, e->var);
    Node *m = sites[e->var][i];
    Obj *v = o->vars[e->var];
    error_at(e->node->loc, "use of '%s' after it was moved", v->name);
    if (!m)
      continue;
    /* a move at or after the use in the text reached it around a loop */
    bool earlier_trip = m->loc.line > e->node->loc.line ||
                        (m->loc.line == e->node->loc.line && m->loc.col >= e->node->loc.col);
    note_at(m->loc, "'%s' was moved here%s; assign it again before using it", v->name,
            earlier_trip ? ", on an earlier trip through the loop" : "");
  }
  free(reached);
  free(out);
  free(in);
}

static bool is_own_ptr(Type *t) { return t && t->kind == TY_PTR && (t->qual & Q_OWN); }

void own_check_function(Obj *fn) {
  Own o = {0};
  o.brk = o.cont = -1;
  for (Obj *v = fn->locals; v; v = v->next)
    if (!v->is_static && is_own_ptr(v->ty)) {
      o.vars = xrealloc(o.vars, sizeof(Obj *) * (size_t)(o.nvars + 1));
      o.vars[o.nvars++] = v;
    }
  if (o.nvars == 0)
    return;
  stmt(&o, fn->body);
  emit(&o, EV_END);

  /* at most 2^22 words of state at a time */
  int slice = (int)(64 * ((1 << 22) / o.n > 0 ? (1 << 22) / o.n : 1));
  Node ***sites = xmalloc(sizeof(Node **) * (size_t)o.nvars);
  for (int v0 = 0; v0 < o.nvars; v0 += slice)
    analyse(&o, v0, v0 + slice < o.nvars && v0 + slice > 0 ? v0 + slice : o.nvars, sites);
  for (int v = 0; v < o.nvars; v++)
    free(sites[v]);
  free(sites);
  free(o.ev);
  free(o.label_at);
  free(o.vars);
  free(o.lnode);
  free(o.lid);
}

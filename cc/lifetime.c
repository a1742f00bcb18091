/* lifetime.c -- LANGUAGE.md §9: no pointer to the stack outlives its frame.
 *
 * check.c calls lifetime_check_function() for every function definition
 * once its body is typed.  The analysis has two passes over the body:
 *
 *  1. Inference.  A local object (variable, parameter, compound literal)
 *     *holds* a stack-bound value if any store anywhere in the function
 *     (assignment, initializer) puts one into it or into a part of it.
 *     Pointer parameters not declared `global` hold one from the start.
 *     Flow-insensitive, one flag per object (a struct or an array of
 *     pointers is one object): one walk records which objects each store
 *     makes holders, directly or when another object is one, and a
 *     worklist propagates the flags over those edges.
 *
 *  2. Errors.  With the flags known, every place where a value may
 *     outlive the frame (a global or static object, an object reached
 *     through a pointer, a `global` parameter, the return value, an
 *     argument of spawn) is checked, and so is every `&` of a holder,
 *     since a value read back through that pointer would not count as
 *     stack-bound.
 *
 * Invariant this gives: a value that is not stack-bound never points into
 * automatic storage of any live frame.  doc/lifetime.md has the rules and
 * the decisions where the contract is silent.
 */
#include "cc.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------
 * The set of local objects that may hold a stack-bound value.
 * --------------------------------------------------------------------- */

typedef struct {
  Obj **slot;
  int cap, len;
} ObjSet;

static unsigned obj_hash(Obj *o) {
  uintptr_t h = (uintptr_t)o;
  h ^= h >> 17;
  h *= 0x9e3779b1u;
  return (unsigned)(h ^ (h >> 13));
}

static bool set_has(ObjSet *s, Obj *o) {
  if (!s->cap)
    return false;
  for (unsigned i = obj_hash(o) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
    if (!s->slot[i])
      return false;
    if (s->slot[i] == o)
      return true;
  }
}

static void set_add(ObjSet *s, Obj *o);

static void set_grow(ObjSet *s) {
  ObjSet old = *s;
  s->cap = old.cap ? old.cap * 2 : 32;
  s->len = 0;
  s->slot = xmalloc(sizeof(Obj *) * s->cap);
  for (int i = 0; i < old.cap; i++)
    if (old.slot[i])
      set_add(s, old.slot[i]);
  free(old.slot);
}

static void set_add(ObjSet *s, Obj *o) {
  if (set_has(s, o))
    return;
  if ((s->len + 1) * 2 > s->cap)
    set_grow(s);
  unsigned i = obj_hash(o) & (s->cap - 1);
  while (s->slot[i])
    i = (i + 1) & (s->cap - 1);
  s->slot[i] = o;
  s->len++;
}

/* ---------------------------------------------------------------------
 * State of one function's analysis.
 * --------------------------------------------------------------------- */

/* Pass 1's graph: one node per local object met; an edge from A to B when
 * some store puts into B a value that is stack-bound if A holds one. */
typedef struct {
  Obj **key;            /* open addressing: Obj* -> node index */
  int *val;
  int cap, len;
  Obj **obj;            /* node -> object */
  Vec *succ;            /* node -> Obj* of the objects it flows into */
  int nobj, cap_obj;
} FlowGraph;

typedef struct {
  Obj *fn;
  ObjSet holds;         /* locals that may hold a stack-bound value */
  ObjSet seen_statics;  /* static objects whose initializer was checked */
  Vec *collect;         /* pass 1: is_stack_bound() lists here the objects
                           its answer depends on instead of reading holds */
  FlowGraph flow;
  Vec pending;          /* pass 1: objects to mark (the worklist) */
} Lt;

/* Can a value of type T carry a pointer into the stack?  Pointers to data
 * can; function pointers cannot (they only ever point to functions), and
 * neither can anything reached through a pointer: only what the value
 * itself contains counts. */
static bool type_has_ptr(Type *t) {
  if (!t)
    return false;
  switch (t->kind) {
  case TY_PTR:
    return !(t->base && t->base->kind == TY_FUNC);
  case TY_ARRAY:
    return type_has_ptr(t->base);
  case TY_STRUCT:
  case TY_UNION:
    if (!t->sdef)
      return false;
    for (Member *m = t->sdef->members; m; m = m->next)
      if (type_has_ptr(m->ty))
        return true;
    return false;
  default:
    return false;
  }
}

static bool is_global_ptr(Type *t) {
  /* an owned pointer (§13.1) is never stack-bound either */
  return t && t->kind == TY_PTR && (t->qual & (Q_GLOBAL | Q_OWN));
}

/* An automatic object of the function: variables, parameters, compound
 * literals, hidden temporaries. */
static bool is_auto(Obj *o) {
  return o && o->is_local && !o->is_function;
}

static Node *strip_casts(Node *e) {
  while (e && e->kind == ND_CAST)
    e = e->lhs;
  return e;
}

/* The object an lvalue designates part of, following members and array
 * elements but not pointers: ND_VAR, ND_COMPOUND_LIT, ND_DEREF (the
 * lvalue is reached through a pointer), or anything else (an rvalue such
 * as a call's struct result). */
static Node *lvalue_root(Node *lv) {
  for (;;) {
    if (!lv)
      return NULL;
    switch (lv->kind) {
    case ND_MEMBER:
    case ND_INDEX:
      lv = lv->lhs;
      continue;
    case ND_CAST:         /* not an lvalue, but harmless to see through */
      lv = lv->lhs;
      continue;
    default:
      return lv;
    }
  }
}

static Obj *root_obj(Node *root) {
  if (!root)
    return NULL;
  if (root->kind == ND_VAR || root->kind == ND_COMPOUND_LIT)
    return root->obj;
  return NULL;
}

static bool is_stack_bound(Lt *lt, Node *e);

/* Is &LV a pointer into automatic storage? */
static bool addr_is_stack_bound(Lt *lt, Node *lv) {
  Node *root = lvalue_root(lv);
  if (!root)
    return false;
  switch (root->kind) {
  case ND_VAR:
    return is_auto(root->obj);
  case ND_COMPOUND_LIT:
    /* an automatic object of the function (§1); check.c gives one at
     * file scope a static object */
    return !root->obj || is_auto(root->obj);
  case ND_DEREF:
    /* &p->f, &(*p)[i], &p[i]: inside whatever p points to */
    return is_stack_bound(lt, root->lhs);
  default:
    /* part of a struct or union value that is not an lvalue (a call's
     * result, ?:, =, ,): §9 makes it an automatic temporary of the frame,
     * whatever object the value was copied from */
    return is_struct_or_union(root->ty);
  }
}

/* May the value of E point into automatic storage (or, for a struct,
 * union or array value, contain such a pointer)?  With lt->collect set
 * (pass 1), the answer is split in two: the result says whether E is
 * stack-bound whatever the locals hold, and the locals whose holding a
 * stack-bound value would make E one are appended to lt->collect. */
static bool is_stack_bound(Lt *lt, Node *e) {
  if (!e || !type_has_ptr(e->ty))
    return false;
  switch (e->kind) {
  case ND_VAR:
    if (lt->collect && is_auto(e->obj)) {
      vec_push(lt->collect, e->obj);
      return false;
    }
    return is_auto(e->obj) && set_has(&lt->holds, e->obj);
  case ND_COMPOUND_LIT:
    if (lt->collect && e->obj) {
      vec_push(lt->collect, e->obj);
      return false;
    }
    return e->obj && set_has(&lt->holds, e->obj);
  case ND_MEMBER:
  case ND_INDEX:
    /* a part of a local holder, of a struct rvalue, or of an object
     * reached through a pointer (ND_DEREF: never stack-bound) */
    return is_stack_bound(lt, e->lhs);
  case ND_ADDR:
    return addr_is_stack_bound(lt, e->lhs);
  case ND_CAST:
    return is_stack_bound(lt, e->lhs);
  case ND_COND:
    return is_stack_bound(lt, e->then) || is_stack_bound(lt, e->els);
  case ND_COMMA:
    return is_stack_bound(lt, e->rhs);
  case ND_ASSIGN:
    return is_stack_bound(lt, e->rhs);
  default:
    /* ND_DEREF (read through a pointer), ND_CALL, ND_NEW, ND_NULL,
     * ND_NUM, ND_SPAWN, arithmetic: not stack-bound */
    return false;
  }
}

/* ---------------------------------------------------------------------
 * Describing where a stack-bound value comes from, for messages.
 * --------------------------------------------------------------------- */

typedef enum {
  ORIGIN_ADDR,          /* &x, &x.f, a local array, a compound literal */
  ORIGIN_PARAM,         /* a pointer parameter not declared global */
  ORIGIN_HOLDER,        /* a local that may hold a stack address */
  ORIGIN_OTHER,
} OriginKind;

typedef struct {
  OriginKind kind;
  Obj *obj;             /* the local / parameter; NULL for a compound literal */
  bool whole;           /* ORIGIN_ADDR: the whole object, not a part */
  bool array;           /* ORIGIN_ADDR: an automatic array used as a value */
  bool temporary;       /* ORIGIN_ADDR: inside a struct rvalue (a call's result, ?:, =, ,) */
  bool computed;        /* PARAM/HOLDER: &p->f, &(*p)[i]: an address computed from it */
  Member *member;       /* PARAM/HOLDER: the value is this member of the object */
  bool element;         /* PARAM/HOLDER: the value is an element of the object */
} Origin;

static Origin origin_of(Lt *lt, Node *e);

static Origin addr_origin(Lt *lt, Node *lv) {
  Origin o = {.kind = ORIGIN_OTHER};
  Node *root = lvalue_root(lv);
  if (!root)
    return o;
  if (root->kind == ND_DEREF) {
    o = origin_of(lt, root->lhs);
    o.computed = true;
    o.member = NULL;
    o.element = false;
    return o;
  }
  o.kind = ORIGIN_ADDR;
  o.obj = root->kind == ND_VAR ? root->obj : NULL;
  o.temporary = root->kind != ND_VAR && root->kind != ND_COMPOUND_LIT;
  o.whole = strip_casts(lv) == root;
  o.array = o.whole && root->ty && root->ty->kind == TY_ARRAY;
  return o;
}

static Origin origin_of(Lt *lt, Node *e) {
  Origin o = {.kind = ORIGIN_OTHER};
  if (!e)
    return o;
  switch (e->kind) {
  case ND_VAR:
    o.obj = e->obj;
    o.kind = e->obj && e->obj->is_param && e->obj->ty && e->obj->ty->kind == TY_PTR
                 ? ORIGIN_PARAM
                 : ORIGIN_HOLDER;
    return o;
  case ND_COMPOUND_LIT:
    o.kind = ORIGIN_HOLDER;
    return o;
  case ND_MEMBER:
  case ND_INDEX: {
    Node *root = lvalue_root(e);
    if (root && (root->kind == ND_VAR || root->kind == ND_COMPOUND_LIT)) {
      o.kind = ORIGIN_HOLDER;
      o.obj = root->kind == ND_VAR ? root->obj : NULL;
      if (e->kind == ND_MEMBER)
        o.member = e->member;
      else
        o.element = true;
      return o;
    }
    if (root && root != e)
      return origin_of(lt, root);
    return o;
  }
  case ND_CAST:
    return origin_of(lt, e->lhs);
  case ND_ADDR:
    return addr_origin(lt, e->lhs);
  case ND_COND:
    return is_stack_bound(lt, e->then) ? origin_of(lt, e->then) : origin_of(lt, e->els);
  case ND_COMMA:
  case ND_ASSIGN:
    return origin_of(lt, e->rhs);
  default:
    return o;
  }
}

/* The part of the stack-bound E to point at: the arm of ?: that is
 * stack-bound, the right of a comma or an assignment, under casts. */
static Loc culprit_loc(Lt *lt, Node *e) {
  for (;;) {
    if (e->kind == ND_CAST && e->lhs)
      e = e->lhs;
    else if (e->kind == ND_COND && e->then && e->els)
      e = is_stack_bound(lt, e->then) ? e->then : e->els;
    else if ((e->kind == ND_COMMA || e->kind == ND_ASSIGN) && e->rhs)
      e = e->rhs;
    else
      return e->loc;
  }
}

/* How parameter P would be declared `global`: "int *global p",
 * "const int v[global]" (§4.3). */
static const char *global_spelling(Obj *p) {
  Type *t = p->ty;
  if (t->base && t->base->kind == TY_ARRAY && t->base->len < 0 && !(t->qual & ~Q_GLOBAL))
    return format("%s %s[global]", type_to_c(t->base->base, NULL), p->name);
  if (t->base && t->base->kind != TY_ARRAY && t->base->kind != TY_FUNC && !t->qual) {
    const char *b = type_to_c(t->base, NULL);
    size_t n = strlen(b);
    return format("%s%s*global %s", b, n && b[n - 1] == '*' ? "" : " ", p->name);
  }
  return type_to_c(type_qualified(t, Q_GLOBAL), p->name);
}

/* What the stack-bound value E is, for messages ("the address of local
 * variable 'x'"), and the fix that goes with it. */
static void describe(Lt *lt, Node *e, const char **what, const char **fix) {
  Origin o = origin_of(lt, strip_casts(e));
  bool aggregate = e->ty && (e->ty->kind == TY_STRUCT || e->ty->kind == TY_UNION ||
                             e->ty->kind == TY_ARRAY);
  *fix = "allocate the object with new instead";
  if (o.kind == ORIGIN_ADDR) {
    if (o.temporary) {
      *what = "an address inside a struct value that is not an lvalue (an automatic temporary)";
      *fix = "copy the struct into an object allocated with new, and take the address there";
    } else if (!o.obj)
      *what = "the address of a compound literal (an automatic object)";
    else if (o.array)
      *what = format("local array '%s'", o.obj->name);
    else if (o.whole)
      *what = format("the address of local variable '%s'", o.obj->name);
    else
      *what = format("an address inside local variable '%s'", o.obj->name);
    return;
  }
  if (o.kind == ORIGIN_OTHER || (!o.obj && o.kind == ORIGIN_HOLDER)) {
    *what = aggregate ? "a value that holds a pointer to the stack"
                      : "a pointer that may point to the stack";
    return;
  }

  const char *name = o.obj->is_param ? format("parameter '%s'", o.obj->name)
                                     : format("'%s'", o.obj->name);
  const char *why = o.obj->is_param ? (aggregate ? "it may hold a pointer into a caller's stack"
                                                : "it may point into a caller's stack")
                    : aggregate      ? "it holds a pointer to the stack"
                                     : "it may point to the stack";
  if (o.computed)
    *what = format("an address computed from %s (%s)", name, why);
  else if (o.member && o.member->name)
    *what = format("member '%s' of %s (%s)", o.member->name, name, why);
  else if (o.element)
    *what = format("an element of %s (%s)", name, why);
  else if (o.obj->is_param)
    *what = format("%s (%s)", name, why);
  else
    *what = format("the value of %s (%s)", name, why);
  if (o.kind == ORIGIN_PARAM)
    *fix = format("declare the parameter '%s'", global_spelling(o.obj));
}

/* ---------------------------------------------------------------------
 * The walk over every expression and initializer of the body.
 * --------------------------------------------------------------------- */

typedef enum { PASS_INFER, PASS_CHECK } Pass;

static void walk(Lt *lt, Node *n, Pass pass);
static void walk_list(Lt *lt, Node *n, Pass pass) {
  for (; n; n = n->next)
    walk(lt, n, pass);
}

static int flow_node(FlowGraph *g, Obj *o) {
  if ((g->len + 1) * 2 > g->cap) {
    FlowGraph old = *g;
    g->cap = old.cap ? old.cap * 2 : 64;
    g->key = xmalloc(sizeof *g->key * g->cap);
    g->val = xmalloc(sizeof *g->val * g->cap);
    g->len = 0;
    for (int i = 0; i < old.cap; i++)
      if (old.key[i]) {
        unsigned j = obj_hash(old.key[i]) & (g->cap - 1);
        while (g->key[j])
          j = (j + 1) & (g->cap - 1);
        g->key[j] = old.key[i];
        g->val[j] = old.val[i];
        g->len++;
      }
    free(old.key);
    free(old.val);
  }
  unsigned i = obj_hash(o) & (g->cap - 1);
  for (; g->key[i]; i = (i + 1) & (g->cap - 1))
    if (g->key[i] == o)
      return g->val[i];
  if (g->nobj == g->cap_obj) {
    g->cap_obj = g->cap_obj ? 2 * g->cap_obj : 64;
    g->obj = xrealloc(g->obj, sizeof *g->obj * g->cap_obj);
    g->succ = xrealloc(g->succ, sizeof *g->succ * g->cap_obj);
  }
  g->obj[g->nobj] = o;
  memset(&g->succ[g->nobj], 0, sizeof *g->succ);
  g->key[i] = o;
  g->val[i] = g->nobj;
  g->len++;
  return g->nobj++;
}

/* Pass 1 met a store of E into TARGET: TARGET holds a stack-bound value
 * at once if E is one whatever the locals hold, and as soon as any local
 * E depends on does.  Edges instead of repeated whole-body rounds: the
 * propagation is linear in the number of stores (16,000 pointer copies
 * in reverse order took minutes with the rounds). */
static void flow_into(Lt *lt, Node *e, Obj *target) {
  Vec deps = {0};
  lt->collect = &deps;
  bool now = is_stack_bound(lt, e);
  lt->collect = NULL;
  if (now)
    vec_push(&lt->pending, target);
  else
    for (int i = 0; i < deps.len; i++)
      if (deps.v[i] != target) {
        int from = flow_node(&lt->flow, deps.v[i]);   /* may move succ */
        vec_push(&lt->flow.succ[from], target);
      }
  free(deps.v);
}

/* The worklist: every object marked, then everything it flows into. */
static void propagate(Lt *lt) {
  while (lt->pending.len) {
    Obj *o = lt->pending.v[--lt->pending.len];
    if (set_has(&lt->holds, o))
      continue;
    set_add(&lt->holds, o);
    int node = flow_node(&lt->flow, o);            /* may move succ */
    Vec *succ = &lt->flow.succ[node];
    for (int i = 0; i < succ->len; i++)
      if (!set_has(&lt->holds, succ->v[i]))
        vec_push(&lt->pending, succ->v[i]);
  }
}

/* Every expression of an initializer tree. */
static void init_exprs(Lt *lt, Init *in, Pass pass, Obj *target, bool target_static) {
  if (!in)
    return;
  if (in->expr) {
    walk(lt, in->expr, pass);
    if (pass == PASS_INFER && target && !target_static && !is_global_ptr(target->ty))
      flow_into(lt, in->expr, target);
    if (pass == PASS_CHECK && is_stack_bound(lt, in->expr)) {
      if (target_static) {
        const char *what, *fix;
        describe(lt, in->expr, &what, &fix);
        error_at(culprit_loc(lt, in->expr),
                 "cannot initialize static variable '%s' with %s: it would outlive the "
                 "frame of '%s'; %s",
                 target ? target->name : "?", what, lt->fn->name, fix);
      }
      if (target && !target_static && is_global_ptr(target->ty)) {
        const char *what, *fix;
        describe(lt, in->expr, &what, &fix);
        error_at(culprit_loc(lt, in->expr),
                 "cannot initialize 'global' pointer '%s' with %s; %s",
                 target->name, what, fix);
      }
    }
  }
  for (int i = 0; i < in->nchildren; i++)
    init_exprs(lt, in->children[i], pass, target, target_static);
}

/* A static object named in the body: its initializer must hold no stack
 * address.  check.c already demands constants there, so this is a second
 * line of defence; each object is looked at once. */
static void check_static_init(Lt *lt, Obj *o) {
  if (!o || o->is_local || o->is_function || !o->initz || set_has(&lt->seen_statics, o))
    return;
  set_add(&lt->seen_statics, o);
  init_exprs(lt, o->initz, PASS_CHECK, o, true);
}

static const char *callee_name(Node *call) {
  Node *f = call->lhs;
  if (f && f->kind == ND_VAR && f->obj)
    return format("'%s'", f->obj->name);
  return "the called function";
}

static Type *callee_type(Node *call) {
  Type *t = call->lhs ? call->lhs->ty : NULL;
  if (t && t->kind == TY_PTR)
    t = t->base;
  return t && t->kind == TY_FUNC ? t : NULL;
}

/* lhs = rhs with a stack-bound rhs: is the destination allowed? */
static void check_store(Lt *lt, Node *lhs, Node *rhs) {
  Node *root = lvalue_root(lhs);
  const char *what, *fix;
  if (!root)
    return;
  if (root->kind == ND_DEREF) {
    describe(lt, rhs, &what, &fix);
    error_at(culprit_loc(lt, rhs),
             "cannot store %s through a pointer: the object it points to may outlive "
             "the frame of '%s'; %s",
             what, lt->fn->name, fix);
    return;
  }
  Obj *o = root_obj(root);
  if (root->kind == ND_VAR && o && !is_auto(o)) {
    describe(lt, rhs, &what, &fix);
    error_at(culprit_loc(lt, rhs),
             "cannot store %s in %s variable '%s': it would outlive the frame of '%s'; %s",
             what, o->is_static ? "static" : "global", o->name, lt->fn->name, fix);
    return;
  }
  if (root->kind == ND_VAR && o && is_global_ptr(o->ty)) {
    describe(lt, rhs, &what, &fix);
    error_at(culprit_loc(lt, rhs), "cannot store %s in '%s', which is declared 'global'; %s",
             what, o->name, fix);
    return;
  }
  /* Otherwise a local (or compound literal) of this frame: allowed; pass 1
   * has marked it as a holder. */
}

static void check_expr(Lt *lt, Node *n) {
  const char *what, *fix;
  switch (n->kind) {
  case ND_ASSIGN:
    if (is_stack_bound(lt, n->rhs))
      check_store(lt, n->lhs, n->rhs);
    break;
  case ND_ADDR: {
    Node *root = lvalue_root(n->lhs);
    Obj *o = root_obj(root);
    if (o && is_auto(o) && set_has(&lt->holds, o) &&
        type_has_ptr(root->ty)) {
      bool whole = strip_casts(n->lhs) == root;
      if (whole && root->ty->kind == TY_ARRAY)
        error_at(n->loc,
                 "cannot pass local array '%s' by address: it may hold pointers to the "
                 "stack, which could escape through the callee; store only heap or static "
                 "addresses in it, or allocate the array with new",
                 o->name);
      else if (root->kind == ND_VAR && root->ty->kind == TY_ARRAY)
        error_at(n->loc,
                 "cannot take the address of an element of '%s': it may hold pointers to "
                 "the stack, which could escape through the new pointer; store only heap "
                 "or static addresses in it, or allocate the array with new",
                 o->name);
      else if (root->kind == ND_VAR)
        error_at(n->loc,
                 "cannot take the address of %s'%s': it may hold a pointer to the stack, "
                 "which could escape through the new pointer; pass '%s' by value, or store "
                 "only heap or static addresses in it",
                 whole ? "" : "a part of ", o->name, o->name);
      else
        error_at(n->loc,
                 "cannot take the address of a compound literal that holds a pointer to "
                 "the stack; allocate the object with new instead");
    }
    break;
  }
  case ND_CALL: {
    Type *ft = callee_type(n);
    int i = 0;
    for (Node *a = n->args; a; a = a->next, i++) {
      Type *pt = ft && i < ft->nparams ? ft->params[i] : NULL;
      if (is_global_ptr(pt) && is_stack_bound(lt, a)) {
        describe(lt, a, &what, &fix);
        error_at(culprit_loc(lt, a),
                 "cannot pass %s as argument %d of %s, whose parameter is declared "
                 "'global' (it may be kept after '%s' returns); %s",
                 what, i + 1, callee_name(n), lt->fn->name, fix);
      }
    }
    break;
  }
  case ND_SPAWN: {
    int i = 0;
    for (Node *a = n->args; a; a = a->next, i++)
      if (is_stack_bound(lt, a)) {
        describe(lt, a, &what, &fix);
        error_at(culprit_loc(lt, a),
                 "cannot pass %s to spawn (argument %d): the new thread may outlive the "
                 "frame of '%s'; %s",
                 what, i + 1, lt->fn->name, fix);
      }
    break;
  }
  case ND_VAR:
    check_static_init(lt, n->obj);
    break;
  default:
    break;
  }
}

static void walk(Lt *lt, Node *n, Pass pass) {
  if (!n)
    return;

  switch (n->kind) {
  case ND_DECL:
    if (n->obj && n->initz)
      init_exprs(lt, n->initz, pass, n->obj, !is_auto(n->obj));
    return;
  case ND_COMPOUND_LIT:
    if (n->initz)
      init_exprs(lt, n->initz, pass, n->obj, false);
    return;
  case ND_RETURN:
    walk(lt, n->lhs, pass);
    if (pass == PASS_CHECK && n->lhs && is_stack_bound(lt, n->lhs)) {
      const char *what, *fix;
      describe(lt, n->lhs, &what, &fix);
      error_at(culprit_loc(lt, n->lhs),
               "cannot return %s: it would dangle once '%s' returns; %s", what,
               lt->fn->name, fix);
    }
    return;
  case ND_GOTO:
    return;             /* `target` is a label inside the body: walked there */
  case ND_SWITCH:
    walk(lt, n->cond, pass);
    walk(lt, n->then, pass);   /* the cases are statements inside the body */
    return;
  default:
    break;
  }

  walk(lt, n->lhs, pass);
  walk(lt, n->rhs, pass);
  walk(lt, n->cond, pass);
  walk(lt, n->then, pass);
  walk(lt, n->els, pass);
  walk(lt, n->init, pass);
  walk(lt, n->inc, pass);
  walk_list(lt, n->body, pass);
  walk_list(lt, n->args, pass);

  if (pass == PASS_INFER) {
    if (n->kind == ND_ASSIGN) {
      Node *root = lvalue_root(n->lhs);
      Obj *o = root_obj(root);
      if (o && is_auto(o) && !(root->kind == ND_VAR && is_global_ptr(o->ty)))
        flow_into(lt, n->rhs, o);
    }
  } else {
    check_expr(lt, n);
  }
}

void lifetime_check_function(Obj *fn) {
  if (!fn || !fn->body)
    return;
  Lt lt = {.fn = fn};

  /* Pointer parameters not declared global may point into a caller's
   * frame; so may any pointer inside a struct passed by value.  The one
   * exception is main's argv, which the runtime builds with new
   * (rt/start.c) and which has no caller frame to point into. */
  bool is_main = !strcmp(fn->name, "main");
  for (Obj *p = fn->locals; p; p = p->next)
    if (p->is_param && type_has_ptr(p->ty) && !is_global_ptr(p->ty) && !is_main)
      vec_push(&lt.pending, p);    /* propagate() marks them */

  walk(&lt, fn->body, PASS_INFER);
  propagate(&lt);

  walk(&lt, fn->body, PASS_CHECK);
  /* the proof declares these slots as ones that may hold stack-bound
   * values (doc/verify.md): the checker then refuses taking their address */
  for (Obj *p = fn->locals; p; p = p->next)
    p->holds_stack = set_has(&lt.holds, p);

  free(lt.holds.slot);
  free(lt.seen_statics.slot);
  for (int i = 0; i < lt.flow.nobj; i++)
    free(lt.flow.succ[i].v);
  free(lt.flow.succ);
  free(lt.flow.obj);
  free(lt.flow.key);
  free(lt.flow.val);
  free(lt.pending.v);
}

/* check.c -- the semantic checker: every rule of LANGUAGE.md §1–§8 and
 * §10–§12 that makes a program an error, and the typed AST of cc.h.
 *
 * It resolves the parser's syntactic declarations into types (scopes of
 * ordinary identifiers and of tags), types every expression, makes every
 * implicit conversion an explicit ND_CAST, turns array values into
 * pointers to arrays (never into T *), and decides which runtime checks
 * an expression needs.  §9 (lifetimes) is lifetime.c's and the printf
 * family's formats are format.c's; both run on the typed AST from here.
 *
 * Messages say what is wrong and how to fix it; one message per rule. */
#include "cc.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- scopes ------------------------------------------------------------ */

typedef struct Sym Sym;
struct Sym {                       /* an ordinary identifier */
  Sym *next;
  char *name;
  Obj *obj;                        /* a variable or function, or */
  Type *typedef_ty;                /* a typedef name, or */
  bool is_enum_const;              /* an enumeration constant */
  bool undeclared;                 /* a stand-in for a name reported undeclared (an
                                      enum constant 0); a declaration replaces it */
  long long enum_val;
  Loc loc;
};

typedef struct Tag Tag;
struct Tag {
  Tag *next;
  char *name;
  StructDef *sd;                   /* struct or union */
  bool is_enum;
  EnumConst *enum_consts;          /* is_enum: its enumerators */
  bool union_kw;
  bool runtime;                    /* first declared by the runtime's interface */
  Loc loc;
};

typedef struct Scope Scope;
struct Scope {
  Scope *up;
  Sym *syms;
  Tag *tags;
  /* the newest Sym of each name in syms, hashed: a block of 16,000
   * declarations must not make every lookup walk the whole list */
  Sym **index;
  int index_cap, index_len;
};

static Scope file_scope_;
static Scope *scope = &file_scope_;
static Program *prog;
static Obj *cur_fn;                /* the function being checked, or NULL */
static bool in_runtime_decl;       /* the declaration comes from cuckoo.ckh/internal.ckh */
static int static_counter;
static Vec str_objs;               /* string literal objects, to share equal ones */

static void push_scope(void) {
  Scope *s = xmalloc(sizeof *s);
  s->up = scope;
  scope = s;
}

static void pop_scope(void) { scope = scope->up; }

/* The declaration of NAME in S (stand-ins for undeclared names do not count). */
static unsigned name_hash(const char *name) {
  unsigned h = 2166136261u;
  for (const unsigned char *p = (const unsigned char *)name; *p; p++)
    h = (h ^ *p) * 16777619u;
  return h;
}

/* The slot of NAME in S's index (empty or holding NAME's newest Sym). */
static Sym **index_slot(Scope *s, const char *name) {
  unsigned i = name_hash(name) & (unsigned)(s->index_cap - 1);
  while (s->index[i] && strcmp(s->index[i]->name, name))
    i = (i + 1) & (unsigned)(s->index_cap - 1);
  return &s->index[i];
}

/* The newest Sym named NAME in S, stand-ins included. */
static Sym *newest_sym(Scope *s, const char *name) {
  return s->index_cap ? *index_slot(s, name) : NULL;
}

static Sym *find_sym_in(Scope *s, const char *name) {
  Sym *y = newest_sym(s, name);
  if (!y || !y->undeclared)
    return y;
  for (y = y->next; y; y = y->next)   /* behind a stand-in (after an error) */
    if (!y->undeclared && !strcmp(y->name, name))
      return y;
  return NULL;
}

/* What NAME means here: the innermost declaration, or stand-in. */
static Sym *find_sym(const char *name) {
  for (Scope *s = scope; s; s = s->up) {
    Sym *y = newest_sym(s, name);
    if (y)
      return y;
  }
  return NULL;
}

static Sym *add_sym(const char *name, Loc loc) {
  Sym *y = xmalloc(sizeof *y);
  y->name = xstrdup(name);
  y->loc = loc;
  y->next = scope->syms;
  scope->syms = y;
  if ((scope->index_len + 1) * 2 > scope->index_cap) {
    Sym **old = scope->index;
    int old_cap = scope->index_cap;
    scope->index_cap = old_cap ? 2 * old_cap : 16;
    scope->index = xmalloc(sizeof *scope->index * scope->index_cap);
    for (int i = 0; i < old_cap; i++)
      if (old[i])
        *index_slot(scope, old[i]->name) = old[i];
    free(old);
  }
  Sym **slot = index_slot(scope, name);
  if (!*slot)
    scope->index_len++;
  *slot = y;
  return y;
}

static Tag *find_tag(const char *name, bool current_only) {
  for (Scope *s = scope; s; s = s->up) {
    for (Tag *t = s->tags; t; t = t->next)
      if (!strcmp(t->name, name))
        return t;
    if (current_only)
      break;
  }
  return NULL;
}

static Tag *add_tag(const char *name, Loc loc) {
  Tag *t = xmalloc(sizeof *t);
  t->name = xstrdup(name);
  t->loc = loc;
  t->next = scope->tags;
  scope->tags = t;
  t->runtime = in_runtime_decl;
  return t;
}

/* LANGUAGE.md §12: the runtime's struct tags are its own.  Its objects are
 * opaque (the runtime's block spells `s:file?`, which agrees with any
 * struct file), so a definition anywhere else -- with or without the
 * header -- would let a unit forge the object the runtime is handed.  The
 * fixed names cover units that never include cuckoo.ckh; a tag the
 * interface declares without defining is reserved as well. */
static bool reserved_tag(const char *name, const Tag *declared) {
  static const char *const runtime_tags[] = {"file", "mutex", "cond", "thread", "chan", "domain"};
  for (size_t i = 0; i < sizeof runtime_tags / sizeof runtime_tags[0]; i++)
    if (!strcmp(name, runtime_tags[i]))
      return true;
  if (!strncmp(name, "__cuckoo", 8))
    return true;
  return declared && !declared->is_enum && declared->runtime && !in_runtime_decl;
}

static const char *tyname(Type *t) { return type_to_c(t, NULL); }

/* ---- constant expressions ------------------------------------------------ */

static Node *expr(Node *n);
static Node *rvalue(Node *n);
static Node *convert(Node *n, Type *to, const char *what);
static Type *resolve_type_name(DeclSpec *spec, Declarator *d, Node **runtime_len);

/* Integer constant expression over a typed node. */
static bool const_int(Node *n, long long *out) {
  long long a, b;
  if (!is_integer(n->ty) && n->kind != ND_CAST)
    return false;
  switch (n->kind) {
  case ND_NUM:
    if (!is_integer(n->ty))
      return false;
    *out = n->ival;
    return true;
  case ND_CAST:
    if (!is_integer(n->ty))
      return false;
    if (is_flonum(n->lhs->ty) && n->lhs->kind == ND_NUM) {
      *out = type_float_to_int(n->lhs->fval, n->ty);
      return true;
    }
    if (!const_int(n->lhs, &a))
      return false;
    *out = type_wrap(a, n->ty);
    return true;
  case ND_NEG: case ND_BITNOT: case ND_NOT:
    if (!const_int(n->lhs, &a))
      return false;
    *out = type_wrap(n->kind == ND_NEG ? (long long)(0ULL - (unsigned long long)a)
                   : n->kind == ND_BITNOT ? ~a : !a, n->ty);
    return true;
  case ND_COND:
    if (!const_int(n->cond, &a))
      return false;
    return const_int(a ? n->then : n->els, out);
  case ND_COMMA:
    return false;
  case ND_LOGAND: case ND_LOGOR:
    if (!const_int(n->lhs, &a))
      return false;
    if (n->kind == ND_LOGAND ? !a : a) {
      *out = n->kind == ND_LOGOR;
      return true;
    }
    if (!const_int(n->rhs, &b))
      return false;
    *out = b != 0;
    return true;
  default:
    break;
  }
  if (!n->lhs || !n->rhs || !const_int(n->lhs, &a) || !const_int(n->rhs, &b))
    return false;
  bool u = is_unsigned(n->lhs->ty) && n->lhs->ty->size >= 4;
  unsigned long long ua = (unsigned long long)a, ub = (unsigned long long)b;
  if (n->lhs->ty->size == 4) {
    ua &= 0xffffffffULL;
    ub &= 0xffffffffULL;
  }
  switch (n->kind) {
  case ND_ADD: *out = type_wrap((long long)(ua + ub), n->ty); return true;
  case ND_SUB: *out = type_wrap((long long)(ua - ub), n->ty); return true;
  case ND_MUL: *out = type_wrap((long long)(ua * ub), n->ty); return true;
  case ND_DIV: case ND_MOD:
    if (b == 0)
      return false;                /* traps at run time, never a compile error */
    if (u)
      *out = type_wrap((long long)(n->kind == ND_DIV ? ua / ub : ua % ub), n->ty);
    else if (b == -1)
      *out = type_wrap(n->kind == ND_DIV ? (long long)(0ULL - ua) : 0, n->ty);
    else
      *out = type_wrap(n->kind == ND_DIV ? a / b : a % b, n->ty);
    if (!u && b == -1 && n->ty->size == 4 && a == INT_MIN)
      return false;                /* INT_MIN / -1 traps at run time */
    if (!u && b == -1 && n->ty->size == 8 && a == LLONG_MIN)
      return false;
    return true;
  case ND_BITAND: *out = a & b; return true;
  case ND_BITOR: *out = a | b; return true;
  case ND_BITXOR: *out = a ^ b; return true;
  case ND_SHL: case ND_SHR: {
    int w = n->ty->size == 8 ? 63 : 31;
    int c = (int)(b & w);
    if (n->kind == ND_SHL)
      *out = type_wrap((long long)(ua << c), n->ty);
    else if (is_unsigned(n->ty))
      *out = type_wrap((long long)(ua >> c), n->ty);
    else
      *out = type_wrap(a >> c, n->ty);
    return true;
  }
  case ND_EQ: *out = a == b; return true;
  case ND_NE: *out = a != b; return true;
  case ND_LT: *out = u ? ua < ub : a < b; return true;
  case ND_LE: *out = u ? ua <= ub : a <= b; return true;
  case ND_GT: *out = u ? ua > ub : a > b; return true;
  case ND_GE: *out = u ? ua >= ub : a >= b; return true;
  default:
    return false;
  }
}

bool eval_const(Node *n, long long *out) { return const_int(n, out); }

/* Types an expression that must be an integer constant (array sizes,
 * case labels, enumerators, designators). */
static bool int_constant(Node *n, long long *out, const char *what) {
  Node *t = rvalue(n);
  if (!is_integer(t->ty)) {
    error_at(n->loc, "%s must be an integer constant, not '%s'", what, tyname(t->ty));
    return false;
  }
  if (!const_int(t, out)) {
    error_at(n->loc, "%s must be an integer constant expression", what);
    return false;
  }
  return true;
}

/* ---- declaration specifiers ------------------------------------------------ */

static Type *resolve_struct(StructSyn *su, bool declaration_only);
static Type *resolve_enum(EnumSyn *en);

/* The base type named by the specifiers (without the declarator). */
static Type *resolve_spec(DeclSpec *ds) {
  if (ds->resolved)
    return ds->resolved;
  Type *t = NULL;
  unsigned s = ds->spec;
  if (s & TS_COMPLEX) {
    error_at(ds->loc, "_Complex is not in Cuckoo; use a struct of two doubles");
    t = ty_int;
  } else if (s & TS_OTHER) {
    if (s != TS_OTHER)
      error_at(ds->loc, "two or more data types in declaration specifiers");
    if (ds->su)
      t = resolve_struct(ds->su, false);
    else if (ds->en)
      t = resolve_enum(ds->en);
    else {
      Sym *y = find_sym(ds->typedef_name);
      if (!y || !y->typedef_ty) {
        error_at(ds->loc, "unknown type name '%s'%s", ds->typedef_name,
                 type_name_hint(ds->typedef_name));
        t = ty_int;
      } else {
        t = y->typedef_ty;
        type_refresh(t);           /* typedef struct S S; made before S completed */
      }
    }
  } else {
    switch (s) {
    case TS_VOID: t = ty_void; break;
    case TS_BOOL: t = ty_bool; break;
    case TS_CHAR: t = ty_char; break;
    case TS_SIGNED + TS_CHAR: t = ty_schar; break;
    case TS_UNSIGNED + TS_CHAR: t = ty_uchar; break;
    case TS_SHORT: case TS_SHORT + TS_INT: case TS_SIGNED + TS_SHORT:
    case TS_SIGNED + TS_SHORT + TS_INT: t = ty_short; break;
    case TS_UNSIGNED + TS_SHORT: case TS_UNSIGNED + TS_SHORT + TS_INT: t = ty_ushort; break;
    case TS_INT: case TS_SIGNED: case TS_SIGNED + TS_INT: t = ty_int; break;
    case TS_UNSIGNED: case TS_UNSIGNED + TS_INT: t = ty_uint; break;
    case TS_LONG: case TS_LONG + TS_INT: case TS_SIGNED + TS_LONG:
    case TS_SIGNED + TS_LONG + TS_INT: t = ty_long; break;
    case TS_UNSIGNED + TS_LONG: case TS_UNSIGNED + TS_LONG + TS_INT: t = ty_ulong; break;
    case 2 * TS_LONG: case 2 * TS_LONG + TS_INT: case TS_SIGNED + 2 * TS_LONG:
    case TS_SIGNED + 2 * TS_LONG + TS_INT: t = ty_llong; break;
    case TS_UNSIGNED + 2 * TS_LONG: case TS_UNSIGNED + 2 * TS_LONG + TS_INT: t = ty_ullong; break;
    case TS_FLOAT: t = ty_float; break;
    case TS_DOUBLE: t = ty_double; break;
    case TS_LONG + TS_DOUBLE:
      error_at(ds->loc, "long double is not in Cuckoo; use double");
      t = ty_double;
      break;
    case 0:
      error_at(ds->loc, "a type is required in a declaration ('int' is not implied in Cuckoo)");
      t = ty_int;
      break;
    default:
      error_at(ds->loc, "invalid combination of type specifiers");
      t = ty_int;
    }
  }
  if (ds->qual & Q_GLOBAL) {
    if (t->kind != TY_PTR)
      error_at(ds->loc, "'global' qualifies a pointer: write it after the '*' (T *global p)");
  }
  if (ds->qual & Q_OWN) {
    if (t->kind != TY_PTR)
      error_at(ds->loc, "'own' qualifies a pointer: write it after the '*' (T *own p)");
  }
  t = type_qualified(t, ds->qual);
  ds->resolved = t;
  return t;
}

static Type *resolve_declarator(Type *base, Declarator *d, bool is_param_level, Node **runtime_len,
                                char **name, Loc *name_loc);

/* A struct or union type from its syntax; defines the tag when it has a body. */
static Type *resolve_struct(StructSyn *su, bool declaration_only) {
  if (su->def)
    return struct_type(su->def);
  Tag *tag = NULL;
  if (su->tag) {
    tag = find_tag(su->tag, su->has_body || declaration_only);
    if (tag && tag->is_enum) {
      error_at(su->loc, "'%s' was declared as an enum, not a %s", su->tag,
               su->is_union ? "union" : "struct");
      tag = NULL;
    } else if (tag && tag->sd->is_union != su->is_union) {
      error_at(su->loc, "'%s' was declared as a %s, not a %s", su->tag,
               tag->sd->is_union ? "union" : "struct", su->is_union ? "union" : "struct");
    }
  }
  if (su->tag && su->has_body && reserved_tag(su->tag, find_tag(su->tag, false)))
    error_at(su->loc, "'%s %s' is reserved for the Cuckoo runtime, which alone defines it; "
                      "choose another tag", su->is_union ? "union" : "struct", su->tag);
  StructDef *sd;
  if (tag && !(su->has_body && tag->sd->complete)) {
    sd = tag->sd;
  } else {
    if (tag && su->has_body && tag->sd->complete) {
      error_at(su->loc, "redefinition of '%s %s'", su->is_union ? "union" : "struct", su->tag);
      note_at(tag->loc, "previous definition is here");
    }
    sd = xmalloc(sizeof *sd);
    sd->tag = su->tag ? xstrdup(su->tag) : NULL;
    sd->is_union = su->is_union;
    sd->loc = su->loc;
    vec_push(&prog->structs, sd);
    if (su->tag) {
      Tag *t = add_tag(su->tag, su->loc);
      t->sd = sd;
    }
  }
  su->def = sd;
  if (!su->has_body)
    return struct_type(sd);

  Member head = {0}, *cur = &head;
  for (MemberSyn *ms = su->members; ms; ms = ms->next) {
    Type *mbase = resolve_spec(ms->spec);
    char *name = NULL;
    Loc nloc = ms->loc;
    Type *mt = ms->decl ? resolve_declarator(mbase, ms->decl, false, NULL, &name, &nloc) : mbase;
    if (ms->bitwidth)
      error_at(ms->loc, "bit-fields are not in Cuckoo; use a plain integer member and masks");
    if (!ms->decl && !is_struct_or_union(mt)) {
      error_at(ms->loc, "declaration does not declare a member");
      continue;
    }
    if (!ms->decl && mt->sdef->tag && ms->spec->su && ms->spec->su->tag)
      error_at(ms->loc, "declaration does not declare a member (give it a name)");
    if (mt->kind == TY_ARRAY && mt->len < 0) {
      error_at(nloc, "flexible array members are not in Cuckoo; use a pointer to an unsized array: %s",
               type_to_c(pointer_to(mt), name));
      mt = array_of(mt->base, 0);
    } else if (mt->kind == TY_FUNC) {
      error_at(nloc, "member '%s' has a function type; use a function pointer", name);
      mt = pointer_to(mt);
    } else if (mt->size < 0) {
      error_at(nloc, "member '%s' has incomplete type '%s'", name ? name : "_", tyname(mt));
      mt = ty_int;
    }
    for (Member *m = head.next; m && name; m = m->next)
      if (m->name && !strcmp(m->name, name))
        error_at(nloc, "duplicate member '%s'", name);
    Member *m = xmalloc(sizeof *m);
    m->name = name;
    m->ty = mt;
    m->loc = nloc;
    cur = cur->next = m;
    if (su->is_union && !is_plain(mt))
      error_at(nloc,
               "a union may contain only plain members (no pointer, function pointer or "
               "array): member '%s' has type '%s'; use a struct instead",
               name ? name : "_", tyname(mt));
  }
  sd->members = head.next;
  struct_layout(sd);
  if (sd->size == 0x7fffffff)
    error_at(su->loc, "'%s' is larger than 2^31 - 1 bytes", tyname(struct_type(sd)));
  return struct_type(sd);
}

static Type *resolve_enum(EnumSyn *en) {
  if (en->tag && !en->has_body) {
    Tag *t = find_tag(en->tag, false);
    if (!t || !t->is_enum)
      error_at(en->loc, "use of undeclared enum '%s'; define it before use", en->tag);
    Type *et = enum_type(en->tag);
    if (t && t->is_enum)
      et->enum_consts = t->enum_consts;
    return et;
  }
  Tag *tag = NULL;
  if (en->tag) {
    Tag *t = find_tag(en->tag, true);
    if (t) {
      error_at(en->loc, "redefinition of 'enum %s'", en->tag);
    } else {
      t = add_tag(en->tag, en->loc);
      t->is_enum = true;
      tag = t;
    }
  }
  EnumConst head = {0}, *last = &head;
  long long v = 0;
  for (EnumItem *it = en->items; it; it = it->next) {
    if (it->value && !int_constant(it->value, &v, "an enumerator value"))
      v = 0;
    if (v < INT_MIN || v > INT_MAX)
      error_at(it->loc, "enumerator value %lld of '%s' does not fit in int", v, it->name);
    Sym *old = find_sym_in(scope, it->name);
    if (old)
      error_at(it->loc, "redefinition of '%s'", it->name);
    Sym *y = add_sym(it->name, it->loc);
    y->is_enum_const = true;
    y->enum_val = (int)v;
    EnumConst *ec = xmalloc(sizeof *ec);
    *ec = (EnumConst){.name = it->name, .value = (int)v};
    last = last->next = ec;
    v = (int)v + 1LL;
  }
  if (tag)
    tag->enum_consts = head.next;
  Type *et = enum_type(en->tag);
  et->enum_consts = head.next;
  return et;
}

/* ---- declarators --------------------------------------------------------- */

/* A parameter's type after C's adjustments: T a[] -> T (*)[], T a[N] ->
 * T (*)[N] (qualifiers in the brackets go to the pointer), a function ->
 * a pointer to it. */
static Type *adjust_param(Type *t, Declarator *d) {
  if (t->kind == TY_ARRAY) {
    Declarator *ad = d;
    while (ad && ad->kind != DK_ARRAY && ad->inner)
      ad = ad->inner;
    Type *p = pointer_to(t);
    if (ad && ad->kind == DK_ARRAY)
      p = type_qualified(p, ad->qual);
    return p;
  }
  if (t->kind == TY_FUNC)
    return pointer_to(t);
  return t;
}

static Type *func_from(Type *ret, Declarator *d) {
  if (d->kr_style)
    error_at(d->loc, "K&R-style parameter lists are not in Cuckoo; write a prototype: "
                     "int f(int a, int b)");
  if (d->variadic && !in_runtime_decl)
    error_at(d->loc, "variadic functions cannot be declared in Cuckoo (only the runtime's "
                     "printf, fprintf and snprintf take '...'); pass an array instead");
  if (ret->kind == TY_ARRAY)
    error_at(d->loc, "a function cannot return an array; return a struct that contains it, "
                     "or a pointer to a new array");
  if (ret->kind == TY_FUNC)
    error_at(d->loc, "a function cannot return a function; return a function pointer");
  Vec params = {0};
  int i = 0;
  for (ParamSyn *p = d->params; p; p = p->next, i++) {
    /* K&R names (reported above) are taken as ints, so that their uses in
     * the body report nothing more */
    Type *pt = p->spec ? resolve_spec(p->spec) : ty_int;
    char *pname = NULL;
    Loc ploc = p->loc;
    if (p->decl)
      pt = resolve_declarator(pt, p->decl, true, NULL, &pname, &ploc);
    if (pt->kind == TY_VOID && !pt->qual && !pname && !p->next && i == 0 &&
        !(p->decl && p->decl->kind != DK_IDENT))
      break;                       /* f(void) */
    if (pt->kind == TY_VOID) {
      error_at(ploc, "parameter %d has type void", i + 1);
      pt = ty_int;
    }
    pt = adjust_param(pt, p->decl);
    vec_push(&params, pt);
  }
  Type *ft = func_type(ret, (Type **)params.v, params.len, d->variadic);
  return ft;
}

/* Applies declarator D to BASE (see cc.h: walk from the outermost node).
 * RUNTIME_LEN, when not NULL, accepts a non-constant size in the innermost
 * array derivation (new(T[e])) and returns it there. */
static Type *resolve_declarator(Type *base, Declarator *d, bool is_param_level, Node **runtime_len,
                                char **name, Loc *name_loc) {
  Type *t = base;
  for (; d; d = d->inner) {
    switch (d->kind) {
    case DK_IDENT:
      if (name)
        *name = d->name;
      if (name_loc && d->name)
        *name_loc = d->loc;
      return t;
    case DK_PTR:
      if (t->kind == TY_VOID)
        error_at(d->loc, "'void *' is not in Cuckoo; use a pointer to a specific type");
      if ((d->qual & Q_OWN) && (d->qual & Q_GLOBAL))
        error_at(d->loc, "a pointer is 'own' or 'global', not both (an owned pointer is never "
                         "stack-bound)");
      else if ((d->qual & Q_OWN) && t->kind == TY_FUNC)
        error_at(d->loc, "a function pointer cannot be 'own': functions are not heap objects");
      t = type_qualified(pointer_to(t), d->qual);
      break;
    case DK_ARRAY: {
      if (t->kind == TY_FUNC)
        error_at(d->loc, "an array of functions is not allowed; use an array of function pointers");
      else if (t->kind == TY_VOID)
        error_at(d->loc, "an array of void is not allowed");
      else if (t->size < 0)
        error_at(d->loc, "array element type '%s' is incomplete", tyname(t));
      if (d->is_static_size)
        error_at(d->loc, "'[static N]' is not in Cuckoo; write T a[N]");
      long long len = -1;
      if (d->size) {
        bool innermost = !d->inner || d->inner->kind == DK_IDENT;
        if (runtime_len && innermost) {
          *runtime_len = d->size;
          t = array_of(t->size < 0 ? ty_int : t, -1);
          break;
        }
        Node *sz = rvalue(d->size);
        if (!is_integer(sz->ty)) {
          error_at(d->size->loc, "array size must be an integer, not '%s'", tyname(sz->ty));
          len = 0;
        } else if (!const_int(sz, &len)) {
          error_at(d->size->loc, "variable-length arrays are not in Cuckoo; allocate the array "
                                 "with new(T[n])");
          len = 0;
        } else if (len < 0) {
          error_at(d->size->loc, "array size is negative (%lld)", len);
          len = 0;
        }
      }
      if (t->size < 0 || t->kind == TY_VOID || t->kind == TY_FUNC)
        t = ty_int;
      if (d->qual && !is_param_level)
        error_at(d->loc, "qualifiers inside '[]' are allowed only in a parameter declaration");
      t = array_of(t, len);
      if (len >= 0 && array_size(t->base, len) > 0x7fffffffLL)
        error_at(d->loc, "array '%s' is larger than 2^31 - 1 bytes", tyname(t));
      break;
    }
    case DK_FUNC:
      t = func_from(t, d);
      break;
    }
  }
  return t;
}

static Type *resolve_type_name(DeclSpec *spec, Declarator *d, Node **runtime_len) {
  Type *t = resolve_spec(spec);
  if (d)
    t = resolve_declarator(t, d, false, runtime_len, NULL, NULL);
  return t;
}

/* ---- conversions ------------------------------------------------------------ */

static Node *mk(NodeKind k, Type *ty, Loc loc) {
  Node *n = new_node(k, loc);
  if (ty)
    type_refresh(ty);
  n->ty = ty;
  return n;
}

/* A stand-in of type T for an expression already reported as an error:
 * whatever uses it reports nothing more. */
static Node *poison(Type *t, Loc loc) {
  Node *n = mk(t->kind == TY_PTR ? ND_NULL : ND_NUM, t, loc);
  n->error = true;
  return n;
}

/* An explicit conversion node; constants are folded so that initializers
 * of static objects stay constants. */
static Node *cast_to(Node *n, Type *to) {
  if (type_equal(n->ty, to, false))
    return n;
  if (n->kind == ND_NUM && is_arith(to) && is_arith(n->ty)) {
    Node *c = mk(ND_NUM, to, n->loc);
    if (is_flonum(to)) {
      c->fval = is_flonum(n->ty) ? n->fval
                : is_unsigned(n->ty) ? (double)(unsigned long long)n->ival : (double)n->ival;
      if (to->kind == TY_FLOAT)
        c->fval = (float)c->fval;
    } else if (is_flonum(n->ty)) {
      c->ival = type_float_to_int(n->fval, to);
    } else {
      c->ival = type_wrap(n->ival, to);
    }
    return c;
  }
  Node *c = mk(ND_CAST, to, n->loc);
  c->lhs = n;
  return c;
}

static bool is_null_const(Node *n) {
  if (n->kind == ND_NULL)
    return true;
  return n->kind == ND_NUM && is_integer(n->ty) && n->ival == 0 && !n->lhs;
}

static bool is_lvalue(Node *n) {
  switch (n->kind) {
  case ND_VAR:
    return !n->obj->is_function;
  case ND_DEREF: case ND_INDEX: case ND_COMPOUND_LIT:
    return true;
  case ND_MEMBER:
    return is_lvalue(n->lhs);
  default:
    return false;
  }
}

/* Qualifiers may be added to the pointee, never dropped (only at the first
 * level: T ** -> const T ** is refused, as in C). */
static bool quals_ok(unsigned to, unsigned from) { return (from & ~to & (Q_CONST | Q_VOLATILE)) == 0; }

/* §8: may an array of FROM elements be viewed as one of TO elements?
 * Plain scalars of one size, no pointer and no length word reinterpreted.
 * _Bool is left out: its representation is 0 or 1, and a byte of 2 read as
 * a _Bool would break what the compiler may assume of one. */
static bool scalar_array_pun(Type *to, Type *from) {
  return is_arith(to) && is_arith(from) && to->kind != TY_BOOL && from->kind != TY_BOOL &&
         to->size == from->size && !type_equal(to, from, true);
}

typedef enum { PC_OK, PC_NEEDS_CAST_LEN, PC_DROPS_QUAL, PC_LEN_MISMATCH, PC_INCOMPATIBLE } PtrConv;

/* Can a value of pointer type FROM be used as pointer type TO without a cast? */
static PtrConv ptr_conv(Type *to, Type *from) {
  Type *tb = to->base, *fb = from->base;
  if (tb->kind == TY_ARRAY && fb->kind == TY_ARRAY) {
    Type *te = tb->base, *fe = fb->base;
    if (!type_equal(te, fe, true))
      return PC_INCOMPATIBLE;
    if (!quals_ok(te->qual, fe->qual))
      return PC_DROPS_QUAL;
    if (tb->len == fb->len || tb->len < 0)
      return PC_OK;
    if (fb->len < 0)
      return PC_NEEDS_CAST_LEN;
    return PC_LEN_MISMATCH;
  }
  if (!type_equal(tb, fb, true))
    return PC_INCOMPATIBLE;
  if (!quals_ok(tb->qual, fb->qual))
    return PC_DROPS_QUAL;
  return PC_OK;
}


/* ---- owned pointers (§13.1) ------------------------------------------------------ */

static bool is_own(Type *t) { return t && t->kind == TY_PTR && (t->qual & Q_OWN); }

/* Does a struct, union or array type hold an owned pointer somewhere?
 * Copying such a value would duplicate its owned pointers. */
static bool holds_own(Type *t) {
  if (!t)
    return false;
  if (t->kind == TY_ARRAY)
    return holds_own(t->base);
  if (is_struct_or_union(t) && t->sdef && t->sdef->complete) {
    for (Member *m = t->sdef->members; m; m = m->next)
      if (is_own(m->ty) || holds_own(m->ty))
        return true;
  }
  return false;
}

/* A local variable or parameter of owned type: the only owned lvalues
 * that a move may empty (the move check follows them, own.c). */
static bool is_own_local(Node *n) {
  return n->kind == ND_VAR && n->obj->is_local && !n->obj->is_static && !n->obj->is_function &&
         is_own(n->obj->ty);
}

/* Is N (casts aside) only ever the result of new, or NULL? */
static bool only_new(Node *n) {
  while (n->kind == ND_CAST)
    n = n->lhs;
  switch (n->kind) {
  case ND_NEW: case ND_NULL:
    return true;
  case ND_NUM:
    return is_null_const(n);
  case ND_COND:
    return only_new(n->then) && only_new(n->els);
  case ND_COMMA:
    return only_new(n->rhs);
  default:
    return false;
  }
}

/* N is used where an owned pointer is wanted (WHAT): it moves N when N is
 * an owned local, is refused when N is an owned member, element or
 * global (take() moves those), and must otherwise be an owned rvalue or
 * the result of new.  False after an error. */
static bool own_source(Node *n, const char *what) {
  Node *s = n;
  while (s->kind == ND_CAST && is_own(s->lhs->ty))
    s = s->lhs;
  if (!is_own(s->ty)) {
    if (only_new(s))
      return true;
    error_at(n->loc, "%s: '%s' is not an owned pointer: only the result of new converts to "
                     "'%s' (an owned pointer holds the only reference to its object)",
             what, tyname(s->ty), tyname(type_qualified(pointer_to(s->ty->kind == TY_PTR ? s->ty->base : ty_int), Q_OWN)));
    return false;
  }
  switch (s->kind) {
  case ND_VAR:
    if (is_own_local(s) && (s->obj->ty->qual & Q_CONST)) {
      error_at(n->loc, "%s: '%s' is a const owned variable, which a move would set to NULL; "
                       "declare it without const to give its object away",
               what, s->obj->name);
      return false;
    }
    if (is_own_local(s)) {
      s->own_move = true;
      return true;
    }
    error_at(n->loc, "%s: '%s' is an owned global; reading it does not move it: use take(%s)",
             what, s->obj->name, s->obj->name);
    return false;
  case ND_MEMBER: case ND_INDEX: case ND_DEREF:
    error_at(n->loc, "%s: an owned %s cannot be moved out by reading it; use take(...), which "
                     "also sets it to NULL",
             what, s->kind == ND_MEMBER ? "member" : s->kind == ND_INDEX ? "array element" : "pointer");
    return false;
  case ND_COND:
    return own_source(s->then, what) & own_source(s->els, what);
  case ND_COMMA:
    return own_source(s->rhs, what);
  default:
    return true;                   /* a call, take, chan_recv: an owned rvalue */
  }
}

/* The plain pointer type of the owned pointer type T. */
static Type *own_dropped(Type *t) {
  Type *c = type_copy(t);
  c->qual &= ~Q_OWN;
  return c;
}

/* Assignment-like conversion of the value N to type TO ("initialization",
 * "assignment", "argument 2 of 'f'", "return"). */
static Node *convert(Node *n, Type *to, const char *what) {
  Type *from = n->ty;
  if (to->kind == TY_VOID)
    return n;
  if (n->error)
    return poison(type_unqualified(to), n->loc);
  if (from->kind == TY_PTR && n->kind == ND_ADDR && n->lhs->ty->kind == TY_ARRAY &&
      is_arith(to)) {
    error_at(n->loc, "%s: the array '%s' is not a '%s'; index it instead: a[i]", what,
             tyname(n->lhs->ty), tyname(to));
    return poison(type_unqualified(to), n->loc);
  }
  if (is_arith(to) && is_arith(from))
    return cast_to(n, type_unqualified(to));
  if (to->kind == TY_PTR) {
    if (is_null_const(n)) {
      Node *c = mk(ND_NULL, type_unqualified(to), n->loc);
      return c;
    }
    if (from->kind == TY_PTR && is_own(to) && !is_own(from) && !is_func_ptr(from)) {
      /* §13.1: new's result becomes owned; nothing else does */
      if (!own_source(n, what))
        return poison(type_unqualified(to), n->loc);
      Node *c = mk(ND_CAST, from, n->loc);     /* the same pointer, seen as owned below */
      c->lhs = n;
      c->ty = type_qualified(from, Q_OWN);
      from = c->ty;
      n = c;
    } else if (from->kind == TY_PTR && is_own(from) && !is_own(to)) {
      error_at(n->loc, "%s: an owned pointer '%s' does not convert to the plain '%s'; lend it "
                       "to a call (a plain, non-global pointer parameter), or give it up with "
                       "share(p)",
               what, tyname(from), tyname(to));
      return poison(type_unqualified(to), n->loc);
    } else if (is_own(to) && is_own(from) && !own_source(n, what)) {
      return poison(type_unqualified(to), n->loc);
    }
    if (from->kind == TY_PTR) {
      switch (ptr_conv(to, from)) {
      case PC_OK: {
        Type *tu = type_unqualified(to);
        if (type_equal(from, tu, true) && !(to->qual & Q_GLOBAL) == !(from->qual & Q_GLOBAL))
          return n;
        return cast_to(n, tu);
      }
      case PC_NEEDS_CAST_LEN:
        error_at(n->loc, "%s: converting '%s' to '%s' needs a cast, which checks the length at "
                         "run time: (%s)",
                 what, tyname(from), tyname(to), tyname(to));
        return poison(type_unqualified(to), n->loc);
      case PC_LEN_MISMATCH:
        error_at(n->loc, "%s: '%s' and '%s' are arrays of different lengths", what,
                 tyname(from), tyname(to));
        return poison(type_unqualified(to), n->loc);
      case PC_DROPS_QUAL:
        error_at(n->loc, "%s discards the 'const' qualifier: '%s' to '%s'", what, tyname(from),
                 tyname(to));
        return poison(type_unqualified(to), n->loc);
      case PC_INCOMPATIBLE:
        if (from->base->kind == TY_ARRAY && to->base->kind == TY_ARRAY &&
            scalar_array_pun(to->base->base, from->base->base))
          error_at(n->loc, "%s: '%s' is not '%s'; an array of one plain type of this size can be "
                           "viewed as one of another only by a cast: (%s)",
                   what, tyname(from), tyname(to), tyname(type_unqualified(to)));
        else if (n->kind == ND_ADDR && n->lhs->kind == ND_VAR && n->lhs->obj->is_string &&
                 from->base->kind == TY_ARRAY && type_equal(from->base->base, to->base, true))
          error_at(n->loc, "%s: a string literal is an array, '%s', not a '%s'; declare a "
                           "pointer to the whole array, which knows its length: '%s'",
                   what, tyname(from), tyname(to),
                   tyname(pointer_to(array_of(to->base, -1))));
        else if (from->base->kind == TY_ARRAY && type_equal(from->base->base, to->base, true))
          error_at(n->loc, "%s: an array is not a pointer to its first element in Cuckoo: '%s' "
                           "is not '%s'; take the address of an element instead: &a[0]",
                   what, tyname(from), tyname(to));
        else
          error_at(n->loc, "%s: incompatible pointer types: '%s' is not '%s'", what,
                   tyname(from), tyname(to));
        return poison(type_unqualified(to), n->loc);
      }
    }
    if (is_integer(from))
      error_at(n->loc, "%s: an integer cannot be converted to the pointer type '%s' (only NULL "
                       "or the constant 0)", what, tyname(to));
    else
      error_at(n->loc, "%s: '%s' cannot be converted to '%s'", what, tyname(from), tyname(to));
    return poison(type_unqualified(to), n->loc);
  }
  if (is_struct_or_union(to) && is_struct_or_union(from) && type_equal(to, from, true)) {
    if (holds_own(from) && is_lvalue(n))
      error_at(n->loc, "%s: copying a '%s' would duplicate its owned pointers; move them "
                       "one by one with take()",
               what, tyname(from));
    return n;
  }
  if (is_integer(to) && from->kind == TY_PTR)
    error_at(n->loc, "%s: a pointer cannot be converted to the integer type '%s'", what,
             tyname(to));
  else if (to->kind == TY_ARRAY)
    error_at(n->loc, "%s: arrays cannot be assigned; copy the elements, or wrap the array in "
                     "a struct", what);
  else if (from->kind == TY_NULL)
    error_at(n->loc, "%s: NULL cannot be converted to '%s'", what, tyname(to));
  else
    error_at(n->loc, "%s: '%s' cannot be converted to '%s'", what, tyname(from), tyname(to));
  return poison(to->kind == TY_ARRAY || to->kind == TY_FUNC ? ty_int : type_unqualified(to),
                n->loc);
}

/* ---- expressions ----------------------------------------------------------------- */

static Obj *new_local(const char *name, Type *ty, Loc loc) {
  Obj *o = new_obj(name, ty, loc);
  o->is_local = true;
  o->is_definition = true;
  if (cur_fn) {
    /* append: params first, then in declaration order */
    Obj **pp = &cur_fn->locals;
    while (*pp)
      pp = &(*pp)->next;
    *pp = o;
  }
  return o;
}

static void add_global(Obj *o) {
  Obj **pp = &prog->globals;
  while (*pp)
    pp = &(*pp)->next;
  *pp = o;
}

/* The static object of a string literal (equal literals share one). */
static Obj *string_obj(const char *bytes, int len, Loc loc) {
  for (int i = 0; i < str_objs.len; i++) {
    Obj *o = str_objs.v[i];
    if (o->str_len == len + 1 && !memcmp(o->str_bytes, bytes, (size_t)len))
      return o;
  }
  Type *t = array_of(type_qualified(ty_char, Q_CONST), len + 1);
  Obj *o = new_obj(format("str.%d", str_objs.len), t, loc);
  o->asmname = o->name;
  o->is_static = true;
  o->is_string = true;
  o->is_definition = true;
  o->str_bytes = xmalloc((size_t)len + 1);
  memcpy(o->str_bytes, bytes, (size_t)len);
  o->str_len = len + 1;
  vec_push(&str_objs, o);
  add_global(o);
  return o;
}

static void note_global_address(Node *lv, Type *pointee, Loc loc);

/* Array lvalues become pointers to the array; function designators
 * become function pointers. */
static Node *decay(Node *n) {
  if (n->ty->kind == TY_ARRAY) {
    note_global_address(n, n->ty, n->loc);
    Node *a = mk(ND_ADDR, pointer_to(n->ty), n->loc);
    a->lhs = n;
    a->nonnull = true;
    return a;
  }
  if (n->ty->kind == TY_FUNC) {
    Node *a = mk(ND_ADDR, pointer_to(n->ty), n->loc);
    a->lhs = n;
    if (n->kind == ND_VAR)
      n->obj->addr_taken = true;
    return a;
  }
  return n;
}

static Node *rvalue(Node *n) { return decay(expr(n)); }

static Node *scalar(Node *n, const char *what) {
  n = rvalue(n);
  if (n->error)
    return n;
  if (n->ty->kind == TY_NULL)
    return poison(ty_int, n->loc);
  if (!is_scalar(n->ty) && n->ty->kind != TY_NULL)
    error_at(n->loc, "%s must be a number or a pointer, not '%s'", what, tyname(n->ty));
  return n;
}

static void ptr_arith_error(Loc loc) {
  error_at(loc, "pointer arithmetic is not allowed in Cuckoo; index an array instead: a[i]");
}

static Node *arith_operand(Node *n, Loc op_loc, const char *op) {
  n = rvalue(n);
  if (n->error)
    return n;
  if (n->ty->kind == TY_PTR || n->ty->kind == TY_NULL) {
    if (!strcmp(op, "+") || !strcmp(op, "-") || !strcmp(op, "+=") || !strcmp(op, "-=") ||
        !strcmp(op, "++") || !strcmp(op, "--"))
      ptr_arith_error(op_loc);
    else
      error_at(op_loc, "invalid operand to '%s': '%s' is not a number", op, tyname(n->ty));
    return poison(n->ty->kind == TY_PTR ? n->ty : ty_int, n->loc);
  }
  if (!is_arith(n->ty)) {
    error_at(n->loc, "invalid operand to '%s': '%s' is not a number", op, tyname(n->ty));
    return poison(ty_int, n->loc);
  }
  return n;
}

static const char *op_name(NodeKind k) {
  switch (k) {
  case ND_ADD: return "+"; case ND_SUB: return "-"; case ND_MUL: return "*";
  case ND_DIV: return "/"; case ND_MOD: return "%"; case ND_SHL: return "<<";
  case ND_SHR: return ">>"; case ND_BITAND: return "&"; case ND_BITOR: return "|";
  case ND_BITXOR: return "^"; case ND_EQ: return "=="; case ND_NE: return "!=";
  case ND_LT: return "<"; case ND_LE: return "<="; case ND_GT: return ">";
  case ND_GE: return ">="; case ND_LOGAND: return "&&"; case ND_LOGOR: return "||";
  default: return "?";
  }
}

/* ---- what code inside a domain may not do (LANGUAGE.md §13.3) ------------------------------ */

/* Each function lists the operations it may not perform inside a domain;
 * check_program reports those of every function reachable, through direct
 * calls in this file, from a function named by domain_new or domain_call
 * (doc/decisions.md "Domains: what the compiler rejects"). */
typedef struct {
  Loc loc;
  char *what;
} DomainUse;

static void domain_use(Loc loc, char *what) {
  if (!cur_fn)
    return;
  DomainUse *u = xmalloc(sizeof *u);
  u->loc = loc;
  u->what = what;
  vec_push(&cur_fn->domain_uses, u);
}

/* The global (static-storage, not const) variable whose storage the
 * lvalue N is part of -- through members and array elements, never
 * through a pointer -- or NULL. */
static Obj *global_root(Node *n) {
  for (;;) {
    if (n->kind == ND_MEMBER || n->kind == ND_CAST)
      n = n->lhs;
    else if (n->kind == ND_INDEX && n->lhs && n->lhs->ty->kind == TY_ARRAY)
      n = n->lhs;
    else if (n->kind == ND_DEREF && n->lhs->kind == ND_ADDR)
      n = n->lhs->lhs;
    else
      break;
  }
  if (n->kind != ND_VAR || !n->obj || n->obj->is_local || n->obj->is_function ||
      n->obj->is_string || n->obj->is_runtime)
    return NULL;
  return n->obj;
}

static void note_global_store(Node *lhs, Loc loc) {
  Obj *g = global_root(lhs);
  if (g)
    domain_use(loc, format("storing into the global variable '%s'", g->name));
}

/* A pointer to (part of) a global variable that is not const may be
 * stored through later: inside a domain, taking one is refused too. */
static void note_global_address(Node *lv, Type *pointee, Loc loc) {
  Obj *g = global_root(lv);
  if (g && !(pointee->qual & Q_CONST) &&
      !(pointee->kind == TY_ARRAY && (pointee->base->qual & Q_CONST)))
    domain_use(loc, format("taking the address of the global variable '%s'", g->name));
}

static void check_modifiable(Node *lhs, Loc loc, const char *what) {
  note_global_store(lhs, loc);
  if (!is_lvalue(lhs)) {
    error_at(loc, "%s requires a modifiable lvalue (a variable, an element, a member)", what);
    return;
  }
  if (lhs->ty->kind == TY_ARRAY) {
    error_at(loc, "arrays cannot be assigned; copy the elements (memcpy_array), or wrap the "
                  "array in a struct");
    return;
  }
  if (lhs->ty->qual & Q_CONST) {
    if (lhs->kind == ND_VAR)
      error_at(loc, "cannot assign to '%s': it is const", lhs->obj->name);
    else
      error_at(loc, "cannot assign to a const object of type '%s'", tyname(lhs->ty));
  } else if (is_struct_or_union(lhs->ty)) {
    /* a struct with a const member cannot be assigned as a whole */
    for (Member *m = lhs->ty->sdef->members; m; m = m->next)
      if (m->ty->qual & Q_CONST) {
        error_at(loc, "cannot assign to a struct with the const member '%s'", m->name);
        break;
      }
  }
}

static Member *find_member(StructDef *sd, const char *name, Vec *path) {
  for (Member *m = sd->members; m; m = m->next) {
    if (m->name && !strcmp(m->name, name)) {
      vec_push(path, m);
      return m;
    }
    if (!m->name && is_struct_or_union(m->ty)) {
      int save = path->len;
      vec_push(path, m);
      if (find_member(m->ty->sdef, name, path))
        return m;
      path->len = save;
    }
  }
  return NULL;
}

static Node *member_of(Node *base, const char *name, Loc loc, Loc name_loc) {
  Type *st = base->ty;
  if (base->error)
    return poison(ty_int, loc);
  if (!is_struct_or_union(st)) {
    error_at(loc, "member reference to '%s', which is not a struct or union", tyname(st));
    return poison(ty_int, loc);
  }
  if (!st->sdef->complete) {
    error_at(loc, "'%s' is an incomplete type; its members are not known here", tyname(st));
    return poison(ty_int, loc);
  }
  Vec path = {0};
  if (!find_member(st->sdef, name, &path)) {
    error_at(name_loc.line ? name_loc : loc, "'%s' has no member named '%s'", tyname(st), name);
    return poison(ty_int, loc);
  }
  Node *n = base;
  for (int i = 0; i < path.len; i++) {
    Member *m = path.v[i];
    Node *mn = mk(ND_MEMBER, type_qualified(m->ty, n->ty->qual & (Q_CONST | Q_VOLATILE)), loc);
    mn->lhs = n;
    mn->member = m;
    mn->name = m->name;
    n = mn;
  }
  return n;
}

/* *p: a null-checked dereference (the back end drops the check when the
 * pointer is known non-null). */
static Node *deref(Node *p, Loc loc) {
  if (p->error)
    return poison(ty_int, loc);
  if (p->ty->kind == TY_NULL) {
    error_at(loc, "dereference of NULL");
    return poison(ty_int, loc);
  }
  if (p->ty->kind != TY_PTR) {
    error_at(loc, "cannot dereference '%s', which is not a pointer", tyname(p->ty));
    return poison(ty_int, loc);
  }
  Type *b = p->ty->base;
  if (b->kind == TY_FUNC)
    return p;                      /* (*fp)(x) is fp(x) */
  if ((is_struct_or_union(b) && !b->sdef->complete) || b->kind == TY_VOID) {
    error_at(loc, "dereferencing a pointer to the incomplete type '%s'", tyname(b));
    return poison(ty_int, loc);
  }
  Node *n = mk(ND_DEREF, b, loc);
  n->lhs = p;
  n->nonnull = p->nonnull;
  return n;
}

/* Index of a constant-length array: a constant out of range is an error. */
static void check_const_index(Node *arr, Node *idx, Loc loc) {
  long long v;
  if (arr->ty->len < 0 || !const_int(idx, &v))
    return;
  bool neg = !is_unsigned(idx->ty) && v < 0;
  unsigned long long uv = (unsigned long long)v;
  if (idx->ty->size == 4)
    uv &= 0xffffffffULL;
  if (neg || uv >= (unsigned long long)arr->ty->len)
    error_at(loc, "index %lld is out of bounds of '%s' (valid indexes are 0 to %lld)",
             neg ? v : (long long)uv, tyname(arr->ty), arr->ty->len - 1);
}

static Node *index_value(Node *i) {
  i = rvalue(i);
  if (!is_integer(i->ty)) {
    error_at(i->loc, "array index must be an integer, not '%s'", tyname(i->ty));
    return poison(ty_int, i->loc);
  }
  return cast_to(i, integer_promote(i->ty));
}

static Node *index_expr(Node *n) {
  Node *base = expr(n->lhs);
  if (base->error) {
    rvalue(n->rhs);
    return poison(ty_int, n->loc);
  }
  Node *idx = n->rhs;
  if (is_integer(base->ty)) {      /* i[a] */
    Node *t = expr(idx);
    if (t->ty->kind == TY_ARRAY || is_array_ptr(decay(t)->ty)) {
      idx = n->lhs;
      base = t;
    }
  }
  Node *arr;
  if (base->ty->kind == TY_ARRAY) {
    arr = base;
  } else {
    base = decay(base);
    if (is_array_ptr(base->ty)) {
      arr = deref(base, n->loc);
    } else if (base->ty->kind == TY_PTR) {
      error_at(n->loc, "cannot index '%s': it does not point to an array; declare a pointer to "
                       "an array instead: %s",
               tyname(base->ty), type_to_c(pointer_to(array_of(base->ty->base, -1)), "p"));
      return poison(ty_int, n->loc);
    } else {
      error_at(n->loc, "cannot index '%s', which is not an array", tyname(base->ty));
      return poison(ty_int, n->loc);
    }
  }
  Node *i = index_value(idx);
  check_const_index(arr, i, n->loc);
  Node *r = mk(ND_INDEX, arr->ty->base, n->loc);
  r->lhs = arr;
  r->rhs = i;
  return r;
}

/* ---- calls ----------------------------------------------------------------------- */

static Node *promote_vararg(Node *a) {
  if (is_integer(a->ty) && type_rank(a->ty) < 3)
    return cast_to(a, ty_int);
  if (a->ty->kind == TY_FLOAT)
    return cast_to(a, ty_double);
  if (a->ty->kind == TY_NULL)
    error_at(a->loc, "NULL passed to '...' has no pointer type; pass a typed pointer");
  return a;
}

static bool is_format_func(Obj *f) {
  return f && f->is_runtime &&
         (!strcmp(f->name, "printf") || !strcmp(f->name, "fprintf") || !strcmp(f->name, "snprintf"));
}

/* Checks and converts the arguments of a call of a function of type FT. */
static Node *call_args(Node *args, Type *ft, const char *fname, bool fname_is_runtime, Loc loc,
                       bool is_spawn) {
  Node head = {0}, *cur = &head;
  int i = 0;
  for (Node *a = args, *next; a; a = next, i++) {
    next = a->next;
    Node *v = rvalue(a);
    if (v->kind == ND_NUM && v->sizeof_array && is_integer(v->ty) && fname_is_runtime)
      warn_opt(W_SIZEOF_ARRAY_LENGTH, v->loc,
               "'sizeof' of an array counts its length word, not the bytes '%s' may use; use "
               "lengthof", fname);
    if (i < ft->nparams) {
      char *what = format("argument %d of '%s'", i + 1, fname);
      Type *pt = ft->params[i];
      if (!v->error && is_own(v->ty) && pt->kind == TY_PTR && !is_own(pt)) {
        /* §13.1: lent for the call to a plain parameter, which is
         * stack-bound in the callee (§9) so it cannot keep it */
        if (is_spawn)
          error_at(v->loc, "%s: spawn cannot lend an owned pointer, since the thread outlives "
                           "the spawn; give it away (an 'own' parameter) or share(p) it",
                   what);
        else if (pt->qual & Q_GLOBAL)
          error_at(v->loc, "%s: an owned pointer cannot be lent to a 'global' parameter, which "
                           "may keep it; share(p) it, or make the parameter 'own'",
                   what);
        Node *b = mk(ND_CAST, own_dropped(v->ty), v->loc);
        b->lhs = v;
        v = b;
      }
      v = convert(v, pt, what);
    } else if (ft->variadic) {
      v = promote_vararg(v);
    } else {
      error_at(v->loc, "too many arguments to '%s' (it takes %d)", fname, ft->nparams);
    }
    v->next = NULL;
    cur = cur->next = v;
  }
  if (i < ft->nparams)
    error_at(loc, "too few arguments to '%s' (it takes %d, %d given)", fname, ft->nparams, i);
  return head.next;
}

/* The Cuckoo function to use instead of a C library function. */
static const char *c_library_hint(const char *name) {
  static const char *const hints[][2] = {
#define CLIB(name, instead) {#name, instead},
#include "clib.def"
#undef CLIB
  };
  for (size_t k = 0; k < sizeof hints / sizeof hints[0]; k++)
    if (!strcmp(hints[k][0], name))
      return hints[k][1];
  return NULL;
}

static Node *call_expr(Node *n) {
  Node *callee = n->lhs;
  Obj *fn = NULL;
  Node *f;
  if (callee->kind == ND_IDENT) {
    Sym *y = find_sym(callee->name);
    if (!y) {
      static const char *gone[][2] = {
          {"setjmp", "setjmp and longjmp are not in Cuckoo; return an error code instead"},
          {"longjmp", "setjmp and longjmp are not in Cuckoo; return an error code instead"},
          {"malloc", "there is no malloc in Cuckoo; allocate with new(T) or new(T[n])"},
          {"calloc", "there is no calloc in Cuckoo; allocate with new(T[n]) (zero-filled)"},
          {"realloc", "there is no realloc in Cuckoo; allocate a new array with new(T[n]) and "
                      "copy"},
          {"free", "there is no free in Cuckoo; release objects with delete(p)"},
          {"va_start", "va_list and variadic functions are not in Cuckoo; pass an array"},
          {"va_arg", "va_list and variadic functions are not in Cuckoo; pass an array"},
          {"va_end", "va_list and variadic functions are not in Cuckoo; pass an array"},
          {"alloca", "there is no alloca in Cuckoo; use a local array or new(T[n])"},
      };
      const char *why = NULL;
      for (size_t k = 0; k < sizeof gone / sizeof gone[0]; k++)
        if (!strcmp(gone[k][0], callee->name))
          why = gone[k][1];
      const char *instead = why ? NULL : c_library_hint(callee->name);
      if (why)
        error_at(callee->loc, "'%s': %s", callee->name, why);
      else if (instead)
        error_at(callee->loc, "'%s' is not in Cuckoo; use %s, declared in <cuckoo.ckh>",
                 callee->name, instead);
      else
        error_at(callee->loc, "call of undeclared function '%s'; declare it first (runtime "
                              "functions come from #include <cuckoo.ckh>)", callee->name);
      for (Node *a = n->args; a; a = a->next)
        rvalue(a);
      return poison(ty_int, n->loc);
    }
  }
  f = expr(callee);
  if (f->kind == ND_VAR && f->obj->is_function) {
    fn = f->obj;
  } else {
    f = decay(f);
    if (!is_func_ptr(f->ty)) {
      error_at(n->loc, "called object of type '%s' is not a function or function pointer",
               tyname(f->ty));
      return poison(ty_int, n->loc);
    }
  }
  Type *ft = fn ? fn->ty : f->ty->base;
  const char *fname = fn ? fn->name : "function pointer";
  if (fn && fn->is_runtime && !strcmp(fn->name, "snprintf") && n->args && n->args->next &&
      n->args->next->next &&
      (n->args->next->kind == ND_SIZEOF || n->args->next->kind == ND_NUM ||
       n->args->next->kind == ND_LENGTHOF)) {
    /* C's snprintf(buf, sizeof buf, fmt, ...): one clear error, not two */
    error_at(n->args->next->loc, "Cuckoo's snprintf takes no size: the length of the array bounds "
                                 "it; remove this argument: snprintf(buf, \"...\", ...)");
    for (Node *a = n->args; a; a = a->next)
      rvalue(a);
    return poison(ty_int, n->loc);
  }
  Node *c = mk(ND_CALL, ft->base, n->loc);
  c->lhs = f;
  c->args = call_args(n->args, ft, fname, fn && fn->is_runtime, n->loc, false);
  if (fn && fn->is_runtime && (!strcmp(fn->name, "signal_handler") || !strcmp(fn->name, "trap_handler")))
    domain_use(n->loc, format("calling %s", fn->name));
  if (is_format_func(fn)) {
    /* the format is the last fixed parameter; the rest follow it */
    Node *fmt = c->args;
    for (int k = 1; fmt && k < ft->nparams; k++)
      fmt = fmt->next;
    if (fmt)
      format_check_call(c, fmt, fmt->next);
  }
  if (fn) {
    fn->is_used = true;
    if (cur_fn)
      vec_push(&cur_fn->callees, fn);
  }
  if (is_struct_or_union(ft->base)) {
    if (ft->base->size < 0)
      error_at(n->loc, "'%s' returns the incomplete type '%s'", fname, tyname(ft->base));
    else if (cur_fn)
      c->ret_buf = new_local(format(".ret%d", static_counter++), type_unqualified(ft->base), n->loc);
  }
  return c;
}

/* ---- casts (§8) ------------------------------------------------------------------- */

/* The qualifiers that a view of type TO drops of an object of type FROM,
 * plus QUALS (those of the structs it is the first member of)?  A
 * qualifier of an array is its elements' (C99 6.7.3p8), so they gather
 * down to the element.  §8: a const struct's first member is const,
 * however deep the cast reaches. */
static unsigned view_drops_quals(Type *to, Type *from, unsigned quals) {
  unsigned tq = 0;
  for (;;) {
    tq |= to->qual;
    quals |= from->qual;
    if (to->kind != TY_ARRAY || from->kind != TY_ARRAY)
      return quals & ~tq & (Q_CONST | Q_VOLATILE);
    to = to->base;
    from = from->base;
  }
}

/* Is TO, qualifiers aside, a view of an object of type FROM: the same
 * type, or an array whose outermost length may be narrower (§4.2)? */
static bool same_view(Type *to, Type *from, bool outermost) {
  if (to->kind != TY_ARRAY || from->kind != TY_ARRAY)
    return to->kind != TY_ARRAY && from->kind != TY_ARRAY && type_equal(to, from, true);
  if (outermost ? to->len < 0 || from->len < to->len : to->len != from->len)
    return false;
  return same_view(to->base, from->base, false);
}

static bool first_member_cast(Type *to_base, Type *from_base, unsigned *dropped) {
  unsigned quals = 0;
  *dropped = 0;
  while (is_struct_or_union(from_base) && from_base->kind == TY_STRUCT &&
         from_base->sdef->complete && from_base->sdef->members) {
    quals |= from_base->qual;
    Type *m = from_base->sdef->members->ty;
    if (same_view(to_base, m, true)) {
      *dropped = view_drops_quals(to_base, m, quals);
      return !*dropped;
    }
    from_base = m;
  }
  return false;
}

static Node *cast_expr(Node *n) {
  Type *to = resolve_type_name(n->type_syntax, n->type_decl, NULL);
  Node *v = rvalue(n->lhs);
  Type *from = v->ty;
  if (v->error)
    return poison(to->kind == TY_VOID ? ty_int : type_unqualified(to), n->loc);
  if (to->kind == TY_VOID) {
    Node *c = mk(ND_CAST, ty_void, n->loc);
    c->lhs = v;
    return c;
  }
  if (is_arith(to) && is_arith(from)) {
    Node *c = cast_to(v, type_unqualified(to));
    if (c == v) {
      c = mk(ND_CAST, type_unqualified(to), n->loc);
      c->lhs = v;
    }
    return c;
  }
  if (to->kind == TY_PTR && is_null_const(v))
    return mk(ND_NULL, type_unqualified(to), n->loc);
  if ((is_own(to) || is_own(from)) && !(is_own(to) && is_own(from) && type_equal(to, from, true))) {
    error_at(n->loc, "cannot cast '%s' to '%s': a cast never makes or drops ownership (only "
                     "new makes an owned pointer; share(p) gives one up)",
             tyname(from), tyname(to));
    return poison(type_unqualified(to), n->loc);
  }
  if (to->kind == TY_PTR && from->kind == TY_PTR) {
    Type *tb = to->base, *fb = from->base;
    if (tb->kind == TY_ARRAY && fb->kind == TY_ARRAY && scalar_array_pun(tb->base, fb->base)) {
      /* unsigned char[64] handed to a char[] parameter: §4.2's length
       * rules, and the qualifiers kept */
      if (!quals_ok(tb->base->qual, fb->base->qual)) {
        error_at(n->loc, "cannot cast away 'const': '%s' to '%s'", tyname(from), tyname(to));
        return poison(type_unqualified(to), n->loc);
      }
      if (fb->len >= 0 && tb->len > fb->len) {
        error_at(n->loc, "cannot cast '%s' to '%s': the array has fewer than %lld elements",
                 tyname(from), tyname(to), tb->len);
        return poison(type_unqualified(to), n->loc);
      }
      Node *c = mk(ND_CAST, type_unqualified(to), n->loc);
      c->lhs = v;
      c->check_len = fb->len < 0 && tb->len >= 0;
      return c;
    }
    PtrConv pc = ptr_conv(to, from);
    if (pc == PC_OK || (pc == PC_LEN_MISMATCH && fb->len > tb->len)) {
      Node *c = mk(ND_CAST, type_unqualified(to), n->loc);
      c->lhs = v;
      return c;
    }
    if (pc == PC_NEEDS_CAST_LEN) {
      Node *c = mk(ND_CAST, type_unqualified(to), n->loc);
      c->lhs = v;
      c->check_len = true;
      return c;
    }
    if (pc == PC_LEN_MISMATCH) {
      error_at(n->loc, "cannot cast '%s' to '%s': the array has fewer than %lld elements",
               tyname(from), tyname(to), tb->len);
      return poison(to->kind == TY_STRUCT || to->kind == TY_UNION || to->kind == TY_ARRAY ? ty_int : type_unqualified(to), n->loc);
    }
    if (pc == PC_DROPS_QUAL) {
      error_at(n->loc, "cannot cast away 'const': '%s' to '%s'", tyname(from), tyname(to));
      return poison(to->kind == TY_STRUCT || to->kind == TY_UNION || to->kind == TY_ARRAY ? ty_int : type_unqualified(to), n->loc);
    }
    unsigned dropped;
    if (first_member_cast(tb, fb, &dropped)) {
      Node *c = mk(ND_CAST, type_unqualified(to), n->loc);
      c->lhs = v;
      return c;
    }
    if (dropped) {
      error_at(n->loc, "cannot cast away '%s': '%s' to '%s' (a first member keeps its own "
                       "qualifiers and those of every struct around it); add them to the cast's type",
               dropped & Q_CONST ? "const" : "volatile", tyname(from), tyname(to));
      return poison(type_unqualified(to), n->loc);
    }
    error_at(n->loc, "cannot cast '%s' to '%s': Cuckoo allows pointer casts only to add "
                     "qualifiers, between pointers to arrays (of one element type, or of "
                     "plain scalar types of one size), and from a struct pointer to its first "
                     "member's type", tyname(from), tyname(to));
    return poison(to->kind == TY_STRUCT || to->kind == TY_UNION || to->kind == TY_ARRAY ? ty_int : type_unqualified(to), n->loc);
  }
  if ((to->kind == TY_PTR && is_integer(from)) || (is_integer(to) && from->kind == TY_PTR)) {
    error_at(n->loc, "cannot cast '%s' to '%s': there are no conversions between integers and "
                     "pointers in Cuckoo", tyname(from), tyname(to));
    return poison(to->kind == TY_STRUCT || to->kind == TY_UNION || to->kind == TY_ARRAY ? ty_int : type_unqualified(to), n->loc);
  }
  if (is_struct_or_union(to) && type_equal(from, to, true))
    error_at(n->loc, "cannot cast '%s' to '%s': C has no casts to struct or union types; "
                     "remove the cast", tyname(from), tyname(to));
  else
    error_at(n->loc, "cannot cast '%s' to '%s'", tyname(from), tyname(to));
  return poison(to->kind == TY_STRUCT || to->kind == TY_UNION || to->kind == TY_ARRAY ? ty_int : type_unqualified(to), n->loc);
}

/* ---- new, delete, spawn ------------------------------------------------------------------- */

static Node *new_expr(Node *n) {
  Node *len = NULL;
  Type *t = resolve_type_name(n->type_syntax, n->type_decl, &len);
  if (t->kind == TY_ARRAY) {
    Type *elem = t->base;
    Node *count = len;
    if (!count && t->len >= 0)
      count = new_num(t->len, ty_int, n->loc);
    if (!count) {
      error_at(n->loc, "new of an array needs its length: new(T[n])");
      return poison(ty_int, n->loc);
    }
    if (len) {
      count = rvalue(count);
      if (!is_integer(count->ty)) {
        error_at(count->loc, "the length in new(T[n]) must be an integer, not '%s'",
                 tyname(count->ty));
        count = poison(ty_int, n->loc);
      }
    }
    if (elem->size < 0) {
      error_at(n->loc, "new of an array of the incomplete type '%s'", tyname(elem));
      elem = ty_int;
    }
    Node *r = mk(ND_NEW, pointer_to(array_of(elem, -1)), n->loc);
    r->new_type = elem;
    r->is_array_new = true;
    r->lhs = cast_to(count, ty_llong);
    return r;
  }
  if (t->size < 0 || t->kind == TY_FUNC) {
    error_at(n->loc, "new of the incomplete type '%s'", tyname(t));
    t = ty_int;
  }
  Node *r = mk(ND_NEW, pointer_to(t), n->loc);
  r->new_type = t;
  return r;
}

/* Is N visibly not the result of new: &x, &s.f, &a[i], an array? */
static const char *visibly_not_heap(Node *n) {
  while (n->kind == ND_CAST)
    n = n->lhs;
  if (n->kind != ND_ADDR)
    return NULL;
  Node *l = n->lhs;
  if (l->ty->kind == TY_ARRAY)
    return "an array";
  if (l->kind == ND_VAR)
    return "the address of a variable";
  if (l->kind == ND_MEMBER)
    return "the address of a member";
  if (l->kind == ND_INDEX)
    return "the address of an array element";
  if (l->kind == ND_COMPOUND_LIT)
    return "the address of a compound literal";
  return NULL;
}

static Node *delete_expr(Node *n) {
  Node *e = expr(n->lhs);
  bool lv = is_lvalue(e) && e->ty->kind != TY_ARRAY;
  Node *v = decay(e);
  Node *r = mk(ND_DELETE, ty_void, n->loc);
  if (v->ty->kind == TY_NULL) {
    r->lhs = mk(ND_NULL, pointer_to(ty_int), n->loc);
    return r;
  }
  if (v->ty->kind != TY_PTR || is_func_ptr(v->ty)) {
    error_at(n->lhs->loc, "delete needs a pointer returned by new, not '%s'", tyname(v->ty));
    return r;
  }
  const char *why = visibly_not_heap(v);
  if (why)
    error_at(n->lhs->loc, "delete of %s, which was not allocated with new", why);
  if (lv && (e->ty->qual & Q_CONST))
    error_at(n->lhs->loc, "delete would set the const pointer to NULL; delete a copy of it");
  /* delete(c ? p : q) moves the owned locals it may delete (§13.1) */
  if (is_own(v->ty) && !lv)
    own_source(v, "delete");
  r->lhs = v;
  r->delete_lvalue = lv && !(e->ty->qual & Q_CONST);
  r->new_type = v->ty->base->kind == TY_ARRAY ? v->ty->base->base : v->ty->base;
  r->is_array_new = v->ty->base->kind == TY_ARRAY;
  return r;
}

/* renew(p, n) (§12.1): P an lvalue of type T (*)[] holding the result of
 * new (or NULL), N an integer; yields the new array, also stored in P. */
static Node *renew_expr(Node *n) {
  Node *p = expr(n->lhs);
  Node *len = rvalue(n->rhs);
  if (p->error || len->error)
    return poison(p->error ? ty_int : p->ty, n->loc);
  if (p->ty->kind != TY_PTR || p->ty->base->kind != TY_ARRAY || p->ty->base->len >= 0) {
    error_at(n->lhs->loc, "renew needs a pointer to an unsized array, T (*)[], holding the "
                          "result of new, not '%s'", tyname(p->ty));
    return poison(ty_int, n->loc);
  }
  check_modifiable(p, n->lhs->loc, "renew");
  if (!is_integer(len->ty)) {
    error_at(n->rhs->loc, "the length of renew must be an integer, not '%s'", tyname(len->ty));
    return poison(p->ty, n->loc);
  }
  const char *why = visibly_not_heap(p);
  if (why)
    error_at(n->lhs->loc, "renew of %s, which was not allocated with new", why);
  Type *elem = p->ty->base->base;
  if (elem->size < 0) {
    error_at(n->lhs->loc, "renew of an array of the incomplete type '%s'", tyname(elem));
    return poison(p->ty, n->loc);
  }
  /* renewing an owned array keeps it owned by P; yielding it too would
   * make a second reference (doc/decisions.md) */
  Node *r = mk(ND_RENEW, is_own(p->ty) ? ty_void : type_unqualified(p->ty), n->loc);
  r->lhs = p;
  r->rhs = cast_to(len, ty_llong);
  r->new_type = elem;
  r->is_array_new = true;
  return r;
}

static Type *thread_type(void) {
  Sym *y = find_sym("thread_t");
  if (y && y->typedef_ty)
    return y->typedef_ty;
  Scope *save = scope;
  scope = &file_scope_;
  Tag *t = find_tag("thread", true);
  if (!t) {
    t = add_tag("thread", (Loc){0});
    t->sd = xmalloc(sizeof(StructDef));
    t->sd->tag = xstrdup("thread");
  }
  scope = save;
  return pointer_to(struct_type(t->sd));
}

static Node *spawn_expr(Node *n) {
  Node *r = mk(ND_SPAWN, thread_type(), n->loc);
  Node *call = n->lhs;
  Node *callee = call && call->kind == ND_CALL ? call->lhs : n->lhs;
  Node *args = call && call->kind == ND_CALL ? call->args : n->args;
  Sym *y = callee && callee->kind == ND_IDENT ? find_sym(callee->name) : NULL;
  if (!y || !y->obj || !y->obj->is_function) {
    error_at(callee ? callee->loc : n->loc,
             "spawn needs the name of a function (not a function pointer or an expression)");
    return r;
  }
  Obj *fn = y->obj;
  if (fn->ty->base->kind != TY_INT || fn->ty->base->qual)
    error_at(callee->loc, "spawn needs a function that returns int; '%s' returns '%s'", fn->name,
             tyname(fn->ty->base));
  Node *v = mk(ND_VAR, fn->ty, callee->loc);
  v->obj = fn;
  r->lhs = v;
  r->args = call_args(args, fn->ty, fn->name, false, n->loc, true);
  fn->is_used = true;
  fn->is_spawn_target = true;
  fn->addr_taken = true;
  if (cur_fn)
    vec_push(&cur_fn->callees, fn);
  domain_use(n->loc, xstrdup("spawn"));
  return r;
}

/* ---- protection domains (LANGUAGE.md §13.3) --------------------------------------------- */

static Type *domain_type(void) {
  Sym *y = find_sym("domain_t");
  if (y && y->typedef_ty && y->typedef_ty->kind == TY_STRUCT)
    return pointer_to(y->typedef_ty);
  Scope *save = scope;
  scope = &file_scope_;
  Tag *t = find_tag("domain", true);
  if (!t) {
    t = add_tag("domain", (Loc){0});
    t->sd = xmalloc(sizeof(StructDef));
    t->sd->tag = xstrdup("domain");
  }
  scope = save;
  return pointer_to(struct_type(t->sd));
}

/* The function NAME names for OP (domain_new, domain_call), or NULL after
 * an error. */
static Obj *domain_function(Node *callee, const char *op) {
  Sym *y = callee && callee->kind == ND_IDENT ? find_sym(callee->name) : NULL;
  if (!y || !y->obj || !y->obj->is_function) {
    error_at(callee->loc, "%s needs the name of a function (not a function pointer or an "
                          "expression)", op);
    return NULL;
  }
  Obj *fn = y->obj;
  /* the runtime calls it, from a frame of unknown depth (§11) */
  fn->is_used = true;
  fn->is_spawn_target = true;
  fn->addr_taken = true;
  fn->is_domain_entry = true;
  if (cur_fn)
    vec_push(&cur_fn->callees, fn);
  return fn;
}

/* The struct S of a state pointer type `S *` (qualifiers on S allowed
 * when ALLOW_CONST), or NULL. */
static Type *state_struct(Type *t, bool allow_const) {
  if (t->kind != TY_PTR || t->base->kind != TY_STRUCT || t->base->size < 0)
    return NULL;
  if (!allow_const && t->base->qual)
    return NULL;
  return type_unqualified(t->base);
}

/* domain_new(setup): setup is `S *own setup(void)` for a struct S (its
 * result is the domain's alone), or `S *setup(void)`: code in a domain
 * stores into no global, so what setup returns from new is the domain's
 * too (doc/decisions.md). */
static Node *domain_new_expr(Node *n) {
  Node *r = mk(ND_DOMAIN_NEW, domain_type(), n->loc);
  Obj *fn = domain_function(n->lhs, "domain_new");
  if (!fn)
    return poison(r->ty, n->loc);
  Type *ft = fn->ty;
  Type *st = state_struct(ft->base, false);
  if (ft->nparams != 0 || ft->variadic || !st || (ft->base->qual & ~Q_OWN)) {
    error_at(n->lhs->loc, "domain_new needs a function 'S *own %s(void)' returning a pointer to a "
                          "complete struct; '%s' is '%s'", fn->name, fn->name, tyname(ft));
    return poison(r->ty, n->loc);
  }
  Node *v = mk(ND_VAR, ft, n->lhs->loc);
  v->obj = fn;
  r->lhs = decay(v);
  /* the domain's name in runtime errors: setup's */
  Obj *name = string_obj(fn->name, (int)strlen(fn->name), n->loc);
  Node *nv = mk(ND_VAR, name->ty, n->loc);
  nv->obj = name;
  r->rhs = decay(nv);
  r->new_type = st;
  return r;
}

/* domain_call(d, f, args): f is `int f(S *state, P1, ..., Pn)` with each
 * Pi arithmetic or an owned pointer `T *own`; the arguments are checked
 * against P1..Pn as in a call, so an owned argument is moved (own.c) and
 * the runtime makes its object, with everything it owns, the domain's.
 * That S is d's state type is checked at run time (trap cast): a domain_t
 * does not carry it. */
static Node *domain_call_expr(Node *n) {
  Node *r = mk(ND_DOMAIN_CALL, ty_int, n->loc);
  Node *d = rvalue(n->lhs);
  Type *dt = domain_type();
  if (!d->error && (d->ty->kind != TY_PTR || d->ty->base->kind != TY_STRUCT ||
                    d->ty->base->sdef != dt->base->sdef))
    error_at(n->lhs->loc, "the first argument of domain_call must be a 'domain_t *', not '%s'",
             tyname(d->ty));
  r->lhs = d;
  Obj *fn = domain_function(n->rhs, "domain_call");
  if (!fn)
    return poison(ty_int, n->loc);
  Type *ft = fn->ty;
  Type *st = ft->nparams >= 1 ? state_struct(type_unqualified(ft->params[0]), true) : NULL;
  bool ok = true;
  if (ft->base->kind != TY_INT || ft->base->qual || ft->variadic || !st) {
    error_at(n->rhs->loc, "domain_call needs a function 'int %s(S *state, ...)' whose first "
                          "parameter points to the domain's state struct; '%s' is '%s'",
             fn->name, fn->name, tyname(ft));
    ok = false;
  }
  if (ok && (ft->params[0]->qual & (Q_OWN | Q_GLOBAL))) {
    /* the runtime keeps the state: f may neither delete it nor keep it
     * past the call (cuckoo-ld holds every object to the same) */
    error_at(n->rhs->loc, "the state parameter of '%s' is '%s': a domain_call function takes its "
                          "domain's state as a plain pointer 'S *state', neither owned nor global",
             fn->name, tyname(ft->params[0]));
    ok = false;
  }
  for (int i = 1; i < ft->nparams; i++)
    if (!is_arith(ft->params[i]) && !is_own(ft->params[i])) {
      error_at(n->rhs->loc, "parameter %d of '%s' is '%s': the other parameters of a "
                            "domain_call function must be arithmetic or owned pointers", i + 1,
               fn->name, tyname(ft->params[i]));
      ok = false;
    }
  if (!ok)
    return poison(ty_int, n->loc);
  /* the arguments after f, against f's parameters after the state */
  Type rest = *ft;
  rest.params = ft->params + 1;
  rest.nparams = ft->nparams - 1;
  Node *v = mk(ND_VAR, ft, n->rhs->loc);
  v->obj = fn;
  r->rhs = v;
  r->args = call_args(n->args, &rest, fn->name, false, n->loc, false);
  r->new_type = st;
  return r;
}


/* ---- share, take, channels (§13.1, §13.2) ---------------------------------------- */

static Node *share_expr(Node *n) {
  Node *v = rvalue(n->lhs);
  if (v->error)
    return poison(pointer_to(ty_int), n->loc);
  if (!is_own(v->ty)) {
    error_at(n->lhs->loc, "share needs an owned pointer, not '%s'", tyname(v->ty));
    return poison(v->ty->kind == TY_PTR ? v->ty : pointer_to(ty_int), n->loc);
  }
  if (!own_source(v, "share"))
    return poison(own_dropped(v->ty), n->loc);
  Node *r = mk(ND_SHARE, own_dropped(type_unqualified(v->ty)), n->loc);
  r->lhs = v;
  return r;
}

static Node *take_expr(Node *n) {
  Node *l = expr(n->lhs);
  if (l->error)
    return poison(pointer_to(ty_int), n->loc);
  if (!is_own(l->ty) || !is_lvalue(l)) {
    error_at(n->lhs->loc, "take needs an owned lvalue (a variable, member or element of type "
                          "'T *own'), not %s'%s'",
             is_lvalue(l) ? "" : "a value of type ", tyname(l->ty));
    return poison(l->ty->kind == TY_PTR ? l->ty : pointer_to(ty_int), n->loc);
  }
  check_modifiable(l, n->loc, "take");
  Node *r = mk(ND_TAKE, type_unqualified(l->ty), n->loc);
  r->lhs = l;
  return r;
}

/* chan_t, declared by cuckoo.ckh (an opaque runtime struct). */
static Type *chan_type(void) {
  Sym *y = find_sym("chan_t");
  if (y && y->typedef_ty)
    return pointer_to(y->typedef_ty);
  Scope *save = scope;
  scope = &file_scope_;
  Tag *t = find_tag("chan", true);
  if (!t) {
    t = add_tag("chan", (Loc){0});
    t->sd = xmalloc(sizeof(StructDef));
    t->sd->tag = xstrdup("chan");
  }
  scope = save;
  return pointer_to(struct_type(t->sd));
}

static Node *chan_send_expr(Node *n) {
  Node *r = mk(ND_CHAN_SEND, ty_void, n->loc);
  r->lhs = convert(rvalue(n->lhs), chan_type(), "argument 1 of 'chan_send'");
  Node *v = rvalue(n->rhs);
  if (v->error)
    return r;
  if (v->ty->kind != TY_PTR || is_func_ptr(v->ty) || (!is_own(v->ty) && !only_new(v)) ||
      v->ty->kind == TY_NULL) {
    error_at(n->rhs->loc, "chan_send sends an owned pointer (T *own), not '%s'", tyname(v->ty));
    return r;
  }
  if (!own_source(v, "argument 2 of 'chan_send'"))
    return r;
  r->rhs = v;
  return r;
}

static Node *chan_recv_expr(Node *n) {
  Node *c = convert(rvalue(n->lhs), chan_type(), "argument 1 of 'chan_recv'");
  Node *len = NULL;
  Type *t = resolve_type_name(n->type_syntax, n->type_decl, &len);
  Node *r = mk(ND_CHAN_RECV, NULL, n->loc);
  r->lhs = c;
  if (len || (t->kind == TY_ARRAY && t->len >= 0)) {
    error_at(n->loc, "chan_recv receives a T or a T[] (of any length), not an array of a given "
                     "length");
    t = ty_int;
  }
  if (t->kind == TY_ARRAY) {
    if (t->base->size < 0) {
      error_at(n->loc, "chan_recv of an array of the incomplete type '%s'", tyname(t->base));
      r->new_type = ty_int;
    } else {
      r->new_type = t->base;
    }
    r->is_array_new = true;
    r->ty = type_qualified(pointer_to(array_of(r->new_type, -1)), Q_OWN);
    return r;
  }
  if (t->size < 0 || t->kind == TY_FUNC) {
    error_at(n->loc, "chan_recv of the incomplete type '%s'", tyname(t));
    t = ty_int;
  }
  r->new_type = t;
  r->ty = type_qualified(pointer_to(t), Q_OWN);
  return r;
}

/* ---- sizeof and lengthof ----------------------------------------------------------------- */

static Node *sizeof_expr(Node *n) {
  Type *t;
  if (n->type_syntax)
    t = resolve_type_name(n->type_syntax, n->type_decl, NULL);
  else
    t = expr(n->lhs)->ty;
  if (t->kind == TY_FUNC || t->kind == TY_VOID || t->size < 0) {
    if (t->kind == TY_ARRAY)
      error_at(n->loc, "sizeof of the unsized array type '%s'; use lengthof for its number of "
                       "elements", tyname(t));
    else
      error_at(n->loc, "sizeof of the incomplete type '%s'", tyname(t));
    return poison(ty_uint, n->loc);
  }
  Node *c = new_num(t->size, ty_uint, n->loc);
  c->sizeof_array = t->kind == TY_ARRAY;
  return c;
}

static Node *lengthof_expr(Node *n) {
  Type *t;
  Node *e = NULL;
  if (n->type_syntax) {
    t = resolve_type_name(n->type_syntax, n->type_decl, NULL);
  } else {
    e = expr(n->lhs);
    t = e->ty;
  }
  if (t->kind == TY_PTR && t->base->kind == TY_ARRAY)
    t = t->base;
  else if (t->kind != TY_ARRAY) {
    error_at(n->loc, "lengthof needs an array or a pointer to an array, not '%s'", tyname(t));
    return poison(ty_uint, n->loc);
  }
  if (t->len >= 0)
    return new_num(t->len, ty_uint, n->loc);
  if (!e) {
    error_at(n->loc, "lengthof of the unsized array type '%s'", tyname(t));
    return poison(ty_uint, n->loc);
  }
  /* run time: read the length word through a pointer to the array */
  Node *p = e->ty->kind == TY_ARRAY ? (e->kind == ND_DEREF ? e->lhs : decay(e)) : e;
  Node *r = mk(ND_LENGTHOF, ty_uint, n->loc);
  r->lhs = p;
  return r;
}

/* ---- the expression walk ------------------------------------------------------------------ */

static Node *binary(Node *n) {
  NodeKind k = n->kind;
  const char *op = op_name(k);
  switch (k) {
  case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV: {
    Node *l = rvalue(n->lhs), *r = rvalue(n->rhs);
    if (l->error || r->error)
      return poison(l->error ? l->ty : r->ty, n->loc);
    bool lp = l->ty->kind == TY_PTR || l->ty->kind == TY_ARRAY;
    bool rp = r->ty->kind == TY_PTR || r->ty->kind == TY_ARRAY;
    if ((lp || rp) && (k == ND_ADD || k == ND_SUB)) {
      ptr_arith_error(n->loc);      /* once for the operator */
      return poison(lp && rp ? ty_int : lp ? l->ty : r->ty, n->loc);
    }
    if (k == ND_DIV && l->kind == ND_NUM && l->sizeof_array)
      warn_opt(W_SIZEOF_ARRAY_LENGTH, n->loc,
               "'sizeof' of an array counts its length word, so this is not its number of "
               "elements; use lengthof");
    l = arith_operand(l, n->loc, op);
    r = arith_operand(r, n->loc, op);
    if (l->error || r->error)
      return poison(ty_int, n->loc);
    Type *t = usual_arith(l->ty, r->ty);
    Node *b = mk(k, t, n->loc);
    b->lhs = cast_to(l, t);
    b->rhs = cast_to(r, t);
    return b;
  }
  case ND_MOD: case ND_BITAND: case ND_BITOR: case ND_BITXOR: case ND_SHL: case ND_SHR: {
    Node *l = arith_operand(n->lhs, n->loc, op), *r = arith_operand(n->rhs, n->loc, op);
    if (l->error || r->error)
      return poison(ty_int, n->loc);
    if (!is_integer(l->ty) || !is_integer(r->ty)) {
      error_at(n->loc, "invalid operands to '%s': '%s' and '%s' (integers required)", op,
               tyname(l->ty), tyname(r->ty));
      return poison(ty_int, n->loc);
    }
    Node *b = mk(k, NULL, n->loc);
    if (k == ND_SHL || k == ND_SHR) {
      b->ty = integer_promote(l->ty);
      b->lhs = cast_to(l, b->ty);
      b->rhs = cast_to(r, integer_promote(r->ty));
    } else {
      b->ty = usual_arith(l->ty, r->ty);
      b->lhs = cast_to(l, b->ty);
      b->rhs = cast_to(r, b->ty);
    }
    return b;
  }
  case ND_LT: case ND_LE: case ND_GT: case ND_GE: case ND_EQ: case ND_NE: {
    Node *l = rvalue(n->lhs), *r = rvalue(n->rhs);
    if (l->error || r->error)
      return poison(ty_int, n->loc);
    Node *b = mk(k, ty_int, n->loc);
    if (is_arith(l->ty) && is_arith(r->ty)) {
      Type *t = usual_arith(l->ty, r->ty);
      b->lhs = cast_to(l, t);
      b->rhs = cast_to(r, t);
      return b;
    }
    bool lp = l->ty->kind == TY_PTR || l->ty->kind == TY_NULL;
    bool rp = r->ty->kind == TY_PTR || r->ty->kind == TY_NULL;
    if ((lp || rp) && (k == ND_LT || k == ND_LE || k == ND_GT || k == ND_GE)) {
      error_at(n->loc, "pointers cannot be ordered with '%s' in Cuckoo; compare array indexes "
                       "instead", op);
      return poison(ty_int, n->loc);
    }
    if (lp && rp) {
      if (l->ty->kind == TY_NULL && r->ty->kind == TY_NULL) {
        return new_num(k == ND_EQ, ty_int, n->loc);
      }
      if (l->ty->kind == TY_NULL || is_null_const(l)) {
        b->lhs = convert(l, r->ty, "comparison");
        b->rhs = r;
        return b;
      }
      if (r->ty->kind == TY_NULL || is_null_const(r)) {
        b->lhs = l;
        b->rhs = convert(r, l->ty, "comparison");
        return b;
      }
      PtrConv a = ptr_conv(l->ty, r->ty), c = ptr_conv(r->ty, l->ty);
      bool ok = a != PC_INCOMPATIBLE && a != PC_LEN_MISMATCH;
      if (!ok || (a == PC_NEEDS_CAST_LEN && c == PC_NEEDS_CAST_LEN)) {
        error_at(n->loc, "comparison of distinct pointer types '%s' and '%s'", tyname(l->ty),
                 tyname(r->ty));
        return poison(ty_int, n->loc);
      }
      b->lhs = l;
      b->rhs = r;
      return b;
    }
    if ((lp && is_null_const(r)) || (rp && is_null_const(l))) {
      b->lhs = lp ? l : convert(l, r->ty, "comparison");
      b->rhs = rp ? r : convert(r, l->ty, "comparison");
      return b;
    }
    if (lp || rp)
      error_at(n->loc, "comparison between a pointer and an integer ('%s' and '%s')",
               tyname(l->ty), tyname(r->ty));
    else
      error_at(n->loc, "invalid operands to '%s': '%s' and '%s'", op, tyname(l->ty),
               tyname(r->ty));
    return poison(ty_int, n->loc);
  }
  case ND_LOGAND: case ND_LOGOR: {
    Node *b = mk(k, ty_int, n->loc);
    b->lhs = scalar(n->lhs, "an operand of '&&' or '||'");
    b->rhs = scalar(n->rhs, "an operand of '&&' or '||'");
    return b;
  }
  default:
    die("binary %d", k);
  }
}

static Node *assign_expr(Node *n) {
  Node *l = expr(n->lhs);
  Node *r = rvalue(n->rhs);
  if (l->error || r->error)
    return poison(l->error ? ty_int : type_unqualified(l->ty), n->loc);
  int before = diag_errors;
  check_modifiable(l, n->loc, "assignment");
  if (diag_errors != before)
    return poison(l->ty->kind == TY_ARRAY ? ty_int : type_unqualified(l->ty), n->loc);
  Node *a = mk(ND_ASSIGN, type_unqualified(l->ty), n->loc);
  a->lhs = l;
  a->rhs = convert(r, l->ty, "assignment");
  if (is_own(l->ty)) {
    /* §13.1: the object it held is deleted; the value of the
     * assignment would be a second reference to the new one */
    a->own_store = true;
    a->ty = ty_void;
  }
  return a;
}

static Node *assign_op_expr(Node *n) {
  static const char *names[] = {[ND_ADD] = "+=", [ND_SUB] = "-=", [ND_MUL] = "*=",
                                [ND_DIV] = "/=", [ND_MOD] = "%=", [ND_SHL] = "<<=",
                                [ND_SHR] = ">>=", [ND_BITAND] = "&=", [ND_BITOR] = "|=",
                                [ND_BITXOR] = "^="};
  const char *op = names[n->op];
  Node *l = expr(n->lhs);
  if (l->ty->kind == TY_PTR || l->ty->kind == TY_ARRAY) {
    if (n->op == ND_ADD || n->op == ND_SUB)
      ptr_arith_error(n->loc);
    else
      error_at(n->loc, "invalid operand to '%s': '%s' is not a number", op, tyname(l->ty));
    rvalue(n->rhs);
    return poison(ty_int, n->loc);
  }
  check_modifiable(l, n->loc, op);
  Node *r = arith_operand(n->rhs, n->loc, op);
  if (!is_arith(l->ty)) {
    error_at(n->loc, "invalid operand to '%s': '%s' is not a number", op, tyname(l->ty));
    return poison(ty_int, n->loc);
  }
  bool int_only = n->op == ND_MOD || n->op == ND_SHL || n->op == ND_SHR || n->op == ND_BITAND ||
                  n->op == ND_BITOR || n->op == ND_BITXOR;
  if (int_only && (!is_integer(l->ty) || !is_integer(r->ty))) {
    error_at(n->loc, "invalid operands to '%s': integers required", op);
    return poison(ty_int, n->loc);
  }
  Node *a = mk(ND_ASSIGN_OP, type_unqualified(l->ty), n->loc);
  a->op = n->op;
  a->lhs = l;
  if (n->op == ND_SHL || n->op == ND_SHR) {
    a->cty = integer_promote(l->ty);
    a->rhs = cast_to(r, integer_promote(r->ty));
  } else {
    a->cty = usual_arith(l->ty, r->ty);
    a->rhs = cast_to(r, a->cty);
  }
  return a;
}

static Node *incdec_expr(Node *n) {
  const char *op = (n->kind == ND_PREINC || n->kind == ND_POSTINC) ? "++" : "--";
  Node *l = expr(n->lhs);
  if (l->ty->kind == TY_PTR || l->ty->kind == TY_ARRAY) {
    ptr_arith_error(n->loc);
    return poison(ty_int, n->loc);
  }
  if (!is_arith(l->ty)) {
    error_at(n->loc, "invalid operand to '%s': '%s' is not a number", op, tyname(l->ty));
    return poison(ty_int, n->loc);
  }
  check_modifiable(l, n->loc, op);
  Node *r = mk(n->kind, type_unqualified(l->ty), n->loc);
  r->lhs = l;
  return r;
}

/* The type where the two arms of ?: meet. */
static Node *cond_expr(Node *n) {
  Node *c = mk(ND_COND, NULL, n->loc);
  c->cond = scalar(n->cond, "the condition of '?:'");
  Node *a = rvalue(n->then), *b = rvalue(n->els);
  Type *ta = a->ty, *tb = b->ty;
  Type *t = NULL;
  if (is_arith(ta) && is_arith(tb))
    t = usual_arith(ta, tb);
  else if (ta->kind == TY_VOID && tb->kind == TY_VOID)
    t = ty_void;
  else if (is_struct_or_union(ta) && type_equal(ta, tb, true))
    t = type_unqualified(ta);
  else if (ta->kind == TY_NULL && tb->kind == TY_NULL)
    t = pointer_to(ty_int);
  else if ((ta->kind == TY_PTR || ta->kind == TY_NULL) && (tb->kind == TY_PTR || tb->kind == TY_NULL)) {
    if (ta->kind == TY_NULL || is_null_const(a))
      t = tb;
    else if (tb->kind == TY_NULL || is_null_const(b))
      t = ta;
    else {
      Type *pa = ta->base, *pb = tb->base;
      if (pa->kind == TY_ARRAY && pb->kind == TY_ARRAY && type_equal(pa->base, pb->base, true)) {
        Type *e = type_qualified(type_unqualified(pa->base), (pa->base->qual | pb->base->qual));
        t = pointer_to(array_of(e, pa->len == pb->len ? pa->len : -1));
      } else if (type_equal(pa, pb, true)) {
        t = pointer_to(type_qualified(type_unqualified(pa), pa->qual | pb->qual));
      }
      /* both owned, or owned and new's result: owned (§13.1) */
      if (t && ((is_own(ta) && (is_own(tb) || only_new(b))) || (is_own(tb) && only_new(a))))
        t = type_qualified(t, Q_OWN);
    }
  } else if ((ta->kind == TY_PTR && is_null_const(b)) || (tb->kind == TY_PTR && is_null_const(a))) {
    t = ta->kind == TY_PTR ? ta : tb;
  }
  if (!t) {
    error_at(n->loc, "the arms of '?:' have incompatible types '%s' and '%s'", tyname(ta),
             tyname(tb));
    return poison(ty_int, n->loc);
  }
  c->ty = t;
  /* an owned arm is moved only if the whole ?: is (own_source follows
   * the arms then): `(c ? p : q) != NULL` moves nothing */
  c->then = t->kind == TY_VOID || (is_own(t) && is_own(a->ty)) ? a : convert(a, t, "'?:'");
  c->els = t->kind == TY_VOID || (is_own(t) && is_own(b->ty)) ? b : convert(b, t, "'?:'");
  return c;
}

static Node *ident_expr(Node *n) {
  Sym *y = find_sym(n->name);
  if (!y) {
    error_at(n->loc, "'%s' is undeclared", n->name);
    Sym *e = add_sym(n->name, n->loc);   /* report it once */
    e->is_enum_const = true;
    e->undeclared = true;
    return poison(ty_int, n->loc);
  }
  if (y->is_enum_const)
    return new_num(y->enum_val, ty_int, n->loc);
  if (y->typedef_ty) {
    error_at(n->loc, "'%s' is a type name, not a value", n->name);
    return poison(ty_int, n->loc);
  }
  /* §12: the runtime's internal entry points (internal.ckh) believe
   * their arguments -- __cuckoo_spawn copies SIZE bytes from its argument
   * block -- so only code the compiler generates may reach them; a
   * program that includes <internal.ckh> may not name one. */
  const char *decl_file = y->obj->loc.file ? strrchr(y->obj->loc.file, '/') : NULL;
  decl_file = decl_file ? decl_file + 1 : y->obj->loc.file;
  bool public_header = decl_file && !strcmp(decl_file, "cuckoo.ckh");  /* assert's entry */
  if (y->obj->is_runtime && !in_runtime_decl && !public_header && !strncmp(n->name, "__cuckoo", 8)) {
    error_at(n->loc, "'%s' is an internal entry point of the Cuckoo runtime: only code the "
                     "compiler generates may use it",
             n->name);
    return poison(y->obj->ty, n->loc);
  }
  /* main is called by the runtime alone, once: its argv is the runtime's
   * (not stack-bound, doc/lifetime.md), which a call from Cuckoo code
   * could make a dead frame's; the proof checker refuses such a call too */
  if (y->obj->is_function && !y->obj->is_runtime && !strcmp(y->obj->asmname, "__cuckoo_main")) {
    error_at(n->loc, "'main' may not be called or have its address taken: the runtime calls it, once");
    return poison(y->obj->ty, n->loc);
  }
  Node *v = mk(ND_VAR, y->obj->ty, n->loc);
  v->obj = y->obj;
  y->obj->is_used = true;
  return v;
}

static Init *check_init(Type *t, PInit *pi, bool is_static, Loc loc);

static Node *compound_lit_expr(Node *n) {
  Type *t = resolve_type_name(n->type_syntax, n->type_decl, NULL);
  if (t->kind == TY_ARRAY && t->len < 0) {
    int count = 0;
    for (PInit *p = n->pinit ? n->pinit->list : NULL; p; p = p->next)
      count++;
    t = array_of(t->base, count);
  }
  Node *c = mk(ND_COMPOUND_LIT, t, n->loc);
  if (cur_fn) {
    c->obj = new_local(format(".lit%d", static_counter++), t, n->loc);
  } else {
    Obj *o = new_obj(format(".Lcl%d", static_counter++), t, n->loc);
    o->asmname = o->name;
    o->is_static = true;
    o->is_definition = true;
    add_global(o);
    c->obj = o;
  }
  PInit *pi = n->pinit;
  c->initz = check_init(t, pi, !cur_fn, n->loc);
  if (!cur_fn)
    c->obj->initz = c->initz;
  return c;
}

/* Deeper expressions would overflow the stack of the recursive passes
 * after this one (lower.c, with the sanitizers, before 5000 levels). */
enum { EXPR_MAX_DEPTH = 1000 };
static int expr_depth;
static bool expr_depth_reported;

static Node *expr_(Node *n);
static Node *expr(Node *n) {
  if (n->ty)
    return n;
  if (expr_depth >= EXPR_MAX_DEPTH) {
    if (!expr_depth_reported)
      error_at(n->loc, "expression nested more than %d levels deep; split it with temporary "
                       "variables", EXPR_MAX_DEPTH);
    expr_depth_reported = true;
    return poison(ty_int, n->loc);
  }
  expr_depth++;
  Node *r = expr_(n);
  expr_depth--;
  if (n->parenthesized)
    r->parenthesized = true;
  return r;
}

static Node *expr_(Node *n) {
  if (n->ty)
    return n;                      /* already typed (constants, or checked twice) */
  switch (n->kind) {
  case ND_NUM:
    return n;
  case ND_NULL:
    n->ty = ty_nulltype;
    return n;
  case ND_STR: {
    Obj *o = string_obj(n->str, n->strlen, n->loc);
    Node *v = mk(ND_VAR, o->ty, n->loc);
    v->obj = o;
    return v;
  }
  case ND_IDENT:
    return ident_expr(n);
  case ND_VAR:
    return n;                      /* already typed */
  case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV: case ND_MOD: case ND_SHL: case ND_SHR:
  case ND_BITAND: case ND_BITOR: case ND_BITXOR: case ND_EQ: case ND_NE: case ND_LT:
  case ND_LE: case ND_GT: case ND_GE: case ND_LOGAND: case ND_LOGOR:
    return binary(n);
  case ND_NOT: {
    Node *r = mk(ND_NOT, ty_int, n->loc);
    r->lhs = scalar(n->lhs, "the operand of '!'");
    return r;
  }
  case ND_BITNOT: case ND_NEG: case ND_PLUS: {
    const char *op = n->kind == ND_BITNOT ? "~" : n->kind == ND_NEG ? "-" : "+";
    Node *v = arith_operand(n->lhs, n->loc, op);
    if (n->kind == ND_BITNOT && !is_integer(v->ty)) {
      error_at(n->loc, "invalid operand to '~': '%s' is not an integer", tyname(v->ty));
      return poison(ty_int, n->loc);
    }
    Type *t = integer_promote(v->ty);
    v = cast_to(v, t);
    if (n->kind == ND_PLUS)
      return v;
    Node *r = mk(n->kind, t, n->loc);
    r->lhs = v;
    if (v->kind == ND_NUM) {         /* fold: -1 is a constant */
      if (is_flonum(t)) {
        Node *c = mk(ND_NUM, t, n->loc);
        c->fval = -v->fval;
        return c;
      }
      long long val;
      if (const_int(r, &val))
        return new_num(val, t, n->loc);
    }
    return r;
  }
  case ND_ASSIGN:
    return assign_expr(n);
  case ND_ASSIGN_OP:
    return assign_op_expr(n);
  case ND_PREINC: case ND_PREDEC: case ND_POSTINC: case ND_POSTDEC:
    return incdec_expr(n);
  case ND_COMMA: {
    Node *r = mk(ND_COMMA, NULL, n->loc);
    r->lhs = rvalue(n->lhs);
    r->rhs = rvalue(n->rhs);
    r->ty = r->rhs->ty;
    return r;
  }
  case ND_COND:
    return cond_expr(n);
  case ND_CAST:
    return cast_expr(n);
  case ND_CALL:
    return call_expr(n);
  case ND_MEMBER:
    return member_of(expr(n->lhs), n->name, n->loc, n->name_loc);
  case ND_ARROW: {
    Node *p = rvalue(n->lhs);
    if (p->ty->kind != TY_PTR || !is_struct_or_union(p->ty->base)) {
      error_at(n->loc, "'->' needs a pointer to a struct or union, not '%s'", tyname(p->ty));
      return poison(ty_int, n->loc);
    }
    Node *d = deref(p, n->loc);
    if (d->kind != ND_DEREF)
      return d;
    return member_of(d, n->name, n->loc, n->name_loc);
  }
  case ND_DEREF:
    return deref(rvalue(n->lhs), n->loc);
  case ND_ADDR: {
    Node *l = expr(n->lhs);
    if (l->kind == ND_VAR && l->obj->is_function)
      return decay(l);
    if (l->kind == ND_DEREF && l->lhs->ty->kind == TY_PTR && l->lhs->ty->base->kind == TY_FUNC)
      return l->lhs;
    if (is_func_ptr(l->ty) && n->lhs->kind == ND_DEREF)
      return l;                    /* &*fp */
    if (!is_lvalue(l)) {
      error_at(n->loc, "cannot take the address of an rvalue of type '%s'", tyname(l->ty));
      return poison(ty_int, n->loc);
    }
    if (is_own_local(l)) {
      error_at(n->loc, "cannot take the address of the owned variable '%s': its moves are "
                       "followed by name only; lend '%s' itself to a plain pointer parameter",
               l->obj->name, l->obj->name);
      return poison(ty_int, n->loc);
    }
    Node *a = mk(ND_ADDR, pointer_to(l->ty), n->loc);
    a->lhs = l;
    a->nonnull = true;
    if (l->kind == ND_VAR)
      l->obj->addr_taken = true;
    note_global_address(l, l->ty, n->loc);
    return a;
  }
  case ND_INDEX:
    return index_expr(n);
  case ND_SIZEOF:
    return sizeof_expr(n);
  case ND_LENGTHOF:
    return lengthof_expr(n);
  case ND_NEW:
    return new_expr(n);
  case ND_DELETE:
    return delete_expr(n);
  case ND_RENEW:
    return renew_expr(n);
  case ND_SPAWN:
    return spawn_expr(n);
  case ND_DOMAIN_NEW:
    return domain_new_expr(n);
  case ND_DOMAIN_CALL:
    return domain_call_expr(n);
  case ND_SHARE:
    return share_expr(n);
  case ND_TAKE:
    return take_expr(n);
  case ND_CHAN_SEND:
    return chan_send_expr(n);
  case ND_CHAN_RECV:
    return chan_recv_expr(n);
  case ND_COMPOUND_LIT:
    return compound_lit_expr(n);
  default:
    die("unexpected node %s in an expression", node_kind_name(n->kind));
  }
}

/* ---- initializers --------------------------------------------------------------------- */

static Init *new_init(Type *t) {
  Init *i = xmalloc(sizeof *i);
  i->ty = t;
  return i;
}

/* Floating constant expressions, for static initializers. */
static bool const_flo(Node *n, double *out) {
  double a, b;
  long long i;
  switch (n->kind) {
  case ND_NUM:
    *out = is_flonum(n->ty) ? n->fval : is_unsigned(n->ty) ? (double)(unsigned long long)n->ival
                                                           : (double)n->ival;
    return true;
  case ND_CAST:
    if (is_integer(n->lhs->ty)) {
      if (!const_int(n->lhs, &i))
        return false;
      *out = is_unsigned(n->lhs->ty) ? (double)(unsigned long long)i : (double)i;
    } else if (!const_flo(n->lhs, out)) {
      return false;
    }
    if (n->ty->kind == TY_FLOAT)
      *out = (float)*out;
    return true;
  case ND_NEG:
    if (!const_flo(n->lhs, &a))
      return false;
    *out = -a;
    return true;
  case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV:
    if (!is_flonum(n->ty) || !const_flo(n->lhs, &a) || !const_flo(n->rhs, &b))
      return false;
    *out = n->kind == ND_ADD ? a + b : n->kind == ND_SUB ? a - b : n->kind == ND_MUL ? a * b : a / b;
    if (n->ty->kind == TY_FLOAT)
      *out = (float)*out;
    return true;
  default:
    return false;
  }
}

/* A constant expression as one ND_NUM, when it is one. */
static Node *fold(Node *n) {
  long long v;
  double d;
  if (n->kind == ND_NUM)
    return n;
  if (is_integer(n->ty) && const_int(n, &v))
    return new_num(v, n->ty, n->loc);
  if (is_flonum(n->ty) && const_flo(n, &d)) {
    Node *c = mk(ND_NUM, n->ty, n->loc);
    c->fval = d;
    return c;
  }
  return n;
}

static Init *scalar_init(Type *t, Node *e, bool is_static) {
  Init *in = new_init(t);
  int errors_before = diag_errors;
  Node *v = rvalue(e);
  v = convert(v, t, "initialization");
  if (is_static && is_arith(t))
    v = fold(v);
  /* Static initializers hold constants only (cc.h, the typed-AST
   * contract); an address constant is proved in range here, by the
   * evaluator the static-data writer uses (§4) */
  if (is_static && diag_errors == errors_before) {
    AddrConst ac;
    if (t->kind == TY_PTR) {
      if (!addr_const(v, &ac))
        error_at(ac.bad->loc.line ? ac.bad->loc : e->loc, "%s", ac.why);
    } else if (!(is_arith(t) && v->kind == ND_NUM)) {
      error_at(e->loc, "the initializer of a static object must be a constant");
    }
  }
  in->expr = v;
  return in;
}

static bool is_string_for(Type *t, Node *e) {
  return t->kind == TY_ARRAY && e->kind == ND_STR &&
         (t->base->kind == TY_CHAR || t->base->kind == TY_SCHAR || t->base->kind == TY_UCHAR);
}

static Init *init_value(Type *t, PInit **cur, bool st);
static Init *init_braced(Type *t, PInit *list, bool st, Loc loc);

/* Children slots of an aggregate Init, grown on demand for T[]. */
enum { INIT_MAX_SLOTS = 1 << 22 };
static Init **slot(Init *agg, long long idx, Loc loc) {
  Type *t = agg->ty;
  if (t->kind == TY_ARRAY && t->len >= 0 && idx >= t->len) {
    error_at(loc, "too many initializers for '%s' (index %lld is out of bounds)", tyname(t), idx);
    return NULL;
  }
  if (idx >= INIT_MAX_SLOTS) {
    /* Init keeps one slot per element up to the last one initialized. */
    error_at(loc, "array designator %lld is past cuckoo-cc's limit of %d initialized elements; "
                  "set such far elements with an assignment instead", idx, INIT_MAX_SLOTS);
    return NULL;
  }
  if (idx >= agg->nchildren) {
    int n = (int)idx + 1;
    /* the capacity is nchildren rounded up to a power of two: amortized
     * growth, as a list of 100000 initializers must not copy quadratically */
    int cap = 1, need = 1;
    while (cap < agg->nchildren)
      cap *= 2;
    while (need < n)
      need *= 2;
    if (!agg->children || need > cap)
      agg->children = xrealloc(agg->children, sizeof(Init *) * (size_t)need);
    for (int i = agg->nchildren; i < n; i++)
      agg->children[i] = NULL;
    agg->nchildren = n;
  }
  return &agg->children[idx];
}

static Member *nth_member(StructDef *sd, int i) {
  Member *m = sd->members;
  while (m && i-- > 0)
    m = m->next;
  return m;
}

static int member_index(StructDef *sd, const char *name) {
  int i = 0;
  for (Member *m = sd->members; m; m = m->next, i++)
    if (m->name && !strcmp(m->name, name))
      return i;
  return -1;
}

static Init *string_init(Type *t, Node *e) {
  Init *in = new_init(t);
  Node *v = expr(e);                           /* the string's static object */
  if (t->len >= 0 && e->strlen + 1 > t->len)
    error_at(e->loc, "the string (with its terminating NUL, %d bytes) is too long for '%s'",
             e->strlen + 1, tyname(t));
  in->expr = v;
  return in;
}

/* Fills the aggregate AGG from the list items at *CUR (brace elision),
 * starting at position POS, until it is full or a designator appears. */
static void fill(Init *agg, PInit **cur, long long pos, bool st, bool braced) {
  Type *t = agg->ty;
  while (*cur) {
    PInit *it = *cur;
    if (it->desig && (!braced || it != *cur))
      return;
    if (it->desig) {
      /* a designator chain: [i] / .f, possibly nested */
      Init *target = agg;
      Type *tt = t;
      Designator *d = it->desig;
      Init **sl = NULL;
      for (; d; d = d->next) {
        if (tt->kind == TY_ARRAY) {
          long long idx;
          if (!d->index) {
            error_at(d->loc, "field designator '.%s' in an array initializer", d->field);
            *cur = it->next;
            return;
          }
          if (!int_constant(d->index, &idx, "an array designator"))
            idx = 0;
          if (idx < 0) {
            error_at(d->loc, "array designator %lld is negative", idx);
            idx = 0;
          }
          sl = slot(target, idx, d->loc);
          if (target == agg)
            pos = idx;
          if (!sl) {
            *cur = it->next;
            return;
          }
          tt = tt->base;
        } else if (is_struct_or_union(tt)) {
          if (!d->field) {
            error_at(d->loc, "array designator in the initializer of '%s'", tyname(tt));
            *cur = it->next;
            return;
          }
          int mi = member_index(tt->sdef, d->field);
          if (mi < 0) {
            error_at(d->loc, "'%s' has no member named '%s'", tyname(tt), d->field);
            *cur = it->next;
            return;
          }
          if (tt->kind == TY_UNION) {
            target->union_mem = nth_member(tt->sdef, mi);
            for (int k = 0; k < target->nchildren; k++)
              target->children[k] = NULL;
          }
          sl = slot(target, tt->kind == TY_UNION ? 0 : mi, d->loc);
          if (target == agg)
            pos = tt->kind == TY_UNION ? 0 : mi;
          tt = nth_member(tt->sdef, mi)->ty;
        } else {
          error_at(d->loc, "designator in the initializer of the scalar type '%s'", tyname(tt));
          *cur = it->next;
          return;
        }
        if (d->next) {
          if (!*sl) {
            *sl = new_init(tt);
          }
          target = *sl;
        }
      }
      PInit one = *it;
      one.desig = NULL;
      one.next = NULL;
      PInit *oc = &one;
      *sl = init_value(tt, &oc, st);
      *cur = it->next;
      pos++;
      continue;
    }
    /* the next position */
    Type *et;
    if (t->kind == TY_ARRAY) {
      if (t->len >= 0 && pos >= t->len) {
        if (braced)
          error_at(it->loc, "too many initializers for '%s'", tyname(t));
        if (braced)
          *cur = NULL;
        return;
      }
      et = t->base;
    } else {
      Member *m = nth_member(t->sdef, (int)pos);
      if (t->kind == TY_UNION && pos > 0)
        m = NULL;
      if (!m) {
        if (braced) {
          error_at(it->loc, "too many initializers for '%s'", tyname(t));
          *cur = NULL;
        }
        return;
      }
      if (t->kind == TY_UNION)
        agg->union_mem = m;
      et = m->ty;
    }
    Init **sl = slot(agg, pos, it->loc);
    if (!sl) {
      *cur = NULL;
      return;
    }
    *sl = init_value(et, cur, st);
    pos++;
  }
}

static Init *init_braced(Type *t, PInit *list, bool st, Loc loc) {
  if (!is_struct_or_union(t) && t->kind != TY_ARRAY) {
    /* int x = {5}; */
    if (!list) {
      error_at(loc, "empty initializer for the scalar type '%s'", tyname(t));
      return new_init(t);
    }
    if (list->next)
      error_at(list->next->loc, "too many initializers for the scalar type '%s'", tyname(t));
    PInit *c = list;
    return init_value(t, &c, st);
  }
  if (is_struct_or_union(t) && !t->sdef->complete) {
    error_at(loc, "initializer for the incomplete type '%s'", tyname(t));
    return new_init(t);
  }
  if (list && !list->next && !list->desig && list->expr && is_string_for(t, list->expr))
    return string_init(t, list->expr);     /* char s[] = { "abc" } (C99 6.7.8p14) */
  Init *agg = new_init(t);
  PInit *cur = list;
  fill(agg, &cur, 0, st, true);
  return agg;
}

static Init *init_value(Type *t, PInit **cur, bool st) {
  PInit *it = *cur;
  if (it->list || (!it->expr && !it->list)) {
    *cur = it->next;
    return init_braced(t, it->list, st, it->loc);
  }
  Node *e = it->expr;
  if (is_string_for(t, e)) {
    *cur = it->next;
    return string_init(t, e);
  }
  if (t->kind == TY_ARRAY || is_struct_or_union(t)) {
    /* a struct value initializes a struct; otherwise brace elision */
    if (is_struct_or_union(t)) {
      Node *v = rvalue(e);
      if (v->error) {              /* reported; checking E again would report it again */
        *cur = it->next;
        return new_init(t);
      }
      if (is_struct_or_union(v->ty) && type_equal(v->ty, t, true)) {
        *cur = it->next;
        Init *in = new_init(t);
        in->expr = convert(v, t, "initialization");   /* refuses copying owned members */
        if (st)
          error_at(e->loc, "the initializer of a static object must be a constant");
        return in;
      }
    }
    Init *agg = new_init(t);
    fill(agg, cur, 0, st, false);
    return agg;
  }
  *cur = it->next;
  return scalar_init(t, e, st);
}

/* The initializer of an object of type *T; completes T[] from the count. */
static Init *check_init(Type *t, PInit *pi, bool is_static, Loc loc) {
  if (!pi)
    return NULL;
  PInit one = *pi;
  one.next = NULL;
  PInit *c = &one;
  Init *in = init_value(t, &c, is_static);
  return in;
}

static Type *complete_from_init(Type *t, PInit *pi) {
  if (t->kind != TY_ARRAY || t->len >= 0 || !pi)
    return t;
  if (pi->expr && pi->expr->kind == ND_STR && is_string_for(t, pi->expr))
    return array_of(t->base, pi->expr->strlen + 1);
  if (pi->list && !pi->list->next && !pi->list->desig && pi->list->expr &&
      is_string_for(t, pi->list->expr))
    return array_of(t->base, pi->list->expr->strlen + 1);
  if (!pi->list && !(!pi->expr))
    return t;
  /* count the positions, following [i] designators */
  long long pos = 0, max = 0;
  for (PInit *it = pi->list; it; it = it->next) {
    if (it->desig && it->desig->index) {
      long long v;
      Node *iv = rvalue(it->desig->index);
      if (const_int(iv, &v))
        pos = v < 0 ? 0 : v;       /* negative: reported by fill() */
    }
    pos++;
    if (pos > max)
      max = pos;
    /* brace elision into aggregate elements consumes several items */
    if (!it->list && it->expr && (t->base->kind == TY_ARRAY || is_struct_or_union(t->base)) &&
        !(is_string_for(t->base, it->expr))) {
      long long per = t->base->kind == TY_ARRAY ? t->base->len : 0;
      if (is_struct_or_union(t->base))
        for (Member *m = t->base->sdef->members; m; m = m->next)
          per++;
      for (long long k = 1; k < per && it->next && !it->next->desig; k++)
        it = it->next;
    }
  }
  return array_of(t->base, max);
}

/* ---- statements ----------------------------------------------------------------------- */

typedef struct {
  int loops;                       /* enclosing loops */
  int breakables;                  /* enclosing loops and switches */
  Node *sw;                        /* the innermost switch */
  Vec labels;                      /* ND_LABEL of the function */
  Vec gotos;                       /* ND_GOTO of the function */
} FnCtx;
static FnCtx *fx;

static Node *stmt(Node *n);
static void local_decl(Node *n, Node **out_head);

static Node *cond_of(Node *c, const char *what) { return scalar(c, what); }

static Node *block(Node *n) {
  push_scope();
  Node head = {0}, *cur = &head;
  for (Node *s = n->body, *next; s; s = next) {
    next = s->next;
    if (s->kind == ND_DECL) {
      Node *decls = NULL;
      local_decl(s, &decls);
      for (Node *d = decls; d; d = d->next)
        cur = cur->next = d;
      continue;
    }
    Node *t = stmt(s);
    t->next = NULL;
    cur = cur->next = t;
  }
  pop_scope();
  n->body = head.next;
  return n;
}

static Node *stmt(Node *n) {
  switch (n->kind) {
  case ND_BLOCK:
    return block(n);
  case ND_NULL_STMT:
    return n;
  case ND_EXPR_STMT:
    n->lhs = rvalue(n->lhs);
    return n;
  case ND_DECL: {
    /* a declaration as the body of a label/case (C23 style) or a lone statement */
    Node *decls = NULL;
    local_decl(n, &decls);
    Node *b = new_node(ND_BLOCK, n->loc);
    b->body = decls;
    return b;
  }
  case ND_IF:
    n->cond = cond_of(n->cond, "the condition of 'if'");
    n->then = stmt(n->then);
    if (n->els)
      n->els = stmt(n->els);
    return n;
  case ND_WHILE: case ND_DO:
    n->cond = cond_of(n->cond, n->kind == ND_WHILE ? "the condition of 'while'"
                                                   : "the condition of 'do ... while'");
    fx->loops++, fx->breakables++;
    n->then = stmt(n->then);
    fx->loops--, fx->breakables--;
    return n;
  case ND_FOR: {
    push_scope();
    if (n->init) {
      if (n->init->kind == ND_DECL) {
        Node *decls = NULL;
        for (Node *d = n->init, *next; d; d = next) {
          next = d->next;
          local_decl(d, &decls);
        }
        Node *b = new_node(ND_BLOCK, n->init->loc);
        b->body = decls;
        n->init = b;
      } else {
        n->init = stmt(n->init);
      }
    }
    if (n->cond)
      n->cond = cond_of(n->cond, "the condition of 'for'");
    if (n->inc)
      n->inc = rvalue(n->inc);
    fx->loops++, fx->breakables++;
    n->then = stmt(n->then);
    fx->loops--, fx->breakables--;
    pop_scope();
    return n;
  }
  case ND_SWITCH: {
    Node *c = rvalue(n->cond);
    if (!is_integer(c->ty)) {
      error_at(n->cond->loc, "the controlling expression of 'switch' must be an integer, not '%s'",
               tyname(c->ty));
      c = poison(ty_int, c->loc);
    }
    n->cond = cast_to(c, integer_promote(c->ty));
    Node *save = fx->sw;
    fx->sw = n;
    n->cases = NULL;
    n->default_case = NULL;
    fx->breakables++;
    n->then = stmt(n->then);
    fx->breakables--;
    fx->sw = save;
    return n;
  }
  case ND_CASE: {
    if (!fx->sw) {
      error_at(n->loc, "'case' outside of a switch statement");
      n->then = stmt(n->then);
      return n;
    }
    long long v = 0;
    if (n->lhs && int_constant(n->lhs, &v, "a case label"))
      v = type_wrap(v, fx->sw->cond->ty);
    n->case_val = v;
    for (Node *c = fx->sw->cases; c; c = c->case_next)
      if (c->case_val == v) {
        error_at(n->loc, "duplicate case value %lld", v);
        note_at(c->loc, "previously used here");
      }
    n->case_next = NULL;
    Node **pp = &fx->sw->cases;
    while (*pp)
      pp = &(*pp)->case_next;
    *pp = n;
    n->then = stmt(n->then);
    return n;
  }
  case ND_DEFAULT:
    if (!fx->sw) {
      error_at(n->loc, "'default' outside of a switch statement");
    } else if (fx->sw->default_case) {
      error_at(n->loc, "multiple default labels in one switch");
      note_at(fx->sw->default_case->loc, "previous default is here");
    } else {
      fx->sw->default_case = n;
    }
    n->then = stmt(n->then);
    return n;
  case ND_BREAK:
    if (!fx->breakables)
      error_at(n->loc, "'break' outside of a loop or switch");
    return n;
  case ND_CONTINUE:
    if (!fx->loops)
      error_at(n->loc, "'continue' outside of a loop");
    return n;
  case ND_RETURN: {
    Type *rt = cur_fn->ty->base;
    if (n->lhs) {
      Node *v = rvalue(n->lhs);
      if (rt->kind == TY_VOID) {
        if (v->ty->kind != TY_VOID)
          error_at(n->loc, "'return' with a value in the void function '%s'", cur_fn->name);
        n->lhs = v;
      } else {
        n->lhs = convert(v, rt, "return");
      }
    } else if (rt->kind != TY_VOID) {
      error_at(n->loc, "'return' without a value in the function '%s', which returns '%s'",
               cur_fn->name, tyname(rt));
    }
    return n;
  }
  case ND_GOTO:
    vec_push(&fx->gotos, n);
    return n;
  case ND_LABEL:
    for (int i = 0; i < fx->labels.len; i++) {
      Node *l = fx->labels.v[i];
      if (!strcmp(l->name, n->name)) {
        error_at(n->loc, "duplicate label '%s'", n->name);
        note_at(l->loc, "previous definition is here");
      }
    }
    vec_push(&fx->labels, n);
    n->then = stmt(n->then);
    return n;
  default:
    die("unexpected node %s as a statement", node_kind_name(n->kind));
  }
}

/* ---- reachability: may a statement complete normally? (§2) -------------------------- */

static bool has_break(Node *n, int depth) {
  if (!n)
    return false;
  switch (n->kind) {
  case ND_BREAK:
    return depth == 0;
  case ND_WHILE: case ND_DO: case ND_FOR: case ND_SWITCH:
    return has_break(n->then, depth + 1);
  case ND_BLOCK:
    for (Node *s = n->body; s; s = s->next)
      if (has_break(s, depth))
        return true;
    return false;
  case ND_IF:
    return has_break(n->then, depth) || has_break(n->els, depth);
  case ND_LABEL: case ND_CASE: case ND_DEFAULT:
    return has_break(n->then, depth);
  default:
    return false;
  }
}

static bool is_true_const(Node *c) {
  long long v;
  if (!c)
    return true;
  if (c->kind == ND_NUM && is_flonum(c->ty))
    return c->fval != 0;
  return is_integer(c->ty) && const_int(c, &v) && v != 0;
}

static bool completes(Node *n);

static bool noreturn_call(Node *e) {
  while (e && e->kind == ND_CAST)
    e = e->lhs;
  if (!e || e->kind != ND_CALL)
    return false;
  return e->lhs->kind == ND_VAR && e->lhs->obj->is_function && e->lhs->obj->ty->noreturn;
}

static bool seq_completes(Node *first) {
  bool reach = true;
  for (Node *s = first; s; s = s->next) {
    if (s->kind == ND_LABEL || s->kind == ND_CASE || s->kind == ND_DEFAULT)
      reach = true;
    if (reach)
      reach = completes(s);
  }
  return reach;
}

bool stmt_completes(Node *n) { return completes(n); }

static bool completes(Node *n) {
  switch (n->kind) {
  case ND_RETURN: case ND_GOTO: case ND_BREAK: case ND_CONTINUE:
    return false;
  case ND_EXPR_STMT:
    return !noreturn_call(n->lhs);
  case ND_BLOCK:
    return seq_completes(n->body);
  case ND_IF:
    return !n->els || completes(n->then) || completes(n->els);
  case ND_WHILE: case ND_FOR:
    return !is_true_const(n->cond) || has_break(n->then, 0);
  case ND_DO:
    return !is_true_const(n->cond) || has_break(n->then, 0);
  case ND_SWITCH: {
    if (!n->default_case || has_break(n->then, 0))
      return true;
    return completes(n->then);
  }
  case ND_LABEL: case ND_CASE: case ND_DEFAULT:
    return completes(n->then);
  default:
    return true;
  }
}

/* ---- declarations ------------------------------------------------------------------------- */

static bool reserved_name(const char *name) { return !strncmp(name, "__cuckoo", 8); }

static void check_object_size(Type *t, Loc loc, const char *name) {
  if (t->kind == TY_ARRAY && t->len >= 0 && array_size(t->base, t->len) > 0x7fffffffLL)
    return;                        /* reported where the array type was made */
  if (t->size == 0x7fffffff)
    error_at(loc, "'%s' is larger than 2^31 - 1 bytes", name);
}

static Type *with_noreturn(Type *t, DeclSpec *ds) {
  if ((ds->storage & FS_NORETURN) && t->kind == TY_FUNC) {
    t = type_copy(t);
    t->noreturn = true;
  }
  return t;
}

/* A file-scope (or block-scope extern) declaration of NAME with type T. */
static Obj *declare_global(const char *name, Type *t, DeclSpec *ds, Loc loc, bool has_def) {
  bool runtime = in_runtime_decl;
  if (!runtime && reserved_name(name))
    error_at(loc, "'%s': names beginning with __cuckoo are reserved for the Cuckoo runtime", name);
  Sym *y = find_sym_in(&file_scope_, name);
  Obj *o = y && y->obj ? y->obj : NULL;
  if (y && !o) {
    error_at(loc, "'%s' redeclared as a different kind of symbol", name);
    o = NULL;
  }
  if (o) {
    bool same = type_equal(o->ty, t, true);
    /* extern int a[]; then int a[10]; */
    if (!same && o->ty->kind == TY_ARRAY && t->kind == TY_ARRAY &&
        type_equal(o->ty->base, t->base, false) && (o->ty->len < 0 || t->len < 0)) {
      same = true;
      if (t->len >= 0)
        o->ty = t;
    }
    if (!same) {
      if (o->is_runtime && !runtime)
        error_at(loc, "'%s' is declared by the Cuckoo runtime (cuckoo.ckh) as '%s'; it cannot "
                      "be redeclared as '%s' (choose another name)",
                 name, type_to_c(o->ty, name), type_to_c(t, name));
      else
        error_at(loc, "conflicting types for '%s': '%s' here, '%s' before", name,
                 type_to_c(t, name), type_to_c(o->ty, name));
      return NULL;                 /* its initializer or body would be checked against
                                      the other type: a crash or a cascade */
    }
    if (has_def && o->is_definition && (o->is_function ? o->body != NULL : o->initz != NULL)) {
      error_at(loc, "redefinition of '%s'", name);
      note_at(o->loc, "previous definition is here");
    }
    if (o->is_runtime && !runtime && has_def)
      error_at(loc, "'%s' is defined by the Cuckoo runtime; choose another name", name);
    if (ds->storage & SC_STATIC && !o->is_static && !runtime)
      error_at(loc, "static declaration of '%s' follows a non-static declaration", name);
    if (t->noreturn)
      o->ty = t;
    return o;
  }
  o = new_obj(name, t, loc);
  o->is_function = t->kind == TY_FUNC;
  o->is_static = (ds->storage & SC_STATIC) != 0;
  o->is_extern = true;
  o->is_inline = (ds->storage & FS_INLINE) != 0;
  o->is_runtime = runtime;
  if (runtime)
    o->asmname = reserved_name(name) ? xstrdup(name) : format("__cuckoo_%s", name);
  else if (!strcmp(name, "main") && o->is_function)
    o->asmname = xstrdup("__cuckoo_main");
  else
    o->asmname = xstrdup(name);
  if (runtime && (!strcmp(name, "__cuckoo_stack_limit") || !strcmp(name, "__cuckoo_domain_top")))
    o->is_tls = true;
  Scope *save = scope;
  scope = &file_scope_;
  Sym *ny = add_sym(name, loc);
  scope = save;
  ny->obj = o;
  if (scope != &file_scope_) {     /* also visible in the block */
    Sym *by = add_sym(name, loc);
    by->obj = o;
  }
  add_global(o);
  return o;
}

static void check_main_type(Obj *fn, Loc loc) {
  Type *t = fn->ty;
  bool ok = t->base->kind == TY_INT && !t->base->qual && !t->variadic;
  if (ok && t->nparams == 0)
    return;
  if (ok && t->nparams == 2) {
    Type *argv = t->params[1];
    /* char (*(*)[])[] : a pointer to an array of pointers to char arrays */
    ok = type_equal(t->params[0], ty_int, true) && is_array_ptr(argv) &&
         is_array_ptr(argv->base->base) && argv->base->len < 0 &&
         argv->base->base->base->len < 0 && argv->base->base->base->base->kind == TY_CHAR &&
         !argv->base->base->base->base->qual && !argv->base->base->qual &&
         !(argv->base->base->qual);
    if (ok)
      return;
  }
  error_at(loc, "'main' must be 'int main(void)' or 'int main(int argc, string *argv[])', not "
                "'%s'", type_to_c(t, "main"));
}

/* Declares the parameters as the function's first locals. */
static void function_params(Obj *fn, Declarator *d) {
  /* the DK_FUNC whose inner is the name: its parameters are the function's */
  Declarator *fd = d;
  while (fd && !(fd->kind == DK_FUNC && fd->inner && fd->inner->kind == DK_IDENT))
    fd = fd->inner;
  if (!fd)
    return;
  int i = 0;
  for (ParamSyn *p = fd->params; p && i < fn->ty->nparams; p = p->next, i++) {
    char *pname = NULL;
    Loc ploc = p->loc;
    for (Declarator *nd = p->decl; nd; nd = nd->inner)
      if (nd->kind == DK_IDENT && nd->name) {
        pname = nd->name;
        ploc = nd->loc;
      }
    if (!pname) {
      error_at(p->loc, "parameter %d of '%s' has no name", i + 1, fn->name);
      pname = format(".param%d", i);
    }
    Type *t = fn->ty->params[i];
    if (t->size < 0)
      error_at(ploc, "parameter '%s' has the incomplete type '%s'", pname, tyname(t));
    if (find_sym_in(scope, pname))
      error_at(ploc, "redefinition of parameter '%s'", pname);
    Obj *po = new_local(pname, t, ploc);
    po->is_param = true;
    Sym *y = add_sym(pname, ploc);
    y->obj = po;
  }
  fn->params = fn->locals;
}

static void check_function(ExtDecl *ed, Obj *fn) {
  if (fn->body)
    return;                        /* declare_global() reported the redefinition */
  cur_fn = fn;
  int errors_before = diag_errors - diag_warning_errors;
  fn->is_definition = true;
  fn->is_extern = false;
  fn->locals = NULL;
  fn->loc = ed->decl->loc;
  /* find the name's location for messages about the function */
  Declarator *nd = ed->decl;
  while (nd && nd->kind != DK_IDENT)
    nd = nd->inner;
  if (nd)
    fn->loc = nd->loc;
  Type *rt = fn->ty->base;
  if (is_struct_or_union(rt) && !rt->sdef->complete)
    error_at(fn->loc, "'%s' returns the incomplete type '%s'", fn->name, tyname(rt));
  push_scope();
  function_params(fn, ed->decl);
  FnCtx ctx = {0};
  fx = &ctx;
  fn->body = block(ed->body);
  pop_scope();
  for (int i = 0; i < ctx.gotos.len; i++) {
    Node *g = ctx.gotos.v[i];
    for (int j = 0; j < ctx.labels.len; j++) {
      Node *l = ctx.labels.v[j];
      if (!strcmp(l->name, g->name))
        g->target = l;
    }
    if (!g->target)
      error_at(g->loc, "label '%s' used but not defined", g->name);
  }
  if (rt->kind != TY_VOID && strcmp(fn->name, "main") && completes(fn->body))
    error_at(fn->loc, "control reaches the end of the non-void function '%s'; add a return "
                      "statement", fn->name);
  /* §9 needs a well-typed body; other functions' errors do not stop it,
   * so one run reports every function's lifetime errors */
  if (diag_errors - diag_warning_errors == errors_before) {
    lifetime_check_function(fn);
    own_check_function(fn);
    warn_function(fn);
  }
  fx = NULL;
  cur_fn = NULL;
}

static void typedef_decl(const char *name, Type *t, Loc loc) {
  Sym *old = find_sym_in(scope, name);
  if (old) {
    if (old->typedef_ty && type_equal(old->typedef_ty, t, false))
      return;                      /* C11 allows an identical redefinition */
    error_at(loc, "redefinition of '%s'", name);
    return;
  }
  Sym *y = add_sym(name, loc);
  y->typedef_ty = t;
  if (scope == &file_scope_)       /* for the debugging information */
    vec_push(&prog->typedefs, new_obj(name, t, loc));
}

static void spec_only(DeclSpec *ds) {
  if (ds->su && !ds->su->has_body && ds->su->tag) {
    resolve_struct(ds->su, true);  /* struct S; declares S here */
    return;
  }
  resolve_spec(ds);
}

/* A block-scope declaration: typedefs, statics and externs are handled
 * here; automatic variables become ND_DECL nodes appended to *OUT. */
static void local_decl(Node *n, Node **out) {
  DeclSpec *ds = n->type_syntax;
  if (!n->type_decl) {
    spec_only(ds);
    return;
  }
  Type *base = resolve_spec(ds);
  char *name = NULL;
  Loc nloc = n->loc;
  Type *t = resolve_declarator(base, n->type_decl, false, NULL, &name, &nloc);
  t = with_noreturn(t, ds);
  if (!name) {
    error_at(n->loc, "declaration does not declare anything");
    return;
  }
  if (ds->storage & SC_TYPEDEF) {
    typedef_decl(name, t, nloc);
    return;
  }
  if (t->kind == TY_FUNC || (ds->storage & SC_EXTERN)) {
    if (n->pinit)
      error_at(nloc, "'%s' is declared extern and cannot be initialized here", name);
    if (ds->storage & SC_STATIC)
      error_at(nloc, "a function declared in a block cannot be static");
    declare_global(name, t, ds, nloc, false);
    return;
  }
  Sym *old = find_sym_in(scope, name);
  if (old)
    error_at(nloc, "redefinition of '%s'", name);
  t = complete_from_init(t, n->pinit);
  if (t->kind == TY_VOID || t->size < 0) {
    error_at(nloc, "variable '%s' has the incomplete type '%s'", name, tyname(t));
    t = ty_int;
  }
  check_object_size(t, nloc, name);
  if (ds->storage & SC_STATIC) {
    Obj *o = new_obj(name, t, nloc);
    o->asmname = format("%s.%d", name, static_counter++);
    o->is_static = true;
    o->is_definition = true;
    add_global(o);
    Sym *y = add_sym(name, nloc);
    y->obj = o;
    o->initz = check_init(t, n->pinit, true, nloc);
    return;
  }
  Obj *o = new_local(name, t, nloc);
  Sym *y = add_sym(name, nloc);
  y->obj = o;
  Node *d = new_node(ND_DECL, n->loc);
  d->obj = o;
  d->initz = check_init(t, n->pinit, false, nloc);
  d->next = NULL;
  Node **pp = out;
  while (*pp)
    pp = &(*pp)->next;
  *pp = d;
}

static void ext_decl(ExtDecl *ed) {
  in_runtime_decl = ed->in_runtime_header;
  DeclSpec *ds = ed->spec;
  if (!ed->decl) {
    spec_only(ds);
    return;
  }
  if (ds->storage & (SC_AUTO | SC_REGISTER))
    error_at(ds->loc, "'auto' and 'register' are not allowed at file scope");
  Type *base = resolve_spec(ds);
  char *name = NULL;
  Loc nloc = ed->loc;
  Type *t = resolve_declarator(base, ed->decl, false, NULL, &name, &nloc);
  t = with_noreturn(t, ds);
  if (!name) {
    error_at(ed->loc, "declaration does not declare anything");
    return;
  }
  if (ds->storage & SC_TYPEDEF) {
    if (ed->body)
      error_at(nloc, "a typedef cannot have a function body");
    typedef_decl(name, t, nloc);
    return;
  }
  if (ed->body) {
    if (t->kind != TY_FUNC) {
      error_at(nloc, "'%s' has a body but is not a function", name);
      return;
    }
    Obj *fn = declare_global(name, t, ds, nloc, true);
    if (!fn)
      return;
    if (!strcmp(name, "main"))
      check_main_type(fn, nloc);
    check_function(ed, fn);
    return;
  }
  if (t->kind == TY_FUNC) {
    if (ed->pinit)
      error_at(nloc, "function '%s' is initialized like a variable", name);
    declare_global(name, t, ds, nloc, false);
    return;
  }
  bool is_extern = (ds->storage & SC_EXTERN) && !ed->pinit;
  t = complete_from_init(t, ed->pinit);
  if (!is_extern && (t->kind == TY_VOID || t->size < 0)) {
    error_at(nloc, "variable '%s' has the incomplete type '%s'", name, tyname(t));
    t = ty_int;
  }
  if (t->kind == TY_VOID) {
    error_at(nloc, "variable '%s' declared void", name);
    t = ty_int;
  }
  check_object_size(t, nloc, name);
  Obj *o = declare_global(name, t, ds, nloc, ed->pinit != NULL);
  if (!o)
    return;
  if (!is_extern && !in_runtime_decl) {
    o->is_definition = true;
    o->is_extern = false;
  }
  if (ed->pinit)
    o->initz = check_init(o->ty, ed->pinit, true, nloc);
}

/* Reports what the functions that may run inside a domain may not do:
 * those reachable from a domain entry through direct calls (callees). */
static void check_domain_code(Program *p) {
  Vec work = {0}, from = {0};
  for (Obj *o = p->globals; o; o = o->next)
    if (o->is_function && o->is_domain_entry) {
      vec_push(&work, o);
      vec_push(&from, o);
    }
  for (int i = 0; i < work.len; i++) {
    Obj *f = work.v[i];
    if (f->domain_reached)
      continue;
    f->domain_reached = true;
    Obj *entry = from.v[i];
    for (int k = 0; k < f->domain_uses.len; k++) {
      DomainUse *u = f->domain_uses.v[k];
      if (f == entry)
        error_at(u->loc, "%s inside a domain: domain_new or domain_call runs '%s' inside one",
                 u->what, f->name);
      else
        error_at(u->loc, "%s inside a domain: '%s' may run inside one (it is reached from "
                         "'%s', which domain_new or domain_call runs inside one)",
                 u->what, f->name, entry->name);
    }
    for (int k = 0; k < f->callees.len; k++) {
      vec_push(&work, f->callees.v[k]);
      vec_push(&from, entry);
    }
  }
}

void check_program(ExtDecl *decls, Program *p) {
  prog = p;
  file_scope_ = (Scope){0};
  scope = &file_scope_;
  str_objs = (Vec){0};
  static_counter = 0;
  for (ExtDecl *ed = decls; ed; ed = ed->next)
    ext_decl(ed);
  in_runtime_decl = false;
  check_domain_code(p);
  /* a file-scope variable of an incomplete struct that was completed later is fine */
  for (Obj *o = p->globals; o; o = o->next)
    if (!o->is_function && o->is_definition && o->ty->size < 0 && !o->is_string)
      error_at(o->loc, "variable '%s' has the incomplete type '%s'", o->name, tyname(o->ty));
  if (diag_errors == diag_warning_errors)
    warn_program(p);
}

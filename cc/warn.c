/* warn.c -- the warnings that need a whole typed function (TOOLCHAIN.md
 * "Conventions"): unused variables, parameters and static functions,
 * assignments used as conditions, switches on an enum that miss a case,
 * unreachable statements, comparisons whose result the types decide.
 *
 * Warnings never change what is compiled; each is reported through
 * warn_opt(), which knows whether it is on and whether it is an error.
 * check.c reports the one warning it can see best while folding
 * constants: sizeof of an array where a count is meant. */
#include "cc.h"

#include <stdlib.h>
#include <string.h>

static void walk_expr(Node *n);
static void walk_stmt(Node *n);

static void walk_init(Init *in) {
  if (!in)
    return;
  if (in->expr)
    walk_expr(in->expr);
  for (int i = 0; i < in->nchildren; i++)
    walk_init(in->children[i]);
}

/* An assignment where a truth value is read: `if (n = 3)`.  Extra
 * parentheses say it is meant, as in gcc. */
static void check_condition(Node *c) {
  while (c && c->kind == ND_CAST && !c->parenthesized)
    c = c->lhs;
  if (c && c->kind == ND_ASSIGN && !c->parenthesized)
    warn_opt(W_PARENTHESES, c->loc,
             "assignment used as a truth value; write '==' to compare, or put the assignment in "
             "parentheses");
}

/* The narrowest type a (converted) operand had: the usual conversions
 * wrap the original in casts. */
static Node *strip_widening(Node *n) {
  while (n->kind == ND_CAST && is_integer(n->ty) && is_integer(n->lhs->ty) &&
         n->lhs->ty->size <= n->ty->size && (n->lhs->ty->size < n->ty->size ||
                                             is_unsigned(n->lhs->ty) == is_unsigned(n->ty)))
    n = n->lhs;
  return n;
}

static bool type_range(Type *t, long long *lo, long long *hi) {
  if (!is_integer(t) || t->size > 4)
    return false;
  if (t->kind == TY_BOOL) {
    *lo = 0, *hi = 1;
    return true;
  }
  int bits = (int)t->size * 8;
  if (is_unsigned(t)) {
    *lo = 0;
    *hi = (1LL << bits) - 1;
  } else {
    *lo = -(1LL << (bits - 1));
    *hi = (1LL << (bits - 1)) - 1;
  }
  return true;
}

/* -Wtype-limits: X OP C (or C OP X) whose result X's type decides. */
static void check_compare(Node *n) {
  Node *l = n->lhs, *r = n->rhs;
  NodeKind k = n->kind;
  if (!is_integer(l->ty) || !is_integer(r->ty))
    return;
  Node *var = NULL, *cst = NULL;
  bool flipped = false;
  if (r->kind == ND_NUM && l->kind != ND_NUM) {
    var = l, cst = r;
  } else if (l->kind == ND_NUM && r->kind != ND_NUM) {
    var = r, cst = l, flipped = true;
  } else {
    return;
  }
  Node *orig = strip_widening(var);
  long long lo, hi;
  if (!type_range(orig->ty, &lo, &hi))
    return;
  /* the comparison is done in the operands' common type: an unsigned
   * comparison of a negative constant is a comparison with a huge value */
  long long c = cst->ival;
  if (is_unsigned(var->ty) && var->ty->size == 4)
    c = (long long)(unsigned)c;
  if (flipped)                    /* C OP X is X OP' C */
    k = k == ND_LT ? ND_GT : k == ND_GT ? ND_LT : k == ND_LE ? ND_GE : k == ND_GE ? ND_LE : k;
  int result = -1;                /* 0 always false, 1 always true */
  switch (k) {
  case ND_LT: result = c <= lo ? 0 : c > hi ? 1 : -1; break;
  case ND_LE: result = c < lo ? 0 : c >= hi ? 1 : -1; break;
  case ND_GT: result = c >= hi ? 0 : c < lo ? 1 : -1; break;
  case ND_GE: result = c > hi ? 0 : c <= lo ? 1 : -1; break;
  case ND_EQ: result = c < lo || c > hi ? 0 : -1; break;
  case ND_NE: result = c < lo || c > hi ? 1 : -1; break;
  default: break;
  }
  if (result >= 0)
    warn_opt(W_TYPE_LIMITS, n->loc, "comparison is always %s due to the range of its type '%s'",
             result ? "true" : "false", type_to_c(orig->ty, NULL));
}

static void walk_expr(Node *n) {
  for (; n; n = n->next) {
    switch (n->kind) {
    case ND_LT: case ND_LE: case ND_GT: case ND_GE: case ND_EQ: case ND_NE:
      check_compare(n);
      break;
    case ND_LOGAND: case ND_LOGOR:
      check_condition(n->lhs);
      check_condition(n->rhs);
      break;
    case ND_NOT:
      check_condition(n->lhs);
      break;
    case ND_COND:
      check_condition(n->cond);
      break;
    case ND_COMPOUND_LIT:
      walk_init(n->initz);
      break;
    default:
      break;
    }
    walk_expr(n->lhs);
    walk_expr(n->rhs);
    walk_expr(n->cond);
    walk_expr(n->then);
    walk_expr(n->els);
    walk_expr(n->args);        /* a list by next, as this loop walks */
  }
}

static bool is_label(Node *s) {
  return s->kind == ND_LABEL || s->kind == ND_CASE || s->kind == ND_DEFAULT;
}

/* -Wswitch: a switch on an enum without default that misses a value. */
static void check_switch(Node *n) {
  Node *c = n->cond;
  while (c->kind == ND_CAST)
    c = c->lhs;
  if (c->ty->kind != TY_ENUM || n->default_case || !c->ty->enum_consts)
    return;
  for (EnumConst *e = c->ty->enum_consts; e; e = e->next) {
    bool found = false;
    for (Node *k = n->cases; k && !found; k = k->case_next)
      found = k->case_val == e->value;
    if (!found)
      warn_opt(W_SWITCH, n->loc, "enumeration value '%s' not handled in switch", e->name);
  }
}

/* A `break` or `return` that cannot run is defensive, not a mistake:
 * `abort(); break;` in a case, `return 0;` after `for (;;)` or `exit()`.
 * gcc says nothing there, and clang's -Wunreachable-code leaves these two
 * to its -Wunreachable-code-break and -return, so -Wall -Werror builds of
 * C habits do not fail on them; a statement after them is still reported. */
static bool is_defensive(Node *s) {
  return s->kind == ND_BREAK || s->kind == ND_RETURN;
}

static void walk_list(Node *first) {
  /* a statement after one that cannot complete, before any label */
  bool reach = true, reported = false;
  for (Node *s = first; s; s = s->next) {
    if (is_label(s))
      reach = true, reported = false;
    if (!reach && !reported && s->kind != ND_NULL_STMT && s->kind != ND_DECL &&
        !is_defensive(s)) {
      warn_opt(W_UNREACHABLE_CODE, s->loc, "this statement is never executed");
      reported = true;
    }
    walk_stmt(s);
    if (reach)
      reach = stmt_completes(s);
  }
}

static void walk_stmt(Node *n) {
  if (!n)
    return;
  switch (n->kind) {
  case ND_BLOCK:
    walk_list(n->body);
    return;
  case ND_DECL:
    walk_init(n->initz);
    return;
  case ND_EXPR_STMT: case ND_RETURN:
    walk_expr(n->lhs);
    return;
  case ND_IF:
    check_condition(n->cond);
    walk_expr(n->cond);
    walk_stmt(n->then);
    walk_stmt(n->els);
    return;
  case ND_WHILE: case ND_DO:
    check_condition(n->cond);
    walk_expr(n->cond);
    walk_stmt(n->then);
    return;
  case ND_FOR:
    walk_stmt(n->init);
    if (n->cond)
      check_condition(n->cond);
    walk_expr(n->cond);
    walk_expr(n->inc);
    walk_stmt(n->then);
    return;
  case ND_SWITCH:
    check_switch(n);
    walk_expr(n->cond);
    walk_stmt(n->then);
    return;
  case ND_CASE: case ND_DEFAULT: case ND_LABEL:
    walk_stmt(n->then);
    return;
  default:
    return;
  }
}

/* Is any warning of this file's on?  Without one, nothing is walked. */
static bool any_enabled(void) {
  for (int w = 0; w < W_COUNT; w++)
    if (diag_warning_enabled((Warning)w))
      return true;
  return false;
}

void warn_function(Obj *fn) {
  if (!any_enabled())
    return;
  walk_stmt(fn->body);
  /* check.c marks every object an identifier names (sizeof's operand too) */
  for (Obj *o = fn->locals; o; o = o->next) {
    if (o->is_used || !o->name || o->name[0] == '.' || !o->loc.line)
      continue;
    if (o->is_param)
      warn_opt(W_UNUSED_PARAMETER, o->loc, "unused parameter '%s'", o->name);
    else
      warn_opt(W_UNUSED_VARIABLE, o->loc, "unused variable '%s'", o->name);
  }
}

void warn_program(Program *prog) {
  for (Obj *o = prog->globals; o; o = o->next)
    if (o->is_function && o->is_static && o->is_definition && !o->is_used && !o->addr_taken &&
        !o->is_spawn_target && !o->is_inline)
      warn_opt(W_UNUSED_FUNCTION, o->loc, "'%s' defined but not used", o->name);
}

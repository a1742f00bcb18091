/* report.c -- -fcheck-report: for every run-time check of the source, a
 * remark saying whether it remains in the generated code, and why.
 *
 * Each check is known by its site (IrSite: kind, detail, location).  The
 * passes that remove, keep or move a check write a note on its site at
 * the moment they do it (report_note), with the fact they used; checks
 * that lowering never emits get a site of their own outside the
 * function's list (report_lowered), so nothing here is emitted.  After
 * opt_program, report_function looks at which of the function's check
 * instructions are still there: a site with one left is kept, a site
 * with none is removed, and the notes say why.  Nothing is derived again
 * afterwards: a removal with no note is reported as unexplained.
 *
 * Remarks are in gcc's diagnostic format (FILE:LINE:COL: remark: TEXT),
 * sorted by line and column, then a summary line per source file. */
#include "cc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

bool check_report;
const char *check_report_file;

/* ---- the checked expressions as source text -------------------------------- */

static const char *binop_text(NodeKind k) {
  switch (k) {
  case ND_ADD: return "+";
  case ND_SUB: return "-";
  case ND_MUL: return "*";
  case ND_DIV: return "/";
  case ND_MOD: return "%";
  case ND_SHL: return "<<";
  case ND_SHR: return ">>";
  case ND_BITAND: return "&";
  case ND_BITOR: return "|";
  case ND_BITXOR: return "^";
  case ND_EQ: return "==";
  case ND_NE: return "!=";
  case ND_LT: return "<";
  case ND_LE: return "<=";
  case ND_GT: return ">";
  case ND_GE: return ">=";
  case ND_LOGAND: return "&&";
  case ND_LOGOR: return "||";
  default: return NULL;
  }
}

/* Casts worth showing: a written one where the tree tells (at its '(',
 * not at its operand's position as the checker's own conversions are;
 * a written arithmetic cast is made like those), and every conversion
 * from unsigned to signed that may change the value, which decides how a
 * compare goes. */
static bool written_cast(Node *n) {
  if (n->kind != ND_CAST || !n->lhs)
    return false;
  if (n->check_len || n->loc.line != n->lhs->loc.line || n->loc.col != n->lhs->loc.col)
    return true;
  return n->ty && n->lhs->ty && is_integer(n->ty) && is_integer(n->lhs->ty) && n->ty->kind != TY_BOOL &&
         is_unsigned(n->lhs->ty) && !is_unsigned(n->ty) && n->lhs->ty->size >= n->ty->size;
}

/* Conversions the checker made explicit are not in the source: skip them. */
static Node *strip(Node *n) {
  while (n && n->kind == ND_CAST && !written_cast(n))
    n = n->lhs;
  return n;
}

static void expr_text(Buf *b, Node *n, int depth);

/* An operand of an operator: parenthesised when it is itself one. */
static void operand_text(Buf *b, Node *n, int depth) {
  n = strip(n);
  bool paren = n && (binop_text(n->kind) || n->kind == ND_ASSIGN || n->kind == ND_ASSIGN_OP ||
                     n->kind == ND_COND || n->kind == ND_COMMA);
  if (paren)
    buf_putc(b, '(');
  expr_text(b, n, depth);
  if (paren)
    buf_putc(b, ')');
}

/* The operand of a postfix operator ([], ., ->, a call, x++): prefix
 * operators need parentheses too, (*p)[i]. */
static void postfix_operand(Buf *b, Node *n, int depth) {
  n = strip(n);
  bool paren = n && (n->kind == ND_DEREF || n->kind == ND_NOT || n->kind == ND_BITNOT || n->kind == ND_NEG ||
                     n->kind == ND_CAST ||
                     n->kind == ND_PREINC || n->kind == ND_PREDEC ||
                     (n->kind == ND_ADDR && strip(n->lhs) && strip(n->lhs)->ty &&
                      strip(n->lhs)->ty->kind != TY_ARRAY && strip(n->lhs)->ty->kind != TY_FUNC));
  if (paren)
    buf_putc(b, '(');
  operand_text(b, n, depth);
  if (paren)
    buf_putc(b, ')');
}

static void expr_text(Buf *b, Node *n, int depth) {
  n = strip(n);
  if (!n || depth > 12) {
    buf_puts(b, "...");
    return;
  }
  const char *op = binop_text(n->kind);
  if (op) {
    operand_text(b, n->lhs, depth + 1);
    buf_printf(b, " %s ", op);
    operand_text(b, n->rhs, depth + 1);
    return;
  }
  switch (n->kind) {
  case ND_NUM:
    if (n->ty && (n->ty->kind == TY_FLOAT || n->ty->kind == TY_DOUBLE))
      buf_printf(b, "%g", n->fval);
    else if (n->ty && is_unsigned(n->ty))
      buf_printf(b, "%llu", (unsigned long long)n->ival);
    else
      buf_printf(b, "%lld", n->ival);
    return;
  case ND_NULL:
    buf_puts(b, "NULL");
    return;
  case ND_VAR:
    if (n->obj->is_string && n->obj->str_bytes && n->obj->str_len <= 24) {
      buf_putc(b, '"');
      for (int i = 0; i + 1 < n->obj->str_len; i++) {
        unsigned char ch = (unsigned char)n->obj->str_bytes[i];
        if (ch == '"' || ch == '\\')
          buf_printf(b, "\\%c", ch);
        else if (ch == '\n')
          buf_puts(b, "\\n");
        else if (ch < 32 || ch >= 127)
          buf_printf(b, "\\x%02x", ch);
        else
          buf_putc(b, ch);
      }
      buf_putc(b, '"');
    } else {
      buf_puts(b, n->obj->is_string ? "\"...\"" : n->obj->name);
    }
    return;
  case ND_COMPOUND_LIT:
    buf_puts(b, "(...){...}");
    return;
  case ND_NOT: case ND_BITNOT: case ND_NEG:
    buf_puts(b, n->kind == ND_NOT ? "!" : n->kind == ND_BITNOT ? "~" : "-");
    operand_text(b, n->lhs, depth + 1);
    return;
  case ND_ASSIGN:
    expr_text(b, n->lhs, depth + 1);
    buf_puts(b, " = ");
    expr_text(b, n->rhs, depth + 1);
    return;
  case ND_ASSIGN_OP:
    expr_text(b, n->lhs, depth + 1);
    buf_printf(b, " %s= ", binop_text(n->op) ? binop_text(n->op) : "?");
    expr_text(b, n->rhs, depth + 1);
    return;
  case ND_PREINC: case ND_PREDEC:
    buf_puts(b, n->kind == ND_PREINC ? "++" : "--");
    operand_text(b, n->lhs, depth + 1);
    return;
  case ND_POSTINC: case ND_POSTDEC:
    postfix_operand(b, n->lhs, depth + 1);
    buf_puts(b, n->kind == ND_POSTINC ? "++" : "--");
    return;
  case ND_COMMA:
    expr_text(b, n->lhs, depth + 1);
    buf_puts(b, ", ");
    expr_text(b, n->rhs, depth + 1);
    return;
  case ND_COND:
    operand_text(b, n->cond, depth + 1);
    buf_puts(b, " ? ");
    operand_text(b, n->then, depth + 1);
    buf_puts(b, " : ");
    operand_text(b, n->els, depth + 1);
    return;
  case ND_CAST:                    /* a written one */
    buf_printf(b, "(%s)", type_to_c(n->ty, NULL));
    operand_text(b, n->lhs, depth + 1);
    return;
  case ND_CALL:
    postfix_operand(b, n->lhs, depth + 1);
    buf_putc(b, '(');
    for (Node *a = n->args; a; a = a->next) {
      expr_text(b, a, depth + 1);
      if (a->next)
        buf_puts(b, ", ");
    }
    buf_putc(b, ')');
    return;
  case ND_MEMBER: {
    Node *l = strip(n->lhs);
    if (l && l->kind == ND_DEREF) {
      postfix_operand(b, l->lhs, depth + 1);
      buf_printf(b, "->%s", n->member->name);
    } else {
      postfix_operand(b, n->lhs, depth + 1);
      buf_printf(b, ".%s", n->member->name);
    }
    return;
  }
  case ND_DEREF:
    buf_putc(b, '*');
    operand_text(b, n->lhs, depth + 1);
    return;
  case ND_ADDR: {
    Node *l = strip(n->lhs);
    /* an array or a function used as a value is written by its name */
    if (l && l->ty && l->ty->kind != TY_ARRAY && l->ty->kind != TY_FUNC)
      buf_putc(b, '&');
    operand_text(b, n->lhs, depth + 1);
    return;
  }
  case ND_INDEX: {
    Node *l = strip(n->lhs);
    /* p[i] on a pointer to an array is INDEX(DEREF(p), i), both at the
     * '[': written (*p)[i], the DEREF is at the '*' */
    if (l && l->kind == ND_DEREF && l->loc.line == n->loc.line && l->loc.col == n->loc.col)
      postfix_operand(b, l->lhs, depth + 1);
    else
      postfix_operand(b, n->lhs, depth + 1);
    buf_putc(b, '[');
    expr_text(b, n->rhs, depth + 1);
    buf_putc(b, ']');
    return;
  }
  case ND_LENGTHOF:
    buf_puts(b, "lengthof(");
    expr_text(b, n->lhs, depth + 1);
    buf_putc(b, ')');
    return;
  case ND_NEW:
    buf_puts(b, "new(...)");
    return;
  default:
    buf_puts(b, "...");
    return;
  }
}

const char *report_expr(Node *n) {
  Buf b = {0};
  expr_text(&b, n, 0);
  return b.s ? b.s : "";
}

/* The array an index goes into, as written: `a` of `a[i]`, `p` of p[i]. */
static const char *array_text(Node *index) {
  Node *l = strip(index->lhs);
  if (l && l->kind == ND_DEREF && l->loc.line == index->loc.line && l->loc.col == index->loc.col)
    return report_expr(l->lhs);
  return report_expr(index->lhs);
}

/* ---- finding a comparison by its location ---------------------------------- */

static Node *found;

static void find_in(Node *n, Loc loc, bool (*want)(Node *));

static void find_init(Init *in, Loc loc, bool (*want)(Node *)) {
  if (!in || found)
    return;
  find_in(in->expr, loc, want);
  for (int i = 0; i < in->nchildren; i++)
    find_init(in->children[i], loc, want);
}

static void find_in(Node *n, Loc loc, bool (*want)(Node *)) {
  for (; n && !found; n = n->next) {
    if (n->loc.line == loc.line && n->loc.col == loc.col && want(n)) {
      found = n;
      return;
    }
    find_in(n->lhs, loc, want);
    find_in(n->rhs, loc, want);
    find_in(n->cond, loc, want);
    find_in(n->then, loc, want);
    find_in(n->els, loc, want);
    find_in(n->init, loc, want);
    find_in(n->inc, loc, want);
    find_in(n->body, loc, want);
    find_in(n->args, loc, want);
    if (n->kind == ND_DECL || n->kind == ND_COMPOUND_LIT)
      find_init(n->initz, loc, want);
  } /* next: the rest of a statement or argument list */
}

static Node *find_node(IrFunc *f, Loc loc, bool (*want)(Node *)) {
  found = NULL;
  if (f->obj && f->obj->body && loc.line > 0)
    find_in(f->obj->body, loc, want);
  return found;
}

static bool is_compare(Node *n) {
  return n->kind >= ND_EQ && n->kind <= ND_GE;
}

static bool is_division(Node *n) {
  return n->kind == ND_DIV || n->kind == ND_MOD ||
         (n->kind == ND_ASSIGN_OP && (n->op == ND_DIV || n->op == ND_MOD));
}

const char *report_test_text(IrFunc *f, Loc loc) {
  Node *n = find_node(f, loc, is_compare);
  return n ? report_expr(n) : NULL;
}

const char *report_temp_name(IrFunc *f, int t) {
  if (!f->obj)
    return NULL;
  for (Obj *v = f->obj->locals; v; v = v->next)
    if (v->id > 0 && v->id - 1 == t)
      return v->name;
  return NULL;
}

/* ---- notes ----------------------------------------------------------------- */

static char *vformat(const char *fmt, va_list ap) {
  va_list again;
  va_copy(again, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  char *s = xmalloc((size_t)n + 1);
  vsnprintf(s, (size_t)n + 1, fmt, again);
  va_end(again);
  return s;
}

static void add_note(IrSite *s, CheckNoteKind kind, const char *pass, Loc at, const char *text) {
  CheckNote *n = xmalloc(sizeof *n), **p = &s->notes;
  n->kind = kind;
  n->pass = pass;
  n->at = at;
  n->text = text;
  while (*p)
    p = &(*p)->next;
  *p = n;
}

void report_note(IrSite *s, CheckNoteKind kind, const char *pass, Loc at, const char *fmt, ...) {
  if (!check_report || !s)
    return;
  va_list ap;
  va_start(ap, fmt);
  char *text = vformat(fmt, ap);
  va_end(ap);
  add_note(s, kind, pass, at, text);
}

void report_lowered(IrFunc *f, const char *kind, Node *node, Loc loc, const char *fmt, ...) {
  if (!check_report)
    return;
  IrSite *s = xmalloc(sizeof *s);
  s->kind = kind;
  s->loc = loc;
  s->node = node;
  va_list ap;
  va_start(ap, fmt);
  char *text = vformat(fmt, ap);
  va_end(ap);
  add_note(s, CN_REMOVED, "lowering", (Loc){0}, text);
  vec_push(&f->dropped, s);
}

/* remove_branch_bounds: the branch BR's edge makes the index of the
 * bounds check C below a length: C's (REPORT_IMPLIED: C went), another
 * one, or C's but the index or the array may change between the two. */
void report_branch(IrFunc *f, const IrInst *c, const IrInst *br, int outcome) {
  if (!check_report || !c->site)
    return;
  Node *n = c->site->node;
  const char *test = report_test_text(f, br->loc);
  test = test ? format("the test '%s' at %d:%d", test, br->loc.line, br->loc.col)
              : format("the branch at %d:%d", br->loc.line, br->loc.col);
  const char *idx = n ? report_expr(n->rhs) : NULL;
  if (!idx && c->a.kind == OK_TEMP)
    idx = report_temp_name(f, c->a.temp);
  if (!idx)
    idx = "the index";
  const char *len = c->lenmem ? format("lengthof(%s)", n ? array_text(n) : "the array")
                              : format("%lld", c->b.imm);
  if (outcome == REPORT_IMPLIED)
    report_note(c->site, CN_REMOVED, "remove_branch_bounds", br->loc, "%s implies %s <u %s", test, idx, len);
  else if (outcome == REPORT_OTHER_LENGTH)
    report_note(c->site, CN_KEPT, "remove_branch_bounds", br->loc,
                "%s bounds %s, but not by %s", test, idx, len);
  else
    report_note(c->site, CN_KEPT, "remove_branch_bounds", br->loc,
                "%s makes %s <u %s, but %s or the array may change on a way from there to here", test, idx,
                len, idx);
}

/* opt/version.c dropped C from the unchecked copy of the loop whose test
 * is BR (counter CTR, bound N): the copy runs only when the tests before
 * the loop found every array non-null and N at most its length. */
void report_versioned(IrFunc *f, const IrInst *c, const IrInst *br, Oper n, int ctr) {
  if (!check_report || !c->site)
    return;
  if (c->op == IR_CHECK_STORE) {
    report_note(c->site, CN_VERSIONED, "version_loops", br->loc,
                "the loop runs without it when a test before the loop finds the thread outside every "
                "protection domain (the flag does not change while the function runs), and with it otherwise");
    return;
  }
  Node *nd = c->site->node;
  const char *test = report_test_text(f, br->loc);
  test = test ? format("the loop's test '%s' at %d:%d", test, br->loc.line, br->loc.col)
              : format("the loop's test at %d:%d", br->loc.line, br->loc.col);
  const char *i = report_temp_name(f, ctr);
  if (!i)
    i = "the counter";
  const char *bound = n.kind == OK_IMM ? format("%lld", n.imm) : report_temp_name(f, n.temp);
  if (!bound)
    bound = "the bound";
  if (c->op == IR_CHECK_NULL) {
    const char *p = nd ? report_expr(nd) : "the pointer";
    report_note(c->site, CN_VERSIONED, "version_loops", br->loc,
                "the loop runs without it when a test before the loop finds '%s' non-null ('%s' does not "
                "change in the loop), and with it otherwise",
                p, p);
    return;
  }
  const char *arr = nd ? array_text(nd) : "the array";
  const char *unchanged = n.kind == OK_IMM ? format("%s does not", arr) : format("%s and %s do not", bound, arr);
  report_note(c->site, CN_VERSIONED, "version_loops", br->loc,
              "the loop runs without it when a test before the loop finds %s <=u lengthof(%s): then %s "
              "implies %s <u lengthof(%s) (%s goes up by 1, %s change in the loop); with it otherwise",
              bound, arr, test, i, arr, i, unchanged);
}

/* remove_branch_bounds keeps C (in block B): the tests it could not use
 * because they compare signed (edge_below takes unsigned ones only; the
 * loop counters use_counter_ranges proves never negative are unsigned
 * by then), on the only edge into a block that dominates B, bounding C's
 * index from above by C's own length. */
void report_signed_tests(IrFunc *f, const IrCfg *g, const IrInst *c, int b) {
  if (!check_report || !c->site || c->a.kind != OK_TEMP)
    return;
  int x = c->a.temp;
  for (int sb = 1; sb < f->nblocks; sb++) {
    if (g->npred[sb] != 1 || !ir_dominates(g, sb, b))
      continue;
    const IrBlock *p = f->blocks[g->pred[sb][0]];
    const IrInst *br = &p->ins[p->n - 1];
    if (br->op != IR_BR || br->t1 == br->t2 || br->k2 != IK_I32)
      continue;
    bool taken = br->t1 == sb;
    bool xa = br->a.kind == OK_TEMP && br->a.temp == x, xb = br->b.kind == OK_TEMP && br->b.temp == x;
    bool above;                     /* does the edge make X < the other operand? */
    switch (br->cc) {
    case CC_LT: above = taken && xa; break;
    case CC_GT: above = taken && xb; break;
    case CC_GE: above = !taken && xa; break;
    case CC_LE: above = !taken && xb; break;
    default: above = false; break;
    }
    if (!above)
      continue;
    /* only a test against the check's own length is worth naming: the
     * same constant, or the length word at the check's address */
    Oper bound = xa ? br->b : br->a;
    bool same = false;
    if (!c->lenmem)
      same = bound.kind == OK_IMM && c->b.kind == OK_IMM && bound.imm == c->b.imm;
    else if (bound.kind == OK_TEMP)
      for (int i = p->n - 2; i >= 0 && !same; i--) {
        const IrInst *l = &p->ins[i];
        if (l->dst != bound.temp)
          continue;
        same = l->op == IR_LOAD && l->addr.index < 0 && c->addr.index < 0 && l->addr.off == c->addr.off &&
               l->addr.base.kind == OK_TEMP && c->addr.base.kind == OK_TEMP &&
               l->addr.base.temp == c->addr.base.temp;
        break;
      }
    if (!same)
      continue;
    const char *test = report_test_text(f, br->loc);
    Node *n = c->site->node;
    report_note(c->site, CN_KEPT, "remove_branch_bounds", br->loc,
                "%s%s%s at %d:%d compares signed, so it does not bound %s unsigned (the index or its "
                "bound may be negative)",
                test ? "the test '" : "the branch", test ? test : "", test ? "'" : "", br->loc.line,
                br->loc.col, n ? report_expr(n->rhs) : "the index");
  }
}

/* ---- the remarks ----------------------------------------------------------- */

typedef struct {
  Loc loc;
  int seq;                        /* order of collection, for equal locations */
  char *text;
  bool kept, moved, versioned;
  const char *category;           /* removed: the first reason's pass, in words */
} Remark;

static Remark *remarks;
static int nremarks, cap_remarks;
static Buf file_text;             /* -fcheck-report=FILE: everything, written by the driver */

/* The passes, as the summary names them (doc/backend.md describes each). */
static const char *category_of(const char *pass) {
  static const struct { const char *pass, *words; } names[] = {
      {"lowering", "at lowering"},
      {"decide_stack_checks", "not needed"},
      {"propagate", "object address"},
      {"remove_constant_checks", "constant operands"},
      {"end_block_at", "unreachable"},
      {"simplify_cfg", "unreachable"},
      {"remove_null_checks", "already non-null"},
      {"remove_store_checks", "not static storage"},
      {"hoist_store_checks", "the first iteration's"},
      {"remove_local_bounds", "repeated check"},
      {"use_counter_ranges", "masked index"},
      {"remove_branch_bounds", "dominating test"},
  };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (!strcmp(names[i].pass, pass))
      return names[i].words;
  return pass;
}

static bool is_check_site(const IrInst *in) {
  switch (in->op) {
  case IR_CHECK_BOUNDS: case IR_CHECK_NULL: case IR_CHECK_DIV: case IR_CHECK_CAST: case IR_CHECK_STACK:
  case IR_CHECK_STORE:
    return in->site != NULL;
  case IR_CALL:
    return !in->sym && in->site != NULL; /* the call through a pointer checks it */
  default:
    return false;
  }
}

/* What the check is of: "bounds check of 'a[i]'". */
static const char *check_what(IrFunc *f, IrSite *s, bool is_call) {
  const char *kind = s->kind ? s->kind : "";
  Node *n = s->node;
  if (!strcmp(kind, "bounds"))
    return n ? format("bounds check of '%s'", report_expr(n)) : "bounds check";
  if (!strcmp(kind, "null") && is_call)
    return n ? format("NULL check of the function pointer '%s'", report_expr(n))
             : "NULL check of a function pointer";
  if (!strcmp(kind, "null"))
    return n ? format("NULL check of '%s'", report_expr(n)) : "NULL check";
  if (!strcmp(kind, "divide")) {
    if (!n)
      n = find_node(f, s->loc, is_division);
    bool mod = n ? n->kind == ND_MOD || (n->kind == ND_ASSIGN_OP && n->op == ND_MOD)
                 : s->detail && strstr(s->detail, "remainder");
    const char *what = mod ? "remainder check" : "division check";
    return n ? format("%s of '%s'", what, report_expr(n)) : what;
  }
  if (!strcmp(kind, "cast"))
    return n ? format("length check of the cast of '%s'", report_expr(n)) : "length check of a cast";
  if (!strcmp(kind, "stack"))
    return format("stack check of '%s'", f->obj ? f->obj->name : f->name);
  if (!strcmp(kind, "own"))
    return "domain check of a store";
  return format("%s check", kind);
}

/* Why a kept check stays, when no pass said more. */
static const char *kept_default(IrFunc *f, IrSite *s, const IrInst *in) {
  Node *n = s->node;
  const char *kind = s->kind ? s->kind : "";
  if (in->op == IR_CALL)
    return "the call through a pointer always tests it (testl; je; call *%reg)";
  if (!strcmp(kind, "bounds")) {
    const char *idx = n ? report_expr(n->rhs) : "the index";
    const char *len = in->lenmem ? format("lengthof(%s)", n ? array_text(n) : "the array")
                                 : format("%lld", in->b.imm);
    return format("index '%s' not proved below %s%s", idx, len,
                  opt_level == 0 ? " (at -O0 only constant indexes and repeated checks go)" : "");
  }
  if (!strcmp(kind, "null"))
    return n ? format("'%s' not known to be non-null", report_expr(n)) : "the pointer may be NULL";
  if (!strcmp(kind, "divide")) {
    Node *d = find_node(f, s->loc, is_division);
    const char *by = d ? report_expr(d->rhs) : "the divisor";
    if (in->b.kind == OK_IMM)        /* only -1 stays (signed): the code tests the dividend */
      return format("divisor %lld: the quotient of the smallest dividend overflows", in->b.imm);
    return in->site2 ? format("divisor '%s' may be 0, or -1 with the smallest dividend", by)
                     : format("divisor '%s' may be 0", by);
  }
  if (!strcmp(kind, "cast"))
    return "the array's length is known only at run time";
  if (!strcmp(kind, "stack"))
    return "the function's frame must fit the stack";
  if (!strcmp(kind, "own"))
    return in->a.kind == OK_SYM ? "a store into a global: it traps inside a domain (LANGUAGE.md §13.3)"
                                : "the pointer may point to static storage, which a domain may not store into";
  return "not proved to pass";
}

static void add_remark(Loc loc, char *text, bool kept, bool moved, const char *category, bool versioned) {
  if (nremarks == cap_remarks) {
    cap_remarks = cap_remarks ? 2 * cap_remarks : 64;
    remarks = xrealloc(remarks, cap_remarks * sizeof *remarks);
  }
  remarks[nremarks] = (Remark){.loc = loc, .seq = nremarks, .text = text, .kept = kept, .moved = moved,
                               .category = category, .versioned = versioned};
  nremarks++;
}

/* The distinct texts of S's notes of KIND, joined by "; ". */
static const char *notes_text(IrSite *s, CheckNoteKind kind, const char **first_pass) {
  Buf b = {0};
  for (CheckNote *n = s->notes; n; n = n->next) {
    if (n->kind != kind)
      continue;
    bool dup = false;
    for (CheckNote *m = s->notes; m != n; m = m->next)
      dup |= m->kind == kind && !strcmp(m->text, n->text);
    if (dup)
      continue;
    if (b.len)
      buf_puts(&b, "; ");
    else if (first_pass)
      *first_pass = n->pass;
    buf_puts(&b, n->text);
  }
  return b.s;
}

static void remark_site(IrFunc *f, IrSite *s, const IrInst *first, int live, const IrInst *live_in) {
  const char *what = check_what(f, s, first && first->op == IR_CALL);
  CheckNote *moved = NULL;
  for (CheckNote *n = s->notes; n; n = n->next)
    if (n->kind == CN_MOVED)
      moved = n;
  const char *where = moved ? format(" before the loop at %d:%d", moved->at.line, moved->at.col) : "";
  const char *versioned = notes_text(s, CN_VERSIONED, NULL);
  if (live && versioned) {
    /* the checked copy of a versioned loop has it, the other not */
    add_remark(s->loc, format("%s versioned: %s", what, versioned), true, false, NULL, true);
    return;
  }
  if (live) {
    const char *why = notes_text(s, CN_KEPT, NULL);
    if (!why)
      why = kept_default(f, s, live_in);
    char *text;
    if (moved && live == 1)
      text = format("%s moved%s (runs once, not on each iteration): %s", what, where, why);
    else if (moved)
      text = format("%s moved to the %d jumps into the loop at %d:%d: %s", what, live, moved->at.line,
                    moved->at.col, why);
    else
      text = format("%s kept: %s", what, why);
    add_remark(s->loc, text, true, moved && live == 1, NULL, false);
    return;
  }
  const char *pass = NULL;
  const char *why = notes_text(s, CN_REMOVED, &pass);
  if (!why) {
    /* a pass dropped it without saying so: a bug in the recording, shown */
    add_remark(s->loc, format("%s removed: no pass recorded why", what), false, false, "unexplained", false);
    return;
  }
  add_remark(s->loc, format("%s removed%s%s: %s", what, !strcmp(pass, "lowering") ? " at lowering" : "",
                            moved ? format(" (moved%s first)", where) : "", why),
             false, moved != NULL, category_of(pass), false);
}

/* The check sites of the function being optimised, taken before the passes run. */

void report_begin(IrFunc *f) {
  Vec *inventory = &f->checks_at_start;
  inventory->len = 0;
  if (!check_report)
    return;
  for (int b = 0; b < f->nblocks; b++)
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst *in = &f->blocks[b]->ins[i];
      if (!is_check_site(in))
        continue;
      bool seen = false;
      for (int k = 0; k < inventory->len && !seen; k++)
        seen = inventory->v[k] == in->site;
      if (!seen)
        vec_push(inventory, in->site);
    }
}

void report_function(IrFunc *f) {
  Vec *inventory = &f->checks_at_start;
  if (!check_report)
    return;
  for (int k = 0; k < inventory->len; k++) {
    IrSite *s = inventory->v[k];
    int live = 0;
    const IrInst *first = NULL, *live_in = NULL;
    for (int b = 0; b < f->nblocks; b++)
      for (int i = 0; i < f->blocks[b]->n; i++) {
        IrInst *in = &f->blocks[b]->ins[i];
        if (in->site != s)
          continue;
        if (!first)
          first = in;
        if (is_check_site(in)) {
          live++;
          if (!live_in)
            live_in = in;
          first = in;
        }
      }
    remark_site(f, s, first, live, live_in);
  }
  for (int k = 0; k < f->dropped.len; k++)
    remark_site(f, f->dropped.v[k], NULL, 0, NULL);
  inventory->len = 0;
}

static int by_location(const void *x, const void *y) {
  const Remark *a = x, *b = y;
  int c = strcmp(a->loc.file ? a->loc.file : "", b->loc.file ? b->loc.file : "");
  if (c)
    return c;
  if (a->loc.line != b->loc.line)
    return a->loc.line < b->loc.line ? -1 : 1;
  if (a->loc.col != b->loc.col)
    return a->loc.col < b->loc.col ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void report_flush(const char *source) {
  if (!check_report)
    return;
  qsort(remarks, nremarks, sizeof *remarks, by_location);
  Buf b = {0};
  int kept = 0, moved = 0, versioned = 0, removed = 0;
  Vec cats = {0};
  Vec counts = {0};                /* (intptr_t) per category */
  for (int i = 0; i < nremarks; i++) {
    Remark *r = &remarks[i];
    buf_printf(&b, "%s:%d:%d: remark: %s\n", r->loc.file ? r->loc.file : source, r->loc.line, r->loc.col,
               r->text);
    if (r->kept) {
      kept++;
      moved += r->moved;
      versioned += r->versioned;
      continue;
    }
    removed++;
    int k = 0;
    while (k < cats.len && strcmp(cats.v[k], r->category))
      k++;
    if (k == cats.len) {
      vec_push(&cats, (void *)r->category);
      vec_push(&counts, (void *)0);
    }
    counts.v[k] = (void *)((char *)counts.v[k] + 1);
  }
  buf_printf(&b, "%s: remark: %d checks: %d kept", source, nremarks, kept);
  if (moved && versioned)
    buf_printf(&b, " (%d moved out of loops, %d versioned)", moved, versioned);
  else if (moved)
    buf_printf(&b, " (%d moved out of loops)", moved);
  else if (versioned)
    buf_printf(&b, " (%d versioned)", versioned);
  buf_printf(&b, ", %d removed", removed);
  for (int k = 0; k < cats.len; k++)
    buf_printf(&b, "%s%d %s", k ? ", " : " (", (int)((char *)counts.v[k] - (char *)0), (char *)cats.v[k]);
  buf_puts(&b, cats.len ? ")\n" : "\n");
  if (check_report_file)
    buf_puts(&file_text, b.s);
  else
    fputs(b.s, stderr);
  nremarks = 0;
}

const char *report_text(void) { return file_text.s ? file_text.s : ""; }

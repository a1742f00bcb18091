/* ast.c -- constructors for AST nodes and objects, and a readable dump of
 * the parser's output (`cuckoo-cc -fdump-ast`).
 *
 * Nodes are never freed: the compiler is a short-lived process and the
 * AST lives until the end. */
#include "cc.h"

#include <inttypes.h>

Node *new_node(NodeKind kind, Loc loc) {
  Node *n = xmalloc(sizeof *n);
  n->kind = kind;
  n->loc = loc;
  return n;
}

Node *new_binary(NodeKind kind, Node *lhs, Node *rhs, Loc loc) {
  Node *n = new_node(kind, loc);
  n->lhs = lhs;
  n->rhs = rhs;
  return n;
}

Node *new_unary(NodeKind kind, Node *lhs, Loc loc) {
  Node *n = new_node(kind, loc);
  n->lhs = lhs;
  return n;
}

Node *new_num(long long v, Type *ty, Loc loc) {
  Node *n = new_node(ND_NUM, loc);
  n->ival = v;
  n->ty = ty;
  return n;
}

Obj *new_obj(const char *name, Type *ty, Loc loc) {
  Obj *o = xmalloc(sizeof *o);
  o->name = name ? xstrdup(name) : NULL;
  o->ty = ty;
  o->loc = loc;
  return o;
}

static const char *const kind_names[ND_KIND_COUNT] = {
  [ND_NUM] = "NUM", [ND_NULL] = "NULL", [ND_STR] = "STR", [ND_IDENT] = "IDENT",
  [ND_VAR] = "VAR", [ND_ADD] = "ADD", [ND_SUB] = "SUB", [ND_MUL] = "MUL",
  [ND_DIV] = "DIV", [ND_MOD] = "MOD", [ND_SHL] = "SHL", [ND_SHR] = "SHR",
  [ND_BITAND] = "BITAND", [ND_BITOR] = "BITOR", [ND_BITXOR] = "BITXOR",
  [ND_EQ] = "EQ", [ND_NE] = "NE", [ND_LT] = "LT", [ND_LE] = "LE", [ND_GT] = "GT",
  [ND_GE] = "GE", [ND_LOGAND] = "LOGAND", [ND_LOGOR] = "LOGOR", [ND_NOT] = "NOT",
  [ND_BITNOT] = "BITNOT", [ND_NEG] = "NEG", [ND_PLUS] = "PLUS", [ND_ASSIGN] = "ASSIGN",
  [ND_ASSIGN_OP] = "ASSIGN_OP", [ND_PREINC] = "PREINC", [ND_PREDEC] = "PREDEC",
  [ND_POSTINC] = "POSTINC", [ND_POSTDEC] = "POSTDEC", [ND_COMMA] = "COMMA",
  [ND_COND] = "COND", [ND_CAST] = "CAST", [ND_CALL] = "CALL", [ND_MEMBER] = "MEMBER",
  [ND_ARROW] = "ARROW", [ND_DEREF] = "DEREF", [ND_ADDR] = "ADDR", [ND_INDEX] = "INDEX",
  [ND_SIZEOF] = "SIZEOF", [ND_LENGTHOF] = "LENGTHOF", [ND_NEW] = "NEW",
  [ND_DELETE] = "DELETE", [ND_RENEW] = "RENEW", [ND_SPAWN] = "SPAWN", [ND_DOMAIN_NEW] = "DOMAIN_NEW", [ND_DOMAIN_CALL] = "DOMAIN_CALL", [ND_COMPOUND_LIT] = "COMPOUND_LIT",
  [ND_SHARE] = "SHARE", [ND_TAKE] = "TAKE", [ND_CHAN_SEND] = "CHAN_SEND", [ND_CHAN_RECV] = "CHAN_RECV",
  [ND_BLOCK] = "BLOCK", [ND_DECL] = "DECL", [ND_EXPR_STMT] = "EXPR_STMT", [ND_IF] = "IF",
  [ND_WHILE] = "WHILE", [ND_DO] = "DO", [ND_FOR] = "FOR", [ND_SWITCH] = "SWITCH",
  [ND_CASE] = "CASE", [ND_DEFAULT] = "DEFAULT", [ND_BREAK] = "BREAK",
  [ND_CONTINUE] = "CONTINUE", [ND_RETURN] = "RETURN", [ND_GOTO] = "GOTO",
  [ND_LABEL] = "LABEL", [ND_NULL_STMT] = "NULL_STMT",
};

const char *node_kind_name(NodeKind k) {
  if ((unsigned)k < ND_KIND_COUNT && kind_names[k])
    return kind_names[k];
  return "?";
}

/* ---- the dump -------------------------------------------------------- */

static void dump_node(FILE *out, Node *n, int ind);
static void dump_declarator(FILE *out, Declarator *d);
static void dump_spec(FILE *out, DeclSpec *s, int ind);

static void pad(FILE *out, int ind) {
  fprintf(out, "%*s", ind * 2, "");
}

static void dump_loc(FILE *out, Loc loc) {
  fprintf(out, "@%d:%d", loc.line, loc.col);
}

static void dump_bytes(FILE *out, const char *s, int len) {
  fputc('"', out);
  for (int i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\')
      fprintf(out, "\\%c", c);
    else if (c >= 0x20 && c < 0x7f)
      fputc(c, out);
    else
      fprintf(out, "\\x%02x", c);
  }
  fputc('"', out);
}

static void dump_params(FILE *out, ParamSyn *p) {
  for (; p; p = p->next) {
    if (p->spec)
      dump_spec(out, p->spec, -1);
    if (p->decl) {
      fputc(' ', out);
      dump_declarator(out, p->decl);
    }
    if (p->next)
      fputs(", ", out);
  }
}

/* Declarators print in their tree form: PTR{ARRAY[3]{ID p}}. */
static void dump_declarator(FILE *out, Declarator *d) {
  if (!d) {
    fputs("-", out);
    return;
  }
  switch (d->kind) {
  case DK_IDENT:
    fprintf(out, "ID %s", d->name ? d->name : "<abstract>");
    dump_loc(out, d->loc);
    return;
  case DK_PTR:
    fputs("PTR", out);
    if (d->qual & Q_CONST) fputs(" const", out);
    if (d->qual & Q_VOLATILE) fputs(" volatile", out);
    if (d->qual & Q_GLOBAL) fputs(" global", out);
    if (d->qual & Q_OWN) fputs(" own", out);
    break;
  case DK_ARRAY:
    fputs("ARRAY[", out);
    if (d->qual & Q_CONST) fputs("const ", out);
    if (d->qual & Q_VOLATILE) fputs("volatile ", out);
    if (d->qual & Q_GLOBAL) fputs("global ", out);
    if (d->is_static_size) fputs("static ", out);
    if (d->size) {
      fputc('\n', out);
      dump_node(out, d->size, 8);
      pad(out, 7);
    }
    fputs("]", out);
    break;
  case DK_FUNC:
    fputs("FUNC(", out);
    if (d->no_proto) fputs("<no prototype>", out);
    if (d->kr_style) fputs("<K&R> ", out);
    dump_params(out, d->params);
    if (d->variadic) fputs(", ...", out);
    fputs(")", out);
    break;
  }
  dump_loc(out, d->loc);
  fputs("{", out);
  dump_declarator(out, d->inner);
  fputs("}", out);
}

static void dump_struct(FILE *out, StructSyn *su, int ind) {
  fprintf(out, "%s %s", su->is_union ? "union" : "struct", su->tag ? su->tag : "<anon>");
  dump_loc(out, su->loc);
  if (!su->has_body || ind < 0)
    return;
  fputs(" {\n", out);
  for (MemberSyn *m = su->members; m; m = m->next) {
    pad(out, ind + 1);
    fputs("MEMBER", out);
    dump_loc(out, m->loc);
    fputc(' ', out);
    dump_spec(out, m->spec, ind + 1);
    fputc(' ', out);
    dump_declarator(out, m->decl);
    if (m->bitwidth) {
      fputs(" :\n", out);
      dump_node(out, m->bitwidth, ind + 2);
    } else {
      fputc('\n', out);
    }
  }
  pad(out, ind);
  fputs("}", out);
}

static void dump_spec(FILE *out, DeclSpec *s, int ind) {
  if (!s) {
    fputs("<no spec>", out);
    return;
  }
  fputs("<", out);
  static const char *const sc[] = {"typedef", "extern", "static", "auto", "register",
                                   "inline", "_Noreturn"};
  for (int i = 0; i < 7; i++)
    if (s->storage & (1u << i))
      fprintf(out, "%s ", sc[i]);
  if (s->qual & Q_CONST) fputs("const ", out);
  if (s->qual & Q_VOLATILE) fputs("volatile ", out);
  if (s->qual & Q_GLOBAL) fputs("global ", out);
  static const struct { unsigned bit; const char *name; } words[] = {
    {TS_VOID, "void"}, {TS_BOOL, "_Bool"}, {TS_CHAR, "char"}, {TS_SHORT, "short"},
    {TS_INT, "int"}, {TS_LONG, "long"}, {TS_FLOAT, "float"}, {TS_DOUBLE, "double"},
    {TS_SIGNED, "signed"}, {TS_UNSIGNED, "unsigned"}, {TS_COMPLEX, "_Complex"},
  };
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    for (unsigned k = (s->spec / words[i].bit) & 3; k > 0; k--)
      fprintf(out, "%s ", words[i].name);
  if (s->typedef_name)
    fprintf(out, "typedef-name %s ", s->typedef_name);
  if (s->su)
    dump_struct(out, s->su, ind);
  if (s->en) {
    fprintf(out, "enum %s", s->en->tag ? s->en->tag : "<anon>");
    dump_loc(out, s->en->loc);
    if (s->en->has_body && ind >= 0) {
      fputs(" {", out);
      for (EnumItem *e = s->en->items; e; e = e->next) {
        fprintf(out, " %s", e->name);
        dump_loc(out, e->loc);
        if (e->value) {
          fputs(" =\n", out);
          dump_node(out, e->value, ind + 2);
          pad(out, ind + 1);
        }
        fputs(e->next ? "," : " ", out);
      }
      fputs("}", out);
    }
  }
  fputs(">", out);
  dump_loc(out, s->loc);
}

static void dump_pinit(FILE *out, PInit *p, int ind) {
  for (; p; p = p->next) {
    pad(out, ind);
    fputs("INIT", out);
    dump_loc(out, p->loc);
    for (Designator *d = p->desig; d; d = d->next) {
      if (d->field) {
        fprintf(out, " .%s", d->field);
        dump_loc(out, d->loc);
      } else {
        fputs(" [", out);
        dump_loc(out, d->loc);
        fputs("]\n", out);
        dump_node(out, d->index, ind + 2);
        pad(out, ind + 1);
      }
    }
    if (p->expr) {
      fputc('\n', out);
      dump_node(out, p->expr, ind + 1);
    } else {
      fputs(" {\n", out);
      dump_pinit(out, p->list, ind + 1);
      pad(out, ind);
      fputs("}\n", out);
    }
  }
}

static void dump_list(FILE *out, const char *label, Node *n, int ind) {
  if (!n)
    return;
  pad(out, ind);
  fprintf(out, "%s:\n", label);
  for (; n; n = n->next)
    dump_node(out, n, ind + 1);
}

static void dump_node(FILE *out, Node *n, int ind) {
  pad(out, ind);
  if (!n) {
    fputs("-\n", out);
    return;
  }
  fputs(node_kind_name(n->kind), out);
  dump_loc(out, n->loc);
  switch (n->kind) {
  case ND_NUM:
    if (n->ty && (n->ty->kind == TY_FLOAT || n->ty->kind == TY_DOUBLE))
      fprintf(out, " %.17g", n->fval);
    else
      fprintf(out, " %lld", n->ival);
    if (n->ty)
      fprintf(out, " %s", n->ty->kind == TY_INT      ? "int"
                          : n->ty->kind == TY_UINT   ? "unsigned"
                          : n->ty->kind == TY_LONG   ? "long"
                          : n->ty->kind == TY_ULONG  ? "unsigned long"
                          : n->ty->kind == TY_LLONG  ? "long long"
                          : n->ty->kind == TY_ULLONG ? "unsigned long long"
                          : n->ty->kind == TY_FLOAT  ? "float"
                          : n->ty->kind == TY_DOUBLE ? "double"
                                                     : "?");
    break;
  case ND_STR:
    fputc(' ', out);
    dump_bytes(out, n->str, n->strlen);
    break;
  case ND_IDENT:
  case ND_GOTO:
    fprintf(out, " %s", n->name);
    break;
  case ND_MEMBER:
  case ND_ARROW:
  case ND_LABEL:
    fprintf(out, " %s", n->name);
    dump_loc(out, n->name_loc);
    break;
  case ND_ASSIGN_OP:
    fprintf(out, " %s", node_kind_name(n->op));
    break;
  default:
    break;
  }
  if (n->type_syntax) {
    fputc(' ', out);
    dump_spec(out, n->type_syntax, ind);
    fputc(' ', out);
    dump_declarator(out, n->type_decl);
  }
  fputc('\n', out);
  if (n->pinit)
    dump_pinit(out, n->pinit, ind + 1);
  if (n->kind == ND_BLOCK) {
    for (Node *s = n->body; s; s = s->next)
      dump_node(out, s, ind + 1);
    return;
  }
  if (n->kind == ND_FOR) {
    dump_list(out, "init", n->init, ind + 1);
    if (n->cond) dump_node(out, n->cond, ind + 1);
    else { pad(out, ind + 1); fputs("-\n", out); }
    if (n->inc) dump_node(out, n->inc, ind + 1);
    else { pad(out, ind + 1); fputs("-\n", out); }
    dump_node(out, n->then, ind + 1);
    return;
  }
  if (n->cond) dump_node(out, n->cond, ind + 1);
  if (n->lhs) dump_node(out, n->lhs, ind + 1);
  if (n->rhs) dump_node(out, n->rhs, ind + 1);
  if (n->then) dump_node(out, n->then, ind + 1);
  if (n->els) dump_node(out, n->els, ind + 1);
  dump_list(out, "args", n->args, ind + 1);
}

void ast_dump(FILE *out, ExtDecl *decls) {
  for (ExtDecl *e = decls; e; e = e->next) {
    fprintf(out, "%s", e->body ? "FUNCDEF" : "EXTDECL");
    dump_loc(out, e->loc);
    if (e->in_runtime_header)
      fputs(" [runtime]", out);
    fputc(' ', out);
    dump_spec(out, e->spec, 0);
    fputc(' ', out);
    dump_declarator(out, e->decl);
    fputc('\n', out);
    if (e->pinit)
      dump_pinit(out, e->pinit, 1);
    if (e->body)
      dump_node(out, e->body, 1);
  }
}

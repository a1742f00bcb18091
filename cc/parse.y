/* parse.y -- the grammar of Cuckoo; builds the AST of cc.h and nothing else.
 *
 * The language is C99 minus what LANGUAGE.md §1 removes, plus `new`,
 * `delete`, `lengthof`, `spawn` and the qualifier `global`.  Things Cuckoo
 * rejects but that are easier to explain once they are parsed (bit-fields,
 * K&R definitions, `[static N]`, `_Complex`, `long double`) are parsed and
 * recorded for check.c; inline assembly is reported here.  No types are
 * built and no names are resolved: the result is a list of ExtDecl.
 *
 * Source positions (Loc) -- every node gets the Loc of its FIRST token,
 * except:
 *   - binary operators, `=` and compound assignments, `,`: the operator;
 *   - a[i]: the `[`;  p->f: the `->`;  s.f: the `.`  (name_loc: the `f`);
 *   - *p, &x, unary + - ! ~, prefix and postfix ++ --: the operator;
 *   - a call: the first token of the callee expression;
 *   - a cast and a compound literal: the `(`;
 *   - sizeof, lengthof, new, delete, spawn: the keyword;
 *   - a ? b : c: the `?`;
 *   - statements: their keyword (`{` for a block, the first token of the
 *     expression for an expression statement, the name for a label);
 *   - ND_DECL: the first token of the declaration; ExtDecl, DeclSpec,
 *     ParamSyn, MemberSyn: the first token of their declaration;
 *   - Declarator: DK_IDENT the identifier (or, when abstract, the token
 *     after which the name would be), DK_PTR the `*`, DK_ARRAY the `[`,
 *     DK_FUNC the `(`;
 *   - StructSyn/EnumSyn: the `struct`/`union`/`enum` keyword; EnumItem
 *     and ND_IDENT: the name; Designator: its `.` or `[`;
 *   - PInit: the first token of the initializer after any designators.
 *
 * Shapes the checker can rely on:
 *   - A declaration with several declarators gives one ExtDecl / ND_DECL
 *     per declarator, all sharing one DeclSpec; `struct S {...};` alone
 *     gives one with decl == NULL.
 *   - An abstract declarator always ends in a DK_IDENT leaf with name NULL;
 *     a type name without one (`(int)`) has type_decl == NULL, and so has
 *     a parameter without a declarator (ParamSyn.decl).
 *   - `f(void)` is DK_FUNC with params == NULL; `f()` has no_proto set.
 *   - K&R `f(a, b)` has kr_style set and one ParamSyn per name with
 *     spec == NULL (the declarations before the body are dropped).
 *   - for (init; ...): `init` is an ND_EXPR_STMT, or a list of ND_DECL
 *     linked by next, or NULL.
 *   - ND_CASE: the value expression is `lhs`; ND_SWITCH's case list is
 *     left for check.c to build.
 *   - A compound literal's brace list is `pinit` (a PInit whose `list`
 *     holds the items).
 *   - true/false are ND_NUM of type int; NULL is ND_NULL of type
 *     ty_nulltype; character constants are ND_NUM of type int.
 *
 * Typedef names: the classic lexer feedback.  The parser keeps a scoped
 * table of the ordinary identifiers declared so far; yylex() returns
 * TYPEDEF_NAME for a name whose innermost declaration is a typedef.  To
 * let an inner declaration reuse a typedef name (`typedef int T; { int T;
 * ... }`), declaration specifiers are split into those that already hold
 * a type specifier and those that do not (after the former a TYPEDEF_NAME
 * can only be the declarator's name), after J.-H. Jourdan and F. Pottier,
 * "A simple, possibly correct LR parser for C11".  A parameter's name may
 * be a typedef name only outside parentheses (`int (T)` is a function
 * taking a T, as C says).  A name is entered in its scope as soon as its
 * declarator is complete, and the lookahead token, when already read, is
 * classified again whenever a scope opens or closes or a name is added.
 */

%require "3.6"
%define api.pure full
%define parse.error custom
%define parse.lac full
%locations
%define api.location.type {TokLoc}
%param {Parser *ps}
%expect 1   /* the dangling else: shifting binds it to the nearest if */
%initial-action {
  ps->yychar_p = &yychar;
  ps->yylval_p = &yylval;
  ps->lac_p = &yy_lac_established;
}

%code requires {
#include "cc.h"

/* A token's position, and whether it lies between `#pragma cuckoo runtime`
 * and `#pragma cuckoo end`. */
typedef struct TokLoc {
  Loc loc;
  bool rt;
} TokLoc;

typedef struct Parser Parser;
typedef struct InitDecl InitDecl;
struct InitDecl {                 /* one init-declarator of a declaration */
  InitDecl *next;
  Declarator *decl;
  PInit *init;
};
typedef struct { Node *head, *tail; } NodeList;
typedef struct { PInit *head, *tail; } PInitList;
typedef struct { DeclSpec *spec; InitDecl *list; Loc loc; bool rt; } DeclRes;
}

%code provides {
/* ---- lex.l: the lexer.  It never returns TYPEDEF_NAME (yylex() in
 * parse.y decides that).  Token values: IDENTIFIER -> name, CONSTANT ->
 * node (an ND_NUM), STRING -> str (bytes without the NUL). */
typedef struct Lexer Lexer;
Lexer *lexer_new(const char *text, size_t len, const char *file);
void lexer_free(Lexer *lx);
int lexer_next(Lexer *lx, YYSTYPE *val, YYLTYPE *loc);   /* 0 at the end */
const char *lexer_text(Lexer *lx);        /* spelling of the last token */
const char *token_name(int kind);         /* "'int'", "'->'", "identifier" */
}

%code {
#include <stdlib.h>
#include <string.h>

#define YYLLOC_DEFAULT(Cur, Rhs, N)                  \
  do {                                               \
    if (N) (Cur) = YYRHSLOC(Rhs, 1);                 \
    else (Cur) = YYRHSLOC(Rhs, 0);                   \
  } while (0)
#define YYLOCATION_PRINT(File, Loc) ((void)0)

/* ---- the scoped table of ordinary identifiers ---------------------- */

typedef struct Sym Sym;
struct Sym {
  Sym *shadow;                    /* the declaration it hides, same name */
  Sym *bucket_next;
  char *name;
  bool is_typedef;
  int depth;
};

#define NBUCKETS 1024

struct Parser {
  Lexer *lx;
  ExtDecl *head, *tail;           /* the result */
  bool ok;
  int depth;                      /* 0: file scope */
  Sym *buckets[NBUCKETS];         /* name -> innermost Sym (with shadow chain) */
  Vec scope_log;                  /* Sym* in declaration order, for popping */
  Vec specs;                      /* DeclSpec* of the declarations being parsed */
  char last[64];                  /* spelling of the last token read */
  int last_tok;                   /* its kind */
  char prev[64];                  /* the token before it, for "unknown type name" */
  int prev_tok;
  Loc prev_loc, last_loc;
  int *yychar_p;                  /* the parser's lookahead, to reclassify it */
  int *lac_p;                     /* its LAC flag: a reclassified token needs a new check */
  YYSTYPE *yylval_p;
};

static unsigned hash_name(const char *s) {
  unsigned h = 2166136261u;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 16777619u;
  return h % NBUCKETS;
}

static Sym *sym_lookup(Parser *ps, const char *name) {
  for (Sym *s = ps->buckets[hash_name(name)]; s; s = s->bucket_next)
    if (!strcmp(s->name, name))
      return s;
  return NULL;
}

static void sym_declare(Parser *ps, char *name, bool is_typedef) {
  if (!name)
    return;
  unsigned h = hash_name(name);
  Sym **pp = &ps->buckets[h];
  for (; *pp; pp = &(*pp)->bucket_next)
    if (!strcmp((*pp)->name, name))
      break;
  Sym *old = *pp;
  if (old && old->depth == ps->depth) {   /* redeclaration in the same scope */
    old->is_typedef = is_typedef;
    return;
  }
  Sym *s = xmalloc(sizeof *s);
  s->name = name;
  s->is_typedef = is_typedef;
  s->depth = ps->depth;
  s->shadow = old;
  if (old) {                      /* take old's place in the bucket */
    s->bucket_next = old->bucket_next;
    *pp = s;
  } else {
    s->bucket_next = ps->buckets[h];
    ps->buckets[h] = s;
  }
  vec_push(&ps->scope_log, s);
}

/* After the table changed: the lookahead, if already read, may now be
 * classified differently. */
static void reclassify(Parser *ps) {
  int *c = ps->yychar_p;
  if (!c || !ps->yylval_p)
    return;
  if (*c == IDENTIFIER || *c == TYPEDEF_NAME) {
    Sym *s = sym_lookup(ps, ps->yylval_p->name);
    int k = s && s->is_typedef ? TYPEDEF_NAME : IDENTIFIER;
    if (k != *c) {
      *c = k;
      if (ps->lac_p)
        *ps->lac_p = 0;
    }
  }
}

static void scope_open(Parser *ps) {
  ps->depth++;
  reclassify(ps);
}

static void scope_close(Parser *ps) {
  if (ps->depth == 0)
    return;
  while (ps->scope_log.len > 0) {
    Sym *s = ps->scope_log.v[ps->scope_log.len - 1];
    if (s->depth < ps->depth)
      break;
    ps->scope_log.len--;
    /* unlink s, restoring what it shadowed */
    Sym **pp = &ps->buckets[hash_name(s->name)];
    while (*pp != s)
      pp = &(*pp)->bucket_next;
    if (s->shadow) {
      s->shadow->bucket_next = s->bucket_next;
      *pp = s->shadow;
    } else {
      *pp = s->bucket_next;
    }
  }
  ps->depth--;
  reclassify(ps);
}

static void scope_reset(Parser *ps) {   /* after a syntax error at file scope */
  while (ps->depth > 0)
    scope_close(ps);
  ps->specs.len = 0;
}

/* ---- helpers that build the AST --------------------------------------- */

#define L(x) ((x).loc)

static DeclSpec *cur_spec(Parser *ps) {
  return ps->specs.len ? ps->specs.v[ps->specs.len - 1] : NULL;
}
static void spec_pop(Parser *ps) {
  if (ps->specs.len)
    ps->specs.len--;
}

static char *decl_name(Declarator *d) {
  while (d && d->kind != DK_IDENT)
    d = d->inner;
  return d ? d->name : NULL;
}

/* Enters the name of a declarator of the current declaration. */
static void declare(Parser *ps, Declarator *d) {
  DeclSpec *sp = cur_spec(ps);
  sym_declare(ps, decl_name(d), sp && (sp->storage & SC_TYPEDEF));
  reclassify(ps);
}

static DeclSpec *new_spec(Loc loc) {
  DeclSpec *s = xmalloc(sizeof *s);
  s->loc = loc;
  return s;
}

static const char *storage_name(unsigned sc) {
  switch (sc) {
  case SC_TYPEDEF: return "typedef";
  case SC_EXTERN: return "extern";
  case SC_STATIC: return "static";
  case SC_AUTO: return "auto";
  case SC_REGISTER: return "register";
  }
  return "?";
}

/* Merges the specifier B (one word) into the list A. */
static DeclSpec *spec_merge(DeclSpec *a, DeclSpec *b) {
  unsigned sc = b->storage & (SC_TYPEDEF | SC_EXTERN | SC_STATIC | SC_AUTO | SC_REGISTER);
  if (sc && (a->storage & (SC_TYPEDEF | SC_EXTERN | SC_STATIC | SC_AUTO | SC_REGISTER))) {
    if (a->storage & sc)
      error_at(b->loc, "duplicate '%s'; write it once", storage_name(sc));
    else
      error_at(b->loc, "more than one storage class in a declaration; keep only one");
  }
  a->storage |= b->storage;
  a->spec += b->spec;
  a->qual |= b->qual;
  if (b->typedef_name) a->typedef_name = b->typedef_name;
  if (b->su) a->su = b->su;
  if (b->en) a->en = b->en;
  return a;
}

static DeclSpec *spec_word(unsigned spec, Loc loc) {
  DeclSpec *s = new_spec(loc);
  s->spec = spec;
  return s;
}

static Declarator *new_declarator(DeclKind kind, Declarator *inner, Loc loc) {
  Declarator *d = xmalloc(sizeof *d);
  d->kind = kind;
  d->inner = inner;
  d->loc = loc;
  return d;
}

/* A pointer chain is built head (first `*`, outermost) to tail; the
 * declarator it applies to becomes the tail's inner. */
static Declarator *ptr_apply(Declarator *ptr, Declarator *d) {
  Declarator *t = ptr;
  while (t->inner)
    t = t->inner;
  t->inner = d;
  return ptr;
}

static Declarator *abstract_leaf(Loc loc) {
  return new_declarator(DK_IDENT, NULL, loc);
}

/* Completes a function declarator from its parameter list; `(void)`
 * becomes no parameters. */
static Declarator *func_decl(Declarator *inner, Declarator *f, Loc loc) {
  f->inner = inner;
  f->loc = loc;
  ParamSyn *p = f->params;
  if (p && !p->next && !f->variadic && !p->decl && p->spec && p->spec->spec == TS_VOID &&
      !p->spec->storage && !p->spec->qual)
    f->params = NULL;
  return f;
}

static Declarator *array_decl(Declarator *inner, Declarator *a, Loc loc) {
  a->inner = inner;
  a->loc = loc;
  return a;
}

static ParamSyn *param_append(ParamSyn *list, ParamSyn *p) {
  if (!list)
    return p;
  ParamSyn *t = list;
  while (t->next)
    t = t->next;
  t->next = p;
  return list;
}

static ParamSyn *new_param(DeclSpec *spec, Declarator *d, Loc loc) {
  ParamSyn *p = xmalloc(sizeof *p);
  p->spec = spec;
  p->decl = d;
  p->loc = loc;
  return p;
}

/* The function declarator that gives a definition its parameters: the
 * DK_FUNC applied last, i.e. the one nearest the name. */
static Declarator *def_func(Declarator *d) {
  Declarator *f = NULL;
  for (; d && d->kind != DK_IDENT; d = d->inner)
    if (d->kind == DK_FUNC)
      f = d;
  return f;
}

static NodeList nl_one(Node *n) {
  NodeList l = {n, n};
  while (l.tail && l.tail->next)
    l.tail = l.tail->next;
  return l;
}
static NodeList nl_append(NodeList l, Node *n) {
  if (!n)
    return l;
  if (!l.head)
    return nl_one(n);
  l.tail->next = n;
  while (l.tail->next)
    l.tail = l.tail->next;
  return l;
}

static PInitList il_append(PInitList l, PInit *p) {
  if (!l.head)
    l.head = p;
  else
    l.tail->next = p;
  l.tail = p;
  return l;
}

static Node *ident(char *name, Loc loc) {
  Node *n = new_node(ND_IDENT, loc);
  n->name = name;
  return n;
}

static Node *type_node(NodeKind kind, Node *tn, Loc loc) {   /* tn: a parsed type name */
  tn->kind = kind;
  tn->loc = loc;
  return tn;
}

static Node *member(NodeKind kind, Node *lhs, char *name, Loc loc, Loc name_loc) {
  Node *n = new_unary(kind, lhs, loc);
  n->name = name;
  n->name_loc = name_loc;
  return n;
}

static Node *decls_to_nodes(DeclRes d) {
  if (!d.list) {
    Node *n = new_node(ND_DECL, d.loc);
    n->type_syntax = d.spec;
    return n;
  }
  NodeList l = {0};
  for (InitDecl *i = d.list; i; i = i->next) {
    Node *n = new_node(ND_DECL, d.loc);
    n->type_syntax = d.spec;
    n->type_decl = i->decl;
    n->pinit = i->init;
    l = nl_append(l, n);
  }
  return l.head;
}

static void ext_append(Parser *ps, ExtDecl *e) {
  if (ps->tail)
    ps->tail->next = e;
  else
    ps->head = e;
  ps->tail = e;
}

static ExtDecl *new_ext(DeclSpec *spec, Declarator *d, Loc loc, bool rt) {
  ExtDecl *e = xmalloc(sizeof *e);
  e->spec = spec;
  e->decl = d;
  e->loc = loc;
  e->in_runtime_header = rt;
  return e;
}

static int yylex(YYSTYPE *lval, YYLTYPE *lloc, Parser *ps);
static void yyerror(YYLTYPE *lloc, Parser *ps, const char *msg);
}

%union {
  char *name;
  Node *node;
  struct { char *s; int len; } str;
  NodeList nl;
  PInitList il;
  PInit *pinit;
  Designator *desig;
  DeclSpec *spec;
  Declarator *decl;
  InitDecl *idecl;
  DeclRes dr;
  StructSyn *su;
  MemberSyn *mem;
  EnumItem *item;
  ParamSyn *param;
  ExtDecl *ext;
  unsigned uval;
  NodeKind kind;
}

%token <name> IDENTIFIER "identifier"
%token <name> TYPEDEF_NAME "type name"
%token <node> CONSTANT "constant"
%token <str> STRING "string literal"

%token KW_AUTO "'auto'" KW_BREAK "'break'" KW_CASE "'case'" KW_CHAR "'char'"
       KW_CONST "'const'" KW_CONTINUE "'continue'" KW_DEFAULT "'default'"
       KW_DO "'do'" KW_DOUBLE "'double'" KW_ELSE "'else'" KW_ENUM "'enum'"
       KW_EXTERN "'extern'" KW_FLOAT "'float'" KW_FOR "'for'" KW_GOTO "'goto'"
       KW_IF "'if'" KW_INLINE "'inline'" KW_INT "'int'" KW_LONG "'long'"
       KW_REGISTER "'register'" KW_RETURN "'return'" KW_SHORT "'short'"
       KW_SIGNED "'signed'" KW_SIZEOF "'sizeof'" KW_STATIC "'static'"
       KW_STRUCT "'struct'" KW_SWITCH "'switch'" KW_TYPEDEF "'typedef'"
       KW_UNION "'union'" KW_UNSIGNED "'unsigned'" KW_VOID "'void'"
       KW_VOLATILE "'volatile'" KW_WHILE "'while'" KW_BOOL "'_Bool'"
       KW_NORETURN "'_Noreturn'" KW_TRUE "'true'" KW_FALSE "'false'"
       KW_NULL "'NULL'" KW_NEW "'new'" KW_DELETE "'delete'" KW_RENEW "'renew'"
       KW_LENGTHOF "'lengthof'" KW_SPAWN "'spawn'" KW_GLOBAL "'global'"
       KW_DOMAIN_NEW "'domain_new'" KW_DOMAIN_CALL "'domain_call'"
       KW_OWN "'own'" KW_SHARE "'share'" KW_TAKE "'take'" KW_CHAN_SEND "'chan_send'"
       KW_CHAN_RECV "'chan_recv'"
       KW_COMPLEX "'_Complex'" KW_ASM "'asm'"
%token ARROW "'->'" INC "'++'" DEC "'--'" SHL "'<<'" SHR "'>>'" LE "'<='"
       GE "'>='" EQ "'=='" NE "'!='" ANDAND "'&&'" OROR "'||'"
       MUL_ASSIGN "'*='" DIV_ASSIGN "'/='" MOD_ASSIGN "'%='" ADD_ASSIGN "'+='"
       SUB_ASSIGN "'-='" SHL_ASSIGN "'<<='" SHR_ASSIGN "'>>='" AND_ASSIGN "'&='"
       XOR_ASSIGN "'^='" OR_ASSIGN "'|='" ELLIPSIS "'...'"

%type <name> general_identifier
%type <node> primary_expression postfix_expression unary_expression cast_expression
             multiplicative_expression additive_expression shift_expression
             relational_expression equality_expression and_expression
             exclusive_or_expression inclusive_or_expression logical_and_expression
             logical_or_expression conditional_expression assignment_expression
             expression constant_expression expression_opt string_literal type_name
             statement labeled_statement compound_statement expression_statement
             selection_statement iteration_statement jump_statement block_item
             for_init
%type <nl> argument_expression_list block_item_list
%type <kind> assignment_operator
%type <spec> declaration_specifiers ds_pre ds_u ds_n ds_other specifier_qualifier_list
             sq_pre sq_u sq_n type_unique type_nonunique storage_class_specifier
             function_specifier type_qualifier_spec
%type <uval> type_qualifier type_qualifier_list
%type <decl> declarator direct_declarator pointer abstract_declarator
             direct_abstract_declarator param_declarator param_direct_declarator
             id_declarator id_direct_declarator array_inside func_params
             declarator_reg
%type <idecl> init_declarator init_declarator_list
%type <dr> declaration
%type <pinit> initializer initializer_item
%type <il> initializer_list
%type <desig> designation designator_list designator
%type <su> struct_or_union_specifier struct_or_union
%type <mem> struct_declaration_list struct_declaration struct_declarator_list
            struct_declarator
%type <spec> enum_specifier
%type <item> enumerator_list enumerator
%type <name> enumerator_name
%type <param> parameter_list parameter_declaration identifier_list
%type <ext> function_head

%start translation_unit

%%

/* ======================================================================
 * External definitions
 * ====================================================================== */

/* translation-unit: external-declaration* */
translation_unit
  : %empty
  | translation_unit external_declaration
  ;

/* external-declaration: function-definition | declaration | ';' */
external_declaration
  : function_definition
  | declaration
      {
        if (!$1.list) {
          ext_append(ps, new_ext($1.spec, NULL, $1.loc, $1.rt));
        } else {
          for (InitDecl *i = $1.list; i; i = i->next) {
            ExtDecl *e = new_ext($1.spec, i->decl, $1.loc, $1.rt);
            e->pinit = i->init;
            ext_append(ps, e);
          }
        }
      }
  | ';'
  | error ';'  { scope_reset(ps); }
  | error '}'  { scope_reset(ps); }
  ;

/* function-definition:
 *     declaration-specifiers declarator declaration* compound-statement
 * The parameters are entered in the body's scope before the `{`. */
function_definition
  : function_head '{' block_item_list '}'
      { $1->body = new_node(ND_BLOCK, L(@2)); $1->body->body = $3.head;
        scope_close(ps); spec_pop(ps); }
  | function_head '{' block_item_list error '}'
      { $1->body = new_node(ND_BLOCK, L(@2)); $1->body->body = $3.head;
        scope_close(ps); spec_pop(ps); yyerrok; }
  ;

function_head
  : declaration_specifiers spec_push declarator
      { declare(ps, $3);
        scope_open(ps);
        Declarator *f = def_func($3);
        if (f)
          for (ParamSyn *p = f->params; p; p = p->next)
            if (p->decl)
              sym_declare(ps, decl_name(p->decl), false);
        reclassify(ps);
        $$ = new_ext($1, $3, L(@1), @1.rt);
        ext_append(ps, $$); }
  | declaration_specifiers spec_push declarator kr_declaration_list
      { declare(ps, $3);
        scope_open(ps);
        Declarator *f = def_func($3);
        if (f)
          for (ParamSyn *p = f->params; p; p = p->next)
            if (p->decl)
              sym_declare(ps, decl_name(p->decl), false);
        reclassify(ps);
        $$ = new_ext($1, $3, L(@1), @1.rt);
        ext_append(ps, $$); }
  ;

/* The declarations of a K&R definition: parsed, then dropped (check.c
 * rejects kr_style). */
kr_declaration_list
  : declaration               { (void)$1; }
  | kr_declaration_list declaration { (void)$2; }
  ;

/* ======================================================================
 * Declarations
 * ====================================================================== */

/* declaration: declaration-specifiers init-declarator-list? ';' */
declaration
  : declaration_specifiers ';'
      { $$.spec = $1; $$.list = NULL; $$.loc = L(@1); $$.rt = @1.rt; }
  | declaration_specifiers spec_push init_declarator_list ';'
      { $$.spec = $1; $$.list = $3; $$.loc = L(@1); $$.rt = @1.rt; spec_pop(ps); }
  ;

/* (no syntax) makes the declaration specifiers just parsed the current
 * ones, so that each declarator knows whether it declares a typedef name. */
spec_push
  : %empty   { vec_push(&ps->specs, $<spec>0); }
  ;

/* declaration-specifiers:
 *     (storage-class | type-qualifier | function-specifier)*
 *     with exactly one "unique" type specifier (void, _Bool, struct, union,
 *     enum, a typedef name) or one or more of char short int long float
 *     double signed unsigned _Complex, anywhere in the list.
 * ds_pre holds no type specifier yet; ds_u and ds_n do. */
declaration_specifiers
  : ds_u
  | ds_n
  ;

ds_pre
  : ds_other
  | ds_pre ds_other              { $$ = spec_merge($1, $2); }
  ;

ds_u
  : type_unique
  | ds_pre type_unique           { $$ = spec_merge($1, $2); }
  | ds_u ds_other                { $$ = spec_merge($1, $2); }
  ;

ds_n
  : type_nonunique
  | ds_pre type_nonunique        { $$ = spec_merge($1, $2); }
  | ds_n type_nonunique          { $$ = spec_merge($1, $2); }
  | ds_n ds_other                { $$ = spec_merge($1, $2); }
  ;

ds_other
  : storage_class_specifier
  | type_qualifier_spec
  | function_specifier
  ;

/* storage-class-specifier: typedef | extern | static | auto | register */
storage_class_specifier
  : KW_TYPEDEF   { $$ = new_spec(L(@1)); $$->storage = SC_TYPEDEF; }
  | KW_EXTERN    { $$ = new_spec(L(@1)); $$->storage = SC_EXTERN; }
  | KW_STATIC    { $$ = new_spec(L(@1)); $$->storage = SC_STATIC; }
  | KW_AUTO      { $$ = new_spec(L(@1)); $$->storage = SC_AUTO; }
  | KW_REGISTER  { $$ = new_spec(L(@1)); $$->storage = SC_REGISTER; }
  ;

/* function-specifier: inline | _Noreturn */
function_specifier
  : KW_INLINE    { $$ = new_spec(L(@1)); $$->storage = FS_INLINE; }
  | KW_NORETURN  { $$ = new_spec(L(@1)); $$->storage = FS_NORETURN; }
  ;

type_qualifier_spec
  : type_qualifier  { $$ = new_spec(L(@1)); $$->qual = $1; }
  ;

/* type-qualifier: const | volatile | global */
type_qualifier
  : KW_CONST     { $$ = Q_CONST; }
  | KW_VOLATILE  { $$ = Q_VOLATILE; }
  | KW_GLOBAL    { $$ = Q_GLOBAL; }
  | KW_OWN       { $$ = Q_OWN; }
  ;

type_qualifier_list
  : type_qualifier
  | type_qualifier_list type_qualifier  { $$ = $1 | $2; }
  ;

/* type-specifier (unique): void | _Bool | struct-or-union-specifier |
 *     enum-specifier | typedef-name */
type_unique
  : KW_VOID                    { $$ = spec_word(TS_VOID, L(@1)); }
  | KW_BOOL                    { $$ = spec_word(TS_BOOL, L(@1)); }
  | struct_or_union_specifier  { $$ = spec_word(TS_OTHER, L(@1)); $$->su = $1; }
  | enum_specifier
  | TYPEDEF_NAME               { $$ = spec_word(TS_OTHER, L(@1)); $$->typedef_name = $1; }
  ;

/* type-specifier (combinable): char | short | int | long | float | double |
 *     signed | unsigned | _Complex */
type_nonunique
  : KW_CHAR      { $$ = spec_word(TS_CHAR, L(@1)); }
  | KW_SHORT     { $$ = spec_word(TS_SHORT, L(@1)); }
  | KW_INT       { $$ = spec_word(TS_INT, L(@1)); }
  | KW_LONG      { $$ = spec_word(TS_LONG, L(@1)); }
  | KW_FLOAT     { $$ = spec_word(TS_FLOAT, L(@1)); }
  | KW_DOUBLE    { $$ = spec_word(TS_DOUBLE, L(@1)); }
  | KW_SIGNED    { $$ = spec_word(TS_SIGNED, L(@1)); }
  | KW_UNSIGNED  { $$ = spec_word(TS_UNSIGNED, L(@1)); }
  | KW_COMPLEX   { $$ = spec_word(TS_COMPLEX, L(@1)); }
  ;

/* specifier-qualifier-list: like declaration-specifiers with only type
 * specifiers and qualifiers (sq_pre: no type specifier yet). */
specifier_qualifier_list
  : sq_u
  | sq_n
  ;

sq_pre
  : type_qualifier_spec
  | sq_pre type_qualifier_spec   { $$ = spec_merge($1, $2); }
  ;

sq_u
  : type_unique
  | sq_pre type_unique           { $$ = spec_merge($1, $2); }
  | sq_u type_qualifier_spec     { $$ = spec_merge($1, $2); }
  ;

sq_n
  : type_nonunique
  | sq_pre type_nonunique        { $$ = spec_merge($1, $2); }
  | sq_n type_nonunique          { $$ = spec_merge($1, $2); }
  | sq_n type_qualifier_spec     { $$ = spec_merge($1, $2); }
  ;

/* init-declarator-list: init-declarator (',' init-declarator)* */
init_declarator_list
  : init_declarator
  | init_declarator_list ',' init_declarator
      { InitDecl *t = $1; while (t->next) t = t->next; t->next = $3; $$ = $1; }
  ;

/* init-declarator: declarator ('=' initializer)? */
init_declarator
  : declarator_reg                  { $$ = xmalloc(sizeof *$$); $$->decl = $1; }
  | declarator_reg '=' initializer  { $$ = xmalloc(sizeof *$$); $$->decl = $1; $$->init = $3; }
  ;

/* (a declarator whose name is now in scope) */
declarator_reg
  : declarator  { declare(ps, $1); $$ = $1; }
  ;

/* struct-or-union-specifier:
 *     struct-or-union identifier? '{' struct-declaration* '}'
 *     struct-or-union identifier */
struct_or_union_specifier
  : struct_or_union '{' struct_declaration_list '}'
      { $$ = $1; $$->has_body = true; $$->members = $3; }
  | struct_or_union general_identifier '{' struct_declaration_list '}'
      { $$ = $1; $$->tag = $2; $$->has_body = true; $$->members = $4; }
  | struct_or_union general_identifier
      { $$ = $1; $$->tag = $2; }
  ;

/* struct-or-union: struct | union */
struct_or_union
  : KW_STRUCT  { $$ = xmalloc(sizeof(StructSyn)); $$->loc = L(@1); }
  | KW_UNION   { $$ = xmalloc(sizeof(StructSyn)); $$->loc = L(@1); $$->is_union = true; }
  ;

struct_declaration_list
  : %empty   { $$ = NULL; }
  | struct_declaration_list struct_declaration
      { if (!$1) $$ = $2;
        else { MemberSyn *t = $1; while (t->next) t = t->next; t->next = $2; $$ = $1; } }
  ;

/* struct-declaration:
 *     specifier-qualifier-list struct-declarator-list? ';'
 * (without declarators: an anonymous struct or union member) */
struct_declaration
  : specifier_qualifier_list struct_declarator_list ';'
      { for (MemberSyn *m = $2; m; m = m->next) { m->spec = $1; m->loc = L(@1); }
        $$ = $2; }
  | specifier_qualifier_list ';'
      { $$ = xmalloc(sizeof(MemberSyn)); $$->spec = $1; $$->loc = L(@1); }
  | error ';'  { $$ = NULL; yyerrok; }
  ;

struct_declarator_list
  : struct_declarator
  | struct_declarator_list ',' struct_declarator
      { MemberSyn *t = $1; while (t->next) t = t->next; t->next = $3; $$ = $1; }
  ;

/* struct-declarator: declarator | declarator? ':' constant-expression */
struct_declarator
  : declarator
      { $$ = xmalloc(sizeof(MemberSyn)); $$->decl = $1; }
  | ':' constant_expression
      { $$ = xmalloc(sizeof(MemberSyn)); $$->bitwidth = $2; }
  | declarator ':' constant_expression
      { $$ = xmalloc(sizeof(MemberSyn)); $$->decl = $1; $$->bitwidth = $3; }
  ;

/* enum-specifier:
 *     enum identifier? '{' enumerator-list ','? '}'
 *     enum identifier */
enum_specifier
  : KW_ENUM '{' enumerator_list '}'
      { $$ = spec_word(TS_OTHER, L(@1)); $$->en = xmalloc(sizeof(EnumSyn));
        $$->en->loc = L(@1); $$->en->has_body = true; $$->en->items = $3; }
  | KW_ENUM '{' enumerator_list ',' '}'
      { $$ = spec_word(TS_OTHER, L(@1)); $$->en = xmalloc(sizeof(EnumSyn));
        $$->en->loc = L(@1); $$->en->has_body = true; $$->en->items = $3; }
  | KW_ENUM general_identifier '{' enumerator_list '}'
      { $$ = spec_word(TS_OTHER, L(@1)); $$->en = xmalloc(sizeof(EnumSyn));
        $$->en->loc = L(@1); $$->en->tag = $2; $$->en->has_body = true; $$->en->items = $4; }
  | KW_ENUM general_identifier '{' enumerator_list ',' '}'
      { $$ = spec_word(TS_OTHER, L(@1)); $$->en = xmalloc(sizeof(EnumSyn));
        $$->en->loc = L(@1); $$->en->tag = $2; $$->en->has_body = true; $$->en->items = $4; }
  | KW_ENUM general_identifier
      { $$ = spec_word(TS_OTHER, L(@1)); $$->en = xmalloc(sizeof(EnumSyn));
        $$->en->loc = L(@1); $$->en->tag = $2; }
  ;

enumerator_list
  : enumerator
  | enumerator_list ',' enumerator
      { EnumItem *t = $1; while (t->next) t = t->next; t->next = $3; $$ = $1; }
  ;

/* enumerator: identifier ('=' constant-expression)? */
enumerator
  : enumerator_name
      { $$ = xmalloc(sizeof(EnumItem)); $$->name = $1; $$->loc = L(@1); }
  | enumerator_name '=' constant_expression
      { $$ = xmalloc(sizeof(EnumItem)); $$->name = $1; $$->loc = L(@1); $$->value = $3; }
  ;

/* (an enumeration constant is an ordinary identifier from here on) */
enumerator_name
  : general_identifier  { sym_declare(ps, $1, false); reclassify(ps); $$ = $1; }
  ;

/* declarator: pointer? direct-declarator */
declarator
  : pointer direct_declarator  { $$ = ptr_apply($1, $2); }
  | direct_declarator
  ;

/* direct-declarator:
 *     identifier | '(' declarator ')'
 *     direct-declarator '[' array-inside ']'
 *     direct-declarator '(' parameter-type-list ')'
 *     direct-declarator '(' identifier-list? ')' */
direct_declarator
  : general_identifier
      { $$ = new_declarator(DK_IDENT, NULL, L(@1)); $$->name = $1; }
  | '(' declarator ')'                       { $$ = $2; }
  | direct_declarator '[' array_inside ']'   { $$ = array_decl($1, $3, L(@2)); }
  | direct_declarator '(' func_params ')'    { $$ = func_decl($1, $3, L(@2)); }
  | direct_declarator '(' identifier_list ')'
      { $$ = new_declarator(DK_FUNC, $1, L(@2)); $$->params = $3; $$->kr_style = true; }
  ;

/* pointer: '*' type-qualifier-list? pointer? */
pointer
  : '*'                              { $$ = new_declarator(DK_PTR, NULL, L(@1)); }
  | '*' type_qualifier_list          { $$ = new_declarator(DK_PTR, NULL, L(@1)); $$->qual = $2; }
  | '*' pointer                      { $$ = new_declarator(DK_PTR, $2, L(@1)); }
  | '*' type_qualifier_list pointer  { $$ = new_declarator(DK_PTR, $3, L(@1)); $$->qual = $2; }
  ;

/* array-inside (between the brackets of an array declarator):
 *     type-qualifier-list? assignment-expression?
 *     static type-qualifier-list? assignment-expression
 *     type-qualifier-list static assignment-expression
 *     type-qualifier-list? '*' */
array_inside
  : %empty
      { $$ = new_declarator(DK_ARRAY, NULL, L(@0)); }
  | assignment_expression
      { $$ = new_declarator(DK_ARRAY, NULL, L(@1)); $$->size = $1; }
  | type_qualifier_list
      { $$ = new_declarator(DK_ARRAY, NULL, L(@1)); $$->qual = $1; }
  | type_qualifier_list assignment_expression
      { $$ = new_declarator(DK_ARRAY, NULL, L(@1)); $$->qual = $1; $$->size = $2; }
  | KW_STATIC assignment_expression
      { $$ = new_declarator(DK_ARRAY, NULL, L(@1)); $$->size = $2; $$->is_static_size = true; }
  | KW_STATIC type_qualifier_list assignment_expression
      { $$ = new_declarator(DK_ARRAY, NULL, L(@1)); $$->qual = $2; $$->size = $3;
        $$->is_static_size = true; }
  | type_qualifier_list KW_STATIC assignment_expression
      { $$ = new_declarator(DK_ARRAY, NULL, L(@1)); $$->qual = $1; $$->size = $3;
        $$->is_static_size = true; }
  | '*'
      { error_at(L(@1), "variable-length arrays are not in Cuckoo; use a pointer to an "
                        "unsized array, 'T (*p)[]'");
        $$ = new_declarator(DK_ARRAY, NULL, L(@1)); }
  | type_qualifier_list '*'
      { error_at(L(@2), "variable-length arrays are not in Cuckoo; use a pointer to an "
                        "unsized array, 'T (*p)[]'");
        $$ = new_declarator(DK_ARRAY, NULL, L(@1)); $$->qual = $1; }
  ;

/* The inside of a function declarator's parentheses:
 *     parameter-type-list | (empty: no prototype) */
func_params
  : %empty
      { $$ = new_declarator(DK_FUNC, NULL, L(@0)); $$->no_proto = true; }
  | parameter_list
      { $$ = new_declarator(DK_FUNC, NULL, L(@1)); $$->params = $1; }
  | parameter_list ',' ELLIPSIS
      { $$ = new_declarator(DK_FUNC, NULL, L(@1)); $$->params = $1; $$->variadic = true; }
  ;

/* parameter-list: parameter-declaration (',' parameter-declaration)* */
parameter_list
  : parameter_declaration
  | parameter_list ',' parameter_declaration  { $$ = param_append($1, $3); }
  ;

/* parameter-declaration:
 *     declaration-specifiers declarator
 *     declaration-specifiers abstract-declarator? */
parameter_declaration
  : declaration_specifiers param_declarator     { $$ = new_param($1, $2, L(@1)); }
  | declaration_specifiers abstract_declarator  { $$ = new_param($1, $2, L(@1)); }
  | declaration_specifiers                      { $$ = new_param($1, NULL, L(@1)); }
  ;

/* A parameter's declarator: its name may be a typedef name being
 * redeclared, except inside parentheses, where C reads a typedef name as
 * the start of a parameter list (so id_declarator takes only identifiers). */
param_declarator
  : pointer param_direct_declarator  { $$ = ptr_apply($1, $2); }
  | param_direct_declarator
  ;

param_direct_declarator
  : general_identifier
      { $$ = new_declarator(DK_IDENT, NULL, L(@1)); $$->name = $1; }
  | '(' id_declarator ')'                          { $$ = $2; }
  | param_direct_declarator '[' array_inside ']'   { $$ = array_decl($1, $3, L(@2)); }
  | param_direct_declarator '(' func_params ')'    { $$ = func_decl($1, $3, L(@2)); }
  ;

id_declarator
  : pointer id_direct_declarator  { $$ = ptr_apply($1, $2); }
  | id_direct_declarator
  ;

id_direct_declarator
  : IDENTIFIER
      { $$ = new_declarator(DK_IDENT, NULL, L(@1)); $$->name = $1; }
  | '(' id_declarator ')'                       { $$ = $2; }
  | id_direct_declarator '[' array_inside ']'   { $$ = array_decl($1, $3, L(@2)); }
  | id_direct_declarator '(' func_params ')'    { $$ = func_decl($1, $3, L(@2)); }
  ;

/* identifier-list: identifier (',' identifier)*   (K&R; rejected later) */
identifier_list
  : IDENTIFIER
      { Declarator *d = new_declarator(DK_IDENT, NULL, L(@1)); d->name = $1;
        $$ = new_param(NULL, d, L(@1)); }
  | identifier_list ',' IDENTIFIER
      { Declarator *d = new_declarator(DK_IDENT, NULL, L(@3)); d->name = $3;
        $$ = param_append($1, new_param(NULL, d, L(@3))); }
  ;

/* type-name: specifier-qualifier-list abstract-declarator?
 * (value: a node holding type_syntax and type_decl; its kind is set by
 * the rule that uses it) */
type_name
  : specifier_qualifier_list
      { $$ = new_node(ND_CAST, L(@1)); $$->type_syntax = $1; }
  | specifier_qualifier_list abstract_declarator
      { $$ = new_node(ND_CAST, L(@1)); $$->type_syntax = $1; $$->type_decl = $2; }
  ;

/* abstract-declarator: pointer | pointer? direct-abstract-declarator */
abstract_declarator
  : pointer                            { $$ = ptr_apply($1, abstract_leaf(L(@1))); }
  | pointer direct_abstract_declarator { $$ = ptr_apply($1, $2); }
  | direct_abstract_declarator
  ;

/* direct-abstract-declarator:
 *     '(' abstract-declarator ')'
 *     direct-abstract-declarator? '[' array-inside ']'
 *     direct-abstract-declarator? '(' parameter-type-list? ')' */
direct_abstract_declarator
  : '(' abstract_declarator ')'      { $$ = $2; }
  | '[' array_inside ']'             { $$ = array_decl(abstract_leaf(L(@1)), $2, L(@1)); }
  | direct_abstract_declarator '[' array_inside ']'
      { $$ = array_decl($1, $3, L(@2)); }
  | '(' func_params ')'              { $$ = func_decl(abstract_leaf(L(@1)), $2, L(@1)); }
  | direct_abstract_declarator '(' func_params ')'
      { $$ = func_decl($1, $3, L(@2)); }
  ;

/* initializer: assignment-expression | '{' initializer-list ','? '}' */
initializer
  : assignment_expression
      { $$ = xmalloc(sizeof(PInit)); $$->expr = $1; $$->loc = L(@1); }
  | '{' initializer_list '}'
      { $$ = xmalloc(sizeof(PInit)); $$->list = $2.head; $$->loc = L(@1); }
  | '{' initializer_list ',' '}'
      { $$ = xmalloc(sizeof(PInit)); $$->list = $2.head; $$->loc = L(@1); }
  | '{' '}'
      { $$ = xmalloc(sizeof(PInit)); $$->loc = L(@1); }
  ;

/* initializer-list: designation? initializer (',' designation? initializer)* */
initializer_list
  : initializer_item                       { $$.head = $$.tail = $1; }
  | initializer_list ',' initializer_item  { $$ = il_append($1, $3); }
  ;

initializer_item
  : initializer
  | designation initializer  { $$ = $2; $$->desig = $1; }
  ;

/* designation: designator+ '=' */
designation
  : designator_list '='
  ;

designator_list
  : designator
  | designator_list designator
      { Designator *t = $1; while (t->next) t = t->next; t->next = $2; $$ = $1; }
  ;

/* designator: '[' constant-expression ']' | '.' identifier */
designator
  : '[' constant_expression ']'
      { $$ = xmalloc(sizeof(Designator)); $$->index = $2; $$->loc = L(@1); }
  | '.' general_identifier
      { $$ = xmalloc(sizeof(Designator)); $$->field = $2; $$->loc = L(@1); }
  ;

/* An identifier that may also be a typedef name (in positions where a
 * type cannot appear: member names, tags, declarator names). */
general_identifier
  : IDENTIFIER
  | TYPEDEF_NAME
  ;

/* ======================================================================
 * Statements
 * ====================================================================== */

/* statement: labeled | compound | expression | selection | iteration | jump */
statement
  : labeled_statement
  | compound_statement
  | expression_statement
  | selection_statement
  | iteration_statement
  | jump_statement
  ;

/* labeled-statement:
 *     identifier ':' statement
 *     case constant-expression ':' statement
 *     default ':' statement */
labeled_statement
  : IDENTIFIER ':' statement
      { $$ = new_node(ND_LABEL, L(@1)); $$->name = $1; $$->name_loc = L(@1); $$->then = $3; }
  | KW_CASE constant_expression ':' statement
      { $$ = new_node(ND_CASE, L(@1)); $$->lhs = $2; $$->then = $4; }
  | KW_DEFAULT ':' statement
      { $$ = new_node(ND_DEFAULT, L(@1)); $$->then = $3; }
  ;

/* compound-statement: '{' block-item* '}'   (a new scope) */
compound_statement
  : '{' scope_open block_item_list '}'
      { $$ = new_node(ND_BLOCK, L(@1)); $$->body = $3.head; scope_close(ps); }
  | '{' scope_open block_item_list error '}'
      { $$ = new_node(ND_BLOCK, L(@1)); $$->body = $3.head; scope_close(ps); yyerrok; }
  ;

scope_open
  : %empty  { scope_open(ps); }
  ;

block_item_list
  : %empty                      { $$.head = $$.tail = NULL; }
  | block_item_list block_item  { $$ = nl_append($1, $2); }
  ;

/* block-item: declaration | statement */
block_item
  : declaration  { $$ = decls_to_nodes($1); }
  | statement
  | error ';'    { $$ = NULL; yyerrok; }
  ;

/* expression-statement: expression? ';' */
expression_statement
  : ';'             { $$ = new_node(ND_NULL_STMT, L(@1)); }
  | expression ';'  { $$ = new_unary(ND_EXPR_STMT, $1, L(@1)); }
  ;

/* selection-statement:
 *     if '(' expression ')' statement (else statement)?
 *     switch '(' expression ')' statement */
selection_statement
  : KW_IF '(' expression ')' statement
      { $$ = new_node(ND_IF, L(@1)); $$->cond = $3; $$->then = $5; }
  | KW_IF '(' expression ')' statement KW_ELSE statement
      { $$ = new_node(ND_IF, L(@1)); $$->cond = $3; $$->then = $5; $$->els = $7; }
  | KW_SWITCH '(' expression ')' statement
      { $$ = new_node(ND_SWITCH, L(@1)); $$->cond = $3; $$->then = $5; }
  ;

/* iteration-statement:
 *     while '(' expression ')' statement
 *     do statement while '(' expression ')' ';'
 *     for '(' (expression? ';' | declaration) expression? ';' expression? ')' statement
 * (a for statement is a scope of its own) */
iteration_statement
  : KW_WHILE '(' expression ')' statement
      { $$ = new_node(ND_WHILE, L(@1)); $$->cond = $3; $$->then = $5; }
  | KW_DO statement KW_WHILE '(' expression ')' ';'
      { $$ = new_node(ND_DO, L(@1)); $$->then = $2; $$->cond = $5; }
  | KW_FOR '(' scope_open for_init expression_opt ';' expression_opt ')' statement
      { $$ = new_node(ND_FOR, L(@1)); $$->init = $4; $$->cond = $5; $$->inc = $7;
        $$->then = $9; scope_close(ps); }
  ;

for_init
  : expression_opt ';'  { $$ = $1 ? new_unary(ND_EXPR_STMT, $1, L(@1)) : NULL; }
  | declaration         { $$ = decls_to_nodes($1); }
  ;

/* jump-statement: goto identifier ';' | continue ';' | break ';' |
 *     return expression? ';' */
jump_statement
  : KW_GOTO general_identifier ';'
      { $$ = new_node(ND_GOTO, L(@1)); $$->name = $2; $$->name_loc = L(@2); }
  | KW_CONTINUE ';'  { $$ = new_node(ND_CONTINUE, L(@1)); }
  | KW_BREAK ';'     { $$ = new_node(ND_BREAK, L(@1)); }
  | KW_RETURN expression_opt ';'
      { $$ = new_node(ND_RETURN, L(@1)); $$->lhs = $2; }
  ;

/* ======================================================================
 * Expressions
 * ====================================================================== */

/* primary-expression:
 *     identifier | constant | string-literal+ | '(' expression ')' |
 *     true | false | NULL */
primary_expression
  : IDENTIFIER          { $$ = ident($1, L(@1)); }
  | CONSTANT            { $$ = $1; $$->loc = L(@1); }
  | string_literal
  | '(' expression ')'  { $$ = $2; $$->parenthesized = true; }
  | KW_TRUE             { $$ = new_num(1, ty_int, L(@1)); }
  | KW_FALSE            { $$ = new_num(0, ty_int, L(@1)); }
  | KW_NULL             { $$ = new_node(ND_NULL, L(@1)); $$->ty = ty_nulltype; }
  ;

/* Adjacent string literals concatenate. */
string_literal
  : STRING
      { $$ = new_node(ND_STR, L(@1)); $$->str = $1.s; $$->strlen = $1.len; }
  | string_literal STRING
      { char *s = xmalloc($1->strlen + $2.len + 1);
        memcpy(s, $1->str, $1->strlen);
        memcpy(s + $1->strlen, $2.s, $2.len);
        $1->str = s;
        $1->strlen += $2.len;
        $$ = $1; }
  ;

/* postfix-expression:
 *     primary-expression
 *     postfix-expression '[' expression ']'
 *     postfix-expression '(' argument-expression-list? ')'
 *     postfix-expression ('.' | '->') identifier
 *     postfix-expression ('++' | '--')
 *     '(' type-name ')' '{' initializer-list ','? '}' */
postfix_expression
  : primary_expression
  | postfix_expression '[' expression ']'   { $$ = new_binary(ND_INDEX, $1, $3, L(@2)); }
  | postfix_expression '(' ')'              { $$ = new_unary(ND_CALL, $1, L(@1)); }
  | postfix_expression '(' argument_expression_list ')'
      { $$ = new_unary(ND_CALL, $1, L(@1)); $$->args = $3.head; }
  | postfix_expression '.' general_identifier
      { $$ = member(ND_MEMBER, $1, $3, L(@2), L(@3)); }
  | postfix_expression ARROW general_identifier
      { $$ = member(ND_ARROW, $1, $3, L(@2), L(@3)); }
  | postfix_expression INC   { $$ = new_unary(ND_POSTINC, $1, L(@2)); }
  | postfix_expression DEC   { $$ = new_unary(ND_POSTDEC, $1, L(@2)); }
  | '(' type_name ')' '{' initializer_list '}'
      { $$ = type_node(ND_COMPOUND_LIT, $2, L(@1));
        $$->pinit = xmalloc(sizeof(PInit)); $$->pinit->list = $5.head; $$->pinit->loc = L(@4); }
  | '(' type_name ')' '{' initializer_list ',' '}'
      { $$ = type_node(ND_COMPOUND_LIT, $2, L(@1));
        $$->pinit = xmalloc(sizeof(PInit)); $$->pinit->list = $5.head; $$->pinit->loc = L(@4); }
  ;

/* argument-expression-list: assignment-expression (',' assignment-expression)* */
argument_expression_list
  : assignment_expression                               { $$ = nl_one($1); }
  | argument_expression_list ',' assignment_expression  { $$ = nl_append($1, $3); }
  ;

/* unary-expression:
 *     postfix-expression
 *     ('++' | '--') unary-expression
 *     ('&' | '*' | '+' | '-' | '~' | '!') cast-expression
 *     (sizeof | lengthof) unary-expression
 *     (sizeof | lengthof) '(' type-name ')'
 *     new '(' type-name ')'
 *     delete '(' expression ')'
 *     renew '(' assignment-expression ',' assignment-expression ')'
 *     spawn identifier '(' argument-expression-list? ')'
 *     domain_new '(' identifier ')'
 *     domain_call '(' assignment-expression ',' identifier (',' argument-expression-list)? ')' */
unary_expression
  : postfix_expression
  | INC unary_expression  { $$ = new_unary(ND_PREINC, $2, L(@1)); }
  | DEC unary_expression  { $$ = new_unary(ND_PREDEC, $2, L(@1)); }
  | '&' cast_expression   { $$ = new_unary(ND_ADDR, $2, L(@1)); }
  | '*' cast_expression   { $$ = new_unary(ND_DEREF, $2, L(@1)); }
  | '+' cast_expression   { $$ = new_unary(ND_PLUS, $2, L(@1)); }
  | '-' cast_expression   { $$ = new_unary(ND_NEG, $2, L(@1)); }
  | '~' cast_expression   { $$ = new_unary(ND_BITNOT, $2, L(@1)); }
  | '!' cast_expression   { $$ = new_unary(ND_NOT, $2, L(@1)); }
  | KW_SIZEOF unary_expression            { $$ = new_unary(ND_SIZEOF, $2, L(@1)); }
  | KW_SIZEOF '(' type_name ')'           { $$ = type_node(ND_SIZEOF, $3, L(@1)); }
  | KW_LENGTHOF unary_expression          { $$ = new_unary(ND_LENGTHOF, $2, L(@1)); }
  | KW_LENGTHOF '(' type_name ')'         { $$ = type_node(ND_LENGTHOF, $3, L(@1)); }
  | KW_NEW '(' type_name ')'              { $$ = type_node(ND_NEW, $3, L(@1)); }
  | KW_DELETE '(' expression ')'          { $$ = new_unary(ND_DELETE, $3, L(@1)); }
  | KW_RENEW '(' assignment_expression ',' assignment_expression ')'
      { $$ = new_binary(ND_RENEW, $3, $5, L(@1)); }
  | KW_SPAWN IDENTIFIER '(' ')'
      { $$ = new_unary(ND_SPAWN, ident($2, L(@2)), L(@1)); }
  | KW_SPAWN IDENTIFIER '(' argument_expression_list ')'
      { $$ = new_unary(ND_SPAWN, ident($2, L(@2)), L(@1)); $$->args = $4.head; }
  | KW_DOMAIN_NEW '(' IDENTIFIER ')'
      { $$ = new_unary(ND_DOMAIN_NEW, ident($3, L(@3)), L(@1)); }
  | KW_DOMAIN_CALL '(' assignment_expression ',' IDENTIFIER ')'
      { $$ = new_binary(ND_DOMAIN_CALL, $3, ident($5, L(@5)), L(@1)); }
  | KW_DOMAIN_CALL '(' assignment_expression ',' IDENTIFIER ',' argument_expression_list ')'
      { $$ = new_binary(ND_DOMAIN_CALL, $3, ident($5, L(@5)), L(@1)); $$->args = $7.head; }
  | KW_SHARE '(' assignment_expression ')'  { $$ = new_unary(ND_SHARE, $3, L(@1)); }
  | KW_TAKE '(' assignment_expression ')'   { $$ = new_unary(ND_TAKE, $3, L(@1)); }
  | KW_CHAN_SEND '(' assignment_expression ',' assignment_expression ')'
      { $$ = new_binary(ND_CHAN_SEND, $3, $5, L(@1)); }
  | KW_CHAN_RECV '(' assignment_expression ',' type_name ')'
      { $$ = type_node(ND_CHAN_RECV, $5, L(@1)); $$->lhs = $3; }
  ;

/* cast-expression: unary-expression | '(' type-name ')' cast-expression */
cast_expression
  : unary_expression
  | '(' type_name ')' cast_expression
      { $$ = type_node(ND_CAST, $2, L(@1)); $$->lhs = $4; }
  ;

/* multiplicative-expression: cast-expression (('*' | '/' | '%') cast-expression)* */
multiplicative_expression
  : cast_expression
  | multiplicative_expression '*' cast_expression  { $$ = new_binary(ND_MUL, $1, $3, L(@2)); }
  | multiplicative_expression '/' cast_expression  { $$ = new_binary(ND_DIV, $1, $3, L(@2)); }
  | multiplicative_expression '%' cast_expression  { $$ = new_binary(ND_MOD, $1, $3, L(@2)); }
  ;

/* additive-expression: multiplicative-expression (('+' | '-') multiplicative-expression)* */
additive_expression
  : multiplicative_expression
  | additive_expression '+' multiplicative_expression  { $$ = new_binary(ND_ADD, $1, $3, L(@2)); }
  | additive_expression '-' multiplicative_expression  { $$ = new_binary(ND_SUB, $1, $3, L(@2)); }
  ;

/* shift-expression: additive-expression (('<<' | '>>') additive-expression)* */
shift_expression
  : additive_expression
  | shift_expression SHL additive_expression  { $$ = new_binary(ND_SHL, $1, $3, L(@2)); }
  | shift_expression SHR additive_expression  { $$ = new_binary(ND_SHR, $1, $3, L(@2)); }
  ;

/* relational-expression: shift-expression (('<' | '>' | '<=' | '>=') shift-expression)* */
relational_expression
  : shift_expression
  | relational_expression '<' shift_expression  { $$ = new_binary(ND_LT, $1, $3, L(@2)); }
  | relational_expression '>' shift_expression  { $$ = new_binary(ND_GT, $1, $3, L(@2)); }
  | relational_expression LE shift_expression   { $$ = new_binary(ND_LE, $1, $3, L(@2)); }
  | relational_expression GE shift_expression   { $$ = new_binary(ND_GE, $1, $3, L(@2)); }
  ;

/* equality-expression: relational-expression (('==' | '!=') relational-expression)* */
equality_expression
  : relational_expression
  | equality_expression EQ relational_expression  { $$ = new_binary(ND_EQ, $1, $3, L(@2)); }
  | equality_expression NE relational_expression  { $$ = new_binary(ND_NE, $1, $3, L(@2)); }
  ;

/* and-expression: equality-expression ('&' equality-expression)* */
and_expression
  : equality_expression
  | and_expression '&' equality_expression  { $$ = new_binary(ND_BITAND, $1, $3, L(@2)); }
  ;

/* exclusive-or-expression: and-expression ('^' and-expression)* */
exclusive_or_expression
  : and_expression
  | exclusive_or_expression '^' and_expression  { $$ = new_binary(ND_BITXOR, $1, $3, L(@2)); }
  ;

/* inclusive-or-expression: exclusive-or-expression ('|' exclusive-or-expression)* */
inclusive_or_expression
  : exclusive_or_expression
  | inclusive_or_expression '|' exclusive_or_expression
      { $$ = new_binary(ND_BITOR, $1, $3, L(@2)); }
  ;

/* logical-and-expression: inclusive-or-expression ('&&' inclusive-or-expression)* */
logical_and_expression
  : inclusive_or_expression
  | logical_and_expression ANDAND inclusive_or_expression
      { $$ = new_binary(ND_LOGAND, $1, $3, L(@2)); }
  ;

/* logical-or-expression: logical-and-expression ('||' logical-and-expression)* */
logical_or_expression
  : logical_and_expression
  | logical_or_expression OROR logical_and_expression
      { $$ = new_binary(ND_LOGOR, $1, $3, L(@2)); }
  ;

/* conditional-expression:
 *     logical-or-expression ('?' expression ':' conditional-expression)? */
conditional_expression
  : logical_or_expression
  | logical_or_expression '?' expression ':' conditional_expression
      { $$ = new_node(ND_COND, L(@2)); $$->cond = $1; $$->then = $3; $$->els = $5; }
  ;

/* assignment-expression:
 *     conditional-expression
 *     unary-expression assignment-operator assignment-expression */
assignment_expression
  : conditional_expression
  | unary_expression assignment_operator assignment_expression
      { if ($2 == ND_ASSIGN) {
          $$ = new_binary(ND_ASSIGN, $1, $3, L(@2));
        } else {
          $$ = new_binary(ND_ASSIGN_OP, $1, $3, L(@2));
          $$->op = $2;
        } }
  ;

/* assignment-operator: '=' | '*=' | '/=' | '%=' | '+=' | '-=' | '<<=' |
 *     '>>=' | '&=' | '^=' | '|=' */
assignment_operator
  : '='         { $$ = ND_ASSIGN; }
  | MUL_ASSIGN  { $$ = ND_MUL; }
  | DIV_ASSIGN  { $$ = ND_DIV; }
  | MOD_ASSIGN  { $$ = ND_MOD; }
  | ADD_ASSIGN  { $$ = ND_ADD; }
  | SUB_ASSIGN  { $$ = ND_SUB; }
  | SHL_ASSIGN  { $$ = ND_SHL; }
  | SHR_ASSIGN  { $$ = ND_SHR; }
  | AND_ASSIGN  { $$ = ND_BITAND; }
  | XOR_ASSIGN  { $$ = ND_BITXOR; }
  | OR_ASSIGN   { $$ = ND_BITOR; }
  ;

/* expression: assignment-expression (',' assignment-expression)* */
expression
  : assignment_expression
  | expression ',' assignment_expression  { $$ = new_binary(ND_COMMA, $1, $3, L(@2)); }
  ;

expression_opt
  : %empty      { $$ = NULL; }
  | expression
  ;

/* constant-expression: conditional-expression */
constant_expression
  : conditional_expression
  ;

%%

/* ---- the lexer as the parser sees it ----------------------------------- */

static void save_text(Parser *ps, int tok) {
  memcpy(ps->prev, ps->last, sizeof ps->prev);
  ps->prev_tok = ps->last_tok;
  ps->last_tok = tok;
  const char *t = tok == 0 ? "" : lexer_text(ps->lx);
  size_t n = strlen(t);
  if (n >= sizeof ps->last - 4) {
    memcpy(ps->last, t, sizeof ps->last - 4);
    strcpy(ps->last + sizeof ps->last - 4, "...");
  } else {
    memcpy(ps->last, t, n + 1);
  }
}

/* Skips `asm qualifiers* ( ... )` after reporting it; what follows (`;`)
 * is parsed normally, so `asm("nop");` becomes an empty statement. */
static void skip_asm(Parser *ps, YYSTYPE *lval, YYLTYPE *lloc) {
  error_at(lloc->loc, "inline assembly is not allowed in Cuckoo; write the code in "
                      "Cuckoo or call a runtime function");
  int t, depth = 0;
  while ((t = lexer_next(ps->lx, lval, lloc)) != 0) {
    if (t == '(')
      depth++;
    else if (t == ')' && --depth <= 0)
      return;
  }
}

static int yylex(YYSTYPE *lval, YYLTYPE *lloc, Parser *ps) {
  int t = lexer_next(ps->lx, lval, lloc);
  while (t == KW_ASM) {
    skip_asm(ps, lval, lloc);
    t = lexer_next(ps->lx, lval, lloc);
  }
  if (t == IDENTIFIER) {
    Sym *s = sym_lookup(ps, lval->name);
    if (s && s->is_typedef)
      t = TYPEDEF_NAME;
  }
  save_text(ps, t);
  ps->prev_loc = ps->last_loc;
  ps->last_loc = lloc->loc;
  return t;
}

static void yyerror(YYLTYPE *lloc, Parser *ps, const char *msg) {
  (void)ps;
  if (!strcmp(msg, "memory exhausted"))   /* the parser's stack: YYMAXDEPTH */
    msg = "statements, blocks, parentheses or declarators nested too deeply for cuckoo-cc "
          "(each 'else if' nests one level); move inner parts into functions or temporary "
          "variables, or use a switch";
  error_at(lloc->loc, "%s", msg);
}

/* The name of a symbol for "expected X": its quoted alias. */
static const char *sym_text(yysymbol_kind_t k) {
  const char *s = yysymbol_name(k);
  static char buf[64];
  size_t n = strlen(s);
  if (n >= 2 && s[0] == '"' && s[n - 1] == '"' && n - 2 < sizeof buf) {
    memcpy(buf, s + 1, n - 2);      /* "'int'" -> 'int' */
    buf[n - 2] = 0;
    return buf;
  }
  return s;
}

/* Syntax errors read like GCC's: "expected ';' before '}'". */
static int yyreport_syntax_error(const yypcontext_t *ctx, Parser *ps) {
  yysymbol_kind_t exp[YYNTOKENS];
  int n = yypcontext_expected_tokens(ctx, exp, YYNTOKENS);
  yysymbol_kind_t got = yypcontext_token(ctx);
  Loc loc = yypcontext_location(ctx)->loc;
  char before[96];
  if (got == YYSYMBOL_YYEOF)
    snprintf(before, sizeof before, "end of input");
  else if (got == YYSYMBOL_STRING)
    snprintf(before, sizeof before, "string literal");
  else
    snprintf(before, sizeof before, "'%s'", ps->last);

  if (got == YYSYMBOL_IDENTIFIER && ps->prev_tok == IDENTIFIER) {
    /* `va_list ap;`: the first name was meant as a type */
    error_at(ps->prev_loc, "unknown type name '%s'%s", ps->prev, type_name_hint(ps->prev));
    return 0;
  }
  bool has[YYNTOKENS] = {false};
  for (int i = 0; i < n; i++)
    has[exp[i]] = true;
  if (got == YYSYMBOL_IDENTIFIER && has[YYSYMBOL_KW_INT] && !has[YYSYMBOL_IDENTIFIER]) {
    /* `size_t n;` at file scope, `static size_t n;`: a type was expected */
    error_at(loc, "unknown type name '%s'%s", ps->last, type_name_hint(ps->last));
    return 0;
  }
  if (has[YYSYMBOL_IDENTIFIER] && has[YYSYMBOL_TYPEDEF_NAME]) {
    /* a name that may also be a typedef name: just "identifier" */
    int k = 0;
    for (int i = 0; i < n; i++)
      if (exp[i] != YYSYMBOL_TYPEDEF_NAME)
        exp[k++] = exp[i];
    n = k;
  }
  Buf b = {0};
  if (n > 0 && n <= 3) {
    buf_puts(&b, "expected ");
    for (int i = 0; i < n; i++) {
      if (i > 0)
        buf_puts(&b, i == n - 1 ? " or " : ", ");
      if (exp[i] == YYSYMBOL_IDENTIFIER || exp[i] == YYSYMBOL_TYPEDEF_NAME ||
          exp[i] == YYSYMBOL_CONSTANT || exp[i] == YYSYMBOL_STRING) {
        buf_puts(&b, yysymbol_name(exp[i]));
      } else {
        buf_puts(&b, sym_text(exp[i]));
      }
    }
    buf_printf(&b, " before %s", before);
  } else if (has[YYSYMBOL_IDENTIFIER] && has[YYSYMBOL_CONSTANT]) {
    buf_printf(&b, "expected expression before %s", before);
  } else if (has[YYTRANSLATE(';')]) {
    buf_printf(&b, "expected ';' before %s", before);
  } else if (has[YYTRANSLATE(')')]) {
    buf_printf(&b, "expected ')' before %s", before);
  } else if (has[YYTRANSLATE(']')]) {
    buf_printf(&b, "expected ']' before %s", before);
  } else if (has[YYTRANSLATE('}')]) {
    buf_printf(&b, "expected '}' before %s", before);
  } else if (has[YYTRANSLATE(':')]) {
    buf_printf(&b, "expected ':' before %s", before);
  } else if (has[YYSYMBOL_IDENTIFIER]) {
    buf_printf(&b, "expected identifier before %s", before);
  } else if (has[YYSYMBOL_KW_INT]) {
    buf_printf(&b, "expected a type or declaration before %s", before);
  } else {
    buf_printf(&b, "syntax error: unexpected %s", before);
  }
  error_at(loc, "%s", b.s);
  free(b.s);
  return 0;
}

ExtDecl *parse_program(const char *text, size_t len, const char *file, bool *ok) {
  Parser *ps = xmalloc(sizeof *ps);
  ps->lx = lexer_new(text, len, file);
  int errors_before = diag_errors;
  int r = yyparse(ps);
  lexer_free(ps->lx);
  ExtDecl *head = ps->head;
  if (ok)
    *ok = r == 0 && diag_errors == errors_before;
  return head;
}

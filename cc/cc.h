/* cc.h -- the one header of cuckoo-cc.
 *
 * Pipeline:  cpp ─▶ lex.l ─▶ parse.y ─▶ AST ─▶ check.c (+ lifetime.c) ─▶
 *            typed AST ─▶ lower.c ─▶ IR ─▶ opt/ ─▶ i386/ ─▶ .s ─▶ as
 *
 * Each .c file has a banner below with the types and functions it owns.
 * The typed-AST contract (what check.c guarantees to lower.c) is written
 * next to `struct Node`.
 */
#ifndef CUCKOO_CC_H
#define CUCKOO_CC_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "abi.h"              /* common/: the machine contract (length word, sequences) */

typedef struct Type Type;
typedef struct Member Member;
typedef struct StructDef StructDef;
typedef struct Node Node;
typedef struct Obj Obj;
typedef struct Init Init;
typedef struct Program Program;

/* ======================================================================
 * util.c -- memory, strings, growable buffers, die()
 * ====================================================================== */

/* An internal compiler bug: never looks like a user's error. */
#define die(...) die_at_(__FILE__, __LINE__, __VA_ARGS__)
_Noreturn void die_at_(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

void *xmalloc(size_t n);          /* zero-filled; dies on exhaustion */
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The whole file (NUL-terminated; *LEN bytes), or NULL if unreadable. */
char *read_file(const char *path, size_t *len);
/* The same for a regular file of at most MAX bytes only, and without
 * blocking: NULL for a device, a FIFO, a directory or a larger file. */
char *read_regular_file(const char *path, size_t max, size_t *len);

typedef struct Buf {                /* a growable byte buffer, NUL-terminated */
  char *s;
  size_t len, cap;
} Buf;
#include "mach/mir.h"         /* the machine IR (Buf above for its printer) */
void buf_putc(Buf *b, int c);
void buf_puts(Buf *b, const char *s);
void buf_putn(Buf *b, const char *s, size_t n);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *b, const char *fmt, va_list ap);

typedef struct {                  /* a growable array of pointers */
  void **v;
  int len, cap;
} Vec;
void vec_push(Vec *v, void *p);

/* ======================================================================
 * diag.c -- user diagnostics: FILE:LINE:COL: error: MSG, source line, caret
 * ====================================================================== */

typedef struct {
  const char *file;               /* as named by the preprocessor's line markers */
  int line, col;                  /* 1-based; col 0 = unknown */
} Loc;

extern int diag_errors;           /* errors so far */
extern int diag_max_errors;       /* stop after this many (20) */

/* Warnings (warnings.def): each can be on or off, and a warning or an
 * error; the driver sets them from -Wall, -Wextra, -WNAME, -Wno-NAME,
 * -Werror, -Werror=NAME, -Wno-error=NAME and -w. */
typedef enum {
#define WARN(id, name, group) W_##id,
#include "warnings.def"
#undef WARN
  W_COUNT
} Warning;
/* Applies one -W option (without the "-W"); false if it names no
 * warning cuckoo-cc has. */
bool diag_warning_option(const char *opt);
/* -w: no warnings at all. */
extern bool diag_no_warnings;
/* The errors that are warnings under -Werror (counted in diag_errors):
 * they stop no later analysis. */
extern int diag_warning_errors;
bool diag_warning_enabled(Warning w);
/* "MSG [-WNAME]" as a warning, or as an error under -Werror. */
void warn_opt(Warning w, Loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
extern const char *diag_progname; /* "cuckoo-cc" */

void error_at(Loc loc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "; it is declared in <stddef.h>" for a C type name Cuckoo declares in
 * a header, another hint for one it lacks, or "". */
const char *type_name_hint(const char *name);
void warn_at(Loc loc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void note_at(Loc loc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A diagnostic without a source position: "cuckoo-cc: error: MSG". */
void error_plain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Exits with status 1 if any error was reported. */
void diag_checkpoint(void);
/* The text of line LINE of FILE (cached), or NULL. */
const char *diag_source_line(const char *file, int line);

/* ======================================================================
 * lex.l -- tokens from preprocessed text, with exact source positions
 * ====================================================================== */

/* Columns: cpp collapses white space inside a line, so the lexer re-aligns
 * every token with the original source line named by the line markers;
 * tokens that come from macro expansions keep the nearest known column. */

/* `#pragma cuckoo runtime` is honoured only in a system header under
 * LEX_RUNTIME_DIR (the directory the driver gives cpp with -isystem), as
 * cpp entered it, or anywhere while LEX_RUNTIME_TRUSTED (--interface, the
 * embedded internal.ckh): a user file must not declare runtime internals. */
extern const char *lex_runtime_dir;
extern bool lex_runtime_trusted;

/* ======================================================================
 * parse.y -- the grammar; builds the AST and nothing else
 * ====================================================================== */

/* Parses the preprocessed text TEXT (LEN bytes; FILE names it until the
 * first line marker) into a list of external declarations.  *OK is set to
 * false after syntax errors (already reported through diag.c).  The Loc
 * rules, and the shapes check.c can rely on, are at the top of parse.y. */
struct ExtDecl *parse_program(const char *text, size_t len, const char *file, bool *ok);

/* ======================================================================
 * type.c -- types, i386 System V layout, canonical type strings
 * ====================================================================== */

typedef enum {
  TY_VOID,
  TY_BOOL,
  TY_CHAR,                        /* plain char: signed on i386 */
  TY_SCHAR,
  TY_UCHAR,
  TY_SHORT,
  TY_USHORT,
  TY_INT,
  TY_UINT,
  TY_LONG,
  TY_ULONG,
  TY_LLONG,
  TY_ULLONG,
  TY_FLOAT,
  TY_DOUBLE,
  TY_ENUM,                        /* an int, spelled `enum E` */
  TY_PTR,
  TY_ARRAY,
  TY_FUNC,
  TY_STRUCT,
  TY_UNION,
  TY_NULL,                        /* the type of the NULL keyword before conversion */
} TypeKind;

enum {                            /* qualifiers (Type.qual) */
  Q_CONST = 1,
  Q_VOLATILE = 2,
  Q_GLOBAL = 4,                   /* only on pointer types: a `global` pointer (§9) */
  Q_OWN = 8,                      /* only on pointer types: an owned pointer (§13.1); unlike
                                     const and volatile it is never dropped: T *own is not T * */
};

struct Member {
  Member *next;
  char *name;                     /* NULL for an anonymous struct/union member */
  Type *ty;
  int offset;
  Loc loc;
};

struct StructDef {
  char *tag;                      /* NULL: anonymous */
  bool is_union;
  bool complete;
  Member *members;
  int size, align;
  bool plain;                     /* no pointer, function pointer or length word inside */
  Loc loc;
};

/* One enumerator of an enum type. */
typedef struct EnumConst EnumConst;
struct EnumConst {
  EnumConst *next;
  const char *name;
  int value;
};

struct Type {
  TypeKind kind;
  unsigned qual;                  /* Q_* of this level */
  int size;                       /* bytes; -1 if incomplete (T[], incomplete struct, void, function) */
  int align;
  Type *base;                     /* TY_PTR: pointee; TY_ARRAY: element; TY_FUNC: return type */
  long long len;                  /* TY_ARRAY: element count, or -1 for T[] */
  StructDef *sdef;                /* TY_STRUCT, TY_UNION */
  char *enum_tag;                 /* TY_ENUM: the tag, for messages */
  struct EnumConst *enum_consts;  /* TY_ENUM: its enumerators, when defined (for -Wswitch) */
  /* TY_FUNC */
  Type **params;
  int nparams;
  bool variadic;                  /* only the runtime's printf family */
  bool noreturn;
  char *name;                     /* typedef name it was spelled with, for messages (optional) */
};

extern Type *ty_void, *ty_bool, *ty_char, *ty_schar, *ty_uchar, *ty_short, *ty_ushort,
    *ty_int, *ty_uint, *ty_long, *ty_ulong, *ty_llong, *ty_ullong, *ty_float, *ty_double,
    *ty_nulltype;

Type *type_new(TypeKind kind, int size, int align);
Type *type_copy(Type *t);
Type *type_qualified(Type *t, unsigned qual);       /* t with qualifiers added */
Type *type_unqualified(Type *t);                    /* top-level qualifiers dropped */
Type *pointer_to(Type *base);
Type *array_of(Type *base, long long len);          /* len -1: T[] */
Type *func_type(Type *ret, Type **params, int nparams, bool variadic);
Type *struct_type(StructDef *sd);                   /* TY_STRUCT or TY_UNION */
Type *enum_type(const char *tag);

/* A struct Type made before its definition completed: copy size/align in. */
void type_refresh(Type *t);
/* Layout: fills size/align/offsets of a completed struct or union. */
void struct_layout(StructDef *sd);
/* sizeof an array type per LANGUAGE.md §4 (length word included). */
long long array_size(Type *elem, long long len);

bool is_integer(Type *t);         /* bool, chars, shorts, ints, longs, long longs, enums */
bool is_flonum(Type *t);
bool is_arith(Type *t);
bool is_scalar(Type *t);          /* arithmetic or pointer */
bool is_unsigned(Type *t);
bool is_ptr(Type *t);
bool is_array_ptr(Type *t);       /* pointer to an array type */
bool is_func_ptr(Type *t);
bool is_struct_or_union(Type *t);
bool is_plain(Type *t);           /* §5: no pointer, function pointer or array inside */
bool has_length_words(Type *t);   /* an array somewhere inside */
int type_rank(Type *t);           /* integer conversion rank */
Type *integer_promote(Type *t);
Type *usual_arith(Type *a, Type *b);
/* Constants converted as i386 code converts them (used by every fold). */
long long type_wrap(long long v, Type *to);
long long type_float_to_int(double f, Type *to);

/* Type identity, qualifiers included at every level (top level too unless
 * ignore_top_qual).  Struct identity is the StructDef pointer. */
bool type_equal(Type *a, Type *b, bool ignore_top_qual);

/* The canonical type string of TOOLCHAIN.md ("The type section"). */
void type_canon(Buf *out, Type *t);
char *type_canon_str(Type *t);
/* A C spelling of T for messages ("const int (*)[10]"), with NAME in the
 * declarator position when NAME is not NULL. */
char *type_to_c(Type *t, const char *name);

/* ======================================================================
 * ast.c -- nodes, objects, programs
 * ====================================================================== */

typedef enum {
  /* expressions */
  ND_NUM,          /* integer or floating constant: ival / fval by ty */
  ND_NULL,         /* the null pointer constant (ty = the pointer type it became) */
  ND_STR,          /* string literal (parser only): str, strlen; check.c turns it into ND_VAR of a static object */
  ND_IDENT,        /* identifier (parser only); check.c resolves it to ND_VAR */
  ND_VAR,          /* a variable or function: obj */
  ND_ADD, ND_SUB, ND_MUL, ND_DIV, ND_MOD,
  ND_SHL, ND_SHR, ND_BITAND, ND_BITOR, ND_BITXOR,
  ND_EQ, ND_NE, ND_LT, ND_LE, ND_GT, ND_GE,
  ND_LOGAND, ND_LOGOR,
  ND_NOT,          /* !x */
  ND_BITNOT,       /* ~x */
  ND_NEG,          /* -x */
  ND_PLUS,         /* +x (parser only: check.c turns it into the promoted operand) */
  ND_ASSIGN,       /* lhs = rhs */
  ND_ASSIGN_OP,    /* lhs op= rhs; op in `op`; computed in `cty`, stored back as lhs->ty */
  ND_PREINC, ND_PREDEC, ND_POSTINC, ND_POSTDEC,
  ND_COMMA,
  ND_COND,         /* cond ? then : els */
  ND_CAST,         /* (ty) lhs */
  ND_CALL,         /* lhs(args) */
  ND_MEMBER,       /* lhs.member */
  ND_ARROW,        /* lhs->name (parser only: check.c makes MEMBER(DEREF(lhs))) */
  ND_DEREF,        /* *lhs */
  ND_ADDR,         /* &lhs */
  ND_INDEX,        /* lhs[rhs] */
  ND_SIZEOF,       /* sizeof: lhs expression or `type_arg` (parser); check.c folds it to ND_NUM */
  ND_LENGTHOF,     /* lengthof: after check, only the run-time form: lhs is a T (*)[] value */
  ND_NEW,          /* new(type_arg) / new(type_arg[lhs]) */
  ND_DELETE,       /* delete(lhs) */
  ND_RENEW,        /* renew(lhs, rhs): lhs a T (*)[] lvalue, new_type T */
  ND_SPAWN,        /* spawn f(args): lhs is ND_VAR of f */
  ND_DOMAIN_NEW,   /* domain_new(setup): lhs is ND_VAR of setup, new_type the state struct */
  ND_DOMAIN_CALL,  /* domain_call(d, f, args): lhs d, rhs ND_VAR of f, new_type the state struct */
  ND_COMPOUND_LIT, /* (type){init}: obj is a hidden local, init its initializer */
  ND_SHARE,        /* share(lhs): lhs an owned pointer value (moved); ty the plain pointer */
  ND_TAKE,         /* take(lhs): lhs an owned lvalue, read then set to NULL */
  ND_CHAN_SEND,    /* chan_send(lhs, rhs): lhs a chan_t *, rhs an owned pointer (moved) */
  ND_CHAN_RECV,    /* chan_recv(lhs, new_type): lhs a chan_t *; is_array_new for T[] */
  /* statements */
  ND_BLOCK,        /* body: list linked by next */
  ND_DECL,         /* a local declaration.  Parser: one node per declarator, type_syntax +
                      type_decl + pinit (shared DeclSpec).  After check: obj, initz; static
                      and extern locals and typedefs become ND_NULL_STMT */
  ND_EXPR_STMT,    /* lhs */
  ND_IF,           /* cond, then, els */
  ND_WHILE,        /* cond, then (body) */
  ND_DO,           /* then (body), cond */
  ND_FOR,          /* init (statement or NULL), cond (may be NULL), inc (may be NULL), then (body) */
  ND_SWITCH,       /* cond, then (body); cases: list of ND_CASE by case_next; default_case */
  ND_CASE,         /* case val: / case val ... val2: (GNU range not supported); then = statement */
  ND_DEFAULT,      /* then = statement */
  ND_BREAK,
  ND_CONTINUE,
  ND_RETURN,       /* lhs (may be NULL) */
  ND_GOTO,         /* label name; target = the ND_LABEL */
  ND_LABEL,        /* label name: then = statement */
  ND_NULL_STMT,
  ND_KIND_COUNT
} NodeKind;

/* Initializer tree for an object of type `ty` (check.c builds it from the
 * parser's brace lists, resolving designators). */
struct Init {
  Type *ty;
  Node *expr;           /* scalar, struct value, or a string literal ND_VAR for a char array */
  Init **children;      /* aggregate: one per element (array) or member (struct); NULL = zero */
  int nchildren;
  Member *union_mem;    /* union: the member initialized (children[0]) */
};

/* Parser-level initializer (before designators are resolved). */
typedef struct Designator Designator;
struct Designator {
  Designator *next;
  char *field;          /* .field */
  Node *index;          /* [index] */
  Loc loc;
};
typedef struct PInit PInit;
struct PInit {
  PInit *next;          /* next item in the enclosing brace list */
  Designator *desig;    /* designators before this item, or NULL */
  Node *expr;           /* a single expression, or */
  PInit *list;          /* a brace list */
  Loc loc;
};

/* The typed-AST contract (after check.c, what lower.c may rely on):
 *  - every expression has `ty`; ND_IDENT, ND_STR, ND_ARROW, ND_PLUS and
 *    constant ND_SIZEOF/ND_LENGTHOF are gone.
 *  - every implicit conversion is an explicit ND_CAST (usual arithmetic
 *    conversions, argument and assignment conversions, T(*)[N] -> T(*)[],
 *    qualifier additions need none).  ND_CAST with `check_len` set is the
 *    checked cast T (*)[] -> T (*)[N] (trap `cast`).
 *  - an array lvalue used as a value is ND_ADDR(array lvalue), of type
 *    T (*)[N]; a function designator used as a value is ND_ADDR(ND_VAR f).
 *  - ND_INDEX: lhs is an array lvalue (its ty is T[N] or T[]); rhs is an
 *    integer (int, unsigned, long long or unsigned long long). p[i] on a
 *    pointer to an array is INDEX(DEREF(p), i).  The bound is lhs->ty->len
 *    when >= 0 (also when lhs is DEREF of a T (*)[N]: the static N), else
 *    the length word.  `bounds_proven` set: the check may be dropped.
 *  - ND_MEMBER: lhs is a struct/union value or lvalue, `member` resolved.
 *  - ND_DEREF: lhs is a pointer; null-checked unless `nonnull`.
 *  - ND_CALL: lhs is ND_VAR of a function (direct) or a function pointer
 *    (indirect: null check, call *%reg); args (linked by next) already
 *    converted to the parameter types, variadic extras promoted.
 *    `ret_buf` is a hidden local for struct returns.
 *  - ND_DIV/ND_MOD on integers trap `divide`; shifts mask the count.
 *  - ND_NEW: `new_type` = T; for new(T[e]) `is_array_new` and lhs = e
 *    converted to long long; ty is T * or T (*)[].
 *  - ND_DELETE: lhs is the pointer operand; `delete_lvalue` when lhs is an
 *    lvalue to set to NULL (evaluate its address once).
 *  - ND_DECL: zero the object (keeping its length words), then apply init.
 *  - string literals are ND_VAR of static `const char[N]` objects.
 *  - Init trees of static objects (globals, static locals, static compound
 *    literals) hold only: ND_NUM (already of the member's type: ival, or
 *    fval for float/double), ND_NULL, or a pointer constant
 *    ND_ADDR(lv) / ND_CAST(ND_ADDR(lv)) where lv is a chain of ND_VAR (a
 *    static object or a function), ND_MEMBER and ND_INDEX with an ND_NUM
 *    index; a char array may be initialised by a string literal's ND_VAR
 *    (Init.expr, no children).
 */
struct Node {
  NodeKind kind;
  Node *next;                     /* statement lists, argument lists */
  Type *ty;
  Loc loc;

  Node *lhs, *rhs;
  Node *cond, *then, *els, *init, *inc;   /* statements (init: for-init) */
  Node *body;                     /* ND_BLOCK */

  /* ND_NUM */
  long long ival;
  double fval;
  /* ND_STR */
  char *str;                      /* bytes, without the terminating NUL */
  int strlen;
  /* ND_IDENT, ND_LABEL, ND_GOTO, ND_ARROW, ND_MEMBER (parser) */
  char *name;
  Loc name_loc;
  /* ND_VAR, ND_DECL, ND_COMPOUND_LIT */
  Obj *obj;
  Init *initz;                    /* ND_DECL, ND_COMPOUND_LIT after check */
  PInit *pinit;                   /* parser's initializer */
  /* ND_MEMBER */
  Member *member;
  /* ND_CAST, ND_SIZEOF, ND_NEW, ND_COMPOUND_LIT: the type written */
  Type *type_arg;
  struct DeclSpec *type_syntax;   /* parser: the type name's specifiers (ND_CAST, ND_SIZEOF,
                                     ND_LENGTHOF, ND_NEW, ND_COMPOUND_LIT), or the
                                     declaration's specifiers (ND_DECL) */
  struct Declarator *type_decl;   /* parser: its abstract declarator (may be NULL), or the
                                     declaration's declarator (ND_DECL; NULL for `struct S {..};`) */
  bool check_len;                 /* ND_CAST: checked T(*)[] -> T(*)[N] */
  /* ND_ASSIGN_OP */
  NodeKind op;
  Type *cty;
  /* ND_CALL, ND_SPAWN, ND_DOMAIN_CALL */
  Node *args;
  Obj *ret_buf;
  /* ND_NEW / ND_DELETE */
  Type *new_type;
  bool is_array_new;
  bool delete_lvalue;
  /* §13.1 */
  bool own_move;                  /* ND_VAR of an owned local read as a move: read, then NULL */
  bool own_store;                 /* ND_ASSIGN into an owned lvalue: delete the old object */
  /* ND_SWITCH / ND_CASE */
  Node *cases;                    /* ND_CASE list by case_next */
  Node *case_next;
  Node *default_case;
  long long case_val;
  /* ND_GOTO */
  Node *target;
  /* facts for the back end */
  bool parenthesized;             /* written in parentheses: `if ((n = 3))` means it */
  bool sizeof_array;              /* ND_NUM: sizeof of an array (its length word counted) */
  bool error;                     /* check.c: stands for an expression already reported
                                     as an error, so that no message cascades from it */
  bool nonnull;                   /* ND_DEREF: pointer proven non-null */
  bool bounds_proven;             /* ND_INDEX: index proven in range */
  int label_id;                   /* free for lower.c */
};

/* A variable or a function. */
struct Obj {
  Obj *next;                      /* in Program.globals or Obj.locals */
  char *name;                     /* the Cuckoo name */
  char *asmname;                  /* the ELF symbol: __cuckoo_main, __cuckoo_printf, .Lstr3, name.42 */
  Type *ty;
  Loc loc;
  bool is_local;                  /* automatic storage (parameters too) */
  bool is_param;
  bool is_function;
  bool is_static;                 /* internal linkage (or a static local) */
  bool is_extern;                 /* declared, not defined here */
  bool is_definition;             /* a function with a body / a variable with storage here */
  bool is_runtime;                /* declared by cuckoo.ckh or internal.ckh: asmname is __cuckoo_* */
  bool is_tls;                    /* __cuckoo_stack_limit */
  bool is_string;                 /* a string literal's object */
  bool is_inline;
  bool is_used;                   /* referenced (for refs in the type block) */
  bool addr_taken;                /* its address is taken (functions: §11) */
  bool holds_stack;               /* a local that may hold a stack-bound value (lifetime.c) */
  bool is_spawn_target;
  /* global variable */
  Init *initz;
  char *str_bytes;                /* is_string: the bytes (with the NUL) */
  int str_len;
  /* function */
  Obj *params;                    /* the first ty->nparams entries of `locals` */
  Obj *locals;                    /* every automatic object, params first, by next */
  Node *body;
  Vec callees;                    /* Obj* of the functions it calls directly */
  bool is_domain_entry;           /* named by domain_new or domain_call (§13.3) */
  Vec domain_uses;                /* DomainUse*: what it may not do inside a domain */
  bool domain_reached;            /* check.c: reached from a domain entry */
  /* local variable: free for the back end */
  int offset;
  int id;
};

struct Program {
  Obj *globals;                   /* every global object and function, in source order */
  Obj *funcs;                     /* unused by the parser; lower.c may fill */
  const char *source;             /* the source file as named to the compiler */
  Vec structs;                    /* every StructDef, for the type block */
  Vec typedefs;                   /* Obj*: the file-scope typedefs (name, ty, loc), for -g */
};

Node *new_node(NodeKind kind, Loc loc);
Node *new_binary(NodeKind kind, Node *lhs, Node *rhs, Loc loc);
Node *new_unary(NodeKind kind, Node *lhs, Loc loc);
Node *new_num(long long v, Type *ty, Loc loc);
Obj *new_obj(const char *name, Type *ty, Loc loc);
const char *node_kind_name(NodeKind k);
/* A readable dump of the parser's output (-fdump-ast), with line:col. */
void ast_dump(FILE *out, struct ExtDecl *decls);

/* ======================================================================
 * decl.c -- declaration specifiers and declarators (shared by parse.y and check.c)
 * ====================================================================== */

/* The parser records declarations syntactically; check.c turns them into
 * types, since typedef names, struct tags and constant expressions
 * (array sizes) need scopes. */
typedef struct DeclSpec DeclSpec;
typedef struct Declarator Declarator;
typedef struct StructSyn StructSyn;
typedef struct EnumSyn EnumSyn;
typedef struct ParamSyn ParamSyn;

enum {                            /* storage classes and function specifiers */
  SC_TYPEDEF = 1, SC_EXTERN = 2, SC_STATIC = 4, SC_AUTO = 8, SC_REGISTER = 16,
  FS_INLINE = 32, FS_NORETURN = 64,
};
enum {                            /* type specifier words, counted */
  TS_VOID = 1 << 0, TS_BOOL = 1 << 2, TS_CHAR = 1 << 4, TS_SHORT = 1 << 6,
  TS_INT = 1 << 8, TS_LONG = 1 << 10, TS_FLOAT = 1 << 12, TS_DOUBLE = 1 << 14,
  TS_SIGNED = 1 << 16, TS_UNSIGNED = 1 << 18, TS_OTHER = 1 << 20, /* struct/enum/typedef */
  TS_COMPLEX = 1 << 22,
};

struct DeclSpec {
  unsigned storage;               /* SC_*, FS_* */
  unsigned spec;                  /* sum of TS_* words */
  unsigned qual;                  /* Q_* */
  char *typedef_name;             /* TS_OTHER by name */
  StructSyn *su;                  /* TS_OTHER: struct/union */
  EnumSyn *en;                    /* TS_OTHER: enum */
  Loc loc;
  Type *resolved;                 /* check.c's cache */
};

struct StructSyn {
  bool is_union;
  char *tag;
  bool has_body;
  struct MemberSyn *members;
  Loc loc;
  StructDef *def;                 /* check.c */
};
typedef struct MemberSyn MemberSyn;
struct MemberSyn {
  MemberSyn *next;
  DeclSpec *spec;
  Declarator *decl;               /* NULL: anonymous struct/union member */
  Node *bitwidth;                 /* a bit-field: an error in Cuckoo */
  Loc loc;
};

typedef struct EnumItem EnumItem;
struct EnumItem {
  EnumItem *next;
  char *name;
  Node *value;                    /* may be NULL */
  Loc loc;
};
struct EnumSyn {
  char *tag;
  bool has_body;
  EnumItem *items;
  Loc loc;
};

typedef enum { DK_IDENT, DK_PTR, DK_ARRAY, DK_FUNC } DeclKind;
/* The declarator's syntax tree: `* D` is DK_PTR{inner D}, `D[N]` is
 * DK_ARRAY{inner D}, `D(params)` is DK_FUNC{inner D}, `(D)` is D, and the
 * leaf is DK_IDENT (name NULL, or inner NULL, in an abstract declarator).
 * The type is derived by walking from the outermost node inwards:
 * int *a[3] = PTR{ARRAY{IDENT a}} -> int* -> int*[3];
 * int (*p)[3] = ARRAY{PTR{IDENT p}} -> int[3] -> int(*)[3]. */
struct Declarator {
  DeclKind kind;
  Declarator *inner;              /* DK_PTR/ARRAY/FUNC: the declarator it applies to */
  char *name;                     /* DK_IDENT (NULL for an abstract declarator) */
  Loc loc;
  unsigned qual;                  /* DK_PTR: qualifiers after '*'; DK_ARRAY param: inside [] */
  Node *size;                     /* DK_ARRAY: NULL for [] */
  bool is_static_size;            /* [static N]: an error */
  ParamSyn *params;               /* DK_FUNC */
  bool variadic;
  bool kr_style;                  /* identifier list: an error */
  bool no_proto;                  /* f() */
};
struct ParamSyn {
  ParamSyn *next;
  DeclSpec *spec;
  Declarator *decl;
  Loc loc;
};

/* External declarations from the parser, in order. */
typedef struct ExtDecl ExtDecl;
struct ExtDecl {
  ExtDecl *next;
  DeclSpec *spec;
  Declarator *decl;               /* NULL: `struct S {...};` alone */
  PInit *pinit;
  Node *body;                     /* a function definition */
  Loc loc;
  bool in_runtime_header;         /* between #pragma cuckoo runtime / end */
};

/* ======================================================================
 * check.c -- every rule of the contract; builds the typed AST
 * ====================================================================== */

/* Checks the parser's declarations and fills PROG.  Errors go to diag. */
void check_program(ExtDecl *decls, Program *prog);
/* Integer constant expressions (array sizes, case labels, enum values). */
bool eval_const(Node *n, long long *out);

/* ======================================================================
 * addrconst.c -- where addresses point (§4, §8), and address constants
 * ====================================================================== */

long long layout_member_offset(const Member *m);
long long layout_element_offset(const Type *elem, long long i);
long long layout_view_offset(const Type *to, const Type *from);

typedef struct {
  Obj *obj;                       /* the object or function; NULL: the null pointer */
  long long off;                  /* from obj's symbol */
  Node *bad;                      /* when refused: the culprit and why */
  const char *why;
} AddrConst;

/* Evaluates the pointer expression N as a static initializer's address
 * constant, or refuses it (OUT->bad, OUT->why). */
bool addr_const(Node *n, AddrConst *out);

/* ======================================================================
 * lifetime.c -- §9: no pointer to the stack outlives its frame
 * ====================================================================== */

void lifetime_check_function(Obj *fn);

/* ======================================================================
 * own.c -- §13.1: no use of an owned variable after a move, on any path
 * ====================================================================== */

void own_check_function(Obj *fn);

/* ======================================================================
 * warn.c -- warnings over a whole typed function (-Wall, -Wextra)
 * ====================================================================== */

void warn_function(Obj *fn);
void warn_program(Program *prog);
/* check.c: can statement N complete normally (§2's structural rules)? */
bool stmt_completes(Node *n);

/* ======================================================================
 * format.c -- §7: the printf family's format strings checked as hard errors
 * ====================================================================== */

/* CALL is a checked call of printf/fprintf/snprintf; FMT_ARG is the
 * format argument, REST the arguments after it (already promoted). */
void format_check_call(Node *call, Node *fmt_arg, Node *rest);

/* ======================================================================
 * typesec.c -- the .cuckoo.types block
 * ====================================================================== */

/* The block text for PROG (producer cuckoo-cc, or cuckoo-rt for --interface). */
char *typesec_block(Program *prog, const char *source, bool runtime_interface);
/* The back end calls this for every runtime-internal symbol (__cuckoo_trap,
 * __cuckoo_new, __cuckoo_stack_limit, ...) its output references, so the
 * block lists it as a `ref` with the type of rt/internal.ckh. */
void typesec_use_internal(const char *asmname);
/* The type a symbol is emitted with (main's is fixed: abi.md "Symbols"). */
Type *typesec_symbol_type(Obj *o);

/* ======================================================================
 * driver.c -- options, and the processes: cpp, as, the linker
 * ====================================================================== */

extern bool opt_dump_ir;
extern bool opt_debug;            /* -g */
extern int opt_level;             /* -O0 .. -O2 */

/* ======================================================================
 * ir/ -- the IR: per-function basic blocks of three-address instructions
 * on numbered temporaries, with explicit check operations (ops.def);
 * build.c the builder, dump.c the -fdump-ir printer, read.c its reader,
 * verify.c the verifier.
 * ====================================================================== */

/* Value kinds.  Every integer of 32 bits or less, every pointer and every
 * function pointer is IK_I32 (narrow integers are kept extended per their
 * type); long long is IK_I64; float and double are IK_F32/IK_F64.  Struct
 * and union values are handled by address (an IK_I32 pointer). */
typedef enum { IK_I32, IK_I64, IK_F32, IK_F64, IK_VOID } IrKind;

/* Memory access widths of LOAD/STORE (and the source width of EXT). */
typedef enum { M_I8, M_U8, M_I16, M_U16, M_I32, M_I64, M_F32, M_F64 } IrMem;

/* Condition codes of SET and BR (signed and unsigned orders). */
typedef enum { CC_EQ, CC_NE, CC_LT, CC_LE, CC_GT, CC_GE, CC_ULT, CC_ULE, CC_UGT, CC_UGE } IrCC;

typedef enum {
#define IROP(name, text, flags) IR_##name,
#include "ops.def"
#undef IROP
  IR_OP_COUNT
} IrOp;
enum { IRF_DST = 1, IRF_PURE = 2, IRF_TERM = 4, IRF_CHECK = 8 };
extern const char *const ir_op_name[IR_OP_COUNT];
extern const unsigned ir_op_flags[IR_OP_COUNT];

/* An operand: a temporary, a constant, or the address of a symbol or a
 * frame slot (plus `imm` bytes). */
/* OK_DOMAIN is the thread's domain flag (non-zero while a protection
 * domain runs, LANGUAGE.md §13.3), only ever as `br.eq/ne.i32 domain, 0`
 * (opt/version.c's guard; ir_verify checks it). */
typedef enum { OK_NONE, OK_TEMP, OK_IMM, OK_FIMM, OK_SYM, OK_SLOT, OK_DOMAIN } OperKind;
typedef struct {
  OperKind kind;
  int temp;                       /* OK_TEMP */
  int slot;                       /* OK_SLOT */
  long long imm;                  /* OK_IMM value; OK_SYM/OK_SLOT byte offset */
  double fimm;                    /* OK_FIMM */
  const char *sym;                /* OK_SYM: the assembler symbol */
} Oper;

/* A memory address: base + index * scale + off.  base is OK_NONE,
 * OK_TEMP (a pointer), OK_SYM or OK_SLOT; index is a temp or -1. */
typedef struct {
  Oper base;
  int index;
  int scale;                      /* 1, 2, 4 or 8 */
  long long off;
} IrAddr;

/* A run-time error site: one static record per check (doc/abi.md). */
typedef struct IrSite {
  const char *kind;               /* "bounds", "null", ...; NULL: the runtime supplies it */
  const char *detail;             /* the detail format of abi.md, or NULL */
  Loc loc;
  const char *func;               /* the function it reports, when not the one it is in (inlined) */
  int id;                         /* numbered at emission */
  /* -fcheck-report only (cc/report.c); nothing emitted reads these */
  Node *node;                     /* what is checked: the ND_INDEX, the pointer, the ND_DIV... */
  struct CheckNote *notes;        /* what the passes did to it and why, in order */
} IrSite;

/* A call that opt/inline.c replaced by a copy of the callee's body: each
 * instruction copied names the innermost such call it came from
 * (IrInst.inl), so that -g describes the copy as the callee inlined there
 * (DW_TAG_inlined_subroutine), nested for a copy of a copy. */
typedef struct {
  Obj *var;                       /* a variable or parameter of the callee */
  Oper where;                     /* its place in the copy: OK_TEMP, OK_SLOT (a frame
                                     slot), OK_IMM (a constant argument); OK_NONE: nowhere */
} IrInlineVar;

typedef struct IrInline {
  struct IrInline *parent;        /* the inlined call it was copied within; NULL: the
                                     function's own code called it */
  Obj *callee;
  Loc call;                       /* the call's place (in the parent's code) */
  IrInlineVar *vars;
  int nvars;
} IrInline;

typedef struct {                  /* one argument of a CALL */
  Oper val;                       /* the value, or the address of a struct argument */
  IrKind kind;
  int size;                       /* > 0: a struct of `size` bytes copied from val */
  bool is_site;                   /* the address of the CALL's site record */
  bool is_hole;                   /* 4 bytes the caller leaves unwritten (domain_call) */
} IrArg;

typedef struct {
  IrOp op;
  IrKind k;                       /* the operation's (result's) kind */
  IrKind k2;                      /* SET/BR: operand kind; CVT: source kind */
  IrMem mem;                      /* LOAD/STORE/EXT width */
  IrCC cc;
  bool uns;                       /* CVT: integer side unsigned; CHECK_BOUNDS: index unsigned;
                                     CHECK_DIV: unsigned operands */
  bool is_mod;                    /* CHECK_DIV: a remainder */
  bool lenmem;                    /* CHECK_BOUNDS: the length is the 32-bit word at addr */
  int dst;                        /* temp, or -1 */
  Oper a, b;
  IrAddr addr;                    /* LOAD, STORE, LEA, CHECK_BOUNDS (lenmem) */
  long long n;                    /* MEMCPY/MEMZERO: bytes */
  int t1, t2;                     /* JMP: t1; BR: t1 taken, t2 not */
  /* CALL */
  const char *sym;                /* direct callee's symbol, or NULL: indirect through a */
  Obj *callee;                    /* direct callee's object when known */
  IrArg *args;
  int nargs;
  Oper sret;                      /* OK_NONE, or the address of the struct result buffer */
  bool is_runtime;                /* a call of a cuckoo.ckh function: a callsite entry */
  bool no_inline;                 /* CALL: the fallback of a partly inlined call (opt/inline.c) */
  IrSite *site;                   /* checks, indirect calls, runtime calls */
  IrSite *site2;                  /* CHECK_DIV: the overflow site (signed only) */
  Loc loc;
  IrInline *inl;                  /* copied from an inlined call's callee, or NULL */
  bool inl_entry;                 /* the first instruction of an inlined call's copy */
} IrInst;

typedef struct {
  int id;
  IrInst *ins;
  int n, cap;
  bool versioned;                 /* the header of a loop opt/version.c copied: the checked
                                     loop, never versioned again */
} IrBlock;

/* A frame object (a local that lives in memory) or an incoming parameter. */
typedef struct {
  int size, align;
  Type *ty;                       /* for length words (NULL: scratch) */
  Obj *obj;                       /* NULL for compiler temporaries */
  int param_off;                  /* >= 0: an incoming parameter at this offset past the
                                     return address (first parameter 0) */
  int offset;                     /* %ebp-relative, assigned by the target */
} IrSlot;

typedef struct IrFunc {
  Obj *obj;
  const char *name;               /* assembler symbol */
  IrBlock **blocks;               /* blocks[0] is the entry */
  int nblocks, cap_blocks;
  IrKind *tkind;                  /* kind of each temp */
  int ntemps, cap_temps;
  IrSlot *slots;
  int nslots, cap_slots;
  IrSite **sites;
  int nsites, cap_sites;
  Vec dropped;                    /* IrSite*: -fcheck-report's checks lowering left out */
  Vec checks_at_start;            /* IrSite*: -fcheck-report's checks before the passes */
  Vec inlines;                    /* IrInline*: the calls inlined into it, parents first */
  IrKind ret_kind;
  bool sret;                      /* returns a struct through a hidden pointer */
  bool checks_stack;              /* §11: begins with the stack check */
  bool is_thunk;                  /* a spawn thunk */
  struct IrFunc *thunk_target;    /* is_thunk: the function it calls */
  int args_size;                  /* is_thunk: the argument block's size */
  /* filled by the target */
  int frame_n;                    /* bytes below the entry %esp, own frame only */
  int stack_n;                    /* the N its stack check tests */
} IrFunc;

typedef struct {
  Program *prog;
  IrFunc **funcs;
  int nfuncs, cap;
  Vec types;                      /* Type*: the types `new`/`delete` need descriptors of */
  Vec type_syms;                  /* char*: their descriptors' symbols, same order */
  Vec strings;                    /* Obj*: string literal objects the code refers to */
} IrProgram;

/* The symbol of the static type descriptor of T (doc/abi.md), registered
 * in IR for emission; one per canonical type string per object. */
const char *ir_type_desc(IrProgram *ir, Type *t);

IrFunc *ir_new_func(Obj *fn, const char *name);
int ir_new_block(IrFunc *f);
int ir_new_temp(IrFunc *f, IrKind k);
int ir_new_slot(IrFunc *f, int size, int align, Type *ty, Obj *obj);
IrSite *ir_new_site(IrFunc *f, const char *kind, const char *detail, Loc loc);
IrInst *ir_append(IrFunc *f, int block, IrOp op);
Oper ir_temp(int t);
Oper ir_imm(long long v);
/* The value of immediate IMM as an operand of kind K: an int constant may
 * be held as its unsigned 32-bit pattern (4294967295 for -1). */
long long ir_imm_value(IrKind k, long long imm);
Oper ir_sym(const char *sym, long long off);
Oper ir_slot(int slot, long long off);
/* Whether A and B are the same value: the same temp, constant, symbol or
 * slot address (a temp's definition is not looked through). */
bool ir_oper_same(Oper a, Oper b);
bool ir_is_term(IrBlock *b);
/* Every temp an instruction reads, into USES (at most 4 + nargs); returns the count. */
int ir_uses(IrInst *in, int *uses, int max);
/* The most temps one instruction of F uses (a bound for ir_uses' MAX). */
int ir_max_uses(const IrFunc *f);
/* Per temp of F: its definitions, its uses, its (last) defining
 * instruction; each array of ntemps + 1 entries, or NULL when not wanted. */
void ir_count(IrFunc *f, int *ndefs, int *nuses, IrInst **def_of);
void ir_dump_func(IrFunc *f, FILE *out);
/* ir/dump.c's names of kinds, memory widths and conditions (ir/read.c reads them). */
extern const char *const ir_kind_name[5];
extern const char *const ir_mem_name[8];
extern const char *const ir_cc_name[10];
/* The kind an instruction without a result has when its text names none;
 * the kind of a call argument when its text names none. */
IrKind ir_implied_kind(const IrFunc *f, const IrInst *in);
IrKind ir_arg_implied_kind(const IrFunc *f, const IrArg *a);
/* ir/read.c: the functions of a -fdump-ir text, verified; NULL after
 * reporting FILE:LINE:COL errors on stderr. */
IrProgram *ir_read_program(const char *path);
/* -fdump-ir: lowers, optimises and prints the IR of every function. */
void ir_dump_program(Program *prog, FILE *out);
/* -fdump-ir of a .ir file (pass.c): reads, optimises and prints it. */
bool ir_dump_file(const char *path, FILE *out);
/* -S / -c: the whole back end, writing assembly for PROG (already checked). */
void codegen_program(Program *prog, FILE *asm_out, const char *source_name);
/* -fsyntax-only: the back end's own errors (frame sizes), nothing written. */
void codegen_check_program(Program *prog);

/* ======================================================================
 * lower.c -- typed AST to IR: evaluation order, conversions, and every
 * check of the contract as an explicit IR operation
 * ====================================================================== */

IrProgram *lower_program(Program *prog);
/* The kind of values of type T (IK_VOID for void, structs are IK_I32 addresses). */
IrKind lower_kind(Type *t);

/* ======================================================================
 * opt/ and pass.c -- provably safe check removal and clean-ups, a pass a file
 * ====================================================================== */

void opt_program(IrProgram *ir, int level);
/* -fdump-ir-after=PASS: the pass after which each function's IR is
 * printed (or "all"), NULL for none. */
extern const char *opt_dump_after;
/* -fpasses=LIST (comma-separated pass names, or none), or NULL: the level's. */
extern const char *opt_pass_list;
bool opt_pass_exists(const char *name);
bool opt_pass_listable(const char *name);
const char *opt_pass_names(void);
/* After pass NAME changed F: verify F, and print it for -fdump-ir-after. */
void ir_after_pass(IrFunc *f, const char *name);
/* ir/verify.c: an internal error unless F keeps the IR's invariants (every pass
 * runs it on what it leaves; AFTER names that pass). */
void ir_verify(IrFunc *f, const char *after);
/* ir/verify.c: whether IN uses the domain flag (OK_DOMAIN) other than as
 * the first operand of `br.eq/ne.i32 domain, 0`. */
bool ir_domain_misused(const IrInst *in);
/* opt/licm.c: loop-invariant integer and address arithmetic moved to
 * loop preheaders (-O2). */
/* The passes of cc/opt/ a file each (their order: pass.c's opt_passes). */
void opt_simplify_cfg(IrFunc *f);        /* opt/simplify.c */
void opt_propagate(IrFunc *f);           /* opt/propagate.c */
void opt_constant_checks(IrFunc *f);     /* opt/constant.c */
void opt_hoist_null_checks(IrFunc *f);   /* opt/null.c */
void opt_null_checks(IrFunc *f);
void opt_local_bounds(IrFunc *f);        /* opt/bce.c */
void opt_branch_bounds(IrFunc *f);
void opt_coalesce(IrFunc *f);            /* opt/coalesce.c */
void opt_counter_ranges(IrFunc *f);      /* opt/range.c */
void opt_sccp(IrFunc *f);                /* opt/sccp.c (over opt/ssa.c) */
void opt_licm(IrFunc *f);
/* opt/idiom.c: a loop that only zeroes a whole array becomes one block
 * fill (-O2). */
void opt_zero_loops(IrFunc *f);
/* opt/tailrec.c: a function's calls of itself in tail position (or
 * added to in it) become a loop (-O2). */
void opt_tail_recursion(IrFunc *f);
/* opt/gvn.c: integer operations recomputed on the same values under an
 * identical dominating one become copies of its result (-O2). */
void opt_gvn(IrFunc *f);
/* opt/storecheck.c: store checks (§13.3) that cannot fail are removed
 * (every level: lowering makes one per store). */
void opt_remove_store_checks(IrFunc *f);
/* ir/build.c: block B's last definition of temp T is `T = copy C`; sets *C. */
bool ir_block_sets_const(const IrBlock *b, int t, long long *c);
/* opt/storecheck.c: a loop's first iteration makes its loop-invariant
 * store checks on a path of its own, so that the later ones go (-O1). */
void opt_hoist_store_checks(IrFunc *f);
/* opt/dce.c: pure instructions whose results nothing needs are removed
 * (every level; at -O0 the variables stay, opt/live.c). */
void opt_dce(IrFunc *f);
/* opt/constant.c: the program whose globals' types tell the length words
 * in static storage (set by opt_program; NULL for IR read from text). */
extern Program *opt_globals;
/* opt/version.c: a small loop whose counter's bounds checks no loop test
 * implies gets a copy without them, run when a test before the loop
 * proves every index in range (-O2). */
void opt_version_loops(IrFunc *f);
/* opt/idiom.c: calls of the runtime's sqrt become the instruction (-O1). */
void opt_inline_math(IrFunc *f);
/* opt/inline.c: small static leaf functions inlined at their direct calls
 * (-O2); which functions changed (a new array, one flag a function). */
bool *opt_inline_program(IrProgram *ir);

/* ======================================================================
 * report.c -- -fcheck-report: one remark per run-time check, kept or
 * removed, with the reason the pass that removed it gave when it did
 * ====================================================================== */

extern bool check_report;           /* -fcheck-report[=FILE] given */
extern const char *check_report_file; /* its FILE, or NULL: stderr */
typedef enum {
  CN_REMOVED,                     /* an instruction of the site went (reason) */
  CN_KEPT,                        /* a pass looked and left it (why) */
  CN_MOVED,                       /* copied to the end of a block jumping into its loop */
  CN_VERSIONED,                   /* dropped from a versioned loop's unchecked copy (why) */
} CheckNoteKind;
typedef struct CheckNote {
  struct CheckNote *next;
  CheckNoteKind kind;
  const char *pass;               /* the pass's function name in opt/ or lower.c */
  const char *text;
  Loc at;                         /* CN_MOVED: the loop's test */
} CheckNote;
/* The checked expression N as source text (implicit conversions left out). */
const char *report_expr(Node *n);
/* Record on S (when the report is on; S may be NULL) what PASS did. */
void report_note(IrSite *s, CheckNoteKind kind, const char *pass, Loc at, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* A check lowering did not emit: F gets a record of it, outside F->sites. */
void report_lowered(IrFunc *f, const char *kind, Node *node, Loc loc, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* A temp's name in F's source (a promoted variable), or NULL. */
const char *report_temp_name(IrFunc *f, int t);
/* The source text of the comparison at LOC in F (a loop test), or NULL. */
const char *report_test_text(IrFunc *f, Loc loc);
/* remove_branch_bounds: BR's edge bounds check C's index below a length;
 * C removed (IMPLIED), or kept: another length, or index or array changed. */
enum { REPORT_IMPLIED, REPORT_OTHER_LENGTH, REPORT_CHANGED };
void report_branch(IrFunc *f, const IrInst *c, const IrInst *br, int outcome);
/* opt/version.c: check C went from the unchecked copy of the loop whose
 * test is BR (bound N, counter CTR); the checked copy keeps it. */
void report_versioned(IrFunc *f, const IrInst *c, const IrInst *br, Oper n, int ctr);
/* Before the passes (opt_program): take F's checks' sites. */
void report_begin(IrFunc *f);
/* After all the passes, inlining included: collect F's remarks (which of
 * the checks it had at the start remain; inlined copies of other
 * functions' checks are reported with those functions). */
void report_function(IrFunc *f);
/* Write the remarks collected since the last call for SOURCE, sorted, and
 * their summary; to stderr or appended to the report's buffer. */
void report_flush(const char *source);
/* -fcheck-report=FILE: the whole text, written at exit of the driver. */
const char *report_text(void);

/* opt/loop.c: each block's loop nesting depth (natural loops), a new array. */
int *ir_loop_depth(IrFunc *f);
/* opt/live.c: the temps live at each block's entry (in) and exit (out),
 * NW 64-bit words a block.  KEPT (or NULL): temps every return reads. */
typedef struct {
  int nw;
  unsigned long long *in, *out;
} IrLive;
IrLive *ir_live(IrFunc *f, const bool *kept);
void ir_live_free(IrLive *l);
/* opt/live.c: at -O0, which temps are variables, kept live to every
 * return so that gdb sees them in scope (a flag per temp); NULL at -O1
 * and -O2. */
bool *ir_kept_variables(IrFunc *f);
/* opt/cfg.c: the control-flow graph of F (predecessors of reachable
 * blocks, immediate dominators; idom -1 for an unreachable block). */
typedef struct {
  int nb;
  int *npred, **pred;
  int *idom;
} IrCfg;
/* opt/loop.c: the natural loop of header H in G (the blocks that reach a
 * back edge into H without passing through H, and H) marked in IN (one
 * char per block; STACK room for as many ints); its block count, 0 when
 * H heads no loop. */
int ir_natural_loop(const IrCfg *g, int h, char *in, int *stack);
int ir_succs(const IrBlock *b, int s[2]);
IrCfg *ir_cfg(IrFunc *f);
bool ir_dominates(const IrCfg *g, int a, int b);
void ir_cfg_free(IrCfg *g);
/* opt/cfg.c: lay F's blocks out in ORDER (ORDER[k] the old index of the
 * k-th block; 0 stays first), renumbering every jump. */
void ir_reorder_blocks(IrFunc *f, const int *order);
/* report.c: remove_branch_bounds kept C in block B; note the signed tests
 * that bound its index (after IrCfg, for the declaration). */
void report_signed_tests(IrFunc *f, const IrCfg *g, const IrInst *c, int b);

/* ======================================================================
 * mach/ -- what every target's back end shares: register allocation over
 * the register file the target describes (target.h), the stack checks'
 * sizes, and the proof
 * ====================================================================== */

typedef struct {
  IrFunc *f;
  int *reg;                       /* per temp: a register of the target's file, or -1: its spill slot;
                                     a long long in a register pair: its low word's register */
  int *reg_hi;                    /* per temp: a long long's high word's register, or -1 */
  int *slot_of;                   /* per temp left in memory: the temp whose spill slot it
                                     shares (the least of them), itself when none */
  int *split_from;                /* NULL, or per temp: the temp whose value mach/split.c copied
                                     into it around a loop, or -1 (set before allocating) */
  unsigned saved;                 /* the callee-saved registers given to temps (1 << register) */
  int nsaved;
} MachRegs;
struct target;
/* mach/regalloc.c: M->reg for M->f's temps, by linear scan over the
 * registers of T's file (liveness of opt/live.c). */
void mach_regalloc(const struct target *t, MachRegs *m);
/* mach/split.c: mach_regalloc, and at -O1 and up without -g, once more
 * after splitting the live ranges of the temps it spilled that a crowded
 * loop neither reads nor writes (a copy before the loop and after it). */
void mach_allocate(const struct target *t, MachRegs *m);


/* mach/layout.c: F's blocks in the order the target writes them, so that
 * branches fall through and loops test at the bottom (-O1 and up). */
void mach_layout_blocks(IrFunc *f);

/* What a target's frame layout decided for one function, for the stack
 * sizes and the proof.  Offsets are from the frame pointer. */
typedef struct {
  const int *reg;                 /* per temp: its register, or -1: in its spill slot */
  const int *spill;               /* per temp: the offset of its spill slot */
  const int *slot_of;             /* per temp: whose spill slot it shares (MachRegs) */
  int nsaved;                     /* callee-saved registers pushed after the frame pointer */
  int scratch;                    /* the offset of 16 bytes of conversion scratch */
  int outgoing;                   /* bytes of outgoing arguments at the stack pointer */
  bool has_calls;                 /* it calls: a return address is pushed below its frame */
} MachFrame;
/* mach/frame.c: every function's stack check N into f->stack_n, from
 * FRAMES (one per function of IR, after the target's layout); false after
 * reporting a checked chain of frames larger than 2^31 - 1 bytes. */
bool mach_stack_sizes(const struct target *t, IrProgram *ir, const MachFrame *frames);
/* mach/proof.c: the proof of one output -- begun empty, records added
 * (mach_proof_func: a function's; mach_proof_printf: any other, e.g. an
 * object's type), and the section's text with its version line. */
void mach_proof_begin(void);
void mach_proof_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void mach_proof_func(IrFunc *f, const MachFrame *fr);
char *mach_proof_text(void);

/* ======================================================================
 * i386/ -- the i386 target (target.h: struct target)
 * ====================================================================== */

struct target;
/* targ.c: the target the back end compiles for (i386: the only one yet) --
 * everything outside cc/i386/ reaches the target through it. */
extern const struct target *cc_target;

/* Registers.  %eax and %edx (and %xmm0/%xmm1) are scratch inside one
 * instruction's expansion; %ecx, %ebx, %esi, %edi hold temps across
 * instructions, and (-O1 and up) %xmm2-%xmm7 floating temps.  %ebp is the
 * frame pointer at -O0 and under -g; otherwise frames are addressed from
 * %esp and %ebp holds temps too (i386_frameless).  R_XMM0 + n is %xmmn. */
enum { R_EAX, R_ECX, R_EDX, R_EBX, R_ESI, R_EDI, R_EBP, R_NREGS, R_XMM0 = 8, R_NALL = 16 };
/* Registers of machine operands (mir.h) only, never a temp's. */
enum { R_ESP = R_NALL, R_ST0 };

/* The machine IR's i386 opcodes (i386/insns.def) and its table (targ.c). */
enum {
#define INSN(id, name, flags) I_##id,
#include "i386/insns.def"
#undef INSN
  I_NINSNS
};
extern const struct mir_target i386_mir;

typedef struct {                  /* one function being compiled */
  IrFunc *f;
  int *reg;                       /* per temp: R_* or -1 (in its spill slot); a long long's low word */
  int *reg_hi;                    /* per temp: a long long's high word's R_*, or -1 */
  int *spill;                     /* per temp: frame offset of its spill slot */
  int *slot_of;                   /* per temp: whose spill slot it shares (MachRegs) */
  unsigned saved;                 /* callee-saved registers used (1 << R_*) */
  int nsaved;
  int frame;                      /* bytes subtracted from %esp after the pushes */
  int outgoing;                   /* size of the outgoing argument area at 0(%esp) */
  int scratch;                    /* frame offset of 16 bytes of conversion scratch */
  bool has_calls;
  /* Frame offsets are from the frame's base, the word where the caller's
   * %ebp is saved (the proof's and the checker's "%ebp offsets").  With a
   * frame pointer that is %ebp; frameless, the body reaches offset K at
   * K + esp_delta(%esp), since %esp stays put in the body. */
  bool frameless;
  int esp_delta;
  Vec direct_callees;             /* Obj*: functions of this unit called directly */
  Mir body;                       /* the body's code, from the first block on */
  Mir stubs;                      /* cold trap stubs, emitted after the epilogue */
  const char *epilogue;           /* label of the epilogue */
  int cur_line;                   /* last .loc line emitted */
  const char *cur_file;
} I386Func;

/* isel.c: the registers an instruction's expansion destroys besides
 * %eax/%edx (temps live across it must not be there): the register
 * file's clobbers hook. */
unsigned i386_clobbers(IrFunc *f, IrInst *in);
/* abi.c: whether F's frame is addressed from %esp, %ebp then holding temps
 * (-O1 and up without -g; -g keeps the frame pointer for gdb's CFA): the
 * register file's frameless hook. */
bool i386_frameless(IrFunc *f);
/* isel.c: for %edx as a temp's home (-O1 and up, after the other
 * registers are allocated; the register file's spare hooks): whether IN's
 * expansion leaves %edx alone, reads operand T from %edx before any
 * scratch use of it, may write its result to %edx. */
bool i386_edx_keeps(const MachRegs *m, IrInst *in);
/* isel.c: whether NX may read the load LD, its one use, from memory (the
 * shape of fold_ok, before registers are known). */
bool i386_load_folds_into(IrFunc *f, IrInst *ld, IrInst *nx);
/* isel.c: the instructions of BL a read-modify-write at a later store
 * takes in (the register file's fused_away hook). */
void i386_fused_away(IrFunc *f, IrBlock *bl, const int *nuses, bool *away);
bool i386_edx_reads(const MachRegs *m, IrInst *in, int t);
bool i386_edx_defines(const MachRegs *m, IrInst *in);
/* isel.c: the body's instructions, block by block, into cx->body (and cx->stubs). */
void i386_isel_body(I386Func *cx);
/* abi.c: frame layout (after regalloc), prologue and epilogue, argument sizes. */
long long i386_arg_size(Type *t);
long long i386_call_args_size(IrInst *call);
/* false (after reporting it) when the frame is larger than 2^31 - 1 bytes */
bool i386_frame_layout(I386Func *cx);
void i386_prologue(I386Func *cx, Mir *out, int stack_n, const char *stack_stub);
struct ck_seq;
/* A fixed sequence of common/abi.h (the stack check, the indirect call). */
void i386_emit_seq(Mir *out, const struct ck_seq *s, int n, const char *stub, const char *reg);
void i386_stack_check(Mir *out, int n, const char *stub);
void i386_epilogue(I386Func *cx, Mir *out);
void i386_emit_thunk(IrFunc *t, Mir *out, int *frame_n);
/* emit.c: file-level pools shared by the other phases. */
char *i386_new_label(const char *what);
const char *i386_site_label(IrSite *s, IrFunc *f);
const char *i386_fconst(double d, bool single);
void i386_callsite(const char *ret_label, const char *site_label);
void i386_loc(I386Func *cx, Loc loc);
/* emit.c: a .loc (not a statement start) into a cold stub, for the line of
 * a backtrace through it; the line table's number of a file (0: none). */
void i386_stub_loc(Mir *out, Loc loc);
int i386_file_lookup(const char *name);
/* dwarf.c (-g): the labels isel.c puts before each IR instruction (INST ==
 * the block's count: after its last) and around the cold stubs of one
 * instruction, and the unit's .debug_info/.debug_abbrev/.debug_loc. */
const char *i386_dwarf_label(const char *fname, int block, int inst);
const char *i386_dwarf_stub_label(const char *fname, int block, int inst, bool end);
bool i386_dwarf_stub_owner(IrInst *in);
void i386_dwarf_program(FILE *o, IrProgram *ir, I386Func **cxs, const char *source_name);
/* emit.c: the whole assembly file (the target's emit_program). */
void i386_emit_program(IrProgram *ir, FILE *out, const char *source_name);
/* emit.c: the frame and stack-check sizes only (the target's check_program). */
void i386_check_program(IrProgram *ir);

#endif

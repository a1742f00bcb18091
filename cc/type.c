/* type.c -- Cuckoo types: construction, i386 System V layout (with the
 * array length words of LANGUAGE.md §4), conversions, and the canonical
 * type strings of TOOLCHAIN.md that the linker compares.
 *
 * Invariants: qualifiers of an array type live on its element type (as in
 * C, `const int a[3]` is an array of const int); Q_GLOBAL only ever sits
 * on a pointer type.  Basic types are shared; qualified ones are copies. */
#include "cc.h"
#include "canon.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static Type basic[] = {
#define B(k, s, a) {.kind = k, .size = s, .align = a}
    B(TY_VOID, -1, 1),  B(TY_BOOL, 1, 1),   B(TY_CHAR, 1, 1),    B(TY_SCHAR, 1, 1),
    B(TY_UCHAR, 1, 1),  B(TY_SHORT, 2, 2),  B(TY_USHORT, 2, 2),  B(TY_INT, 4, 4),
    B(TY_UINT, 4, 4),   B(TY_LONG, 4, 4),   B(TY_ULONG, 4, 4),   B(TY_LLONG, 8, 4),
    B(TY_ULLONG, 8, 4), B(TY_FLOAT, 4, 4),  B(TY_DOUBLE, 8, 4),  B(TY_NULL, 4, 4),
#undef B
};
Type *ty_void = &basic[0], *ty_bool = &basic[1], *ty_char = &basic[2], *ty_schar = &basic[3],
     *ty_uchar = &basic[4], *ty_short = &basic[5], *ty_ushort = &basic[6], *ty_int = &basic[7],
     *ty_uint = &basic[8], *ty_long = &basic[9], *ty_ulong = &basic[10], *ty_llong = &basic[11],
     *ty_ullong = &basic[12], *ty_float = &basic[13], *ty_double = &basic[14],
     *ty_nulltype = &basic[15];

Type *type_new(TypeKind kind, int size, int align) {
  Type *t = xmalloc(sizeof *t);
  t->kind = kind;
  t->size = size;
  t->align = align;
  return t;
}

Type *type_copy(Type *t) {
  Type *c = xmalloc(sizeof *c);
  *c = *t;
  return c;
}

Type *type_qualified(Type *t, unsigned qual) {
  if (!qual)
    return t;
  if (t->kind == TY_ARRAY) {        /* qualifiers of an array are its elements' */
    Type *c = type_copy(t);
    c->base = type_qualified(t->base, qual & ~(Q_GLOBAL | Q_OWN));
    return c;
  }
  if (t->kind != TY_PTR)
    qual &= ~(Q_GLOBAL | Q_OWN);
  if ((t->qual | qual) == t->qual)
    return t;
  Type *c = type_copy(t);
  c->qual |= qual;
  return c;
}

/* `own` is kept: it says what the value is, not how the object may be
 * accessed, so reading an owned variable yields an owned value (§13.1). */
Type *type_unqualified(Type *t) {
  if (!(t->qual & ~Q_OWN))
    return t;
  Type *c = type_copy(t);
  c->qual &= Q_OWN;
  return c;
}

Type *pointer_to(Type *base) {
  Type *t = type_new(TY_PTR, 4, 4);
  t->base = base;
  return t;
}

long long array_size(Type *elem, long long len) {
  if (len < 0 || elem->size < 0)
    return -1;
  /* Saturate far past INT_MAX so that int a[0x7fffffffffffffff] cannot
   * overflow: the checker reports every size past INT_MAX. */
  if (elem->size > 0 && len > (0x7fffffffffffLL - CK_LEN_WORD_SIZE) / elem->size)
    return 0x7fffffffffffLL;
  return (long long)ck_array_size((unsigned long long)elem->size, (unsigned long long)len,
                                  (unsigned long long)elem->align);
}

Type *array_of(Type *base, long long len) {
  Type *t = type_new(TY_ARRAY, 0, (int)ck_array_align((unsigned long long)base->align));
  t->base = base;
  t->len = len;
  long long size = array_size(base, len);
  /* Sizes past INT_MAX are reported by the checker; keep a marker here. */
  t->size = size < 0 ? -1 : size > 0x7fffffffLL ? 0x7fffffff : (int)size;
  return t;
}

Type *func_type(Type *ret, Type **params, int nparams, bool variadic) {
  Type *t = type_new(TY_FUNC, -1, 1);
  t->base = ret;
  t->params = params;
  t->nparams = nparams;
  t->variadic = variadic;
  return t;
}

Type *struct_type(StructDef *sd) {
  Type *t = type_new(sd->is_union ? TY_UNION : TY_STRUCT, sd->complete ? sd->size : -1,
                     sd->complete ? sd->align : 1);
  t->sdef = sd;
  return t;
}

Type *enum_type(const char *tag) {
  Type *t = type_new(TY_ENUM, 4, 4);
  t->enum_tag = tag ? xstrdup(tag) : NULL;
  return t;
}

/* Sizes and alignments of a struct type follow its definition, which may
 * complete after the Type was made: refresh them on use. */
void type_refresh(Type *t) {
  if ((t->kind == TY_STRUCT || t->kind == TY_UNION) && t->sdef->complete) {
    t->size = t->sdef->size;
    t->align = t->sdef->align;
  }
}

void struct_layout(StructDef *sd) {
  long long off = 0, size = 0;
  int align = 1;
  bool plain = true;
  for (Member *m = sd->members; m; m = m->next) {
    type_refresh(m->ty);
    int a = m->ty->align;
    if (sd->is_union) {
      m->offset = 0;
      if (m->ty->size > size)
        size = m->ty->size;
    } else {
      off = (off + a - 1) / a * a;
      m->offset = (int)off;
      off += m->ty->size;
      size = off;
    }
    if (a > align)
      align = a;
    if (!is_plain(m->ty))
      plain = false;
  }
  size = (size + align - 1) / align * align;
  sd->size = size > 0x7fffffffLL ? 0x7fffffff : (int)size;
  sd->align = align;
  sd->plain = plain;
  sd->complete = true;
}

bool is_integer(Type *t) { return t->kind >= TY_BOOL && t->kind <= TY_ULLONG ? true : t->kind == TY_ENUM; }
bool is_flonum(Type *t) { return t->kind == TY_FLOAT || t->kind == TY_DOUBLE; }
bool is_arith(Type *t) { return is_integer(t) || is_flonum(t); }
bool is_ptr(Type *t) { return t->kind == TY_PTR; }
bool is_scalar(Type *t) { return is_arith(t) || is_ptr(t); }
bool is_array_ptr(Type *t) { return t->kind == TY_PTR && t->base->kind == TY_ARRAY; }
bool is_func_ptr(Type *t) { return t->kind == TY_PTR && t->base->kind == TY_FUNC; }
bool is_struct_or_union(Type *t) { return t->kind == TY_STRUCT || t->kind == TY_UNION; }

bool is_unsigned(Type *t) {
  switch (t->kind) {
  case TY_BOOL: case TY_UCHAR: case TY_USHORT: case TY_UINT: case TY_ULONG: case TY_ULLONG:
    return true;
  default:
    return false;
  }
}

bool is_plain(Type *t) {
  switch (t->kind) {
  case TY_PTR: case TY_ARRAY: case TY_FUNC:
    return false;
  case TY_STRUCT: case TY_UNION:
    if (!t->sdef->complete)
      return false;
    for (Member *m = t->sdef->members; m; m = m->next)
      if (!is_plain(m->ty))
        return false;
    return true;
  default:
    return true;
  }
}

bool has_length_words(Type *t) {
  if (t->kind == TY_ARRAY)
    return true;
  if (is_struct_or_union(t) && t->sdef->complete)
    for (Member *m = t->sdef->members; m; m = m->next)
      if (has_length_words(m->ty))
        return true;
  return false;
}

int type_rank(Type *t) {
  switch (t->kind) {
  case TY_BOOL: return 0;
  case TY_CHAR: case TY_SCHAR: case TY_UCHAR: return 1;
  case TY_SHORT: case TY_USHORT: return 2;
  case TY_INT: case TY_UINT: case TY_ENUM: return 3;
  case TY_LONG: case TY_ULONG: return 4;
  case TY_LLONG: case TY_ULLONG: return 5;
  default: return -1;
  }
}

Type *integer_promote(Type *t) {
  if (is_integer(t) && type_rank(t) < 3)
    return ty_int;                  /* every narrower type fits in int on i386 */
  if (t->kind == TY_ENUM)
    return ty_int;
  return type_unqualified(t);
}

Type *usual_arith(Type *a, Type *b) {
  if (a->kind == TY_DOUBLE || b->kind == TY_DOUBLE)
    return ty_double;
  if (a->kind == TY_FLOAT || b->kind == TY_FLOAT)
    return ty_float;
  a = integer_promote(a);
  b = integer_promote(b);
  int ra = type_rank(a), rb = type_rank(b);
  bool ua = is_unsigned(a), ub = is_unsigned(b);
  if (ua == ub)
    return ra >= rb ? a : b;
  Type *u = ua ? a : b, *s = ua ? b : a;
  int ru = ua ? ra : rb, rs = ua ? rb : ra;
  if (ru >= rs)
    return u;
  if (s->size > u->size)
    return s;                       /* long long vs unsigned int */
  /* same size, signed of higher rank: its unsigned counterpart (long vs unsigned int) */
  switch (s->kind) {
  case TY_LONG: return ty_ulong;
  case TY_LLONG: return ty_ullong;
  default: return ty_uint;
  }
}

bool type_equal(Type *a, Type *b, bool ignore_top_qual) {
  if (a == b)
    return true;
  if (!ignore_top_qual && a->qual != b->qual)
    return false;
  if ((a->qual ^ b->qual) & Q_OWN)
    return false;                 /* T *own is never T * (§13.1) */
  if (a->kind != b->kind)
    return false;
  switch (a->kind) {
  case TY_PTR:
    return type_equal(a->base, b->base, false);
  case TY_ARRAY:
    return a->len == b->len && type_equal(a->base, b->base, false);
  case TY_FUNC:
    if (a->nparams != b->nparams || a->variadic != b->variadic ||
        !type_equal(a->base, b->base, false))
      return false;
    for (int i = 0; i < a->nparams; i++) {
      /* a parameter's const/volatile do not count, but `global` is part of
       * the function's type (LANGUAGE.md §9): T *global is not T * */
      if ((a->params[i]->qual ^ b->params[i]->qual) & Q_GLOBAL)
        return false;
      if (!type_equal(a->params[i], b->params[i], true))
        return false;
    }
    return true;
  case TY_STRUCT: case TY_UNION:
    return a->sdef == b->sdef;
  case TY_ENUM:
    return true;
  default:
    return true;
  }
}

/* ---- i386 conversions of constants -------------------------------------------------- */

/* V converted to the integer type TO: wraps modulo 2^N as i386 code does. */
long long type_wrap(long long v, Type *to) {
  switch (to->kind) {
  case TY_BOOL: return v != 0;
  case TY_CHAR: case TY_SCHAR: return (signed char)v;
  case TY_UCHAR: return (unsigned char)v;
  case TY_SHORT: return (short)v;
  case TY_USHORT: return (unsigned short)v;
  case TY_LLONG: case TY_ULLONG: return v;
  case TY_UINT: case TY_ULONG: case TY_PTR: return (unsigned)v;
  default: return (int)v;
  }
}

/* cvttsd2si: out of range (and NaN) gives the "integer indefinite" 0x80000000... */
static long long f2i32(double f) {
  return f > -2147483649.0 && f < 2147483648.0 ? (int)f : INT32_MIN;
}
static long long f2i64(double f) {
  return f >= -9223372036854775808.0 && f < 9223372036854775808.0 ? (long long)f : INT64_MIN;
}

/* F converted to the integer type TO exactly as the generated code does
 * (LANGUAGE.md §2: the i386 result), so folding a constant never changes
 * a program's output: unsigned targets convert values past the signed
 * range biased by 2^31 (2^63), as gcc -msse2 does. */
long long type_float_to_int(double f, Type *to) {
  if (to->kind == TY_BOOL)
    return f != 0;
  if (to->size == 8) {
    if (is_unsigned(to) && f >= 9223372036854775808.0)
      return (long long)((unsigned long long)f2i64(f - 9223372036854775808.0) ^ (1ULL << 63));
    return f2i64(f);
  }
  if (is_unsigned(to) && to->size == 4 && f >= 2147483648.0)
    return type_wrap((long long)((unsigned)f2i32(f - 2147483648.0) ^ 0x80000000u), to);
  return type_wrap(f2i32(f), to);
}

/* ---- canonical strings ------------------------------------------------ */

typedef struct {
  Buf *out;
  Vec seen;                          /* StructDefs already written in full */
} Canon;

static void canon(Canon *c, Type *t, bool drop_top_qual);

static void canon_members(Canon *c, StructDef *sd) {
  buf_putc(c->out, CK_BODY_OPEN);
  for (Member *m = sd->members; m; m = m->next) {
    if (m != sd->members)
      buf_putc(c->out, CK_LIST_SEP);
    buf_puts(c->out, m->name ? m->name : CK_ANON_NAME);
    buf_putc(c->out, CK_MEMBER_TYPE);
    canon(c, m->ty, false);
  }
  buf_putc(c->out, CK_BODY_CLOSE);
}

/* Opens constructor K: its spelling and, but for s: and u:, its '('. */
static void ctor(Buf *o, enum ck_ctor k) {
  buf_puts(o, ck_ctor_spelling[k]);
  if (k != CKC_STRUCT && k != CKC_UNION && k != CKC_ARRAY)
    buf_putc(o, CK_OPEN);
}

/* The canonical scalar of each basic type (enum is int; long is 32 bits). */
static const enum ck_scalar scalar_of[] = {
    [TY_VOID] = CKS_V,     [TY_BOOL] = CKS_B,     [TY_CHAR] = CKS_C8,    [TY_SCHAR] = CKS_I8,
    [TY_UCHAR] = CKS_U8,   [TY_SHORT] = CKS_I16,  [TY_USHORT] = CKS_U16, [TY_INT] = CKS_I32,
    [TY_UINT] = CKS_U32,   [TY_LONG] = CKS_I32,   [TY_ULONG] = CKS_U32,  [TY_LLONG] = CKS_I64,
    [TY_ULLONG] = CKS_U64, [TY_FLOAT] = CKS_F32,  [TY_DOUBLE] = CKS_F64, [TY_ENUM] = CKS_I32,
};

static void canon(Canon *c, Type *t, bool drop_top_qual) {
  Buf *o = c->out;
  unsigned q = drop_top_qual ? 0 : t->qual;
  if (q & Q_CONST)
    ctor(o, CKC_CONST);
  if (q & Q_VOLATILE)
    ctor(o, CKC_VOLATILE);
  switch (t->kind) {
  case TY_PTR:
    ctor(o, (t->qual & Q_OWN) ? CKC_OPTR : (t->qual & Q_GLOBAL) ? CKC_GPTR : CKC_PTR);
    canon(c, t->base, false);
    buf_putc(o, CK_CLOSE);
    break;
  case TY_ARRAY:
    ctor(o, CKC_ARRAY);
    if (t->len >= 0)
      buf_printf(o, "%lld", t->len);
    buf_putc(o, CK_OPEN);
    canon(c, t->base, false);
    buf_putc(o, CK_CLOSE);
    break;
  case TY_FUNC:
    ctor(o, CKC_FUNC);
    canon(c, t->base, false);
    buf_putc(o, CK_RESULT_END);
    for (int i = 0; i < t->nparams; i++) {
      if (i)
        buf_putc(o, CK_LIST_SEP);
      canon(c, t->params[i], true);
    }
    if (t->variadic) {
      if (t->nparams)
        buf_putc(o, CK_LIST_SEP);
      buf_puts(o, CK_VARIADIC);
    }
    buf_putc(o, CK_CLOSE);
    break;
  case TY_STRUCT: case TY_UNION: {
    StructDef *sd = t->sdef;
    ctor(o, t->kind == TY_STRUCT ? CKC_STRUCT : CKC_UNION);
    buf_puts(o, sd->tag ? sd->tag : CK_ANON_NAME);
    if (!sd->complete) {
      buf_putc(o, CK_INCOMPLETE);
      break;
    }
    bool seen = false;
    if (sd->tag)
      for (int i = 0; i < c->seen.len; i++)
        if (c->seen.v[i] == sd)
          seen = true;
    if (!seen) {
      vec_push(&c->seen, sd);
      canon_members(c, sd);
    }
    break;
  }
  case TY_NULL:
    die("canonical string of the NULL type");
  default:
    buf_puts(o, ck_scalar_spelling[scalar_of[t->kind]]);
  }
  if (q & Q_VOLATILE)
    buf_putc(o, CK_CLOSE);
  if (q & Q_CONST)
    buf_putc(o, CK_CLOSE);
}

void type_canon(Buf *out, Type *t) {
  Canon c = {.out = out};
  canon(&c, t, false);
  free(c.seen.v);
}

char *type_canon_str(Type *t) {
  Buf b = {0};
  type_canon(&b, t);
  return b.s;
}

/* ---- C spellings for messages ------------------------------------------ */

/* Qualifier words, before a type name ("const int") or after a '*' ("* const"). */
static void quals_c(Buf *b, unsigned q, bool after) {
  static const struct { unsigned bit; const char *word; } words[] = {
      {Q_CONST, "const"}, {Q_VOLATILE, "volatile"}, {Q_GLOBAL, "global"}, {Q_OWN, "own"}};
  for (int i = 0; i < 4; i++)
    if (q & words[i].bit)
      buf_printf(b, after ? " %s" : "%s ", words[i].word);
}

static char *to_c(Type *t, const char *inner);

static char *params_c(Type *f) {
  Buf b = {0};
  buf_putc(&b, '(');
  for (int i = 0; i < f->nparams; i++) {
    if (i)
      buf_puts(&b, ", ");
    buf_puts(&b, to_c(f->params[i], ""));
  }
  if (f->variadic)
    buf_puts(&b, f->nparams ? ", ..." : "...");
  if (!f->nparams && !f->variadic)
    buf_puts(&b, "void");
  buf_putc(&b, ')');
  return b.s;
}

static char *to_c(Type *t, const char *inner) {
  Buf b = {0};
  switch (t->kind) {
  case TY_PTR: {
    Buf d = {0};
    buf_putc(&d, '*');
    if (t->qual) {
      Buf q = {0};
      quals_c(&q, t->qual, true);
      buf_puts(&d, q.s + 1);       /* "*const p", as gcc writes it */
      if (*inner)
        buf_putc(&d, ' ');
    }
    buf_puts(&d, inner);
    if (t->base->kind == TY_ARRAY || t->base->kind == TY_FUNC)
      return to_c(t->base, format("(%s)", d.s));
    return to_c(t->base, d.s);
  }
  case TY_ARRAY:
    if (t->len >= 0)
      return to_c(t->base, format("%s[%lld]", inner, t->len));
    return to_c(t->base, format("%s[]", inner));
  case TY_FUNC:
    return to_c(t->base, format("%s%s", inner, params_c(t)));
  default:
    break;
  }
  quals_c(&b, t->qual, false);
  static const char *names[] = {
      [TY_VOID] = "void", [TY_BOOL] = "_Bool", [TY_CHAR] = "char", [TY_SCHAR] = "signed char",
      [TY_UCHAR] = "unsigned char", [TY_SHORT] = "short", [TY_USHORT] = "unsigned short",
      [TY_INT] = "int", [TY_UINT] = "unsigned int", [TY_LONG] = "long",
      [TY_ULONG] = "unsigned long", [TY_LLONG] = "long long",
      [TY_ULLONG] = "unsigned long long", [TY_FLOAT] = "float", [TY_DOUBLE] = "double",
      [TY_NULL] = "NULL",
  };
  if (t->kind == TY_STRUCT || t->kind == TY_UNION)
    buf_printf(&b, "%s %s", t->kind == TY_STRUCT ? "struct" : "union",
               t->sdef->tag ? t->sdef->tag : "<anonymous>");
  else if (t->kind == TY_ENUM)
    buf_printf(&b, "enum %s", t->enum_tag ? t->enum_tag : "<anonymous>");
  else
    buf_puts(&b, names[t->kind]);
  if (*inner) {
    if (inner[0] != '[' && inner[0] != '(')
      buf_putc(&b, ' ');
    else if (inner[0] == '(')
      buf_putc(&b, ' ');
    buf_puts(&b, inner);
  }
  return b.s;
}

char *type_to_c(Type *t, const char *name) { return to_c(t, name ? name : ""); }

/* format.c -- LANGUAGE.md §7: the printf family's formats, checked as
 * hard errors.
 *
 * check.c calls format_check_call() for every call of printf, fprintf and
 * snprintf, with the format argument and the arguments after it already
 * promoted.  The format must be a string literal; each conversion of it
 * is parsed and matched against the next argument(s).  The accepted
 * language is exactly what rt/format.c implements (doc/lifetime.md,
 * "Format strings"):
 *
 *   %[flags][width][.precision][length]conversion
 *   flags      - + space # 0         (# only with o x X f e g F E G;
 *                                     0 not with c s p)
 *   width      digits or *           (* takes an int argument)
 *   precision  . digits or .*        (not with c p)
 *   length     hh h ll with d i u x X o; l with those and f e g F E G
 *   conversion d i u x X o c s p f e g F E G, and %% alone
 *
 * Errors point into the string literal at the conversion when the
 * literal's source text can be mapped byte for byte, else at its start;
 * a wrong or extra argument is reported at the argument.
 */
#include "cc.h"

#include <string.h>

/* Classes of promoted argument types. */
typedef enum {
  AC_INT,         /* int, unsigned, enums (and anything narrower) */
  AC_LONG,        /* long, unsigned long */
  AC_LLONG,       /* long long, unsigned long long */
  AC_DOUBLE,      /* double (float if check.c did not promote it) */
  AC_CHARARRAY,   /* pointer to an array of plain char, any qualifiers */
  AC_POINTER,     /* any other pointer, NULL */
  AC_OTHER,       /* structs, ... */
} ArgClass;

static ArgClass arg_class(Type *t) {
  if (!t)
    return AC_OTHER;
  switch (t->kind) {
  case TY_BOOL:
  case TY_CHAR:
  case TY_SCHAR:
  case TY_UCHAR:
  case TY_SHORT:
  case TY_USHORT:
  case TY_INT:
  case TY_UINT:
  case TY_ENUM:
    return AC_INT;
  case TY_LONG:
  case TY_ULONG:
    return AC_LONG;
  case TY_LLONG:
  case TY_ULLONG:
    return AC_LLONG;
  case TY_FLOAT:
  case TY_DOUBLE:
    return AC_DOUBLE;
  case TY_NULL:
    return AC_POINTER;
  case TY_PTR:
    if (t->base && t->base->kind == TY_ARRAY && t->base->base &&
        t->base->base->kind == TY_CHAR)
      return AC_CHARARRAY;
    return AC_POINTER;
  default:
    return AC_OTHER;
  }
}

/* The conversion to suggest for an argument of type T. */
static const char *suggest(Type *t) {
  switch (arg_class(t)) {
  case AC_INT:
    return t->kind == TY_UINT ? "%u" : "%d";
  case AC_LONG:
    return t->kind == TY_ULONG ? "%lu" : "%ld";
  case AC_LLONG:
    return t->kind == TY_ULLONG ? "%llu" : "%lld";
  case AC_DOUBLE:
    return "%f";
  case AC_CHARARRAY:
    return "%s";
  case AC_POINTER:
    return "%p";
  default:
    return NULL;
  }
}

/* ---------------------------------------------------------------------
 * Source positions inside the literal.
 * --------------------------------------------------------------------- */

/* Length in source characters of the escape sequence at S (S[0] == '\\'). */
static int escape_len(const char *s) {
  int n = 2;
  if (s[1] >= '0' && s[1] <= '7') {
    while (n < 4 && s[n] >= '0' && s[n] <= '7')
      n++;
  } else if (s[1] == 'x') {
    while ((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f') ||
           (s[n] >= 'A' && s[n] <= 'F'))
      n++;
  } else if (s[1] == '\0') {
    return 1;
  }
  return n;
}

/* The position of byte OFF of the literal that starts at STR (the opening
 * quote), when the source line shows it; else STR itself. */
static Loc byte_loc(Loc str, int off) {
  const char *line = str.col > 0 ? diag_source_line(str.file, str.line) : NULL;
  if (!line || (int)strlen(line) < str.col || line[str.col - 1] != '"')
    return str;
  int i = str.col;      /* index just after the opening quote */
  int b = 0;
  for (;;) {
    char c = line[i];
    if (c == '\0' || c == '\n')
      return str;
    if (c == '"') {     /* an adjacent literal on the same line continues it */
      i++;
      while (line[i] == ' ' || line[i] == '\t')
        i++;
      if (line[i] != '"')
        return str;
      i++;
      continue;
    }
    if (b == off) {
      Loc l = str;
      l.col = i + 1;
      return l;
    }
    i += c == '\\' ? escape_len(line + i) : 1;
    b++;
  }
}

/* ---------------------------------------------------------------------
 * The check.
 * --------------------------------------------------------------------- */

typedef struct {
  Node *call;
  const char *fname;    /* "printf" */
  Loc str_loc;          /* the literal */
  Node *arg;            /* the next argument to consume */
  int argno;            /* its 1-based number in the call */
  int conv_off;         /* byte offset of the current '%' */
  const char *conv;     /* its text, for messages: "%5ld" */
} Fmt;

/* Skips the digits of a width or precision at *I; false when there are more
 * than 6 (the runtime's limit), so that no field can ask for gigabytes. */
static bool digits_ok(const char *p, int n, int *i) {
  int digits = 0;
  while (*i < n && p[*i] >= '0' && p[*i] <= '9')
    (*i)++, digits++;
  return digits <= 6;
}

/* WHAT: NULL for the conversion itself, or "field width" / "precision". */
static void too_few(Fmt *f, const char *what) {
  if (what)
    error_at(byte_loc(f->str_loc, f->conv_off),
             "too few arguments for format: the %s '*' of '%s' has no matching argument; "
             "add an int argument or remove the '*'",
             what, f->conv);
  else
    error_at(byte_loc(f->str_loc, f->conv_off),
             "too few arguments for format: '%s' has no matching argument; add the "
             "argument or remove the conversion",
             f->conv);
}

/* Consume the argument of a '*' width or precision. */
static void star_arg(Fmt *f, const char *what) {
  if (!f->arg) {
    too_few(f, what);
    return;
  }
  if (arg_class(f->arg->ty) != AC_INT)
    error_at(f->arg->loc,
             "%s '*' in format '%s' expects an argument of type 'int', but argument %d "
             "has type '%s'; convert it with (int)",
             what, f->conv, f->argno, type_to_c(f->arg->ty, NULL));
  f->arg = f->arg->next;
  f->argno++;
}

/* Check one conversion: flags, width and precision already parsed. */
static void check_conversion(Fmt *f, char conv, int len_l) {
  const char *expect;
  bool ok;
  if (!f->arg) {
    too_few(f, NULL);
    return;
  }
  ArgClass ac = arg_class(f->arg->ty);
  switch (conv) {
  case 'd':
  case 'i':
  case 'c':
    expect = len_l == 2 ? "long long" : len_l == 1 ? "long" : "int";
    break;
  case 'u':
  case 'x':
  case 'X':
  case 'o':
    expect = len_l == 2 ? "unsigned long long" : len_l == 1 ? "unsigned long" : "unsigned int";
    break;
  case 'f': case 'e': case 'g': case 'F': case 'E': case 'G':
    expect = "double";
    break;
  default:
    expect = NULL;
    break;
  }
  switch (conv) {
  case 'd': case 'i': case 'c': case 'u': case 'x': case 'X': case 'o':
    ok = len_l == 2 ? ac == AC_LLONG : len_l == 1 ? ac == AC_INT || ac == AC_LONG : ac == AC_INT;
    break;
  case 'f': case 'e': case 'g': case 'F': case 'E': case 'G':
    ok = ac == AC_DOUBLE;
    break;
  case 's':
    ok = ac == AC_CHARARRAY;
    break;
  case 'p':
    ok = ac == AC_POINTER || ac == AC_CHARARRAY;
    break;
  default:
    ok = true;
    break;
  }
  if (!ok) {
    const char *tn = type_to_c(f->arg->ty, NULL);
    const char *sug = suggest(f->arg->ty);
    const char *fix = sug ? format("; use '%s' or convert the argument", sug)
                          : "; pass a value of the expected type";
    Type *t = f->arg->ty;
    if (conv == 's' && t && t->kind == TY_PTR && t->base && t->base->kind != TY_ARRAY &&
        is_integer(t->base) && t->base->size == 1)
      fix = "; pass the char array itself (a pointer to one char is not a string)";
    else if (conv == 's' && ac == AC_POINTER && t->base && t->base->kind == TY_ARRAY)
      fix = "; '%s' prints only arrays of plain 'char'";
    if (conv == 's')
      error_at(f->arg->loc,
               "format '%s' expects a 'char' array ('const char (*)[]'), but argument %d "
               "has type '%s'%s",
               f->conv, f->argno, tn, fix);
    else if (conv == 'p')
      error_at(f->arg->loc,
               "format '%s' expects a pointer, but argument %d has type '%s'%s",
               f->conv, f->argno, tn, fix);
    else
      error_at(f->arg->loc,
               "format '%s' expects an argument of type '%s', but argument %d has type '%s'%s",
               f->conv, expect, f->argno, tn, fix);
  }
  f->arg = f->arg->next;
  f->argno++;
}

static bool is_conversion(char c) {
  return c && strchr("diuxXocspfegFEG", c);
}

/* The static string object behind the format argument, or NULL. */
static Obj *format_string(Node *e, Loc *loc) {
  while (e && e->kind == ND_CAST)
    e = e->lhs;
  if (e && e->kind == ND_ADDR)
    e = e->lhs;
  if (e && e->kind == ND_VAR && e->obj && e->obj->is_string && e->obj->str_bytes) {
    *loc = e->loc;
    return e->obj;
  }
  return NULL;
}

void format_check_call(Node *call, Node *fmt_arg, Node *rest) {
  Fmt f = {.call = call, .arg = rest};
  f.fname = call && call->lhs && call->lhs->kind == ND_VAR && call->lhs->obj
                ? call->lhs->obj->name
                : "printf";

  int fmt_no = 1;
  if (call)
    for (Node *a = call->args; a && a != fmt_arg; a = a->next)
      fmt_no++;
  f.argno = fmt_no + 1;

  Obj *s = format_string(fmt_arg, &f.str_loc);
  if (!s) {
    error_at(fmt_arg->loc,
             "the format of '%s' must be a string literal, so that its arguments can be "
             "checked; to print a string s, write %s(%s\"%%s\", s)",
             f.fname, f.fname,
             fmt_no == 2 ? (strcmp(f.fname, "snprintf") ? "f, " : "buf, ") : "");
    return;
  }

  const char *p = s->str_bytes;
  int n = s->str_len;
  for (int i = 0; i < n && p[i]; i++) {
    if (p[i] != '%')
      continue;
    int start = i++;
    f.conv_off = start;
    bool flag[256] = {false};
    bool has_prec = false;
    bool star_w = false, star_p = false;

    while (i < n && p[i] && strchr("-+ #0", p[i]))
      flag[(unsigned char)p[i++]] = true;
    if (i < n && p[i] == '*') {
      star_w = true;
      i++;
    } else if (!digits_ok(p, n, &i)) {
      f.conv = xstrndup(p + start, i - start);
      error_at(byte_loc(f.str_loc, start),
               "field width in format '%s' is too large; use at most 6 digits", f.conv);
    }
    if (i < n && p[i] == '.') {
      has_prec = true;
      i++;
      if (i < n && p[i] == '*') {
        star_p = true;
        i++;
      } else if (!digits_ok(p, n, &i)) {
        f.conv = xstrndup(p + start, i - start);
        error_at(byte_loc(f.str_loc, start),
                 "precision in format '%s' is too large; use at most 6 digits", f.conv);
      }
    }
    int len_at = i;
    while (i < n && p[i] && strchr("hlLjztq", p[i]))
      i++;
    const char *len = xstrndup(p + len_at, i - len_at);
    int len_l = !*len                  ? 0
                : !strcmp(len, "l")    ? 1
                : !strcmp(len, "ll")   ? 2
                : !strcmp(len, "h")    ? -1
                : !strcmp(len, "hh")   ? -2
                                       : 9;
    if (len_l == 9) {
      int k = i;
      if (k < n && is_conversion(p[k]))
        k++;
      f.conv = xstrndup(p + start, k - start);
      error_at(byte_loc(f.str_loc, start),
               "length modifier '%s' in format '%s' is not supported; use 'hh', 'h', 'l' "
               "or 'll' ('long' is 32 bits, 'long long' 64), or none",
               len, f.conv);
      /* give up on the rest: the arguments can no longer be matched */
      return;
    }
    char conv = i < n ? p[i] : '\0';
    f.conv = xstrndup(p + start, (conv ? i + 1 : i) - start);

    if (conv == '\0') {
      error_at(byte_loc(f.str_loc, start),
               "format ends in the middle of a conversion ('%s'); write '%%%%' for a "
               "percent sign",
               f.conv);
      return;
    }
    if (conv == '%') {
      if (i != start + 1)
        error_at(byte_loc(f.str_loc, start),
                 "'%s' in format: '%%%%' takes no flags, width, precision or length; "
                 "write '%%%%'",
                 f.conv);
      continue;
    }
    if (conv == 'n') {
      error_at(byte_loc(f.str_loc, start),
               "'%s' is not allowed in a format: Cuckoo has no conversion that writes "
               "through an argument; remove it",
               f.conv);
      return;
    }
    if (!is_conversion(conv)) {
      if (conv >= ' ' && conv < 0x7f)
        error_at(byte_loc(f.str_loc, start),
                 "unknown conversion '%s' in format; use one of %%d %%i %%u %%x %%X %%o "
                 "%%c %%s %%p %%f %%e %%g %%F %%E %%G, or '%%%%' for a percent sign",
                 f.conv);
      else
        error_at(byte_loc(f.str_loc, start),
                 "unknown conversion in format (a '%%' followed by byte 0x%02x); write "
                 "'%%%%' for a percent sign",
                 (unsigned char)conv);
      return;
    }

    /* Combinations C leaves undefined. */
    if ((len_l && !strchr("diuxXo", conv) && !(len_l == 1 && strchr("fegFEG", conv)))) {
      error_at(byte_loc(f.str_loc, start),
               "length modifier '%s' cannot be used with '%%%c' in format '%s'; remove it",
               len, conv, f.conv);
      return;
    }
    if (flag['#'] && !strchr("oxXfegFEG", conv))
      error_at(byte_loc(f.str_loc, start),
               "flag '#' cannot be used with '%%%c' in format '%s'; remove it", conv, f.conv);
    if (flag['0'] && strchr("csp", conv))
      error_at(byte_loc(f.str_loc, start),
               "flag '0' cannot be used with '%%%c' in format '%s'; remove it", conv, f.conv);
    if (has_prec && strchr("cp", conv))
      error_at(byte_loc(f.str_loc, start),
               "a precision cannot be used with '%%%c' in format '%s'; remove it", conv,
               f.conv);

    if (star_w)
      star_arg(&f, "field width");
    if (star_p)
      star_arg(&f, "precision");
    check_conversion(&f, conv, len_l);
  }

  if (f.arg) {
    int extra = 0;
    for (Node *a = f.arg; a; a = a->next)
      extra++;
    error_at(f.arg->loc,
             "too many arguments for format: argument %d of '%s' has no conversion in "
             "the format; remove %s or add a conversion",
             f.argno, f.fname, extra > 1 ? "the extra arguments" : "it");
  }
}

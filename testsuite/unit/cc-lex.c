/* cc-lex.c -- Check unit tests of lex.l (and of the token-level parts of
 * parse.y): integer constants and their C99 types on i386, floating
 * constants, character constants with every C escape and GCC's values,
 * string escapes and concatenation, keywords, line markers, pragmas, and
 * the re-alignment of columns with the original source line. */
#include "cc.h"
#include "parse.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- helpers ------------------------------------------------------------ */

typedef struct {
  int kind;
  YYSTYPE val;
  YYLTYPE loc;
} Tok;

/* Lexes TEXT; returns the number of tokens (before the end) in OUT. */
static int lex_all(const char *text, Tok *out, int max) {
  Lexer *lx = lexer_new(text, strlen(text), "t.ck");
  int n = 0;
  for (;;) {
    Tok t;
    memset(&t, 0, sizeof t);
    t.kind = lexer_next(lx, &t.val, &t.loc);
    if (t.kind == 0)
      break;
    ck_assert_int_lt(n, max);
    out[n++] = t;
  }
  lexer_free(lx);
  return n;
}

static Tok lex1(const char *text) {
  Tok t[4];
  int n = lex_all(text, t, 4);
  ck_assert_int_eq(n, 1);
  return t[0];
}

static void int_is(const char *text, long long v, Type *ty) {
  int before = diag_errors;
  Tok t = lex1(text);
  ck_assert_int_eq(t.kind, CONSTANT);
  ck_assert_int_eq(t.val.node->kind, ND_NUM);
  ck_assert_msg(t.val.node->ival == v, "%s: value %lld, want %lld", text, t.val.node->ival, v);
  ck_assert_msg(t.val.node->ty == ty, "%s: wrong type (kind %d)", text, t.val.node->ty->kind);
  ck_assert_int_eq(diag_errors, before);
}

static void char_is(const char *text, long long v) {
  int_is(text, v, ty_int);
}

static void float_is(const char *text, double v, Type *ty) {
  Tok t = lex1(text);
  ck_assert_int_eq(t.kind, CONSTANT);
  ck_assert_msg(t.val.node->fval == v, "%s: %g, want %g", text, t.val.node->fval, v);
  ck_assert_ptr_eq(t.val.node->ty, ty);
}

static void str_is(const char *text, const char *bytes, int len) {
  Tok t = lex1(text);
  ck_assert_int_eq(t.kind, STRING);
  ck_assert_int_eq(t.val.str.len, len);
  ck_assert_int_eq(memcmp(t.val.str.s, bytes, (size_t)len), 0);
}

static void errors_in(const char *text, int nerrors) {
  int before = diag_errors;
  Tok t[16];
  lex_all(text, t, 16);
  ck_assert_msg(diag_errors - before == nerrors, "%s: %d errors, want %d", text,
                diag_errors - before, nerrors);
}

static ExtDecl *parse(const char *text, bool *ok) {
  return parse_program(text, strlen(text), "t.ck", ok);
}

static void setup(void) {
  diag_max_errors = 1000;
}

/* ---- integer constants ---------------------------------------------------- */

START_TEST(int_decimal) {
  int_is("0", 0, ty_int);
  int_is("42", 42, ty_int);
  int_is("2147483647", 2147483647, ty_int);
  int_is("2147483648", 2147483648LL, ty_llong);      /* long is 32 bits: skip to long long */
  int_is("4294967295", 4294967295LL, ty_llong);
  int_is("9223372036854775807", 9223372036854775807LL, ty_llong);
}
END_TEST

START_TEST(int_hex_octal) {
  int_is("0x7fffffff", 0x7fffffff, ty_int);
  int_is("0x80000000", 0x80000000LL, ty_uint);      /* hex may become unsigned */
  int_is("0xFFFFFFFF", 0xffffffffLL, ty_uint);
  int_is("0x100000000", 0x100000000LL, ty_llong);
  int_is("0xffffffffffffffff", -1, ty_ullong);
  int_is("0Xab", 0xab, ty_int);
  int_is("017", 15, ty_int);
  int_is("037777777777", 0xffffffffLL, ty_uint);
  int_is("00", 0, ty_int);
}
END_TEST

START_TEST(int_suffixes) {
  int_is("1u", 1, ty_uint);
  int_is("1U", 1, ty_uint);
  int_is("4294967295u", 4294967295LL, ty_uint);
  int_is("4294967296u", 4294967296LL, ty_ullong);
  int_is("1l", 1, ty_long);
  int_is("1L", 1, ty_long);
  int_is("2147483648L", 2147483648LL, ty_llong);
  int_is("0xffffffffL", 0xffffffffLL, ty_ulong);
  int_is("1ul", 1, ty_ulong);
  int_is("1LU", 1, ty_ulong);
  int_is("1ll", 1, ty_llong);
  int_is("1LL", 1, ty_llong);
  int_is("0xffffffffffffffffLL", -1, ty_ullong);
  int_is("1ull", 1, ty_ullong);
  int_is("1LLU", 1, ty_ullong);
  int_is("18446744073709551615ULL", -1, ty_ullong);
}
END_TEST

START_TEST(int_errors) {
  errors_in("08", 1);                 /* invalid octal digit */
  errors_in("0x", 1);                 /* no hex digits */
  errors_in("1uu", 1);
  errors_in("1lL", 1);                /* mixed-case ll */
  errors_in("1lul", 1);
  errors_in("12abc", 1);
  errors_in("99999999999999999999", 1); /* too large */
}
END_TEST

/* ---- floating constants --------------------------------------------------- */

START_TEST(floats) {
  float_is("1.5", 1.5, ty_double);
  float_is("1.", 1.0, ty_double);
  float_is(".25", 0.25, ty_double);
  float_is("1e3", 1000.0, ty_double);
  float_is("2.5E-1", 0.25, ty_double);
  float_is("1e+2", 100.0, ty_double);
  float_is("1.5f", 1.5, ty_float);
  float_is("0.1F", (double)0.1f, ty_float);   /* rounded to float */
  float_is("0x1p4", 16.0, ty_double);
  float_is("0x1.8p1", 3.0, ty_double);
  errors_in("1.0L", 1);               /* long double is not in Cuckoo */
  errors_in("1.0l", 1);
  errors_in("1.5e", 1);
  errors_in("1.0q", 1);
  errors_in("0x1.8", 1);              /* a hex float needs an exponent */
}
END_TEST

/* ---- character constants -------------------------------------------------- */

START_TEST(chars_plain) {
  char_is("'a'", 'a');
  char_is("'0'", '0');
  char_is("' '", ' ');
  char_is("'\"'", '"');
}
END_TEST

START_TEST(chars_escapes) {
  char_is("'\\a'", 7);
  char_is("'\\b'", 8);
  char_is("'\\f'", 12);
  char_is("'\\n'", 10);
  char_is("'\\r'", 13);
  char_is("'\\t'", 9);
  char_is("'\\v'", 11);
  char_is("'\\\\'", '\\');
  char_is("'\\''", '\'');
  char_is("'\\\"'", '"');
  char_is("'\\?'", '?');
  char_is("'\\0'", 0);
  char_is("'\\101'", 'A');
  char_is("'\\7'", 7);
  char_is("'\\x41'", 'A');
  char_is("'\\x7f'", 127);
}
END_TEST

START_TEST(chars_gcc_values) {
  char_is("'\\xff'", -1);             /* char is signed on i386 */
  char_is("'\\377'", -1);
  char_is("'\\x80'", -128);
  char_is("'\\200'", -128);
  /* multi-character constants as GCC: big-endian bytes, type int
   * (each also gets GCC's warning, not an error) */
  char_is("'ab'", 0x6162);
  char_is("'abcd'", 0x61626364);
  char_is("'\\xff\\xff'", 0xffff);
}
END_TEST

START_TEST(chars_errors) {
  errors_in("''", 1);                 /* empty */
  errors_in("'\\q'", 1);              /* unknown escape */
  errors_in("'\\x'", 1);              /* \x without digits */
  errors_in("'\\x100'", 1);           /* out of range */
  errors_in("'\\u00e9'", 1);          /* universal character name */
  errors_in("'abc", 1);               /* unterminated */
  errors_in("L'x'", 1);               /* wide */
  errors_in("u'x'", 1);
  errors_in("U'x'", 1);
}
END_TEST

/* ---- strings -------------------------------------------------------------- */

START_TEST(strings) {
  str_is("\"\"", "", 0);
  str_is("\"abc\"", "abc", 3);
  str_is("\"a\\tb\\n\"", "a\tb\n", 4);
  str_is("\"\\a\\b\\f\\r\\v\\\\\\'\\\"\\?\"", "\a\b\f\r\v\\'\"?", 9);
  str_is("\"\\0\\101\\x41\\xff\"", "\0AA\xff", 4);
  str_is("\"\\1234\"", "S4", 2);       /* octal escapes take at most 3 digits */
  str_is("\"a\\0b\"", "a\0b", 3);
}
END_TEST

START_TEST(strings_errors) {
  errors_in("L\"x\"", 1);
  errors_in("u8\"x\"", 1);
  errors_in("u\"x\"", 1);
  errors_in("U\"x\"", 1);
  errors_in("\"abc", 1);              /* unterminated */
  errors_in("\"\\x100\"", 1);
}
END_TEST

START_TEST(string_concatenation) {
  bool ok;
  ExtDecl *d = parse("char s[] = \"ab\" \"\" \"c\\0d\"\n   \"\\n\";\n", &ok);
  ck_assert(ok);
  ck_assert_ptr_nonnull(d);
  ck_assert_ptr_nonnull(d->pinit);
  Node *s = d->pinit->expr;
  ck_assert_int_eq(s->kind, ND_STR);
  ck_assert_int_eq(s->strlen, 6);
  ck_assert_int_eq(memcmp(s->str, "abc\0d\n", 6), 0);
  ck_assert_int_eq(s->loc.line, 1);   /* the first piece's position */
  ck_assert_int_eq(s->loc.col, 12);
}
END_TEST

/* ---- keywords and punctuators ------------------------------------------- */

START_TEST(keywords) {
  static const struct { const char *s; int kind; } kw[] = {
    {"auto", KW_AUTO}, {"break", KW_BREAK}, {"case", KW_CASE}, {"char", KW_CHAR},
    {"const", KW_CONST}, {"continue", KW_CONTINUE}, {"default", KW_DEFAULT}, {"do", KW_DO},
    {"double", KW_DOUBLE}, {"else", KW_ELSE}, {"enum", KW_ENUM}, {"extern", KW_EXTERN},
    {"float", KW_FLOAT}, {"for", KW_FOR}, {"goto", KW_GOTO}, {"if", KW_IF},
    {"inline", KW_INLINE}, {"int", KW_INT}, {"long", KW_LONG}, {"register", KW_REGISTER},
    {"return", KW_RETURN}, {"short", KW_SHORT}, {"signed", KW_SIGNED}, {"sizeof", KW_SIZEOF},
    {"static", KW_STATIC}, {"struct", KW_STRUCT}, {"switch", KW_SWITCH},
    {"typedef", KW_TYPEDEF}, {"union", KW_UNION}, {"unsigned", KW_UNSIGNED},
    {"void", KW_VOID}, {"volatile", KW_VOLATILE}, {"while", KW_WHILE}, {"_Bool", KW_BOOL},
    {"bool", KW_BOOL}, {"_Noreturn", KW_NORETURN}, {"true", KW_TRUE}, {"false", KW_FALSE},
    {"NULL", KW_NULL}, {"new", KW_NEW}, {"delete", KW_DELETE}, {"lengthof", KW_LENGTHOF},
    {"spawn", KW_SPAWN}, {"global", KW_GLOBAL}, {"_Complex", KW_COMPLEX}, {"asm", KW_ASM},
    {"__asm__", KW_ASM}, {"__asm", KW_ASM},
  };
  for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++) {
    Tok t = lex1(kw[i].s);
    ck_assert_msg(t.kind == kw[i].kind, "%s: kind %d", kw[i].s, t.kind);
  }
  /* not keywords in Cuckoo */
  const char *ids[] = {"restrict", "_Imaginary", "Int", "new_", "x1", "_", "__asm_x", "nullptr"};
  for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
    Tok t = lex1(ids[i]);
    ck_assert_int_eq(t.kind, IDENTIFIER);
    ck_assert_str_eq(t.val.name, ids[i]);
  }
  ck_assert_str_eq(token_name(KW_INT), "'int'");
  ck_assert_str_eq(token_name(ARROW), "'->'");
  ck_assert_str_eq(token_name(';'), "';'");
  ck_assert_str_eq(token_name(IDENTIFIER), "identifier");
}
END_TEST

START_TEST(punctuators) {
  const char *text = "-> ++ -- << >> <= >= == != && || *= /= %= += -= <<= >>= &= ^= |= ... "
                     "[ ] ( ) { } . & * + - ~ ! / % < > ^ | ? : ; = , <: :> <% %>";
  const int want[] = {ARROW, INC, DEC, SHL, SHR, LE, GE, EQ, NE, ANDAND, OROR, MUL_ASSIGN,
                      DIV_ASSIGN, MOD_ASSIGN, ADD_ASSIGN, SUB_ASSIGN, SHL_ASSIGN, SHR_ASSIGN,
                      AND_ASSIGN, XOR_ASSIGN, OR_ASSIGN, ELLIPSIS, '[', ']', '(', ')', '{', '}',
                      '.', '&', '*', '+', '-', '~', '!', '/', '%', '<', '>', '^', '|', '?', ':',
                      ';', '=', ',', '[', ']', '{', '}'};
  Tok t[64];
  int n = lex_all(text, t, 64);
  ck_assert_int_eq(n, (int)(sizeof want / sizeof want[0]));
  for (int i = 0; i < n; i++)
    ck_assert_msg(t[i].kind == want[i], "token %d: %d, want %d", i, t[i].kind, want[i]);
  /* maximal munch */
  n = lex_all("a+++b", t, 64);
  ck_assert_int_eq(n, 4);
  ck_assert_int_eq(t[1].kind, INC);
  ck_assert_int_eq(t[2].kind, '+');
  errors_in("@", 1);
  errors_in("a ` b", 1);
}
END_TEST

/* ---- line markers, pragmas, columns --------------------------------------- */

START_TEST(line_markers) {
  Tok t[8];
  int n = lex_all("# 1 \"t.ck\"\n"
                  "a\n"
                  "# 42 \"dir/foo.ck\" 2\n"
                  "b\n"
                  "\n"
                  "c\n"
                  "#line 7 \"bar.ck\"\n"
                  "d\n"
                  "# 9 \"bar.ck\" 1 3 4\n"
                  "e\n",
                  t, 8);
  ck_assert_int_eq(n, 5);
  ck_assert_str_eq(t[0].loc.loc.file, "t.ck");
  ck_assert_int_eq(t[0].loc.loc.line, 1);
  ck_assert_str_eq(t[1].loc.loc.file, "dir/foo.ck");
  ck_assert_int_eq(t[1].loc.loc.line, 42);
  ck_assert_int_eq(t[2].loc.loc.line, 44);
  ck_assert_ptr_eq(t[1].loc.loc.file, t[2].loc.loc.file);   /* interned */
  ck_assert_str_eq(t[3].loc.loc.file, "bar.ck");
  ck_assert_int_eq(t[3].loc.loc.line, 7);
  ck_assert_int_eq(t[4].loc.loc.line, 9);
}
END_TEST

START_TEST(pragmas) {
  Tok t[8];
  int before = diag_errors;
  lex_runtime_trusted = true;     /* as for the runtime's own headers */
  int n = lex_all("a\n"
                  "#pragma once\n"
                  "#pragma GCC poison x\n"
                  "#pragma cuckoo runtime\n"
                  "b c\n"
                  "#pragma cuckoo end\n"
                  "d\n"
                  "#ident \"x\"\n"
                  "e\n",
                  t, 8);
  lex_runtime_trusted = false;
  ck_assert_int_eq(diag_errors, before);      /* other pragmas: ignored */
  ck_assert_int_eq(n, 5);
  ck_assert(!t[0].loc.rt);
  ck_assert(t[1].loc.rt);
  ck_assert(t[2].loc.rt);
  ck_assert(!t[3].loc.rt);
  ck_assert(!t[4].loc.rt);
  ck_assert_int_eq(t[4].loc.loc.line, 9);
  errors_in("#pragma cuckoo bogus\n", 1);

  /* outside the runtime's headers the pragma is an error */
  errors_in("#pragma cuckoo runtime\n#pragma cuckoo end\n", 1);

  bool ok;
  lex_runtime_trusted = true;
  ExtDecl *d = parse("int a;\n#pragma cuckoo runtime\nint b; int c(void);\n"
                     "#pragma cuckoo end\nint e;\n", &ok);
  lex_runtime_trusted = false;
  ck_assert(ok);
  ck_assert(!d->in_runtime_header);
  ck_assert(d->next->in_runtime_header);
  ck_assert(d->next->next->in_runtime_header);
  ck_assert(!d->next->next->next->in_runtime_header);
}
END_TEST

/* Writes SRC to a temporary file; returns its name. */
static char *write_source(const char *src) {
  char *name = xstrdup("/tmp/cc-lex-XXXXXX");
  int fd = mkstemp(name);
  ck_assert_int_ge(fd, 0);
  ck_assert_int_eq(write(fd, src, strlen(src)), (ssize_t)strlen(src));
  close(fd);
  return name;
}

START_TEST(columns) {
  /* what cpp does to it: runs of blanks collapse, macros expand */
  char *file = write_source("int   x  =\t\ty +  N;\n"
                            "    if (a)  b = N + c;\n");
  char *pp = format("# 1 \"%s\"\n"
                    "int x = y + 10;\n"
                    " if (a) b = 10 + c;\n", file);
  Tok t[32];
  int n = lex_all(pp, t, 32);
  ck_assert_int_eq(n, 17);
  const int cols[] = {1, 7, 10, 13, 15, 15 /* 10: from N, keeps the last column */, 19,
                      5, 8, 9, 10, 13, 15, 15, 19, 21, 22};
  for (int i = 0; i < n; i++)
    ck_assert_msg(t[i].loc.loc.col == cols[i], "token %d ('%s'): col %d, want %d", i,
                  token_name(t[i].kind), t[i].loc.loc.col, cols[i]);
  ck_assert_int_eq(t[7].loc.loc.line, 2);

  /* an identifier is not found inside a longer one */
  char *file2 = write_source("xx = x;\n");
  char *pp2 = format("# 1 \"%s\"\n"
                     "xx = x;\n", file2);
  n = lex_all(pp2, t, 32);
  ck_assert_int_eq(n, 4);
  ck_assert_int_eq(t[2].loc.loc.col, 6);

  /* a macro's token that matches a later spelling by chance does not
   * push the next tokens off their columns */
  char *file3 = write_source("x = ONE + 1;\n");
  char *pp3 = format("# 1 \"%s\"\n"
                     "x = 1 + 1;\n", file3);
  n = lex_all(pp3, t, 32);
  ck_assert_int_eq(n, 6);
  const int cols3[] = {1, 3, 11, 9, 11, 12};
  for (int i = 0; i < n; i++)
    ck_assert_msg(t[i].loc.loc.col == cols3[i], "token %d: col %d, want %d", i,
                  t[i].loc.loc.col, cols3[i]);
  unlink(file3);

  /* a file that cannot be read: the preprocessed column */
  n = lex_all("# 1 \"/nonexistent/x.ck\"\n  a  b\n", t, 32);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(t[0].loc.loc.col, 3);
  ck_assert_int_eq(t[1].loc.loc.col, 6);
  unlink(file);
  unlink(file2);
}
END_TEST

/* ---- parser-level token behaviour -------------------------------------- */

START_TEST(typedef_names) {
  bool ok;
  ExtDecl *d = parse("typedef int T;\n"
                     "int f(void) { T a; { int T; T = 1; } { T b; } return sizeof(T); }\n"
                     "T g(T T) { return T; }\n", &ok);
  ck_assert(ok);
  ck_assert_ptr_nonnull(d->next);
  ck_assert_ptr_nonnull(d->next->next);
  ck_assert_str_eq(d->next->next->spec->typedef_name, "T");
}
END_TEST

START_TEST(asm_rejected) {
  bool ok;
  int before = diag_errors;
  parse("int f(void) { asm(\"nop\"); __asm__ volatile (\"x\" : : \"r\"(1)); return 0; }\n", &ok);
  ck_assert(!ok);
  ck_assert_int_eq(diag_errors - before, 2);
}
END_TEST

START_TEST(syntax_error_recovery) {
  bool ok;
  int before = diag_errors;
  ExtDecl *d = parse("int f(void) { int x = 1 return x; }\n"
                     "int g(void) { x = 1 }\n"
                     "int h(void) { return 0; }\n", &ok);
  ck_assert(!ok);
  ck_assert_int_eq(diag_errors - before, 2);
  int count = 0;
  for (; d; d = d->next)
    count++;
  ck_assert_int_eq(count, 3);          /* every function is still there */
}
END_TEST

static Suite *lex_suite(void) {
  Suite *s = suite_create("cc-lex");
  TCase *tc = tcase_create("lex");
  tcase_add_checked_fixture(tc, setup, NULL);
  tcase_add_test(tc, int_decimal);
  tcase_add_test(tc, int_hex_octal);
  tcase_add_test(tc, int_suffixes);
  tcase_add_test(tc, int_errors);
  tcase_add_test(tc, floats);
  tcase_add_test(tc, chars_plain);
  tcase_add_test(tc, chars_escapes);
  tcase_add_test(tc, chars_gcc_values);
  tcase_add_test(tc, chars_errors);
  tcase_add_test(tc, strings);
  tcase_add_test(tc, strings_errors);
  tcase_add_test(tc, string_concatenation);
  tcase_add_test(tc, keywords);
  tcase_add_test(tc, punctuators);
  tcase_add_test(tc, line_markers);
  tcase_add_test(tc, pragmas);
  tcase_add_test(tc, columns);
  tcase_add_test(tc, typedef_names);
  tcase_add_test(tc, asm_rejected);
  tcase_add_test(tc, syntax_error_recovery);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(lex_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

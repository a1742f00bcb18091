/* ir/read.c -- reads the text ir/dump.c writes back into IR.
 *
 * The grammar is the printer's, line by line:
 *
 *   function NAME -> KIND [(static)] [(domain entry)] [(spawn target)]
 *            [(checks stack)] [(sret)] [(thunk of NAME, N bytes)]
 *     slotN: SIZE bytes align ALIGN [NAME] [(param +OFF)]
 *     var %T NAME
 *     bN: [(versioned)]
 *       [%T:KIND =] OP[:KIND][.SUFFIX...] OPERANDS [; SITE [, SITE]]
 *
 * with blank lines and lines starting with ';' (the "; after PASS" lines of
 * -fdump-ir-after) ignored.  Everything the middle end reads is in the
 * text, so a pass gives the same result on IR read back as on the IR it
 * was printed from; what only the back end reads (slot types, source
 * places other than the sites') is not, which is why a .ir input is only
 * optimised and printed, never compiled (the driver says so).
 *
 * Errors are the user's (a hand-edited file): FILE:LINE:COL, what was
 * expected, the line and a caret; the first ends the reading.  A function
 * read whole is then checked like the output of any pass (ir_verify), after
 * the reader's own checks of what a file can get wrong: blocks numbered in
 * order, every block ended by one terminator, jumps to blocks that exist,
 * one kind per temp. */
#include "cc.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define K_UNSET ((IrKind)99)      /* a kind the text left to ir_implied_kind */

typedef struct {
  const char *path;
  const char *line;               /* the current line, NUL-terminated */
  const char *p;                  /* the cursor in it */
  const char *tok;                /* where the last token began: errors about it point there */
  int lineno;
  jmp_buf fail;
  /* the function being read */
  IrFunc *f;
  bool *defined;                  /* per temp: has a definition been read */
  int cap_defined;
  Loc last_loc;
  FILE *fp;
  char *buf;                      /* getline's */
  long long max_temp;             /* a temp's number is below 4096 + the file's size: a
                                     sparse huge number would make every pass's per-temp
                                     tables (and each inlined copy's) that large */
} Reader;

static _Noreturn void rd_error(Reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static _Noreturn void rd_error(Reader *r, const char *fmt, ...) {
  int col = r->line ? (int)(r->p - r->line) + 1 : 1;
  if (r->lineno > 0)
    fprintf(stderr, "%s:%d:%d: error: ", r->path, r->lineno, col);
  else
    fprintf(stderr, "%s: error: ", r->path);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  if (r->line) {
    fprintf(stderr, "%5d | %s\n      | %*s^\n", r->lineno, r->line, col - 1, "");
  }
  longjmp(r->fail, 1);
}

/* ---- tokens within one line ---------------------------------------------- */

static void skip_ws(Reader *r) {
  while (*r->p == ' ' || *r->p == '\t')
    r->p++;
}

static bool at_end(Reader *r) {
  skip_ws(r);
  return *r->p == '\0';
}

/* Consumes S (after blanks) when it is next. */
static bool accept(Reader *r, const char *s) {
  skip_ws(r);
  size_t n = strlen(s);
  if (strncmp(r->p, s, n) != 0)
    return false;
  r->p += n;
  return true;
}

static void expect(Reader *r, const char *s, const char *what) {
  if (!accept(r, s))
    rd_error(r, "expected '%s' %s", s, what);
}

static bool word_char(char c) { return isalnum((unsigned char)c) || c == '_' || c == '.'; }

/* A run of letters, digits, '_' and '.' (NULL when there is none). */
static char *word(Reader *r) {
  skip_ws(r);
  const char *s = r->tok = r->p;
  while (word_char(*r->p))
    r->p++;
  return r->p > s ? xstrndup(s, (size_t)(r->p - s)) : NULL;
}

/* A run of letters, digits and '_' (no '.': ends at an op's suffix). */
static char *ident(Reader *r) {
  skip_ws(r);
  const char *s = r->tok = r->p;
  while (isalnum((unsigned char)*r->p) || *r->p == '_')
    r->p++;
  return r->p > s ? xstrndup(s, (size_t)(r->p - s)) : NULL;
}

static long long integer(Reader *r, const char *what) {
  skip_ws(r);
  const char *s = r->p;
  if (*s == '+' || *s == '-')
    s++;
  if (!isdigit((unsigned char)*s))
    rd_error(r, "expected %s (a number)", what);
  errno = 0;
  char *end;
  long long v = strtoll(r->p, &end, 10);
  if (errno == ERANGE)
    rd_error(r, "%s out of range", what);
  r->p = end;
  return v;
}

/* A C string literal as dump_string writes it. */
static char *string(Reader *r) {
  skip_ws(r);
  if (*r->p != '"')
    rd_error(r, "expected a string");
  r->tok = r->p++;
  Buf b = {0};
  buf_printf(&b, "%s", "");
  while (*r->p != '"') {
    if (*r->p == '\0') {
      r->p = r->tok;
      rd_error(r, "unterminated string");
    }
    char c = *r->p++;
    if (c == '\\') {
      if (*r->p == 'n') {
        c = '\n';
        r->p++;
      } else if (*r->p >= '0' && *r->p <= '7') {
        int v = 0;
        for (int k = 0; k < 3 && *r->p >= '0' && *r->p <= '7'; k++)
          v = v * 8 + (*r->p++ - '0');
        c = (char)v;
      } else if (*r->p == '"' || *r->p == '\\') {
        c = *r->p++;
      } else {
        rd_error(r, "unknown escape '\\%c' in a string", *r->p);
      }
    }
    buf_printf(&b, "%c", c);
  }
  r->p++;
  return b.s;
}

/* A symbol: bare, or quoted when it could be taken for something else. */
static char *symbol(Reader *r, const char *what) {
  skip_ws(r);
  if (*r->p == '"')
    return string(r);
  char *w = word(r);
  if (!w)
    rd_error(r, "expected %s", what);
  return w;
}

static int lookup(Reader *r, const char *const *names, int n, const char *w, const char *what) {
  if (w)
    for (int i = 0; i < n; i++)
      if (!strcmp(names[i], w))
        return i;
  r->p = r->tok;
  rd_error(r, "expected %s, not '%s'", what, w ? w : "");
}

static IrKind kind_word(Reader *r) {
  return (IrKind)lookup(r, ir_kind_name, 5, ident(r), "a kind (i32, i64, f32, f64, void)");
}

/* `.SUFFIX` after an op's name: the word, or NULL when no '.' follows. */
static char *suffix(Reader *r) {
  if (*r->p != '.')
    return NULL;
  r->p++;
  char *w = ident(r);
  if (!w)
    rd_error(r, "expected a suffix after '.'");
  return w;
}

/* ---- operands -------------------------------------------------------------- */

static void note_temp(Reader *r, int t) {
  IrFunc *f = r->f;
  while (f->ntemps <= t)
    ir_new_temp(f, IK_I32);
  if (t >= r->cap_defined) {
    int n = r->cap_defined ? r->cap_defined : 64;
    while (n <= t)
      n *= 2;
    r->defined = xrealloc(r->defined, (size_t)n * sizeof *r->defined);
    memset(r->defined + r->cap_defined, 0, (size_t)(n - r->cap_defined) * sizeof *r->defined);
    r->cap_defined = n;
  }
}

static int temp(Reader *r) {
  skip_ws(r);
  r->tok = r->p;
  if (*r->p != '%')
    rd_error(r, "expected a temp (%%N)");
  r->p++;
  if (!isdigit((unsigned char)*r->p))
    rd_error(r, "expected a temp's number after '%%'");
  long long t = integer(r, "a temp's number");
  if (t < 0 || t > r->max_temp) {
    r->p = r->tok;
    rd_error(r, "temp %%%lld out of range (at most %%%lld in a file this size)", t, r->max_temp);
  }
  note_temp(r, (int)t);
  return (int)t;
}

static int block_ref(Reader *r) {
  skip_ws(r);
  if (*r->p != 'b' || !isdigit((unsigned char)r->p[1]))
    rd_error(r, "expected a block (bN)");
  r->p++;
  long long b = integer(r, "a block number");
  if (b > 1000000)
    rd_error(r, "block b%lld out of range", b);
  return (int)b;
}

/* A byte offset: within 32 bits, as an i386 displacement is (the passes
 * add offsets together and scale constant indexes into them). */
static long long checked_offset(Reader *r, const char *at, long long v) {
  if (v < -(1LL << 31) || v >= (1LL << 31)) {
    r->p = at;
    rd_error(r, "offset %lld does not fit in 32 bits", v);
  }
  return v;
}

/* `+N` / `-N` right after a symbol or a slot. */
static long long offset(Reader *r) {
  if (*r->p != '+' && *r->p != '-')
    rd_error(r, "expected the offset (+N or -N) after the symbol");
  const char *at = r->p;
  return checked_offset(r, at, integer(r, "an offset"));
}

static Oper oper(Reader *r) {
  skip_ws(r);
  const char *s = r->p;
  r->tok = s;
  if (*s == '_' && !word_char(s[1])) {
    r->p++;
    return (Oper){.kind = OK_NONE};
  }
  if (*s == '%')
    return ir_temp(temp(r));
  if (!strncmp(s, "domain", 6) && !word_char(s[6])) {
    r->p += 6;
    return (Oper){.kind = OK_DOMAIN};
  }
  if (*s == '$') {
    r->p++;
    bool quoted = *r->p == '"';
    char *name = symbol(r, "a symbol after '$'");
    if (!quoted && !strncmp(name, "slot", 4) && isdigit((unsigned char)name[4])) {
      char *end;
      long n = strtol(name + 4, &end, 10);
      if (*end) {
        r->p = s;
        rd_error(r, "'%s' is neither a slot nor a plain symbol (quote it)", name);
      }
      if (n >= r->f->nslots) {
        r->p = s;
        rd_error(r, "slot%ld does not exist (the function has %d)", n, r->f->nslots);
      }
      return ir_slot((int)n, offset(r));
    }
    return ir_sym(name, offset(r));
  }
  /* a number: an integer, or a floating constant (with '.', an exponent,
   * inf or nan) */
  const char *q = s;
  if (*q == '+' || *q == '-')
    q++;
  if (!strncmp(q, "inf", 3) || !strncmp(q, "nan", 3)) {
    r->p = q + 3;
    double v = q[0] == 'i' ? INFINITY : NAN;
    return (Oper){.kind = OK_FIMM, .fimm = *s == '-' ? -v : v};
  }
  if (!isdigit((unsigned char)*q))
    rd_error(r, "expected an operand (%%N, a number, $SYMBOL+N, $slotN+N, domain or _)");
  const char *e = q;
  while (isdigit((unsigned char)*e))
    e++;
  if (*e == '.' || *e == 'e' || *e == 'E') {
    char *end;
    double v = strtod(s, &end);
    r->p = end;
    return (Oper){.kind = OK_FIMM, .fimm = v};
  }
  return ir_imm(integer(r, "a constant"));
}

/* [BASE + %I*S +OFF] */
static IrAddr address(Reader *r) {
  IrAddr a = {.index = -1, .scale = 1};
  expect(r, "[", "to open an address");
  a.base = oper(r);
  if (a.base.kind == OK_IMM || a.base.kind == OK_FIMM)
    rd_error(r, "an address's base is a temp, a symbol, a slot or _");
  skip_ws(r);
  if (r->p[0] == '+' && r->p[1] == ' ') {
    r->p++;
    a.index = temp(r);
    expect(r, "*", "between the index and its scale");
    long long sc = integer(r, "a scale");
    if (sc != 1 && sc != 2 && sc != 4 && sc != 8)
      rd_error(r, "a scale is 1, 2, 4 or 8");
    a.scale = (int)sc;
    skip_ws(r);
  }
  if (*r->p == '+' || *r->p == '-') {
    const char *at = r->p;
    a.off = checked_offset(r, at, integer(r, "an offset"));
  }
  expect(r, "]", "to close the address");
  return a;
}

static IrSite *site(Reader *r) {
  char *kind = ident(r);
  if (!kind)
    rd_error(r, "expected a site's kind after ';'");
  Loc loc = {.file = r->path};
  loc.line = (int)integer(r, "the site's line");
  expect(r, ":", "between the site's line and column");
  loc.col = (int)integer(r, "the site's column");
  const char *func = NULL, *detail = NULL;
  if (accept(r, "in "))
    func = symbol(r, "the function the site reports");
  skip_ws(r);
  if (*r->p == '"')
    detail = string(r);
  IrSite *s = ir_new_site(r->f, strcmp(kind, "site") ? kind : NULL, detail, loc);
  s->func = func;
  r->last_loc = loc;
  return s;
}

/* ---- instructions ------------------------------------------------------------ */

static void call_operands(Reader *r, IrInst *in) {
  skip_ws(r);
  if (accept(r, "*"))
    in->a = oper(r);
  else
    in->sym = symbol(r, "the callee's symbol, or * and a pointer");
  expect(r, "(", "before the arguments");
  Vec args = {0};
  bool first = true;
  while (!accept(r, ")")) {
    if (!first)
      expect(r, ",", "between arguments");
    if (first && accept(r, "sret ")) {
      in->sret = oper(r);
      first = false;
      continue;
    }
    first = false;
    IrArg *a = xmalloc(sizeof *a);
    if (accept(r, "struct")) {
      long long n = integer(r, "a struct argument's size");
      if (n <= 0 || n > (1 << 24))
        rd_error(r, "a struct argument's size must be positive");
      a->size = (int)n;
    }
    skip_ws(r);
    if (!strncmp(r->p, "site", 4) && !word_char(r->p[4])) {
      r->p += 4;
      a->is_site = true;
    } else if (!strncmp(r->p, "hole", 4) && !word_char(r->p[4])) {
      r->p += 4;
      a->is_hole = true;
    } else {
      a->val = oper(r);
    }
    a->kind = K_UNSET;
    if (*r->p == ':') {
      r->p++;
      a->kind = kind_word(r);
    }
    vec_push(&args, a);
  }
  in->nargs = args.len;
  in->args = xmalloc((args.len ? (size_t)args.len : 1) * sizeof *in->args);
  for (int i = 0; i < args.len; i++)
    in->args[i] = *(IrArg *)args.v[i];
  for (;;) {
    if (accept(r, "runtime"))
      in->is_runtime = true;
    else if (accept(r, "noinline"))
      in->no_inline = true;
    else
      break;
  }
}

static void instruction(Reader *r, int block) {
  IrFunc *f = r->f;
  int dst = -1;
  IrKind dkind = IK_I32;
  const char *result_at = NULL;
  skip_ws(r);
  if (*r->p == '%') {
    result_at = r->p;
    dst = temp(r);
    expect(r, ":", "between the result and its kind");
    dkind = kind_word(r);
    if (dkind == IK_VOID)
      rd_error(r, "a result cannot be void");
    expect(r, "=", "after the result");
  }
  char *name = ident(r);
  if (!name)
    rd_error(r, "expected an operation");
  const char *op_at = r->tok;
  IrOp op = (IrOp)lookup(r, ir_op_name, IR_OP_COUNT, name, "an operation");
  if (op == IR_NOP) {
    r->p = r->tok;
    rd_error(r, "'nop' is never printed: leave it out");
  }
  if ((dst >= 0) != ((ir_op_flags[op] & IRF_DST) != 0) && op != IR_CALL) {
    r->p = r->tok;
    rd_error(r, dst >= 0 ? "'%s' has no result" : "'%s' needs a result (%%N:KIND = ...)", name);
  }
  IrInst *in = ir_append(f, block, op);
  in->dst = dst;
  in->k = K_UNSET;
  if (*r->p == ':') {
    r->p++;
    if (dst >= 0)
      rd_error(r, "an instruction with a result has its result's kind");
    in->k = kind_word(r);
  }
  if (dst >= 0) {
    if (r->defined[dst] && f->tkind[dst] != dkind) {
      r->p = result_at;
      rd_error(r, "%%%d was defined as %s before", dst, ir_kind_name[f->tkind[dst]]);
    }
    f->tkind[dst] = dkind;
    r->defined[dst] = true;
    in->k = dkind;
  }
  char *sfx;
  switch (op) {
  case IR_SET: case IR_BR:
    in->cc = (IrCC)lookup(r, ir_cc_name, 10, suffix(r), "a condition (.eq, .ult, ...)");
    in->k2 = (IrKind)lookup(r, ir_kind_name, 4, suffix(r), "the operands' kind");
    in->a = oper(r);
    expect(r, ",", "between the operands");
    in->b = oper(r);
    if (op == IR_BR) {
      expect(r, "->", "before the branch's targets");
      in->t1 = block_ref(r);
      expect(r, ",", "between the targets");
      in->t2 = block_ref(r);
    }
    break;
  case IR_EXT:
    in->mem = (IrMem)lookup(r, ir_mem_name, 8, suffix(r), "a width (.i8, .u16, ...)");
    in->a = oper(r);
    break;
  case IR_CVT:
    in->k2 = (IrKind)lookup(r, ir_kind_name, 4, suffix(r), "the source kind");
    if ((sfx = suffix(r))) {
      if (strcmp(sfx, "u"))
        rd_error(r, "the only suffix after a conversion's kind is .u");
      in->uns = true;
    }
    in->a = oper(r);
    break;
  case IR_LEA:
    in->addr = address(r);
    break;
  case IR_LOAD: case IR_STORE:
    in->mem = (IrMem)lookup(r, ir_mem_name, 8, suffix(r), "a width (.i32, .f64, ...)");
    in->addr = address(r);
    if (op == IR_STORE) {
      expect(r, ",", "before the value stored");
      in->a = oper(r);
    }
    break;
  case IR_MEMCPY: case IR_MEMZERO:
    in->a = oper(r);
    if (op == IR_MEMCPY) {
      expect(r, ",", "before the source");
      in->b = oper(r);
    }
    expect(r, ",", "before the size");
    in->n = integer(r, "a size");
    break;
  case IR_CALL:
    call_operands(r, in);
    break;
  case IR_JMP:
    in->t1 = block_ref(r);
    break;
  case IR_CHECK_BOUNDS:
    if ((sfx = suffix(r))) {
      if (strcmp(sfx, "u"))
        rd_error(r, "the only suffix of check_bounds is .u");
      in->uns = true;
    }
    in->a = oper(r);
    expect(r, ",", "before the length");
    skip_ws(r);
    if (*r->p == '[') {
      in->lenmem = true;
      in->addr = address(r);
    } else {
      in->b = oper(r);
    }
    break;
  case IR_CHECK_DIV:
    in->k = (IrKind)lookup(r, ir_kind_name, 4, suffix(r), "the operands' kind");
    while ((sfx = suffix(r))) {
      if (!strcmp(sfx, "u"))
        in->uns = true;
      else if (!strcmp(sfx, "mod"))
        in->is_mod = true;
      else
        rd_error(r, "the suffixes of check_div are .u and .mod");
    }
    in->a = oper(r);
    expect(r, ",", "before the divisor");
    in->b = oper(r);
    break;
  default:
    skip_ws(r);
    if (*r->p && *r->p != ';') {
      in->a = oper(r);
      if (accept(r, ","))
        in->b = oper(r);
    }
    break;
  }
  if (accept(r, ";")) {
    in->site = site(r);
    if (accept(r, ","))
      in->site2 = site(r);
  }
  in->loc = r->last_loc;
  if (!at_end(r))
    rd_error(r, "unexpected text after the instruction");
  if ((ir_op_flags[op] & IRF_CHECK) && !in->site) {
    r->p = op_at;
    rd_error(r, "a check needs its site (; KIND LINE:COL)");
  }
}

/* ---- functions ---------------------------------------------------------------- */

static Obj *function_obj(const char *name) {
  Obj *o = xmalloc(sizeof *o);
  o->name = xstrdup(name);
  o->asmname = o->name;
  o->is_function = true;
  o->is_definition = true;
  return o;
}

static void function_header(Reader *r, IrProgram *ir, Vec *thunk_targets) {
  char *name = symbol(r, "the function's name");
  for (int i = 0; i < ir->nfuncs; i++)
    if (!strcmp(ir->funcs[i]->name, name))
      rd_error(r, "function '%s' is defined twice", name);
  IrFunc *f = ir_new_func(function_obj(name), name);
  expect(r, "->", "before the function's return kind");
  f->ret_kind = kind_word(r);
  const char *target = NULL;
  while (accept(r, "(")) {
    if (accept(r, "static)"))
      f->obj->is_static = true;
    else if (accept(r, "domain entry)"))
      f->obj->is_domain_entry = true;
    else if (accept(r, "spawn target)"))
      f->obj->is_spawn_target = true;
    else if (accept(r, "checks stack)"))
      f->checks_stack = true;
    else if (accept(r, "sret)"))
      f->sret = true;
    else if (accept(r, "thunk of ")) {
      f->is_thunk = true;
      target = symbol(r, "the function the thunk calls");
      expect(r, ",", "before the thunk's argument size");
      long long n = integer(r, "the argument block's size");
      if (n < 0 || n > (1 << 24))
        rd_error(r, "the argument block's size is out of range");
      f->args_size = (int)n;
      expect(r, "bytes)", "after the size");
    } else
      rd_error(r, "unknown flag (static, domain entry, spawn target, checks stack, sret, thunk of F, N bytes)");
  }
  if (!at_end(r))
    rd_error(r, "unexpected text after the function's header");
  vec_push(thunk_targets, (void *)target);
  if (ir->nfuncs == ir->cap) {
    ir->cap = ir->cap ? 2 * ir->cap : 16;
    ir->funcs = xrealloc(ir->funcs, (size_t)ir->cap * sizeof *ir->funcs);
  }
  ir->funcs[ir->nfuncs++] = f;
  r->f = f;
  r->last_loc = (Loc){.file = r->path};
  if (r->defined)
    memset(r->defined, 0, (size_t)r->cap_defined * sizeof *r->defined);
}

static void slot_line(Reader *r) {
  IrFunc *f = r->f;
  if (f->nblocks)
    rd_error(r, "slots come before the first block");
  long long n = integer(r, "a slot's number");
  if (n != f->nslots)
    rd_error(r, "expected slot%d (slots are numbered in order)", f->nslots);
  expect(r, ":", "after the slot's name");
  long long size = integer(r, "a size");
  expect(r, "bytes", "after the size");
  expect(r, "align", "after the size");
  long long align = integer(r, "an alignment");
  if (size <= 0 || size > (1LL << 30) || align < 4 || align > 4096 || (align & (align - 1)))
    rd_error(r, "a slot's size is positive and its alignment a power of two from 4");
  Obj *obj = NULL;
  skip_ws(r);
  if (*r->p && *r->p != '(') {
    obj = xmalloc(sizeof *obj);
    obj->name = symbol(r, "the slot's variable");
    obj->is_local = true;
  }
  int s = ir_new_slot(f, (int)size, (int)align, NULL, obj);
  if (accept(r, "(param +")) {
    long long off = integer(r, "the parameter's offset");
    if (off < 0 || off > (1 << 24))
      rd_error(r, "the parameter's offset is out of range");
    f->slots[s].param_off = (int)off;
    if (obj)
      obj->is_param = true;
    expect(r, ")", "after the parameter's offset");
  }
  if (!at_end(r))
    rd_error(r, "unexpected text after the slot");
}

/* `var %T NAME`: a variable promoted to temp T (-O0 keeps it live). */
static void var_line(Reader *r) {
  IrFunc *f = r->f;
  if (f->nblocks)
    rd_error(r, "variables come before the first block");
  if (f->is_thunk)
    rd_error(r, "a thunk has no variables");
  int t = temp(r);
  Obj *v = xmalloc(sizeof *v);
  v->name = symbol(r, "the variable's name");
  v->is_local = true;
  v->id = t + 1;
  if (!at_end(r))
    rd_error(r, "unexpected text after the variable");
  Obj **tail = &f->obj->locals;
  while (*tail)
    tail = &(*tail)->next;
  *tail = v;
}

/* What the text may leave out, now that every temp's kind is known; then
 * the checks of a whole function. */
static void finish_function(Reader *r, int header_line) {
  IrFunc *f = r->f;
  r->lineno = header_line;
  r->line = NULL;
  if (f->is_thunk) {
    if (f->nblocks)
      rd_error(r, "thunk '%s' has blocks: a thunk is only its header", f->name);
    return;
  }
  if (!f->nblocks)
    rd_error(r, "function '%s' has no blocks", f->name);
  for (int b = 0; b < f->nblocks; b++) {
    IrBlock *bl = f->blocks[b];
    if (bl->n == 0 || !(ir_op_flags[bl->ins[bl->n - 1].op] & IRF_TERM))
      rd_error(r, "%s: block b%d does not end in jmp, br or ret", f->name, b);
    for (int i = 0; i < bl->n; i++) {
      IrInst *in = &bl->ins[i];
      if ((ir_op_flags[in->op] & IRF_TERM) && i != bl->n - 1)
        rd_error(r, "%s: block b%d goes on after its %s", f->name, b, ir_op_name[in->op]);
      if ((in->op == IR_JMP || in->op == IR_BR) && (in->t1 >= f->nblocks || (in->op == IR_BR && in->t2 >= f->nblocks)))
        rd_error(r, "%s: block b%d jumps to a block that does not exist", f->name, b);
      if (ir_domain_misused(in))
        rd_error(r, "%s: block b%d: 'domain' is only ever br.eq.i32 or br.ne.i32 domain, 0", f->name, b);
      if (in->addr.index >= 0 && f->tkind[in->addr.index] != IK_I32)
        rd_error(r, "%s: block b%d: an address's index %%%d is not an i32", f->name, b, in->addr.index);
      if (in->k == K_UNSET)
        in->k = ir_implied_kind(f, in);
      for (int k = 0; k < in->nargs; k++)
        if (in->args[k].kind == K_UNSET)
          in->args[k].kind = ir_arg_implied_kind(f, &in->args[k]);
    }
  }
  ir_verify(f, "reading");
}

static void resolve_calls(IrProgram *ir, Vec *thunk_targets, Reader *r) {
  for (int i = 0; i < ir->nfuncs; i++) {
    IrFunc *f = ir->funcs[i];
    const char *target = thunk_targets->v[i];
    if (target) {
      for (int j = 0; j < ir->nfuncs; j++)
        if (!strcmp(ir->funcs[j]->name, target))
          f->thunk_target = ir->funcs[j];
      if (!f->thunk_target) {
        r->line = NULL;
        r->lineno = 0;
        rd_error(r, "thunk '%s' calls '%s', which the file does not define", f->name, target);
      }
      f->thunk_target->obj->is_spawn_target = true;
    }
    for (int b = 0; b < f->nblocks; b++)
      for (int k = 0; k < f->blocks[b]->n; k++) {
        IrInst *in = &f->blocks[b]->ins[k];
        if (in->op == IR_CALL && in->sym)
          for (int j = 0; j < ir->nfuncs; j++)
            if (!strcmp(ir->funcs[j]->name, in->sym))
              in->callee = ir->funcs[j]->obj;
      }
  }
}

IrProgram *ir_read_program(const char *path) {
  IrProgram *ir = xmalloc(sizeof *ir);
  Reader *r = xmalloc(sizeof *r);
  r->path = path;
  r->fp = fopen(path, "r");
  if (!r->fp) {
    fprintf(stderr, "cuckoo-cc: error: %s: %s\n", path, strerror(errno));
    return NULL;
  }
  struct stat st;
  r->max_temp = 4096 + (fstat(fileno(r->fp), &st) == 0 && st.st_size > 0 ? (long long)st.st_size : 0);
  if (r->max_temp > (1LL << 24))
    r->max_temp = 1LL << 24;
  Vec thunk_targets = {0};
  size_t cap = 0;
  ssize_t len;
  int header_line = 0;
  int block = -1;
  if (setjmp(r->fail)) {
    free(r->buf);
    fclose(r->fp);
    return NULL;
  }
  while ((len = getline(&r->buf, &cap, r->fp)) >= 0) {
    char *line = r->buf;
    r->lineno++;
    if (len > 0 && line[len - 1] == '\n')
      line[--len] = '\0';
    r->line = line;
    r->p = line;
    if ((size_t)len != strlen(line))
      rd_error(r, "a NUL byte in the line");
    skip_ws(r);
    if (*r->p == '\0' || *r->p == ';')
      continue;
    if (accept(r, "function ")) {
      if (r->f) {
        int here = r->lineno;
        finish_function(r, header_line);
        r->lineno = here;
        r->line = line;
      }
      header_line = r->lineno;
      function_header(r, ir, &thunk_targets);
      block = -1;
      continue;
    }
    if (!r->f)
      rd_error(r, "expected 'function NAME -> KIND' before anything else");
    if (!strncmp(r->p, "slot", 4) && isdigit((unsigned char)r->p[4])) {
      r->p += 4;
      slot_line(r);
      continue;
    }
    if (accept(r, "var ")) {
      var_line(r);
      continue;
    }
    if (r->p[0] == 'b' && isdigit((unsigned char)r->p[1])) {
      const char *save = r->p;
      r->p++;
      long long n = integer(r, "a block number");
      if (*r->p == ':') {
        r->p++;
        if (n != r->f->nblocks) {
          r->p = save;
          rd_error(r, "expected b%d: blocks are numbered in order", r->f->nblocks);
        }
        bool versioned = accept(r, "(versioned)");  /* opt/version.c's checked loop */
        if (!at_end(r))
          rd_error(r, "unexpected text after the block's label");
        block = ir_new_block(r->f);
        r->f->blocks[block]->versioned = versioned;
        continue;
      }
      r->p = save;
    }
    if (block < 0)
      rd_error(r, r->f->is_thunk ? "a thunk has no blocks or instructions"
                                 : "an instruction before the function's first block (b0:)");
    instruction(r, block);
  }
  if (ferror(r->fp)) {
    fprintf(stderr, "cuckoo-cc: error: %s: %s\n", path, strerror(errno));
    free(r->buf);
    fclose(r->fp);
    return NULL;
  }
  r->line = NULL;
  if (!r->f)
    rd_error(r, "no function in the file");
  finish_function(r, header_line);
  resolve_calls(ir, &thunk_targets, r);
  free(r->buf);
  fclose(r->fp);
  return ir;
}

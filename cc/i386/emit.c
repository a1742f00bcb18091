/* emit.c -- the i386 assembly file: functions in .text (each one an
 * STT_FUNC whose .size covers its cold stubs, with no padding between
 * functions, so cuckoo-objcheck can decode all of .text), then the
 * read-only pools (strings, site records, type descriptors, floating
 * constants), the data, the __cuckoo_callsites table and the
 * .cuckoo.types block.
 *
 * Output is deterministic: labels are numbered in emission order and
 * nothing depends on addresses or hashing. */
#include "../cc.h"
#include "../target.h"

#include <stdlib.h>
#include <string.h>

static Buf rodata;                /* .rodata: site records, descriptors, constants */
static Buf strs;                  /* .rodata.str: pooled C strings */
static Buf callsites;
static int label_counter;
static int site_counter;
static const char *source_file;

char *i386_new_label(const char *what) { return format(".L%s%d", what, label_counter++); }

/* ---- pools ---------------------------------------------------------------- */

static Vec pool_str, pool_str_label;

static void put_escaped(Buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = s[i];
    if (c == '"' || c == '\\')
      buf_printf(b, "\\%c", c);
    else if (c >= 32 && c < 127)
      buf_putc(b, c);
    else
      buf_printf(b, "\\%03o", c);
  }
}

static const char *str_label(const char *s) {
  if (!s)
    return "0";
  for (int i = 0; i < pool_str.len; i++)
    if (!strcmp(pool_str.v[i], s))
      return pool_str_label.v[i];
  char *l = format(".Lcks%d", pool_str.len);
  vec_push(&pool_str, xstrdup(s));
  vec_push(&pool_str_label, l);
  buf_printf(&strs, "%s:\n\t.string \"", l);
  put_escaped(&strs, s, strlen(s));
  buf_printf(&strs, "\"\n");
  return l;
}

const char *i386_site_label(IrSite *s, IrFunc *f) {
  if (!s->id) {
    s->id = ++site_counter;
    const char *fname = s->func ? s->func : f->obj ? f->obj->name : f->name;
    const char *file = s->loc.file ? s->loc.file : source_file;
    buf_printf(&rodata, "\t.p2align 2\n\t.type site.%d, @object\n\t.size site.%d, 24\nsite.%d:\n", s->id, s->id,
               s->id);
    mach_proof_printf("object site.%d site\n", s->id);
    buf_printf(&rodata, "\t.long %s, %s, %s, %d, %d, %s\n", str_label(s->kind), str_label(s->detail),
               str_label(file), s->loc.line, s->loc.col, str_label(fname));
  }
  return format("site.%d", s->id);
}

static Vec fc_bits, fc_label;

const char *i386_fconst(double d, bool single) {
  char *key;
  if (single) {
    union { float f; unsigned u; } x = {.f = (float)d};
    key = format("s%08x", x.u);
  } else {
    union { double d; unsigned long long u; } x = {.d = d};
    key = format("d%016llx", x.u);
  }
  for (int i = 0; i < fc_bits.len; i++)
    if (!strcmp(fc_bits.v[i], key))
      return fc_label.v[i];
  char *l = format("fc.%d", fc_bits.len);
  vec_push(&fc_bits, key);
  vec_push(&fc_label, l);
  if (single) {
    union { float f; unsigned u; } x = {.f = (float)d};
    buf_printf(&rodata, "\t.p2align 2\n\t.type %s, @object\n\t.size %s, 4\n%s:\n\t.long %u\n", l, l, l, x.u);
    mach_proof_printf("object %s k(f32)\n", l);
  } else {
    union { double d; unsigned long long u; } x = {.d = d};
    buf_printf(&rodata, "\t.p2align 3\n\t.type %s, @object\n\t.size %s, 8\n%s:\n\t.long %u, %u\n", l, l, l,
               (unsigned)x.u, (unsigned)(x.u >> 32));
    mach_proof_printf("object %s k(f64)\n", l);
  }
  return l;
}

void i386_callsite(const char *ret_label, const char *site_label) {
  buf_printf(&callsites, "\t.long %s, %s\n", ret_label, site_label);
}

/* ---- line information ----------------------------------------------------------- */

/* The file table: every name a .loc uses gets its number here, and the
 * .file directives are all written before the first function (write_files),
 * because `as` rejects a .loc whose number no earlier .file assigned --
 * and functions are compiled (numbering their files) before any is written,
 * while a function's own first .loc may name a file only its body met. */
static Vec files;
static FILE *outf;

static int file_number(const char *name) {
  for (int i = 0; i < files.len; i++)
    if (!strcmp(files.v[i], name))
      return i + 1;
  vec_push(&files, (void *)name);
  return files.len;
}

/* A name as an assembler string: quoted, every byte that is not printable
 * ASCII (newline, tab, bytes past 127) and every quote and backslash escaped. */
static void put_quoted(FILE *o, const char *s) {
  Buf b = {0};
  buf_putc(&b, '"');
  put_escaped(&b, s, strlen(s));
  buf_putc(&b, '"');
  fputs(b.s, o);
}

static void write_files(FILE *o) {
  for (int i = 0; i < files.len; i++) {
    fprintf(o, "\t.file %d ", i + 1);
    put_quoted(o, files.v[i]);
    fputc('\n', o);
  }
}

void i386_loc(I386Func *cx, Loc loc) {
  if (loc.line <= 0)
    return;
  const char *file = loc.file ? loc.file : source_file;
  if (loc.line == cx->cur_line && cx->cur_file && !strcmp(file, cx->cur_file))
    return;
  cx->cur_line = loc.line;
  cx->cur_file = file;
  int n = file_number(file);
  const char *text = diag_source_line(file, loc.line);
  Buf b = {0};
  if (text) {
    while (*text == ' ' || *text == '\t')
      text++;
    buf_printf(&b, "# %d: ", loc.line);
    for (const char *p = text; *p && *p != '\n'; p++)
      buf_putc(&b, *p);
    buf_putc(&b, '\n');
  }
  buf_printf(&b, "\t.loc %d %d %d\n", n, loc.line, loc.col > 0 ? loc.col : 0);
  mir_add_text(&cx->body, b.s);
}

int i386_file_lookup(const char *name) {
  for (int i = 0; i < files.len; i++)
    if (!strcmp(files.v[i], name))
      return i + 1;
  return 0;
}

void i386_stub_loc(Mir *out, Loc loc) {
  if (loc.line <= 0)
    return;
  int n = file_number(loc.file ? loc.file : source_file);
  mir_add_text(out, format("\t.loc %d %d %d is_stmt 0\n", n, loc.line, loc.col > 0 ? loc.col : 0));
}

/* ---- data images ---------------------------------------------------------------- */

typedef struct {
  long long off;
  const char *sym;
  long long add;
} Reloc;

typedef struct {
  unsigned char *b;
  long long size;
  Reloc *rel;
  int nrel, cap;
} Image;

static void img_u32(Image *im, long long off, unsigned long long v, int n) {
  for (int i = 0; i < n && off + i < im->size; i++)
    im->b[off + i] = (unsigned char)(v >> (8 * i));
}

static void img_reloc(Image *im, long long off, const char *sym, long long add) {
  if (im->nrel == im->cap) {
    im->cap = im->cap ? 2 * im->cap : 8;
    im->rel = xrealloc(im->rel, im->cap * sizeof *im->rel);
  }
  im->rel[im->nrel++] = (Reloc){off, sym, add};
}

static void img_lenwords(Image *im, Type *ty, long long off) {
  if (ty->kind == TY_ARRAY) {
    img_u32(im, off, (unsigned)(ty->len < 0 ? 0 : ty->len), CK_LEN_WORD_SIZE);
    if (has_length_words(ty->base))
      for (long long i = 0; i < ty->len; i++)
        img_lenwords(im, ty->base, off + CK_LEN_WORD_SIZE + i * ty->base->size);
  } else if (ty->kind == TY_STRUCT) {
    for (Member *m = ty->sdef->members; m; m = m->next)
      if (has_length_words(m->ty))
        img_lenwords(im, m->ty, off + m->offset);
  }
}

static const char *sym_of(Obj *o) { return o->asmname ? o->asmname : o->name; }

static Vec extra_strings;         /* string objects met in initializers */

static void note_string(Obj *o) {
  if (!o->is_string)
    return;
  for (int i = 0; i < extra_strings.len; i++)
    if (extra_strings.v[i] == o)
      return;
  vec_push(&extra_strings, o);
}

typedef struct {
  bool is_float;
  double f;
  long long i;
  const char *sym;                /* an address constant */
} Const;

static bool const_eval(Node *n, Const *c) {
  memset(c, 0, sizeof *c);
  if (n->ty->kind == TY_PTR) {
    /* the evaluator check.c proved this initializer with (addrconst.c) */
    AddrConst ac;
    if (!addr_const(n, &ac))
      return false;
    if (ac.obj) {
      note_string(ac.obj);
      c->sym = sym_of(ac.obj);
      c->i = ac.off;
    }
    return true;
  }
  switch (n->kind) {
  case ND_NUM:
    if (is_flonum(n->ty)) {
      c->is_float = true;
      c->f = n->fval;
    } else {
      c->i = n->ival;
    }
    return true;
  case ND_NULL:
    return true;
  case ND_VAR:
    if (n->obj->is_function) {
      c->sym = sym_of(n->obj);
      return true;
    }
    return false;
  case ND_CAST: {
    Const in;
    if (!const_eval(n->lhs, &in))
      return false;
    Type *to = n->ty;
    if (in.sym) {
      *c = in;
      return true;
    }
    if (is_flonum(to)) {
      c->is_float = true;
      c->f = in.is_float ? in.f
           : is_unsigned(n->lhs->ty) ? (double)(unsigned long long)in.i : (double)in.i;
      if (to->kind == TY_FLOAT)
        c->f = (float)c->f;
      return true;
    }
    long long v = in.is_float ? (long long)in.f : in.i;
    if (to->kind == TY_BOOL)
      v = in.is_float ? in.f != 0 : in.i != 0;
    c->i = v;
    return true;
  }
  case ND_NEG:
    if (is_flonum(n->ty)) {
      Const in;
      if (!const_eval(n->lhs, &in))
        return false;
      c->is_float = true;
      c->f = -(in.is_float ? in.f : (double)in.i);
      return true;
    }
    return eval_const(n, &c->i);
  case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV:
    if (is_flonum(n->ty)) {
      Const a, b;
      if (!const_eval(n->lhs, &a) || !const_eval(n->rhs, &b))
        return false;
      double x = a.is_float ? a.f : (double)a.i, y = b.is_float ? b.f : (double)b.i;
      c->is_float = true;
      c->f = n->kind == ND_ADD ? x + y : n->kind == ND_SUB ? x - y : n->kind == ND_MUL ? x * y : x / y;
      if (n->ty->kind == TY_FLOAT)
        c->f = (float)c->f;
      return true;
    }
    return eval_const(n, &c->i);
  default:
    return eval_const(n, &c->i);
  }
}

static void img_scalar(Image *im, Type *ty, Node *e, long long off) {
  Const c;
  if (!const_eval(e, &c))
    die("a static initializer that check.c did not prove constant");
  if (c.sym) {
    img_reloc(im, off, c.sym, c.i);
    return;
  }
  switch (ty->kind) {
  case TY_FLOAT: {
    union { float f; unsigned u; } x = {.f = (float)(c.is_float ? c.f : (double)c.i)};
    img_u32(im, off, x.u, 4);
    return;
  }
  case TY_DOUBLE: {
    union { double d; unsigned long long u; } x = {.d = c.is_float ? c.f : (double)c.i};
    img_u32(im, off, x.u, 8);
    return;
  }
  default: {
    long long v = c.is_float ? (long long)c.f : c.i;
    if (ty->kind == TY_BOOL)
      v = c.is_float ? c.f != 0 : v != 0;
    img_u32(im, off, (unsigned long long)v, ty->size);
    return;
  }
  }
}

static void img_init(Image *im, Type *ty, Init *init, long long off) {
  if (!init)
    return;
  if (init->expr) {
    Node *e = init->expr;
    Obj *s = NULL;
    if (e->kind == ND_VAR && e->obj->is_string)
      s = e->obj;
    else if (e->kind == ND_ADDR && e->lhs->kind == ND_VAR && e->lhs->obj->is_string)
      s = e->lhs->obj;
    if (ty->kind == TY_ARRAY && s) {
      long long n = s->str_len;
      if (ty->len >= 0 && n > ty->len)
        n = ty->len;
      for (long long i = 0; i < n; i++)
        im->b[off + CK_LEN_WORD_SIZE + i] = (unsigned char)s->str_bytes[i];
      return;
    }
    if (ty->kind == TY_STRUCT || ty->kind == TY_UNION || ty->kind == TY_ARRAY) {
      error_at(e->loc, "initializer element is not a constant");
      return;
    }
    img_scalar(im, ty, e, off);
    return;
  }
  if (ty->kind == TY_ARRAY) {
    for (int i = 0; i < init->nchildren; i++)
      img_init(im, ty->base, init->children[i], off + CK_LEN_WORD_SIZE + (long long)i * ty->base->size);
  } else if (ty->kind == TY_STRUCT) {
    int i = 0;
    for (Member *m = ty->sdef->members; m && i < init->nchildren; m = m->next, i++)
      img_init(im, m->ty, init->children[i], off + m->offset);
  } else if (ty->kind == TY_UNION) {
    if (init->nchildren > 0) {
      Member *m = init->union_mem ? init->union_mem : ty->sdef->members;
      img_init(im, m->ty, init->children[0], off + m->offset);
    }
  } else if (init->nchildren > 0) {
    img_init(im, ty, init->children[0], off);
  }
}

static int cmp_reloc(const void *a, const void *b) {
  const Reloc *x = a, *y = b;
  return x->off < y->off ? -1 : x->off > y->off;
}

static void img_write(Buf *out, Image *im) {
  if (im->nrel)
    qsort(im->rel, im->nrel, sizeof *im->rel, cmp_reloc);
  long long pos = 0;
  int r = 0;
  while (pos < im->size) {
    if (r < im->nrel && im->rel[r].off == pos) {
      Reloc *rl = &im->rel[r++];
      buf_printf(out, "\t.long %s%+lld\n", rl->sym, rl->add);
      pos += 4;
      continue;
    }
    long long end = r < im->nrel ? im->rel[r].off : im->size;
    long long z = pos;
    while (z < end && !im->b[z])
      z++;
    if (z - pos >= 8 || z == end) {
      if (z > pos)
        buf_printf(out, "\t.zero %lld\n", z - pos);
      pos = z;
      continue;
    }
    buf_printf(out, "\t.byte ");
    int k = 0;
    while (pos < end && k < 16) {
      buf_printf(out, k ? ", %d" : "%d", im->b[pos]);
      pos++, k++;
      if (pos < end && !im->b[pos]) {
        long long zz = pos;
        while (zz < end && !im->b[zz])
          zz++;
        if (zz - pos >= 8)
          break;
      }
    }
    buf_printf(out, "\n");
  }
}

static Image image_of(Type *ty, Init *init) {
  Image im = {0};
  im.size = ty->size > 0 ? ty->size : 0;
  im.b = xmalloc(im.size + 8);
  img_lenwords(&im, ty, 0);
  img_init(&im, ty, init, 0);
  return im;
}

static int log2_align(int a) {
  int n = 0;
  while ((1 << n) < a)
    n++;
  return n;
}

static void emit_object(Buf *out, Obj *g, const char *section, Image *im) {
  const char *sym = sym_of(g);
  buf_printf(out, "\t%s\n", section);
  if (!g->is_static && !g->is_string)
    buf_printf(out, "\t.globl %s\n", sym);
  else
    mach_proof_printf("object %s %s\n", sym, type_canon_str(g->ty));
  int align = g->ty->align > 4 ? g->ty->align : 4;
  buf_printf(out, "\t.p2align %d\n\t.type %s, @object\n\t.size %s, %lld\n%s:\n", log2_align(align), sym,
             sym, im->size, sym);
  if (!strcmp(section, ".bss"))
    buf_printf(out, "\t.zero %lld\n", im->size);
  else
    img_write(out, im);
}

static void emit_string(Buf *out, Obj *s) {
  Image im = {0};
  long long n = s->ty->kind == TY_ARRAY && s->ty->len >= 0 ? s->ty->len : s->str_len;
  im.size = s->ty->size > 0 ? s->ty->size : CK_LEN_WORD_SIZE + ((n + 3) & ~3);
  im.b = xmalloc(im.size + 8);
  img_u32(&im, 0, (unsigned)n, CK_LEN_WORD_SIZE);
  for (long long i = 0; i < n && i < s->str_len; i++)
    im.b[CK_LEN_WORD_SIZE + i] = (unsigned char)s->str_bytes[i];
  emit_object(out, s, ".section .rodata", &im);
}

static bool all_zero(Image *im) {
  if (im->nrel)
    return false;
  for (long long i = 0; i < im->size; i++)
    if (im->b[i])
      return false;
  return true;
}

/* ---- length words written at start-up ---------------------------------------- */

/* A global whose image would be nothing but its length words and zeros,
 * and at least this large, goes to .bss, and the start-up code writes its
 * length words from a descriptor (doc/abi.md "Length words written at
 * start-up"; LANGUAGE.md §4 lets the start-up code write them): time,
 * memory and output then stay proportional to the source, not to the
 * object (`int g[100000000][2]`). */
#define STARTUP_LENWORDS_MIN 4096

/* Does INIT set nothing but zeros? */
static bool init_is_zero(Init *init) {
  if (!init)
    return true;
  if (init->expr) {
    Node *e = init->expr;
    if (e->kind == ND_NULL)
      return true;
    if (e->kind != ND_NUM)
      return false;
    if (is_flonum(e->ty)) {
      union { double d; unsigned long long u; } x = {.d = e->fval};
      return x.u == 0;            /* not -0.0 */
    }
    return e->ival == 0;
  }
  for (int i = 0; i < init->nchildren; i++)
    if (!init_is_zero(init->children[i]))
      return false;
  return true;
}

/* The descriptor's operations (words): 1 OFF VALUE writes the length word
 * VALUE at OFF; 2 COUNT STRIDE OFF BODYLEN BODY... runs BODY (BODYLEN
 * words, the last one 0) COUNT times at OFF, OFF + STRIDE, ...; 0 ends a
 * list.  Offsets are relative to the enclosing repetition's element, so
 * the descriptor grows with the type's text, not with its element counts. */
typedef struct {
  long long *w;
  int n, cap;
} Words;

static void words_put(Words *ws, long long v) {
  if (ws->n == ws->cap) {
    ws->cap = ws->cap ? 2 * ws->cap : 16;
    ws->w = xrealloc(ws->w, ws->cap * sizeof *ws->w);
  }
  ws->w[ws->n++] = v;
}

static void lenword_ops(Words *ws, Type *ty, long long off) {
  if (ty->kind == TY_ARRAY) {
    long long len = ty->len < 0 ? 0 : ty->len;
    words_put(ws, CK_LW_WORD);
    words_put(ws, off);
    words_put(ws, len);
    if (len > 0 && has_length_words(ty->base)) {
      words_put(ws, CK_LW_REPEAT);
      words_put(ws, len);
      words_put(ws, ty->base->size);
      words_put(ws, off + CK_LEN_WORD_SIZE);
      int at = ws->n;
      words_put(ws, 0);           /* BODYLEN, known after the body */
      lenword_ops(ws, ty->base, 0);
      words_put(ws, CK_LW_END);
      ws->w[at] = ws->n - at - 1;
    }
  } else if (ty->kind == TY_STRUCT) {
    for (Member *m = ty->sdef->members; m; m = m->next)
      if (has_length_words(m->ty))
        lenword_ops(ws, m->ty, off + m->offset);
  }
}

static int lenword_descs;

/* G in .bss, its descriptor in .rodata and an entry for it in the
 * __cuckoo_callsites table (return address 0: never a call's). */
static void emit_startup_object(Buf *out, Obj *g) {
  Image im = {.size = g->ty->size};
  emit_object(out, g, ".bss", &im);
  const char *l = format(".Lcklw%d", lenword_descs++);
  buf_printf(&rodata, "\t.p2align 2\n%s:\n\t.long %s, %d\n", l, sym_of(g), g->ty->size);
  Words ws = {0};
  lenword_ops(&ws, g->ty, 0);
  words_put(&ws, CK_LW_END);
  for (int i = 0; i < ws.n; i++)
    buf_printf(&rodata, i % 8 ? ", %lld" : i ? "\n\t.long %lld" : "\t.long %lld", ws.w[i]);
  buf_puts(&rodata, "\n");
  buf_printf(&callsites, "\t.long 0, %s\n", l);
}

static void emit_globals(Buf *out, IrProgram *ir) {
  Vec done = {0};
  for (Obj *g = ir->prog->globals; g; g = g->next) {
    if (g->is_function || g->is_tls || g->is_extern || !g->is_definition)
      continue;
    if (g->is_string) {
      emit_string(out, g);
      vec_push(&done, g);
      continue;
    }
    if (g->ty->size >= STARTUP_LENWORDS_MIN && has_length_words(g->ty) && init_is_zero(g->initz)) {
      emit_startup_object(out, g);
      continue;
    }
    Image im = image_of(g->ty, g->initz);
    const char *sec = all_zero(&im) ? ".bss" : (g->ty->qual & Q_CONST) ? ".section .rodata" : ".data";
    emit_object(out, g, sec, &im);
  }
  for (int pass = 0; pass < 2; pass++) {
    Vec *v = pass ? &extra_strings : &ir->strings;
    for (int i = 0; i < v->len; i++) {
      Obj *s = v->v[i];
      bool seen = false;
      for (int j = 0; j < done.len && !seen; j++)
        seen = done.v[j] == s;
      for (Obj *g = ir->prog->globals; g && !seen; g = g->next)
        seen = g == s;
      if (!seen) {
        emit_string(out, s);
        vec_push(&done, s);
      }
    }
  }
}

/* struct __cuckoo_type (doc/abi.md) for each type new/delete uses */
static void emit_type_descs(Buf *out, IrProgram *ir) {
  for (int i = 0; i < ir->types.len; i++) {
    Type *t = ir->types.v[i];
    const char *sym = ir->type_syms.v[i];
    const char *img = "0";
    if (has_length_words(t)) {
      Image im = image_of(t, NULL);
      char *l = format(".L%s.image", sym);
      buf_printf(out, "\t.p2align 2\n%s:\n", l);
      img_write(out, &im);
      img = l;
    }
    buf_printf(out, "\t.p2align 2\n\t.type %s, @object\n\t.size %s, 20\n%s:\n\t.long %s, %d, %d, %d, %s\n", sym,
               sym, sym, str_label(type_canon_str(t)), t->size, t->align, is_plain(t) ? 1 : 0, img);
    mach_proof_printf("object %s typedesc\n", sym);
  }
}

/* ---- functions -------------------------------------------------------------------- */

typedef struct {
  I386Func cx;
  bool frame_ok;                  /* its frame fits in 2^31 - 1 bytes */
} FuncInfo;

static IrProgram *cur_ir;
static FuncInfo *infos;

/* What the target-neutral stack sizes and proof need of F's layout. */
static MachFrame frame_of(const I386Func *cx) {
  return (MachFrame){.reg = cx->reg, .spill = cx->spill, .slot_of = cx->slot_of, .nsaved = cx->nsaved, .scratch = cx->scratch,
                     .outgoing = cx->outgoing, .has_calls = cx->has_calls};
}

/* Register allocation and the frame: what the stack checks need. */
static void layout_func(FuncInfo *fi, IrFunc *f) {
  I386Func *cx = &fi->cx;
  memset(cx, 0, sizeof *cx);
  cx->f = f;
  if (f->is_thunk) {
    int n;
    i386_emit_thunk(f, &cx->body, &n);
    cx->has_calls = true;
    fi->frame_ok = true;
    return;
  }
  if (opt_level >= 1)
    mach_layout_blocks(f);
  MachRegs m = {.f = f};
  mach_allocate(cc_target, &m);
  cx->reg = m.reg;
  cx->reg_hi = m.reg_hi;
  cx->slot_of = m.slot_of;
  cx->saved = m.saved;
  cx->nsaved = m.nsaved;
  cx->spill = xmalloc(sizeof(int) * (f->ntemps + 1));
  cx->frameless = i386_frameless(f);
  fi->frame_ok = i386_frame_layout(cx);
}

static void compile_func(FuncInfo *fi, IrFunc *f) {
  I386Func *cx = &fi->cx;
  if (f->is_thunk)
    return;
  cx->epilogue = format(".L%s.epilogue", f->name);
  i386_isel_body(cx);
}

/* Lays out every frame and computes every stack check's N; false after
 * reporting a frame, or a checked chain of frames, larger than 2^31 - 1
 * bytes (then nothing is to be written). */
static bool layout_program(IrProgram *ir) {
  cur_ir = ir;
  infos = xmalloc((ir->nfuncs + 1) * sizeof *infos);
  bool ok = true;
  for (int i = 0; i < ir->nfuncs; i++) {
    layout_func(&infos[i], ir->funcs[i]);
    ok &= infos[i].frame_ok;
  }
  if (!ok)                        /* a chain through a frame not laid out means nothing */
    return false;
  MachFrame *frames = xmalloc((ir->nfuncs + 1) * sizeof *frames);
  for (int i = 0; i < ir->nfuncs; i++)
    frames[i] = frame_of(&infos[i].cx);
  ok = mach_stack_sizes(cc_target, ir, frames);
  free(frames);
  return ok;
}

void i386_check_program(IrProgram *ir) { layout_program(ir); }

static void write_func(FILE *o, FuncInfo *fi, IrFunc *f, int stack_n) {
  I386Func *cx = &fi->cx;
  Mir m = {0};
  bool global = f->obj && !f->obj->is_static && !f->is_thunk;
  mir_add_text(&m, "\t.text\n");
  if (global)
    mir_add_text(&m, format("\t.globl %s\n", f->name));
  mir_add_text(&m, format("\t.type %s, @function\n", f->name));
  mir_add_label(&m, f->name);
  if (opt_debug)
    mir_add_text(&m, "\t.cfi_startproc\n");
  char *stack_stub = NULL;
  IrSite *ssite = NULL;
  if (f->checks_stack) {
    stack_stub = format(".L%s.stack_trap", f->name);
    if (f->is_thunk) {
      ssite = ir_new_site(f, "stack", "frame of %llu bytes exceeds the stack limit",
                          f->thunk_target->obj->loc);
    } else {
      ssite = f->blocks[0]->ins[0].site;
    }
  }
  if (f->is_thunk) {
    if (stack_n >= 0)
      i386_stack_check(&m, stack_n, stack_stub);
    mir_append(&m, &cx->body);
  } else {
    /* the function's own line first, so a breakpoint on it lands here */
    if (f->obj && f->obj->loc.line > 0) {
      const char *file = f->obj->loc.file ? f->obj->loc.file : source_file;
      int n = file_number(file);
      /* is_stmt 1: the previous function's cold stubs left it 0 (-g) */
      mir_add_text(&m, format("\t.loc %d %d %d%s\n", n, f->obj->loc.line,
                              f->obj->loc.col > 0 ? f->obj->loc.col : 0, opt_debug ? " is_stmt 1" : ""));
    }
    i386_prologue(cx, &m, f->checks_stack ? stack_n : -1, stack_stub);
    /* where gdb's `break FUNCTION` stops: after the prologue (gdb 13
     * reads no other prologue shape than a push of %ebp first) */
    if (opt_debug && f->obj && f->obj->loc.line > 0)
      mir_add_text(&m, format("\t.loc %d %d %d prologue_end\n",
                              file_number(f->obj->loc.file ? f->obj->loc.file : source_file), f->obj->loc.line,
                              f->obj->loc.col > 0 ? f->obj->loc.col : 0));
    mir_append(&m, &cx->body);
    mir_add_label(&m, cx->epilogue);
    if (opt_debug)                /* the stubs run in the body's frame */
      mir_add_text(&m, "\t.cfi_remember_state\n");
    i386_epilogue(cx, &m);
    if (opt_debug)
      mir_add_text(&m, "\t.cfi_restore_state\n");
    mir_append(&m, &cx->stubs);
  }
  if (stack_stub) {
    /* entry %esp is 12 mod 16: 8 more and five pushes make it aligned */
    mir_add_label(&m, stack_stub);
    if (opt_debug) {
      /* taken at entry, before the prologue: the frame is the caller's */
      mir_add_text(&m, "\t.cfi_def_cfa %esp, 4\n\t.cfi_same_value %ebp\n");
      i386_stub_loc(&m, ssite->loc);
    }
    mir_add(&m, I_SUBL, 2, mir_imm(8), mir_reg(R_ESP, 4), mir_none());
    for (int i = 0; i < 3; i++)
      mir_add(&m, I_PUSHL, 1, mir_imm(0), mir_none(), mir_none());
    mir_add(&m, I_PUSHL, 1, mir_imm(stack_n), mir_none(), mir_none());
    mir_add(&m, I_PUSHL, 1, mir_imm_sym(i386_site_label(ssite, f), 0), mir_none(), mir_none());
    if (opt_debug)
      mir_add_text(&m, "\t.cfi_adjust_cfa_offset 28\n");
    mir_add(&m, I_CALL, 1, mir_label_op("__cuckoo_trap"), mir_none(), mir_none());
    typesec_use_internal("__cuckoo_trap");
  }
  if (opt_debug) {
    mir_add_text(&m, "\t.cfi_endproc\n");
    mir_add_label(&m, format(".L%s.dwarf_end", f->name));
  }
  mir_add_text(&m, format("\t.size %s, .-%s\n\n", f->name, f->name));
  MachFrame fr = frame_of(cx);
  mach_proof_func(f, &fr);
  Buf b = {0};
  mir_print(&i386_mir, &m, &b);
  fputs(b.s, o);
  free(b.s);
  mir_free(&m);
  mir_free(&cx->body);
  mir_free(&cx->stubs);
}

static void emit_ascii_block(FILE *o, const char *section, const char *text) {
  fprintf(o, "\t.section %s,\"\",@progbits\n", section);
  const char *p = text;
  while (*p) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p + 1) : strlen(p);
    Buf b = {0};
    put_escaped(&b, p, n);
    fprintf(o, "\t.ascii \"%s\"\n", b.s ? b.s : "");
    p += n;
  }
}

void i386_emit_program(IrProgram *ir, FILE *o, const char *source_name) {
  cur_ir = ir;
  outf = o;
  source_file = source_name;
  memset(&rodata, 0, sizeof rodata);
  memset(&strs, 0, sizeof strs);
  mach_proof_begin();
  memset(&callsites, 0, sizeof callsites);
  label_counter = site_counter = lenword_descs = 0;
  /* one output per source: nothing carries over from the previous one */
  files.len = pool_str.len = pool_str_label.len = 0;
  fc_bits.len = fc_label.len = extra_strings.len = 0;
  fprintf(o, "# cuckoo-cc: ");
  put_quoted(o, source_name);     /* a newline in the name must not end the comment */
  fprintf(o, "\n\t.file ");
  put_quoted(o, source_name);
  fputc('\n', o);
  /* call-frame information for gdb goes to .debug_frame, never to an
   * allocated .eh_frame: a Cuckoo object has no loaded section that an
   * unwinder would interpret (TOOLCHAIN.md, structural rules) */
  if (opt_debug)
    fprintf(o, "\t.cfi_sections .debug_frame\n");
  file_number(source_name);

  if (!layout_program(ir))
    return;                       /* reported: the driver writes no output */
  for (int i = 0; i < ir->nfuncs; i++) {
    compile_func(&infos[i], ir->funcs[i]);
    Obj *fo = ir->funcs[i]->obj;
    if (fo && !ir->funcs[i]->is_thunk && fo->loc.line > 0)
      file_number(fo->loc.file ? fo->loc.file : source_name);
  }
  write_files(o);
  for (int i = 0; i < ir->nfuncs; i++) {
    IrFunc *f = ir->funcs[i];
    write_func(o, &infos[i], f, f->checks_stack ? f->stack_n : -1);
  }

  Buf data = {0};
  emit_globals(&data, ir);
  Buf desc = {0};
  emit_type_descs(&desc, ir);
  if (data.s)
    fputs(data.s, o);
  fprintf(o, "\t.section .rodata\n");
  if (rodata.s)
    fputs(rodata.s, o);
  if (desc.s)
    fputs(desc.s, o);
  if (strs.s)
    fputs(strs.s, o);
  if (callsites.s) {
    fprintf(o, "\t.section %s,\"a\",@progbits\n\t.p2align 2\n", CK_CALLSITES_SECTION);
    fputs(callsites.s, o);
  }
  char *block = typesec_block(ir->prog, source_name, false);
  if (block)
    emit_ascii_block(o, ".cuckoo.types", block);
  emit_ascii_block(o, ".cuckoo.proof", mach_proof_text());
  if (opt_debug) {
    I386Func **cxs = xmalloc((ir->nfuncs + 1) * sizeof *cxs);
    for (int i = 0; i < ir->nfuncs; i++)
      cxs[i] = &infos[i].cx;
    i386_dwarf_program(o, ir, cxs, source_name);
    free(cxs);
  }
  fprintf(o, "\t.section .note.GNU-stack,\"\",@progbits\n");
}


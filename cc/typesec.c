/* typesec.c -- the .cuckoo.types block (TOOLCHAIN.md "The type section").
 *
 * One block per object: a `def` for every external symbol the object
 * defines, a `ref` for every external symbol it uses and does not define,
 * with canonical type strings from type.c.  The runtime's internal entry
 * points (__cuckoo_trap, __cuckoo_new, ...) get their types from
 * rt/internal.ckh, whose preprocessed text is embedded at build time, so
 * this compiler and the runtime's block (made by `--interface` from the
 * same file) cannot disagree. */
#include "config.h"
#include "cc.h"
#include <string.h>

extern const char cuckoo_internal_ckh[];   /* internal-ckh.c, generated */

static Vec used_internal;                  /* asmnames the back end referenced */

void typesec_use_internal(const char *asmname) {
  for (int i = 0; i < used_internal.len; i++)
    if (!strcmp(used_internal.v[i], asmname))
      return;
  vec_push(&used_internal, xstrdup(asmname));
}

static Program *internal_prog;

static Obj *internal_obj(const char *asmname) {
  if (!internal_prog) {
    bool ok = true;
    bool trusted = lex_runtime_trusted;
    lex_runtime_trusted = true;   /* the runtime's own text, built into the compiler */
    ExtDecl *decls = parse_program(cuckoo_internal_ckh, strlen(cuckoo_internal_ckh),
                                   "<internal.ckh>", &ok);
    lex_runtime_trusted = trusted;
    if (!ok)
      die("the embedded internal.ckh does not parse");
    internal_prog = xmalloc(sizeof *internal_prog);
    int before = diag_errors;
    check_program(decls, internal_prog);
    if (diag_errors != before)
      die("the embedded internal.ckh does not check");
  }
  for (Obj *o = internal_prog->globals; o; o = o->next)
    if (o->is_runtime && !strcmp(o->asmname, asmname))
      return o;
  die("'%s' is not an internal entry point of rt/internal.ckh", asmname);
}

static const char *kind_of(Obj *o) {
  if (o->is_function)
    return "func";
  return o->is_tls ? "tls" : "data";
}

/* main is always emitted with the type int (int, char (*(*)[])[]) */
Type *typesec_symbol_type(Obj *o) {
  if (strcmp(o->asmname, "__cuckoo_main"))
    return o->ty;
  Type *argv = pointer_to(array_of(pointer_to(array_of(ty_char, -1)), -1));
  Type **params = xmalloc(2 * sizeof(Type *));
  params[0] = ty_int;
  params[1] = argv;
  return func_type(ty_int, params, 2, false);
}

static void record(Buf *b, const char *what, Obj *o) {
  buf_printf(b, "%s %s %s ", what, kind_of(o), o->asmname);
  type_canon(b, typesec_symbol_type(o));
  buf_putc(b, '\n');
}

static const char *base_name(const char *path) {
  const char *s = strrchr(path, '/');
  return s ? s + 1 : path;
}

char *typesec_block(Program *prog, const char *source, bool runtime_interface) {
  Buf b = {0};
  buf_puts(&b, "cuckoo-object 1\n");
  buf_printf(&b, "producer %s %s\n", runtime_interface ? "cuckoo-rt" : "cuckoo-cc", PACKAGE_VERSION);
  /* the block is line-oriented: a control byte in the file's name (a
   * newline would start a line of its own) is written as '?' */
  buf_puts(&b, "source ");
  for (const char *p = runtime_interface ? base_name(source) : source; *p; p++)
    buf_putc(&b, (unsigned char)*p < 32 || *p == 127 ? '?' : *p);
  buf_putc(&b, '\n');
  buf_puts(&b, "checks bounds null stack divide\n");
  if (runtime_interface) {
    for (Obj *o = prog->globals; o; o = o->next)
      if (o->is_runtime && !o->is_string)
        record(&b, "def", o);
    /* start-up calls the program's main: the linker checks its type */
    Obj m = {.name = "main", .asmname = "__cuckoo_main", .is_function = true};
    record(&b, "ref", &m);
    buf_puts(&b, "end\n");
    return b.s;
  }
  for (Obj *o = prog->globals; o; o = o->next)
    if (!o->is_static && o->is_definition && !o->is_string)
      record(&b, "def", o);
  for (Obj *o = prog->globals; o; o = o->next)
    if (!o->is_static && !o->is_definition && o->is_used && !o->is_string)
      record(&b, "ref", o);
  for (int i = 0; i < used_internal.len; i++) {
    bool listed = false;
    for (Obj *o = prog->globals; o; o = o->next)
      if (!o->is_definition && o->is_used && !strcmp(o->asmname, used_internal.v[i]))
        listed = true;
    if (!listed)
      record(&b, "ref", internal_obj(used_internal.v[i]));
  }
  buf_puts(&b, "end\n");
  used_internal.len = 0;           /* the next source starts afresh */
  return b.s;
}

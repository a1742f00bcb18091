/* diag.c -- user diagnostics in the GNU form:
 *     FILE:LINE:COL: error: MESSAGE
 *         5 |   g = &x;
 *           |       ^
 * Positions are those of the original source (the lexer re-aligns columns
 * with the source line), so the line shown is read from the file itself.
 * After diag_max_errors errors the compiler stops (exit 1). */
#include "cc.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int diag_errors;
int diag_max_errors = 20;
bool diag_no_warnings;
int diag_warning_errors;

enum { WG_ALL = 1, WG_EXTRA = 2 };
static const struct {
  const char *name;
  int group;
} warning_info[W_COUNT] = {
#define WARN(id, name, group) [W_##id] = {name, group},
#include "warnings.def"
#undef WARN
};
/* warning_error: 0 as -Werror says, 1 -Werror=NAME, 2 -Wno-error=NAME */
static bool warning_on[W_COUNT], all_errors;
static int warning_error[W_COUNT];
const char *diag_progname = "cuckoo-cc";

/* A cache of the source files named in diagnostics, split into lines. */
typedef struct SrcFile SrcFile;
struct SrcFile {
  SrcFile *next;
  char *name;
  char *text;          /* NULL if unreadable */
  char **lines;        /* lines[i] = start of line i+1 */
  int nlines;
};
static SrcFile *files;
/* Larger sources are compiled but not quoted (nor used to align columns). */
#define DIAG_SOURCE_MAX ((size_t)256 << 20)

static SrcFile *load(const char *name) {
  for (SrcFile *f = files; f; f = f->next)
    if (!strcmp(f->name, name))
      return f;
  SrcFile *f = xmalloc(sizeof *f);
  f->name = xstrdup(name);
  f->next = files;
  files = f;
  size_t len;
  /* the name comes from a line marker, that is from the program (#line):
   * /dev/zero, a FIFO or /dev/stdin must not be read, nor a huge file */
  f->text = read_regular_file(name, DIAG_SOURCE_MAX, &len);
  if (!f->text)
    return f;
  Vec lines = {0};
  char *p = f->text;
  vec_push(&lines, p);
  for (; *p; p++)
    if (*p == '\n') {
      *p = '\0';
      if (p > f->text && p[-1] == '\r')
        p[-1] = '\0';
      vec_push(&lines, p + 1);
    }
  f->lines = (char **)lines.v;
  f->nlines = lines.len;
  return f;
}

const char *diag_source_line(const char *file, int line) {
  if (!file || line < 1)
    return NULL;
  SrcFile *f = load(file);
  if (!f->text || line > f->nlines)
    return NULL;
  return f->lines[line - 1];
}

static void show_line(Loc loc) {
  const char *src = diag_source_line(loc.file, loc.line);
  if (!src)
    return;
  fprintf(stderr, "%5d | %s\n", loc.line, src);
  if (loc.col < 1)
    return;
  fprintf(stderr, "      | ");
  size_t len = strlen(src);
  for (int i = 0; i < loc.col - 1; i++)
    fputc((size_t)i < len && src[i] == '\t' ? '\t' : ' ', stderr);
  fputs("^\n", stderr);
}

static void report(Loc loc, const char *kind, const char *fmt, va_list ap) {
  if (loc.file && loc.line > 0) {
    if (loc.col > 0)
      fprintf(stderr, "%s:%d:%d: %s: ", loc.file, loc.line, loc.col, kind);
    else
      fprintf(stderr, "%s:%d: %s: ", loc.file, loc.line, kind);
  } else {
    fprintf(stderr, "%s: %s: ", diag_progname, kind);
  }
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  if (loc.file && loc.line > 0)
    show_line(loc);
}

static void count_error(void) {
  if (++diag_errors >= diag_max_errors) {
    fprintf(stderr, "%s: fatal error: too many errors (%d); stopping\n", diag_progname,
            diag_errors);
    exit(1);
  }
}

void error_at(Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(loc, "error", fmt, ap);
  va_end(ap);
  count_error();
}

static void warn_at_plain(Loc loc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int warning_named(const char *name) {
  for (int w = 0; w < W_COUNT; w++)
    if (!strcmp(warning_info[w].name, name))
      return w;
  return -1;
}

bool diag_warning_option(const char *opt) {
  if (!strcmp(opt, "all") || !strcmp(opt, "extra")) {
    int g = opt[0] == 'a' ? WG_ALL : WG_EXTRA;
    for (int w = 0; w < W_COUNT; w++)
      if (warning_info[w].group == g)
        warning_on[w] = true;
    return true;
  }
  if (!strcmp(opt, "error")) {
    all_errors = true;
    return true;
  }
  if (!strcmp(opt, "no-error")) {
    all_errors = false;
    return true;
  }
  bool on = true, error = false;
  if (!strncmp(opt, "no-", 3)) {
    on = false;
    opt += 3;
  }
  if (!strncmp(opt, "error=", 6)) {
    error = true;
    opt += 6;
  }
  int w = warning_named(opt);
  if (w < 0)
    return false;
  if (error) {
    warning_error[w] = on ? 1 : 2; /* -Werror=NAME turns it on; -Wno-error=NAME leaves it */
    if (on)
      warning_on[w] = true;
  } else {
    warning_on[w] = on;
  }
  return true;
}

bool diag_warning_enabled(Warning w) { return !diag_no_warnings && warning_on[w]; }

void warn_opt(Warning w, Loc loc, const char *fmt, ...) {
  if (!diag_warning_enabled(w))
    return;
  bool error = warning_error[w] == 1 || (all_errors && warning_error[w] != 2);
  char msg[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (error) {
    diag_warning_errors++;
    error_at(loc, "%s [-Werror=%s]", msg, warning_info[w].name);
  }
  else
    warn_at_plain(loc, "%s [-W%s]", msg, warning_info[w].name);
}

void warn_at(Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(loc, all_errors ? "error" : "warning", fmt, ap);
  va_end(ap);
  if (all_errors)
    count_error();
}

/* A warning line, whatever -Werror says (warn_opt decided). */
static void warn_at_plain(Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(loc, "warning", fmt, ap);
  va_end(ap);
}

void note_at(Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(loc, "note", fmt, ap);
  va_end(ap);
}

void error_plain(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "%s: error: ", diag_progname);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  count_error();
}

void diag_checkpoint(void) {
  if (diag_errors)
    exit(1);
}

/* What to tell a C programmer who uses a C type name that Cuckoo
 * declares in a header, or lacks (the parser and check.c both say it). */
const char *type_name_hint(const char *name) {
  static const char *const hints[][2] = {
      {"size_t", "<stddef.h>"},   {"ssize_t", "<stddef.h>"}, {"int8_t", "<stdint.h>"},
      {"uint8_t", "<stdint.h>"},  {"int16_t", "<stdint.h>"}, {"uint16_t", "<stdint.h>"},
      {"int32_t", "<stdint.h>"},  {"uint32_t", "<stdint.h>"}, {"int64_t", "<stdint.h>"},
      {"uint64_t", "<stdint.h>"}, {"FILE", "<cuckoo.ckh>"},   {"string", "<cuckoo.ckh>"},
      {"thread_t", "<cuckoo.ckh>"}, {"mutex_t", "<cuckoo.ckh>"}, {"cond_t", "<cuckoo.ckh>"},
  };
  for (size_t k = 0; k < sizeof hints / sizeof hints[0]; k++)
    if (!strcmp(hints[k][0], name))
      return format("; it is declared in %s", hints[k][1]);
  if (!strcmp(name, "va_list"))
    return ": va_list and variadic functions are not in Cuckoo";
  if (!strcmp(name, "intptr_t") || !strcmp(name, "uintptr_t") || !strcmp(name, "ptrdiff_t"))
    return ": there are no conversions between pointers and integers in Cuckoo";
  return "";
}

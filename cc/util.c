/* util.c -- memory, strings, growable buffers and die().
 * Allocation failure and internal bugs end the compiler with status 2 and a
 * message that names the compiler's own source position, never the user's. */
#define _GNU_SOURCE
#include "cc.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

void die_at_(const char *file, int line, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "cuckoo-cc: internal compiler error (%s:%d): ", file, line);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\nPlease report this bug with the source that triggered it.\n");
  exit(2);
}

void *xmalloc(size_t n) {
  void *p = calloc(1, n ? n : 1);
  if (!p)
    die("out of memory allocating %zu bytes", n);
  return p;
}

void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p)
    die("out of memory allocating %zu bytes", n);
  return p;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xstrndup(const char *s, size_t n) {
  char *p = xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *format(const char *fmt, ...) {
  Buf b = {0};
  va_list ap;
  va_start(ap, fmt);
  char tmp[256];
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  if (n < (int)sizeof tmp) {
    buf_puts(&b, tmp);
  } else {
    char *big = xmalloc((size_t)n + 1);
    vsnprintf(big, (size_t)n + 1, fmt, ap2);
    b.s = big;
    b.len = b.cap = (size_t)n;
  }
  va_end(ap2);
  va_end(ap);
  return b.s ? b.s : xstrdup("");
}

static void buf_grow(Buf *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap)
    return;
  size_t cap = b->cap ? b->cap * 2 : 64;
  while (cap < b->len + extra + 1)
    cap *= 2;
  b->s = xrealloc(b->s, cap);
  b->cap = cap;
}

void buf_putn(Buf *b, const char *s, size_t n) {
  buf_grow(b, n);
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

void buf_putc(Buf *b, int c) {
  char ch = (char)c;
  buf_putn(b, &ch, 1);
}

void buf_puts(Buf *b, const char *s) { buf_putn(b, s, strlen(s)); }

void buf_vprintf(Buf *b, const char *fmt, va_list ap) {
  char *s = NULL;
  int n = vasprintf(&s, fmt, ap);
  if (n < 0)
    die("out of memory formatting");
  buf_putn(b, s, (size_t)n);
  free(s);
}

void buf_printf(Buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  buf_vprintf(b, fmt, ap);
  va_end(ap);
}

void vec_push(Vec *v, void *p) {
  if (v->len == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 8;
    v->v = xrealloc(v->v, sizeof(void *) * (size_t)v->cap);
  }
  v->v[v->len++] = p;
}

char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  Buf b = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    buf_putn(&b, chunk, n);
  fclose(f);
  if (!b.s)
    buf_puts(&b, "");
  *len = b.len;
  return b.s;
}

char *read_regular_file(const char *path, size_t max, size_t *len) {
  /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0 ||
      (unsigned long long)st.st_size > max) {
    close(fd);
    return NULL;
  }
  /* at most the size fstat gave: a file that grows meanwhile is cut there */
  size_t want = (size_t)st.st_size, got = 0;
  char *s = xmalloc(want + 1);
  while (got < want) {
    ssize_t n = read(fd, s + got, want - got);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    got += (size_t)n;
  }
  close(fd);
  s[got] = '\0';
  *len = got;
  return s;
}

/* format.c -- the printf family over Cuckoo arrays.
 *
 * rt_vformat reads the format as a Cuckoo char array (it stops at a NUL or
 * at the array's end, so a format without NUL is still safe) and writes
 * to a sink: a FILE (io.c) or a char array (snprintf here).  %s reads its
 * argument only up to a NUL or the array's length word.  Integers are
 * converted here; %f %e %g are handed to the C library's snprintf with the
 * flags and precision (width is applied here), which gives exactly glibc's
 * correctly rounded digits.  That call runs inside a critical section
 * (rt.h): a signal handler never interrupts it, so the C library's
 * internal locks and allocations cannot deadlock against a handler. */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "rt.h"

struct spec {
  int left, zero, plus, space, alt;
  int width;                      /* -1: none */
  int prec;                       /* -1: none */
  int size;                       /* 0 int, 1 long, 2 long long, -1 short, -2 char */
  char conv;
};

static void put(struct rt_sink *sink, const char *s, size_t n) {
  if (n == 0)
    return;
  sink->put(sink, s, n);
  sink->count += n;
}

static void put_repeat(struct rt_sink *sink, char c, long n) {
  char block[64];
  memset(block, c, sizeof block);
  while (n > 0) {
    size_t k = n > (long)sizeof block ? sizeof block : (size_t)n;
    put(sink, block, k);
    n -= (long)k;
  }
}

/* Writes PREFIX (sign, 0x), ZEROS zeros, then BODY, padded to the width. */
static void put_padded(struct rt_sink *sink, const struct spec *sp, const char *prefix,
                       long zeros, const char *body, size_t body_len) {
  long len = (long)strlen(prefix) + zeros + (long)body_len;
  long pad = sp->width > len ? sp->width - len : 0;
  if (!sp->left && !sp->zero)
    put_repeat(sink, ' ', pad);
  put(sink, prefix, strlen(prefix));
  if (!sp->left && sp->zero)
    put_repeat(sink, '0', pad);
  put_repeat(sink, '0', zeros);
  put(sink, body, body_len);
  if (sp->left)
    put_repeat(sink, ' ', pad);
}

static void format_integer(struct rt_sink *sink, struct spec *sp, unsigned long long v,
                           int negative) {
  char digits[32];
  int base = sp->conv == 'o' ? 8 : (sp->conv == 'x' || sp->conv == 'X' || sp->conv == 'p') ? 16 : 10;
  const char *alphabet = sp->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  int i = sizeof digits;
  unsigned long long u = v;
  while (u != 0) {
    digits[--i] = alphabet[u % base];
    u /= base;
  }
  size_t ndigits = sizeof digits - i;
  long zeros = 0;
  if (sp->prec >= 0) {
    sp->zero = 0;                  /* a precision turns the 0 flag off */
    if ((long)ndigits < sp->prec)
      zeros = sp->prec - (long)ndigits;
  } else if (ndigits == 0) {
    zeros = 1;                     /* 0 prints as "0" unless the precision is 0 */
  }
  const char *prefix = "";
  if (sp->conv == 'd' || sp->conv == 'i')
    prefix = negative ? "-" : sp->plus ? "+" : sp->space ? " " : "";
  else if (sp->alt && (sp->conv == 'x' || sp->conv == 'X') && v != 0)
    prefix = sp->conv == 'x' ? "0x" : "0X";
  else if (sp->conv == 'p')
    prefix = "0x";
  else if (sp->alt && sp->conv == 'o' && zeros == 0 && (ndigits == 0 || digits[i] != '0'))
    zeros = 1;                     /* # on %o: the first digit is a 0 */
  put_padded(sink, sp, prefix, zeros, digits + i, ndigits);
}

static void format_string(struct rt_sink *sink, struct spec *sp, const char *s) {
  size_t n = 0;
  if (s == NULL) {
    s = "(null)";
    n = sp->prec >= 0 && sp->prec < 6 ? 0 : 6;   /* glibc prints all or nothing */
  } else {
    size_t limit = RT_LEN(s);
    if (sp->prec >= 0 && (size_t)sp->prec < limit)
      limit = (size_t)sp->prec;
    while (n < limit && s[n] != 0)
      n++;
  }
  sp->zero = 0;
  put_padded(sink, sp, "", 0, s, n);
}

/* %f %e %g of V: glibc's digits with our flags and precision, our width. */
static void format_double(struct rt_sink *sink, struct spec *sp, double v) {
  char fmt[16], *p = fmt;
  *p++ = '%';
  if (sp->plus)
    *p++ = '+';
  if (sp->space)
    *p++ = ' ';
  if (sp->alt)
    *p++ = '#';
  *p++ = '.';
  *p++ = '*';
  *p++ = sp->conv;
  *p = 0;
  int prec = sp->prec >= 0 ? sp->prec : 6;

  char small[512], *text = small;
  size_t mapped = 0;
  rt_crit_enter();
  int n = snprintf(small, sizeof small, fmt, prec, v);
  if (n >= (int)sizeof small) {
    /* A long conversion (%.500f): a private mapping, not the heap, since
     * we may be inside the allocator's caller's signal-free section. */
    mapped = (size_t)n + 1;
    void *m = mmap(NULL, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) {
      mapped = 0;
      n = sizeof small - 1;       /* out of memory: print what fits */
    } else {
      text = m;
      snprintf(text, mapped, fmt, prec, v);
    }
  }
  rt_crit_leave();
  if (n < 0)
    n = 0;

  /* Width: zeros go after the sign, and only for finite values. */
  const char *body = text;
  const char *prefix = "";
  if (*body == '-' || *body == '+' || *body == ' ') {
    static const char signs[3][2] = { "-", "+", " " };
    prefix = signs[*body == '-' ? 0 : *body == '+' ? 1 : 2];
    body++;
  }
  if (*body == 'i' || *body == 'n')
    sp->zero = 0;
  put_padded(sink, sp, prefix, 0, body, (size_t)n - (size_t)(body - text));
  if (mapped)
    munmap(text, mapped);
}

void rt_vformat(struct rt_sink *sink, const char *fmt, va_list *ap) {
  unsigned len = RT_LEN(fmt);
  unsigned i = 0;
#define PEEK() (i < len ? fmt[i] : 0)
  while (i < len && fmt[i] != 0) {
    unsigned start = i;
    while (i < len && fmt[i] != 0 && fmt[i] != '%')
      i++;
    put(sink, fmt + start, i - start);
    if (PEEK() != '%')
      break;
    unsigned conv_start = i++;
    struct spec sp = { 0, 0, 0, 0, 0, -1, -1, 0, 0 };
    for (;; i++) {
      char c = PEEK();
      if (c == '-') sp.left = 1;
      else if (c == '0') sp.zero = 1;
      else if (c == '+') sp.plus = 1;
      else if (c == ' ') sp.space = 1;
      else if (c == '#') sp.alt = 1;
      else break;
    }
    if (PEEK() == '*') {
      int w = va_arg(*ap, int);
      i++;
      if (w < 0) {
        sp.left = 1;
        w = w == -2147483647 - 1 ? 2147483647 : -w;
      }
      sp.width = w;
    } else {
      while (PEEK() >= '0' && PEEK() <= '9') {
        int d = PEEK() - '0';
        sp.width = (sp.width < 0 ? 0 : sp.width) > 214748363 ? 2147483647
                                                              : (sp.width < 0 ? 0 : sp.width) * 10 + d;
        i++;
      }
    }
    if (PEEK() == '.') {
      i++;
      sp.prec = 0;
      if (PEEK() == '*') {
        int pr = va_arg(*ap, int);
        i++;
        sp.prec = pr < 0 ? -1 : pr;
      } else {
        while (PEEK() >= '0' && PEEK() <= '9') {
          sp.prec = sp.prec > 214748363 ? 2147483647 : sp.prec * 10 + (PEEK() - '0');
          i++;
        }
      }
    }
    if (PEEK() == 'l') {
      sp.size = 1;
      i++;
      if (PEEK() == 'l') {
        sp.size = 2;
        i++;
      }
    } else if (PEEK() == 'h') {
      sp.size = -1;
      i++;
      if (PEEK() == 'h') {
        sp.size = -2;
        i++;
      }
    }
    if (sp.left)
      sp.zero = 0;
    sp.conv = PEEK();
    i++;
    switch (sp.conv) {
    case 'd': case 'i': {
      long long v;
      if (sp.size == 2) v = va_arg(*ap, long long);
      else if (sp.size == 1) v = va_arg(*ap, long);
      else v = va_arg(*ap, int);
      if (sp.size == -1) v = (short)v;
      if (sp.size == -2) v = (signed char)v;
      format_integer(sink, &sp, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, v < 0);
      break;
    }
    case 'u': case 'x': case 'X': case 'o': {
      unsigned long long v;
      if (sp.size == 2) v = va_arg(*ap, unsigned long long);
      else if (sp.size == 1) v = va_arg(*ap, unsigned long);
      else v = va_arg(*ap, unsigned);
      if (sp.size == -1) v = (unsigned short)v;
      if (sp.size == -2) v = (unsigned char)v;
      sp.plus = sp.space = 0;
      format_integer(sink, &sp, v, 0);
      break;
    }
    case 'c': {
      char c = (char)va_arg(*ap, int);
      sp.zero = 0;
      put_padded(sink, &sp, "", 0, &c, 1);
      break;
    }
    case 's':
      format_string(sink, &sp, va_arg(*ap, const char *));
      break;
    case 'p': {
      const void *p = va_arg(*ap, const void *);
      if (p == NULL) {
        sp.zero = 0;
        put_padded(sink, &sp, "", 0, "(nil)", 5);
      } else {
        sp.prec = -1;
        format_integer(sink, &sp, (uintptr_t)p, 0);
      }
      break;
    }
    case 'f': case 'e': case 'g': case 'F': case 'E': case 'G':
      format_double(sink, &sp, va_arg(*ap, double));
      break;
    case '%':
      put(sink, "%", 1);
      break;
    default:
      /* Not a conversion (the compiler rejects these): print it as text. */
      if (sp.conv == 0)
        i--;
      put(sink, fmt + conv_start, i - conv_start);
      break;
    }
  }
#undef PEEK
}

/* ---- snprintf ----------------------------------------------------------- */

struct array_sink {
  struct rt_sink sink;
  char *buf;
  size_t cap;                     /* characters that fit before the NUL */
  size_t len;
};

static void array_sink_put(struct rt_sink *sink, const char *s, size_t n) {
  struct array_sink *a = (struct array_sink *)sink;
  size_t room = a->cap - a->len;
  if (n > room)
    n = room;
  memmove(a->buf + a->len, s, n);   /* the argument may be BUF itself */
  a->len += n;
}

int __cuckoo_snprintf(char *buf, const char *fmt, ...) {
  RT_CHECK_NULL(RT_HERE, buf, "snprintf");
  RT_CHECK_NULL(RT_HERE, fmt, "snprintf");
  unsigned size = RT_LEN(buf);
  struct array_sink a = { { array_sink_put, 0 }, buf, size > 0 ? size - 1 : 0, 0 };
  va_list ap;
  va_start(ap, fmt);
  rt_vformat(&a.sink, fmt, &ap);
  va_end(ap);
  if (size > 0)
    buf[a.len] = 0;
  return a.sink.count > 0x7fffffff ? 0x7fffffff : (int)a.sink.count;
}

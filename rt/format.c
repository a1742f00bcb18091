/* format.c -- the printf family over Cuckoo arrays.
 *
 * rt_vformat reads the format as a Cuckoo char array (it stops at a NUL or
 * at the array's end, so a format without NUL is still safe) and writes
 * to a sink: a FILE (io.c) or a char array (snprintf here).  %s reads its
 * argument only up to a NUL or the array's length word.  Every conversion
 * is made here, floating point included (below), with no call into the C
 * library's printf: each uses a small, fixed amount of stack whatever the
 * width and precision, no heap and no lock, so formatting is safe in the
 * reserve below a thread's stack limit and inside a signal handler. */
#include <string.h>

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

static void put_repeat_ull(struct rt_sink *sink, char c, unsigned long long n) {
  char block[64];
  memset(block, c, sizeof block);
  while (n > 0) {
    size_t k = n > sizeof block ? sizeof block : (size_t)n;
    put(sink, block, k);
    n -= k;
  }
}

/* Writes PREFIX (sign, 0x), ZEROS zeros, then BODY, padded to the width. */
static void put_padded(struct rt_sink *sink, const struct spec *sp, const char *prefix,
                       long zeros, const char *body, size_t body_len) {
  /* In 64 bits: a precision and a body of 2^31 each would overflow long. */
  unsigned long long len = strlen(prefix) + (unsigned long long)(zeros > 0 ? zeros : 0) + body_len;
  unsigned long long width = sp->width > 0 ? (unsigned long long)sp->width : 0;
  unsigned long long pad = width > len ? width - len : 0;
  if (!sp->left && !sp->zero)
    put_repeat_ull(sink, ' ', pad);
  put(sink, prefix, strlen(prefix));
  if (!sp->left && sp->zero)
    put_repeat_ull(sink, '0', pad);
  put_repeat(sink, '0', zeros);
  put(sink, body, body_len);
  if (sp->left)
    put_repeat_ull(sink, ' ', pad);
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

/* ---- %f %e %g without the C library ------------------------------------
 *
 * glibc's printf needs stack in proportion to the precision (about 80 KiB
 * for %.16300f), more than the reserve below a thread's stack limit, and
 * may call malloc.  So the digits are made here, exactly, in bounded
 * memory: a finite double is m * 2^e with m < 2^53 and -1074 <= e <= 971,
 * so its exact decimal expansion has at most 309 integer digits and 1074
 * fraction digits.  Both are computed with 32-bit-word big integers of at
 * most 35 words; rounding is to nearest with ties to even on the exact
 * digits, which is what glibc does in the default rounding mode, and every
 * digit past the exact expansion is a zero, written by put_repeat.  The
 * stack used is about 2 KiB whatever the precision. */

#define INT_DIGITS_MAX 309
#define FRAC_DIGITS_MAX 1074
#define BIG_WORDS 36

/* The decimal digits of a finite double's magnitude in d[first, end), the
 * decimal point before d[point]; d[0] is spare for a carry out of the top
 * digit.  There is always at least one integer digit.  The fraction's
 * digits stop early once there are enough for the conversion; STICKY then
 * says whether a nonzero digit follows, so that rounding stays exact. */
struct decimal {
  char d[1 + INT_DIGITS_MAX + 1 + FRAC_DIGITS_MAX + 9];
  int first, point, end;
  int sticky;
};

/* The digits of m * 2^e: all of the integer part, and of the fraction at
 * least MAX_FRAC digits, or MAX_SIG counted from the first nonzero digit,
 * when it has that many. */
static void decimal_of(struct decimal *dec, uint64_t m, int e, long long max_frac,
                       long long max_sig) {
  dec->sticky = 0;
  int n = 1;                      /* d[0] is the spare */
  if (e >= 0) {
    /* The integer m * 2^e, then its digits by division by 10^9. */
    uint32_t w[BIG_WORDS] = { 0 };
    int nw = (53 + e) / 32 + 1;   /* at most 33 */
    int shift = e % 32, at = e / 32;
    w[at] = (uint32_t)(m << shift);
    w[at + 1] = (uint32_t)(shift ? (m >> (32 - shift)) : (m >> 32));
    w[at + 2] = (uint32_t)(shift ? (m >> (64 - shift)) : 0);   /* m < 2^53: 3 words */
    char chunks[INT_DIGITS_MAX + 9];
    int nc = 0;
    while (nw > 0 && w[nw - 1] == 0)
      nw--;
    while (nw > 0) {
      uint64_t rem = 0;
      for (int i = nw - 1; i >= 0; i--) {
        uint64_t cur = rem << 32 | w[i];
        w[i] = (uint32_t)(cur / 1000000000u);
        rem = cur % 1000000000u;
      }
      for (int k = 0; k < 9; k++) {
        chunks[nc++] = (char)('0' + rem % 10);
        rem /= 10;
      }
      while (nw > 0 && w[nw - 1] == 0)
        nw--;
    }
    while (nc > 1 && chunks[nc - 1] == '0')
      nc--;
    while (nc > 0)
      dec->d[n++] = chunks[--nc];
    dec->first = 1;
    dec->point = n;
    dec->end = n;
    return;
  }
  /* e < 0: the integer part fits in 64 bits; the fraction is m mod 2^k
   * over 2^k (k = -e), kept left-aligned in NW words so that multiplying
   * by 10^9 carries the next nine digits out of the top word. */
  int k = -e;
  uint64_t ip = k >= 64 ? 0 : m >> k;
  uint64_t fm = k >= 64 ? m : m & (((uint64_t)1 << k) - 1);
  char idig[24];
  int ni = 0;
  do {
    idig[ni++] = (char)('0' + ip % 10);
    ip /= 10;
  } while (ip != 0);
  while (ni > 0)
    dec->d[n++] = idig[--ni];
  dec->first = 1;
  dec->point = n;
  int nw = (k + 31) / 32;
  int s = 32 * nw - k;            /* fm << s is the left-aligned fraction */
  uint32_t w[BIG_WORDS];
  int lo = 0;
  for (int i = 0; i < nw; i++) {
    int shift = 32 * i - s;       /* bits [shift, shift + 32) of fm */
    uint32_t v = 0;
    if (shift >= 0 && shift < 64)
      v = (uint32_t)(fm >> shift);
    else if (shift < 0 && shift > -32)
      v = (uint32_t)(fm << -shift);
    w[i] = v;
  }
  int nonzero_at = -1;            /* the first nonzero digit so far */
  for (int i = dec->first; i < n && nonzero_at < 0; i++)
    if (dec->d[i] != '0')
      nonzero_at = i;
  for (;;) {
    while (lo < nw && w[lo] == 0)
      lo++;                       /* zero low words stay zero */
    if (lo == nw)
      break;
    if (n - dec->point >= max_frac || (nonzero_at >= 0 && n - nonzero_at >= max_sig)) {
      dec->sticky = 1;            /* digits remain, and they are not all zero */
      break;
    }
    uint64_t carry = 0;
    for (int i = lo; i < nw; i++) {
      uint64_t t = (uint64_t)w[i] * 1000000000u + carry;
      w[i] = (uint32_t)t;
      carry = t >> 32;
    }
    for (int j = 8; j >= 0; j--) {
      dec->d[n + j] = (char)('0' + carry % 10);
      carry /= 10;
    }
    for (int j = 0; j < 9 && nonzero_at < 0; j++)
      if (dec->d[n + j] != '0')
        nonzero_at = n + j;
    n += 9;
  }
  while (n > dec->point && dec->d[n - 1] == '0')
    n--;
  dec->end = n;
}

/* The digit at index I (a zero past the exact digits). */
static char digit_at(const struct decimal *dec, long long i) {
  return i >= dec->first && i < dec->end ? dec->d[i] : '0';
}

/* Whether keeping only the digits before index CUT rounds up (to
 * nearest, ties to even).  decimal_of made the digit at CUT when the
 * fraction goes on (STICKY); past the digits made, all are zeros. */
static int rounds_up(const struct decimal *dec, long long cut) {
  if (cut >= dec->end)
    return 0;
  char r = digit_at(dec, cut);
  if (r != '5')
    return r > '5';
  if (dec->sticky)
    return 1;
  for (long long i = cut + 1; i < dec->end; i++)
    if (dec->d[i] != '0')
      return 1;
  return (digit_at(dec, cut - 1) - '0') & 1;
}

/* Keeps the digits before index CUT (CUT > first), rounded. */
static void round_at(struct decimal *dec, long long cut) {
  if (cut >= dec->end)
    return;
  int up = rounds_up(dec, cut);
  dec->end = (int)cut;
  if (!up)
    return;
  int i = (int)cut - 1;
  while (i >= dec->first && dec->d[i] == '9')
    dec->d[i--] = '0';
  if (i >= dec->first) {
    dec->d[i]++;
  } else {
    dec->d[--dec->first] = '1';   /* 9.99 -> 10.0: one more integer digit */
  }
}

/* The index of the first nonzero digit, or -1 for zero. */
static int first_nonzero(const struct decimal *dec) {
  for (int i = dec->first; i < dec->end; i++)
    if (dec->d[i] != '0')
      return i;
  return -1;
}

/* A number as it is written: DIGITS (from the buffer), then ZEROS zeros,
 * a point after the first INTLEN characters of those when DOT, and a
 * suffix (an exponent). */
struct float_text {
  const char *digits;
  long long ndigits;              /* from the buffer */
  unsigned long long zeros;       /* after them */
  long long intlen;               /* characters before the point */
  int dot;
  char suffix[8];
};

static void put_count(struct rt_sink *sink, const char *s, unsigned long long n) {
  put(sink, s, (size_t)n);
}

static void put_zeros(struct rt_sink *sink, unsigned long long n) {
  char block[256];
  memset(block, '0', sizeof block);
  while (n > 0) {
    size_t k = n > sizeof block ? sizeof block : (size_t)n;
    put(sink, block, k);
    n -= k;
  }
}

/* Writes the characters [from, to) of the digits-then-zeros sequence. */
static void put_digit_range(struct rt_sink *sink, const struct float_text *ft,
                            unsigned long long from, unsigned long long to) {
  unsigned long long nd = (unsigned long long)ft->ndigits;
  if (from < nd) {
    unsigned long long k = (to < nd ? to : nd) - from;
    put_count(sink, ft->digits + from, k);
    from += k;
  }
  if (to > from)
    put_zeros(sink, to - from);
}

static void put_float_text(struct rt_sink *sink, const struct spec *sp, const char *prefix,
                           const struct float_text *ft) {
  unsigned long long total_digits = (unsigned long long)ft->ndigits + ft->zeros;
  unsigned long long len = strlen(prefix) + total_digits + (ft->dot ? 1 : 0) + strlen(ft->suffix);
  unsigned long long pad = (unsigned long long)(sp->width > 0 ? sp->width : 0);
  pad = pad > len ? pad - len : 0;
  if (!sp->left && !sp->zero)
    put_repeat_ull(sink, ' ', pad);
  put(sink, prefix, strlen(prefix));
  if (!sp->left && sp->zero)
    put_repeat_ull(sink, '0', pad);
  unsigned long long intlen = (unsigned long long)ft->intlen;
  put_digit_range(sink, ft, 0, intlen);
  if (ft->dot)
    put(sink, ".", 1);
  put_digit_range(sink, ft, intlen, total_digits);
  put(sink, ft->suffix, strlen(ft->suffix));
  if (sp->left)
    put_repeat_ull(sink, ' ', pad);
}

static void exponent_suffix(char *out, char e, long long x) {
  char *p = out;
  *p++ = e;
  *p++ = x < 0 ? '-' : '+';
  unsigned long long u = x < 0 ? (unsigned long long)-x : (unsigned long long)x;
  char tmp[8];
  int n = 0;
  do {
    tmp[n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u != 0 && n < 6);
  if (n < 2)
    tmp[n++] = '0';
  while (n > 0)
    *p++ = tmp[--n];
  *p = 0;
}

/* %f with precision PREC of DEC (rounded here). */
static void fixed_text(struct decimal *dec, long long prec, struct float_text *ft) {
  round_at(dec, dec->point + prec);
  ft->digits = dec->d + dec->first;
  ft->intlen = dec->point - dec->first;
  long long have = dec->end - dec->first;
  ft->ndigits = have;
  ft->zeros = (unsigned long long)(ft->intlen + prec - have);
  ft->dot = prec > 0;
  ft->suffix[0] = 0;
}

/* %e with precision PREC of DEC (rounded here). */
static void exp_text(struct decimal *dec, long long prec, char e, struct float_text *ft) {
  int f = first_nonzero(dec);
  long long x = 0;
  if (f < 0) {
    ft->digits = "0";
    ft->ndigits = 1;
  } else {
    round_at(dec, f + 1 + prec);
    f = first_nonzero(dec);       /* a carry made a new leading 1 */
    x = dec->point - 1 - f;
    ft->digits = dec->d + f;
    ft->ndigits = dec->end - f;
    if (ft->ndigits > prec + 1)
      ft->ndigits = prec + 1;
  }
  ft->intlen = 1;
  ft->zeros = (unsigned long long)(prec + 1 - ft->ndigits);
  ft->dot = prec > 0;
  exponent_suffix(ft->suffix, e, x);
}

static void format_double(struct rt_sink *sink, struct spec *sp, double v) {
  uint64_t bits;
  memcpy(&bits, &v, sizeof bits);
  int negative = (int)(bits >> 63);
  int expfield = (int)(bits >> 52 & 0x7ff);
  uint64_t frac = bits & (((uint64_t)1 << 52) - 1);
  char conv = sp->conv;
  int upper = conv == 'F' || conv == 'E' || conv == 'G';
  const char *prefix = negative ? "-" : sp->plus ? "+" : sp->space ? " " : "";

  struct float_text ft;
  memset(&ft, 0, sizeof ft);
  if (expfield == 0x7ff) {
    ft.digits = frac ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    ft.ndigits = 3;
    ft.intlen = 3;
    sp->zero = 0;
    put_float_text(sink, sp, prefix, &ft);
    return;
  }
  uint64_t m = expfield ? frac | (uint64_t)1 << 52 : frac;
  int e = expfield ? expfield - 1075 : -1074;
  long long prec = sp->prec >= 0 ? sp->prec : 6;
  /* How many digits each style rounds on: the one at the cut included. */
  long long max_frac = FRAC_DIGITS_MAX + 9, max_sig = max_frac;
  if (conv == 'f' || conv == 'F')
    max_frac = prec + 1;
  else if (conv == 'e' || conv == 'E')
    max_sig = prec + 2;
  else
    max_sig = (prec == 0 ? 1 : prec) + 1;
  struct decimal dec;
  decimal_of(&dec, m, e, max_frac, max_sig);

  if (conv == 'f' || conv == 'F') {
    fixed_text(&dec, prec, &ft);
  } else if (conv == 'e' || conv == 'E') {
    exp_text(&dec, prec, upper ? 'E' : 'e', &ft);
  } else {
    /* %g: P significant digits; the exponent X that %e would show
     * decides between the two styles (C11 7.21.6.1). */
    long long p = prec == 0 ? 1 : prec;
    int f = first_nonzero(&dec);
    long long x = 0;
    if (f >= 0) {
      x = dec.point - 1 - f;
      int carry = rounds_up(&dec, f + p);
      for (long long i = f; carry && i < f + p; i++)
        if (digit_at(&dec, i) != '9')
          carry = 0;
      x += carry;
    }
    if (p > x && x >= -4)
      fixed_text(&dec, p - 1 - x, &ft);
    else
      exp_text(&dec, p - 1, upper ? 'E' : 'e', &ft);
    if (!sp->alt) {
      /* Trailing zeros of the fraction go, and a point with nothing after. */
      ft.zeros = 0;
      while (ft.ndigits > ft.intlen && ft.digits[ft.ndigits - 1] == '0')
        ft.ndigits--;
      ft.dot = ft.ndigits > ft.intlen;
    }
  }
  if (sp->alt)
    ft.dot = 1;
  put_float_text(sink, sp, prefix, &ft);
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
  rt_check_store(RT_HERE, buf, size, "snprintf");
  struct array_sink a = { { array_sink_put, 0 }, buf, size > 0 ? size - 1 : 0, 0 };
  va_list ap;
  va_start(ap, fmt);
  rt_vformat(&a.sink, fmt, &ap);
  va_end(ap);
  if (size > 0)
    buf[a.len] = 0;
  return a.sink.count > 0x7fffffff ? 0x7fffffff : (int)a.sink.count;
}

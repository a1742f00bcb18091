/* bytes.c -- bytes and strings with offsets, parse_long, byte order,
 * ctype and atomics (LANGUAGE.md §12.1).
 *
 * Every function stays inside its arrays: a string ends at its first NUL
 * or at its array's end; an offset and a count are checked together,
 * off + n <= lengthof(b), without arithmetic that can wrap, before any
 * effect (trap bounds at the call).  ctype is the C locale's: any value
 * outside 0..255 (EOF, a negative char) is in no class. */
#include <errno.h>
#include <string.h>

#include "sys.h"

/* ---- bytes ----------------------------------------------------------------- */

void __cuckoo_copy_bytes(char *dst, unsigned doff, const char *src, unsigned soff,
                         unsigned n) {
  RT_CHECK_NULL(RT_HERE, dst, "copy_bytes");
  RT_CHECK_NULL(RT_HERE, src, "copy_bytes");
  rt_check_range(RT_HERE, "copy_bytes", doff, n, RT_LEN(dst));
  rt_check_range(RT_HERE, "copy_bytes", soff, n, RT_LEN(src));
  rt_check_store(RT_HERE, dst + doff, n, "copy_bytes");
  memmove(dst + doff, src + soff, n);   /* the ranges may overlap */
}

int __cuckoo_compare_bytes(const char *a, unsigned aoff, const char *b, unsigned boff,
                           unsigned n) {
  RT_CHECK_NULL(RT_HERE, a, "compare_bytes");
  RT_CHECK_NULL(RT_HERE, b, "compare_bytes");
  rt_check_range(RT_HERE, "compare_bytes", aoff, n, RT_LEN(a));
  rt_check_range(RT_HERE, "compare_bytes", boff, n, RT_LEN(b));
  int r = memcmp(a + aoff, b + boff, n);
  return r < 0 ? -1 : r > 0;
}

/* ---- strings --------------------------------------------------------------- */

/* At most N characters of two strings; past a string's end its character
 * is the NUL it ends with.  N is a limit, not a count of elements: it is
 * never checked against the arrays. */
int __cuckoo_strncmp(const char *a, const char *b, unsigned n) {
  RT_CHECK_NULL(RT_HERE, a, "strncmp");
  RT_CHECK_NULL(RT_HERE, b, "strncmp");
  return rt_string_compare(a, b, n);
}

/* BSD strlcat with size = lengthof(dst): appends what fits, always
 * NUL-terminated when dst held a NUL; returns the length it tried to make.
 * A dst without a NUL is left alone (the result is then
 * lengthof(dst) + strlen(src), as in BSD). */
unsigned __cuckoo_strlcat(char *dst, const char *src) {
  RT_CHECK_NULL(RT_HERE, dst, "strlcat");
  RT_CHECK_NULL(RT_HERE, src, "strlcat");
  unsigned size = RT_LEN(dst), dl = rt_bounded_len(dst), sl = rt_bounded_len(src);
  if (dl < size) {
    unsigned room = size - 1 - dl;
    unsigned k = sl < room ? sl : room;
    rt_check_store(RT_HERE, dst + dl, (size_t)k + 1, "strlcat");
    memmove(dst + dl, src, k);   /* src may be dst itself */
    dst[dl + k] = 0;
  }
  /* the sum of two lengths of 32-bit arrays may wrap: so does BSD's size_t */
  return dl + sl;
}

int __cuckoo_str_index(const char *s, int c) {
  RT_CHECK_NULL(RT_HERE, s, "str_index");
  unsigned n = rt_bounded_len(s);
  char ch = (char)c;
  if (ch == 0)
    return -1;
  for (unsigned i = 0; i < n && i <= 0x7fffffffu; i++)
    if (s[i] == ch)
      return (int)i;
  return -1;
}

int __cuckoo_str_find(const char *s, const char *needle) {
  RT_CHECK_NULL(RT_HERE, s, "str_find");
  RT_CHECK_NULL(RT_HERE, needle, "str_find");
  unsigned n = rt_bounded_len(s), m = rt_bounded_len(needle);
  if (m > n)
    return -1;
  for (unsigned i = 0; i <= n - m && i <= 0x7fffffffu; i++)
    if (memcmp(s + i, needle, m) == 0)
      return (int)i;
  return -1;
}

/* ---- parse_long ------------------------------------------------------------ */

static int digit_value(unsigned char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  return 99;
}

static int is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* strtoll at s[*pos], inside the string: skips spaces, takes a sign, base 0
 * (0x: 16, 0: 8, else 10) or 2..36 (16 takes an optional 0x).  On success
 * and on -ERANGE, *pos is past the last digit and *out is the value
 * (LLONG_MAX or LLONG_MIN when out of range, as strtoll).  -EINVAL (no
 * digits, or a base outside 0, 2..36) changes neither.  *pos past the
 * array's end traps bounds; *pos at or past the string's end is -EINVAL. */
int __cuckoo_parse_long(const char *s, unsigned *pos, int base, long long *out) {
  const void *ret = RT_HERE;
  RT_CHECK_NULL(ret, s, "parse_long");
  RT_CHECK_NULL(ret, pos, "parse_long");
  RT_CHECK_NULL(ret, out, "parse_long");
  /* both may be written: checked before anything is read */
  rt_check_store(ret, pos, sizeof *pos, "parse_long");
  rt_check_store(ret, out, sizeof *out, "parse_long");
  unsigned start = *pos;
  if (start > RT_LEN(s))
    rt_check_range(ret, "parse_long", start, 0, RT_LEN(s));
  if (base < 0 || base == 1 || base > 36)
    return -EINVAL;
  unsigned n = rt_bounded_len(s), i = start;
  while (i < n && is_space((unsigned char)s[i]))
    i++;
  int negative = 0;
  if (i < n && (s[i] == '+' || s[i] == '-'))
    negative = s[i++] == '-';
  if ((base == 0 || base == 16) && i + 1 < n && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')
      && i + 2 < n && digit_value((unsigned char)s[i + 2]) < 16) {
    i += 2;
    base = 16;
  } else if (base == 0) {
    base = i < n && s[i] == '0' ? 8 : 10;
  }
  unsigned long long limit = negative ? 9223372036854775808ull : 9223372036854775807ull;
  unsigned long long v = 0;
  int any = 0, overflow = 0;
  while (i < n) {
    int d = digit_value((unsigned char)s[i]);
    if (d >= base)
      break;
    any = 1;
    if (!overflow) {
      if (v > (limit - (unsigned)d) / (unsigned)base)
        overflow = 1;
      else
        v = v * (unsigned)base + (unsigned)d;
    }
    i++;
  }
  if (!any)
    return -EINVAL;
  *pos = i;
  if (overflow) {
    *out = negative ? (-9223372036854775807ll - 1) : 9223372036854775807ll;
    return -ERANGE;
  }
  *out = negative ? (long long)(0ull - v) : (long long)v;
  return 0;
}

/* ---- byte order ------------------------------------------------------------ */

#define GET(name, width, expr)                                                  \
  unsigned __cuckoo_##name(const char *s, unsigned off) {                        \
    RT_CHECK_NULL(RT_HERE, s, #name);                                            \
    rt_check_range(RT_HERE, #name, off, width, RT_LEN(s));                       \
    const unsigned char *b = (const unsigned char *)s + off;                     \
    return expr;                                                                 \
  }
GET(get_be16, 2, (unsigned)b[0] << 8 | b[1])
GET(get_le16, 2, (unsigned)b[1] << 8 | b[0])
GET(get_be32, 4, (unsigned)b[0] << 24 | (unsigned)b[1] << 16 | (unsigned)b[2] << 8 | b[3])
GET(get_le32, 4, (unsigned)b[3] << 24 | (unsigned)b[2] << 16 | (unsigned)b[1] << 8 | b[0])

#define PUT(name, width, big)                                                   \
  void __cuckoo_##name(char *s, unsigned off, unsigned v) {                      \
    RT_CHECK_NULL(RT_HERE, s, #name);                                            \
    rt_check_range(RT_HERE, #name, off, width, RT_LEN(s));                       \
    rt_check_store(RT_HERE, s + off, width, #name);                              \
    unsigned char *b = (unsigned char *)s + off;                                 \
    for (unsigned i = 0; i < width; i++)                                         \
      b[big ? width - 1 - i : i] = (unsigned char)(v >> (8 * i));                \
  }
PUT(put_be16, 2, 1)
PUT(put_le16, 2, 0)
PUT(put_be32, 4, 1)
PUT(put_le32, 4, 0)

/* ---- ctype (the C locale) ---------------------------------------------------- */

int __cuckoo_isdigit(int c) { return c >= '0' && c <= '9'; }
int __cuckoo_isupper(int c) { return c >= 'A' && c <= 'Z'; }
int __cuckoo_islower(int c) { return c >= 'a' && c <= 'z'; }
int __cuckoo_isalpha(int c) { return __cuckoo_isupper(c) || __cuckoo_islower(c); }
int __cuckoo_isalnum(int c) { return __cuckoo_isalpha(c) || __cuckoo_isdigit(c); }
int __cuckoo_isspace(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
int __cuckoo_isxdigit(int c) {
  return __cuckoo_isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int __cuckoo_isprint(int c) { return c >= 0x20 && c <= 0x7e; }
int __cuckoo_ispunct(int c) { return __cuckoo_isprint(c) && c != ' ' && !__cuckoo_isalnum(c); }
int __cuckoo_toupper(int c) { return __cuckoo_islower(c) ? c - 'a' + 'A' : c; }
int __cuckoo_tolower(int c) { return __cuckoo_isupper(c) ? c - 'A' + 'a' : c; }

/* ---- atomics ----------------------------------------------------------------- */

int __cuckoo_atomic_load(const int *p) {
  RT_CHECK_NULL(RT_HERE, p, "atomic_load");
  return __atomic_load_n(p, __ATOMIC_SEQ_CST);
}

void __cuckoo_atomic_store(int *p, int v) {
  RT_CHECK_NULL(RT_HERE, p, "atomic_store");
  rt_check_store(RT_HERE, p, sizeof *p, "atomic_store");
  __atomic_store_n(p, v, __ATOMIC_SEQ_CST);
}

/* Cuckoo's int arithmetic wraps: so does this sum (done unsigned). */
int __cuckoo_atomic_add(int *p, int v) {
  RT_CHECK_NULL(RT_HERE, p, "atomic_add");
  rt_check_store(RT_HERE, p, sizeof *p, "atomic_add");
  unsigned r = __atomic_add_fetch((unsigned *)p, (unsigned)v, __ATOMIC_SEQ_CST);
  return (int)r;
}

int __cuckoo_atomic_cas(int *p, int expected, int desired) {
  RT_CHECK_NULL(RT_HERE, p, "atomic_cas");
  rt_check_store(RT_HERE, p, sizeof *p, "atomic_cas");
  __atomic_compare_exchange_n(p, &expected, desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  return expected;
}

/* string.c -- the string functions of cuckoo.ckh over Cuckoo char arrays.
 *
 * A string is a char array; it ends at its first NUL or at the end of the
 * array, whichever comes first, so no function here ever reads or writes
 * outside its arrays' length words.  Counts are checked before any effect. */
#include <string.h>

#include "rt.h"

unsigned rt_bounded_len(const char *s) {
  unsigned len = RT_LEN(s), n = 0;
  while (n < len && s[n] != 0)
    n++;
  return n;
}

int rt_string_compare(const char *a, const char *b, unsigned n) {
  unsigned la = rt_bounded_len(a), lb = rt_bounded_len(b);
  for (unsigned i = 0; i < n; i++) {
    unsigned char ca = i < la ? (unsigned char)a[i] : 0;
    unsigned char cb = i < lb ? (unsigned char)b[i] : 0;
    if (ca != cb)
      return ca < cb ? -1 : 1;
    if (ca == 0)
      return 0;
  }
  return 0;
}

unsigned __cuckoo_strlen(const char *s) {
  RT_CHECK_NULL(RT_HERE, s, "strlen");
  return rt_bounded_len(s);
}

int __cuckoo_strcmp(const char *a, const char *b) {
  RT_CHECK_NULL(RT_HERE, a, "strcmp");
  RT_CHECK_NULL(RT_HERE, b, "strcmp");
  return rt_string_compare(a, b, ~0u);   /* both end by their array's end */
}

unsigned __cuckoo_strlcpy(char *dst, const char *src) {
  RT_CHECK_NULL(RT_HERE, dst, "strlcpy");
  RT_CHECK_NULL(RT_HERE, src, "strlcpy");
  unsigned size = RT_LEN(dst), n = rt_bounded_len(src);
  if (size > 0) {
    unsigned k = n < size - 1 ? n : size - 1;
    rt_check_store(RT_HERE, dst, (size_t)k + 1, "strlcpy");
    memmove(dst, src, k);
    dst[k] = 0;
  }
  return n;
}

void __cuckoo_memcpy_array(char *dst, const char *src, unsigned n) {
  RT_CHECK_NULL(RT_HERE, dst, "memcpy_array");
  RT_CHECK_NULL(RT_HERE, src, "memcpy_array");
  RT_CHECK_COUNT(RT_HERE, n, RT_LEN(dst), "memcpy_array");
  RT_CHECK_COUNT(RT_HERE, n, RT_LEN(src), "memcpy_array");
  rt_check_store(RT_HERE, dst, n, "memcpy_array");
  memmove(dst, src, n);            /* dst and src may be the same array */
}

void __cuckoo_memset_array(char *dst, int c, unsigned n) {
  RT_CHECK_NULL(RT_HERE, dst, "memset_array");
  RT_CHECK_COUNT(RT_HERE, n, RT_LEN(dst), "memset_array");
  rt_check_store(RT_HERE, dst, n, "memset_array");
  memset(dst, c, n);
}

/* C's atoi, bounded by the array, with Cuckoo's wrapping overflow. */
int __cuckoo_atoi(const char *s) {
  RT_CHECK_NULL(RT_HERE, s, "atoi");
  unsigned n = rt_bounded_len(s), i = 0;
  while (i < n && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
    i++;
  int negative = 0;
  if (i < n && (s[i] == '+' || s[i] == '-'))
    negative = s[i++] == '-';
  unsigned v = 0;
  while (i < n && s[i] >= '0' && s[i] <= '9')
    v = v * 10u + (unsigned)(s[i++] - '0');
  return (int)(negative ? 0u - v : v);
}

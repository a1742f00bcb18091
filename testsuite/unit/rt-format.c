/* rt-format.c -- unit tests of the runtime's printf family (rt/format.c)
 * and of trap detail formatting (rt/trap.c), run natively under the
 * sanitizers.  Integer and floating conversions are compared with the C
 * library's snprintf, which is what Cuckoo's output must match -- except
 * where glibc breaks C11 7.21.6.1 (%#g when rounding makes a new power of
 * ten: glibc drops the zeros that `#' keeps), checked separately. */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"

int __cuckoo_snprintf(char *buf, const char *fmt, ...);

/* A Cuckoo char array of N elements in heap memory ASan watches: the
 * length word, then exactly N chars, so a write past the end is caught. */
static char *carray(unsigned n) {
  unsigned char *m = malloc(4 + n);
  memcpy(m, &n, 4);
  memset(m + 4, 'X', n);
  return (char *)m + 4;
}
static void carray_free(char *a) { free(a - 4); }

/* A Cuckoo string: the text and its NUL, nothing more. */
static char *cstr(const char *s) {
  char *a = carray((unsigned)strlen(s) + 1);
  memcpy(a, s, strlen(s) + 1);
  return a;
}

#define CHECK_SAME(fmt, ...)                                            \
  do {                                                                  \
    char want[512];                                                     \
    int wn = snprintf(want, sizeof want, fmt, __VA_ARGS__);             \
    char *f_ = cstr(fmt);                                               \
    char *buf = carray(512);                                            \
    int n = __cuckoo_snprintf(buf, f_, __VA_ARGS__);                    \
    ck_assert_msg(n == wn && strcmp(buf, want) == 0,                    \
                  "format \"%s\": got \"%s\" (%d), want \"%s\" (%d)",   \
                  fmt, buf, n, want, wn);                               \
    carray_free(buf);                                                   \
    carray_free(f_);                                                    \
  } while (0)

START_TEST(integers) {
  CHECK_SAME("%d|%i|%u|%x|%X|%o", 42, -42, 3000000000u, 0xbeefu, 0xbeefu, 8u);
  CHECK_SAME("[%5d][%-5d][%05d][%+d][% d][%.3d][%8.3d][%-+6d]", 42, 42, -42, 42, 42, 7, -7, 3);
  CHECK_SAME("[%#x][%#X][%#o][%#o][%#x][%.0d][%.0x][%#.0o]", 255u, 255u, 8u, 0u, 0u, 0, 0u, 0u);
  CHECK_SAME("%d %d", -2147483647 - 1, 2147483647);
  CHECK_SAME("%ld %lu %lx", -5L, 5UL, 255UL);
  CHECK_SAME("%lld %llu %llx %llo", -9223372036854775807LL - 1, 18446744073709551615ULL,
             0x123456789abcdefULL, 01234567ULL);
  CHECK_SAME("%c%c%-3c|%3c|", 'a', 'b', 'c', 'd');
  CHECK_SAME("%%|%d%%", 1);
  CHECK_SAME("%*d|%-*d|%.*d", 6, 1, 6, 2, 4, 3);
  CHECK_SAME("%hd %hhd %hu %hhu", 70000, 300, 70000, 300);
}
END_TEST

START_TEST(floating) {
  static const double values[] = {
    0.0, -0.0, 1.0, -1.5, 0.1, 0.5, 1.5, 2.5, 3.14159265358979, 1e-10, 1e10, 123456789.0,
    1e300, 1e-300, 5e-324, DBL_MAX, DBL_MIN, 0.000123456, 999999.5, 9.9999995, 1.0 / 3,
    2.0 / 3, 1e21, 1e22, 12345.678901234, INFINITY, -INFINITY, NAN, -NAN,
  };
  static const char *formats[] = {
    "%f", "%e", "%g", "%.0f", "%.0e", "%.0g", "%.1f", "%.3e", "%.10g", "%.17g", "%.20f",
    "%12.4f", "%-12.4f|", "%012.4f", "%+f", "% e", "%#g", "%#.0f", "%#.0e", "%+015.3e",
    "%010g", "%-10g|", "%.30e", "%E", "%G", "%F",
  };
  for (size_t v = 0; v < sizeof values / sizeof values[0]; v++)
    for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++)
      if (!(values[v] == 999999.5 && !strcmp(formats[f], "%#g")))   /* glibc's bug: below */
        CHECK_SAME(formats[f], values[v]);
  /* Longer than any fixed buffer inside the runtime. */
  CHECK_SAME("%.400f", 1.0 / 3);
  CHECK_SAME("%f", 1e300);
  CHECK_SAME("%.1100f|%.1100e|%.1100g", 5e-324, 5e-324, 5e-324);
  CHECK_SAME("%.800f|%.400e|%.400g|%#.400g", DBL_MAX, DBL_MAX, DBL_MAX, DBL_MAX);
  CHECK_SAME("%.0f %.0f %.0f %.0f %.1f %.1f %.2f", 0.5, 1.5, 2.5, 3.5, 0.25, 0.35, 1.005);
  CHECK_SAME("%.3g %.3g %.0e %.1e %g %g", 9995.0, 0.0009995, 9.5, 9.95, 1e-4, 1e-5);
}
END_TEST

/* The same output as glibc for every flag, width, precision and
 * conversion on random doubles (random bit patterns, decimal-looking
 * values, exact ties, subnormals and huge values). */
START_TEST(floating_random) {
  static const char *flags[] = { "", "-", "+", " ", "#", "0", "-#", "+0", "#0", "- " };
  static const char convs[] = "feEgGF";
  unsigned long long seed = 12345;
  char *buf = carray(1500);
  char *f_ = carray(32);
  for (int i = 0; i < 60000; i++) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    unsigned long long r = seed;
    double d;
    switch (i % 4) {
    case 0: memcpy(&d, &r, sizeof d); break;
    case 1: d = (double)(r >> 40) / (double)((r & 0xffff) + 1) * pow(10, (int)(r >> 20 & 63) - 32); break;
    case 2: d = (double)(long long)(r >> 50) / 8.0 - 600; break;   /* exact ties */
    default: d = ldexp((double)(r >> 54), (int)(r >> 8 & 2047) - 1100); break;
    }
    char conv = convs[(r >> 3) % 6];
    const char *flag = flags[(r >> 11) % 10];
    if (strchr(flag, '#') && (conv == 'g' || conv == 'G'))
      flag = "";                  /* glibc's %#g bug: see floating_standard */
    char fmt[32];
    int width = (r >> 17) % 3 ? -1 : (int)((r >> 21) % 40);
    int prec = (r >> 27) % 4 == 0 ? -1 : (r >> 29) % 2 ? (int)((r >> 31) % 20) : (int)((r >> 31) % 1200);
    char *p = fmt + sprintf(fmt, "%%%s", flag);
    if (width >= 0)
      p += sprintf(p, "%d", width);
    if (prec >= 0)
      p += sprintf(p, ".%d", prec);
    sprintf(p, "%c", conv);
    char want[1500];
    int wn = snprintf(want, sizeof want, fmt, d);
    unsigned n = (unsigned)strlen(fmt) + 1;
    memcpy(f_ - 4, &n, 4);
    memcpy(f_, fmt, n);
    int got = __cuckoo_snprintf(buf, f_, d);
    ck_assert_msg(got == wn && strcmp(buf, want) == 0, "format \"%s\" of %a: got \"%.60s\" (%d), want \"%.60s\" (%d)",
                  fmt, d, buf, got, want, wn);
  }
  carray_free(f_);
  carray_free(buf);
}
END_TEST

#define CHECK_IS(want, fmt, ...)                                        \
  do {                                                                  \
    char *f_ = cstr(fmt);                                               \
    char *buf = carray(512);                                            \
    int n = __cuckoo_snprintf(buf, f_, __VA_ARGS__);                    \
    ck_assert_msg(n == (int)strlen(want) && strcmp(buf, want) == 0,     \
                  "format \"%s\": got \"%s\", want \"%s\"", fmt, buf, want); \
    carray_free(buf);                                                   \
    carray_free(f_);                                                    \
  } while (0)

/* Where glibc is wrong: %#g keeps trailing zeros, also when rounding
 * carries into a new digit and the e style is chosen (C11 7.21.6.1; glibc
 * prints "1.e+06" and "-1.e+02"). */
START_TEST(floating_standard) {
  CHECK_IS("1.00000e+06", "%#g", 999999.5);
  CHECK_IS("-1.0e+02", "%#.2g", -99.875);
  CHECK_IS("10.0000", "%#g", 9.9999995);
  CHECK_IS("1.", "%#.0g", 1.0);
  CHECK_IS("0.00000", "%#g", 0.0);
}
END_TEST

START_TEST(strings_and_pointers) {
  char *s = cstr("hello");
  CHECK_SAME("[%s][%10s][%-10s][%.2s][%10.3s]", s, s, s, s, s);
  /* %s stops at the array's end when there is no NUL. */
  char *raw = carray(3);
  memcpy(raw, "abc", 3);
  char *f = cstr("[%s]");
  char *buf = carray(32);
  ck_assert_int_eq(__cuckoo_snprintf(buf, f, raw), 5);
  ck_assert_str_eq(buf, "[abc]");
  char *fp = cstr("%p %p");
  ck_assert_int_eq(__cuckoo_snprintf(buf, fp, (void *)0x1234, NULL), 12);
  ck_assert_str_eq(buf, "0x1234 (nil)");
  carray_free(fp);
  carray_free(f);
  carray_free(raw);
  carray_free(buf);
  carray_free(s);
}
END_TEST

START_TEST(truncation) {
  char *f = cstr("%s=%d");
  char *name = cstr("answer");
  char *small = carray(5);
  /* Never past lengthof(buf), always NUL-terminated, the would-be length back. */
  ck_assert_int_eq(__cuckoo_snprintf(small, f, name, 42), 9);
  ck_assert_str_eq(small, "answ");
  char *one = carray(1);
  ck_assert_int_eq(__cuckoo_snprintf(one, f, name, 42), 9);
  ck_assert_int_eq(one[0], 0);
  char *none = carray(0);
  ck_assert_int_eq(__cuckoo_snprintf(none, f, name, 42), 9);
  /* A format without NUL ends at its array's end. */
  char *fmt3 = carray(3);
  memcpy(fmt3, "ab%", 3);
  char *buf = carray(8);
  ck_assert_int_eq(__cuckoo_snprintf(buf, fmt3), 3);
  ck_assert_str_eq(buf, "ab%");
  /* A long float into a short buffer. */
  char *ff = cstr("%.100f");
  ck_assert_int_eq(__cuckoo_snprintf(buf, ff, 1.0), 102);
  ck_assert_str_eq(buf, "1.00000");
  carray_free(ff);
  carray_free(buf);
  carray_free(fmt3);
  carray_free(none);
  carray_free(one);
  carray_free(small);
  carray_free(name);
  carray_free(f);
}
END_TEST

START_TEST(trap_details) {
  char buf[64];
  rt_format_detail(buf, sizeof buf, "index %lld not in [0, %llu)", -1, 10);
  ck_assert_str_eq(buf, "index -1 not in [0, 10)");
  rt_format_detail(buf, sizeof buf, "100%% of %llu", 18446744073709551615ull, 0);
  ck_assert_str_eq(buf, "100% of 18446744073709551615");
  rt_format_detail(buf, sizeof buf, "%lld", -9223372036854775807LL - 1, 0);
  ck_assert_str_eq(buf, "-9223372036854775808");
  rt_format_detail(buf, 8, "division by zero", 0, 0);
  ck_assert_str_eq(buf, "divisio");
}
END_TEST

int main(void) {
  Suite *s = suite_create("rt-format");
  TCase *tc = tcase_create("format");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, integers);
  tcase_add_test(tc, floating);
  tcase_add_test(tc, floating_random);
  tcase_add_test(tc, floating_standard);
  tcase_add_test(tc, strings_and_pointers);
  tcase_add_test(tc, truncation);
  tcase_add_test(tc, trap_details);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? 0 : 1;
}

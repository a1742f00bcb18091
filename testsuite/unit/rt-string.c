/* rt-string.c -- unit tests of the runtime's string functions
 * (rt/string.c) and rand (rt/process.c), run natively under the
 * sanitizers: every function stays inside its arrays, whether or not they
 * hold a NUL, and counts past an array's end trap before any effect. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rt.h"

unsigned __cuckoo_strlen(const char *s);
int __cuckoo_strcmp(const char *a, const char *b);
unsigned __cuckoo_strlcpy(char *dst, const char *src);
void __cuckoo_memcpy_array(char *dst, const char *src, unsigned n);
void __cuckoo_memset_array(char *dst, int c, unsigned n);
int __cuckoo_atoi(const char *s);
int __cuckoo_rand(void);
void __cuckoo_srand(unsigned seed);

/* A Cuckoo char array of exactly N elements, in memory ASan watches. */
static char *carray(unsigned n) {
  unsigned char *m = malloc(4 + n);
  memcpy(m, &n, 4);
  memset(m + 4, 'X', n);
  return (char *)m + 4;
}
static void carray_free(char *a) { free(a - 4); }
static char *cstr(const char *s) {
  char *a = carray((unsigned)strlen(s) + 1);
  memcpy(a, s, strlen(s) + 1);
  return a;
}
/* The characters of S without a NUL: the array ends where S ends. */
static char *craw(const char *s) {
  char *a = carray((unsigned)strlen(s));
  memcpy(a, s, strlen(s));
  return a;
}

START_TEST(lengths_and_comparisons) {
  char *a = cstr("abc"), *b = craw("abc"), *c = cstr("abd"), *e = cstr(""), *ab = craw("ab");
  ck_assert_uint_eq(__cuckoo_strlen(a), 3);
  ck_assert_uint_eq(__cuckoo_strlen(b), 3);
  ck_assert_uint_eq(__cuckoo_strlen(e), 0);
  ck_assert_int_eq(__cuckoo_strcmp(a, b), 0);
  ck_assert_int_lt(__cuckoo_strcmp(a, c), 0);
  ck_assert_int_gt(__cuckoo_strcmp(c, b), 0);
  ck_assert_int_gt(__cuckoo_strcmp(a, ab), 0);
  ck_assert_int_lt(__cuckoo_strcmp(e, ab), 0);
  char *hi = cstr("\xff"), *lo = cstr("a");
  ck_assert_int_gt(__cuckoo_strcmp(hi, lo), 0);    /* compared as unsigned char */
  carray_free(hi); carray_free(lo);
  carray_free(a); carray_free(b); carray_free(c); carray_free(e); carray_free(ab);
}
END_TEST

START_TEST(copies) {
  char *src = cstr("hello, world");
  char *dst = carray(6);
  ck_assert_uint_eq(__cuckoo_strlcpy(dst, src), 12);
  ck_assert_str_eq(dst, "hello");
  char *none = carray(0);
  ck_assert_uint_eq(__cuckoo_strlcpy(none, src), 12);
  char *big = carray(20);
  ck_assert_uint_eq(__cuckoo_strlcpy(big, src), 12);
  ck_assert_str_eq(big, "hello, world");

  __cuckoo_memset_array(big, 'z', 20);
  __cuckoo_memcpy_array(big, src, 13);
  ck_assert_str_eq(big, "hello, world");
  __cuckoo_memcpy_array(big + 0, big, 20);          /* the same array */
  __cuckoo_memset_array(big, 0, 0);
  ck_assert_int_eq(big[0], 'h');
  carray_free(src); carray_free(dst); carray_free(none); carray_free(big);
}
END_TEST

START_TEST(atoi_bounded) {
  static const char *cases[] = { "42", "  -17xyz", "+8", "", "abc", "\t\n 2147483647",
                                 "-2147483648", "007" };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *s = cstr(cases[i]);
    ck_assert_int_eq(__cuckoo_atoi(s), atoi(cases[i]));
    carray_free(s);
  }
  char *raw = craw("123");              /* no NUL: ends with the array */
  ck_assert_int_eq(__cuckoo_atoi(raw), 123);
  carray_free(raw);
}
END_TEST

START_TEST(rand_matches_glibc) {
  static const unsigned seeds[] = { 1, 42, 0, 123456789 };
  for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
    srand(seeds[i]);
    __cuckoo_srand(seeds[i]);
    for (int k = 0; k < 1000; k++)
      ck_assert_int_eq(__cuckoo_rand(), rand());
  }
}
END_TEST

static char *err_of(void (*fn)(void), int *status) {
  static char out[512];
  int fds[2];
  ck_assert_int_eq(pipe(fds), 0);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 2);
    fn();
    _exit(0);
  }
  close(fds[1]);
  ssize_t n = read(fds[0], out, sizeof out - 1);
  out[n > 0 ? n : 0] = 0;
  close(fds[0]);
  int w;
  waitpid(pid, &w, 0);
  *status = WIFEXITED(w) ? WEXITSTATUS(w) : -1;
  return out;
}

static char *victim;
static void copy_too_far(void) {
  char *src = cstr("0123456789");
  __cuckoo_memcpy_array(victim, src, 11);
}
static void set_too_far(void) { __cuckoo_memset_array(victim, 0, 9); }
static void null_strlen(void) { __cuckoo_strlen(NULL); }

START_TEST(traps_before_effect) {
  victim = carray(8);
  memset(victim, 'v', 8);
  int status;
  ck_assert_str_eq(err_of(copy_too_far, &status),
                   "cuckoo: runtime error: bounds: memcpy_array: count 11 exceeds array "
                   "length 8 at ?:0:0 in ?\n");
  ck_assert_int_eq(status, 134);
  ck_assert_str_eq(err_of(set_too_far, &status),
                   "cuckoo: runtime error: bounds: memset_array: count 9 exceeds array "
                   "length 8 at ?:0:0 in ?\n");
  ck_assert_str_eq(err_of(null_strlen, &status),
                   "cuckoo: runtime error: null: null pointer argument to strlen at ?:0:0 in ?\n");
  ck_assert_int_eq(status, 134);
  carray_free(victim);
}
END_TEST

int main(void) {
  Suite *s = suite_create("rt-string");
  TCase *tc = tcase_create("string");
  tcase_add_test(tc, lengths_and_comparisons);
  tcase_add_test(tc, copies);
  tcase_add_test(tc, atoi_bounded);
  tcase_add_test(tc, rand_matches_glibc);
  tcase_add_test(tc, traps_before_effect);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? 0 : 1;
}

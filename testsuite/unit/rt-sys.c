/* rt-sys.c -- unit tests of the systems interface's C logic (rt/bytes.c,
 * rt/sys.c, rt/strerror.c), run natively under AddressSanitizer and
 * UndefinedBehaviorSanitizer: arrays without a NUL, offsets that would
 * wrap, parse_long at the limits, and open's refusal of memory files.
 * (No <limits.h>: see unit/rt.am.) */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rt.h"

void __cuckoo_copy_bytes(char *dst, unsigned doff, const char *src, unsigned soff, unsigned n);
int __cuckoo_compare_bytes(const char *a, unsigned aoff, const char *b, unsigned boff,
                           unsigned n);
int __cuckoo_strncmp(const char *a, const char *b, unsigned n);
unsigned __cuckoo_strlcat(char *dst, const char *src);
int __cuckoo_str_index(const char *s, int c);
int __cuckoo_str_find(const char *s, const char *needle);
int __cuckoo_parse_long(const char *s, unsigned *pos, int base, long long *out);
unsigned __cuckoo_get_be32(const char *b, unsigned off);
unsigned __cuckoo_get_le16(const char *b, unsigned off);
void __cuckoo_put_le32(char *b, unsigned off, unsigned v);
const char *__cuckoo_strerror(int err);
int __cuckoo_open(const char *path, int flags, int mode);
int __cuckoo_isalpha(int c);
int __cuckoo_ispunct(int c);
int __cuckoo_toupper(int c);

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
static char *craw(const char *s) {
  char *a = carray((unsigned)strlen(s));
  memcpy(a, s, strlen(s));
  return a;
}

START_TEST(strings_without_nul) {
  char *a = craw("abc"), *b = cstr("abd"), *n = craw("bc"), *d = craw("xy");
  ck_assert_int_eq(__cuckoo_strncmp(a, b, 2), 0);
  ck_assert_int_lt(__cuckoo_strncmp(a, b, 1000), 0);
  ck_assert_int_eq(__cuckoo_str_index(a, 'c'), 2);
  ck_assert_int_eq(__cuckoo_str_index(a, 'z'), -1);
  ck_assert_int_eq(__cuckoo_str_index(a, 'a' + 256), 0);   /* c is converted to char */
  ck_assert_int_eq(__cuckoo_str_find(a, n), 1);
  ck_assert_int_eq(__cuckoo_str_find(n, a), -1);
  /* strlcat into an array without a NUL writes nothing */
  ck_assert_uint_eq(__cuckoo_strlcat(d, a), 5);
  ck_assert_int_eq(memcmp(d, "xy", 2), 0);
  char *e = carray(4);
  e[0] = 0;
  ck_assert_uint_eq(__cuckoo_strlcat(e, a), 3);
  ck_assert_str_eq(e, "abc");
  ck_assert_uint_eq(__cuckoo_strlcat(e, e), 6);            /* itself: nothing fits */
  ck_assert_str_eq(e, "abc");
  carray_free(a); carray_free(b); carray_free(n); carray_free(d); carray_free(e);
}
END_TEST

START_TEST(bytes_and_order) {
  char *b = carray(8);
  __cuckoo_put_le32(b, 4, 0x11223344u);
  ck_assert_uint_eq(__cuckoo_get_be32(b, 4), 0x44332211u);
  ck_assert_uint_eq(__cuckoo_get_le16(b, 6), 0x1122u);
  __cuckoo_copy_bytes(b, 0, b, 4, 4);
  ck_assert_int_eq(__cuckoo_compare_bytes(b, 0, b, 4, 4), 0);
  __cuckoo_copy_bytes(b, 8, b, 0, 0);                      /* empty, at the end */
  ck_assert_int_eq(__cuckoo_compare_bytes(b, 8, b, 0, 0), 0);
  carray_free(b);
}
END_TEST

static long long parsed;
static unsigned parsed_pos;
static int parse(const char *text, unsigned pos, int base) {
  char *s = craw(text);                    /* no NUL: the array ends the number */
  parsed_pos = pos;
  parsed = 12345;
  int r = __cuckoo_parse_long(s, &parsed_pos, base, &parsed);
  carray_free(s);
  return r;
}

START_TEST(parse_long_limits) {
  ck_assert_int_eq(parse("-9223372036854775808", 0, 10), 0);
  ck_assert(parsed == (-__LONG_LONG_MAX__ - 1));
  ck_assert_int_eq(parse("9223372036854775808", 0, 0), -ERANGE);
  ck_assert(parsed == __LONG_LONG_MAX__);
  ck_assert_uint_eq(parsed_pos, 19);
  ck_assert_int_eq(parse("-0x8000000000000001", 0, 0), -ERANGE);
  ck_assert(parsed == (-__LONG_LONG_MAX__ - 1));
  ck_assert_int_eq(parse("99999999999999999999999999999999", 0, 10), -ERANGE);
  ck_assert_uint_eq(parsed_pos, 32);
  ck_assert_int_eq(parse("7fffffffffffffff", 0, 16), 0);
  ck_assert(parsed == __LONG_LONG_MAX__);
  ck_assert_int_eq(parse("0x", 0, 16), 0);          /* the 0 only, as strtoll */
  ck_assert_uint_eq(parsed_pos, 1);
  ck_assert_int_eq(parse("12", 2, 10), -EINVAL);    /* at the end */
  ck_assert(parsed == 12345);
  ck_assert_uint_eq(parsed_pos, 2);
  ck_assert_int_eq(parse("- 1", 0, 10), -EINVAL);
  ck_assert_int_eq(parse("Zz", 0, 36), 0);
  ck_assert(parsed == 35 * 36 + 35);
  ck_assert_int_eq(parse("1", 0, -1), -EINVAL);
}
END_TEST

START_TEST(ctype_and_strerror) {
  ck_assert(__cuckoo_isalpha('a') && !__cuckoo_isalpha(-1) && !__cuckoo_isalpha(0xe9));
  ck_assert(__cuckoo_ispunct('~') && !__cuckoo_ispunct(' ') && !__cuckoo_ispunct(0x7f));
  ck_assert_int_eq(__cuckoo_toupper(-1), -1);
  const char *m = __cuckoo_strerror(-ENOENT);
  ck_assert_str_eq(m, "No such file or directory");
  ck_assert_uint_eq(RT_LEN(m), strlen(m) + 1);
  ck_assert_str_eq(__cuckoo_strerror((-__INT_MAX__ - 1)), "Unknown error");
  ck_assert_str_eq(__cuckoo_strerror(41), "Unknown error");
  for (int e = 1; e < 134; e++)
    if (e != 41 && e != 58)
      ck_assert_str_eq(__cuckoo_strerror(e), strerror(e));
}
END_TEST

START_TEST(open_refuses_memory) {
  char *mem = cstr("/proc/self/mem");
  ck_assert_int_eq(__cuckoo_open(mem, O_RDWR, 0), -EACCES);
  ck_assert_int_eq(__cuckoo_open(mem, O_RDONLY, 0), -EACCES);
  char *fdlink = cstr("/proc/self/task/../mem");
  ck_assert_int_eq(__cuckoo_open(fdlink, O_WRONLY, 0), -EACCES);
  char *missing = craw("/tmp");
  ck_assert_int_eq(__cuckoo_open(missing, O_RDONLY, 0), -EINVAL);
  char *dir = cstr("/tmp");
  int fd = __cuckoo_open(dir, O_RDONLY, 0);
  ck_assert_int_ge(fd, 0);
  ck_assert_int_ne(fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
  close(fd);
  carray_free(mem); carray_free(fdlink); carray_free(missing); carray_free(dir);
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
static void wrapping_copy(void) { __cuckoo_copy_bytes(victim, 0xffffffffu, victim, 0, 2); }
static void wrapping_get(void) { __cuckoo_get_be32(victim, 0xfffffffeu); }
static void late_compare(void) { __cuckoo_compare_bytes(victim, 0, victim, 5, 4); }

START_TEST(offsets_cannot_wrap) {
  victim = carray(8);
  memset(victim, 'v', 8);
  int status;
  ck_assert_str_eq(err_of(wrapping_copy, &status),
                   "cuckoo: runtime error: bounds: copy_bytes: offset 4294967295 + count 2 "
                   "exceeds array length 8 at ?:0:0 in ?\n");
  ck_assert_int_eq(status, 134);
  ck_assert_str_eq(err_of(wrapping_get, &status),
                   "cuckoo: runtime error: bounds: get_be32: offset 4294967294 + count 4 "
                   "exceeds array length 8 at ?:0:0 in ?\n");
  ck_assert_str_eq(err_of(late_compare, &status),
                   "cuckoo: runtime error: bounds: compare_bytes: offset 5 + count 4 "
                   "exceeds array length 8 at ?:0:0 in ?\n");
  for (int i = 0; i < 8; i++)
    ck_assert_int_eq(victim[i], 'v');
  carray_free(victim);
}
END_TEST

int main(void) {
  Suite *s = suite_create("rt-sys");
  TCase *tc = tcase_create("sys");
  tcase_add_test(tc, strings_without_nul);
  tcase_add_test(tc, bytes_and_order);
  tcase_add_test(tc, parse_long_limits);
  tcase_add_test(tc, ctype_and_strerror);
  tcase_add_test(tc, open_refuses_memory);
  tcase_add_test(tc, offsets_cannot_wrap);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? 0 : 1;
}

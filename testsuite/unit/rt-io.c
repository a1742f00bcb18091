/* rt-io.c -- unit tests of the runtime's FILEs (rt/io.c), run natively
 * under the sanitizers.  The runtime believes no FILE * it is handed
 * (LANGUAGE.md §12): a forged object -- which compiled Cuckoo code can no
 * longer make, since the compiler and the linker reserve `struct file',
 * but a hand-written object could -- traps `cast' before the runtime reads
 * a byte of it; output to stdin and input from stdout fail and change
 * nothing. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rt.h"

int __cuckoo_printf(const char *fmt, ...);
int __cuckoo_fprintf(struct file *f, const char *fmt, ...);
int __cuckoo_puts(const char *s);
int __cuckoo_putchar(int c);
int __cuckoo_fflush(struct file *f);
int __cuckoo_getchar(void);
int __cuckoo_read_line(char *b);
int __cuckoo_read_bytes(int fd, char *b, unsigned n);
int __cuckoo_write_bytes(int fd, const char *b, unsigned n);

static char *carray(unsigned n) {
  unsigned char *m = calloc(1, 4 + n);
  memcpy(m, &n, 4);
  return (char *)m + 4;
}
static char *cstr(const char *s) {
  char *a = carray((unsigned)strlen(s) + 1);
  memcpy(a, s, strlen(s) + 1);
  return a;
}

/* Runs FN in a child with stderr captured; its exit status in *STATUS. */
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

/* The forgery: shared with the child, so the parent sees any write.  Its
 * words are what an attacker would pick for the runtime's layout: an
 * output FILE on fd 1 whose buffer length wraps, so an append lands
 * before the object. */
#define FORGED_WORDS 2048
static unsigned *forged, *forged_copy;

static void forge(void) {
  forged = mmap(NULL, FORGED_WORDS * 4, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  ck_assert_ptr_ne(forged, MAP_FAILED);
  forged[1] = 1;                  /* fd */
  forged[2] = 1;                  /* writing */
  forged[3] = 3;                  /* fully buffered */
  forged[5] = 0u - 64u;           /* len */
  forged_copy = malloc(FORGED_WORDS * 4);
  memcpy(forged_copy, forged, FORGED_WORDS * 4);
}

static void fprintf_forged(void) { __cuckoo_fprintf((struct file *)forged, cstr("%s"), cstr("OVERWRITE")); }
static void fflush_forged(void) { __cuckoo_fflush((struct file *)forged); }
static void printf_forged_stdout(void) {
  __cuckoo_stdout = (struct file *)forged;
  __cuckoo_printf(cstr("x\n"));
}
static void puts_forged_stdout(void) {
  __cuckoo_stdout = (struct file *)forged;
  __cuckoo_puts(cstr("x"));
}
static void putchar_forged_stdout(void) {
  __cuckoo_stdout = (struct file *)forged;
  __cuckoo_putchar('x');
}
static void getchar_forged_stdin(void) {
  __cuckoo_stdin = (struct file *)forged;
  __cuckoo_getchar();
}
static void read_line_forged_stdin(void) {
  __cuckoo_stdin = (struct file *)forged;
  __cuckoo_read_line(carray(8));
}
/* A FILE * one past a real FILE's fields: not the address of a FILE. */
static void fprintf_inside_stderr(void) {
  __cuckoo_fprintf((struct file *)((char *)__cuckoo_stderr + 4), cstr("x"));
}

#define EXPECT_CAST(fn, name)                                                              \
  do {                                                                                     \
    int status;                                                                            \
    ck_assert_str_eq(err_of(fn, &status), "cuckoo: runtime error: cast: " name             \
                                          ": FILE pointer not made by the runtime at ?:0:0 in ?\n"); \
    ck_assert_int_eq(status, 134);                                                         \
    ck_assert_msg(memcmp(forged, forged_copy, FORGED_WORDS * 4) == 0, name " wrote the forgery"); \
  } while (0)

START_TEST(forged_file_traps_cast) {
  forge();
  EXPECT_CAST(fprintf_forged, "fprintf");
  EXPECT_CAST(fflush_forged, "fflush");
  EXPECT_CAST(printf_forged_stdout, "printf");
  EXPECT_CAST(puts_forged_stdout, "puts");
  EXPECT_CAST(putchar_forged_stdout, "putchar");
  EXPECT_CAST(getchar_forged_stdin, "getchar");
  EXPECT_CAST(read_line_forged_stdin, "read_line");
  EXPECT_CAST(fprintf_inside_stderr, "fprintf");
}
END_TEST

/* In a child whose fd 0 is a pipe holding "q\n": output to stdin, more
 * than its buffer holds, fails with EOF each time and the input is intact
 * (ASan would report a write past stdin's buffer). */
static void output_to_stdin(void) {
  int fds[2];
  if (pipe(fds) != 0 || write(fds[1], "q\nrest", 6) != 6)
    _exit(2);
  close(fds[1]);
  dup2(fds[0], 0);
  char *big = carray(3000);
  memset(big, 'A', 2999);
  char *fmt = cstr("%s");
  for (int i = 0; i < 10; i++)
    if (__cuckoo_fprintf(__cuckoo_stdin, fmt, big) != -1)
      _exit(3);
  if (__cuckoo_fflush(__cuckoo_stdin) != 0)
    _exit(4);
  if (__cuckoo_write_bytes(0, big, 10) != -9)   /* -EBADF */
    _exit(5);
  char *b = carray(4);
  if (__cuckoo_read_bytes(1, b, 4) != -9 || __cuckoo_read_bytes(2, b, 4) != -9)
    _exit(6);
  if (__cuckoo_getchar() != 'q' || __cuckoo_getchar() != '\n')
    _exit(7);
  if (__cuckoo_read_bytes(0, b, 4) != 4 || memcmp(b, "rest", 4) != 0)
    _exit(8);
  _exit(0);
}

START_TEST(output_to_stdin_fails) {
  int status;
  ck_assert_str_eq(err_of(output_to_stdin, &status), "");
  ck_assert_int_eq(status, 0);
}
END_TEST

int main(void) {
  Suite *s = suite_create("rt-io");
  TCase *tc = tcase_create("io");
  tcase_add_test(tc, forged_file_traps_cast);
  tcase_add_test(tc, output_to_stdin_fails);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? 0 : 1;
}

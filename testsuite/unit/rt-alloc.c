/* rt-alloc.c -- unit tests of the runtime's allocator (rt/alloc.c), run
 * natively under the sanitizers: zero values, the reuse rules of
 * LANGUAGE.md §5 (plain by size, others by canonical string and capacity),
 * and every way delete must trap. */
#include <check.h>
#include <pthread.h>
#include <stdint.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rt.h"

int __cuckoo_heap_objects(void);

static const struct __cuckoo_site site = { NULL, NULL, "t.ck", 1, 2, "f" };
static const struct __cuckoo_type t_int = { "i32", 4, 4, 1, NULL };
static const struct __cuckoo_type t_pair = { "s:pair{a:i32,b:i32}", 8, 4, 1, NULL };
/* Two descriptors of one type, as two object files would emit them; the
 * string is a copy so that only the content is shared. */
static char node_name[] = "s:node{v:i32,w:i32,next:p(s:node)}";
static const struct __cuckoo_type t_node_a = { "s:node{v:i32,w:i32,next:p(s:node)}", 12, 4, 0, NULL };
static const struct __cuckoo_type t_node_b = { node_name, 12, 4, 0, NULL };
static const struct __cuckoo_type t_other = { "s:other{v:i32,w:i32,next:p(s:other)}", 12, 4, 0, NULL };
static const unsigned char row_image[] = { 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
static const struct __cuckoo_type t_row = { "a3(i32)", 16, 4, 0, row_image };

/* Runs FN in a child and returns its stderr; *STATUS gets its exit code. */
static char *run_child(void (*fn)(void), int *status) {
  static char out[1024];
  int fds[2];
  ck_assert_int_eq(pipe(fds), 0);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 2);
    close(fds[0]);
    fn();
    _exit(0);
  }
  close(fds[1]);
  size_t n = 0;
  ssize_t r;
  while ((r = read(fds[0], out + n, sizeof out - 1 - n)) > 0)
    n += (size_t)r;
  out[n] = 0;
  close(fds[0]);
  int w;
  waitpid(pid, &w, 0);
  *status = WIFEXITED(w) ? WEXITSTATUS(w) : -1;
  return out;
}

static void expect_trap(void (*fn)(void), const char *line) {
  int status;
  char *err = run_child(fn, &status);
  ck_assert_int_eq(status, 134);
  ck_assert_str_eq(err, line);
}

START_TEST(new_is_zero_and_reused_by_size) {
  int *a = (int *)__cuckoo_new(&t_pair, &site);
  ck_assert_int_eq(a[0] | a[1], 0);
  a[0] = 7;
  a[1] = 9;
  __cuckoo_delete((struct __cuckoo_obj *)a, &t_pair, 0, &site);
  /* A plain int fits the plain pair's block: reused, and zeroed. */
  int *b = (int *)__cuckoo_new(&t_int, &site);
  ck_assert_ptr_eq(a, b);
  ck_assert_int_eq(*b, 0);
  __cuckoo_delete((struct __cuckoo_obj *)b, &t_int, 0, &site);
}
END_TEST

START_TEST(non_plain_reused_by_canonical_string_only) {
  struct __cuckoo_obj *a = __cuckoo_new(&t_node_a, &site);
  __cuckoo_delete(a, &t_node_a, 0, &site);
  /* Same size, other type: must not get the node's block. */
  struct __cuckoo_obj *o = __cuckoo_new(&t_other, &site);
  ck_assert_ptr_ne(a, o);
  /* Plain of the same size neither. */
  struct __cuckoo_obj *p = __cuckoo_new(&t_pair, &site);
  ck_assert_ptr_ne(a, p);
  /* The same type through another descriptor: reused; and it may be
   * deleted through the first descriptor. */
  struct __cuckoo_obj *b = __cuckoo_new(&t_node_b, &site);
  ck_assert_ptr_eq(a, b);
  __cuckoo_delete(b, &t_node_a, 0, &site);
  __cuckoo_delete(o, &t_other, 0, &site);
  __cuckoo_delete(p, &t_pair, 0, &site);
}
END_TEST

START_TEST(arrays_capacity_and_images) {
  int *a = (int *)__cuckoo_new_array(&t_int, 10, &site);
  ck_assert_uint_eq(RT_LEN(a), 10);
  for (int i = 0; i < 10; i++)
    a[i] = i + 1;
  __cuckoo_delete((struct __cuckoo_obj *)a, &t_int, 1, &site);
  int *b = (int *)__cuckoo_new_array(&t_int, 11, &site);
  ck_assert_ptr_eq(a, b);
  ck_assert_uint_eq(RT_LEN(b), 11);
  for (int i = 0; i < 11; i++)
    ck_assert_int_eq(b[i], 0);
  /* A single int never reuses an array's block. */
  __cuckoo_delete((struct __cuckoo_obj *)b, &t_int, 1, &site);
  int *c = (int *)__cuckoo_new(&t_int, &site);
  ck_assert_ptr_ne(c, b);

  /* int[n][3]: every element gets its length word from the image. */
  unsigned char *rows = (unsigned char *)__cuckoo_new_array(&t_row, 5, &site);
  ck_assert_uint_eq(RT_LEN(rows), 5);
  for (int i = 0; i < 5; i++)
    ck_assert_uint_eq(*(unsigned *)(rows + 16 * i), 3);
  __cuckoo_delete((struct __cuckoo_obj *)rows, &t_row, 1, &site);

  int *empty = (int *)__cuckoo_new_array(&t_int, 0, &site);
  ck_assert_uint_eq(RT_LEN(empty), 0);
  /* A large array owns units of its own. */
  int *big = (int *)__cuckoo_new_array(&t_int, 100000, &site);
  ck_assert_uint_eq(RT_LEN(big), 100000);
  big[99999] = 1;
  __cuckoo_delete((struct __cuckoo_obj *)big, &t_int, 1, &site);
  int *big2 = (int *)__cuckoo_new_array(&t_int, 50000, &site);
  ck_assert_ptr_eq(big, big2);
  ck_assert_int_eq(big2[49999], 0);
}
END_TEST

static void double_delete(void) {
  struct __cuckoo_obj *p = __cuckoo_new(&t_node_a, &site);
  __cuckoo_delete(p, &t_node_a, 0, &site);
  __cuckoo_delete(p, &t_node_a, 0, &site);
}
static void wrong_type(void) {
  __cuckoo_delete(__cuckoo_new(&t_node_a, &site), &t_other, 0, &site);
}
static void element_of_array(void) {
  __cuckoo_delete(__cuckoo_new_array(&t_int, 4, &site), &t_int, 0, &site);
}
static void interior(void) {
  int *a = (int *)__cuckoo_new_array(&t_int, 4, &site);
  __cuckoo_delete((struct __cuckoo_obj *)&a[1], &t_int, 0, &site);
}
static void not_heap(void) {
  static int global;
  __cuckoo_delete((struct __cuckoo_obj *)&global, &t_int, 0, &site);
}
static void negative(void) {
  __cuckoo_new_array(&t_int, -3, &site);
}
static void too_large(void) {
  __cuckoo_new_array(&t_int, 600000000, &site);
}

/* Forged pointers (a hostile caller may pass any address): delete finds
 * the block by address arithmetic alone, and must still refuse every
 * address that is not exactly a live block's data. */
static int *forge_base(void) {
  /* an int[3] has a 24-byte block: 2730 of them in a 64 KiB unit, and a
   * 16-byte tail that is never carved */
  return (int *)__cuckoo_new_array(&t_int, 3, &site);
}
static void forged_header(void) {
  int *a = forge_base();
  __cuckoo_delete((struct __cuckoo_obj *)((char *)a - 12), &t_int, 1, &site);
}
static void forged_next_block(void) {
  int *a = forge_base();
  /* the next block of the unit, not carved yet */
  __cuckoo_delete((struct __cuckoo_obj *)((char *)a + 24), &t_int, 1, &site);
}
static void forged_unit_tail(void) {
  int *a = forge_base();
  uintptr_t unit = (uintptr_t)a & ~(uintptr_t)0xffff;
  /* where block 2730 would start its data: past the unit's last block */
  __cuckoo_delete((struct __cuckoo_obj *)(unit + 2730 * 24 + 8 + 4), &t_int, 1, &site);
}
static void forged_large_interior(void) {
  int *big = (int *)__cuckoo_new_array(&t_int, 100000, &site);
  __cuckoo_delete((struct __cuckoo_obj *)&big[70000], &t_int, 1, &site);
}
static void forged_unmapped(void) {
  __cuckoo_delete((struct __cuckoo_obj *)(uintptr_t)0x10, &t_int, 0, &site);
}
static void forged_high(void) {
  __cuckoo_delete((struct __cuckoo_obj *)~(uintptr_t)15, &t_int, 0, &site);
}
static void double_delete_array(void) {
  int *a = forge_base();
  __cuckoo_delete((struct __cuckoo_obj *)a, &t_int, 1, &site);
  __cuckoo_delete((struct __cuckoo_obj *)a, &t_int, 1, &site);
}
static void double_delete_plain(void) {
  /* a plain block goes to lists shared by all plain types: it is free,
   * not live, until some plain new takes it */
  struct __cuckoo_obj *p = __cuckoo_new(&t_pair, &site);
  __cuckoo_delete(p, &t_pair, 0, &site);
  __cuckoo_delete(p, &t_int, 0, &site);
}

START_TEST(forged_pointers_trap) {
  static const char arr[] = "cuckoo: runtime error: delete: pointer is not the start of a "
                            "live heap object of type i32 at t.ck:1:2 in f\n";
  expect_trap(forged_header, arr);
  expect_trap(forged_next_block, arr);
  expect_trap(forged_unit_tail, arr);
  expect_trap(forged_large_interior, arr);
  expect_trap(forged_unmapped, arr);
  expect_trap(forged_high, arr);
  expect_trap(double_delete_array, arr);
  expect_trap(double_delete_plain, arr);
}
END_TEST

/* Type-stable reuse on the fast paths: a freed block comes back only for
 * its own kind (or, plain, for a plain kind of its size class), LIFO. */
START_TEST(fast_path_reuse_is_type_stable) {
  struct __cuckoo_obj *n[4], *o[4];
  for (int i = 0; i < 4; i++) {
    n[i] = __cuckoo_new(&t_node_a, &site);
    o[i] = __cuckoo_new(&t_other, &site);
  }
  int before = __cuckoo_heap_objects();
  for (int i = 0; i < 4; i++)
    __cuckoo_delete(n[i], &t_node_a, 0, &site);
  ck_assert_int_eq(__cuckoo_heap_objects(), before - 4);
  /* t_other's news never get t_node_a's blocks */
  struct __cuckoo_obj *x = __cuckoo_new(&t_other, &site);
  for (int i = 0; i < 4; i++)
    ck_assert_ptr_ne(x, n[i]);
  /* t_node_b (same type, other descriptor) gets them, newest first */
  for (int i = 3; i >= 0; i--) {
    struct __cuckoo_obj *y = __cuckoo_new(&t_node_b, &site);
    ck_assert_ptr_eq(y, n[i]);
    ck_assert_int_eq(((int *)(void *)y)[0] | ((int *)(void *)y)[1] | ((int *)(void *)y)[2], 0);
  }
  ck_assert_int_eq(__cuckoo_heap_objects(), before + 1);
}
END_TEST

/* From the first thread on the heap locks (rt_alloc_threads_begin, which
 * spawn calls before pthread_create): objects made before go on living,
 * and threads racing on new and delete keep the heap and its count
 * whole. */
static struct __cuckoo_obj *early[64];
static void *churn(void *arg) {
  int id = (int)(intptr_t)arg;
  for (int round = 0; round < 2000; round++) {
    struct __cuckoo_obj *a = __cuckoo_new(&t_node_a, &site);
    int *v = (int *)__cuckoo_new_array(&t_int, round % 40, &site);
    struct __cuckoo_obj *p = __cuckoo_new(&t_pair, &site);
    ((int *)(void *)a)[0] = id;
    __cuckoo_delete(p, &t_pair, 0, &site);
    __cuckoo_delete((struct __cuckoo_obj *)v, &t_int, 1, &site);
    ck_assert_int_eq(((int *)(void *)a)[0], id);
    __cuckoo_delete(a, &t_node_a, 0, &site);
  }
  for (int i = id; i < 64; i += 4)
    __cuckoo_delete(early[i], &t_node_a, 0, &site);
  return NULL;
}

START_TEST(threads_after_allocating) {
  int before = __cuckoo_heap_objects();
  for (int i = 0; i < 64; i++)
    early[i] = __cuckoo_new(&t_node_a, &site);
  ck_assert_int_eq(__cuckoo_heap_objects(), before + 64);
  rt_alloc_threads_begin();
  pthread_t t[4];
  for (int i = 0; i < 4; i++)
    ck_assert_int_eq(pthread_create(&t[i], NULL, churn, (void *)(intptr_t)i), 0);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
  ck_assert_int_eq(__cuckoo_heap_objects(), before);
}
END_TEST

/* Descriptors written by hand (a hostile object may pass any): the
 * runtime does not believe them.  A size past 2^31 - 1 traps instead of
 * wrapping the block size; a descriptor that calls a type with a pointer
 * "plain" does not put its blocks in the free lists that plain types
 * share (a stale pointer would then see a plain object's integers as a
 * pointer). */
static const struct __cuckoo_type t_huge = { "s:huge{a:i32}", 0xfffffff0u, 4, 1, NULL };
static const struct __cuckoo_type t_liar = { "s:liar{a:i32,p:p(i32)}", 8, 4, 1, NULL };
static const struct __cuckoo_type t_two = { "s:two{a:i32,b:i32}", 8, 4, 1, NULL };
/* Descriptors whose string names a real type but whose other words lie:
 * a smaller size (legitimate code would write past the block), a longer
 * length word in the image (checked indexes would trust it), an image
 * missing for a type with length words, a string that is no type. */
static const unsigned char short_row_image[16] = {3};
static const unsigned char long_row_image[16] = {200};
static const struct __cuckoo_type t_small = { "s:two{a:i32,b:i32}", 4, 4, 1, NULL };
static const struct __cuckoo_type t_long_len = { "a3(i32)", 16, 4, 0, long_row_image };
static const struct __cuckoo_type t_no_image = { "a3(i32)", 16, 4, 0, NULL };
static const struct __cuckoo_type t_garbage = { "s(node)", 8, 4, 0, NULL };
static const struct __cuckoo_type t_row_ok = { "a3(i32)", 16, 4, 0, short_row_image };
static const struct __cuckoo_type t_nested = {
  "s:big{n:i32,in:s:two{a:i32,b:i32},also:s:two,list:p(s:big)}", 24, 4, 0, NULL };
/* One name as both a struct and a union tag, no type C has: the back
 * reference z:u:X could mean either (the linker's reader took the union,
 * 68 bytes in all; this reader once took the latest X, the struct, 40). */
static const struct __cuckoo_type t_su = {
  "s:A{x:u:X{w:s:W{a:i64,b:i64,c:i64,d:i64}},y:s:X{b:i32},z:u:X}", 68, 4, 1, NULL };
static const struct __cuckoo_type t_su_40 = {
  "s:A{x:u:X{w:s:W{a:i64,b:i64,c:i64,d:i64}},y:s:X{b:i32},z:u:X}", 40, 4, 1, NULL };
static const struct __cuckoo_type t_su_ok = {
  "s:A{x:u:Q{w:s:W{a:i64,b:i64,c:i64,d:i64}},y:s:X{b:i32},z:u:Q}", 68, 4, 1, NULL };
static void su_object(void) { __cuckoo_new(&t_su, &site); }
static void su_40_object(void) { __cuckoo_new(&t_su_40, &site); }
static void huge_object(void) { __cuckoo_new(&t_huge, &site); }
static void liar_object(void) { __cuckoo_new(&t_liar, &site); }
static void small_object(void) { __cuckoo_new(&t_small, &site); }
static void long_len_object(void) { __cuckoo_new(&t_long_len, &site); }
static void no_image_object(void) { __cuckoo_new(&t_no_image, &site); }
static void garbage_object(void) { __cuckoo_new(&t_garbage, &site); }

START_TEST(descriptors_not_believed) {
  expect_trap(huge_object, "cuckoo: runtime error: memory: object of 4294967280 bytes is too "
                           "large at t.ck:1:2 in f\n");
  static const char lie[] = "cuckoo: runtime error: memory: type descriptor does not describe "
                            "its type at t.ck:1:2 in f\n";
  expect_trap(liar_object, lie);
  expect_trap(small_object, lie);
  expect_trap(long_len_object, lie);
  expect_trap(no_image_object, lie);
  expect_trap(garbage_object, lie);
  expect_trap(su_object, lie);
  expect_trap(su_40_object, lie);
  struct __cuckoo_obj *su = __cuckoo_new(&t_su_ok, &site);
  __cuckoo_delete(su, &t_su_ok, 0, &site);
  struct __cuckoo_obj *a = __cuckoo_new(&t_row_ok, &site);
  ck_assert_uint_eq(((unsigned *)(void *)a)[0], 3);
  __cuckoo_delete(a, &t_row_ok, 0, &site);
  struct __cuckoo_obj *n = __cuckoo_new(&t_nested, &site);
  __cuckoo_delete(n, &t_nested, 0, &site);
  struct __cuckoo_obj *b = __cuckoo_new(&t_two, &site);
  __cuckoo_delete(b, &t_two, 0, &site);
}
END_TEST

START_TEST(delete_traps) {
  expect_trap(double_delete, "cuckoo: runtime error: delete: pointer is not the start of a "
                             "live heap object of type s:node{v:i32,w:i32,next:p(s:node)} at t.ck:1:2 in f\n");
  expect_trap(wrong_type, "cuckoo: runtime error: delete: pointer is not the start of a "
                          "live heap object of type s:other{v:i32,w:i32,next:p(s:other)} at t.ck:1:2 in f\n");
  expect_trap(element_of_array, "cuckoo: runtime error: delete: pointer is not the start of "
                                "a live heap object of type i32 at t.ck:1:2 in f\n");
  expect_trap(interior, "cuckoo: runtime error: delete: pointer is not the start of a live "
                        "heap object of type i32 at t.ck:1:2 in f\n");
  expect_trap(not_heap, "cuckoo: runtime error: delete: pointer is not the start of a live "
                        "heap object of type i32 at t.ck:1:2 in f\n");
  expect_trap(negative, "cuckoo: runtime error: memory: negative array length -3 at "
                        "t.ck:1:2 in f\n");
  expect_trap(too_large, "cuckoo: runtime error: memory: array of 600000000 elements is too "
                         "large at t.ck:1:2 in f\n");
  __cuckoo_delete(NULL, &t_int, 0, &site);    /* a no-op */
}
END_TEST

/* A signal handler that allocates, interrupting allocations: deferred to
 * the end of the critical section, so it never deadlocks. */
static volatile int handled;
static void on_alarm(int sig) {
  (void)sig;
  __cuckoo_delete(__cuckoo_new(&t_node_a, &site), &t_node_a, 0, &site);
  handled++;
}
void __cuckoo_signal_handler(int sig, void (*f)(int));

START_TEST(handler_deferred_inside_critical_section) {
  static rt_lock_t lock = RT_LOCK_INIT;
  handled = 0;
  __cuckoo_signal_handler(SIGALRM, on_alarm);
  /* signal_handler routed SIGALRM to the runtime's signal thread (blocked
   * here); a thread that does not block it, as a C thread may, takes it
   * through the kernel handler, which defers it inside the section */
  sigset_t alrm;
  sigemptyset(&alrm);
  sigaddset(&alrm, SIGALRM);
  pthread_sigmask(SIG_UNBLOCK, &alrm, NULL);
  rt_lock(&lock);
  raise(SIGALRM);
  ck_assert_int_eq(handled, 0);     /* deferred: we are inside */
  rt_unlock(&lock);
  ck_assert_int_eq(handled, 1);     /* ran on the way out */
}
END_TEST


/* §13.1: where a type's owned pointers are, derived from its canonical
 * string with the i386 layout (offsets | 1 for an owned array). */
START_TEST(owned_slots_from_canonical_strings) {
  unsigned o[16];
  ck_assert_int_eq(rt_owned_slots("s:node{v:i32,next:po(s:node)}", o, 16), 1);
  ck_assert_uint_eq(o[0], 4);
  ck_assert_int_eq(rt_owned_slots("s:n{p:p(i32),g:pg(i32)}", o, 16), 0);
  ck_assert_int_eq(rt_owned_slots("po(a(i32))", o, 16), 1);
  ck_assert_uint_eq(o[0], 0 | 1);
  /* an array of owned pointers inside a struct: the length word first */
  ck_assert_int_eq(rt_owned_slots("s:t{c:c8,kids:a3(po(s:t)),last:po(a(u8))}", o, 16), 4);
  ck_assert_uint_eq(o[0], 8);
  ck_assert_uint_eq(o[1], 12);
  ck_assert_uint_eq(o[2], 16);
  ck_assert_uint_eq(o[3], 20 | 1);
  /* a struct by value twice: written in full once, then by name */
  ck_assert_int_eq(rt_owned_slots("s:pair{a:s:in{x:i64,p:po(i32)},b:s:in}", o, 16), 2);
  ck_assert_uint_eq(o[0], 8);
  ck_assert_uint_eq(o[1], 20);
  /* a pointee's owned members are its own, not the pointer's holder's */
  ck_assert_int_eq(rt_owned_slots("s:h{p:p(s:in{x:i32,q:po(i32)}),v:s:in}", o, 16), 1);
  ck_assert_uint_eq(o[0], 8);
  /* too many, or not a type */
  ck_assert_int_eq(rt_owned_slots("a20(po(i32))", o, 16), -1);
  ck_assert_int_eq(rt_owned_slots("po(i32", o, 16), -1);
  /* counted without a table: any number */
  ck_assert_int_eq(rt_owned_slots("a20(po(i32))", NULL, 0), 20);
  ck_assert_int_eq(rt_owned_slots("s:big{n:i32,kids:a100000(po(i32)),k:a2(s:in{x:i64,p:po(i32)})}", NULL, 0), 100002);
  ck_assert_int_eq(rt_owned_slots("po(i32", NULL, 0), -1);
}
END_TEST

int main(void) {
  Suite *s = suite_create("rt-alloc");
  TCase *tc = tcase_create("alloc");
  tcase_add_test(tc, new_is_zero_and_reused_by_size);
  tcase_add_test(tc, non_plain_reused_by_canonical_string_only);
  tcase_add_test(tc, arrays_capacity_and_images);
  tcase_add_test(tc, delete_traps);
  tcase_add_test(tc, descriptors_not_believed);
  tcase_add_test(tc, handler_deferred_inside_critical_section);
  tcase_add_test(tc, owned_slots_from_canonical_strings);
  tcase_add_test(tc, forged_pointers_trap);
  tcase_add_test(tc, fast_path_reuse_is_type_stable);
  tcase_add_test(tc, threads_after_allocating);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? 0 : 1;
}

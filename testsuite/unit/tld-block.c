/* tld-block.c -- the .cuckoo.types reader fed malformed input: every case
 * must give a clear reason, never a crash (the test runs under ASan and
 * UBSan), and good blocks and types must come back right. */
#include "config.h"
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "tld.h"

static const char good[] =
    "cuckoo-object 1\nproducer cuckoo-cc 0.1.0\nsource lib.ck\nchecks bounds null stack divide\n"
    "def func sum f(i32;p(a(k(i32))))\ndef data counter i32\nref func printf f(i32;p(a(k(c8))),...)\nend\n";

/* parse and expect a failure whose reason contains WANT */
static void bad(const char *data, size_t len, const char *want)
{
    struct tld_block *b = NULL;
    size_t n = 0;
    char *err = NULL;
    ck_assert_int_eq(tld_parse_blocks(data, len, &b, &n, &err), -1);
    ck_assert_ptr_nonnull(err);
    ck_assert_msg(strstr(err, want) != NULL, "reason '%s' lacks '%s'", err, want);
    ck_assert_ptr_null(b);
    free(err);
}
#define BAD(s, want) bad(s, strlen(s), want)

START_TEST(good_block)
{
    struct tld_block *b;
    size_t n;
    char *err = NULL;
    ck_assert_int_eq(tld_parse_blocks(good, strlen(good), &b, &n, &err), 0);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(b[0].checks, TLD_CHECK_ALL);
    ck_assert_int_eq(b[0].nrecs, 3);
    ck_assert_str_eq(b[0].recs[0].name, "sum");
    char *c = ctype_render(b[0].recs[0].ct, "sum");
    ck_assert_str_eq(c, "int sum(const int (*)[])");
    free(c);
    c = ctype_render(b[0].recs[2].ct, "printf");
    ck_assert_str_eq(c, "int printf(const char (*)[], ...)");
    free(c);
    tld_blocks_free(b, n);
}
END_TEST

START_TEST(truncated)
{
    for (size_t len = 0; len < strlen(good); len++)
        bad(good, len, len == 0 ? "empty" : "");
    BAD("cuckoo-object 1\nproducer cuckoo-cc 1\n", "missing 'end'");
    BAD("cuckoo-object 1\nproducer cuckoo-cc 1\nend", "does not end with a newline");
}
END_TEST

START_TEST(unknown_things)
{
    BAD("cuckoo-object 2\nproducer cuckoo-cc 1\nend\n", "unknown version");
    BAD("hello\n", "expected 'cuckoo-object 1'");
    BAD("cuckoo-object 1\nproducer cuckoo-cc 1\nfrob x\nend\n", "unknown record");
    BAD("cuckoo-object 1\nproducer cuckoo-cc 1\ndef func  f f(v;)\nend\n", "needs a kind");
    BAD("cuckoo-object 1\nproducer cuckoo-cc 1\ndef code f f(v;)\nend\n", "unknown symbol kind");
    BAD("cuckoo-object 1\nproducer cuckoo-cc 1\nchecks bounds speed\nend\n", "unknown check");
    BAD("cuckoo-object 1\nend\n", "no 'producer'");
    BAD("cuckoo-object 1\nproducer cuckoo-cc 1\ndef func f f(v;)\nref func f f(v;)\nend\n", "listed twice");
    bad("cuckoo-object 1\n\0producer", 25, "NUL byte");
}
END_TEST

START_TEST(bad_types)
{
    static const char *const types[] = {
        "x32", "p(", "p(i32", "p(i32))", "a01(i32)", "a99999999999(i32)", "f(i32)", "f(i32;i32,)",
        "s:{a:i32}", "s:S", "s:S{a:i32,a}", "s:S{a:i32}s", "k()", "", "i32 ", "f(v;...,i32)",
        "s:S{a:s:S{b:i32}}",
    };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        char *err = NULL;
        struct ctype *t = ctype_parse(types[i], &err);
        ck_assert_msg(t == NULL && err != NULL, "'%s' was accepted", types[i]);
        free(err);
        char *blk = xasprintf("cuckoo-object 1\nproducer cuckoo-cc 1\ndef data x %s\nend\n", types[i]);
        BAD(blk, "");
        free(blk);
    }
    /* deep nesting is refused, not recursed into */
    size_t depth = 100000;
    char *deep = xmalloc(4 * depth + 8);
    char *p = deep;
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "p(");
    p += sprintf(p, "i32");
    for (size_t i = 0; i < depth; i++)
        *p++ = ')';
    *p = 0;
    char *err = NULL;
    ck_assert_ptr_null(ctype_parse(deep, &err));
    ck_assert_ptr_nonnull(strstr(err, "nested"));
    free(err);
    free(deep);
}
END_TEST

START_TEST(agreement)
{
    char *e = NULL;
    struct ctype *r = ctype_parse("f(v;p(s:S?))", &e), *d = ctype_parse("f(v;p(s:S{a:i32}))", &e);
    ck_assert(ctype_agree("f(v;p(s:S?))", r, "f(v;p(s:S{a:i32}))", d, 0));
    ck_assert(!ctype_agree("f(v;p(s:S{a:i32}))", d, "f(v;p(s:S?))", r, 0));
    ctype_free(r);
    ctype_free(d);
    r = ctype_parse("a(i32)", &e);
    d = ctype_parse("a10(i32)", &e);
    ck_assert(ctype_agree("a(i32)", r, "a10(i32)", d, 1));
    ck_assert(!ctype_agree("a(i32)", r, "a10(i32)", d, 0));
    ctype_free(r);
    ctype_free(d);
    r = ctype_parse("p(a(i32))", &e);
    d = ctype_parse("p(a10(i32))", &e);
    ck_assert(!ctype_agree("p(a(i32))", r, "p(a10(i32))", d, 1));
    ctype_free(r);
    ctype_free(d);
}
END_TEST

START_TEST(long_lines_and_big_blocks)
{
    size_t n = TLD_LINE_MAX + 10;
    char *s = xmalloc(n + 64);
    strcpy(s, "cuckoo-object 1\nproducer cuckoo-cc 1\nsource ");
    size_t l = strlen(s);
    memset(s + l, 'x', n);
    strcpy(s + l + n, "\nend\n");
    BAD(s, "longer than 64 KiB");
    free(s);
    /* > 16 MiB of valid lines */
    const char *rec = "def data v%07zu i32\n";
    size_t count = TLD_BLOCK_MAX / 20 + 10;
    s = xmalloc(count * 24 + 64);
    char *p = s + sprintf(s, "cuckoo-object 1\nproducer cuckoo-cc 1\n");
    for (size_t i = 0; i < count; i++)
        p += sprintf(p, rec, i);
    p += sprintf(p, "end\n");
    bad(s, (size_t)(p - s), "larger than 16 MiB");
    free(s);
}
END_TEST

START_TEST(linked_block)
{
    const char *ok = "cuckoo-linked 1\nproducer cuckoo-ld 0.1.0\n"
                     "input sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad a b.o cuckoo\n"
                     "section .text sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"
                     "func 0x8049a10 0x5c sum\nunchecked sum foreign.o\nentry 0x8049000 __cuckoo_trap\nend\n";
    struct tld_block *b;
    size_t n;
    char *err = NULL;
    ck_assert_int_eq(tld_parse_blocks(ok, strlen(ok), &b, &n, &err), 0);
    ck_assert_str_eq(b[0].inputs[0].file, "a b.o");
    ck_assert_uint_eq(b[0].funcs[0].addr, 0x8049a10);
    tld_blocks_free(b, n);
    BAD("cuckoo-linked 1\nproducer cuckoo-ld 1\nfunc 0x10 zz f\nend\n", "bad 'func' line");
    BAD("cuckoo-linked 1\nproducer cuckoo-ld 1\nfunc 0xffffffff 0x10 f\nend\n", "wraps");
    BAD("cuckoo-linked 1\nproducer cuckoo-ld 1\ninput sha256:00 f cuckoo\nend\n", "bad 'input' line");
    BAD("cuckoo-linked 1\nproducer cuckoo-ld 1\nsection .text md5:00\nend\n", "bad 'section' line");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tld-block");
    TCase *tc = tcase_create("block");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, good_block);
    tcase_add_test(tc, truncated);
    tcase_add_test(tc, unknown_things);
    tcase_add_test(tc, bad_types);
    tcase_add_test(tc, agreement);
    tcase_add_test(tc, long_lines_and_big_blocks);
    tcase_add_test(tc, linked_block);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

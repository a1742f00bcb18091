/* common-ctype.c -- the canonical type writer of cuckoo-cc (cc/type.c) and
 * the reader of cuckoo-ld (tld/ctype.c) agree through common/canon.h:
 * every string the writer makes parses, and writing the parsed tree back
 * with the common spellings gives the same string; every scalar's spelling
 * and i386 size is the compiler's; strings a spelling table would confuse
 * (prefixes, near misses) are refused. */
#include "cc.h"
#include "tld.h"
#include "canon.h"
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What tld/ctype.c takes from tld's objfile.c, over cc/util.c's. */
void *xcalloc(size_t n, size_t m) { return xmalloc(n * m); }
char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    char *s;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0)
        abort();
    va_end(ap);
    return s;
}
void tld_die_at(const char *file, int line, const char *msg)
{
    fprintf(stderr, "%s:%d: %s\n", file, line, msg);
    abort();
}

/* The parsed tree written back with the spellings of common/canon.h. */
static void write_back(Buf *b, const struct ctype *t)
{
    static const enum ck_ctor of_tag[] = {[CT_CONST] = CKC_CONST, [CT_VOLATILE] = CKC_VOLATILE,
                                          [CT_PTR] = CKC_PTR,     [CT_GPTR] = CKC_GPTR,
                                          [CT_OPTR] = CKC_OPTR,
                                          [CT_ARRAY] = CKC_ARRAY, [CT_FUNC] = CKC_FUNC,
                                          [CT_STRUCT] = CKC_STRUCT, [CT_UNION] = CKC_UNION};
    if (t->tag == CT_BASE) {
        buf_puts(b, t->base);
        return;
    }
    buf_puts(b, ck_ctor_spelling[of_tag[t->tag]]);
    switch (t->tag) {
    case CT_ARRAY:
        if (t->len >= 0)
            buf_printf(b, "%lld", t->len);
        /* fall through */
    case CT_CONST: case CT_VOLATILE: case CT_PTR: case CT_GPTR: case CT_OPTR:
        buf_putc(b, CK_OPEN);
        write_back(b, t->sub);
        buf_putc(b, CK_CLOSE);
        return;
    case CT_FUNC:
        buf_putc(b, CK_OPEN);
        write_back(b, t->sub);
        buf_putc(b, CK_RESULT_END);
        for (size_t i = 0; i < t->nparams; i++) {
            if (i)
                buf_putc(b, CK_LIST_SEP);
            write_back(b, t->params[i]);
        }
        if (t->variadic) {
            if (t->nparams)
                buf_putc(b, CK_LIST_SEP);
            buf_puts(b, CK_VARIADIC);
        }
        buf_putc(b, CK_CLOSE);
        return;
    default:
        buf_puts(b, t->tagname);
        if (t->incomplete) {
            buf_putc(b, CK_INCOMPLETE);
            return;
        }
        if (t->backref)
            return;
        buf_putc(b, CK_BODY_OPEN);
        for (size_t i = 0; i < t->nmembers; i++) {
            if (i)
                buf_putc(b, CK_LIST_SEP);
            buf_puts(b, t->mnames[i]);
            buf_putc(b, CK_MEMBER_TYPE);
            write_back(b, t->members[i]);
        }
        buf_putc(b, CK_BODY_CLOSE);
    }
}

/* cc writes T; tld reads it; writing back gives the same string. */
static void round_trip(Type *t)
{
    char *s = type_canon_str(t), *err = NULL;
    struct ctype *ct = ctype_parse(s, &err);
    ck_assert_msg(ct != NULL, "tld refuses cc's '%s': %s", s, err);
    Buf b = {0};
    write_back(&b, ct);
    ck_assert_str_eq(b.s, s);
    ctype_free(ct);
    free(b.s);
    free(s);
}

static StructDef *sdef(const char *tag, bool is_union)
{
    StructDef *sd = xmalloc(sizeof *sd);
    sd->tag = tag ? xstrdup(tag) : NULL;
    sd->is_union = is_union;
    return sd;
}

static Member *mem(const char *name, Type *ty, Member *next)
{
    Member *m = xmalloc(sizeof *m);
    m->name = name ? xstrdup(name) : NULL;
    m->ty = ty;
    m->next = next;
    return m;
}

static Type *const *scalar_types(void)
{
    static Type *ts[16];
    Type **p = ts;
    *p++ = ty_char, *p++ = ty_schar, *p++ = ty_uchar, *p++ = ty_short, *p++ = ty_ushort;
    *p++ = ty_int, *p++ = ty_uint, *p++ = ty_long, *p++ = ty_ulong, *p++ = ty_llong;
    *p++ = ty_ullong, *p++ = ty_bool, *p++ = ty_float, *p++ = ty_double, *p++ = ty_void;
    *p = NULL;
    return ts;
}

START_TEST(scalars_agree)
{
    /* each of cc's basic types writes a spelling of ctype.def, which tld
     * reads back as that scalar, and cc's i386 size and alignment are the
     * machine record's */
    for (Type *const *t = scalar_types(); *t; t++) {
        char *s = type_canon_str(*t);
        size_t n;
        int k = ck_scalar_at(s, strlen(s), &n);
        ck_assert_msg(k >= 0 && n == strlen(s), "'%s' is not a scalar of ctype.def", s);
        if ((*t)->kind != TY_VOID) {
            ck_assert_int_eq((*t)->size, ck_i386.scalar_size[k]);
            ck_assert_int_eq((*t)->align, ck_i386.scalar_align[k]);
        }
        round_trip(*t);
        free(s);
    }
    /* every spelling of the table is read as itself */
    for (int k = 0; k < CK_NSCALARS; k++) {
        char *err = NULL;
        struct ctype *ct = ctype_parse(ck_scalar_spelling[k], &err);
        ck_assert_ptr_nonnull(ct);
        ck_assert_int_eq(ct->tag, CT_BASE);
        ck_assert_str_eq(ct->base, ck_scalar_spelling[k]);
        char *c = ctype_render(ct, "");
        ck_assert_str_eq(c, ck_scalar_cname[k]);
        free(c);
        ctype_free(ct);
    }
}
END_TEST

START_TEST(composites_round_trip)
{
    for (Type *const *t = scalar_types(); *t; t++) {
        if ((*t)->kind == TY_VOID) {
            round_trip(pointer_to(*t));
            continue;
        }
        round_trip(type_qualified(*t, Q_CONST));
        round_trip(type_qualified(*t, Q_VOLATILE | Q_CONST));
        round_trip(pointer_to(*t));
        round_trip(type_qualified(pointer_to(*t), Q_GLOBAL | Q_CONST));
        round_trip(array_of(*t, 0));
        round_trip(array_of(*t, 10));
        round_trip(pointer_to(array_of(type_qualified(*t, Q_CONST), -1)));
        round_trip(type_qualified(pointer_to(array_of(*t, 7)), Q_GLOBAL));
        /* §13.1: T *own and T (*own)[] */
        round_trip(type_qualified(pointer_to(*t), Q_OWN));
        round_trip(type_qualified(pointer_to(array_of(*t, -1)), Q_OWN));
        round_trip(array_of(type_qualified(pointer_to(*t), Q_OWN), 3));
    }
    Type *ps[] = {type_qualified(ty_int, Q_CONST), pointer_to(array_of(ty_char, -1))};
    round_trip(pointer_to(func_type(ty_void, NULL, 0, false)));
    round_trip(func_type(ty_int, ps, 2, false));
    round_trip(func_type(ty_int, ps, 1, true));
    round_trip(func_type(ty_int, NULL, 0, true));
    round_trip(func_type(pointer_to(func_type(ty_double, ps, 2, false)), ps, 2, false));
}
END_TEST

START_TEST(structs_round_trip)
{
    /* struct node { int v; struct node *next; union u { char c; int i; } x;
     * struct opaque *o; struct { int a[3]; }; } */
    StructDef *node = sdef("node", false), *u = sdef("u", true), *opaque = sdef("opaque", false),
              *anon = sdef(NULL, false);
    Type *tn = struct_type(node);
    u->members = mem("c", ty_char, mem("i", ty_int, NULL));
    u->complete = true, u->size = 4, u->align = 4;
    anon->members = mem("a", array_of(ty_int, 3), NULL);
    anon->complete = true, anon->size = 16, anon->align = 4;
    node->members = mem("v", ty_int, mem("next", pointer_to(tn),
                    mem("x", struct_type(u), mem("o", pointer_to(struct_type(opaque)),
                    mem(NULL, struct_type(anon), NULL)))));
    node->complete = true, node->size = 32, node->align = 4;
    round_trip(tn);
    round_trip(pointer_to(tn));
    round_trip(array_of(tn, 2));
    Type *ps[] = {pointer_to(tn), struct_type(u)};
    round_trip(func_type(struct_type(u), ps, 2, false));
    round_trip(struct_type(opaque));
    /* struct list { int v; struct list *own next; }: the owned pointer is
     * part of the struct's spelling */
    StructDef *list = sdef("list", false);
    Type *tl = struct_type(list);
    list->members = mem("v", ty_int, mem("next", type_qualified(pointer_to(tl), Q_OWN), NULL));
    list->complete = true, list->size = 8, list->align = 4;
    round_trip(tl);
    char *canon = type_canon_str(tl);
    ck_assert_str_eq(canon, "s:list{v:i32,next:po(s:list)}");
    free(canon);
}
END_TEST

START_TEST(near_misses_refused)
{
    /* what a table-driven reader could take wrongly: a prefix of a
     * spelling, a constructor without its '(', a spelling run on */
    static const char *const bad[] = {"i3", "i320", "u", "p", "pgi32", "p(i32", "ki32", "f32(",
                                      "f(i32)", "s:", "s:S", "sS{}", "a01(i32)", "b0", "v8",
                                      "f(i32;..)", "s:S{a:i32", "u:U{a}", "c8c8", "poi32", "po(i32", "po", ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *err = NULL;
        struct ctype *ct = ctype_parse(bad[i], &err);
        ck_assert_msg(ct == NULL, "'%s' was accepted", bad[i]);
        ck_assert_ptr_nonnull(err);
        free(err);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("common-ctype");
    TCase *tc = tcase_create("ctype");
    tcase_add_test(tc, scalars_agree);
    tcase_add_test(tc, composites_round_trip);
    tcase_add_test(tc, structs_round_trip);
    tcase_add_test(tc, near_misses_refused);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

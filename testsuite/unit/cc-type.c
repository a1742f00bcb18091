/* cc-type.c -- Check unit tests of type.c: i386 layout with array length
 * words (LANGUAGE.md §4, §6) and every row of the canonical type table of
 * TOOLCHAIN.md, including recursive and incomplete structs. */
#include "cc.h"
#include <check.h>
#include <stdlib.h>
#include <string.h>

static void canon_is(Type *t, const char *want) {
  char *got = type_canon_str(t);
  ck_assert_str_eq(got, want);
}

static StructDef *sdef(const char *tag, bool is_union) {
  StructDef *sd = xmalloc(sizeof *sd);
  sd->tag = tag ? xstrdup(tag) : NULL;
  sd->is_union = is_union;
  return sd;
}

static Member *mem(const char *name, Type *ty, Member *next) {
  Member *m = xmalloc(sizeof *m);
  m->name = name ? xstrdup(name) : NULL;
  m->ty = ty;
  m->next = next;
  return m;
}

START_TEST(scalars) {
  canon_is(ty_char, "c8");
  canon_is(ty_schar, "i8");
  canon_is(ty_uchar, "u8");
  canon_is(ty_short, "i16");
  canon_is(ty_ushort, "u16");
  canon_is(ty_int, "i32");
  canon_is(ty_uint, "u32");
  canon_is(ty_long, "i32");
  canon_is(ty_ulong, "u32");
  canon_is(ty_llong, "i64");
  canon_is(ty_ullong, "u64");
  canon_is(ty_bool, "b");
  canon_is(ty_float, "f32");
  canon_is(ty_double, "f64");
  canon_is(ty_void, "v");
  canon_is(enum_type("color"), "i32");
}
END_TEST

START_TEST(qualifiers_and_pointers) {
  canon_is(type_qualified(ty_int, Q_CONST), "k(i32)");
  canon_is(type_qualified(ty_int, Q_VOLATILE), "w(i32)");
  canon_is(type_qualified(ty_int, Q_CONST | Q_VOLATILE), "k(w(i32))");
  canon_is(pointer_to(ty_int), "p(i32)");
  canon_is(type_qualified(pointer_to(ty_int), Q_GLOBAL), "pg(i32)");
  canon_is(pointer_to(type_qualified(ty_char, Q_CONST)), "p(k(c8))");
  canon_is(type_qualified(pointer_to(ty_int), Q_CONST), "k(p(i32))");
}
END_TEST

START_TEST(arrays) {
  canon_is(array_of(ty_int, 10), "a10(i32)");
  canon_is(array_of(ty_int, -1), "a(i32)");
  canon_is(array_of(ty_int, 0), "a0(i32)");
  canon_is(pointer_to(array_of(ty_int, 5)), "p(a5(i32))");
  canon_is(pointer_to(array_of(type_qualified(ty_int, Q_CONST), -1)), "p(a(k(i32)))");
  canon_is(type_qualified(pointer_to(array_of(ty_char, -1)), Q_GLOBAL), "pg(a(c8))");
  /* qualifiers of an array are its elements' */
  canon_is(type_qualified(array_of(ty_int, 3), Q_CONST), "a3(k(i32))");
  /* argv: string *argv[] */
  canon_is(pointer_to(array_of(pointer_to(array_of(ty_char, -1)), -1)), "p(a(p(a(c8))))");
}
END_TEST

START_TEST(functions) {
  Type *p1[] = {pointer_to(array_of(type_qualified(ty_int, Q_CONST), -1))};
  canon_is(func_type(ty_int, p1, 1, false), "f(i32;p(a(k(i32))))");
  canon_is(func_type(ty_void, NULL, 0, false), "f(v;)");
  Type *p2[] = {pointer_to(array_of(type_qualified(ty_char, Q_CONST), -1))};
  canon_is(func_type(ty_int, p2, 1, true), "f(i32;p(a(k(c8))),...)");
  /* top-level qualifiers of parameters are dropped */
  Type *p3[] = {type_qualified(ty_int, Q_CONST)};
  canon_is(func_type(ty_int, p3, 1, false), "f(i32;i32)");
  Type *p4[] = {ty_int};
  canon_is(pointer_to(func_type(ty_void, p4, 1, false)), "p(f(v;i32))");
}
END_TEST

START_TEST(structs) {
  StructDef *pt = sdef("point", false);
  pt->members = mem("x", ty_int, mem("y", ty_int, NULL));
  struct_layout(pt);
  canon_is(struct_type(pt), "s:point{x:i32,y:i32}");
  /* recursive: the second occurrence is s:node */
  StructDef *node = sdef("node", false);
  node->members = mem("v", ty_int, mem("next", pointer_to(struct_type(node)), NULL));
  struct_layout(node);
  canon_is(struct_type(node), "s:node{v:i32,next:p(s:node)}");
  canon_is(pointer_to(struct_type(node)), "p(s:node{v:i32,next:p(s:node)})");
  /* in one string a struct is written in full once */
  Type *ps[] = {pointer_to(struct_type(pt)), pointer_to(struct_type(pt))};
  canon_is(func_type(ty_void, ps, 2, false), "f(v;p(s:point{x:i32,y:i32}),p(s:point))");
  /* incomplete */
  StructDef *mx = sdef("mutex", false);
  canon_is(pointer_to(struct_type(mx)), "p(s:mutex?)");
  /* union, anonymous members */
  StructDef *u = sdef("num", true);
  u->members = mem("i", ty_int, mem("d", ty_double, NULL));
  struct_layout(u);
  canon_is(struct_type(u), "u:num{i:i32,d:f64}");
  StructDef *anon = sdef(NULL, false);
  anon->members = mem(NULL, struct_type(u), mem("k", ty_char, NULL));
  struct_layout(anon);
  canon_is(struct_type(anon), "s:_{_:u:num{i:i32,d:f64},k:c8}");
}
END_TEST

START_TEST(layout) {
  ck_assert_int_eq(array_of(ty_int, 5)->size, 24);
  ck_assert_int_eq(array_of(ty_char, 3)->size, 8);
  ck_assert_int_eq(array_of(array_of(ty_int, 4), 3)->size, 64);
  ck_assert_int_eq(array_of(ty_double, 2)->size, 20);
  ck_assert_int_eq(array_of(ty_char, 0)->size, 4);
  ck_assert_int_eq(array_of(ty_int, 5)->align, 4);
  StructDef *s = sdef("s", false);
  s->members = mem("c", ty_char, mem("d", ty_double, mem("a", array_of(ty_char, 3),
                                                        mem("e", ty_short, NULL))));
  struct_layout(s);
  Member *c = s->members, *d = c->next, *a = d->next, *e = a->next;
  ck_assert_int_eq(c->offset, 0);
  ck_assert_int_eq(d->offset, 4);       /* double aligns to 4 on i386 */
  ck_assert_int_eq(a->offset, 12);      /* the length word is aligned */
  ck_assert_int_eq(e->offset, 20);
  ck_assert_int_eq(s->size, 24);
  ck_assert(!s->plain);
  StructDef *ll = sdef("ll", false);
  ll->members = mem("c", ty_char, mem("v", ty_llong, NULL));
  struct_layout(ll);
  ck_assert_int_eq(ll->members->next->offset, 4);
  ck_assert_int_eq(ll->size, 12);
  ck_assert(ll->plain);
}
END_TEST

START_TEST(conversions) {
  ck_assert_ptr_eq(usual_arith(ty_char, ty_short), ty_int);
  ck_assert_ptr_eq(usual_arith(ty_int, ty_uint), ty_uint);
  ck_assert_ptr_eq(usual_arith(ty_long, ty_uint), ty_ulong);
  ck_assert_ptr_eq(usual_arith(ty_llong, ty_uint), ty_llong);
  ck_assert_ptr_eq(usual_arith(ty_ullong, ty_llong), ty_ullong);
  ck_assert_ptr_eq(usual_arith(ty_int, ty_float), ty_float);
  ck_assert_ptr_eq(usual_arith(ty_float, ty_double), ty_double);
  ck_assert_ptr_eq(integer_promote(ty_ushort), ty_int);
  ck_assert_ptr_eq(integer_promote(ty_bool), ty_int);
}
END_TEST

START_TEST(c_spelling) {
  Type *p1[] = {pointer_to(array_of(type_qualified(ty_int, Q_CONST), -1))};
  ck_assert_str_eq(type_to_c(func_type(ty_int, p1, 1, false), "sum"),
                   "int sum(const int (*)[])");
  ck_assert_str_eq(type_to_c(pointer_to(array_of(ty_int, 10)), NULL), "int (*)[10]");
  ck_assert_str_eq(type_to_c(type_qualified(pointer_to(ty_int), Q_GLOBAL), "n"),
                   "int *global n");
  Type *p2[] = {ty_int};
  ck_assert_str_eq(type_to_c(pointer_to(func_type(ty_void, p2, 1, false)), "f"),
                   "void (*f)(int)");
}
END_TEST

int main(void) {
  Suite *s = suite_create("type");
  TCase *tc = tcase_create("type");
  tcase_add_test(tc, scalars);
  tcase_add_test(tc, qualifiers_and_pointers);
  tcase_add_test(tc, arrays);
  tcase_add_test(tc, functions);
  tcase_add_test(tc, structs);
  tcase_add_test(tc, layout);
  tcase_add_test(tc, conversions);
  tcase_add_test(tc, c_spelling);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

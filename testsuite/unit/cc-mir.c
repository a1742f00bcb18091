/* cc-mir.c -- Check unit tests of the machine IR (cc/mach/mir.h): every
 * operand form as mach/asm.c prints it with the i386 names, and the
 * orderings of i386/insns.def that instruction selection computes
 * opcodes from (a condition's jump and set, an SSE operation's double
 * form), which a reordered table would silently break. */
#include "cc.h"
#include <check.h>
#include <stdlib.h>
#include <string.h>

static char *print(const Mir *m) {
  Buf b = {0};
  mir_print(&i386_mir, m, &b);
  return b.s ? b.s : xstrdup("");
}

/* The text of one instruction OP with operands A and B (NONE-padded). */
static char *one(int op, int n, MirOp a, MirOp b) {
  Mir m = {0};
  mir_add(&m, op, n, a, b, mir_none());
  char *s = print(&m);
  mir_free(&m);
  return s;
}

START_TEST(registers) {
  ck_assert_str_eq(one(I_MOVL, 2, mir_reg(R_EAX, 4), mir_reg(R_EBP, 4)), "\tmovl %eax, %ebp\n");
  ck_assert_str_eq(one(I_MOVW, 2, mir_reg(R_EDX, 2), mir_reg(R_ESI, 2)), "\tmovw %dx, %si\n");
  ck_assert_str_eq(one(I_MOVB, 2, mir_reg(R_ECX, 1), mir_reg(R_EBX, 1)), "\tmovb %cl, %bl\n");
  ck_assert_str_eq(one(I_MOVSD, 2, mir_reg(R_XMM0 + 7, 16), mir_reg(R_XMM0, 16)), "\tmovsd %xmm7, %xmm0\n");
  ck_assert_str_eq(one(I_SUBL, 2, mir_imm(12), mir_reg(R_ESP, 4)), "\tsubl $12, %esp\n");
  ck_assert_str_eq(one(I_FSTP, 1, mir_reg(R_ST0, 10), mir_none()), "\tfstp %st(0)\n");
}
END_TEST

START_TEST(immediates) {
  ck_assert_str_eq(one(I_PUSHL, 1, mir_imm(-1), mir_none()), "\tpushl $-1\n");
  ck_assert_str_eq(one(I_PUSHL, 1, mir_imm(4294967295LL), mir_none()), "\tpushl $4294967295\n");
  ck_assert_str_eq(one(I_PUSHL, 1, mir_imm_sym("site.3", 0), mir_none()), "\tpushl $site.3\n");
  ck_assert_str_eq(one(I_MOVL, 2, mir_imm_sym("g", 8), mir_reg(R_EAX, 4)), "\tmovl $g+8, %eax\n");
  ck_assert_str_eq(one(I_MOVL, 2, mir_imm_sym("g", -4), mir_reg(R_EAX, 4)), "\tmovl $g-4, %eax\n");
}
END_TEST

START_TEST(memory) {
  MirOp eax = mir_reg(R_EAX, 4);
  /* a displacement without a symbol is always written, 0 too */
  ck_assert_str_eq(one(I_MOVL, 2, mir_mem(R_EBP, -1, 1, 0), eax), "\tmovl 0(%ebp), %eax\n");
  ck_assert_str_eq(one(I_MOVL, 2, mir_mem(R_ESP, -1, 1, -20), eax), "\tmovl -20(%esp), %eax\n");
  ck_assert_str_eq(one(I_MOVL, 2, mir_mem(R_EBX, R_ESI, 4, 8), eax), "\tmovl 8(%ebx,%esi,4), %eax\n");
  ck_assert_str_eq(one(I_MOVL, 2, mir_mem(-1, R_ECX, 8, 16), eax), "\tmovl 16(,%ecx,8), %eax\n");
  ck_assert_str_eq(one(I_MOVL, 2, mir_mem(-1, -1, 1, 64), eax), "\tmovl 64, %eax\n");
  ck_assert_str_eq(one(I_MOVL, 2, mir_mem_sym("tab", 0, -1, -1, 1), eax), "\tmovl tab, %eax\n");
  ck_assert_str_eq(one(I_MOVL, 2, mir_mem_sym("tab", 4, -1, R_EDI, 4), eax), "\tmovl tab+4(,%edi,4), %eax\n");
  ck_assert_str_eq(one(I_LEAL, 2, mir_mem_sym("tab", -8, R_EDX, -1, 1), eax), "\tleal tab-8(%edx), %eax\n");
}
END_TEST

START_TEST(entries) {
  Mir m = {0};
  mir_add_label(&m, ".Lf.b0");
  mir_add_text(&m, "\t.loc 1 2 3\n");
  mir_add(&m, I_JMP, 1, mir_label_op(".Lf.epilogue"), mir_none(), mir_none());
  mir_add(&m, I_IMULL, 3, mir_imm(12), mir_reg(R_ECX, 4), mir_reg(R_EBX, 4));
  mir_add(&m, I_LEAVE, 0, mir_none(), mir_none(), mir_none());
  mir_add(&m, I_REP_MOVSL, 0, mir_none(), mir_none(), mir_none());
  Mir all = {0};
  mir_append(&all, &m);
  mir_append(&all, &m);
  char *s = print(&m);
  ck_assert_str_eq(s, ".Lf.b0:\n\t.loc 1 2 3\n\tjmp .Lf.epilogue\n\timull $12, %ecx, %ebx\n\tleave\n\trep movsl\n");
  char *twice = print(&all);
  ck_assert_int_eq(strlen(twice), 2 * strlen(s));
  ck_assert(!strncmp(twice + strlen(s), s, strlen(s)));
  mir_free(&m);
  mir_free(&all);
}
END_TEST

START_TEST(operand_uses) {
  ck_assert(mir_op_uses(mir_mem(R_EBX, R_EAX, 2, 0), R_EAX));
  ck_assert(mir_op_uses(mir_mem(R_EAX, -1, 1, 0), R_EAX));
  ck_assert(!mir_op_uses(mir_mem(R_EBX, -1, 1, 0), R_EAX));
  ck_assert(mir_op_uses(mir_reg(R_EAX, 1), R_EAX));
  ck_assert(!mir_op_uses(mir_imm(0), R_EAX));
  ck_assert(mir_is_reg(mir_reg(R_EDX, 2), R_EDX));
  ck_assert(!mir_is_reg(mir_mem(R_EDX, -1, 1, 0), R_EDX));
}
END_TEST

/* isel.c's jcc_op/setcc_op: I_JE + cc and I_SETE + cc */
START_TEST(condition_order) {
  static const char *const cc_name[] = {"e", "ne", "l", "le", "g", "ge", "b", "be", "a", "ae"};
  ck_assert_int_eq(CC_UGE + 1, 10);
  for (int cc = CC_EQ; cc <= CC_UGE; cc++) {
    char j[8], set[8];
    snprintf(j, sizeof j, "j%s", cc_name[cc]);
    snprintf(set, sizeof set, "set%s", cc_name[cc]);
    ck_assert_str_eq(i386_mir.ops[I_JE + cc].name, j);
    ck_assert_str_eq(i386_mir.ops[I_SETE + cc].name, set);
  }
}
END_TEST

/* isel.c's fop: a single's opcode + 1 is the double's */
START_TEST(sse_pairs) {
  static const int single[] = {I_MOVSS, I_ADDSS, I_SUBSS, I_MULSS, I_DIVSS, I_SQRTSS, I_UCOMISS, I_CVTTSS2SI,
                               I_CVTSI2SSL};
  for (size_t i = 0; i < sizeof single / sizeof *single; i++) {
    const char *s = i386_mir.ops[single[i]].name, *d = i386_mir.ops[single[i] + 1].name;
    ck_assert_int_eq(strlen(s), strlen(d));
    const char *at = strstr(s, "ss");
    ck_assert_ptr_nonnull(at);
    char want[32];
    snprintf(want, sizeof want, "%.*ssd%s", (int)(at - s), s, at + 2);
    ck_assert_str_eq(d, want);
  }
}
END_TEST

/* What isel.c's scratch-register cache relies on: compares, tests,
 * pushes and branches write nothing; calls, cltd, rep and one-operand
 * mul/div write %eax/%edx without naming them. */
START_TEST(write_flags) {
  static const int none[] = {I_CMPL, I_CMPW, I_CMPB, I_TESTL, I_TESTB, I_PUSHL, I_JMP, I_JE, I_JAE, I_JP,
                             I_UCOMISS, I_UCOMISD};
  static const int scratch[] = {I_CALL, I_CLTD, I_REP_MOVSL, I_REP_MOVSB, I_REP_STOSL, I_REP_STOSB};
  static const int scratch1[] = {I_MULL, I_IMULL, I_DIVL, I_IDIVL};
  for (size_t i = 0; i < sizeof none / sizeof *none; i++)
    ck_assert_uint_eq(i386_mir.ops[none[i]].flags, MIR_WRITES_NONE);
  for (size_t i = 0; i < sizeof scratch / sizeof *scratch; i++)
    ck_assert_uint_eq(i386_mir.ops[scratch[i]].flags, MIR_WRITES_SCRATCH);
  for (size_t i = 0; i < sizeof scratch1 / sizeof *scratch1; i++)
    ck_assert_uint_eq(i386_mir.ops[scratch1[i]].flags, MIR_WRITES_SCRATCH_1);
  for (int op = 0; op < I_NINSNS; op++) {
    ck_assert_ptr_nonnull(i386_mir.ops[op].name);
    if (!strncmp(i386_mir.ops[op].name, "set", 3) || !strncmp(i386_mir.ops[op].name, "mov", 3))
      ck_assert_uint_eq(i386_mir.ops[op].flags, 0);
  }
}
END_TEST

int main(void) {
  Suite *s = suite_create("mir");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, registers);
  tcase_add_test(tc, immediates);
  tcase_add_test(tc, memory);
  tcase_add_test(tc, entries);
  tcase_add_test(tc, operand_uses);
  tcase_add_test(tc, condition_order);
  tcase_add_test(tc, sse_pairs);
  tcase_add_test(tc, write_flags);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

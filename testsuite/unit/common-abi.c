/* common-abi.c -- the machine contract of common/abi.h agrees with itself:
 * the assembler text cuckoo-cc prints for the stack check and the indirect
 * call assembles (GNU as --32) to exactly the bytes cuckoo-ld matches, with
 * each field where the record says, and the TLS field carrying the
 * relocation tld expects.  Also the matcher's refusals: a changed fixed
 * byte, two registers in one indirect call, a short buffer. */
#include "config.h"
#include <check.h>
#include <elf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tld.h"

static const struct ck_machine *m = &ck_i386;

/* Each instruction of S printed as cuckoo-cc prints it (cc/i386/abi.c
 * i386_emit_seq): the format with its field's value. */
static void print_seq(FILE *f, const struct ck_seq *s, int n, const char *stub, const char *reg)
{
    for (unsigned i = 0; i < s->n; i++) {
        const struct ck_insn *t = &s->insns[i];
        switch (t->field) {
        case CK_FIELD_SIZE: fprintf(f, t->text, n); break;
        case CK_FIELD_STUB: fprintf(f, t->text, stub); break;
        case CK_FIELD_TLS: fprintf(f, t->text, s == &m->domain_test ? m->domain_flag_sym : m->stack_limit_sym); break;
        case CK_FIELD_REG: fprintf(f, t->text, reg); break;
        case CK_FIELD_NONE: fprintf(f, t->text, 0); break;
        }
    }
}

/* Assemble the body written by WRITE (after "f:") and parse the object;
 * returns its .text section. */
struct obj {
    char dir[64];
    unsigned char *bytes;
    size_t len;
    struct tld_elf e;
    const struct tld_section *text;
    unsigned textidx;
};

static void assemble(struct obj *o, const char *body)
{
    strcpy(o->dir, "/tmp/common-abi-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(o->dir));
    char *s = xasprintf("%s/t.s", o->dir), *obj = xasprintf("%s/t.o", o->dir);
    FILE *f = fopen(s, "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "\t.text\n\t.globl f\n\t.type f, @function\nf:\n%s", body);
    fclose(f);
    char *cmd = xasprintf("%s --32 -o %s %s", CUCKOO_AS, obj, s);
    ck_assert_msg(system(cmd) == 0, "%s failed on:\n%s", cmd, body);
    ck_assert_int_eq(tld_read_file(obj, &o->bytes, &o->len), 0);
    char *err = NULL;
    ck_assert_msg(tld_elf_parse(o->bytes, o->len, &o->e, &err) == 0, "%s", err);
    ck_assert_ptr_eq(o->e.mach, m);
    o->text = NULL;
    for (unsigned i = 0; i < o->e.nsecs; i++)
        if (!strcmp(o->e.secs[i].name, ".text"))
            o->text = &o->e.secs[i], o->textidx = i;
    ck_assert_ptr_nonnull(o->text);
    unlink(s);
    unlink(obj);
    rmdir(o->dir);
    free(cmd);
    free(s);
    free(obj);
}

static void done(struct obj *o)
{
    tld_elf_free(&o->e);
    free(o->bytes);
}

static char *seq_text(const struct ck_seq *s, int n, const char *stub, const char *reg)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    print_seq(f, s, n, stub, reg);
    fclose(f);
    return buf;
}

START_TEST(stack_check_assembles_to_its_bytes)
{
    static const int sizes[] = {0, 4, 127, 128, 4096, 0x7fffffff};
    for (unsigned k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        char *seq = seq_text(&m->stack_check, sizes[k], ".Lstub", NULL);
        /* a body after the check, then the stub the jb's reach */
        char *body = xasprintf("%s\tret\n.Lstub:\n\tud2\n", seq);
        struct obj o;
        assemble(&o, body);
        unsigned len = ck_seq_len(&m->stack_check);
        struct ck_match got;
        ck_assert_msg(ck_seq_match(&m->stack_check, o.text->data, o.text->size, &got),
                      "the stack check for %d does not match its own bytes", sizes[k]);
        ck_assert_uint_eq(got.size, (uint32_t)sizes[k]);
        ck_assert_uint_eq(got.tls, 0);
        /* both branches reach .Lstub, which follows the ret */
        int off1 = ck_seq_field_off(&m->stack_check, CK_FIELD_STUB);
        ck_assert_int_eq(off1 + 4 + got.stub[0], len + 1);
        ck_assert_int_eq(len - 4 + got.stub[1] + 4, len + 1);
        /* the size field's place, the TLS relocation tld looks for */
        int sz = ck_seq_field_off(&m->stack_check, CK_FIELD_SIZE);
        uint32_t v;
        memcpy(&v, o.text->data + sz, 4);
        ck_assert_uint_eq(v, (uint32_t)sizes[k]);
        int tls = ck_seq_field_off(&m->stack_check, CK_FIELD_TLS);
        ck_assert_uint_eq(o.e.nrelocs[o.textidx], 1);
        const struct tld_reloc *r = &o.e.relocs[o.textidx][0];
        ck_assert_uint_eq(r->offset, (uint32_t)tls);
        ck_assert_uint_eq(r->type, m->r_tls_le);
        ck_assert_str_eq(o.e.syms[r->sym].name, m->stack_limit_sym);
        /* the instruction holding the TLS field is the %gs access */
        int at = ck_seq_field_insn_off(&m->stack_check, CK_FIELD_TLS);
        ck_assert_int_eq(o.text->data[at], 0x65);
        done(&o);
        free(body);
        free(seq);
    }
}
END_TEST

START_TEST(indirect_call_assembles_to_its_bytes)
{
    /* the registers in their encoding order */
    static const char *const regs[] = {"%eax", "%ecx", "%edx", "%ebx", "%esp", "%ebp", "%esi", "%edi"};
    for (unsigned r = 0; r < 8; r++) {
        char *seq = seq_text(&m->indirect_call, 0, ".Lnull", regs[r]);
        char *body = xasprintf("%s\tret\n.Lnull:\n\tud2\n", seq);
        struct obj o;
        assemble(&o, body);
        struct ck_match got;
        ck_assert_msg(ck_seq_match(&m->indirect_call, o.text->data, o.text->size, &got),
                      "the indirect call through %s does not match its own bytes", regs[r]);
        ck_assert_uint_eq(got.reg, r);
        unsigned len = ck_seq_len(&m->indirect_call);
        ck_assert_uint_eq(len, 10);
        int off = ck_seq_field_off(&m->indirect_call, CK_FIELD_STUB);
        ck_assert_int_eq(off + 4 + got.stub[0], len + 1);
        ck_assert_uint_eq(o.e.nrelocs[o.textidx], 0);
        done(&o);
        free(body);
        free(seq);
    }
}
END_TEST

START_TEST(domain_test_assembles_to_its_bytes)
{
    char *seq = seq_text(&m->domain_test, 0, NULL, NULL);
    char *body = xasprintf("%s\tret\n", seq);
    struct obj o;
    assemble(&o, body);
    struct ck_match got;
    ck_assert_msg(ck_seq_match(&m->domain_test, o.text->data, o.text->size, &got),
                  "the domain test does not match its own bytes");
    ck_assert_uint_eq(got.tls, 0);
    ck_assert_uint_eq(ck_seq_len(&m->domain_test), 8);
    ck_assert_uint_eq(o.e.nrelocs[o.textidx], 1);
    const struct tld_reloc *r = &o.e.relocs[o.textidx][0];
    ck_assert_uint_eq(r->offset, (uint32_t)ck_seq_field_off(&m->domain_test, CK_FIELD_TLS));
    ck_assert_uint_eq(r->type, m->r_tls_le);
    ck_assert_str_eq(o.e.syms[r->sym].name, m->domain_flag_sym);
    /* the compare's immediate is the last byte: 0, nothing else */
    unsigned char c[8];
    memcpy(c, o.text->data, 8);
    c[7] = 1;
    ck_assert(!ck_seq_match(&m->domain_test, c, 8, NULL));
    done(&o);
    free(body);
    free(seq);
}
END_TEST

START_TEST(matcher_refuses)
{
    unsigned char c[32];
    /* testl %eax,%eax; je; call *%ecx: two registers */
    static const unsigned char two[] = {0x85, 0xc0, 0x0f, 0x84, 0, 0, 0, 0, 0xff, 0xd1};
    ck_assert(!ck_seq_match(&m->indirect_call, two, sizeof two, NULL));
    /* testl %eax,%ecx */
    static const unsigned char mixed[] = {0x85, 0xc8, 0x0f, 0x84, 0, 0, 0, 0, 0xff, 0xd0};
    ck_assert(!ck_seq_match(&m->indirect_call, mixed, sizeof mixed, NULL));
    static const unsigned char good[] = {0x85, 0xdb, 0x0f, 0x84, 1, 2, 3, 4, 0xff, 0xd3};
    struct ck_match got;
    ck_assert(ck_seq_match(&m->indirect_call, good, sizeof good, &got));
    ck_assert_uint_eq(got.reg, 3);
    ck_assert_int_eq(got.stub[0], 0x04030201);
    ck_assert(!ck_seq_match(&m->indirect_call, good, sizeof good - 1, NULL));
    /* every fixed byte of the stack check matters; field bytes do not */
    unsigned len = ck_seq_len(&m->stack_check);
    ck_assert_uint_eq(len, 26);
    for (unsigned i = 0, at = 0; i < m->stack_check.n; at += m->stack_check.insns[i++].len)
        memcpy(c + at, m->stack_check.insns[i].bytes, m->stack_check.insns[i].len);
    ck_assert(ck_seq_match(&m->stack_check, c, len, NULL));
    ck_assert(!ck_seq_match(&m->stack_check, c, len - 1, NULL));
    for (unsigned k = 0; k < len; k++) {
        int in_field = 0;
        for (unsigned i = 0, at = 0; i < m->stack_check.n; at += m->stack_check.insns[i++].len) {
            const struct ck_insn *t = &m->stack_check.insns[i];
            if (t->field != CK_FIELD_NONE && t->field != CK_FIELD_REG)
                in_field |= k >= at + t->field_off && k < at + t->field_off + 4u;
        }
        c[k] ^= 0x40;
        ck_assert_msg(ck_seq_match(&m->stack_check, c, len, NULL) == in_field,
                      "byte %u of the stack check", k);
        c[k] ^= 0x40;
    }
}
END_TEST

START_TEST(machine_record)
{
    ck_assert_ptr_eq(ck_machine_of_elf(ELFCLASS32, ELFDATA2LSB, EM_386), &ck_i386);
    ck_assert_ptr_null(ck_machine_of_elf(ELFCLASS64, ELFDATA2LSB, EM_X86_64));
    ck_assert_ptr_null(ck_machine_of_elf(ELFCLASS32, ELFDATA2MSB, EM_386));
    ck_assert_ptr_eq(ck_machines[0], &ck_i386);
    ck_assert_ptr_null(ck_machines[1]);
    ck_assert_int_eq(CK_LEN_WORD_OFFSET, -CK_LEN_WORD_SIZE);
    ck_assert_uint_eq(m->ptr_size, 4);
    /* an ELF header of another machine is refused by the reader */
    unsigned char h[sizeof(Elf32_Ehdr)] = {0};
    memcpy(h, ELFMAG, SELFMAG);
    h[EI_CLASS] = ELFCLASS32;
    h[EI_DATA] = ELFDATA2LSB;
    h[18] = EM_X86_64;
    struct tld_elf e;
    char *err = NULL;
    ck_assert_int_eq(tld_elf_parse(h, sizeof h, &e, &err), -1);
    ck_assert_str_eq(err, "not an elf32-i386 file");
    free(err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("common-abi");
    TCase *tc = tcase_create("abi");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, stack_check_assembles_to_its_bytes);
    tcase_add_test(tc, indirect_call_assembles_to_its_bytes);
    tcase_add_test(tc, domain_test_assembles_to_its_bytes);
    tcase_add_test(tc, matcher_refuses);
    tcase_add_test(tc, machine_record);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

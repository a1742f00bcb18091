/* abi.c -- the machine records of abi.h (i386 alone) and the matching of
 * fixed sequences. */
#include <elf.h>
#include <stddef.h>
#include "abi.h"

/* doc/abi.md "The stack check": N is the size checked, STUB the function's
 * trap stub.  The subl is written as bytes because the assembler would
 * choose the imm8 form for a small N: the size field is always 4 bytes. */
static const struct ck_insn i386_stack_check[] = {
    {2, {0x89, 0xe0}, CK_FIELD_NONE, 0, 0, "\tmovl %%esp, %%eax\n"},
    {5, {0x2d}, CK_FIELD_SIZE, 1, 0, "\t.byte 0x2d\t# subl $%1$d, %%eax (imm32 form)\n\t.long %1$d\n"},
    {6, {0x0f, 0x82}, CK_FIELD_STUB, 2, 0, "\t{disp32} jb %s\n"},
    {7, {0x65, 0x3b, 0x05}, CK_FIELD_TLS, 3, 0, "\tcmpl %%gs:%s@ntpoff, %%eax\n"},
    {6, {0x0f, 0x82}, CK_FIELD_STUB, 2, 0, "\t{disp32} jb %s\n"},
};

/* abi.md: the NULL test of the one register, its trap, the call. */
static const struct ck_insn i386_indirect_call[] = {
    {2, {0x85, 0xc0}, CK_FIELD_REG, 1, 3, "\ttestl %1$s, %1$s\n"},
    {6, {0x0f, 0x84}, CK_FIELD_STUB, 2, 0, "\t{disp32} je %s\n"},
    {2, {0xff, 0xd0}, CK_FIELD_REG, 1, 1, "\tcall *%s\n"},
};

/* doc/domains.md "Isolation": the test of the thread's domain flag that
 * begins a store check (the TLS field is the flag's local-exec offset). */
static const struct ck_insn i386_domain_test[] = {
    {8, {0x65, 0x83, 0x3d, 0, 0, 0, 0, 0x00}, CK_FIELD_TLS, 3, 0, "\tcmpl $0, %%gs:%s@ntpoff\n"},
};

const struct ck_machine ck_i386 = {
    .name = "i386",
    .bfd_target = "elf32-i386",
    .elf_class = ELFCLASS32,
    .elf_data = ELFDATA2LSB,
    .elf_machine = EM_386,
    .rela = 0,
    .ptr_size = 4,
    .reloc_size = 4,
    .stack_align = 16,
    .r_abs = R_386_32,
    .r_pc = R_386_PC32,
    .r_plt = R_386_PLT32,
    .r_tls_le = R_386_TLS_LE,
    .stack_check = {i386_stack_check, sizeof i386_stack_check / sizeof *i386_stack_check},
    .indirect_call = {i386_indirect_call, sizeof i386_indirect_call / sizeof *i386_indirect_call},
    .domain_test = {i386_domain_test, sizeof i386_domain_test / sizeof *i386_domain_test},
    .stack_limit_sym = "__cuckoo_stack_limit",
    .domain_flag_sym = "__cuckoo_domain_top",
    .scalar_size = {
#define CK_SCALAR(id, spelling, cname, i386_size, i386_align) [CKS_##id] = i386_size,
#include "ctype.def"
#undef CK_SCALAR
    },
    .scalar_align = {
#define CK_SCALAR(id, spelling, cname, i386_size, i386_align) [CKS_##id] = i386_align,
#include "ctype.def"
#undef CK_SCALAR
    },
};

const struct ck_machine *const ck_machines[] = {&ck_i386, NULL};

const struct ck_machine *ck_machine_of_elf(unsigned elf_class, unsigned elf_data, unsigned elf_machine)
{
    for (int i = 0; ck_machines[i]; i++)
        if (ck_machines[i]->elf_class == elf_class && ck_machines[i]->elf_data == elf_data &&
            ck_machines[i]->elf_machine == elf_machine)
            return ck_machines[i];
    return NULL;
}

unsigned ck_seq_insn_off(const struct ck_seq *s, unsigned n)
{
    unsigned off = 0;
    for (unsigned i = 0; i < n && i < s->n; i++)
        off += s->insns[i].len;
    return off;
}

unsigned ck_seq_len(const struct ck_seq *s) { return ck_seq_insn_off(s, s->n); }

int ck_seq_field_off(const struct ck_seq *s, enum ck_field kind)
{
    unsigned off = 0;
    for (unsigned i = 0; i < s->n; i++) {
        if (s->insns[i].field == kind)
            return (int)(off + s->insns[i].field_off);
        off += s->insns[i].len;
    }
    return -1;
}

int ck_seq_field_insn_off(const struct ck_seq *s, enum ck_field kind)
{
    unsigned off = 0;
    for (unsigned i = 0; i < s->n; i++) {
        if (s->insns[i].field == kind)
            return (int)off;
        off += s->insns[i].len;
    }
    return -1;
}

static uint32_t le32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

int ck_seq_match(const struct ck_seq *s, const unsigned char *code, uint32_t len, struct ck_match *m)
{
    struct ck_match got = {0};
    int have_reg = 0, nstub = 0;
    if (len < ck_seq_len(s))
        return 0;
    for (unsigned i = 0; i < s->n; i++) {
        const struct ck_insn *t = &s->insns[i];
        for (unsigned k = 0; k < t->len; k++) {
            unsigned char mask = 0xff;
            if (t->field != CK_FIELD_NONE && t->field != CK_FIELD_REG && k >= t->field_off &&
                k < t->field_off + 4u)
                continue;
            if (t->field == CK_FIELD_REG && k == t->field_off) {
                unsigned regs[2], nregs = 0;
                if (t->reg_shifts & 1)
                    mask &= ~7u, regs[nregs++] = code[k] & 7;
                if (t->reg_shifts & 2)
                    mask &= ~(7u << 3), regs[nregs++] = code[k] >> 3 & 7;
                for (unsigned r = 0; r < nregs; r++) {
                    if (have_reg && regs[r] != got.reg)
                        return 0;
                    have_reg = 1;
                    got.reg = regs[r];
                }
            }
            if ((code[k] & mask) != t->bytes[k])
                return 0;
        }
        switch (t->field) {
        case CK_FIELD_SIZE: got.size = le32(code + t->field_off); break;
        case CK_FIELD_TLS: got.tls = le32(code + t->field_off); break;
        case CK_FIELD_STUB:
            if (nstub < 2)
                got.stub[nstub++] = (int32_t)le32(code + t->field_off);
            break;
        default: break;
        }
        code += t->len;
    }
    if (m)
        *m = got;
    return 1;
}

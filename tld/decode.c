/* decode.c -- machine code to instructions, with Zydis (32-bit legacy mode).
 *
 * This file only describes each instruction: its extent, whether it is a
 * direct or indirect branch and where a direct one goes, why it is
 * forbidden if it is, whether it touches %fs/%gs or writes %esp.  The rules
 * that combine instructions (the stack check, the indirect-call sequence,
 * branch targets, coverage) are discipline.c's.  No opcode table is
 * written by hand: classes come from Zydis's categories and operands.
 */
#include "config.h"
#include <Zydis/Zydis.h>
#include <stdlib.h>
#include <string.h>
#include "tld.h"

static const struct {
    ZydisMnemonic m;
    const char *why;
} forbidden_mnemonics[] = {
    {ZYDIS_MNEMONIC_HLT, "hlt"},       {ZYDIS_MNEMONIC_CLI, "cli"},
    {ZYDIS_MNEMONIC_STI, "sti"},       {ZYDIS_MNEMONIC_IRET, "iret"},
    {ZYDIS_MNEMONIC_IRETD, "iret"},    {ZYDIS_MNEMONIC_IRETQ, "iret"},
    {ZYDIS_MNEMONIC_INT, "int"},       {ZYDIS_MNEMONIC_INT1, "int1"},
    {ZYDIS_MNEMONIC_INT3, "int3"},     {ZYDIS_MNEMONIC_INTO, "into"},
    {ZYDIS_MNEMONIC_SYSCALL, "syscall"}, {ZYDIS_MNEMONIC_SYSENTER, "sysenter"},
    {ZYDIS_MNEMONIC_SYSEXIT, "sysexit"}, {ZYDIS_MNEMONIC_SYSRET, "sysret"},
    {ZYDIS_MNEMONIC_LDS, "segment register load (lds)"},
    {ZYDIS_MNEMONIC_LES, "segment register load (les)"},
    {ZYDIS_MNEMONIC_LFS, "segment register load (lfs)"},
    {ZYDIS_MNEMONIC_LGS, "segment register load (lgs)"},
    {ZYDIS_MNEMONIC_LSS, "segment register load (lss)"},
    {ZYDIS_MNEMONIC_LGDT, "descriptor-table instruction"},
    {ZYDIS_MNEMONIC_SGDT, "descriptor-table instruction"},
    {ZYDIS_MNEMONIC_LIDT, "descriptor-table instruction"},
    {ZYDIS_MNEMONIC_SIDT, "descriptor-table instruction"},
    {ZYDIS_MNEMONIC_LLDT, "descriptor-table instruction"},
    {ZYDIS_MNEMONIC_SLDT, "descriptor-table instruction"},
    {ZYDIS_MNEMONIC_LTR, "descriptor-table instruction"},
    {ZYDIS_MNEMONIC_STR, "descriptor-table instruction"},
    {ZYDIS_MNEMONIC_LMSW, "privileged instruction"},
    {ZYDIS_MNEMONIC_SMSW, "privileged instruction"},
    {ZYDIS_MNEMONIC_ARPL, "descriptor instruction"},
    {ZYDIS_MNEMONIC_LAR, "descriptor instruction"},
    {ZYDIS_MNEMONIC_LSL, "descriptor instruction"},
    {ZYDIS_MNEMONIC_VERR, "descriptor instruction"},
    {ZYDIS_MNEMONIC_VERW, "descriptor instruction"},
    {ZYDIS_MNEMONIC_ENTER, "enter (frames are allocated by subl)"},
    {ZYDIS_MNEMONIC_BOUND, "bound"},
};

static int is_reg_esp(ZydisRegister r) { return r == ZYDIS_REGISTER_ESP || r == ZYDIS_REGISTER_SP; }

/* The padding gas puts between functions: instructions with no effect. */
static int is_padding(const ZydisDecodedInstruction *in, const ZydisDecodedOperand *op)
{
    if (in->meta.category == ZYDIS_CATEGORY_NOP || in->mnemonic == ZYDIS_MNEMONIC_NOP)
        return 1;
    if (in->mnemonic == ZYDIS_MNEMONIC_LEA && op[0].type == ZYDIS_OPERAND_TYPE_REGISTER &&
        op[1].type == ZYDIS_OPERAND_TYPE_MEMORY && op[1].mem.base == op[0].reg.value &&
        op[1].mem.index == ZYDIS_REGISTER_NONE && op[1].mem.disp.value == 0 &&
        op[1].mem.segment == ZYDIS_REGISTER_DS)
        return 1;
    if (in->mnemonic == ZYDIS_MNEMONIC_MOV && op[0].type == ZYDIS_OPERAND_TYPE_REGISTER &&
        op[1].type == ZYDIS_OPERAND_TYPE_REGISTER && op[0].reg.value == op[1].reg.value &&
        op[0].reg.value == ZYDIS_REGISTER_ESI)
        return 1;
    return 0;
}

static void classify(struct tld_insn *t, const ZydisDecodedInstruction *in, const ZydisDecodedOperand *op)
{
    t->mnemonic = in->mnemonic;
    t->category = in->meta.category;
    t->is_nop = is_padding(in, op);

    for (size_t i = 0; i < sizeof forbidden_mnemonics / sizeof *forbidden_mnemonics; i++)
        if (in->mnemonic == forbidden_mnemonics[i].m)
            snprintf(t->forbidden, sizeof t->forbidden, "%s", forbidden_mnemonics[i].why);
    if (!t->forbidden[0]) {
        switch (in->meta.category) {
        case ZYDIS_CATEGORY_INTERRUPT: strcpy(t->forbidden, "interrupt"); break;
        case ZYDIS_CATEGORY_SYSCALL:
        case ZYDIS_CATEGORY_SYSRET: strcpy(t->forbidden, "system call"); break;
        case ZYDIS_CATEGORY_IO:
        case ZYDIS_CATEGORY_IOSTRINGOP: strcpy(t->forbidden, "port I/O (in/out/ins/outs)"); break;
        case ZYDIS_CATEGORY_SYSTEM: strcpy(t->forbidden, "system instruction"); break;
        case ZYDIS_CATEGORY_RDWRFSGS: strcpy(t->forbidden, "%fs/%gs base access"); break;
        case ZYDIS_CATEGORY_SEGOP: strcpy(t->forbidden, "segment register operation"); break;
        default: break;
        }
    }
    if (!t->forbidden[0] && (in->attributes & ZYDIS_ATTRIB_IS_PRIVILEGED))
        strcpy(t->forbidden, "privileged instruction");
    if (!t->forbidden[0] && in->meta.branch_type == ZYDIS_BRANCH_TYPE_FAR)
        strcpy(t->forbidden, "far call, jump or return");

    for (unsigned i = 0; i < in->operand_count; i++) {
        if (op[i].type == ZYDIS_OPERAND_TYPE_POINTER && !t->forbidden[0])
            strcpy(t->forbidden, "far call, jump or return");
        if (op[i].type == ZYDIS_OPERAND_TYPE_MEMORY &&
            (op[i].mem.segment == ZYDIS_REGISTER_FS || op[i].mem.segment == ZYDIS_REGISTER_GS))
            t->seg_fs_gs = 1;
        if (op[i].type != ZYDIS_OPERAND_TYPE_REGISTER)
            continue;
        ZydisRegisterClass rc = ZydisRegisterGetClass(op[i].reg.value);
        if ((rc == ZYDIS_REGCLASS_CONTROL || rc == ZYDIS_REGCLASS_DEBUG) && !t->forbidden[0])
            strcpy(t->forbidden, "move to or from a control or debug register");
        if (rc == ZYDIS_REGCLASS_SEGMENT && (op[i].actions & ZYDIS_OPERAND_ACTION_MASK_WRITE) &&
            !t->forbidden[0])
            strcpy(t->forbidden, "segment register load");
        if (is_reg_esp(op[i].reg.value) && op[i].visibility == ZYDIS_OPERAND_VISIBILITY_EXPLICIT &&
            (op[i].actions & ZYDIS_OPERAND_ACTION_MASK_WRITE) && i == 0)
            t->writes_esp = 1;
    }
    if (in->attributes & (ZYDIS_ATTRIB_HAS_SEGMENT_FS | ZYDIS_ATTRIB_HAS_SEGMENT_GS))
        t->seg_fs_gs = 1;

    /* %esp may change only in the ways a frame is managed: an immediate
     * add/sub/and, restoring from %ebp (mov, lea). */
    if (t->writes_esp) {
        int imm = in->operand_count_visible >= 2 && op[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE;
        switch (in->mnemonic) {
        case ZYDIS_MNEMONIC_ADD:
        case ZYDIS_MNEMONIC_SUB:
        case ZYDIS_MNEMONIC_AND:
            t->esp_ok = imm;
            break;
        case ZYDIS_MNEMONIC_MOV:
            t->esp_ok = op[1].type == ZYDIS_OPERAND_TYPE_REGISTER && op[1].reg.value == ZYDIS_REGISTER_EBP;
            break;
        case ZYDIS_MNEMONIC_LEA:
            t->esp_ok = op[1].mem.base == ZYDIS_REGISTER_EBP && op[1].mem.index == ZYDIS_REGISTER_NONE;
            break;
        default:
            t->esp_ok = 0;
        }
        if (imm)
            t->imm = op[1].imm.value.s;
    }

    switch (in->meta.category) {
    case ZYDIS_CATEGORY_CALL: t->is_call = 1; break;
    case ZYDIS_CATEGORY_UNCOND_BR: t->is_jmp = 1; break;
    case ZYDIS_CATEGORY_COND_BR: t->is_jcc = 1; break;
    case ZYDIS_CATEGORY_RET: t->is_ret = 1; break;
    default: break;
    }
    if (t->is_call || t->is_jmp || t->is_jcc) {
        if (op[0].type == ZYDIS_OPERAND_TYPE_IMMEDIATE && op[0].imm.is_relative) {
            t->branch = 1;
            t->disp_target = (int32_t)(t->off + in->length + (int32_t)op[0].imm.value.s);
            t->rel_off = in->raw.imm[0].offset;
        } else {
            t->branch = 2;
        }
    }
    if (t->is_ret && in->operand_count_visible == 1)
        t->imm = op[0].imm.value.s;

    t->imm_off = in->raw.imm[0].offset;
    t->imm_size = in->raw.imm[0].size;
    t->disp_off = in->raw.disp.offset;
    t->disp_size = in->raw.disp.size;
    if (!t->branch && t->imm_size == 32 && !t->writes_esp)
        t->imm = (int64_t)in->raw.imm[0].value.s;
}

struct tld_insn *tld_decode(const unsigned char *code, uint32_t len, size_t *ninsns, uint32_t *bad)
{
    ZydisDecoder dec;
    if (ZYAN_FAILED(ZydisDecoderInit(&dec, ZYDIS_MACHINE_MODE_LEGACY_32, ZYDIS_STACK_WIDTH_32)))
        tld_die("ZydisDecoderInit failed");
    size_t n = 0, cap = 0;
    struct tld_insn *v = NULL;
    uint32_t off = 0;
    while (off < len) {
        ZydisDecodedInstruction in;
        ZydisDecodedOperand op[ZYDIS_MAX_OPERAND_COUNT];
        /* Zydis stops at the buffer's end, so an instruction that would
         * run past the function fails here instead of decoding into the
         * next one. */
        if (ZYAN_FAILED(ZydisDecoderDecodeFull(&dec, code + off, len - off, &in, op))) {
            free(v);
            *bad = off;
            return NULL;
        }
        TLD_GROW(v, n, cap);
        struct tld_insn *t = &v[n++];
        memset(t, 0, sizeof *t);
        t->off = off;
        t->len = in.length;
        classify(t, &in, op);
        off += in.length;
    }
    *ninsns = n;
    if (!v)
        v = xcalloc(1, sizeof *v);
    return v;
}

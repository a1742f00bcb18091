/* targ.c -- the i386 target record: its metrics and hooks (target.h).
 * Everything i386-specific is reached through this one object. */
#include "../cc.h"
#include "../target.h"

/* %eax and %edx (and %xmm0/%xmm1) are scratch inside one instruction's
 * expansion; %ebp is the frame pointer, or (frameless) the second choice:
 * the prologue pushes it anyway, so it costs no push of its own. */
static const int int_regs[] = {R_ECX, R_EBX, R_ESI, R_EDI};
static const int int_regs_frameless[] = {R_ECX, R_EBP, R_EBX, R_ESI, R_EDI};
static const int float_regs[] = {R_XMM0 + 2, R_XMM0 + 3, R_XMM0 + 4, R_XMM0 + 5, R_XMM0 + 6, R_XMM0 + 7};

static const struct target target_i386 = {
    .name = "i386",
    .ptr_size = 4,
    .stack_align = 16,
    .regs =
        {
            .ints = int_regs,
            .nints = 4,
            .ints_frameless = int_regs_frameless,
            .nints_frameless = 5,
            .frameless = i386_frameless,
            .floats = float_regs,
            .nfloats = 6,
            .pairs = true,
            .callee_saved = 1u << R_EBX | 1u << R_ESI | 1u << R_EDI,
            .call_clobbered = 1u << R_ECX,
            .clobbers = i386_clobbers,
            .load_folds_into = i386_load_folds_into,
            .fused_away = i386_fused_away,
            .spare = R_EDX,
            .spare_keeps = i386_edx_keeps,
            .spare_reads = i386_edx_reads,
            .spare_defines = i386_edx_defines,
        },
    .mir = &i386_mir,
    .arg_size = i386_arg_size,
    .emit_program = i386_emit_program,
    .check_program = i386_check_program,
};

const struct target *cc_target = &target_i386;

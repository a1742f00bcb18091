/* targ.c -- the i386 target record: its metrics and hooks (target.h).
 * Everything i386-specific is reached through this one object. */
#include "../cc.h"
#include "../target.h"

const struct target target_i386 = {
    .name = "i386",
    .ptr_size = 4,
    .stack_align = 16,
    .arg_size = i386_arg_size,
    .emit_program = i386_emit_program,
    .check_program = i386_check_program,
};

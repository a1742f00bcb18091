/* pass.c -- the compiler's back half, top to bottom: lowering, the
 * optimiser (its passes are opt.c's opt_passes, or -fpasses=LIST), the
 * target.  And the middle end alone for IR read back from text (a .ir
 * input of -fdump-ir: ir/read.c). */
#include "cc.h"
#include "target.h"

static void print_program(IrProgram *ir, FILE *out) {
  if (opt_dump_after)
    return;                       /* printed after the pass it names */
  for (int i = 0; i < ir->nfuncs; i++) {
    if (i)
      fprintf(out, "\n");
    ir_dump_func(ir->funcs[i], out);
  }
}

/* -fdump-ir of a source. */
void ir_dump_program(Program *prog, FILE *out) {
  IrProgram *ir = lower_program(prog);        /* typed AST -> IR with checks */
  opt_program(ir, opt_level);                 /* drop proven checks, clean up */
  print_program(ir, out);
}

/* -fdump-ir of a .ir file: read, verify, optimise, print. */
bool ir_dump_file(const char *path, FILE *out) {
  IrProgram *ir = ir_read_program(path);
  if (!ir)
    return false;
  opt_program(ir, opt_level);
  print_program(ir, out);
  return true;
}

/* -S / -c. */
void codegen_program(Program *prog, FILE *asm_out, const char *source_name) {
  IrProgram *ir = lower_program(prog);
  opt_program(ir, opt_level);
  target_i386.emit_program(ir, asm_out, source_name); /* isel, regalloc, emit */
}

/* -fsyntax-only: every error the back end finds too (frame sizes). */
void codegen_check_program(Program *prog) {
  IrProgram *ir = lower_program(prog);
  opt_program(ir, opt_level);
  target_i386.check_program(ir);
}

/* target.h -- what the machine-independent back end needs from a target.
 *
 * A target is one record of metrics and hooks (lcc style).  lower.c reads
 * the ABI facts it needs to lay out parameters; codegen_program hands the
 * optimised IR to emit_program, which writes the whole assembly file. */
#ifndef CUCKOO_TARGET_H
#define CUCKOO_TARGET_H

#include "cc.h"

struct target {
  const char *name;
  int ptr_size;
  int stack_align;                /* the stack alignment at every call */
  /* Bytes a parameter of type T occupies in the argument area. */
  long long (*arg_size)(Type *t);
  /* Writes the assembly of the whole program: functions, data, the type
   * section, the site records and the callsite table. */
  void (*emit_program)(IrProgram *ir, FILE *out, const char *source_name);
  /* Reports what only the back end can see (frames larger than 2^31 - 1
   * bytes, LANGUAGE.md §10) without writing anything: -fsyntax-only. */
  void (*check_program)(IrProgram *ir);
};

#endif

/* pass.c -- the compiler's back half, top to bottom: lowering, the
 * optimiser's passes (opt_passes below, one a file in cc/opt/, or
 * -fpasses=LIST), the target.  And the middle end alone for IR read back
 * from text (a .ir input of -fdump-ir: ir/read.c). */
#include "cc.h"
#include "target.h"

#include <stdlib.h>
#include <string.h>

/* ---- the optimiser's passes ------------------------------------------------ */

/* gvn leaves `x = copy first` behind: propagation makes the uses read
 * the first result. */
static void gvn_then_propagate(IrFunc *f) {
  opt_gvn(f);
  opt_propagate(f);
}

/* Every pass of a function, in order, with the lowest level it runs at.
 * Each starts from fresh use counts of its own, and the IR is verified
 * after each (ir_verify); -fdump-ir-after=NAME prints it there.  After
 * these, -O2 inlines (opt_inline_program) and runs the list again over
 * every function that received a copy. */
static const struct opt_pass {
  const char *name;
  int level;
  void (*run)(IrFunc *f);
} opt_passes[] = {
    {"sccp", 1, opt_sccp},                          /* opt/sccp.c; first: simplify-cfg drops what it shows dead */
    {"simplify-cfg", 0, opt_simplify_cfg},          /* opt/simplify.c */
    {"propagate", 0, opt_propagate},                /* opt/propagate.c */
    {"gvn", 2, gvn_then_propagate},                 /* opt/gvn.c */
    {"tail-recursion", 2, opt_tail_recursion},      /* opt/tailrec.c; early: the loop it makes is one the later passes see */
    {"inline-math", 1, opt_inline_math},            /* opt/idiom.c: sqrt -> sqrtsd */
    {"constant-checks", 0, opt_constant_checks},    /* opt/constant.c */
    {"hoist-null", 1, opt_hoist_null_checks},       /* opt/null.c: loop-head NULL checks before the loop */
    {"null-checks", 0, opt_null_checks},            /* opt/null.c */
    {"store-checks", 0, opt_remove_store_checks},   /* opt/storecheck.c */
    {"local-bounds", 0, opt_local_bounds},          /* opt/bce.c */
    {"coalesce", 0, opt_coalesce},                  /* opt/coalesce.c; before counters: `t = i + 1; i = t` */
    {"counters", 1, opt_counter_ranges},            /* opt/range.c */
    {"branch-bounds", 1, opt_branch_bounds},        /* opt/bce.c */
    {"zero-loops", 2, opt_zero_loops},              /* opt/idiom.c; after branch-bounds: a checked store does not match */
    {"hoist-store", 1, opt_hoist_store_checks},     /* opt/storecheck.c; after the loop passes: it gives a loop two entries */
    {"store-checks-2", 1, opt_remove_store_checks},
    {"simplify-cfg-2", 2, opt_simplify_cfg},
    {"licm", 2, opt_licm},                          /* opt/licm.c: what it moves must be proved where it lands */
    {"version", 2, opt_version_loops},              /* opt/version.c; after licm: what licm moved serves both copies */
    {"simplify-cfg-3", 0, opt_simplify_cfg},
    {"dce", 0, opt_dce},                            /* opt/dce.c; last: what the passes left unneeded */
};

/* The pass after which -fdump-ir-after prints the IR, or NULL. */
const char *opt_dump_after;

/* The back end's own step the IR can be printed after (-fdump-ir-after):
 * mach/split.c, between two register allocations. */
static const char back_end_pass[] = "split-live-ranges";

/* Whether NAME names a pass (or "inline", the program's, or "all"). */
bool opt_pass_exists(const char *name) {
  if (!strcmp(name, "all") || !strcmp(name, "inline") || !strcmp(name, back_end_pass))
    return true;
  for (size_t i = 0; i < sizeof opt_passes / sizeof *opt_passes; i++)
    if (!strcmp(opt_passes[i].name, name))
      return true;
  return false;
}

/* Whether -fpasses may name NAME: a pass of the optimiser (the back
 * end's split runs between its two allocations, never alone). */
bool opt_pass_listable(const char *name) { return strcmp(name, back_end_pass) && opt_pass_exists(name); }

/* The names of the passes, for a usage message. */
const char *opt_pass_names(void) {
  Buf b = {0};
  for (size_t i = 0; i < sizeof opt_passes / sizeof *opt_passes; i++)
    buf_printf(&b, "%s%s", i ? ", " : "", opt_passes[i].name);
  buf_printf(&b, ", inline, %s", back_end_pass);
  return b.s;
}

void ir_after_pass(IrFunc *f, const char *name) {
  ir_verify(f, name);
  if (opt_dump_after && (!strcmp(opt_dump_after, name) || !strcmp(opt_dump_after, "all"))) {
    printf("; after %s\n", name);
    ir_dump_func(f, stdout);
    printf("\n");
  }
}

static void run_pass(IrFunc *f, const struct opt_pass *p) {
  p->run(f);
  ir_after_pass(f, p->name);
}

static void opt_func(IrFunc *f, int level) {
  ir_verify(f, "lowering");
  for (size_t i = 0; i < sizeof opt_passes / sizeof *opt_passes; i++)
    if (level >= opt_passes[i].level)
      run_pass(f, &opt_passes[i]);
}

/* -fpasses=LIST: the passes named, in that order, instead of the level's
 * list ("none": no pass; "inline": the program's inlining, which then
 * runs no pass again) -- for testing one pass on saved IR (testsuite/opt). */
const char *opt_pass_list;

static void opt_listed(IrProgram *ir) {
  char *list = xstrdup(opt_pass_list);
  for (int i = 0; i < ir->nfuncs; i++)
    if (!ir->funcs[i]->is_thunk) {
      report_begin(ir->funcs[i]);
      ir_verify(ir->funcs[i], "lowering");
    }
  for (char *save = NULL, *name = strtok_r(list, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
    if (!strcmp(name, "none"))
      continue;
    if (!strcmp(name, "inline")) {
      bool *changed = opt_inline_program(ir);
      for (int i = 0; i < ir->nfuncs; i++)
        if (changed[i])
          ir_after_pass(ir->funcs[i], "inline");
      free(changed);
      continue;
    }
    for (size_t p = 0; p < sizeof opt_passes / sizeof *opt_passes; p++)
      if (!strcmp(opt_passes[p].name, name))
        for (int i = 0; i < ir->nfuncs; i++)
          if (!ir->funcs[i]->is_thunk)
            run_pass(ir->funcs[i], &opt_passes[p]);
  }
  free(list);
  for (int i = 0; i < ir->nfuncs; i++)
    if (!ir->funcs[i]->is_thunk)
      report_function(ir->funcs[i]);
}

Program *opt_globals;

void opt_program(IrProgram *ir, int level) {
  opt_globals = ir->prog;
  if (opt_pass_list) {
    opt_listed(ir);
    return;
  }
  for (int i = 0; i < ir->nfuncs; i++)
    if (!ir->funcs[i]->is_thunk) {
      report_begin(ir->funcs[i]);
      opt_func(ir->funcs[i], level);
    }
  if (level >= 2) {
    /* callees first optimised, then copied into their callers, which are
     * optimised again with the copies in place */
    bool *changed = opt_inline_program(ir);
    for (int i = 0; i < ir->nfuncs; i++)
      if (changed[i]) {
        ir_after_pass(ir->funcs[i], "inline");
        opt_func(ir->funcs[i], level);
      }
    free(changed);
  }
  for (int i = 0; i < ir->nfuncs; i++)
    if (!ir->funcs[i]->is_thunk)
      report_function(ir->funcs[i]);
}


/* ---- the back half ------------------------------------------------------------ */

static void print_program(IrProgram *ir, FILE *out) {
  if (opt_dump_after)
    return;                       /* printed after the pass it names */
  for (int i = 0; i < ir->nfuncs; i++) {
    if (i)
      fprintf(out, "\n");
    ir_dump_func(ir->funcs[i], out);
  }
}

/* -fdump-ir-after=split-live-ranges: the back end's allocation, up to
 * the IR it writes code from (blocks laid out, live ranges split). */
static void back_end_dump(IrProgram *ir) {
  if (!opt_dump_after || strcmp(opt_dump_after, back_end_pass))
    return;
  for (int i = 0; i < ir->nfuncs; i++) {
    IrFunc *f = ir->funcs[i];
    if (f->is_thunk)
      continue;
    if (opt_level >= 1)
      mach_layout_blocks(f);
    MachRegs m = {.f = f};
    mach_allocate(cc_target, &m);
    free(m.reg);
    free(m.reg_hi);
    free(m.slot_of);
  }
}

/* -fdump-ir of a source. */
void ir_dump_program(Program *prog, FILE *out) {
  IrProgram *ir = lower_program(prog);        /* typed AST -> IR with checks */
  opt_program(ir, opt_level);                 /* drop proven checks, clean up */
  back_end_dump(ir);
  print_program(ir, out);
}

/* -fdump-ir of a .ir file: read, verify, optimise, print. */
bool ir_dump_file(const char *path, FILE *out) {
  IrProgram *ir = ir_read_program(path);
  if (!ir)
    return false;
  opt_program(ir, opt_level);
  back_end_dump(ir);
  print_program(ir, out);
  return true;
}

/* -S / -c. */
void codegen_program(Program *prog, FILE *asm_out, const char *source_name) {
  IrProgram *ir = lower_program(prog);
  opt_program(ir, opt_level);
  cc_target->emit_program(ir, asm_out, source_name); /* isel, regalloc, emit */
}

/* -fsyntax-only: every error the back end finds too (frame sizes). */
void codegen_check_program(Program *prog) {
  IrProgram *ir = lower_program(prog);
  opt_program(ir, opt_level);
  cc_target->check_program(ir);
}

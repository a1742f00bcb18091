/* ir.c -- the IR's data structures, its builder, the -fdump-ir printer,
 * and codegen_program, the back end's pass list.
 *
 * Invariants: every block ends in exactly one terminator (JMP, BR, RET)
 * once lowering is done; temps are numbered per function and have one kind
 * each; a temp may be defined more than once (promoted variables are temps,
 * the IR is not SSA).  Checks are ordinary instructions, so the dump shows
 * exactly which checks survive optimisation. */
#include "cc.h"
#include "target.h"

#include <stdlib.h>
#include <string.h>

const char *const ir_op_name[IR_OP_COUNT] = {
#define IROP(name, text, flags) text,
#include "ops.def"
#undef IROP
};
const unsigned ir_op_flags[IR_OP_COUNT] = {
#define IROP(name, text, flags) flags,
#include "ops.def"
#undef IROP
};

IrFunc *ir_new_func(Obj *fn, const char *name) {
  IrFunc *f = xmalloc(sizeof *f);
  f->obj = fn;
  f->name = name;
  return f;
}

int ir_new_block(IrFunc *f) {
  if (f->nblocks == f->cap_blocks) {
    f->cap_blocks = f->cap_blocks ? 2 * f->cap_blocks : 16;
    f->blocks = xrealloc(f->blocks, f->cap_blocks * sizeof *f->blocks);
  }
  IrBlock *b = xmalloc(sizeof *b);
  b->id = f->nblocks;
  f->blocks[f->nblocks] = b;
  return f->nblocks++;
}

int ir_new_temp(IrFunc *f, IrKind k) {
  if (f->ntemps == f->cap_temps) {
    f->cap_temps = f->cap_temps ? 2 * f->cap_temps : 64;
    f->tkind = xrealloc(f->tkind, f->cap_temps * sizeof *f->tkind);
  }
  f->tkind[f->ntemps] = k;
  return f->ntemps++;
}

int ir_new_slot(IrFunc *f, int size, int align, Type *ty, Obj *obj) {
  if (f->nslots == f->cap_slots) {
    f->cap_slots = f->cap_slots ? 2 * f->cap_slots : 16;
    f->slots = xrealloc(f->slots, f->cap_slots * sizeof *f->slots);
  }
  IrSlot *s = &f->slots[f->nslots];
  memset(s, 0, sizeof *s);
  s->size = size > 0 ? size : 4;
  s->align = align < 4 ? 4 : align;
  s->ty = ty;
  s->obj = obj;
  s->param_off = -1;
  return f->nslots++;
}

IrSite *ir_new_site(IrFunc *f, const char *kind, const char *detail, Loc loc) {
  IrSite *s = xmalloc(sizeof *s);
  s->kind = kind;
  s->detail = detail;
  s->loc = loc;
  if (f->nsites == f->cap_sites) {
    f->cap_sites = f->cap_sites ? 2 * f->cap_sites : 16;
    f->sites = xrealloc(f->sites, f->cap_sites * sizeof *f->sites);
  }
  f->sites[f->nsites++] = s;
  return s;
}

/* Whether block B's last definition of temp T is `T = copy C` (a
 * constant), and sets *C. */
bool ir_block_sets_const(const IrBlock *b, int t, long long *c) {
  for (int k = b->n - 1; k >= 0; k--) {
    const IrInst *in = &b->ins[k];
    if (in->dst != t)
      continue;
    if (in->op != IR_COPY || in->a.kind != OK_IMM)
      return false;
    *c = in->a.imm;
    return true;
  }
  return false;
}

IrInst *ir_append(IrFunc *f, int block, IrOp op) {
  IrBlock *b = f->blocks[block];
  if (b->n == b->cap) {
    b->cap = b->cap ? 2 * b->cap : 8;
    b->ins = xrealloc(b->ins, b->cap * sizeof *b->ins);
  }
  IrInst *in = &b->ins[b->n++];
  memset(in, 0, sizeof *in);
  in->op = op;
  in->dst = -1;
  in->addr.index = -1;
  in->addr.scale = 1;
  return in;
}

Oper ir_temp(int t) { return (Oper){.kind = OK_TEMP, .temp = t}; }
Oper ir_imm(long long v) { return (Oper){.kind = OK_IMM, .imm = v}; }
Oper ir_sym(const char *sym, long long off) { return (Oper){.kind = OK_SYM, .sym = sym, .imm = off}; }
Oper ir_slot(int slot, long long off) { return (Oper){.kind = OK_SLOT, .slot = slot, .imm = off}; }

bool ir_is_term(IrBlock *b) {
  return b->n > 0 && (ir_op_flags[b->ins[b->n - 1].op] & IRF_TERM);
}

static void add_use(int *uses, int *n, int max, Oper o) {
  if (o.kind == OK_TEMP && *n < max)
    uses[(*n)++] = o.temp;
}

int ir_uses(IrInst *in, int *uses, int max) {
  int n = 0;
  add_use(uses, &n, max, in->a);
  add_use(uses, &n, max, in->b);
  add_use(uses, &n, max, in->addr.base);
  if (in->addr.index >= 0 && n < max)
    uses[n++] = in->addr.index;
  add_use(uses, &n, max, in->sret);
  for (int i = 0; i < in->nargs; i++)
    add_use(uses, &n, max, in->args[i].val);
  return n;
}

/* The most temps one instruction of F can use (a call, any number). */
int ir_max_uses(const IrFunc *f) {
  int maxu = 8;
  for (int b = 0; b < f->nblocks; b++)
    for (int i = 0; i < f->blocks[b]->n; i++)
      if (f->blocks[b]->ins[i].nargs + 8 > maxu)
        maxu = f->blocks[b]->ins[i].nargs + 8;
  return maxu;
}

void ir_count(IrFunc *f, int *ndefs, int *nuses, IrInst **def_of) {
  int nt = f->ntemps;
  if (ndefs)
    memset(ndefs, 0, sizeof(int) * (nt + 1));
  if (nuses)
    memset(nuses, 0, sizeof(int) * (nt + 1));
  int maxu = ir_max_uses(f);
  int *uses = xmalloc(sizeof(int) * maxu);
  for (int b = 0; b < f->nblocks; b++)
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst *in = &f->blocks[b]->ins[i];
      if (in->dst >= 0) {
        if (ndefs)
          ndefs[in->dst]++;
        if (def_of)
          def_of[in->dst] = in;
      }
      if (!nuses)
        continue;
      int n = ir_uses(in, uses, maxu);
      for (int k = 0; k < n; k++)
        nuses[uses[k]]++;
    }
  free(uses);
}

/* ---- the verifier ---------------------------------------------------- */

static void verify_fail(IrFunc *f, const char *after, int b, int i, const char *what) {
  fprintf(stderr, "IR of %s after %s, b%d instruction %d:\n", f->name, after, b, i);
  ir_dump_func(f, stderr);
  die("IR verifier: after %s: %s: b%d instruction %d: %s", after, f->name, b, i, what);
}

static bool oper_ok(const IrFunc *f, Oper o) {
  if (o.kind == OK_TEMP)
    return o.temp >= 0 && o.temp < f->ntemps;
  if (o.kind == OK_SLOT)
    return o.slot >= 0 && o.slot < f->nslots;
  return true;
}

/* The invariants every pass keeps (an internal error otherwise): every
 * block ends in its one terminator, every jump lands on a block, every
 * temp and slot named exists, a result's kind is its temp's, every check
 * has its site. */
void ir_verify(IrFunc *f, const char *after) {
  if (f->is_thunk)
    return;
  if (f->nblocks < 1)
    verify_fail(f, after, 0, 0, "no blocks");
  for (int b = 0; b < f->nblocks; b++) {
    IrBlock *bl = f->blocks[b];
    if (bl->id != b)
      verify_fail(f, after, b, 0, "the block's id is not its index");
    if (bl->n < 1 || !(ir_op_flags[bl->ins[bl->n - 1].op] & IRF_TERM))
      verify_fail(f, after, b, bl->n - 1, "the block does not end in a terminator");
    for (int i = 0; i < bl->n; i++) {
      IrInst *in = &bl->ins[i];
      unsigned fl = ir_op_flags[in->op];
      if ((fl & IRF_TERM) && i != bl->n - 1)
        verify_fail(f, after, b, i, "a terminator before the block's end");
      if (in->op == IR_JMP && (in->t1 < 0 || in->t1 >= f->nblocks))
        verify_fail(f, after, b, i, "a jump to no block");
      if (in->op == IR_BR && (in->t1 < 0 || in->t1 >= f->nblocks || in->t2 < 0 || in->t2 >= f->nblocks))
        verify_fail(f, after, b, i, "a branch to no block");
      if (in->dst >= f->ntemps || (in->dst >= 0 && !(fl & IRF_DST)))
        verify_fail(f, after, b, i, "a result temp that does not exist or an operation without a result");
      if (!oper_ok(f, in->a) || !oper_ok(f, in->b) || !oper_ok(f, in->addr.base) || !oper_ok(f, in->sret) ||
          in->addr.index >= f->ntemps)
        verify_fail(f, after, b, i, "an operand names a temp or slot that does not exist");
      for (int k = 0; k < in->nargs; k++)
        if (!oper_ok(f, in->args[k].val))
          verify_fail(f, after, b, i, "an argument names a temp or slot that does not exist");
      if ((fl & IRF_CHECK) && !in->site)
        verify_fail(f, after, b, i, "a check without its site");
    }
  }
}

/* ---- the printer ---------------------------------------------------- */

static const char *const kind_name[] = {"i32", "i64", "f32", "f64", "void"};
static const char *const mem_name[] = {"i8", "u8", "i16", "u16", "i32", "i64", "f32", "f64"};
static const char *const cc_name[] = {"eq", "ne", "lt", "le", "gt", "ge", "ult", "ule", "ugt", "uge"};

static void dump_oper(FILE *out, Oper o) {
  switch (o.kind) {
  case OK_NONE: fprintf(out, "_"); break;
  case OK_TEMP: fprintf(out, "%%%d", o.temp); break;
  case OK_IMM: fprintf(out, "%lld", o.imm); break;
  case OK_FIMM: fprintf(out, "%.17g", o.fimm); break;
  case OK_SYM: fprintf(out, "$%s%+lld", o.sym, o.imm); break;
  case OK_SLOT: fprintf(out, "$slot%d%+lld", o.slot, o.imm); break;
  }
}

static void dump_addr(FILE *out, IrAddr *a) {
  fprintf(out, "[");
  dump_oper(out, a->base);
  if (a->index >= 0)
    fprintf(out, " + %%%d*%d", a->index, a->scale);
  if (a->off)
    fprintf(out, " %+lld", a->off);
  fprintf(out, "]");
}

static void dump_inst(FILE *out, IrFunc *f, IrInst *in) {
  fprintf(out, "    ");
  if (in->dst >= 0)
    fprintf(out, "%%%d:%s = ", in->dst, kind_name[f->tkind[in->dst]]);
  fprintf(out, "%s", ir_op_name[in->op]);
  switch (in->op) {
  case IR_SET: case IR_BR:
    fprintf(out, ".%s.%s ", cc_name[in->cc], kind_name[in->k2]);
    dump_oper(out, in->a);
    fprintf(out, ", ");
    dump_oper(out, in->b);
    if (in->op == IR_BR)
      fprintf(out, " -> b%d, b%d", in->t1, in->t2);
    break;
  case IR_EXT:
    fprintf(out, ".%s ", mem_name[in->mem]);
    dump_oper(out, in->a);
    break;
  case IR_SQRT:
    fprintf(out, " ");
    dump_oper(out, in->a);
    break;
  case IR_CVT:
    fprintf(out, ".%s%s ", kind_name[in->k2], in->uns ? ".u" : "");
    dump_oper(out, in->a);
    break;
  case IR_LEA:
    fprintf(out, " ");
    dump_addr(out, &in->addr);
    break;
  case IR_LOAD:
    fprintf(out, ".%s ", mem_name[in->mem]);
    dump_addr(out, &in->addr);
    break;
  case IR_STORE:
    fprintf(out, ".%s ", mem_name[in->mem]);
    dump_addr(out, &in->addr);
    fprintf(out, ", ");
    dump_oper(out, in->a);
    break;
  case IR_MEMCPY: case IR_MEMZERO:
    fprintf(out, " ");
    dump_oper(out, in->a);
    if (in->op == IR_MEMCPY) {
      fprintf(out, ", ");
      dump_oper(out, in->b);
    }
    fprintf(out, ", %lld", in->n);
    break;
  case IR_CALL:
    fprintf(out, " ");
    if (in->sym)
      fprintf(out, "%s", in->sym);
    else {
      fprintf(out, "*");
      dump_oper(out, in->a);
    }
    fprintf(out, "(");
    if (in->sret.kind != OK_NONE) {
      fprintf(out, "sret ");
      dump_oper(out, in->sret);
      if (in->nargs)
        fprintf(out, ", ");
    }
    for (int i = 0; i < in->nargs; i++) {
      if (i)
        fprintf(out, ", ");
      if (in->args[i].size)
        fprintf(out, "struct%d ", in->args[i].size);
      dump_oper(out, in->args[i].val);
    }
    fprintf(out, ")");
    break;
  case IR_JMP:
    fprintf(out, " b%d", in->t1);
    break;
  case IR_CHECK_BOUNDS:
    fprintf(out, "%s ", in->uns ? ".u" : "");
    dump_oper(out, in->a);
    fprintf(out, ", ");
    if (in->lenmem)
      dump_addr(out, &in->addr);
    else
      dump_oper(out, in->b);
    break;
  case IR_CHECK_DIV:
    fprintf(out, ".%s%s%s ", kind_name[in->k], in->uns ? ".u" : "", in->is_mod ? ".mod" : "");
    dump_oper(out, in->a);
    fprintf(out, ", ");
    dump_oper(out, in->b);
    break;
  default:
    if (in->a.kind != OK_NONE) {
      fprintf(out, " ");
      dump_oper(out, in->a);
    }
    if (in->b.kind != OK_NONE) {
      fprintf(out, ", ");
      dump_oper(out, in->b);
    }
    break;
  }
  if (in->site)
    fprintf(out, "    ; %s %d:%d", in->site->kind ? in->site->kind : "site", in->site->loc.line,
            in->site->loc.col);
  fprintf(out, "\n");
}

void ir_dump_func(IrFunc *f, FILE *out) {
  fprintf(out, "function %s%s%s\n", f->name, f->checks_stack ? " (checks stack)" : "",
          f->sret ? " (sret)" : "");
  for (int i = 0; i < f->nslots; i++) {
    IrSlot *s = &f->slots[i];
    fprintf(out, "  slot%d: %d bytes align %d", i, s->size, s->align);
    if (s->obj)
      fprintf(out, " %s", s->obj->name);
    if (s->param_off >= 0)
      fprintf(out, " (param +%d)", s->param_off);
    fprintf(out, "\n");
  }
  for (int i = 0; i < f->nblocks; i++) {
    IrBlock *b = f->blocks[i];
    fprintf(out, "  b%d:\n", b->id);
    for (int j = 0; j < b->n; j++)
      if (b->ins[j].op != IR_NOP)
        dump_inst(out, f, &b->ins[j]);
  }
}

void ir_dump_program(Program *prog, FILE *out) {
  IrProgram *ir = lower_program(prog);
  opt_program(ir, opt_level);
  if (opt_dump_after)
    return;                       /* printed after the pass it names */
  for (int i = 0; i < ir->nfuncs; i++) {
    if (i)
      fprintf(out, "\n");
    ir_dump_func(ir->funcs[i], out);
  }
}

/* The back end's passes, top to bottom. */
void codegen_program(Program *prog, FILE *asm_out, const char *source_name) {
  IrProgram *ir = lower_program(prog);        /* typed AST -> IR with checks */
  opt_program(ir, opt_level);                 /* drop proven checks, clean up */
  target_i386.emit_program(ir, asm_out, source_name); /* isel, regalloc, emit */
}

void codegen_check_program(Program *prog) {
  IrProgram *ir = lower_program(prog);
  opt_program(ir, opt_level);
  target_i386.check_program(ir);
}

const char *ir_type_desc(IrProgram *ir, Type *t) {
  /* T may be a struct's Type made before the struct was complete (the
   * pointee of a member `struct node *next` inside struct node): its size
   * is the definition's now */
  type_refresh(t);
  char *canon = type_canon_str(t);
  for (int i = 0; i < ir->types.len; i++)
    if (!strcmp(type_canon_str(ir->types.v[i]), canon))
      return ir->type_syms.v[i];
  vec_push(&ir->types, t);
  vec_push(&ir->type_syms, format("type.%d", ir->types.len - 1));
  return ir->type_syms.v[ir->types.len - 1];
}

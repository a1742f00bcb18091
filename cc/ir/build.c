/* ir/build.c -- the IR's opcode tables and its builder: functions,
 * blocks, temps, slots, sites, instructions, and the use counts the passes
 * share.  The printer is ir/dump.c, the reader ir/read.c, the verifier
 * ir/verify.c; cc/pass.c runs them in order.
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

long long ir_imm_value(IrKind k, long long imm) { return k == IK_I32 ? (long long)(int32_t)imm : imm; }
Oper ir_imm(long long v) { return (Oper){.kind = OK_IMM, .imm = v}; }
Oper ir_sym(const char *sym, long long off) { return (Oper){.kind = OK_SYM, .sym = sym, .imm = off}; }
Oper ir_slot(int slot, long long off) { return (Oper){.kind = OK_SLOT, .slot = slot, .imm = off}; }

bool ir_oper_same(Oper a, Oper b) {
  if (a.kind != b.kind)
    return false;
  switch (a.kind) {
  case OK_TEMP: return a.temp == b.temp;
  case OK_IMM: return a.imm == b.imm;
  case OK_SYM: return a.imm == b.imm && !strcmp(a.sym, b.sym);
  case OK_SLOT: return a.slot == b.slot && a.imm == b.imm;
  case OK_NONE: return true;
  default: return false;          /* floating constants and the domain flag: never merged */
  }
}

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

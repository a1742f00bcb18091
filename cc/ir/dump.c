/* ir/dump.c -- the IR as text (-fdump-ir, -fdump-ir-after=PASS).  The
 * text is complete for the middle end: ir/read.c reads it back into the
 * same IR, so that dumping what was read prints the same text (the
 * testsuite/ir tests check it) and a pass can be run on a hand-written or
 * saved function (testsuite/opt).  What only the back end needs is left
 * out: the types of frame slots, instructions' source places other than
 * their sites', and the places of inlined copies. */
#include "cc.h"

#include <ctype.h>
#include <string.h>

/* A C string literal: what the reader's string token reads back. */
static void dump_string(FILE *out, const char *s) {
  fputc('"', out);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\')
      fprintf(out, "\\%c", c);
    else if (c == '\n')
      fputs("\\n", out);
    else if (c < 0x20 || c >= 0x7f)
      fprintf(out, "\\%03o", c);
    else
      fputc(c, out);
  }
  fputc('"', out);
}

/* A floating constant never reads back as an integer: "2.0", not "2". */
static void dump_double(FILE *out, double v) {
  char buf[64];
  snprintf(buf, sizeof buf, "%.17g", v);
  fputs(buf, out);
  if (!strpbrk(buf, ".eEn"))       /* n: inf, nan */
    fputs(".0", out);
}

const char *const ir_kind_name[5] = {"i32", "i64", "f32", "f64", "void"};
const char *const ir_mem_name[8] = {"i8", "u8", "i16", "u16", "i32", "i64", "f32", "f64"};
const char *const ir_cc_name[10] = {"eq", "ne", "lt", "le", "gt", "ge", "ult", "ule", "ugt", "uge"};
#define kind_name ir_kind_name
#define mem_name ir_mem_name
#define cc_name ir_cc_name

/* The kind an instruction without a result has unless the text says
 * otherwise (`op:KIND`): what lowering gives it, so that the marker is
 * rare.  The reader gives the same default. */
IrKind ir_implied_kind(const IrFunc *f, const IrInst *in) {
  if (in->dst >= 0)
    return f->tkind[in->dst];
  switch (in->op) {
  case IR_STORE:
    return in->mem == M_I64 ? IK_I64 : in->mem == M_F32 ? IK_F32 : in->mem == M_F64 ? IK_F64 : IK_I32;
  case IR_CALL:
    return IK_VOID;
  case IR_RET:
    return in->a.kind == OK_NONE ? IK_VOID : f->ret_kind;
  case IR_CHECK_BOUNDS:
    return in->a.kind == OK_TEMP ? f->tkind[in->a.temp] : IK_I32;
  default:
    return IK_I32;
  }
}

/* The kind of a call's argument unless the text says otherwise (`:KIND`
 * after it): a temp's own, a floating constant's f64, anything else i32. */
IrKind ir_arg_implied_kind(const IrFunc *f, const IrArg *a) {
  if (a->val.kind == OK_TEMP)
    return f->tkind[a->val.temp];
  return a->val.kind == OK_FIMM ? IK_F64 : IK_I32;
}

/* A symbol is written bare when the reader cannot take it for anything
 * else: letters, digits, '_' and '.', and not a slot's name. */
static bool plain_symbol(const char *s) {
  if (!s[0] || (!strncmp(s, "slot", 4) && s[4] >= '0' && s[4] <= '9'))
    return false;
  for (; *s; s++)
    if (!(isalnum((unsigned char)*s) || *s == '_' || *s == '.'))
      return false;
  return true;
}

static void dump_symbol(FILE *out, const char *s) {
  if (plain_symbol(s))
    fputs(s, out);
  else
    dump_string(out, s);
}

static void dump_oper(FILE *out, Oper o) {
  switch (o.kind) {
  case OK_NONE: fprintf(out, "_"); break;
  case OK_TEMP: fprintf(out, "%%%d", o.temp); break;
  case OK_IMM: fprintf(out, "%lld", o.imm); break;
  case OK_FIMM: dump_double(out, o.fimm); break;
  case OK_SYM:
    fputc('$', out);
    dump_symbol(out, o.sym);
    fprintf(out, "%+lld", o.imm);
    break;
  case OK_SLOT: fprintf(out, "$slot%d%+lld", o.slot, o.imm); break;
  case OK_DOMAIN: fprintf(out, "domain"); break;
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

/* KIND LINE:COL [in FUNC] ["DETAIL"]: a check's run-time error site (the
 * runtime supplies the kind of a site written "site"). */
static void dump_site(FILE *out, const IrSite *s) {
  fprintf(out, "%s %d:%d", s->kind ? s->kind : "site", s->loc.line, s->loc.col);
  if (s->func) {
    fprintf(out, " in ");
    dump_symbol(out, s->func);
  }
  if (s->detail) {
    fputc(' ', out);
    dump_string(out, s->detail);
  }
}

static void dump_inst(FILE *out, IrFunc *f, IrInst *in) {
  fprintf(out, "    ");
  if (in->dst >= 0)
    fprintf(out, "%%%d:%s = ", in->dst, kind_name[f->tkind[in->dst]]);
  fprintf(out, "%s", ir_op_name[in->op]);
  if (in->dst < 0 && in->k != ir_implied_kind(f, in))
    fprintf(out, ":%s", kind_name[in->k]);
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
      dump_symbol(out, in->sym);
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
      IrArg *a = &in->args[i];
      if (a->size)
        fprintf(out, "struct%d ", a->size);
      if (a->is_site)
        fprintf(out, "site");
      else if (a->is_hole)
        fprintf(out, "hole");
      else
        dump_oper(out, a->val);
      if (a->kind != ir_arg_implied_kind(f, a))
        fprintf(out, ":%s", kind_name[a->kind]);
    }
    fprintf(out, ")");
    if (in->is_runtime)
      fprintf(out, " runtime");
    if (in->no_inline)
      fprintf(out, " noinline");
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
  if (in->site) {
    fprintf(out, "    ; ");
    dump_site(out, in->site);
    if (in->site2) {
      fprintf(out, ", ");
      dump_site(out, in->site2);
    }
  }
  fprintf(out, "\n");
}

void ir_dump_func(IrFunc *f, FILE *out) {
  fprintf(out, "function ");
  dump_symbol(out, f->name);
  fprintf(out, " -> %s", kind_name[f->ret_kind]);
  if (f->obj && f->obj->is_static)
    fprintf(out, " (static)");
  if (f->obj && f->obj->is_domain_entry)
    fprintf(out, " (domain entry)");
  if (f->obj && f->obj->is_spawn_target)
    fprintf(out, " (spawn target)");
  if (f->checks_stack)
    fprintf(out, " (checks stack)");
  if (f->sret)
    fprintf(out, " (sret)");
  if (f->is_thunk) {
    fprintf(out, " (thunk of ");
    dump_symbol(out, f->thunk_target->name);
    fprintf(out, ", %d bytes)", f->args_size);
  }
  fprintf(out, "\n");
  for (int i = 0; i < f->nslots; i++) {
    IrSlot *s = &f->slots[i];
    fprintf(out, "  slot%d: %d bytes align %d", i, s->size, s->align);
    if (s->obj) {
      fputc(' ', out);
      dump_symbol(out, s->obj->name);
    }
    if (s->param_off >= 0)
      fprintf(out, " (param +%d)", s->param_off);
    fprintf(out, "\n");
  }
  /* the variables that live in temps: -O0 keeps them for gdb (opt/live.c) */
  if (f->obj && !f->is_thunk)
    for (Obj *v = f->obj->locals; v; v = v->next)
      if (v->is_local && v->id > 0 && v->id - 1 < f->ntemps) {
        fprintf(out, "  var %%%d ", v->id - 1);
        dump_symbol(out, v->name);
        fprintf(out, "\n");
      }
  for (int i = 0; i < f->nblocks; i++) {
    IrBlock *b = f->blocks[i];
    fprintf(out, "  b%d:%s\n", b->id, b->versioned ? " (versioned)" : "");
    for (int j = 0; j < b->n; j++)
      if (b->ins[j].op != IR_NOP)
        dump_inst(out, f, &b->ins[j]);
  }
}


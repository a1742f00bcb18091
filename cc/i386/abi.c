/* abi.c -- the i386 System V calling convention and the frame.
 *
 * Frame, by offsets from its base B (the saved %ebp's word):
 *     8(B)...         incoming arguments (a struct result's pointer first)
 *     4(B)            return address
 *     0(B)            caller's %ebp
 *    -4(B)...         callee-saved registers used (%ebx %esi %edi), pushed
 *     below           frame slots, spill slots, 16 bytes of scratch
 *     0(%esp)...      the outgoing argument area (the largest call's)
 * %esp stays put in the body and is 16-byte aligned there, so it is
 * aligned at every call; the cold stubs keep the alignment too.
 *
 * With a frame pointer (-O0, -g) B is %ebp.  Otherwise the prologue still
 * pushes %ebp first -- the same layout, the same proof -- but does not
 * set it: the body reaches K(B) at K + esp_delta(%esp) and %ebp holds
 * temps.  The cold stubs push below the body's %esp, and shift every
 * %esp-relative operand they push by what they pushed before it.
 *
 * The stack check (doc/abi.md) is the first thing in a function that
 * checks; its N is computed by emit.c once every frame is known. */
#include "../cc.h"
#include "abi.h"

/* Sizes are long long: a struct of up to 2^31 - 1 bytes rounded up, and
 * sums of them, must not wrap (LANGUAGE.md §10). */
long long i386_arg_size(Type *t) {
  long long s = t->size > 0 ? t->size : 4;
  return (s + 3) & ~3LL;
}

static long long arg_bytes(IrArg *a) {
  if (a->size)
    return ((long long)a->size + 3) & ~3LL;
  return a->kind == IK_I64 || a->kind == IK_F64 ? 8 : 4;
}

long long i386_call_args_size(IrInst *call) {
  long long n = call->sret.kind != OK_NONE ? 4 : 0;
  for (int i = 0; i < call->nargs; i++)
    n += arg_bytes(&call->args[i]);
  return n;
}

static long long align_down(long long x, long long a) { return -((-x + a - 1) / a * a); }

/* The frame's offsets are %ebp displacements and its size an immediate:
 * all fit in 31 bits only when the whole frame does.  The layout is done in
 * long long; a larger frame is reported (LANGUAGE.md §10) and laid out as
 * an empty one, since no code is written after the error. */
bool i386_frame_layout(I386Func *cx) {
  IrFunc *f = cx->f;
  long long o = -4 * cx->nsaved;
  for (int i = 0; i < f->nslots; i++) {
    IrSlot *s = &f->slots[i];
    if (s->param_off >= 0)
      continue;
    o = align_down(o - s->size, s->align);
  }
  for (int t = 0; t < f->ntemps; t++)
    if (cx->reg[t] < 0 && cx->slot_of[t] == t)
      o = align_down(o - (f->tkind[t] == IK_I32 ? 4 : 8), 4);
  o = align_down(o - 16, 8);
  /* the outgoing area: the largest call's arguments (16 bytes for the
   * libgcc calls of 64-bit division) */
  long long out = 0;
  for (int b = 0; b < f->nblocks; b++)
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst *in = &f->blocks[b]->ins[i];
      long long n = 0;
      if (in->op == IR_CALL) {
        n = i386_call_args_size(in);
        cx->has_calls = true;
      } else if (in->k == IK_I64 &&
                 (in->op == IR_DIV || in->op == IR_UDIV || in->op == IR_MOD || in->op == IR_UMOD)) {
        n = 16;
        cx->has_calls = true;
      }
      if (n > out)
        out = n;
    }
  long long frame = -o - 4 * cx->nsaved + out;
  /* entry %esp is 12 mod 16: after %ebp and the saved registers, the
   * frame makes it 0 mod 16 */
  while ((8 + 4 * cx->nsaved + frame) % 16)
    frame++;
  long long frame_n = 4 + 4 * cx->nsaved + frame;
  if (frame_n > 0x7fffffffLL) {
    /* no byte count: it depends on the registers allocated */
    error_at(f->obj->loc, "the frame of '%s' (its locals, temporaries and outgoing arguments) is "
             "larger than 2^31 - 1 bytes", f->obj->name);
    cx->frame = cx->outgoing = cx->scratch = 0;
    f->frame_n = 0;
    return false;
  }
  /* it fits: the same layout again, now in ints */
  int io = -4 * cx->nsaved;
  for (int i = 0; i < f->nslots; i++) {
    IrSlot *s = &f->slots[i];
    if (s->param_off >= 0) {
      s->offset = 8 + s->param_off;
      continue;
    }
    io = (int)align_down(io - s->size, s->align);
    s->offset = io;
  }
  for (int t = 0; t < f->ntemps; t++) {
    cx->spill[t] = 0;
    if (cx->reg[t] >= 0)
      continue;
    if (cx->slot_of[t] != t) {    /* the slot of a lesser temp (mach/regalloc.c) */
      cx->spill[t] = cx->spill[cx->slot_of[t]];
      continue;
    }
    io = (int)align_down(io - (f->tkind[t] == IK_I32 ? 4 : 8), 4);
    cx->spill[t] = io;
  }
  io = (int)align_down(io - 16, 8);
  cx->scratch = io;
  cx->outgoing = (int)out;
  cx->frame = (int)frame;
  cx->esp_delta = 4 * cx->nsaved + cx->frame;
  f->frame_n = (int)frame_n;
  return true;
}

bool i386_frameless(IrFunc *f) { return opt_level >= 1 && !opt_debug && !f->is_thunk; }

static const int saved_order[] = {R_EBX, R_ESI, R_EDI};

static MirOp R(int r) { return mir_reg(r, 4); }
#define NONE mir_none()
static void I0(Mir *m, int op) { mir_add(m, op, 0, NONE, NONE, NONE); }
static void I1(Mir *m, int op, MirOp a) { mir_add(m, op, 1, a, NONE, NONE); }
static void I2(Mir *m, int op, MirOp a, MirOp b) { mir_add(m, op, 2, a, b, NONE); }

/* Sequence S of the machine contract (common/abi.h), each line taking
 * its instruction's field: the size checked N, the trap stub STUB or the
 * register REG.  The linker matches the bytes of the same record, so the
 * text comes from that one definition as it is. */
void i386_emit_seq(Mir *out, const struct ck_seq *s, int n, const char *stub, const char *reg) {
  Buf b = {0};
  for (unsigned i = 0; i < s->n; i++) {
    const struct ck_insn *t = &s->insns[i];
    switch (t->field) {
    case CK_FIELD_SIZE: buf_printf(&b, t->text, n); break;
    case CK_FIELD_STUB: buf_printf(&b, t->text, stub); break;
    case CK_FIELD_TLS: {
      const char *sym = s == &ck_i386.domain_test ? ck_i386.domain_flag_sym : ck_i386.stack_limit_sym;
      buf_printf(&b, t->text, sym);
      typesec_use_internal(sym);
      break;
    }
    case CK_FIELD_REG: buf_printf(&b, t->text, reg); break;
    case CK_FIELD_NONE: buf_printf(&b, t->text, 0); break;
    }
  }
  mir_add_text(out, b.s ? b.s : "");
}

/* The stack check of doc/abi.md, covering N bytes. */
void i386_stack_check(Mir *out, int n, const char *stub) {
  i386_emit_seq(out, &ck_i386.stack_check, n, stub, NULL);
}

void i386_prologue(I386Func *cx, Mir *out, int stack_n, const char *stack_stub) {
  if (stack_n >= 0)
    i386_stack_check(out, stack_n, stack_stub);
  I1(out, I_PUSHL, R(R_EBP));
  if (opt_debug)
    mir_add_text(out, "\t.cfi_def_cfa_offset 8\n\t.cfi_offset %ebp, -8\n");
  if (!cx->frameless)
    I2(out, I_MOVL, R(R_ESP), R(R_EBP));
  if (opt_debug)
    mir_add_text(out, "\t.cfi_def_cfa_register %ebp\n");
  int cfa_off = 8;                /* the CFA is %ebp + 8 */
  for (int i = 0; i < 3; i++)
    if (cx->saved & (1u << saved_order[i])) {
      I1(out, I_PUSHL, R(saved_order[i]));
      cfa_off += 4;
      /* so that gdb finds the caller's value in the callee's frame */
      if (opt_debug)
        mir_add_text(out, format("\t.cfi_offset %s, %d\n", i386_mir.reg_name(saved_order[i], 4), -cfa_off));
    }
  if (cx->frame)
    I2(out, I_SUBL, mir_imm(cx->frame), R(R_ESP));
}

void i386_epilogue(I386Func *cx, Mir *out) {
  if (cx->frameless) {
    if (cx->frame)
      I2(out, I_ADDL, mir_imm(cx->frame), R(R_ESP));
    for (int i = 2; i >= 0; i--)
      if (cx->saved & (1u << saved_order[i]))
        I1(out, I_POPL, R(saved_order[i]));
    I1(out, I_POPL, R(R_EBP));
  } else if (cx->nsaved) {
    I2(out, I_LEAL, mir_mem(R_EBP, -1, 1, -4 * cx->nsaved), R(R_ESP));
    for (int i = 2; i >= 0; i--)
      if (cx->saved & (1u << saved_order[i]))
        I1(out, I_POPL, R(saved_order[i]));
    I1(out, I_POPL, R(R_EBP));
  } else {
    I0(out, I_LEAVE);
  }
  if (opt_debug)
    mir_add_text(out, "\t.cfi_def_cfa %esp, 4\n");
  if (cx->f->sret)
    I1(out, I_RET, mir_imm(4));
  else
    I0(out, I_RET);
}

/* A spawn thunk (doc/abi.md "spawn"): called by the runtime on the new
 * thread with the copied argument block; pushes the arguments from it
 * (they are laid out like the stack arguments) and calls the target. */
void i386_emit_thunk(IrFunc *t, Mir *out, int *frame_n) {
  /* lower_spawn refused blocks whose thunk frame would not fit in 31 bits */
  long long size = ((long long)t->args_size + 3) & ~3LL;
  long long frame = size;
  while ((8 + 8 + frame) % 16)
    frame++;
  if (4 + 8 + frame + 4 > 0x7fffffffLL)
    die("a spawn thunk's frame of %lld bytes", 4 + 8 + frame + 4);
  *frame_n = (int)(4 + 8 + frame + 4);
  t->frame_n = *frame_n;
  /* -g: the .cfi lines, so that gdb unwinds a thread's first frames */
  I1(out, I_PUSHL, R(R_EBP));
  if (opt_debug)
    mir_add_text(out, "\t.cfi_def_cfa_offset 8\n\t.cfi_offset %ebp, -8\n");
  I2(out, I_MOVL, R(R_ESP), R(R_EBP));
  if (opt_debug)
    mir_add_text(out, "\t.cfi_def_cfa_register %ebp\n");
  I1(out, I_PUSHL, R(R_ESI));
  if (opt_debug)
    mir_add_text(out, "\t.cfi_offset %esi, -12\n");
  I1(out, I_PUSHL, R(R_EDI));
  if (opt_debug)
    mir_add_text(out, "\t.cfi_offset %edi, -16\n");
  I2(out, I_SUBL, mir_imm(frame), R(R_ESP));
  if (size) {
    I2(out, I_MOVL, mir_mem(R_EBP, -1, 1, 8), R(R_ESI));
    I2(out, I_MOVL, R(R_ESP), R(R_EDI));
    I2(out, I_MOVL, mir_imm(size / 4), R(R_ECX));
    I0(out, I_REP_MOVSL);
  }
  I1(out, I_CALL, mir_label_op(t->thunk_target->name));
  I2(out, I_LEAL, mir_mem(R_EBP, -1, 1, -8), R(R_ESP));
  I1(out, I_POPL, R(R_EDI));
  I1(out, I_POPL, R(R_ESI));
  I1(out, I_POPL, R(R_EBP));
  if (opt_debug)
    mir_add_text(out, "\t.cfi_def_cfa %esp, 4\n");
  I0(out, I_RET);
}

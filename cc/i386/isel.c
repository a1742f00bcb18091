/* isel.c -- instruction selection for i386: each IR instruction expands
 * to a short sequence of machine IR (mach/mir.h, opcodes of insns.def)
 * over the locations regalloc.c chose; mach/asm.c prints it.
 *
 * Invariants:
 *  - %eax and %edx are free scratch inside an expansion; %ecx only when
 *    i386_clobbers says so (regalloc keeps temps that live across such an
 *    instruction out of it).  Operands are read before the result is
 *    written, and a result may share an operand's register, so every
 *    expansion checks for that aliasing.
 *  - memory addresses need at most %eax to materialise (amem), so a
 *    store can hold its value in %edx.
 *  - no flags live across expansions: each branch does its own compare.
 *  - a check is a compare and a branch to a cold stub (cx->stubs) that
 *    reloads its operands from the same, unchanged locations, pushes
 *    them with the site record and calls __cuckoo_trap with %esp aligned.
 *  - long long temps live in 8-byte spill slots, floating ones too
 *    (arithmetic in %xmm0/%xmm1; results of calls come back in st(0)).
 */
#include "../cc.h"
#include "abi.h"

#include <stdlib.h>
#include <string.h>

static I386Func *cx;
static IrFunc *fn;
static Mir *out;                  /* the body (cx->body); stubs go to cx->stubs */

/* ---- operands ---------------------------------------------------------------- */

static MirOp R(int r) { return mir_reg(r, 4); }
static MirOp RB(int r) { return mir_reg(r, 1); }
static MirOp RW(int r) { return mir_reg(r, 2); }
static MirOp X(int n) { return mir_reg(R_XMM0 + n, 16); }
static MirOp IMM(long long v) { return mir_imm(v); }
static MirOp IMM_SYM(const char *sym) { return mir_imm_sym(sym, 0); }
static MirOp MEM(int base, long long disp) { return mir_mem(base, -1, 1, disp); }
static MirOp LBL(const char *label) { return mir_label_op(label); }
#define NONE mir_none()

/* Whether a byte register exists for R (%al .. %bl). */
static bool has_byte_reg(int r) { return r >= R_EAX && r <= R_EBX; }

/* ---- what the scratch registers hold ----------------------------------------
 *
 * Between the instructions of one block, %eax or %edx may still hold the
 * value of a temp that lives in its spill slot (loaded for an address or a
 * check, or just stored there): load32 and amem then use the register and
 * skip the reload -- a check and the access after it read a spilled base or
 * index once.  Every emitted instruction that writes a scratch register
 * forgets what it held (note_writes reads the instruction); a
 * definition of a temp forgets it everywhere but where it was just stored
 * from; block starts and every instruction outside cache_ok (those with
 * labels inside, calls) forget everything. */
static int known[R_NREGS];        /* R_EAX, R_EDX: the spilled temp held, or -1 */
static bool known_def[R_NREGS];   /* set by this instruction's definition */
static bool amem_edx_ok = true;   /* amem may use %edx (the caller writes it only after) */
/* -O1 and up: the long long temp this instruction defines whose one use,
 * the next instruction, takes it from %edx:%eax (its slot is not written) */
static int unstored = -1;
/* the previous instruction's unstored, which this one takes in (-1: none) */
static int took_unstored = -1, pending_unstored = -1;
static int *use_count;
/* -O1 and up: a load whose one use, the next instruction, reads it from
 * memory instead (cmpl $k, mem; addl mem, %r; mulsd mem, %xmm) */
static IrInst *folded;
static int set_in_al = -1;        /* a set's result left in %al for the next instruction, a
                                     cvt to long long (which zero-extends it itself), or -1 */
static IrInst *rmw_op;            /* the store being expanded does this operation in memory */
static Oper rmw_x;                /* with this operand */

static bool is_folded(Oper o) { return folded && o.kind == OK_TEMP && o.temp == folded->dst; }

static void forget_all(void) {
  known[R_EAX] = known[R_EDX] = -1;
  known_def[R_EAX] = known_def[R_EDX] = false;
}

/* What instruction E does to the scratch registers' contents. */
static void note_writes(const MirInst *e) {
  if (known[R_EAX] < 0 && known[R_EDX] < 0)
    return;
  unsigned flags = i386_mir.ops[e->op].flags;
  if (flags & MIR_WRITES_NONE)
    return;
  if ((flags & MIR_WRITES_SCRATCH) || ((flags & MIR_WRITES_SCRATCH_1) && e->nops == 1)) {
    forget_all();
    return;
  }
  if (e->nops == 0)
    return;
  MirOp last = e->o[e->nops - 1];
  for (int r = R_EAX; r <= R_EDX; r += R_EDX - R_EAX)
    if (mir_is_reg(last, r)) {
      known[r] = -1;
      known_def[r] = false;
    }
}

/* Instruction OP of the body with N operands A, B, C. */
static void emit(int op, int n, MirOp a, MirOp b, MirOp c) { note_writes(mir_add(out, op, n, a, b, c)); }
#define E0(op) emit(op, 0, NONE, NONE, NONE)
#define E1(op, a) emit(op, 1, a, NONE, NONE)
#define E2(op, a, b) emit(op, 2, a, b, NONE)
#define E3(op, a, b, c) emit(op, 3, a, b, c)

/* Instruction OP of a cold stub: the body's scratch registers are not
 * its business. */
static void stub_emit(Mir *m, int op, int n, MirOp a, MirOp b) { mir_add(m, op, n, a, b, NONE); }
#define S1(m, op, a) stub_emit(m, op, 1, a, NONE)
#define S2(m, op, a, b) stub_emit(m, op, 2, a, b)

/* The scratch register holding spilled temp T, or -1. */
static int cached(int t, bool edx_ok) {
  if (known[R_EAX] == t)
    return R_EAX;
  if (edx_ok && known[R_EDX] == t)
    return R_EDX;
  return -1;
}

/* Scratch register R now holds spilled temp T (after the instruction that loaded it). */
static void remember(int r, int t) {
  if (r == R_EAX || r == R_EDX)
    known[r] = t;
}

#define XMM_ALL (0xffu << R_XMM0)

/* log2 of the magnitude of a 32-bit division's constant divisor when
 * it is a power of two above 1, or, for a signed division, minus such a
 * power (-2 .. -2^30; div32 negates the quotient), else -1. */
static int div_pow2(const IrInst *in) {
  if (in->k != IK_I32 || in->b.kind != OK_IMM)
    return -1;
  uint32_t c = (uint32_t)in->b.imm;
  bool sign = in->op == IR_DIV || in->op == IR_MOD;
  if (sign && (int32_t)c < 0)
    c = -c;
  if (c < 2 || (c & (c - 1)) || (sign && c == 0x80000000u))
    return -1;
  return __builtin_ctz(c);
}

unsigned i386_clobbers(IrFunc *f, IrInst *in) {
  (void)f;
  switch (in->op) {
  case IR_CALL:
    return 1u << R_ECX | XMM_ALL;
  case IR_MEMCPY: case IR_MEMZERO:
    return 1u << R_ECX;
  case IR_SHL: case IR_SHR: case IR_SAR:
    return (in->k == IK_I64 || in->b.kind != OK_IMM) ? 1u << R_ECX : 0;
  case IR_MUL:
    return in->k == IK_I64 ? 1u << R_ECX : 0;
  case IR_DIV: case IR_UDIV: case IR_MOD: case IR_UMOD:
    /* long long: a call of the runtime; (minus) a power of two: shifts, no %ecx */
    if (div_pow2(in) > 0)
      return 0;
    return in->k == IK_I32 ? 1u << R_ECX : in->k == IK_I64 ? 1u << R_ECX | XMM_ALL : 0;
  default:
    return 0;
  }
}

static void load64(Oper a);
static void to64(int t);
static void cmp64_word(MirOp a, MirOp b);

/* ---- %edx as a home ------------------------------------------------------
 *
 * -O1 and up, regalloc gives %edx to ints the four registers left in
 * memory when every instruction around them allows it.  These three
 * predicates say, for the expansions below and the allocation of every
 * other temp (done first), whether an instruction leaves %edx alone, reads
 * an operand in %edx before writing %edx, and may write its result to
 * %edx.  They are whitelists: anything not listed keeps %edx a scratch. */

static bool slot_operand(IrInst *in) { return in->a.kind == OK_SLOT || in->b.kind == OK_SLOT; }

static bool in_gpr(const MachRegs *c, Oper o) { return o.kind == OK_TEMP && c->reg[o.temp] >= 0; }

/* A store writes %edx only to hold its value. */
static bool store_keeps_edx(const MachRegs *c, IrInst *in) {
  Oper v = in->a;
  if (in->mem == M_F32 || in->mem == M_F64)
    return true;
  if (in->mem == M_I64)
    return v.kind == OK_IMM;
  if (v.kind == OK_IMM || (v.kind == OK_SYM && in->mem == M_I32))
    return true;
  return in_gpr(c, v) && (in->mem > M_U8 || c->reg[v.temp] <= R_EBX);
}

bool i386_edx_keeps(const MachRegs *c, IrInst *in) {
  switch (in->op) {
  case IR_NOP: case IR_JMP: case IR_CHECK_STACK: case IR_CHECK_NULL: case IR_CHECK_STORE: case IR_LEA:
  case IR_EXT:
    return true;
  case IR_LOAD:
    return in->mem != M_I64;
  case IR_STORE:
    return store_keeps_edx(c, in);
  case IR_COPY: case IR_NEG: case IR_NOT: case IR_SHL: case IR_SHR: case IR_SAR:
    return in->k != IK_I64;
  case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
    return in->k == IK_F32 || in->k == IK_F64 || (in->k == IK_I32 && !slot_operand(in));
  case IR_DIV: case IR_UDIV: case IR_MOD: case IR_UMOD:
    return in->k == IK_F32 || in->k == IK_F64;
  case IR_SET:
    return in->k2 == IK_I32 && !slot_operand(in);
  case IR_BR:
    return (in->k2 == IK_I32 && !slot_operand(in)) || in->k2 == IK_F32 || in->k2 == IK_F64;
  case IR_CVT:
    return in->k != IK_I64;
  case IR_RET:
    return in->k != IK_I64;
  case IR_CHECK_BOUNDS:
    /* the index goes to %edx only when both it and the length's base
     * need a register */
    return in->k != IK_I64 &&
           !(in->lenmem && in->a.kind == OK_TEMP && !in_gpr(c, in->a) && in->addr.base.kind == OK_TEMP &&
             !in_gpr(c, in->addr.base));
  case IR_CHECK_DIV:
    return true;
  case IR_CHECK_CAST:
    return in_gpr(c, in->a);
  default:
    return false;
  }
}

bool i386_edx_reads(const MachRegs *c, IrInst *in, int t) {
  bool at = in->a.kind == OK_TEMP && in->a.temp == t, bt = in->b.kind == OK_TEMP && in->b.temp == t;
  bool addr = (in->addr.base.kind == OK_TEMP && in->addr.base.temp == t) || in->addr.index == t;
  switch (in->op) {
  case IR_SHL: case IR_SHR: case IR_SAR:
    /* a long long's count is read after the value went to %edx:%eax */
    return in->k != IK_I64;
  case IR_COPY: case IR_NEG: case IR_NOT: case IR_EXT:
  case IR_CHECK_NULL: case IR_CHECK_CAST: case IR_CHECK_STORE: case IR_RET:
    return true;
  case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR: case IR_SET: case IR_BR:
    return !slot_operand(in);
  case IR_DIV: case IR_UDIV: case IR_MOD: case IR_UMOD:
    return in->k == IK_I32 && !bt;        /* the divisor is read after cltd */
  case IR_CVT:
    return in->k2 == IK_I32;
  case IR_LEA:
    return true;
  case IR_LOAD:
    return in->mem != M_I64;
  case IR_STORE:
    return !addr || store_keeps_edx(c, in) || (at && in->mem != M_I64);
  case IR_CALL:
    for (int i = 0; i < in->nargs; i++)
      if (in->args[i].size)
        return false;                   /* a struct argument's address goes through %edx */
    return true;
  case IR_CHECK_BOUNDS:
    return in->k != IK_I64;
  case IR_CHECK_DIV:
    return in->k == IK_I32;
  default:
    return false;
  }
}

bool i386_edx_defines(const MachRegs *c, IrInst *in) {
  (void)c;
  switch (in->op) {
  case IR_COPY: case IR_NEG: case IR_NOT: case IR_EXT: case IR_SHL: case IR_SHR: case IR_SAR:
  case IR_DIV: case IR_UDIV: case IR_MOD: case IR_UMOD: case IR_SET: case IR_LEA: case IR_CALL:
    return in->k == IK_I32;
  case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
    return in->k == IK_I32 && !slot_operand(in);
  case IR_CVT:
    return in->k == IK_I32;
  case IR_LOAD:
    return in->mem != M_I64 && in->mem != M_F32 && in->mem != M_F64;
  default:
    return false;
  }
}

/* ---- operands ---------------------------------------------------------- */

static int reg_of(Oper o) { return o.kind == OK_TEMP ? cx->reg[o.temp] : -1; }

/* The register that reaches offset *OFF from the frame's base (abi.c),
 * *OFF made its displacement: %ebp, or frameless the body's %esp. */
static int frame_reg(long long *off) {
  if (!cx->frameless)
    return R_EBP;
  *off += cx->esp_delta;
  return R_ESP;
}

/* The frame word at offset OFF from the frame's base. */
static MirOp frame_at(long long off) {
  int r = frame_reg(&off);
  return MEM(r, off);
}

static MirOp spill_mem(int t, int add) { return frame_at(cx->spill[t] + add); }

static MirOp slot_mem(int slot, long long off) { return frame_at(fn->slots[slot].offset + off); }

/* Operand O (valid at a cold stub's jump) after the stub pushed PUSHED
 * more bytes: an %esp-relative frame word moved by as much. */
static MirOp stub_operand(MirOp o, int pushed) {
  if (o.kind == MO_MEM && o.reg == R_ESP)
    o.disp += pushed;
  return o;
}

/* A displacement as the 32-bit value it is (addresses wrap modulo 2^32):
 * a constant index far out of range, whose check traps before the access,
 * must still give an operand `as` accepts. */
static int disp32(long long v) { return (int)(unsigned)(unsigned long long)v; }

/* A 32-bit source operand (register, memory or immediate), or MO_NONE for
 * a frame address (which needs a lea). */
static MirOp src32(Oper o) {
  switch (o.kind) {
  case OK_TEMP:
    return cx->reg[o.temp] >= 0 ? R(cx->reg[o.temp]) : spill_mem(o.temp, 0);
  case OK_IMM:
    return IMM((int)o.imm);
  case OK_SYM:
    return mir_imm_sym(o.sym, disp32(o.imm));
  default:
    return NONE;
  }
}

static bool in_memory(Oper o) { return o.kind == OK_TEMP && cx->reg[o.temp] < 0; }

static void load32(Oper o, int r) {
  if (reg_of(o) == r)
    return;
  if (in_memory(o)) {
    int c = cached(o.temp, true);
    if (c == r)
      return;
    E2(I_MOVL, c >= 0 ? R(c) : spill_mem(o.temp, 0), R(r));
    remember(r, o.temp);
    return;
  }
  if (o.kind == OK_SLOT)
    E2(I_LEAL, slot_mem(o.slot, o.imm), R(r));
  else if (o.kind == OK_IMM && o.imm == 0)
    E2(I_XORL, R(r), R(r));
  else
    E2(I_MOVL, src32(o), R(r));
}

/* The register holding O, loading it into SCRATCH if need be. */
static int in_reg(Oper o, int scratch) {
  int r = reg_of(o);
  if (r >= 0)
    return r;
  load32(o, scratch);
  return scratch;
}

static MirOp dst32(int t) { return cx->reg[t] >= 0 ? R(cx->reg[t]) : spill_mem(t, 0); }

static void set_dst32(int t, int r) {
  if (cx->reg[t] == r)
    return;
  E2(I_MOVL, R(r), dst32(t));
  if (cx->reg[t] < 0 && (r == R_EAX || r == R_EDX)) {
    for (int x = R_EAX; x <= R_EDX; x += R_EDX - R_EAX)
      if (known[x] == t)
        known[x] = -1;
    known[r] = t;
    known_def[r] = true;
  }
}

/* A source operand that is register, memory or immediate; a frame
 * address goes through SCRATCH first. */
static MirOp src32_or(Oper o, int scratch) {
  MirOp s = src32(o);
  if (s.kind != MO_NONE)
    return s;
  load32(o, scratch);
  return R(scratch);
}

/* Whether long long operand O is a temp in a register pair (regalloc:
 * never one of its instruction's other operands' or result's registers,
 * nor one its expansion destroys). */
static bool in_pair(Oper o) { return o.kind == OK_TEMP && cx->reg_hi[o.temp] >= 0; }

/* A long long operand's low and high words: immediates, a pair's
 * registers or its spill slot's words. */
static MirOp lo64(Oper o) {
  if (o.kind == OK_IMM)
    return IMM((unsigned)o.imm);
  if (in_pair(o))
    return R(cx->reg[o.temp]);
  return spill_mem(o.temp, 0);
}
static MirOp hi64(Oper o) {
  if (o.kind == OK_IMM)
    return IMM((unsigned)((unsigned long long)o.imm >> 32));
  if (in_pair(o))
    return R(cx->reg_hi[o.temp]);
  return spill_mem(o.temp, 4);
}

static bool is_single(IrKind k) { return k == IK_F32; }

/* The %xmm register (0-7) of floating temp operand O, or -1. */
static int freg(Oper o) {
  return o.kind == OK_TEMP && cx->reg[o.temp] >= R_XMM0 ? cx->reg[o.temp] - R_XMM0 : -1;
}

/* A floating constant of the pool. */
static MirOp fconst(double d, bool single) { return mir_mem_sym(i386_fconst(d, single), 0, -1, -1, 1); }

/* A floating operand: its %xmm register, its spill slot or the constant pool. */
static MirOp fmem(Oper o, IrKind k) {
  if (o.kind == OK_FIMM)
    return fconst(o.fimm, is_single(k));
  if (freg(o) >= 0)
    return X(freg(o));
  if (o.kind == OK_TEMP)
    return spill_mem(o.temp, 0);
  die("bad floating operand");
}

/* The opcode of a scalar SSE operation on K: SS_OP is the single's, and
 * the double's follows it in the table (insns.def). */
static int fop(int ss_op, IrKind k) { return is_single(k) ? ss_op : ss_op + 1; }

/* The %xmm register a result for floating temp T is computed in: its own,
 * else %xmm0 (then fset_dst stores it). */
static int fwork(int t) { return freg(ir_temp(t)) >= 0 ? freg(ir_temp(t)) : 0; }

/* Floating temp T (kind K) from %xmm X, unless X is its register. */
static void fset_dst(int t, IrKind k, int x) {
  int d = freg(ir_temp(t));
  if (d == x)
    return;
  E2(fop(I_MOVSS, k), X(x), d >= 0 ? X(d) : spill_mem(t, 0));
}

/* The x87 st(0) into floating temp T (kind K), popped: through the
 * conversion scratch when T is in a register. */
static void fstp_dst(int t, IrKind k) {
  int fstp = k == IK_F32 ? I_FSTPS : I_FSTPL;
  int d = freg(ir_temp(t));
  if (d < 0) {
    E1(fstp, spill_mem(t, 0));
    return;
  }
  E1(fstp, frame_at(cx->scratch));
  E2(fop(I_MOVSS, k), frame_at(cx->scratch), X(d));
}

/* ---- addresses ----------------------------------------------------------- */

static int log2i(int s) { return s == 8 ? 3 : s == 4 ? 2 : s == 2 ? 1 : 0; }

/* A memory operand for A + EXTRA; may load into %eax only. */
static MirOp amem(IrAddr *a, long long extra) {
  long long off = a->off + extra;
  bool bspill = in_memory(a->base);
  bool ispill = a->index >= 0 && cx->reg[a->index] < 0;
  /* a spilled base or index a scratch register still holds */
  int breg = bspill ? cached(a->base.temp, amem_edx_ok) : -1;
  int ireg = ispill ? cached(a->index, amem_edx_ok) : -1;
  bool both = bspill && ispill && !(breg >= 0 && ireg >= 0) &&
              (breg < 0 ? ireg < 0 || ireg == R_EAX : breg == R_EAX);
  if (bspill && !both) {
    if (breg < 0) {
      E2(I_MOVL, spill_mem(a->base.temp, 0), R(R_EAX));
      remember(R_EAX, a->base.temp);
      breg = R_EAX;
    }
    bspill = false;
  }
  if (ispill && !both) {
    if (ireg < 0) {
      E2(I_MOVL, spill_mem(a->index, 0), R(R_EAX));
      remember(R_EAX, a->index);
      ireg = R_EAX;
    }
    ispill = false;
  }
  if (both) {
    E2(I_MOVL, spill_mem(a->index, 0), R(R_EAX));
    if (a->scale > 1)
      E2(I_SHLL, IMM(log2i(a->scale)), R(R_EAX));
    E2(I_ADDL, spill_mem(a->base.temp, 0), R(R_EAX));
    return MEM(R_EAX, disp32(off));
  }
  int index = a->index >= 0 ? (ireg >= 0 ? ireg : cx->reg[a->index]) : -1;
  switch (a->base.kind) {
  case OK_TEMP:
    return mir_mem(breg >= 0 ? breg : cx->reg[a->base.temp], index, a->scale, disp32(off));
  case OK_SYM:
    return mir_mem_sym(a->base.sym, disp32(a->base.imm + off), -1, index, a->scale);
  case OK_SLOT: {
    long long at = fn->slots[a->base.slot].offset + a->base.imm + off;
    int base = frame_reg(&at);
    return mir_mem(base, index, a->scale, disp32(at));
  }
  case OK_NONE:
    return mir_mem(-1, index, a->scale, disp32(off));
  case OK_IMM:
    /* a constant address: a member or element of the null pointer constant
     * (((int (*)[3]) 0)[1]), reached only after its null check trapped */
    return mir_mem(-1, index, a->scale, disp32(a->base.imm + off));
  default:
    die("bad address base");
  }
}

/* ---- stubs ---------------------------------------------------------------- */

/* A cold stub: pushes b (hi, lo), a (hi, lo) and the site, calls the trap.
 * The pushed operands are valid at the jump (registers unchanged); PRE,
 * if any, runs first. */
static const char *new_stub(IrSite *site, MirOp a_lo, MirOp a_hi, MirOp b_lo, MirOp b_hi, const Mir *pre) {
  char *l = i386_new_label("trap");
  Mir *s = &cx->stubs;
  mir_add_label(s, l);
  if (opt_debug)
    i386_stub_loc(s, site->loc);
  if (pre)
    mir_append(s, pre);
  S2(s, I_SUBL, IMM(12), R(R_ESP));
  S1(s, I_PUSHL, stub_operand(b_hi, 12));
  S1(s, I_PUSHL, stub_operand(b_lo, 16));
  S1(s, I_PUSHL, stub_operand(a_hi, 20));
  S1(s, I_PUSHL, stub_operand(a_lo, 24));
  S1(s, I_PUSHL, IMM_SYM(i386_site_label(site, fn)));
  S1(s, I_CALL, LBL("__cuckoo_trap"));
  typesec_use_internal("__cuckoo_trap");
  return l;
}

static const char *zero_stub(IrSite *site) { return new_stub(site, IMM(0), IMM(0), IMM(0), IMM(0), NULL); }

/* ---- conditions --------------------------------------------------------------- */

/* The jump and the set on condition CC (insns.def keeps both in IrCC's order). */
static int jcc_op(IrCC cc) { return I_JE + (int)cc; }
static int setcc_op(IrCC cc) { return I_SETE + (int)cc; }
static IrCC cc_swap(IrCC cc) {
  static const IrCC s[] = {CC_EQ, CC_NE, CC_GT, CC_GE, CC_LT, CC_LE, CC_UGT, CC_UGE, CC_ULT, CC_ULE};
  return s[cc];
}
static IrCC cc_not(IrCC cc) {
  static const IrCC s[] = {CC_NE, CC_EQ, CC_GE, CC_GT, CC_LE, CC_LT, CC_UGE, CC_UGT, CC_ULE, CC_ULT};
  return s[cc];
}

static char *block_label(int b) { return format(".L%s.b%d", fn->name, b); }

/* cmp for a 32-bit a cc b; returns the condition to test (maybe swapped). */
static IrCC cmp32(Oper a, Oper b, IrCC cc) {
  if (a.kind == OK_DOMAIN) {
    /* the machine's domain test exactly: the checker learns on its equal
     * edge that the activation runs outside every domain (doc/verify.md) */
    i386_emit_seq(out, &ck_i386.domain_test, 0, NULL, NULL);
    return cc;
  }
  if ((is_folded(a) || is_folded(b)) && folded->mem != M_I32) {
    /* a byte or word compared for equality at its width (narrow_cmp_ok) */
    Oper k = is_folded(a) ? b : a;
    bool byte = folded->mem == M_I8 || folded->mem == M_U8;
    E2(byte ? I_CMPB : I_CMPW, IMM((unsigned)k.imm & (byte ? 0xffu : 0xffffu)), amem(&folded->addr, 0));
    return cc;
  }
  if (is_folded(a) || is_folded(b)) {
    /* the memory operand where the loaded value was: cmpl -4(%ebx), %esi
     * for "i < len"; a constant is compared with memory (then swapped) */
    if (is_folded(a) && b.kind != OK_IMM) {
      E2(I_CMPL, src32(b), amem(&folded->addr, 0));
      return cc;
    }
    if (is_folded(b) && a.kind != OK_IMM) {
      E2(I_CMPL, amem(&folded->addr, 0), src32(a));
      return cc;
    }
    if (is_folded(b))
      cc = cc_swap(cc);
    E2(I_CMPL, src32(is_folded(a) ? b : a), amem(&folded->addr, 0));
    return cc;
  }
  if (a.kind != OK_TEMP && b.kind == OK_TEMP) {
    Oper t = a;
    a = b;
    b = t;
    cc = cc_swap(cc);
  }
  if (a.kind != OK_TEMP) {
    load32(a, R_EAX);
    a = (Oper){.kind = OK_TEMP, .temp = -1};
    MirOp bs = src32_or(b, R_EDX);
    E2(I_CMPL, bs, R(R_EAX));
    return cc;
  }
  MirOp as = src32(a);
  if (b.kind == OK_IMM && b.imm == 0 && !in_memory(a) && (cc == CC_EQ || cc == CC_NE)) {
    E2(I_TESTL, as, as);
    return cc;
  }
  if (in_memory(a) && (in_memory(b) || b.kind == OK_SLOT)) {
    load32(a, R_EAX);
    as = R(R_EAX);
  }
  E2(I_CMPL, src32_or(b, R_EDX), as);
  return cc;
}

/* Floating compare: emits ucomis and returns the unsigned condition on
 * which "a cc b" holds for ordered operands (callers handle parity). */
static IrCC cmpf(Oper a, Oper b, IrCC cc, IrKind k) {
  if (cc == CC_LT || cc == CC_LE) {
    Oper t = a;
    a = b;
    b = t;
    cc = cc == CC_LT ? CC_GT : CC_GE;
  }
  int x = freg(a);
  if (x < 0) {
    E2(fop(I_MOVSS, k), fmem(a, k), X(0));
    x = 0;
  }
  E2(fop(I_UCOMISS, k), fmem(b, k), X(x));
  switch (cc) {
  case CC_GT: return CC_UGT;
  case CC_GE: return CC_UGE;
  default: return cc;
  }
}

/* Branch on a cc b to T (else F); NEXT is the block laid out next. */
static void branch(IrInst *in, int next) {
  IrCC cc = in->cc;
  int t = in->t1, f = in->t2;
  if (in->k2 == IK_I32) {
    cc = cmp32(in->a, in->b, cc);
  } else if (in->k2 == IK_I64) {
    Oper a = in->a, b = in->b;
    if (a.kind == OK_IMM) {
      Oper x = a;
      a = b;
      b = x;
      cc = cc_swap(cc);
    }
    if (a.kind == OK_IMM) { /* both constant: opt folds these; be safe */
      load32(ir_imm(0), R_EAX);
    }
    if (cc == CC_EQ || cc == CC_NE) {
      load64(a);
      E2(I_XORL, lo64(b), R(R_EAX));
      E2(I_XORL, hi64(b), R(R_EDX));
      E2(I_ORL, R(R_EDX), R(R_EAX));
    } else {
      bool u = cc >= CC_ULT;
      IrCC strict = cc == CC_LT || cc == CC_LE ? CC_LT : cc == CC_GT || cc == CC_GE ? CC_GT
                  : cc == CC_ULT || cc == CC_ULE ? CC_ULT : CC_UGT;
      IrCC lo = cc == CC_LT || cc == CC_ULT ? CC_ULT : cc == CC_LE || cc == CC_ULE ? CC_ULE
              : cc == CC_GT || cc == CC_UGT ? CC_UGT : CC_UGE;
      (void)u;
      cmp64_word(hi64(a), hi64(b));
      E1(jcc_op(strict), LBL(block_label(t)));
      E1(jcc_op(cc_swap(strict)), LBL(block_label(f)));
      cmp64_word(lo64(a), lo64(b));
      cc = lo;
    }
  } else {
    IrKind k = in->k2;
    IrCC c = cmpf(in->a, in->b, cc, k);
    if (cc == CC_EQ) {
      E1(I_JP, LBL(block_label(f)));
      E1(I_JE, LBL(block_label(t)));
      if (f != next)
        E1(I_JMP, LBL(block_label(f)));
      return;
    }
    if (cc == CC_NE) {
      E1(I_JP, LBL(block_label(t)));
      E1(I_JNE, LBL(block_label(t)));
      if (f != next)
        E1(I_JMP, LBL(block_label(f)));
      return;
    }
    cc = c;
  }
  if (t == next) {
    E1(jcc_op(cc_not(cc)), LBL(block_label(f)));
  } else {
    E1(jcc_op(cc), LBL(block_label(t)));
    if (f != next)
      E1(I_JMP, LBL(block_label(f)));
  }
}

/* dst = (a cc b) as 0/1 */
static void set_value(IrInst *in) {
  IrCC cc = in->cc;
  if (in->k2 == IK_I32) {
    cc = cmp32(in->a, in->b, cc);
    E1(setcc_op(cc), RB(R_EAX));
  } else if (in->k2 == IK_I64) {
    char *t = i386_new_label("set"), *f = i386_new_label("set"), *e = i386_new_label("set");
    Oper a = in->a, b = in->b;
    if (a.kind == OK_IMM) {
      Oper x = a;
      a = b;
      b = x;
      cc = cc_swap(cc);
    }
    if (cc == CC_EQ || cc == CC_NE) {
      load64(a);
      E2(I_XORL, lo64(b), R(R_EAX));
      E2(I_XORL, hi64(b), R(R_EDX));
      E2(I_ORL, R(R_EDX), R(R_EAX));
      E1(setcc_op(cc), RB(R_EAX));
    } else {
      IrCC strict = cc == CC_LT || cc == CC_LE ? CC_LT : cc == CC_GT || cc == CC_GE ? CC_GT
                  : cc == CC_ULT || cc == CC_ULE ? CC_ULT : CC_UGT;
      IrCC lo = cc == CC_LT || cc == CC_ULT ? CC_ULT : cc == CC_LE || cc == CC_ULE ? CC_ULE
              : cc == CC_GT || cc == CC_UGT ? CC_UGT : CC_UGE;
      cmp64_word(hi64(a), hi64(b));
      E1(jcc_op(strict), LBL(t));
      E1(jcc_op(cc_swap(strict)), LBL(f));
      cmp64_word(lo64(a), lo64(b));
      E1(jcc_op(lo), LBL(t));
      mir_add_label(out, f);
      E2(I_XORL, R(R_EAX), R(R_EAX));
      E1(I_JMP, LBL(e));
      mir_add_label(out, t);
      E2(I_MOVL, IMM(1), R(R_EAX));
      mir_add_label(out, e);
      set_dst32(in->dst, R_EAX);
      return;
    }
  } else {
    IrCC c = cmpf(in->a, in->b, cc, in->k2);
    if (cc == CC_EQ) {
      E1(I_SETE, RB(R_EAX));
      E1(I_SETNP, RB(R_EDX));
      E2(I_ANDB, RB(R_EDX), RB(R_EAX));
    } else if (cc == CC_NE) {
      E1(I_SETNE, RB(R_EAX));
      E1(I_SETP, RB(R_EDX));
      E2(I_ORB, RB(R_EDX), RB(R_EAX));
    } else {
      E1(setcc_op(c), RB(R_EAX));
    }
  }
  if (in->k2 == IK_I32 && set_in_al == in->dst)
    return;                       /* the cvt after it reads %al */
  int r = cx->reg[in->dst];
  E2(I_MOVZBL, RB(R_EAX), r >= 0 ? R(r) : R(R_EAX));
  if (r < 0)
    set_dst32(in->dst, R_EAX);
}

/* ---- block copies -------------------------------------------------------------- */

/* The address held by O as a base: a register (%edx/%ecx loaded if
 * need be) or a constant address (sym / frame slot); base_at gives the
 * operand for byte offset K. */
typedef struct {
  int reg;                        /* >= 0: address in this register */
  const char *sym;                /* else symbolic base */
  long long off;
  bool frame;                     /* a frame offset (frame_at) */
} Base;

static Base base_of(Oper o, int scratch) {
  Base b = {.reg = -1};
  if (o.kind == OK_SYM) {
    b.sym = o.sym;
    b.off = o.imm;
  } else if (o.kind == OK_SLOT) {
    b.frame = true;
    b.off = fn->slots[o.slot].offset + o.imm;
  } else {
    b.reg = in_reg(o, scratch);
  }
  return b;
}

static MirOp base_at(Base *b, long long k) {
  if (b->reg >= 0)
    return MEM(b->reg, k);
  if (b->frame)
    return frame_at(b->off + k);
  return mir_mem_sym(b->sym, disp32(b->off + k), -1, -1, 1);
}

static void lea_base(Base *b, int reg) {
  if (b->reg >= 0)
    E2(I_MOVL, R(b->reg), R(reg));
  else
    E2(I_LEAL, base_at(b, 0), R(reg));
}

/* Copies N bytes; DST/SRC bases must not use %eax.  Large copies use rep
 * movs with %esi/%edi saved around them (%ecx is clobbered). */
static void copy_bytes(Base dst, Base src, long long n, bool dst_esp) {
  if (n <= 64) {
    long long k = 0;
    for (; k + 4 <= n; k += 4) {
      E2(I_MOVL, base_at(&src, k), R(R_EAX));
      E2(I_MOVL, R(R_EAX), base_at(&dst, k));
    }
    for (; k + 2 <= n; k += 2) {
      E2(I_MOVW, base_at(&src, k), RW(R_EAX));
      E2(I_MOVW, RW(R_EAX), base_at(&dst, k));
    }
    for (; k < n; k++) {
      E2(I_MOVB, base_at(&src, k), RB(R_EAX));
      E2(I_MOVB, RB(R_EAX), base_at(&dst, k));
    }
    return;
  }
  lea_base(&src, R_EAX);
  if (dst_esp)
    E2(I_LEAL, MEM(R_ESP, dst.off), R(R_EDX));
  else
    lea_base(&dst, R_EDX);
  /* %ecx may hold an operand of the instruction still to be read */
  E1(I_PUSHL, R(R_ECX));
  E1(I_PUSHL, R(R_ESI));
  E1(I_PUSHL, R(R_EDI));
  E2(I_MOVL, R(R_EAX), R(R_ESI));
  E2(I_MOVL, R(R_EDX), R(R_EDI));
  E2(I_MOVL, IMM(n / 4), R(R_ECX));
  E0(I_REP_MOVSL);
  if (n % 4) {
    E2(I_MOVL, IMM(n % 4), R(R_ECX));
    E0(I_REP_MOVSB);
  }
  E1(I_POPL, R(R_EDI));
  E1(I_POPL, R(R_ESI));
  E1(I_POPL, R(R_ECX));
}

static void zero_bytes(Base dst, long long n) {
  if (n <= 64) {
    long long k = 0;
    for (; k + 4 <= n; k += 4)
      E2(I_MOVL, IMM(0), base_at(&dst, k));
    for (; k < n; k++)
      E2(I_MOVB, IMM(0), base_at(&dst, k));
    return;
  }
  lea_base(&dst, R_EDX);
  E1(I_PUSHL, R(R_ECX));
  E1(I_PUSHL, R(R_EDI));
  E2(I_MOVL, R(R_EDX), R(R_EDI));
  E2(I_XORL, R(R_EAX), R(R_EAX));
  E2(I_MOVL, IMM(n / 4), R(R_ECX));
  E0(I_REP_STOSL);
  if (n % 4) {
    E2(I_MOVL, IMM(n % 4), R(R_ECX));
    E0(I_REP_STOSB);
  }
  E1(I_POPL, R(R_EDI));
  E1(I_POPL, R(R_ECX));
}

/* ---- integer operations ---------------------------------------------------------- */

static int alu_op(IrOp op) {
  switch (op) {
  case IR_ADD: return I_ADDL;
  case IR_SUB: return I_SUBL;
  case IR_AND: return I_ANDL;
  case IR_OR: return I_ORL;
  case IR_XOR: return I_XORL;
  case IR_MUL: return I_IMULL;
  default: die("not an alu op");
  }
}

static bool commutative(IrOp op) {
  return op == IR_ADD || op == IR_AND || op == IR_OR || op == IR_XOR || op == IR_MUL;
}

static void alu32(IrInst *in) {
  Oper a = in->a, b = in->b;
  int d = cx->reg[in->dst];
  if (is_folded(a) || is_folded(b)) {
    /* fold_ok: d is a register the address does not use */
    if (is_folded(a)) {
      Oper t = a;
      a = b;
      b = t;
    }
    load32(a, d);
    E2(alu_op(in->op), amem(&folded->addr, 0), R(d));
    return;
  }
  /* a constant second, where the forms below take it (`8 * i` as
   * `imull $8, %i, %d`, not `movl $8, %d; imull %i, %d`) */
  if (commutative(in->op) && a.kind == OK_IMM && b.kind == OK_TEMP) {
    Oper t = a;
    a = b;
    b = t;
  }
  /* a result register that holds b would be clobbered by "mov a, d" */
  if (d >= 0 && reg_of(b) == d && reg_of(a) != d) {
    if (commutative(in->op)) {
      Oper t = a;
      a = b;
      b = t;
    } else {
      d = -1;
    }
  }
  if (cx->reg[in->dst] < 0 && in->op != IR_MUL && a.kind == OK_TEMP && a.temp == in->dst &&
      (b.kind == OK_IMM || (reg_of(b) >= 0 && b.temp != in->dst))) {
    /* a spilled value updated in place: incl -20(%ebp) */
    MirOp m = spill_mem(in->dst, 0);
    if (b.kind == OK_IMM && b.imm == 1 && (in->op == IR_ADD || in->op == IR_SUB))
      E1(in->op == IR_ADD ? I_INCL : I_DECL, m);
    else
      E2(alu_op(in->op), src32(b), m);
    return;
  }
  if ((in->op == IR_ADD || in->op == IR_SUB) && b.kind == OK_IMM && d >= 0 && reg_of(a) >= 0 &&
      reg_of(a) != d) {
    /* into another register: one lea (an int plus a constant; Cuckoo has
     * no pointer arithmetic, and a first-member view adds a register) */
    long long k = in->op == IR_ADD ? b.imm : -b.imm;
    E2(I_LEAL, MEM(reg_of(a), disp32(k)), R(d));
    return;
  }
  int w = d >= 0 ? d : R_EAX;
  if (in->op == IR_MUL && b.kind == OK_IMM) {
    /* imul's three-operand form reads a register where it is (the checker
     * follows an index scaled this way from a register only) */
    int ra = reg_of(a);
    if (ra < 0 && in_memory(a))
      ra = cached(a.temp, true);
    if (ra >= 0) {
      E3(I_IMULL, IMM((int)b.imm), R(ra), R(w));
      set_dst32(in->dst, w);
      return;
    }
  }
  load32(a, w);
  MirOp bs = src32(b);
  if (bs.kind == MO_NONE) {
    load32(b, R_EDX);
    bs = R(R_EDX);
  }
  if (in->op == IR_MUL && b.kind == OK_IMM)
    E3(I_IMULL, bs, R(w), R(w));
  else if (in->op == IR_ADD && b.kind == OK_IMM && b.imm == 1)
    E1(I_INCL, R(w));
  else if (in->op == IR_SUB && b.kind == OK_IMM && b.imm == 1)
    E1(I_DECL, R(w));
  else
    E2(alu_op(in->op), bs, R(w));
  set_dst32(in->dst, w);
}

/* A reciprocal of the divisor C (at least 3, not a power of two) for
 * dividends up to NMAX: M below 2^32 and the least SH with x / C ==
 * (x * M) >> (32 + SH) for every x in [0, NMAX].  M = ceil(2^(32+SH) /
 * C) exceeds 2^(32+SH) / C by E / C with E = M * C - 2^(32+SH), so x * M
 * / 2^(32+SH) exceeds x / C by x * E / (C * 2^(32+SH)), below 1 / C when
 * x * E < 2^(32+SH), for every x when NMAX * E < 2^(32+SH) (Granlund and
 * Montgomery, "Division by invariant integers using multiplication",
 * 1994).  False when no such M fits in 32 bits. */
static bool reciprocal(uint32_t c, unsigned __int128 nmax, uint32_t *m, int *sh) {
  if (c < 3 || (c & (c - 1)) == 0)
    return false;
  for (int s = 0; s < 32; s++) {
    unsigned __int128 p = (unsigned __int128)1 << (32 + s);
    unsigned __int128 mm = (p + c - 1) / c;          /* ceil(2^(32+s) / c) */
    if (mm >> 32)
      return false;
    if ((mm * c - p) * nmax < p) {
      *m = (uint32_t)mm;
      *sh = s;
      return true;
    }
  }
  return false;
}

/* Unsigned: every x below 2^32 (7 has no such M: divl then). */
static bool udiv_magic(uint32_t c, uint32_t *m, int *sh) { return reciprocal(c, 0xffffffffu, m, sh); }

/* Signed, |C| of a power of two excluded: trunc(x / |C|) ==
 * ((x * M) >> (32 + SH)) + (x < 0) for every 32-bit x.  With |x| <=
 * 2^31 the floor of x * M / 2^(32+SH) is x's quotient for x >= 0 and one
 * below it for x < 0 (|C| divides no 2^k, so E > 0); SH = ceil(log2 |C|)
 * - 1 always qualifies, so every such divisor has one. */
static bool sdiv_magic(int32_t c, uint32_t *m, int *sh) {
  return reciprocal(c < 0 ? -(uint32_t)c : (uint32_t)c, (unsigned __int128)1 << 31, m, sh);
}

static void div32(IrInst *in) {
  bool u = in->op == IR_UDIV || in->op == IR_UMOD;
  bool mod = in->op == IR_MOD || in->op == IR_UMOD;
  Oper b = in->b;
  int k = div_pow2(in);
  if (!u && b.kind == OK_IMM && (int32_t)b.imm == -1) {
    /* x / -1 = -x, x % -1 = 0 (INT_MIN / -1 traps at its check before) */
    if (mod) {
      E2(I_XORL, R(R_EAX), R(R_EAX));
    } else {
      load32(in->a, R_EAX);
      E1(I_NEGL, R(R_EAX));
    }
    set_dst32(in->dst, R_EAX);
    return;
  }
  if (k > 0 && u) {
    /* x / 2^k and x % 2^k unsigned: a shift, a mask */
    int d = cx->reg[in->dst];
    int w = d >= 0 ? d : R_EAX;
    load32(in->a, w);
    if (mod)
      E2(I_ANDL, IMM((1u << k) - 1), R(w));
    else
      E2(I_SHRL, IMM(k), R(w));
    set_dst32(in->dst, w);
    return;
  }
  if (k > 0) {
    /* signed: C rounds toward zero, so a negative x gets 2^k - 1 added
     * before the arithmetic shift (%edx: 0 or 2^k - 1 from its sign);
     * the remainder is x's low bits taken the same way, the bias
     * subtracted again */
    load32(in->a, R_EAX);
    E0(I_CLTD);
    E2(I_SHRL, IMM(32 - k), R(R_EDX));
    E2(I_ADDL, R(R_EDX), R(R_EAX));
    if (mod) {
      /* x % -2^k = x % 2^k: the remainder takes the dividend's sign */
      E2(I_ANDL, IMM((1u << k) - 1), R(R_EAX));
      E2(I_SUBL, R(R_EDX), R(R_EAX));
    } else {
      E2(I_SARL, IMM(k), R(R_EAX));
      if ((int32_t)b.imm < 0)
        E1(I_NEGL, R(R_EAX));
    }
    set_dst32(in->dst, R_EAX);
    return;
  }
  uint32_t m;
  int sh;
  if (u && b.kind == OK_IMM && udiv_magic((uint32_t)b.imm, &m, &sh)) {
    /* x / c = (x * m) >> (32 + sh): a multiply where divl takes tens of
     * cycles; x stays in %ecx (which a constant divisor's divl would use)
     * for the remainder x - q * c */
    load32(in->a, R_ECX);
    E2(I_MOVL, IMM(m), R(R_EAX));
    E1(I_MULL, R(R_ECX));
    if (sh)
      E2(I_SHRL, IMM(sh), R(R_EDX));
    if (mod) {
      E3(I_IMULL, IMM((uint32_t)b.imm), R(R_EDX), R(R_EDX));
      E2(I_MOVL, R(R_ECX), R(R_EAX));
      E2(I_SUBL, R(R_EDX), R(R_EAX));
    }
    set_dst32(in->dst, mod ? R_EAX : R_EDX);
    return;
  }
  if (!u && b.kind == OK_IMM && sdiv_magic((int32_t)b.imm, &m, &sh)) {
    /* x / c rounded toward zero: the high word of x * m (imull reads m
     * as signed: m >= 2^31 needs x added back), shifted, plus 1 for a
     * negative x, negated for a negative c; x stays in %ecx for the
     * remainder x - q * c */
    int32_t c = (int32_t)b.imm;
    load32(in->a, R_ECX);
    E2(I_MOVL, IMM(m), R(R_EAX));
    E1(I_IMULL, R(R_ECX));
    if (m >> 31)
      E2(I_ADDL, R(R_ECX), R(R_EDX));
    if (sh)
      E2(I_SARL, IMM(sh), R(R_EDX));
    E2(I_MOVL, R(R_ECX), R(R_EAX));
    E2(I_SHRL, IMM(31), R(R_EAX));
    E2(I_ADDL, R(R_EAX), R(R_EDX));
    if (c < 0)
      E1(I_NEGL, R(R_EDX));
    if (mod) {
      E3(I_IMULL, IMM(c), R(R_EDX), R(R_EDX));
      E2(I_MOVL, R(R_ECX), R(R_EAX));
      E2(I_SUBL, R(R_EDX), R(R_EAX));
    }
    set_dst32(in->dst, mod ? R_EAX : R_EDX);
    return;
  }
  /* the dividend first: it may sit in %ecx, which a constant divisor uses */
  load32(in->a, R_EAX);
  /* the divisor: its register (never %eax/%edx) or spill slot, else %ecx */
  MirOp bs = b.kind == OK_TEMP ? src32(b) : NONE;
  if (bs.kind == MO_NONE) {
    load32(b, R_ECX);
    bs = R(R_ECX);
  }
  if (u) {
    E2(I_XORL, R(R_EDX), R(R_EDX));
    E1(I_DIVL, bs);
  } else {
    E0(I_CLTD);
    E1(I_IDIVL, bs);
  }
  set_dst32(in->dst, mod ? R_EDX : R_EAX);
}

static void shift32(IrInst *in) {
  int name = in->op == IR_SHL ? I_SHLL : in->op == IR_SHR ? I_SHRL : I_SARL;
  if (in->b.kind == OK_IMM) {
    int d = cx->reg[in->dst];
    int w = d >= 0 ? d : R_EAX;
    load32(in->a, w);
    E2(name, IMM((int)(in->b.imm & 31)), R(w));
    set_dst32(in->dst, w);
    return;
  }
  load32(in->a, R_EAX);
  load32(in->b, R_ECX);
  E2(name, RB(R_ECX), R(R_EAX));
  set_dst32(in->dst, R_EAX);
}

static void unary32(IrInst *in) {
  int d = cx->reg[in->dst];
  int w = d >= 0 ? d : R_EAX;
  load32(in->a, w);
  E1(in->op == IR_NEG ? I_NEGL : I_NOTL, R(w));
  set_dst32(in->dst, w);
}

static void ext32(IrInst *in) {
  static const int op[] = {I_MOVSBL, I_MOVZBL, I_MOVSWL, I_MOVZWL};
  int d = cx->reg[in->dst];
  int w = d >= 0 ? d : R_EAX;
  Oper a = in->a;
  bool byte = in->mem == M_I8 || in->mem == M_U8;
  MirOp src;
  if (in_memory(a)) {
    src = spill_mem(a.temp, 0);
  } else {
    int r = reg_of(a);
    if (r < 0 || (byte && !has_byte_reg(r))) {
      load32(a, R_EAX);
      r = R_EAX;
    }
    src = mir_reg(r, byte ? 1 : 2);
  }
  E2(op[in->mem], src, R(w));
  set_dst32(in->dst, w);
}

/* ---- long long ------------------------------------------------------------------ */

/* The keys of known[] for the two halves of a long long temp. */
#define KEY_LO(t) ((t) + (1 << 28))
#define KEY_HI(t) ((t) + (2 << 28))

/* Compares word A of a long long with word B (flags as of A - B): in
 * place when A is a pair's register. */
static void cmp64_word(MirOp a, MirOp b) {
  if (a.kind == MO_REG) {
    E2(I_CMPL, b, a);
    return;
  }
  E2(I_MOVL, a, R(R_EAX));
  E2(I_CMPL, b, R(R_EAX));
}

static void to64(int t) {
  if (t != unstored) {
    E2(I_MOVL, R(R_EAX), lo64(ir_temp(t)));
    E2(I_MOVL, R(R_EDX), hi64(ir_temp(t)));
  }
  known[R_EAX] = KEY_LO(t);
  known[R_EDX] = KEY_HI(t);
  known_def[R_EAX] = known_def[R_EDX] = true;
}

/* A long long operand into %edx:%eax, unless they hold it already. */
static void load64(Oper a) {
  if (a.kind == OK_TEMP && known[R_EAX] == KEY_LO(a.temp) && known[R_EDX] == KEY_HI(a.temp))
    return;
  E2(I_MOVL, lo64(a), R(R_EAX));
  E2(I_MOVL, hi64(a), R(R_EDX));
  if (a.kind == OK_TEMP) {
    known[R_EAX] = KEY_LO(a.temp);
    known[R_EDX] = KEY_HI(a.temp);
  }
}

static bool held64(Oper o) {
  return o.kind == OK_TEMP && known[R_EAX] == KEY_LO(o.temp) && known[R_EDX] == KEY_HI(o.temp);
}

/* The operations on a long long done word by word, low word first (the
 * carry or borrow to the high word); the instructions for each word. */
static bool wordwise64(IrOp op) {
  return op == IR_ADD || op == IR_SUB || op == IR_AND || op == IR_OR || op == IR_XOR;
}
static const int lo_op[] = {[IR_ADD] = I_ADDL, [IR_SUB] = I_SUBL, [IR_AND] = I_ANDL, [IR_OR] = I_ORL,
                            [IR_XOR] = I_XORL};
static const int hi_op[] = {[IR_ADD] = I_ADCL, [IR_SUB] = I_SBBL, [IR_AND] = I_ANDL, [IR_OR] = I_ORL,
                            [IR_XOR] = I_XORL};

/* -O1 and up: `t = t OP b` (or `b OP t`, OP commutative) on a long long
 * kept in memory is done there -- `addl %eax, lo(t); adcl %edx, hi(t)`,
 * with b in %edx:%eax or an immediate -- rather than loading t, operating
 * and storing it back: an accumulator in a loop costs two instructions
 * rather than six.  False when the form does not apply. */
static bool alu64_in_place(IrInst *in) {
  if (opt_level == 0 || in->dst < 0 || in->dst == unstored || !wordwise64(in->op))
    return false;
  Oper t = ir_temp(in->dst), other;
  if (held64(t) && !in_pair(t))
    return false;                 /* %edx:%eax has t: the usual form is as short */
  if (in->a.kind == OK_TEMP && in->a.temp == in->dst && !(in->b.kind == OK_TEMP && in->b.temp == in->dst))
    other = in->b;
  else if (in->op != IR_SUB && in->b.kind == OK_TEMP && in->b.temp == in->dst && in->a.kind != OK_TEMP)
    other = in->a;
  else if (in->op != IR_SUB && in->b.kind == OK_TEMP && in->b.temp == in->dst && in->a.temp != in->dst)
    other = in->a;
  else
    return false;
  if (other.kind != OK_TEMP && other.kind != OK_IMM)
    return false;
  if ((other.kind == OK_IMM || in_pair(t) || in_pair(other)) && !held64(other)) {
    /* one of them a register (or an immediate): no load (but a value
     * handed over in %edx:%eax is nowhere else: takes_held64) */
    E2(lo_op[in->op], lo64(other), lo64(t));
    E2(hi_op[in->op], hi64(other), hi64(t));
  } else {
    load64(other);
    E2(lo_op[in->op], R(R_EAX), lo64(t));
    E2(hi_op[in->op], R(R_EDX), hi64(t));
  }
  return true;
}

static void alu64(IrInst *in) {
  if (alu64_in_place(in))
    return;
  Oper a = in->a, b = in->b;
  if (in->dst >= 0 && in->dst != unstored && in_pair(ir_temp(in->dst)) && wordwise64(in->op) &&
      !(b.kind == OK_TEMP && b.temp == in->dst) && !held64(a) && !held64(b)) {
    /* three operands into a pair: its registers are neither a's nor b's */
    Oper d = ir_temp(in->dst);
    E2(I_MOVL, lo64(a), lo64(d));
    E2(I_MOVL, hi64(a), hi64(d));
    E2(lo_op[in->op], lo64(b), lo64(d));
    E2(hi_op[in->op], hi64(b), hi64(d));
    return;
  }
  /* the operand %edx:%eax already holds goes first (commutative ops) */
  if ((in->op == IR_ADD || in->op == IR_AND || in->op == IR_OR || in->op == IR_XOR) && held64(b) &&
      !held64(a)) {
    Oper t = a;
    a = b;
    b = t;
  }
  load64(a);
  switch (in->op) {
  case IR_ADD: E2(I_ADDL, lo64(b), R(R_EAX)); E2(I_ADCL, hi64(b), R(R_EDX)); break;
  case IR_SUB: E2(I_SUBL, lo64(b), R(R_EAX)); E2(I_SBBL, hi64(b), R(R_EDX)); break;
  case IR_AND: E2(I_ANDL, lo64(b), R(R_EAX)); E2(I_ANDL, hi64(b), R(R_EDX)); break;
  case IR_OR: E2(I_ORL, lo64(b), R(R_EAX)); E2(I_ORL, hi64(b), R(R_EDX)); break;
  case IR_XOR: E2(I_XORL, lo64(b), R(R_EAX)); E2(I_XORL, hi64(b), R(R_EDX)); break;
  case IR_NEG: E1(I_NEGL, R(R_EAX)); E2(I_ADCL, IMM(0), R(R_EDX)); E1(I_NEGL, R(R_EDX)); break;
  case IR_NOT: E1(I_NOTL, R(R_EAX)); E1(I_NOTL, R(R_EDX)); break;
  default: die("alu64");
  }
  to64(in->dst);
}

static void mul64(IrInst *in) {
  Oper a = in->a, b = in->b;
  /* lo(a)*hi(b) + hi(a)*lo(b) into %ecx, then the full lo*lo product */
  if (b.kind == OK_IMM && a.kind == OK_TEMP) {
    /* a constant: imul's immediate form, and no high product when its
     * high word is 0 */
    unsigned bl = (unsigned)b.imm, bh = (unsigned)((unsigned long long)b.imm >> 32);
    E3(I_IMULL, IMM((int)bl), hi64(a), R(R_ECX));
    if (bh) {
      E3(I_IMULL, IMM((int)bh), lo64(a), R(R_EAX));
      E2(I_ADDL, R(R_EAX), R(R_ECX));
    }
    E2(I_MOVL, lo64(a), R(R_EAX));
    E2(I_MOVL, IMM(bl), R(R_EDX));
    E1(I_MULL, R(R_EDX));
    E2(I_ADDL, R(R_ECX), R(R_EDX));
    to64(in->dst);
    return;
  }
  E2(I_MOVL, lo64(a), R(R_ECX));
  if (b.kind == OK_IMM) {
    E2(I_MOVL, hi64(b), R(R_EAX));
    E2(I_IMULL, R(R_EAX), R(R_ECX));
    E2(I_MOVL, hi64(a), R(R_EAX));
    E2(I_MOVL, lo64(b), R(R_EDX));
    E2(I_IMULL, R(R_EDX), R(R_EAX));
    E2(I_ADDL, R(R_EAX), R(R_ECX));
    E2(I_MOVL, lo64(a), R(R_EAX));
    E2(I_MOVL, lo64(b), R(R_EDX));
    E1(I_MULL, R(R_EDX));
  } else {
    E2(I_IMULL, hi64(b), R(R_ECX));
    E2(I_MOVL, hi64(a), R(R_EAX));
    E2(I_IMULL, lo64(b), R(R_EAX));
    E2(I_ADDL, R(R_EAX), R(R_ECX));
    E2(I_MOVL, lo64(a), R(R_EAX));
    E1(I_MULL, lo64(b));
  }
  E2(I_ADDL, R(R_ECX), R(R_EDX));
  to64(in->dst);
}

static void shift64(IrInst *in) {
  load64(in->a);
  if (in->b.kind == OK_IMM) {
    /* a constant count: no test of bit 5 */
    int c = (int)(in->b.imm & 63), k = c - 32;
    if (c == 0) {
    } else if (c < 32 && in->op == IR_SHL) {
      E3(I_SHLDL, IMM(c), R(R_EAX), R(R_EDX));
      E2(I_SHLL, IMM(c), R(R_EAX));
    } else if (c < 32) {
      E3(I_SHRDL, IMM(c), R(R_EDX), R(R_EAX));
      E2(in->op == IR_SHR ? I_SHRL : I_SARL, IMM(c), R(R_EDX));
    } else if (in->op == IR_SHL) {
      E2(I_MOVL, R(R_EAX), R(R_EDX));
      if (k)
        E2(I_SHLL, IMM(k), R(R_EDX));
      E2(I_XORL, R(R_EAX), R(R_EAX));
    } else {
      E2(I_MOVL, R(R_EDX), R(R_EAX));
      if (k)
        E2(in->op == IR_SHR ? I_SHRL : I_SARL, IMM(k), R(R_EAX));
      if (in->op == IR_SHR)
        E2(I_XORL, R(R_EDX), R(R_EDX));
      else
        E2(I_SARL, IMM(31), R(R_EDX));
    }
    to64(in->dst);
    return;
  }
  load32(in->b, R_ECX);
  E2(I_ANDL, IMM(63), R(R_ECX));
  char *done = i386_new_label("sh");
  if (in->op == IR_SHL) {
    E3(I_SHLDL, RB(R_ECX), R(R_EAX), R(R_EDX));
    E2(I_SHLL, RB(R_ECX), R(R_EAX));
    E2(I_TESTB, IMM(32), RB(R_ECX));
    E1(I_JE, LBL(done));
    E2(I_MOVL, R(R_EAX), R(R_EDX));
    E2(I_XORL, R(R_EAX), R(R_EAX));
  } else if (in->op == IR_SHR) {
    E3(I_SHRDL, RB(R_ECX), R(R_EDX), R(R_EAX));
    E2(I_SHRL, RB(R_ECX), R(R_EDX));
    E2(I_TESTB, IMM(32), RB(R_ECX));
    E1(I_JE, LBL(done));
    E2(I_MOVL, R(R_EDX), R(R_EAX));
    E2(I_XORL, R(R_EDX), R(R_EDX));
  } else {
    E3(I_SHRDL, RB(R_ECX), R(R_EDX), R(R_EAX));
    E2(I_SARL, RB(R_ECX), R(R_EDX));
    E2(I_TESTB, IMM(32), RB(R_ECX));
    E1(I_JE, LBL(done));
    E2(I_MOVL, R(R_EDX), R(R_EAX));
    E2(I_SARL, IMM(31), R(R_EDX));
  }
  mir_add_label(out, done);
  to64(in->dst);
}

/* 64-bit division through the runtime's entry points (rt/internal.ckh),
 * which wrap libgcc's __divdi3 and friends: every undefined symbol of a
 * Cuckoo object is then a typed `ref` the linker can check. */
static void div64(IrInst *in) {
  static const char *const fn_name[] = {"__cuckoo_divdi3", "__cuckoo_udivdi3", "__cuckoo_moddi3",
                                        "__cuckoo_umoddi3"};
  int which = in->op == IR_DIV ? 0 : in->op == IR_UDIV ? 1 : in->op == IR_MOD ? 2 : 3;
  E2(I_MOVL, lo64(in->a), R(R_EAX));
  E2(I_MOVL, R(R_EAX), MEM(R_ESP, 0));
  E2(I_MOVL, hi64(in->a), R(R_EAX));
  E2(I_MOVL, R(R_EAX), MEM(R_ESP, 4));
  E2(I_MOVL, lo64(in->b), R(R_EAX));
  E2(I_MOVL, R(R_EAX), MEM(R_ESP, 8));
  E2(I_MOVL, hi64(in->b), R(R_EAX));
  E2(I_MOVL, R(R_EAX), MEM(R_ESP, 12));
  E1(I_CALL, LBL(fn_name[which]));
  typesec_use_internal(fn_name[which]);
  to64(in->dst);
}

/* ---- floating ------------------------------------------------------------------- */

static void alu_f(IrInst *in) {
  IrKind k = in->k;
  if (is_folded(in->a) || is_folded(in->b)) {
    Oper a = in->a;
    if (is_folded(a))             /* commutative (fold_ok) */
      a = in->b;
    int w = fwork(in->dst);
    if (freg(a) != w)
      E2(fop(I_MOVSS, k), fmem(a, k), X(w));
    E2(fop(in->op == IR_ADD ? I_ADDSS : in->op == IR_SUB ? I_SUBSS : in->op == IR_MUL ? I_MULSS : I_DIVSS, k),
       amem(&folded->addr, 0), X(w));
    fset_dst(in->dst, k, w);
    return;
  }
  /* in the result's register unless b is there (it is read after a is moved in) */
  int w = fwork(in->dst);
  if (w != 0 && freg(in->b) == w)
    w = 0;
  if (freg(in->a) != w)
    E2(fop(I_MOVSS, k), fmem(in->a, k), X(w));
  switch (in->op) {
  case IR_ADD: E2(fop(I_ADDSS, k), fmem(in->b, k), X(w)); break;
  case IR_SUB: E2(fop(I_SUBSS, k), fmem(in->b, k), X(w)); break;
  case IR_MUL: E2(fop(I_MULSS, k), fmem(in->b, k), X(w)); break;
  case IR_DIV: E2(fop(I_DIVSS, k), fmem(in->b, k), X(w)); break;
  case IR_XOR: /* negation: flip the sign bit */
    E2(fop(I_MOVSS, k), fmem(in->b, k), X(1));
    E2(I_XORPS, X(1), X(w));
    break;
  default: die("alu_f %s", ir_op_name[in->op]);
  }
  fset_dst(in->dst, k, w);
}

/* The x87 truncating store of st(0) as a 64-bit integer into MEM. */
static void fist64(MirOp mem) {
  MirOp cw = frame_at(cx->scratch + 8);
  MirOp cw2 = frame_at(cx->scratch + 10);
  E1(I_FNSTCW, cw);
  E2(I_MOVZWL, cw, R(R_EAX));
  E2(I_ORL, IMM(0xc00), R(R_EAX));
  E2(I_MOVW, RW(R_EAX), cw2);
  E1(I_FLDCW, cw2);
  E1(I_FISTPLL, mem);
  E1(I_FLDCW, cw);
}

static void cvt(IrInst *in) {
  IrKind from = in->k2, to = in->k;
  Oper a = in->a;
  MirOp scr = frame_at(cx->scratch);
  bool ffrom = from == IK_F32 || from == IK_F64, fto = to == IK_F32 || to == IK_F64;
  if (from == IK_I64 && to == IK_I32) {
    int d = cx->reg[in->dst];
    if (d >= 0)
      E2(I_MOVL, lo64(a), R(d));
    else {
      E2(I_MOVL, lo64(a), R(R_EAX));
      set_dst32(in->dst, R_EAX);
    }
    return;
  }
  if (from == IK_I32 && to == IK_I64 && a.kind == OK_TEMP && a.temp == set_in_al) {
    /* (long long)(x == y): the 0 or 1 the set just left in %al */
    set_in_al = -1;
    E2(I_MOVZBL, RB(R_EAX), R(R_EAX));
    E2(I_XORL, R(R_EDX), R(R_EDX));
    to64(in->dst);
    return;
  }
  if (from == IK_I32 && to == IK_I64) {
    load32(a, R_EAX);
    if (in->uns)
      E2(I_XORL, R(R_EDX), R(R_EDX));
    else
      E0(I_CLTD);
    to64(in->dst);
    return;
  }
  if (from == IK_I32 && fto) {
    if (!in->uns) {
      int w = fwork(in->dst);
      E2(fop(I_CVTSI2SSL, to), src32_or(a, R_EAX), X(w));
      fset_dst(in->dst, to, w);
      return;
    }
    load32(a, R_EAX);
    E2(I_MOVL, R(R_EAX), scr);
    E2(I_MOVL, IMM(0), frame_at(cx->scratch + 4));
    E1(I_FILDLL, scr);
    fstp_dst(in->dst, to);
    return;
  }
  if (from == IK_I64 && fto) {
    if (in_pair(a)) {
      /* the x87 loads from memory only */
      E2(I_MOVL, lo64(a), scr);
      E2(I_MOVL, hi64(a), frame_at(cx->scratch + 4));
      E1(I_FILDLL, scr);
    } else {
      E1(I_FILDLL, lo64(a));
    }
    if (in->uns) {
      char *l = i386_new_label("u64");
      E2(I_CMPL, IMM(0), hi64(a));
      E1(I_JGE, LBL(l));
      E1(I_FADDS, fconst(18446744073709551616.0, true));
      mir_add_label(out, l);
    }
    fstp_dst(in->dst, to);
    return;
  }
  if (ffrom && to == IK_I32 && in->uns) {
    /* gcc's sequence: x >= 2^31 ? cvtt(x - 2^31) ^ 2^31 : cvtt(x)
       (NaN and every other out-of-range value give 0x80000000 or its
       biased form, exactly as gcc -m32 -msse2 -mfpmath=sse computes) */
    int d = cx->reg[in->dst];
    MirOp r = R(d >= 0 ? d : R_EAX);
    MirOp two31 = fconst(2147483648.0, from == IK_F32);
    char *big = i386_new_label("f2u"), *done = i386_new_label("f2u");
    E2(fop(I_MOVSS, from), fmem(a, from), X(0));
    E2(fop(I_UCOMISS, from), two31, X(0));
    E1(I_JAE, LBL(big));
    E2(fop(I_CVTTSS2SI, from), X(0), r);
    E1(I_JMP, LBL(done));
    mir_add_label(out, big);
    E2(fop(I_SUBSS, from), two31, X(0));
    E2(fop(I_CVTTSS2SI, from), X(0), r);
    E2(I_XORL, IMM(0x80000000), r);
    mir_add_label(out, done);
    if (d < 0)
      set_dst32(in->dst, R_EAX);
    return;
  }
  if (ffrom && to == IK_I32) {
    int d = cx->reg[in->dst];
    E2(fop(I_CVTTSS2SI, from), fmem(a, from), d >= 0 ? R(d) : R(R_EAX));
    if (d < 0)
      set_dst32(in->dst, R_EAX);
    return;
  }
  if (ffrom && to == IK_I64) {
    /* a pair: through the scratch, whose double is loaded first */
    bool pair = in_pair(ir_temp(in->dst));
    MirOp dst = pair ? scr : spill_mem(in->dst, 0);
    MirOp dst_hi = pair ? frame_at(cx->scratch + 4) : spill_mem(in->dst, 4);
    MirOp v = frame_at(cx->scratch);
    /* as a double in the scratch, then through the x87 */
    if (from == IK_F32) {
      E2(I_CVTSS2SD, fmem(a, from), X(0));
    } else {
      E2(I_MOVSD, fmem(a, from), X(0));
    }
    if (in->uns) {
      char *big = i386_new_label("f2u"), *done = i386_new_label("f2u");
      E2(I_UCOMISD, fconst(9223372036854775808.0, false), X(0));
      E1(I_JAE, LBL(big));
      E2(I_MOVSD, X(0), v);
      E1(I_FLDL, v);
      fist64(dst);
      E1(I_JMP, LBL(done));
      mir_add_label(out, big);
      E2(I_SUBSD, fconst(9223372036854775808.0, false), X(0));
      E2(I_MOVSD, X(0), v);
      E1(I_FLDL, v);
      fist64(dst);
      E2(I_XORL, IMM(0x80000000), dst_hi);
      mir_add_label(out, done);
    } else {
      E2(I_MOVSD, X(0), v);
      E1(I_FLDL, v);
      fist64(dst);
    }
    if (pair) {
      E2(I_MOVL, dst, lo64(ir_temp(in->dst)));
      E2(I_MOVL, dst_hi, hi64(ir_temp(in->dst)));
    }
    return;
  }
  if (ffrom && fto) {
    int w = fwork(in->dst);
    if (from == to)
      die("cvt of a floating kind to itself");
    E2(from == IK_F32 ? I_CVTSS2SD : I_CVTSD2SS, fmem(a, from), X(w));
    fset_dst(in->dst, to, w);
    return;
  }
  die("cvt %d -> %d", from, to);
}

/* ---- memory ------------------------------------------------------------------------ */

static void load_op(IrInst *in) {
  switch (in->mem) {
  case M_I64: {
    if (in->dst != unstored && in_pair(ir_temp(in->dst))) {
      /* the address's registers are not the pair's (regalloc) */
      E2(I_MOVL, amem(&in->addr, 0), lo64(ir_temp(in->dst)));
      E2(I_MOVL, amem(&in->addr, 4), hi64(ir_temp(in->dst)));
      return;
    }
    MirOp m4 = amem(&in->addr, 4);
    E2(I_MOVL, m4, R(R_EDX));
    MirOp m0 = amem(&in->addr, 0);
    E2(I_MOVL, m0, R(R_EAX));
    to64(in->dst);
    return;
  }
  case M_F32: case M_F64: {
    int w = fwork(in->dst);
    E2(in->mem == M_F32 ? I_MOVSS : I_MOVSD, amem(&in->addr, 0), X(w));
    fset_dst(in->dst, in->mem == M_F32 ? IK_F32 : IK_F64, w);
    return;
  }
  default: {
    static const int op[] = {I_MOVSBL, I_MOVZBL, I_MOVSWL, I_MOVZWL, I_MOVL};
    int d = cx->reg[in->dst];
    MirOp m = amem(&in->addr, 0);
    E2(op[in->mem], m, d >= 0 ? R(d) : R(R_EAX));
    if (d < 0)
      set_dst32(in->dst, R_EAX);
    return;
  }
  }
}

/* Whether address A is formed without a scratch register: its base and
 * index (if any) in allocated registers other than %eax and %edx, or a
 * symbol or a frame slot. */
static bool addr_in_regs(const IrAddr *a) {
  if (a->base.kind == OK_TEMP && (cx->reg[a->base.temp] < 0 || cx->reg[a->base.temp] == R_EDX))
    return false;
  return a->index < 0 || (cx->reg[a->index] >= 0 && cx->reg[a->index] != R_EDX);
}

static void store_op(IrInst *in) {
  Oper v = in->a;
  switch (in->mem) {
  case M_I64:
    if (v.kind == OK_TEMP && held64(v) && addr_in_regs(&in->addr)) {
      /* handed over in %edx:%eax (takes_held64) */
      E2(I_MOVL, R(R_EAX), amem(&in->addr, 0));
      E2(I_MOVL, R(R_EDX), amem(&in->addr, 4));
    } else if (v.kind == OK_IMM || in_pair(v)) {
      MirOp m = amem(&in->addr, 0);
      E2(I_MOVL, lo64(v), m);
      E2(I_MOVL, hi64(v), amem(&in->addr, 4));
    } else {
      E2(I_MOVL, lo64(v), R(R_EDX));
      E2(I_MOVL, R(R_EDX), amem(&in->addr, 0));
      E2(I_MOVL, hi64(v), R(R_EDX));
      E2(I_MOVL, R(R_EDX), amem(&in->addr, 4));
    }
    return;
  case M_F32: case M_F64:
    if (v.kind == OK_FIMM) {
      union { double d; unsigned long long u; } x = {.d = v.fimm};
      union { float f; unsigned u; } y = {.f = (float)v.fimm};
      if (in->mem == M_F32) {
        E2(I_MOVL, IMM((unsigned)(y.u)), amem(&in->addr, 0));
      } else {
        E2(I_MOVL, IMM((unsigned)x.u), amem(&in->addr, 0));
        E2(I_MOVL, IMM((unsigned)(x.u >> 32)), amem(&in->addr, 4));
      }
    } else if (v.kind == OK_IMM) {
      E2(I_MOVL, IMM(0), amem(&in->addr, 0));
      if (in->mem == M_F64)
        E2(I_MOVL, IMM(0), amem(&in->addr, 4));
    } else {
      int mov = in->mem == M_F32 ? I_MOVSS : I_MOVSD;
      int x = freg(v);
      if (x < 0) {
        E2(mov, fmem(v, in->mem == M_F32 ? IK_F32 : IK_F64), X(0));
        x = 0;
      }
      E2(mov, X(x), amem(&in->addr, 0));
    }
    return;
  default: {
    int width = in->mem <= M_U8 ? 1 : in->mem <= M_U16 ? 2 : 4;
    int mov = width == 1 ? I_MOVB : width == 2 ? I_MOVW : I_MOVL;
    if (rmw_op) {
      static const int op[] = {[IR_ADD] = I_ADDL, [IR_SUB] = I_SUBL, [IR_AND] = I_ANDL, [IR_OR] = I_ORL,
                               [IR_XOR] = I_XORL};
      E2(op[rmw_op->op], src32(rmw_x), amem(&in->addr, 0));
      return;
    }
    if (v.kind == OK_IMM) {
      long long x = in->mem <= M_U8 ? (v.imm & 0xff) : in->mem <= M_U16 ? (v.imm & 0xffff) : (unsigned)v.imm;
      E2(mov, IMM(x), amem(&in->addr, 0));
      return;
    }
    if (v.kind == OK_SYM && in->mem == M_I32) {
      E2(I_MOVL, src32(v), amem(&in->addr, 0));
      return;
    }
    int r = reg_of(v);
    if (r < 0 || (width == 1 && !has_byte_reg(r))) {
      load32(v, R_EDX);
      r = R_EDX;
    }
    E2(mov, mir_reg(r, width), amem(&in->addr, 0));
    return;
  }
  }
}

static void copy_op(IrInst *in) {
  IrKind k = in->k;
  Oper a = in->a;
  /* two temps in one spill slot (mach/regalloc.c, share_spill_slots):
   * the value is there already -- unless the instruction before left it
   * only in %edx:%eax, or the next one takes the result from there */
  if (a.kind == OK_TEMP && a.temp != took_unstored && in->dst != unstored && cx->reg[a.temp] < 0 &&
      cx->reg[in->dst] < 0 && cx->slot_of[a.temp] == cx->slot_of[in->dst])
    return;
  if (k == IK_I32) {
    int d = cx->reg[in->dst];
    if (d >= 0) {
      load32(a, d);
      return;
    }
    if (a.kind == OK_IMM || a.kind == OK_SYM || reg_of(a) >= 0) {
      E2(I_MOVL, src32(a), dst32(in->dst));
      return;
    }
    load32(a, R_EAX);
    set_dst32(in->dst, R_EAX);
    return;
  }
  if (k == IK_I64) {
    Oper d = ir_temp(in->dst);
    if (a.kind == OK_TEMP && a.temp == in->dst)
      return;
    if (in->dst != unstored && (a.kind == OK_IMM || ((in_pair(a) || in_pair(d)) && !held64(a)))) {
      /* a register (or an immediate) on one side: two moves */
      E2(I_MOVL, lo64(a), lo64(d));
      E2(I_MOVL, hi64(a), hi64(d));
      return;
    }
    load64(a);
    to64(in->dst);
    return;
  }
  if (a.kind == OK_TEMP && a.temp == in->dst)
    return;
  int x = freg(a);
  if (x < 0) {
    x = fwork(in->dst);
    E2(fop(I_MOVSS, k), fmem(a, k), X(x));
  }
  fset_dst(in->dst, k, x);
}

/* ---- calls --------------------------------------------------------------------------- */

static void call_op(IrInst *in) {
  int off = 0;
  const char *site_label = in->site ? i386_site_label(in->site, fn) : NULL;
  if (in->sret.kind != OK_NONE) {
    load32(in->sret, R_EAX);
    E2(I_MOVL, R(R_EAX), MEM(R_ESP, 0));
    off = 4;
  }
  for (int i = 0; i < in->nargs; i++) {
    IrArg *g = &in->args[i];
    if (g->is_site) {
      E2(I_MOVL, IMM_SYM(site_label), MEM(R_ESP, off));
      off += 4;
      continue;
    }
    if (g->is_hole) {
      off += 4;
      continue;
    }
    if (g->size) {
      Base src = base_of(g->val, R_EDX);
      Base dst = {.reg = -1, .sym = NULL, .off = off};
      /* dst relative to %esp */
      if (g->size <= 64) {
        (void)dst;
        long long k = 0;
        for (; k + 4 <= g->size; k += 4) {
          E2(I_MOVL, base_at(&src, k), R(R_EAX));
          E2(I_MOVL, R(R_EAX), MEM(R_ESP, off + k));
        }
        for (; k < g->size; k++) {
          E2(I_MOVB, base_at(&src, k), RB(R_EAX));
          E2(I_MOVB, RB(R_EAX), MEM(R_ESP, off + k));
        }
      } else {
        copy_bytes(dst, src, g->size, true);
      }
      off += (g->size + 3) & ~3;
      continue;
    }
    switch (g->kind) {
    case IK_I32: {
      MirOp s = src32(g->val);
      if (s.kind != MO_NONE && (g->val.kind != OK_TEMP || reg_of(g->val) >= 0)) {
        E2(I_MOVL, s, MEM(R_ESP, off));
      } else {
        load32(g->val, R_EAX);
        E2(I_MOVL, R(R_EAX), MEM(R_ESP, off));
      }
      off += 4;
      break;
    }
    case IK_I64:
      if (g->val.kind == OK_IMM || in_pair(g->val)) {
        E2(I_MOVL, lo64(g->val), MEM(R_ESP, off));
        E2(I_MOVL, hi64(g->val), MEM(R_ESP, off + 4));
      } else {
        E2(I_MOVL, lo64(g->val), R(R_EAX));
        E2(I_MOVL, R(R_EAX), MEM(R_ESP, off));
        E2(I_MOVL, hi64(g->val), R(R_EAX));
        E2(I_MOVL, R(R_EAX), MEM(R_ESP, off + 4));
      }
      off += 8;
      break;
    case IK_F32: case IK_F64:
      if (freg(g->val) < 0)
        E2(fop(I_MOVSS, g->kind), fmem(g->val, g->kind), X(0));
      E2(fop(I_MOVSS, g->kind), X(freg(g->val) >= 0 ? freg(g->val) : 0), MEM(R_ESP, off));
      off += g->kind == IK_F32 ? 4 : 8;
      break;
    default:
      die("void argument");
    }
  }
  if (in->sym) {
    E1(I_CALL, LBL(in->sym));
  } else {
    /* doc/abi.md: testl %reg,%reg; je null stub; call *%reg (one register) */
    int r = in_reg(in->a, R_EAX);
    const char *stub = zero_stub(in->site);
    i386_emit_seq(out, &ck_i386.indirect_call, 0, stub, i386_mir.reg_name(r, 4));
    forget_all();                 /* not written through E: the callee destroys them */
  }
  if (in->is_runtime) {
    char *ret = i386_new_label("ret");
    mir_add_label(out, ret);
    i386_callsite(ret, site_label);
  }
  if (in->sret.kind != OK_NONE)
    E2(I_SUBL, IMM(4), R(R_ESP)); /* the callee popped the hidden pointer */
  if (in->k == IK_F32 || in->k == IK_F64) {
    if (in->dst >= 0)
      fstp_dst(in->dst, in->k);
    else
      E1(I_FSTP, mir_reg(R_ST0, 10));
    return;
  }
  if (in->dst < 0)
    return;
  if (in->k == IK_I64)
    to64(in->dst);
  else
    set_dst32(in->dst, R_EAX);
}

static void ret_op(IrInst *in, bool last) {
  IrKind k = in->k;
  if (in->a.kind != OK_NONE) {
    if (fn->sret || k == IK_I32) {
      load32(in->a, R_EAX);
    } else if (k == IK_I64) {
      load64(in->a);
    } else if (k == IK_F32 || k == IK_F64) {
      if (in->a.kind == OK_FIMM) {
        E1(k == IK_F32 ? I_FLDS : I_FLDL, fconst(in->a.fimm, k == IK_F32));
      } else if (freg(in->a) >= 0) {
        /* the x87 loads from memory only */
        E2(fop(I_MOVSS, k), X(freg(in->a)), frame_at(cx->scratch));
        E1(k == IK_F32 ? I_FLDS : I_FLDL, frame_at(cx->scratch));
      } else {
        E1(k == IK_F32 ? I_FLDS : I_FLDL, fmem(in->a, k));
      }
    }
  }
  if (!last)
    E1(I_JMP, LBL(cx->epilogue));
}

/* ---- checks ----------------------------------------------------------------------------- */

static void check_bounds(IrInst *in) {
  MirOp len;
  if (in->lenmem) {
    /* the index goes into %edx after this text is made */
    amem_edx_ok = false;
    len = amem(&in->addr, 0);
    amem_edx_ok = true;
  } else
    len = IMM((unsigned)in->b.imm);
  if (in->k == IK_I64) {
    MirOp l = len;
    const char *stub = new_stub(in->site, lo64(in->a), hi64(in->a), l, IMM(0), NULL);
    if (in->a.kind == OK_IMM) {
      /* a constant index: out of [0, 2^32) it always fails; below that it
       * is compared with the length word (p[0LL] when the length is read
       * from memory), or with the static length */
      unsigned long long i = (unsigned long long)in->a.imm;
      if (i > 0xffffffffULL || (!in->lenmem && i >= (unsigned long long)(unsigned)in->b.imm)) {
        E1(I_JMP, LBL(stub));
      } else if (in->lenmem) {
        E2(I_CMPL, IMM((unsigned)i), l);
        E1(I_JBE, LBL(stub));
      }
      return;
    }
    E2(I_CMPL, IMM(0), hi64(in->a));
    E1(I_JNE, LBL(stub));
    if (in_pair(in->a)) {
      E2(I_CMPL, l, lo64(in->a));
    } else {
      E2(I_MOVL, lo64(in->a), R(R_EDX));
      E2(I_CMPL, l, R(R_EDX));
    }
    E1(I_JAE, LBL(stub));
    return;
  }
  /* the index: its register, a scratch register still holding it, its
   * spill slot (against a constant length), a constant, or loaded -- into
   * %eax when the length's address does not use it, so that %edx can be a
   * temp's home (i386_edx_keeps) */
  Oper a = in->a;
  int r = reg_of(a);
  MirOp ix;
  if (r < 0 && in_memory(a))
    r = cached(a.temp, true);
  if (r >= 0) {
    ix = R(r);
  } else if (opt_level == 0) {
    /* -O0 (no temp lives in %edx): the index in %edx */
    load32(a, R_EDX);
    r = R_EDX;
    ix = R(r);
  } else if (a.kind == OK_IMM) {
    ix = IMM((unsigned)a.imm);
  } else if (in_memory(a) && !in->lenmem) {
    ix = spill_mem(a.temp, 0);
  } else {
    r = mir_op_uses(len, R_EAX) ? R_EDX : R_EAX;
    load32(a, r);
    ix = R(r);
  }
  /* the stub pushes the length first (it may use %eax), then the index's
   * high word (its sign, computed in a scratch register the index
   * operand does not use) and the index */
  int sreg = mir_op_uses(ix, R_EAX) ? R_EDX : R_EAX;
  Mir s = {0};
  S2(&s, I_SUBL, IMM(12), R(R_ESP));
  S1(&s, I_PUSHL, IMM(0));
  S1(&s, I_PUSHL, stub_operand(len, 16));
  if (in->uns) {
    S1(&s, I_PUSHL, IMM(0));
  } else if (a.kind == OK_IMM) {
    S1(&s, I_PUSHL, IMM((int)a.imm < 0 ? -1 : 0));
  } else {
    S2(&s, I_MOVL, stub_operand(ix, 20), R(sreg));
    S2(&s, I_SARL, IMM(31), R(sreg));
    S1(&s, I_PUSHL, R(sreg));
  }
  S1(&s, I_PUSHL, stub_operand(ix, 24));
  char *stub = i386_new_label("trap");
  typesec_use_internal("__cuckoo_trap");
  mir_add_label(&cx->stubs, stub);
  if (opt_debug)
    i386_stub_loc(&cx->stubs, in->site->loc);
  mir_append(&cx->stubs, &s);
  mir_free(&s);
  S1(&cx->stubs, I_PUSHL, IMM_SYM(i386_site_label(in->site, fn)));
  S1(&cx->stubs, I_CALL, LBL("__cuckoo_trap"));
  if (a.kind == OK_IMM && !in->lenmem) {
    if ((unsigned)a.imm >= (unsigned)in->b.imm)
      E1(I_JMP, LBL(stub));
    return;
  }
  if (a.kind == OK_IMM) {
    /* the length word against the constant: it fails when len <= index */
    E2(I_CMPL, ix, len);
    E1(I_JBE, LBL(stub));
    return;
  }
  E2(I_CMPL, len, ix);
  E1(I_JAE, LBL(stub));
}

static void check_null(IrInst *in) {
  const char *stub = zero_stub(in->site);
  if (in->a.kind == OK_IMM) {
    if (in->a.imm == 0)
      E1(I_JMP, LBL(stub));
    return;
  }
  int r = reg_of(in->a);
  if (r >= 0)
    E2(I_TESTL, R(r), R(r));
  else
    E2(I_CMPL, IMM(0), src32(in->a));
  E1(I_JE, LBL(stub));
}

/* doc/domains.md "Isolation": the thread's domain flag first (outside
 * every domain, the usual case, two instructions and nothing more); inside
 * one, a cold stub lets the store go on when the pointer is outside the
 * static storage [START, END), else traps `own`.  A store into a global by
 * name inside a domain always traps.  The stub changes no register, so
 * what the scratch registers hold stays true after the check. */
static void check_store(IrInst *in) {
  if (in->a.kind == OK_SYM) {
    const char *stub = zero_stub(in->site);
    i386_emit_seq(out, &ck_i386.domain_test, 0, NULL, NULL);
    E1(I_JNE, LBL(stub));
    return;
  }
  MirOp p = src32(in->a);
  char *back = i386_new_label("stored");
  Mir pre = {0};
  S2(&pre, I_CMPL, IMM_SYM(CK_STATIC_END_SYM), p);
  S1(&pre, I_JAE, LBL(back));
  S2(&pre, I_CMPL, IMM_SYM(CK_STATIC_START_SYM), p);
  S1(&pre, I_JB, LBL(back));
  const char *stub = new_stub(in->site, IMM(0), IMM(0), IMM(0), IMM(0), &pre);
  mir_free(&pre);
  i386_emit_seq(out, &ck_i386.domain_test, 0, NULL, NULL);
  E1(I_JNE, LBL(stub));
  mir_add_label(out, back);
}

static void check_div(IrInst *in) {
  const char *zs = zero_stub(in->site);
  const char *os = in->site2 ? zero_stub(in->site2) : NULL;
  Oper a = in->a, b = in->b;
  if (in->k == IK_I32) {
    if (b.kind == OK_IMM) {
      if (b.imm == 0) {
        E1(I_JMP, LBL(zs));
        return;
      }
      if ((int32_t)b.imm == -1 && os) { /* -1 may be held as 4294967295 */
        if (a.kind == OK_IMM) {
          if ((int)a.imm == INT32_MIN)
            E1(I_JMP, LBL(os));
          return;
        }
        E2(I_CMPL, IMM(-2147483648), src32(a));
        E1(I_JE, LBL(os));
      }
      return;
    }
    cmp32(b, ir_imm(0), CC_EQ);
    E1(I_JE, LBL(zs));
    if (os) {
      char *ok = i386_new_label("div");
      E2(I_CMPL, IMM(-1), src32(b));
      E1(I_JNE, LBL(ok));
      if (a.kind == OK_IMM) {
        if ((int)a.imm == INT32_MIN)
          E1(I_JMP, LBL(os));
      } else {
        E2(I_CMPL, IMM(-2147483648), src32(a));
        E1(I_JE, LBL(os));
      }
      mir_add_label(out, ok);
    }
    return;
  }
  /* long long */
  if (b.kind == OK_IMM) {
    if (b.imm == 0) {
      E1(I_JMP, LBL(zs));
      return;
    }
    if (b.imm != -1 || !os)
      return;
  } else {
    E2(I_MOVL, lo64(b), R(R_EAX));
    E2(I_ORL, hi64(b), R(R_EAX));
    E1(I_JE, LBL(zs));
  }
  if (os) {
    char *ok = i386_new_label("div");
    if (b.kind != OK_IMM) {
      E2(I_MOVL, lo64(b), R(R_EAX));
      E2(I_ANDL, hi64(b), R(R_EAX));
      E2(I_CMPL, IMM(-1), R(R_EAX));
      E1(I_JNE, LBL(ok));
    }
    if (a.kind == OK_IMM) {
      if (a.imm == INT64_MIN)
        E1(I_JMP, LBL(os));
    } else {
      E2(I_CMPL, IMM(0), lo64(a));
      E1(I_JNE, LBL(ok));
      E2(I_CMPL, IMM(-2147483648), hi64(a));
      E1(I_JE, LBL(os));
    }
    mir_add_label(out, ok);
  }
}

static void check_cast(IrInst *in) {
  int r = in_reg(in->a, R_EDX);
  char *ok = i386_new_label("cast");
  const char *stub = new_stub(in->site, MEM(r, CK_LEN_WORD_OFFSET), IMM(0), IMM((unsigned)in->b.imm), IMM(0), NULL);
  E2(I_TESTL, R(r), R(r));
  E1(I_JE, LBL(ok));
  E2(I_CMPL, IMM((unsigned)in->b.imm), MEM(r, CK_LEN_WORD_OFFSET));
  E1(I_JB, LBL(stub));
  mir_add_label(out, ok);
}

/* ---- the body ------------------------------------------------------------------------------ */

static void isel_inst(IrInst *in, int next_block, bool last) {
  IrKind k = in->k;
  switch (in->op) {
  case IR_NOP: case IR_CHECK_STACK:
    return;
  case IR_COPY: copy_op(in); return;
  case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
    if (k == IK_I32)
      alu32(in);
    else if (k == IK_I64)
      in->op == IR_MUL ? mul64(in) : alu64(in);
    else
      alu_f(in);
    return;
  case IR_DIV: case IR_UDIV: case IR_MOD: case IR_UMOD:
    if (k == IK_I32)
      div32(in);
    else if (k == IK_I64)
      div64(in);
    else
      alu_f(in);
    return;
  case IR_SHL: case IR_SHR: case IR_SAR:
    k == IK_I64 ? shift64(in) : shift32(in);
    return;
  case IR_NEG: case IR_NOT:
    k == IK_I64 ? alu64(in) : unary32(in);
    return;
  case IR_SET: set_value(in); return;
  case IR_SQRT: {
    int w = fwork(in->dst);
    E2(I_SQRTSD, fmem(in->a, IK_F64), X(w));
    fset_dst(in->dst, IK_F64, w);
    return;
  }
  case IR_EXT: ext32(in); return;
  case IR_CVT: cvt(in); return;
  case IR_LEA: {
    int d = cx->reg[in->dst];
    E2(I_LEAL, amem(&in->addr, 0), d >= 0 ? R(d) : R(R_EAX));
    if (d < 0)
      set_dst32(in->dst, R_EAX);
    return;
  }
  case IR_LOAD: load_op(in); return;
  case IR_STORE: store_op(in); return;
  case IR_MEMCPY: {
    Base src = base_of(in->b, R_EDX);
    Base dst = base_of(in->a, src.reg == R_EDX ? R_ECX : R_EDX);
    copy_bytes(dst, src, in->n, false);
    return;
  }
  case IR_MEMZERO: {
    Base dst = base_of(in->a, R_ECX);
    zero_bytes(dst, in->n);
    return;
  }
  case IR_CALL: call_op(in); return;
  case IR_JMP:
    if (in->t1 != next_block)
      E1(I_JMP, LBL(block_label(in->t1)));
    return;
  case IR_BR: branch(in, next_block); return;
  case IR_RET: ret_op(in, last); return;
  case IR_CHECK_BOUNDS: check_bounds(in); return;
  case IR_CHECK_NULL: check_null(in); return;
  case IR_CHECK_DIV: check_div(in); return;
  case IR_CHECK_CAST: check_cast(in); return;
  case IR_CHECK_STORE: check_store(in); return;
  default:
    die("isel: unexpected IR op %d", (int)in->op);
  }
}

/* Whether NX reads long long temp T only from %edx:%eax as it starts
 * (load64 first; alu64 puts a held commutative operand first). */
static bool takes_held64(IrInst *nx, int t) {
  bool at = nx->a.kind == OK_TEMP && nx->a.temp == t, bt = nx->b.kind == OK_TEMP && nx->b.temp == t;
  switch (nx->op) {
  case IR_ADD: case IR_AND: case IR_OR: case IR_XOR:
    return nx->k == IK_I64 && at != bt;
  case IR_SUB: case IR_NEG: case IR_NOT: case IR_SHL: case IR_SHR: case IR_SAR:
    return nx->k == IK_I64 && at && !bt;
  case IR_COPY:
    return nx->k == IK_I64 && at && nx->dst != t;
  case IR_RET:
    return nx->k == IK_I64 && at && !fn->sret;
  case IR_STORE:
    /* the value, to an address that needs neither register */
    return nx->mem == M_I64 && at && !(nx->addr.base.kind == OK_TEMP && nx->addr.base.temp == t) &&
           nx->addr.index != t && addr_in_regs(&nx->addr);
  default:
    return false;
  }
}

/* Whether a load of the narrow kind MEM (sign- or zero-extended byte or
 * word), compared by CC with OTHER, can be compared in memory at its own
 * width: equality with a constant the loaded value can equal, `cmpb $0,
 * composite(,%edi,1)` for find-primes' `if (composite[i])`. */
static bool narrow_cmp_ok(IrMem mem, Oper other, IrCC cc) {
  if ((cc != CC_EQ && cc != CC_NE) || other.kind != OK_IMM)
    return false;
  long long k = (int32_t)other.imm;
  switch (mem) {
  case M_I8: return k >= -128 && k <= 127;
  case M_U8: return k >= 0 && k <= 255;
  case M_I16: return k >= -32768 && k <= 32767;
  case M_U16: return k >= 0 && k <= 65535;
  default: return false;
  }
}

/* Whether load LD's value (its one use being NX, the next instruction)
 * can be read by NX from memory: a compare with a constant or a register,
 * an integer operation into a register the address does not use, or a
 * floating operation (the loaded value second, or either for + and *).
 * Never `x & C`: `movl x, %r; andl $C, %r` costs the same as `movl $C, %r;
 * andl x, %r`, and only the mask as the immediate bounds the result for
 * cuckoo-ld (an index `a[x & 3]`, which the other form left unproved). */
static bool fold_ok(IrInst *ld, IrInst *nx) {
  int t = ld->dst;
  bool at = nx->a.kind == OK_TEMP && nx->a.temp == t, bt = nx->b.kind == OK_TEMP && nx->b.temp == t;
  if (at == bt)
    return false;
  Oper other = at ? nx->b : nx->a;
  bool comm = nx->op == IR_ADD || nx->op == IR_MUL || nx->op == IR_AND || nx->op == IR_OR || nx->op == IR_XOR;
  switch (nx->op) {
  case IR_BR: case IR_SET:
    if (nx->k2 == IK_I32 && ld->mem != M_I32)
      return narrow_cmp_ok(ld->mem, other, nx->cc);
    return nx->k2 == IK_I32 && ld->mem == M_I32 &&
           (other.kind == OK_IMM || (other.kind == OK_TEMP && cx->reg[other.temp] >= 0));
  case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR: case IR_DIV:
    if (nx->k == IK_I32) {
      int d = cx->reg[nx->dst];
      if (nx->op == IR_DIV || ld->mem != M_I32 || (at && !comm) || d < 0 || d >= R_NREGS)
        return false;
      if (ld->addr.base.kind == OK_TEMP && cx->reg[ld->addr.base.temp] == d)
        return false;
      if (ld->addr.index >= 0 && cx->reg[ld->addr.index] == d)
        return false;
      return other.kind == OK_TEMP || (other.kind == OK_IMM && nx->op != IR_AND);
    }
    if ((nx->k == IK_F64 && ld->mem == M_F64) || (nx->k == IK_F32 && ld->mem == M_F32))
      return nx->op != IR_AND && nx->op != IR_OR && nx->op != IR_XOR &&
             (bt || nx->op == IR_ADD || nx->op == IR_MUL) && (other.kind == OK_TEMP || other.kind == OK_FIMM);
    return false;
  default:
    return false;
  }
}

bool i386_load_folds_into(IrFunc *f, IrInst *ld, IrInst *nx) {
  (void)f;
  int t = ld->dst;
  bool at = nx->a.kind == OK_TEMP && nx->a.temp == t, bt = nx->b.kind == OK_TEMP && nx->b.temp == t;
  if (at == bt)
    return false;
  Oper other = at ? nx->b : nx->a;
  if (ld->mem != M_I32)
    return (nx->op == IR_BR || nx->op == IR_SET) && nx->k2 == IK_I32 && narrow_cmp_ok(ld->mem, other, nx->cc);
  bool comm = nx->op == IR_ADD || nx->op == IR_MUL || nx->op == IR_AND || nx->op == IR_OR || nx->op == IR_XOR;
  switch (nx->op) {
  case IR_BR: case IR_SET:
    return nx->k2 == IK_I32 && (other.kind == OK_IMM || other.kind == OK_TEMP);
  case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
    return nx->k == IK_I32 && (bt || comm) && (other.kind == OK_TEMP || (other.kind == OK_IMM && nx->op != IR_AND));
  default:
    return false;
  }
}

/* ---- read-modify-write ------------------------------------------------- */

/* Does IN leave memory alone?  (Checks only read; a call, a store or a
 * block copy may write anything.) */
static bool writes_no_memory(const IrInst *in) {
  switch (in->op) {
  case IR_STORE: case IR_MEMCPY: case IR_MEMZERO: case IR_CALL: case IR_CHECK_STACK:
    return false;
  default:
    return !(ir_op_flags[in->op] & IRF_TERM);
  }
}

static bool same_addr(const IrAddr *x, const IrAddr *y) {
  return ir_oper_same(x->base, y->base) && x->index == y->index && (x->index < 0 || x->scale == y->scale) &&
         x->off == y->off;
}

/* x86's read-modify-write, -O1 and up.  In block BL, the store at index S,
 * `store.i32 [A], u`, where u = OP t, x is the instruction before it (OP
 * add, sub, and, or or xor; only nops and store checks between, which
 * change no register), t = load.i32 [A] is earlier in the block, t and u
 * are used once (NUSES), and nothing between the load and the store
 * writes memory or redefines A's temps: `OPl x, A` at the store does all
 * three.  The load then reads later than the IR has it -- the same value,
 * since nothing between stores, and a load has no effect of its own that
 * must stay in place (its checks do stay).  Returns the load's index and
 * sets *OPI to the operation's and *X to x; -1 if S is no such store. */
static int rmw_match(IrBlock *bl, int s, const int *nuses, int *opi, Oper *x) {
  IrInst *st = &bl->ins[s];
  if (opt_level == 0 || st->op != IR_STORE || st->mem != M_I32 || st->a.kind != OK_TEMP || nuses[st->a.temp] != 1)
    return -1;
  int u = st->a.temp, q = s - 1;
  while (q >= 0 && (bl->ins[q].op == IR_NOP || bl->ins[q].op == IR_CHECK_STORE))
    q--;
  if (q < 0)
    return -1;
  IrInst *p = &bl->ins[q];
  if (p->dst != u || p->k != IK_I32 ||
      (p->op != IR_ADD && p->op != IR_SUB && p->op != IR_AND && p->op != IR_OR && p->op != IR_XOR))
    return -1;
  int base = st->addr.base.kind == OK_TEMP ? st->addr.base.temp : -1, index = st->addr.index;
  for (int side = 0; side < 2; side++) {
    Oper t = side ? p->b : p->a, other = side ? p->a : p->b;
    if (side && p->op == IR_SUB)
      break;
    if (t.kind != OK_TEMP || t.temp == u || nuses[t.temp] != 1 || (other.kind == OK_TEMP && other.temp == t.temp) ||
        (other.kind != OK_TEMP && other.kind != OK_IMM))
      continue;
    for (int l = q - 1; l >= 0; l--) {
      IrInst *in = &bl->ins[l];
      if (in->dst == t.temp) {
        if (in->op != IR_LOAD || in->mem != M_I32 || !same_addr(&in->addr, &st->addr))
          break;
        *opi = q;
        *x = other;
        return l;
      }
      if (!writes_no_memory(in) || (in->dst >= 0 && (in->dst == base || in->dst == index)))
        break;
    }
  }
  return -1;
}

/* The target's fused_away hook: the loads and operations of BL that a
 * read-modify-write at a later store takes in, so never put anywhere. */
void i386_fused_away(IrFunc *f, IrBlock *bl, const int *nuses, bool *away) {
  (void)f;
  for (int s = 0; s < bl->n; s++) {
    int q;
    Oper x;
    int l = rmw_match(bl, s, nuses, &q, &x);
    if (l >= 0)
      away[l] = away[q] = true;
  }
}

/* Instructions whose expansions are straight-line code (no label inside,
 * no call) after which the scratch registers' contents may be kept. */
static bool cache_ok(IrInst *in) {
  switch (in->op) {
  case IR_NOP: case IR_LEA: case IR_LOAD: case IR_STORE: case IR_CHECK_BOUNDS: case IR_CHECK_NULL:
  case IR_CHECK_STORE: /* its stub changes no register */
  case IR_EXT:
    return true;
  case IR_CALL:                   /* the call forgets everything itself */
  case IR_BR: case IR_JMP: case IR_RET:
    return true;
  case IR_COPY: case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
  case IR_NEG: case IR_NOT: case IR_DIV: case IR_UDIV: case IR_MOD: case IR_UMOD:
    return in->k == IK_I32 || in->k == IK_I64;
  case IR_SHL: case IR_SHR: case IR_SAR:
    /* shift64's one label joins two paths that both leave %edx:%eax unknown */
    return in->k == IK_I32 || in->k == IK_I64;
  case IR_CVT:
    return (in->k2 == IK_I32 && in->k == IK_I64) || (in->k2 == IK_I64 && in->k == IK_I32);
  case IR_SET:
    return in->k2 == IK_I32;
  default:
    return false;
  }
}

void i386_isel_body(I386Func *c) {
  cx = c;
  fn = c->f;
  out = &c->body;
  use_count = xmalloc(sizeof(int) * (fn->ntemps + 1));
  ir_count(fn, NULL, use_count, NULL);
  {
    /* -g: a variable's slot is what gdb reads while it is live (dwarf.c) */
    if (opt_debug && fn->obj)
      for (Obj *v = fn->obj->locals; v; v = v->next)
        if (v->is_local && v->id > 0 && v->id - 1 < fn->ntemps)
          use_count[v->id - 1] = -1;
  }
  for (int b = 0; b < fn->nblocks; b++) {
    IrBlock *bl = fn->blocks[b];
    mir_add_label(out, block_label(b));
    forget_all();
    /* read-modify-writes: the store does the load and the operation,
     * when x is a register or a constant */
    bool *away = xmalloc(sizeof(bool) * (bl->n + 1));
    int *rmw_at = xmalloc(sizeof(int) * (bl->n + 1));
    Oper *rmw_with = xmalloc(sizeof(Oper) * (bl->n + 1));
    for (int i = 0; i < bl->n; i++) {
      int q;
      away[i] = false;
      rmw_at[i] = -1;
      int l = rmw_match(bl, i, use_count, &q, &rmw_with[i]);
      if (l >= 0 && (rmw_with[i].kind == OK_IMM || reg_of(rmw_with[i]) >= 0)) {
        away[l] = away[q] = true;
        rmw_at[i] = q;
      }
    }
    took_unstored = pending_unstored = -1;
    for (int i = 0; i < bl->n; i++) {
      IrInst *in = &bl->ins[i];
      if (away[i]) {
        if (opt_debug)
          mir_add_label(out, i386_dwarf_label(fn->name, b, i));
        continue;
      }
      bool keep = cache_ok(in);
      if (!keep)
        forget_all();
      /* a nop or a store check between changes no register: the next
       * instruction still takes what the one before left unstored */
      bool between = in->op == IR_NOP || in->op == IR_CHECK_STORE;
      if (!between)
        took_unstored = pending_unstored;
      unstored = -1;
      if (opt_level > 0 && keep && in->dst >= 0 && fn->tkind[in->dst] == IK_I64 && use_count[in->dst] == 1) {
        int j = i + 1;
        /* a store check between changes no register (its stub neither) */
        while (j < bl->n && (bl->ins[j].op == IR_NOP || bl->ins[j].op == IR_CHECK_STORE))
          j++;
        if (j < bl->n && cache_ok(&bl->ins[j]) && takes_held64(&bl->ins[j], in->dst))
          unstored = in->dst;
      }
      if (!between)
        pending_unstored = unstored;
      known_def[R_EAX] = known_def[R_EDX] = false;
      /* -g: where each instruction starts, for the location lists */
      if (opt_debug)
        mir_add_label(out, i386_dwarf_label(fn->name, b, i));
      if (in->op == IR_NOP)
        continue;
      if (opt_level > 0 && in->op == IR_LOAD && in->dst >= 0 && use_count[in->dst] == 1) {
        int j = i + 1;
        while (j < bl->n && bl->ins[j].op == IR_NOP)
          j++;
        if (j < bl->n && !away[j] && fold_ok(in, &bl->ins[j])) {
          folded = in;              /* emitted by its use, the next instruction */
          continue;
        }
      }
      if (opt_level > 0 && !opt_debug && in->op == IR_SET && in->k2 == IK_I32 && in->dst >= 0 &&
          use_count[in->dst] == 1) {
        int j = i + 1;
        while (j < bl->n && bl->ins[j].op == IR_NOP)
          j++;
        IrInst *nx = j < bl->n && !away[j] ? &bl->ins[j] : NULL;
        if (nx && nx->op == IR_CVT && nx->k2 == IK_I32 && nx->k == IK_I64 && nx->a.kind == OK_TEMP &&
            nx->a.temp == in->dst)
          set_in_al = in->dst;
      }
      i386_loc(cx, in->loc);
      bool stubs = opt_debug && i386_dwarf_stub_owner(in);
      if (stubs)
        mir_add_label(&cx->stubs, i386_dwarf_stub_label(fn->name, b, i, false));
      rmw_op = rmw_at[i] >= 0 ? &bl->ins[rmw_at[i]] : NULL;
      rmw_x = rmw_with[i];
      isel_inst(in, b + 1 < fn->nblocks ? b + 1 : -1, b == fn->nblocks - 1 && i == bl->n - 1);
      folded = NULL;
      rmw_op = NULL;
      if (stubs)
        mir_add_label(&cx->stubs, i386_dwarf_stub_label(fn->name, b, i, true));
      if (!keep)
        forget_all();
      else if (in->dst >= 0)
        for (int x = R_EAX; x <= R_EDX; x += R_EDX - R_EAX)
          if ((known[x] == in->dst || known[x] == KEY_LO(in->dst) || known[x] == KEY_HI(in->dst)) &&
              !known_def[x])
            known[x] = -1;
    }
    if (opt_debug)
      mir_add_label(out, i386_dwarf_label(fn->name, b, bl->n));
    free(away);
    free(rmw_at);
    free(rmw_with);
  }
  free(use_count);
  use_count = NULL;
}

/* lower.c -- typed AST to IR.
 *
 * Role: fixes the evaluation order (left to right), makes every
 * conversion explicit, and turns each run-time rule of the contract into
 * an explicit check instruction:
 *   a[i]            check_bounds i, N (or the length word at &a[0] - 4)
 *   *p, p->f, p[i]  check_null p   (p is a temp: loaded once, checked,
 *                                    dereferenced from the same temp)
 *   a / b, a % b    check_div      (zero, and MIN / -1 when signed)
 *   (T(*)[N]) p     check_cast     (NULL passes)
 *   f(...) via ptr  the CALL itself carries the null check (abi.md sequence)
 *   function entry  check_stack    (§11; decided once the call graph is known)
 *
 * Invariants of the IR it produces:
 *  - a local scalar whose address is never taken lives in a temp
 *    ("promoted"); a narrow one always holds its value extended per its
 *    type; every other local has a frame slot.
 *  - block 0 is the entry: it zeroes every promoted variable and every
 *    memory local (§2), writes every local array's length words (§4),
 *    loads promoted parameters, then jumps to the body.
 *  - an array lvalue's address is the address of its element 0 (the
 *    length word is at -4), the same value as a pointer to the array.
 */
#include <stdlib.h>

#include "cc.h"
#include "target.h"

#include <string.h>

static IrProgram *irp;
static IrFunc *fn;                /* the function being lowered */
static int cur;                   /* the current block */
static Loc cur_loc;
static int body_block;            /* first block of the body proper */
static bool seen_label;           /* a label precedes the current point */
static int stmt_depth;            /* 0: the function's outermost block */

static int *brk_stack, *cont_stack; /* grown by push_jump: loops nest without limit */
static int *brk_own, *cont_own;   /* their scopes of owned locals (below) */
static int nbrk, ncont, cap_jump;

static void reserve_jump(void) {
  if (nbrk < cap_jump && ncont < cap_jump)
    return;
  cap_jump = cap_jump ? 2 * cap_jump : 64;
  brk_stack = xrealloc(brk_stack, sizeof(int) * cap_jump);
  cont_stack = xrealloc(cont_stack, sizeof(int) * cap_jump);
  brk_own = xrealloc(brk_own, sizeof(int) * cap_jump);
  cont_own = xrealloc(cont_own, sizeof(int) * cap_jump);
}

/* ---- types ------------------------------------------------------------ */

IrKind lower_kind(Type *t) {
  switch (t->kind) {
  case TY_VOID: return IK_VOID;
  case TY_LLONG: case TY_ULLONG: return IK_I64;
  case TY_FLOAT: return IK_F32;
  case TY_DOUBLE: return IK_F64;
  default: return IK_I32;
  }
}

static IrMem mem_of(Type *t) {
  switch (t->kind) {
  case TY_BOOL: case TY_UCHAR: return M_U8;
  case TY_CHAR: case TY_SCHAR: return M_I8;
  case TY_SHORT: return M_I16;
  case TY_USHORT: return M_U16;
  case TY_LLONG: case TY_ULLONG: return M_I64;
  case TY_FLOAT: return M_F32;
  case TY_DOUBLE: return M_F64;
  default: return M_I32;
  }
}

static bool is_aggregate(Type *t) {
  return t->kind == TY_STRUCT || t->kind == TY_UNION || t->kind == TY_ARRAY;
}

static bool uns_type(Type *t) {
  return t->kind == TY_PTR || t->kind == TY_NULL || is_unsigned(t);
}

/* ---- emission helpers ---------------------------------------------------- */

static IrInst *emit(IrOp op) {
  IrInst *in = ir_append(fn, cur, op);
  in->loc = cur_loc;
  return in;
}

static int new_temp(IrKind k) { return ir_new_temp(fn, k); }

/* Ends the current block with a jump to B and continues in B. */
static void jump_to(int b) {
  if (!ir_is_term(fn->blocks[cur]))
    emit(IR_JMP)->t1 = b;
}
static void start_block(int b) {
  jump_to(b);
  cur = b;
}
/* After a terminator: later statements go to a fresh (unreachable) block. */
static void start_dead_block(void) { cur = ir_new_block(fn); }

static Oper temp_of(IrKind k, IrInst *in) {
  in->dst = new_temp(k);
  in->k = k;
  return ir_temp(in->dst);
}

/* Ends the current block: to T when A CC B (compared as K), else to F. */
static void branch(Oper a, Oper b, IrKind k, IrCC cc, int t, int f) {
  IrInst *in = emit(IR_BR);
  in->a = a;
  in->b = b;
  in->k2 = k;
  in->cc = cc;
  in->t1 = t;
  in->t2 = f;
}

static IrSite *site(const char *kind, const char *detail, Loc loc) {
  return ir_new_site(fn, kind, detail, loc);
}

static Oper as_temp(Oper v, IrKind k) {
  if (v.kind == OK_TEMP)
    return v;
  IrInst *in = emit(IR_COPY);
  in->a = v;
  return temp_of(k, in);
}

static Oper binop(IrOp op, IrKind k, Oper a, Oper b) {
  IrInst *in = emit(op);
  in->a = a;
  in->b = b;
  return temp_of(k, in);
}

static Oper fimm(double d) { return (Oper){.kind = OK_FIMM, .fimm = d}; }

static Oper zero_of(IrKind k) {
  return k == IK_F32 || k == IK_F64 ? fimm(0) : ir_imm(0);
}

/* An address as an operand value. */
static Oper addr_value(IrAddr a) {
  if (a.index < 0 && (a.base.kind == OK_SYM || a.base.kind == OK_SLOT)) {
    Oper o = a.base;
    o.imm += a.off;
    return o;
  }
  if (a.index < 0 && a.off == 0 && a.base.kind == OK_TEMP)
    return a.base;
  IrInst *in = emit(IR_LEA);
  in->addr = a;
  return temp_of(IK_I32, in);
}

static IrAddr addr_of_value(Oper v) {
  IrAddr a = {.base = v, .index = -1, .scale = 1};
  if (v.kind == OK_SYM || v.kind == OK_SLOT) {
    a.off = v.imm;
    a.base.imm = 0;
  } else if (v.kind == OK_IMM) {
    die("address of a constant");
  }
  return a;
}

static IrAddr addr_plus(IrAddr a, long long off) {
  a.off += off;
  return a;
}

static Oper load(IrAddr a, Type *ty) {
  IrInst *in = emit(IR_LOAD);
  in->addr = a;
  in->mem = mem_of(ty);
  return temp_of(lower_kind(ty), in);
}

/* LANGUAGE.md §13.3: a store inside a protection domain must not reach
 * static storage.  Every store through a pointer, and every store into a
 * global by name, is checked (doc/domains.md "Isolation"); a store into
 * this function's frame needs none.  opt/ removes the checks it can
 * prove, and the proof checker requires each that is left. */
static void store_check(Oper base) {
  if (base.kind != OK_TEMP && base.kind != OK_SYM)
    return;
  IrInst *in = emit(IR_CHECK_STORE);
  in->a = base;
  in->a.imm = 0;
  in->site = site("own", "a store into static storage inside a domain", cur_loc);
}

static void store(IrAddr a, Type *ty, Oper v) {
  store_check(a.base);
  IrInst *in = emit(IR_STORE);
  in->addr = a;
  in->mem = mem_of(ty);
  in->k = lower_kind(ty);
  in->a = v;
}

static void memcopy(Oper dst, Oper src, long long n) {
  if (n <= 0)
    return;
  store_check(dst);
  IrInst *in = emit(IR_MEMCPY);
  in->a = dst;
  in->b = src;
  in->n = n;
}

static void memzero(Oper dst, long long n) {
  if (n <= 0)
    return;
  store_check(dst);
  IrInst *in = emit(IR_MEMZERO);
  in->a = dst;
  in->n = n;
}

/* Writes the length word of every array inside an object of type TY whose
 * start is at A (§4: whoever creates the object writes them). */
static void write_length_words(IrAddr a, Type *ty) {
  if (ty->kind == TY_ARRAY) {
    store(a, ty_uint, ir_imm(ty->len));
    if (has_length_words(ty->base))
      for (long long i = 0; i < ty->len; i++)
        write_length_words(addr_plus(a, CK_LEN_WORD_SIZE + i * ty->base->size), ty->base);
  } else if (ty->kind == TY_STRUCT) {
    for (Member *m = ty->sdef->members; m; m = m->next)
      if (has_length_words(m->ty))
        write_length_words(addr_plus(a, m->offset), m->ty);
  }
}

/* Zeroes an object at A (its start), keeping its length words (§2). */
static void zero_object(IrAddr a, Type *ty) {
  if (!is_aggregate(ty)) {
    store(a, ty, zero_of(lower_kind(ty)));
    return;
  }
  memzero(addr_value(a), ty->size);
  if (has_length_words(ty))
    write_length_words(a, ty);
}

/* ---- variables ---------------------------------------------------------- */

/* Obj.id: promoted temp + 1; Obj.offset: frame slot + 1. */
static bool promoted(Obj *v) { return v->is_local && v->id > 0; }

static bool root_is_local(Node *n, Obj **out) {
  for (;;) {
    switch (n->kind) {
    case ND_VAR:
      *out = n->obj;
      return n->obj->is_local;
    case ND_MEMBER: case ND_INDEX:
      n = n->lhs;
      continue;
    default:
      return false;
    }
  }
}

/* Marks the locals whose address is taken (they cannot live in temps). */
static void mark_addr_taken(Node *n) {
  for (; n; n = n->next) {
    if (n->kind == ND_ADDR) {
      Obj *v;
      if (root_is_local(n->lhs, &v))
        v->addr_taken = true;
    }
    mark_addr_taken(n->lhs);
    mark_addr_taken(n->rhs);
    mark_addr_taken(n->cond);
    mark_addr_taken(n->then);
    mark_addr_taken(n->els);
    mark_addr_taken(n->init);
    mark_addr_taken(n->inc);
    mark_addr_taken(n->body);
    mark_addr_taken(n->args);
    if ((n->kind == ND_DECL || n->kind == ND_COMPOUND_LIT) && n->initz) {
      /* initializer expressions */
      Init *stack[64];
      int sp = 0;
      stack[sp++] = n->initz;
      while (sp) {
        Init *it = stack[--sp];
        if (!it)
          continue;
        if (it->expr)
          mark_addr_taken(it->expr);
        for (int i = 0; i < it->nchildren && sp < 64; i++)
          stack[sp++] = it->children[i];
      }
    }
  }
}

/* Does evaluating N possibly assign a promoted variable?  Then a value
 * already read from one must be copied first (left-to-right order). */
static bool may_assign(Node *n) {
  for (; n; n = n->next) {
    switch (n->kind) {
    case ND_ASSIGN: case ND_ASSIGN_OP: case ND_PREINC: case ND_PREDEC:
    case ND_POSTINC: case ND_POSTDEC: case ND_DELETE: case ND_RENEW: case ND_COMPOUND_LIT:
    case ND_TAKE:
      return true;
    case ND_VAR:
      if (n->own_move)              /* a move empties the variable (§13.1) */
        return true;
      break;
    default:
      break;
    }
    if (may_assign(n->lhs) || may_assign(n->rhs) || may_assign(n->cond) || may_assign(n->then) ||
        may_assign(n->els) || may_assign(n->args))
      return true;
  }
  return false;
}

/* Promoted variables' temps: the only temps ever redefined. */
static bool *var_temp;
static int nvar_temp;

static void set_var_temp(int t) {
  if (t >= nvar_temp) {
    int n = t + 64;
    var_temp = xrealloc(var_temp, n * sizeof *var_temp);
    memset(var_temp + nvar_temp, 0, (n - nvar_temp) * sizeof *var_temp);
    nvar_temp = n;
  }
  var_temp[t] = true;
}

/* V read now must keep its value while LATER is evaluated: a promoted
 * variable that LATER may assign is copied first (left-to-right order). */
static Oper stable(Oper v, IrKind k, Node *later) {
  if (v.kind == OK_TEMP && v.temp < nvar_temp && var_temp[v.temp] && later && may_assign(later)) {
    IrInst *in = emit(IR_COPY);
    in->a = v;
    return temp_of(k, in);
  }
  return v;
}

/* A local's frame slot; a hidden object the checker did not list in
 * Obj.locals (a compound literal) gets one on first use: it is fully
 * initialised where it is evaluated. */
static int slot_of(Obj *v) {
  if (v->offset <= 0)
    v->offset = ir_new_slot(fn, v->ty->size, v->ty->align, v->ty, v) + 1;
  return v->offset - 1;
}

static const char *sym_of(Obj *v) { return v->asmname ? v->asmname : v->name; }

static void note_string(Obj *v) {
  if (!v->is_string)
    return;
  for (int i = 0; i < irp->strings.len; i++)
    if (irp->strings.v[i] == v)
      return;
  vec_push(&irp->strings, v);
}

/* ---- lvalues ------------------------------------------------------------ */

typedef struct {
  bool is_temp;                   /* a promoted variable */
  int temp;
  IrAddr addr;                    /* else: the object's address (element 0 for arrays) */
} LV;

static Oper lower_expr(Node *n);
static void lower_cond(Node *n, int t, int f);
static void lower_init_mem(IrAddr a, Type *ty, Init *init);
static void lower_stmt(Node *n);

static LV lv_addr(IrAddr a) { return (LV){.addr = a}; }

/* A null-checked pointer: returns the address it designates. */
static IrAddr deref_addr(Oper p, Node *ptr, bool nonnull, Loc loc, const char *detail) {
  if (p.kind == OK_SYM || p.kind == OK_SLOT) {
    report_lowered(fn, "null", ptr, loc, "the pointer is the address of an object");
    return addr_of_value(p);
  }
  if (p.kind != OK_TEMP)
    p = as_temp(p, IK_I32); /* the constant NULL: the check traps */
  if (!nonnull) {
    IrInst *in = emit(IR_CHECK_NULL);
    in->a = p;
    in->site = site("null", detail, loc);
    in->site->node = ptr;
  } else {
    report_lowered(fn, "null", ptr, loc, "the checker knows the pointer is an object's address");
  }
  return addr_of_value(p);
}

static bool is_lvalue_node(Node *n) {
  switch (n->kind) {
  case ND_VAR: case ND_DEREF: case ND_INDEX: case ND_COMPOUND_LIT:
    return true;
  case ND_MEMBER:
    return is_lvalue_node(n->lhs);
  default:
    return false;
  }
}

static LV lower_lval(Node *n);

static IrAddr lower_index_addr(Node *n) {
  Node *arr = n->lhs;
  Type *aty = arr->ty;
  Type *ety = aty->base;
  LV la = lower_lval(arr);
  if (la.is_temp)
    die("array in a temp");
  IrAddr base = la.addr;
  /* The base must not change while the index is evaluated. */
  if (base.base.kind == OK_TEMP || base.index >= 0) {
    if (base.index >= 0 || may_assign(n->rhs)) {
      Oper b = addr_value(base);
      b = stable(b, IK_I32, n->rhs);
      base = addr_of_value(b);
    }
  }
  Oper idx = lower_expr(n->rhs);
  IrKind ik = lower_kind(n->rhs->ty);
  bool uns = is_unsigned(n->rhs->ty);
  if (aty->len < 0 && base.index >= 0)
    base = addr_of_value(addr_value(base));
  if (!n->bounds_proven) {
    IrInst *in = emit(IR_CHECK_BOUNDS);
    in->a = idx;
    in->k = ik;
    in->uns = uns;
    if (aty->len >= 0) {
      in->b = ir_imm(aty->len);
    } else {
      in->lenmem = true;
      in->addr = addr_plus(base, CK_LEN_WORD_OFFSET);
    }
    in->site = site("bounds", "index %lld not in [0, %llu)", n->loc);
    in->site->node = n;
  } else {
    report_lowered(fn, "bounds", n, n->loc, "the checker proved the index in range");
  }
  if (ik == IK_I64) {
    /* in range, so the low word is the index */
    if (idx.kind == OK_IMM)
      idx = ir_imm((int)idx.imm);
    else {
      IrInst *in = emit(IR_CVT);
      in->a = idx;
      in->k2 = IK_I64;
      idx = temp_of(IK_I32, in);
    }
  }
  long long esize = ety->size;
  long long extra = layout_element_offset(ety, 0);
  if (idx.kind == OK_IMM)
    return addr_plus(base, layout_element_offset(ety, idx.imm));
  if (base.index >= 0) {
    Oper b = addr_value(base);
    base = addr_of_value(b);
  }
  if (esize == 1 || esize == 2 || esize == 4 || esize == 8) {
    base.index = idx.temp;
    base.scale = (int)esize;
  } else {
    Oper m = binop(IR_MUL, IK_I32, idx, ir_imm(esize));
    base.index = m.temp;
    base.scale = 1;
  }
  return addr_plus(base, extra);
}

static LV lower_lval(Node *n) {
  cur_loc = n->loc;
  switch (n->kind) {
  case ND_VAR: {
    Obj *v = n->obj;
    if (v->is_local) {
      if (promoted(v))
        return (LV){.is_temp = true, .temp = v->id - 1};
      return lv_addr(addr_of_value(ir_slot(slot_of(v), v->ty->kind == TY_ARRAY ? CK_LEN_WORD_SIZE : 0)));
    }
    note_string(v);
    return lv_addr(addr_of_value(ir_sym(sym_of(v), v->ty->kind == TY_ARRAY ? CK_LEN_WORD_SIZE : 0)));
  }
  case ND_DEREF: {
    Oper p = lower_expr(n->lhs);
    cur_loc = n->loc;
    return lv_addr(deref_addr(p, n->lhs, n->nonnull, n->loc, "null pointer dereference"));
  }
  case ND_MEMBER: {
    IrAddr a;
    if (is_lvalue_node(n->lhs)) {
      LV l = lower_lval(n->lhs);
      a = l.addr;
    } else {
      a = addr_of_value(lower_expr(n->lhs));
    }
    return lv_addr(addr_plus(a, layout_member_offset(n->member)));
  }
  case ND_INDEX:
    return lv_addr(lower_index_addr(n));
  case ND_COMPOUND_LIT: {
    Obj *v = n->obj;
    IrAddr a = addr_of_value(ir_slot(slot_of(v), 0));
    zero_object(a, v->ty);
    lower_init_mem(a, v->ty, n->initz);
    return lv_addr(v->ty->kind == TY_ARRAY ? addr_plus(a, CK_LEN_WORD_SIZE) : a);
  }
  default:
    /* a struct value (call result, ?:, assignment): its address */
    return lv_addr(addr_of_value(lower_expr(n)));
  }
}

/* §2: in E1 = E2 and E1 op= E2 the object E1 designates is found and
 * checked before E2 runs, and the store goes there.  An address whose base
 * or index is a promoted variable's temp would follow a later assignment
 * of that variable (p[i] = (p = q, v), a[i] = (i = 99, v)), storing past
 * the check: copy those temps now when LATER may assign one. */
static LV lv_pin(LV l, Node *later) {
  if (l.is_temp)
    return l;
  IrAddr *a = &l.addr;
  if (a->base.kind == OK_TEMP)
    a->base = stable(a->base, IK_I32, later);
  if (a->index >= 0)
    a->index = stable(ir_temp(a->index), IK_I32, later).temp;
  return l;
}

static Oper lv_load(LV l, Type *ty) {
  if (l.is_temp)
    return ir_temp(l.temp);
  if (is_aggregate(ty))
    return addr_value(l.addr);
  return load(l.addr, ty);
}

static void lv_store(LV l, Type *ty, Oper v) {
  if (l.is_temp) {
    IrInst *in = emit(IR_COPY);
    in->a = v;
    in->dst = l.temp;
    in->k = fn->tkind[l.temp];
    return;
  }
  if (is_aggregate(ty)) {
    memcopy(addr_value(l.addr), v, ty->size);
    return;
  }
  store(l.addr, ty, v);
}

/* ---- conversions ---------------------------------------------------------- */

/* Is a value of FROM (extended per its type) already a valid TO value? */
static bool narrow_noop(Type *from, Type *to) {
  if (to->kind == TY_BOOL)
    return from->kind == TY_BOOL;
  if (to->size >= 4)
    return true;
  if (from->kind == TY_BOOL)
    return true;
  if (from->size < to->size)
    return is_unsigned(from) || !is_unsigned(to);
  return from->size == to->size && is_unsigned(from) == is_unsigned(to);
}

/* F converted to the integer type TO exactly as the code of cvt() computes
   it at run time (gcc's i386 sequences): cvttsd2si gives 0x80000000 and
   fistpll 0x8000000000000000 for NaN and out-of-range values; unsigned
   targets convert values >= 2^31 (2^63) biased by that power of two. */
static Oper convert(Oper v, Type *from, Type *to) {
  IrKind fk = lower_kind(from), tk = lower_kind(to);
  if (tk == IK_VOID || to->kind == TY_STRUCT || to->kind == TY_UNION || to->kind == TY_ARRAY)
    return v;
  if (to->kind == TY_PTR || from->kind == TY_PTR || from->kind == TY_NULL)
    return v;
  /* constants fold here */
  if (v.kind == OK_IMM && fk != IK_F32 && fk != IK_F64) {
    if (tk == IK_F32 || tk == IK_F64) {
      double d = uns_type(from) ? (double)(unsigned long long)v.imm : (double)v.imm;
      if (fk == IK_I32 && uns_type(from))
        d = (double)(unsigned)v.imm;
      return fimm(tk == IK_F32 ? (double)(float)d : d);
    }
    return ir_imm(type_wrap(v.imm, to));
  }
  if (v.kind == OK_FIMM) {
    if (tk == IK_F32)
      return fimm((float)v.fimm);
    if (tk == IK_F64)
      return fimm(v.fimm);
    if (to->kind == TY_BOOL)
      return ir_imm(v.fimm != 0);
    return ir_imm(type_float_to_int(v.fimm, to));
  }
  if (to->kind == TY_BOOL) {
    if (from->kind == TY_BOOL)
      return v;
    IrInst *in = emit(IR_SET);
    in->cc = CC_NE;
    in->k2 = fk;
    in->a = v;
    in->b = zero_of(fk);
    return temp_of(IK_I32, in);
  }
  if (tk == IK_I32) {
    if (fk == IK_I32) {
      if (narrow_noop(from, to))
        return v;
      IrInst *in = emit(IR_EXT);
      in->a = v;
      in->mem = mem_of(to);
      return temp_of(IK_I32, in);
    }
    IrInst *in = emit(IR_CVT);
    in->a = v;
    in->k2 = fk;
    if ((fk == IK_F32 || fk == IK_F64) && is_unsigned(to) && to->size == 4) {
      /* as gcc -msse2 does: values >= 2^31 convert biased by 2^31, so
         values up to 2^32 - 1 convert; out of range gives 0x80000000 */
      in->uns = true;
      return temp_of(IK_I32, in);
    }
    Oper w = temp_of(IK_I32, in);
    if (to->size < 4) {
      in = emit(IR_EXT);
      in->a = w;
      in->mem = mem_of(to);
      return temp_of(IK_I32, in);
    }
    return w;
  }
  if (fk == tk)
    return v;
  IrInst *in = emit(IR_CVT);
  in->a = v;
  in->k2 = fk;
  in->uns = (fk == IK_I32 || fk == IK_I64) ? is_unsigned(from) : is_unsigned(to);
  return temp_of(tk, in);
}

/* ---- expressions ---------------------------------------------------------- */

static IrOp arith_op(NodeKind k, Type *ty) {
  bool u = is_unsigned(ty);
  switch (k) {
  case ND_ADD: return IR_ADD;
  case ND_SUB: return IR_SUB;
  case ND_MUL: return IR_MUL;
  case ND_DIV: return u ? IR_UDIV : IR_DIV;
  case ND_MOD: return u ? IR_UMOD : IR_MOD;
  case ND_BITAND: return IR_AND;
  case ND_BITOR: return IR_OR;
  case ND_BITXOR: return IR_XOR;
  case ND_SHL: return IR_SHL;
  case ND_SHR: return u ? IR_SHR : IR_SAR;
  default: die("not an arithmetic node: %d", k);
  }
}

static IrCC cmp_cc(NodeKind k, bool uns) {
  switch (k) {
  case ND_EQ: return CC_EQ;
  case ND_NE: return CC_NE;
  case ND_LT: return uns ? CC_ULT : CC_LT;
  case ND_LE: return uns ? CC_ULE : CC_LE;
  case ND_GT: return uns ? CC_UGT : CC_GT;
  case ND_GE: return uns ? CC_UGE : CC_GE;
  default: die("not a comparison");
  }
}

/* a OP b in type TY (both operands already of TY; a shift's count int). */
static Oper arith(NodeKind k, Type *ty, Oper a, Oper b, Type *bty, Loc loc) {
  IrKind kind = lower_kind(ty);
  IrOp op = arith_op(k, ty);
  if (k == ND_SHL || k == ND_SHR) {
    if (lower_kind(bty) == IK_I64) {
      if (b.kind == OK_IMM)
        b = ir_imm(b.imm);
      else {
        IrInst *in = emit(IR_CVT);
        in->a = b;
        in->k2 = IK_I64;
        b = temp_of(IK_I32, in);
      }
    }
    if (b.kind == OK_IMM)
      b = ir_imm(b.imm & (kind == IK_I64 ? 63 : 31));
  }
  if ((k == ND_DIV || k == ND_MOD) && (kind == IK_I32 || kind == IK_I64)) {
    bool u = is_unsigned(ty);
    long long d = ir_imm_value(kind, b.imm);
    bool need = !(b.kind == OK_IMM && d != 0 && (u || d != -1));
    if (need) {
      IrInst *in = emit(IR_CHECK_DIV);
      in->a = a;
      in->b = b;
      in->k = kind;
      in->uns = u;
      in->is_mod = k == ND_MOD;
      in->site = site("divide", k == ND_MOD ? "remainder by zero" : "division by zero", loc);
      if (!u)
        in->site2 = site("divide", k == ND_MOD ? "remainder overflow" : "division overflow", loc);
    } else {
      report_lowered(fn, "divide", NULL, loc, "constant divisor %lld, neither 0 nor -1", b.imm);
    }
  }
  return binop(op, kind, a, b);
}

/* A value of N's type into a fresh temp (for ?: and && results). */
static Oper cond_value(Node *n) {
  IrKind k = n->ty->kind == TY_VOID ? IK_VOID : lower_kind(n->ty);
  int t = k == IK_VOID ? -1 : new_temp(k);
  int tb = ir_new_block(fn), fb = ir_new_block(fn), end = ir_new_block(fn);
  if (n->kind == ND_COND) {
    lower_cond(n->cond, tb, fb);
    cur = tb;
    Oper v = lower_expr(n->then);
    if (t >= 0) {
      IrInst *in = emit(IR_COPY);
      in->a = v, in->dst = t, in->k = k;
    }
    jump_to(end);
    cur = fb;
    v = lower_expr(n->els);
    if (t >= 0) {
      IrInst *in = emit(IR_COPY);
      in->a = v, in->dst = t, in->k = k;
    }
    jump_to(end);
  } else {
    lower_cond(n, tb, fb);
    cur = tb;
    IrInst *in = emit(IR_COPY);
    in->a = ir_imm(1), in->dst = t, in->k = k;
    jump_to(end);
    cur = fb;
    in = emit(IR_COPY);
    in->a = ir_imm(0), in->dst = t, in->k = k;
    jump_to(end);
  }
  cur = end;
  return t >= 0 ? ir_temp(t) : (Oper){.kind = OK_NONE};
}

static Oper lower_incdec(Node *n) {
  Node *l = n->lhs;
  Type *ty = l->ty;
  LV lv = lower_lval(l);
  Oper old = lv_load(lv, ty);
  bool post = n->kind == ND_POSTINC || n->kind == ND_POSTDEC;
  bool inc = n->kind == ND_PREINC || n->kind == ND_POSTINC;
  if (post && lv.is_temp) {
    IrInst *in = emit(IR_COPY);
    in->a = old;
    old = temp_of(fn->tkind[lv.temp], in);
  }
  IrKind k = lower_kind(ty);
  Type *pty = (k == IK_I32 && ty->kind != TY_BOOL && ty->size < 4) ? ty_int : ty;
  if (ty->kind == TY_BOOL)
    pty = ty_int;
  Oper one = (k == IK_F32 || k == IK_F64) ? fimm(1) : ir_imm(1);
  Oper nv = binop(inc ? IR_ADD : IR_SUB, k, old, one);
  nv = convert(nv, pty, ty);
  lv_store(lv, ty, nv);
  return post ? old : nv;
}

static Oper lower_assign_op(Node *n) {
  Node *l = n->lhs;
  Type *cty = n->cty ? n->cty : l->ty;
  LV lv = lv_pin(lower_lval(l), n->rhs);
  Oper old = lv_load(lv, l->ty);
  if (lv.is_temp && may_assign(n->rhs)) {
    IrInst *in = emit(IR_COPY);
    in->a = old;
    old = temp_of(fn->tkind[lv.temp], in);
  }
  old = convert(old, l->ty, cty);
  Oper r = lower_expr(n->rhs);
  Type *rty = n->rhs->ty;
  bool shift = n->op == ND_SHL || n->op == ND_SHR;
  if (!shift) {
    r = convert(r, rty, cty);
    rty = cty;
  }
  Oper res = arith(n->op, cty, old, r, rty, n->loc);
  res = convert(res, cty, l->ty);
  lv_store(lv, l->ty, res);
  return res;
}

static IrArg *lower_args(Node *args, int *nargs, Node *rest_ok) {
  (void)rest_ok;
  int n = 0;
  for (Node *a = args; a; a = a->next)
    n++;
  IrArg *v = xmalloc((n ? n : 1) * sizeof *v);
  int i = 0;
  for (Node *a = args; a; a = a->next, i++) {
    Oper o = lower_expr(a);
    if (is_aggregate(a->ty)) {
      v[i].size = a->ty->size;
      v[i].kind = IK_I32;
      /* copy a struct argument now if later arguments could change it */
      if (a->next && may_assign(a->next)) {
        int s = ir_new_slot(fn, a->ty->size, a->ty->align, NULL, NULL);
        memcopy(ir_slot(s, 0), o, a->ty->size);
        o = ir_slot(s, 0);
      }
    } else {
      v[i].kind = lower_kind(a->ty);
      o = stable(o, v[i].kind, a->next);
    }
    v[i].val = o;
  }
  *nargs = n;
  return v;
}

static Oper lower_call(Node *n) {
  Node *callee = n->lhs;
  bool direct = callee->kind == ND_VAR && callee->ty->kind == TY_FUNC;
  Type *fty;
  Oper fp = {.kind = OK_NONE};
  Node *fp_node = NULL;
  if (direct) {
    fty = callee->ty;
  } else {
    Node *p = callee;
    if (p->kind == ND_DEREF && p->ty->kind == TY_FUNC)
      p = p->lhs;
    if (p->kind == ND_ADDR && p->lhs->kind == ND_VAR && p->lhs->ty->kind == TY_FUNC) {
      direct = true;
      callee = p->lhs;
      fty = callee->ty;
    } else {
      fty = p->ty->kind == TY_PTR ? p->ty->base : p->ty;
      fp = lower_expr(p);
      fp = stable(fp, IK_I32, n->args);
      fp_node = p;
    }
  }
  int nargs;
  IrArg *args = lower_args(n->args, &nargs, NULL);
  cur_loc = n->loc;
  Type *rty = fty->base;
  IrInst *in = emit(IR_CALL);
  in->args = args;
  in->nargs = nargs;
  Oper result = {.kind = OK_NONE};
  if (rty->kind == TY_STRUCT || rty->kind == TY_UNION) {
    int s;
    if (n->ret_buf && n->ret_buf->offset > 0)
      s = slot_of(n->ret_buf);
    else
      s = ir_new_slot(fn, rty->size, rty->align, NULL, NULL);
    in->sret = ir_slot(s, 0);
    in->k = IK_VOID;
    result = ir_slot(s, 0);
  } else if (rty->kind != TY_VOID) {
    result = temp_of(lower_kind(rty), in);
  } else {
    in->k = IK_VOID;
  }
  if (direct) {
    Obj *f = callee->obj;
    in->sym = sym_of(f);
    in->callee = f;
    if (f->is_runtime) {
      in->is_runtime = true;
      in->site = site(NULL, NULL, n->loc);
    }
  } else {
    in->a = fp;
    in->site = site("null", "call through a null function pointer", n->loc);
    in->site->node = fp_node;
  }
  return result;
}

static Oper runtime_call(const char *sym, IrArg *args, int nargs, IrKind rk, IrSite *s) {
  typesec_use_internal(sym);       /* the type block lists it as a typed ref */
  IrInst *in = emit(IR_CALL);
  in->sym = sym;
  in->args = args;
  in->nargs = nargs;
  in->site = s;
  if (rk == IK_VOID) {
    in->k = IK_VOID;
    return (Oper){.kind = OK_NONE};
  }
  return temp_of(rk, in);
}

static Oper lower_new(Node *n) {
  Type *t = n->new_type;
  IrArg *args = xmalloc(3 * sizeof *args);
  if (n->is_array_new) {
    Oper e = lower_expr(n->lhs);
    e = convert(e, n->lhs->ty, ty_llong);
    cur_loc = n->loc;
    args[0] = (IrArg){.val = ir_sym(ir_type_desc(irp, type_unqualified(t)), 0), .kind = IK_I32};
    args[1] = (IrArg){.val = e, .kind = IK_I64};
    args[2] = (IrArg){.kind = IK_I32, .is_site = true};
    IrSite *s = site("memory", NULL, n->loc);
    Oper r = runtime_call("__cuckoo_new_array", args, 3, IK_I32, s);
    return r;
  }
  cur_loc = n->loc;
  args[0] = (IrArg){.val = ir_sym(ir_type_desc(irp, type_unqualified(t)), 0), .kind = IK_I32};
  args[1] = (IrArg){.kind = IK_I32, .is_site = true};
  IrSite *s = site("memory", NULL, n->loc);
  return runtime_call("__cuckoo_new", args, 2, IK_I32, s);
}

/* __cuckoo_delete(p, the descriptor of what PTR_TY points to, ...) */
static void delete_call(Oper p, Type *ptr_ty, Loc loc) {
  Type *pt = ptr_ty->base;
  bool is_array = pt->kind == TY_ARRAY;
  Type *t = is_array ? pt->base : pt;
  IrArg *args = xmalloc(4 * sizeof *args);
  args[0] = (IrArg){.val = p, .kind = IK_I32};
  args[1] = (IrArg){.val = ir_sym(ir_type_desc(irp, type_unqualified(t)), 0), .kind = IK_I32};
  args[2] = (IrArg){.val = ir_imm(is_array), .kind = IK_I32};
  args[3] = (IrArg){.kind = IK_I32, .is_site = true};
  runtime_call("__cuckoo_delete", args, 4, IK_VOID, site("delete", NULL, loc));
}

static void lower_delete(Node *n) {
  Node *l = n->lhs;
  LV lv = {0};
  Oper p;
  if (n->delete_lvalue) {
    lv = lower_lval(l);
    p = lv_load(lv, l->ty);
  } else {
    p = lower_expr(l);
  }
  cur_loc = n->loc;
  delete_call(p, l->ty, n->loc);
  if (n->delete_lvalue)
    lv_store(lv, l->ty, ir_imm(0));
}

/* §13.1: reads the owned lvalue L and sets it to NULL (a move, take). */
static Oper take_lv(LV l, Type *ty) {
  Oper v = lv_load(l, ty);
  if (l.is_temp) {                /* the variable's temp is about to change */
    IrInst *in = emit(IR_COPY);
    in->a = v;
    v = temp_of(IK_I32, in);
  }
  lv_store(l, ty, ir_imm(0));
  return v;
}

/* lv = v into an owned lvalue: v is stored, then the object lv held is
 * deleted (recursively, by the runtime).  V is found first, so that
 * s->next = take(s->next->next) reads the old object before it goes. */
static void lower_own_store(Node *n) {
  LV l = lv_pin(lower_lval(n->lhs), n->rhs);
  Oper v = lower_expr(n->rhs);
  cur_loc = n->loc;
  v = as_temp(v, IK_I32);
  Oper old = take_lv(l, n->lhs->ty);
  lv_store(l, n->lhs->ty, v);
  delete_call(old, n->lhs->ty, n->loc);
}

/* chan_send(c, p), chan_recv(c, T) (§13.2, doc/abi.md "Channels"). */
static void lower_chan_send(Node *n) {
  Oper c = lower_expr(n->lhs);
  c = stable(c, IK_I32, n->rhs);
  Oper p = lower_expr(n->rhs);
  cur_loc = n->loc;
  IrArg *args = xmalloc(3 * sizeof *args);
  args[0] = (IrArg){.val = c, .kind = IK_I32};
  args[1] = (IrArg){.val = p, .kind = IK_I32};
  args[2] = (IrArg){.kind = IK_I32, .is_site = true};
  runtime_call("__cuckoo_chan_send", args, 3, IK_VOID, site("null", NULL, n->loc));
}

/* share(p) (§13.1): the same pointer, plain; inside a domain its object
 * (and what it owns) stops being the domain's, so that the domain's
 * failure cannot delete what other code may now reach (§13.3). */
static Oper lower_share(Node *n) {
  Oper p = lower_expr(n->lhs);
  cur_loc = n->loc;
  IrArg *args = xmalloc(sizeof *args);
  args[0] = (IrArg){.val = p, .kind = IK_I32};
  runtime_call("__cuckoo_share", args, 1, IK_VOID, NULL);
  return p;
}

static Oper lower_chan_recv(Node *n) {
  Oper c = lower_expr(n->lhs);
  cur_loc = n->loc;
  IrArg *args = xmalloc(3 * sizeof *args);
  args[0] = (IrArg){.val = c, .kind = IK_I32};
  args[1] = (IrArg){.val = ir_sym(ir_type_desc(irp, type_unqualified(n->new_type)), 0), .kind = IK_I32};
  args[2] = (IrArg){.kind = IK_I32, .is_site = true};
  return runtime_call(n->is_array_new ? "__cuckoo_chan_recv_array" : "__cuckoo_chan_recv", args, 3,
                      IK_I32, site("cast", NULL, n->loc));
}

/* renew(p, n): p's object is found before n runs (§2), as for E1 = E2;
 * the runtime checks the old array and copies it (abi.md). */
static Oper lower_renew(Node *n) {
  Node *l = n->lhs;
  LV lv = lv_pin(lower_lval(l), n->rhs);
  Oper old = lv_load(lv, l->ty);
  old = stable(old, IK_I32, n->rhs);
  Oper len = lower_expr(n->rhs);
  cur_loc = n->loc;
  IrArg *args = xmalloc(4 * sizeof *args);
  args[0] = (IrArg){.val = old, .kind = IK_I32};
  args[1] = (IrArg){.val = ir_sym(ir_type_desc(irp, type_unqualified(n->new_type)), 0), .kind = IK_I32};
  args[2] = (IrArg){.val = len, .kind = IK_I64};
  args[3] = (IrArg){.kind = IK_I32, .is_site = true};
  Oper r = runtime_call("__cuckoo_renew", args, 4, IK_I32, site("memory", NULL, n->loc));
  lv_store(lv, l->ty, r);
  return r;
}

/* spawn f(args): the arguments go into a block laid out like f's argument
 * area; the runtime copies it and calls the thunk f.cuckoo_thunk (abi.md). */
static Oper lower_spawn(Node *n) {
  Obj *f = n->lhs->obj;
  int nargs;
  IrArg *av = lower_args(n->args, &nargs, NULL);
  cur_loc = n->loc;
  /* in long long: two struct arguments of 2^30 bytes must not wrap */
  long long size = 0;
  for (int i = 0; i < nargs; i++)
    size += ((av[i].size ? (long long)av[i].size : av[i].kind == IK_I64 || av[i].kind == IK_F64 ? 8 : 4) + 3) & ~3LL;
  /* the block is copied into the thunk's frame (abi.md "spawn"), 32 bytes
   * of which are its own: that frame must fit in 2^31 - 1 bytes (§10) */
  if (size > 0x7fffffffLL - 32) {
    error_at(n->loc, "the arguments of this spawn are larger than 2^31 - 1 bytes (%lld bytes)", size);
    size = 0;
  }
  int s = ir_new_slot(fn, size ? (int)size : 4, 4, NULL, NULL);
  long long off = 0;
  Node *a = n->args;
  for (int i = 0; i < nargs; i++, a = a->next) {
    IrAddr ad = addr_of_value(ir_slot(s, off));
    if (av[i].size)
      memcopy(ir_slot(s, off), av[i].val, av[i].size);
    else
      store(ad, a->ty, av[i].val);
    off += ((av[i].size ? (long long)av[i].size : av[i].kind == IK_I64 || av[i].kind == IK_F64 ? 8 : 4) + 3) & ~3LL;
    if (!size)                    /* refused above: no block to fill */
      break;
  }
  /* the thunk */
  const char *tname = format("%s.cuckoo_thunk", sym_of(f));
  bool have = false;
  for (int i = 0; i < irp->nfuncs; i++)
    if (irp->funcs[i]->is_thunk && !strcmp(irp->funcs[i]->name, tname))
      have = true;
  if (!have) {
    IrFunc *t = ir_new_func(NULL, tname);
    t->is_thunk = true;
    t->checks_stack = true;
    t->args_size = (int)size;
    t->ret_kind = IK_I32;
    t->thunk_target = ir_new_func(f, sym_of(f));
    if (irp->nfuncs == irp->cap) {
      irp->cap = irp->cap ? 2 * irp->cap : 16;
      irp->funcs = xrealloc(irp->funcs, irp->cap * sizeof *irp->funcs);
    }
    irp->funcs[irp->nfuncs++] = t;
  }
  f->is_spawn_target = true;
  IrArg *args = xmalloc(4 * sizeof *args);
  args[0] = (IrArg){.val = ir_sym(tname, 0), .kind = IK_I32};
  args[1] = (IrArg){.val = ir_slot(s, 0), .kind = IK_I32};
  args[2] = (IrArg){.val = ir_imm(size), .kind = IK_I32};
  args[3] = (IrArg){.kind = IK_I32, .is_site = true};
  return runtime_call("__cuckoo_spawn", args, 4, IK_I32, site("memory", NULL, n->loc));
}

/* domain_new(setup) (LANGUAGE.md §13.3): the runtime runs setup inside
 * the new domain; the descriptor of the state's struct goes with it. */
static Oper lower_domain_new(Node *n) {
  Oper setup = lower_expr(n->lhs);
  Oper name = lower_expr(n->rhs);
  cur_loc = n->loc;
  IrArg *args = xmalloc(4 * sizeof *args);
  args[0] = (IrArg){.val = setup, .kind = IK_I32};
  args[1] = (IrArg){.val = ir_sym(ir_type_desc(irp, n->new_type), 0), .kind = IK_I32};
  args[2] = (IrArg){.val = name, .kind = IK_I32};
  args[3] = (IrArg){.kind = IK_I32, .is_site = true};
  return runtime_call("__cuckoo_domain_new", args, 4, IK_I32, site("own", NULL, n->loc));
}

/* domain_call(d, f, args) (abi.md "domain_call"): a call
 * __cuckoo_domain_call(d, f, &type_S, <hole>, <hole>, a1..an) whose
 * arguments after the two holes are f's after the state, in place: the
 * runtime makes the first hole f's return address and writes the state
 * into the second, and calls f from there, copying nothing.  f checks its
 * stack, as its address is taken.  The runtime finds the site from the
 * return address. */
static Oper lower_domain_call(Node *n) {
  Obj *f = n->rhs->obj;
  Oper d = lower_expr(n->lhs);
  d = stable(d, IK_I32, n->args);
  int nargs;
  IrArg *av = lower_args(n->args, &nargs, NULL);
  cur_loc = n->loc;
  long long size = 4;
  for (int i = 0; i < nargs; i++)
    size += av[i].kind == IK_I64 || av[i].kind == IK_F64 ? 8 : 4;
  if (size > CK_DOMAIN_BLOCK_MAX) {
    error_at(n->loc, "the arguments of this domain_call take %lld bytes, more than %d", size,
             CK_DOMAIN_BLOCK_MAX);
    nargs = 0;
  }
  /* the words after the state that hold owned pointers: their objects
   * move into the domain (__cuckoo_domain_call_own, with this mask in the
   * first hole) */
  unsigned long long mask = 0;
  long long word = 0;
  Type *ft = n->rhs->ty;
  for (int i = 0; i < nargs; i++) {
    Type *pt = i + 1 < ft->nparams ? ft->params[i + 1] : NULL;
    if (pt && pt->kind == TY_PTR && (pt->qual & Q_OWN)) {
      if (word >= 32)
        error_at(n->loc, "an owned argument of this domain_call comes after its first 32 words");
      else
        mask |= 1ull << word;
    }
    word += av[i].kind == IK_I64 || av[i].kind == IK_F64 ? 2 : 1;
  }
  const char *entry = mask ? "__cuckoo_domain_call_own" : "__cuckoo_domain_call";
  IrArg *args = xmalloc((5 + (size_t)nargs) * sizeof *args);
  args[0] = (IrArg){.val = d, .kind = IK_I32};
  args[1] = (IrArg){.val = ir_sym(sym_of(f), 0), .kind = IK_I32};
  args[2] = (IrArg){.val = ir_sym(ir_type_desc(irp, n->new_type), 0), .kind = IK_I32};
  args[3] = mask ? (IrArg){.val = ir_imm((long long)mask), .kind = IK_I32}
                 : (IrArg){.kind = IK_I32, .is_hole = true};
  args[4] = (IrArg){.kind = IK_I32, .is_hole = true};
  for (int i = 0; i < nargs; i++)
    args[5 + i] = av[i];
  typesec_use_internal(entry);
  IrInst *in = emit(IR_CALL);
  in->sym = entry;
  in->args = args;
  in->nargs = 5 + nargs;
  in->site = site("own", NULL, n->loc);
  in->is_runtime = true;          /* a callsite entry: the runtime's way to the site */
  return temp_of(IK_I32, in);
}

static Oper lower_expr(Node *n) {
  cur_loc = n->loc;
  switch (n->kind) {
  case ND_NUM:
    if (is_flonum(n->ty))
      return fimm(n->ty->kind == TY_FLOAT ? (double)(float)n->fval : n->fval);
    return ir_imm(type_wrap(n->ival, n->ty));
  case ND_NULL:
    return ir_imm(0);
  case ND_VAR:
    if (n->obj->is_function) {
      n->obj->addr_taken = true;
      return ir_sym(sym_of(n->obj), 0);
    }
    if (n->own_move)
      return take_lv(lower_lval(n), n->ty);
    return lv_load(lower_lval(n), n->ty);
  case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV: case ND_MOD:
  case ND_SHL: case ND_SHR: case ND_BITAND: case ND_BITOR: case ND_BITXOR: {
    Oper a = lower_expr(n->lhs);
    a = stable(a, lower_kind(n->lhs->ty), n->rhs);
    Oper b = lower_expr(n->rhs);
    cur_loc = n->loc;
    return arith(n->kind, n->ty, a, b, n->rhs->ty, n->loc);
  }
  case ND_EQ: case ND_NE: case ND_LT: case ND_LE: case ND_GT: case ND_GE: {
    Oper a = lower_expr(n->lhs);
    a = stable(a, lower_kind(n->lhs->ty), n->rhs);
    Oper b = lower_expr(n->rhs);
    cur_loc = n->loc;
    IrInst *in = emit(IR_SET);
    in->a = a;
    in->b = b;
    in->k2 = lower_kind(n->lhs->ty);
    in->cc = cmp_cc(n->kind, uns_type(n->lhs->ty));
    return temp_of(IK_I32, in);
  }
  case ND_LOGAND: case ND_LOGOR: case ND_NOT: case ND_COND:
    return cond_value(n);
  case ND_BITNOT: case ND_NEG: {
    Oper a = lower_expr(n->lhs);
    IrKind k = lower_kind(n->ty);
    if (a.kind == OK_IMM)
      return ir_imm(type_wrap(n->kind == ND_NEG ? (long long)(0ULL - (unsigned long long)a.imm) : ~a.imm, n->ty));
    if (n->kind == ND_NEG && (k == IK_F32 || k == IK_F64))
      return binop(IR_XOR, k, a, fimm(-0.0));
    IrInst *in = emit(n->kind == ND_NEG ? IR_NEG : IR_NOT);
    in->a = a;
    return temp_of(k, in);
  }
  case ND_ASSIGN: {
    if (n->own_store) {
      lower_own_store(n);
      return (Oper){.kind = OK_NONE};
    }
    LV l = lv_pin(lower_lval(n->lhs), n->rhs);
    Oper v = lower_expr(n->rhs);
    cur_loc = n->loc;
    lv_store(l, n->lhs->ty, v);
    if (l.is_temp)
      return ir_temp(l.temp);
    if (is_aggregate(n->lhs->ty))
      return addr_value(l.addr);
    return v;
  }
  case ND_ASSIGN_OP:
    return lower_assign_op(n);
  case ND_PREINC: case ND_PREDEC: case ND_POSTINC: case ND_POSTDEC:
    return lower_incdec(n);
  case ND_COMMA:
    lower_expr(n->lhs);
    return lower_expr(n->rhs);
  case ND_CAST: {
    Oper v = lower_expr(n->lhs);
    cur_loc = n->loc;
    if (n->check_len) {
      v = as_temp(v, IK_I32);
      IrInst *in = emit(IR_CHECK_CAST);
      in->a = v;
      in->b = ir_imm(n->ty->base->len);
      in->site = site("cast", "array of length %llu cast to length %llu", n->loc);
      in->site->node = n->lhs;
      return v;
    }
    long long view = layout_view_offset(n->ty, n->lhs->ty);
    if (view) {
      /* struct S * -> pointer to its first member, an array: element 0
       * is past the length word; NULL stays NULL (p + CK_LEN_WORD_SIZE * (p != 0)) */
      if (view != CK_LEN_WORD_SIZE)
        die("a first-member view offset of %lld", view);
      v = as_temp(v, IK_I32);
      IrInst *in = emit(IR_SET);
      in->cc = CC_NE, in->k2 = IK_I32, in->a = v, in->b = ir_imm(0);
      Oper nz = temp_of(IK_I32, in);
      Oper word = binop(IR_SHL, IK_I32, nz, ir_imm(__builtin_ctz(CK_LEN_WORD_SIZE)));
      return binop(IR_ADD, IK_I32, v, word);
    }
    if (n->ty->kind == TY_BOOL && n->lhs->ty->kind == TY_PTR) {
      IrInst *in = emit(IR_SET);
      in->cc = CC_NE, in->k2 = IK_I32, in->a = v, in->b = ir_imm(0);
      return temp_of(IK_I32, in);
    }
    return convert(v, n->lhs->ty, n->ty);
  }
  case ND_CALL:
    return lower_call(n);
  case ND_MEMBER: case ND_DEREF: case ND_INDEX: case ND_COMPOUND_LIT:
    return lv_load(lower_lval(n), n->ty);
  case ND_ADDR: {
    Node *l = n->lhs;
    if (l->kind == ND_DEREF) {
      /* §3: &*p checks p as *p does; the result is then known non-null */
      Oper p = lower_expr(l->lhs);
      cur_loc = l->loc;
      return addr_value(deref_addr(p, l->lhs, l->nonnull, l->loc, "null pointer dereference"));
    }
    if (l->kind == ND_VAR && l->obj->is_function) {
      l->obj->addr_taken = true;
      return ir_sym(sym_of(l->obj), 0);
    }
    LV lv = lower_lval(l);
    if (lv.is_temp)
      die("address of a promoted variable");
    return addr_value(lv.addr);
  }
  case ND_LENGTHOF: {
    Type *pt = n->lhs->ty;
    if (pt->kind == TY_ARRAY && pt->len >= 0)
      return ir_imm(pt->len);
    if (pt->kind == TY_PTR && pt->base->kind == TY_ARRAY && pt->base->len >= 0) {
      lower_expr(n->lhs);
      return ir_imm(pt->base->len);
    }
    IrAddr a;
    if (pt->kind == TY_ARRAY)
      a = lower_lval(n->lhs).addr;
    else {
      Oper p = lower_expr(n->lhs);
      cur_loc = n->loc;
      a = deref_addr(p, n->lhs, false, n->loc, "null pointer dereference");
    }
    return load(addr_plus(a, CK_LEN_WORD_OFFSET), ty_uint);
  }
  case ND_NEW:
    return lower_new(n);
  case ND_DELETE:
    lower_delete(n);
    return (Oper){.kind = OK_NONE};
  case ND_SPAWN:
    return lower_spawn(n);
  case ND_DOMAIN_NEW:
    return lower_domain_new(n);
  case ND_DOMAIN_CALL:
    return lower_domain_call(n);
  case ND_RENEW:
    return lower_renew(n);
  case ND_SHARE:
    return lower_share(n);
  case ND_TAKE:
    return take_lv(lower_lval(n->lhs), n->lhs->ty);
  case ND_CHAN_SEND:
    lower_chan_send(n);
    return (Oper){.kind = OK_NONE};
  case ND_CHAN_RECV:
    return lower_chan_recv(n);
  case ND_SIZEOF:
    return ir_imm(n->ival);
  default:
    die("lower_expr: unexpected node %s", node_kind_name(n->kind));
  }
}

/* An expression whose value is unused: x++ needs no copy of the old x. */
static void lower_discarded(Node *n) {
  if (n->kind == ND_POSTINC || n->kind == ND_POSTDEC) {
    NodeKind k = n->kind;
    n->kind = k == ND_POSTINC ? ND_PREINC : ND_PREDEC;
    lower_expr(n);
    n->kind = k;
    return;
  }
  if (n->kind == ND_COMMA) {
    lower_discarded(n->lhs);
    lower_discarded(n->rhs);
    return;
  }
  lower_expr(n);
}

/* Branches to T when N is true, else to F. */
static void lower_cond(Node *n, int t, int f) {
  cur_loc = n->loc;
  switch (n->kind) {
  case ND_LOGAND: {
    int mid = ir_new_block(fn);
    lower_cond(n->lhs, mid, f);
    cur = mid;
    lower_cond(n->rhs, t, f);
    return;
  }
  case ND_LOGOR: {
    int mid = ir_new_block(fn);
    lower_cond(n->lhs, t, mid);
    cur = mid;
    lower_cond(n->rhs, t, f);
    return;
  }
  case ND_NOT:
    lower_cond(n->lhs, f, t);
    return;
  case ND_NUM:
    if (!is_flonum(n->ty)) {
      jump_to(n->ival ? t : f);
      return;
    }
    break;
  case ND_CAST:
    if (n->ty->kind == TY_BOOL && !n->check_len) {
      lower_cond(n->lhs, t, f);
      return;
    }
    break;
  case ND_EQ: case ND_NE: case ND_LT: case ND_LE: case ND_GT: case ND_GE: {
    Oper a = lower_expr(n->lhs);
    a = stable(a, lower_kind(n->lhs->ty), n->rhs);
    Oper b = lower_expr(n->rhs);
    cur_loc = n->loc;
    branch(a, b, lower_kind(n->lhs->ty), cmp_cc(n->kind, uns_type(n->lhs->ty)), t, f);
    return;
  }
  default:
    break;
  }
  Oper v = lower_expr(n);
  cur_loc = n->loc;
  IrKind k = lower_kind(n->ty);
  if (v.kind == OK_IMM) {
    jump_to(v.imm ? t : f);
    return;
  }
  branch(v, zero_of(k), k, CC_NE, t, f);
}

/* ---- initializers --------------------------------------------------------- */

/* Applies INIT to the zeroed object of type TY starting at A. */
static void lower_init_mem(IrAddr a, Type *ty, Init *init) {
  if (!init)
    return;
  if (init->expr) {
    Node *e = init->expr;
    if (ty->kind == TY_ARRAY && e->kind == ND_VAR && e->obj->is_string) {
      note_string(e->obj);
      long long n = e->obj->str_len;
      if (ty->len >= 0 && n > ty->len)
        n = ty->len;
      if (e->ty->kind == TY_ARRAY && e->ty->len >= 0 && n > e->ty->len)
        n = e->ty->len;
      memcopy(addr_value(addr_plus(a, CK_LEN_WORD_SIZE)), ir_sym(sym_of(e->obj), CK_LEN_WORD_SIZE), n);
      return;
    }
    if (ty->kind == TY_ARRAY && e->kind == ND_ADDR && e->lhs->kind == ND_VAR && e->lhs->obj->is_string) {
      Obj *s = e->lhs->obj;
      note_string(s);
      long long n = s->str_len;
      if (ty->len >= 0 && n > ty->len)
        n = ty->len;
      memcopy(addr_value(addr_plus(a, CK_LEN_WORD_SIZE)), ir_sym(sym_of(s), CK_LEN_WORD_SIZE), n);
      return;
    }
    Oper v = lower_expr(e);
    if (is_aggregate(ty))
      memcopy(addr_value(a), v, ty->size);
    else
      store(a, ty, convert(v, e->ty, ty));
    return;
  }
  if (ty->kind == TY_ARRAY) {
    for (int i = 0; i < init->nchildren; i++)
      lower_init_mem(addr_plus(a, CK_LEN_WORD_SIZE + (long long)i * ty->base->size), ty->base, init->children[i]);
  } else if (ty->kind == TY_STRUCT) {
    int i = 0;
    for (Member *m = ty->sdef->members; m && i < init->nchildren; m = m->next, i++)
      lower_init_mem(addr_plus(a, m->offset), m->ty, init->children[i]);
  } else if (ty->kind == TY_UNION) {
    if (init->nchildren > 0 && init->children[0]) {
      Member *m = init->union_mem ? init->union_mem : ty->sdef->members;
      lower_init_mem(addr_plus(a, m->offset), m->ty, init->children[0]);
    }
  } else if (init->nchildren > 0) {
    lower_init_mem(a, ty, init->children[0]); /* a scalar in braces */
  }
}

static Node *scalar_init_expr(Init *init) {
  while (init && !init->expr && init->nchildren > 0)
    init = init->children[0];
  return init ? init->expr : NULL;
}

static void lower_decl(Node *n) {
  Obj *v = n->obj;
  if (!v || !v->is_local)
    return;
  cur_loc = n->loc;
  if (promoted(v)) {
    Node *e = scalar_init_expr(n->initz);
    Oper val = e ? convert(lower_expr(e), e->ty, v->ty) : zero_of(lower_kind(v->ty));
    cur_loc = n->loc;
    lv_store((LV){.is_temp = true, .temp = v->id - 1}, v->ty, val);
    return;
  }
  IrAddr a = addr_of_value(ir_slot(slot_of(v), 0));
  /* At its first execution the object is still as the entry left it
   * (zero, length words written), unless a label lets control come back. */
  bool first_only = stmt_depth == 0 && !seen_label;
  if (!first_only)
    zero_object(a, v->ty);
  lower_init_mem(a, v->ty, n->initz);
}

/* ---- statements ------------------------------------------------------------- */

static int label_block(Node *label) {
  if (!label->label_id)
    label->label_id = ir_new_block(fn) + 1;
  return label->label_id - 1;
}

/* ---- owned locals leaving their scope (§13.1, doc/decisions.md) -------------
 * An owned local (or parameter) that still holds an object when control
 * leaves its scope -- the end of its block, break, continue, return, a
 * goto out -- has the object deleted (recursively, as delete does), like
 * an owned member of a deleted object.  A moved variable holds NULL (a
 * move empties it), so nothing is deleted twice; the deletion also empties
 * it, so a later jump back past its declaration finds NULL.  own_vars is
 * the stack of the owned locals in scope, innermost last; a label records
 * the ones in scope where it stands, and a goto deletes, in a block of its
 * own filled in at the end of the function, those in scope at the goto
 * but not at its label. */
static Obj **own_vars;
static int nown, cap_own;
typedef struct {
  Node *label;                    /* a label, or a goto's target */
  Obj **vars;
  int n;
  int block;                      /* a goto's block of deletions; -1 for a label */
  Loc loc;
} OwnJump;
static OwnJump *own_jumps;
static int nown_jumps, cap_own_jumps;

/* Does an object of type T hold an owned pointer (itself one, or a
 * member or element of one, at any depth)? */
static bool holds_owned(Type *t) {
  if (!t)
    return false;
  if (t->kind == TY_PTR)
    return (t->qual & Q_OWN) != 0;
  if (t->kind == TY_ARRAY)
    return t->len > 0 && holds_owned(t->base);
  if (t->kind == TY_STRUCT && t->sdef)
    for (Member *m = t->sdef->members; m; m = m->next)
      if (holds_owned(m->ty))
        return true;
  return false;
}

/* An array with at most this many elements has its owned pointers
 * emptied at a scope's end by unrolled code; a longer one by a loop
 * (every element, whatever the length). */
#define OWN_ARRAY_UNROLL 4

static bool is_owned_local(Obj *v) {
  return v && v->is_local && !v->is_static && !v->is_function && holds_owned(v->ty);
}

static void own_push(Obj *v) {
  if (nown == cap_own) {
    cap_own = cap_own ? 2 * cap_own : 16;
    own_vars = xrealloc(own_vars, sizeof *own_vars * (size_t)cap_own);
  }
  own_vars[nown++] = v;
}

/* The owned lvalue L (of type T) is emptied and its object, if any,
 * deleted. */
static void own_drop_lv(LV l, Type *t, Loc loc) {
  cur_loc = loc;
  Oper old = as_temp(take_lv(l, t), IK_I32);
  int del = ir_new_block(fn), next = ir_new_block(fn);
  branch(old, ir_imm(0), IK_I32, CC_NE, del, next);
  cur = del;
  delete_call(old, t, loc);
  start_block(next);
}

static void own_drop_at(IrAddr a, Type *t, Loc loc);

/* Does emptying an object of type T take a loop: is it, or does it hold,
 * an array with more than OWN_ARRAY_UNROLL elements holding owned
 * pointers?  An array whose elements take a loop is looped over too, so
 * that an element's address is always one of an element of a variable
 * index (the proof checker reads an indexed address at element 0 of an
 * enclosing array as an index into that array). */
static bool own_drop_loops(Type *t) {
  if (t->kind == TY_ARRAY)
    return holds_owned(t->base) && (t->len > OWN_ARRAY_UNROLL || own_drop_loops(t->base));
  if (t->kind == TY_STRUCT && t->sdef)
    for (Member *m = t->sdef->members; m; m = m->next)
      if (own_drop_loops(m->ty))
        return true;
  return false;
}

/* The elements of the array at A (type T: own_drop_loops) in a loop: for (i = 0; i < len; i++) own_drop_at(&a[i]).  The
 * index is checked as a[i]'s would be (the optimiser drops the check it
 * proves; the proof checker sees it either way). */
static void own_drop_loop(IrAddr a, Type *t, Loc loc) {
  cur_loc = loc;
  Oper base = addr_value(a);
  int i = new_temp(IK_I32);
  IrInst *in = emit(IR_COPY);
  in->a = ir_imm(0);
  in->dst = i;
  in->k = IK_I32;
  int head = ir_new_block(fn), body = ir_new_block(fn), done = ir_new_block(fn);
  start_block(head);
  branch(ir_temp(i), ir_imm(t->len), IK_I32, CC_LT, body, done);
  cur = body;
  in = emit(IR_CHECK_BOUNDS);
  in->a = ir_temp(i);
  in->k = IK_I32;
  in->b = ir_imm(t->len);
  in->site = site("bounds", "index %lld not in [0, %llu)", loc);
  IrAddr e = addr_of_value(base);
  long long esize = t->base->size;
  if (esize == 1 || esize == 2 || esize == 4 || esize == 8) {
    e.index = i;
    e.scale = (int)esize;
  } else {
    e.index = binop(IR_MUL, IK_I32, ir_temp(i), ir_imm(esize)).temp;
    e.scale = 1;
  }
  e = addr_plus(e, CK_LEN_WORD_SIZE);     /* A and the elements: their length words too */
  own_drop_at(addr_of_value(addr_value(e)), t->base, loc);
  cur_loc = loc;
  in = emit(IR_ADD);
  in->a = ir_temp(i);
  in->b = ir_imm(1);
  in->dst = i;
  in->k = IK_I32;
  jump_to(head);
  cur = done;
}

/* The same for every owned pointer inside the object at A, of type T. */
static void own_drop_at(IrAddr a, Type *t, Loc loc) {
  if (t->kind == TY_PTR) {
    if (t->qual & Q_OWN)
      own_drop_lv(lv_addr(a), t, loc);
  } else if (t->kind == TY_ARRAY) {
    if (!holds_owned(t->base))
      return;
    if (own_drop_loops(t)) {
      own_drop_loop(a, t, loc);
      return;
    }
    for (long long i = 0; i < t->len; i++)
      own_drop_at(addr_plus(a, CK_LEN_WORD_SIZE + i * t->base->size), t->base, loc);
  } else if (t->kind == TY_STRUCT && t->sdef) {
    for (Member *m = t->sdef->members; m; m = m->next)
      if (holds_owned(m->ty))
        own_drop_at(addr_plus(a, m->offset), m->ty, loc);
  }
}

/* The owned local V (an owned pointer, or a struct or array holding some)
 * leaves its scope: emptied, and its objects deleted. */
static void own_delete(Obj *v, Loc loc) {
  if (v->ty->kind == TY_PTR) {
    Node var = {.kind = ND_VAR, .obj = v, .ty = v->ty, .loc = loc};
    own_drop_lv(lower_lval(&var), v->ty, loc);
    return;
  }
  own_drop_at(addr_of_value(ir_slot(slot_of(v), 0)), v->ty, loc);
}

/* Leaving the scopes of own_vars[FROM..]: innermost first. */
static void own_cleanup(int from, Loc loc) {
  for (int i = nown; i-- > from;)
    own_delete(own_vars[i], loc);
}

static void own_note_jump(Node *label, int block, Loc loc) {
  if (nown_jumps == cap_own_jumps) {
    cap_own_jumps = cap_own_jumps ? 2 * cap_own_jumps : 16;
    own_jumps = xrealloc(own_jumps, sizeof *own_jumps * (size_t)cap_own_jumps);
  }
  OwnJump *j = &own_jumps[nown_jumps++];
  j->label = label;
  j->n = nown;
  j->vars = xmalloc(sizeof *j->vars * (size_t)(nown ? nown : 1));
  if (nown > 0)
    memcpy(j->vars, own_vars, sizeof *j->vars * (size_t)nown);
  j->block = block;
  j->loc = loc;
}

/* At the end of the function: each goto's block deletes what its label
 * does not have in scope, then jumps there. */
static void own_finish_gotos(void) {
  for (int g = 0; g < nown_jumps; g++) {
    OwnJump *j = &own_jumps[g];
    if (j->block < 0)
      continue;
    OwnJump *at = NULL;
    for (int l = 0; l < nown_jumps; l++)
      if (own_jumps[l].block < 0 && own_jumps[l].label == j->label)
        at = &own_jumps[l];
    cur = j->block;
    for (int i = j->n; i-- > 0;) {
      bool kept = false;
      for (int k = 0; at && k < at->n; k++)
        kept |= at->vars[k] == j->vars[i];
      if (!kept)
        own_delete(j->vars[i], j->loc);
    }
    jump_to(label_block(j->label));
  }
  for (int g = 0; g < nown_jumps; g++)
    free(own_jumps[g].vars);
  nown_jumps = 0;
}

static void lower_stmts(Node *n) {
  for (; n; n = n->next)
    lower_stmt(n);
}

static void lower_stmt(Node *n) {
  cur_loc = n->loc;
  switch (n->kind) {
  case ND_BLOCK: {
    int mark = nown;
    lower_stmts(n->body);
    own_cleanup(mark, n->loc);
    nown = mark;
    return;
  }
  case ND_DECL:
    lower_decl(n);
    if (is_owned_local(n->obj))
      own_push(n->obj);
    return;
  case ND_EXPR_STMT:
    lower_discarded(n->lhs);
    return;
  case ND_NULL_STMT:
    return;
  case ND_IF: {
    /* an if's branches run at most once: no stmt_depth++ */
    int tb = ir_new_block(fn), eb = ir_new_block(fn);
    int end = n->els ? ir_new_block(fn) : eb;
    lower_cond(n->cond, tb, eb);
    cur = tb;
    lower_stmt(n->then);
    jump_to(end);
    if (n->els) {
      cur = eb;
      lower_stmt(n->els);
      jump_to(end);
    }
    cur = end;
    return;
  }
  case ND_WHILE: case ND_FOR: {
    /* rotated: the test sits after the body, so each iteration runs one branch */
    int for_mark = nown;          /* the for's own declarations live until its end */
    if (n->kind == ND_FOR && n->init) {
      if (n->init->kind == ND_BLOCK)
        lower_stmts(n->init->body);
      else
        lower_stmt(n->init);
    }
    /* blocks in layout order: body, increment, test, exit */
    int body = ir_new_block(fn);
    int cont = n->kind == ND_FOR && n->inc ? ir_new_block(fn) : -1;
    int test = ir_new_block(fn), end = ir_new_block(fn);
    if (cont < 0)
      cont = test;
    stmt_depth++;
    if (n->cond)
      jump_to(test);
    else
      jump_to(body);
    cur = body;
    reserve_jump();
    brk_own[nbrk] = nown;
    cont_own[ncont] = nown;
    brk_stack[nbrk++] = end;
    cont_stack[ncont++] = cont;
    lower_stmt(n->then);
    nbrk--, ncont--;
    if (cont != test) {
      start_block(cont);
      lower_discarded(n->inc);
    }
    start_block(test);
    if (n->cond)
      lower_cond(n->cond, body, end);
    else
      jump_to(body);
    stmt_depth--;
    cur = end;
    own_cleanup(for_mark, n->loc);
    nown = for_mark;
    return;
  }
  case ND_DO: {
    int body = ir_new_block(fn), test = ir_new_block(fn), end = ir_new_block(fn);
    stmt_depth++;
    start_block(body);
    reserve_jump();
    brk_own[nbrk] = nown;
    cont_own[ncont] = nown;
    brk_stack[nbrk++] = end;
    cont_stack[ncont++] = test;
    lower_stmt(n->then);
    nbrk--, ncont--;
    start_block(test);
    lower_cond(n->cond, body, end);
    stmt_depth--;
    cur = end;
    return;
  }
  case ND_SWITCH: {
    /* a chain of compares, never a jump table (TOOLCHAIN.md) */
    Oper v = lower_expr(n->cond);
    IrKind k = lower_kind(n->cond->ty);
    v = as_temp(v, k);
    int end = ir_new_block(fn);
    for (Node *c = n->cases; c; c = c->case_next) {
      int cb = label_block(c);
      int next = ir_new_block(fn);
      branch(v, ir_imm(c->case_val), k, CC_EQ, cb, next);
      cur = next;
    }
    jump_to(n->default_case ? label_block(n->default_case) : end);
    start_dead_block();
    stmt_depth++;
    reserve_jump();
    brk_own[nbrk] = nown;
    brk_stack[nbrk++] = end;
    lower_stmt(n->then);
    nbrk--;
    stmt_depth--;
    start_block(end);
    return;
  }
  case ND_CASE: case ND_DEFAULT:
    start_block(label_block(n));
    lower_stmt(n->then);
    return;
  case ND_BREAK:
    if (!nbrk)
      die("break outside a loop");
    own_cleanup(brk_own[nbrk - 1], n->loc);
    jump_to(brk_stack[nbrk - 1]);
    start_dead_block();
    return;
  case ND_CONTINUE:
    if (!ncont)
      die("continue outside a loop");
    own_cleanup(cont_own[ncont - 1], n->loc);
    jump_to(cont_stack[ncont - 1]);
    start_dead_block();
    return;
  case ND_GOTO:
    if (nown > 0) {
      int b = ir_new_block(fn);
      own_note_jump(n->target, b, n->loc);
      jump_to(b);
    } else {
      jump_to(label_block(n->target));
    }
    start_dead_block();
    return;
  case ND_LABEL:
    seen_label = true;
    own_note_jump(n, -1, n->loc);
    start_block(label_block(n));
    lower_stmt(n->then);
    return;
  case ND_RETURN: {
    IrInst *in;
    if (n->lhs) {
      Oper v = lower_expr(n->lhs);
      cur_loc = n->loc;
      if (fn->sret) {
        /* copy into the caller's buffer; return its address in %eax */
        Oper dst = load(addr_of_value(ir_slot(0, 0)), ty_int);
        memcopy(dst, v, n->lhs->ty->size);
        if (nown > 0) {
          dst = as_temp(dst, IK_I32);
          own_cleanup(0, n->loc);
        }
        in = emit(IR_RET);
        in->a = dst;
      } else {
        if (nown > 0) {           /* the value first: the deletions come after it */
          v = as_temp(v, fn->ret_kind);
          if (v.kind == OK_TEMP && v.temp < nvar_temp && var_temp[v.temp]) {
            IrInst *c = emit(IR_COPY);
            c->a = v;
            v = temp_of(fn->ret_kind, c);
          }
          own_cleanup(0, n->loc);
        }
        in = emit(IR_RET);
        in->a = v;
        in->k = fn->ret_kind;
      }
    } else {
      own_cleanup(0, n->loc);
      in = emit(IR_RET);
      in->k = IK_VOID;
    }
    start_dead_block();
    return;
  }
  default:
    lower_expr(n);
    return;
  }
}

/* ---- functions --------------------------------------------------------------- */

static IrFunc *lower_func(Obj *f) {
  fn = ir_new_func(f, sym_of(f));
  Type *rty = f->ty->base;
  fn->sret = rty->kind == TY_STRUCT || rty->kind == TY_UNION;
  fn->ret_kind = fn->sret ? IK_I32 : lower_kind(rty);
  nbrk = ncont = 0;
  if (var_temp)
    memset(var_temp, 0, nvar_temp * sizeof *var_temp);
  seen_label = false;
  stmt_depth = 0;

  mark_addr_taken(f->body);
  int entry = ir_new_block(fn);
  cur = entry;
  cur_loc = f->loc;
  emit(IR_NOP); /* becomes check_stack when §11 requires it */

  /* incoming parameters are at 8 + poff(%ebp): in long long, and no
   * larger than a 31-bit displacement reaches (LANGUAGE.md §10) */
  long long poff = 0;
  bool params_fit = true;
  if (fn->sret) {
    int s = ir_new_slot(fn, 4, 4, NULL, NULL);
    fn->slots[s].param_off = 0;
    poff = 4;
  }
  /* parameters first, then the other locals */
  for (Obj *v = f->locals; v; v = v->next) {
    v->id = 0;
    v->offset = 0;
    bool promote = is_scalar(v->ty) && v->ty->kind != TY_ARRAY && !v->addr_taken &&
                   !(v->ty->qual & Q_VOLATILE);
    if (v->is_param) {
      int s = ir_new_slot(fn, v->ty->size, v->ty->align, v->ty, v);
      fn->slots[s].param_off = params_fit ? (int)poff : 0;
      poff += cc_target->arg_size(v->ty);
      if (params_fit && 8 + poff > 0x7fffffffLL) {
        error_at(f->loc, "the parameters of '%s' are larger than 2^31 - 1 bytes", f->name);
        params_fit = false;
      }
      if (promote) {
        int t = new_temp(lower_kind(v->ty));
        v->id = t + 1;
        set_var_temp(t);
        IrInst *in = emit(IR_LOAD);
        in->addr = addr_of_value(ir_slot(s, 0));
        in->mem = mem_of(v->ty);
        in->dst = t;
        in->k = lower_kind(v->ty);
      } else {
        v->offset = s + 1;
      }
      continue;
    }
    if (promote) {
      int t = new_temp(lower_kind(v->ty));
      v->id = t + 1;
      set_var_temp(t);
      IrInst *in = emit(IR_COPY);
      in->a = zero_of(lower_kind(v->ty));
      in->dst = t;
      in->k = lower_kind(v->ty);
    } else {
      int s = ir_new_slot(fn, v->ty->size, v->ty->align, v->ty, v);
      v->offset = s + 1;
      zero_object(addr_of_value(ir_slot(s, 0)), v->ty);
    }
  }
  body_block = ir_new_block(fn);
  start_block(body_block);
  nown = 0;
  nown_jumps = 0;
  for (Obj *v = f->locals; v; v = v->next)
    if (v->is_param && is_owned_local(v))
      own_push(v);
  lower_stmt(f->body);
  own_cleanup(0, f->loc);         /* the parameters, when it falls off the end */
  nown = 0;
  /* falling off the end: main returns 0; elsewhere it is unreachable */
  if (!ir_is_term(fn->blocks[cur])) {
    IrInst *in;
    if (fn->sret) {
      Oper dst = load(addr_of_value(ir_slot(0, 0)), ty_int);
      in = emit(IR_RET);
      in->a = dst;
    } else {
      in = emit(IR_RET);
      in->k = fn->ret_kind;
      if (fn->ret_kind != IK_VOID)
        in->a = zero_of(fn->ret_kind);
    }
  }
  own_finish_gotos();
  /* terminate empty dead blocks */
  for (int i = 0; i < fn->nblocks; i++)
    if (!ir_is_term(fn->blocks[i])) {
      cur = i;
      IrInst *in = emit(IR_RET);
      in->k = IK_VOID;
      if (fn->sret || fn->ret_kind != IK_VOID) {
        in->k = fn->ret_kind;
        in->a = zero_of(fn->ret_kind);
      }
    }
  return fn;
}

/* ---- §11: who checks the stack ----------------------------------------------- */

static int scc_index, scc_sp;
static int *scc_idx, *scc_low, *scc_stack;
static bool *scc_on, *on_cycle;

static int func_index(IrProgram *ir, Obj *o) {
  for (int i = 0; i < ir->nfuncs; i++)
    if (ir->funcs[i]->obj == o && !ir->funcs[i]->is_thunk)
      return i;
  return -1;
}

static void scc_visit(IrProgram *ir, int v) {
  scc_idx[v] = scc_low[v] = ++scc_index;
  scc_stack[scc_sp++] = v;
  scc_on[v] = true;
  IrFunc *f = ir->funcs[v];
  for (int b = 0; b < f->nblocks; b++)
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst *in = &f->blocks[b]->ins[i];
      if (in->op != IR_CALL || !in->callee)
        continue;
      int w = func_index(ir, in->callee);
      if (w < 0)
        continue;
      if (w == v)
        on_cycle[v] = true;
      if (!scc_idx[w]) {
        scc_visit(ir, w);
        if (scc_low[w] < scc_low[v])
          scc_low[v] = scc_low[w];
      } else if (scc_on[w] && scc_idx[w] < scc_low[v]) {
        scc_low[v] = scc_idx[w];
      }
    }
  if (scc_low[v] == scc_idx[v]) {
    int n = 0, w;
    int start = scc_sp;
    do {
      w = scc_stack[--scc_sp];
      scc_on[w] = false;
      n++;
    } while (w != v);
    if (n > 1)
      for (int i = scc_sp; i < start; i++)
        on_cycle[scc_stack[i]] = true;
  }
}

static void decide_stack_checks(IrProgram *ir) {
  int n = ir->nfuncs;
  scc_idx = xmalloc((n + 1) * sizeof(int));
  scc_low = xmalloc((n + 1) * sizeof(int));
  scc_stack = xmalloc((n + 1) * sizeof(int));
  scc_on = xmalloc((n + 1) * sizeof(bool));
  on_cycle = xmalloc((n + 1) * sizeof(bool));
  scc_index = scc_sp = 0;
  for (int i = 0; i < n; i++)
    if (!scc_idx[i] && !ir->funcs[i]->is_thunk)
      scc_visit(ir, i);
  for (int i = 0; i < n; i++) {
    IrFunc *f = ir->funcs[i];
    if (f->is_thunk)
      continue;
    Obj *o = f->obj;
    f->checks_stack = !o->is_static || o->addr_taken || o->is_spawn_target || on_cycle[i];
    if (f->checks_stack) {
      IrInst *in = &f->blocks[0]->ins[0];
      in->op = IR_CHECK_STACK;
      in->site = ir_new_site(f, "stack", "frame of %llu bytes exceeds the stack limit", o->loc);
      report_note(in->site, CN_KEPT, "decide_stack_checks", o->loc, "%s",
                  !o->is_static ? "not static: called from other units"
                  : o->addr_taken ? "its address is taken"
                  : o->is_spawn_target ? "a spawn target" : "on a call cycle");
    } else {
      report_lowered(f, "stack", NULL, o->loc, "static, not on a call cycle, address not taken: its "
                                               "callers' checks cover its frame");
    }
  }
}

IrProgram *lower_program(Program *prog) {
  irp = xmalloc(sizeof *irp);
  irp->prog = prog;
  for (Obj *g = prog->globals; g; g = g->next) {
    if (!g->is_function || !g->is_definition || !g->body)
      continue;
    IrFunc *f = lower_func(g);
    if (irp->nfuncs == irp->cap) {
      irp->cap = irp->cap ? 2 * irp->cap : 16;
      irp->funcs = xrealloc(irp->funcs, irp->cap * sizeof *irp->funcs);
    }
    irp->funcs[irp->nfuncs++] = f;
  }
  decide_stack_checks(irp);
  return irp;
}

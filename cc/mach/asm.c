/* asm.c -- machine IR (mir.h) printed as AT&T assembly.
 *
 * The only place that spells an operand: registers by the target's names
 * at the operand's width, immediates with '$', memory as
 * [sym][+disp](base,index,scale) -- a displacement without a symbol is
 * always written, 0 included, which keeps the text the checker's tests
 * and the golden files have always seen. */
#include "../cc.h"

/* A symbol plus a displacement (either may be absent): sym, sym+8, -4. */
static void put_sym_disp(MirOp o, Buf *out) {
  if (o.sym)
    buf_printf(out, o.disp ? "%s%+lld" : "%s", o.sym, o.disp);
  else
    buf_printf(out, "%lld", o.disp);
}

static void put_op(const struct mir_target *t, MirOp o, Buf *out) {
  switch (o.kind) {
  case MO_REG:
    buf_puts(out, t->reg_name(o.reg, o.width));
    return;
  case MO_IMM:
    buf_putc(out, '$');
    put_sym_disp(o, out);
    return;
  case MO_MEM:
    put_sym_disp(o, out);
    if (o.reg < 0 && o.index < 0)
      return;
    buf_putc(out, '(');
    if (o.reg >= 0)
      buf_puts(out, t->reg_name(o.reg, 4));
    if (o.index >= 0)
      buf_printf(out, ",%s,%d", t->reg_name(o.index, 4), o.scale);
    buf_putc(out, ')');
    return;
  case MO_LABEL:
    buf_puts(out, o.sym);
    return;
  default:
    die("printing an empty machine operand");
  }
}

void mir_print(const struct mir_target *t, const Mir *m, Buf *out) {
  for (int i = 0; i < m->n; i++) {
    const MirInst *e = &m->v[i];
    if (e->op == MIR_LABEL) {
      buf_printf(out, "%s:\n", e->text);
      continue;
    }
    if (e->op == MIR_TEXT) {
      buf_puts(out, e->text);
      continue;
    }
    if (e->op >= t->nops)
      die("machine opcode %d outside the target's table", e->op);
    buf_putc(out, '\t');
    buf_puts(out, t->ops[e->op].name);
    for (int k = 0; k < e->nops; k++) {
      buf_puts(out, k ? ", " : " ");
      put_op(t, e->o[k], out);
    }
    buf_putc(out, '\n');
  }
}

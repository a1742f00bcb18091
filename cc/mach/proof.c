/* mach/proof.c -- the .cuckoo.proof records of one output (doc/verify.md,
 * TOOLCHAIN.md "The proof").
 *
 * The proof says what the checker cannot derive from the machine code: a
 * function's type and its frame (which frame-pointer offsets hold a
 * variable of which type, which are scratch, where the outgoing arguments
 * are), and the type of each object the code may address.  It is a hint,
 * not a trust root: the checker re-derives every fact from the code and
 * refuses what it cannot.  The records are target-neutral text; the
 * target's emitter writes them into the object. */
#include "../cc.h"
#include "../target.h"

#include <stdarg.h>
#include <stdlib.h>

static Buf proof;

void mach_proof_begin(void) {
  free(proof.s);
  proof = (Buf){0};
}

void mach_proof_printf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  buf_vprintf(&proof, fmt, ap);
  va_end(ap);
}

void mach_proof_func(IrFunc *f, const MachFrame *fr) {
  if (f->is_thunk) {
    /* the address-taken entry of a static function: its frame is the
     * argument copy below the return address and the two saved words */
    mach_proof_printf("func %s f(i32;p(k(s:__cuckoo_args?)))\nthunk %s\nframe %d saved 2\nend\n", f->name,
                      f->thunk_target->name, f->frame_n - 4);
    return;
  }
  mach_proof_printf("func %s %s\n", f->name, type_canon_str(typesec_symbol_type(f->obj)));
  mach_proof_printf("frame %d saved %d\n", f->frame_n, fr->nsaved);
  for (int i = 0; i < f->nslots; i++) {
    IrSlot *sl = &f->slots[i];
    if (sl->param_off >= 0)
      continue;
    if (sl->ty && sl->ty->size == sl->size)
      mach_proof_printf("%s %d %d %s\n", sl->obj && sl->obj->holds_stack ? "stackslot" : "slot", sl->offset,
                        sl->size, type_canon_str(sl->ty));
    else
      mach_proof_printf("scratch %d %d\n", sl->offset, sl->size);
  }
  for (int t = 0; t < f->ntemps; t++)
    if (fr->reg[t] < 0 && fr->slot_of[t] == t)
      mach_proof_printf("scratch %d %d\n", fr->spill[t], f->tkind[t] == IK_I32 ? 4 : 8);
  mach_proof_printf("scratch %d 16\n", fr->scratch);
  if (fr->outgoing)
    mach_proof_printf("out %d %d\n", -f->frame_n + 4, fr->outgoing);
  mach_proof_printf("end\n");
}

char *mach_proof_text(void) { return format("cuckoo-proof 1\n%s", proof.s ? proof.s : ""); }

/* discipline.c -- the Cuckoo code discipline (TOOLCHAIN.md "What
 * cuckoo-objcheck checks") and rule 3 (block vs symbol table).
 *
 * A unit is an object: functions are the STT_FUNC symbols of its code
 * sections, branch targets come through relocations.  (A linked program's
 * code is audited by linking the objects it holds again: progaudit.c.)
 * The checks:
 *   1. every function decodes completely; code sections of an object are
 *      covered by functions (padding between them may only be no-ops, which
 *      nothing can reach since every target is checked);
 *   2. no forbidden instruction, no %fs/%gs access but the stack check's;
 *   3. direct branches land on an instruction boundary of their function or
 *      on a function; never inside the stack check or between the NULL test
 *      and its call *%reg;
 *   4. indirect calls only as testl/je/call *%reg on one register; no
 *      indirect jump; ret or ret $4;
 *   5. %esp changes only as a frame does; the frame is the prologue's pushes
 *      plus its subl; the stack check covers the frame, and the frames of the
 *      static callees that rely on it (abi.md "The stack check");
 *   6. the functions LANGUAGE.md §11 names begin with the stack check:
 *      global ones, those whose address is taken, those on a call cycle.
 */
#include "config.h"
#include <elf.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/types.h>
#include <stdlib.h>
#include <string.h>
#include "tld.h"

#define NO_FN ((size_t)-1)

struct fn {
    const char *name;
    unsigned sec;             /* object: section index */
    uint32_t start, size;     /* section offsets */
    const unsigned char *code;
    int global;
    struct tld_insn *ins;
    size_t nins;
    int has_check;
    uint32_t checked;
    uint32_t frame;
    int addr_taken;
    int on_cycle;
    size_t *callees;
    size_t ncallees, capcallees;
    /* Tarjan */
    long idx, low;
    int onstack;
    /* need(): 0 unknown, 1 computing, 2 done */
    int need_state;
    uint64_t need;      /* a chain of 31-bit frames: wider than a checked size */
};

struct unit {
    const char *file;
    struct tld_obj *obj;          /* object mode */
    const struct tld_elf *e;
    const struct tld_block *block;/* object: its block */
    struct fn *fns;
    size_t nfns;
    int errors;
    /* the machine's stack check (common/abi.h): its length, where its TLS
     * field and the instruction holding it are */
    const struct ck_machine *m;
    uint32_t sc_len, sc_tls_field, sc_tls_insn;
};

/* The unit's machine, from its ELF header, and where its stack check's
 * parts lie. */
static void unit_machine(struct unit *u)
{
    u->m = u->e->mach;
    if (!u->m)
        tld_die("an ELF file read without its machine");
    u->sc_len = ck_seq_len(&u->m->stack_check);
    u->sc_tls_field = (uint32_t)ck_seq_field_off(&u->m->stack_check, CK_FIELD_TLS);
    u->sc_tls_insn = (uint32_t)ck_seq_field_insn_off(&u->m->stack_check, CK_FIELD_TLS);
}

static void err_at(struct unit *u, const struct fn *f, uint32_t off, const char *fmt, ...) TLD_PRINTF(4, 5);
static void err_at(struct unit *u, const struct fn *f, uint32_t off, const char *fmt, ...)
{
    va_list ap;
    char *msg, *where;
    va_start(ap, fmt);
    if (vasprintf(&msg, fmt, ap) < 0)
        tld_die("out of memory");
    va_end(ap);
    where = f ? xasprintf("%s:%s+0x%x", u->file, f->name, off) : xstrdup(u->file);
    tld_error(where, "%s", msg);
    free(where);
    free(msg);
    u->errors++;
}

static uint32_t le32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

static int fn_cmp(const void *a, const void *b)
{
    const struct fn *x = a, *y = b;
    if (x->sec != y->sec)
        return x->sec < y->sec ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* The function of unit U starting exactly at START in section SEC. */
static size_t fn_at(const struct unit *u, unsigned sec, uint32_t start)
{
    size_t lo = 0, hi = u->nfns;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const struct fn *f = &u->fns[mid];
        if (f->sec < sec || (f->sec == sec && f->start < start))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < u->nfns && u->fns[lo].sec == sec && u->fns[lo].start == start ? lo : NO_FN;
}

static ssize_t insn_at(const struct fn *f, uint32_t rel)
{
    size_t lo = 0, hi = f->nins;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (f->ins[mid].off < rel)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < f->nins && f->ins[lo].off == rel ? (ssize_t)lo : -1;
}

static void add_edge(struct fn *from, size_t to)
{
    for (size_t i = 0; i < from->ncallees; i++)
        if (from->callees[i] == to)
            return;
    TLD_GROW(from->callees, from->ncallees, from->capcallees);
    from->callees[from->ncallees++] = to;
}

/* The relocation of an object section at OFFSET, if any. */
static const struct tld_reloc *reloc_at(const struct unit *u, unsigned sec, uint32_t offset)
{
    for (size_t i = 0; i < u->e->nrelocs[sec]; i++)
        if (u->e->relocs[sec][i].offset == offset)
            return &u->e->relocs[sec][i];
    return NULL;
}

/* Is T the machine's domain test, reading the domain flag itself? */
static int is_domain_test(const struct unit *u, const struct fn *f, const struct tld_insn *t)
{
    struct ck_match m;
    const struct ck_seq *s = &u->m->domain_test;
    if (!s->n || t->len != ck_seq_len(s) || !ck_seq_match(s, f->code + t->off, t->len, &m) || m.tls != 0)
        return 0;
    const struct tld_reloc *r = reloc_at(u, f->sec, f->start + t->off + (uint32_t)ck_seq_field_off(s, CK_FIELD_TLS));
    return r && r->type == u->m->r_tls_le && !strcmp(u->e->syms[r->sym].name, u->m->domain_flag_sym);
}

static const struct tld_rec *block_rec(const struct unit *u, const char *name)
{
    if (!u->block)
        return NULL;
    for (size_t i = 0; i < u->block->nrecs; i++)
        if (!strcmp(u->block->recs[i].name, name))
            return &u->block->recs[i];
    return NULL;
}

/* ---- the stack check and the prologue ---- */

static int match_stack_check(struct unit *u, struct fn *f)
{
    const unsigned char *c = f->code;
    struct ck_match m;
    if (!ck_seq_match(&u->m->stack_check, c, f->size, &m))
        return 0;
    const struct tld_reloc *r = reloc_at(u, f->sec, f->start + u->sc_tls_field);
    if (!r || r->type != u->m->r_tls_le || strcmp(u->e->syms[r->sym].name, u->m->stack_limit_sym) || m.tls != 0)
        return 0;
    f->checked = m.size;
    return 1;
}

/* pushes and the subl that follow the check (or the entry) */
static void prologue(const struct unit *u, struct fn *f, size_t *after)
{
    size_t i = 0;
    while (i < f->nins && f->ins[i].off < (f->has_check ? u->sc_len : 0))
        i++;
    uint32_t frame = 0;
    for (; i < f->nins; i++) {
        const struct tld_insn *t = &f->ins[i];
        const unsigned char *b = f->code + t->off;
        if (t->len == 1 && b[0] >= 0x50 && b[0] <= 0x57)
            frame += 4; /* push %reg */
        else if (t->len == 2 && ((b[0] == 0x89 && b[1] == 0xe5) || (b[0] == 0x8b && b[1] == 0xec)))
            ; /* movl %esp, %ebp */
        else
            break;
    }
    if (i < f->nins && f->ins[i].mnemonic != 0) {
        const unsigned char *b = f->code + f->ins[i].off;
        if (f->ins[i].writes_esp && f->ins[i].esp_ok && b[1] == 0xec && (b[0] == 0x83 || b[0] == 0x81) &&
            f->ins[i].imm >= 0) {
            frame += (uint32_t)f->ins[i].imm;
            i++;
        }
    }
    f->frame = frame;
    *after = i;
}

/* ---- branches ---- */

static void check_internal_target(struct unit *u, struct fn *f, const struct tld_insn *t, int64_t target,
                                  unsigned sec, int *ok)
{
    if (target >= f->start && target < (int64_t)f->start + f->size) {
        uint32_t rel = (uint32_t)(target - f->start);
        ssize_t k = insn_at(f, rel);
        if (rel == 0) /* a recursive call or jump back to the entry */
            add_edge(f, (size_t)(f - u->fns));
        if (k < 0) {
            err_at(u, f, t->off, "branch to %s+0x%x, which is not an instruction boundary", f->name, rel);
        } else if (f->has_check && rel > 0 && rel < u->sc_len) {
            err_at(u, f, t->off, "branch into the stack check at %s+0x%x", f->name, rel);
        } else if ((f->ins[k].branch == 2 && f->ins[k].is_call) ||
                   (k + 1 < (ssize_t)f->nins && f->ins[k + 1].branch == 2 && f->ins[k + 1].is_call &&
                    f->ins[k].is_jcc)) {
            err_at(u, f, t->off, "branch past the NULL check of an indirect call at %s+0x%x", f->name, rel);
        }
        *ok = 1;
        return;
    }
    size_t g = fn_at(u, sec, (uint32_t)target);
    if (g != NO_FN) {
        add_edge(f, g);
        *ok = 1;
    }
}

static void check_branch(struct unit *u, size_t fi, const struct tld_insn *t)
{
    struct fn *f = &u->fns[fi];
    uint32_t field = f->start + t->off + t->rel_off;
    uint32_t end = f->start + t->off + t->len;
    const struct tld_reloc *r = reloc_at(u, f->sec, field);
    int ok = 0;
    if (!r) {
        int64_t target = (int64_t)f->start + t->disp_target;
        check_internal_target(u, f, t, target, f->sec, &ok);
        if (!ok)
            err_at(u, f, t->off, "branch to 0x%llx, which is neither in %s nor a function",
                   (unsigned long long)(uint32_t)target, f->name);
        return;
    }
    if (r->type != u->m->r_pc && r->type != u->m->r_plt) {
        err_at(u, f, t->off, "branch through a relocation of type %u", r->type);
        return;
    }
    if (t->len - t->rel_off != 4) {
        err_at(u, f, t->off, "relocated branch with a short displacement");
        return;
    }
    int32_t a = (int32_t)le32(f->code + t->off + t->rel_off);
    int64_t delta = (int64_t)a + (end - field);
    const struct tld_sym *s = &u->e->syms[r->sym];
    if (s->shndx == SHN_UNDEF) {
        const struct tld_rec *rec = block_rec(u, s->name);
        if (delta != 0)
            err_at(u, f, t->off, "branch to %s%+lld, not to the function", s->name, (long long)delta);
        else if (rec && rec->kind != TLD_FUNC)
            err_at(u, f, t->off, "branch to '%s', which the block lists as %s", s->name,
                   tld_kind_names[rec->kind]);
        return; /* an undefined symbol without a ref is rule 3's error */
    }
    if (s->shndx >= u->e->nsecs || !(u->e->secs[s->shndx].flags & SHF_EXECINSTR)) {
        err_at(u, f, t->off, "branch to '%s', which is not code", s->name);
        return;
    }
    int64_t target = (int64_t)(s->type == STT_SECTION ? 0 : s->value) + delta;
    if (s->shndx == f->sec) {
        check_internal_target(u, f, t, target, f->sec, &ok);
    } else if (target >= 0 && fn_at(u, s->shndx, (uint32_t)target) != NO_FN) {
        add_edge(f, fn_at(u, s->shndx, (uint32_t)target));
        ok = 1;
    }
    if (!ok)
        err_at(u, f, t->off, "branch to %s+0x%llx, which is neither in %s nor a function", s->name,
               (long long)(target - (s->type == STT_SECTION ? 0 : s->value)), f->name);
}

/* ---- relocations inside code ---- */

static void check_code_relocs(struct unit *u, size_t fi)
{
    struct fn *f = &u->fns[fi];
    for (size_t i = 0; i < u->e->nrelocs[f->sec]; i++) {
        const struct tld_reloc *r = &u->e->relocs[f->sec][i];
        if (r->offset < f->start || r->offset >= f->start + f->size)
            continue;
        uint32_t rel = r->offset - f->start;
        /* the instruction holding it */
        size_t k = 0;
        while (k + 1 < f->nins && f->ins[k + 1].off <= rel)
            k++;
        const struct tld_insn *t = &f->ins[k];
        uint32_t in = rel - t->off;
        if (rel + u->m->reloc_size > t->off + t->len) {
            err_at(u, f, rel, "relocation straddles an instruction boundary");
            continue;
        }
        if (r->type == u->m->r_pc || r->type == u->m->r_plt) {
            if (!(t->branch == 1 && in == t->rel_off))
                err_at(u, f, rel, "PC-relative relocation outside a branch");
        } else if (r->type == u->m->r_abs) {
            if (!((t->disp_size == 32 && in == t->disp_off) || (t->imm_size == 32 && in == t->imm_off)))
                err_at(u, f, rel, "relocation is not on an immediate or displacement");
            if (t->branch)
                err_at(u, f, rel, "absolute relocation on a branch");
        } else if (r->type == u->m->r_tls_le) {
            /* the stack check's read of the stack limit, or a store check's
             * `cmpl $0, %gs:FLAG` (its place and form: verify.c) */
            if (!(f->has_check && rel == u->sc_tls_field) &&
                !(!strcmp(u->e->syms[r->sym].name, u->m->domain_flag_sym) && is_domain_test(u, f, t)))
                err_at(u, f, rel, "thread-local access outside the stack check and the domain test");
        } else {
            err_at(u, f, rel, "relocation of type %u in code", r->type);
        }
    }
}

/* ---- one function ---- */

static void audit_fn(struct unit *u, size_t fi)
{
    struct fn *f = &u->fns[fi];
    size_t after_prologue;
    f->has_check = match_stack_check(u, f);
    prologue(u, f, &after_prologue);
    for (size_t i = 0; i < f->nins; i++) {
        const struct tld_insn *t = &f->ins[i];
        const unsigned char *b = f->code + t->off;
        if (t->forbidden[0])
            err_at(u, f, t->off, "forbidden instruction: %s", t->forbidden);
        if (t->seg_fs_gs && !(f->has_check && t->off == u->sc_tls_insn) && !is_domain_test(u, f, t))
            err_at(u, f, t->off, "access through %%fs or %%gs outside the stack check and the domain test");
        if (t->writes_esp && !t->esp_ok)
            err_at(u, f, t->off, "%%esp written other than by a frame's push, pop, add, sub or restore");
        else if (t->writes_esp && b[1] == 0xec && (b[0] == 0x83 || b[0] == 0x81) &&
                 i + 1 != after_prologue && (t->imm < 0 || t->imm > 16))
            err_at(u, f, t->off, "stack allocated outside the prologue (subl $%lld, %%esp)", (long long)t->imm);
        if (t->is_ret && !(t->imm == 0 || t->imm == 4))
            err_at(u, f, t->off, "ret $%lld (only ret and ret $4)", (long long)t->imm);
        if (t->branch == 2 && t->is_jmp)
            err_at(u, f, t->off, "indirect jump");
        if (t->branch == 2 && t->is_call) {
            /* testl %r,%r ; je rel32 ; call *%r -- exactly (abi.md): the
             * machine's sequence, ending with this call, on one register */
            const struct ck_seq *ic = &u->m->indirect_call;
            unsigned n = ic->n, len = ck_seq_len(ic);
            int ok = i + 1 >= n && f->ins[i + 1 - n].off + len == t->off + t->len &&
                     ck_seq_match(ic, f->code + f->ins[i + 1 - n].off, len, NULL);
            if (!ok)
                err_at(u, f, t->off, "indirect call not in the form testl %%reg,%%reg; je; call *%%reg");
        }
        if (t->branch == 1)
            check_branch(u, fi, t);
    }
    check_code_relocs(u, fi);
    if (f->has_check && f->checked < f->frame)
        err_at(u, f, 0, "the stack check covers %u bytes but the frame uses %u", f->checked, f->frame);
}

/* ---- the call graph ---- */

static void tarjan(struct unit *u, size_t v, long *counter, size_t *stack, size_t *sp)
{
    struct fn *f = &u->fns[v];
    f->idx = f->low = ++*counter;
    stack[(*sp)++] = v;
    f->onstack = 1;
    for (size_t i = 0; i < f->ncallees; i++) {
        size_t w = f->callees[i];
        if (w == v)
            f->on_cycle = 1;
        if (!u->fns[w].idx) {
            tarjan(u, w, counter, stack, sp);
            if (u->fns[w].low < f->low)
                f->low = u->fns[w].low;
        } else if (u->fns[w].onstack && u->fns[w].idx < f->low) {
            f->low = u->fns[w].idx;
        }
    }
    if (f->low == f->idx) {
        size_t n = 0, w;
        size_t top = *sp;
        do {
            w = stack[--*sp];
            u->fns[w].onstack = 0;
            n++;
        } while (w != v);
        if (n > 1)
            for (size_t k = *sp; k < top; k++)
                u->fns[stack[k]].on_cycle = 1;
    }
}

/* Bytes below its callers' checked size that an unchecked static function
 * relies on: its frame and its own unchecked callees'. */
static uint64_t need(struct unit *u, size_t v)
{
    struct fn *f = &u->fns[v];
    if (f->need_state == 2)
        return f->need;
    if (f->need_state == 1)
        return 0; /* a cycle: reported as a missing check */
    f->need_state = 1;
    uint64_t m = 0;
    for (size_t i = 0; i < f->ncallees; i++) {
        size_t w = f->callees[i];
        if (!u->fns[w].has_check) {
            uint64_t n = need(u, w);
            if (n > m)
                m = n;
        }
    }
    /* the call into an unchecked callee pushes its return address there too */
    f->need = f->frame + (m ? 4 + m : 0);
    f->need_state = 2;
    return f->need;
}

static void check_stack_rules(struct unit *u)
{
    size_t *stack = xcalloc(u->nfns + 1, sizeof *stack), sp = 0;
    long counter = 0;
    for (size_t v = 0; v < u->nfns; v++)
        if (!u->fns[v].idx)
            tarjan(u, v, &counter, stack, &sp);
    free(stack);
    for (size_t v = 0; v < u->nfns; v++) {
        struct fn *f = &u->fns[v];
        const char *why = f->global ? "it is global" : f->addr_taken ? "its address is taken"
                        : f->on_cycle ? "it is on a call-graph cycle" : NULL;
        if (why && !f->has_check)
            err_at(u, f, 0, "must begin with the stack check (%s)", why);
    }
    for (size_t v = 0; v < u->nfns; v++) {
        struct fn *f = &u->fns[v];
        if (!f->has_check || !f->nins)
            continue;
        /* in 64 bits: frames summed along a chain must not wrap to a
         * small number that a small check would cover */
        uint64_t m = 0;
        for (size_t i = 0; i < f->ncallees; i++)
            if (!u->fns[f->callees[i]].has_check) {
                uint64_t n = need(u, f->callees[i]);
                if (n > m)
                    m = n;
            }
        if (m && f->checked < f->frame + 4 + m)
            err_at(u, f, 0, "the stack check covers %u bytes but the frame and the unchecked static "
                   "callees need %llu", f->checked, (unsigned long long)(f->frame + 4 + m));
    }
}

static void free_unit(struct unit *u)
{
    for (size_t i = 0; i < u->nfns; i++) {
        free(u->fns[i].ins);
        free(u->fns[i].callees);
    }
    free(u->fns);
}

static int decode_fns(struct unit *u)
{
    int ok = 1;
    for (size_t i = 0; i < u->nfns; i++) {
        struct fn *f = &u->fns[i];
        uint32_t bad = 0;
        f->ins = tld_decode(f->code, f->size, &f->nins, &bad);
        if (!f->ins) {
            err_at(u, f, bad, "bytes that do not decode as a whole instruction");
            ok = 0;
        }
    }
    return ok;
}

/* ---- objects ---- */

/* A relocation in a data section (or an absolute one in code) that points
 * at a function's first byte takes its address. */
static void mark_address_taken(struct unit *u)
{
    const struct tld_elf *e = u->e;
    for (size_t s = 0; s < e->nsecs; s++) {
        if (!(e->secs[s].flags & SHF_ALLOC) || !strcmp(e->secs[s].name, CK_CALLSITES_SECTION))
            continue;
        int code = (e->secs[s].flags & SHF_EXECINSTR) != 0;
        for (size_t i = 0; i < e->nrelocs[s]; i++) {
            const struct tld_reloc *r = &e->relocs[s][i];
            const struct tld_sym *y = &e->syms[r->sym];
            if (code && r->type != u->m->r_abs)
                continue; /* branches are calls, not address-taking */
            if (y->shndx == SHN_UNDEF || y->shndx >= e->nsecs || !e->secs[s].data)
                continue;
            int64_t target = (y->type == STT_SECTION ? 0 : y->value) + (int32_t)le32(e->secs[s].data + r->offset);
            if (r->type == u->m->r_pc || r->type == u->m->r_plt)
                target += u->m->reloc_size; /* a data-side PC32 names S + A - P; P's own 4 cancel */
            size_t g = target >= 0 ? fn_at(u, y->shndx, (uint32_t)target) : NO_FN;
            if (g != NO_FN)
                u->fns[g].addr_taken = 1;
        }
    }
}

int tld_audit_object(struct tld_obj *o)
{
    struct unit u = {.file = o->name, .obj = o, .e = &o->elf, .block = o->nblocks ? &o->blocks[0] : NULL};
    unit_machine(&u);
    size_t cap = 0;
    const struct tld_elf *e = &o->elf;
    for (size_t i = 1; i < e->nsyms; i++) {
        const struct tld_sym *y = &e->syms[i];
        if (y->type != STT_FUNC || y->shndx == SHN_UNDEF || y->shndx >= e->nsecs)
            continue;
        const struct tld_section *s = &e->secs[y->shndx];
        if (!(s->flags & SHF_EXECINSTR) || !s->data) {
            err_at(&u, NULL, 0, "function '%s' is not in a code section", y->name);
            continue;
        }
        if (y->size == 0 || (uint64_t)y->value + y->size > s->size) {
            err_at(&u, NULL, 0, "function '%s' has a bad extent (0x%x, size 0x%x)", y->name, y->value, y->size);
            continue;
        }
        TLD_GROW(u.fns, u.nfns, cap);
        struct fn *f = &u.fns[u.nfns++];
        memset(f, 0, sizeof *f);
        f->name = y->name;
        f->sec = y->shndx;
        f->start = y->value;
        f->size = y->size;
        f->code = s->data + y->value;
        f->global = y->bind != STB_LOCAL;
    }
    if (u.nfns)
        qsort(u.fns, u.nfns, sizeof *u.fns, fn_cmp);
    /* coverage of every code section */
    for (size_t s = 0; s < e->nsecs; s++) {
        const struct tld_section *sec = &e->secs[s];
        if (!(sec->flags & SHF_EXECINSTR) || !sec->size)
            continue;
        if (!sec->data) {
            err_at(&u, NULL, 0, "code section %s has no contents", sec->name);
            continue;
        }
        uint32_t pos = 0;
        for (size_t i = 0; i <= u.nfns; i++) {
            uint32_t next = sec->size;
            if (i < u.nfns) {
                if (u.fns[i].sec != s)
                    continue;
                next = u.fns[i].start;
            }
            if (next < pos) {
                err_at(&u, NULL, 0, "functions '%s' and the one before it overlap in %s", u.fns[i].name, sec->name);
            } else if (next > pos) {
                size_t n;
                uint32_t bad;
                struct tld_insn *pad = tld_decode(sec->data + pos, next - pos, &n, &bad);
                int only_nops = pad != NULL;
                for (size_t k = 0; pad && k < n; k++)
                    if (!pad[k].is_nop)
                        only_nops = 0;
                free(pad);
                if (!only_nops)
                    err_at(&u, NULL, 0, "bytes 0x%x-0x%x of %s are not covered by a function", pos,
                           next - 1, sec->name);
            }
            if (i < u.nfns && u.fns[i].start + u.fns[i].size > pos)
                pos = u.fns[i].start + u.fns[i].size;
        }
    }
    if (decode_fns(&u)) {
        mark_address_taken(&u);
        for (size_t i = 0; i < u.nfns; i++)
            audit_fn(&u, i);
        check_stack_rules(&u);
    }
    free_unit(&u);
    /* the discipline holds: now every function against its proof */
    if (!u.errors && o->cls == TLD_CUCKOO && tld_prove)
        u.errors += tld_verify_object(o);
    return u.errors;
}

/* ---- rule 3: the block and the symbol table agree ---- */

int tld_check_symbols(struct tld_obj *o)
{
    const struct tld_block *b = &o->blocks[0];
    const struct tld_elf *e = &o->elf;
    int errors = 0;
    struct tld_map recs = {0}, syms = {0};
    for (size_t i = 0; i < b->nrecs; i++)
        tld_map_put(&recs, b->recs[i].name, &b->recs[i]);
    for (size_t i = 1; i < e->nsyms; i++) {
        const struct tld_sym *y = &e->syms[i];
        if (y->type == STT_SECTION || y->type == STT_FILE || !*y->name)
            continue;
        if (y->bind == STB_LOCAL) {
            if (y->shndx == SHN_UNDEF) {
                tld_error(o->name, "local undefined symbol '%s'", y->name);
                errors++;
            }
            continue;
        }
        if (y->bind == STB_WEAK) {
            tld_error(o->name, "weak symbol '%s' is refused", y->name);
            errors++;
            continue;
        }
        if (y->shndx == SHN_COMMON) {
            tld_error(o->name, "common symbol '%s' is refused", y->name);
            errors++;
            continue;
        }
        if (y->bind != STB_GLOBAL) {
            tld_error(o->name, "symbol '%s' has an unsupported binding", y->name);
            errors++;
            continue;
        }
        if (y->shndx == SHN_UNDEF && (!strcmp(y->name, CK_STATIC_START_SYM) || !strcmp(y->name, CK_STATIC_END_SYM)))
            continue; /* cuckoo-ld's bounds of the static storage: no object or type of
                         the program, only compared with (structure.c, verify.c) */
        if (y->shndx == SHN_UNDEF && !strcmp(y->name, "_GLOBAL_OFFSET_TABLE_")) {
            /* gas declares it in every object that uses @ntpoff (the stack
             * check); harmless unless a relocation actually uses it */
            int used = 0;
            for (size_t s = 0; s < e->nsecs; s++)
                for (size_t k = 0; k < e->nrelocs[s]; k++)
                    if (e->relocs[s][k].sym == i)
                        used = 1;
            if (!used)
                continue;
            tld_error(o->name, "uses the global offset table: not cuckoo-cc code");
            errors++;
            continue;
        }
        tld_map_put(&syms, y->name, (void *)y);
        const struct tld_rec *r = tld_map_get(&recs, y->name);
        const char *what = y->shndx == SHN_UNDEF ? "references" : "defines";
        if (!r || r->is_def != (y->shndx != SHN_UNDEF)) {
            tld_error(o->name, "the .cuckoo.types block hides symbol '%s': the object %s it but the "
                      "block has no '%s' record for it", y->name, what, y->shndx == SHN_UNDEF ? "ref" : "def");
            errors++;
            continue;
        }
        int want = r->kind == TLD_FUNC ? STT_FUNC : r->kind == TLD_DATA ? STT_OBJECT : STT_TLS;
        int ok = y->shndx == SHN_UNDEF ? (y->type == STT_TLS) == (want == STT_TLS) || y->type == STT_NOTYPE
                                       : y->type == want;
        if (y->shndx == SHN_UNDEF && want == STT_TLS && y->type != STT_TLS)
            ok = 0;
        if (!ok) {
            static const char *const tn[] = {"untyped", "data", "a function", "a section", "a file",
                                             "common", "thread-local"};
            tld_error(o->name, "symbol '%s' is %s in the symbol table but '%s' in the block", y->name,
                      y->type < 7 ? tn[y->type] : "of an unknown type", tld_kind_names[r->kind]);
            errors++;
        }
    }
    for (size_t i = 0; i < b->nrecs; i++)
        if (b->recs[i].is_def && !tld_map_get(&syms, b->recs[i].name)) {
            tld_error(o->name, "the block defines '%s' but the object does not", b->recs[i].name);
            errors++;
        }
    tld_map_free(&recs);
    tld_map_free(&syms);
    return errors;
}

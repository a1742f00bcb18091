/* verify.c -- the proof checker of TOOLCHAIN.md "Verified code".
 *
 * For every function of a Cuckoo object, the machine code itself is typed:
 * an abstract state (registers, the function's own frame cells, facts
 * about values) is carried through every instruction, and every
 * instruction form has one typing rule (doc/verify.md); a form without a
 * rule is refused.  The compiler's .cuckoo.proof section gives what only
 * the compiler knows and the checker cannot derive -- the function's
 * type, its frame slots and their types, the types of its static objects
 * -- and every word of it is checked against the code and the data:
 * a wrong proof gives a refusal, never an unsafe program.
 *
 * Values are numbered (a load or an operation makes a new number, a copy
 * keeps it), and facts are about numbers: "v <u 10", "v <u len(w)" (the
 * length word of the array that w points to), "v != 0".  A number never
 * changes its value, so a fact stays true for as long as some register or
 * frame cell still holds the number; only the function's own frame cells
 * are tracked at all, never shared memory (the paper's thread-safety
 * argument): what is read from memory is known by its type alone, and
 * length words, which never change, are the only memory facts.
 *
 * At a block entered other than by falling through, the states of the
 * incoming edges are joined (a location keeps its number only where every
 * edge agrees; a fact survives only where every edge has it), iterated to
 * a fixed point over the blocks, in practice two or three passes.  A
 * head is rebuilt from its edges' latest states, which need not only
 * lose knowledge from pass to pass (a stale edge may bring a fact or a
 * relation back); after FACTS_SHRINK_AFTER passes a head keeps only the
 * facts and relations it already had, so its state can only shrink, and
 * the iteration ends (join_into).
 */
#include "config.h"
#include <Zydis/Zydis.h>
#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "canon.h"
#include "tld.h"

/* The tag of a thunk's argument block: ARGS_TAG and its function's type. */
#define ARGS_TAG "__cuckoo_args "

/* ================================================================== */
/* Types: canonical types with their i386 layout (doc/abi.md "Data")   */
/* ================================================================== */

struct vtags { /* struct/union tag -> its complete spelling, per object */
    struct tld_map m;
    char *conflict;         /* a tag spelt two ways, or NULL */
    /* the tags the object's block names: tag -> its spelling in full
     * there, or &named_only when the block names it only incomplete */
    struct tld_map block;
};

/* What the block map holds for a tag the block never spells in full. */
static const struct ctype named_only;

/* The map's key of struct or union T: its whole tag, however long (a key
 * cut to a fixed size made two tags with one long prefix one tag, and a
 * forged object had an incomplete struct read with another's layout).
 * The caller frees it. */
static char *tag_key(const struct ctype *t)
{
    return xasprintf("%c:%s", t->tag == CT_STRUCT ? 's' : 'u', t->tagname);
}

static const struct ctype *complete(const struct vtags *tg, const struct ctype *t)
{
    if ((t->tag == CT_STRUCT || t->tag == CT_UNION) && (t->backref || t->incomplete)) {
        char *key = tag_key(t);
        const struct ctype *c = tld_map_get(&tg->m, key);
        free(key);
        return c ? c : t;
    }
    return t;
}

/* Types are compared by tag (ty_eq), so a tag must have one layout in
 * the object: returns -1 (and names the tag in tg->conflict) when T spells
 * one otherwise than its first spelling. */
static int add_tags(struct vtags *tg, const struct ctype *t, int depth)
{
    if (!t || depth > 200)
        return 0;
    int bad = 0;
    if ((t->tag == CT_STRUCT || t->tag == CT_UNION) && !t->backref && !t->incomplete) {
        char *key = tag_key(t);
        const struct ctype *c = tld_map_get(&tg->m, key);
        if (!c) {
            tld_map_put(&tg->m, key, (void *)t);
            key = NULL;
        } else if (c != t && !ctype_same(c, t)) {
            if (!tg->conflict)
                tg->conflict = xstrdup(key);
            bad = -1;
        }
        free(key);
        for (size_t i = 0; i < t->nmembers; i++)
            if (add_tags(tg, t->members[i], depth + 1))
                bad = -1;
        return bad;
    }
    if (add_tags(tg, t->sub, depth + 1))
        bad = -1;
    for (size_t i = 0; i < t->nparams; i++)
        if (add_tags(tg, t->params[i], depth + 1))
            bad = -1;
    return bad;
}

/* Records the tags block type T names (vtags.block). */
static void note_block_tags(struct vtags *tg, const struct ctype *t, int depth)
{
    if (!t || depth > 200)
        return;
    if (t->tag == CT_STRUCT || t->tag == CT_UNION) {
        char *key = tag_key(t);
        int full = !t->backref && !t->incomplete;
        const struct ctype *old = tld_map_get(&tg->block, key);
        if (!old) {
            tld_map_put(&tg->block, key, (void *)(full ? t : &named_only));
            key = NULL;
        } else if (full && old == &named_only) {
            tld_map_put(&tg->block, key, (void *)t); /* the map keeps its own key */
        }
        free(key);
        if (!full)
            return;
        for (size_t i = 0; i < t->nmembers; i++)
            note_block_tags(tg, t->members[i], depth + 1);
        return;
    }
    note_block_tags(tg, t->sub, depth + 1);
    for (size_t i = 0; i < t->nparams; i++)
        note_block_tags(tg, t->params[i], depth + 1);
}

/* A type of the proof (a function's, a slot's, a state's, a descriptor's)
 * may spell in full no tag that the block names only incomplete: the
 * linker holds the whole program to one layout per tag by the blocks'
 * spellings, so a layout the proof alone gives would be believed
 * unchecked -- another object's s:U, whose int the proof's layout calls
 * a pointer.  Returns -1 (naming the tag in tg->conflict) for one. */
static int proof_tags_ok(struct vtags *tg, const struct ctype *t, int depth)
{
    if (!t || depth > 200)
        return 0;
    if (t->tag == CT_STRUCT || t->tag == CT_UNION) {
        if (t->backref || t->incomplete)
            return 0;
        char *key = tag_key(t);
        int bad = tld_map_get(&tg->block, key) == &named_only;
        if (bad && !tg->conflict)
            tg->conflict = xstrdup(key);
        free(key);
        if (bad)
            return -1;
        for (size_t i = 0; i < t->nmembers; i++)
            if (proof_tags_ok(tg, t->members[i], depth + 1))
                return -1;
        return 0;
    }
    if (proof_tags_ok(tg, t->sub, depth + 1))
        return -1;
    for (size_t i = 0; i < t->nparams; i++)
        if (proof_tags_ok(tg, t->params[i], depth + 1))
            return -1;
    return 0;
}

/* A type the proof spells (vproof.owned), held to the object's one
 * spelling of each tag: the block's, or the first in the proof.  0; 1
 * for a tag spelt otherwise, 2 for one the block names only incomplete
 * (the tag in tg->conflict). */
static int proof_type_tags(struct vtags *tg, const struct ctype *t)
{
    if (add_tags(tg, t, 0))
        return 1;
    return proof_tags_ok(tg, t, 0) ? 2 : 0;
}

/* Strip const/volatile; *isconst set when a const was stripped. */
static const struct ctype *unq(const struct ctype *t, int *isconst)
{
    while (t && (t->tag == CT_CONST || t->tag == CT_VOLATILE)) {
        if (t->tag == CT_CONST && isconst)
            *isconst = 1;
        t = t->sub;
    }
    return t;
}

static int base_size(const char *b)
{
    if (!strcmp(b, "c8") || !strcmp(b, "i8") || !strcmp(b, "u8") || !strcmp(b, "b"))
        return 1;
    if (!strcmp(b, "i16") || !strcmp(b, "u16"))
        return 2;
    if (!strcmp(b, "i64") || !strcmp(b, "u64") || !strcmp(b, "f64"))
        return 8;
    if (!strcmp(b, "v"))
        return 0;
    return 4;
}

/* An owned pointer (po) is a pointer like any other here (TOOLCHAIN.md
 * "Verified code"); like a global one it never holds a stack address. */
static int is_ptr(const struct ctype *t) { return t && (t->tag == CT_PTR || t->tag == CT_GPTR || t->tag == CT_OPTR); }

/* Size and alignment; -1 for a type without a size (a(T), s:S?, v, f). */
static long long ty_size(const struct vtags *tg, const struct ctype *t, int *align, int depth)
{
    int a = 1;
    t = unq(t, NULL);
    if (!t || depth > 200)
        return -1;
    t = complete(tg, t);
    long long s = -1;
    switch (t->tag) {
    case CT_BASE:
        s = base_size(t->base);
        a = s > 4 ? 4 : (s ? (int)s : 1);
        if (s == 0)
            s = -1;
        break;
    case CT_PTR:
    case CT_GPTR:
    case CT_OPTR:
        s = 4;
        a = 4;
        break;
    case CT_ARRAY: {
        int ea;
        long long es = ty_size(tg, t->sub, &ea, depth + 1);
        if (es < 0 || t->len < 0)
            return -1;
        a = ea > 4 ? ea : 4;
        if (t->len > 0 && es > (1LL << 40) / t->len)
            return -1;
        s = 4 + t->len * es;
        s = (s + a - 1) / a * a;
        break;
    }
    case CT_STRUCT:
    case CT_UNION: {
        if (t->incomplete || t->backref)
            return -1;
        long long off = 0, max = 0;
        for (size_t i = 0; i < t->nmembers; i++) {
            int ma;
            long long ms = ty_size(tg, t->members[i], &ma, depth + 1);
            if (ms < 0)
                return -1;
            if (ma > a)
                a = ma;
            if (t->tag == CT_STRUCT) {
                off = (off + ma - 1) / ma * ma + ms;
            } else if (ms > max) {
                max = ms;
            }
        }
        s = t->tag == CT_STRUCT ? off : max;
        s = (s + a - 1) / a * a;
        break;
    }
    default:
        return -1;
    }
    if (align)
        *align = a;
    return s;
}

static long long member_offset(const struct vtags *tg, const struct ctype *st, size_t k)
{
    long long off = 0;
    if (st->tag == CT_UNION)
        return 0;
    for (size_t i = 0; i <= k; i++) {
        int ma;
        long long ms = ty_size(tg, st->members[i], &ma, 0);
        if (ms < 0)
            return -1;
        off = (off + ma - 1) / ma * ma;
        if (i == k)
            return off;
        off += ms;
    }
    return -1;
}

/* Structural equality of types (structs by tag: the link enforces one
 * definition per tag).  With LOOSE, DST may add const (a pointer to T
 * converts to a pointer to const T) and a(T) accepts aN(T) behind one
 * pointer level only through ptr_fits, not here. */
static int ty_eq(const struct ctype *a, const struct ctype *b, int depth)
{
    if (!a || !b || depth > 200)
        return 0;
    if (a->tag != b->tag)
        return 0;
    switch (a->tag) {
    case CT_BASE:
        return !strcmp(a->base, b->base);
    case CT_CONST:
    case CT_VOLATILE:
    case CT_PTR:
    case CT_GPTR:
    case CT_OPTR:
        return ty_eq(a->sub, b->sub, depth + 1);
    case CT_ARRAY:
        return a->len == b->len && ty_eq(a->sub, b->sub, depth + 1);
    case CT_FUNC:
        if (a->nparams != b->nparams || a->variadic != b->variadic || !ty_eq(a->sub, b->sub, depth + 1))
            return 0;
        for (size_t i = 0; i < a->nparams; i++)
            if (!ty_eq(a->params[i], b->params[i], depth + 1))
                return 0;
        return 1;
    case CT_STRUCT:
    case CT_UNION:
        return !strcmp(a->tagname, b->tagname);
    }
    return 0;
}

/* A pointee of type HAVE may be used as a pointee of type WANT: equal up
 * to adding const/volatile at the top (never removing). */
static int pointee_fits(const struct ctype *have, const struct ctype *want)
{
    int hc = 0, wc = 0;
    const struct ctype *h = unq(have, &hc), *w = unq(want, &wc);
    if (hc && !wc)
        return 0;
    /* qualifiers further down must agree exactly */
    return ty_eq(h, w, 0);
}

/* ================================================================== */
/* The proof                                                           */
/* ================================================================== */

enum slot_kind { SL_TYPED, SL_SCRATCH, SL_OUT };
struct vslot {
    int32_t off;            /* entry-relative: the return address is at 0 */
    uint32_t size;
    enum slot_kind kind;
    const struct ctype *t;  /* SL_TYPED */
    int stack;              /* may hold stack-bound pointers: never exposed */
    int ro;                 /* the saved registers: written only by the prologue's pushes */
    int exposed;            /* its address is taken (found by the checker) */
};
struct vobj { /* a static object of this unit named by the proof */
    char *name;
    const struct ctype *t;
    int site, desc;         /* a run-time error site, a type descriptor */
};
struct vstate {             /* "at +0xOFF LABEL" and the lines under it */
    uint32_t off;
    char *label;
    char **lines;
    int *lineno;
    size_t n, cap;
};
struct vfunc_proof {
    char *name;
    const struct ctype *t;
    char *thunk;            /* a spawn thunk: the function it calls */
    const struct ctype *args; /* a thunk's argument block (synthesized) */
    uint32_t frame;         /* bytes below the return address: saved regs + frame */
    int nsaved;
    int has_frame;          /* the frame line is optional: the prologue says it */
    struct vslot *slots;
    size_t nslots, cap;
    /* the states at branch targets (doc/verify.md "States at branch
     * targets"): when there are any, the function is checked in one pass */
    struct vstate *states;
    size_t nstates, capst;
    int has_states;         /* a "targets" line: check against the states */
};
struct vproof {
    struct vfunc_proof *fns;
    size_t nfns, capf;
    struct vobj *objs;
    size_t nobjs, capo;
    struct ctype **owned; /* parsed types, freed at the end */
    size_t nowned, capown;
    struct ctype **synth; /* nodes made by the checker: freed one by one */
    size_t nsynth, capsynth;
    /* a(T) and k(a(T)) made for joins, one per element type */
    const struct ctype **ua_elem, **ua_type;
    int *ua_const;
    size_t nua, capua;
};

/* A node of a type the checker builds (an array of what new_array made,
 * a thunk's argument block): its operands belong to other trees. */
static struct ctype *synth_node(struct vproof *p, enum ct_tag tag)
{
    struct ctype *t = xcalloc(1, sizeof *t);
    t->tag = tag;
    TLD_GROW(p->synth, p->nsynth, p->capsynth);
    p->synth[p->nsynth++] = t;
    return t;
}

static const struct ctype *proof_type(struct vproof *p, const char *s, char **err)
{
    struct ctype *t = ctype_parse(s, err);
    if (t) {
        TLD_GROW(p->owned, p->nowned, p->capown);
        p->owned[p->nowned++] = t;
    }
    return t;
}

/* Parse the text of .cuckoo.proof (doc/verify.md "The proof").  Returns
 * 0, or -1 with *err. */
static int parse_proof(struct vproof *p, const char *text, size_t len, char **err)
{
    size_t pos = 0;
    int line = 0, seen_head = 0;
    struct vfunc_proof *cur = NULL;
    while (pos < len) {
        size_t e = pos;
        while (e < len && text[e] != '\n' && text[e] != '\0')
            e++;
        char *ln = xstrndup(text + pos, e - pos);
        pos = e + 1;
        line++;
        if (!ln[0]) {
            free(ln);
            continue;
        }
        char *w1 = ln, *rest = strchr(ln, ' ');
        if (rest)
            *rest++ = 0;
        char *terr = NULL;
        int ok = 1;
        if (!strcmp(w1, "cuckoo-proof")) {
            ok = rest && !strcmp(rest, "1");
            seen_head = 1;
        } else if (!seen_head) {
            ok = 0;
        } else if (!strcmp(w1, "func") && rest) {
            char *ty = strchr(rest, ' ');
            ok = ty != NULL;
            if (ok) {
                *ty++ = 0;
                TLD_GROW(p->fns, p->nfns, p->capf);
                cur = &p->fns[p->nfns++];
                memset(cur, 0, sizeof *cur);
                cur->name = xstrdup(rest);
                cur->t = proof_type(p, ty, &terr);
                ok = cur->t && unq(cur->t, NULL)->tag == CT_FUNC;
            }
        } else if (!strcmp(w1, "thunk") && rest && cur && !cur->thunk) {
            cur->thunk = xstrdup(rest);
        } else if (!strcmp(w1, "frame") && rest && cur) {
            unsigned long fr;
            int ns, n = 0;
            ok = sscanf(rest, "%lu saved %d%n", &fr, &ns, &n) == 2 && !rest[n] && fr < 0x7fffffffUL &&
                 ns >= 0 && ns <= 4;
            cur->frame = (uint32_t)fr;
            cur->nsaved = ns;
            cur->has_frame = 1;
        } else if ((!strcmp(w1, "slot") || !strcmp(w1, "stackslot") || !strcmp(w1, "scratch") ||
                    !strcmp(w1, "out")) &&
                   rest && cur) {
            long off;
            unsigned long size;
            int n = 0;
            ok = sscanf(rest, "%ld %lu%n", &off, &size, &n) == 2 && off > -0x7fffffffL &&
                 off < 0x7fffffffL && size < 0x7fffffffUL;
            if (ok) {
                TLD_GROW(cur->slots, cur->nslots, cur->cap);
                struct vslot *s = &cur->slots[cur->nslots++];
                memset(s, 0, sizeof *s);
                s->off = (int32_t)off;
                s->size = (uint32_t)size;
                if (w1[0] == 's' && w1[1] == 'l' ) {
                    s->kind = SL_TYPED;
                    ok = rest[n] == ' ';
                    if (ok)
                        ok = (s->t = proof_type(p, rest + n + 1, &terr)) != NULL;
                } else if (w1[1] == 't') {
                    s->kind = SL_TYPED;
                    s->stack = 1;
                    ok = rest[n] == ' ';
                    if (ok)
                        ok = (s->t = proof_type(p, rest + n + 1, &terr)) != NULL;
                } else {
                    s->kind = w1[0] == 'o' ? SL_OUT : SL_SCRATCH;
                    ok = !rest[n];
                }
            }
        } else if (!strcmp(w1, "object") && rest) {
            char *ty = strchr(rest, ' ');
            ok = ty != NULL;
            if (ok) {
                *ty++ = 0;
                TLD_GROW(p->objs, p->nobjs, p->capo);
                struct vobj *o = &p->objs[p->nobjs++];
                memset(o, 0, sizeof *o);
                o->name = xstrdup(rest);
                if (!strcmp(ty, "site"))
                    o->site = 1;
                else if (!strcmp(ty, "typedesc"))
                    o->desc = 1;
                else
                    ok = (o->t = proof_type(p, ty, &terr)) != NULL;
            }
        } else if (!strcmp(w1, "targets") && rest && cur && !cur->has_states) {
            unsigned long n;
            int k = 0;
            ok = sscanf(rest, "%lu%n", &n, &k) == 1 && !rest[k];
            cur->has_states = 1;
        } else if (!strcmp(w1, "at") && rest && cur && cur->has_states) {
            unsigned long off;
            int k = 0;
            ok = sscanf(rest, "+0x%lx%n", &off, &k) == 1 && off < 0x7fffffffUL && (!rest[k] || rest[k] == ' ');
            if (ok) {
                TLD_GROW(cur->states, cur->nstates, cur->capst);
                struct vstate *vs = &cur->states[cur->nstates++];
                memset(vs, 0, sizeof *vs);
                vs->off = (uint32_t)off;
                vs->label = xstrdup(rest[k] ? rest + k + 1 : "");
            }
        } else if ((((!strcmp(w1, "reg") || !strcmp(w1, "cell") || !strcmp(w1, "fact") || !strcmp(w1, "init")) &&
                     rest) || (!strcmp(w1, "nodom") && !rest)) &&
                   cur && cur->nstates) {
            struct vstate *vs = &cur->states[cur->nstates - 1];
            if (vs->n == vs->cap) {
                vs->cap = vs->cap ? 2 * vs->cap : 8;
                vs->lines = xrealloc(vs->lines, vs->cap * sizeof *vs->lines);
                vs->lineno = xrealloc(vs->lineno, vs->cap * sizeof *vs->lineno);
            }
            if (rest)
                rest[-1] = ' ';
            vs->lineno[vs->n] = line;
            vs->lines[vs->n++] = xstrdup(w1);
        } else if (!strcmp(w1, "end")) {
            cur = NULL;
        } else {
            ok = 0;
        }
        if (!ok) {
            *err = xasprintf("line %d: %s%s%s", line, terr ? terr : "malformed record '",
                             terr ? "" : w1, terr ? "" : "'");
            free(terr);
            free(ln);
            return -1;
        }
        free(ln);
    }
    if (!seen_head) {
        *err = xstrdup("no 'cuckoo-proof 1' line");
        return -1;
    }
    return 0;
}

static void free_proof(struct vproof *p)
{
    for (size_t i = 0; i < p->nfns; i++) {
        free(p->fns[i].name);
        free(p->fns[i].thunk);
        free(p->fns[i].slots);
        for (size_t k = 0; k < p->fns[i].nstates; k++) {
            struct vstate *vs = &p->fns[i].states[k];
            for (size_t j = 0; j < vs->n; j++)
                free(vs->lines[j]);
            free(vs->lines);
            free(vs->lineno);
            free(vs->label);
        }
        free(p->fns[i].states);
    }
    for (size_t i = 0; i < p->nobjs; i++)
        free(p->objs[i].name);
    for (size_t i = 0; i < p->nowned; i++)
        ctype_free(p->owned[i]);
    for (size_t i = 0; i < p->nsynth; i++) {
        free(p->synth[i]->params);
        free(p->synth[i]->members);
        free(p->synth[i]->mnames);
        free(p->synth[i]->tagname);
        free(p->synth[i]);
    }
    free(p->synth);
    free(p->ua_elem);
    free(p->ua_type);
    free(p->ua_const);
    free(p->fns);
    free(p->objs);
    free(p->owned);
}

struct vctx;

/* ================================================================== */
/* Abstract values and states                                          */
/* ================================================================== */

enum vk { V_BOT, V_TOP, V_CONST, V_PTR, V_FUNC, V_FRAME, V_RET, V_SAVED };
struct val {
    uint8_t k;
    uint8_t nn;             /* V_PTR, V_FUNC: proved non-null */
    uint8_t stack;          /* V_PTR: may be stack-bound (LANGUAGE.md §9) */
    uint8_t sreg;           /* V_SAVED: the caller's register (0..7) */
    uint8_t own;            /* V_PTR: into one of this function's own frame slots */
    uint8_t ns;             /* V_PTR: a store through it is allowed in this activation: it
                             * points outside the program's static storage, or the
                             * activation runs outside every protection domain
                             * (LANGUAGE.md §13.3; doc/domains.md "Isolation") */
    int16_t slot;           /* own: which slot (index into the function's slots) */
    int32_t off;            /* V_PTR: offset into t's layout; V_FRAME: entry-relative address */
    uint32_t c;             /* V_CONST */
    const struct ctype *t;  /* V_PTR: the object the address is in; V_FUNC: the function type */
    uint32_t vn;            /* value number (0: none) */
    uint32_t lenof;         /* this value is len(lenof) */
    uint32_t mulof, mul;    /* this value is mulof * mul (an index scaled by an element size) */
    /* V_PTR plus an index not yet proved: ixvn (or the constant ixval when
     * ixc) times ixscale, judged by the access that uses it */
    uint32_t ixvn, ixval, ixscale, ixbase; /* ixbase: the pointer's own number */
    uint8_t ixc;
    uint32_t nzof;          /* this value is (nzof != 0): 1 or 0 (movzbl of nzlow's byte) */
    uint32_t nzlow;         /* its low byte is (nzlow != 0), the rest unknown (setne %al) */
};

/* x <u c, x <u len(w), c <u len(w); and for loop bounds (the transitive
 * step of index_below_len): x <u y, x <=u len(w) */
enum { F_LT_CONST, F_LT_LEN, F_CONST_LT_LEN, F_LT_VAL, F_LE_LEN };
struct fact { /* x <u y */
    uint8_t kind;
    uint32_t a;             /* F_LT_*: vn of x; F_CONST_LT_LEN: the constant */
    uint32_t b;             /* F_LT_CONST: the constant; else vn of the array pointer */
};
#define MAX_FACTS 256
#define FACTS_SHRINK_AFTER 50 /* passes (a function takes two or three) */

struct flags { /* what the last compare compared (AT&T: cmp src, dst: dst - src) */
    int valid, is_test;
    struct val a, b;        /* dst, src */
    /* the two compares of a store check (doc/domains.md "Isolation"):
     * `cmpl $0, %gs:FLAG` (dom), `cmpl $START|$END, %reg` (sb 1|2) */
    uint8_t dom, sb;
};

#define NREG 8
enum { EAX, ECX, EDX, EBX, ESP, EBP, ESI, EDI };
static const char *const rname[NREG + 1] = {"%eax", "%ecx", "%edx", "%ebx", "%esp", "%ebp", "%esi", "%edi",
                                            "the scaled index"};

struct st {
    int reached;
    struct val r[NREG];
    struct val *c;          /* tracked frame cells */
    uint32_t *pre;          /* per slot: bytes written from its start (initialised when >= size) */
    struct fact f[MAX_FACTS];
    int nf;
    int nodom;              /* this activation runs outside every protection domain */
    struct flags fl;
    struct val tos;         /* the value last pushed, at tos_off (even onto a dead local) */
    int32_t tos_off;
    int tos_valid;
};

struct cell { int32_t off; int slot; };

struct vinsn {
    ZydisDecodedInstruction in;
    ZydisDecodedOperand op[ZYDIS_MAX_OPERAND_COUNT];
    uint32_t off;
    int block;              /* index of the block it starts, or -1 */
    const struct tld_reloc *rel_disp, *rel_imm;
};

struct vctx {
    struct tld_obj *o;
    const struct tld_elf *e;
    struct vtags tags;
    struct vproof proof;
    int errors;
    /* the function being checked */
    const char *fname;
    unsigned sec;
    uint32_t fstart, fsize;
    const struct vfunc_proof *fp;
    const struct ctype *ftype;
    struct vslot *slots;    /* the proof's, plus the incoming arguments */
    size_t nslots;
    struct cell *cells;
    size_t ncells;
    struct vinsn *ins;
    size_t nins;
    int *blk_first;         /* first insn of each block */
    size_t nblk;
    struct st *in;          /* per block: the joined entry state */
    struct vedges {         /* per block: the latest state of each edge into it */
        size_t *key;
        struct st *st;
        size_t n, cap;
    } *edges;
    int32_t body_esp;       /* %esp after the prologue */
    int sret;               /* returns a struct through a hidden pointer at 4 */
    int *stub;              /* per block: it ends calling __cuckoo_trap (a trap stub) */
    int in_stub;            /* the block being stepped is one */
    uint32_t frame;         /* bytes the prologue allocates below the return address */
    int nsaved;             /* callee-saved registers it pushes after %ebp */
    int prologue_done;
    int has_fp;             /* the prologue made %ebp the frame pointer
                               (movl %esp, %ebp): it stays so.  Without
                               it, %ebp is a register like %ebx: saved,
                               free to hold values, restored at ret. */
    int fn_failed;
    int passes;
    int quiet, qfail;       /* the fixed point: refusals only noted */
    uint32_t cur;           /* the instruction being checked */
    const struct st *dbg;   /* the state being stepped: CUCKOO_VERIFY_DEBUG prints it with a refusal */
    const struct st *curst; /* the same, for the rules that consult facts */
    struct tld_map descs;   /* descriptor symbol index -> the type it makes */
    int proving;            /* cuckoo-prove: infer the states and record them */
    /* join_into's scratch, made once per function (the fixed point joins
     * thousands of times; allocating each time dominated the proof writer) */
    struct st sj, sjt;
    uint32_t *ren_old, *ren_new;
};

static const struct ctype *unsized_array_of(struct vctx *v, const struct ctype *elem, int isconst)
{
    struct vproof *p = &v->proof;
    for (size_t i = 0; i < p->nua; i++)
        if (p->ua_elem[i] == elem && p->ua_const[i] == isconst)
            return p->ua_type[i];
    struct ctype *a = synth_node(p, CT_ARRAY);
    a->len = -1;
    a->sub = (struct ctype *)elem;
    const struct ctype *t = a;
    if (isconst) {
        struct ctype *k = synth_node(p, CT_CONST);
        k->sub = a;
        t = k;
    }
    if (p->nua == p->capua) {
        p->capua = p->capua ? 2 * p->capua : 8;
        p->ua_elem = xrealloc(p->ua_elem, p->capua * sizeof *p->ua_elem);
        p->ua_type = xrealloc(p->ua_type, p->capua * sizeof *p->ua_type);
        p->ua_const = xrealloc(p->ua_const, p->capua * sizeof *p->ua_const);
    }
    p->ua_elem[p->nua] = elem;
    p->ua_type[p->nua] = t;
    p->ua_const[p->nua++] = isconst;
    return t;
}

/* k(T), one node per T: a value's type is compared by address between
 * passes, so the checker makes each type once. */
static const struct ctype *const_of(struct vctx *v, const struct ctype *t)
{
    for (size_t i = 0; i < v->proof.nsynth; i++)
        if (v->proof.synth[i]->tag == CT_CONST && v->proof.synth[i]->sub == t)
            return v->proof.synth[i];
    struct ctype *k = synth_node(&v->proof, CT_CONST);
    k->sub = (struct ctype *)t;
    return k;
}

static void refuse(struct vctx *v, const char *op, const char *fmt, ...) TLD_PRINTF(3, 4);
static void refuse(struct vctx *v, const char *op, const char *fmt, ...)
{
    if (v->quiet) {
        /* during the fixed point a block may be judged on a state that
         * later passes widen: only the judgement on the final state counts */
        v->qfail = 1;
        return;
    }
    if (v->fn_failed)
        return;
    v->fn_failed = 1;
    if (v->proving) {
        /* cuckoo-prove: the function gets no states, and cuckoo-ld says why */
        v->errors++;
        return;
    }
    char why[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    char *where = xasprintf("%s: %s+0x%x", v->o->name, v->fname, v->cur);
    if (getenv("CUCKOO_VERIFY_DEBUG") && v->dbg) {
        const struct st *s = v->dbg;
        for (int r = 0; r < NREG; r++)
            fprintf(stderr, "  %s: k=%d nn=%d st=%d ns=%d off=%d c=%u vn=%x lenof=%x mulof=%x*%u ix=%x*%u\n", rname[r],
                    s->r[r].k, s->r[r].nn, s->r[r].stack, s->r[r].ns, s->r[r].off, s->r[r].c, s->r[r].vn,
                    s->r[r].lenof, s->r[r].mulof, s->r[r].mul, s->r[r].ixc ? s->r[r].ixval : s->r[r].ixvn,
                    s->r[r].ixscale);
        for (size_t i = 0; i < v->ncells; i++)
            if (s->c[i].k != V_TOP || s->c[i].vn)
                fprintf(stderr, "  %d(%%ebp): k=%d vn=%x mulof=%x\n", v->cells[i].off + 4, s->c[i].k, s->c[i].vn,
                        s->c[i].mulof);
        fprintf(stderr, "  nodom=%d\n", s->nodom);
        for (int i = 0; i < s->nf; i++)
            fprintf(stderr, "  fact %d %x %x\n", s->f[i].kind, s->f[i].a, s->f[i].b);
    }
    tld_error(where, "cannot prove %s: %s", op, why);
    free(where);
    v->errors++;
}

static struct val top(void) { return (struct val){.k = V_TOP}; }
static struct val cnst(uint32_t c) { return (struct val){.k = V_CONST, .c = c}; }

/* A fresh number for a value made by the current instruction (output k):
 * stable across the fixed-point passes; an older value with the same
 * number (the same instruction in an earlier loop iteration) is renamed
 * and its facts dropped first, so that two values never share a number. */
static uint32_t fresh(struct vctx *v, struct st *s, int k)
{
    uint32_t vn = 1 + (v->cur * 4 + (uint32_t)k) % 0x3fffffff;
    vn |= 0x40000000u;
    for (size_t l = 0; l < NREG + v->ncells; l++) {
        struct val *x = l < NREG ? &s->r[l] : &s->c[l - NREG];
        if (x->vn == vn)
            x->vn = 0;
        if (x->lenof == vn)
            x->lenof = 0;
        if (x->mulof == vn)
            x->mulof = x->mul = 0;
        if (x->nzof == vn)
            x->nzof = 0;
        if (x->nzlow == vn)
            x->nzlow = 0;
        /* a pointer with an index still to prove names the index and the
         * pointer by number: with the number gone, it can never be proved */
        if (x->ixscale && ((!x->ixc && x->ixvn == vn) || x->ixbase == vn))
            *x = top();
    }
    for (int i = 0; i < s->nf; i++)
        if ((s->f[i].kind != F_CONST_LT_LEN && s->f[i].a == vn) || (s->f[i].kind != F_LT_CONST && s->f[i].b == vn))
            s->f[i--] = s->f[--s->nf];
    return vn;
}

static struct val mkfresh(struct vctx *v, struct st *s, struct val x, int k)
{
    x.vn = fresh(v, s, k);
    return x;
}

static void add_fact(struct st *s, int kind, uint32_t a, uint32_t b)
{
    for (int i = 0; i < s->nf; i++)
        if (s->f[i].kind == kind && s->f[i].a == a && s->f[i].b == b)
            return;
    if (s->nf == MAX_FACTS)
        memmove(s->f, s->f + 1, sizeof s->f[0] * (MAX_FACTS - 1)), s->nf--;
    s->f[s->nf++] = (struct fact){.kind = (uint8_t)kind, .a = a, .b = b};
}

static int has_fact(const struct st *s, int kind, uint32_t a, uint32_t b)
{
    if (!a && kind != F_CONST_LT_LEN)
        return 0;
    for (int i = 0; i < s->nf; i++)
        if (s->f[i].kind == kind && s->f[i].a == a && s->f[i].b == b)
            return 1;
    return 0;
}

/* x <u c proved: x is a constant below c, or a fact says x <u c' <= c. */
static int below_const(const struct st *s, const struct val *x, uint64_t c)
{
    if (x->k == V_CONST)
        return x->c < c;
    if (!x->vn)
        return 0;
    for (int i = 0; i < s->nf; i++)
        if (s->f[i].kind == F_LT_CONST && s->f[i].a == x->vn && s->f[i].b <= c)
            return 1;
    return 0;
}

static void set_nonnull(struct vctx *v, struct st *s, uint32_t vn)
{
    if (!vn)
        return;
    for (int r = 0; r < NREG; r++)
        if (s->r[r].vn == vn)
            s->r[r].nn = 1;
    for (size_t i = 0; i < v->ncells; i++)
        if (s->c[i].vn == vn)
            s->c[i].nn = 1;
}

/* A store check passed for the pointer numbered VN. */
static void set_storable(struct vctx *v, struct st *s, uint32_t vn)
{
    for (size_t l = 0; vn && l < NREG + v->ncells; l++) {
        struct val *x = l < NREG ? &s->r[l] : &s->c[l - NREG];
        if (x->vn == vn && x->k == V_PTR)
            x->ns = 1;
    }
}

/* The domain flag read 0: the activation runs outside every domain, for
 * good (the runtime changes the flag only around a call, and restores it
 * before the call returns), so every store it makes is allowed. */
static void set_nodom(struct vctx *v, struct st *s)
{
    s->nodom = 1;
    for (size_t l = 0; l < NREG + v->ncells; l++) {
        struct val *x = l < NREG ? &s->r[l] : &s->c[l - NREG];
        if (x->k == V_PTR)
            x->ns = 1;
    }
}

static void set_zero(struct vctx *v, struct st *s, uint32_t vn)
{
    for (size_t l = 0; l < NREG + v->ncells; l++) {
        struct val *x = l < NREG ? &s->r[l] : &s->c[l - NREG];
        if (x->vn == vn)
            *x = (struct val){.k = V_CONST, .c = 0, .vn = vn};
    }
}

static int val_same(const struct val *a, const struct val *b)
{
    return a->k == b->k && a->nn == b->nn && a->stack == b->stack && a->sreg == b->sreg && a->own == b->own &&
           a->ns == b->ns &&
           a->mulof == b->mulof && a->mul == b->mul && a->ixvn == b->ixvn && a->ixval == b->ixval &&
           a->ixscale == b->ixscale && a->ixc == b->ixc && a->ixbase == b->ixbase && a->nzof == b->nzof &&
           a->nzlow == b->nzlow &&
           a->off == b->off &&
           a->c == b->c && a->t == b->t && a->vn == b->vn && a->lenof == b->lenof;
}

/* The join of two values of one location; VN is the location's stable
 * number at this block. */
static const struct ctype *unsized_array_of(struct vctx *v, const struct ctype *elem, int isconst);
struct st;
static int const_below_len(const struct st *s, uint32_t c, uint32_t w);
/* The element size an indexed access wants: SCALE, or SCALE * MUL when the
 * index register holds i * MUL (pick_index); MUL 0 when it does not. */
struct ixwant {
    long long scale, mul;
};
static const struct ctype *array_at(const struct vtags *tg, const struct ctype *t, long long L, long long *e0,
                                    int *isconst, int depth, const struct ixwant *want);

/* The types of the objects that begin exactly at OFF inside T, outermost
 * first (a struct, its first member, ...), each with the const that the
 * enclosing objects give it; at most MAX. */
static int subobj_chain(struct vctx *v, const struct ctype *t, long long off, const struct ctype **out, int max,
                        int elem0_ok)
{
    int n = 0, cst = 0;
    for (int depth = 0; depth < 64 && t && n < max; depth++) {
        int c = 0;
        const struct ctype *u = complete(&v->tags, unq(t, &c));
        cst |= c;
        if (!u)
            break;
        if (off == 0) {
            const struct ctype *x = t;
            if (cst && !c)
                x = const_of(v, t);
            out[n++] = x;
        }
        if (u->tag == CT_STRUCT) {
            const struct ctype *next = NULL;
            for (size_t i = 0; i < u->nmembers; i++) {
                long long mo = member_offset(&v->tags, u, i), ms = ty_size(&v->tags, u->members[i], NULL, 0);
                if (mo >= 0 && ms > 0 && off >= mo && off < mo + ms) {
                    next = u->members[i];
                    off -= mo;
                    break;
                }
            }
            t = next;
        } else if (u->tag == CT_ARRAY && (u->len >= 0 || (elem0_ok && depth == 0)) && off >= 4) {
            /* an array of unknown length: element 0 only, and only where
             * a fact says it exists */
            long long es = ty_size(&v->tags, u->sub, NULL, 0);
            if (es <= 0 || (off - 4) / es >= (u->len >= 0 ? u->len : 1))
                break;
            off = (off - 4) % es;
            t = u->sub;
        } else {
            break;
        }
    }
    return n;
}

/* May the program store through X in state S: X is storable, S's
 * activation is outside every domain, or X is NULL (never stored through:
 * a store needs a non-null pointer). */
static int storable_in(const struct val *x, const struct st *s)
{
    return x->ns || (s && s->nodom) || (x->k == V_CONST && x->c == 0);
}

static struct val join_val1(struct vctx *v, const struct val *a, const struct val *b, uint32_t vn,
                            const struct st *sa, const struct st *sb);
static struct val join_val(struct vctx *v, const struct val *a, const struct val *b, uint32_t vn,
                           const struct st *sa, const struct st *sb)
{
    struct val r = join_val1(v, a, b, vn, sa, sb);
    if (r.k == V_PTR && a->k != V_BOT && b->k != V_BOT)
        r.ns = (uint8_t)(storable_in(a, sa) && storable_in(b, sb));
    return r;
}

static struct val join_val1(struct vctx *v, const struct val *a, const struct val *b, uint32_t vn,
                            const struct st *sa, const struct st *sb)
{
    if (a->k == V_BOT)
        return *b;
    if (b->k == V_BOT)
        return *a;
    if (a->vn && a->vn == b->vn && a->k == b->k) {
        struct val r = *a;
        r.nn = a->nn && b->nn;
        r.stack = a->stack || b->stack;
        r.own = a->own && b->own;
        if (a->lenof != b->lenof)
            r.lenof = 0;
        if (a->mulof != b->mulof || a->mul != b->mul)
            r.mulof = r.mul = 0;
        if (a->nzof != b->nzof)
            r.nzof = 0;
        if (a->nzlow != b->nzlow)
            r.nzlow = 0;
        if (val_same(a, b) || (a->t == b->t && a->off == b->off && a->c == b->c && a->sreg == b->sreg))
            return r;
    }
    struct val r = top();
    const struct val *p = a, *q = b;
    if (q->k == V_CONST && q->c == 0 && (p->k == V_PTR || p->k == V_FUNC)) {
        const struct val *t = p;
        p = q;
        q = t;
    }
    if (p->k == V_CONST && p->c == 0 && (q->k == V_PTR || q->k == V_FUNC)) {
        /* NULL or that pointer -- but an element address whose index is
         * still to be proved is never NULL, and no state of one admits
         * the constant 0 (state_fits): nothing is known of the two */
        if (!q->ixscale) {
            r = *q;
            r.nn = 0;
        }
    } else if (p->k == q->k) {
        switch (p->k) {
        case V_CONST:
            if (p->c == q->c)
                r = *p;
            break;
        case V_PTR: {
            int pc = 0, qc = 0;
            const struct ctype *pa = complete(&v->tags, unq(p->t, &pc)), *qa = complete(&v->tags, unq(q->t, &qc));
            if (p->ixscale || q->ixscale) {
                break;
            } else if (p->off == q->off && (p->t == q->t || ty_eq(p->t, q->t, 0) || (pa && qa && ty_eq(pa, qa, 0)))) {
                /* one type, perhaps const on one side: the const view */
                r = *p;
                if (qc && !pc)
                    r.t = q->t;
                r.nn = p->nn && q->nn;
                r.stack = p->stack || q->stack;
                r.own = p->own && q->own && p->slot == q->slot;
            } else {
                /* element 0 of two arrays of one element type (whole
                 * objects or members): element 0 of an array of that
                 * type, its length in its word */
                long long e0p = -1, e0q = -1;
                int cp = pc, cq = qc;
                const struct ctype *ap = array_at(&v->tags, p->t, p->off, &e0p, &cp, 0, NULL);
                const struct ctype *aq = array_at(&v->tags, q->t, q->off, &e0q, &cq, 0, NULL);
                if (ap && aq && e0p == p->off && e0q == q->off && cp == cq && ty_eq(ap->sub, aq->sub, 0)) {
                    r = *p;
                    r.t = unsized_array_of(v, ap->sub, cp);
                    r.off = 4;
                    r.nn = p->nn && q->nn;
                    r.stack = p->stack || q->stack;
                    r.own = 0;
                } else {
                    /* the same kind of object inside two different ones
                     * (&s->v and &a[i], both an int): a pointer to it */
                    const struct ctype *ch[32], *cq2[32];
                    const struct st *sp = p == a ? sa : sb, *sq = p == a ? sb : sa;
                    int np = subobj_chain(v, p->t, p->off, ch, 32, sp && p->vn && const_below_len(sp, 0, p->vn));
                    int nq = subobj_chain(v, q->t, q->off, cq2, 32, sq && q->vn && const_below_len(sq, 0, q->vn));
                    for (int i = 0; i < np && r.k == V_TOP; i++)
                        for (int k = 0; k < nq; k++)
                            if (ty_eq(ch[i], cq2[k], 0)) {
                                r = *p;
                                r.t = ch[i];
                                r.off = 0;
                                r.nn = p->nn && q->nn;
                                r.stack = p->stack || q->stack;
                                r.own = 0;
                                break;
                            }
                }
            }
            break;
        }
        case V_FUNC:
            if (p->t == q->t || ty_eq(p->t, q->t, 0)) {
                r = *p;
                r.nn = p->nn && q->nn;
            }
            break;
        case V_FRAME:
            if (p->off == q->off)
                r = *p;
            r.vn = 0;
            return r;
        case V_RET:
            r = *p;
            break;
        case V_SAVED:
            if (p->sreg == q->sreg)
                r = *p;
            break;
        default:
            break;
        }
    }
    r.vn = vn;
    r.lenof = 0;
    r.mulof = r.mul = 0;
    return r;
}

/* ================================================================== */
/* What a region of a typed object holds                               */
/* ================================================================== */

/* The bytes [lo, lo+w) of an object of type T: only plain scalars (read
 * as integers, written with any integer), exactly one pointer (read as
 * that pointer, written only with a pointer that fits), exactly one
 * length word (read only), or a mix (read as an integer, never written). */
enum rkind { R_PLAIN, R_PTR, R_LEN, R_MIXED, R_OUTSIDE };
struct region {
    enum rkind k;
    int isconst;            /* some byte is const */
    const struct ctype *pt; /* R_PTR: the pointer's type (p(X), pg(X)) */
    long long len;          /* R_LEN: the array's length, or -1 when not known */
};

static void region_rec(const struct vtags *tg, const struct ctype *t, long long base, long long lo, long long w,
                       int isconst, struct region *r, int depth)
{
    int c = isconst;
    t = unq(t, &c);
    if (!t || depth > 200) {
        r->k = R_OUTSIDE;
        return;
    }
    t = complete(tg, t);
    if (c)
        r->isconst = 1;
    long long size = ty_size(tg, t, NULL, 0);
    switch (t->tag) {
    case CT_BASE:
        /* plain bytes: any overlap is plain */
        return;
    case CT_PTR:
    case CT_GPTR:
    case CT_OPTR:
        if (lo == base && w == 4 && r->k == R_PLAIN && !r->pt) {
            r->k = R_PTR;
            r->pt = t;
        } else {
            r->k = R_MIXED;
        }
        return;
    case CT_ARRAY: {
        if (lo < base + 4) { /* the length word */
            if (lo == base && w == 4 && r->k == R_PLAIN && !r->pt) {
                r->k = R_LEN;
                r->len = t->len;
            } else {
                r->k = R_MIXED;
            }
            if (lo + w <= base + 4)
                return;
        }
        long long es = ty_size(tg, t->sub, NULL, 0);
        if (es <= 0 || t->len < 0) {
            r->k = R_OUTSIDE;
            return;
        }
        long long from = lo < base + 4 ? 0 : (lo - base - 4) / es;
        long long to = (lo + w - 1 - base - 4) / es;
        if (to >= t->len) {
            /* the padding after the last element is plain */
            if (size < 0 || lo + w > base + size) {
                r->k = R_OUTSIDE;
                return;
            }
            to = t->len - 1;
        }
        for (long long i = from; i <= to; i++)
            region_rec(tg, t->sub, base + 4 + i * es, lo, w, c, r, depth + 1);
        return;
    }
    case CT_STRUCT:
    case CT_UNION:
        if (size < 0) {
            r->k = R_OUTSIDE;
            return;
        }
        for (size_t i = 0; i < t->nmembers; i++) {
            long long mo = member_offset(tg, t, i);
            long long ms = ty_size(tg, t->members[i], NULL, 0);
            if (mo < 0 || ms < 0) {
                r->k = R_OUTSIDE;
                return;
            }
            if (base + mo < lo + w && lo < base + mo + ms) {
                if (t->tag == CT_UNION) {
                    /* a union's bytes are read as any member: only plain
                     * unions are accessible */
                    struct region u = {R_PLAIN, 0, NULL, 0};
                    region_rec(tg, t->members[i], base + mo, lo, w, c, &u, depth + 1);
                    if (u.k != R_PLAIN)
                        r->k = R_MIXED;
                    if (u.isconst)
                        r->isconst = 1;
                } else {
                    region_rec(tg, t->members[i], base + mo, lo, w, c, r, depth + 1);
                }
            }
        }
        return;
    default:
        r->k = R_OUTSIDE;
        return;
    }
}

static struct region region_of(const struct vtags *tg, const struct ctype *t, long long lo, long long w)
{
    struct region r = {R_PLAIN, 0, NULL, -1};
    long long size = ty_size(tg, t, NULL, 0);
    const struct ctype *u = complete(tg, unq(t, NULL));
    if (u && u->tag == CT_ARRAY && u->len < 0) {
        /* only the length word of an array of unknown length, here */
        if (lo == 0 && w == 4) {
            int c = 0;
            unq(t, &c);
            r.k = R_LEN;
            r.isconst = c;
            return r;
        }
        r.k = R_OUTSIDE;
        return r;
    }
    if (size < 0 || lo < 0 || w <= 0 || lo + w > size) {
        r.k = R_OUTSIDE;
        return r;
    }
    region_rec(tg, t, 0, lo, w, 0, &r, 0);
    return r;
}

/* Whether elements of size ES are what WANT asks for (any, without one). */
static int ixwant_fits(const struct ixwant *want, long long es)
{
    return !want || es == want->scale || (want->mul && want->scale * want->mul == es);
}

/* The array whose element 0 is at or before offset L of T and whose
 * element 0 contains L, walking members and constant elements: for an
 * indexed access.  Returns the array type and sets *e0 (offset of its
 * element 0 in T) and *isconst.  An offset inside element 0 is in that
 * array and in every array that begins inside element 0 (`hs[0].a[i]`):
 * the outermost is taken whose element size WANT accepts, else the
 * outermost. */
static const struct ctype *array_at(const struct vtags *tg, const struct ctype *t, long long L, long long *e0,
                                    int *isconst, int depth, const struct ixwant *want)
{
    t = unq(t, isconst);
    if (!t || depth > 200)
        return NULL;
    t = complete(tg, t);
    if (t->tag == CT_ARRAY) {
        long long es = ty_size(tg, t->sub, NULL, 0);
        if (es <= 0 || L < 4)
            return NULL;
        if (L < 4 + es) {
            if (!ixwant_fits(want, es)) {
                int c = isconst ? *isconst : 0;
                const struct ctype *in = array_at(tg, t->sub, L - 4, e0, &c, depth + 1, want);
                if (in && ixwant_fits(want, ty_size(tg, in->sub, NULL, 0))) {
                    if (isconst)
                        *isconst = c;
                    *e0 += 4;
                    return in;
                }
            }
            *e0 = 4;
            return t;
        }
        if (t->len < 0)
            return NULL;
        long long i = (L - 4) / es;
        if (i >= t->len)
            return NULL;
        const struct ctype *a = array_at(tg, t->sub, L - 4 - i * es, e0, isconst, depth + 1, want);
        if (a)
            *e0 += 4 + i * es;
        return a;
    }
    if (t->tag == CT_STRUCT || t->tag == CT_UNION) {
        for (size_t i = 0; i < t->nmembers; i++) {
            long long mo = member_offset(tg, t, i);
            long long ms = ty_size(tg, t->members[i], NULL, 0);
            if (mo < 0 || ms < 0)
                return NULL;
            if (L >= mo && L < mo + ms) {
                const struct ctype *a = array_at(tg, t->members[i], L - mo, e0, isconst, depth + 1, want);
                if (a) {
                    *e0 += mo;
                    return a;
                }
            }
        }
    }
    return NULL;
}

/* Elements of an array HAVE serve as elements WANT: the same type (const
 * may be added), or plain scalars of one size (LANGUAGE.md §8: casts
 * between pointers to arrays of plain scalars of the same size). */
static int elem_fits(const struct vtags *tg, const struct ctype *have, const struct ctype *want)
{
    if (pointee_fits(have, want))
        return 1;
    int hc = 0, wc = 0;
    const struct ctype *h = complete(tg, unq(have, &hc)), *w = complete(tg, unq(want, &wc));
    if (hc && !wc)
        return 0;
    return h && w && h->tag == CT_BASE && w->tag == CT_BASE && base_size(h->base) > 0 &&
           base_size(h->base) == base_size(w->base) && strcmp(h->base, "f32") && strcmp(h->base, "f64") &&
           strcmp(w->base, "f32") && strcmp(w->base, "f64") && strcmp(h->base, "b") && strcmp(w->base, "b");
}

/* Does the sub-object at offset OFF of T serve as a WANT (the pointee of
 * a pointer type)?  For a pointer to an array, OFF is element 0 and the
 * array (with its length word) is at OFF - 4. */
static int subobject_is(const struct vtags *tg, const struct ctype *t, long long off, const struct ctype *want,
                        int isconst, int depth)
{
    int c = isconst;
    const struct ctype *u = unq(t, &c);
    if (!u || depth > 200)
        return 0;
    u = complete(tg, u);
    int wc = 0;
    const struct ctype *wu = complete(tg, unq(want, &wc));
    if (wu && wu->tag == CT_ARRAY && u->tag == CT_ARRAY && off == 4) {
        /* a(X) accepts any length, aN(X) an array of at least N: the
         * callee reads at most N elements, or as many as the length word;
         * a const array's elements are const */
        int ec = 0, wec = 0;
        unq(u->sub, &ec);
        unq(wu->sub, &wec);
        if ((wu->len < 0 || (u->len >= 0 && u->len >= wu->len)) && elem_fits(tg, u->sub, wu->sub) &&
            !((c || ec) && !(wc || wec)))
            return 1;
    }
    if (c && !wc)
        goto inner;
    if (off == 0 && wu && wu->tag != CT_ARRAY) {
        if (wu->tag == CT_STRUCT || wu->tag == CT_UNION) {
            if ((u->tag == wu->tag) && !strcmp(u->tagname, wu->tagname))
                return 1;
        } else if (ty_eq(u, wu, 0)) {
            /* qualifiers inside must agree exactly */
            return 1;
        }
    }
inner:
    if (u->tag == CT_ARRAY) {
        long long es = ty_size(tg, u->sub, NULL, 0);
        if (es <= 0 || off < 4)
            return 0;
        long long i = (off - 4) / es;
        if (u->len >= 0 && i >= u->len)
            return 0;
        if (u->len < 0 && i > 0)
            return 0;
        return subobject_is(tg, u->sub, off - 4 - i * es, want, c, depth + 1);
    }
    if (u->tag == CT_STRUCT) {
        for (size_t i = 0; i < u->nmembers; i++) {
            long long mo = member_offset(tg, u, i);
            long long ms = ty_size(tg, u->members[i], NULL, 0);
            if (mo < 0 || ms < 0)
                return 0;
            /* a pointer to an array member points at its element 0, one
             * word past the member's start */
            if (off >= mo && off <= mo + ms && subobject_is(tg, u->members[i], off - mo, want, c, depth + 1))
                return 1;
        }
    }
    return 0;
}

/* The value a pointer of type PT (p(X) or pg(X)) read from memory has. */
static struct val ptr_val(const struct vtags *tg, const struct ctype *pt, int stack)
{
    const struct ctype *x = pt->sub;
    int c = 0;
    const struct ctype *xu = complete(tg, unq(x, &c));
    struct val r = {.k = V_PTR, .t = x, .stack = (uint8_t)stack};
    if (xu && xu->tag == CT_FUNC) {
        r.k = V_FUNC;
        r.t = xu;
        r.stack = 0;
    } else if (xu && xu->tag == CT_ARRAY) {
        r.off = 4;
    }
    if (pt->tag == CT_GPTR || pt->tag == CT_OPTR)
        r.stack = 0;
    return r;
}

/* c <u len(w): a fact with c or a larger constant. */
static int const_below_len(const struct st *s, uint32_t c, uint32_t w)
{
    if (!w)
        return 0;
    for (int i = 0; i < s->nf; i++)
        if (s->f[i].kind == F_CONST_LT_LEN && s->f[i].b == w && s->f[i].a >= c)
            return 1;
    return 0;
}

/* x <u len(w): a fact, or x <u c and c - 1 <u len(w) (a constant bound
 * that a length check covers). */
static int index_below_len(const struct st *s, const struct val *x, uint32_t w)
{
    if (x->k == V_CONST)
        return const_below_len(s, x->c, w);
    if (!x->vn)
        return 0;
    if (has_fact(s, F_LT_LEN, x->vn, w))
        return 1;
    /* a loop bound: x <u y and y <=u len(w) (or y <u len(w)) */
    for (int i = 0; i < s->nf; i++)
        if (s->f[i].kind == F_LT_VAL && s->f[i].a == x->vn &&
            (has_fact(s, F_LE_LEN, s->f[i].b, w) || has_fact(s, F_LT_LEN, s->f[i].b, w)))
            return 1;
    for (int i = 0; i < s->nf; i++)
        if (s->f[i].kind == F_LT_CONST && s->f[i].a == x->vn && s->f[i].b > 0 &&
            const_below_len(s, s->f[i].b - 1, w))
            return 1;
    return 0;
}

/* Does value X fit a location of pointer type PT?  Sets *why. */
static int fits_ptr(struct vctx *v, const struct val *x, const struct ctype *pt, const char **why)
{
    if (x->k == V_CONST && x->c == 0)
        return 1;
    const struct ctype *want = pt->sub;
    const struct ctype *wu = complete(&v->tags, unq(want, NULL));
    if (x->k == V_FUNC) {
        if (wu && wu->tag == CT_FUNC && ty_eq(wu, complete(&v->tags, unq(x->t, NULL)), 0))
            return 1;
        *why = "a function pointer of another type";
        return 0;
    }
    if (x->k != V_PTR) {
        *why = x->k == V_FRAME ? "a raw frame address" : "an integer, not a pointer";
        return 0;
    }
    if (x->ixscale) {
        *why = "an element address whose index is not proved";
        return 0;
    }
    if (wu && wu->tag == CT_STRUCT && wu->incomplete && !strcmp(wu->tagname, "__cuckoo_obj")) {
        /* delete and renew: any pointer; the runtime finds the live block
         * or traps (doc/runtime.md) */
        return 1;
    }
    if (x->stack && (pt->tag == CT_GPTR || pt->tag == CT_OPTR)) {
        *why = pt->tag == CT_OPTR ? "a stack-bound pointer for an owned pointer"
                                  : "a stack-bound pointer for a 'global' pointer";
        return 0;
    }
    if (wu && wu->tag == CT_ARRAY && wu->len >= 0 && x->off == 4) {
        int xc = 0, wc = 0;
        const struct ctype *xu = complete(&v->tags, unq(x->t, &xc));
        unq(want, &wc);
        if (xu && xu->tag == CT_ARRAY && xu->len < 0 && (!xc || wc) && elem_fits(&v->tags, xu->sub, wu->sub) &&
            (wu->len == 0 || (v->curst && const_below_len(v->curst, (uint32_t)(wu->len - 1), x->vn))))
            return 1;
    }
    if (!subobject_is(&v->tags, x->t, x->off, want, 0, 0)) {
        *why = "a pointer to another type";
        return 0;
    }
    return 1;
}

/* ================================================================== */
/* The frame                                                           */
/* ================================================================== */

/* The slot holding [off, off+w), or -1. */
static int slot_at(const struct vctx *v, int64_t off, int64_t w)
{
    for (size_t i = 0; i < v->nslots; i++) {
        const struct vslot *s = &v->slots[i];
        if (off >= s->off && off + w <= (int64_t)s->off + s->size)
            return (int)i;
    }
    return -1;
}

static int overlaps_any(const struct vctx *v, int64_t off, int64_t w, size_t except)
{
    for (size_t i = 0; i < v->nslots; i++)
        if (i != except && off < (int64_t)v->slots[i].off + v->slots[i].size && v->slots[i].off < off + w)
            return 1;
    return 0;
}

static int cell_at(const struct vctx *v, int32_t off)
{
    size_t lo = 0, hi = v->ncells;
    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (v->cells[m].off == off)
            return (int)m;
        if (v->cells[m].off < off)
            lo = m + 1;
        else
            hi = m;
    }
    return -1;
}

/* A tracked slot: its cells hold exact values (scratch, outgoing, the
 * return address and saved registers, arguments and scalar locals whose
 * address is never taken). */
static int tracked(const struct vslot *s)
{
    if (s->kind != SL_TYPED)
        return 1;
    return !s->exposed && s->size == 4;
}

static void st_init(struct vctx *v, struct st *s)
{
    memset(s, 0, sizeof *s);
    s->c = xcalloc(v->ncells ? v->ncells : 1, sizeof *s->c);
    s->pre = xcalloc(v->nslots ? v->nslots : 1, sizeof *s->pre);
}

static void st_free(struct st *s)
{
    free(s->c);
    free(s->pre);
}

static void st_copy(struct vctx *v, struct st *d, const struct st *s)
{
    struct val *c = d->c;
    uint32_t *pre = d->pre;
    *d = *s;
    d->c = c;
    d->pre = pre;
    memcpy(d->c, s->c, v->ncells * sizeof *c);
    memcpy(d->pre, s->pre, v->nslots * sizeof *pre);
}

/* A local is initialised once it has been written from its first byte to
 * its last in order (the prologue zeroes each, then writes its length
 * words): before that its bytes are a dead frame's, and reading them
 * gives integers only.  Incoming arguments are initialised. */
static int slot_init(const struct vctx *v, const struct st *s, int si)
{
    return si < 0 || v->slots[si].kind != SL_TYPED || v->slots[si].off > 0 || s->pre[si] >= v->slots[si].size;
}

static void slot_written(struct st *s, int si, int64_t lo, int64_t hi)
{
    if (si < 0)
        return;
    if (lo <= (int64_t)s->pre[si] && hi > (int64_t)s->pre[si])
        s->pre[si] = (uint32_t)hi;
}

/* The value a typed location holds when nothing better is known. */
static struct val typed_read(struct vctx *v, const struct region *r, int stack)
{
    switch (r->k) {
    case R_PTR:
        return ptr_val(&v->tags, r->pt, stack);
    case R_LEN:
        if (r->len >= 0)
            return cnst((uint32_t)r->len);
        return top();
    default:
        return top();
    }
}

/* ================================================================== */
/* Static objects, functions and relocations                           */
/* ================================================================== */

static struct ctype site_ct = {.tag = CT_STRUCT, .tagname = "__cuckoo_site", .incomplete = 1};
static struct ctype desc_ct = {.tag = CT_STRUCT, .tagname = "__cuckoo_type", .incomplete = 1};

static const struct tld_rec *block_rec(const struct vctx *v, const char *name, int def)
{
    if (!v->o->nblocks)
        return NULL;
    const struct tld_block *b = &v->o->blocks[0];
    for (size_t i = 0; i < b->nrecs; i++)
        if (b->recs[i].is_def == def && !strcmp(b->recs[i].name, name))
            return &b->recs[i];
    return NULL;
}

static const struct vobj *proof_obj(const struct vctx *v, const char *name)
{
    for (size_t i = 0; i < v->proof.nobjs; i++)
        if (!strcmp(v->proof.objs[i].name, name))
            return &v->proof.objs[i];
    return NULL;
}

static const struct vfunc_proof *proof_fn(const struct vctx *v, const char *name)
{
    for (size_t i = 0; i < v->proof.nfns; i++)
        if (!strcmp(v->proof.fns[i].name, name))
            return &v->proof.fns[i];
    return NULL;
}

/* The symbol (function or object) that a relocation against SYM with
 * ADDEND designates, and the offset into it.  Section symbols are resolved
 * to the function or object of that section containing the address. */
static const struct tld_sym *reloc_target(const struct vctx *v, const struct tld_reloc *r, int64_t addend,
                                          int64_t *into)
{
    const struct tld_elf *e = v->e;
    if (r->sym == 0 || r->sym >= e->nsyms)
        return NULL;
    const struct tld_sym *y = &e->syms[r->sym];
    if (y->type == STT_SECTION) {
        for (size_t i = 1; i < e->nsyms; i++) {
            const struct tld_sym *z = &e->syms[i];
            if (z->shndx != y->shndx || (z->type != STT_OBJECT && z->type != STT_FUNC))
                continue;
            if (addend >= z->value && (addend < (int64_t)z->value + z->size || (z->type == STT_FUNC && addend == z->value))) {
                *into = addend - z->value;
                return z;
            }
        }
        return NULL;
    }
    *into = addend;
    return y;
}

/* The value of the address of the designated symbol plus INTO. */
static int address_value(struct vctx *v, const struct tld_sym *y, int64_t into, struct val *out, const char **why)
{
    int local = y->bind == STB_LOCAL;
    const struct ctype *t = NULL;
    if (y->type == STT_FUNC || (y->shndx == SHN_UNDEF && block_rec(v, y->name, 0) &&
                                block_rec(v, y->name, 0)->kind == TLD_FUNC)) {
        if (into != 0) {
            *why = "an address inside a function";
            return 0;
        }
        /* main takes its argv as not stack-bound (setup_frame): that holds
         * only while the runtime, which allocates argv, is its one caller */
        if (!strcmp(y->name, "__cuckoo_main")) {
            *why = "__cuckoo_main, which only the runtime may call";
            return 0;
        }
        if (local) {
            const struct vfunc_proof *p = proof_fn(v, y->name);
            t = p ? p->t : NULL;
        } else {
            const struct tld_rec *rc = block_rec(v, y->name, y->shndx != SHN_UNDEF);
            t = rc && rc->kind == TLD_FUNC ? rc->ct : NULL;
        }
        if (!t) {
            *why = "a function whose type neither the block nor the proof gives";
            return 0;
        }
        *out = (struct val){.k = V_FUNC, .t = complete(&v->tags, unq(t, NULL)), .nn = 1};
        return 1;
    }
    if (local) {
        /* the bytes of a static object are checked against its type, and
         * kept from overlapping another's, through its ELF symbol: a bare
         * label (STT_NOTYPE) on another object's bytes would give them a
         * second type */
        if (y->type != STT_OBJECT || y->size == 0) {
            *why = "a static object that is not a sized ELF object";
            return 0;
        }
        const struct vobj *ob = proof_obj(v, y->name);
        if (!ob) {
            *why = "a static object whose type the proof does not give";
            return 0;
        }
        if (ob->site || ob->desc) {
            if (into != 0) {
                *why = "an address inside a site or type descriptor";
                return 0;
            }
            *out = (struct val){.k = V_PTR, .t = ob->site ? &site_ct : &desc_ct, .nn = 1,
                                .c = (uint32_t)(y - v->e->syms)};
            return 1;
        }
        t = ob->t;
    } else {
        const struct tld_rec *rc = block_rec(v, y->name, y->shndx != SHN_UNDEF);
        if (!rc || rc->kind != TLD_DATA) {
            *why = "a data symbol the block does not type";
            return 0;
        }
        t = rc->ct;
    }
    long long size = ty_size(&v->tags, t, NULL, 0);
    const struct ctype *u = complete(&v->tags, unq(t, NULL));
    if (into < 0 || (size >= 0 && into > size) || (size < 0 && !(u && u->tag == CT_ARRAY && into <= 4))) {
        *why = "an address outside the object";
        return 0;
    }
    *out = (struct val){.k = V_PTR, .t = t, .off = (int32_t)into, .nn = 1, .c = (uint32_t)(y - v->e->syms)};
    return 1;
}

static const struct tld_reloc *reloc_in(const struct vctx *v, uint32_t at)
{
    const struct tld_elf *e = v->e;
    for (size_t i = 0; i < e->nrelocs[v->sec]; i++)
        if (e->relocs[v->sec][i].offset == at)
            return &e->relocs[v->sec][i];
    return NULL;
}

/* The type a type descriptor describes (its first word points to the
 * canonical string; rt/layout.c checks the rest against that string). */
static const struct ctype *desc_type_uncached(struct vctx *v, const struct tld_sym *d);

/* One parse per descriptor (types are compared by address between passes). */
static const struct ctype *desc_type(struct vctx *v, const struct tld_sym *d)
{
    char key[32];
    snprintf(key, sizeof key, "%zu", (size_t)(d - v->e->syms));
    const struct ctype *t = tld_map_get(&v->descs, key);
    if (!t) {
        t = desc_type_uncached(v, d);
        if (t)
            tld_map_put(&v->descs, xstrdup(key), (void *)t);
    }
    return t;
}

static const struct ctype *desc_type_uncached(struct vctx *v, const struct tld_sym *d)
{
    const struct tld_elf *e = v->e;
    if (d->shndx >= e->nsecs || d->size < 4)
        return NULL;
    const struct tld_section *s = &e->secs[d->shndx];
    /* the runtime takes the type, and the sizes it allocates, from the
     * descriptor: it must be in read-only data, where nothing changes it */
    if (!s->data || (s->flags & SHF_WRITE))
        return NULL;
    const struct tld_reloc *r = NULL;
    for (size_t i = 0; i < e->nrelocs[d->shndx]; i++)
        if (e->relocs[d->shndx][i].offset == d->value)
            r = &e->relocs[d->shndx][i];
    if (!r || r->type != e->mach->r_abs || r->sym >= e->nsyms)
        return NULL;
    const struct tld_sym *y = &e->syms[r->sym];
    if (y->shndx >= e->nsecs || !e->secs[y->shndx].data)
        return NULL;
    const struct tld_section *ss = &e->secs[y->shndx];
    const unsigned char *p = s->data + d->value;
    uint32_t add = p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
    uint64_t at = (uint64_t)y->value + add;
    if (at >= ss->size)
        return NULL;
    const char *str = (const char *)ss->data + at;
    size_t n = strnlen(str, ss->size - at);
    if (n == ss->size - at)
        return NULL;
    char *err = NULL;
    const struct ctype *t = proof_type(&v->proof, str, &err);
    free(err);
    if (t && proof_type_tags(&v->tags, t))
        return NULL; /* a layout of its own for a tag of the object */
    return t;
}

/* ================================================================== */
/* Memory operands                                                     */
/* ================================================================== */

static int zreg(ZydisRegister r)
{
    if (r >= ZYDIS_REGISTER_EAX && r <= ZYDIS_REGISTER_EDI)
        return r - ZYDIS_REGISTER_EAX;
    return -1;
}

/* An index register holding i * k (imul/shl by a constant) used with
 * scale s: it indexes elements of size s as itself, or elements of size
 * s * k as i -- whichever the element size ES says. */
static void pick_index(struct val *idx, int *scale, long long es)
{
    if (es == *scale || !idx->mulof || !idx->mul || (uint64_t)*scale * idx->mul != (uint64_t)es)
        return;
    *scale *= (int)idx->mul;
    *idx = idx->k == V_CONST ? cnst(idx->c / idx->mul) : (struct val){.k = V_TOP, .vn = idx->mulof};
}

/* Judge a store of X into a location holding REGION (in a frame slot that
 * may hold stack-bound values when STACKOK). */
static int store_ok_frame(struct vctx *v, const struct region *r, const struct val *x, int w, int stackok,
                          int frame);

/* A length word keeps its value: a store may only write the same length.
 * FRAME: the location is in one of the function's own slots, whose
 * length words the function writes itself (abi.md "Locals"): also 0 while
 * the frame is zeroed; 2: the slot is not yet initialised, so its const
 * parts may be written too. */
static int store_ok_frame(struct vctx *v, const struct region *r, const struct val *x, int w, int stackok,
                          int frame)
{
    if (r->k == R_LEN && w == 4 && x && x->k == V_CONST && r->len >= 0 &&
        ((long long)x->c == r->len || (frame && x->c == 0)) && (!r->isconst || frame))
        return 1;
    if (frame && r->isconst) {
        /* the function's own const local: written by its declaration
         * after the prologue zeroed it (const is a promise to readers
         * through pointers, not a memory-safety property) */
        struct region rr = *r;
        rr.isconst = 0;
        return store_ok_frame(v, &rr, x, w, stackok, 1);
    }
    const char *why = NULL;
    if (r->k == R_OUTSIDE) {
        refuse(v, "store", "outside the object");
        return 0;
    }
    if (r->isconst) {
        refuse(v, "store", "into a const object");
        return 0;
    }
    switch (r->k) {
    case R_LEN:
        refuse(v, "store", "into a length word");
        return 0;
    case R_MIXED:
        refuse(v, "store", "across a pointer or length word");
        return 0;
    case R_PTR:
        if (w != 4 || !x) {
            refuse(v, "store", "of a non-pointer into a pointer");
            return 0;
        }
        if (!fits_ptr(v, x, r->pt, &why)) {
            refuse(v, "store", "a pointer-typed location receives %s", why);
            return 0;
        }
        if (x->k == V_PTR && x->stack && !stackok) {
            refuse(v, "store", "a stack-bound pointer stored where it may outlive the frame");
            return 0;
        }
        return 1;
    default:
        if (x && (x->k == V_FRAME || x->k == V_RET || x->k == V_SAVED || (x->k == V_PTR && x->stack && !stackok))) {
            refuse(v, "store", "a stack address stored where it may outlive the frame");
            return 0;
        }
        return 1;
    }
}

/* LANGUAGE.md §13.3: a store through BASE (a register's name, or NULL for
 * a global's address) that is not proved to stay out of static storage
 * inside a domain (OK 0) is refused. */
static int store_ok_domain(struct vctx *v, int ok, const char *base)
{
    if (ok)
        return 1;
    if (base)
        refuse(v, "store", "through %s, which may point into static storage, with no domain check before it", base);
    else
        refuse(v, "store", "into static storage with no domain check before it");
    return 0;
}

/* One memory operand M of W bytes: a read (X NULL, result in *OUT) or a
 * write of X (NULL when the bytes are not a 32-bit integer register:
 * floating point, immediates of other widths count as plain). */
static int access(struct vctx *v, struct st *s, const struct vinsn *I, const ZydisDecodedOperand *m, int w, int wr,
                  const struct val *x, struct val *out)
{
    struct val dummy;
    if (!out)
        out = &dummy;
    *out = top();
    const char *op = wr ? "store" : "load";
    if (wr)
        s->tos_valid = 0; /* a store may overwrite what was pushed */
    if (m->mem.segment == ZYDIS_REGISTER_GS || m->mem.segment == ZYDIS_REGISTER_FS) {
        /* the stack check's read of the stack limit (structure.c allows
         * %gs only with its TLS relocation) */
        if (wr || !I->rel_disp || I->rel_disp->type != v->e->mach->r_tls_le || m->mem.base != ZYDIS_REGISTER_NONE ||
            m->mem.index != ZYDIS_REGISTER_NONE) {
            refuse(v, op, "through %%fs/%%gs other than the stack limit or the domain flag");
            return 0;
        }
        return 1;
    }
    if (m->mem.segment != ZYDIS_REGISTER_DS && m->mem.segment != ZYDIS_REGISTER_SS &&
        m->mem.segment != ZYDIS_REGISTER_ES && m->mem.segment != ZYDIS_REGISTER_NONE) {
        refuse(v, op, "through a segment override");
        return 0;
    }
    int b = zreg(m->mem.base), ix = zreg(m->mem.index);
    if ((m->mem.base != ZYDIS_REGISTER_NONE && b < 0) || (m->mem.index != ZYDIS_REGISTER_NONE && ix < 0)) {
        refuse(v, op, "an address made of a non-32-bit register");
        return 0;
    }
    int64_t disp = m->mem.disp.has_displacement ? m->mem.disp.value : 0;
    int scale = m->mem.scale ? m->mem.scale : 1;
    struct val base = top(); /* read below when the relocation names no symbol */
    if (b >= 0) {
        if (I->rel_disp) {
            refuse(v, op, "a relocated displacement on a base register");
            return 0;
        }
        base = s->r[b];
    } else {
        if (!I->rel_disp || I->rel_disp->type != v->e->mach->r_abs) {
            refuse(v, op, "an absolute address");
            return 0;
        }
        int64_t into;
        const struct tld_sym *y = reloc_target(v, I->rel_disp, disp, &into);
        const char *why = "an address that is no object";
        if (!y || !address_value(v, y, into, &base, &why) || base.k != V_PTR) {
            refuse(v, op, "%s", base.k == V_FUNC ? "the bytes of a function" : why);
            return 0;
        }
        if (y->shndx != SHN_UNDEF && y->shndx < v->e->nsecs && !(v->e->secs[y->shndx].flags & SHF_WRITE) && wr) {
            refuse(v, op, "into read-only data");
            return 0;
        }
        disp = 0;
        base.vn = 0;
    }
    if (base.k == V_PTR && base.ixscale) {
        if (ix >= 0) {
            refuse(v, op, "two indexes into one address");
            return 0;
        }
        ix = 8; /* the pending index */
        scale = (int)base.ixscale;
    }
    struct val idx = ix == 8 ? (base.ixc ? cnst(base.ixval) : (struct val){.k = V_TOP, .vn = base.ixvn})
                   : ix >= 0 ? s->r[ix] : cnst(0);

    if (base.k == V_FRAME) {
        int64_t a = (int64_t)base.off + disp;
        if (ix >= 0) {
            int si = slot_at(v, a, w);
            /* an element of an array in a typed slot */
            long long e0;
            int isc = 0;
            const struct vslot *sl = si >= 0 ? &v->slots[si] : NULL;
            struct ixwant want = {scale, idx.mulof ? idx.mul : 0};
            const struct ctype *arr =
                sl && sl->kind == SL_TYPED ? array_at(&v->tags, sl->t, a - sl->off, &e0, &isc, 0, &want) : NULL;
            long long es = arr ? ty_size(&v->tags, arr->sub, NULL, 0) : 0;
            pick_index(&idx, &scale, es);
            if (!arr || arr->len < 0 || es != scale || a - sl->off - e0 < 0 || a - sl->off - e0 + w > es) {
                refuse(v, op, "an indexed frame access that is not an element of a local array");
                return 0;
            }
            if (!below_const(s, &idx, (uint64_t)arr->len)) {
                refuse(v, op, "index %s not proved below %lld", rname[ix], arr->len);
                return 0;
            }
            struct region r = region_of(&v->tags, arr->sub, a - sl->off - e0, w);
            if (isc)
                r.isconst = 1;
            if (wr)
                return store_ok_frame(v, &r, x, w, sl->stack, 1);
            *out = slot_init(v, s, si) ? typed_read(v, &r, sl->stack) : top();
            return 1;
        }
        int si = slot_at(v, a, w);
        if (si < 0) {
            refuse(v, op, "%d bytes at %lld from the entry %%esp: not inside one frame slot", w, (long long)a);
            return 0;
        }
        struct vslot *sl = &v->slots[si];
        if (sl->kind == SL_TYPED && !tracked(sl)) {
            struct region r = region_of(&v->tags, sl->t, a - sl->off, w);
            if (wr) {
                if (!store_ok_frame(v, &r, x, w, sl->stack, sl->off < 0 ? (slot_init(v, s, si) ? 1 : 2) : 0))
                    return 0;
                slot_written(s, si, a - sl->off, a - sl->off + w);
                return 1;
            }
            *out = slot_init(v, s, si) ? typed_read(v, &r, sl->stack) : top();
            return 1;
        }
        /* tracked cells */
        if (wr && sl->off >= 0 && sl->off < 4) {
            refuse(v, op, "the return address");
            return 0;
        }
        if (wr && sl->ro) {
            refuse(v, op, "a saved register's slot");
            return 0;
        }
        if ((a & 3) == 0 && w == 4) {
            int ci = cell_at(v, (int32_t)a);
            if (ci < 0) {
                refuse(v, op, "an untracked frame cell");
                return 0;
            }
            if (wr) {
                if (sl->kind == SL_TYPED) {
                    struct region r = region_of(&v->tags, sl->t, 0, 4);
                    if (!store_ok_frame(v, &r, x, 4, 1, sl->off < 0))
                        return 0;
                }
                s->c[ci] = x ? *x : top();
            } else {
                *out = s->c[ci];
                if (out->k == V_BOT)
                    *out = top();
            }
            return 1;
        }
        /* a narrower or wider access of tracked cells: plain data */
        if (sl->kind == SL_TYPED) {
            struct region r = region_of(&v->tags, sl->t, a - sl->off, w);
            if (wr && !store_ok_frame(v, &r, x, w, 1, sl->off < 0))
                return 0;
            if (!wr)
                *out = typed_read(v, &r, 1);
        }
        for (int64_t k = a & ~3LL; k < a + w; k += 4) {
            int ci = cell_at(v, (int32_t)k);
            if (ci < 0) {
                refuse(v, op, "an untracked frame cell");
                return 0;
            }
            if (wr)
                s->c[ci] = top();
            /* reading part of a pointer as bits is harmless */
        }
        return 1;
    }
    if (base.k != V_PTR) {
        refuse(v, op, "the base register %s does not hold a pointer", b >= 0 ? rname[b] : "");
        return 0;
    }
    if (!base.nn) {
        refuse(v, op, "%s may be NULL", b >= 0 ? rname[b] : "the pointer");
        return 0;
    }
    /* §13.3, judged after the store's other rules: inside a domain it
     * must not reach static storage */
    int dom_ok = !wr || base.ns || base.own || s->nodom;
    const char *dom_base = b >= 0 ? rname[b] : NULL;
    int64_t a = (int64_t)base.off + disp;
    const struct ctype *bt = complete(&v->tags, unq(base.t, NULL));
    int bconst = 0;
    unq(base.t, &bconst);
    if (ix >= 0) {
        long long e0;
        int isc = bconst;
        struct ixwant want = {scale, idx.mulof ? idx.mul : 0};
        const struct ctype *arr = array_at(&v->tags, base.t, a, &e0, &isc, 0, &want);
        long long es = arr ? ty_size(&v->tags, arr->sub, NULL, 0) : 0;
        pick_index(&idx, &scale, es);
        if (!arr || es != scale || a - e0 < 0 || a - e0 + w > es) {
            refuse(v, op, "an indexed access that is not an element of an array");
            return 0;
        }
        int ok = arr->len >= 0 && below_const(s, &idx, (uint64_t)arr->len);
        if (!ok && e0 == 4 && base.off == 4 && arr == bt)
            ok = index_below_len(s, &idx, base.ixscale ? base.ixbase : base.vn);
        if (!ok) {
            refuse(v, op, "index %s not proved below the array's length", rname[ix]);
            return 0;
        }
        struct region r = region_of(&v->tags, arr->sub, a - e0, w);
        if (isc)
            r.isconst = 1;
        if (wr)
            return store_ok_frame(v, &r, x, w, 0, base.own) && store_ok_domain(v, dom_ok, dom_base);
        *out = !base.own || slot_init(v, s, base.slot) ? typed_read(v, &r, 0) : top();
        return 1;
    }
    struct region r;
    if (bt && bt->tag == CT_ARRAY && bt->len < 0 && a >= 4) {
        /* an element of an array of unknown length, at a constant index */
        long long es = ty_size(&v->tags, bt->sub, NULL, 0);
        if (es <= 0) {
            refuse(v, op, "an array of elements without a size");
            return 0;
        }
        long long k = (a - 4) / es;
        if (base.off != 4 || !const_below_len(s, (uint32_t)k, base.vn)) {
            refuse(v, op, "element %lld not proved below the array's length", k);
            return 0;
        }
        r = region_of(&v->tags, bt->sub, a - 4 - k * es, w);
        if (bconst)
            r.isconst = 1;
    } else {
        r = region_of(&v->tags, base.t, a, w);
    }
    if (wr) {
        if (!store_ok_frame(v, &r, x, w, 0, base.own ? (slot_init(v, s, base.slot) ? 1 : 2) : 0) ||
            !store_ok_domain(v, dom_ok, dom_base))
            return 0;
        if (base.own)
            slot_written(s, base.slot, a, a + w);
        return 1;
    }
    if (r.k == R_OUTSIDE) {
        refuse(v, op, "outside the object");
        return 0;
    }
    *out = !base.own || slot_init(v, s, base.slot) ? typed_read(v, &r, 0) : top();
    if (r.k == R_LEN && a == 0 && base.off == 4)
        out->lenof = base.vn;
    return 1;
}

/* ================================================================== */
/* Instructions                                                        */
/* ================================================================== */

static int is_reg32(const ZydisDecodedOperand *o) { return o->type == ZYDIS_OPERAND_TYPE_REGISTER && zreg(o->reg.value) >= 0; }

/* A general-purpose register written other than whole (al, ax): its
 * 32-bit register becomes an unknown integer. */
static int gpr_of_partial(ZydisRegister r)
{
    static const ZydisRegister r8[] = {ZYDIS_REGISTER_AL, ZYDIS_REGISTER_CL, ZYDIS_REGISTER_DL, ZYDIS_REGISTER_BL,
                                       ZYDIS_REGISTER_AH, ZYDIS_REGISTER_CH, ZYDIS_REGISTER_DH, ZYDIS_REGISTER_BH};
    static const int r8of[] = {EAX, ECX, EDX, EBX, EAX, ECX, EDX, EBX};
    for (int i = 0; i < 8; i++)
        if (r == r8[i])
            return r8of[i];
    if (r >= ZYDIS_REGISTER_AX && r <= ZYDIS_REGISTER_DI)
        return r - ZYDIS_REGISTER_AX;
    return zreg(r);
}

/* The value of an immediate operand (a relocated one is an address). */
/* 1 or 2 if R is an absolute relocation of the start or the end of the
 * static storage (common/abi.h), else 0. */
static int static_bound_sym(struct vctx *v, const struct tld_reloc *r)
{
    if (r->type != v->e->mach->r_abs || r->sym >= v->e->nsyms || v->e->syms[r->sym].shndx != SHN_UNDEF)
        return 0;
    const char *n = v->e->syms[r->sym].name;
    return !strcmp(n, CK_STATIC_START_SYM) ? 1 : !strcmp(n, CK_STATIC_END_SYM) ? 2 : 0;
}

static int imm_value(struct vctx *v, const struct vinsn *I, const ZydisDecodedOperand *o, struct val *out)
{
    if (I->rel_imm && static_bound_sym(v, I->rel_imm) && o->imm.value.s == 0) {
        *out = top(); /* an address, but of no object: only compared with */
        return 1;
    }
    if (I->rel_imm) {
        if (I->rel_imm->type != v->e->mach->r_abs) {
            refuse(v, "an address", "a relocation other than an absolute word on an immediate");
            return 0;
        }
        int64_t into;
        const struct tld_sym *y = reloc_target(v, I->rel_imm, (int32_t)o->imm.value.s, &into);
        const char *why = "an address that is no function or object";
        if (!y || !address_value(v, y, into, out, &why)) {
            refuse(v, "an address", "%s", why);
            return 0;
        }
        return 1;
    }
    *out = cnst((uint32_t)o->imm.value.u);
    return 1;
}

static int esp_move(struct vctx *v, struct st *s, int64_t delta)
{
    struct val *e = &s->r[ESP];
    if (e->k != V_FRAME) {
        refuse(v, "a stack operation", "%%esp is not at a known place in the frame");
        return 0;
    }
    int64_t n = (int64_t)e->off + delta;
    int64_t low = v->prologue_done ? (int64_t)v->body_esp - 64 : -(int64_t)v->frame - 64;
    if (n > 0 || n < low) {
        refuse(v, "a stack operation", "%%esp would leave the frame (%lld bytes from the entry %%esp)", (long long)n);
        return 0;
    }
    if (delta > 0)
        s->tos_valid = 0;
    /* what lies below %esp is dead: a signal's frame or a callee may
     * overwrite it at any time */
    for (int64_t a = e->off; a < n; a += 4) {
        int ci = cell_at(v, (int32_t)a);
        if (ci >= 0)
            s->c[ci] = top();
    }
    e->off = (int32_t)n;
    e->vn = 0;
    return 1;
}

/* Everything below %esp, after a call: the callee's. */
static void kill_below_esp(struct vctx *v, struct st *s)
{
    s->tos_valid = 0;
    for (size_t i = 0; i < v->ncells && v->cells[i].off < s->r[ESP].off; i++)
        s->c[i] = top();
}

static int push_val(struct vctx *v, struct st *s, const struct val *x)
{
    if (!esp_move(v, s, -4))
        return 0;
    s->tos = *x;
    s->tos_off = s->r[ESP].off;
    s->tos_valid = 1;
    int ci = cell_at(v, s->r[ESP].off);
    if (ci < 0) {
        /* onto a local array or struct (a trap stub's pushes before the
         * prologue): a store into it */
        int si = slot_at(v, s->r[ESP].off, 4);
        if (si < 0) {
            /* across slots: only onto locals not yet initialised and scratch */
            int32_t a = s->r[ESP].off;
            for (size_t k = 0; k < v->nslots; k++) {
                const struct vslot *sl = &v->slots[k];
                if (!(a < (int64_t)sl->off + sl->size && sl->off < a + 4))
                    continue;
                if ((sl->kind == SL_TYPED && slot_init(v, s, (int)k)) || sl->ro) {
                    refuse(v, "push", "onto %lld from the entry %%esp: across a live local", (long long)a);
                    return 0;
                }
            }
            for (int32_t w = (a & ~3) - 4; w < a + 8; w += 4) {
                int c2 = cell_at(v, w);
                if (c2 >= 0 && w < a + 4 && w + 4 > a)
                    s->c[c2] = top();
            }
            return 1;
        }
        if (v->slots[si].kind != SL_TYPED) {
            refuse(v, "push", "onto %lld from the entry %%esp: not a frame cell", (long long)s->r[ESP].off);
            return 0;
        }
        if (!slot_init(v, s, si))
            return 1; /* a dead frame's bytes, read back as integers only */
        struct region r = region_of(&v->tags, v->slots[si].t, s->r[ESP].off - v->slots[si].off, 4);
        return store_ok_frame(v, &r, x, 4, v->slots[si].stack, 1);
    }
    s->c[ci] = *x;
    return 1;
}

/* Parameters of a function type as (size, type) in stack order. */
static long long arg_size(struct vctx *v, const struct ctype *t)
{
    long long n = ty_size(&v->tags, t, NULL, 0);
    return n < 0 ? -1 : (n + 3) & ~3LL;
}

/* The variadic arguments of the runtime's printf family: the format is a
 * constant string of this object (read-only data), read as rt_vformat
 * reads it (rt/format.c), and each argument it will take must be there,
 * of its kind: %s a pointer to a char array (or NULL), the others plain
 * data of their width.  AT is where the arguments after the fixed ones
 * begin; FMT the format's value. */
/* A width or precision: `*` takes an int argument, digits none. */
static void format_count(const char *f, uint32_t len, uint32_t *i, char *kinds, int *nk)
{
    if (*i < len && f[*i] == '*') {
        kinds[(*nk)++] = 'i';
        (*i)++;
        return;
    }
    while (*i < len && f[*i] >= '0' && f[*i] <= '9')
        (*i)++;
}

static int check_format_args(struct vctx *v, struct st *s, const struct val *fmt, int32_t at, const char *callee)
{
    static struct ctype c8 = {.tag = CT_BASE, .base = "c8"};
    static struct ctype kc8 = {.tag = CT_CONST, .sub = &c8};
    static struct ctype akc8 = {.tag = CT_ARRAY, .sub = &kc8, .len = -1};
    static struct ctype pstr = {.tag = CT_PTR, .sub = &akc8};
    const struct tld_elf *e = v->e;
    if (fmt->k != V_PTR || fmt->off != 4 || !fmt->c || fmt->c >= e->nsyms) {
        refuse(v, "call", "the format of %s is not a constant string of this object", callee);
        return 0;
    }
    const struct tld_sym *y = &e->syms[fmt->c];
    if (y->shndx == SHN_UNDEF || y->shndx >= e->nsecs || (e->secs[y->shndx].flags & SHF_WRITE) ||
        !e->secs[y->shndx].data || y->size < 4 || (uint64_t)y->value + y->size > e->secs[y->shndx].size) {
        refuse(v, "call", "the format of %s is not in read-only data", callee);
        return 0;
    }
    const unsigned char *b = e->secs[y->shndx].data + y->value;
    uint32_t len = b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24;
    if (len > y->size - 4)
        len = y->size - 4;
    const char *f = (const char *)b + 4;
    int n = 0;
    for (uint32_t i = 0; i < len && f[i];) {
        if (f[i++] != '%')
            continue;
        char kinds[4];
        int nk = 0;
        while (i < len && f[i] && strchr("-0+ #", f[i]))
            i++;
        format_count(f, len, &i, kinds, &nk); /* the width */
        if (i < len && f[i] == '.') {
            i++;
            format_count(f, len, &i, kinds, &nk); /* the precision */
        }
        int size = 0;
        if (i < len && f[i] == 'l') {
            size = 1, i++;
            if (i < len && f[i] == 'l')
                size = 2, i++;
        } else if (i < len && f[i] == 'h') {
            i++;
            if (i < len && f[i] == 'h')
                i++;
        }
        char c = i < len ? f[i] : 0;
        i++;
        if (strchr("diuxXo", c) && c)
            kinds[nk++] = size == 2 ? 'L' : 'i';
        else if (c == 'c' || c == 'p')
            kinds[nk++] = 'i';
        else if (c == 's')
            kinds[nk++] = 's';
        else if (c && strchr("feEgGF", c))
            kinds[nk++] = 'L';
        for (int k = 0; k < nk; k++) {
            int words = kinds[k] == 'L' ? 2 : 1;
            for (int w = 0; w < words; w++) {
                int ci = cell_at(v, at + 4 * w);
                if (ci < 0) {
                    refuse(v, "call", "argument %d of %s's format is not in the outgoing area", n + 1, callee);
                    return 0;
                }
                const struct val *x = &s->c[ci];
                const char *why = "";
                if (kinds[k] == 's' && !fits_ptr(v, x, &pstr, &why)) {
                    refuse(v, "call", "argument %d of %s's format (%%s) is %s", n + 1, callee, why);
                    return 0;
                }
                if (kinds[k] != 's' && (x->k == V_FRAME || x->k == V_RET || x->k == V_SAVED)) {
                    refuse(v, "call", "argument %d of %s's format is a raw frame address", n + 1, callee);
                    return 0;
                }
            }
            at += 4 * words;
            n++;
        }
    }
    return 1;
}

/* Check the outgoing arguments at %esp against function type FT. */
static int check_args(struct vctx *v, struct st *s, const struct ctype *ft, const char *callee)
{
    int32_t at = s->r[ESP].off;
    const struct ctype *ret = complete(&v->tags, unq(ft->sub, NULL));
    if (ret && (ret->tag == CT_STRUCT || ret->tag == CT_UNION)) {
        int ci = cell_at(v, at);
        const char *why = "";
        struct ctype pt = {.tag = CT_PTR, .sub = (struct ctype *)ft->sub};
        if (ci < 0 || !fits_ptr(v, &s->c[ci], &pt, &why) || s->c[ci].k != V_PTR || !s->c[ci].nn) {
            refuse(v, "call", "the struct result buffer for %s is not a non-null %s", callee, "pointer to the result type");
            return 0;
        }
        at += 4;
    }
    for (size_t i = 0; i < ft->nparams; i++) {
        const struct ctype *pt = ft->params[i];
        long long n = arg_size(v, pt);
        if (n < 0) {
            refuse(v, "call", "parameter %zu of %s has no size", i + 1, callee);
            return 0;
        }
        const struct ctype *pu = complete(&v->tags, unq(pt, NULL));
        for (long long k = 0; k < n; k += 4) {
            int ci = cell_at(v, at + (int32_t)k);
            if (ci < 0) {
                refuse(v, "call", "argument %zu of %s is not in the outgoing area", i + 1, callee);
                return 0;
            }
            const struct val *x = &s->c[ci];
            if (x->k == V_PTR && x->own && !slot_init(v, s, x->slot)) {
                refuse(v, "call", "argument %zu of %s points to a local not yet initialised", i + 1, callee);
                return 0;
            }
            struct region r;
            if (pu && (pu->tag == CT_STRUCT || pu->tag == CT_UNION || pu->tag == CT_ARRAY))
                r = region_of(&v->tags, pt, k, n - k < 4 ? n - k : 4);
            else if (is_ptr(pu))
                r = (struct region){R_PTR, 0, pu, -1};
            else
                r = (struct region){R_PLAIN, 0, NULL, -1};
            if (r.k == R_PTR) {
                const char *why = "";
                if (!fits_ptr(v, x, r.pt, &why)) {
                    refuse(v, "call", "argument %zu of %s is %s", i + 1, callee, why);
                    return 0;
                }
            } else if (r.k == R_LEN) {
                if (x->k != V_CONST || (long long)x->c != r.len) {
                    refuse(v, "call", "argument %zu of %s has a wrong length word", i + 1, callee);
                    return 0;
                }
            } else if (x->k == V_FRAME || x->k == V_RET || x->k == V_SAVED) {
                refuse(v, "call", "argument %zu of %s is a raw frame address", i + 1, callee);
                return 0;
            }
        }
        at += (int32_t)n;
    }
    if (ft->variadic) {
        /* only the runtime's printf family is variadic; its format is the
         * last fixed parameter */
        int ci = ft->nparams ? cell_at(v, at - 4) : -1;
        if (ci < 0)
            return refuse(v, "call", "of %s: a variadic function without a format", callee), 0;
        return check_format_args(v, s, &s->c[ci], at, callee);
    }
    return 1;
}

static const char *const noreturn_fns[] = {"__cuckoo_trap", "__cuckoo_exit", "__cuckoo_abort", NULL};

/* The result of a call of FT in %eax (and %edx). */
static void call_result(struct vctx *v, struct st *s, const struct ctype *ft)
{
    const struct ctype *ret = complete(&v->tags, unq(ft->sub, NULL));
    s->r[EAX] = mkfresh(v, s, top(), 0);
    s->r[ECX] = top();
    s->r[EDX] = top();
    if (is_ptr(ret))
        s->r[EAX] = mkfresh(v, s, ptr_val(&v->tags, ret, 0), 0);
}

static int call_target_fn(struct vctx *v, uint32_t secoff, const char **name, const struct ctype **ft)
{
    const struct tld_elf *e = v->e;
    for (size_t i = 1; i < e->nsyms; i++) {
        const struct tld_sym *y = &e->syms[i];
        if (y->type == STT_FUNC && y->shndx == v->sec && y->value == secoff) {
            const char *why = "";
            struct val fv;
            if (!address_value(v, y, 0, &fv, &why))
                return 0;
            *name = y->name;
            *ft = fv.t;
            return 1;
        }
    }
    return 0;
}

/* The descriptor argument of new/new_array/renew/chan_recv/chan_recv_array:
 * the type it makes. */
static const struct ctype *desc_arg(struct vctx *v, struct st *s, int32_t at);
static const struct ctype *new_type(struct vctx *v, struct st *s, const char *callee)
{
    int which = !strcmp(callee, "__cuckoo_renew") || !strncmp(callee, "__cuckoo_chan_recv", 18) ? 1 : 0;
    const struct ctype *t = desc_arg(v, s, s->r[ESP].off + 4 * which);
    if (!t)
        return NULL;
    if (strcmp(callee, "__cuckoo_new") && strcmp(callee, "__cuckoo_chan_recv"))
        return unsized_array_of(v, t, 0);
    return t;
}

/* The block and size at AT of the outgoing area, for OP (spawn,
 * domain_call): the runtime copies SIZE bytes of BLOCK and calls a
 * function whose arguments are laid out as LAYOUT on the copy, so SIZE
 * must be LAYOUT's size and the block must hold those arguments, typed,
 * none stack-bound (LANGUAGE.md §10, §13.3).  WHO names the function. */
/* The words K0.. of an argument block laid out as LAYOUT (N bytes), in the
 * cells from BASE on: each fits its place, and none is an address of the
 * caller's stack (the block is read on another stack or in a domain). */
static int check_block_words(struct vctx *v, struct st *s, int32_t base, const struct ctype *layout, long long n,
                             long long k0, const char *what, const char *op)
{
    for (long long k = k0; k < n; k += 4) {
        int ci = cell_at(v, base + (int32_t)k);
        if (ci < 0) {
            refuse(v, op, "%s is not in scratch cells of the frame", what);
            return 0;
        }
        const struct val *x = &s->c[ci];
        struct region r = region_of(&v->tags, layout, k, n - k < 4 ? n - k : 4);
        const char *why = "";
        if (r.k == R_PTR && (!fits_ptr(v, x, r.pt, &why) || (x->k == V_PTR && x->stack))) {
            refuse(v, op, "word %lld of %s is %s", k / 4, what,
                   x->k == V_PTR && x->stack ? "a stack-bound pointer" : why);
            return 0;
        }
        if (r.k == R_LEN && (x->k != V_CONST || (long long)x->c != r.len)) {
            refuse(v, op, "word %lld of %s is a wrong length word", k / 4, what);
            return 0;
        }
        if (r.k != R_PTR && (x->k == V_FRAME || x->k == V_RET || x->k == V_SAVED || (x->k == V_PTR && x->stack))) {
            refuse(v, op, "word %lld of %s is a stack address", k / 4, what);
            return 0;
        }
    }
    return 1;
}

static int check_block(struct vctx *v, struct st *s, int32_t at, const struct ctype *layout, const char *who,
                       const char *op)
{
    int c1 = cell_at(v, at), c2 = cell_at(v, at + 4);
    if (c1 < 0 || c2 < 0) {
        refuse(v, op, "the arguments are not in the outgoing area");
        return 0;
    }
    const struct val *blk = &s->c[c1], *sz = &s->c[c2];
    long long n = ty_size(&v->tags, layout, NULL, 0);
    if (n < 0 || sz->k != V_CONST || (long long)sz->c != n) {
        refuse(v, op, "the block size is not %lld, the size of %s's arguments", n, who);
        return 0;
    }
    if (blk->k != V_FRAME) {
        refuse(v, op, "the argument block is not in the frame");
        return 0;
    }
    return check_block_words(v, s, blk->off, layout, n, 0, "the argument block", op);
}

/* The (thunk, block, size) triple at AT of the outgoing area: THUNK must
 * be one of this object's spawn thunks, which take the block of their
 * target's arguments. */
static const struct vfunc_proof *check_thunk_block(struct vctx *v, struct st *s, int32_t at, const char *op)
{
    int c0 = cell_at(v, at);
    if (c0 < 0) {
        refuse(v, op, "the arguments are not in the outgoing area");
        return NULL;
    }
    const struct val *th = &s->c[c0];
    const struct vfunc_proof *tp = NULL;
    for (size_t i = 0; i < v->proof.nfns; i++)
        if (v->proof.fns[i].args && th->k == V_FUNC && th->t == v->proof.fns[i].t)
            tp = &v->proof.fns[i];
    if (!tp || !th->nn) {
        refuse(v, op, "the entry is not one of this object's spawn thunks");
        return NULL;
    }
    return check_block(v, s, at + 4, tp->args, tp->thunk, op) ? tp : NULL;
}

/* __cuckoo_spawn(thunk, block, size, site). */
static int check_spawn(struct vctx *v, struct st *s)
{
    return check_thunk_block(v, s, s->r[ESP].off, "spawn") != NULL;
}

/* The type a descriptor argument (the cell at AT) describes, or NULL: a
 * descriptor's value is a V_PTR to desc_ct that carries its symbol in .c. */
static const struct ctype *desc_arg(struct vctx *v, struct st *s, int32_t at)
{
    int ci = cell_at(v, at);
    if (ci < 0)
        return NULL;
    const struct val *x = &s->c[ci];
    if (x->k != V_PTR || x->t != &desc_ct || !x->c || x->c >= v->e->nsyms)
        return NULL;
    return desc_type(v, &v->e->syms[x->c]);
}

/* The plain arguments of a runtime call at AT, checked as check_args
 * does, parameter by parameter: SKIP's bits name the ones the caller
 * checks itself. */
static int check_plain_args(struct vctx *v, struct st *s, const struct ctype *ft, int32_t at, unsigned skip,
                            const char *callee)
{
    for (size_t i = 0; i < ft->nparams; i++, at += 4) {
        if (skip & (1u << i))
            continue;
        int ci = cell_at(v, at);
        if (ci < 0) {
            refuse(v, "call", "argument %zu of %s is not in the outgoing area", i + 1, callee);
            return 0;
        }
        const struct ctype *pu = complete(&v->tags, unq(ft->params[i], NULL));
        const char *why = "";
        if (!is_ptr(pu) || !fits_ptr(v, &s->c[ci], pu, &why)) {
            refuse(v, "call", "argument %zu of %s is %s", i + 1, callee, is_ptr(pu) ? why : "not a pointer");
            return 0;
        }
    }
    return 1;
}

/* __cuckoo_domain_new(setup, desc, name, site) (LANGUAGE.md §13.3): the
 * runtime keeps what SETUP returns as the state it later hands to
 * domain_call's functions as a pointer to DESC's type, so SETUP must be a
 * function `S *(void)` of this type S, a struct. */
static int check_domain_new(struct vctx *v, struct st *s, const struct ctype *ft)
{
    int32_t at = s->r[ESP].off;
    int c0 = cell_at(v, at);
    if (c0 < 0) {
        refuse(v, "domain_new", "the arguments are not in the outgoing area");
        return 0;
    }
    if (ft->nparams != 4) {
        refuse(v, "domain_new", "__cuckoo_domain_new is not the runtime's");
        return 0;
    }
    if (!check_plain_args(v, s, ft, at, 1u, "__cuckoo_domain_new"))
        return 0;
    const struct val *x = &s->c[c0];
    const struct ctype *sf = x->k == V_FUNC ? complete(&v->tags, unq(x->t, NULL)) : NULL;
    const struct ctype *ret = sf && sf->tag == CT_FUNC ? complete(&v->tags, sf->sub) : NULL;
    const struct ctype *st = ret && (ret->tag == CT_PTR || ret->tag == CT_OPTR) ? complete(&v->tags, ret->sub) : NULL;
    const struct ctype *dt = complete(&v->tags, desc_arg(v, s, at + 4));
    if (!x->nn || !sf || sf->nparams || sf->variadic || !st || st->tag != CT_STRUCT) {
        refuse(v, "domain_new", "the setup is not a function returning a pointer to a struct");
        return 0;
    }
    if (!dt || !ty_eq(st, dt, 0)) {
        refuse(v, "domain_new", "the descriptor is not one of the object's for the setup's struct");
        return 0;
    }
    return 1;
}

/* __cuckoo_domain_call(d, f, desc, <hole>, <hole>, a1..an) (doc/abi.md
 * "domain_call"): the runtime checks that the domain's state type is
 * DESC's, makes the first hole F's return address and writes the state
 * into the second, and calls F there: the words from the second hole on
 * are F's arguments.  So F must be a function `int (S *, ...)` whose
 * first parameter points to DESC's struct, and a1..an, in the outgoing
 * area after the holes, must be the rest of its arguments -- none an
 * address of this stack, as F runs inside the domain.  F is called from a
 * frame of unknown depth: its address is taken here, so the discipline
 * requires its stack check. */
static const struct ctype *thunk_block(struct vctx *v, const struct ctype *target);

static int check_domain_call(struct vctx *v, struct st *s, const struct ctype *ft, int with_own)
{
    int32_t at = s->r[ESP].off;
    const char *callee = with_own ? "__cuckoo_domain_call_own" : "__cuckoo_domain_call";
    if (ft->nparams != 5 || !ft->variadic) {
        refuse(v, "domain_call", "%s is not the runtime's", callee);
        return 0;
    }
    if (!check_plain_args(v, s, ft, at, 2u | 8u | 16u, callee))
        return 0;
    int c1 = cell_at(v, at + 4);
    const struct val *x = c1 >= 0 ? &s->c[c1] : NULL;
    const struct ctype *tf = x && x->k == V_FUNC && x->nn ? complete(&v->tags, unq(x->t, NULL)) : NULL;
    const struct ctype *ret = tf && tf->tag == CT_FUNC ? complete(&v->tags, unq(tf->sub, NULL)) : NULL;
    if (!ret || tf->variadic || !tf->nparams || ret->tag != CT_BASE || strcmp(ret->base, "i32")) {
        refuse(v, "domain_call", "the entry is not a function 'int f(S *state, ...)'");
        return 0;
    }
    const struct ctype *p0 = complete(&v->tags, unq(tf->params[0], NULL));
    /* a plain pointer: the runtime keeps the state, so f may neither own
     * it (delete it, send it away) nor keep it as a global pointer */
    if (!p0 || p0->tag != CT_PTR) {
        refuse(v, "domain_call", "the entry's state parameter is not a plain pointer 'S *state'");
        return 0;
    }
    const struct ctype *st = complete(&v->tags, unq(p0->sub, NULL));
    const struct ctype *dt = complete(&v->tags, desc_arg(v, s, at + 8));
    if (!st || st->tag != CT_STRUCT || !dt || !ty_eq(st, dt, 0)) {
        refuse(v, "domain_call", "the descriptor is not the type of the entry's first parameter's struct");
        return 0;
    }
    const struct ctype *layout = thunk_block(v, x->t);
    long long n = layout ? ty_size(&v->tags, layout, NULL, 0) : -1;
    if (n < 4) {
        refuse(v, "domain_call", "the entry's parameters have no layout");
        return 0;
    }
    /* The runtime makes the objects of the words the mask names the
     * domain's: they must be exactly f's owned parameters -- a word left
     * out would stay its old domain's, which could delete it while this
     * one keeps it; a word put in would hand the domain an object that is
     * not the caller's to give. */
    unsigned long long want = 0;
    long long off = 0;
    for (size_t i = 1; i < tf->nparams; i++) {
        const struct ctype *pu = complete(&v->tags, unq(tf->params[i], NULL));
        long long an = arg_size(v, tf->params[i]);
        if (an < 0) {
            refuse(v, "domain_call", "parameter %zu of the entry has no size", i + 1);
            return 0;
        }
        if (pu && pu->tag == CT_OPTR) {
            if (off / 4 >= 32) {
                refuse(v, "domain_call", "an owned parameter of the entry is past its 32nd word");
                return 0;
            }
            want |= 1ull << (off / 4);
        }
        off += an;
    }
    if (!with_own && want) {
        refuse(v, "domain_call", "the entry takes owned pointers: its call must be __cuckoo_domain_call_own");
        return 0;
    }
    if (with_own) {
        int cm = cell_at(v, at + 12);
        if (cm < 0 || s->c[cm].k != V_CONST || !want || (unsigned long long)(uint32_t)s->c[cm].c != want) {
            refuse(v, "domain_call", "the mask is not the entry's owned parameters (0x%llx)", want);
            return 0;
        }
    }
    /* the state word is the runtime's; the words after it are the caller's */
    return check_block_words(v, s, at + 16, layout, n, 4, "the entry's arguments", "domain_call");
}

static int do_call(struct vctx *v, struct st *s, const char *name, const struct ctype *ft, int *noreturn)
{
    ft = complete(&v->tags, unq(ft, NULL));
    if (!ft || ft->tag != CT_FUNC) {
        refuse(v, "call", "of %s, which is not a function of known type", name ? name : "a register");
        return 0;
    }
    for (int i = 0; noreturn_fns[i]; i++)
        if (name && !strcmp(name, noreturn_fns[i]))
            *noreturn = 1;
    if (*noreturn && name && !strcmp(name, "__cuckoo_trap")) {
        /* the runtime prints the site it is handed: one of this object's
         * site records, whose words verify_data checked */
        int ci = cell_at(v, s->r[ESP].off);
        const struct val *x = s->tos_valid && s->tos_off == s->r[ESP].off ? &s->tos : ci >= 0 ? &s->c[ci] : NULL;
        if (!x || x->k != V_PTR || x->t != &site_ct) {
            refuse(v, "call", "of __cuckoo_trap without one of the object's site records");
            return 0;
        }
        return 1;
    }
    if (name && !strcmp(name, "__cuckoo_spawn")) {
        if (!check_spawn(v, s))
            return 0;
    } else if (name && !strcmp(name, "__cuckoo_domain_new")) {
        if (!check_domain_new(v, s, ft))
            return 0;
    } else if (name && (!strcmp(name, "__cuckoo_domain_call") || !strcmp(name, "__cuckoo_domain_call_own"))) {
        if (!check_domain_call(v, s, ft, !strcmp(name, "__cuckoo_domain_call_own")))
            return 0;
    } else if (!check_args(v, s, ft, name ? name : "the function pointer")) {
        return 0;
    }
    const struct ctype *made = NULL;
    /* chan_recv's object is checked by the runtime to be a live one of
     * the descriptor's type, or it is NULL (a closed channel) */
    int made_may_be_null = name && (!strcmp(name, "__cuckoo_chan_recv") ||
                                     !strcmp(name, "__cuckoo_chan_recv_array"));
    if (name && (!strcmp(name, "__cuckoo_new") || !strcmp(name, "__cuckoo_new_array") ||
                 !strcmp(name, "__cuckoo_renew") || made_may_be_null)) {
        made = new_type(v, s, name);
        if (!made) {
            refuse(v, "call", "of %s: its type descriptor is not one of this object's", name);
            return 0;
        }
    }
    /* the callee owns its arguments */
    for (size_t i = 0; i < v->nslots; i++)
        if (v->slots[i].kind == SL_OUT)
            for (uint32_t k = 0; k < v->slots[i].size; k += 4) {
                int ci = cell_at(v, v->slots[i].off + (int32_t)k);
                if (ci >= 0)
                    s->c[ci] = top();
            }
    call_result(v, s, ft);
    if (made) {
        const struct ctype *mu = complete(&v->tags, unq(made, NULL));
        /* the allocator's objects are never static storage */
        s->r[EAX] = mkfresh(v, s, (struct val){.k = V_PTR, .t = made, .off = mu && mu->tag == CT_ARRAY ? 4 : 0,
                                               .nn = !made_may_be_null, .ns = 1}, 0);
    }
    const struct ctype *ret = complete(&v->tags, unq(ft->sub, NULL));
    if (ret && (ret->tag == CT_STRUCT || ret->tag == CT_UNION))
        return esp_move(v, s, 4); /* the callee popped the hidden pointer */
    return 1;
}

/* x <u y on an edge. */
static void learn_below(struct st *s, const struct val *x, const struct val *y)
{
    if (y->lenof) {
        if (x->k == V_CONST)
            add_fact(s, F_CONST_LT_LEN, x->c, y->lenof);
        else if (x->vn)
            add_fact(s, F_LT_LEN, x->vn, y->lenof);
    }
    if (y->k == V_CONST && x->vn && x->k != V_CONST)
        add_fact(s, F_LT_CONST, x->vn, y->c);
    else if (!y->lenof && y->k != V_CONST && x->k != V_CONST && x->vn && y->vn && x->vn != y->vn)
        add_fact(s, F_LT_VAL, x->vn, y->vn);
    /* the transitive step of a loop bound: x <u y <=u len(w) */
    for (int i = 0; y->vn && y->k != V_CONST && i < s->nf; i++) {
        if (s->f[i].kind != F_LE_LEN || s->f[i].a != y->vn)
            continue;
        if (x->k == V_CONST)
            add_fact(s, F_CONST_LT_LEN, x->c, s->f[i].b);
        else if (x->vn)
            add_fact(s, F_LT_LEN, x->vn, s->f[i].b);
    }
}

/* x <=u y: a bound at most a length (the test before a loop) */
static void learn_not_above(struct st *s, const struct val *x, const struct val *y)
{
    if (!y->lenof || x->k == V_CONST || !x->vn)
        return;
    add_fact(s, F_LE_LEN, x->vn, y->lenof);
    for (int i = 0; i < s->nf; i++)
        if (s->f[i].kind == F_LT_VAL && s->f[i].b == x->vn)
            add_fact(s, F_LT_LEN, s->f[i].a, y->lenof);
}

/* What a conditional branch teaches on its TAKEN edge or its fall-through;
 * 0 when that edge can never be taken (a constant compared). */
static int learn(struct vctx *v, struct st *s, ZydisMnemonic m, int taken)
{
    struct flags *f = &s->fl;
    if (!f->valid)
        return 1;
    struct val a = f->a, b = f->b;
    if (f->dom && (m == ZYDIS_MNEMONIC_JZ || m == ZYDIS_MNEMONIC_JNZ)) {
        if (m == ZYDIS_MNEMONIC_JZ ? taken : !taken)
            set_nodom(v, s);
        return 1;
    }
    if (f->sb) {
        /* a <u START or a >=u END: a points outside the static storage */
        int lo = m == ZYDIS_MNEMONIC_JB ? taken : m == ZYDIS_MNEMONIC_JNB ? !taken : 0;
        int hi = m == ZYDIS_MNEMONIC_JNB ? taken : m == ZYDIS_MNEMONIC_JB ? !taken : 0;
        if ((f->sb == 1 && lo) || (f->sb == 2 && hi))
            set_storable(v, s, a.vn);
        return 1;
    }
    if (m == ZYDIS_MNEMONIC_JZ || m == ZYDIS_MNEMONIC_JNZ) {
        int noteq = m == ZYDIS_MNEMONIC_JZ ? !taken : taken;
        int zero_known = f->is_test ? 1 : (b.k == V_CONST && b.c == 0);
        if (zero_known && a.k == V_CONST)
            return noteq ? a.c != 0 : a.c == 0;
        if (zero_known && !noteq && (a.k == V_FUNC || a.k == V_PTR) && a.nn)
            return 0; /* a non-null pointer is never 0 */
        if (zero_known && noteq)
            set_nonnull(v, s, a.vn);
        if (zero_known && !noteq && a.vn && (a.k == V_PTR || a.k == V_FUNC))
            set_zero(v, s, a.vn); /* it is NULL on this edge */
        return 1;
    }
    if (f->is_test)
        return 1;
    /* flags of a - b */
    int below;
    switch (m) {
    case ZYDIS_MNEMONIC_JB: below = taken ? 1 : 2; break;   /* a <u b  |  a >=u b */
    case ZYDIS_MNEMONIC_JNB: below = taken ? 2 : 1; break;
    case ZYDIS_MNEMONIC_JNBE: below = taken ? 3 : 4; break; /* a >u b  |  a <=u b */
    case ZYDIS_MNEMONIC_JBE: below = taken ? 4 : 3; break;
    default: return 1;
    }
    if (a.k == V_CONST && b.k == V_CONST) {
        switch (below) {
        case 1: return a.c < b.c;
        case 2: return a.c >= b.c;
        case 3: return a.c > b.c;
        default: return a.c <= b.c;
        }
    }
    /* nothing is below 2^32 - 1 as an unsigned: an index of -1 always traps */
    if ((below == 1 && a.k == V_CONST && a.c == 0xffffffffu) || (below == 3 && b.k == V_CONST && b.c == 0xffffffffu))
        return 0;
    if (below == 1)
        learn_below(s, &a, &b);
    else if (below == 3)
        learn_below(s, &b, &a);
    else if (below == 2 && b.k == V_CONST && b.c > 0 && a.lenof)
        add_fact(s, F_CONST_LT_LEN, b.c - 1, a.lenof); /* len >= c */
    else if (below == 4 && a.k == V_CONST && a.c > 0 && b.lenof)
        add_fact(s, F_CONST_LT_LEN, a.c - 1, b.lenof); /* c <= len */
    else if (below == 2)
        learn_not_above(s, &b, &a); /* b <=u a */
    else if (below == 4)
        learn_not_above(s, &a, &b); /* a <=u b */
    return 1;
}

/* Operand widths in bytes. */
static int opw(const ZydisDecodedOperand *o);

/* rep movs / rep stos with a constant count: every word (or byte) is a
 * load through %esi and a store through %edi by the memory rules, so a
 * copy moves typed values (a pointer into a pointer, a length word onto
 * the same length) and a fill writes zeros. */
static int block_op(struct vctx *v, struct st *s, ZydisMnemonic m)
{
    int w = m == ZYDIS_MNEMONIC_MOVSD || m == ZYDIS_MNEMONIC_STOSD ? 4 : 1;
    int copy = m == ZYDIS_MNEMONIC_MOVSD || m == ZYDIS_MNEMONIC_MOVSB;
    const char *op = copy ? "a block copy" : "a block fill";
    if (s->r[ECX].k != V_CONST) {
        refuse(v, op, "the count in %%ecx is not a constant");
        return 0;
    }
    uint64_t total = (uint64_t)s->r[ECX].c * (uint64_t)w;
    if (total > 16u * 1024 * 1024) {
        refuse(v, op, "of more than 16 MiB");
        return 0;
    }
    struct val zero = cnst(0);
    if (!copy && (s->r[EAX].k != V_CONST || s->r[EAX].c != 0)) {
        refuse(v, op, "with a value other than zero");
        return 0;
    }
    struct vinsn fake;
    memset(&fake, 0, sizeof fake);
    ZydisDecodedOperand mo;
    memset(&mo, 0, sizeof mo);
    mo.type = ZYDIS_OPERAND_TYPE_MEMORY;
    mo.mem.segment = ZYDIS_REGISTER_DS;
    mo.mem.index = ZYDIS_REGISTER_NONE;
    mo.mem.disp.has_displacement = 1;
    mo.size = (uint16_t)(8 * w);
    for (uint64_t k = 0; k < total; k += (uint64_t)w) {
        struct val x = zero;
        mo.mem.disp.value = (int64_t)k;
        if (copy) {
            mo.mem.base = ZYDIS_REGISTER_ESI;
            if (!access(v, s, &fake, &mo, w, 0, NULL, &x))
                return 0;
            if (w != 4)
                x = top();
        } else if (w != 4) {
            x = top();
        }
        mo.mem.base = ZYDIS_REGISTER_EDI;
        if (!access(v, s, &fake, &mo, w, 1, &x, NULL))
            return 0;
    }
    int regs[2] = {EDI, ESI};
    for (int i = 0; i < 1 + copy; i++) {
        struct val *r = &s->r[regs[i]];
        if (r->k == V_PTR || r->k == V_FRAME) {
            r->off += (int32_t)total;
            r->vn = fresh(v, s, 2 + i);
        } else {
            *r = top();
        }
    }
    s->r[ECX] = mkfresh(v, s, cnst(0), 0);
    return 1;
}
static int opw(const ZydisDecodedOperand *o) { return o->size / 8; }

/* One instruction: the state after it in S; successors through *JT (a
 * direct jump target, instruction index, or -1), *FALL (falls through),
 * and conditional edges handled by the caller with learn(). */
/* Whether direct call I reaches a function of this object that does not
 * begin with the stack check (only such a static function may lack it). */
static int unchecked_callee(const struct vctx *v, const struct vinsn *I)
{
    const ZydisDecodedOperand *op = I->op;
    if (op[0].type != ZYDIS_OPERAND_TYPE_IMMEDIATE || !op[0].imm.is_relative)
        return 0; /* through a register: an address-taken function, which checks */
    unsigned sec = v->sec;
    int64_t at;
    const struct tld_reloc *r = reloc_in(v, v->fstart + I->off + I->in.raw.imm[0].offset);
    if (r) {
        if (r->sym >= v->e->nsyms)
            return 1;
        const struct tld_sym *y = &v->e->syms[r->sym];
        if (y->shndx == SHN_UNDEF)
            return 0; /* another object's: global, so it checks */
        if (y->shndx >= v->e->nsecs)
            return 1;
        sec = y->shndx;
        at = (int64_t)y->value + (int32_t)op[0].imm.value.s + 4;
    } else {
        at = (int64_t)v->fstart + I->off + I->in.length + op[0].imm.value.s;
    }
    const struct tld_section *t = &v->e->secs[sec];
    if (!t->data || at < 0 || (uint64_t)at >= t->size)
        return 1;
    return !ck_seq_match(&v->e->mach->stack_check, t->data + at, (uint32_t)(t->size - (uint64_t)at), NULL);
}

static int step(struct vctx *v, struct st *s, size_t ii, int *fall, int64_t *jt, int *is_jcc)
{
    const struct vinsn *I = &v->ins[ii];
    const ZydisDecodedInstruction *in = &I->in;
    const ZydisDecodedOperand *op = I->op;
    ZydisMnemonic m = in->mnemonic;
    int nvis = in->operand_count_visible;
    *fall = 1;
    *jt = -1;
    *is_jcc = 0;
    v->cur = I->off;
    struct val x, y;
    struct flags nf = {0};

    switch (in->meta.category) {
    case ZYDIS_CATEGORY_COND_BR:
        if (op[0].type != ZYDIS_OPERAND_TYPE_IMMEDIATE || !op[0].imm.is_relative) {
            refuse(v, "a jump", "not a direct jump");
            return 0;
        }
        /* a jump changes nothing but the instruction pointer; loop,
         * loope and loopne also count %ecx down, a write this case would
         * not see (a pointer in %ecx walked anywhere, its facts kept) */
        for (unsigned i = 0; i < in->operand_count; i++)
            if (op[i].type == ZYDIS_OPERAND_TYPE_REGISTER && (op[i].actions & ZYDIS_OPERAND_ACTION_MASK_WRITE) &&
                op[i].reg.value != ZYDIS_REGISTER_EIP && op[i].reg.value != ZYDIS_REGISTER_IP) {
                refuse(v, "a jump", "it also writes %s", ZydisRegisterGetString(op[i].reg.value));
                return 0;
            }
        *jt = (int64_t)I->off + in->length + op[0].imm.value.s;
        *is_jcc = 1;
        return 1;
    case ZYDIS_CATEGORY_UNCOND_BR:
        if (op[0].type != ZYDIS_OPERAND_TYPE_IMMEDIATE || !op[0].imm.is_relative) {
            refuse(v, "a jump", "an indirect jump");
            return 0;
        }
        *jt = (int64_t)I->off + in->length + op[0].imm.value.s;
        *fall = 0;
        return 1;
    case ZYDIS_CATEGORY_RET: {
        *fall = 0;
        const struct ctype *ret = complete(&v->tags, unq(v->ftype->sub, NULL));
        int agg = ret && (ret->tag == CT_STRUCT || ret->tag == CT_UNION);
        int64_t pop = nvis ? op[0].imm.value.u : 0;
        if (pop != (agg ? 4 : 0)) {
            refuse(v, "return", "ret $%lld for a function that %s", (long long)pop,
                   agg ? "returns a struct (ret $4)" : "pops no argument");
            return 0;
        }
        if (s->r[ESP].k != V_FRAME || s->r[ESP].off != 0) {
            refuse(v, "return", "%%esp is not at its entry value");
            return 0;
        }
        int ci = cell_at(v, 0);
        if (ci < 0 || s->c[ci].k != V_RET) {
            refuse(v, "return", "the return address was changed");
            return 0;
        }
        static const int saved[] = {EBX, ESI, EDI, EBP};
        for (int k = 0; k < 4; k++)
            if (s->r[saved[k]].k != V_SAVED || s->r[saved[k]].sreg != saved[k]) {
                refuse(v, "return", "%s is not restored", rname[saved[k]]);
                return 0;
            }
        if (is_ptr(ret)) {
            const char *why = "";
            if (!fits_ptr(v, &s->r[EAX], ret, &why)) {
                refuse(v, "return", "the result in %%eax is %s", why);
                return 0;
            }
            if (s->r[EAX].k == V_PTR && s->r[EAX].stack) {
                refuse(v, "return", "the result is a stack-bound pointer");
                return 0;
            }
        }
        /* any other result is an integer to the caller (call_result), so
         * what %eax holds then does not matter */
        return 1;
    }
    case ZYDIS_CATEGORY_CALL: {
        int noret = 0;
        const char *name = NULL;
        const struct ctype *ft = NULL;
        if (op[0].type == ZYDIS_OPERAND_TYPE_IMMEDIATE && op[0].imm.is_relative) {
            const struct tld_reloc *r = reloc_in(v, v->fstart + I->off + in->raw.imm[0].offset);
            if (r) {
                int64_t into;
                const struct tld_sym *y2 = r->type == v->e->mach->r_pc ? reloc_target(v, r, (int32_t)op[0].imm.value.s + 4, &into) : NULL;
                struct val fv;
                const char *why = "a call that is not to a function entry";
                if (!y2 || !address_value(v, y2, into, &fv, &why) || fv.k != V_FUNC) {
                    refuse(v, "call", "%s", why);
                    return 0;
                }
                name = y2->name;
                ft = fv.t;
            } else if (!call_target_fn(v, v->fstart + I->off + in->length + (uint32_t)op[0].imm.value.s, &name, &ft)) {
                refuse(v, "call", "a call that is not to a function entry");
                return 0;
            }
        } else if (op[0].type == ZYDIS_OPERAND_TYPE_REGISTER && zreg(op[0].reg.value) >= 0) {
            const struct val *f = &s->r[zreg(op[0].reg.value)];
            if (f->k != V_FUNC) {
                refuse(v, "call", "%s does not hold a function pointer", rname[zreg(op[0].reg.value)]);
                return 0;
            }
            if (!f->nn) {
                refuse(v, "call", "%s may be NULL", rname[zreg(op[0].reg.value)]);
                return 0;
            }
            ft = f->t;
        } else {
            refuse(v, "call", "through memory");
            return 0;
        }
        if (s->r[ESP].k != V_FRAME || (v->prologue_done && !v->in_stub && s->r[ESP].off > v->body_esp)) {
            /* its return address would land on the frame's own slots */
            refuse(v, "call", "%%esp is above the frame's bottom");
            return 0;
        }
        /* a callee without a stack check is counted by the caller's check
         * (discipline.c) from the frame's bottom: a call from below it --
         * the 64 bytes the body may push -- would let each level of a
         * chain of such callees go 64 bytes deeper than counted */
        if (v->prologue_done && !v->in_stub && s->r[ESP].off < v->body_esp && unchecked_callee(v, I)) {
            refuse(v, "call", "a function without a stack check, from below the frame's bottom");
            return 0;
        }
        if (!do_call(v, s, name, ft, &noret))
            return 0;
        kill_below_esp(v, s);
        if (noret)
            *fall = 0;
        return 1;
    }
    default:
        break;
    }

    switch (m) {
    case ZYDIS_MNEMONIC_NOP:
        return 1;
    case ZYDIS_MNEMONIC_PUSH:
        if (is_reg32(&op[0]))
            x = s->r[zreg(op[0].reg.value)];
        else if (op[0].type == ZYDIS_OPERAND_TYPE_IMMEDIATE) {
            if (!imm_value(v, I, &op[0], &x))
                return 0;
        } else if (op[0].type == ZYDIS_OPERAND_TYPE_MEMORY && opw(&op[0]) == 4) {
            if (!access(v, s, I, &op[0], 4, 0, NULL, &x))
                return 0;
            if (!x.vn)
                x = mkfresh(v, s, x, 1);
        } else {
            refuse(v, "push", "an operand form without a rule");
            return 0;
        }
        return push_val(v, s, &x);
    case ZYDIS_MNEMONIC_POP: {
        if (!is_reg32(&op[0]) || zreg(op[0].reg.value) == ESP) {
            refuse(v, "pop", "an operand form without a rule");
            return 0;
        }
        int ci = s->r[ESP].k == V_FRAME ? cell_at(v, s->r[ESP].off) : -1;
        if (ci < 0) {
            refuse(v, "pop", "%%esp is not at a tracked frame cell");
            return 0;
        }
        x = s->c[ci];
        if (x.k == V_BOT)
            x = top();
        if (!esp_move(v, s, 4))
            return 0;
        s->r[zreg(op[0].reg.value)] = x;
        return 1;
    }
    case ZYDIS_MNEMONIC_LEAVE: {
        /* movl %ebp, %esp; popl %ebp */
        if (s->r[EBP].k != V_FRAME) {
            refuse(v, "leave", "%%ebp does not hold the frame pointer");
            return 0;
        }
        s->r[ESP] = s->r[EBP];
        int ci = cell_at(v, s->r[ESP].off);
        if (ci < 0) {
            refuse(v, "leave", "%%ebp is not at a tracked frame cell");
            return 0;
        }
        x = s->c[ci];
        if (!esp_move(v, s, 4))
            return 0;
        s->r[EBP] = x;
        return 1;
    }
    case ZYDIS_MNEMONIC_MOV:
    case ZYDIS_MNEMONIC_MOVZX:
    case ZYDIS_MNEMONIC_MOVSX: {
        int w0 = opw(&op[0]), w1 = opw(&op[1]);
        if (op[0].type == ZYDIS_OPERAND_TYPE_REGISTER) {
            int d = zreg(op[0].reg.value);
            if (op[1].type == ZYDIS_OPERAND_TYPE_REGISTER) {
                int sr = zreg(op[1].reg.value);
                if (m == ZYDIS_MNEMONIC_MOV && d >= 0 && sr >= 0)
                    x = s->r[sr];
                else if (op[1].reg.value == ZYDIS_REGISTER_ESP || op[1].reg.value == ZYDIS_REGISTER_SP ||
                         gpr_of_partial(op[1].reg.value) < 0) {
                    refuse(v, "mov", "an operand form without a rule");
                    return 0;
                } else {
                    /* movzbl %al, %r: "%al is (v != 0)" makes all of %r so */
                    uint32_t nz = m == ZYDIS_MNEMONIC_MOVZX && op[1].size == 8 &&
                                          op[1].reg.value >= ZYDIS_REGISTER_AL && op[1].reg.value <= ZYDIS_REGISTER_BL
                                      ? s->r[gpr_of_partial(op[1].reg.value)].nzlow
                                      : 0;
                    x = mkfresh(v, s, top(), 0);
                    x.nzof = nz;
                }
            } else if (op[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE) {
                if (!imm_value(v, I, &op[1], &x))
                    return 0;
                if (w0 != 4)
                    x = top();
                x = mkfresh(v, s, x, 0);
            } else if (op[1].type == ZYDIS_OPERAND_TYPE_MEMORY) {
                if (!access(v, s, I, &op[1], w1, 0, NULL, &x))
                    return 0;
                if (m != ZYDIS_MNEMONIC_MOV || w1 != 4)
                    x = top();
                if (!x.vn)
                    x = mkfresh(v, s, x, 0);
            } else {
                refuse(v, "mov", "an operand form without a rule");
                return 0;
            }
            if (d == ESP) {
                /* movl %ebp, %esp: the epilogue */
                if (!(op[1].type == ZYDIS_OPERAND_TYPE_REGISTER && op[1].reg.value == ZYDIS_REGISTER_EBP &&
                      x.k == V_FRAME)) {
                    refuse(v, "a change of %esp", "%%esp may only be set from the frame pointer");
                    return 0;
                }
                s->r[ESP] = x;
                return esp_move(v, s, 0);
            }
            if (d == EBP && v->has_fp && !(x.k == V_FRAME && !v->prologue_done)) {
                /* %ebp is the frame pointer from the prologue to the end */
                refuse(v, "a change of %ebp", "%%ebp may only be set by the prologue");
                return 0;
            }
            if (d < 0) {
                int g = gpr_of_partial(op[0].reg.value);
                if (g < 0 || g == ESP || (g == EBP && v->has_fp)) {
                    refuse(v, "mov", "an operand form without a rule");
                    return 0;
                }
                s->r[g] = mkfresh(v, s, top(), 0);
                return 1;
            }
            s->r[d] = x;
            return 1;
        }
        if (op[0].type == ZYDIS_OPERAND_TYPE_MEMORY && m == ZYDIS_MNEMONIC_MOV) {
            const struct val *px = NULL;
            if (op[1].type == ZYDIS_OPERAND_TYPE_REGISTER) {
                int sr = zreg(op[1].reg.value);
                if (sr >= 0 && w0 == 4)
                    px = &s->r[sr];
                else if (gpr_of_partial(op[1].reg.value) < 0) {
                    refuse(v, "store", "an operand form without a rule");
                    return 0;
                } else {
                    x = top();
                    px = &x;
                }
            } else if (op[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE) {
                if (!imm_value(v, I, &op[1], &x))
                    return 0;
                if (w0 != 4)
                    x = top();
                x = mkfresh(v, s, x, 1);
                px = &x;
            } else {
                refuse(v, "store", "an operand form without a rule");
                return 0;
            }
            return access(v, s, I, &op[0], w0, 1, px, NULL);
        }
        refuse(v, "mov", "an operand form without a rule");
        return 0;
    }
    case ZYDIS_MNEMONIC_LEA: {
        int d = zreg(op[0].reg.value);
        const ZydisDecodedOperand *mm = &op[1];
        int b = zreg(mm->mem.base), ix = zreg(mm->mem.index);
        int64_t disp = mm->mem.disp.has_displacement ? mm->mem.disp.value : 0;
        if (d < 0) {
            refuse(v, "lea", "an operand form without a rule");
            return 0;
        }
        if (d == EBP && v->has_fp && v->prologue_done) {
            refuse(v, "a change of %ebp", "%%ebp may only be set by the prologue");
            return 0;
        }
        if (b >= 0 && s->r[b].k == V_FRAME && ix < 0) {
            int64_t a = s->r[b].off + disp;
            if (d == ESP) {
                /* leal -K(%ebp), %esp: the epilogue */
                if (b != EBP) {
                    refuse(v, "a change of %esp", "%%esp may only be set from the frame pointer");
                    return 0;
                }
                s->r[ESP] = (struct val){.k = V_FRAME, .off = s->r[EBP].off};
                return esp_move(v, s, a - s->r[EBP].off);
            }
            int si = slot_at(v, a, 1);
            if (si >= 0 && v->slots[si].kind == SL_TYPED && !tracked(&v->slots[si]) && !v->slots[si].stack) {
                /* a pointer to a local: typed memory from here on */
                const struct vslot *sl = &v->slots[si];
                s->r[d] = mkfresh(v, s, (struct val){.k = V_PTR, .t = sl->t, .off = (int32_t)(a - sl->off), .nn = 1, .stack = 1,
                                                     .own = (uint8_t)(sl->off < 0), .slot = (int16_t)si, .ns = 1}, 0);
                return 1;
            }
            /* anything else (a local whose cell is tracked, one that may hold
             * stack-bound pointers, scratch): a raw frame address, which
             * accesses only the frame itself and can be neither stored nor
             * passed (the block fill of a local goes through one) */
            /* a raw frame address: only as a block copy's destination */
            s->r[d] = (struct val){.k = V_FRAME, .off = (int32_t)a};
            return 1;
        }
        if (d == ESP || (d == EBP && v->has_fp)) {
            refuse(v, "lea", "an operand form without a rule");
            return 0;
        }
        if (b < 0 && ix < 0) {
            if (!I->rel_disp) {
                s->r[d] = mkfresh(v, s, cnst((uint32_t)disp), 0);
                return 1;
            }
            int64_t into;
            const struct tld_sym *y2 = reloc_target(v, I->rel_disp, disp, &into);
            const char *why = "an address that is no object";
            if (!y2 || !address_value(v, y2, into, &x, &why)) {
                refuse(v, "lea", "%s", why);
                return 0;
            }
            s->r[d] = mkfresh(v, s, x, 0);
            return 1;
        }
        struct val gbase;
        if (b >= 0 && ix >= 0 && s->r[b].k == V_FRAME && d != ESP) {
            /* the address of an element of a local array */
            int64_t a = s->r[b].off + disp;
            int si = slot_at(v, a, 1);
            if (si < 0 || v->slots[si].kind != SL_TYPED || v->slots[si].stack) {
                refuse(v, "lea", "an indexed frame address that is not in a local array");
                return 0;
            }
            const struct vslot *sl = &v->slots[si];
            gbase = (struct val){.k = V_PTR, .t = sl->t, .off = (int32_t)(a - sl->off), .nn = 1, .stack = 1,
                                 .own = (uint8_t)(sl->off < 0), .slot = (int16_t)si, .ns = 1};
            disp = 0;
            b = 8;
        } else if (b < 0 && ix >= 0 && I->rel_disp) {
            /* the address of an element of a global array: as through a
             * register holding the array's address */
            int64_t into;
            const struct tld_sym *y2 = reloc_target(v, I->rel_disp, disp, &into);
            const char *why = "an address that is no object";
            if (!y2 || !address_value(v, y2, into, &gbase, &why) || gbase.k != V_PTR) {
                refuse(v, "lea", "%s", why);
                return 0;
            }
            disp = 0;
            b = 8;
        }
        struct val pend_idx = {0};
        int pend_scale = 0;
        if (b >= 0 && b < 8 && s->r[b].k == V_PTR && s->r[b].ixscale) {
            /* leal d(p + i*k): the element address, its index judged now */
            if (ix >= 0) {
                refuse(v, "lea", "an address from an element address whose index is not proved");
                return 0;
            }
            const struct val *pv = &s->r[b];
            pend_idx = pv->ixc ? cnst(pv->ixval) : (struct val){.k = V_TOP, .vn = pv->ixvn};
            pend_scale = (int)pv->ixscale;
            gbase = *pv;
            gbase.ixscale = 0;
            gbase.vn = pv->ixbase;
            b = 8;
            ix = 8;
        }
        if (b == 8 || (b >= 0 && s->r[b].k == V_PTR)) {
            /* the address of a member or an element: the access rule
             * for a one-byte access there decides it is inside */
            struct val bv = b == 8 ? gbase : s->r[b];
            if (!bv.nn) {
                refuse(v, "lea", "%s may be NULL", rname[b]);
                return 0;
            }
            if (ix < 0) {
                int64_t a = bv.off + disp;
                long long size = ty_size(&v->tags, bv.t, NULL, 0);
                const struct ctype *bu = complete(&v->tags, unq(bv.t, NULL));
                if (bu && bu->tag == CT_ARRAY && bu->len < 0 && a >= 4 && bv.off == 4) {
                    /* &p[k] of an array of unknown length: k proved */
                    long long es = ty_size(&v->tags, bu->sub, NULL, 0);
                    long long k = es > 0 ? (a - 4) / es : -1;
                    if (k < 0 || k > 0xffffffffLL || !const_below_len(s, (uint32_t)k, bv.vn)) {
                        refuse(v, "lea", "element %lld not proved below the array's length", k);
                        return 0;
                    }
                    int bc = 0;
                    unq(bv.t, &bc);
                    const struct ctype *et = bu->sub;
                    if (bc)
                        et = const_of(v, et);
                    s->r[d] = mkfresh(v, s, (struct val){.k = V_PTR, .t = et, .off = (int32_t)(a - 4 - k * es), .nn = 1,
                                                         .stack = bv.stack, .own = bv.own, .slot = bv.slot, .ns = bv.ns}, 0);
                    return 1;
                }
                if (a < 0 || (size >= 0 && a > size) || (size < 0 && !(bu && bu->tag == CT_ARRAY && a <= 4))) {
                    refuse(v, "lea", "an address outside the object");
                    return 0;
                }
                s->r[d] = mkfresh(v, s, (struct val){.k = V_PTR, .t = bv.t, .off = (int32_t)a, .nn = 1, .stack = bv.stack, .own = bv.own, .slot = bv.slot, .ns = bv.ns}, 0);
                return 1;
            }
            long long e0;
            int isc = 0;
            int64_t a = bv.off + disp;
            int scale = ix == 8 ? pend_scale : mm->mem.scale ? mm->mem.scale : 1;
            struct val idx = ix == 8 ? pend_idx : s->r[ix];
            struct ixwant want = {scale, idx.mulof ? idx.mul : 0};
            const struct ctype *arr = array_at(&v->tags, bv.t, a, &e0, &isc, 0, &want);
            long long es = arr ? ty_size(&v->tags, arr->sub, NULL, 0) : 0;
            const struct ctype *bu = complete(&v->tags, unq(bv.t, NULL));
            pick_index(&idx, &scale, es);
            int ok = arr && es == scale && a - e0 >= 0 && a - e0 < es;
            int inb = ok && arr->len >= 0 && below_const(s, &idx, (uint64_t)arr->len);
            if (ok && !inb && e0 == 4 && bv.off == 4 && arr == bu)
                inb = index_below_len(s, &idx, bv.vn);
            if (!ok || !inb) {
                refuse(v, "lea", "the address of an element whose index is not proved in bounds");
                return 0;
            }
            const struct ctype *et = arr->sub;
            if (isc)
                et = const_of(v, et);
            s->r[d] = mkfresh(v, s, (struct val){.k = V_PTR, .t = et, .off = (int32_t)(a - e0), .nn = 1, .stack = bv.stack, .own = bv.own, .slot = bv.slot, .ns = bv.ns}, 0);
            return 1;
        }
        /* arithmetic on integers */
        s->r[d] = mkfresh(v, s, top(), 0);
        return 1;
    }
    case ZYDIS_MNEMONIC_CMP:
    case ZYDIS_MNEMONIC_TEST: {
        for (int k = 0; k < 2; k++) {
            struct val *t = k ? &y : &x;
            if (op[k].type == ZYDIS_OPERAND_TYPE_REGISTER) {
                int r = zreg(op[k].reg.value);
                *t = r >= 0 ? s->r[r] : top();
            } else if (op[k].type == ZYDIS_OPERAND_TYPE_IMMEDIATE) {
                if (!imm_value(v, I, &op[k], t))
                    return 0;
            } else if (op[k].type == ZYDIS_OPERAND_TYPE_MEMORY) {
                if (!access(v, s, I, &op[k], opw(&op[k]), 0, NULL, t))
                    return 0;
                if (opw(&op[k]) != 4)
                    *t = top();
            }
        }
        nf.valid = opw(&op[0]) == 4;
        nf.is_test = m == ZYDIS_MNEMONIC_TEST;
        if (nf.is_test && !(op[0].type == ZYDIS_OPERAND_TYPE_REGISTER && op[1].type == ZYDIS_OPERAND_TYPE_REGISTER &&
                            op[0].reg.value == op[1].reg.value))
            nf.valid = 0;
        nf.a = x;
        nf.b = y;
        if (nf.valid && !nf.is_test) {
            const struct ck_machine *mc = v->e->mach;
            if (op[0].type == ZYDIS_OPERAND_TYPE_MEMORY && op[0].mem.segment == ZYDIS_REGISTER_GS && I->rel_disp &&
                !strcmp(v->e->syms[I->rel_disp->sym].name, mc->domain_flag_sym) && op[0].mem.disp.value == 0 &&
                op[0].mem.base == ZYDIS_REGISTER_NONE && op[0].mem.index == ZYDIS_REGISTER_NONE && opw(&op[0]) == 4 &&
                op[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE && !I->rel_imm && op[1].imm.value.u == 0)
                nf.dom = 1;
            else if ((op[0].type == ZYDIS_OPERAND_TYPE_REGISTER || op[0].type == ZYDIS_OPERAND_TYPE_MEMORY) &&
                     op[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE && I->rel_imm && (int32_t)op[1].imm.value.s == 0)
                nf.sb = static_bound_sym(v, I->rel_imm);
        }
        s->fl = nf;
        return 1;
    }
    case ZYDIS_MNEMONIC_MOVSD:
    case ZYDIS_MNEMONIC_MOVSB:
    case ZYDIS_MNEMONIC_STOSD:
    case ZYDIS_MNEMONIC_STOSB:
        if (in->meta.category == ZYDIS_CATEGORY_STRINGOP) {
            /* block_op is the rule of the whole `rep` copy or fill: %ecx
             * elements, %esi/%edi advanced past them.  One element
             * without the prefix would leave them %ecx - 1 elements
             * short of where the rule says (a forged copy walked %edi
             * back onto a length word) */
            if (!(in->attributes & ZYDIS_ATTRIB_HAS_REP) || (in->attributes & ZYDIS_ATTRIB_HAS_REPNE)) {
                refuse(v, ZydisMnemonicGetString(m), "a string instruction without a rep prefix");
                return 0;
            }
            return block_op(v, s, m);
        }
        break;
    default:
        break;
    }
    return -1; /* not handled here: the generic rules */
}

/* Everything else: arithmetic on integers and floating point.  Memory
 * operands are plain data of their width; every general register written
 * becomes an unknown integer; %esp moves only by an immediate add/sub. */
static int generic(struct vctx *v, struct st *s, size_t ii)
{
    const struct vinsn *I = &v->ins[ii];
    const ZydisDecodedInstruction *in = &I->in;
    const ZydisDecodedOperand *op = I->op;
    ZydisMnemonic m = in->mnemonic;
    switch (in->meta.category) {
    case ZYDIS_CATEGORY_BINARY:
    case ZYDIS_CATEGORY_LOGICAL:
    case ZYDIS_CATEGORY_SHIFT:
    case ZYDIS_CATEGORY_CONVERT:
    case ZYDIS_CATEGORY_SETCC:
    case ZYDIS_CATEGORY_SSE:
    case ZYDIS_CATEGORY_X87_ALU:
    case ZYDIS_CATEGORY_LOGICAL_FP:
    case ZYDIS_CATEGORY_DATAXFER:
    case ZYDIS_CATEGORY_CMOV:
    case ZYDIS_CATEGORY_BITBYTE:
        break;
    default:
        refuse(v, ZydisMnemonicGetString(m), "an instruction without a typing rule");
        return 0;
    }
    if (in->attributes & ZYDIS_ATTRIB_HAS_REP || in->attributes & ZYDIS_ATTRIB_HAS_REPE ||
        in->attributes & ZYDIS_ATTRIB_HAS_REPNE || in->attributes & ZYDIS_ATTRIB_HAS_LOCK) {
        /* a lock prefix is fine (atomics on plain memory: the memory
         * rule applies); a repeated instruction has no rule here */
        if (!(in->attributes & ZYDIS_ATTRIB_HAS_LOCK)) {
            refuse(v, ZydisMnemonicGetString(m), "a repeated instruction without a typing rule");
            return 0;
        }
    }
    /* xorl %r, %r: zero */
    if (m == ZYDIS_MNEMONIC_XOR && is_reg32(&op[0]) && is_reg32(&op[1]) && op[0].reg.value == op[1].reg.value &&
        zreg(op[0].reg.value) != ESP && !(zreg(op[0].reg.value) == EBP && v->has_fp)) {
        s->r[zreg(op[0].reg.value)] = mkfresh(v, s, cnst(0), 0);
        s->fl.valid = 0;
        return 1;
    }
    /* addl/subl $imm, %esp */
    if ((m == ZYDIS_MNEMONIC_ADD || m == ZYDIS_MNEMONIC_SUB) && op[0].type == ZYDIS_OPERAND_TYPE_REGISTER &&
        op[0].reg.value == ZYDIS_REGISTER_ESP) {
        if (op[1].type != ZYDIS_OPERAND_TYPE_IMMEDIATE || I->rel_imm) {
            refuse(v, "a change of %esp", "only by an immediate");
            return 0;
        }
        int64_t d = op[1].imm.value.s;
        s->fl.valid = 0;
        int64_t to = (int64_t)s->r[ESP].off + (m == ZYDIS_MNEMONIC_ADD ? d : -d);
        if (v->prologue_done && m == ZYDIS_MNEMONIC_SUB && to < v->body_esp && !v->in_stub) {
            /* §11: the frame is the prologue's; only a trap stub's pushes
             * (into the reserve, then the runtime) go below it */
            refuse(v, "a change of %esp", "below the frame the prologue allocated, outside a trap stub");
            return 0;
        }
        return esp_move(v, s, m == ZYDIS_MNEMONIC_ADD ? d : -d);
    }
    /* addl: a pointer plus a scaled index (amem's form when both are
     * spilled): an element address, its index judged where it is used */
    if (m == ZYDIS_MNEMONIC_ADD && is_reg32(&op[0]) && zreg(op[0].reg.value) != ESP &&
        !(zreg(op[0].reg.value) == EBP && v->has_fp) &&
        (is_reg32(&op[1]) || op[1].type == ZYDIS_OPERAND_TYPE_MEMORY ||
         (op[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE && I->rel_imm))) {
        struct val src;
        if (is_reg32(&op[1])) {
            src = s->r[zreg(op[1].reg.value)];
        } else if (op[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE) {
            if (!imm_value(v, I, &op[1], &src))
                return 0;
        } else if (!access(v, s, I, &op[1], 4, 0, NULL, &src)) {
            return 0;
        }
        struct val dst = s->r[zreg(op[0].reg.value)];
        const struct val *p = dst.k == V_PTR ? &dst : src.k == V_PTR ? &src : NULL;
        const struct val *q = p == &dst ? &src : &dst;
        if (p && !p->ixscale && (q->k == V_TOP || q->k == V_CONST) && ((q->mulof && q->mul) || q->vn || q->k == V_CONST)) {
            struct val r = *p;
            uint32_t mul = q->mulof && q->mul ? q->mul : 1;
            r.ixscale = mul;
            r.ixc = q->k == V_CONST;
            r.ixval = q->k == V_CONST ? q->c / mul : 0;
            r.ixvn = q->mulof && q->mul ? q->mulof : q->vn;
            r.ixbase = p->vn;
            if (q->nzof && q->nzof == p->vn && q->mul) {
                /* p + (p != 0) * k: p past k bytes, or still NULL (the
                 * first-member view of a pointer that may be NULL) */
                r = *p;
                r.off += (int32_t)q->mul;
            }
            s->r[zreg(op[0].reg.value)] = mkfresh(v, s, r, 0);
            s->fl.valid = 0;
            return 1;
        }
        if (op[1].type == ZYDIS_OPERAND_TYPE_MEMORY) {
            s->r[zreg(op[0].reg.value)] = mkfresh(v, s, top(), 0);
            s->fl.valid = 0;
            return 1;
        }
    }
    if (I->rel_imm) {
        refuse(v, ZydisMnemonicGetString(m), "arithmetic on an address");
        return 0;
    }
    /* memory operands, read before anything is written */
    for (unsigned k = 0; k < in->operand_count; k++) {
        const ZydisDecodedOperand *o = &op[k];
        if (o->type != ZYDIS_OPERAND_TYPE_MEMORY)
            continue;
        if (o->visibility == ZYDIS_OPERAND_VISIBILITY_HIDDEN) {
            refuse(v, ZydisMnemonicGetString(m), "a hidden memory operand");
            return 0;
        }
        int w = opw(o);
        if (w <= 0 || w > 16) {
            refuse(v, ZydisMnemonicGetString(m), "a memory operand of %d bits", o->size);
            return 0;
        }
        if ((o->actions & ZYDIS_OPERAND_ACTION_MASK_READ) && !access(v, s, I, o, w, 0, NULL, NULL))
            return 0;
        if (o->actions & ZYDIS_OPERAND_ACTION_MASK_WRITE) {
            /* an unknown integer, but one value: a frame cell updated in
             * place (incl -8(%ebp)) and then compared keeps the compare's
             * facts for the load that reads it again */
            struct val t = mkfresh(v, s, top(), 1);
            if (!access(v, s, I, o, w, 1, &t, NULL))
                return 0;
        }
    }
    /* an index scaled by a constant: remembered for the access that uses it.
     * The product may wrap, but it is used only as an index of elements of
     * size mul, whose bound is proved on the index itself: an index below
     * an object's count keeps the product below the object's size.  The
     * factor stays below 2^28 so that a scale of 8 times it fits an int. */
    uint32_t mulof = 0, mul = 0;
    const struct val *msrc = NULL;
    if (m == ZYDIS_MNEMONIC_IMUL && in->operand_count_visible == 3 && is_reg32(&op[1]) &&
        op[2].type == ZYDIS_OPERAND_TYPE_IMMEDIATE && op[2].imm.value.s > 0 && op[2].imm.value.s < 0x10000000) {
        msrc = &s->r[zreg(op[1].reg.value)];
        mul = (uint32_t)op[2].imm.value.s;
    } else if (m == ZYDIS_MNEMONIC_SHL && is_reg32(&op[0]) && op[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE &&
               op[1].imm.value.u < 16) {
        msrc = &s->r[zreg(op[0].reg.value)];
        mul = 1u << op[1].imm.value.u;
    }
    mulof = msrc ? msrc->vn : 0;
    /* (v != 0) times one factor: the add that uses it moves the pointer by
     * that factor (a second shift would multiply it again) */
    uint32_t nzof = msrc && msrc->nzof && !msrc->mul ? msrc->nzof : 0;
    /* setne writes the low byte only: the rest of the register is what it
     * was, so only a movzbl of that byte is (v != 0) */
    uint32_t nzlow = 0;
    if (m == ZYDIS_MNEMONIC_SETNZ && s->fl.valid && op[0].type == ZYDIS_OPERAND_TYPE_REGISTER &&
        op[0].reg.value >= ZYDIS_REGISTER_AL && op[0].reg.value <= ZYDIS_REGISTER_BL &&
        (s->fl.is_test || (s->fl.b.k == V_CONST && s->fl.b.c == 0)) && s->fl.a.vn)
        nzlow = s->fl.a.vn;
    /* a constant index stays a constant (and remembers its factor) */
    int mconst = msrc && msrc->k == V_CONST && (uint64_t)msrc->c * mul <= 0xffffffffu;
    uint32_t mval = mconst ? msrc->c * mul : 0;
    for (unsigned k = 0; k < in->operand_count; k++) {
        const ZydisDecodedOperand *o = &op[k];
        if (o->type != ZYDIS_OPERAND_TYPE_REGISTER || !(o->actions & ZYDIS_OPERAND_ACTION_MASK_WRITE))
            continue;
        ZydisRegisterClass rc = ZydisRegisterGetClass(o->reg.value);
        if (rc == ZYDIS_REGCLASS_FLAGS || rc == ZYDIS_REGCLASS_XMM ||
            rc == ZYDIS_REGCLASS_X87 || o->reg.value == ZYDIS_REGISTER_X87CONTROL ||
            o->reg.value == ZYDIS_REGISTER_X87STATUS || o->reg.value == ZYDIS_REGISTER_X87TAG ||
            o->reg.value == ZYDIS_REGISTER_MXCSR)
            continue;
        int g = gpr_of_partial(o->reg.value);
        if (g < 0 || g == ESP || (g == EBP && v->has_fp)) {
            refuse(v, ZydisMnemonicGetString(m), "writes %s", ZydisRegisterGetString(o->reg.value));
            return 0;
        }
        s->r[g] = mkfresh(v, s, top(), 2 + (int)k % 2);
        if (k == 0 && nzof)
            s->r[g].nzof = nzof;
        if (k == 0 && nzlow)
            s->r[g].nzlow = nzlow;
        if (k == 0 && (mulof || mconst) && is_reg32(o)) {
            if (mconst) {
                s->r[g].k = V_CONST;
                s->r[g].c = mval;
            }
            s->r[g].mulof = mulof;
            s->r[g].mul = mul;
        }
    }
    /* andl $M, %r: the result is at most M -- a mask bounds an index */
    if (m == ZYDIS_MNEMONIC_AND && is_reg32(&op[0]) && op[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE) {
        uint32_t mask = (uint32_t)op[1].imm.value.u;
        const struct val *r = &s->r[zreg(op[0].reg.value)];
        if (mask != 0xffffffffu && r->vn)
            add_fact(s, F_LT_CONST, r->vn, mask + 1);
    }
    s->fl.valid = 0;
    return 1;
}

/* ================================================================== */
/* One function                                                        */
/* ================================================================== */

static int cell_cmp(const void *a, const void *b)
{
    const struct cell *x = a, *y = b;
    return (x->off > y->off) - (x->off < y->off);
}

static size_t insn_index(const struct vctx *v, int64_t off)
{
    size_t lo = 0, hi = v->nins;
    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (v->ins[m].off == off)
            return m;
        if (v->ins[m].off < off)
            lo = m + 1;
        else
            hi = m;
    }
    return (size_t)-1;
}

static int has_stack_ptr(const struct vtags *tg, const struct ctype *t, int depth)
{
    t = unq(t, NULL);
    if (!t || depth > 200)
        return 0;
    t = complete(tg, t);
    switch (t->tag) {
    case CT_PTR:
        return 1;
    case CT_ARRAY:
        return has_stack_ptr(tg, t->sub, depth + 1);
    case CT_STRUCT:
    case CT_UNION:
        for (size_t i = 0; i < t->nmembers; i++)
            if (has_stack_ptr(tg, t->members[i], depth + 1))
                return 1;
        return 0;
    default:
        return 0;
    }
}

static void add_slot(struct vctx *v, size_t *cap, struct vslot s)
{
    TLD_GROW(v->slots, v->nslots, *cap);
    v->slots[v->nslots++] = s;
}

static int setup_frame(struct vctx *v)
{
    const struct vfunc_proof *fp = v->fp;
    size_t cap = 0;
    v->nslots = 0;
    v->slots = NULL;
    const struct ctype *ft = v->ftype;
    /* the return address and the saved registers (%ebp first) */
    add_slot(v, &cap, (struct vslot){.off = 0, .size = 4, .kind = SL_SCRATCH, .ro = 1});
    add_slot(v, &cap, (struct vslot){.off = -4 * (v->nsaved + 1), .size = 4u * (v->nsaved + 1), .kind = SL_SCRATCH, .ro = 1});
    /* the incoming arguments */
    int32_t at = 4;
    const struct ctype *ret = complete(&v->tags, unq(ft->sub, NULL));
    v->sret = ret && (ret->tag == CT_STRUCT || ret->tag == CT_UNION);
    if (v->sret) {
        /* the result buffer: non-null (the caller's check), and maybe in
         * the caller's frame */
        struct ctype *pt = synth_node(&v->proof, CT_PTR);
        pt->sub = (struct ctype *)ft->sub;
        add_slot(v, &cap, (struct vslot){.off = at, .size = 4, .kind = SL_TYPED, .t = pt, .stack = 1});
        at += 4;
    }
    for (size_t i = 0; i < ft->nparams; i++) {
        long long n = arg_size(v, ft->params[i]);
        if (n < 0 || n > 0x10000000) {
            refuse(v, "the frame", "parameter %zu has no size", i + 1);
            return 0;
        }
        /* LANGUAGE.md §9: a pointer parameter not declared global, and
         * any such pointer inside a struct passed by value, may point into
         * the caller's frame -- but main's argv, which the runtime builds
         * with new */
        int stack = has_stack_ptr(&v->tags, ft->params[i], 0) && strcmp(v->fname, "__cuckoo_main");
        add_slot(v, &cap, (struct vslot){.off = at, .size = (uint32_t)n, .kind = SL_TYPED, .t = ft->params[i], .stack = stack});
        at += (int32_t)n;
    }
    /* the proof's slots, inside the frame */
    for (size_t i = 0; i < fp->nslots; i++) {
        struct vslot s = fp->slots[i];
        s.off -= 4; /* %ebp-relative in the proof */
        if (s.off < -(int64_t)v->frame || (int64_t)s.off + s.size > -4 * (v->nsaved + 1) || !s.size) {
            refuse(v, "the frame", "the proof's slot at %d(%%ebp) lies outside the frame", s.off + 4);
            return 0;
        }
        if (s.kind == SL_TYPED) {
            long long n = ty_size(&v->tags, s.t, NULL, 0);
            if (n != s.size) {
                refuse(v, "the frame", "the proof's slot at %d(%%ebp) has %u bytes for a type of %lld", s.off + 4, s.size, n);
                return 0;
            }
        }
        if (overlaps_any(v, s.off, s.size, (size_t)-1)) {
            refuse(v, "the frame", "the proof's slot at %d(%%ebp) overlaps another", s.off + 4);
            return 0;
        }
        add_slot(v, &cap, s);
    }
    /* below the frame: the pushes of trap stubs and block copies */
    add_slot(v, &cap, (struct vslot){.off = -(int32_t)v->frame - 64, .size = 64, .kind = SL_SCRATCH});
    /* padding between slots: scratch cells */
    size_t ngaps = 0;
    for (int64_t a = -(int64_t)v->frame; a < -4 * (v->nsaved + 1); a += 4) {
        int si = slot_at(v, a, 1);
        if (si >= 0) {
            a = (((int64_t)v->slots[si].off + v->slots[si].size + 3) & ~(int64_t)3) - 4;
            continue;
        }
        if (!overlaps_any(v, a, 4, (size_t)-1)) {
            if (++ngaps > 4096) {
                refuse(v, "the frame", "more than 4096 words of the frame are in no slot");
                return 0;
            }
            add_slot(v, &cap, (struct vslot){.off = (int32_t)a, .size = 4, .kind = SL_SCRATCH});
        }
    }
    return 1;
}

/* The slots whose address a lea takes: from %ebp in a function with a
 * frame pointer, from %esp at the body's %esp in one without.  Only a
 * hint -- a slot marked wrongly is typed memory instead of tracked cells,
 * and the lea rule itself decides what a frame address may be. */
static void mark_exposed(struct vctx *v)
{
    for (size_t i = 0; i < v->nins; i++) {
        const struct vinsn *I = &v->ins[i];
        if (I->in.mnemonic != ZYDIS_MNEMONIC_LEA || I->op[0].reg.value == ZYDIS_REGISTER_ESP)
            continue;
        int64_t base;
        if (v->has_fp && I->op[1].mem.base == ZYDIS_REGISTER_EBP)
            base = -4;
        else if (!v->has_fp && I->op[1].mem.base == ZYDIS_REGISTER_ESP)
            base = -(int64_t)v->frame;
        else
            continue;
        int64_t a = base + (I->op[1].mem.disp.has_displacement ? I->op[1].mem.disp.value : 0);
        int si = slot_at(v, a, 1);
        if (si >= 0)
            v->slots[si].exposed = 1;
    }
}

static void build_cells(struct vctx *v)
{
    size_t cap = 0;
    v->ncells = 0;
    v->cells = NULL;
    for (size_t i = 0; i < v->nslots; i++) {
        const struct vslot *s = &v->slots[i];
        if (!tracked(s))
            continue;
        for (uint32_t k = 0; k + 4 <= s->size; k += 4) {
            TLD_GROW(v->cells, v->ncells, cap);
            v->cells[v->ncells++] = (struct cell){.off = s->off + (int32_t)k, .slot = (int)i};
        }
    }
    if (v->ncells)
        qsort(v->cells, v->ncells, sizeof *v->cells, cell_cmp);
}

static void entry_state(struct vctx *v, struct st *s)
{
    s->reached = 1;
    for (int r = 0; r < NREG; r++)
        s->r[r] = top();
    static const int saved[] = {EBX, ESI, EDI, EBP};
    for (int k = 0; k < 4; k++)
        s->r[saved[k]] = (struct val){.k = V_SAVED, .sreg = (uint8_t)saved[k], .vn = 0x30000000u + (uint32_t)k};
    s->r[ESP] = (struct val){.k = V_FRAME, .off = 0};
    for (size_t i = 0; i < v->ncells; i++) {
        const struct vslot *sl = &v->slots[v->cells[i].slot];
        struct val x = top();
        if (v->cells[i].off == 0)
            x = (struct val){.k = V_RET};
        else if (sl->kind == SL_TYPED && sl->off > 0) {
            struct region r = region_of(&v->tags, sl->t, v->cells[i].off - sl->off, 4);
            x = typed_read(v, &r, sl->stack);
            /* the runtime calls a spawn thunk with its copy of the block;
             * a struct result's buffer was checked by the caller */
            if ((v->fp->thunk || (sl->off == 4 && v->sret)) && x.k == V_PTR)
                x.nn = 1;
        }
        x.vn = 0x20000000u + (uint32_t)i;
        s->c[i] = x;
    }
}

/* The value of location L (registers first, then cells). */
static const struct val *loc(const struct vctx *v, const struct st *s, size_t l)
{
    (void)v;
    return l < NREG ? &s->r[l] : &s->c[l - NREG];
}

/* Facts are about numbers, and a join renumbers the locations whose
 * numbers differ: a fact of the old state survives, about the new numbers,
 * where the incoming state has the same fact about the numbers in the same
 * locations (for a bound, the weaker of the two constants). */
/* The length W's array has by its type when W points to its element 0
 * (its length word says the same: abi.md), else -1. */
static long long static_len(struct vctx *v, const struct val *w)
{
    if (w->k != V_PTR || w->ixscale)
        return -1;
    long long e0 = -1;
    int isc = 0;
    const struct ctype *a = array_at(&v->tags, w->t, w->off, &e0, &isc, 0, NULL);
    return a && e0 == w->off ? a->len : -1;
}

/* W points to element 0 of an array whose type says it has more than C
 * elements (its length word says the same: abi.md). */
static int static_len_above(struct vctx *v, const struct val *w, uint32_t c)
{
    long long n = static_len(v, w);
    return n >= 0 && (uint64_t)n > c;
}

/* Does the value at location L of S lie below C? */
static int sat_const(const struct vctx *v, const struct st *s, size_t l, uint32_t c)
{
    return below_const(s, loc(v, s, l), c);
}

/* Is the value at L below the length of the array the value at M points to? */
static int sat_len(const struct vctx *v, const struct st *s, size_t l, size_t m)
{
    const struct val *x = loc(v, s, l), *w = loc(v, s, m);
    if (w->k == V_CONST && w->c == 0)
        return 1; /* NULL: checked before any use of its length */
    if (!w->vn)
        return 0;
    if (x->k == V_CONST && const_below_len(s, x->c, w->vn))
        return 1;
    return x->vn && has_fact(s, F_LT_LEN, x->vn, w->vn);
}

/* Is the value at L below the value at M (two numbers)? */
static int sat_lt_val(const struct vctx *v, const struct st *s, size_t l, size_t m)
{
    const struct val *x = loc(v, s, l), *y = loc(v, s, m);
    if (x->k == V_CONST && y->k == V_CONST)
        return x->c < y->c;
    if (y->k == V_CONST)
        return below_const(s, x, y->c);
    return x->vn && y->vn && has_fact(s, F_LT_VAL, x->vn, y->vn);
}

/* Is the value at L at most the length of the array the value at M points to? */
static int sat_le_len(const struct vctx *v, const struct st *s, size_t l, size_t m)
{
    const struct val *x = loc(v, s, l), *w = loc(v, s, m);
    if (sat_len(v, s, l, m))
        return 1;
    if (x->k == V_CONST)
        return x->c == 0 || (w->vn && const_below_len(s, x->c - 1, w->vn));
    return x->vn && w->vn && has_fact(s, F_LE_LEN, x->vn, w->vn);
}

static void join_facts(struct vctx *v, const struct st *to, const struct st *from, struct st *j)
{
    size_t nl = NREG + v->ncells;
    j->nf = 0;
    for (int side = 0; side < 2; side++) {
        const struct st *a = side ? from : to, *b = side ? to : from;
        for (int i = 0; i < a->nf; i++) {
            const struct fact *f = &a->f[i];
            for (size_t l = 0; l < nl; l++) {
                if (f->kind == F_CONST_LT_LEN) {
                    if (loc(v, a, l)->vn != f->b || !loc(v, j, l)->vn)
                        continue;
                    const struct val *w = loc(v, b, l);
                    if ((w->k == V_CONST && w->c == 0) || (w->vn && const_below_len(b, f->a, w->vn)) ||
                        static_len_above(v, w, f->a))
                        add_fact(j, F_CONST_LT_LEN, f->a, loc(v, j, l)->vn);
                    continue;
                }
                if (loc(v, a, l)->vn != f->a || !loc(v, j, l)->vn)
                    continue;
                uint32_t ja = loc(v, j, l)->vn;
                if (f->kind == F_LT_CONST) {
                    if (sat_const(v, b, l, f->b))
                        add_fact(j, F_LT_CONST, ja, f->b);
                    continue;
                }
                if (f->kind == F_LT_VAL || f->kind == F_LE_LEN) {
                    for (size_t m = 0; m < nl; m++)
                        if (loc(v, a, m)->vn == f->b && loc(v, j, m)->vn &&
                            (f->kind == F_LT_VAL ? sat_lt_val(v, b, l, m) : sat_le_len(v, b, l, m)))
                            add_fact(j, f->kind, ja, loc(v, j, m)->vn);
                    continue;
                }
                for (size_t m = 0; m < nl; m++)
                    if (loc(v, a, m)->vn == f->b && loc(v, j, m)->vn && sat_len(v, b, l, m))
                        add_fact(j, F_LT_LEN, ja, loc(v, j, m)->vn);
            }
        }
    }
}

/* A value that is an index scaled by an element size (x * m) names x by
 * its number.  Where the two edges into a join give a location's value
 * that relation to the values of one same location, with one same m, it
 * holds at the join too, about that location's joined value, whatever
 * numbers the edges used: an index scaled before a loop stays known as
 * scaled through the loop's head (moved out by cc/opt/licm.c). */
static void join_relations(struct vctx *v, const struct st *a, const struct st *c, struct st *out)
{
    size_t nl = NREG + v->ncells;
    for (size_t l = 0; l < nl; l++) {
        struct val *x = l < NREG ? &out->r[l] : &out->c[l - NREG];
        const struct val *xa = loc(v, a, l), *xc = loc(v, c, l);
        if (!x->vn || x->k != V_TOP || x->mulof || !xa->mulof || !xc->mulof || !xa->mul || xa->mul != xc->mul)
            continue;
        for (size_t m = 0; m < nl; m++) {
            const struct val *ma = loc(v, a, m), *mc = loc(v, c, m), *mo = loc(v, out, m);
            if (mo->vn && ma->vn == xa->mulof && mc->vn == xc->mulof) {
                x->mulof = mo->vn;
                x->mul = xa->mul;
                break;
            }
        }
    }
}

static int facts_same(const struct st *a, const struct st *b)
{
    if (a->nf != b->nf)
        return 0;
    for (int i = 0; i < a->nf; i++)
        if (!has_fact(b, a->f[i].kind, a->f[i].a, a->f[i].b))
            return 0;
    return 1;
}

/* The least C known to bound the value at location L of S (unsigned,
 * value < C): its constant plus one, or its smallest `<u C` fact. */
static int const_bound(const struct vctx *v, const struct st *s, size_t l, uint32_t *c)
{
    const struct val *x = loc(v, s, l);
    if (x->k == V_CONST) {
        if (x->c == 0xffffffffu)
            return 0;
        *c = x->c + 1;
        return 1;
    }
    if (x->k != V_TOP || !x->vn)
        return 0;
    int found = 0;
    for (int i = 0; i < s->nf; i++)
        if (s->f[i].kind == F_LT_CONST && s->f[i].a == x->vn && (!found || s->f[i].b < *c)) {
            *c = s->f[i].b;
            found = 1;
        }
    return found;
}

/* OUT = the join of A and B at block B_ (stable numbers per block). */
static void join2(struct vctx *v, size_t b, const struct st *a, const struct st *c, struct st *out)
{
    st_copy(v, out, a);
    uint32_t base = 0x10000000u + (uint32_t)(b * (NREG + v->ncells)) % 0x0fffffffu;
    for (int r = 0; r < NREG; r++)
        out->r[r] = join_val(v, &a->r[r], &c->r[r], base + (uint32_t)r, a, c);
    for (size_t i = 0; i < v->ncells; i++)
        out->c[i] = join_val(v, &a->c[i], &c->c[i], base + NREG + (uint32_t)i, a, c);
    join_facts(v, a, c, out);
    join_relations(v, a, c, out);
    /* a location whose value on each edge is a constant or lies below a
     * constant (unsigned) lies, joined, below the larger of the two bounds
     * -- a variable assigned 0, 1 or 3 on different paths indexes an
     * array of 4 (cc/opt/range.c removes that check).  Added only where
     * there is room: it never pushes out a fact the edges gave. */
    for (size_t l = 0; l < NREG + v->ncells; l++) {
        const struct val *x = loc(v, out, l);
        uint32_t ba, bc;
        if (!x->vn || x->k != V_TOP || out->nf >= MAX_FACTS || !const_bound(v, a, l, &ba) ||
            !const_bound(v, c, l, &bc))
            continue;
        add_fact(out, F_LT_CONST, x->vn, ba > bc ? ba : bc);
    }
    /* two arrays of known lengths joined into one of unknown length: its
     * length word is at least the shorter length */
    for (size_t l = 0; l < NREG + v->ncells; l++) {
        const struct val *x = loc(v, out, l), *xa = loc(v, a, l), *xc = loc(v, c, l);
        const struct ctype *xu = x->k == V_PTR ? complete(&v->tags, unq(x->t, NULL)) : NULL;
        if (!xu || xu->tag != CT_ARRAY || xu->len >= 0 || x->off != 4 || !x->vn)
            continue;
        long long la = static_len(v, xa), lc = static_len(v, xc);
        if (la > 0 && lc > 0)
            add_fact(out, F_CONST_LT_LEN, (uint32_t)((la < lc ? la : lc) - 1), x->vn);
    }
    for (size_t i = 0; i < v->nslots; i++)
        out->pre[i] = a->pre[i] < c->pre[i] ? a->pre[i] : c->pre[i];
    out->nodom = a->nodom && c->nodom;
    out->fl.valid = 0;
    out->tos_valid = 0;
}

static int state_same(const struct vctx *v, const struct st *a, const struct st *b)
{
    if (a->reached != b->reached || a->nodom != b->nodom || !facts_same(a, b) || a->tos_valid != b->tos_valid ||
        (a->tos_valid && (a->tos_off != b->tos_off || !val_same(&a->tos, &b->tos))))
        return 0;
    for (int r = 0; r < NREG; r++)
        if (!val_same(&a->r[r], &b->r[r]))
            return 0;
    for (size_t i = 0; i < v->ncells; i++)
        if (!val_same(&a->c[i], &b->c[i]))
            return 0;
    return !memcmp(a->pre, b->pre, v->nslots * sizeof *a->pre);
}

/* The state entering block B is recomputed from the latest state of every
 * edge into it, so that what an earlier pass assumed (a loop head seen
 * from its entry only) leaves no trace.  Returns whether it changed. */
static int join_into(struct vctx *v, size_t b, const struct st *from, size_t key)
{
    struct vedges *E = &v->edges[b];
    size_t k = 0;
    while (k < E->n && E->key[k] != key)
        k++;
    if (k == E->n) {
        if (E->n == E->cap) {
            E->cap = E->cap ? 2 * E->cap : 2;
            E->key = xrealloc(E->key, E->cap * sizeof *E->key);
            E->st = xrealloc(E->st, E->cap * sizeof *E->st);
        }
        E->key[k] = key;
        st_init(v, &E->st[k]);
        E->n++;
    } else if (state_same(v, &E->st[k], from)) {
        return 0;
    }
    st_copy(v, &E->st[k], from);
    E->st[k].fl.valid = 0;
    struct st j = v->sj, t = v->sjt; /* their c and pre are the scratch's */
    st_copy(v, &j, &E->st[0]);
    for (size_t e = 1; e < E->n; e++) {
        join2(v, b, &j, &E->st[e], &t);
        st_copy(v, &j, &t);
    }
    j.reached = 1;
    j.fl.valid = 0;
    /* a location that once needed the block's own number keeps it: the
     * choice of numbers only ever moves one way, so the passes end */
    uint32_t base = 0x10000000u + (uint32_t)(b * (NREG + v->ncells)) % 0x0fffffffu;
    if (v->in[b].reached) {
        /* renumber first, then carry each fact over to every combination
         * of the new numbers of its two values */
        uint32_t *ren_old = v->ren_old, *ren_new = v->ren_new;
        size_t nren = 0;
        for (size_t l = 0; l < NREG + v->ncells; l++) {
            struct val *x = l < NREG ? &j.r[l] : &j.c[l - NREG];
            const struct val *o = loc(v, &v->in[b], l);
            uint32_t own = base + (uint32_t)l;
            if (o->vn != own || x->vn == own || x->k == V_BOT)
                continue;
            if (x->vn) {
                ren_old[nren] = x->vn;
                ren_new[nren++] = own;
            }
            x->vn = own;
        }
        /* relations to a renumbered value follow it to its new number */
        for (size_t l = 0; l < NREG + v->ncells && nren; l++) {
            struct val *x = l < NREG ? &j.r[l] : &j.c[l - NREG];
            for (size_t k = 0; k < nren; k++) {
                if (x->mulof && x->mulof == ren_old[k]) {
                    x->mulof = ren_new[k];
                    break;
                }
            }
        }
        int nf = j.nf;
        for (int i = 0; i < nf && nren; i++) {
            struct fact f = j.f[i];
            uint32_t as[8], bs[8];
            int na = 0, nb = 0;
            as[na++] = f.a;
            bs[nb++] = f.b;
            for (size_t k = 0; k < nren; k++) {
                if (f.kind != F_CONST_LT_LEN && f.a == ren_old[k] && na < 8)
                    as[na++] = ren_new[k];
                if (f.kind != F_LT_CONST && f.b == ren_old[k] && nb < 8)
                    bs[nb++] = ren_new[k];
            }
            for (int x = 0; x < na; x++)
                for (int y = 0; y < nb; y++)
                    if (x || y)
                        add_fact(&j, f.kind, as[x], bs[y]);
        }
    }
    /* Facts survive a join when the other edge satisfies them, which can
     * depend on facts that themselves come and go around nested loops: a
     * head's facts may then alternate for ever.  After many passes a
     * head keeps only facts it already had -- fewer facts are always
     * sound, and a set that only shrinks reaches its fixed point. */
    if (v->passes > FACTS_SHRINK_AFTER && v->in[b].reached) {
        int k = 0;
        for (int i = 0; i < j.nf; i++)
            if (has_fact(&v->in[b], j.f[i].kind, j.f[i].a, j.f[i].b))
                j.f[k++] = j.f[i];
        j.nf = k;
        /* the same for the relations of a value to a number (lenof,
         * mulof, nzof, nzlow): a join drops one where its edges disagree,
         * but a head recomputed from its edges may get it back when a
         * stale edge state still carries it, and a loop then carries the
         * two versions round for ever.  After many passes a head keeps a
         * relation only where it already had that very one; dropping a
         * relation only forgets, so this is sound. */
        for (size_t l = 0; l < NREG + v->ncells; l++) {
            struct val *x = l < NREG ? &j.r[l] : &j.c[l - NREG];
            const struct val *o = loc(v, &v->in[b], l);
            if (x->lenof != o->lenof)
                x->lenof = 0;
            if (x->mulof != o->mulof || x->mul != o->mul)
                x->mulof = x->mul = 0;
            if (x->nzof != o->nzof)
                x->nzof = 0;
            if (x->nzlow != o->nzlow)
                x->nzlow = 0;
        }
    }
    int changed = !state_same(v, &j, &v->in[b]);
    if (changed)
        st_copy(v, &v->in[b], &j);
    return changed;
}

/* ================================================================== */
/* States at branch targets (doc/verify.md "States at branch targets") */
/* ================================================================== */

/* A type as the proof spells it: canonical, with every struct or union
 * written as a reference to its tag (s:NAME?) -- the object spells each
 * tag once, and the checker compares types by tag. */
static void put_type(FILE *f, const struct ctype *t)
{
    static const int wrap_ctor[] = {[CT_CONST] = CKC_CONST, [CT_VOLATILE] = CKC_VOLATILE, [CT_PTR] = CKC_PTR,
                                    [CT_GPTR] = CKC_GPTR, [CT_OPTR] = CKC_OPTR};
    switch (t->tag) {
    case CT_BASE:
        fputs(t->base, f);
        return;
    case CT_CONST:
    case CT_VOLATILE:
    case CT_PTR:
    case CT_GPTR:
    case CT_OPTR:
        fprintf(f, "%s%c", ck_ctor_spelling[wrap_ctor[t->tag]], CK_OPEN);
        put_type(f, t->sub);
        fputc(CK_CLOSE, f);
        return;
    case CT_ARRAY:
        fputs(ck_ctor_spelling[CKC_ARRAY], f);
        if (t->len >= 0)
            fprintf(f, "%lld", t->len);
        fputc(CK_OPEN, f);
        put_type(f, t->sub);
        fputc(CK_CLOSE, f);
        return;
    case CT_FUNC:
        fprintf(f, "%s%c", ck_ctor_spelling[CKC_FUNC], CK_OPEN);
        put_type(f, t->sub);
        fputc(CK_RESULT_END, f);
        for (size_t i = 0; i < t->nparams; i++) {
            if (i)
                fputc(CK_LIST_SEP, f);
            put_type(f, t->params[i]);
        }
        if (t->variadic)
            fprintf(f, "%s%s", t->nparams ? "," : "", CK_VARIADIC);
        fputc(CK_CLOSE, f);
        return;
    case CT_STRUCT:
    case CT_UNION:
        if (!strncmp(t->tagname, ARGS_TAG, strlen(ARGS_TAG))) {
            /* a spawn or domain thunk's argument block (thunk_block) */
            fprintf(f, "@args(%s)", t->tagname + strlen(ARGS_TAG));
            return;
        }
        fprintf(f, "%s%s%c", ck_ctor_spelling[t->tag == CT_STRUCT ? CKC_STRUCT : CKC_UNION], t->tagname,
                CK_INCOMPLETE);
        return;
    }
}

/* A type of a state: canonical, or a thunk's argument block @args(F) (F
 * the canonical type of the function it calls), perhaps under k(...). */
static const struct ctype *state_type(struct vctx *v, const char *s, char **err)
{
    size_t n = strlen(s);
    if (!strstr(s, "@args(")) {
        /* a state's type is held to the object's spellings as the rest of
         * the proof is: a layout given only at a branch target would
         * hold from there on */
        const struct ctype *t = proof_type(&v->proof, s, err);
        if (t && proof_type_tags(&v->tags, t)) {
            *err = xstrdup("a tag spelt otherwise than in the object");
            return NULL;
        }
        return t;
    }
    if (n > 3 && !strncmp(s, "k(", 2) && s[n - 1] == ')') {
        char *in = xstrndup(s + 2, n - 3);
        const struct ctype *t = state_type(v, in, err);
        free(in);
        return t ? const_of(v, t) : NULL;
    }
    if (n > 7 && !strncmp(s, "@args(", 6) && s[n - 1] == ')') {
        char *in = xstrndup(s + 6, n - 7);
        const struct ctype *ft = proof_type(&v->proof, in, err);
        free(in);
        if (ft && proof_type_tags(&v->tags, ft)) {
            *err = xstrdup("a tag spelt otherwise than in the object");
            return NULL;
        }
        const struct ctype *t = ft && unq(ft, NULL)->tag == CT_FUNC ? thunk_block(v, ft) : NULL;
        if (!t && !*err)
            *err = xstrdup("not an argument block");
        return t;
    }
    *err = xstrdup("an argument block inside a type");
    return NULL;
}

/* The names v1, v2 ... the state at one target gives its value numbers. */
/* A map from numbers (never 0, which marks an empty slot) to numbers:
 * open addressing over a power of two of slots, at most half full.  The
 * proof's states name thousands of numbers in a large frame, where a
 * list searched per lookup was quadratic. */
struct nummap {
    uint32_t *key, *val;
    size_t n, cap;
};
/* The value slot of KEY in M, a new one (*FRESH set, value 0) if KEY had none. */
static uint32_t *nummap_at(struct nummap *m, uint32_t key, int *fresh)
{
    if (2 * (m->n + 1) > m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 64;
        struct nummap g = {xcalloc(cap, sizeof *g.key), xcalloc(cap, sizeof *g.val), m->n, cap};
        for (size_t i = 0; i < m->cap; i++)
            if (m->key[i]) {
                size_t k = (m->key[i] * 2654435761u) & (cap - 1);
                while (g.key[k])
                    k = (k + 1) & (cap - 1);
                g.key[k] = m->key[i];
                g.val[k] = m->val[i];
            }
        free(m->key);
        free(m->val);
        *m = g;
    }
    size_t k = (key * 2654435761u) & (m->cap - 1);
    while (m->key[k] && m->key[k] != key)
        k = (k + 1) & (m->cap - 1);
    *fresh = !m->key[k];
    if (*fresh) {
        m->key[k] = key;
        m->n++;
    }
    return &m->val[k];
}
static void nummap_free(struct nummap *m)
{
    free(m->key);
    free(m->val);
}

/* The names v1, v2, ... of a state's numbers, in order of first use. */
struct vnames {
    struct nummap map;
    uint32_t n;                 /* names given */
    uint32_t zero;              /* the name of number 0, once given */
};
static size_t vname(struct vnames *nm, uint32_t vn)
{
    if (!vn)
        return nm->zero ? nm->zero : (nm->zero = ++nm->n);
    int fresh;
    uint32_t *name = nummap_at(&nm->map, vn, &fresh);
    if (fresh)
        *name = ++nm->n;
    return *name;
}

static void put_loc(const struct vctx *v, FILE *f, size_t l)
{
    if (l < NREG)
        fputs(rname[l], f);
    else
        fprintf(f, "%d(%%ebp)", v->cells[l - NREG].off + 4);
}

/* The numbers a state names, sorted: those its locations hold, and those
 * its relations and facts name -- so that each question of put_state is
 * a binary search, not a scan of every location (quadratic in the frame,
 * a minute for one function of 300 loops at -O0). */
struct vindex {
    uint32_t *held, *named;
    size_t nheld, nnamed;
};
static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}
static void vindex_build(const struct vctx *v, const struct st *s, struct vindex *ix)
{
    size_t nl = NREG + v->ncells;
    ix->held = xcalloc(nl + 1, sizeof *ix->held);
    ix->named = xcalloc(7 * nl + 2 * (size_t)s->nf + 1, sizeof *ix->named);
    ix->nheld = ix->nnamed = 0;
    for (size_t l = 0; l < nl; l++) {
        const struct val *x = loc(v, s, l);
        if (x->vn)
            ix->held[ix->nheld++] = x->vn;
        uint32_t r[6] = {x->lenof, x->mulof, x->nzof, x->nzlow, x->ixscale && !x->ixc ? x->ixvn : 0,
                         x->ixscale ? x->ixbase : 0};
        for (int k = 0; k < 6; k++)
            if (r[k])
                ix->named[ix->nnamed++] = r[k];
    }
    for (int i = 0; i < s->nf; i++) {
        if (s->f[i].kind != F_CONST_LT_LEN && s->f[i].a)
            ix->named[ix->nnamed++] = s->f[i].a;
        if (s->f[i].kind != F_LT_CONST && s->f[i].b)
            ix->named[ix->nnamed++] = s->f[i].b;
    }
    qsort(ix->held, ix->nheld, sizeof *ix->held, cmp_u32);
    qsort(ix->named, ix->nnamed, sizeof *ix->named, cmp_u32);
}
/* How many of the N sorted numbers A are VN. */
static size_t count_of(const uint32_t *a, size_t n, uint32_t vn)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (a[m] < vn)
            lo = m + 1;
        else
            hi = m;
    }
    size_t k = lo;
    while (k < n && a[k] == vn)
        k++;
    return k - lo;
}

/* Is number VN held by a location of the state (the facts that survive a
 * join are about such numbers only)? */
static int held(const struct vindex *ix, uint32_t vn)
{
    return vn && count_of(ix->held, ix->nheld, vn) > 0;
}

/* Does anything but the one location that holds VN name it (another
 * location, a relation, a fact)?  A plain integer whose number nothing
 * else names is left out of the state: the checker gives it a number of
 * its own. */
static int named_elsewhere(const struct vindex *ix, uint32_t vn)
{
    return vn && (count_of(ix->held, ix->nheld, vn) > 1 || count_of(ix->named, ix->nnamed, vn) > 0);
}

/* Write the state S of the block at OFF as proof records. */
static void put_state(struct vctx *v, FILE *f, const struct st *s, uint32_t off, const char *label)
{
    struct vnames nm = {0};
    struct vindex ix;
    vindex_build(v, s, &ix);
    fprintf(f, "at +0x%x%s%s\n", off, label ? " " : "", label ? label : "");
    for (size_t l = 0; l < NREG + v->ncells; l++) {
        const struct val *x = loc(v, s, l);
        /* a lone integer is left out, but not one known non-zero: the
         * states after it would lose what the edge into them needs */
        if (x->k == V_TOP && !x->nn && !x->lenof && !x->mulof && !x->nzof && !x->nzlow &&
            !named_elsewhere(&ix, x->vn))
            continue;
        fputs(l < NREG ? "reg " : "cell ", f);
        put_loc(v, f, l);
        if (x->vn)
            fprintf(f, " v%zu", vname(&nm, x->vn));
        else
            fputs(" -", f);
        switch (x->k) {
        case V_BOT: fputs(" bot", f); break;
        case V_TOP: fputs(" int", f); break;
        case V_CONST: fprintf(f, " const c=%u", x->c); break;
        case V_PTR:
            fputs(" ptr t=", f);
            put_type(f, x->t);
            fprintf(f, " off=%d", x->off);
            break;
        case V_FUNC:
            fputs(" func t=", f);
            put_type(f, x->t);
            break;
        case V_FRAME: fprintf(f, " frame off=%d", x->off); break;
        case V_RET: fputs(" retaddr", f); break;
        case V_SAVED: fprintf(f, " saved reg=%s", rname[x->sreg]); break;
        }
        if (x->nn)
            fputs(" nonnull", f);
        if (x->stack)
            fputs(" stack", f);
        if (x->ns && x->k == V_PTR)
            fputs(" store", f);
        if (x->own)
            fprintf(f, " own=%d(%%ebp)", v->slots[x->slot].off + 4);
        if (x->lenof)
            fprintf(f, " len=v%zu", vname(&nm, x->lenof));
        if (x->mulof)
            fprintf(f, " mul=v%zu*%u", vname(&nm, x->mulof), x->mul);
        if (x->nzof)
            fprintf(f, " nz=v%zu", vname(&nm, x->nzof));
        if (x->nzlow)
            fprintf(f, " nzlow=v%zu", vname(&nm, x->nzlow));
        if (x->ixscale) {
            if (x->ixc)
                fprintf(f, " ix=%u*%u", x->ixval, x->ixscale);
            else
                fprintf(f, " ix=v%zu*%u", vname(&nm, x->ixvn), x->ixscale);
            if (x->ixbase)
                fprintf(f, " ixbase=v%zu", vname(&nm, x->ixbase));
        }
        fputc('\n', f);
    }
    for (int i = 0; i < s->nf; i++) {
        const struct fact *q = &s->f[i];
        if (q->kind == F_LT_CONST && held(&ix, q->a))
            fprintf(f, "fact v%zu <u %u\n", vname(&nm, q->a), q->b);
        else if (q->kind == F_LT_LEN && held(&ix, q->a) && held(&ix, q->b))
            fprintf(f, "fact v%zu <u len(v%zu)\n", vname(&nm, q->a), vname(&nm, q->b));
        else if (q->kind == F_CONST_LT_LEN && held(&ix, q->b))
            fprintf(f, "fact %u <u len(v%zu)\n", q->a, vname(&nm, q->b));
        else if (q->kind == F_LT_VAL && held(&ix, q->a) && held(&ix, q->b))
            fprintf(f, "fact v%zu <u v%zu\n", vname(&nm, q->a), vname(&nm, q->b));
        else if (q->kind == F_LE_LEN && held(&ix, q->a) && held(&ix, q->b))
            fprintf(f, "fact v%zu <=u len(v%zu)\n", vname(&nm, q->a), vname(&nm, q->b));
    }
    for (size_t i = 0; i < v->nslots; i++)
        if (s->pre[i])
            fprintf(f, "init %d(%%ebp) %u\n", v->slots[i].off + 4, s->pre[i]);
    if (s->nodom)
        fputs("nodom\n", f);
    nummap_free(&nm.map);
    free(ix.held);
    free(ix.named);
}

/* Numbers the state at a target names: vN is STATE_VN + N; a location the
 * state leaves out holds an integer numbered LONE_VN + its index (both
 * ranges are apart from fresh(), join2 and entry_state's). */
#define STATE_VN 0x08000000u
#define LONE_VN 0x0c000000u

static int parse_vn(const char *s, uint32_t *vn)
{
    if (!strcmp(s, "-")) {
        *vn = 0;
        return 1;
    }
    unsigned long n;
    int k = 0;
    if (sscanf(s, "v%lu%n", &n, &k) != 1 || s[k] || !n || n >= 0x1000000)
        return 0;
    *vn = STATE_VN + (uint32_t)n;
    return 1;
}

static int parse_int(const char *s, long *out)
{
    char *e;
    errno = 0;
    long n = strtol(s, &e, 10);
    if (e == s || *e || errno || n < -0x7fffffffL || n > 0x7fffffffL)
        return 0;
    *out = n;
    return 1;
}

/* "-16(%ebp)" or "%eax": the location's index, or -1. */
static long parse_loc(const struct vctx *v, const char *s)
{
    for (int r = 0; r < NREG; r++)
        if (!strcmp(s, rname[r]))
            return r;
    long n;
    char buf[32];
    size_t len = strlen(s);
    if (len < 7 || len > 20 || strcmp(s + len - 6, "(%ebp)"))
        return -1;
    memcpy(buf, s, len - 6);
    buf[len - 6] = 0;
    if (!parse_int(buf, &n))
        return -1;
    int c = cell_at(v, (int32_t)(n - 4));
    return c < 0 ? -1 : NREG + c;
}

/* The index of the slot that starts at %ebp offset S, or -1. */
static int parse_slot(const struct vctx *v, const char *s)
{
    long n;
    char buf[32];
    size_t len = strlen(s);
    if (len < 7 || len > 20 || strcmp(s + len - 6, "(%ebp)"))
        return -1;
    memcpy(buf, s, len - 6);
    buf[len - 6] = 0;
    if (!parse_int(buf, &n))
        return -1;
    for (size_t i = 0; i < v->nslots; i++)
        if (v->slots[i].off == n - 4)
            return (int)i;
    return -1;
}

/* One value: KIND [ATTR=...]... after the location and its number. */
static const char *parse_value(struct vctx *v, char **tok, int nt, struct val *x)
{
    const char *k = tok[0];
    if (!strcmp(k, "bot"))
        x->k = V_BOT;
    else if (!strcmp(k, "int"))
        x->k = V_TOP;
    else if (!strcmp(k, "const"))
        x->k = V_CONST;
    else if (!strcmp(k, "ptr"))
        x->k = V_PTR;
    else if (!strcmp(k, "func"))
        x->k = V_FUNC;
    else if (!strcmp(k, "frame"))
        x->k = V_FRAME;
    else if (!strcmp(k, "retaddr"))
        x->k = V_RET;
    else if (!strcmp(k, "saved"))
        x->k = V_SAVED;
    else
        return "an unknown kind of value";
    int have_t = 0, have_c = 0, have_off = 0, have_reg = 0;
    for (int i = 1; i < nt; i++) {
        char *a = tok[i], *eq = strchr(a, '=');
        char *val = eq ? eq + 1 : NULL;
        if (eq)
            *eq = 0;
        long n;
        unsigned long u, m;
        int used = 0;
        /* nonnull: for an integer, known non-zero */
        if (!strcmp(a, "nonnull") && !val)
            x->nn = 1;
        else if (!strcmp(a, "stack") && !val)
            x->stack = 1;
        else if (!strcmp(a, "store") && !val && x->k == V_PTR)
            x->ns = 1;
        else if (!strcmp(a, "t") && val && (x->k == V_PTR || x->k == V_FUNC)) {
            char *err = NULL;
            x->t = state_type(v, val, &err);
            if (!x->t) {
                free(err);
                return "a malformed type";
            }
            if (x->k == V_FUNC && unq(x->t, NULL)->tag != CT_FUNC)
                return "a function value whose type is not a function";
            have_t = 1;
        } else if (!strcmp(a, "c") && val && x->k == V_CONST && sscanf(val, "%lu%n", &u, &used) == 1 && !val[used] &&
                   u <= 0xffffffffUL) {
            x->c = (uint32_t)u;
            have_c = 1;
        } else if (!strcmp(a, "off") && val && (x->k == V_PTR || x->k == V_FRAME) && parse_int(val, &n)) {
            x->off = (int32_t)n;
            have_off = 1;
        } else if (!strcmp(a, "reg") && val && x->k == V_SAVED) {
            long r = parse_loc(v, val);
            if (r < 0 || r >= NREG)
                return "a saved register that is not a register";
            x->sreg = (uint8_t)r;
            have_reg = 1;
        } else if (!strcmp(a, "own") && val) {
            int si = parse_slot(v, val);
            if (si < 0)
                return "an own slot that is not a slot of the frame";
            x->own = 1;
            x->slot = (int16_t)si;
        } else if (!strcmp(a, "len") && val && parse_vn(val, &x->lenof) && x->lenof) {
        } else if (!strcmp(a, "nz") && val && parse_vn(val, &x->nzof) && x->nzof) {
        } else if (!strcmp(a, "nzlow") && val && parse_vn(val, &x->nzlow) && x->nzlow) {
        } else if (!strcmp(a, "mul") && val && sscanf(val, "v%lu*%lu%n", &u, &m, &used) == 2 && !val[used] && u &&
                   u < 0x1000000 && m && m <= 0xffffffffUL) {
            x->mulof = STATE_VN + (uint32_t)u;
            x->mul = (uint32_t)m;
        } else if (!strcmp(a, "ix") && val && x->k == V_PTR) {
            if (sscanf(val, "v%lu*%lu%n", &u, &m, &used) == 2 && !val[used] && u && u < 0x1000000) {
                x->ixvn = STATE_VN + (uint32_t)u;
            } else if (sscanf(val, "%lu*%lu%n", &u, &m, &used) == 2 && !val[used] && u <= 0xffffffffUL) {
                x->ixc = 1;
                x->ixval = (uint32_t)u;
            } else {
                return "a malformed index";
            }
            if (!m || m > 0xffffffffUL)
                return "a malformed index";
            x->ixscale = (uint32_t)m;
        } else if (!strcmp(a, "ixbase") && val && x->k == V_PTR && parse_vn(val, &x->ixbase) && x->ixbase) {
        } else {
            return "an attribute this kind of value does not have";
        }
    }
    if ((x->k == V_PTR || x->k == V_FUNC) && !have_t)
        return "a pointer without its type";
    if ((x->k == V_PTR || x->k == V_FRAME) && !have_off)
        return "an address without its offset";
    if (x->k == V_CONST && !have_c)
        return "a constant without its value";
    if (x->k == V_SAVED && !have_reg)
        return "a saved register without its name";
    return NULL;
}

/* The state VS states, over this function's registers and cells, into S.
 * NULL, or what is wrong (*LINE: the proof line). */
static const char *parse_state(struct vctx *v, const struct vstate *vs, struct st *s, int *line)
{
    s->reached = 1;
    for (size_t l = 0; l < NREG + v->ncells; l++) {
        struct val *x = l < NREG ? &s->r[l] : &s->c[l - NREG];
        *x = top();
        x->vn = LONE_VN + (uint32_t)l;
    }
    memset(s->pre, 0, v->nslots * sizeof *s->pre);
    s->nf = 0;
    s->fl.valid = 0;
    s->tos_valid = 0;
    unsigned char *seen = xcalloc(NREG + v->ncells, 1);
    const char *why = NULL;
    for (size_t i = 0; i < vs->n && !why; i++) {
        char *ln = xstrdup(vs->lines[i]), *tok[24], *save = NULL;
        int nt = 0;
        for (char *t = strtok_r(ln, " ", &save); t && nt < 24; t = strtok_r(NULL, " ", &save))
            tok[nt++] = t;
        *line = vs->lineno[i];
        if ((!strcmp(tok[0], "reg") || !strcmp(tok[0], "cell")) && nt >= 4) {
            long l = parse_loc(v, tok[1]);
            struct val x = {0};
            if (l < 0 || (tok[0][0] == 'r') != (l < NREG))
                why = tok[0][0] == 'r' ? "not a register" : "not a tracked cell of the frame";
            else if (seen[l])
                why = "a location stated twice";
            else if (!parse_vn(tok[2], &x.vn))
                why = "a malformed value number";
            else if (!(why = parse_value(v, tok + 3, nt - 3, &x))) {
                seen[l] = 1;
                if (l < NREG)
                    s->r[l] = x;
                else
                    s->c[l - NREG] = x;
            }
        } else if (!strcmp(tok[0], "fact") && nt == 4 && (!strcmp(tok[2], "<u") || !strcmp(tok[2], "<=u"))) {
            int le = tok[2][1] == '=';
            uint32_t a = 0, b = 0;
            unsigned long c;
            int used = 0;
            char *w = tok[3];
            size_t wl = strlen(w);
            int is_len = wl > 5 && !strncmp(w, "len(", 4) && w[wl - 1] == ')';
            if (is_len) {
                w[wl - 1] = 0;
                if (!parse_vn(w + 4, &b) || !b)
                    why = "a malformed fact";
            }
            if (why) {
            } else if (le) {
                if (!is_len || !parse_vn(tok[1], &a) || !a)
                    why = "a malformed fact";
                else
                    add_fact(s, F_LE_LEN, a, b);
            } else if (tok[1][0] == 'v') {
                if (!parse_vn(tok[1], &a) || !a)
                    why = "a malformed fact";
                else if (is_len)
                    add_fact(s, F_LT_LEN, a, b);
                else if (w[0] == 'v') {
                    if (!parse_vn(w, &b) || !b)
                        why = "a malformed fact";
                    else
                        add_fact(s, F_LT_VAL, a, b);
                } else if (sscanf(w, "%lu%n", &c, &used) == 1 && !w[used] && c <= 0xffffffffUL)
                    add_fact(s, F_LT_CONST, a, (uint32_t)c);
                else
                    why = "a malformed fact";
            } else if (is_len && sscanf(tok[1], "%lu%n", &c, &used) == 1 && !tok[1][used] && c <= 0xffffffffUL) {
                add_fact(s, F_CONST_LT_LEN, (uint32_t)c, b);
            } else {
                why = "a malformed fact";
            }
        } else if (!strcmp(tok[0], "nodom") && nt == 1) {
            s->nodom = 1;
        } else if (!strcmp(tok[0], "init") && nt == 3) {
            int si = parse_slot(v, tok[1]);
            long n;
            if (si < 0 || !parse_int(tok[2], &n) || n <= 0)
                why = "a malformed init record";
            else
                s->pre[si] = (uint32_t)n;
        } else {
            why = "a malformed record";
        }
        free(ln);
    }
    free(seen);
    return why;
}

/* The proof's mapping of the numbers a target's state names (H) to the
 * numbers of the state on one edge into it (S): the first binding of H
 * stands, a later one must agree. */
static int bind(struct nummap *p, uint32_t h, uint32_t s)
{
    if (!h)
        return 1;
    if (!s)
        return 0;
    int fresh;
    uint32_t *to = nummap_at(p, h, &fresh);
    if (fresh)
        *to = s;
    return *to == s;
}

static void describe(struct vctx *v, char *buf, size_t n, const struct val *x)
{
    char *tb = NULL;
    size_t tl = 0;
    FILE *f = open_memstream(&tb, &tl);
    switch (x->k) {
    case V_BOT: fputs("nothing", f); break;
    case V_TOP: fputs(x->nn ? "a non-zero integer" : "an integer", f); break;
    case V_CONST: fprintf(f, "the constant %u", x->c); break;
    case V_PTR:
        fprintf(f, "a %s%spointer to ", x->nn ? "non-null " : "", x->stack ? "stack-bound " : "");
        put_type(f, x->t);
        fprintf(f, "%+d%s", x->off, x->ixscale ? " plus an index" : "");
        break;
    case V_FUNC:
        fprintf(f, "a %sfunction ", x->nn ? "non-null " : "");
        put_type(f, x->t);
        break;
    case V_FRAME: fprintf(f, "the frame address %d", x->off); break;
    case V_RET: fputs("the return address", f); break;
    case V_SAVED: fprintf(f, "the caller's %s", rname[x->sreg]); break;
    }
    fclose(f);
    snprintf(buf, n, "%s", tb ? tb : "?");
    free(tb);
    (void)v;
}

/* Does the state S on an edge into a block satisfy the state H that the
 * proof states there?  Every location of S holds a value that H's value
 * covers (what their join would keep of H), the numbers H shares between
 * locations are shared in S, H's relations hold of S's values, each fact
 * of H holds in S (about the same locations), and each slot is at least
 * as initialised.  Else 0 and WHY. */
static int state_fits(struct vctx *v, const struct st *S, const struct st *H, char *why, size_t wn)
{
    size_t nl = NREG + v->ncells;
    struct nummap phi = {0};
    int ok = 1;
    char hs[160], ss[160];
    for (size_t l = 0; l < nl && ok; l++) {
        const struct val *h = loc(v, H, l), *x = loc(v, S, l);
        char ln[32];
        if (l < NREG)
            snprintf(ln, sizeof ln, "%s", rname[l]);
        else
            snprintf(ln, sizeof ln, "%d(%%ebp)", v->cells[l - NREG].off + 4);
        if (x->k == V_BOT)
            continue;
        int fits;
        if (h->k == V_BOT) {
            fits = 0;
        } else if (h->ixscale) {
            fits = x->k == V_PTR && x->ixscale == h->ixscale && x->ixc == h->ixc &&
                   (h->ixc ? x->ixval == h->ixval : bind(&phi, h->ixvn, x->ixvn)) && bind(&phi, h->ixbase, x->ixbase) &&
                   x->off == h->off && (x->t == h->t || ty_eq(x->t, h->t, 0)) && (x->nn || !h->nn) &&
                   (!x->stack || h->stack) && (!h->own || (x->own && x->slot == h->slot));
        } else if (h->k == x->k && !x->ixscale && h->off == x->off && h->c == x->c && h->sreg == x->sreg &&
                   (h->t == x->t || (h->t && x->t && ty_eq(h->t, x->t, 0)))) {
            /* the same value but for what is known of it */
            fits = (x->nn || !h->nn) && (!x->stack || h->stack) && (!h->own || (x->own && x->slot == h->slot));
        } else {
            struct val j = join_val(v, h, x, h->vn, H, S);
            fits = j.k == h->k && j.nn == h->nn && j.stack == h->stack && j.own == h->own &&
                   (!h->own || j.slot == h->slot) && j.off == h->off && j.c == h->c && j.sreg == h->sreg &&
                   (j.t == h->t || (j.t && h->t && ty_eq(j.t, h->t, 0)));
        }
        if (fits && h->ns && h->k == V_PTR && !storable_in(x, S)) {
            snprintf(why, wn, "%s may point into static storage, the state there says a store through it is allowed",
                     ln);
            ok = 0;
            break;
        }
        if (!fits) {
            describe(v, hs, sizeof hs, h);
            describe(v, ss, sizeof ss, x);
            snprintf(why, wn, "%s holds %s, the state there says %s", ln, ss, hs);
            ok = 0;
            break;
        }
        /* a value without a number is one no other location shares */
        uint32_t xvn = x->vn ? x->vn : LONE_VN + 0x01000000u + (uint32_t)l;
        if (!bind(&phi, h->vn, xvn) || (h->lenof && !(x->lenof && bind(&phi, h->lenof, x->lenof))) ||
            (h->mulof && !(x->mulof && x->mul == h->mul && bind(&phi, h->mulof, x->mulof))) ||
            (h->nzof && !(x->nzof && bind(&phi, h->nzof, x->nzof))) ||
            (h->nzlow && !(x->nzlow && bind(&phi, h->nzlow, x->nzlow)))) {
            snprintf(why, wn, "the state there relates %s to another value, which does not hold here", ln);
            ok = 0;
        }
    }
    for (int i = 0; i < H->nf && ok; i++) {
        const struct fact *q = &H->f[i];
        long la = -1, lb = -1;
        for (size_t l = 0; l < nl; l++) {
            uint32_t vn = loc(v, H, l)->vn;
            if (la < 0 && q->kind != F_CONST_LT_LEN && vn == q->a)
                la = (long)l;
            if (lb < 0 && q->kind != F_LT_CONST && vn == q->b)
                lb = (long)l;
        }
        int sat = 0;
        if ((q->kind != F_CONST_LT_LEN && la < 0) || (q->kind != F_LT_CONST && lb < 0)) {
            snprintf(why, wn, "the state there has a fact about a value no register or cell holds");
            ok = 0;
            break;
        }
        if (q->kind == F_LT_CONST) {
            sat = sat_const(v, S, (size_t)la, q->b);
        } else if (q->kind == F_LT_LEN) {
            sat = sat_len(v, S, (size_t)la, (size_t)lb);
        } else if (q->kind == F_LT_VAL) {
            sat = sat_lt_val(v, S, (size_t)la, (size_t)lb);
        } else if (q->kind == F_LE_LEN) {
            sat = sat_le_len(v, S, (size_t)la, (size_t)lb);
        } else {
            const struct val *w = loc(v, S, (size_t)lb);
            sat = (w->k == V_CONST && w->c == 0) || (w->vn && const_below_len(S, q->a, w->vn)) ||
                  static_len_above(v, w, q->a);
        }
        if (!sat) {
            char a[32], b[32];
            if (q->kind == F_CONST_LT_LEN)
                snprintf(a, sizeof a, "%u", q->a);
            else if (la < NREG)
                snprintf(a, sizeof a, "%s", rname[la]);
            else
                snprintf(a, sizeof a, "%d(%%ebp)", v->cells[la - NREG].off + 4);
            const char *fm = q->kind == F_LT_VAL ? "%s" : "len(%s)";
            char bl[24];
            if (lb >= NREG)
                snprintf(bl, sizeof bl, "%d(%%ebp)", v->cells[lb - NREG].off + 4);
            if (q->kind == F_LT_CONST)
                snprintf(b, sizeof b, "%u", q->b);
            else
                snprintf(b, sizeof b, fm, lb < NREG ? rname[lb] : bl);
            snprintf(why, wn, "the state there says %s %s %s, which does not hold here", a,
                     q->kind == F_LE_LEN ? "<=u" : "<u", b);
            ok = 0;
        }
    }
    if (ok && H->nodom && !S->nodom) {
        snprintf(why, wn, "the state there says this runs outside every domain, which is not proved here");
        ok = 0;
    }
    for (size_t i = 0; i < v->nslots && ok; i++)
        if (S->pre[i] < H->pre[i]) {
            snprintf(why, wn, "the state there says %u bytes of the slot at %d(%%ebp) are written, here %u", H->pre[i],
                     v->slots[i].off + 4, S->pre[i]);
            ok = 0;
        }
    nummap_free(&phi);
    return ok;
}

/* One instruction of a block in state S: the frame the prologue made
 * checked where the body begins, then the instruction's rule.  0 if it is
 * refused; *FALL, *JT and *ISJ as step() gives them. */
static int step_insn(struct vctx *v, struct st *s, size_t i, int pend, int *fall, int64_t *jt, int *isj)
{
    v->prologue_done = (int)i >= pend;
    if ((int)i == pend && (s->r[ESP].k != V_FRAME || s->r[ESP].off != v->body_esp)) {
        v->cur = v->ins[i].off;
        refuse(v, "the frame", "the prologue makes a frame of %d bytes, the proof says %u",
               s->r[ESP].k == V_FRAME ? -s->r[ESP].off : -1, v->frame);
        return 0;
    }
    v->dbg = s;
    v->curst = s;
    int r = step(v, s, i, fall, jt, isj);
    if (r < 0)
        r = generic(v, s, i);
    return r;
}

/* The function against the states its proof gives at branch targets, in
 * one pass over its blocks in address order (doc/verify.md, "States at
 * branch targets"): a block with a state starts from it, and every edge
 * into it -- a jump, or falling through -- must satisfy it; any other
 * block starts from the state falling through into it, or is never
 * entered.  Each instruction is stepped once. */
static void check_with_states(struct vctx *v, int pend)
{
    const struct vfunc_proof *fp = v->fp;
    struct st *H = xcalloc(v->nblk, sizeof *H);
    int *has = xcalloc(v->nblk, sizeof *has);
    char why[400];
    for (size_t k = 0; k < fp->nstates && !v->fn_failed; k++) {
        const struct vstate *vs = &fp->states[k];
        size_t i = insn_index(v, vs->off);
        v->cur = vs->off;
        if (i == (size_t)-1 || v->ins[i].block < 0) {
            refuse(v, "the proof's states", "one at +0x%x%s%s, where no block begins", vs->off,
                   vs->label[0] ? " " : "", vs->label);
            break;
        }
        size_t b = (size_t)v->ins[i].block;
        if (has[b]) {
            refuse(v, "the proof's states", "two at +0x%x", vs->off);
            break;
        }
        st_init(v, &H[b]);
        has[b] = 1;
        int line = 0;
        const char *bad = parse_state(v, vs, &H[b], &line);
        if (bad) {
            refuse(v, "the proof's states", "the one at +0x%x%s%s (line %d of .cuckoo.proof): %s", vs->off,
                   vs->label[0] ? " " : "", vs->label, line, bad);
            break;
        }
    }
    struct st s, t2;
    st_init(v, &s);
    st_init(v, &t2);
    int live = 0;
    for (size_t b = 0; b < v->nblk && !v->fn_failed; b++) {
        size_t i = (size_t)v->blk_first[b];
        size_t end = (size_t)v->blk_first[b + 1];
        if (b == 0) {
            entry_state(v, &s);
            live = 1;
        }
        if (has[b]) {
            if (live && !state_fits(v, &s, &H[b], why, sizeof why)) {
                v->cur = v->ins[i].off;
                refuse(v, "the fall-through into this block", "%s", why);
                break;
            }
            st_copy(v, &s, &H[b]);
            live = 1;
        }
        if (!live)
            continue; /* entered neither by a jump nor by falling through */
        s.fl.valid = 0;
        v->in_stub = v->stub[b];
        int fall = 1;
        for (; i < end && !v->fn_failed; i++) {
            int64_t jt;
            int isj;
            if (!step_insn(v, &s, i, pend, &fall, &jt, &isj))
                break;
            if (jt >= 0) {
                size_t k = insn_index(v, jt);
                size_t tb = (size_t)v->ins[k].block;
                st_copy(v, &t2, &s);
                int taken = !isj || learn(v, &t2, v->ins[i].in.mnemonic, 1);
                if (taken && !has[tb]) {
                    v->cur = v->ins[i].off;
                    refuse(v, "a jump", "to +0x%x, where the proof states no state", v->ins[k].off);
                    break;
                }
                if (taken && !state_fits(v, &t2, &H[tb], why, sizeof why)) {
                    v->cur = v->ins[i].off;
                    refuse(v, "a jump", "to +0x%x: %s", v->ins[k].off, why);
                    break;
                }
                if (isj && !learn(v, &s, v->ins[i].in.mnemonic, 0))
                    fall = 0; /* the fall-through is never taken */
            }
            if (!fall)
                break;
        }
        if (v->fn_failed)
            break;
        live = fall && i >= end;
        if (live && end >= v->nins) {
            v->cur = v->fsize;
            refuse(v, "the function", "execution falls off its end");
        }
    }
    st_free(&s);
    st_free(&t2);
    for (size_t b = 0; b < v->nblk; b++)
        if (has[b])
            st_free(&H[b]);
    free(H);
    free(has);
    v->dbg = v->curst = NULL;
}

/* The prover (cuckoo-prove): the states the fixed point reaches, written
 * out for every function it proves. */
struct vprover {
    char **name, **text;
    size_t n, cap;
};
static struct vprover *prover;

/* The assembler's local label at OFF of the function, when the object was
 * assembled with them (as -L), else NULL. */
static const char *label_at(const struct vctx *v, const size_t *labels, size_t nlabels, uint32_t off)
{
    for (size_t i = 0; i < nlabels; i++)
        if (v->e->syms[labels[i]].value == v->fstart + off)
            return v->e->syms[labels[i]].name;
    return NULL;
}

static void prove_record(struct vctx *v, const int *is_target)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    size_t n = 0;
    for (size_t b = 0; b < v->nblk; b++)
        n += is_target[b] && v->in[b].reached;
    fprintf(f, "targets %zu\n", n);
    size_t *labels = NULL, nlabels = 0, cap = 0;
    for (size_t i = 1; i < v->e->nsyms; i++) {
        const struct tld_sym *y = &v->e->syms[i];
        if (y->shndx == v->sec && y->type == STT_NOTYPE && y->bind == STB_LOCAL && y->value >= v->fstart &&
            y->value < v->fstart + v->fsize && y->name && !strncmp(y->name, ".L", 2)) {
            TLD_GROW(labels, nlabels, cap);
            labels[nlabels++] = i;
        }
    }
    for (size_t b = 0; b < v->nblk; b++) {
        if (!is_target[b] || !v->in[b].reached)
            continue;
        uint32_t off = v->ins[v->blk_first[b]].off;
        put_state(v, f, &v->in[b], off, label_at(v, labels, nlabels, off));
    }
    free(labels);
    fclose(f);
    if (prover->n == prover->cap) {
        prover->cap = prover->cap ? 2 * prover->cap : 16;
        prover->name = xrealloc(prover->name, prover->cap * sizeof *prover->name);
        prover->text = xrealloc(prover->text, prover->cap * sizeof *prover->text);
    }
    prover->name[prover->n] = xstrdup(v->fname);
    prover->text[prover->n++] = buf;
}

/* The prologue (after the stack check, five instructions beginning movl
 * %esp, %eax): pushl %ebp, movl %esp, %ebp (none: the function has no
 * frame pointer, has_fp), the callee-saved pushes, subl $N, %esp.  Sets the frame it allocates below the return address
 * and the saved registers; returns the index of the first body
 * instruction. */
static int is_push1(const struct vinsn *I, ZydisRegister r)
{
    /* the one-byte push of a register: the only push the prologue's
     * frame counts, here and in discipline.c's stack rule */
    return I->in.mnemonic == ZYDIS_MNEMONIC_PUSH && I->in.length == 1 && is_reg32(&I->op[0]) &&
           I->op[0].reg.value == r;
}

/* The prologue as cuckoo-cc writes it, after the stack check: pushl %ebp,
 * perhaps movl %esp, %ebp, pushes of %ebx %esi %edi (each once, one-byte
 * forms), perhaps subl $N, %esp.  Exactly the shape whose frame
 * discipline.c weighs against the stack check's N: a looser scan here
 * once took a long run of pushes after `movl $0, %ebp` for a frame the
 * stack check never covered, and the pushes wrote into another thread's
 * stack.  Anything else is body, where %esp may go at most 64 bytes below
 * the frame. */
static int scan_prologue(struct vctx *v)
{
    size_t i = 0;
    if (v->nins >= 5 && v->ins[0].in.mnemonic == ZYDIS_MNEMONIC_MOV &&
        v->ins[0].op[1].type == ZYDIS_OPERAND_TYPE_REGISTER && v->ins[0].op[1].reg.value == ZYDIS_REGISTER_ESP)
        i = 5;
    uint32_t fr = 0;
    int pushes = 0;
    v->has_fp = 0;
    if (i < v->nins && is_push1(&v->ins[i], ZYDIS_REGISTER_EBP)) {
        fr += 4, pushes++, i++;
        const struct vinsn *I = i < v->nins ? &v->ins[i] : NULL;
        if (I && I->in.mnemonic == ZYDIS_MNEMONIC_MOV && I->op[0].type == ZYDIS_OPERAND_TYPE_REGISTER &&
            I->op[0].reg.value == ZYDIS_REGISTER_EBP && I->op[1].type == ZYDIS_OPERAND_TYPE_REGISTER &&
            I->op[1].reg.value == ZYDIS_REGISTER_ESP) {
            v->has_fp = 1;
            i++;
        }
        unsigned seen = 0;
        static const ZydisRegister saved[] = {ZYDIS_REGISTER_EBX, ZYDIS_REGISTER_ESI, ZYDIS_REGISTER_EDI};
        for (int more = 1; more && i < v->nins;) {
            more = 0;
            for (unsigned k = 0; k < 3; k++)
                if (!(seen & 1u << k) && is_push1(&v->ins[i], saved[k])) {
                    seen |= 1u << k;
                    fr += 4, pushes++, i++;
                    more = 1;
                    break;
                }
        }
    }
    if (i < v->nins && v->ins[i].in.mnemonic == ZYDIS_MNEMONIC_SUB && is_reg32(&v->ins[i].op[0]) &&
        v->ins[i].op[0].reg.value == ZYDIS_REGISTER_ESP && v->ins[i].op[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE &&
        v->ins[i].op[1].imm.value.s >= 0 && v->ins[i].op[1].imm.value.s < 0x7fffffff) {
        fr += (uint32_t)v->ins[i].op[1].imm.value.s;
        i++;
    }
    v->frame = fr;
    v->nsaved = pushes > 0 ? pushes - 1 : 0;
    return (int)i;
}

static void verify_fn(struct vctx *v, const struct tld_sym *fs)
{
    const struct tld_section *sec = &v->e->secs[fs->shndx];
    v->fname = fs->name;
    v->sec = fs->shndx;
    v->fstart = fs->value;
    v->fsize = fs->size;
    v->fn_failed = 0;
    v->cur = 0;
    v->fp = proof_fn(v, fs->name);
    if (!v->fp) {
        refuse(v, "the function", "the proof has no record of it");
        return;
    }
    /* its type: the block's for a global function, else the proof's; the
     * two must agree */
    const struct tld_rec *rc = fs->bind != STB_LOCAL ? block_rec(v, fs->name, 1) : NULL;
    v->ftype = complete(&v->tags, unq(v->fp->t, NULL));
    if (rc && (rc->kind != TLD_FUNC || !ty_eq(complete(&v->tags, unq(rc->ct, NULL)), v->ftype, 0))) {
        refuse(v, "the function", "the proof's type differs from the block's");
        return;
    }
    /* decode */
    ZydisDecoder dec;
    ZydisDecoderInit(&dec, ZYDIS_MACHINE_MODE_LEGACY_32, ZYDIS_STACK_WIDTH_32);
    size_t cap = 0;
    v->nins = 0;
    v->ins = NULL;
    for (uint32_t off = 0; off < fs->size;) {
        TLD_GROW(v->ins, v->nins, cap);
        struct vinsn *I = &v->ins[v->nins];
        memset(I, 0, sizeof *I);
        if (ZYAN_FAILED(ZydisDecoderDecodeFull(&dec, sec->data + fs->value + off, fs->size - off, &I->in, I->op))) {
            v->cur = off;
            refuse(v, "the code", "bytes that do not decode");
            return;
        }
        I->off = off;
        I->block = -1;
        if (I->in.raw.disp.size)
            I->rel_disp = reloc_in(v, fs->value + off + I->in.raw.disp.offset);
        const struct tld_reloc *imm_rel =
            I->in.raw.imm[0].size ? reloc_in(v, fs->value + off + I->in.raw.imm[0].offset) : NULL;
        int relative = I->op[0].type == ZYDIS_OPERAND_TYPE_IMMEDIATE && I->op[0].imm.is_relative;
        if (!relative)
            I->rel_imm = imm_rel;
        /* 32-bit forms only: a 16-bit address (0x67) is %bx/%si/%di based
         * and wraps at 64 KiB, a 16-bit branch truncates %eip, a 16-bit
         * push, pop or leave moves %esp by 2 -- none of which the rules
         * below model; and a bit test with a register offset reaches far
         * past its 4-byte operand.  cuckoo-cc writes none of these. */
        {
            ZydisInstructionCategory cat = I->in.meta.category;
            ZydisMnemonic mn = I->in.mnemonic;
            const char *bad = NULL;
            if (I->in.address_width != 32)
                bad = "a 16-bit address (an address-size prefix)";
            else if ((cat == ZYDIS_CATEGORY_COND_BR || cat == ZYDIS_CATEGORY_UNCOND_BR ||
                      cat == ZYDIS_CATEGORY_CALL || cat == ZYDIS_CATEGORY_RET || cat == ZYDIS_CATEGORY_PUSH ||
                      cat == ZYDIS_CATEGORY_POP || mn == ZYDIS_MNEMONIC_LEAVE) &&
                     I->in.operand_width != 32)
                bad = "a 16-bit branch, push, pop or leave (an operand-size prefix)";
            else if ((mn == ZYDIS_MNEMONIC_BT || mn == ZYDIS_MNEMONIC_BTS || mn == ZYDIS_MNEMONIC_BTR ||
                      mn == ZYDIS_MNEMONIC_BTC) &&
                     I->op[0].type == ZYDIS_OPERAND_TYPE_MEMORY && I->op[1].type == ZYDIS_OPERAND_TYPE_REGISTER)
                bad = "a bit test of memory at a register offset (it reaches past its operand)";
            if (bad) {
                v->cur = off;
                refuse(v, ZydisMnemonicGetString(mn), "%s", bad);
                return;
            }
        }
        /* a jump's target is its displacement, as decoded here: a
         * relocation on it would send the jump where the checker never
         * looked (another function's middle, with this frame); only a
         * call's target may come from a relocation, resolved below */
        if (relative && imm_rel && I->in.mnemonic != ZYDIS_MNEMONIC_CALL) {
            v->cur = off;
            refuse(v, "a jump", "its target is set by a relocation (only a call's may be)");
            return;
        }
        off += I->in.length;
        v->nins++;
    }
    /* the frame is what the prologue allocates; the proof, when it says,
     * must agree */
    int pend = scan_prologue(v);
    {
        if (v->fp->has_frame && (v->fp->frame != v->frame || v->fp->nsaved != v->nsaved)) {
            refuse(v, "the frame", "the prologue makes a frame of %u bytes with %d saved registers, the proof says %u "
                   "and %d", v->frame, v->nsaved, v->fp->frame, v->fp->nsaved);
            goto out;
        }
    }
    if (!setup_frame(v))
        goto out;
    mark_exposed(v);
    build_cells(v);
    /* blocks */
    int *leader = xcalloc(v->nins + 1, sizeof *leader);
    int *target = xcalloc(v->nins + 1, sizeof *target); /* per instruction: a jump lands on it */
    leader[0] = 1;
    for (size_t i = 0; i < v->nins; i++) {
        const struct vinsn *I = &v->ins[i];
        int cat = I->in.meta.category;
        if (cat == ZYDIS_CATEGORY_COND_BR || cat == ZYDIS_CATEGORY_UNCOND_BR) {
            if (I->op[0].type == ZYDIS_OPERAND_TYPE_IMMEDIATE && I->op[0].imm.is_relative) {
                int64_t t = (int64_t)I->off + I->in.length + I->op[0].imm.value.s;
                size_t k = insn_index(v, t);
                if (k == (size_t)-1) {
                    v->cur = I->off;
                    refuse(v, "a jump", "to 0x%llx, not an instruction of this function", (long long)t);
                    free(leader);
                    free(target);
                    goto out;
                }
                leader[k] = 1;
                target[k] = 1;
            }
            leader[i + 1] = 1;
        }
        if (cat == ZYDIS_CATEGORY_RET || cat == ZYDIS_CATEGORY_CALL)
            leader[i + 1] = 1;
    }
    v->nblk = 0;
    v->blk_first = xcalloc(v->nins + 1, sizeof *v->blk_first);
    for (size_t i = 0; i < v->nins; i++)
        if (leader[i]) {
            v->ins[i].block = (int)v->nblk;
            v->blk_first[v->nblk++] = (int)i;
        }
    v->blk_first[v->nblk] = (int)v->nins;
    free(leader);
    int *is_target = xcalloc(v->nblk + 1, sizeof *is_target);
    for (size_t b = 0; b < v->nblk; b++)
        is_target[b] = target[v->blk_first[b]];
    free(target);
    v->stub = xcalloc(v->nblk + 1, sizeof *v->stub);
    for (size_t b = 0; b < v->nblk; b++) {
        const struct vinsn *L = &v->ins[v->blk_first[b + 1] - 1];
        if (L->in.meta.category != ZYDIS_CATEGORY_CALL || L->op[0].type != ZYDIS_OPERAND_TYPE_IMMEDIATE)
            continue;
        const struct tld_reloc *r = reloc_in(v, v->fstart + L->off + L->in.raw.imm[0].offset);
        if (r && r->sym < v->e->nsyms && !strcmp(v->e->syms[r->sym].name, "__cuckoo_trap"))
            v->stub[b] = 1;
    }
    v->body_esp = -(int32_t)v->frame;
    if (v->fp->has_states && !v->proving) {
        /* the proof states the types and facts at every branch target:
         * one pass */
        check_with_states(v, pend);
        free(is_target);
        free(v->stub);
        v->stub = NULL;
        free(v->blk_first);
        goto out;
    }
    v->in = xcalloc(v->nblk, sizeof *v->in);
    for (size_t b = 0; b < v->nblk; b++)
        st_init(v, &v->in[b]);
    st_init(v, &v->sj);
    st_init(v, &v->sjt);
    v->ren_old = xcalloc(NREG + v->ncells + 1, sizeof *v->ren_old);
    v->ren_new = xcalloc(NREG + v->ncells + 1, sizeof *v->ren_new);
    v->edges = xcalloc(v->nblk, sizeof *v->edges);
    {
        /* the entry is an edge into block 0 like the others */
        struct st e0;
        st_init(v, &e0);
        entry_state(v, &e0);
        join_into(v, 0, &e0, (size_t)-1);
        st_free(&e0);
    }
    v->body_esp = -(int32_t)v->frame;
    struct st s, t2;
    st_init(v, &s);
    st_init(v, &t2);
    int *work = xcalloc(v->nblk, sizeof *work);
    work[0] = 1;
    int passes = 0, again = 1;
    int *bfail = xcalloc(v->nblk + 1, sizeof *bfail);
    int final = 0;
    v->quiet = 1;
    while (!v->fn_failed) {
        if (!again) {
            /* converged: judge, loudly, every block that failed on its
             * final state */
            if (final)
                break;
            final = 1;
            v->quiet = 0;
            for (size_t b = 0; b < v->nblk; b++)
                if (bfail[b])
                    work[b] = 1, again = 1;
            if (!again)
                break;
        }
        again = 0;
        v->passes = passes + 1;
        if (++passes > 1000) {
            v->quiet = 0;
            refuse(v, "the function", "no fixed point after 1000 passes");
            break;
        }
        for (size_t b = 0; b < v->nblk && !v->fn_failed; b++) {
            if (!work[b])
                continue;
            work[b] = 0;
            v->qfail = 0;
            st_copy(v, &s, &v->in[b]);
            s.fl.valid = 0;
            v->in_stub = v->stub[b];
            size_t i = (size_t)v->blk_first[b];
            size_t end = (size_t)v->blk_first[b + 1];
            int fall = 1;
            for (; i < end && !v->fn_failed; i++) {
                int64_t jt;
                int isj;
                if (!step_insn(v, &s, i, pend, &fall, &jt, &isj))
                    break;
                if (jt >= 0) {
                    size_t k = insn_index(v, jt);
                    size_t tb = (size_t)v->ins[k].block;
                    st_copy(v, &t2, &s);
                    int live = !isj || learn(v, &t2, v->ins[i].in.mnemonic, 1);
                    if (live && join_into(v, tb, &t2, 2 * b))
                        work[tb] = 1, again = 1;
                    if (isj && !learn(v, &s, v->ins[i].in.mnemonic, 0))
                        fall = 0; /* the fall-through is never taken */
                }
                if (!fall)
                    break;
            }
            bfail[b] = v->qfail;
            if (v->fn_failed)
                break;
            if (fall && i >= end) {
                if (end >= v->nins) {
                    v->cur = v->fsize;
                    refuse(v, "the function", "execution falls off its end");
                    /* during the iteration the refusal is quiet: the block
                     * must be judged again on its final state, or nothing
                     * ever refuses it */
                    bfail[b] = 1;
                    break;
                }
                size_t nb = (size_t)v->ins[end].block;
                if (join_into(v, nb, &s, 2 * b + 1))
                    work[nb] = 1, again = 1;
            }
        }
    }
    free(work);
    free(bfail);
    v->quiet = 0;
    if (v->proving && !v->fn_failed)
        prove_record(v, is_target);
    free(is_target);
    st_free(&s);
    st_free(&t2);
    v->dbg = v->curst = NULL;
    for (size_t b = 0; b < v->nblk; b++) {
        st_free(&v->in[b]);
        for (size_t e = 0; e < v->edges[b].n; e++)
            st_free(&v->edges[b].st[e]);
        free(v->edges[b].key);
        free(v->edges[b].st);
    }
    free(v->edges);
    v->edges = NULL;
    st_free(&v->sj);
    st_free(&v->sjt);
    free(v->ren_old);
    free(v->ren_new);
    v->ren_old = v->ren_new = NULL;
    free(v->in);
    free(v->stub);
    v->stub = NULL;
    free(v->blk_first);
    v->in = NULL;
out:
    free(v->ins);
    free(v->cells);
    free(v->slots);
    v->ins = NULL;
    v->cells = NULL;
    v->slots = NULL;
}

/* ================================================================== */
/* An object                                                           */
/* ================================================================== */

int tld_prove = 1;

/* ================================================================== */
/* Static data                                                         */
/* ================================================================== */

/* Every object's initial bytes against its type: a pointer is 0 or a
 * relocation to a function or object that fits it, a length word is the
 * array's length, and no relocation patches anything else -- the checker
 * believes what it reads from memory by its type, so the memory must
 * start that way. */
/* A site record (abi.md "Runtime-error sites"): kind, detail, file and
 * func are 0 or relocations to NUL-terminated strings in read-only data
 * of this object, line and col plain words. */
static void verify_site(struct vctx *v, const struct tld_sym *y)
{
    const struct tld_elf *e = v->e;
    if (!e->secs[y->shndx].data || (e->secs[y->shndx].flags & SHF_WRITE)) {
        refuse(v, "the object", "a site record outside read-only data");
        return;
    }
    for (size_t k = 0; k < e->nrelocs[y->shndx]; k++) {
        const struct tld_reloc *r = &e->relocs[y->shndx][k];
        if (r->offset < y->value || r->offset >= y->value + 24)
            continue;
        uint32_t at = r->offset - y->value;
        v->cur = at;
        if (at % 4 || at == 12 || at == 16 || r->type != e->mach->r_abs || r->sym >= e->nsyms) {
            refuse(v, "the object", "a relocation in a site record that is not a string pointer");
            return;
        }
        const struct tld_sym *t = &e->syms[r->sym];
        const unsigned char *b = e->secs[y->shndx].data + r->offset;
        uint64_t to = (uint64_t)t->value + (uint32_t)(b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24);
        if (t->shndx == SHN_UNDEF || t->shndx >= e->nsecs || !e->secs[t->shndx].data ||
            (e->secs[t->shndx].flags & SHF_WRITE) || to >= e->secs[t->shndx].size ||
            !memchr(e->secs[t->shndx].data + to, 0, e->secs[t->shndx].size - to)) {
            refuse(v, "the object", "a site record's string is not a NUL-terminated string of read-only data");
            return;
        }
    }
    /* the words without a relocation that should have one are 0 */
    const unsigned char *b = e->secs[y->shndx].data + y->value;
    for (uint32_t at = 0; at < 24; at += 4) {
        if (at == 12 || at == 16)
            continue;
        int has = 0;
        for (size_t k = 0; k < e->nrelocs[y->shndx]; k++)
            if (e->relocs[y->shndx][k].offset == y->value + at)
                has = 1;
        if (!has && (b[at] | b[at + 1] | b[at + 2] | b[at + 3])) {
            v->cur = at;
            refuse(v, "the object", "a site record's string pointer holds an integer");
            return;
        }
    }
}

static int sym_order(const void *a, const void *b, void *elf)
{
    const struct tld_elf *e = elf;
    const struct tld_sym *x = &e->syms[*(const size_t *)a], *y = &e->syms[*(const size_t *)b];
    if (x->shndx != y->shndx)
        return x->shndx < y->shndx ? -1 : 1;
    if (x->value != y->value)
        return x->value < y->value ? -1 : 1;
    size_t i = *(const size_t *)a, j = *(const size_t *)b; /* then the symbol table's order */
    return (i > j) - (i < j);
}

/* Objects are typed by their symbols: two symbols over the same bytes
 * would let an integer stored through one be read as a pointer through
 * the other, so no two objects may share a byte. */
static void verify_no_overlap(struct vctx *v)
{
    const struct tld_elf *e = v->e;
    size_t *ix = xcalloc(e->nsyms + 1, sizeof *ix), n = 0;
    for (size_t i = 1; i < e->nsyms; i++) {
        const struct tld_sym *y = &e->syms[i];
        if (y->type == STT_OBJECT && y->shndx != SHN_UNDEF && y->shndx < e->nsecs && y->size)
            ix[n++] = i;
    }
    qsort_r(ix, n, sizeof *ix, sym_order, (void *)e);
    uint64_t end = 0;
    size_t last = 0;
    for (size_t k = 0; k < n; k++) {
        const struct tld_sym *y = &e->syms[ix[k]];
        if (k && e->syms[last].shndx == y->shndx && y->value < end) {
            v->fname = y->name;
            v->fn_failed = 0;
            v->cur = 0;
            v->curst = NULL;
            refuse(v, "the object", "its bytes overlap those of %s", e->syms[last].name);
        }
        if (!k || e->syms[last].shndx != y->shndx || (uint64_t)y->value + y->size > end) {
            end = (uint64_t)y->value + y->size;
            last = ix[k];
        }
    }
    free(ix);
}

/* The STT_OBJECT symbol of section SEC whose bytes hold OFF .. OFF+N-1,
 * or NULL (none, or the bytes are not all one object's). */
static const struct tld_sym *object_holding(const struct vctx *v, unsigned sec, uint64_t off, uint64_t n)
{
    const struct tld_elf *e = v->e;
    for (size_t i = 1; i < e->nsyms; i++) {
        const struct tld_sym *y = &e->syms[i];
        if (y->type == STT_OBJECT && y->shndx == sec && y->size && off >= y->value && off < (uint64_t)y->value + y->size)
            return off + n <= (uint64_t)y->value + y->size ? y : NULL;
    }
    return NULL;
}

/* The type the block or the proof gives static object Y, or NULL. */
static const struct ctype *object_type(const struct vctx *v, const struct tld_sym *y)
{
    if (y->bind == STB_LOCAL) {
        const struct vobj *ob = proof_obj(v, y->name);
        return ob && !ob->site && !ob->desc ? ob->t : NULL;
    }
    const struct tld_rec *rc = block_rec(v, y->name, 1);
    return rc && rc->kind == TLD_DATA ? rc->ct : NULL;
}

/* Where the word at OFF of section SEC points by its relocation: the
 * section and offset (the addend stored in place), or 0. */
static int data_reloc_target(const struct vctx *v, unsigned sec, uint32_t off, unsigned *tsec, uint64_t *toff,
                             const struct tld_sym **tsym)
{
    const struct tld_elf *e = v->e;
    const struct tld_section *s = &e->secs[sec];
    for (size_t k = 0; k < e->nrelocs[sec]; k++) {
        const struct tld_reloc *r = &e->relocs[sec][k];
        if (r->offset != off || r->type != e->mach->r_abs || r->sym == 0 || r->sym >= e->nsyms || !s->data ||
            (uint64_t)off + 4 > s->size)
            continue;
        const struct tld_sym *y = &e->syms[r->sym];
        if (y->shndx == SHN_UNDEF || y->shndx >= e->nsecs)
            return 0;
        int32_t add = (int32_t)(s->data[off] | s->data[off + 1] << 8 | s->data[off + 2] << 16 |
                                (uint32_t)s->data[off + 3] << 24);
        int64_t at = (int64_t)y->value + add;
        if (at < 0)
            return 0;
        *tsec = y->shndx;
        *toff = (uint64_t)at;
        *tsym = y;
        return 1;
    }
    return 0;
}

/* Whether type T holds a length word (an array, or a struct with one). */
static int ct_has_lenwords(const struct vtags *tg, const struct ctype *t, int depth)
{
    t = complete(tg, unq(t, NULL));
    if (!t || depth > 200)
        return 0;
    if (t->tag == CT_ARRAY)
        return 1;
    if (t->tag == CT_STRUCT)
        for (size_t i = 0; i < t->nmembers; i++)
            if (ct_has_lenwords(tg, t->members[i], depth + 1))
                return 1;
    return 0;
}

struct words {
    uint32_t *w;
    size_t n, cap;
    int bad;
};

static void words_put(struct words *ws, long long x)
{
    if (x < 0 || x > 0xffffffffLL)
        ws->bad = 1;
    TLD_GROW(ws->w, ws->n, ws->cap);
    ws->w[ws->n++] = (uint32_t)x;
}

/* The operations that write T's length words at OFF, as cuckoo-cc writes
 * them (cc/i386/emit.c lenword_ops): one word per array, a repetition
 * over an array's elements when they hold length words. */
static void ct_lenword_ops(const struct vtags *tg, struct words *ws, const struct ctype *t, long long off, int depth)
{
    t = complete(tg, unq(t, NULL));
    if (!t || depth > 200) {
        ws->bad = 1;
        return;
    }
    if (t->tag == CT_ARRAY) {
        long long len = t->len < 0 ? 0 : t->len;
        words_put(ws, CK_LW_WORD);
        words_put(ws, off);
        words_put(ws, len);
        if (len > 0 && ct_has_lenwords(tg, t->sub, depth + 1)) {
            words_put(ws, CK_LW_REPEAT);
            words_put(ws, len);
            words_put(ws, ty_size(tg, t->sub, NULL, 0));
            words_put(ws, off + CK_LEN_WORD_SIZE);
            size_t at = ws->n;
            words_put(ws, 0);
            ct_lenword_ops(tg, ws, t->sub, 0, depth + 1);
            words_put(ws, CK_LW_END);
            ws->w[at] = (uint32_t)(ws->n - at - 1);
        }
    } else if (t->tag == CT_STRUCT) {
        for (size_t i = 0; i < t->nmembers; i++)
            if (ct_has_lenwords(tg, t->members[i], depth + 1))
                ct_lenword_ops(tg, ws, t->members[i], off + member_offset(tg, t, i), depth + 1);
    }
}

/* The call-site table (common/abi.h): an entry with a return address
 * names a site record of this object (the runtime prints its strings); one
 * without names a start-up length-word descriptor, whose every write must
 * be a length word of its object's type with the right length -- the
 * runtime writes what it says, and structure.c checked only its place and
 * size (a forged one set a pointer to the ELF header, and a function
 * pointer into a function's middle). */
static void verify_callsites(struct vctx *v)
{
    const struct tld_elf *e = v->e;
    for (size_t si = 1; si < e->nsecs; si++) {
        const struct tld_section *sec = &e->secs[si];
        if (strcmp(sec->name, CK_CALLSITES_SECTION) || !sec->data)
            continue;
        v->fname = sec->name;
        for (uint32_t off = 0; (uint64_t)off + CK_CALLSITE_SIZE <= sec->size; off += CK_CALLSITE_SIZE) {
            v->fn_failed = 0;
            v->cur = off;
            unsigned tsec, osec;
            uint64_t d, obj;
            const struct tld_sym *ty, *oy;
            int has_ret = 0;
            for (size_t k = 0; k < e->nrelocs[si]; k++)
                if (e->relocs[si][k].offset == off + CK_CALLSITE_RET)
                    has_ret = 1;
            if (!data_reloc_target(v, (unsigned)si, off + CK_CALLSITE_SITE, &tsec, &d, &ty)) {
                refuse(v, "the call-site table", "an entry whose second word names nothing");
                continue;
            }
            if (has_ret) {
                const struct tld_sym *site = object_holding(v, tsec, d, 24);
                const struct vobj *ob = site && site->bind == STB_LOCAL ? proof_obj(v, site->name) : NULL;
                if (!ob || !ob->site || site->value != d)
                    refuse(v, "the call-site table", "an entry whose site is not a site record of the object");
                continue;
            }
            const struct tld_section *ds = &e->secs[tsec];
            if (!ds->data || d + CK_LWDESC_OPS > ds->size ||
                !data_reloc_target(v, tsec, (uint32_t)d + CK_LWDESC_OBJECT, &osec, &obj, &oy)) {
                refuse(v, "the call-site table", "a length-word descriptor that names no object");
                continue;
            }
            const struct tld_sym *o = object_holding(v, osec, obj, 1);
            const struct ctype *t = o && o->value == obj ? object_type(v, o) : NULL;
            uint32_t size = ds->data[d + 4] | ds->data[d + 5] << 8 | ds->data[d + 6] << 16 |
                            (uint32_t)ds->data[d + 7] << 24;
            if (!t || size > o->size) {
                refuse(v, "the call-site table", "a length-word descriptor for no typed object of its size");
                continue;
            }
            /* the operations must be exactly those of the object's type:
             * the runtime writes what they say, however many times a
             * repetition says (so they are compared, not run here) */
            struct words ws = {0};
            ct_lenword_ops(&v->tags, &ws, t, 0, 0);
            words_put(&ws, CK_LW_END);
            int same = !ws.bad && size == (uint64_t)ty_size(&v->tags, t, NULL, 0) &&
                       d + CK_LWDESC_OPS + 4 * (uint64_t)ws.n <= ds->size;
            for (size_t k = 0; same && k < ws.n; k++) {
                const unsigned char *q = ds->data + d + CK_LWDESC_OPS + 4 * k;
                same = ws.w[k] == (uint32_t)(q[0] | q[1] << 8 | q[2] << 16 | (uint32_t)q[3] << 24);
            }
            free(ws.w);
            if (!same)
                refuse(v, "a length-word descriptor",
                       "its operations are not those that write its object's length words");
        }
    }
}

/* Is OFF of section SEC the object word of a start-up length-word
 * descriptor the call-site table names (verify_callsites checks it)? */
static int lwdesc_object_word(const struct vctx *v, unsigned sec, uint32_t off)
{
    const struct tld_elf *e = v->e;
    for (size_t si = 1; si < e->nsecs; si++) {
        const struct tld_section *cs = &e->secs[si];
        if (strcmp(cs->name, CK_CALLSITES_SECTION) || !cs->data)
            continue;
        for (uint32_t at = 0; (uint64_t)at + CK_CALLSITE_SIZE <= cs->size; at += CK_CALLSITE_SIZE) {
            unsigned tsec;
            uint64_t d;
            const struct tld_sym *ty;
            if (data_reloc_target(v, (unsigned)si, at + CK_CALLSITE_SITE, &tsec, &d, &ty) && tsec == sec &&
                d + CK_LWDESC_OBJECT == off)
                return 1;
        }
    }
    return 0;
}

/* Every relocation in static data patches one object's bytes (or names a
 * length-word descriptor's object): a word half in the padding before an
 * object and half in its length word passed the object's own check and
 * was rewritten at link time. */
static void verify_data_relocs(struct vctx *v)
{
    const struct tld_elf *e = v->e;
    for (size_t si = 1; si < e->nsecs; si++) {
        const struct tld_section *sec = &e->secs[si];
        if (!(sec->flags & SHF_ALLOC) || (sec->flags & SHF_EXECINSTR) || !strcmp(sec->name, CK_CALLSITES_SECTION))
            continue;
        v->fname = sec->name;
        for (size_t k = 0; k < e->nrelocs[si]; k++) {
            v->fn_failed = 0;
            v->cur = e->relocs[si][k].offset;
            if (!object_holding(v, (unsigned)si, e->relocs[si][k].offset, e->mach->reloc_size) &&
                !lwdesc_object_word(v, (unsigned)si, e->relocs[si][k].offset))
                refuse(v, "a relocation", "in static data but not inside one object");
        }
    }
}

static void verify_data(struct vctx *v)
{
    const struct tld_elf *e = v->e;
    verify_no_overlap(v);
    verify_data_relocs(v);
    verify_callsites(v);
    for (size_t i = 1; i < e->nsyms; i++) {
        const struct tld_sym *y = &e->syms[i];
        if (y->type != STT_OBJECT || y->shndx == SHN_UNDEF || y->shndx >= e->nsecs)
            continue;
        const struct tld_section *sec = &e->secs[y->shndx];
        v->fname = y->name;
        v->fn_failed = 0;
        v->cur = 0;
        v->curst = NULL;
        const struct vobj *ob = y->bind == STB_LOCAL ? proof_obj(v, y->name) : NULL;
        if (ob && (ob->site || ob->desc)) {
            if ((ob->site && y->size != 24) || (ob->desc && y->size != 20))
                refuse(v, "the object", "a %s of %u bytes", ob->site ? "site" : "type descriptor", y->size);
            else if (ob->site)
                verify_site(v, y);
            continue;
        }
        const struct ctype *t = object_type(v, y);
        if (!t) {
            refuse(v, "the object", "neither the block nor the proof gives its type");
            continue;
        }
        long long size = ty_size(&v->tags, t, NULL, 0);
        if (size != y->size || (uint64_t)y->value + y->size > sec->size) {
            refuse(v, "the object", "%u bytes for a type of %lld", y->size, size);
            continue;
        }
        /* relocations inside it: only on pointer cells */
        for (size_t k = 0; k < e->nrelocs[y->shndx]; k++) {
            const struct tld_reloc *r = &e->relocs[y->shndx][k];
            if (r->offset < y->value || r->offset >= y->value + y->size)
                continue;
            v->cur = r->offset - y->value;
            struct region rg = region_of(&v->tags, t, r->offset - y->value, 4);
            if (rg.k != R_PTR || r->type != e->mach->r_abs) {
                refuse(v, "the object", "a relocation on bytes that are not a pointer");
                break;
            }
        }
        if (v->fn_failed || !sec->data)
            continue; /* .bss: zeros, NULL pointers and empty length words */
        for (long long k = 0; k + 4 <= size && !v->fn_failed; k += 4) {
            struct region rg = region_of(&v->tags, t, k, 4);
            const unsigned char *b = sec->data + y->value + k;
            uint32_t w = b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24;
            v->cur = (uint32_t)k;
            if (rg.k == R_LEN && (rg.len < 0 || w != (uint32_t)rg.len)) {
                refuse(v, "the object", "a length word of %u for an array of %lld", w, rg.len);
            } else if (rg.k == R_PTR) {
                const struct tld_reloc *r = NULL;
                for (size_t q = 0; q < e->nrelocs[y->shndx]; q++)
                    if (e->relocs[y->shndx][q].offset == y->value + k)
                        r = &e->relocs[y->shndx][q];
                if (!r) {
                    if (w)
                        refuse(v, "the object", "a pointer holding the integer 0x%x", w);
                    continue;
                }
                int64_t into;
                struct val x;
                const char *why = "an address that is no function or object";
                const struct tld_sym *tg = reloc_target(v, r, (int32_t)w, &into);
                if (!tg || !address_value(v, tg, into, &x, &why) || !fits_ptr(v, &x, rg.pt, &why))
                    refuse(v, "the object", "a pointer initialised with %s", why);
            }
        }
    }
}

/* A spawn thunk's argument block: its target's parameters laid out as
 * on the stack (each rounded up to 4 bytes with plain padding), under a
 * tag no C program can spell, one per target. */
static const struct ctype *thunk_block(struct vctx *v, const struct ctype *target)
{
    static struct ctype u8 = {.tag = CT_BASE, .base = "u8"}, u16 = {.tag = CT_BASE, .base = "u16"};
    const struct ctype *ft = complete(&v->tags, unq(target, NULL));
    if (!ft || ft->tag != CT_FUNC)
        return NULL;
    struct ctype *st = synth_node(&v->proof, CT_STRUCT);
    /* named by the function's spelling: equal types, one layout */
    {
        size_t len = 0;
        FILE *f = open_memstream(&st->tagname, &len);
        fputs(ARGS_TAG, f);
        put_type(f, ft);
        fclose(f);
    }
    size_t cap = 0;
    for (size_t i = 0; i < ft->nparams; i++) {
        long long n = ty_size(&v->tags, ft->params[i], NULL, 0);
        if (n < 0)
            return NULL;
        const struct ctype *add[3] = {ft->params[i], NULL, NULL};
        int pad = (int)((4 - n % 4) % 4);
        if (pad == 1)
            add[1] = &u8;
        else if (pad == 2)
            add[1] = &u16;
        else if (pad == 3)
            add[1] = &u8, add[2] = &u16;
        for (int k = 0; k < 3 && add[k]; k++) {
            if (st->nmembers == cap) {
                cap = cap ? 2 * cap : 8;
                st->members = xrealloc(st->members, cap * sizeof *st->members);
                st->mnames = xrealloc(st->mnames, cap * sizeof *st->mnames);
            }
            st->mnames[st->nmembers] = NULL;
            st->members[st->nmembers++] = (struct ctype *)add[k];
        }
    }
    return st;
}

int tld_verify_object(struct tld_obj *o)
{
    struct vctx v = {.o = o, .e = &o->elf, .proving = prover != NULL};
    const struct tld_section *ps = tld_elf_section(&o->elf, ".cuckoo.proof");
    if (!ps || !ps->data) {
        tld_error(o->name, "no .cuckoo.proof section: its code cannot be checked (compile it with this cuckoo-cc)");
        return 1;
    }
    char *err = NULL;
    if (parse_proof(&v.proof, (const char *)ps->data, ps->size, &err)) {
        tld_error(o->name, "malformed .cuckoo.proof: %s", err);
        free(err);
        free_proof(&v.proof);
        return 1;
    }
    int tags_bad = 0;
    if (o->nblocks)
        for (size_t i = 0; i < o->blocks[0].nrecs; i++) {
            note_block_tags(&v.tags, o->blocks[0].recs[i].ct, 0);
            tags_bad |= add_tags(&v.tags, o->blocks[0].recs[i].ct, 0);
        }
    if (tags_bad) {
        tld_error(o->name, "malformed .cuckoo.proof: '%s' is spelt in two ways (a tag has one layout)", v.tags.conflict);
        v.errors++;
    }
    for (size_t i = 0; i < v.proof.nowned && !tags_bad; i++) {
        int why = proof_type_tags(&v.tags, v.proof.owned[i]);
        if (why == 1)
            tld_error(o->name, "malformed .cuckoo.proof: '%s' is spelt in two ways (a tag has one layout)",
                      v.tags.conflict);
        else if (why == 2)
            tld_error(o->name,
                      "malformed .cuckoo.proof: '%s' is spelt in full, but the block names it only incomplete "
                      "(its layout is the program's, which the block does not give)",
                      v.tags.conflict);
        if (why) {
            v.errors++;
            tags_bad = 1;
        }
    }
    /* spawn thunks: f(i32;p(k(BLOCK))) with the block of their target */
    for (size_t i = 0; i < v.proof.nfns; i++) {
        struct vfunc_proof *fp = &v.proof.fns[i];
        if (!fp->thunk)
            continue;
        const struct vfunc_proof *tp = proof_fn(&v, fp->thunk);
        const struct ctype *blk = tp ? thunk_block(&v, tp->t) : NULL;
        if (!blk) {
            tld_error(o->name, "malformed .cuckoo.proof: thunk '%s' calls '%s', which has no function record",
                      fp->name, fp->thunk);
            v.errors++;
            continue;
        }
        fp->args = blk;
        struct ctype *k = synth_node(&v.proof, CT_CONST);
        k->sub = (struct ctype *)blk;
        struct ctype *pt = synth_node(&v.proof, CT_GPTR);
        pt->sub = k;
        struct ctype *ft = synth_node(&v.proof, CT_FUNC);
        ft->sub = (struct ctype *)unq(fp->t, NULL)->sub;
        ft->params = xmalloc(sizeof *ft->params);
        ft->params[0] = pt;
        ft->nparams = 1;
        fp->t = ft;
    }
    for (size_t i = 1; i < o->elf.nsyms; i++) {
        const struct tld_sym *y = &o->elf.syms[i];
        if (y->type != STT_FUNC || y->shndx == SHN_UNDEF || y->shndx >= o->elf.nsecs || !o->elf.secs[y->shndx].data)
            continue;
        if (!(o->elf.secs[y->shndx].flags & SHF_EXECINSTR))
            continue;
        verify_fn(&v, y);
    }
    verify_data(&v);
    for (size_t i = 0; i < v.tags.m.cap; i++)
        if (v.tags.m.keys && v.tags.m.keys[i])
            free((char *)v.tags.m.keys[i]);
    tld_map_free(&v.tags.m);
    free(v.tags.conflict);
    for (size_t i = 0; i < v.tags.block.cap; i++)
        if (v.tags.block.keys && v.tags.block.keys[i])
            free((char *)v.tags.block.keys[i]);
    tld_map_free(&v.tags.block);
    for (size_t i = 0; i < v.descs.cap; i++)
        if (v.descs.keys && v.descs.keys[i])
            free((char *)v.descs.keys[i]);
    tld_map_free(&v.descs);
    free_proof(&v.proof);
    return v.errors;
}

/* Is LINE (without its newline) a record of the states at branch targets? */
static int state_record(const char *line, size_t n)
{
    static const char *const kw[] = {"targets ", "at ", "reg ", "cell ", "fact ", "init "};
    for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
        if (n >= strlen(kw[i]) && !strncmp(line, kw[i], strlen(kw[i])))
            return 1;
    return n == 5 && !strncmp(line, "nodom", 5);
}

char *tld_prove_states(struct tld_obj *o)
{
    const struct tld_section *ps = tld_elf_section(&o->elf, ".cuckoo.proof");
    if (!ps || !ps->data)
        return NULL;
    {
        /* a proof that does not parse is left as it is: cuckoo-ld says why */
        struct vproof tp = {0};
        char *err = NULL;
        int bad = parse_proof(&tp, (const char *)ps->data, ps->size, &err);
        free(err);
        free_proof(&tp);
        if (bad)
            return NULL;
    }
    struct vprover pv = {0};
    prover = &pv;
    tld_verify_object(o);
    prover = NULL;
    /* the proof as it was, its old states dropped, each proved function's
     * states before its "end" */
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    const char *text = (const char *)ps->data;
    size_t len = ps->size, pos = 0;
    while (len && !text[len - 1])
        len--;
    const char *fn = NULL;
    size_t fnlen = 0;
    while (pos < len) {
        size_t e = pos;
        while (e < len && text[e] != '\n')
            e++;
        const char *ln = text + pos;
        size_t n = e - pos;
        pos = e + 1;
        if (n > 5 && !strncmp(ln, "func ", 5)) {
            fn = ln + 5;
            fnlen = 0;
            while (fn + fnlen < ln + n && fn[fnlen] != ' ')
                fnlen++;
        } else if (n == 3 && !strncmp(ln, "end", 3) && fn) {
            for (size_t i = 0; i < pv.n; i++)
                if (strlen(pv.name[i]) == fnlen && !strncmp(pv.name[i], fn, fnlen))
                    fputs(pv.text[i], f);
            fn = NULL;
        } else if (state_record(ln, n)) {
            continue;
        }
        fwrite(ln, 1, n, f);
        fputc('\n', f);
    }
    fclose(f);
    for (size_t i = 0; i < pv.n; i++) {
        free(pv.name[i]);
        free(pv.text[i]);
    }
    free(pv.name);
    free(pv.text);
    return out;
}

/* structure.c -- the structural rules of "Verified code" (TOOLCHAIN.md):
 * which sections, symbols and relocations a Cuckoo object may have, and
 * where its relocations may point.
 *
 * These rules believe nothing the block says.  They close the ways in that
 * live beside the code rather than in it: a section GNU ld would place in
 * executable memory or run at start-up (.init, .gnu.linkonce.t.*,
 * .preinit_array, ...), a symbol ld resolves by name although the block
 * rules skip it (a global STT_SECTION or STT_FILE, an IFUNC), and a
 * relocation that makes a code address other than a function's entry or
 * rewrites bytes that were audited as instructions.  The rules are written
 * out in doc/linker.md ("Structural rules").
 */
#include "config.h"
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tld.h"

struct sctx {
    const struct tld_obj *o;
    const struct tld_elf *e;
    int errors;
    const struct tld_sym **funcs; /* the STT_FUNC symbols, by section and address */
    size_t nfuncs;
};

/* One structural error of the object C checks. */
#define serr(c, ...) (tld_error((c)->o->name, __VA_ARGS__), (c)->errors++)

static int starts(const char *s, const char *prefix) { return !strncmp(s, prefix, strlen(prefix)); }

/* The kinds of allocated section a Cuckoo object may have. */
enum skind { SK_OTHER, SK_TEXT, SK_DATA, SK_RODATA, SK_BSS, SK_CALLSITES, SK_NOALLOC };

/* Is section S one of the allow-list, with the type and flags that name
 * implies?  Returns its kind, or -1 with *why set. */
static int section_kind(const struct tld_section *s, const char **why)
{
    uint32_t f = s->flags & ~(uint32_t)(SHF_INFO_LINK);
    const char *n = s->name;
    *why = NULL;
    if (f & (SHF_TLS | SHF_GROUP | SHF_OS_NONCONFORMING | SHF_LINK_ORDER)) {
        *why = "it is thread-local, in a group or has OS-specific flags";
        return -1;
    }
    if (!strcmp(n, ".text")) {
        if (s->type == SHT_PROGBITS && f == (SHF_ALLOC | SHF_EXECINSTR))
            return SK_TEXT;
    } else if (!strcmp(n, ".data")) {
        if (s->type == SHT_PROGBITS && f == (SHF_ALLOC | SHF_WRITE))
            return SK_DATA;
    } else if (!strcmp(n, ".rodata") || starts(n, ".rodata.")) {
        /* never mergeable (SHF_MERGE, SHF_STRINGS): GNU ld would split
         * such a section into pieces, drop duplicates and move symbols
         * to where their first piece lands -- the bytes loaded would not
         * be the bytes checked (a length word, a format string) */
        if (s->type == SHT_PROGBITS && f == SHF_ALLOC)
            return SK_RODATA;
        if (f & (SHF_MERGE | SHF_STRINGS)) {
            *why = "it is mergeable: the linker would rearrange its bytes after they were checked";
            return -1;
        }
    } else if (!strcmp(n, ".bss")) {
        if (s->type == SHT_NOBITS && f == (SHF_ALLOC | SHF_WRITE))
            return SK_BSS;
    } else if (!strcmp(n, CK_CALLSITES_SECTION)) {
        /* the runtime's table of runtime-function call sites (doc/abi.md):
         * read-only data it only compares and reads, never jumps through */
        if (s->type == SHT_PROGBITS && f == SHF_ALLOC)
            return SK_CALLSITES;
    } else if (!strcmp(n, ".cuckoo.types") || !strcmp(n, ".cuckoo.proof") || !strcmp(n, ".comment") ||
               starts(n, ".debug_")) {
        if (s->type == SHT_PROGBITS && !(f & (SHF_ALLOC | SHF_WRITE | SHF_EXECINSTR)))
            return SK_NOALLOC;
    } else if (!strcmp(n, ".note.GNU-stack")) {
        /* flags other than none would ask for an executable stack */
        if (s->type == SHT_PROGBITS && f == 0 && s->size == 0)
            return SK_NOALLOC;
    } else if (!strcmp(n, ".symtab")) {
        if (s->type == SHT_SYMTAB && !(f & SHF_ALLOC))
            return SK_OTHER;
    } else if (!strcmp(n, ".strtab") || !strcmp(n, ".shstrtab")) {
        if (s->type == SHT_STRTAB && !(f & SHF_ALLOC))
            return SK_OTHER;
    } else if (starts(n, ".rel")) {
        if (s->type == SHT_REL && !(f & SHF_ALLOC))
            return SK_OTHER;
        *why = "it is not a REL relocation section";
        return -1;
    } else {
        *why = NULL;
        return -1;
    }
    *why = "its type or flags are not those of a section of that name";
    return -1;
}

static uint32_t rd32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

static int func_cmp(const void *pa, const void *pb)
{
    const struct tld_sym *a = *(const struct tld_sym *const *)pa, *b = *(const struct tld_sym *const *)pb;
    if (a->shndx != b->shndx)
        return a->shndx < b->shndx ? -1 : 1;
    return a->value < b->value ? -1 : a->value > b->value;
}

/* The function (STT_FUNC symbol) of section SEC that starts last at or
 * before OFF, or NULL: a binary search, since every relocation asks. */
static const struct tld_sym *function_before(const struct sctx *c, unsigned sec, uint32_t off)
{
    size_t lo = 0, hi = c->nfuncs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct tld_sym *y = c->funcs[mid];
        if (y->shndx < sec || (y->shndx == sec && y->value <= off))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && c->funcs[lo - 1]->shndx == sec ? c->funcs[lo - 1] : NULL;
}

/* Is OFF the entry of a function of section SEC? */
static int is_function_entry(const struct sctx *c, unsigned sec, uint32_t off)
{
    const struct tld_sym *y = function_before(c, sec, off);
    return y && y->value == off;
}

/* The function of section SEC whose extent holds OFF, or NULL. */
static const struct tld_sym *function_at(const struct sctx *c, unsigned sec, uint32_t off)
{
    const struct tld_sym *y = function_before(c, sec, off);
    return y && off - y->value < y->size ? y : NULL;
}

static void check_symbols(struct sctx *c, const int *kind)
{
    const struct tld_elf *e = c->e;
    for (size_t i = 1; i < e->nsyms; i++) {
        const struct tld_sym *y = &e->syms[i];
        const char *n = *y->name ? y->name : "(unnamed)";
        if (y->bind == STB_LOCAL && (y->type == STT_SECTION || y->type == STT_FILE)) {
            if (y->type == STT_SECTION && y->shndx == SHN_UNDEF)
                serr(c, "symbol %zu is an undefined section symbol", i);
            continue;
        }
        switch (y->type) {
        case STT_NOTYPE:
        case STT_FUNC:
        case STT_OBJECT:
            break;
        case STT_TLS:
            /* only the reference to the runtime's stack limit (abi.md) */
            if (y->shndx == SHN_UNDEF && y->bind == STB_GLOBAL)
                break;
            /* fall through */
        default:
            serr(c, "symbol '%s' has a type that is not allowed in a Cuckoo object (%s%s)", n,
                 y->bind == STB_LOCAL ? "local " : "",
                 y->type == STT_SECTION ? "section"
                 : y->type == STT_FILE  ? "file"
                 : y->type == STT_GNU_IFUNC ? "indirect function"
                 : y->type == STT_TLS   ? "thread-local"
                 : y->type == STT_COMMON ? "common" : "unknown");
            continue;
        }
        if (strchr(y->name, '@'))
            serr(c, "symbol '%s' is versioned", n);
        /* the names a store check compares with (common/abi.h): cuckoo-ld
         * and the runtime define them, no object may */
        if (y->shndx != SHN_UNDEF && (!strcmp(y->name, CK_STATIC_START_SYM) || !strcmp(y->name, CK_STATIC_END_SYM) ||
                                      !strcmp(y->name, c->e->mach->domain_flag_sym)))
            serr(c, "symbol '%s' is defined: only cuckoo-ld and the runtime define it", n);
        /* the names cuckoo-ld's one --wrap=main gives GNU ld (runld.c): a
         * reference to __real_main binds to main, one to main to the
         * runtime's __wrap_main -- a call checked against one name's type
         * would reach another function */
        if (y->bind != STB_LOCAL &&
            (!strcmp(y->name, "main") || !strcmp(y->name, "__real_main") || !strcmp(y->name, "__wrap_main")))
            serr(c, "symbol '%s' is %s: cuckoo-ld's --wrap=main gives that name to the C library's start-up "
                    "(a Cuckoo program's main is __cuckoo_main)",
                 n, y->shndx == SHN_UNDEF ? "referenced" : "defined");
        if (y->bind != STB_LOCAL && y->bind != STB_GLOBAL)
            serr(c, "symbol '%s' is weak or has another binding than local or global", n);
        /* default visibility only: a hidden definition never reaches the
         * program's dynamic symbols, where the C library's names are
         * refused (tld_check_exports), yet GNU ld binds crt1's and
         * libgcc's references to it -- a hidden __libc_start_main was
         * called by the C start-up with a code pointer for a struct */
        if (y->bind != STB_LOCAL && y->vis != STV_DEFAULT)
            serr(c, "symbol '%s' has a visibility other than default (hidden, internal or protected)", n);
        if (y->shndx == SHN_ABS && y->type != STT_FILE)
            serr(c, "symbol '%s' is absolute", n);
        if (y->shndx == SHN_COMMON)
            serr(c, "symbol '%s' is common", n);
        if (y->shndx != SHN_UNDEF && y->shndx < SHN_LORESERVE) {
            if (y->shndx >= e->nsecs || kind[y->shndx] < 0) {
                serr(c, "symbol '%s' is defined in a section that is not allowed", n);
                continue;
            }
            int k = kind[y->shndx];
            if (y->type == STT_FUNC && k != SK_TEXT)
                serr(c, "function '%s' is not in .text", n);
            if (y->type == STT_OBJECT && k != SK_DATA && k != SK_RODATA && k != SK_BSS)
                serr(c, "data object '%s' is not in .data, .rodata or .bss", n);
            if (y->type == STT_NOTYPE && y->bind != STB_LOCAL)
                serr(c, "global symbol '%s' has no type", n);
            if ((k == SK_DATA || k == SK_RODATA || k == SK_BSS) &&
                ((uint64_t)y->value + y->size > e->secs[y->shndx].size))
                serr(c, "object '%s' runs past the end of its section", n);
        } else if (y->shndx >= SHN_LORESERVE && y->shndx != SHN_ABS && y->shndx != SHN_COMMON) {
            serr(c, "symbol '%s' is in a reserved section index", n);
        }
    }
}

static int offset_cmp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* No two relocations of section SEC patch one byte: the GNU linker
 * applies each, adding their values in the field, while every reader
 * here (the checker's calls, the branch and data rules) takes one -- a
 * call of h and a second relocation against another symbol made a call
 * into the middle of h. */
static void check_reloc_overlap(struct sctx *c, unsigned sec)
{
    const struct tld_elf *e = c->e;
    size_t n = e->nrelocs[sec];
    if (n < 2)
        return;
    uint32_t *at = xmalloc(n * sizeof *at);
    for (size_t k = 0; k < n; k++)
        at[k] = e->relocs[sec][k].offset;
    qsort(at, n, sizeof *at, offset_cmp);
    for (size_t k = 1; k < n; k++)
        if ((uint64_t)at[k - 1] + e->mach->reloc_size > at[k]) {
            serr(c, "two relocations patch %s+0x%x: the linker would add them up", e->secs[sec].name, at[k]);
            break;
        }
    free(at);
}

/* Where relocation R of section SEC may point. */
static void check_reloc(struct sctx *c, const int *kind, unsigned sec, const struct tld_reloc *r)
{
    const struct tld_elf *e = c->e;
    const struct tld_section *s = &e->secs[sec];
    int k = kind[sec];
    if (r->sym == 0 || r->sym >= e->nsyms) {
        serr(c, "relocation at %s+0x%x has no symbol", s->name, r->offset);
        return;
    }
    const struct tld_sym *y = &e->syms[r->sym];
    const char *yn = *y->name ? y->name : "(unnamed)";
    const struct ck_machine *m = e->mach;
    if ((uint64_t)r->offset + m->reloc_size > s->size || !s->data) {
        serr(c, "relocation at %s+0x%x is outside its section", s->name, r->offset);
        return;
    }
    int32_t addend = (int32_t)rd32(s->data + r->offset);
    if (k == SK_NOALLOC) {
        /* debugging information, never loaded: only its own kind */
        if (r->type != m->r_abs && r->type != m->r_pc)
            serr(c, "relocation of type %u in %s", r->type, s->name);
        return;
    }
    /* -- its type and position -- */
    if (y->type == STT_TLS || !strcmp(y->name, m->stack_limit_sym) || !strcmp(y->name, m->domain_flag_sym)) {
        /* the stack limit is read by the stack check alone, the domain
         * flag by store checks (verify.c), never written */
        if (r->type != m->r_tls_le || (strcmp(y->name, m->stack_limit_sym) && strcmp(y->name, m->domain_flag_sym)))
            serr(c, "relocation at %s+0x%x reaches the thread-local '%s' other than through the "
                    "stack check or a domain check", s->name, r->offset, yn);
        else if (k != SK_TEXT || y->shndx != SHN_UNDEF)
            serr(c, "thread-local relocation at %s+0x%x other than the stack check's or a domain check's",
                 s->name, r->offset);
        return;
    }
    if (!strcmp(y->name, CK_STATIC_START_SYM) || !strcmp(y->name, CK_STATIC_END_SYM)) {
        /* an immediate a store check compares with (verify.c knows it as
         * no object's address) */
        if (r->type != m->r_abs || k != SK_TEXT || y->shndx != SHN_UNDEF || addend != 0)
            serr(c, "relocation at %s+0x%x reaches '%s' other than as a store check's bound", s->name,
                 r->offset, yn);
        else if (!function_at(c, sec, r->offset))
            serr(c, "relocation at %s+0x%x is outside every function", s->name, r->offset);
        return;
    }
    int pcrel = 0;
    if (r->type == m->r_abs) {
        ;
    } else if (r->type == m->r_pc || r->type == m->r_plt) {
        if (k != SK_TEXT) {
            serr(c, "PC-relative relocation at %s+0x%x outside code", s->name, r->offset);
            return;
        }
        pcrel = 1;
    } else if (r->type == m->r_tls_le) {
        if (k != SK_TEXT || y->shndx != SHN_UNDEF ||
            (strcmp(y->name, m->stack_limit_sym) && strcmp(y->name, m->domain_flag_sym))) {
            serr(c, "thread-local relocation at %s+0x%x other than the stack check's", s->name, r->offset);
            return;
        }
        return;                     /* its place is checked with the stack check (discipline.c) */
    } else {
        serr(c, "relocation of type %u at %s+0x%x is not allowed", r->type, s->name, r->offset);
        return;
    }
    if (k == SK_TEXT) {
        if (!function_at(c, sec, r->offset) || !function_at(c, sec, r->offset + m->reloc_size - 1))
            serr(c, "relocation at %s+0x%x is outside every function: it would rewrite bytes that "
                    "are not audited as instructions", s->name, r->offset);
    } else if (r->offset % m->reloc_size) {
        serr(c, "relocation at %s+0x%x is not on an aligned data word", s->name, r->offset);
        return;
    }
    /* -- its target -- */
    if (y->shndx == SHN_UNDEF) {
        /* resolved by name at link time: a branch or a function's address
         * is its entry exactly; an offset into another object's data must
         * at least start inside it (its size is known only once resolved) */
        int data = 0;
        if (c->o->nblocks)
            for (size_t i = 0; i < c->o->blocks[0].nrecs; i++)
                if (!strcmp(c->o->blocks[0].recs[i].name, y->name))
                    data = c->o->blocks[0].recs[i].kind == TLD_DATA;
        if (pcrel || !data) {
            if (addend != (pcrel ? -(int32_t)m->reloc_size : 0))
                serr(c, "relocation at %s+0x%x points to %s%+d, which is not the entry of a function",
                     s->name, r->offset, yn, (int)addend + (pcrel ? (int)m->reloc_size : 0));
        } else if (addend < 0) {
            serr(c, "relocation at %s+0x%x points before the start of '%s'", s->name, r->offset, yn);
        }
        return;
    }
    if (y->shndx >= e->nsecs) {
        serr(c, "relocation at %s+0x%x points to a symbol outside every section", s->name, r->offset);
        return;
    }
    int tk = kind[y->shndx];
    /* the address the relocated field designates (a PC-relative field
     * ends its instruction: the CPU adds the field's end, 4 bytes on) */
    int64_t target = (int64_t)y->value + addend + (pcrel ? m->reloc_size : 0);
    const struct tld_section *ts = &e->secs[y->shndx];
    if (tk != SK_TEXT && tk != SK_DATA && tk != SK_RODATA && tk != SK_BSS) {
        serr(c, "relocation at %s+0x%x points into %s, which is not loaded code or data", s->name,
             r->offset, ts->name);
        return;
    }
    if (target < 0 || target > ts->size) {
        serr(c, "relocation at %s+0x%x points to %s+0x%llx, outside that section", s->name, r->offset,
             ts->name, (long long)target);
        return;
    }
    if (tk == SK_TEXT) {
        if (pcrel && y->shndx == sec) {
            const struct tld_sym *from = function_at(c, sec, r->offset);
            if (from && target >= from->value && target < (int64_t)from->value + from->size)
                return;             /* a branch inside its function: discipline.c checks it lands
                                       on an instruction boundary */
        }
        if (k == SK_CALLSITES && r->offset % 8 == 0) {
            /* a return address, only ever compared with one */
            if (!function_at(c, y->shndx, (uint32_t)target))
                serr(c, "call-site entry at %s+0x%x points outside every function", s->name, r->offset);
            return;
        }
        if (!is_function_entry(c, y->shndx, (uint32_t)target))
            serr(c, "relocation at %s+0x%x points to %s+0x%llx, which is not the entry of a function",
                 s->name, r->offset, ts->name, (long long)target);
        return;
    }
    if (k == SK_CALLSITES && r->offset % 8 == 0)
        serr(c, "call-site entry at %s+0x%x is not a code address", s->name, r->offset);
    if (y->type == STT_OBJECT && (addend < 0 || (uint32_t)addend > y->size))
        serr(c, "relocation at %s+0x%x points to %s%+d, outside that object", s->name, r->offset, yn,
             (int)addend);
}

/* The relocation of section SEC at OFF, or NULL. */
static const struct tld_reloc *reloc_at(const struct tld_elf *e, size_t sec, uint32_t off)
{
    for (size_t k = 0; k < e->nrelocs[sec]; k++)
        if (e->relocs[sec][k].offset == off)
            return &e->relocs[sec][k];
    return NULL;
}

/* The address, section and symbol a data relocation R of section SEC
 * designates (its symbol's value plus the addend in place); 0 if none. */
static int reloc_target(const struct tld_elf *e, size_t sec, const struct tld_reloc *r, unsigned *tsec,
                        uint32_t *target)
{
    const struct tld_section *s = &e->secs[sec];
    if (!r || r->type != e->mach->r_abs || r->sym == 0 || r->sym >= e->nsyms || !s->data ||
        (uint64_t)r->offset + 4 > s->size)
        return 0;
    const struct tld_sym *y = &e->syms[r->sym];
    if (y->shndx == SHN_UNDEF || y->shndx >= e->nsecs)
        return 0;
    *tsec = y->shndx;
    *target = y->value + rd32(s->data + r->offset);
    return 1;
}

/* The entries of __cuckoo_callsites whose return address is 0 name
 * descriptors from which the start-up code writes length words into a
 * .bss object (doc/abi.md "Length words written at start-up").  The
 * runtime keeps every write inside the size the descriptor states; here
 * that size is proved to be no more than the object's own, and the
 * descriptor to name the start of an object of this file. */
static void check_startup_descriptors(struct sctx *c, const int *kind)
{
    const struct tld_elf *e = c->e;
    for (size_t s = 1; s < e->nsecs; s++) {
        const struct tld_section *sec = &e->secs[s];
        if (kind[s] != SK_CALLSITES || !sec->data)
            continue;
        /* entries whose return-address word has no relocation and is 0 */
        const uint32_t esz = CK_CALLSITE_SIZE;
        unsigned char *has_reloc = xcalloc(sec->size / esz + 1, 1);
        for (size_t k = 0; k < e->nrelocs[s]; k++) {
            uint32_t ro = e->relocs[s][k].offset;
            if (ro % esz == CK_CALLSITE_RET && ro / esz < sec->size / esz + 1)
                has_reloc[ro / esz] = 1;
        }
        for (uint32_t off = 0; (uint64_t)off + esz <= sec->size; off += esz) {
            if (has_reloc[off / esz] || rd32(sec->data + off + CK_CALLSITE_RET) != 0)
                continue;
            unsigned dsec, osec;
            uint32_t d, obj;
            if (!reloc_target(e, s, reloc_at(e, s, off + CK_CALLSITE_SITE), &dsec, &d) ||
                kind[dsec] != SK_RODATA || !e->secs[dsec].data ||
                (uint64_t)d + CK_LWDESC_OPS > e->secs[dsec].size) {
                serr(c, "call-site entry at %s+0x%x has no return address and no length-word "
                     "descriptor in .rodata", sec->name, off);
                continue;
            }
            if (!reloc_target(e, dsec, reloc_at(e, dsec, d + CK_LWDESC_OBJECT), &osec, &obj) ||
                (kind[osec] != SK_BSS && kind[osec] != SK_DATA)) {
                serr(c, "length-word descriptor at %s+0x%x names no writable object", e->secs[dsec].name, d);
                continue;
            }
            const struct tld_sym *o = NULL;
            for (size_t y = 1; y < e->nsyms && !o; y++)
                if (e->syms[y].shndx == osec && e->syms[y].type == STT_OBJECT && e->syms[y].value == obj)
                    o = &e->syms[y];
            uint32_t size = rd32(e->secs[dsec].data + d + CK_LWDESC_SIZE);
            if (!o || size > o->size)
                serr(c, "length-word descriptor at %s+0x%x covers %u bytes, more than the object it "
                     "names (%s, %u bytes)", e->secs[dsec].name, d, size, o ? o->name : "none",
                     o ? o->size : 0);
        }
        free(has_reloc);
    }
}

int tld_check_structure(struct tld_obj *o)
{
    struct sctx c = {.o = o, .e = &o->elf};
    const struct tld_elf *e = &o->elf;
    c.funcs = xcalloc(e->nsyms ? e->nsyms : 1, sizeof *c.funcs);
    for (size_t i = 1; i < e->nsyms; i++)
        if (e->syms[i].type == STT_FUNC && e->syms[i].shndx != SHN_UNDEF)
            c.funcs[c.nfuncs++] = &e->syms[i];
    qsort(c.funcs, c.nfuncs, sizeof *c.funcs, func_cmp);
    int *kind = xcalloc(e->nsecs ? e->nsecs : 1, sizeof *kind);
    for (size_t i = 1; i < e->nsecs; i++) {
        const char *why;
        kind[i] = section_kind(&e->secs[i], &why);
        if (kind[i] < 0)
            serr(&c, "section '%s' is not allowed in a Cuckoo object%s%s", e->secs[i].name,
                 why ? ": " : "", why ? why : "");
    }
    for (size_t i = 1; i < e->nsecs; i++) {
        if (e->secs[i].type != SHT_REL && e->secs[i].type != SHT_RELA)
            continue;
        uint32_t to = e->secs[i].info;
        if (to == 0 || to >= e->nsecs || kind[to] < 0 || kind[to] == SK_OTHER)
            serr(&c, "relocation section '%s' applies to a section that cannot be relocated",
                 e->secs[i].name);
    }
    check_symbols(&c, kind);
    for (size_t s = 1; s < e->nsecs; s++) {
        if (kind[s] < 0)
            continue;
        for (size_t k = 0; k < e->nrelocs[s]; k++)
            check_reloc(&c, kind, (unsigned)s, &e->relocs[s][k]);
        check_reloc_overlap(&c, (unsigned)s);
    }
    check_startup_descriptors(&c, kind);
    free(kind);
    free(c.funcs);
    return c.errors;
}

/* An offset into another object's data, proved against that object's
 * size once the link says which object defines it: a Cuckoo object's
 * `gvar+8` must stay inside the gvar that another Cuckoo object defines
 * (and a reference into the runtime's data is to its start). */
int tld_check_data_offsets(const struct tld_link *l)
{
    struct tld_map defs = {0};
    int errors = 0;
    for (size_t i = 0; i < l->nfiles; i++)
        for (size_t k = 0; k < l->files[i]->nobjs; k++) {
            const struct tld_obj *o = l->files[i]->objs[k];
            if (!o->loaded || o->cls == TLD_TRUSTED)
                continue;
            for (size_t s = 1; s < o->elf.nsyms; s++) {
                const struct tld_sym *y = &o->elf.syms[s];
                if (y->shndx != SHN_UNDEF && y->bind == STB_GLOBAL && *y->name)
                    tld_map_put(&defs, y->name, (void *)y);
            }
        }
    for (size_t i = 0; i < l->nfiles; i++)
        for (size_t k = 0; k < l->files[i]->nobjs; k++) {
            const struct tld_obj *o = l->files[i]->objs[k];
            if (!o->loaded || o->cls != TLD_CUCKOO)
                continue;
            const struct tld_elf *e = &o->elf;
            for (size_t s = 1; s < e->nsecs; s++) {
                const struct tld_section *sec = &e->secs[s];
                if (!(sec->flags & SHF_ALLOC) || !sec->data)
                    continue;
                for (size_t r = 0; r < e->nrelocs[s]; r++) {
                    const struct tld_reloc *rl = &e->relocs[s][r];
                    if (rl->type != e->mach->r_abs || rl->sym >= e->nsyms ||
                        (uint64_t)rl->offset + 4 > sec->size)
                        continue;
                    const struct tld_sym *y = &e->syms[rl->sym];
                    if (y->shndx != SHN_UNDEF)
                        continue;
                    int32_t addend = (int32_t)rd32(sec->data + rl->offset);
                    if (addend == 0)
                        continue;
                    const struct tld_sym *d = tld_map_get(&defs, y->name);
                    if (!d || d->type != STT_OBJECT || addend < 0 || (uint32_t)addend > d->size) {
                        tld_error(o->name, "relocation at %s+0x%x points to %s%+d, outside the object "
                                  "that defines it (%u bytes)", sec->name, rl->offset, y->name,
                                  (int)addend, d ? d->size : 0);
                        errors++;
                    }
                }
            }
        }
    tld_map_free(&defs);
    return errors;
}

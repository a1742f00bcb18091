/* resolve.c -- which archive members the link pulls in, and rule 4: every
 * ref meets exactly one def of an equal type.
 *
 * Members are selected like the GNU linker selects them, but over all
 * archives at once: repeat until no member defines a symbol that is still
 * undefined.  The members chosen are then the only ones audited and the
 * only ones handed to the GNU linker (runld.c extracts them), so what ld
 * links is exactly what was checked, whatever ld's own archive rules.
 */
#include "config.h"
#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include "tld.h"

static void define_syms(struct tld_obj *o, struct tld_map *defined)
{
    for (size_t i = 1; i < o->elf.nsyms; i++)
        if (tld_sym_is_global_def(&o->elf.syms[i]) && !tld_map_get(defined, o->elf.syms[i].name))
            tld_map_put(defined, o->elf.syms[i].name, o);
}

static void load(struct tld_obj *o, struct tld_map *defined)
{
    o->loaded = 1;
    define_syms(o, defined);
    tld_vlog("loading %s%s", o->name,
             o->cls == TLD_RUNTIME ? " (the Cuckoo runtime)" : o->cls == TLD_TRUSTED ? " (trusted)" : "");
}

void tld_select_members(struct tld_link *l)
{
    struct tld_map defined = {0};
    for (size_t i = 0; i < l->nfiles; i++) {
        struct tld_file *f = l->files[i];
        for (size_t k = 0; k < f->nobjs; k++)
            /* objects always; the runtime's interface block always */
            if (!f->is_archive || (f->cls == TLD_RUNTIME && f->objs[k]->has_types))
                load(f->objs[k], &defined);
    }
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < l->nfiles; i++) {
            struct tld_file *f = l->files[i];
            if (!f->is_archive)
                continue;
            for (size_t k = 0; k < f->nobjs; k++) {
                struct tld_obj *m = f->objs[k];
                if (m->loaded)
                    continue;
                const char *why = NULL;
                for (size_t s = 1; s < m->elf.nsyms && !why; s++) {
                    const struct tld_sym *y = &m->elf.syms[s];
                    if (!tld_sym_is_global_def(y) || tld_map_get(&defined, y->name))
                        continue;
                    /* is it undefined in some loaded object? */
                    for (size_t fi = 0; fi < l->nfiles && !why; fi++)
                        for (size_t oi = 0; oi < l->files[fi]->nobjs && !why; oi++) {
                            const struct tld_obj *o = l->files[fi]->objs[oi];
                            if (!o->loaded)
                                continue;
                            for (size_t u = 1; u < o->elf.nsyms; u++)
                                if (tld_sym_is_undef(&o->elf.syms[u]) && o->elf.syms[u].bind != STB_LOCAL &&
                                    !strcmp(o->elf.syms[u].name, y->name)) {
                                    why = y->name;
                                    break;
                                }
                        }
                }
                if (why) {
                    tld_vlog("pulling %s from its archive for '%s'", m->name, why);
                    load(m, &defined);
                    changed = 1;
                }
            }
        }
    }
    tld_map_free(&defined);
}

/* ---- rule 4 ---- */

struct owner {
    const char *name;        /* main.o, or "the Cuckoo runtime" */
    const struct tld_block *b;
    int is_runtime;
};
struct def {
    const struct owner *ow;
    const struct tld_rec *rec;
    const char *trusted;     /* a --trust'ed file's name instead */
};

static const char *kind_word(enum tld_kind k)
{
    return k == TLD_FUNC ? "a function" : k == TLD_DATA ? "data" : "thread-local data";
}

static char *as_c(const struct tld_rec *r)
{
    char *s = ctype_render(r->ct, r->name);
    if (r->kind == TLD_TLS) {
        char *t = xasprintf("_Thread_local %s", s);
        free(s);
        return t;
    }
    return s;
}

static int check_ref(const struct owner *ow, const struct tld_rec *r, const struct def *d)
{
    if (d->trusted)
        return 0;
    if (d->rec->kind != r->kind) {
        char *a = as_c(r), *b = as_c(d->rec);
        tld_error(NULL, "'%s' is referenced as %s but defined as %s\n>>> referenced by %s as %s\n"
                  ">>> defined in %s as %s", r->name, kind_word(r->kind), kind_word(d->rec->kind),
                  ow->name, a, d->ow->name, b);
        free(a);
        free(b);
        return 1;
    }
    if (ctype_agree(r->type, r->ct, d->rec->type, d->rec->ct, r->kind != TLD_FUNC))
        return 0;
    char *a = as_c(r), *b = as_c(d->rec);
    if (strcmp(a, b))
        tld_error(NULL, "type mismatch for '%s'\n>>> referenced by %s as %s\n>>> defined in %s as %s",
                  r->name, ow->name, a, d->ow->name, b);
    else
        tld_error(NULL, "type mismatch for '%s'\n>>> referenced by %s as %s\n>>>   canonical %s\n"
                  ">>> defined in %s as %s\n>>>   canonical %s", r->name, ow->name, a, r->type,
                  d->ow->name, b, d->rec->type);
    free(a);
    free(b);
    return 1;
}

/* ---- reserved struct tags ----
 *
 * The runtime's objects (FILE, mutexes, threads, ...) are opaque: its block
 * spells them `s:file?`, which agrees with any struct file, so a block that
 * spelled one complete would make every FILE * in the program a pointer to
 * an object of its own layout, and the runtime would be handed a forgery.
 * The tags are therefore reserved (rule 4): the fixed names of LANGUAGE.md
 * §12, every tag beginning with __cuckoo, and every tag the runtime's
 * blocks name but never spell in full. */

static const char *const runtime_tags[] = {"file", "mutex", "cond", "thread", "chan", "domain"};

static void collect_runtime_tags(const struct ctype *t, struct tld_map *incomplete, struct tld_map *complete)
{
    if (!t)
        return;
    if ((t->tag == CT_STRUCT || t->tag == CT_UNION) && t->tagname)
        tld_map_put(t->incomplete ? incomplete : complete, t->tagname, (void *)t);
    collect_runtime_tags(t->sub, incomplete, complete);
    for (size_t i = 0; i < t->nparams; i++)
        collect_runtime_tags(t->params[i], incomplete, complete);
    for (size_t i = 0; i < t->nmembers; i++)
        collect_runtime_tags(t->members[i], incomplete, complete);
}

static int tag_is_reserved(const char *tag, const struct tld_map *rt_incomplete, const struct tld_map *rt_complete)
{
    for (size_t i = 0; i < sizeof runtime_tags / sizeof runtime_tags[0]; i++)
        if (!strcmp(tag, runtime_tags[i]))
            return 1;
    if (!strncmp(tag, "__cuckoo", 8))
        return 1;
    return tld_map_get(rt_incomplete, tag) && !tld_map_get(rt_complete, tag);
}

/* The first reserved tag that T spells in full, or NULL. */
static const struct ctype *reserved_in(const struct ctype *t, const struct tld_map *rt_incomplete,
                                       const struct tld_map *rt_complete)
{
    if (!t)
        return NULL;
    if ((t->tag == CT_STRUCT || t->tag == CT_UNION) && t->tagname && !t->incomplete && !t->backref &&
        tag_is_reserved(t->tagname, rt_incomplete, rt_complete))
        return t;
    const struct ctype *r = reserved_in(t->sub, rt_incomplete, rt_complete);
    for (size_t i = 0; !r && i < t->nparams; i++)
        r = reserved_in(t->params[i], rt_incomplete, rt_complete);
    for (size_t i = 0; !r && i < t->nmembers; i++)
        r = reserved_in(t->members[i], rt_incomplete, rt_complete);
    return r;
}

static int check_reserved_tags(const struct owner *ow, size_t n)
{
    struct tld_map rt_incomplete = {0}, rt_complete = {0};
    int errors = 0;
    for (size_t i = 0; i < n; i++)
        if (ow[i].is_runtime)
            for (size_t k = 0; k < ow[i].b->nrecs; k++)
                collect_runtime_tags(ow[i].b->recs[k].ct, &rt_incomplete, &rt_complete);
    for (size_t i = 0; i < n; i++) {
        if (ow[i].is_runtime)
            continue;
        /* one report per tag and block */
        struct tld_map reported = {0};
        for (size_t k = 0; k < ow[i].b->nrecs; k++) {
            const struct tld_rec *r = &ow[i].b->recs[k];
            const struct ctype *t = reserved_in(r->ct, &rt_incomplete, &rt_complete);
            if (!t || tld_map_get(&reported, t->tagname))
                continue;
            tld_map_put(&reported, t->tagname, (void *)t);
            const char *kw = t->tag == CT_STRUCT ? "struct" : "union";
            tld_error(NULL, "'%s %s' is reserved: only the Cuckoo runtime defines it\n"
                      ">>> defined in %s, in the type of '%s'\n>>>   canonical %s",
                      kw, t->tagname, ow[i].name, r->name, r->type);
            errors++;
        }
        tld_map_free(&reported);
    }
    tld_map_free(&rt_incomplete);
    tld_map_free(&rt_complete);
    return errors;
}

/* ---- one struct per tag in the whole program (rule 4) ----
 *
 * Every ref meeting its def is not enough: a third object that only sees
 * `struct B;` (s:B?) agrees with two objects that define struct B
 * differently, and glues them together, so an int of one is read as a
 * pointer of the other.  Every complete spelling of a tag in any block
 * must therefore be the same. */

struct tag_spelling {
    const struct owner *ow;
    const struct tld_rec *rec;
    const struct ctype *t;
};

static int check_tag_spellings(const struct ctype *t, const struct owner *ow, const struct tld_rec *r,
                               struct tld_map *seen, struct tld_map *reported)
{
    if (!t)
        return 0;
    int errors = 0;
    if ((t->tag == CT_STRUCT || t->tag == CT_UNION) && t->tagname && !t->incomplete && !t->backref) {
        char *key = xasprintf("%c:%s", t->tag == CT_STRUCT ? 's' : 'u', t->tagname);
        struct tag_spelling *old = tld_map_get(seen, key);
        if (!old) {
            struct tag_spelling *sp = xmalloc(sizeof *sp);
            *sp = (struct tag_spelling){ow, r, t};
            tld_map_put(seen, key, sp);
        } else if (!ctype_same(old->t, t) && !tld_map_get(reported, key)) {
            tld_map_put(reported, key, (void *)t);
            const char *kw = t->tag == CT_STRUCT ? "struct" : "union";
            tld_error(NULL, "'%s %s' is defined differently in two objects; a tag names one type "
                      "in the whole program\n>>> in %s, in the type of '%s': %s\n>>> in %s, in the "
                      "type of '%s': %s",
                      kw, t->tagname, old->ow->name, old->rec->name, old->rec->type, ow->name, r->name,
                      r->type);
            errors++;
        }
        /* the maps keep KEY: it lives as long as the run */
    }
    errors += check_tag_spellings(t->sub, ow, r, seen, reported);
    for (size_t i = 0; i < t->nparams; i++)
        errors += check_tag_spellings(t->params[i], ow, r, seen, reported);
    for (size_t i = 0; i < t->nmembers; i++)
        errors += check_tag_spellings(t->members[i], ow, r, seen, reported);
    return errors;
}

static int check_one_type_per_tag(const struct owner *ow, size_t n)
{
    struct tld_map seen = {0}, reported = {0};
    int errors = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < ow[i].b->nrecs; k++)
            errors += check_tag_spellings(ow[i].b->recs[k].ct, &ow[i], &ow[i].b->recs[k], &seen, &reported);
    tld_map_free(&seen);
    tld_map_free(&reported);
    return errors;
}

/* TRUSTED maps a name to the --trust'ed file defining it (or is empty);
 * UNCHECKED, when not NULL, lists the symbols that were allowed through as
 * the manifest's "unchecked SYMBOL FILE" (the linker adds, the auditor
 * compares). */
static int resolve(struct owner *ow, size_t n, struct tld_map *trusted, struct tld_namerec **unchecked,
                   size_t *nunchecked, const struct tld_block *lb)
{
    struct tld_map defs = {0};
    struct def *store = NULL;
    size_t nstore = 0, capstore = 0, capu = 0;
    int errors = check_reserved_tags(ow, n);
    errors += check_one_type_per_tag(ow, n);
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += ow[i].b->nrecs;
    store = xcalloc(total + 1, sizeof *store);
    capstore = total + 1;
    (void)capstore;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < ow[i].b->nrecs; k++) {
            const struct tld_rec *r = &ow[i].b->recs[k];
            if (!r->is_def)
                continue;
            struct def *old = tld_map_get(&defs, r->name);
            const char *tr = tld_map_get(trusted, r->name);
            if (old || tr) {
                tld_error(NULL, "duplicate symbol: %s\n>>> defined in %s\n>>> defined in %s", r->name,
                          old ? old->ow->name : tr, ow[i].name);
                errors++;
                continue;
            }
            struct def *d = &store[nstore++];
            d->ow = &ow[i];
            d->rec = r;
            tld_map_put(&defs, r->name, d);
        }
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < ow[i].b->nrecs; k++) {
            const struct tld_rec *r = &ow[i].b->recs[k];
            if (r->is_def)
                continue;
            struct def *d = tld_map_get(&defs, r->name);
            const char *tr = tld_map_get(trusted, r->name);
            if (d) {
                errors += check_ref(&ow[i], r, d);
                continue;
            }
            if (tr && unchecked) {
                int seen = 0;
                for (size_t u = 0; u < *nunchecked; u++)
                    if (!strcmp((*unchecked)[u].name, r->name))
                        seen = 1;
                if (!seen) {
                    tld_vlog("'%s' of %s resolves into %s, which is trusted: unchecked", r->name,
                             ow[i].name, tr);
                    TLD_GROW(*unchecked, *nunchecked, capu);
                    (*unchecked)[*nunchecked].name = xstrdup(r->name);
                    (*unchecked)[*nunchecked].file = xstrdup(tr);
                    (*unchecked)[(*nunchecked)++].addr = 0;
                }
                continue;
            }
            int listed = 0;
            for (size_t u = 0; lb && u < lb->nunchecked; u++)
                if (!strcmp(lb->unchecked[u].name, r->name))
                    listed = 1;
            if (listed)
                continue;
            const char *instead = NULL;
            static const char *const clib[][2] = {
#define CLIB(name, use) {#name, use},
#include "clib.def"
#undef CLIB
            };
            for (size_t c = 0; c < sizeof clib / sizeof clib[0]; c++)
                if (!strcmp(clib[c][0], r->name))
                    instead = clib[c][1];
            if (instead)
                tld_error(NULL, "undefined symbol: %s\n>>> referenced by %s\n>>> '%s' is not in Cuckoo: "
                          "use %s, declared in <cuckoo.ckh>", r->name, ow[i].name, r->name, instead);
            else
                tld_error(NULL, "undefined symbol: %s\n>>> referenced by %s", r->name, ow[i].name);
            errors++;
        }
    tld_map_free(&defs);
    free(store);
    return errors;
}

int tld_resolve(struct tld_link *l)
{
    struct owner *ow = NULL;
    size_t n = 0, cap = 0;
    struct tld_map trusted = {0};
    for (size_t i = 0; i < l->nfiles; i++)
        for (size_t k = 0; k < l->files[i]->nobjs; k++) {
            struct tld_obj *o = l->files[i]->objs[k];
            if (!o->loaded)
                continue;
            if (o->cls == TLD_TRUSTED) {
                for (size_t s = 1; s < o->elf.nsyms; s++)
                    if (tld_sym_is_global_def(&o->elf.syms[s]) && !tld_map_get(&trusted, o->elf.syms[s].name))
                        tld_map_put(&trusted, o->elf.syms[s].name, o->name);
                continue;
            }
            for (size_t b = 0; b < o->nblocks; b++) {
                TLD_GROW(ow, n, cap);
                ow[n].name = o->cls == TLD_RUNTIME ? "the Cuckoo runtime" : o->name;
                ow[n].is_runtime = o->cls == TLD_RUNTIME;
                ow[n++].b = &o->blocks[b];
            }
        }
    int errors = resolve(ow, n, &trusted, &l->unchecked, &l->nunchecked, NULL);
    tld_map_free(&trusted);
    free(ow);
    return errors;
}

/* Is B, which says it is the runtime's (producer cuckoo-rt), exactly the
 * block of the installed runtime this tool was built with?  A program's
 * blocks are believed for nothing: a forged "runtime" block would escape
 * the rules that Cuckoo blocks obey (the reserved tags, rule 4). */
static int is_the_runtime_block(const struct tld_block *b)
{
    static struct tld_file *rt[2];
    static int tried;
    if (!tried) {
        tried = 1;
        int before = tld_nerrors;
        rt[0] = tld_runtime_open(0);    /* the start object carries the block */
        rt[1] = tld_runtime_open(1);
        tld_nerrors = before;           /* a missing runtime: reported below as a mismatch */
    }
    for (size_t k = 0, which = 0; which < 2; k++) {
        if (!rt[which] || k >= rt[which]->nobjs) {
            which++, k = (size_t)-1;
            continue;
        }
        struct tld_obj *o = rt[which]->objs[k];
        if (!o->has_types || (!o->nblocks && tld_obj_blocks(o, 0)) || !o->nblocks)
            continue;
        const struct tld_block *r = &o->blocks[0];
        if (r->nrecs != b->nrecs || !r->producer || strcmp(r->producer, "cuckoo-rt"))
            continue;
        size_t i = 0;
        for (; i < r->nrecs; i++)
            if (r->recs[i].is_def != b->recs[i].is_def || r->recs[i].kind != b->recs[i].kind ||
                strcmp(r->recs[i].name, b->recs[i].name) || strcmp(r->recs[i].type, b->recs[i].type))
                break;
        if (i == r->nrecs)
            return 1;
    }
    return 0;
}

int tld_resolve_blocks(const char *file, const struct tld_block *b, size_t n, const struct tld_block *lb)
{
    struct owner *ow = xcalloc(n + 1, sizeof *ow);
    char **names = xcalloc(n + 1, sizeof *names);
    size_t m = 0;
    struct tld_map trusted = {0};
    for (size_t i = 0; i < n; i++) {
        if (b[i].linked)
            continue;
        if (b[i].producer && !strcmp(b[i].producer, "cuckoo-rt") && is_the_runtime_block(&b[i])) {
            names[m] = xstrdup("the Cuckoo runtime");
            ow[m].is_runtime = 1;
        } else if (b[i].producer && !strcmp(b[i].producer, "cuckoo-rt")) {
            tld_error(file, "block %zu says it is the Cuckoo runtime's but is not the block of the "
                      "installed runtime", i + 1);
            names[m] = xasprintf("%s (block %zu, which claims to be the runtime's)", file, i + 1);
        } else {
            names[m] = xasprintf("%s (block %zu, source %s)", file, i + 1, b[i].source ? b[i].source : "?");
        }
        ow[m].name = names[m];
        ow[m++].b = &b[i];
    }
    int errors = resolve(ow, m, &trusted, NULL, NULL, lb);
    for (size_t i = 0; i < m; i++)
        free(names[i]);
    free(names);
    free(ow);
    return errors;
}

/* ---- names the runtime and the C library use ----
 *
 * The GNU linker resolves the runtime's own references (memcpy, rt_lock,
 * __udivdi3, ...) to a definition in a Cuckoo object before it looks in
 * an archive, and the C library's interposable references (malloc, ...)
 * to a definition in the program.  A Cuckoo function named memset would
 * then run in the runtime's place.  So a Cuckoo object may not define a
 * name that the runtime defines or uses, other than the ones the
 * runtime's block says it takes from Cuckoo code (__cuckoo_main), and the
 * linked program may not export a Cuckoo definition to the shared
 * libraries. */

static const struct tld_obj *cuckoo_definer(const struct tld_link *l, const char *name)
{
    for (size_t i = 0; i < l->nfiles; i++)
        for (size_t k = 0; k < l->files[i]->nobjs; k++) {
            const struct tld_obj *o = l->files[i]->objs[k];
            if (!o->loaded || o->cls != TLD_CUCKOO)
                continue;
            for (size_t s = 1; s < o->elf.nsyms; s++)
                if (tld_sym_is_global_def(&o->elf.syms[s]) && !strcmp(o->elf.syms[s].name, name))
                    return o;
        }
    return NULL;
}

int tld_check_reserved(const struct tld_link *l)
{
    struct tld_map allowed = {0}, reported = {0};
    int errors = 0;
    for (size_t i = 0; i < l->nfiles; i++)
        for (size_t k = 0; k < l->files[i]->nobjs; k++) {
            const struct tld_obj *o = l->files[i]->objs[k];
            if (o->cls != TLD_RUNTIME)
                continue;
            for (size_t b = 0; b < o->nblocks; b++)
                for (size_t r = 0; r < o->blocks[b].nrecs; r++)
                    if (!o->blocks[b].recs[r].is_def)
                        tld_map_put(&allowed, o->blocks[b].recs[r].name, (void *)o);
        }
    for (size_t i = 0; i < l->nfiles; i++)
        for (size_t k = 0; k < l->files[i]->nobjs; k++) {
            const struct tld_obj *o = l->files[i]->objs[k];
            if (o->cls != TLD_RUNTIME)
                continue;
            for (size_t s = 1; s < o->elf.nsyms; s++) {
                const struct tld_sym *y = &o->elf.syms[s];
                if (y->bind == STB_LOCAL || !*y->name || tld_map_get(&allowed, y->name) ||
                    tld_map_get(&reported, y->name))
                    continue;
                const struct tld_obj *c = cuckoo_definer(l, y->name);
                if (!c)
                    continue;
                tld_map_put(&reported, y->name, (void *)c);
                tld_error(NULL, "'%s' is reserved: the Cuckoo runtime %s it\n>>> defined in %s", y->name,
                          tld_sym_is_undef(y) ? "uses" : "defines", c->name);
                errors++;
            }
        }
    tld_map_free(&allowed);
    tld_map_free(&reported);
    return errors;
}

int tld_check_exports(const struct tld_link *l, const struct tld_elf *out)
{
    int errors = 0;
    for (size_t i = 0; i < out->nsecs; i++) {
        const struct tld_section *ds = &out->secs[i];
        if (ds->type != SHT_DYNSYM || !ds->data || ds->link >= out->nsecs || !out->secs[ds->link].data)
            continue;
        const struct tld_section *ss = &out->secs[ds->link];
        for (uint32_t off = sizeof(Elf32_Sym); off + sizeof(Elf32_Sym) <= ds->size; off += sizeof(Elf32_Sym)) {
            Elf32_Sym sym;
            memcpy(&sym, ds->data + off, sizeof sym);
            if (sym.st_shndx == SHN_UNDEF || ELF32_ST_BIND(sym.st_info) == STB_LOCAL || sym.st_name >= ss->size ||
                !memchr(ss->data + sym.st_name, 0, ss->size - sym.st_name))
                continue;
            const char *name = (const char *)ss->data + sym.st_name;
            const struct tld_obj *c = cuckoo_definer(l, name);
            if (!c)
                continue;
            tld_error(NULL, "'%s' is reserved: the C library uses it\n>>> defined in %s", name, c->name);
            errors++;
        }
    }
    return errors;
}

/* manifest.c -- the linker's own block (TOOLCHAIN.md rule 6) and, for the
 * auditor, checking a program against it.
 *
 * The block is written into the program by editing the ELF32 file
 * directly: the output's .cuckoo.types (the GNU linker's concatenation of
 * the inputs' blocks) is copied to the end of the file with our block
 * appended, and its section header is pointed there.  The section is not
 * allocated, so no segment, address or allocated byte moves -- which is
 * what lets the section digests be computed before the edit.  The old
 * copy stays in the file unreferenced (strip drops it).  objcopy
 * --update-section would do the same through another program; this way
 * the linker depends on nothing but what it was built with.
 */
#include "config.h"
#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tld.h"

struct sbuf {
    char *s;
    size_t n, cap;
};
static void sb_printf(struct sbuf *b, const char *fmt, ...) TLD_PRINTF(2, 3);
static void sb_printf(struct sbuf *b, const char *fmt, ...)
{
    va_list ap;
    char *s;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0)
        tld_die("out of memory");
    va_end(ap);
    size_t l = strlen(s);
    while (b->n + l + 1 > b->cap)
        b->s = xrealloc(b->s, b->cap = b->cap ? 2 * b->cap : 1024);
    memcpy(b->s + b->n, s, l + 1);
    b->n += l;
    free(s);
}

static void section_sha(const struct tld_section *s, unsigned char sha[32])
{
    if (s->data) {
        tld_sha256(s->data, s->size, sha);
        return;
    }
    /* NOBITS (.bss, .tbss): its size is what can change */
    static const unsigned char zeros[4096];
    struct tld_sha256 c;
    tld_sha256_init(&c);
    for (uint32_t left = s->size; left;) {
        uint32_t k = left < sizeof zeros ? left : sizeof zeros;
        tld_sha256_update(&c, zeros, k);
        left -= k;
    }
    tld_sha256_final(&c, sha);
}

static int hashed(const struct tld_section *s)
{
    return (s->flags & SHF_ALLOC) && s->type != SHT_NULL;
}

struct frec {
    uint32_t addr, size;
    const char *name;
};
static int frec_cmp(const void *a, const void *b)
{
    const struct frec *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

char *tld_make_manifest(struct tld_link *l, const unsigned char *out, size_t outlen, const struct tld_elf *oe)
{
    struct sbuf b = {0};
    char hex[65];
    unsigned char sha[32];
    (void)out;
    (void)outlen;
    sb_printf(&b, "cuckoo-linked 1\nproducer cuckoo-ld %s\n", PACKAGE_VERSION);
    for (size_t i = 0; i < l->nfiles; i++) {
        const struct tld_file *f = l->files[i];
        const char *cls = f->cls == TLD_CUCKOO ? "cuckoo" : f->cls == TLD_RUNTIME ? "runtime" : "trusted-by-user";
        if (!f->is_archive || f->cls == TLD_RUNTIME) {
            tld_hex(f->sha, 32, hex);
            sb_printf(&b, "input sha256:%s %s %s\n", hex, f->path, cls);
            continue;
        }
        for (size_t k = 0; k < f->nobjs; k++)
            if (f->objs[k]->loaded) {
                tld_hex(f->objs[k]->sha, 32, hex);
                sb_printf(&b, "input sha256:%s %s %s\n", hex, f->objs[k]->name, cls);
            }
    }
    for (size_t s = 0; s < oe->nsecs; s++)
        if (hashed(&oe->secs[s])) {
            section_sha(&oe->secs[s], sha);
            tld_hex(sha, 32, hex);
            sb_printf(&b, "section %s sha256:%s\n", oe->secs[s].name, hex);
        }
    struct frec *fr = NULL;
    size_t nfr = 0, capfr = 0;
    struct tld_map entries = {0};
    for (size_t i = 0; i < l->nfiles; i++)
        for (size_t k = 0; k < l->files[i]->nobjs; k++) {
            const struct tld_obj *o = l->files[i]->objs[k];
            if (!o->loaded || o->cls != TLD_CUCKOO)
                continue;
            for (size_t s = 1; s < o->elf.nsyms; s++) {
                const struct tld_sym *y = &o->elf.syms[s];
                if (y->type != STT_FUNC || y->shndx == SHN_UNDEF || y->shndx >= o->elf.nsecs)
                    continue;
                uint32_t base = tld_input_section_addr(o, o->elf.secs[y->shndx].name);
                if (!base)
                    tld_fatal("%s: cannot find where section %s was placed in the GNU linker's map", o->name,
                              o->elf.secs[y->shndx].name);
                TLD_GROW(fr, nfr, capfr);
                fr[nfr].addr = base + y->value;
                fr[nfr].size = y->size;
                fr[nfr++].name = y->name;
            }
            for (size_t r = 0; r < o->blocks[0].nrecs; r++)
                if (!o->blocks[0].recs[r].is_def && o->blocks[0].recs[r].kind == TLD_FUNC)
                    tld_map_put(&entries, o->blocks[0].recs[r].name, (void *)1);
        }
    if (nfr)
        qsort(fr, nfr, sizeof *fr, frec_cmp);
    for (size_t i = 0; i < nfr; i++)
        sb_printf(&b, "func 0x%x 0x%x %s\n", fr[i].addr, fr[i].size, fr[i].name);
    for (size_t i = 0; i < l->nunchecked; i++)
        sb_printf(&b, "unchecked %s %s\n", l->unchecked[i].name, l->unchecked[i].file);
    /* entry: where the functions outside Cuckoo code that Cuckoo code
     * calls begin, so that a stripped program's branches can be checked
     * (abi.md "Changes by the linker") */
    struct frec *en = NULL;
    size_t nen = 0, capen = 0;
    for (size_t s = 1; s < oe->nsyms; s++) {
        const struct tld_sym *y = &oe->syms[s];
        if (y->type == STT_FUNC && y->bind == STB_GLOBAL && y->shndx != SHN_UNDEF && tld_map_get(&entries, y->name)) {
            int cuckoo = 0;
            for (size_t i = 0; i < nfr; i++)
                if (fr[i].addr == y->value && !strcmp(fr[i].name, y->name))
                    cuckoo = 1;
            if (!cuckoo) {
                TLD_GROW(en, nen, capen);
                en[nen].addr = y->value;
                en[nen].size = 0;
                en[nen++].name = y->name;
            }
        }
    }
    if (nen)
        qsort(en, nen, sizeof *en, frec_cmp);
    for (size_t i = 0; i < nen; i++)
        sb_printf(&b, "entry 0x%x %s\n", en[i].addr, en[i].name);
    sb_printf(&b, "end\n");
    free(fr);
    free(en);
    tld_map_free(&entries);
    return b.s;
}

static void wr32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v; p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16); p[3] = (unsigned char)(v >> 24);
}
static void wr16(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v; p[1] = (unsigned char)(v >> 8);
}
static uint32_t rd32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

/* The container of the program's objects (doc/objcheck.md "The program's
 * objects"): a header line, then per object one line `object CLASS SIZE
 * NAME`, its SIZE bytes and a newline, then `end`.  Text lines around
 * binary members, so that `objcopy --dump-section` and `head` show what is
 * inside. */
unsigned char *tld_embed_objects(const struct tld_link *l, size_t *len)
{
    unsigned char *b = NULL;
    size_t n = 0, cap = 0;
#define PUT(p, k) do { while (n + (k) > cap) b = xrealloc(b, cap = cap ? 2 * cap : 65536); \
                       memcpy(b + n, (p), (k)); n += (k); } while (0)
    static const char head[] = TLD_OBJECTS_MAGIC "\n";
    PUT(head, sizeof head - 1);
    for (size_t i = 0; i < l->nfiles; i++)
        for (size_t k = 0; k < l->files[i]->nobjs; k++) {
            const struct tld_obj *o = l->files[i]->objs[k];
            if (!o->loaded || o->cls == TLD_RUNTIME)
                continue;
            char *line = xasprintf("object %s %zu %s\n", o->cls == TLD_CUCKOO ? "cuckoo" : "trusted", o->len,
                                   o->name);
            PUT(line, strlen(line));
            free(line);
            PUT(o->bytes, o->len);
            PUT("\n", 1);
        }
    PUT("end\n", 4);
#undef PUT
    *len = n;
    return b;
}

/* TEXT appended to the program's .cuckoo.types, and a new non-allocated
 * section .cuckoo.objects holding OBJS.  Both go to the end of the file
 * with a new section-name table and a new section header table, so that
 * no segment, address or allocated byte moves -- which is what lets the
 * section digests be computed before the edit.  The old copies stay in
 * the file unreferenced (strip drops them).  objcopy --update-section and
 * --add-section would do the same through another program; this way the
 * linker depends on nothing but what it was built with. */
int tld_stamp_program(const char *path, const char *text, const unsigned char *objs, size_t objslen)
{
    unsigned char *b;
    size_t len;
    char *err = NULL;
    struct tld_elf e;
    int rc = tld_read_file(path, &b, &len);
    if (rc)
        tld_fatal("cannot read %s: %s", path, strerror(rc));
    if (tld_elf_parse(b, len, &e, &err))
        tld_fatal("%s: %s", path, err);
    size_t idx = e.nsecs;
    for (size_t i = 0; i < e.nsecs; i++)
        if (!strcmp(e.secs[i].name, ".cuckoo.types"))
            idx = i;
    if (idx == e.nsecs)
        tld_fatal("%s: the GNU linker's output has no .cuckoo.types section", path);
    uint32_t shoff = rd32(b + offsetof(Elf32_Ehdr, e_shoff));
    unsigned shnum = b[offsetof(Elf32_Ehdr, e_shnum)] | b[offsetof(Elf32_Ehdr, e_shnum) + 1] << 8;
    unsigned shstrndx = b[offsetof(Elf32_Ehdr, e_shstrndx)] | b[offsetof(Elf32_Ehdr, e_shstrndx) + 1] << 8;
    if (shnum != e.nsecs || shstrndx == 0 || shstrndx >= shnum || shnum >= 0xff00)
        tld_fatal("%s: unexpected section header table from the GNU linker", path);
    const struct tld_section *strs = &e.secs[shstrndx];
    size_t tl = strlen(text), old = e.secs[idx].size;
    static const char objname[] = TLD_OBJECTS_SECTION;
    size_t strsz = strs->size + sizeof objname;
    size_t at_types = len, at_objs = at_types + old + tl, at_strs = at_objs + objslen;
    size_t at_sh = (at_strs + strsz + 3) & ~(size_t)3, total = at_sh + (shnum + 1) * sizeof(Elf32_Shdr);
    if (total > 0xffffffffu)
        tld_fatal("%s: output too large", path);
    unsigned char *nb = xcalloc(1, total);
    memcpy(nb, b, len);
    memcpy(nb + at_types, b + e.secs[idx].offset, old);
    memcpy(nb + at_types + old, text, tl);
    if (objslen)
        memcpy(nb + at_objs, objs, objslen);
    memcpy(nb + at_strs, strs->data, strs->size);
    memcpy(nb + at_strs + strs->size, objname, sizeof objname);
    memcpy(nb + at_sh, b + shoff, shnum * sizeof(Elf32_Shdr));
    unsigned char *sh = nb + at_sh;
    wr32(sh + idx * sizeof(Elf32_Shdr) + offsetof(Elf32_Shdr, sh_offset), (uint32_t)at_types);
    wr32(sh + idx * sizeof(Elf32_Shdr) + offsetof(Elf32_Shdr, sh_size), (uint32_t)(old + tl));
    wr32(sh + shstrndx * sizeof(Elf32_Shdr) + offsetof(Elf32_Shdr, sh_offset), (uint32_t)at_strs);
    wr32(sh + shstrndx * sizeof(Elf32_Shdr) + offsetof(Elf32_Shdr, sh_size), (uint32_t)strsz);
    unsigned char *ns = sh + shnum * sizeof(Elf32_Shdr);
    wr32(ns + offsetof(Elf32_Shdr, sh_name), (uint32_t)strs->size);
    wr32(ns + offsetof(Elf32_Shdr, sh_type), SHT_PROGBITS);
    wr32(ns + offsetof(Elf32_Shdr, sh_offset), (uint32_t)at_objs);
    wr32(ns + offsetof(Elf32_Shdr, sh_size), (uint32_t)objslen);
    wr32(ns + offsetof(Elf32_Shdr, sh_addralign), 1);
    wr32(nb + offsetof(Elf32_Ehdr, e_shoff), (uint32_t)at_sh);
    wr16(nb + offsetof(Elf32_Ehdr, e_shnum), shnum + 1);
    rc = tld_write_file(path, nb, total);
    if (rc)
        tld_fatal("cannot write %s: %s", path, strerror(rc));
    tld_elf_free(&e);
    free(nb);
    free(b);
    return 0;
}

/* "lib.a(m.o)": the member's bytes, hashed. */
static int hash_input(const char *name, unsigned char sha[32])
{
    unsigned char *b;
    size_t len;
    size_t n = strlen(name);
    const char *paren = strrchr(name, '(');
    if (access(name, F_OK) == 0 || !paren || name[n - 1] != ')') {
        if (tld_read_file(name, &b, &len))
            return -1;
        tld_sha256(b, len, sha);
        free(b);
        return 0;
    }
    char *archive = xstrndup(name, (size_t)(paren - name));
    char *member = xstrndup(paren + 1, n - (size_t)(paren - name) - 2);
    int found = -1;
    if (access(archive, F_OK) == 0) {
        int saved = tld_collect, errs = tld_nerrors;
        struct tld_file *f = tld_file_open(archive, TLD_CUCKOO, 0);
        (void)saved;
        if (f)
            for (size_t i = 0; i < f->nobjs && found; i++)
                if (f->objs[i]->member && !strcmp(f->objs[i]->member, member)) {
                    memcpy(sha, f->objs[i]->sha, 32);
                    found = 0;
                }
        (void)errs;
    }
    free(archive);
    free(member);
    return found;
}

int tld_check_manifest(const char *file, const unsigned char *bytes, size_t len, const struct tld_elf *e,
                       const struct tld_block *lb)
{
    int errors = 0;
    unsigned char sha[32];
    char hex[65], want[65];
    (void)bytes;
    (void)len;
    /* every allocated section, recorded and unchanged */
    for (size_t s = 0; s < e->nsecs; s++) {
        if (!hashed(&e->secs[s]))
            continue;
        const struct tld_secsum *rec = NULL;
        for (size_t i = 0; i < lb->nsecs; i++)
            if (!strcmp(lb->secs[i].name, e->secs[s].name))
                rec = &lb->secs[i];
        if (!rec) {
            tld_error(file, "section %s is not recorded in the cuckoo-linked block", e->secs[s].name);
            errors++;
            continue;
        }
        section_sha(&e->secs[s], sha);
        if (memcmp(sha, rec->sha, 32)) {
            tld_hex(sha, 32, hex);
            tld_hex(rec->sha, 32, want);
            tld_error(file, "section %s changed after linking (sha256 %s, linked as %s)", e->secs[s].name, hex, want);
            errors++;
        }
    }
    for (size_t i = 0; i < lb->nsecs; i++) {
        int present = 0;
        for (size_t s = 0; s < e->nsecs; s++)
            if (hashed(&e->secs[s]) && !strcmp(lb->secs[i].name, e->secs[s].name))
                present = 1;
        if (!present) {
            tld_error(file, "section %s of the cuckoo-linked block is missing from the program", lb->secs[i].name);
            errors++;
        }
    }
    /* the inputs */
    for (size_t i = 0; i < lb->ninputs; i++) {
        const struct tld_input_rec *in = &lb->inputs[i];
        tld_hex(in->sha, 32, want);
        if (!strcmp(in->cls, "runtime")) {
            const char *base = strrchr(in->file, '/') ? strrchr(in->file, '/') + 1 : in->file;
            for (int w = 0; w < 2; w++)
                if (!strcmp(base, tld_runtime_basename(w)) && strcmp(want, tld_runtime_digest(w))) {
                    tld_error(file, "linked with a runtime %s (sha256 %s) that is not the Cuckoo runtime this "
                              "auditor knows", in->file, want);
                    errors++;
                }
        }
        /* a trusted input is reported by the program audit, from the
         * objects the program holds rather than from this line */
        if (hash_input(in->file, sha)) {
            tld_diag(TLD_NOTE, file, "input %s is absent; not re-hashed", in->file);
            continue;
        }
        if (memcmp(sha, in->sha, 32)) {
            tld_hex(sha, 32, hex);
            tld_error(file, "input %s changed since the link (sha256 %s, linked as %s)", in->file, hex, want);
            errors++;
        }
    }
    return errors;
}

/* progaudit.c -- the program audit: every byte the loader maps is
 * accounted for by linking the program's checked objects again.
 *
 * A linked program's blocks cannot be believed: anyone can rewrite them
 * to match changed code.  What can be checked is the program itself.
 * cuckoo-ld keeps a copy of every Cuckoo and trusted object it linked in
 * the section .cuckoo.objects (manifest.c).  The audit takes those objects
 * -- never the files the block names, which may be gone or different --
 * and links them again with the same passes as cuckoo-ld (link.c): each
 * Cuckoo object passes the object audit and the proof checker, the types
 * agree, the installed runtime (verified by its digests) and the GNU
 * linker supply everything else.  The program must then be that fresh
 * link in everything the loader reads: the ELF header's entry and program
 * headers, and every byte of every loaded segment -- of an executable one
 * the whole pages, since the kernel maps pages.  So Cuckoo code is code
 * checked against its proof; the runtime's, the start-up code and the PLT
 * are what the installed runtime and the linker produce; data, the GOT
 * and the dynamic section too; and any other byte fails the audit.
 *
 * What this takes on trust is what cuckoo-ld does: the GNU linker, the C
 * start files and libraries of this machine, the runtime.  A program linked
 * on a machine whose start files or runtime differ fails here, which is
 * the honest answer: this auditor cannot say what that program runs.
 */
#include "config.h"
#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tld.h"

struct embedded {
    enum tld_class cls;
    char *name;
    const unsigned char *bytes;
    size_t len;
};

/* The container of manifest.c; -1 with *why on a malformed one. */
static int parse_objects(const unsigned char *b, size_t len, struct embedded **out, size_t *nout, char **why)
{
    static const char magic[] = TLD_OBJECTS_MAGIC "\n";
    size_t at = sizeof magic - 1, cap = 0;
    *out = NULL;
    *nout = 0;
    if (len < at || memcmp(b, magic, at)) {
        *why = xstrdup("it does not begin with '" TLD_OBJECTS_MAGIC "'");
        return -1;
    }
    for (;;) {
        const unsigned char *nl = memchr(b + at, '\n', len - at);
        if (!nl) {
            *why = xasprintf("a line at offset %zu has no end", at);
            return -1;
        }
        char *line = xstrndup((const char *)b + at, (size_t)(nl - (b + at)));
        at = (size_t)(nl - b) + 1;
        if (!strcmp(line, "end")) {
            free(line);
            if (at != len) {
                *why = xstrdup("bytes after 'end'");
                return -1;
            }
            return 0;
        }
        char cls[16];
        unsigned long long size;
        int name_at = 0;
        if (sscanf(line, "object %15s %llu %n", cls, &size, &name_at) != 2 || !name_at || !line[name_at] ||
            (strcmp(cls, "cuckoo") && strcmp(cls, "trusted")) || size > len - at || len - at - size < 1 ||
            b[at + size] != '\n') {
            *why = xasprintf("bad object line '%.80s'", line);
            free(line);
            return -1;
        }
        TLD_GROW(*out, *nout, cap);
        struct embedded *m = &(*out)[(*nout)++];
        m->cls = strcmp(cls, "cuckoo") ? TLD_TRUSTED : TLD_CUCKOO;
        m->name = xstrdup(line + name_at);
        m->bytes = b + at;
        m->len = (size_t)size;
        at += (size_t)size + 1;
        free(line);
    }
}

static int errors_at_start;
static int stop_on_errors(const char *pass)
{
    if (tld_nerrors > errors_at_start) {
        tld_vlog("the program's objects: stopping after the pass '%s'", pass);
        return 1;
    }
    return 0;
}

static uint32_t rd32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static uint32_t rd16(const unsigned char *p) { return (uint32_t)(p[0] | p[1] << 8); }

/* "scale+0x1d in .text", or "in .data", for an address of the fresh link R. */
static char *describe(const struct tld_elf *r, uint32_t addr)
{
    const char *sec = NULL;
    for (size_t s = 0; s < r->nsecs; s++)
        if ((r->secs[s].flags & SHF_ALLOC) && addr >= r->secs[s].addr &&
            addr - r->secs[s].addr < r->secs[s].size)
            sec = r->secs[s].name;
    const struct tld_sym *best = NULL;
    for (size_t i = 1; i < r->nsyms; i++) {
        const struct tld_sym *y = &r->syms[i];
        if ((y->type == STT_FUNC || y->type == STT_OBJECT) && y->shndx != SHN_UNDEF && addr >= y->value &&
            addr - y->value < (y->size ? y->size : 1) && (!best || y->value > best->value))
            best = y;
    }
    if (best)
        return xasprintf("%s+0x%x in %s", best->name, addr - best->value, sec ? sec : "no section");
    return xasprintf("in %s", sec ? sec : "no section");
}

/* Is file offset K in the ELF header's fields about the section header
 * table?  The stamp and strip change them; the loader never reads them. */
static int shdr_field(uint64_t k)
{
    return (k >= offsetof(Elf32_Ehdr, e_shoff) && k < offsetof(Elf32_Ehdr, e_flags)) ||
           (k >= offsetof(Elf32_Ehdr, e_shentsize) && k < sizeof(Elf32_Ehdr));
}

/* The program P (bytes PB) against the fresh link R (bytes RB): what the
 * loader reads must be equal. */
static void compare(const char *file, const unsigned char *pb, size_t plen, const unsigned char *rb, size_t rlen,
                    const struct tld_elf *r)
{
    /* e_ident .. e_phoff, and e_flags .. e_phnum: all but the section
     * header table's place, size and name index, which the stamp and
     * strip change and the loader never reads */
    if (plen < sizeof(Elf32_Ehdr) || memcmp(pb, rb, offsetof(Elf32_Ehdr, e_shoff)) ||
        memcmp(pb + offsetof(Elf32_Ehdr, e_flags), rb + offsetof(Elf32_Ehdr, e_flags),
               offsetof(Elf32_Ehdr, e_shentsize) - offsetof(Elf32_Ehdr, e_flags))) {
        tld_error(file, "its ELF header (entry point, program header table) is not the one a fresh link of its "
                  "objects gives (entry 0x%x, the link gives 0x%x)", rd32(pb + offsetof(Elf32_Ehdr, e_entry)),
                  r->entry);
        return;
    }
    uint32_t phoff = rd32(rb + offsetof(Elf32_Ehdr, e_phoff));
    uint32_t phnum = rd16(rb + offsetof(Elf32_Ehdr, e_phnum));
    uint64_t phend = (uint64_t)phoff + (uint64_t)phnum * sizeof(Elf32_Phdr);
    if (phend > rlen || phend > plen || memcmp(pb + phoff, rb + phoff, phnum * sizeof(Elf32_Phdr))) {
        tld_error(file, "its program headers (the segments the loader maps) are not the ones a fresh link of its "
                  "objects gives");
        return;
    }
    for (uint32_t i = 0; i < phnum; i++) {
        const unsigned char *ph = rb + phoff + i * sizeof(Elf32_Phdr);
        if (rd32(ph + offsetof(Elf32_Phdr, p_type)) != PT_LOAD)
            continue;
        uint64_t off = rd32(ph + offsetof(Elf32_Phdr, p_offset));
        uint64_t end = off + rd32(ph + offsetof(Elf32_Phdr, p_filesz));
        uint32_t vaddr = rd32(ph + offsetof(Elf32_Phdr, p_vaddr));
        uint32_t flags = rd32(ph + offsetof(Elf32_Phdr, p_flags));
        int exec = (flags & PF_X) != 0;
        uint64_t from = off, to = end, pto = end;
        if (exec) {
            /* the kernel maps whole pages: what shares a page with code
             * is executable too, up to the end of the file */
            from = off & ~(uint64_t)0xfff;
            to = pto = (end + 0xfff) & ~(uint64_t)0xfff;
            if (to > rlen)
                to = rlen;
            if (pto > plen)
                pto = plen;
        }
        if (pto != to || to > plen) {
            tld_error(file, "the segment at 0x%x does not end where a fresh link of its objects ends it", vaddr);
            continue;
        }
        uint64_t first = to, ndiff = 0;
        for (uint64_t k = from; k < to; k++)
            if (pb[k] != rb[k] && !shdr_field(k)) {
                if (first == to)
                    first = k;
                ndiff++;
            }
        if (!ndiff)
            continue;
        uint32_t at = (uint32_t)(vaddr + (first - off));
        char *where = describe(r, at);
        tld_error(file, "%s segment at 0x%x: %llu byte%s differ%s from a fresh link of the program's checked "
                  "objects; the first, at 0x%x (%s), is 0x%02x where the link gives 0x%02x",
                  exec ? "code" : flags & PF_W ? "data" : "read-only", vaddr, (unsigned long long)ndiff, ndiff == 1 ? "" : "s",
                  ndiff == 1 ? "s" : "", at, where, pb[first], rb[first]);
        free(where);
    }
}

/* The program's linked block against the one the fresh link makes: the
 * same sections, functions, entries and unchecked symbols (the input
 * lines name files as given on a command line, so they are not compared). */
static void compare_block(const char *file, const struct tld_block *lb, const char *fresh)
{
    struct tld_block *rb;
    size_t nrb;
    char *err = NULL;
    if (tld_parse_blocks(fresh, strlen(fresh), &rb, &nrb, &err) || nrb != 1)
        tld_die("the fresh link's block does not parse");
    const struct tld_block *r = &rb[0];
    int same = lb->nsecs == r->nsecs && lb->nfuncs == r->nfuncs && lb->nentries == r->nentries &&
               lb->nunchecked == r->nunchecked;
    for (size_t i = 0; same && i < r->nsecs; i++)
        same = !strcmp(lb->secs[i].name, r->secs[i].name) && !memcmp(lb->secs[i].sha, r->secs[i].sha, 32);
    for (size_t i = 0; same && i < r->nfuncs; i++)
        same = lb->funcs[i].addr == r->funcs[i].addr && lb->funcs[i].size == r->funcs[i].size &&
               !strcmp(lb->funcs[i].name, r->funcs[i].name);
    for (size_t i = 0; same && i < r->nentries; i++)
        same = lb->entries[i].addr == r->entries[i].addr && !strcmp(lb->entries[i].name, r->entries[i].name);
    /* the fresh link names a trusted object as the program holds it */
    for (size_t i = 0; same && i < r->nunchecked; i++) {
        char *held = xasprintf("%s(%s)", file, lb->unchecked[i].file);
        same = !strcmp(lb->unchecked[i].name, r->unchecked[i].name) && !strcmp(held, r->unchecked[i].file);
        free(held);
    }
    if (!same)
        tld_error(file, "its cuckoo-linked block (sections, func, entry or unchecked records) is not the one a "
                  "fresh link of its objects gives");
    tld_blocks_free(rb, nrb);
}

int tld_audit_program_link(struct tld_obj *prog, const struct tld_block *lb, int strict)
{
    const char *file = prog->name;
    int before = tld_nerrors;
    const struct tld_section *sec = NULL;
    for (size_t s = 0; s < prog->elf.nsecs; s++)
        if (!strcmp(prog->elf.secs[s].name, TLD_OBJECTS_SECTION)) {
            if (sec) {
                tld_error(file, "two %s sections", TLD_OBJECTS_SECTION);
                return 1;
            }
            sec = &prog->elf.secs[s];
        }
    if (!sec || !sec->data) {
        tld_error(file, "no %s section: the objects it was linked from are not in it, so its code cannot be "
                  "accounted for (linked by an older cuckoo-ld, or the section was removed)", TLD_OBJECTS_SECTION);
        return 1;
    }
    struct embedded *objs;
    size_t nobjs;
    char *why = NULL;
    if (parse_objects(sec->data, sec->size, &objs, &nobjs, &why)) {
        tld_error(file, "malformed %s section: %s", TLD_OBJECTS_SECTION, why);
        free(why);
        return 1;
    }

    /* the objects as files (libbfd reads files), in a private directory */
    const char *t = getenv("TMPDIR");
    char *dir = xasprintf("%s/cuckoo-objcheck.XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(dir))
        tld_fatal("cannot create a temporary directory %s: %s", dir, strerror(errno));
    char **paths = xcalloc(nobjs + 2, sizeof *paths);
    struct tld_link link = {0};
    size_t cap = 0;
    for (size_t i = 0; i < nobjs; i++) {
        paths[i] = xasprintf("%s/%zu.o", dir, i);
        int e = tld_write_file(paths[i], objs[i].bytes, objs[i].len);
        if (e)
            tld_fatal("cannot write %s: %s", paths[i], strerror(e));
        char *shown = xasprintf("%s(%s)", file, objs[i].name);
        if (objs[i].cls == TLD_TRUSTED)
            tld_diag(strict ? TLD_ERROR : TLD_WARNING, file, "input %s was linked unchecked (--trust)", objs[i].name);
        struct tld_file *f = tld_file_open(paths[i], objs[i].cls, 0);
        if (f) {
            /* name it as the program holds it in messages */
            free(f->objs[0]->name);
            f->objs[0]->name = shown;
            TLD_GROW(link.files, link.nfiles, cap);
            link.files[link.nfiles++] = f;
        } else {
            free(shown);
        }
    }
    for (int w = 0; w < 2; w++) {
        struct tld_file *f = tld_runtime_open(w);
        if (f) {
            TLD_GROW(link.files, link.nfiles, cap);
            link.files[link.nfiles++] = f;
        }
    }
    char *out = paths[nobjs] = xasprintf("%s/program", dir);
    char *map = paths[nobjs + 1] = xasprintf("%s/program.map", dir);
    errors_at_start = before;
    char *fresh = NULL;
    if (tld_nerrors == before) {
        tld_vlog("%s: linking its %zu object%s again", file, nobjs, nobjs == 1 ? "" : "s");
        fresh = tld_link_files(&link, out, map, stop_on_errors);
    }
    if (fresh) {
        unsigned char *rb;
        size_t rlen;
        struct tld_elf re;
        char *err = NULL;
        int e = tld_read_file(out, &rb, &rlen);
        if (e)
            tld_fatal("cannot read %s: %s", out, strerror(e));
        if (tld_elf_parse(rb, rlen, &re, &err))
            tld_fatal("the fresh link: %s", err);
        compare(file, prog->bytes, prog->len, rb, rlen, &re);
        compare_block(file, lb, fresh);
        /* the program's blocks are its objects' (and the runtime's), then
         * the linked block: what the type checks across blocks read */
        const struct tld_section *pt = tld_elf_section(&prog->elf, ".cuckoo.types");
        const struct tld_section *rt = tld_elf_section(&re, ".cuckoo.types");
        if (!pt || !rt || !pt->data || !rt->data || pt->size < rt->size || memcmp(pt->data, rt->data, rt->size))
            tld_error(file, "its .cuckoo.types blocks are not those of the objects it was linked from");
        free(rb);
        tld_elf_free(&re);
        free(fresh);
    }
    tld_cleanup_copies();
    for (size_t i = 0; i < nobjs + 2; i++) {
        unlink(paths[i]);
        free(paths[i]);
    }
    rmdir(dir);
    free(dir);
    free(paths);
    for (size_t i = 0; i < nobjs; i++)
        free(objs[i].name);
    free(objs);
    free(link.files);
    if (tld_nerrors == before)
        tld_vlog("%s: every loaded byte is a fresh link of its checked objects", file);
    return tld_nerrors - before;
}

/* objfile.c -- reading inputs, and the plumbing both programs share.
 *
 * A file is read once into memory; libbfd identifies it (elf32-i386
 * relocatable object, archive of such, or an executable for the auditor)
 * and walks an archive member by member, in the shape of binutils' size.c.
 * The ELF32 tables (sections, symbols with st_size and STT_ type,
 * relocations) are then read directly from the same bytes with <elf.h>,
 * every offset and count checked against the file's length, because
 * libbfd's generic asymbol drops exactly what the audit needs.
 */
#include "config.h"
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tld.h"

const char *tld_progname = "cuckoo-ld";
int tld_verbose;
int tld_nerrors, tld_nwarnings;
int tld_collect;
FILE *tld_diag_out;
struct tld_finding *tld_findings;
size_t tld_nfindings;
static size_t capfindings;
void (*tld_atfatal)(void);

/* ---- diagnostics ---- */

void tld_diag(enum tld_sev sev, const char *where, const char *fmt, ...)
{
    va_list ap;
    char *msg;
    va_start(ap, fmt);
    if (vasprintf(&msg, fmt, ap) < 0)
        tld_die("out of memory");
    va_end(ap);
    if (sev == TLD_ERROR)
        tld_nerrors++;
    else if (sev == TLD_WARNING)
        tld_nwarnings++;
    if (tld_collect) {
        TLD_GROW(tld_findings, tld_nfindings, capfindings);
        tld_findings[tld_nfindings].sev = sev;
        tld_findings[tld_nfindings].where = where ? xstrdup(where) : NULL;
        tld_findings[tld_nfindings++].msg = msg;
        return;
    }
    static const char *const sevs[] = {"error", "warning", "note"};
    fprintf(tld_diag_out ? tld_diag_out : stderr, "%s: %s: %s%s%s\n", tld_progname, sevs[sev], where ? where : "",
            where ? ": " : "", msg);
    free(msg);
}

void tld_vlog(const char *fmt, ...)
{
    if (!tld_verbose)
        return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", tld_progname);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void tld_fatal(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: error: ", tld_progname);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (tld_atfatal)
        tld_atfatal();
    exit(2);
}

void tld_die_at(const char *file, int line, const char *msg)
{
    fprintf(stderr, "%s: internal error at %s:%d: %s\n", tld_progname, file, line, msg);
    if (tld_atfatal)
        tld_atfatal();
    exit(2);
}

/* ---- memory ---- */

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        tld_fatal("out of memory");
    return p;
}
void *xcalloc(size_t n, size_t m)
{
    void *p = calloc(n ? n : 1, m ? m : 1);
    if (!p)
        tld_fatal("out of memory");
    return p;
}
void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        tld_fatal("out of memory");
    return p;
}
char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }
char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}
char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    char *s;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0)
        tld_fatal("out of memory");
    va_end(ap);
    return s;
}

/* ---- a string map ---- */

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

void *tld_map_get(const struct tld_map *m, const char *key)
{
    if (!m->cap)
        return NULL;
    for (size_t i = hash(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->keys[i])
            return NULL;
        if (!strcmp(m->keys[i], key))
            return m->vals[i];
    }
}

void tld_map_put(struct tld_map *m, const char *key, void *val)
{
    if (2 * (m->n + 1) > m->cap) {
        struct tld_map n = {xcalloc(m->cap ? 2 * m->cap : 16, sizeof *n.keys),
                            xcalloc(m->cap ? 2 * m->cap : 16, sizeof *n.vals),
                            m->cap ? 2 * m->cap : 16, 0};
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[i])
                tld_map_put(&n, m->keys[i], m->vals[i]);
        free(m->keys);
        free(m->vals);
        *m = n;
    }
    size_t i;
    for (i = hash(key) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
        if (!strcmp(m->keys[i], key)) {
            m->vals[i] = val;
            return;
        }
    m->keys[i] = key;
    m->vals[i] = val;
    m->n++;
}

void tld_map_free(struct tld_map *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ---- files ---- */

int tld_read_file(const char *path, unsigned char **data, size_t *len)
{
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0)
        return errno;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        int e = S_ISREG(st.st_mode) ? errno : EINVAL;
        close(fd);
        return e;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    unsigned char *b = xmalloc(cap);
    for (;;) {
        if (n == cap)
            b = xrealloc(b, cap *= 2);
        ssize_t r = read(fd, b + n, cap - n);
        if (r < 0) {
            int e = errno;
            if (e == EINTR)
                continue;
            free(b);
            close(fd);
            return e;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    *data = b;
    *len = n;
    return 0;
}

int tld_write_file(const char *path, const void *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const unsigned char *p = data;
    if (fd < 0)
        return errno;
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            close(fd);
            return e;
        }
        p += w;
        len -= (size_t)w;
    }
    return close(fd) < 0 ? errno : 0;
}

/* ---- ELF32 tables ---- */

static uint32_t rd32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static uint16_t rd16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }

static int in_file(size_t len, uint64_t off, uint64_t size) { return off <= len && size <= len - off; }

void tld_elf_free(struct tld_elf *e)
{
    for (size_t i = 0; i < e->nsecs; i++) {
        free(e->secs[i].name);
        free(e->relocs ? e->relocs[i] : NULL);
    }
    free(e->secs);
    free(e->relocs);
    free(e->nrelocs);
    for (size_t i = 0; i < e->nsyms; i++)
        free(e->syms[i].name);
    free(e->syms);
    memset(e, 0, sizeof *e);
}

static char *strtab_name(const unsigned char *b, size_t len, const Elf32_Shdr *strtab, uint32_t off)
{
    if (!strtab || off >= strtab->sh_size || !in_file(len, strtab->sh_offset, strtab->sh_size))
        return NULL;
    const char *s = (const char *)b + strtab->sh_offset + off;
    size_t max = strtab->sh_size - off;
    size_t n = strnlen(s, max);
    return n == max ? NULL : xstrndup(s, n);
}

int tld_elf_parse(const unsigned char *b, size_t len, struct tld_elf *e, char **err)
{
    memset(e, 0, sizeof *e);
    /* The machine is the header's; its tables are read below with that
     * machine's ELF class and relocation form (ELF32 REL alone today). */
    if (len < EI_NIDENT + 4 || memcmp(b, ELFMAG, SELFMAG) ||
        !(e->mach = ck_machine_of_elf(b[EI_CLASS], b[EI_DATA], rd16(b + 18))) ||
        e->mach->elf_class != ELFCLASS32 || e->mach->rela || len < sizeof(Elf32_Ehdr)) {
        e->mach = NULL;
        *err = xstrdup("not an elf32-i386 file");
        return -1;
    }
    e->etype = rd16(b + 16);
    e->entry = rd32(b + 24);
    uint32_t shoff = rd32(b + 32);
    unsigned shentsize = rd16(b + 46), shnum = rd16(b + 48), shstrndx = rd16(b + 50);
    if (shnum == 0 || shentsize != sizeof(Elf32_Shdr) || !in_file(len, shoff, (uint64_t)shnum * shentsize) ||
        shstrndx >= shnum) {
        *err = xstrdup("bad ELF section header table");
        return -1;
    }
    Elf32_Shdr *sh = xcalloc(shnum, sizeof *sh);
    for (unsigned i = 0; i < shnum; i++)
        memcpy(&sh[i], b + shoff + (size_t)i * shentsize, sizeof *sh);
    e->nsecs = shnum;
    e->secs = xcalloc(shnum, sizeof *e->secs);
    e->relocs = xcalloc(shnum, sizeof *e->relocs);
    e->nrelocs = xcalloc(shnum, sizeof *e->nrelocs);
    for (unsigned i = 0; i < shnum; i++) {
        struct tld_section *s = &e->secs[i];
        s->name = strtab_name(b, len, &sh[shstrndx], sh[i].sh_name);
        if (!s->name)
            goto bad;
        s->type = sh[i].sh_type;
        s->flags = sh[i].sh_flags;
        s->addr = sh[i].sh_addr;
        s->offset = sh[i].sh_offset;
        s->size = sh[i].sh_size;
        s->link = sh[i].sh_link;
        s->info = sh[i].sh_info;
        s->entsize = sh[i].sh_entsize;
        if (s->type != SHT_NOBITS && s->type != SHT_NULL) {
            if (!in_file(len, s->offset, s->size))
                goto bad;
            s->data = b + s->offset;
        }
    }
    /* the static symbol table (absent once a program is stripped) */
    for (unsigned i = 0; i < shnum; i++) {
        if (sh[i].sh_type != SHT_SYMTAB)
            continue;
        if (e->syms || sh[i].sh_entsize != sizeof(Elf32_Sym) || sh[i].sh_link >= shnum ||
            sh[i].sh_size % sizeof(Elf32_Sym))
            goto bad;
        e->nsyms = sh[i].sh_size / sizeof(Elf32_Sym);
        e->syms = xcalloc(e->nsyms ? e->nsyms : 1, sizeof *e->syms);
        for (size_t k = 0; k < e->nsyms; k++) {
            const unsigned char *p = b + sh[i].sh_offset + k * sizeof(Elf32_Sym);
            struct tld_sym *y = &e->syms[k];
            y->name = strtab_name(b, len, &sh[sh[i].sh_link], rd32(p));
            if (!y->name) {
                e->nsyms = k;
                goto bad;
            }
            y->value = rd32(p + 4);
            y->size = rd32(p + 8);
            y->bind = ELF32_ST_BIND(p[12]);
            y->type = ELF32_ST_TYPE(p[12]);
            y->vis = ELF32_ST_VISIBILITY(p[13]);
            y->shndx = rd16(p + 14);
            if (y->shndx == SHN_XINDEX || (y->shndx >= shnum && y->shndx < SHN_LORESERVE))
                goto bad;
            if (y->type == STT_SECTION && y->shndx != SHN_UNDEF && y->shndx < shnum) {
                free(y->name);
                y->name = xstrdup(e->secs[y->shndx].name);
            }
        }
    }
    /* relocations: REL only, as the machine uses (checked above) */
    for (unsigned i = 0; i < shnum; i++) {
        if (sh[i].sh_type == SHT_RELA && e->etype == ET_REL)
            goto bad;
        if (sh[i].sh_type != SHT_REL || e->etype != ET_REL)
            continue;
        unsigned to = sh[i].sh_info;
        if (to >= shnum || sh[i].sh_entsize != 8 || sh[i].sh_size % 8 || e->relocs[to] || !e->syms)
            goto bad;
        size_t n = sh[i].sh_size / 8;
        e->relocs[to] = xcalloc(n ? n : 1, sizeof **e->relocs);
        e->nrelocs[to] = n;
        for (size_t k = 0; k < n; k++) {
            const unsigned char *p = b + sh[i].sh_offset + 8 * k;
            struct tld_reloc *r = &e->relocs[to][k];
            r->offset = rd32(p);
            r->type = ELF32_R_TYPE(rd32(p + 4));
            r->sym = ELF32_R_SYM(rd32(p + 4));
            if (r->sym >= e->nsyms || (uint64_t)r->offset + 4 > e->secs[to].size)
                goto bad;
        }
    }
    free(sh);
    return 0;
bad:
    free(sh);
    tld_elf_free(e);
    *err = xstrdup("malformed ELF tables");
    return -1;
}

const struct tld_section *tld_elf_section(const struct tld_elf *e, const char *name)
{
    const struct tld_section *found = NULL;
    for (size_t i = 0; i < e->nsecs; i++)
        if (!strcmp(e->secs[i].name, name)) {
            if (found) /* two: refuse to pick one */
                return NULL;
            found = &e->secs[i];
        }
    return found;
}

int tld_sym_is_global_def(const struct tld_sym *s)
{
    return (s->bind == STB_GLOBAL || s->bind == STB_WEAK || s->bind == STB_GNU_UNIQUE) &&
           s->shndx != SHN_UNDEF;
}
int tld_sym_is_undef(const struct tld_sym *s)
{
    /* whatever its type says: ld resolves an undefined name by name */
    return s->shndx == SHN_UNDEF && *s->name;
}

struct tld_obj *tld_obj_make(const char *display, const char *path, const char *member,
                                enum tld_class cls, unsigned char *bytes, size_t len)
{
    struct tld_obj *o = xcalloc(1, sizeof *o);
    char *err = NULL;
    o->name = xstrdup(display);
    o->path = xstrdup(path);
    o->member = member ? xstrdup(member) : NULL;
    o->cls = cls;
    o->bytes = bytes;
    o->len = len;
    tld_sha256(bytes, len, o->sha);
    if (tld_elf_parse(bytes, len, &o->elf, &err)) {
        tld_error(display, "%s", err);
        free(err);
        return NULL;
    }
    o->has_types = tld_elf_section(&o->elf, ".cuckoo.types") != NULL;
    for (size_t i = 0; i < o->elf.nsecs; i++)
        if (!strcmp(o->elf.secs[i].name, ".cuckoo.types") && &o->elf.secs[i] != tld_elf_section(&o->elf, ".cuckoo.types"))
            o->has_types = 2; /* two sections: refused as two blocks */
    return o;
}

int tld_obj_blocks(struct tld_obj *o, int linked_ok)
{
    const struct tld_section *s = tld_elf_section(&o->elf, ".cuckoo.types");
    char *err = NULL;
    if (o->has_types == 2) {
        tld_error(o->name, "malformed .cuckoo.types block: two .cuckoo.types sections");
        return -1;
    }
    if (!s)
        return -1;
    if (s->type != SHT_PROGBITS || (s->flags & SHF_ALLOC) || !s->data) {
        tld_error(o->name, "malformed .cuckoo.types block: the section must be non-allocated progbits");
        return -1;
    }
    if (!linked_ok && s->size > TLD_BLOCK_MAX) {
        tld_error(o->name, "malformed .cuckoo.types block: block larger than 16 MiB");
        return -1;
    }
    if (tld_parse_blocks((const char *)s->data, s->size, &o->blocks, &o->nblocks, &err)) {
        tld_error(o->name, "malformed .cuckoo.types block: %s", err);
        free(err);
        return -1;
    }
    if (!linked_ok) {
        if (o->nblocks != 1) {
            tld_error(o->name, "malformed .cuckoo.types block: %zu blocks in one object", o->nblocks);
            return -1;
        }
        if (o->blocks[0].linked) {
            tld_error(o->name, "malformed .cuckoo.types block: a cuckoo-linked block in an object");
            return -1;
        }
    }
    return 0;
}

/* provefile.c -- the proof writer: an object made again with the states
 * at its branch targets in its .cuckoo.proof (doc/verify.md, "States at
 * branch targets").  cuckoo-cc links it (no process, no libbfd: only the
 * objects cuckoo-cc makes are read), and cuckoo-prove runs it by hand.
 * Nothing here is trusted: the linker checks every state at every edge. */
#include "config.h"
#include <elf.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include "tld.h"

static uint32_t rd32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static uint16_t rd16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }
static void wr32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

/* The ELF32 relocatable B (LEN bytes, already parsed by tld_elf_parse)
 * with section SEC's contents replaced by DATA: every section keeps its
 * place in the order of the file, at its alignment, and the section
 * headers follow.  Returns the new bytes (*OUTLEN). */
static unsigned char *replace_section(const unsigned char *b, size_t len, unsigned sec, const char *data, size_t dlen,
                                      size_t *outlen)
{
    uint32_t shoff = rd32(b + 32);
    unsigned shentsize = rd16(b + 46), shnum = rd16(b + 48);
    size_t cap = len + dlen + 64 + (size_t)shnum * shentsize;
    unsigned char *out = xcalloc(cap, 1);
    size_t cur = 52; /* the ELF header */
    memcpy(out, b, 52);
    unsigned char *sh = xmalloc((size_t)shnum * shentsize);
    memcpy(sh, b + shoff, (size_t)shnum * shentsize);
    /* sections in the order of their offsets */
    unsigned *order = xmalloc(shnum * sizeof *order);
    unsigned n = 0;
    for (unsigned i = 1; i < shnum; i++)
        if (rd32(sh + i * shentsize + 4) != SHT_NOBITS)
            order[n++] = i;
    for (unsigned i = 0; i < n; i++)
        for (unsigned k = i + 1; k < n; k++)
            if (rd32(sh + order[k] * shentsize + 16) < rd32(sh + order[i] * shentsize + 16)) {
                unsigned t = order[i];
                order[i] = order[k];
                order[k] = t;
            }
    for (unsigned i = 0; i < n; i++) {
        unsigned char *h = sh + order[i] * shentsize;
        uint32_t align = rd32(h + 32), size = rd32(h + 20), off = rd32(h + 16);
        const unsigned char *src = b + off;
        if (order[i] == sec) {
            src = (const unsigned char *)data;
            size = (uint32_t)dlen;
        }
        if (align > 1)
            cur = (cur + align - 1) / align * align;
        memcpy(out + cur, src, size);
        wr32(h + 16, (uint32_t)cur);
        wr32(h + 20, size);
        cur += size;
    }
    cur = (cur + 3) & ~(size_t)3;
    memcpy(out + cur, sh, (size_t)shnum * shentsize);
    wr32(out + 32, (uint32_t)cur);
    cur += (size_t)shnum * shentsize;
    free(order);
    free(sh);
    *outlen = cur;
    return out;
}

int tld_prove_file(const char *in, const char *out, int text_only)
{
    /* an object that is not well-formed Cuckoo output is not ours to
     * prove: 3, silently (cuckoo-ld reports what is wrong with it) */
    /* the checker's states are a few kilobytes each, made and freed per
     * function: from the heap, not from fresh mappings each time */
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    FILE *devnull = fopen("/dev/null", "w");
    FILE *diag = tld_diag_out;
    int rc = 3;
    if (devnull)
        tld_diag_out = devnull;
    unsigned char *bytes = NULL;
    size_t len;
    struct tld_obj *o = NULL;
    char *text = NULL;
    if (!tld_read_file(in, &bytes, &len) && len >= 52 && !memcmp(bytes, ELFMAG, SELFMAG) &&
        bytes[EI_CLASS] == ELFCLASS32 && bytes[EI_DATA] == ELFDATA2LSB && (bytes[16] | bytes[17] << 8) == ET_REL)
        o = tld_obj_make(in, in, NULL, TLD_CUCKOO, bytes, len);
    const struct tld_section *ps = NULL;
    if (o && o->has_types == 1 && !tld_obj_blocks(o, 0) && (text = tld_prove_states(o)))
        ps = tld_elf_section(&o->elf, ".cuckoo.proof");
    if (devnull)
        fclose(devnull);
    tld_diag_out = diag;
    if (ps) {
        int e;
        if (text_only) {
            e = tld_write_file(out, text, strlen(text));
        } else {
            size_t n;
            unsigned char *b = replace_section(bytes, len, (unsigned)(ps - o->elf.secs), text, strlen(text), &n);
            e = tld_write_file(out, b, n);
            free(b);
        }
        rc = 0;
        if (e) {
            tld_error(out, "cannot write: %s", strerror(e));
            rc = 1;
        }
    }
    free(text);
    if (o) {
        tld_elf_free(&o->elf);
        if (o->blocks)
            tld_blocks_free(o->blocks, o->nblocks);
        free(o->name);
        free(o->path);
        free(o);
    }
    free(bytes);
    return rc;
}

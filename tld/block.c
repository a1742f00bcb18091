/* block.c -- reading .cuckoo.types (TOOLCHAIN.md "The type section" and
 * rule 6).  A section holds one block per object, so a program holds many;
 * each is parsed strictly: a reader that guessed at a malformed block would
 * let a forged one through.  Nothing here trusts a length or a count from
 * the input, and every failure is a REASON for
 * "malformed .cuckoo.types block: REASON".
 */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "tld.h"

const char *const tld_kind_names[] = {"func", "data", "tls"};
static const char *const check_names[] = {"bounds", "null", "stack", "divide"};

const char *tld_check_name(unsigned bit)
{
    for (int i = 0; i < 4; i++)
        if (bit == 1u << i)
            return check_names[i];
    return "?";
}

/* Split LINE at single spaces into at most MAX fields; the last field takes
 * the rest of the line when REST.  Returns the count, or -1 on an empty
 * field (two spaces, a leading or trailing space). */
static int split(char *line, char **f, int max, int rest)
{
    int n = 0;
    char *p = line;
    for (;;) {
        if (n == max)
            return -1;
        f[n++] = p;
        if (rest && n == max)
            return *p ? n : -1;
        char *sp = strchr(p, ' ');
        if (!sp)
            break;
        *sp = 0;
        if (sp == p)
            return -1;
        p = sp + 1;
    }
    return *p || n == 1 ? n : -1;
}

static int valid_name(const char *s)
{
    if (!*s || (*s >= '0' && *s <= '9'))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '_' || *s == '.' || *s == '$'))
            return 0;
    return 1;
}

/* producer names: cuckoo-cc, cuckoo-rt, cuckoo-ld */
static int valid_producer(const char *s)
{
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
            return 0;
    return *s != 0;
}

static int parse_hex32(const char *s, uint32_t *out)
{
    if (strncmp(s, "0x", 2) || !s[2] || strlen(s) > 10)
        return -1;
    uint32_t v = 0;
    for (s += 2; *s; s++) {
        int d;
        if (*s >= '0' && *s <= '9')
            d = *s - '0';
        else if (*s >= 'a' && *s <= 'f')
            d = *s - 'a' + 10;
        else
            return -1;
        v = v << 4 | (uint32_t)d;
    }
    *out = v;
    return 0;
}

static int parse_sha(const char *s, unsigned char *out)
{
    if (strncmp(s, "sha256:", 7))
        return -1;
    return tld_unhex(s + 7, out, 32);
}

static void block_free(struct tld_block *b)
{
    free(b->producer);
    free(b->version);
    free(b->source);
    for (size_t i = 0; i < b->nrecs; i++) {
        free(b->recs[i].name);
        free(b->recs[i].type);
        ctype_free(b->recs[i].ct);
    }
    free(b->recs);
    for (size_t i = 0; i < b->ninputs; i++) {
        free(b->inputs[i].file);
        free(b->inputs[i].cls);
    }
    free(b->inputs);
    for (size_t i = 0; i < b->nsecs; i++)
        free(b->secs[i].name);
    free(b->secs);
    for (size_t i = 0; i < b->nfuncs; i++)
        free(b->funcs[i].name);
    free(b->funcs);
    for (size_t i = 0; i < b->nunchecked; i++) {
        free(b->unchecked[i].name);
        free(b->unchecked[i].file);
    }
    free(b->unchecked);
    for (size_t i = 0; i < b->nentries; i++)
        free(b->entries[i].name);
    free(b->entries);
}

void tld_blocks_free(struct tld_block *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        block_free(&b[i]);
    free(b);
}

struct caps {
    size_t recs, inputs, secs, funcs, unchecked, entries;
};

/* One record line of an object block.  Returns NULL or the reason. */
static char *object_line(struct tld_block *b, struct caps *c, char *line, struct tld_map *names)
{
    char *f[8];
    int n;
    if (!strncmp(line, "producer ", 9) || !strcmp(line, "producer")) {
        if (b->producer)
            return xstrdup("two 'producer' lines");
        if (split(line, f, 3, 1) != 3 || !valid_producer(f[1]))
            return xstrdup("bad 'producer' line");
        b->producer = xstrdup(f[1]);
        b->version = xstrdup(f[2]);
        return NULL;
    }
    if (!strncmp(line, "source ", 7)) {
        if (b->source)
            return xstrdup("two 'source' lines");
        if (!line[7])
            return xstrdup("empty 'source' line");
        b->source = xstrdup(line + 7);
        return NULL;
    }
    if (!strncmp(line, "checks", 6) && (line[6] == ' ' || !line[6])) {
        if (b->has_checks)
            return xstrdup("two 'checks' lines");
        b->has_checks = 1;
        if (!line[6])
            return NULL;
        n = split(line + 7, f, 8, 0);
        if (n < 0)
            return xstrdup("bad 'checks' line");
        for (int i = 0; i < n; i++) {
            int k;
            for (k = 0; k < 4 && strcmp(f[i], check_names[k]); k++)
                ;
            if (k == 4)
                return xasprintf("unknown check '%s'", f[i]);
            if (b->checks & (1u << k))
                return xasprintf("check '%s' listed twice", f[i]);
            b->checks |= 1u << k;
        }
        return NULL;
    }
    if (!strncmp(line, "def ", 4) || !strncmp(line, "ref ", 4)) {
        int is_def = line[0] == 'd';
        if (split(line, f, 4, 0) != 4)
            return xasprintf("a '%s' line needs a kind, a name and a type", is_def ? "def" : "ref");
        int kind;
        for (kind = 0; kind < 3 && strcmp(f[1], tld_kind_names[kind]); kind++)
            ;
        if (kind == 3)
            return xasprintf("unknown symbol kind '%s'", f[1]);
        if (!valid_name(f[2]))
            return xasprintf("bad symbol name '%.100s'", f[2]);
        if (tld_map_get(names, f[2]))
            return xasprintf("symbol '%s' listed twice", f[2]);
        char *err = NULL;
        struct ctype *ct = ctype_parse(f[3], &err);
        if (!ct) {
            char *r = xasprintf("bad type for '%s': %s", f[2], err);
            free(err);
            return r;
        }
        if ((kind == TLD_FUNC) != (ct->tag == CT_FUNC)) {
            ctype_free(ct);
            return xasprintf("'%s' is %s but its type is %sa function", f[2],
                             kind == TLD_FUNC ? "a func" : "data", kind == TLD_FUNC ? "not " : "");
        }
        TLD_GROW(b->recs, b->nrecs, c->recs);
        struct tld_rec *r = &b->recs[b->nrecs++];
        r->is_def = is_def;
        r->kind = (enum tld_kind)kind;
        r->name = xstrdup(f[2]);
        r->type = xstrdup(f[3]);
        r->ct = ct;
        tld_map_put(names, r->name, r);
        return NULL;
    }
    return xasprintf("unknown record '%.60s'", line);
}

static char *linked_line(struct tld_block *b, struct caps *c, char *line)
{
    char *f[8];
    if (!strncmp(line, "producer ", 9)) {
        if (b->producer)
            return xstrdup("two 'producer' lines");
        if (split(line, f, 3, 1) != 3 || !valid_producer(f[1]))
            return xstrdup("bad 'producer' line");
        b->producer = xstrdup(f[1]);
        b->version = xstrdup(f[2]);
        return NULL;
    }
    if (!strncmp(line, "input ", 6)) {
        /* input sha256:HEX FILE CLASS: FILE may hold spaces, CLASS not */
        char *cls = strrchr(line, ' ');
        if (split(line, f, 3, 1) != 3 || cls <= f[2])
            return xstrdup("bad 'input' line");
        *cls++ = 0;
        TLD_GROW(b->inputs, b->ninputs, c->inputs);
        struct tld_input_rec *in = &b->inputs[b->ninputs];
        if (parse_sha(f[1], in->sha) || !*f[2])
            return xstrdup("bad 'input' line");
        if (strcmp(cls, "cuckoo") && strcmp(cls, "runtime") && strcmp(cls, "trusted-by-user"))
            return xasprintf("unknown input class '%.40s'", cls);
        in->file = xstrdup(f[2]);
        in->cls = xstrdup(cls);
        b->ninputs++;
        return NULL;
    }
    if (!strncmp(line, "section ", 8)) {
        TLD_GROW(b->secs, b->nsecs, c->secs);
        if (split(line, f, 3, 0) != 3 || parse_sha(f[2], b->secs[b->nsecs].sha))
            return xstrdup("bad 'section' line");
        b->secs[b->nsecs++].name = xstrdup(f[1]);
        return NULL;
    }
    if (!strncmp(line, "func ", 5)) {
        TLD_GROW(b->funcs, b->nfuncs, c->funcs);
        struct tld_funcrec *fr = &b->funcs[b->nfuncs];
        if (split(line, f, 4, 0) != 4 || parse_hex32(f[1], &fr->addr) ||
            parse_hex32(f[2], &fr->size) || !valid_name(f[3]))
            return xstrdup("bad 'func' line");
        if ((uint64_t)fr->addr + fr->size > 0xffffffffu)
            return xstrdup("'func' range wraps around");
        fr->name = xstrdup(f[3]);
        b->nfuncs++;
        return NULL;
    }
    if (!strncmp(line, "unchecked ", 10)) {
        if (split(line, f, 3, 1) != 3 || !valid_name(f[1]))
            return xstrdup("bad 'unchecked' line");
        TLD_GROW(b->unchecked, b->nunchecked, c->unchecked);
        b->unchecked[b->nunchecked].name = xstrdup(f[1]);
        b->unchecked[b->nunchecked].file = xstrdup(f[2]);
        b->unchecked[b->nunchecked++].addr = 0;
        return NULL;
    }
    if (!strncmp(line, "entry ", 6)) {
        TLD_GROW(b->entries, b->nentries, c->entries);
        struct tld_namerec *e = &b->entries[b->nentries];
        if (split(line, f, 3, 0) != 3 || parse_hex32(f[1], &e->addr) || !valid_name(f[2]))
            return xstrdup("bad 'entry' line");
        e->name = xstrdup(f[2]);
        e->file = NULL;
        b->nentries++;
        return NULL;
    }
    return xasprintf("unknown record '%.60s'", line);
}

int tld_parse_blocks(const char *data, size_t len, struct tld_block **out, size_t *nout, char **err)
{
    struct tld_block *blocks = NULL;
    size_t nb = 0, capb = 0;
    size_t pos = 0, lineno = 0;
    char *reason = NULL;
    char *line = NULL;
    struct tld_map names = {0};
    struct caps caps;
    struct tld_block *b = NULL;
    size_t block_start = 0;

    if (len == 0) {
        reason = xstrdup("the section is empty");
        goto fail;
    }
    if (memchr(data, 0, len)) {
        reason = xasprintf("NUL byte at offset %zu", (size_t)((const char *)memchr(data, 0, len) - data));
        goto fail;
    }
    while (pos < len) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t l = nl ? (size_t)(nl - (data + pos)) : len - pos;
        lineno++;
        if (l + 1 > TLD_LINE_MAX) {
            reason = xasprintf("line %zu is longer than 64 KiB", lineno);
            goto fail;
        }
        if (!nl) {
            reason = xasprintf("line %zu does not end with a newline", lineno);
            goto fail;
        }
        free(line);
        line = xstrndup(data + pos, l);
        if (!b) {
            /* the first line of a block: its format and version */
            TLD_GROW(blocks, nb, capb);
            b = &blocks[nb++];
            memset(b, 0, sizeof *b);
            memset(&caps, 0, sizeof caps);
            block_start = pos;
            if (!strncmp(line, "cuckoo-object ", 14) || !strncmp(line, "cuckoo-linked ", 14)) {
                b->linked = line[7] == 'l';
                if (strcmp(line + 14, "1")) {
                    reason = xasprintf("unknown version '%.20s' of %.13s", line + 14, line);
                    goto fail;
                }
            } else {
                reason = xasprintf("line %zu: expected 'cuckoo-object 1' or 'cuckoo-linked 1', "
                                   "found '%.60s'", lineno, line);
                goto fail;
            }
        } else if (!strcmp(line, "end")) {
            if (!b->producer) {
                reason = xasprintf("line %zu: block has no 'producer' line", lineno);
                goto fail;
            }
            b = NULL;
            tld_map_free(&names);
        } else {
            char *r = b->linked ? linked_line(b, &caps, line) : object_line(b, &caps, line, &names);
            if (r) {
                reason = xasprintf("line %zu: %s", lineno, r);
                free(r);
                goto fail;
            }
        }
        pos += l + 1;
        if (pos - block_start > TLD_BLOCK_MAX) {
            reason = xstrdup("block larger than 16 MiB");
            goto fail;
        }
    }
    if (b) {
        reason = xstrdup("missing 'end'");
        goto fail;
    }
    free(line);
    *out = blocks;
    *nout = nb;
    return 0;
fail:
    free(line);
    tld_map_free(&names);
    tld_blocks_free(blocks, nb);
    *out = NULL;
    *nout = 0;
    *err = reason;
    return -1;
}

/* ctype.c -- canonical type strings (TOOLCHAIN.md "Canonical types"):
 * parsed into a tree, so that malformed strings are refused, the two
 * agreement exceptions can be decided, and errors can show the type back
 * in C syntax.
 *
 * The grammar and its spellings are common/canon.h's, shared with the
 * writer in cuckoo-cc.  A bare s:NAME must follow that struct's full form
 * earlier in the same string (the encoder writes a struct in full once per
 * string).  Nesting is bounded so that a hostile block cannot exhaust the
 * stack.
 */
#include "config.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "tld.h"
#include "canon.h"

#define CT_MAX_DEPTH 256

struct parser {
    const char *s, *p;
    char *err;
    int depth;
    /* names of structs (s:) and unions (u:) already written in full */
    char **seen;
    size_t nseen, capseen;
    /* every tag named so far, in full, incomplete or back, and whether as
     * a union: C's tags are one name space, so one name is never both */
    struct tag_use { const char *name; int is_union; } *tags;
    size_t ntags, captags;
};

static void fail(struct parser *ps, const char *fmt, ...) TLD_PRINTF(2, 3);
static void fail(struct parser *ps, const char *fmt, ...)
{
    if (ps->err)
        return;
    va_list ap;
    char buf[256];
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    ps->err = xasprintf("%s at offset %zu of type '%.200s%s'", buf,
                        (size_t)(ps->p - ps->s), ps->s, strlen(ps->s) > 200 ? "..." : "");
}

static int is_id0(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_id(int c) { return is_id0(c) || (c >= '0' && c <= '9'); }

static char *ident(struct parser *ps)
{
    const char *b = ps->p;
    if (!is_id0((unsigned char)*ps->p)) {
        fail(ps, "expected a name");
        return NULL;
    }
    while (is_id((unsigned char)*ps->p))
        ps->p++;
    return xstrndup(b, (size_t)(ps->p - b));
}

static int expect(struct parser *ps, char c)
{
    if (*ps->p != c) {
        fail(ps, "expected '%c'", c);
        return 0;
    }
    ps->p++;
    return 1;
}

static struct ctype *new_type(enum ct_tag tag)
{
    struct ctype *t = xcalloc(1, sizeof *t);
    t->tag = tag;
    t->len = -1;
    return t;
}

static struct ctype *type(struct parser *ps);

static struct ctype *wrap(struct parser *ps, enum ct_tag tag)
{
    struct ctype *t = new_type(tag);
    if (expect(ps, CK_OPEN))
        t->sub = type(ps);
    if (!ps->err)
        expect(ps, CK_CLOSE);
    return t;
}

static struct ctype *aggregate(struct parser *ps, enum ct_tag tag, size_t ctor_len)
{
    struct ctype *t = new_type(tag);
    const char *ctor = ck_ctor_spelling[tag == CT_STRUCT ? CKC_STRUCT : CKC_UNION];
    ps->p += ctor_len; /* s: or u: */
    t->tagname = ident(ps);
    if (!t->tagname)
        return t;
    int is_union = tag == CT_UNION, known = 0;
    for (size_t i = 0; i < ps->ntags && !known; i++)
        if (!strcmp(ps->tags[i].name, t->tagname)) {
            if (ps->tags[i].is_union != is_union) {
                fail(ps, "'%.200s' is both a struct and a union tag", t->tagname);
                return t;
            }
            known = 1;
        }
    if (!known) {
        TLD_GROW(ps->tags, ps->ntags, ps->captags);
        ps->tags[ps->ntags++] = (struct tag_use){t->tagname, is_union};
    }
    if (*ps->p == CK_INCOMPLETE) {
        ps->p++;
        t->incomplete = 1;
        return t;
    }
    /* the whole tag, however long: two tags that share a long prefix
     * are two tags */
    char *key = xasprintf("%s%s", ctor, t->tagname);
    int seen = 0;
    for (size_t i = 0; i < ps->nseen; i++)
        if (!strcmp(ps->seen[i], key))
            seen = 1;
    if (*ps->p != CK_BODY_OPEN) {
        if (!seen)
            fail(ps, "'%.200s' is not written in full before this reference", key);
        free(key);
        t->backref = 1;
        return t;
    }
    if (seen) {
        fail(ps, "'%.200s' is written in full twice", key);
        free(key);
        return t;
    }
    TLD_GROW(ps->seen, ps->nseen, ps->capseen);
    ps->seen[ps->nseen++] = key;
    ps->p++;
    size_t cap = 0;
    if (*ps->p == CK_BODY_CLOSE) {
        ps->p++;
        return t;
    }
    for (;;) {
        char *name = ident(ps);
        if (!name)
            return t;
        TLD_GROW(t->members, t->nmembers, cap);
        t->mnames = xrealloc(t->mnames, cap * sizeof *t->mnames);
        t->mnames[t->nmembers] = name;
        t->members[t->nmembers++] = NULL;
        if (!expect(ps, CK_MEMBER_TYPE))
            return t;
        t->members[t->nmembers - 1] = type(ps);
        if (ps->err)
            return t;
        if (*ps->p == CK_LIST_SEP) {
            ps->p++;
            continue;
        }
        expect(ps, CK_BODY_CLOSE);
        return t;
    }
}

static struct ctype *func(struct parser *ps, size_t ctor_len)
{
    struct ctype *t = new_type(CT_FUNC);
    size_t cap = 0, nvar = strlen(CK_VARIADIC);
    ps->p += ctor_len; /* f */
    if (!expect(ps, CK_OPEN))
        return t;
    t->sub = type(ps);
    if (ps->err || !expect(ps, CK_RESULT_END))
        return t;
    if (*ps->p == CK_CLOSE) {
        ps->p++;
        return t;
    }
    for (;;) {
        if (!strncmp(ps->p, CK_VARIADIC, nvar)) {
            ps->p += nvar;
            t->variadic = 1;
            expect(ps, CK_CLOSE);
            return t;
        }
        TLD_GROW(t->params, t->nparams, cap);
        t->params[t->nparams++] = type(ps);
        if (ps->err)
            return t;
        if (*ps->p == CK_LIST_SEP) {
            ps->p++;
            continue;
        }
        expect(ps, CK_CLOSE);
        return t;
    }
}

static struct ctype *type(struct parser *ps)
{
    struct ctype *t = NULL;
    if (++ps->depth > CT_MAX_DEPTH) {
        fail(ps, "type nested more than %d deep", CT_MAX_DEPTH);
        ps->depth--;
        return NULL;
    }
    const char *p = ps->p;
    size_t n, left = strlen(p);
    int k = ck_scalar_at(p, left, &n);
    if (k >= 0) {
        t = new_type(CT_BASE);
        t->base = ck_scalar_spelling[k];
        ps->p += n;
        goto out;
    }
    switch (ck_ctor_at(p, left, &n)) {
    case CKC_CONST: ps->p += n; t = wrap(ps, CT_CONST); break;
    case CKC_VOLATILE: ps->p += n; t = wrap(ps, CT_VOLATILE); break;
    case CKC_GPTR: ps->p += n; t = wrap(ps, CT_GPTR); break;
    case CKC_OPTR: ps->p += n; t = wrap(ps, CT_OPTR); break;
    case CKC_PTR: ps->p += n; t = wrap(ps, CT_PTR); break;
    case CKC_ARRAY: {
        long long len = -1;
        ps->p += n;
        if (*ps->p >= '0' && *ps->p <= '9') {
            len = 0;
            if (*ps->p == '0' && ps->p[1] >= '0' && ps->p[1] <= '9') {
                fail(ps, "array length with a leading zero");
                break;
            }
            while (*ps->p >= '0' && *ps->p <= '9') {
                len = len * 10 + (*ps->p++ - '0');
                if (len > 0x7fffffffLL) {
                    fail(ps, "array length too large");
                    break;
                }
            }
        }
        t = wrap(ps, CT_ARRAY);
        t->len = len;
        break;
    }
    case CKC_FUNC:
        if (p[n] == CK_OPEN) {
            t = func(ps, n);
            break;
        }
        fail(ps, "unknown type");
        break;
    case CKC_STRUCT: t = aggregate(ps, CT_STRUCT, n); break;
    case CKC_UNION: t = aggregate(ps, CT_UNION, n); break;
    default:
        fail(ps, *p ? "unknown type" : "type ends early");
        break;
    }
out:
    ps->depth--;
    return t;
}

struct ctype *ctype_parse(const char *s, char **err)
{
    struct parser ps = {.s = s, .p = s};
    struct ctype *t = type(&ps);
    if (!ps.err && *ps.p)
        fail(&ps, "junk after the type");
    /* A function type may only appear where C allows one: as a symbol's
     * type or under a pointer.  Checked loosely: void only as a result or
     * under a pointer is left to the compiler; the reader refuses syntax. */
    for (size_t i = 0; i < ps.nseen; i++)
        free(ps.seen[i]);
    free(ps.seen);
    free(ps.tags);
    if (ps.err) {
        ctype_free(t);
        *err = ps.err;
        return NULL;
    }
    return t;
}

void ctype_free(struct ctype *t)
{
    if (!t)
        return;
    ctype_free(t->sub);
    for (size_t i = 0; i < t->nparams; i++)
        ctype_free(t->params[i]);
    free(t->params);
    for (size_t i = 0; i < t->nmembers; i++) {
        free(t->mnames[i]);
        ctype_free(t->members[i]);
    }
    free(t->mnames);
    free(t->members);
    free(t->tagname);
    free(t);
}

/* ---- rendering back into C: the classic inside-out declarator walk ---- */

struct sbuf {
    char *s;
    size_t n, cap;
};
static void sb_add(struct sbuf *b, const char *s)
{
    size_t l = strlen(s);
    while (b->n + l + 1 > b->cap) {
        b->cap = b->cap ? 2 * b->cap : 64;
        b->s = xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, l + 1);
    b->n += l;
}

static const char *base_name(const char *b)
{
    for (int i = 0; i < CK_NSCALARS; i++)
        if (!strcmp(ck_scalar_spelling[i], b))
            return ck_scalar_cname[i];
    return b;
}

/* Qualifiers collected above a non-pointer type are written before it
 * ("const int"); above a pointer they go after its star ("int *const p"). */
static char *render(const struct ctype *t, const char *decl, const char *quals)
{
    struct sbuf b = {0};
    char *r;
    switch (t->tag) {
    case CT_CONST:
    case CT_VOLATILE: {
        char *q = xasprintf("%s%s", quals, t->tag == CT_CONST ? "const " : "volatile ");
        r = render(t->sub, decl, q);
        free(q);
        return r;
    }
    case CT_PTR:
    case CT_GPTR:
    case CT_OPTR: {
        const struct ctype *s = t->sub;
        while (s->tag == CT_CONST || s->tag == CT_VOLATILE)
            s = s->sub;
        int paren = s->tag == CT_ARRAY || s->tag == CT_FUNC;
        size_t ql = strlen(quals);
        char *q = xstrndup(quals, ql ? ql - 1 : 0); /* without the final space */
        const char *g = t->tag == CT_GPTR ? "global" : t->tag == CT_OPTR ? "own" : "";
        char *d = xasprintf("%s*%s%s%s%s%s%s", paren ? "(" : "", g,
                            *g && (ql || *decl) ? " " : "", q, ql && *decl ? " " : "",
                            decl, paren ? ")" : "");
        free(q);
        r = render(t->sub, d, "");
        free(d);
        return r;
    }
    case CT_ARRAY: {
        char *d = t->len < 0 ? xasprintf("%s[]", decl) : xasprintf("%s[%lld]", decl, t->len);
        r = render(t->sub, d, quals); /* qualifiers of an array are its elements' */
        free(d);
        return r;
    }
    case CT_FUNC: {
        sb_add(&b, decl);
        sb_add(&b, "(");
        for (size_t i = 0; i < t->nparams; i++) {
            char *p = render(t->params[i], "", "");
            if (i)
                sb_add(&b, ", ");
            sb_add(&b, p);
            free(p);
        }
        if (t->variadic)
            sb_add(&b, t->nparams ? ", ..." : "...");
        else if (!t->nparams)
            sb_add(&b, "void");
        sb_add(&b, ")");
        r = render(t->sub, b.s, "");
        free(b.s);
        return r;
    }
    case CT_STRUCT:
    case CT_UNION:
        return xasprintf("%s%s %s%s%s", quals, t->tag == CT_STRUCT ? "struct" : "union",
                         t->tagname ? t->tagname : "?", *decl ? " " : "", decl);
    case CT_BASE:
        return xasprintf("%s%s%s%s", quals, base_name(t->base), *decl ? " " : "", decl);
    }
    tld_die("bad type tag");
}

char *ctype_render(const struct ctype *t, const char *name)
{
    return render(t, name ? name : "", "");
}

/* ---- agreement ---- */

static int same(const struct ctype *r, const struct ctype *d, int allow_unsized)
{
    if (r->tag == CT_STRUCT || r->tag == CT_UNION) {
        if (d->tag != r->tag || strcmp(r->tagname, d->tagname))
            return 0;
        if (r->incomplete) /* the ref only uses it through a pointer */
            return 1;
        if (r->backref || d->backref || d->incomplete)
            return r->backref == d->backref && r->incomplete == d->incomplete;
        if (r->nmembers != d->nmembers)
            return 0;
        for (size_t i = 0; i < r->nmembers; i++)
            if (strcmp(r->mnames[i], d->mnames[i]) || !same(r->members[i], d->members[i], 0))
                return 0;
        return 1;
    }
    if (r->tag != d->tag)
        return 0;
    switch (r->tag) {
    case CT_BASE:
        return !strcmp(r->base, d->base);
    case CT_ARRAY:
        if (r->len != d->len && !(allow_unsized && r->len < 0))
            return 0;
        return same(r->sub, d->sub, 0);
    case CT_FUNC:
        if (r->nparams != d->nparams || r->variadic != d->variadic || !same(r->sub, d->sub, 0))
            return 0;
        for (size_t i = 0; i < r->nparams; i++)
            if (!same(r->params[i], d->params[i], 0))
                return 0;
        return 1;
    default:
        return same(r->sub, d->sub, 0);
    }
}

int ctype_agree(const char *ref, const struct ctype *rt, const char *def,
                const struct ctype *dt, int is_data)
{
    if (!strcmp(ref, def))
        return 1;
    /* The exceptions, and only they: s:S? in the ref meets any struct S,
     * and a data ref that is a whole a(T) meets aN(T). */
    return same(rt, dt, is_data);
}

/* A struct inside another is compared by its tag only: every complete
 * spelling of a tag is compared on its own (resolve.c), and a back
 * reference or an incomplete s:S? names that one type. */
static int same_spelling(const struct ctype *a, const struct ctype *b, int top)
{
    if (a->tag != b->tag)
        return 0;
    switch (a->tag) {
    case CT_STRUCT:
    case CT_UNION:
        if (strcmp(a->tagname, b->tagname))
            return 0;
        if (!top)
            return 1;
        if (a->incomplete || b->incomplete || a->backref || b->backref)
            return a->incomplete == b->incomplete && a->backref == b->backref;
        if (a->nmembers != b->nmembers)
            return 0;
        for (size_t i = 0; i < a->nmembers; i++)
            if (strcmp(a->mnames[i], b->mnames[i]) || !same_spelling(a->members[i], b->members[i], 0))
                return 0;
        return 1;
    case CT_BASE:
        return !strcmp(a->base, b->base);
    case CT_ARRAY:
        return a->len == b->len && same_spelling(a->sub, b->sub, 0);
    case CT_FUNC:
        if (a->nparams != b->nparams || a->variadic != b->variadic || !same_spelling(a->sub, b->sub, 0))
            return 0;
        for (size_t i = 0; i < a->nparams; i++)
            if (!same_spelling(a->params[i], b->params[i], 0))
                return 0;
        return 1;
    default:
        return same_spelling(a->sub, b->sub, 0);
    }
}

int ctype_same(const struct ctype *a, const struct ctype *b)
{
    return same_spelling(a, b, 1);
}

int ctype_returns_aggregate(const struct ctype *t)
{
    if (!t || t->tag != CT_FUNC)
        return 0;
    const struct ctype *r = t->sub;
    while (r->tag == CT_CONST || r->tag == CT_VOLATILE)
        r = r->sub;
    return r->tag == CT_STRUCT || r->tag == CT_UNION;
}

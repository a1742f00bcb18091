/* ctype.c -- the spelling tables of canonical type strings (canon.h). */
#include <string.h>
#include "canon.h"

const char *const ck_ctor_spelling[CK_NCTORS] = {
    [CKC_CONST] = "k", [CKC_VOLATILE] = "w", [CKC_GPTR] = "pg", [CKC_OPTR] = "po",
    [CKC_PTR] = "p",
    [CKC_ARRAY] = "a", [CKC_FUNC] = "f",     [CKC_STRUCT] = "s:", [CKC_UNION] = "u:",
};

const char *const ck_scalar_spelling[CK_NSCALARS] = {
#define CK_SCALAR(id, spelling, cname, i386_size, i386_align) [CKS_##id] = spelling,
#include "ctype.def"
#undef CK_SCALAR
};

const char *const ck_scalar_cname[CK_NSCALARS] = {
#define CK_SCALAR(id, spelling, cname, i386_size, i386_align) [CKS_##id] = cname,
#include "ctype.def"
#undef CK_SCALAR
};

int ck_scalar_at(const char *s, size_t len, size_t *n)
{
    int best = -1;
    size_t bestn = 0;
    for (int i = 0; i < CK_NSCALARS; i++) {
        size_t k = strlen(ck_scalar_spelling[i]);
        if (k > len || memcmp(s, ck_scalar_spelling[i], k) || k <= bestn)
            continue;
        if (k < len && s[k] >= '0' && s[k] <= '9')
            continue;
        best = i;
        bestn = k;
    }
    *n = bestn;
    return best;
}

int ck_ctor_at(const char *s, size_t len, size_t *n)
{
    for (int i = 0; i < CK_NCTORS; i++) {
        size_t k = strlen(ck_ctor_spelling[i]);
        if (k <= len && !memcmp(s, ck_ctor_spelling[i], k)) {
            *n = k;
            return i;
        }
    }
    *n = 0;
    return -1;
}

/* canon.h -- the spelling of canonical type strings (TOOLCHAIN.md
 * "Canonical types"), shared by the writer (cc/type.c) and the readers
 * (tld/ctype.c; the runtime's rt/layout.c for the scalars).
 *
 * Grammar (no spaces anywhere), in the names below:
 *   T  := SCALAR | k(T) | w(T) | p(T) | pg(T) | po(T) | a(T) | aN(T)
 *       | f(T;) | f(T;L) | f(T;L,...) | f(T;...)
 *       | s:NAME{M} | s:NAME | s:NAME? | u:...      (M := [NAME:T(,NAME:T)*])
 * where SCALAR is a spelling of ctype.def, L a comma-separated list of T,
 * and an anonymous member is named "_". */
#ifndef CUCKOO_COMMON_CTYPE_H
#define CUCKOO_COMMON_CTYPE_H

#include <stddef.h>
#include "abi.h"

/* The constructors, in the order a reader must try them (a spelling before
 * any other it is a prefix of: pg and po before p). */
enum ck_ctor {
    CKC_CONST,      /* k(T) */
    CKC_VOLATILE,   /* w(T) */
    CKC_GPTR,       /* pg(T): a global pointer */
    CKC_OPTR,       /* po(T): an owned pointer (LANGUAGE.md §13.1) */
    CKC_PTR,        /* p(T) */
    CKC_ARRAY,      /* aN(T), a(T) */
    CKC_FUNC,       /* f(R;P1,...,Pn) */
    CKC_STRUCT,     /* s:NAME... */
    CKC_UNION,      /* u:NAME... */
    CK_NCTORS
};
extern const char *const ck_ctor_spelling[CK_NCTORS];

#define CK_OPEN '('           /* after k w p pg po aN f */
#define CK_CLOSE ')'
#define CK_RESULT_END ';'     /* f(R;...) */
#define CK_LIST_SEP ','       /* between parameters, between members */
#define CK_VARIADIC "..."
#define CK_BODY_OPEN '{'      /* s:NAME{...} */
#define CK_BODY_CLOSE '}'
#define CK_MEMBER_TYPE ':'    /* NAME:T inside a body */
#define CK_INCOMPLETE '?'     /* s:NAME? */
#define CK_ANON_NAME "_"      /* an anonymous member, struct or union */

extern const char *const ck_scalar_spelling[CK_NSCALARS];
extern const char *const ck_scalar_cname[CK_NSCALARS];

/* The scalar whose spelling starts S[0..LEN) (S need not be terminated),
 * taking the longest and refusing one followed by a digit ("i3" of
 * "i32" is no match); -1 if none.  *N gets the spelling's length. */
int ck_scalar_at(const char *s, size_t len, size_t *n);
/* The constructor starting S[0..LEN), or -1; *N gets its length. */
int ck_ctor_at(const char *s, size_t len, size_t *n);

#endif

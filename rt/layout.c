/* layout.c -- the runtime's own reading of a type descriptor.
 *
 * A type descriptor (doc/abi.md) comes from an object file, and an object
 * may be written by hand: its size, alignment, plainness and zero-value
 * image are believed only once the runtime has derived them itself from
 * the canonical type string (TOOLCHAIN.md "Canonical types"), with the
 * layout of LANGUAGE.md §4 and §6 (i386 System V; an array is a length
 * word and its elements, aligned to at least 4).  Otherwise a descriptor
 * whose string names a real type could claim a smaller size (legitimate
 * code would write past the block) or an image with a larger length word
 * (checked indexes would trust it).
 *
 * The check runs once per descriptor and thread (a small cache): the
 * compiler's descriptors are static and read-only.  Reading the string is
 * bounded; a descriptor that does not parse, or that disagrees, is
 * refused. */
#include <string.h>

#include "rt.h"

#define CANON_MAX 65536
#define DEPTH_MAX 64
#define STRUCTS_MAX 128

struct shape {
  unsigned long long size;
  unsigned align;
  int plain;                      /* no pointer, function pointer or length word */
  int has_lw;                     /* holds a length word */
  int has_own;                    /* holds an owned pointer, po(T) */
};

struct reader {
  const char *s, *end;
  int depth;
  int bad;
  /* structs and unions written in full so far: name, where their body
   * starts (for a by-value back reference) and their shape */
  struct {
    const char *name;
    size_t len;
    int is_union;
    const char *body;
    struct shape sh;
  } seen[STRUCTS_MAX];
  int nseen;
  /* checking an image: its bytes, or NULL to compute the shape only */
  const unsigned char *img;
  unsigned long long img_size;
  /* collecting the owned pointers of an object (rt_owned_slots): their
   * offsets (| 1 for po(a(T))), or NULL; with count_only, own is only a
   * flag (never written) and nown counts them */
  unsigned *own;
  int nown, own_max, count_only;
};

static int is_ident(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static int eat(struct reader *r, char c) {
  if (r->s < r->end && *r->s == c) {
    r->s++;
    return 1;
  }
  r->bad = 1;
  return 0;
}

/* Bytes [OFF, OFF + N) of the image are zero. */
static void want_zero(struct reader *r, unsigned long long off, unsigned long long n) {
  if (!r->img)
    return;
  if (off + n > r->img_size) {
    r->bad = 1;
    return;
  }
  for (unsigned long long i = 0; i < n; i++)
    if (r->img[off + i]) {
      r->bad = 1;
      return;
    }
}

static struct shape type_at(struct reader *r, unsigned long long off);
static struct shape aggregate(struct reader *r, int is_union, unsigned long long off);

/* The members of a struct or union after its '{', laid out at OFF. */
static struct shape members(struct reader *r, int is_union, unsigned long long off) {
  struct shape sh = {0, 1, 1, 0};
  unsigned long long pos = 0;
  if (r->s < r->end && *r->s == '}') {
    r->s++;
    return sh;
  }
  for (;;) {
    while (r->s < r->end && is_ident(*r->s))
      r->s++;
    if (!eat(r, ':'))
      return sh;
    /* the member's shape first (alignment), then its image at its place */
    const char *at = r->s;
    const unsigned char *img = r->img;
    unsigned *own = r->own;
    r->img = NULL;
    r->own = NULL;
    struct shape m = type_at(r, 0);
    r->img = img;
    r->own = own;
    if (r->bad)
      return sh;
    unsigned long long moff = is_union ? 0 : (pos + m.align - 1) / m.align * m.align;
    if (r->img || (r->own && m.has_own)) {
      const char *after = r->s;
      if (r->img)
        want_zero(r, off + pos, moff - pos); /* padding */
      r->s = at;
      type_at(r, off + moff);
      r->s = after;
    }
    pos = is_union ? (m.size > pos ? m.size : pos) : moff + m.size;
    if (m.align > sh.align)
      sh.align = m.align;
    sh.plain &= m.plain;
    sh.has_lw |= m.has_lw;
    sh.has_own |= m.has_own;
    if (pos > 0x7fffffffull)
      r->bad = 1;
    if (r->bad)
      return sh;
    if (r->s < r->end && *r->s == ',') {
      r->s++;
      continue;
    }
    eat(r, '}');
    break;
  }
  sh.size = (pos + sh.align - 1) / sh.align * sh.align;
  if (is_union && (sh.has_lw || !sh.plain))
    r->bad = 1;                   /* §6: unions hold plain members only */
  want_zero(r, off + pos, sh.size - pos);
  return sh;
}

static struct shape aggregate(struct reader *r, int is_union, unsigned long long off) {
  struct shape sh = {0, 1, 1, 0};
  const char *name = r->s;
  while (r->s < r->end && is_ident(*r->s))
    r->s++;
  size_t len = (size_t)(r->s - name);
  if (len == 0) {
    r->bad = 1;
    return sh;
  }
  if (r->s < r->end && *r->s == '?') {
    r->bad = 1;                   /* an incomplete type has no layout */
    return sh;
  }
  if (r->s < r->end && *r->s == '{') {
    r->s++;
    const char *body = r->s;
    for (int i = 0; i < r->nseen; i++)
      if (r->seen[i].body == body) {
        /* parsed before (an element of an array, again): its shape is
         * known; check this copy's image */
        members(r, is_union, off);
        return r->seen[i].sh;
      }
    if (r->nseen >= STRUCTS_MAX) {
      r->bad = 1;
      return sh;
    }
    /* C's struct and union tags are one name space: a name spelled as
     * both is no type cuckoo-cc writes, and the linker's reader refuses
     * it too (a back reference must mean the same thing to both) */
    for (int k = 0; k < r->nseen; k++)
      if (r->seen[k].len == len && !memcmp(r->seen[k].name, name, len) && r->seen[k].is_union != is_union) {
        r->bad = 1;
        return sh;
      }
    int i = r->nseen++;
    r->seen[i].name = name;
    r->seen[i].len = len;
    r->seen[i].is_union = is_union;
    r->seen[i].body = body;
    r->seen[i].sh = members(r, is_union, off);
    return r->seen[i].sh;
  }
  /* a back reference: the latest full spelling of that name, of the
   * same kind (s: or u:) */
  for (int i = r->nseen - 1; i >= 0; i--)
    if (r->seen[i].len == len && !memcmp(r->seen[i].name, name, len) && r->seen[i].is_union == is_union) {
      if (r->img || (r->own && r->seen[i].sh.has_own)) {
        const char *after = r->s;
        r->s = r->seen[i].body;
        members(r, is_union, off);
        r->s = after;
      }
      return r->seen[i].sh;
    }
  r->bad = 1;
  return sh;
}

static struct shape scalar(struct reader *r, unsigned size, unsigned align, int plain,
                           unsigned long long off) {
  struct shape sh = {size, align, plain, 0};
  want_zero(r, off, size);
  return sh;
}

/* A type that a pointer points to: its layout does not matter, but a
 * struct spelled in full inside it may be named by value later. */
static void target(struct reader *r) {
  if (++r->depth > DEPTH_MAX || r->s >= r->end) {
    r->bad = 1;
    r->depth--;
    return;
  }
  const char *s = r->s;
  size_t left = (size_t)(r->end - s);
  if ((*s == 's' || *s == 'u') && left > 1 && s[1] == ':') {
    r->s += 2;
    const char *name = r->s;
    while (r->s < r->end && is_ident(*r->s))
      r->s++;
    if (r->s == name)
      r->bad = 1;
    else if (r->s < r->end && *r->s == '?')
      r->s++;
    else if (r->s < r->end && *r->s == '{') {
      r->s = name;
      const unsigned char *img = r->img;
      unsigned *own = r->own;
      r->img = NULL;
      r->own = NULL;
      aggregate(r, *s == 'u', 0);
      r->img = img;
      r->own = own;
    }
  } else if (*s == 'f' && left > 1 && s[1] == '(') {
    r->s += 2;
    target(r);
    eat(r, ';');
    while (!r->bad && r->s < r->end && *r->s != ')') {
      if ((size_t)(r->end - r->s) >= 3 && !memcmp(r->s, "...", 3))
        r->s += 3;
      else
        target(r);
      if (r->s < r->end && *r->s == ',')
        r->s++;
      else
        break;
    }
    eat(r, ')');
  } else if (*s == 'k' || *s == 'w' || *s == 'p' || *s == 'a') {
    r->s++;
    while (r->s < r->end && ((*r->s >= '0' && *r->s <= '9') || *r->s == 'g' || *r->s == 'o'))
      r->s++;
    if (eat(r, '('))
      target(r);
    eat(r, ')');
  } else if (*s == 'v') {
    r->s++;
  } else {
    const unsigned char *img = r->img;
    unsigned *own = r->own;
    r->img = NULL;
    r->own = NULL;
    type_at(r, 0);                /* a scalar */
    r->img = img;
    r->own = own;
  }
  r->depth--;
}

/* The scalars of an object (common/ctype.def; void is none), with their
 * i386 size and alignment. */
static const struct {
  const char *spelling;
  unsigned size, align;
} scalars[] = {
#define CK_SCALAR(id, spelling, cname, i386_size, i386_align) {spelling, i386_size, i386_align},
#include "../common/ctype.def"
#undef CK_SCALAR
};

/* The scalar whose spelling starts S (LEFT bytes), not followed by a
 * digit (i3 of i32) nor by ':' (no scalar is); -1 if none or void. */
static int scalar_at(const char *s, size_t left) {
  int best = -1;
  size_t bestn = 0;
  for (int i = 0; i < (int)(sizeof scalars / sizeof *scalars); i++) {
    size_t n = strlen(scalars[i].spelling);
    if (!scalars[i].size || n > left || n <= bestn || memcmp(s, scalars[i].spelling, n))
      continue;
    if (n < left && ((s[n] >= '0' && s[n] <= '9') || s[n] == ':'))
      continue;
    best = i;
    bestn = n;
  }
  return best;
}

static struct shape type_at(struct reader *r, unsigned long long off) {
  struct shape none = {0, 1, 1, 0};
  if (++r->depth > DEPTH_MAX || r->s >= r->end) {
    r->bad = 1;
    r->depth--;
    return none;
  }
  struct shape sh = none;
  const char *s = r->s;
  size_t left = (size_t)(r->end - s);
  int k = scalar_at(s, left);
  if (k >= 0) {
    r->s += strlen(scalars[k].spelling);
    sh = scalar(r, scalars[k].size, scalars[k].align, 1, off);
  } else if (*s == 'k' || *s == 'w') {
    r->s++;
    if (eat(r, '('))
      sh = type_at(r, off);
    eat(r, ')');
  } else if (*s == 'p') {
    int owned = left > 1 && s[1] == 'o';
    r->s += left > 1 && (s[1] == 'g' || s[1] == 'o') ? 2 : 1;
    /* po(a(T)) owns an array: its block is found past the length word */
    int owns_array = owned && r->s + 1 < r->end && r->s[0] == '(' && r->s[1] == 'a';
    if (eat(r, '('))
      target(r);
    eat(r, ')');
    sh = scalar(r, 4, 4, 0, off);
    sh.has_own = owned;
    if (owned && r->own) {
      if ((r->count_only ? r->nown == 0x7fffffff : r->nown >= r->own_max) || off > 0x7fffffffull)
        r->bad = 1;
      else if (r->count_only)
        r->nown++;
      else
        r->own[r->nown++] = (unsigned)off | (unsigned)owns_array;
    }
  } else if (*s == 'a') {
    unsigned long long n = 0;
    int digits = 0;
    r->s++;
    while (r->s < r->end && *r->s >= '0' && *r->s <= '9' && n <= 0x7fffffffull) {
      n = n * 10 + (unsigned)(*r->s++ - '0');
      digits++;
    }
    if (!digits || n > 0x7fffffffull || !eat(r, '(')) {
      r->bad = 1;                 /* an object's array has its length */
    } else {
      const char *elem = r->s;
      const unsigned char *img = r->img;
      unsigned *own = r->own;
      r->img = NULL;
      r->own = NULL;
      struct shape e = type_at(r, 0);
      r->img = img;
      r->own = own;
      const char *after = r->s;
      sh.align = (unsigned)ck_array_align(e.align);
      unsigned long long bytes = CK_LEN_WORD_SIZE + n * e.size;
      sh.size = ck_array_size(e.size, n, e.align);
      sh.plain = 0;
      sh.has_lw = 1;
      sh.has_own = e.has_own;
      if (sh.size > 0x7fffffffull)
        r->bad = 1;
      if (r->own && e.has_own && !r->bad) {
        const unsigned char *keep = r->img;
        r->img = NULL;
        for (unsigned long long i = 0; i < n && !r->bad; i++) {
          r->s = elem;
          type_at(r, off + CK_LEN_WORD_SIZE + i * e.size);
        }
        r->img = keep;
        r->s = after;
      }
      if (r->img && !r->bad) {
        /* the length word, then each element's own image */
        if (off + CK_LEN_WORD_SIZE > r->img_size)
          r->bad = 1;
        else {
          uint32_t w;
          memcpy(&w, r->img + off, CK_LEN_WORD_SIZE);
          if (w != n)
            r->bad = 1;
        }
        if (e.has_lw) {
          for (unsigned long long i = 0; i < n && !r->bad; i++) {
            r->s = elem;
            type_at(r, off + CK_LEN_WORD_SIZE + i * e.size);
          }
        } else {
          want_zero(r, off + CK_LEN_WORD_SIZE, n * e.size);
        }
        want_zero(r, off + bytes, sh.size - bytes);
        r->s = after;
      }
      eat(r, ')');
    }
  } else if (*s == 'f' && left > 1 && s[1] == '(') {
    r->bad = 1;                   /* a function is not an object */
  } else if ((*s == 's' || *s == 'u') && left > 1 && s[1] == ':') {
    r->s += 2;
    sh = aggregate(r, *s == 'u', off);
  } else {
    r->bad = 1;
  }
#undef IS
  r->depth--;
  return sh;
}

/* Does descriptor T describe its canonical type exactly?  Parsed twice:
 * for the shape, then to check the image against it. */
static int descriptor_agrees(const struct __cuckoo_type *t) {
  if (t == NULL || t->canon == NULL)
    return 0;
  size_t len = strnlen(t->canon, CANON_MAX);
  if (len == CANON_MAX)
    return 0;
  struct reader r;
  memset(&r, 0, sizeof r);
  r.s = t->canon;
  r.end = t->canon + len;
  struct shape sh = type_at(&r, 0);
  if (r.bad || r.s != r.end)
    return 0;
  if (sh.size != t->size || sh.align != t->align || (t->plain && !sh.plain))
    return 0;
  if (t->image == NULL)
    return !sh.has_lw;
  memset(&r, 0, sizeof r);
  r.s = t->canon;
  r.end = t->canon + len;
  r.img = t->image;
  r.img_size = sh.size;
  type_at(&r, 0);
  return !r.bad;
}

/* The owned pointers of one object of type CANON (LANGUAGE.md §13.1): up to
 * MAX offsets into OUT, each | 1 when it owns an array; with OUT NULL,
 * only their number.  Derived from the string as the layout is, so a
 * descriptor cannot misplace them.  The count, or -1 if the string does
 * not parse or has more than MAX (OUT NULL: more than 2^31 - 1). */
int rt_owned_slots(const char *canon, unsigned *out, int max) {
  static unsigned counting; /* the flag own points at while counting */
  if (canon == NULL)
    return -1;
  size_t len = strnlen(canon, CANON_MAX);
  if (len == CANON_MAX)
    return -1;
  struct reader r;
  memset(&r, 0, sizeof r);
  r.s = canon;
  r.end = canon + len;
  r.own = out ? out : &counting;
  r.own_max = max;
  r.count_only = out == NULL;
  type_at(&r, 0);
  if (r.bad || r.s != r.end)
    return -1;
  return r.nown;
}

#define CHECKED_CACHE 64
static __thread const struct __cuckoo_type *checked[CHECKED_CACHE];

int rt_descriptor_valid(const struct __cuckoo_type *t) {
  unsigned slot = (unsigned)(((uintptr_t)t >> 3) % CHECKED_CACHE);
  if (t != NULL && checked[slot] == t)
    return 1;
  if (!descriptor_agrees(t))
    return 0;
  checked[slot] = t;
  return 1;
}

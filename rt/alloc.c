/* alloc.c -- new and delete (LANGUAGE.md §5, doc/abi.md "Type descriptors").
 *
 * Memory comes from mmap in regions carved into 64 KiB-aligned units; a
 * unit holds blocks of one stride (a size class), a large block owns a run
 * of units.  The unit map (address >> 16 -> chunk) is kept outside the
 * heap, so delete can tell a block's start from any other address without
 * reading memory the program controls: P is accepted only if it is exactly
 * the data address of a block of its chunk whose header says "live" with
 * the kind being deleted.  A block's header sits before its data, out of
 * reach of Cuckoo code (which cannot index outside an object).
 *
 * Type stability: a block, once carved, keeps its stride forever and is
 * never returned to the system.  Its kind -- the interned (canonical
 * string, array-ness) pair -- decides who may reuse it when it is free:
 * plain objects go to a free list per size class shared by every plain
 * type; any other kind only to its own lists.  An array block has a fixed
 * capacity (its stride's worth of elements) and every element up to that
 * capacity always holds a valid value of the element type (length words
 * in place), so a stale pointer with an old, larger length still sees
 * elements of the right type.  Non-plain memory is written with aligned
 * 32-bit stores only, so a stale reader never sees half a pointer.
 *
 * Concurrency: one runtime lock (rt.h), taken only once the program has
 * more than one thread (heap_enter: until then a critical section alone).
 * Either way the heap is entered inside a critical section, during which
 * signal handlers are deferred (signal.c), so a handler that allocates
 * never finds its own thread inside the heap.  Traps happen only after
 * the heap is left.
 *
 * Fast paths: new of a single object pops the head of its kind's list for
 * the size class the kind remembers; delete finds the chunk in the unit
 * map, the block by a multiplication with the stride's reciprocal, checks
 * that the header says "live, this kind", and pushes the block on the
 * list of the class the chunk remembers.  No search, no division.
 *
 * Domains (LANGUAGE.md §13.3, domain.c): a block allocated while its
 * thread runs inside a domain is OWNED: its tag has the OWNED bit and,
 * while it is live, its `next` word (the free-list link, unused then)
 * points to a record on the domain's list, so that deleting it unlists it
 * in O(1) and a failed domain's objects are found without a heap walk. */
#include <string.h>
#include <sys/mman.h>

#include "rt.h"

#define UNIT_SHIFT 16
#define UNIT_SIZE ((size_t)1 << UNIT_SHIFT)
#define REGION_SIZE ((size_t)4 << 20)
#define MAX_OBJECT 0x7fffffffull

/* The header before every block's data. */
struct block {
  uintptr_t tag;                  /* its kind's address, | LIVE while allocated */
  struct block *next;             /* free-list link while free */
};
#define LIVE ((uintptr_t)1)
#define OWNED ((uintptr_t)2)     /* kinds are 32-byte aligned (kind_of): five bits */
/* (PENDING 4 and VISITED 8 below, transient, under the heap's lock) */
#define INCOMING ((uintptr_t)16) /* moved into the running domain_call (rt_alloc_mark) */
#define KIND_MASK (~(uintptr_t)31)
#define HDR_SIZE sizeof(struct block)

/* Strides of the small classes (header included); larger blocks are
 * "large" and own whole units. */
static const unsigned class_stride[] = {
  16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384,
  448, 512, 640, 768, 896, 1024, 1280, 1536, 1792, 2048, 2560, 3072, 3584,
  4096, 5120, 6144, 7168, 8192, 10240, 12288, 16384,
};
#define NCLASS ((int)(sizeof class_stride / sizeof class_stride[0]))
#define LARGE NCLASS
#define MAX_SMALL 16384u

struct kind {
  const char *canon;              /* the first descriptor's string (static) */
  unsigned hash;
  unsigned is_array;
  unsigned plain;                 /* single plain objects: shared free lists */
  unsigned elem_size;
  unsigned elem_align;
  /* §13.1: the owned pointers inside one element, derived from canon
   * (rt_owned_slots): offsets, | 1 for an owned array; nown < 0: its
   * string did not parse (check_descriptor refuses such a string first) */
  int nown;
  unsigned *own;
  struct kind *next;              /* hash chain */
  struct kind *lists;             /* whose free lists it uses: itself, or the plain ones */
  unsigned one_total;             /* a single object's block bytes (header included) */
  int one_cls;                    /* and their size class */
  struct block *free_small[NCLASS];
  struct block *free_large;       /* large blocks, any size */
};

/* A unit (or run of units) of the heap. */
struct chunk {
  char *base;
  size_t size;                    /* bytes: one unit, or a large block's run */
  unsigned stride;                /* block stride; == size for a large chunk */
  unsigned nblocks;
  unsigned cls;                   /* the size class of its blocks, LARGE for a run */
  /* floor(2^32 / stride) + 1 for a unit of small blocks (offsets < 2^16,
   * strides <= 2^14: (off * recip) >> 32 == off / stride exactly), 0 for
   * a large block (one block, at the base) */
  uint32_t recip;
};

/* ---- the heap's lock, and the single-thread fast path ----------------------
 *
 * While the program has one thread, the heap is entered without a lock:
 * only a critical section (a thread-local counter), which keeps a signal
 * handler of this thread out of the heap as the lock would.  The first
 * thread is made by thread.c's spawn or by signal.c's signal thread, and
 * both call rt_alloc_threads_begin from the only thread before
 * pthread_create: from then on every entry locks.  The flag is never
 * cleared, and each entry remembers how it entered (heap_enter's result),
 * so no section can end in another mode than it began. */
static rt_lock_t alloc_lock = RT_LOCK_INIT;
static int alloc_threaded;

void rt_alloc_threads_begin(void) {
  __atomic_store_n(&alloc_threaded, 1, __ATOMIC_SEQ_CST);
}

/* The critical section comes first: a handler of this thread that ran
 * between reading the flag and entering (and spawned) would otherwise
 * leave it entering unlocked with a second thread running. */
static inline int heap_enter(void) {
  rt_crit_enter();
  if (__builtin_expect(__atomic_load_n(&alloc_threaded, __ATOMIC_RELAXED), 0)) {
    rt_lock(&alloc_lock);
    return 1;
  }
  return 0;
}

static inline void heap_leave(int locked) {
  if (locked)
    rt_unlock(&alloc_lock);
  rt_crit_leave();
}

/* ---- system memory ----------------------------------------------------- */

static char *region_next, *region_end;

/* NUNITS fresh, zeroed, unit-aligned units, or NULL. */
static char *units_alloc(size_t nunits) {
  size_t need = nunits * UNIT_SIZE;
  if (need / UNIT_SIZE != nunits)
    return NULL;
  if ((size_t)(region_end - region_next) < need) {
    size_t size = need > REGION_SIZE ? need : REGION_SIZE;
    if (size + UNIT_SIZE < size)
      return NULL;
    char *m = mmap(NULL, size + UNIT_SIZE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED)
      return NULL;
    uintptr_t aligned = ((uintptr_t)m + UNIT_SIZE - 1) & ~(uintptr_t)(UNIT_SIZE - 1);
    region_next = (char *)aligned;
    region_end = m + size + UNIT_SIZE;
  }
  char *p = region_next;
  region_next += need;
  return p;
}

/* The runtime's metadata: bump allocation from its own mappings, under
 * its own lock (taken inside alloc_lock, never the other way round). */
static char *meta_next, *meta_end;
static rt_lock_t meta_lock = RT_LOCK_INIT;

static void *meta_alloc_locked(size_t size);

static void *meta_alloc_locked(size_t size) {
  size = (size + 15) & ~(size_t)15;
  if ((size_t)(meta_end - meta_next) < size) {
    size_t map = size > (size_t)(256 << 10) ? size : (size_t)(256 << 10);
    char *m = mmap(NULL, map, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
      return NULL;
    meta_next = m;
    meta_end = m + map;
  }
  void *p = meta_next;
  meta_next += size;
  return p;
}

void *rt_meta_alloc(size_t size) {
  rt_lock(&meta_lock);
  void *p = meta_alloc_locked(size);
  rt_unlock(&meta_lock);
  return p;
}

/* ---- the unit map --------------------------------------------------------- */

/* Two levels so that it also covers a 64-bit address space (the native
 * unit tests); on i386 the first level has one entry. */
#define MAP_L2_BITS 16
#define MAP_L1_SIZE (sizeof(void *) == 4 ? 1u : 1u << 16)
static struct chunk **unit_map[MAP_L1_SIZE];

static struct chunk **map_slot(uintptr_t addr, int create) {
  uintptr_t key = addr >> UNIT_SHIFT;
  uintptr_t hi = key >> MAP_L2_BITS;
  if (hi >= MAP_L1_SIZE)
    return NULL;
  if (unit_map[hi] == NULL) {
    if (!create)
      return NULL;
    unit_map[hi] = rt_meta_alloc(sizeof(struct chunk *) << MAP_L2_BITS);
    if (unit_map[hi] == NULL)
      return NULL;
  }
  return &unit_map[hi][key & ((1u << MAP_L2_BITS) - 1)];
}

static struct chunk *chunk_new(size_t nunits, unsigned stride, unsigned cls) {
  struct chunk *c = rt_meta_alloc(sizeof *c);
  if (c == NULL)
    return NULL;
  /* Map slots first, so a failure leaves no units half registered. */
  char *base = units_alloc(nunits);
  if (base == NULL)
    return NULL;
  for (size_t u = 0; u < nunits; u++)
    if (map_slot((uintptr_t)base + u * UNIT_SIZE, 1) == NULL)
      return NULL;
  c->base = base;
  c->size = nunits * UNIT_SIZE;
  c->stride = stride ? stride : (unsigned)c->size;
  c->nblocks = (unsigned)(c->size / c->stride);
  c->cls = cls;
  c->recip = stride ? (uint32_t)(0xffffffffu / stride + 1) : 0;
  for (size_t u = 0; u < nunits; u++)
    *map_slot((uintptr_t)base + u * UNIT_SIZE, 0) = c;
  return c;
}

/* ---- kinds ------------------------------------------------------------------ */

#define KIND_BUCKETS 1024
static struct kind *kind_table[KIND_BUCKETS];
static struct kind plain_kinds_free;    /* holds the shared plain free lists */

static unsigned hash_string(const char *s, unsigned is_array) {
  unsigned h = 2166136261u ^ is_array;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

/* Each thread remembers which kind a descriptor interned to; descriptors
 * are static and read-only, so the answer never changes. */
#define KIND_CACHE 64
static __thread struct {
  const struct __cuckoo_type *t;
  unsigned is_array;
  struct kind *k;
} kind_cache[KIND_CACHE];

/* Whether a canonical type string (TOOLCHAIN.md) is plain: no pointer,
 * function or array constructor anywhere.  In the grammar a '(' follows
 * only a constructor (k w p pg po f a aN), never a name, so the type is
 * plain exactly when each '(' is a const's or a volatile's. */
static int canon_is_plain(const char *canon) {
  for (const char *c = canon; *c; c++)
    if (*c == '(' && (c == canon || (c[-1] != 'k' && c[-1] != 'w')))
      return 0;
  return 1;
}

static int class_of(size_t total);

/* The kind this thread already interned T (and IS_ARRAY) to, or NULL.  A
 * hit means T passed check_descriptor on this thread before, and the kind
 * was made before this thread's own lookup under the heap's lock; kinds
 * are never freed, so no lock is needed. */
static inline struct kind *kind_cached(const struct __cuckoo_type *t, unsigned is_array) {
  unsigned slot = (unsigned)(((uintptr_t)t >> 3) ^ is_array) % KIND_CACHE;
  if (kind_cache[slot].t == t && kind_cache[slot].is_array == is_array)
    return kind_cache[slot].k;
  return NULL;
}

/* Interns T (and IS_ARRAY); NULL when out of memory.  Inside the heap
 * (heap_enter). */
static struct kind *kind_of(const struct __cuckoo_type *t, unsigned is_array) {
  unsigned slot = (unsigned)(((uintptr_t)t >> 3) ^ is_array) % KIND_CACHE;
  if (kind_cache[slot].t == t && kind_cache[slot].is_array == is_array)
    return kind_cache[slot].k;
  unsigned h = hash_string(t->canon, is_array);
  struct kind *k;
  for (k = kind_table[h % KIND_BUCKETS]; k; k = k->next)
    if (k->hash == h && k->is_array == is_array && strcmp(k->canon, t->canon) == 0)
      break;
  if (k == NULL) {
    k = rt_meta_alloc(sizeof *k + 16);   /* 16-byte aligned: made 32 (KIND_MASK) */
    if (k == NULL)
      return NULL;
    k = (struct kind *)(((uintptr_t)k + 31) & ~(uintptr_t)31);
    k->canon = t->canon;
    k->hash = h;
    k->is_array = is_array;
    /* The descriptor's word is not believed: "plain" shares free lists
     * with every other plain type, so its string must say so too. */
    k->plain = !is_array && t->plain && canon_is_plain(t->canon);
    k->lists = k->plain ? &plain_kinds_free : k;
    k->elem_size = t->size;
    k->elem_align = t->align;
    /* (check_descriptor bounds the size by MAX_OBJECT: no wrap) */
    k->one_total = (unsigned)(HDR_SIZE + (t->size ? t->size : 1));
    k->one_cls = class_of(k->one_total);
    k->nown = 0;
    if (!canon_is_plain(t->canon)) {
      /* counted, then collected into a table of their number: an element
       * may hold any number (one per 4 bytes of an object's 2 GB) */
      int n = rt_owned_slots(t->canon, NULL, 0);
      if (n > 0) {
        k->own = rt_meta_alloc(sizeof(unsigned) * (size_t)n);
        if (k->own == NULL)
          return NULL;
        n = rt_owned_slots(t->canon, k->own, n);
      }
      k->nown = n;
    }
    k->next = kind_table[h % KIND_BUCKETS];
    kind_table[h % KIND_BUCKETS] = k;
  }
  kind_cache[slot].t = t;
  kind_cache[slot].is_array = is_array;
  kind_cache[slot].k = k;
  return k;
}

/* ---- blocks ----------------------------------------------------------------- */

static int class_of(size_t total) {
  if (total > MAX_SMALL)
    return LARGE;
  int lo = 0, hi = NCLASS - 1;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (class_stride[mid] >= total)
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

/* Per small class, the unit being carved. */
static struct {
  struct chunk *chunk;
  unsigned next;                  /* index of the next fresh block */
} carving[NCLASS];

static struct block **free_list(struct kind *k, int cls) {
  struct kind *owner = k->lists;
  return cls == LARGE ? &owner->free_large : &owner->free_small[cls];
}

static struct chunk *chunk_of(const struct block *b) {
  return *map_slot((uintptr_t)b, 0);
}

static size_t block_bytes(const struct block *b) {
  return chunk_of(b)->stride;
}

/* A free block of kind K (or shared plain) that holds TOTAL bytes, with
 * *FRESH set when its memory has never been used.  NULL when out of memory. */
static struct block *block_get(struct kind *k, size_t total, int *fresh) {
  int cls = class_of(total);
  struct block **list = free_list(k, cls);
  for (struct block **pb = list; *pb; pb = &(*pb)->next) {
    struct block *b = *pb;
    if (cls == LARGE && block_bytes(b) < total)
      continue;                   /* first fit among large blocks */
    *pb = b->next;
    *fresh = 0;
    return b;
  }
  *fresh = 1;
  if (cls == LARGE) {
    size_t nunits = (total + UNIT_SIZE - 1) / UNIT_SIZE;
    struct chunk *c = chunk_new(nunits, 0, LARGE);
    return c ? (struct block *)c->base : NULL;
  }
  if (carving[cls].chunk == NULL || carving[cls].next >= carving[cls].chunk->nblocks) {
    struct chunk *c = chunk_new(1, class_stride[cls], (unsigned)cls);
    if (c == NULL)
      return NULL;
    carving[cls].chunk = c;
    carving[cls].next = 0;
  }
  struct chunk *c = carving[cls].chunk;
  return (struct block *)(c->base + (size_t)carving[cls].next++ * c->stride);
}

/* Word stores only: a stale reader of a non-plain block sees whole words. */
static void fill_words(void *dst, const void *src, size_t n) {
  volatile uint32_t *d = dst;
  const uint32_t *s = src;
  for (size_t i = 0; i < n / 4; i++)
    d[i] = s ? s[i] : 0;
  for (size_t i = n & ~(size_t)3; i < n; i++)
    ((volatile unsigned char *)dst)[i] = s ? ((const unsigned char *)src)[i] : 0;
}

/* Gives the N-byte object at DST its zero value (IMAGE, or zero bytes). */
static void set_zero_value(void *dst, const unsigned char *image, size_t n, int plain) {
  if (plain) {
    if (image)
      memcpy(dst, image, n);
    else
      memset(dst, 0, n);
  } else {
    fill_words(dst, image, n);
  }
}

/* ---- owners (domains) ------------------------------------------------------- */

static void block_free(struct block *b, struct kind *k, int cls);

struct rt_owned {
  struct rt_owned *prev, *next;
  struct block *b;
  struct rt_owner *owner;
};


static void *meta_alloc_owned(void) {
  return rt_meta_alloc(sizeof(struct rt_owned));
}
static struct rt_owned *owned_free;  /* spare records, inside the heap */
static unsigned live_objects;         /* live blocks, inside the heap */

/* Lists the fresh live block B as OWNER's; 0 when out of memory.  Inside
 * the heap. */
static int owned_list(struct block *b, struct rt_owner *owner) {
  struct rt_owned *r = owned_free;
  if (r != NULL)
    owned_free = r->next;
  else if ((r = meta_alloc_owned()) == NULL)
    return 0;
  r->b = b;
  r->owner = owner;
  r->prev = NULL;
  r->next = owner->head;
  if (owner->head)
    owner->head->prev = r;
  owner->head = r;
  owner->count++;
  b->next = (struct block *)(void *)r;
  return 1;
}

static void owned_unlist(struct rt_owned *r) {
  if (r->prev)
    r->prev->next = r->next;
  else
    r->owner->head = r->next;
  if (r->next)
    r->next->prev = r->prev;
  r->owner->count--;
  r->next = owned_free;
  owned_free = r;
}

/* The block of the chunk at P whose data starts at P - DATA_OFF (0, or 4
 * past an array's length word), live or not, and its chunk in *CP; NULL
 * when P is no block's data.  O(1): the unit map gives the chunk, a
 * multiplication by the stride's reciprocal the block (no division, no
 * search).  Inside the heap. */
static inline struct block *block_at(const void *p, unsigned data_off, struct chunk **cp) {
  uintptr_t addr = (uintptr_t)p;
  struct chunk *c;
  if (sizeof(void *) == 4) {
    /* i386: one level, always there once the heap has a unit */
    struct chunk **l2 = unit_map[0];
    if (l2 == NULL)
      return NULL;
    c = l2[addr >> UNIT_SHIFT];
  } else {
    struct chunk **slot = map_slot(addr, 0);
    c = slot ? *slot : NULL;
  }
  if (c == NULL)
    return NULL;
  uint32_t off = (uint32_t)(addr - (uintptr_t)c->base);
  /* a large chunk is one block (recip 0); a small one's offsets are < 2^16 */
  uint32_t index = (uint32_t)(((uint64_t)off * c->recip) >> 32);
  struct block *b = (struct block *)(c->base + (size_t)index * c->stride);
  /* past the last whole block of a unit lies a tail never carved */
  if (index >= c->nblocks || (uintptr_t)(b + 1) + data_off != addr)
    return NULL;
  *cp = c;
  return b;
}

/* The block whose data P is (a single object's or an array's), live; NULL
 * otherwise.  Inside the heap. */
static struct block *block_of_data(const void *p) {
  struct chunk *c;
  struct block *b = block_at(p, 0, &c);
  if (b == NULL)
    b = block_at(p, CK_LEN_WORD_SIZE, &c);
  return b != NULL && (b->tag & LIVE) ? b : NULL;
}

void rt_owner_purge(struct rt_owner *o) {
  int locked = heap_enter();
  while (o->head != NULL) {
    struct block *b = o->head->b;
    block_free(b, (struct kind *)(b->tag & KIND_MASK), (int)chunk_of(b)->cls);
  }
  heap_leave(locked);
}

unsigned rt_owner_count(const struct rt_owner *o) {
  return __atomic_load_n(&o->count, __ATOMIC_RELAXED);
}

/* B leaves its domain's books (it stays live).  Inside the heap. */
static void disown_block(struct block *b) {
  if (b->tag & OWNED) {
    owned_unlist((struct rt_owned *)(void *)b->next);
    __atomic_store_n(&b->tag, b->tag & ~OWNED, __ATOMIC_RELEASE);
  }
}

/* A live block just made: counted, and listed as the thread's domain's.
 * 0 when out of memory (the block is then freed).  Inside the heap. */
static int block_made_in_domain(struct block *b, struct kind *k, struct rt_domain_frame *f) {
  if (!owned_list(b, f->owner)) {
    live_objects--;
    __atomic_store_n(&b->tag, (uintptr_t)k, __ATOMIC_RELEASE);
    struct block **list = free_list(k, (int)chunk_of(b)->cls);
    b->next = *list;
    *list = b;
    return 0;
  }
  __atomic_store_n(&b->tag, b->tag | OWNED, __ATOMIC_RELEASE);
  return 1;
}

static inline int block_made(struct block *b, struct kind *k) {
  live_objects++;
  struct rt_domain_frame *f = __cuckoo_domain_top;  /* the thread's domain, if any */
  return f == NULL ? 1 : block_made_in_domain(b, k, f);
}

/* heap_objects() (cuckoo.ckh): the live objects of the whole program. */
int __cuckoo_heap_objects(void) {
  int locked = heap_enter();
  unsigned n = live_objects;
  heap_leave(locked);
  return (int)n;
}

/* ---- the interface ---------------------------------------------------------- */

static const char *const msg_oom = "out of memory";
static const char *const msg_too_many_owned = "a type whose owned pointers cannot be read from its string";

/* A descriptor comes from an object file, which may have been written by
 * hand: a missing string or a size no Cuckoo object has traps before the
 * size can wrap a block's (the compiler's descriptors never do). */
static void check_descriptor(const struct __cuckoo_type *t, const struct __cuckoo_site *s) {
  if (t == NULL || t->canon == NULL)
    rt_trap_text(s, "memory", "invalid type descriptor");
  if (t->size > MAX_OBJECT)
    rt_trap_site(s, "memory", "object of %llu bytes is too large", t->size, 0);
  /* its size, alignment, plainness and image, derived from its string */
  if (!rt_descriptor_valid(t))
    rt_trap_text(s, "memory", "type descriptor does not describe its type");
}

/* The kind of T (and IS_ARRAY): this thread's cached answer, or T checked
 * and interned.  Traps at S for a bad descriptor or no memory.  (A kind
 * with nown < 0 has no objects: new refuses it, delete finds none.) */
static __attribute__((noinline)) struct kind *kind_first(const struct __cuckoo_type *t,
                                                          unsigned is_array,
                                                          const struct __cuckoo_site *s) {
  check_descriptor(t, s);
  int locked = heap_enter();
  struct kind *k = kind_of(t, is_array);
  heap_leave(locked);
  if (k == NULL)
    rt_trap_text(s, "memory", msg_oom);
  return k;
}

static inline struct kind *kind_for(const struct __cuckoo_type *t, unsigned is_array,
                                    const struct __cuckoo_site *s) {
  struct kind *k = kind_cached(t, is_array);
  if (__builtin_expect(k == NULL, 0))
    k = kind_first(t, is_array, s);
  return k;
}

/* A small object with no image gets its zero value from word stores in
 * line (whole words: what fill_words does for non-plain objects). */
static inline void zero_value(void *dst, const unsigned char *image, size_t n, int plain) {
  if (image == NULL && (n & 3) == 0 && n <= 32) {
    volatile uint32_t *d = dst;
    switch (n / 4) {                  /* falls through: no loop to run */
    case 8: d[7] = 0; /* fall through */
    case 7: d[6] = 0; /* fall through */
    case 6: d[5] = 0; /* fall through */
    case 5: d[4] = 0; /* fall through */
    case 4: d[3] = 0; /* fall through */
    case 3: d[2] = 0; /* fall through */
    case 2: d[1] = 0; /* fall through */
    case 1: d[0] = 0; /* fall through */
    default: break;
    }
  } else {
    set_zero_value(dst, image, n, plain);
  }
}

struct __cuckoo_obj *__cuckoo_new(const struct __cuckoo_type *t, const struct __cuckoo_site *s) {
  struct kind *k = kind_for(t, 0, s);
  if (k->nown < 0)
    rt_trap_text(s, "memory", msg_too_many_owned);
  int locked = heap_enter();
  int fresh = 0;
  /* O(1) from the kind's (or the plain types') list of its size class */
  struct block *b = NULL;
  if (k->one_cls != LARGE) {
    struct block **list = &k->lists->free_small[k->one_cls];
    if ((b = *list) != NULL)
      *list = b->next;
  }
  if (b == NULL)
    b = block_get(k, k->one_total, &fresh);
  if (b == NULL) {
    heap_leave(locked);
    rt_trap_text(s, "memory", msg_oom);
  }
  char *data = (char *)(b + 1);
  /* the kind's size, fixed when the kind was made, bounds the writes */
  if (!fresh || t->image)
    zero_value(data, t->image, k->elem_size, t->plain);
  __atomic_store_n(&b->tag, (uintptr_t)k | LIVE, __ATOMIC_RELEASE);
  if (!block_made(b, k)) {
    heap_leave(locked);
    rt_trap_text(s, "memory", msg_oom);
  }
  heap_leave(locked);
  return (struct __cuckoo_obj *)data;
}

struct __cuckoo_obj *__cuckoo_new_array(const struct __cuckoo_type *elem, long long n,
                                        const struct __cuckoo_site *s) {
  /* the descriptor is checked (on this thread's first use) before
   * anything else; sizes then come from the kind, fixed when it was made */
  struct kind *k = kind_for(elem, 1, s);
  if (n < 0)
    rt_trap_site(s, "memory", "negative array length %lld", n, 0);
  unsigned align = k->elem_align > 4 ? k->elem_align : 4;
  unsigned long long bytes = 4ull + (unsigned long long)n * k->elem_size;
  bytes = (bytes + align - 1) / align * align;
  if ((unsigned long long)n > MAX_OBJECT || bytes > MAX_OBJECT)
    rt_trap_site(s, "memory", "array of %lld elements is too large", n, 0);
  if (k->nown < 0)
    rt_trap_text(s, "memory", msg_too_many_owned);
  int locked = heap_enter();
  int fresh = 0;
  struct block *b = block_get(k, HDR_SIZE + (size_t)bytes, &fresh);
  if (b == NULL) {
    heap_leave(locked);
    rt_trap_text(s, "memory", msg_oom);
  }
  char *data = (char *)(b + 1);
  char *elems = data + CK_LEN_WORD_SIZE;
  size_t esize = k->elem_size;
  /* Elements up to the block's capacity are kept valid (see the top). */
  size_t count = (size_t)n;
  if (fresh && esize > 0)
    count = (block_bytes(b) - HDR_SIZE - CK_LEN_WORD_SIZE) / esize;
  if (!fresh || elem->image) {
    if (elem->image == NULL) {
      set_zero_value(elems, NULL, count * esize, elem->plain);
    } else {
      for (size_t i = 0; i < count; i++)
        set_zero_value(elems + i * esize, elem->image, esize, elem->plain);
    }
  }
  __atomic_store_n((unsigned *)data, (unsigned)n, __ATOMIC_RELAXED);
  __atomic_store_n(&b->tag, (uintptr_t)k | LIVE, __ATOMIC_RELEASE);
  if (!block_made(b, k)) {
    heap_leave(locked);
    rt_trap_text(s, "memory", msg_oom);
  }
  heap_leave(locked);
  return (struct __cuckoo_obj *)elems;
}

static RT_NORETURN void delete_trap(const struct __cuckoo_type *t, const struct __cuckoo_site *s) {
  char detail[512];
  static const char text[] = "pointer is not the start of a live heap object of type ";
  size_t n = sizeof text - 1, m = strlen(t->canon);
  if (m > sizeof detail - n - 1)
    m = sizeof detail - n - 1;
  memcpy(detail, text, n);
  memcpy(detail + n, t->canon, m);
  detail[n + m] = 0;
  rt_trap_text(s, "delete", detail);
}

/* The block whose data P is exactly (past the length word for an array),
 * live with kind K; NULL for anything else.  Decided from the unit map and
 * the block's header alone, never from memory the program controls.  Inside
 * the heap. */
static inline struct block *live_block(const void *p, struct kind *k, int is_array,
                                       struct chunk **cp) {
  struct block *b = block_at(p, is_array ? CK_LEN_WORD_SIZE : 0, cp);
  return b != NULL && (b->tag & ~(OWNED | INCOMING)) == ((uintptr_t)k | LIVE) ? b : NULL;
}

/* Puts the live block B of kind K (and size class CLS) on its free list.
 * Inside the heap. */
static void block_free(struct block *b, struct kind *k, int cls) {
  if (b->tag & OWNED)
    owned_unlist((struct rt_owned *)(void *)b->next);
  live_objects--;
  __atomic_store_n(&b->tag, (uintptr_t)k, __ATOMIC_RELEASE);
  struct block **list = free_list(k, cls);
  b->next = *list;
  *list = b;
}

/* ---- owned members (LANGUAGE.md §13.1) ------------------------------------------
 *
 * Deleting an object deletes what its owned pointers point to, and so on
 * down, without recursion: a block whose children are still to be freed
 * waits on a pending list linked through its header's `next` (a domain's
 * block leaves its domain's list first), tagged PENDING so that no other path finds it live and
 * a second pointer to it (only a hand-written object could make one) is
 * refused instead of looping.  Each owned word is set to NULL as its child
 * is taken.  A child is accepted when it is the start of a live block of
 * the array-ness its pointer type says; its own kind says what it holds.
 * The element type is not compared: the compiler keeps owned pointers to
 * their type, and whatever the block is, freeing it is memory-safe (§5). */
#define PENDING ((uintptr_t)4)    /* beside LIVE and OWNED */

/* The live block whose data P is (past the length word when IS_ARRAY), of
 * any kind; NULL if none.  Inside the heap. */
static struct block *any_live_block(const void *p, int is_array) {
  struct chunk *c;
  struct block *b = block_at(p, is_array ? CK_LEN_WORD_SIZE : 0, &c);
  if (b == NULL || !(b->tag & LIVE) || !(b->tag & KIND_MASK))
    return NULL;
  return ((struct kind *)(b->tag & KIND_MASK))->is_array == (unsigned)(is_array != 0) ? b : NULL;
}

/* Takes the children of elements [FROM, TO) of block B (kind K) onto
 * *PENDING; 0 when an owned word holds no live block.  Inside the heap. */
static int take_children(struct block *b, struct kind *k, size_t from, size_t to,
                         struct block **pending) {
  char *elems = (char *)(b + 1) + (k->is_array ? CK_LEN_WORD_SIZE : 0);
  for (size_t i = from; i < to; i++) {
    char *e = elems + i * k->elem_size;
    for (int j = 0; j < k->nown; j++) {
      unsigned off = k->own[j] & ~1u;
      uintptr_t *w = (uintptr_t *)(void *)(e + off);
      uintptr_t child = __atomic_load_n(w, __ATOMIC_RELAXED);
      if (child == 0)
        continue;
      struct block *c = any_live_block((const void *)child, (int)(k->own[j] & 1u));
      if (c == NULL)
        return 0;
      __atomic_store_n(w, 0, __ATOMIC_RELAXED);
      /* a domain's block leaves its list first: `next` is the pending link now */
      if (c->tag & OWNED) {
        owned_unlist((struct rt_owned *)(void *)c->next);
        __atomic_store_n(&c->tag, c->tag & ~OWNED, __ATOMIC_RELEASE);
      }
      __atomic_store_n(&c->tag, (c->tag & ~(LIVE | INCOMING)) | PENDING, __ATOMIC_RELEASE);
      c->next = *pending;
      *pending = c;
    }
  }
  return 1;
}

/* The number of elements of block B of kind K. */
static size_t block_elems(struct block *b, struct kind *k) {
  return k->is_array ? *(unsigned *)(void *)(b + 1) : 1;
}

/* Frees the blocks of the list PENDING (linked by next) and everything
 * they own, a level at a time, so that no list however long recurses;
 * OK, or 0 once an owned word held no live block (its children are then
 * no longer taken).  Inside the heap. */
static int free_pending(struct block *pending, int ok) {
  while (pending) {
    struct block *c = pending;
    pending = c->next;
    struct kind *ck = (struct kind *)(c->tag & KIND_MASK);
    if (ok && ck->nown > 0)
      ok = take_children(c, ck, 0, block_elems(c, ck), &pending);
    block_free(c, ck, (int)chunk_of(c)->cls);
  }
  return ok;
}

/* Frees B (kind K) and everything it owns; 0 if an owned word held no live
 * block (what was taken so far is freed).  Inside the heap. */
static int free_owned_tree(struct block *b, struct kind *k, int cls) {
  if (k->nown <= 0) {
    block_free(b, k, cls);
    return 1;
  }
  struct block *pending = NULL;
  int ok = take_children(b, k, 0, block_elems(b, k), &pending);
  block_free(b, k, cls);
  return free_pending(pending, ok);
}

static RT_NORETURN void owned_trap(const struct __cuckoo_site *s) {
  rt_trap_text(s, "delete", "an owned pointer inside the object is not the start of a live "
                            "heap object");
}

void __cuckoo_delete(struct __cuckoo_obj *p, const struct __cuckoo_type *t, int is_array,
                     const struct __cuckoo_site *s) {
  if (p == NULL)
    return;
  struct kind *k = kind_for(t, is_array != 0, s);
  int locked = heap_enter();
  struct chunk *c;
  struct block *b = live_block(p, k, is_array != 0, &c);
  if (b == NULL) {
    heap_leave(locked);
    delete_trap(t, s);
  }
  int ok = 1;
  if (k->nown <= 0 && !(b->tag & OWNED)) {
    /* the common case, inline: nothing owned, no domain's books */
    live_objects--;
    __atomic_store_n(&b->tag, (uintptr_t)k, __ATOMIC_RELEASE);
    struct block **list = free_list(k, (int)c->cls);
    b->next = *list;
    *list = b;
  } else {
    ok = free_owned_tree(b, k, (int)c->cls);
  }
  heap_leave(locked);
  if (!ok)
    owned_trap(s);
}

/* Is P the start of a live heap object of descriptor T (and IS_ARRAY)?
 * (chan_recv's check, §13.2.) */
int rt_heap_is_live(const void *p, const struct __cuckoo_type *t, int is_array,
                    const struct __cuckoo_site *s) {
  struct kind *k = kind_for(t, is_array != 0, s);
  int locked = heap_enter();
  struct chunk *c;
  struct block *b = live_block(p, k, is_array != 0, &c);
  heap_leave(locked);
  return b != NULL;
}

/* renew(p, n) (LANGUAGE §12.1).  OLD is looked up exactly as delete looks
 * it up, and copied and freed under the allocator's lock, so no other
 * thread can free or reuse it meanwhile; the copy moves whole 32-bit
 * words when elements hold pointers, so a racing store is seen old or new,
 * never torn. */
struct __cuckoo_obj *__cuckoo_renew(struct __cuckoo_obj *old, const struct __cuckoo_type *elem,
                                    long long n, const struct __cuckoo_site *s) {
  struct __cuckoo_obj *q = __cuckoo_new_array(elem, n, s);
  if (old == NULL)
    return q;
  struct kind *k = kind_for(elem, 1, s);
  int locked = heap_enter();
  struct chunk *chunk;
  struct block *b = live_block(old, k, 1, &chunk);
  if (b == NULL) {
    heap_leave(locked);
    delete_trap(elem, s);
  }
  unsigned have = RT_LEN(old);
  size_t m = (unsigned long long)n < have ? (size_t)n : have;
  /* §13.1: the elements cut off own their objects, which go with them;
   * those kept move to the new array with the copy */
  struct block *pending = NULL;
  int ok = 1;
  if (k->nown > 0 && m < have)
    ok = take_children(b, k, m, have, &pending);
  ok = free_pending(pending, ok);
  size_t bytes = m * k->elem_size;
  if (elem->plain) {
    memcpy(q, old, bytes);
  } else {
    const volatile uint32_t *from = (const volatile uint32_t *)(const void *)old;
    volatile uint32_t *to = (volatile uint32_t *)(void *)q;
    for (size_t i = 0; i < bytes / 4; i++)
      to[i] = from[i];
  }
  block_free(b, k, (int)chunk->cls);
  heap_leave(locked);
  if (!ok)
    owned_trap(s);
  return q;
}

/* The kind T interns to: two descriptors of one type give the same. */
const void *rt_type_kind(const struct __cuckoo_type *t, const struct __cuckoo_site *s) {
  check_descriptor(t, s);
  int locked = heap_enter();
  struct kind *k = kind_of(t, 0);
  heap_leave(locked);
  if (k == NULL)
    rt_trap_text(s, "memory", msg_oom);
  return k;
}

/* ---- for the runtime itself ------------------------------------------------- */

const struct __cuckoo_type rt_type_char = { "c8", 1, 1, 1, NULL };
const struct __cuckoo_type rt_type_char_array_ptr = { "p(a(c8))", 4, 4, 0, NULL };

char *rt_new_chars(unsigned n, const struct __cuckoo_site *site) {
  return (char *)__cuckoo_new_array(&rt_type_char, n, site);
}

/* ---- objects leaving a domain (LANGUAGE.md §13.3) ---------------------------
 *
 * An object a domain sends away (chan_send) is no longer the domain's, and
 * neither is anything it owns: a failure of the domain must not delete
 * what another thread now holds.  The owned tree is walked without
 * recursion, the blocks linked through `next` (unused while a block is
 * live and off a domain's list) and marked VISITED against a cycle a
 * hand-written object could make; both are undone before the lock is
 * released.  Only a thread inside a domain can hold a domain's object, so
 * the walk happens only there. */
#define VISITED ((uintptr_t)8)   /* beside LIVE, OWNED and PENDING */

void rt_alloc_disown(const void *p) {
  if (__cuckoo_domain_top != NULL)
    rt_alloc_move(p, NULL);
}

/* The object at P and every object it owns leave their domains' books and,
 * unless TO is NULL, go on TO's (domain_call's owned arguments, domain.c). */
void rt_alloc_move(const void *p, struct rt_owner *to) {
  int locked = heap_enter();
  struct block *b = block_of_data(p);
  if (b == NULL) {
    heap_leave(locked);
    return;
  }
  struct block *work = b, *seen = NULL;
  disown_block(b);
  __atomic_store_n(&b->tag, b->tag | VISITED, __ATOMIC_RELEASE);
  b->next = NULL;
  while (work != NULL) {
    struct block *c = work;
    work = c->next;
    c->next = seen;
    seen = c;
    struct kind *k = (struct kind *)(c->tag & KIND_MASK);
    if (k->nown <= 0)
      continue;
    char *elems = (char *)(c + 1) + (k->is_array ? CK_LEN_WORD_SIZE : 0);
    for (size_t i = 0, n = block_elems(c, k); i < n; i++)
      for (int j = 0; j < k->nown; j++) {
        uintptr_t child = __atomic_load_n((uintptr_t *)(void *)(elems + i * k->elem_size + (k->own[j] & ~1u)),
                                          __ATOMIC_RELAXED);
        struct block *d = child ? any_live_block((const void *)child, (int)(k->own[j] & 1u)) : NULL;
        if (d == NULL || (d->tag & VISITED))
          continue;
        disown_block(d);
        __atomic_store_n(&d->tag, d->tag | VISITED, __ATOMIC_RELEASE);
        d->next = work;
        work = d;
      }
  }
  while (seen != NULL) {
    struct block *c = seen;
    seen = c->next;
    c->next = NULL;
    uintptr_t tag = c->tag & ~(VISITED | INCOMING);
    if (to != NULL && owned_list(c, to))   /* out of memory: stays nobody's */
      tag |= OWNED;
    __atomic_store_n(&c->tag, tag, __ATOMIC_RELEASE);
  }
  heap_leave(locked);
}

/* Lists the live block B (tag TAG), on nobody's books, as TO's:
 * owned_list, in line. */
static inline __attribute__((always_inline)) void adopt_one(struct block *b, uintptr_t tag,
                                                             struct rt_owner *to) {
  struct rt_owned *r = owned_free;
  if (r != NULL)
    owned_free = r->next;
  else if ((r = meta_alloc_owned()) == NULL)
    return;                       /* out of memory: stays nobody's */
  struct rt_owned *head = to->head;
  r->b = b;
  r->owner = to;
  r->prev = NULL;
  r->next = head;
  if (head)
    head->prev = r;
  to->head = r;
  to->count++;
  b->next = (struct block *)(void *)r;
  __atomic_store_n(&b->tag, tag | OWNED, __ATOMIC_RELEASE);
}

/* The owned words [O, END) of the element at E of block B: each leaf
 * (a live block on nobody's books, of the array-ness its word says, that
 * owns nothing, not B) listed as TO's; 0 as soon as a word holds some
 * other live block (rt_alloc_move's case).  Words that hold no live
 * block are ignored, as rt_alloc_move ignores them. */
static inline __attribute__((always_inline)) int adopt_leaves(char *e, const unsigned *o,
                                                               const unsigned *end, struct block *b,
                                                               struct rt_owner *to) {
  for (; o < end; o++) {
    uintptr_t child = __atomic_load_n((uintptr_t *)(void *)(e + (*o & ~1u)), __ATOMIC_RELAXED);
    if (child == 0)
      continue;
    unsigned is_array = *o & 1u;
    struct chunk *c;
    struct block *d = block_at((const void *)child, is_array ? CK_LEN_WORD_SIZE : 0, &c);
    if (d == NULL)
      continue;
    uintptr_t tag = d->tag;
    struct kind *k = (struct kind *)(tag & KIND_MASK);
    if (!(tag & LIVE) || k == NULL || k->is_array != is_array)
      continue;
    if (d == b || (tag & (OWNED | VISITED | INCOMING)) || k->nown > 0)
      return 0;
    adopt_one(d, tag, to);
  }
  return 1;
}

/* domain_call's owned arguments (doc/domains.md "The fast path"): the
 * object of each word ARGS[i] for the bits i of MASK goes on TO's books
 * with what it owns, as rt_alloc_move does.  The short way takes a root
 * that is on nobody's books and whose owned words hold only leaves (live
 * blocks on nobody's books that own nothing): it lists them, in one entry
 * into the heap, with no second pass.  Anything else -- a root or a child
 * already on books (the books of another domain, or a second pointer to
 * one block: only a hand-made object makes one), a child that owns
 * something -- is left to rt_alloc_move, which walks the whole tree and
 * takes each block off whatever books it is on, so what the short way
 * listed before it gave up is relisted correctly.  Words that hold no
 * live block are ignored, as rt_alloc_move ignores them (the caller's
 * words are typed by the proof checker; a hand-made object gets nothing
 * adopted, as before).  Out of memory for a record leaves a block on
 * nobody's books, as rt_alloc_move does. */
void rt_alloc_adopt(struct rt_owner *to, unsigned mask, void *const *args) {
  unsigned slow = 0;
  int locked = heap_enter();
  for (unsigned m = mask; m != 0; m &= m - 1) {
    unsigned i = (unsigned)__builtin_ctz(m);
    const void *p = args[i];
    if (p == NULL)
      continue;
    struct chunk *c;
    struct block *b = block_at(p, 0, &c);
    if (b == NULL || !(b->tag & LIVE))
      b = block_at(p, CK_LEN_WORD_SIZE, &c);
    if (b == NULL || !(b->tag & LIVE))
      continue;                   /* no live block: ignored, as rt_alloc_move does */
    uintptr_t tag = b->tag;
    struct kind *k = (struct kind *)(tag & KIND_MASK);
    int ok = !(tag & (OWNED | VISITED | INCOMING));
    if (ok && k->nown > 0) {
      const unsigned *own = k->own, *end = own + k->nown;
      if (!k->is_array) {
        ok = adopt_leaves((char *)(b + 1), own, end, b, to);
      } else {
        char *e = (char *)(b + 1) + CK_LEN_WORD_SIZE;
        for (size_t n = block_elems(b, k); n > 0 && ok; n--, e += k->elem_size)
          ok = adopt_leaves(e, own, end, b, to);
      }
    }
    if (ok)
      adopt_one(b, tag, to);
    else
      slow |= 1u << i;
  }
  heap_leave(locked);
  for (; slow != 0; slow &= slow - 1)
    rt_alloc_move(args[__builtin_ctz(slow)], to);
}

/* ---- owned arguments, lazily (domain.c's fast path) ---------------------------
 *
 * A packet moved into a domain is usually deleted or sent on by the call
 * itself; listing it on the domain's books at entry and unlisting it when
 * it is deleted would be wasted.  So the fast path only *marks* the blocks
 * of each argument's tree: INCOMING in the tag, and the domain's owner in
 * the `next` word (unused while a block is live and on nobody's books),
 * both under the heap's lock -- and notes them in the owner (in_b, at most
 * RT_INCOMING_CAP).  Every path that ends a block's life or takes it
 * elsewhere writes its tag whole (delete, a recursive delete, renew,
 * chan_send's and share's rt_alloc_move, a nested domain_call's move),
 * which clears the mark.  So at the call's end a noted block still marked
 * as this owner's is one the call kept (rt_alloc_settle lists it), and at
 * its failure one to delete (rt_alloc_drop); a note whose block was freed
 * meanwhile, and perhaps reused -- even marked again by another thread's
 * call into another domain -- is recognised as stale by the owner in
 * `next`.  A tree of another shape (a child that owns something, a block
 * already on books or marked, more blocks than the notes hold) goes to
 * rt_alloc_move at once, as before; its walk clears the marks this one
 * set. */
/* The live block whose data P is, P past the length word when IS_ARRAY
 * (when IS_ARRAY is -1: a single object's, else an array's); NULL if none. */
static inline __attribute__((always_inline)) struct block *live_data(const void *p, int is_array) {
  struct chunk *c;
  struct block *b;
  if (is_array <= 0) {
    b = block_at(p, 0, &c);
    if (__builtin_expect(b != NULL && (b->tag & LIVE), 1))
      return b;
    if (is_array == 0)
      return NULL;
  }
  b = block_at(p, CK_LEN_WORD_SIZE, &c);
  return b != NULL && (b->tag & LIVE) ? b : NULL;
}

/* Marks the block B (tag TAG: live, nobody's, unmarked) as TO's and
 * notes it in TO's REC[*N]; 0 if the notes are full.  Inside the heap. */
static inline __attribute__((always_inline)) int mark_block(struct block *b, uintptr_t tag,
                                                             struct rt_owner *to, void **rec,
                                                             unsigned *n) {
  if (*n >= RT_INCOMING_CAP)
    return 0;
  b->next = (struct block *)(void *)to;
  __atomic_store_n(&b->tag, tag | INCOMING, __ATOMIC_RELEASE);
  rec[(*n)++] = b;
  return 1;
}

/* The owned words [O, END) of the element at E: each leaf marked; 0 at the
 * first word that holds a live block of another shape (or no room). */
static inline __attribute__((always_inline)) int mark_leaves(const char *e, const unsigned *o,
                                                              const unsigned *end, struct rt_owner *to,
                                                              void **rec, unsigned *n) {
  for (; o < end; o++) {
    uintptr_t child = __atomic_load_n((const uintptr_t *)(const void *)(e + (*o & ~1u)), __ATOMIC_RELAXED);
    if (child == 0)
      continue;
    int is_array = (int)(*o & 1u);
    struct block *d = live_data((const void *)child, is_array);
    if (d == NULL)
      continue;                   /* ignored, as rt_alloc_move ignores it */
    uintptr_t dt = d->tag;
    struct kind *dk = (struct kind *)(dt & KIND_MASK);
    if (dk->is_array != (unsigned)is_array)
      continue;
    if ((dt & (OWNED | VISITED | INCOMING)) || dk->nown > 0 || !mark_block(d, dt, to, rec, n))
      return 0;
  }
  return 1;
}

/* Marks the tree of the object at P (not NULL) as TO's, noting its blocks
 * from REC[*N]; 0 when it is not of the short way's shape (what it marked
 * is then taken over by rt_alloc_move's walk).  Inside the heap. */
static inline __attribute__((always_inline)) int mark_tree(const void *p, struct rt_owner *to,
                                                            unsigned *n) {
  void **rec = to->in_b;
  struct block *b = live_data(p, -1);
  if (b == NULL)
    return 1;                     /* no live block: ignored, as rt_alloc_move does */
  uintptr_t tag = b->tag;
  struct kind *k = (struct kind *)(tag & KIND_MASK);
  if ((tag & (OWNED | VISITED | INCOMING)) || !mark_block(b, tag, to, rec, n))
    return 0;
  if (k->nown <= 0)
    return 1;
  const unsigned *own = k->own, *end = own + k->nown;
  if (!k->is_array)
    return mark_leaves((const char *)(b + 1), own, end, to, rec, n);
  const char *e = (const char *)(b + 1) + CK_LEN_WORD_SIZE;
  for (size_t ne = block_elems(b, k); ne > 0; ne--, e += k->elem_size)
    if (!mark_leaves(e, own, end, to, rec, n))
      return 0;
  return 1;
}

void rt_alloc_mark(struct rt_owner *to, unsigned mask, void *const *args) {
  unsigned n = 0;
  if (__builtin_expect(mask != 0 && (mask & (mask - 1)) == 0, 1)) {
    /* one owned argument, the usual case */
    const void *p = args[__builtin_ctz(mask)];
    if (p == NULL)
      return;
    int locked = heap_enter();
    int ok = mark_tree(p, to, &n);
    to->in_n = n;
    heap_leave(locked);
    if (!ok)
      rt_alloc_move(p, to);
    return;
  }
  unsigned slow = 0;
  int locked = heap_enter();
  for (unsigned m = mask; m != 0; m &= m - 1) {
    unsigned i = (unsigned)__builtin_ctz(m);
    if (args[i] != NULL && !mark_tree(args[i], to, &n))
      slow |= 1u << i;
  }
  to->in_n = n;
  heap_leave(locked);
  for (; slow != 0; slow &= slow - 1)
    rt_alloc_move(args[__builtin_ctz(slow)], to);
}

/* The call ended normally: what it kept of what it was given is TO's. */
void rt_alloc_settle(struct rt_owner *to) {
  int locked = heap_enter();
  for (unsigned i = 0; i < to->in_n; i++) {
    struct block *b = to->in_b[i];
    uintptr_t tag = b->tag;
    if ((tag & (INCOMING | LIVE | OWNED)) != (INCOMING | LIVE) || b->next != (struct block *)(void *)to)
      continue;                   /* gone, or reused and another call's now */
    tag &= ~INCOMING;
    if (owned_list(b, to))        /* out of memory: stays nobody's */
      tag |= OWNED;
    __atomic_store_n(&b->tag, tag, __ATOMIC_RELEASE);
  }
  to->in_n = 0;
  heap_leave(locked);
}

/* The call failed: what it was given and still holds dies with it (each
 * block of the trees was noted: freed one by one). */
void rt_alloc_drop(struct rt_owner *to) {
  int locked = heap_enter();
  for (unsigned i = 0; i < to->in_n; i++) {
    struct block *b = to->in_b[i];
    uintptr_t tag = b->tag;
    if ((tag & (INCOMING | LIVE | OWNED)) == (INCOMING | LIVE) && b->next == (struct block *)(void *)to)
      block_free(b, (struct kind *)(tag & KIND_MASK), (int)chunk_of(b)->cls);
  }
  to->in_n = 0;
  heap_leave(locked);
}

/* domain.c -- protection domains with recovery (LANGUAGE.md §13.3,
 * doc/domains.md).
 *
 * A domain is a record in a pool of our own, named by a handle in a
 * PROT_NONE reservation (as thread.c names threads and mutexes), so a
 * forged `domain_t *` traps cast and nothing the program writes can reach
 * a record.  Records are never freed: domain_revoke only empties one.
 *
 * A thread that runs inside a domain has a frame on rt_domain_top (a list
 * through the C frames of __cuckoo_domain_call, innermost first).  While
 * it is there:
 *   - every object it allocates belongs to the domain (rt_alloc_owner,
 *     alloc.c keeps a list per owner);
 *   - every mutex it locks is listed in the frame (thread.c);
 *   - a runtime error (trap.c calls rt_domain_failing) writes its line
 *     prefixed by the domain's name and jumps back to the frame's
 *     __builtin_setjmp on the same thread: the Cuckoo frames in between
 *     are simply abandoned (Cuckoo code holds no resource but the ones the
 *     runtime lists here).  The jump happens only when the thread holds no
 *     runtime lock (rt_crit_depth == 0, which "nothing traps while it
 *     holds a lock" in rt.h makes the normal case); otherwise the error
 *     ends the process as it would outside a domain.
 * A domain runs one call at a time (its lock); a second thread waits.
 * A call into a domain that is already running on the calling thread
 * (itself, or an outer domain of a nested call) is a runtime error `own`
 * of the calling domain.  Setup runs inside the domain, but a runtime
 * error inside it is the caller's: it unwinds to the next frame out that
 * is not a setup, or ends the process. */
#include <errno.h>
#include <linux/futex.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "rt.h"

#define DOMAIN_CAP (1u << 14)
#define HANDLE_STRIDE 8u
#define NAME_CAP 64
#define DOMAIN_FAILED (-1)
#define DOMAIN_REVOKED (-2)

struct domain_rec {
  int lock;                       /* futex: 0 free, 1 held, 2 held with waiters */
  const void *holder;             /* the holding thread (&rt_domain_top of it), or NULL */
  unsigned revoked;
  struct __cuckoo_obj *(*setup)(void);
  const struct __cuckoo_type *state_desc;  /* domain_new's descriptor: the fast path */
  const void *state_kind;         /* its interned kind (alloc.c) */
  struct __cuckoo_obj *state;     /* NULL: setup runs before the next call */
  unsigned live;                  /* set once domain_new's setup worked */
  struct rt_owner owned;
  char name[NAME_CAP];
};

__thread struct rt_domain_frame *rt_domain_top;

static rt_lock_t pool_lock = RT_LOCK_INIT;
static char *handles;             /* PROT_NONE, DOMAIN_CAP * HANDLE_STRIDE bytes */
static struct domain_rec *records;
static unsigned used;             /* records handed out (atomic) */

/* ---- records ----------------------------------------------------------- */

static struct domain_rec *record_new(void) {
  rt_lock(&pool_lock);
  if (handles == NULL) {
    char *h = mmap(NULL, (size_t)DOMAIN_CAP * HANDLE_STRIDE, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    void *r = h == MAP_FAILED ? MAP_FAILED
                              : mmap(NULL, (size_t)DOMAIN_CAP * sizeof(struct domain_rec),
                                     PROT_READ | PROT_WRITE,
                                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (r != MAP_FAILED) {
      records = r;
      __atomic_store_n(&handles, h, __ATOMIC_RELEASE);
    }
  }
  struct domain_rec *d = NULL;
  if (handles != NULL && used < DOMAIN_CAP)
    d = &records[__atomic_fetch_add(&used, 1, __ATOMIC_RELEASE)];
  rt_unlock(&pool_lock);
  return d;
}

/* The record handle H names; NULL traps null, anything else that is not a
 * handle of ours traps cast.  Reads nothing at H. */
static struct domain_rec *record_of(const void *h, const struct __cuckoo_site *s, const char *fn) {
  if (h == NULL) {
    char text[64];
    size_t n = strlen(fn);
    memcpy(text, fn, n);
    memcpy(text + n, ": null domain", sizeof ": null domain");
    rt_trap_text(s, "null", text);
  }
  char *base = __atomic_load_n(&handles, __ATOMIC_ACQUIRE);
  unsigned n = __atomic_load_n(&used, __ATOMIC_ACQUIRE);
  uintptr_t off = (uintptr_t)h - (uintptr_t)base;
  if (base == NULL || (uintptr_t)h < (uintptr_t)base || off % HANDLE_STRIDE != 0 ||
      off / HANDLE_STRIDE >= n ||
      !__atomic_load_n(&records[off / HANDLE_STRIDE].live, __ATOMIC_ACQUIRE)) {
    char text[96];
    size_t k = strlen(fn);
    memcpy(text, fn, k);
    memcpy(text + k, ": not a domain made by domain_new",
           sizeof ": not a domain made by domain_new");
    rt_trap_text(s, "cast", text);
  }
  return &records[off / HANDLE_STRIDE];
}

/* ---- the domain's lock --------------------------------------------------- */

static void futex_wait(int *addr, int val) {
  int saved = errno;
  syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, val, NULL, NULL, 0);
  errno = saved;
}

static void futex_wake(int *addr) {
  int saved = errno;
  syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
  errno = saved;
}

static const void *self(void) { return &rt_domain_top; }

static void domain_lock(struct domain_rec *d) {
  int expected = 0;
  if (!__atomic_compare_exchange_n(&d->lock, &expected, 1, 0, __ATOMIC_ACQUIRE,
                                   __ATOMIC_RELAXED))
    while (__atomic_exchange_n(&d->lock, 2, __ATOMIC_ACQUIRE) != 0)
      futex_wait(&d->lock, 2);
  __atomic_store_n(&d->holder, self(), __ATOMIC_RELAXED);
}

static void domain_unlock(struct domain_rec *d) {
  __atomic_store_n(&d->holder, NULL, __ATOMIC_RELAXED);
  if (__atomic_exchange_n(&d->lock, 0, __ATOMIC_RELEASE) == 2)
    futex_wake(&d->lock);
}

/* ---- frames ------------------------------------------------------------- */

static void frame_push(struct rt_domain_frame *f, struct domain_rec *d, int in_setup) {
  f->d = d;
  f->in_setup = in_setup;
  f->outer = rt_domain_top;
  f->held.prev = f->held.next = &f->held;
  f->owner = &d->owned;
  rt_domain_top = f;
  rt_alloc_owner = f->owner;
}

static void frame_pop(struct rt_domain_frame *f) {
  rt_domain_top = f->outer;
  rt_alloc_owner = f->outer ? f->outer->owner : NULL;
}

/* D's objects deleted and its state gone: the next call runs setup. */
static void domain_empty(struct domain_rec *d) {
  d->state = NULL;
  rt_owner_purge(&d->owned);
}

/* The thread leaves frame F abnormally: its mutexes released, its domain
 * emptied and unlocked.  (F is a setup frame being unwound past.) */
static void frame_abandon(struct rt_domain_frame *f) {
  struct domain_rec *d = f->d;
  frame_pop(f);
  rt_mutexes_release(&f->held);
  domain_empty(d);
  domain_unlock(d);
}

/* Runs D's setup inside D, with D locked by this thread; a runtime error
 * in it is the caller's (rt_domain_failing unwinds past this frame and
 * abandons it).  A NULL state is the caller's runtime error too. */
static void run_setup(struct domain_rec *d, const struct __cuckoo_site *s) {
  struct rt_domain_frame f;
  frame_push(&f, d, 1);
  struct __cuckoo_obj *st = d->setup();
  frame_pop(&f);
  rt_mutexes_hand_over(&f.held, rt_domain_top ? &rt_domain_top->held : NULL);
  if (st == NULL) {
    domain_empty(d);
    domain_unlock(d);
    char text[NAME_CAP + 48];
    size_t n = strlen(d->name);
    memcpy(text, "setup of domain ", 16);
    memcpy(text + 16, d->name, n);
    memcpy(text + 16 + n, " returned NULL", sizeof " returned NULL");
    rt_trap_text(s, "null", text);
  }
  d->state = st;
}

/* ---- the trap path (trap.c) -------------------------------------------- */

/* Called by rt_trap_text before anything else.  If the error belongs to a
 * domain that can recover -- the thread is inside one, outside every
 * runtime critical section, and not only inside setups -- unwinds the
 * setup frames above it, sets rt_domain_top to that domain's frame and
 * returns its name; otherwise returns NULL and the error ends the process. */
const char *rt_domain_failing(void) {
  struct rt_domain_frame *t = rt_domain_top;
  if (t == NULL || rt_crit_depth != 0)
    return NULL;
  while (t != NULL && t->in_setup)
    t = t->outer;
  if (t == NULL)
    return NULL;
  while (rt_domain_top != t)
    frame_abandon(rt_domain_top);
  return ((struct domain_rec *)t->d)->name;
}

void rt_domain_unwind(void) {
  __builtin_longjmp(rt_domain_top->jb, 1);
}

/* A runtime function the program may not call inside a domain (spawn,
 * signal_handler, trap_handler): a runtime error `own` of the domain. */
void rt_domain_forbid(const struct __cuckoo_site *site, const char *fn) {
  if (rt_domain_top == NULL)
    return;
  char text[NAME_CAP + 64];
  size_t n = strlen(fn), m = strlen(((struct domain_rec *)rt_domain_top->d)->name);
  memcpy(text, fn, n);
  memcpy(text + n, " inside domain ", 15);
  memcpy(text + n + 15, ((struct domain_rec *)rt_domain_top->d)->name, m + 1);
  rt_trap_text(site, "own", text);
}

/* ---- the Cuckoo interface ----------------------------------------------- */

struct domain *__cuckoo_domain_new(struct __cuckoo_obj *(*setup)(void),
                                   const struct __cuckoo_type *t, const char *name,
                                   const struct __cuckoo_site *s) {
  /* only compiled code calls this, but an object may be written by hand */
  if (setup == NULL || name == NULL)
    rt_trap_text(s, "null", "domain_new of a null function or name");
  const void *kind = rt_type_kind(t, s);
  struct domain_rec *d = record_new();
  if (d == NULL)
    rt_trap_text(s, "memory", "too many domains");
  /* a fresh record (zero): records are never reused, and one whose setup
   * failed stays unpublished */
  unsigned n = rt_bounded_len(name);
  if (n > NAME_CAP - 1)
    n = NAME_CAP - 1;
  memcpy(d->name, name, n);
  d->name[n] = 0;
  d->setup = setup;
  d->state_desc = t;
  d->state_kind = kind;
  /* Published only once setup worked: a domain whose setup failed is
   * never seen by the program. */
  domain_lock(d);
  run_setup(d, s);
  domain_unlock(d);
  __atomic_store_n(&d->live, 1, __ATOMIC_RELEASE);
  return (struct domain *)(handles + (size_t)(d - records) * HANDLE_STRIDE);
}

/* The failure path of a call, after the jump (or a negative result): the
 * thread is back in this frame, outside D. */
static int recover(struct domain_rec *d, struct rt_domain_frame *f,
                   const struct __cuckoo_site *s) {
  frame_pop(f);
  rt_mutexes_release(&f->held);
  domain_empty(d);
  if (!d->revoked)
    run_setup(d, s);
  domain_unlock(d);
  return DOMAIN_FAILED;
}

int __cuckoo_domain_call(struct domain *h, int (*entry)(const struct __cuckoo_args *a),
                         const struct __cuckoo_args *a, unsigned size,
                         const struct __cuckoo_type *t, const struct __cuckoo_site *s) {
  struct domain_rec *d = record_of(h, s, "domain_call");
  /* the block holds at least the state pointer; its size is the
   * compiler's (the checker proves it), but an object may be hand-made */
  if (entry == NULL || a == NULL)
    rt_trap_text(s, "null", "domain_call of a null function or argument block");
  if (size < 4 || size > RT_DOMAIN_BLOCK_MAX || size % 4 != 0)
    rt_trap_site(s, "stack", "domain_call argument block of %llu bytes", size, 0);
  if (t != d->state_desc && rt_type_kind(t, s) != d->state_kind)
    rt_trap_text(s, "cast", "domain_call: the function's state type is not the domain's");
  if (__atomic_load_n(&d->revoked, __ATOMIC_ACQUIRE))
    return DOMAIN_REVOKED;
  if (__atomic_load_n(&d->holder, __ATOMIC_RELAXED) == self()) {
    char text[NAME_CAP + 64];
    size_t n = strlen(d->name);
    memcpy(text, "domain_call into domain ", 24);
    memcpy(text + 24, d->name, n);
    memcpy(text + 24 + n, ", which is running on this thread",
           sizeof ", which is running on this thread");
    rt_trap_text(s, "own", text);
  }
  domain_lock(d);
  if (d->revoked) {
    domain_unlock(d);
    return DOMAIN_REVOKED;
  }
  if (d->state == NULL)
    run_setup(d, s);              /* its last rebuild failed */

  uint32_t block[RT_DOMAIN_BLOCK_MAX / 4];
  const uint32_t *from = (const uint32_t *)(const void *)a;
  block[0] = (uint32_t)(uintptr_t)d->state;
  for (unsigned i = 1; i < size / 4; i++)
    block[i] = from[i];
  struct rt_domain_frame f;
  frame_push(&f, d, 0);
  if (__builtin_setjmp(f.jb) != 0) {
    /* a runtime error inside D; rt_domain_failing made F the top */
    return recover(d, &f, s);
  }
  int r = entry((const struct __cuckoo_args *)(void *)block);
  if (r < 0) {
    char line[NAME_CAP + 96];
    rt_format_detail(line, sizeof line, "domain_call result %lld is negative", r, 0);
    rt_trap_report(d->name, s, "own", line);
    return recover(d, &f, s);
  }
  frame_pop(&f);
  rt_mutexes_hand_over(&f.held, rt_domain_top ? &rt_domain_top->held : NULL);
  if (d->revoked)                 /* revoked from inside: emptied on the way out */
    domain_empty(d);
  domain_unlock(d);
  return r;
}

void __cuckoo_domain_revoke(struct domain *h) {
  struct domain_rec *d = record_of(h, rt_callsite(RT_HERE), "domain_revoke");
  if (__atomic_load_n(&d->holder, __ATOMIC_RELAXED) == self()) {
    /* from inside D (or a domain it called): emptied when the call ends */
    __atomic_store_n(&d->revoked, 1, __ATOMIC_RELEASE);
    return;
  }
  domain_lock(d);
  __atomic_store_n(&d->revoked, 1, __ATOMIC_RELEASE);
  domain_empty(d);
  domain_unlock(d);
}

int __cuckoo_domain_objects(struct domain *h) {
  struct domain_rec *d = record_of(h, rt_callsite(RT_HERE), "domain_objects");
  return (int)rt_owner_count(&d->owned);
}

/* domain.c -- protection domains with recovery (LANGUAGE.md §13.3,
 * doc/domains.md).
 *
 * A domain is a record in a pool of our own, named by a handle in a
 * PROT_NONE reservation (as thread.c names threads and mutexes), so a
 * forged `domain_t *` traps cast and nothing the program writes can reach
 * a record.  Records are never freed: domain_revoke only empties one.
 *
 * A thread that runs inside a domain has a frame on __cuckoo_domain_top (a list,
 * innermost first, of the frames inside the records of the domains it is
 * running in and of the C frames of setups).  While it is there:
 *   - every object it allocates belongs to the domain (its frame's
 *     owner; alloc.c keeps a list per owner);
 *   - every mutex it locks is noted on the thread's stack of held mutexes,
 *     and the call's frame remembers where its own begin (thread.c);
 *   - a runtime error (trap.c calls rt_domain_failing) writes its line
 *     prefixed by the domain's name and jumps back to the domain_call's
 *     caller on the same thread, its registers restored from the record:
 *     the Cuckoo frames in between are simply abandoned (Cuckoo code holds
 *     no resource but the ones the runtime lists here).  The jump happens
 *     only when the thread holds no runtime lock (rt_crit_depth == 0,
 *     which "nothing traps while it holds a lock" in rt.h makes the normal
 *     case); otherwise the error ends the process as it would outside a
 *     domain.
 * A domain runs one call at a time (its lock); a second thread waits.
 * A call into a domain that is already running on the calling thread
 * (itself, or an outer domain of a nested call) is a runtime error `own`
 * of the calling domain.  Setup runs inside the domain, but a runtime
 * error inside it is the caller's: it unwinds to the next frame out that
 * is not a setup, or ends the process. */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rt.h"

#define RT_STR_(x) #x
#define RT_STR(x) RT_STR_(x)
#define DOMAIN_CAP (1u << 14)
#define NAME_CAP 64
#define DOMAIN_FAILED (-1)
#define DOMAIN_REVOKED (-2)

/* A domain.  The frame of a call running inside it is part of the record:
 * a domain runs one call at a time (its lock), and a call into a domain
 * already running on the thread traps own, so one frame per domain is
 * enough and a call writes no frame of its own on the stack.  The fast
 * path (the assembly below) reads and writes the first 64 bytes, so their
 * offsets are fixed; a record is 256 bytes, so the record of handle offset
 * I is at records + I * 256. */
enum { S_EBX, S_ESI, S_EDI, S_EBP, S_ESP, S_RET, S_N };
struct domain_rec {
  struct rt_domain_frame frame;   /* 0: the running call's; d and owner are
                                     constant, outer NULL and held_mark
                                     RT_HELD_NONE while the lock is free */
  unsigned lock;                  /* 24: 0 free, 1 taken, 3 taken and another
                                     thread may wait (futex); 2 free, and a
                                     wake is under way */
  const struct __cuckoo_type *fast_desc;  /* 28: state_desc while the domain is
                                     live, built and not revoked; else NULL */
  struct __cuckoo_obj *state;     /* 32: NULL: setup runs before the next call */
  unsigned attn;                  /* 36: the running call must leave through
                                     rt_domain_leave (it took a mutex, or its
                                     domain was revoked from inside) */
  uintptr_t saved[S_N];           /* 40: the caller's callee-saved registers,
                                     %esp after the call and return address */
  struct rt_owner owned;          /* 64: its books; in_n at 72, in_b at 76 */
  struct __cuckoo_obj *(*setup)(void);
  const struct __cuckoo_type *state_desc;  /* domain_new's descriptor */
  const void *state_kind;         /* the state descriptor's interned kind (alloc.c) */
  unsigned revoked;
  unsigned live;                  /* set once domain_new's setup worked */
  char name[NAME_CAP];
#if defined(__i386__)
  char pad[256 - 92 - 4 - 4 * RT_INCOMING_CAP - NAME_CAP];
#endif
};
_Static_assert((offsetof(struct domain_rec, lock) == 24 && offsetof(struct domain_rec, fast_desc) == 28 &&
                offsetof(struct domain_rec, state) == 32 && offsetof(struct domain_rec, attn) == 36 &&
                offsetof(struct domain_rec, saved) == 40 && offsetof(struct domain_rec, owned) == 64 &&
                offsetof(struct domain_rec, owned.in_n) == 72 && offsetof(struct domain_rec, owned.in_b) == 76 &&
                sizeof(struct domain_rec) == 256) || sizeof(void *) != 4,
               "the record layout the assembly reads");
_Static_assert((offsetof(struct rt_domain_frame, outer) == 4 && sizeof(struct rt_domain_frame) == 24) ||
               sizeof(void *) != 4, "the frame layout the assembly writes");

__thread struct rt_domain_frame *__cuckoo_domain_top;
__thread struct rt_domain_frame *rt_domain_hidden;

static rt_lock_t pool_lock = RT_LOCK_INIT;
/* Read by the fast path: the handles' reservation (one byte a domain:
 * handle offset = record index), the records handed out so far, the
 * records. */
char *rt_domain_handles;
unsigned rt_domain_count;
struct domain_rec *rt_domain_records;

/* ---- records ----------------------------------------------------------- */

static struct domain_rec *record_new(void) {
  rt_lock(&pool_lock);
  if (rt_domain_handles == NULL) {
    char *h = mmap(NULL, (size_t)DOMAIN_CAP, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    void *r = h == MAP_FAILED ? MAP_FAILED
                              : mmap(NULL, (size_t)DOMAIN_CAP * sizeof(struct domain_rec),
                                     PROT_READ | PROT_WRITE,
                                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (r != MAP_FAILED) {
      rt_domain_records = r;
      __atomic_store_n(&rt_domain_handles, h, __ATOMIC_RELEASE);
    }
  }
  struct domain_rec *d = NULL;
  unsigned used = rt_domain_count;
  if (rt_domain_handles != NULL && used < DOMAIN_CAP) {
    d = &rt_domain_records[used];
    __atomic_store_n(&rt_domain_count, used + 1, __ATOMIC_RELEASE);
  }
  rt_unlock(&pool_lock);
  return d;
}

/* The site of a runtime error: S, or the one of the Cuckoo call whose
 * return address is RET -- looked up only when an error is reported (the
 * callsite table is searched linearly). */
static const struct __cuckoo_site *site_at(const struct __cuckoo_site *s, const void *ret) {
  return s != NULL ? s : rt_callsite(ret);
}

/* The record handle H names; NULL traps null, anything else that is not a
 * handle of ours, or one whose domain_new has not finished, traps cast
 * (at S, or at the call that returns to RET).  Reads nothing at H. */
static struct domain_rec *record_of(const void *h, const struct __cuckoo_site *s, const void *ret,
                                    const char *fn) {
  if (h == NULL) {
    char text[64];
    size_t n = strlen(fn);
    memcpy(text, fn, n);
    memcpy(text + n, ": null domain", sizeof ": null domain");
    rt_trap_text(site_at(s, ret), "null", text);
  }
  char *base = __atomic_load_n(&rt_domain_handles, __ATOMIC_ACQUIRE);
  unsigned used = __atomic_load_n(&rt_domain_count, __ATOMIC_ACQUIRE);
  uintptr_t off = (uintptr_t)h - (uintptr_t)base;
  if (base == NULL || off >= used || !__atomic_load_n(&rt_domain_records[off].live, __ATOMIC_ACQUIRE)) {
    char text[96];
    size_t k = strlen(fn);
    memcpy(text, fn, k);
    memcpy(text + k, ": not a domain made by domain_new",
           sizeof ": not a domain made by domain_new");
    rt_trap_text(site_at(s, ret), "cast", text);
  }
  return &rt_domain_records[off];
}

/* ---- the domain's lock --------------------------------------------------- */
/* A futex word, bit 0 taken (Drepper's "mutex 3" with 3 for contended):
 * the fast path takes it with one `lock bts` and releases it with one
 * `lock dec`, which leaves 0 unless another thread may wait. */

static void domain_lock(struct domain_rec *d) {
  if (!(__atomic_fetch_or(&d->lock, 1, __ATOMIC_ACQUIRE) & 1))
    return;
  /* taken: mark it contended; whoever releases it wakes one of us */
  while (__atomic_exchange_n(&d->lock, 3, __ATOMIC_ACQUIRE) & 1)
    rt_futex_wait(&d->lock, 3, NULL);
}

/* The release left 2: another thread may wait.  Back to 0 unless someone
 * took it meanwhile (then it is theirs, marked contended), and one waiter
 * woken, which marks it contended again when it takes it. */
void rt_domain_wake(struct domain_rec *d);
void rt_domain_wake(struct domain_rec *d) {
  unsigned two = 2;
  __atomic_compare_exchange_n(&d->lock, &two, 0, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED);
  rt_futex_wake(&d->lock, 1);
}

static void domain_unlock(struct domain_rec *d) {
  if (__atomic_sub_fetch(&d->lock, 1, __ATOMIC_RELEASE) != 0)
    rt_domain_wake(d);
}

/* Is D running on this thread: is it in the thread's chain of frames, or
 * in a chain a handler's run suspended (rt.h)?  (Its lock does not say
 * which thread holds it.) */
static int chain_holds(const struct rt_domain_frame *f, const struct domain_rec *d) {
  for (; f != NULL; f = f->outer)
    if (f->d == d)
      return 1;
  return 0;
}

static int held_here(const struct domain_rec *d) {
  if (chain_holds(__cuckoo_domain_top, d))
    return 1;
  for (const struct rt_domain_frame *h = rt_domain_hidden; h != NULL; h = h->hidden)
    if (chain_holds(h, d))
      return 1;
  return 0;
}

/* ---- frames ------------------------------------------------------------- */

/* A setup's frame, on the C stack: its mark is taken at entry. */
static void setup_frame_push(struct rt_domain_frame *f, struct domain_rec *d) {
  f->d = d;
  f->in_setup = 1;
  f->outer = __cuckoo_domain_top;
  f->held_mark = rt_held_count;
  f->owner = &d->owned;
  f->hidden = NULL;
  __cuckoo_domain_top = f;
}

static void frame_pop(struct rt_domain_frame *f) {
  __cuckoo_domain_top = f->outer;
}

/* The fast path lets a call run with no mark: the first mutex it takes
 * sets one (thread.c calls this first) and asks for the slow way out. */
void rt_domain_mutex_taken(void) {
  struct rt_domain_frame *f = __cuckoo_domain_top;
  if (f != NULL && !f->in_setup && f->held_mark == RT_HELD_NONE) {
    f->held_mark = rt_held_count;
    __atomic_store_n(&((struct domain_rec *)f->d)->attn, 1, __ATOMIC_RELAXED);
  }
}

/* A frame whose mark was MARK was left normally (and popped): the mutexes
 * it took and still holds become the enclosing call's -- noted in its
 * frame if it had none -- or, outside every domain, are no longer tracked. */
static void mutexes_pass_out(unsigned mark) {
  struct rt_domain_frame *t = __cuckoo_domain_top;
  if (rt_held_count <= mark)
    return;
  if (t == NULL)
    rt_held_count = mark;
  else if (!t->in_setup && t->held_mark == RT_HELD_NONE) {
    t->held_mark = mark;
    __atomic_store_n(&((struct domain_rec *)t->d)->attn, 1, __ATOMIC_RELAXED);
  }
}

/* Under D's lock: the fast path may enter D exactly when it is live,
 * built and not revoked. */
static void publish(struct domain_rec *d) {
  d->fast_desc = d->live && d->state != NULL && !d->revoked ? d->state_desc : NULL;
}

/* D's objects deleted and its state gone: the next call runs setup. */
static void domain_empty(struct domain_rec *d) {
  d->state = NULL;
  d->fast_desc = NULL;
  rt_owner_purge(&d->owned);
}

/* The thread leaves setup frame F abnormally: its mutexes released, its
 * domain emptied and unlocked. */
static void frame_abandon(struct rt_domain_frame *f) {
  struct domain_rec *d = f->d;
  frame_pop(f);
  rt_mutexes_release(f->held_mark);
  domain_empty(d);
  domain_unlock(d);
}

/* Runs D's setup inside D, with D locked by this thread; a runtime error
 * in it is the caller's (rt_domain_failing unwinds past this frame and
 * abandons it).  A NULL state is the caller's runtime error too. */
static void run_setup(struct domain_rec *d, const struct __cuckoo_site *s, const void *ret) {
  struct rt_domain_frame f;
  setup_frame_push(&f, d);
  struct __cuckoo_obj *st = d->setup();
  frame_pop(&f);
  mutexes_pass_out(f.held_mark);
  if (st == NULL) {
    domain_empty(d);
    domain_unlock(d);
    char text[NAME_CAP + 48];
    size_t n = strlen(d->name);
    memcpy(text, "setup of domain ", 16);
    memcpy(text + 16, d->name, n);
    memcpy(text + 16 + n, " returned NULL", sizeof " returned NULL");
    rt_trap_text(site_at(s, ret), "null", text);
  }
  d->state = st;
  if (d->revoked)                 /* revoked from inside its own setup */
    domain_empty(d);
}

/* ---- the trap path (trap.c) -------------------------------------------- */

/* Called by rt_trap_text before anything else.  If the error belongs to a
 * domain that can recover -- the thread is inside one, outside every
 * runtime critical section, and not only inside setups -- unwinds the
 * setup frames above it, sets __cuckoo_domain_top to that domain's frame and
 * returns its name; otherwise returns NULL and the error ends the process. */
const char *rt_domain_failing(void) {
  struct rt_domain_frame *t = __cuckoo_domain_top;
  if (t == NULL || rt_crit_depth != 0)
    return NULL;
  while (t != NULL && t->in_setup)
    t = t->outer;
  if (t == NULL)
    return NULL;
  while (__cuckoo_domain_top != t)
    frame_abandon(__cuckoo_domain_top);
  return ((struct domain_rec *)t->d)->name;
}


/* A runtime function the program may not call inside a domain (spawn,
 * signal_handler, trap_handler): a runtime error `own` of the domain. */
void rt_domain_forbid(const struct __cuckoo_site *site, const char *fn) {
  if (__cuckoo_domain_top == NULL)
    return;
  char text[NAME_CAP + 64];
  size_t n = strlen(fn), m = strlen(((struct domain_rec *)__cuckoo_domain_top->d)->name);
  memcpy(text, fn, n);
  memcpy(text + n, " inside domain ", 15);
  memcpy(text + n + 15, ((struct domain_rec *)__cuckoo_domain_top->d)->name, m + 1);
  rt_trap_text(site, "own", text);
}

/* rt.h: a store of the runtime's for the program into static storage
 * inside a domain.  [P, P + N) overlaps [__executable_start, _end) without
 * computing P + N, which a forged length word could make wrap. */
void rt_check_store_slow(const void *ret, const void *p, size_t n, const char *what) {
  uintptr_t a = (uintptr_t)p, lo = (uintptr_t)__executable_start, hi = (uintptr_t)_end;
  if (__cuckoo_domain_top == NULL || n == 0 || a >= hi || (a < lo && n <= lo - a))
    return;
  rt_trap_fn(ret, "own", what, " into static storage inside a domain");
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
  /* A fresh record (zero): records are never reused, and one whose setup
   * failed stays unpublished (record_of refuses it; fast_desc stays NULL,
   * so the fast path sends calls to the slow one, which refuses it too). */
  unsigned n = rt_bounded_len(name);
  if (n > NAME_CAP - 1)
    n = NAME_CAP - 1;
  memcpy(d->name, name, n);
  d->name[n] = 0;
  d->setup = setup;
  d->state_kind = kind;
  d->state_desc = t;
  d->frame.d = d;
  d->frame.owner = &d->owned;
  d->frame.held_mark = RT_HELD_NONE;
  domain_lock(d);
  run_setup(d, s, NULL);
  __atomic_store_n(&d->live, 1, __ATOMIC_RELEASE);
  publish(d);
  domain_unlock(d);
  return (struct domain *)(rt_domain_handles + (d - rt_domain_records));
}

/* ---- domain_call ---------------------------------------------------------- *
 * The compiled call (doc/abi.md "domain_call") is
 *   __cuckoo_domain_call(d, f, desc, <hole>, <hole>, a1, ..., an)
 * the two holes written by nobody: the first becomes f's return address,
 * the second f's first argument, the state -- so a1..an, already in
 * place, are f's other arguments and nothing is copied.  The assembly
 * below is the fast path: the thread in no domain, D a published handle,
 * D free, DESC D's state descriptor (so D is live, built and not revoked).
 * It takes D's lock, saves the caller's registers, %esp and return address
 * in D's record, makes D's frame the thread's top, and calls f from the
 * caller's own outgoing area.  When f returns: the top popped, and unless
 * the result is negative or the call asked for the slow way out (attn),
 * D released and the result returned.  Everything else goes through C:
 * rt_domain_call_slow (nested calls, bad or busy handles: checks, traps or
 * waits, then locks), rt_domain_call_locked (D locked, but not the
 * descriptor or not built), rt_domain_leave, rt_domain_negative, and
 * rt_domain_recover after rt_domain_unwind restored the saved registers
 * and %esp.  Each returns the caller's return address, read from the
 * record before the lock is released. */
struct domain_rec *rt_domain_call_slow(struct domain *h, const struct __cuckoo_type *t, int (*f)(void),
                                       const void *ret);
struct domain_rec *rt_domain_call_locked(struct domain_rec *d, const struct __cuckoo_type *t,
                                         int (*f)(void), const void *ret);
const void *rt_domain_leave(struct domain_rec *d);
const void *rt_domain_negative(struct domain_rec *d, int result);
const void *rt_domain_recover(struct domain_rec *d);

/* D is locked by this thread: a revoked domain answers (NULL: the call
 * yields DOMAIN_REVOKED), a broken one is rebuilt; returns D, still
 * locked, ready to run. */
struct domain_rec *rt_domain_call_locked(struct domain_rec *d, const struct __cuckoo_type *t,
                                         int (*f)(void), const void *ret) {
  if (!__atomic_load_n(&d->live, __ATOMIC_ACQUIRE)) {
    domain_unlock(d);
    rt_trap_text(rt_callsite(ret), "cast", "domain_call: not a domain made by domain_new");
  }
  if (f == NULL) {
    domain_unlock(d);
    rt_trap_text(rt_callsite(ret), "null", "domain_call of a null function");
  }
  if (t != d->state_desc && rt_type_kind(t, rt_callsite(ret)) != d->state_kind) {
    domain_unlock(d);
    rt_trap_text(rt_callsite(ret), "cast", "domain_call: the function's state type is not the domain's");
  }
  if (d->revoked) {
    domain_unlock(d);
    return NULL;
  }
  if (d->state == NULL) {
    run_setup(d, NULL, ret);      /* its last rebuild failed */
    if (d->revoked) {
      domain_unlock(d);
      return NULL;
    }
  }
  publish(d);
  return d;
}

struct domain_rec *rt_domain_call_slow(struct domain *h, const struct __cuckoo_type *t, int (*f)(void),
                                       const void *ret) {
  struct domain_rec *d = record_of(h, NULL, ret, "domain_call");
  if (f == NULL)
    rt_trap_text(rt_callsite(ret), "null", "domain_call of a null function");
  if (t != d->state_desc && rt_type_kind(t, rt_callsite(ret)) != d->state_kind)
    rt_trap_text(rt_callsite(ret), "cast", "domain_call: the function's state type is not the domain's");
  if (__atomic_load_n(&d->revoked, __ATOMIC_ACQUIRE))
    return NULL;
  if (held_here(d)) {
    char text[NAME_CAP + 64];
    size_t n = strlen(d->name);
    memcpy(text, "domain_call into domain ", 24);
    memcpy(text + 24, d->name, n);
    memcpy(text + 24 + n, ", which is running on this thread",
           sizeof ", which is running on this thread");
    rt_trap_text(rt_callsite(ret), "own", text);
  }
  domain_lock(d);
  return rt_domain_call_locked(d, t, f, ret);
}

/* __cuckoo_domain_call_own: as rt_domain_call_slow, and the objects of the
 * argument words MASK names (ARGS: the words after the state) become D's,
 * with everything they own, once D is locked -- so a failure of this call,
 * or of a later one, deletes them.  A revoked domain runs nothing: the
 * objects, moved into the call, are deleted. */
struct domain_rec *rt_domain_call_own(struct domain *h, const struct __cuckoo_type *t, int (*f)(void),
                                      const void *ret, unsigned mask, void *const *args);
static struct domain_rec *own_args_move(struct domain_rec *d, unsigned mask, void *const *args) {
  if (d != NULL) {
    rt_alloc_adopt(&d->owned, mask, args);
    return d;
  }
  struct rt_owner gone = {NULL, 0};
  rt_alloc_adopt(&gone, mask, args);
  rt_owner_purge(&gone);
  return NULL;
}

struct domain_rec *rt_domain_call_own(struct domain *h, const struct __cuckoo_type *t, int (*f)(void),
                                      const void *ret, unsigned mask, void *const *args) {
  return own_args_move(rt_domain_call_slow(h, t, f, ret), mask, args);
}

/* The same, D already locked by the fast path (rt_domain_call_locked's
 * case: not this descriptor, or not ready). */
struct domain_rec *rt_domain_call_own_locked(struct domain_rec *d, const struct __cuckoo_type *t,
                                             int (*f)(void), const void *ret, unsigned mask,
                                             void *const *args);
struct domain_rec *rt_domain_call_own_locked(struct domain_rec *d, const struct __cuckoo_type *t,
                                             int (*f)(void), const void *ret, unsigned mask,
                                             void *const *args) {
  return own_args_move(rt_domain_call_locked(d, t, f, ret), mask, args);
}

/* The call returned normally but asked for the slow way out (D's frame is
 * popped, D still locked): mutexes it took and still holds become the
 * caller's, a domain revoked from inside is emptied; then D is released. */
const void *rt_domain_leave(struct domain_rec *d) {
  d->attn = 0;
  unsigned mark = d->frame.held_mark;
  d->frame.held_mark = RT_HELD_NONE;
  if (mark != RT_HELD_NONE)
    mutexes_pass_out(mark);
  if (d->revoked)
    domain_empty(d);
  const void *ret = (const void *)d->saved[S_RET];
  domain_unlock(d);
  return ret;
}

/* The call into D failed and D's frame is popped: the mutexes it took
 * released, its objects deleted, D rebuilt (unless revoked) and released. */
static const void *recover(struct domain_rec *d) {
  const void *ret = (const void *)d->saved[S_RET];
  unsigned mark = d->frame.held_mark;
  d->frame.held_mark = RT_HELD_NONE;
  d->attn = 0;
  if (mark != RT_HELD_NONE)
    rt_mutexes_release(mark);
  if (d->owned.in_n != 0)
    rt_alloc_drop(&d->owned);     /* what the fast path's owned arguments brought */
  domain_empty(d);
  if (!d->revoked)
    run_setup(d, NULL, ret);
  publish(d);
  domain_unlock(d);
  return ret;
}

/* The thread is back at the caller's %esp after a failure inside D
 * (rt_domain_failing made D's frame the top and wrote the line). */
const void *rt_domain_recover(struct domain_rec *d) {
  __cuckoo_domain_top = d->frame.outer;
  d->frame.outer = NULL;
  return recover(d);
}

/* f returned a negative number, which only the runtime may (§13.3): a
 * runtime error `own` of the domain, reported at the domain_call. */
const void *rt_domain_negative(struct domain_rec *d, int result) {
  char line[96];
  rt_format_detail(line, sizeof line, "domain_call result %lld is negative", result, 0);
  rt_trap_report(d->name, rt_callsite((const void *)d->saved[S_RET]), "own", line);
  return recover(d);
}

#if defined(__i386__)
#define DOMAIN_ENTER_SAVE                                                   \
    "	movl %ebx, 40(%edx)\n"                                              \
    "	movl %esi, 44(%edx)\n"                                              \
    "	movl %edi, 48(%edx)\n"                                              \
    "	movl %ebp, 52(%edx)\n"                                              \
    "	popl 60(%edx)\n"                 /* the return address */           \
    "	movl %esp, 56(%edx)\n"           /* the caller's %esp */            \
    "	movl 32(%edx), %eax\n"                                              \
    "	movl %eax, 16(%esp)\n"           /* the second hole: the state */
__asm__(
    "	.text\n"
    "	.globl __cuckoo_domain_call\n"
    "	.type __cuckoo_domain_call, @function\n"
    "__cuckoo_domain_call:\n"
    "	cmpl $0, %gs:__cuckoo_domain_top@ntpoff\n"     /* nested: the slow path */
    "	jne 8f\n"
    "	cmpl $0, 8(%esp)\n"                      /* f: a hand-made object's may be NULL */
    "	je 8f\n"
    "	movl 4(%esp), %edx\n"
    "	subl rt_domain_handles, %edx\n"          /* the handle's index (huge if below) */
    "	cmpl rt_domain_count, %edx\n"
    "	jae 8f\n"
    "	shll $8, %edx\n"
    "	addl rt_domain_records, %edx\n"          /* d */
    "	lock btsl $0, 24(%edx)\n"                /* d's lock */
    "	jc 8f\n"
    "	movl 12(%esp), %ecx\n"
    "	cmpl %ecx, 28(%edx)\n"                   /* desc is d's, and d is ready */
    "	jne 7f\n"
    DOMAIN_ENTER_SAVE
    "	movl %edx, %gs:__cuckoo_domain_top@ntpoff\n"   /* d's frame: the thread's only one */
    "	leal 16(%esp), %esp\n"
    "	call *-12(%esp)\n"                       /* f, its return address in the first hole */
    "	movl %gs:__cuckoo_domain_top@ntpoff, %edx\n"
    "	movl $0, %gs:__cuckoo_domain_top@ntpoff\n"
    "rt_domain_returned:\n"                    /* f returned %eax, d's frame popped */
    "1:	testl %eax, %eax\n"
    "	js 4f\n"
    "	cmpl $0, 36(%edx)\n"                     /* attn */
    "	jne 5f\n"
    "	leal -16(%esp), %esp\n"
    "	pushl 60(%edx)\n"
    "	lock decl 24(%edx)\n"                    /* release d */
    "	jnz 6f\n"
    "	ret\n"
    /* with d locked by the slow path (%edx), in the caller's call */
    "rt_domain_enter:\n"
    DOMAIN_ENTER_SAVE
    "	movl %gs:__cuckoo_domain_top@ntpoff, %eax\n"
    "	movl %eax, 4(%edx)\n"                    /* F.outer */
    "	movl %edx, %gs:__cuckoo_domain_top@ntpoff\n"
    "	leal 16(%esp), %esp\n"
    "	call *-12(%esp)\n"
    "	movl %gs:__cuckoo_domain_top@ntpoff, %edx\n"
    "	movl 4(%edx), %ecx\n"
    "	movl %ecx, %gs:__cuckoo_domain_top@ntpoff\n"
    "	movl $0, 4(%edx)\n"
    "	jmp 1b\n"
    /* f's result is negative: %esp is the caller's + 16 */
    "4:	leal -16(%esp), %esp\n"
    "	subl $8, %esp\n"
    "	pushl %eax\n"
    "	pushl %edx\n"
    "	call rt_domain_negative\n"
    "	addl $16, %esp\n"
    "	pushl %eax\n"
    "	movl $-1, %eax\n"
    "	ret\n"
    /* attn: the slow way out, the result kept in %ebx */
    "5:	leal -16(%esp), %esp\n"
    "	pushl %ebx\n"
    "	movl %eax, %ebx\n"
    "	subl $8, %esp\n"
    "	pushl %edx\n"
    "	call rt_domain_leave\n"
    "	addl $12, %esp\n"
    "	movl %eax, %ecx\n"
    "	movl %ebx, %eax\n"
    "	popl %ebx\n"
    "	pushl %ecx\n"
    "	ret\n"
    /* released, and another thread may wait: the return address pushed */
    "6:	pushl %eax\n"
    "	subl $4, %esp\n"
    "	pushl %edx\n"
    "	call rt_domain_wake\n"
    "	addl $8, %esp\n"
    "	popl %eax\n"
    "	ret\n"
    /* d locked, but not with this descriptor or not ready */
    "7:	movl %edx, %eax\n"
    "	subl $12, %esp\n"
    "	pushl 12(%esp)\n"                        /* ret */
    "	pushl 24(%esp)\n"                        /* f */
    "	pushl 32(%esp)\n"                        /* desc */
    "	pushl %eax\n"                            /* d */
    "	call rt_domain_call_locked\n"
    "	jmp 9f\n"
    /* anything else: nothing touched yet */
    "8:	subl $12, %esp\n"
    "	pushl 12(%esp)\n"                        /* ret */
    "	pushl 24(%esp)\n"                        /* f */
    "	pushl 32(%esp)\n"                        /* desc */
    "	pushl 28(%esp)\n"                        /* the handle */
    "	call rt_domain_call_slow\n"
    "9:	addl $28, %esp\n"
    "	testl %eax, %eax\n"
    "	jz 2f\n"
    "	movl %eax, %edx\n"
    "	jmp rt_domain_enter\n"
    "2:	movl $" RT_STR(DOMAIN_REVOKED) ", %eax\n"
    "	ret\n"
    "	.size __cuckoo_domain_call, .-__cuckoo_domain_call\n"
    "\n"
    /* owned arguments: the checks of the fast path above; then, d locked
     * and ready, the objects go on d's books (rt_alloc_adopt, in C: the
     * allocator's books are under its lock) and the call enters d as above */
    "	.globl __cuckoo_domain_call_own\n"
    "	.type __cuckoo_domain_call_own, @function\n"
    "__cuckoo_domain_call_own:\n"
    "	cmpl $0, %gs:__cuckoo_domain_top@ntpoff\n"     /* nested: the slow path */
    "	jne 3f\n"
    "	cmpl $0, 8(%esp)\n"                      /* f */
    "	je 3f\n"
    "	movl 4(%esp), %edx\n"
    "	subl rt_domain_handles, %edx\n"
    "	cmpl rt_domain_count, %edx\n"
    "	jae 3f\n"
    "	shll $8, %edx\n"
    "	addl rt_domain_records, %edx\n"          /* d */
    "	lock btsl $0, 24(%edx)\n"
    "	jc 3f\n"
    "	movl 12(%esp), %ecx\n"
    "	cmpl %ecx, 28(%edx)\n"                   /* desc is d's, and d is ready */
    "	jne 4f\n"
    "	pushl %edx\n"
    "	leal 28(%esp), %eax\n"
    "	pushl %eax\n"                            /* the words after the state */
    "	pushl 24(%esp)\n"                        /* the mask, in the first hole */
    "	leal 64(%edx), %eax\n"
    "	pushl %eax\n"                            /* &d->owned */
    "	call rt_alloc_mark\n"
    "	addl $12, %esp\n"
    "	popl %edx\n"
    DOMAIN_ENTER_SAVE
    "	movl %edx, %gs:__cuckoo_domain_top@ntpoff\n"
    "	leal 16(%esp), %esp\n"
    "	call *-12(%esp)\n"
    "	movl %gs:__cuckoo_domain_top@ntpoff, %edx\n"
    "	movl $0, %gs:__cuckoo_domain_top@ntpoff\n"
    "	testl %eax, %eax\n"                      /* negative: the failure's path drops them */
    "	js rt_domain_returned\n"
    "	movl 72(%edx), %ecx\n"                   /* the blocks noted (in_n) */
    "	testl %ecx, %ecx\n"
    "	jz rt_domain_returned\n"
    "	pushl %eax\n"
    "6:	movl 72(%edx,%ecx,4), %eax\n"            /* in_b[%ecx - 1] */
    "	testb $16, (%eax)\n"                     /* still INCOMING: f kept it */
    "	jnz 7f\n"
    "	decl %ecx\n"
    "	jnz 6b\n"
    "	movl $0, 72(%edx)\n"
    "	popl %eax\n"
    "	jmp rt_domain_returned\n"
    "7:	pushl %edx\n"
    "	leal 64(%edx), %ecx\n"
    "	pushl %ecx\n"
    "	call rt_alloc_settle\n"
    "	addl $4, %esp\n"
    "	popl %edx\n"
    "	popl %eax\n"
    "	jmp rt_domain_returned\n"
    /* d locked, but not with this descriptor or not ready */
    "4:	leal 24(%esp), %eax\n"
    "	subl $4, %esp\n"
    "	pushl %eax\n"                            /* the words after the state */
    "	pushl 24(%esp)\n"                        /* the mask */
    "	pushl 12(%esp)\n"                        /* ret */
    "	pushl 24(%esp)\n"                        /* f */
    "	pushl 32(%esp)\n"                        /* desc */
    "	pushl %edx\n"                            /* d */
    "	call rt_domain_call_own_locked\n"
    "	jmp 5f\n"
    /* anything else: nothing touched yet */
    "3:	subl $4, %esp\n"
    "	leal 28(%esp), %eax\n"
    "	pushl %eax\n"                            /* the words after the state */
    "	pushl 24(%esp)\n"                        /* the mask, in the first hole */
    "	pushl 12(%esp)\n"                        /* ret */
    "	pushl 24(%esp)\n"                        /* f */
    "	pushl 32(%esp)\n"                        /* desc */
    "	pushl 28(%esp)\n"                        /* the handle */
    "	call rt_domain_call_own\n"
    "5:	addl $28, %esp\n"
    "	testl %eax, %eax\n"
    "	jz 2f\n"
    "	movl %eax, %edx\n"
    "	jmp rt_domain_enter\n"
    "2:	movl $" RT_STR(DOMAIN_REVOKED) ", %eax\n"
    "	ret\n"
    "	.size __cuckoo_domain_call_own, .-__cuckoo_domain_call_own\n"
    "\n"
    "	.globl rt_domain_unwind\n"
    "	.type rt_domain_unwind, @function\n"
    "rt_domain_unwind:\n"                      /* the top frame is a record's */
    "	movl %gs:__cuckoo_domain_top@ntpoff, %edx\n"
    "	movl 40(%edx), %ebx\n"
    "	movl 44(%edx), %esi\n"
    "	movl 48(%edx), %edi\n"
    "	movl 52(%edx), %ebp\n"
    "	movl 56(%edx), %esp\n"
    "	subl $12, %esp\n"
    "	pushl %edx\n"
    "	call rt_domain_recover\n"
    "	addl $16, %esp\n"
    "	pushl %eax\n"
    "	movl $" RT_STR(DOMAIN_FAILED) ", %eax\n"
    "	ret\n"
    "	.size rt_domain_unwind, .-rt_domain_unwind\n");
#else
/* The runtime's C logic is also compiled natively for its unit tests,
 * which never enter a domain: the calls above are i386 code. */
int __cuckoo_domain_call(struct domain *h, int (*f)(void), const struct __cuckoo_type *t);
int __cuckoo_domain_call(struct domain *h, int (*f)(void), const struct __cuckoo_type *t) {
  struct domain_rec *d = rt_domain_call_slow(h, t, f, RT_HERE);
  if (d == NULL)
    return DOMAIN_REVOKED;
  domain_unlock(d);
  rt_trap_text(rt_callsite(RT_HERE), "own", "domain_call is implemented for i386 only");
}
void rt_domain_unwind(void) {
  static const char msg[] = "cuckoo: rt_domain_unwind outside i386\n";
  (void)!write(2, msg, sizeof msg - 1);
  _exit(134);
}
#endif

/* share(p) (LANGUAGE.md §13.1, §13.3): outside a domain nothing to do; inside,
 * the object and everything it owns leave the domain, as with chan_send. */
void __cuckoo_share(struct __cuckoo_obj *p) {
  if (p != NULL && __cuckoo_domain_top != NULL)
    rt_alloc_disown(p);
}

void __cuckoo_domain_revoke(struct domain *h) {
  struct domain_rec *d = record_of(h, NULL, RT_HERE, "domain_revoke");
  if (held_here(d)) {
    /* from inside D (or a domain it called): no new call enters, and the
     * running one empties D when it ends (rt_domain_leave; a setup: run_setup) */
    __atomic_store_n(&d->revoked, 1, __ATOMIC_RELEASE);
    d->fast_desc = NULL;
    __atomic_store_n(&d->attn, 1, __ATOMIC_RELAXED);
    return;
  }
  domain_lock(d);
  __atomic_store_n(&d->revoked, 1, __ATOMIC_RELEASE);
  domain_empty(d);
  domain_unlock(d);
}

int __cuckoo_domain_objects(struct domain *h) {
  struct domain_rec *d = record_of(h, NULL, RT_HERE, "domain_objects");
  return (int)rt_owner_count(&d->owned);
}

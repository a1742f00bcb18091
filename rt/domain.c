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
 *   - every object it allocates belongs to the domain (its frame's
 *     owner; alloc.c keeps a list per owner);
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

#define RT_STR_(x) #x
#define RT_STR(x) RT_STR_(x)
#define DOMAIN_CAP (1u << 14)
#define HANDLE_STRIDE 8u
#define NAME_CAP 64
#define DOMAIN_FAILED (-1)
#define DOMAIN_REVOKED (-2)

/* A domain.  The fast path of domain_call (the assembly below) reads the
 * first four words, so their offsets are fixed; a record is 128 bytes, so
 * the record of handle offset OFF is at records + OFF * 16. */
struct domain_rec {
  uintptr_t holder;               /* 0: the lock: the holding thread (its
                                     &rt_domain_top) | 1 when others wait; 0 free */
  unsigned revoked;               /* 4 */
  const struct __cuckoo_type *state_desc;  /* 8: domain_new's descriptor */
  struct __cuckoo_obj *state;     /* 12: NULL: setup runs before the next call */
  struct rt_owner owned;          /* 16 */
  struct __cuckoo_obj *(*setup)(void);
  const void *state_kind;         /* the state descriptor's interned kind (alloc.c) */
  unsigned live;                  /* set once domain_new's setup worked */
  char name[NAME_CAP];
  char pad[128 - 36 - NAME_CAP];
};
_Static_assert((offsetof(struct domain_rec, revoked) == 4 && offsetof(struct domain_rec, state_desc) == 8 &&
                offsetof(struct domain_rec, state) == 12 && offsetof(struct domain_rec, owned) == 16 &&
                sizeof(struct domain_rec) == 128) || sizeof(void *) != 4,
               "the record layout the assembly reads");
_Static_assert((offsetof(struct rt_domain_frame, outer) == 4 && offsetof(struct rt_domain_frame, owner) == 8 &&
                offsetof(struct rt_domain_frame, held_mark) == 12 &&
                offsetof(struct rt_domain_frame, in_setup) == 20 &&
                sizeof(struct rt_domain_frame) == 24) ||
               sizeof(void *) != 4, "the frame layout the assembly writes");

__thread struct rt_domain_frame *rt_domain_top;

static rt_lock_t pool_lock = RT_LOCK_INIT;
/* Read by the fast path: the handles' reservation, the bytes of it
 * handed out so far (records used * HANDLE_STRIDE), the records. */
char *rt_domain_handles;
unsigned rt_domain_handles_used;
struct domain_rec *rt_domain_records;

/* ---- records ----------------------------------------------------------- */

static struct domain_rec *record_new(void) {
  rt_lock(&pool_lock);
  if (rt_domain_handles == NULL) {
    char *h = mmap(NULL, (size_t)DOMAIN_CAP * HANDLE_STRIDE, PROT_NONE,
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
  unsigned used = rt_domain_handles_used / HANDLE_STRIDE;
  if (rt_domain_handles != NULL && used < DOMAIN_CAP) {
    d = &rt_domain_records[used];
    __atomic_store_n(&rt_domain_handles_used, (used + 1) * HANDLE_STRIDE, __ATOMIC_RELEASE);
  }
  rt_unlock(&pool_lock);
  return d;
}

/* The record handle H names; NULL traps null, anything else that is not a
 * handle of ours, or one whose domain_new has not finished, traps cast.
 * Reads nothing at H. */
static struct domain_rec *record_of(const void *h, const struct __cuckoo_site *s, const char *fn) {
  if (h == NULL) {
    char text[64];
    size_t n = strlen(fn);
    memcpy(text, fn, n);
    memcpy(text + n, ": null domain", sizeof ": null domain");
    rt_trap_text(s, "null", text);
  }
  char *base = __atomic_load_n(&rt_domain_handles, __ATOMIC_ACQUIRE);
  unsigned used = __atomic_load_n(&rt_domain_handles_used, __ATOMIC_ACQUIRE);
  uintptr_t off = (uintptr_t)h - (uintptr_t)base;
  if (base == NULL || off >= used || off % HANDLE_STRIDE != 0 ||
      !__atomic_load_n(&rt_domain_records[off / HANDLE_STRIDE].live, __ATOMIC_ACQUIRE)) {
    char text[96];
    size_t k = strlen(fn);
    memcpy(text, fn, k);
    memcpy(text + k, ": not a domain made by domain_new",
           sizeof ": not a domain made by domain_new");
    rt_trap_text(s, "cast", text);
  }
  return &rt_domain_records[off / HANDLE_STRIDE];
}

/* ---- the domain's lock --------------------------------------------------- */
/* One word: 0 free, else the holding thread's id (&rt_domain_top, 4-byte
 * aligned) with bit 0 set once another thread waits.  The fast path takes
 * it with one compare-and-swap and releases it with one exchange. */

static void futex_wait(uintptr_t *addr, uintptr_t val) {
  int saved = errno;
  syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, (int)val, NULL, NULL, 0);
  errno = saved;
}

static void futex_wake(uintptr_t *addr) {
  int saved = errno;
  syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
  errno = saved;
}

static uintptr_t self(void) { return (uintptr_t)&rt_domain_top; }

/* Does this thread hold D (so it is inside D, or inside a domain D called)? */
static int held_here(const struct domain_rec *d) {
  return (__atomic_load_n(&d->holder, __ATOMIC_RELAXED) & ~(uintptr_t)1) == self();
}

static void domain_lock(struct domain_rec *d) {
  uintptr_t me = self(), v = 0;
  if (__atomic_compare_exchange_n(&d->holder, &v, me, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
    return;
  for (;;) {
    v = __atomic_load_n(&d->holder, __ATOMIC_RELAXED);
    if (v == 0) {
      /* taken after a wait: others may still wait */
      if (__atomic_compare_exchange_n(&d->holder, &v, me | 1, 0, __ATOMIC_ACQUIRE,
                                      __ATOMIC_RELAXED))
        return;
      continue;
    }
    if (!(v & 1) && !__atomic_compare_exchange_n(&d->holder, &v, v | 1, 0, __ATOMIC_RELAXED,
                                                 __ATOMIC_RELAXED))
      continue;
    futex_wait(&d->holder, v | 1);
  }
}

static void domain_unlock(struct domain_rec *d) {
  if (__atomic_exchange_n(&d->holder, 0, __ATOMIC_RELEASE) & 1)
    futex_wake(&d->holder);
}

/* The fast path released D and saw a waiter. */
void rt_domain_wake(struct domain_rec *d);
void rt_domain_wake(struct domain_rec *d) { futex_wake(&d->holder); }

/* ---- frames ------------------------------------------------------------- */

static void frame_push(struct rt_domain_frame *f, struct domain_rec *d, int in_setup) {
  f->d = d;
  f->in_setup = in_setup;
  f->outer = rt_domain_top;
  f->held_mark = rt_held_count;
  f->owner = &d->owned;
  rt_domain_top = f;
}

static void frame_pop(struct rt_domain_frame *f) {
  rt_domain_top = f->outer;
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
  rt_mutexes_release(f->held_mark);
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
  if (rt_domain_top == NULL)      /* mutexes it still holds: the caller's, untracked */
    rt_held_count = f.held_mark;
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
  /* A fresh record (zero): records are never reused, and one whose setup
   * failed stays unpublished (record_of refuses it; the fast path finds
   * no state and goes to rt_domain_locked_slow, which refuses it too). */
  unsigned n = rt_bounded_len(name);
  if (n > NAME_CAP - 1)
    n = NAME_CAP - 1;
  memcpy(d->name, name, n);
  d->name[n] = 0;
  d->setup = setup;
  d->state_kind = kind;
  d->state_desc = t;
  domain_lock(d);
  run_setup(d, s);
  __atomic_store_n(&d->live, 1, __ATOMIC_RELEASE);
  domain_unlock(d);
  return (struct domain *)(rt_domain_handles + (size_t)(d - rt_domain_records) * HANDLE_STRIDE);
}

/* ---- domain_call ---------------------------------------------------------- *
 * __cuckoo_domain_call(d, f, block, size, desc, site) is the assembly
 * below: when D is a published domain's handle, DESC its state's
 * descriptor, the arguments sane, D free and built, it takes D's lock and
 * goes on into rt_domain_run; anything else goes to rt_domain_call_slow,
 * which checks it all again in C, traps or waits, and ends there too.
 * rt_domain_run(d, f, block, size, desc, site), with D locked by this
 * thread and built: pushes a frame, copies the block onto the stack as
 * f's arguments with the state in the first word, calls f, pops the frame,
 * releases D.  A failure inside (rt_domain_unwind) lands back in it with
 * %ebp and %esp as they were before the call, and rt_domain_recover cleans
 * up.  The rare exits are C: rt_domain_leave, rt_domain_negative. */
int rt_domain_run(struct domain_rec *d, int (*f)(void), const void *block, unsigned size,
                  const struct __cuckoo_type *t, const struct __cuckoo_site *s);
int __cuckoo_domain_call(struct domain *h, int (*f)(void), const void *block, unsigned size,
                         const struct __cuckoo_type *t, const struct __cuckoo_site *s);
int rt_domain_call_slow(struct domain *h, int (*f)(void), const void *block, unsigned size,
                        const struct __cuckoo_type *t, const struct __cuckoo_site *s);
int rt_domain_locked_slow(struct domain_rec *d, int (*f)(void), const void *block, unsigned size,
                          const struct __cuckoo_type *t, const struct __cuckoo_site *s);
void rt_domain_leave(struct rt_domain_frame *f, struct domain_rec *d);
int rt_domain_negative(struct rt_domain_frame *f, int result, const struct __cuckoo_site *s);
int rt_domain_recover(struct rt_domain_frame *f, const struct __cuckoo_site *s);

/* D is locked by this thread: a revoked domain answers, a broken one is
 * rebuilt, then the call runs. */
int rt_domain_locked_slow(struct domain_rec *d, int (*f)(void), const void *block, unsigned size,
                          const struct __cuckoo_type *t, const struct __cuckoo_site *s) {
  if (!__atomic_load_n(&d->live, __ATOMIC_ACQUIRE)) {
    domain_unlock(d);
    rt_trap_text(s, "cast", "domain_call: not a domain made by domain_new");
  }
  if (d->revoked) {
    domain_unlock(d);
    return DOMAIN_REVOKED;
  }
  if (d->state == NULL)
    run_setup(d, s);              /* its last rebuild failed */
  return rt_domain_run(d, f, block, size, t, s);
}

int rt_domain_call_slow(struct domain *h, int (*f)(void), const void *block, unsigned size,
                        const struct __cuckoo_type *t, const struct __cuckoo_site *s) {
  struct domain_rec *d = record_of(h, s, "domain_call");
  /* the block holds at least the state pointer; its size is the
   * compiler's (the checker proves it), but an object may be hand-made */
  if (f == NULL || block == NULL)
    rt_trap_text(s, "null", "domain_call of a null function or argument block");
  if (size < 4 || size > RT_DOMAIN_BLOCK_MAX || size % 4 != 0)
    rt_trap_site(s, "stack", "domain_call argument block of %llu bytes", size, 0);
  if (t != d->state_desc && rt_type_kind(t, s) != d->state_kind)
    rt_trap_text(s, "cast", "domain_call: the function's state type is not the domain's");
  if (__atomic_load_n(&d->revoked, __ATOMIC_ACQUIRE))
    return DOMAIN_REVOKED;
  if (held_here(d)) {
    char text[NAME_CAP + 64];
    size_t n = strlen(d->name);
    memcpy(text, "domain_call into domain ", 24);
    memcpy(text + 24, d->name, n);
    memcpy(text + 24 + n, ", which is running on this thread",
           sizeof ", which is running on this thread");
    rt_trap_text(s, "own", text);
  }
  domain_lock(d);
  return rt_domain_locked_slow(d, f, block, size, t, s);
}

/* The call returned normally but left something to do: mutexes it took
 * and still holds become the caller's, a domain revoked from inside is
 * emptied; then D is released. */
void rt_domain_leave(struct rt_domain_frame *f, struct domain_rec *d) {
  if (rt_domain_top == NULL)      /* mutexes it still holds: the caller's, untracked */
    rt_held_count = f->held_mark;
  if (d->revoked)
    domain_empty(d);
  domain_unlock(d);
}

/* The thread is back in rt_domain_run after a failure inside F's domain
 * (rt_domain_failing made F the top and wrote the line): its mutexes
 * released, its objects deleted, the domain rebuilt (unless revoked) and
 * released. */
int rt_domain_recover(struct rt_domain_frame *f, const struct __cuckoo_site *s) {
  struct domain_rec *d = f->d;
  frame_pop(f);
  rt_mutexes_release(f->held_mark);
  domain_empty(d);
  if (!d->revoked)
    run_setup(d, s);
  domain_unlock(d);
  return DOMAIN_FAILED;
}

/* f returned a negative number, which only the runtime may (§13.3): a
 * runtime error `own` of the domain, reported at the domain_call. */
int rt_domain_negative(struct rt_domain_frame *f, int result, const struct __cuckoo_site *s) {
  struct domain_rec *d = f->d;
  char line[96];
  rt_format_detail(line, sizeof line, "domain_call result %lld is negative", result, 0);
  rt_trap_report(d->name, s, "own", line);
  return rt_domain_recover(f, s);
}

#if defined(__i386__)
/* The fast path (see above).  Offsets: struct domain_rec and struct
 * rt_domain_frame (the _Static_asserts at the top).  rt_domain_run's frame
 * F is at -52(%ebp); its %esp after the prologue is 16-byte aligned, as
 * every call from it needs. */
__asm__(
    "	.text\n"
    "	.globl __cuckoo_domain_call\n"
    "	.type __cuckoo_domain_call, @function\n"
    "__cuckoo_domain_call:\n"
    "	movl 4(%esp), %eax\n"
    "	subl rt_domain_handles, %eax\n"          /* the handle's offset (huge if below) */
    "	cmpl rt_domain_handles_used, %eax\n"
    "	jae 9f\n"
    "	testl $7, %eax\n"
    "	jnz 9f\n"
    "	shll $4, %eax\n"
    "	addl rt_domain_records, %eax\n"          /* d */
    "	movl 20(%esp), %ecx\n"
    "	testl %ecx, %ecx\n"
    "	jz 9f\n"
    "	cmpl %ecx, 8(%eax)\n"                    /* desc is d's state descriptor */
    "	jne 9f\n"
    "	cmpl $0, 8(%esp)\n"                      /* f */
    "	je 9f\n"
    "	cmpl $0, 12(%esp)\n"                     /* block */
    "	je 9f\n"
    /* size: at most the maximum (rt_domain_run copies size / 4 words, and
     * the first word it writes is in its own frame even for 0) */
    "	cmpl $" RT_STR(CK_DOMAIN_BLOCK_MAX) ", 16(%esp)\n"
    "	ja 9f\n"
    "	movl %eax, %ecx\n"
    "	movl %gs:0, %edx\n"
    "	leal rt_domain_top@ntpoff(%edx), %edx\n" /* this thread's id */
    "	xorl %eax, %eax\n"
    "	lock cmpxchgl %edx, (%ecx)\n"            /* d's lock: 0 -> this thread */
    "	jne 9f\n"
    "	movl %ecx, 4(%esp)\n"                    /* from here on the first argument is d */
    "	cmpl $0, 4(%ecx)\n"                      /* revoked */
    "	jne rt_domain_locked_slow\n"
    "	cmpl $0, 12(%ecx)\n"                     /* no state: a rebuild failed */
    "	je rt_domain_locked_slow\n"
    "	jmp rt_domain_run\n"
    "9:	jmp rt_domain_call_slow\n"
    "	.size __cuckoo_domain_call, .-__cuckoo_domain_call\n"
    "\n"
    "	.globl rt_domain_run\n"
    "	.type rt_domain_run, @function\n"
    "rt_domain_run:\n"
    "	pushl %ebp\n"
    "	movl %esp, %ebp\n"
    "	pushl %ebx\n"
    "	pushl %esi\n"
    "	pushl %edi\n"
    "	subl $44, %esp\n"
    "	movl 8(%ebp), %ebx\n"                    /* d */
    "	movl %ebx, -52(%ebp)\n"                  /* F.d */
    "	movl %gs:rt_domain_top@ntpoff, %eax\n"
    "	movl %eax, -48(%ebp)\n"                  /* F.outer */
    "	leal 16(%ebx), %eax\n"
    "	movl %eax, -44(%ebp)\n"                  /* F.owner = &d->owned */
    "	movl %gs:rt_held_count@ntpoff, %eax\n"
    "	movl %eax, -40(%ebp)\n"                  /* F.held_mark */
    "	movl $0, -32(%ebp)\n"                    /* F.in_setup */
    "	leal -52(%ebp), %eax\n"
    "	movl %eax, %gs:rt_domain_top@ntpoff\n"
    "	movl 20(%ebp), %ecx\n"                   /* f's arguments: the block... */
    "	subl %ecx, %esp\n"
    "	andl $-16, %esp\n"
    "	movl 16(%ebp), %esi\n"
    "	movl %esp, %edi\n"
    "	shrl $2, %ecx\n"
    "	rep movsl\n"
    "	movl 12(%ebx), %eax\n"                   /* ... with the state first */
    "	movl %eax, (%esp)\n"
    "	call *12(%ebp)\n"
    "	leal -56(%ebp), %esp\n"
    "	movl %eax, %esi\n"                       /* the result */
    "	movl -48(%ebp), %eax\n"                  /* leave d: F.outer is the top again */
    "	movl %eax, %gs:rt_domain_top@ntpoff\n"
    "	testl %esi, %esi\n"
    "	js 3f\n"
    "	movl %gs:rt_held_count@ntpoff, %eax\n"
    "	cmpl %eax, -40(%ebp)\n"                  /* a mutex still held */
    "	jne 4f\n"
    "	cmpl $0, 4(%ebx)\n"                      /* revoked from inside */
    "	jne 4f\n"
    "	xorl %eax, %eax\n"
    "	xchgl %eax, (%ebx)\n"                    /* release d */
    "	testl $1, %eax\n"
    "	jnz 6f\n"
    "7:	movl %esi, %eax\n"
    "5:	leal -12(%ebp), %esp\n"
    "	popl %edi\n"
    "	popl %esi\n"
    "	popl %ebx\n"
    "	popl %ebp\n"
    "	ret\n"
    "4:	subl $8, %esp\n"
    "	pushl %ebx\n"
    "	leal -52(%ebp), %eax\n"
    "	pushl %eax\n"
    "	call rt_domain_leave\n"
    "	jmp 7b\n"
    "6:	subl $12, %esp\n"
    "	pushl %ebx\n"
    "	call rt_domain_wake\n"
    "	jmp 7b\n"
    "3:	subl $4, %esp\n"
    "	pushl 28(%ebp)\n"
    "	pushl %esi\n"
    "	leal -52(%ebp), %eax\n"
    "	pushl %eax\n"
    "	call rt_domain_negative\n"
    "	jmp 5b\n"
    "	.globl rt_domain_resume\n"
    "rt_domain_resume:\n"                      /* from rt_domain_unwind */
    "	subl $8, %esp\n"
    "	pushl 28(%ebp)\n"
    "	leal -52(%ebp), %eax\n"
    "	pushl %eax\n"
    "	call rt_domain_recover\n"
    "	jmp 5b\n"
    "	.size rt_domain_run, .-rt_domain_run\n"
    "\n"
    "	.globl rt_domain_unwind\n"
    "	.type rt_domain_unwind, @function\n"
    "rt_domain_unwind:\n"                      /* the top frame F is rt_domain_run's */
    "	movl %gs:rt_domain_top@ntpoff, %eax\n"
    "	leal 52(%eax), %ebp\n"
    "	leal -4(%eax), %esp\n"
    "	jmp rt_domain_resume\n"
    "	.size rt_domain_unwind, .-rt_domain_unwind\n");
#else
/* The runtime's C logic is also compiled natively for its unit tests,
 * which never enter a domain: the jump above is i386 code. */
int __cuckoo_domain_call(struct domain *h, int (*f)(void), const void *block, unsigned size,
                         const struct __cuckoo_type *t, const struct __cuckoo_site *s) {
  return rt_domain_call_slow(h, f, block, size, t, s);
}
int rt_domain_run(struct domain_rec *d, int (*f)(void), const void *block, unsigned size,
                  const struct __cuckoo_type *t, const struct __cuckoo_site *s) {
  (void)f, (void)block, (void)size, (void)t;
  domain_unlock(d);
  rt_trap_text(s, "own", "domain_call is implemented for i386 only");
}
void rt_domain_unwind(void) {
  static const char msg[] = "cuckoo: rt_domain_unwind outside i386\n";
  (void)!write(2, msg, sizeof msg - 1);
  _exit(134);
}
#endif

void __cuckoo_domain_revoke(struct domain *h) {
  struct domain_rec *d = record_of(h, rt_callsite(RT_HERE), "domain_revoke");
  if (held_here(d)) {
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

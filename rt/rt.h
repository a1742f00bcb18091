/* rt.h -- the private header of libcuckoo-rt, the trusted runtime.
 *
 * The runtime is C compiled for i386 (and, for the unit tests, natively).
 * Cuckoo code calls it with cdecl; a Cuckoo array argument arrives as the
 * address of its element 0, with the 32-bit length word just before it
 * (RT_LEN).  Invariants every file keeps:
 *   - every exported function checks its arguments (NULL, counts against
 *     lengths) before any effect, and reports the Cuckoo call site found
 *     from its own return address (rt_trap_call);
 *   - runtime locks are taken only through rt_lock, which also enters a
 *     critical section: signal handlers that arrive inside one are deferred
 *     to its end (signal.c), so no handler ever runs while its thread holds
 *     a runtime lock, and the runtime cannot deadlock against itself;
 *   - nothing traps while it holds a lock;
 *   - every exported function that writes into memory its caller names
 *     passes the whole range it may write to rt_check_store first (inside
 *     a domain, static storage traps own; doc/domains.md).
 * See doc/runtime.md for the design. */
#ifndef CUCKOO_RT_H
#define CUCKOO_RT_H

#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/abi.h" /* the machine contract: the length word */

/* ---- ABI records (doc/abi.md) ---------------------------------------- */

struct __cuckoo_site {
  const char *kind;               /* NULL in call-site records */
  const char *detail;             /* a format: %lld %llu %% only */
  const char *file;
  unsigned line, col;
  const char *func;
};

struct __cuckoo_type {
  const char *canon;              /* canonical type string (element type for arrays) */
  unsigned size;
  unsigned align;
  unsigned plain;                 /* no pointer, function pointer or length word inside */
  const unsigned char *image;     /* NULL: all-zero zero value */
};

struct __cuckoo_obj;              /* opaque: what new returns */
struct __cuckoo_args;             /* opaque: spawn's argument block */

/* string.c: the length of the string in the Cuckoo char array S (up to
 * its first NUL or the array's end), and strncmp over two such strings
 * (past a string's end its character is the NUL it ends with). */
unsigned rt_bounded_len(const char *s);
int rt_string_compare(const char *a, const char *b, unsigned n);

/* layout.c: does T's size, alignment, plainness and image agree with the
 * layout of its canonical string?  (Cached per thread.) */
int rt_descriptor_valid(const struct __cuckoo_type *t);
/* layout.c: the owned pointers of one object of type CANON (§13.1). */
int rt_owned_slots(const char *canon, unsigned *out, int max);

/* The length word of the Cuckoo array whose element 0 is at P. */
#define RT_LEN(p) (*(const unsigned *)(const void *)((const char *)(p) + CK_LEN_WORD_OFFSET))

/* The reserve kept below each thread's stack limit for runtime C code and
 * the kernel's signal frames, and the main thread's margin (LANGUAGE §10). */
#define RT_STACK_RESERVE (64u * 1024u)
#define RT_MAIN_STACK_MARGIN (64u * 1024u)

/* EOF of cuckoo.ckh. */
#define EOF_VALUE (-1)
#define SIGUSR1_VALUE 10

#define RT_HERE __builtin_return_address(0)
#define RT_NORETURN __attribute__((noreturn))

/* ---- trap.c ---------------------------------------------------------- */

_Noreturn void __cuckoo_trap(const struct __cuckoo_site *s, long long a, long long b);
/* The call-site record of the Cuckoo call whose return address is RET, or NULL. */
const struct __cuckoo_site *rt_callsite(const void *ret);
/* Reports KIND with the finished DETAIL text at SITE (NULL: "?:0:0 in ?"). */
RT_NORETURN void rt_trap_text(const struct __cuckoo_site *site, const char *kind,
                              const char *detail);
/* As rt_trap_text, DETAIL being a site-style format (%lld %llu %% over A, B). */
RT_NORETURN void rt_trap_site(const struct __cuckoo_site *site, const char *kind,
                              const char *detail, long long a, long long b);
/* As rt_trap_site, at the Cuckoo call whose return address is RET. */
RT_NORETURN void rt_trap_call(const void *ret, const char *kind, const char *detail,
                              long long a, long long b);
/* Reports KIND with the text FN followed by TAIL at the Cuckoo call whose
 * return address is RET. */
RT_NORETURN void rt_trap_fn(const void *ret, const char *kind, const char *fn, const char *tail);
/* Common checks of exported functions; FN names the runtime function. */
RT_NORETURN void rt_trap_null_arg(const void *ret, const char *fn);
RT_NORETURN void rt_trap_count(const void *ret, const char *fn, unsigned long long n,
                               unsigned long long len);
#define RT_CHECK_NULL(ret, p, fn) \
  do { if ((p) == NULL) rt_trap_null_arg((ret), (fn)); } while (0)
#define RT_CHECK_COUNT(ret, n, len, fn) \
  do { if ((n) > (len)) rt_trap_count((ret), (fn), (n), (len)); } while (0)

/* Formats the site-style DETAIL into BUF (size CAP, always terminated). */
void rt_format_detail(char *buf, unsigned cap, const char *detail, long long a, long long b);

/* ---- signal.c: critical sections and locks ---------------------------- */

extern __thread volatile unsigned rt_crit_depth;
extern __thread volatile unsigned rt_sig_pending[2];    /* bit per signal 1..63 */
void rt_run_pending_signals(void);
/* Routed delivery (signal.c, doc/runtime.md "Signals with threads"): from
 * the first spawn or signal_handler on, every Cuckoo thread blocks the
 * program's signals and a thread of the runtime's own takes them with
 * sigwaitinfo and runs the handlers; raise (and kill of the process
 * itself) runs the handler on the calling thread. */
void rt_signals_route(void);
int rt_signals_routed(void);
void rt_signals_block_routed(sigset_t *mask);   /* adds the routed signals to MASK */
int rt_signal_here(int sig);                    /* delivers SIG on this thread; 0 */
int rt_signal_process(int sig);                 /* the same, and interrupts waits */
void rt_take_thread_signals(void);              /* after EPIPE/EFBIG: the thread's own */
/* A wait a handler interrupts (net.c): NULL when not routed; else poll
 * rt_wake_fd(w) for POLLIN too, and a POLLHUP there means -EINTR. */
struct rt_wake;
struct rt_wake *rt_wake_begin(void);
int rt_wake_fd(struct rt_wake *w);
void rt_wake_end(struct rt_wake *w);
/* thread.c: starts FN on a thread of the runtime's own, on a pool stack
 * with its limit set (FN runs Cuckoo handlers), every signal blocked; 0 if
 * it cannot. */
int rt_start_runtime_thread(void (*fn)(void));
/* Start-up: the length words of the large zero-initialised globals that
 * the compiler put in .bss (trap.c, doc/abi.md). */
void rt_write_startup_length_words(void);

static inline void rt_crit_enter(void) {
  rt_crit_depth = rt_crit_depth + 1;
  __atomic_signal_fence(__ATOMIC_SEQ_CST);
}
static inline void rt_crit_leave(void) {
  __atomic_signal_fence(__ATOMIC_SEQ_CST);
  rt_crit_depth = rt_crit_depth - 1;
  __atomic_signal_fence(__ATOMIC_SEQ_CST);
  if (rt_crit_depth == 0 && (rt_sig_pending[0] | rt_sig_pending[1]))
    rt_run_pending_signals();
}

/* Process-private futexes (signal.c), the one place the runtime's locks,
 * conditions, channels and joins sleep and wake.  Both keep errno.
 * rt_futex_wait sleeps while *ADDR == VAL, at most REL (NULL: no limit):
 * 0 when woken, when *ADDR had changed already, or after a signal's
 * handler ran (callers re-test their condition); -ETIMEDOUT when REL ran
 * out.  rt_futex_wake wakes at most N sleepers of ADDR. */
struct timespec;
int rt_futex_wait(unsigned *addr, unsigned val, const struct timespec *rel);
void rt_futex_wake(unsigned *addr, int n);

/* A futex lock: 0 free, 1 held, 2 held with waiters.  rt_lock/rt_trylock
 * enter a critical section, rt_unlock leaves it. */
typedef struct { unsigned state; } rt_lock_t;
#define RT_LOCK_INIT { 0 }
void rt_lock(rt_lock_t *l);
int rt_trylock(rt_lock_t *l);     /* 1: taken */
void rt_unlock(rt_lock_t *l);

/* ---- alloc.c --------------------------------------------------------- */

struct __cuckoo_obj *__cuckoo_new(const struct __cuckoo_type *t, const struct __cuckoo_site *s);
struct __cuckoo_obj *__cuckoo_new_array(const struct __cuckoo_type *elem, long long n,
                                        const struct __cuckoo_site *s);
void __cuckoo_delete(struct __cuckoo_obj *p, const struct __cuckoo_type *t, int is_array,
                     const struct __cuckoo_site *s);
/* Is P the start of a live object allocated with T (and IS_ARRAY)? */
int rt_heap_is_live(const void *p, const struct __cuckoo_type *t, int is_array,
                    const struct __cuckoo_site *s);
/* A fresh Cuckoo char[N] (element 0's address); traps memory at SITE. */
char *rt_new_chars(unsigned n, const struct __cuckoo_site *site);
extern const struct __cuckoo_type rt_type_char;         /* c8 */
extern const struct __cuckoo_type rt_type_char_array_ptr; /* p(a(c8)) */

/* The program is about to have a second thread (thread.c calls it from
 * the only thread, before pthread_create): the heap locks from now on. */
void rt_alloc_threads_begin(void);
/* Memory for the runtime's own type-stable objects (never freed):
 * zeroed, 16-byte aligned; NULL when the system has none left. */
void *rt_meta_alloc(size_t size);

/* ---- io.c ------------------------------------------------------------ */

struct file;
extern struct file *__cuckoo_stdin, *__cuckoo_stdout, *__cuckoo_stderr;
/* F must be locked (rt_file_lock) around rt_file_put. */
void rt_file_lock(struct file *f);
void rt_file_unlock(struct file *f);
void rt_file_put(struct file *f, const char *s, size_t n);
/* Flushes every output file; WAIT 0 skips a file whose lock is busy. */
void rt_flush_all(int wait);
/* write(2) of all of S, retrying after EINTR and short writes: 0, or a
 * negative error number. */
int rt_write_all(int fd, const char *s, size_t n);

/* ---- format.c -------------------------------------------------------- */

/* Where formatted text goes. */
struct rt_sink {
  void (*put)(struct rt_sink *sink, const char *s, size_t n);
  unsigned long long count;       /* characters produced so far */
};
/* Formats the Cuckoo char array FMT with the arguments in AP into SINK;
 * the result is the count of characters produced. */
void rt_vformat(struct rt_sink *sink, const char *fmt, va_list *ap);

/* ---- thread.c -------------------------------------------------------- */

extern __thread unsigned __cuckoo_stack_limit;
/* The spawned threads' stack size (CUCKOO_THREAD_STACK or 1 MiB). */
unsigned rt_thread_stack_size(void);

/* ---- trap handler (trap.c) ------------------------------------------- */

typedef void rt_trap_handler_fn(const char *kind, const char *detail);
void __cuckoo_trap_handler(rt_trap_handler_fn *f);

/* ---- domain.c, and what alloc.c, thread.c and trap.c keep for it ------ */
/* (LANGUAGE.md §13.3, doc/domains.md) */

/* The objects allocated inside one domain: a list kept by alloc.c under
 * its lock.  A thread's new objects go to __cuckoo_domain_top->owner (none when
 * __cuckoo_domain_top is NULL). */
struct rt_owned;
#define RT_INCOMING_CAP 16
struct rt_owner {
  struct rt_owned *head;
  unsigned count;
  /* a domain's: the blocks the running call's owned arguments brought
   * in, marked INCOMING and not yet on the books (rt_alloc_mark) */
  unsigned in_n;
  void *in_b[RT_INCOMING_CAP];
};
void rt_owner_purge(struct rt_owner *o);          /* deletes every object O owns */
unsigned rt_owner_count(const struct rt_owner *o);
/* chan_send from inside a domain: the object at P, and every object it
 * owns, leave the domain (alloc.c); share(p) too (domain.c). */
void rt_alloc_disown(const void *p);
/* The object at P, and every object it owns, leave their domains and go on
 * TO's books (NULL: nobody's). */
void rt_alloc_move(const void *p, struct rt_owner *to);
/* domain_call's owned arguments (the words ARGS[i] of the bits i of MASK)
 * go, with everything they own, on TO's books: rt_alloc_move for each,
 * with a short way for the common trees (domain.c's fast path). */
void rt_alloc_adopt(struct rt_owner *to, unsigned mask, void *const *args);
/* The same, lazily (domain.c's fast path, the domain locked): the blocks
 * of the common trees are only marked and noted in TO (in_b); at the
 * call's normal end rt_alloc_settle lists those the call kept, at its
 * failure rt_alloc_drop deletes them.  Other trees: rt_alloc_move. */
void rt_alloc_mark(struct rt_owner *to, unsigned mask, void *const *args);
void rt_alloc_settle(struct rt_owner *to);
void rt_alloc_drop(struct rt_owner *to);
/* The interned identity of T's type (traps memory at S for a bad one). */
const void *rt_type_kind(const struct __cuckoo_type *t, const struct __cuckoo_site *s);

/* The mutexes a thread took while inside a domain call (thread.c): a
 * stack of their records, per thread.  A frame remembers its height at
 * entry; what is above it when the call fails was taken by the call.
 * Records are never freed, so an entry whose mutex was freed meanwhile
 * still names a mutex record: releasing it is wrong but memory-safe.
 * Beyond RT_HELD_MAX held at once, mutexes are not tracked (and not
 * released by a recovery). */
#define RT_HELD_MAX 64
extern __thread void *rt_held[RT_HELD_MAX];
extern __thread unsigned rt_held_count;
struct rt_domain_frame {
  void *d;                        /* 0: struct domain_rec * */
  struct rt_domain_frame *outer;  /* 4 */
  struct rt_owner *owner;         /* 8: its objects */
  unsigned held_mark;             /* 12: rt_held_count when the call took its first
                                     mutex (RT_HELD_NONE: none yet; a setup's frame:
                                     at entry) */
  struct rt_domain_frame *hidden; /* 16: while suspended (below), the top frame of
                                     the chain suspended before it */
  int in_setup;                   /* 20: a setup's frame (C, on the stack); else the
                                     frame inside the domain's record (domain.c) */
};
#define RT_HELD_NONE (~0u)
extern __thread struct rt_domain_frame *__cuckoo_domain_top;
void rt_mutexes_release(unsigned mark);  /* unlocks those above MARK, newest first */
/* trap.c's hooks: the failing domain's name (NULL: the error ends the
 * process), and the jump back to its domain_call. */
const char *rt_domain_failing(void);
RT_NORETURN void rt_domain_unwind(void);
/* Traps own if the thread is inside a domain (spawn, signal_handler, ...). */
void rt_domain_forbid(const struct __cuckoo_site *site, const char *fn);
/* Writes a runtime error line prefixed by "cuckoo: domain DOMAIN: ". */
void rt_trap_report(const char *domain, const struct __cuckoo_site *site, const char *kind,
                    const char *detail);

/* A signal handler or the user's trap handler is not part of the domain
 * its thread happens to be in: it runs outside (its errors end the
 * process, its objects are nobody's). */
extern __thread struct rt_domain_frame *rt_domain_hidden;
static inline struct rt_domain_frame *rt_domain_suspend(void) {
  struct rt_domain_frame *f = __cuckoo_domain_top;
  /* the suspended chain stays findable: a call into one of its domains
   * from the handler is a re-entry (traps own), not a wait for itself */
  if (f != NULL) {
    f->hidden = rt_domain_hidden;
    rt_domain_hidden = f;
  }
  __cuckoo_domain_top = NULL;
  return f;
}
static inline void rt_domain_resume(struct rt_domain_frame *f) {
  if (f != NULL)
    rt_domain_hidden = f->hidden;
  __cuckoo_domain_top = f;
}
/* thread.c: the thread, inside a domain call, is about to note a mutex it took. */
void rt_domain_mutex_taken(void);

/* Stores the runtime makes for the program (LANGUAGE.md §13.3, doc/domains.md
 * "Runtime entries that store for the program"): inside a domain no store
 * may reach the program's static storage, [__executable_start, _end) (GNU
 * ld's names; cuckoo-ld's __cuckoo_static_start/_end are the same
 * addresses, but the unit tests link the runtime without it).  Every entry
 * that writes into memory its caller names calls rt_check_store on the
 * whole range it may write, [P, P + N), before any effect: inside a domain
 * (a setup's too) a range that overlaps static storage traps `own` at the
 * Cuckoo call whose return address is RET, "WHAT into static storage
 * inside a domain" -- a failure of the domain, as a compiled store's.  An
 * empty range is no store.  Outside domains it costs one compare. */
extern char __executable_start[], _end[];
void rt_check_store_slow(const void *ret, const void *p, size_t n, const char *what);
static inline void rt_check_store(const void *ret, const void *p, size_t n, const char *what) {
  if (__builtin_expect(__cuckoo_domain_top != NULL, 0))
    rt_check_store_slow(ret, p, n, what);
}

/* ---- process.c ------------------------------------------------------- */

_Noreturn void __cuckoo_exit(int status);

#endif /* CUCKOO_RT_H */

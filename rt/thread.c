/* thread.c -- spawn, join, mutexes and condition variables (LANGUAGE.md
 * §10, doc/abi.md "spawn" and "Threads' stacks").
 *
 * Threads run on pthreads, each on a stack of ours: stacks are carved
 * side by side from shared mappings, with no guard page between them --
 * every Cuckoo frame checks itself against the thread's
 * __cuckoo_stack_limit (low end + RT_STACK_RESERVE), set before any Cuckoo
 * code runs.  spawn copies the argument block to the top of the new stack
 * before the thread exists, so the caller's block may die at once.
 *
 * Handles (thread_t, mutex_t *, cond_t *) are not objects: each is an
 * address in a reservation of its kind that is mapped PROT_NONE, and its
 * position there is the index of a record in a table the program cannot
 * reach.  So the runtime believes no handle (LANGUAGE.md §12): one that
 * is not inside its kind's reservation, not on a record boundary, or past
 * the records handed out so far traps cast, and nothing the program wrote
 * through a forged `struct mutex` can change a record.  Records are never
 * released: a freed one goes on its kind's free list for the next handle,
 * so a stale handle names a record of the right kind; using it traps
 * delete where the record's state shows it, and otherwise acts on whatever
 * object now lives there -- wrong, but memory-safe.
 *
 * A thread record moves FREE -> STARTING (spawn took it) -> LIVE (the new
 * thread exists and its id is stored) -> JOINING (one join won the
 * compare-and-swap) -> FREE, and its stack goes back to the pool only
 * after pthread_join succeeded: the thread can no longer touch it.  Pool
 * and stack bookkeeping use one runtime lock. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rt.h"

__thread unsigned __cuckoo_stack_limit __attribute__((tls_model("local-exec")));

#define DEFAULT_STACK ((size_t)1 << 20)
#define MIN_STACK ((size_t)RT_STACK_RESERVE + (64u << 10))
#define MAX_STACK ((size_t)1 << 30)
#define STACKS_PER_MAPPING_BYTES ((size_t)64 << 20)

static rt_lock_t pool_lock = RT_LOCK_INIT;

/* ---- stacks ------------------------------------------------------------- */

struct stack {
  char *low;                      /* lowest address; the stack is [low, low + size) */
  struct stack *next_free;
};

static size_t stack_size;         /* 0 until first asked */
static struct stack *free_stacks;
static char *stacks_next, *stacks_end;

unsigned rt_thread_stack_size(void) {
  if (stack_size == 0) {
    size_t size = DEFAULT_STACK;
    const char *env = getenv("CUCKOO_THREAD_STACK");
    if (env != NULL && *env) {
      unsigned long long v = 0;
      for (; *env >= '0' && *env <= '9'; env++)
        v = v > MAX_STACK ? v : v * 10 + (unsigned)(*env - '0');
      size = v < MIN_STACK ? MIN_STACK : v > MAX_STACK ? MAX_STACK : (size_t)v;
    }
    stack_size = (size + 4095) & ~(size_t)4095;
  }
  return (unsigned)stack_size;
}

/* A stack of stack_size bytes, with pool_lock held; NULL if none. */
static struct stack *stack_get(void) {
  if (free_stacks != NULL) {
    struct stack *s = free_stacks;
    free_stacks = s->next_free;
    return s;
  }
  struct stack *s = rt_meta_alloc(sizeof *s);
  if (s == NULL)
    return NULL;
  if ((size_t)(stacks_end - stacks_next) < stack_size) {
    size_t n = STACKS_PER_MAPPING_BYTES / stack_size;
    size_t map = (n ? n : 1) * stack_size;
    char *m = mmap(NULL, map, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (m == MAP_FAILED)
      return NULL;
    stacks_next = m;
    stacks_end = m + map;
  }
  s->low = stacks_next;
  stacks_next += stack_size;
  return s;
}

/* ---- handles ------------------------------------------------------------ */

/* The stride of handles in a reservation: a handle's index is its offset
 * divided by it.  The records themselves live in a separate table. */
#define HANDLE_STRIDE 8u

enum { KIND_THREAD, KIND_MUTEX, KIND_COND, KIND_COUNT };

struct handle_pool {
  const char *what;               /* for messages: "a thread made by spawn" */
  unsigned cap;                   /* records at most */
  size_t record_size;
  char *handles;                  /* PROT_NONE, cap * HANDLE_STRIDE bytes; NULL until used */
  char *records;                  /* cap * record_size bytes */
  unsigned used;                  /* records handed out so far (atomic) */
  unsigned free_head;             /* index + 1 of the first free record, 0: none */
};

struct thread_rec;
struct mutex_rec;
struct cond_rec;

static struct handle_pool pools[KIND_COUNT];   /* defined with the record sizes below */

/* Maps the reservation and the table of POOL, with pool_lock held. */
static int pool_map(struct handle_pool *pool) {
  if (pool->handles != NULL)
    return 1;
  char *h = mmap(NULL, (size_t)pool->cap * HANDLE_STRIDE, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (h == MAP_FAILED)
    return 0;
  char *r = mmap(NULL, (size_t)pool->cap * pool->record_size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (r == MAP_FAILED) {
    munmap(h, (size_t)pool->cap * HANDLE_STRIDE);
    return 0;
  }
  pool->records = r;
  __atomic_store_n(&pool->handles, h, __ATOMIC_RELEASE);
  return 1;
}

/* A record index of POOL for a new object, with pool_lock held: a freed
 * one first; -1 if there is none left.  NEXT_FREE reads a free record's link. */
static long pool_take(struct handle_pool *pool, unsigned *(*next_free)(void *rec)) {
  if (!pool_map(pool))
    return -1;
  if (pool->free_head != 0) {
    unsigned i = pool->free_head - 1;
    pool->free_head = *next_free(pool->records + (size_t)i * pool->record_size);
    return i;
  }
  if (pool->used >= pool->cap)
    return -1;
  /* The record is ready (zero) before a handle to it can pass the check. */
  return __atomic_fetch_add(&pool->used, 1, __ATOMIC_RELEASE);
}

static void pool_put(struct handle_pool *pool, unsigned i, unsigned *link) {
  *link = pool->free_head;
  pool->free_head = i + 1;
}

static void *pool_handle(struct handle_pool *pool, unsigned i) {
  return pool->handles + (size_t)i * HANDLE_STRIDE;
}

/* FN's handle was not one of POOL's: traps cast (out of line, so that
 * pool_record's frame is not this message's buffer). */
static __attribute__((noinline, noreturn, cold)) void pool_not_handle(struct handle_pool *pool, const void *ret,
                                                                      const char *fn) {
  char text[128];
  size_t n = 0;
  for (const char *parts[] = { fn, ": not ", pool->what, NULL }, **p = parts; *p; p++)
    for (const char *c = *p; *c && n + 1 < sizeof text; c++)
      text[n++] = *c;
  text[n] = 0;
  rt_trap_text(rt_callsite(ret), "cast", text);
}

/* The record that handle H names, for the runtime function FN called from
 * RET: NULL traps null; anything the runtime did not hand out as a handle
 * of this kind traps cast.  Reads nothing at H.  Inline: every mutex,
 * condition and join goes through it. */
static inline __attribute__((always_inline)) void *pool_record(struct handle_pool *pool, const void *h,
                                                               const void *ret, const char *fn) {
  RT_CHECK_NULL(ret, h, fn);
  char *base = __atomic_load_n(&pool->handles, __ATOMIC_ACQUIRE);
  unsigned used = __atomic_load_n(&pool->used, __ATOMIC_ACQUIRE);
  uintptr_t off = (uintptr_t)h - (uintptr_t)base;
  if (base == NULL || (uintptr_t)h < (uintptr_t)base || off % HANDLE_STRIDE != 0 ||
      off / HANDLE_STRIDE >= used)
    pool_not_handle(pool, ret, fn);
  return pool->records + (size_t)(off / HANDLE_STRIDE) * pool->record_size;
}

static unsigned record_index(struct handle_pool *pool, const void *rec) {
  return (unsigned)(((const char *)rec - pool->records) / pool->record_size);
}

/* ---- threads ------------------------------------------------------------ */

enum { THREAD_FREE, THREAD_STARTING, THREAD_LIVE, THREAD_JOINING };

struct thread_rec {
  unsigned state;                 /* THREAD_*, changed atomically */
  unsigned done;                  /* futex word: 1 once the entry returned */
  pthread_t pt;                   /* valid from LIVE on */
  int result;
  int (*entry)(const struct __cuckoo_args *a);
  const struct __cuckoo_args *args;   /* the copy, at the top of the stack */
  struct stack *stack;
  unsigned next_free;
  sigset_t mask;                  /* the spawner's mask, the thread's once its limit is set */
};

static unsigned *thread_link(void *rec) { return &((struct thread_rec *)rec)->next_free; }

static void *thread_main(void *arg) {
  struct thread_rec *t = arg;
  /* Every signal is blocked until now (spawn): no handler, which is Cuckoo
   * code, can run on this thread before its limit is set. */
  __cuckoo_stack_limit = (unsigned)(uintptr_t)t->stack->low + RT_STACK_RESERVE;
  pthread_sigmask(SIG_SETMASK, &t->mask, NULL);
  int result = t->entry(t->args);
  /* From here on the thread only runs the C library's exit path: block
   * every signal, so that join, which waits for that path inside a
   * critical section, waits a bounded time. */
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, NULL);
  t->result = result;
  __atomic_store_n(&t->done, 1, __ATOMIC_RELEASE);
  rt_futex_wake(&t->done, 0x7fffffff);
  return NULL;
}

/* The record goes back to the free list (and its stack, if any, to theirs). */
static void thread_release(struct thread_rec *t, struct stack *st) {
  rt_lock(&pool_lock);
  if (st != NULL) {
    st->next_free = free_stacks;
    free_stacks = st;
  }
  __atomic_store_n(&t->state, THREAD_FREE, __ATOMIC_RELEASE);
  pool_put(&pools[KIND_THREAD], record_index(&pools[KIND_THREAD], t), &t->next_free);
  rt_unlock(&pool_lock);
}

struct thread *__cuckoo_spawn(int (*entry)(const struct __cuckoo_args *a),
                              const struct __cuckoo_args *a, unsigned size,
                              const struct __cuckoo_site *s) {
  /* a thread would share nothing with the domain it was spawned in */
  rt_domain_forbid(s, "spawn");
  size_t stack = rt_thread_stack_size();
  /* Compared before rounding: size_t is 32 bits on i386, and a size near
   * 2^32 rounded up to 16 wraps to a copy of 0 bytes that passes. */
  if (size > stack / 2)
    rt_trap_site(s, "stack", "frame of %llu bytes exceeds the stack limit", size, 0);
  /* only compiled code calls this, but an object may be written by hand */
  if ((a == NULL && size > 0) || entry == NULL)
    rt_trap_site(s, "null", "spawn of a null argument block or function", 0, 0);
  size_t copy = ((size_t)size + 15) & ~(size_t)15;
  /* From the first thread on, signals go to the runtime's signal thread
   * (signal.c): this first call comes from the main thread, alone. */
  rt_signals_route();

  /* The new thread inherits this mask: it starts with every signal blocked
   * and takes the old mask only after its stack limit is set.  Blocking
   * here also keeps handlers out of pthread_create's own locks. */
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);

  struct handle_pool *pool = &pools[KIND_THREAD];
  rt_lock(&pool_lock);
  long i = pool_take(pool, thread_link);
  struct stack *st = i >= 0 ? stack_get() : NULL;
  struct thread_rec *t = NULL;
  if (i >= 0) {
    t = (struct thread_rec *)(pool->records + (size_t)i * pool->record_size);
    if (st == NULL)
      pool_put(pool, (unsigned)i, &t->next_free);
    else
      __atomic_store_n(&t->state, THREAD_STARTING, __ATOMIC_RELEASE);
  }
  rt_unlock(&pool_lock);
  if (st == NULL) {
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    rt_trap_text(s, "memory", i < 0 ? "too many threads" : "out of memory for a thread");
  }

  char *top = st->low + stack;
  char *args = top - copy;
  if (size > 0)
    memcpy(args, a, size);
  t->entry = entry;
  t->args = (const struct __cuckoo_args *)args;
  t->stack = st;
  t->result = 0;
  t->mask = old;
  rt_signals_block_routed(&t->mask);
  __atomic_store_n(&t->done, 0, __ATOMIC_RELAXED);

  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstack(&attr, st->low, stack - copy);
  pthread_t pt;
  rt_alloc_threads_begin();       /* before the child can allocate */
  int err = pthread_create(&pt, &attr, thread_main, t);
  pthread_attr_destroy(&attr);
  if (err != 0) {
    thread_release(t, st);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    rt_trap_text(s, "memory", "cannot create a thread");
  }
  /* Only now may a join win the record: its thread id is stored. */
  t->pt = pt;
  __atomic_store_n(&t->state, THREAD_LIVE, __ATOMIC_RELEASE);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  return pool_handle(pool, (unsigned)i);
}

/* A thread of the runtime's own (signal.c's signal thread): a pool stack
 * and its limit, as for a spawned thread, since it runs Cuckoo handlers;
 * it keeps every signal blocked and never returns, so it has no record. */
struct runtime_thread {
  struct stack *stack;
  void (*fn)(void);
};

static void *runtime_thread_main(void *arg) {
  struct runtime_thread *r = arg;
  __cuckoo_stack_limit = (unsigned)(uintptr_t)r->stack->low + RT_STACK_RESERVE;
  r->fn();
  return NULL;
}

int rt_start_runtime_thread(void (*fn)(void)) {
  size_t size = rt_thread_stack_size();   /* stack_get() needs it set */
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  rt_lock(&pool_lock);
  struct stack *st = stack_get();
  struct runtime_thread *r = st != NULL ? rt_meta_alloc(sizeof *r) : NULL;
  rt_unlock(&pool_lock);
  int ok = 0;
  if (r != NULL) {
    r->stack = st;
    r->fn = fn;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstack(&attr, st->low, size);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t pt;
    rt_alloc_threads_begin();     /* the signal thread runs handlers that allocate */
    ok = pthread_create(&pt, &attr, runtime_thread_main, r) == 0;
    pthread_attr_destroy(&attr);
  }
  /* a stack that found no thread stays out of the pool: it is one stack */
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  return ok;
}

int __cuckoo_join(struct thread *h) {
  struct thread_rec *t = pool_record(&pools[KIND_THREAD], h, RT_HERE, "join");
  unsigned expected = THREAD_LIVE;
  if (!__atomic_compare_exchange_n(&t->state, &expected, THREAD_JOINING, 0, __ATOMIC_ACQ_REL,
                                   __ATOMIC_ACQUIRE))
    rt_trap_call(RT_HERE, "delete", "join of a thread that was already joined", 0, 0);
  if (pthread_equal(t->pt, pthread_self())) {
    /* The thread is running on the stack join would release. */
    __atomic_store_n(&t->state, THREAD_LIVE, __ATOMIC_RELEASE);
    rt_trap_call(RT_HERE, "delete", "join of the calling thread itself", 0, 0);
  }
  /* Wait for the entry to return; handlers run meanwhile (no lock held). */
  while (!__atomic_load_n(&t->done, __ATOMIC_ACQUIRE))
    rt_futex_wait(&t->done, 0, NULL);
  int result = t->result;
  /* pthread_join takes the C library's thread-list lock: a handler that
   * spawned or joined in there would deadlock, so it is deferred.  The
   * thread has only its exit path left, with every signal blocked. */
  rt_crit_enter();
  int err = pthread_join(t->pt, NULL);
  rt_crit_leave();
  if (err != 0)
    /* The stack may still be in use: the record and the stack stay out of
     * the pools for ever. */
    rt_trap_call(RT_HERE, "delete", "join of a thread that cannot be joined", 0, 0);
  thread_release(t, t->stack);
  return result;
}

/* ---- mutexes and condition variables ------------------------------------ */

/* Mutexes and conditions are futex words of the runtime's own rather than
 * pthread objects: the program's lock and unlock are then one locked
 * instruction each when uncontended, and a condition has no internal lock
 * that a signal handler could find taken, so no call defers handlers.
 * As unfair and unchecked as glibc's default ones: unlocking or waiting
 * on a mutex the caller does not hold frees it from its holder (the
 * program's race), and none of them touches memory outside the record. */
struct mutex_rec {
  unsigned state;                 /* futex word: 0 free, 1 held, 2 held and
                                     another thread may sleep on it */
  unsigned live;
  unsigned next_free;
};

struct cond_rec {
  unsigned seq;                   /* futex word: bumped by every signal */
  unsigned waiters;               /* threads between cond_wait's start and
                                     its wake-up: 0 lets a signal skip the
                                     wake system call */
  unsigned live;
  unsigned next_free;
};

/* Drepper's "mutex 2" (Futexes Are Tricky): whoever finds it taken marks it
 * contended, so the holder's unlock knows to wake one sleeper. */
static void mutex_acquire_contended(struct mutex_rec *m) {
  while (__atomic_exchange_n(&m->state, 2, __ATOMIC_ACQUIRE) != 0)
    rt_futex_wait(&m->state, 2, NULL);
}

static inline __attribute__((always_inline)) void mutex_acquire(struct mutex_rec *m) {
  unsigned expected = 0;
  if (!__atomic_compare_exchange_n(&m->state, &expected, 1, 0, __ATOMIC_ACQUIRE,
                                   __ATOMIC_RELAXED))
    mutex_acquire_contended(m);
}

static inline __attribute__((always_inline)) int mutex_try_acquire(struct mutex_rec *m) {
  unsigned expected = 0;
  return __atomic_compare_exchange_n(&m->state, &expected, 1, 0, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED);
}

static inline __attribute__((always_inline)) void mutex_release(struct mutex_rec *m) {
  if (__atomic_exchange_n(&m->state, 0, __ATOMIC_RELEASE) == 2)
    rt_futex_wake(&m->state, 1);
}

/* Sleeps on C with M released, at most REL (NULL: no limit), and takes M
 * again: -ETIMEDOUT if REL ran out, else 0 (woken, maybe spuriously).  The
 * waiter counts itself before it reads seq, a signal bumps seq before it
 * reads the count (both sequentially consistent): either the signal sees
 * the waiter and wakes it, or the waiter reads the bumped seq -- then the
 * signal came before the wait began, while the waiter still held M. */
static int cond_block(struct cond_rec *c, struct mutex_rec *m, const struct timespec *rel) {
  __atomic_add_fetch(&c->waiters, 1, __ATOMIC_SEQ_CST);
  unsigned seq = __atomic_load_n(&c->seq, __ATOMIC_SEQ_CST);
  mutex_release(m);
  int r = rt_futex_wait(&c->seq, seq, rel);
  __atomic_sub_fetch(&c->waiters, 1, __ATOMIC_RELAXED);
  mutex_acquire(m);
  return r;
}

static inline __attribute__((always_inline)) void cond_wake(struct cond_rec *c, int n) {
  __atomic_add_fetch(&c->seq, 1, __ATOMIC_SEQ_CST);
  if (__atomic_load_n(&c->waiters, __ATOMIC_SEQ_CST) != 0)
    rt_futex_wake(&c->seq, n);
}

static unsigned *mutex_link(void *rec) { return &((struct mutex_rec *)rec)->next_free; }
static unsigned *cond_link(void *rec) { return &((struct cond_rec *)rec)->next_free; }

static struct handle_pool pools[KIND_COUNT] = {
  [KIND_THREAD] = { "a thread made by spawn", 1u << 14, sizeof(struct thread_rec),
                    NULL, NULL, 0, 0 },
  [KIND_MUTEX] = { "a mutex made by mutex_new", 1u << 18, sizeof(struct mutex_rec),
                   NULL, NULL, 0, 0 },
  [KIND_COND] = { "a condition variable made by cond_new", 1u << 18, sizeof(struct cond_rec),
                  NULL, NULL, 0, 0 },
};

static const char *const msg_oom = "out of memory";

/* A new record of KIND, initialised by INIT; traps memory when none is left. */
static void *object_new(int kind, unsigned *(*link)(void *rec), const void *ret) {
  struct handle_pool *pool = &pools[kind];
  rt_lock(&pool_lock);
  long i = pool_take(pool, link);
  rt_unlock(&pool_lock);
  if (i < 0)
    rt_trap_call(ret, "memory", msg_oom, 0, 0);
  return pool->records + (size_t)i * pool->record_size;
}

struct mutex *__cuckoo_mutex_new(void) {
  struct mutex_rec *m = object_new(KIND_MUTEX, mutex_link, RT_HERE);
  __atomic_store_n(&m->state, 0, __ATOMIC_RELAXED);
  __atomic_store_n(&m->live, 1, __ATOMIC_RELEASE);
  return pool_handle(&pools[KIND_MUTEX], record_index(&pools[KIND_MUTEX], m));
}

static inline __attribute__((always_inline)) struct mutex_rec *check_mutex(const void *ret, struct mutex *h,
                                                                          const char *fn) {
  struct mutex_rec *m = pool_record(&pools[KIND_MUTEX], h, ret, fn);
  if (!__atomic_load_n(&m->live, __ATOMIC_ACQUIRE))
    rt_trap_call(ret, "delete", "mutex used after mutex_free", 0, 0);
  return m;
}

static void mutex_releasing(struct mutex_rec *m);

void __cuckoo_mutex_free(struct mutex *h) {
  struct mutex_rec *m = pool_record(&pools[KIND_MUTEX], h, RT_HERE, "mutex_free");
  unsigned expected = 1;
  /* Of two frees at once, exactly one puts the record on the free list. */
  if (!__atomic_compare_exchange_n(&m->live, &expected, 0, 0, __ATOMIC_ACQ_REL,
                                   __ATOMIC_ACQUIRE))
    rt_trap_call(RT_HERE, "delete", "mutex used after mutex_free", 0, 0);
  mutex_releasing(m);
  rt_lock(&pool_lock);
  pool_put(&pools[KIND_MUTEX], record_index(&pools[KIND_MUTEX], m), &m->next_free);
  rt_unlock(&pool_lock);
}

/* ---- the mutexes a domain call took (domain.c, rt.h) ---------------------- */

__thread void *rt_held[RT_HELD_MAX];
__thread unsigned rt_held_count;

/* M was just taken by this thread: noted if it is inside a domain call. */
static void mutex_taken(struct mutex_rec *m) {
  if (__cuckoo_domain_top != NULL && rt_held_count < RT_HELD_MAX) {
    rt_domain_mutex_taken();      /* the call's mark, once (domain.c) */
    rt_held[rt_held_count++] = m;
  }
}

/* M is about to be released (or freed) by this thread: no longer noted. */
static void mutex_releasing(struct mutex_rec *m) {
  for (unsigned i = rt_held_count; i-- > 0;)
    if (rt_held[i] == m) {
      for (; i + 1 < rt_held_count; i++)
        rt_held[i] = rt_held[i + 1];
      rt_held_count--;
      return;
    }
}

void rt_mutexes_release(unsigned mark) {
  while (rt_held_count > mark) {
    struct mutex_rec *m = rt_held[--rt_held_count];
    mutex_release(m);
  }
}

void __cuckoo_mutex_lock(struct mutex *h) {
  struct mutex_rec *m = check_mutex(RT_HERE, h, "mutex_lock");
  mutex_acquire(m);
  mutex_taken(m);
}

void __cuckoo_mutex_unlock(struct mutex *h) {
  struct mutex_rec *m = check_mutex(RT_HERE, h, "mutex_unlock");
  if (rt_held_count)              /* only inside a domain call */
    mutex_releasing(m);
  mutex_release(m);
}

struct cond *__cuckoo_cond_new(void) {
  struct cond_rec *c = object_new(KIND_COND, cond_link, RT_HERE);
  __atomic_store_n(&c->seq, 0, __ATOMIC_RELAXED);
  __atomic_store_n(&c->waiters, 0, __ATOMIC_RELAXED);
  __atomic_store_n(&c->live, 1, __ATOMIC_RELEASE);
  return pool_handle(&pools[KIND_COND], record_index(&pools[KIND_COND], c));
}

static inline __attribute__((always_inline)) struct cond_rec *check_cond(const void *ret, struct cond *h,
                                                                        const char *fn) {
  struct cond_rec *c = pool_record(&pools[KIND_COND], h, ret, fn);
  if (!__atomic_load_n(&c->live, __ATOMIC_ACQUIRE))
    rt_trap_call(ret, "delete", "condition variable used after cond_free", 0, 0);
  return c;
}

void __cuckoo_cond_free(struct cond *h) {
  struct cond_rec *c = pool_record(&pools[KIND_COND], h, RT_HERE, "cond_free");
  unsigned expected = 1;
  if (!__atomic_compare_exchange_n(&c->live, &expected, 0, 0, __ATOMIC_ACQ_REL,
                                   __ATOMIC_ACQUIRE))
    rt_trap_call(RT_HERE, "delete", "condition variable used after cond_free", 0, 0);
  rt_lock(&pool_lock);
  pool_put(&pools[KIND_COND], record_index(&pools[KIND_COND], c), &c->next_free);
  rt_unlock(&pool_lock);
}

void __cuckoo_cond_wait(struct cond *hc, struct mutex *hm) {
  struct cond_rec *c = check_cond(RT_HERE, hc, "cond_wait");
  struct mutex_rec *m = check_mutex(RT_HERE, hm, "cond_wait");
  cond_block(c, m, NULL);
}

void __cuckoo_cond_signal(struct cond *h) {
  struct cond_rec *c = check_cond(RT_HERE, h, "cond_signal");
  cond_wake(c, 1);
}

void __cuckoo_cond_broadcast(struct cond *h) {
  struct cond_rec *c = check_cond(RT_HERE, h, "cond_broadcast");
  cond_wake(c, 0x7fffffff);
}

/* ---- mutex_trylock, cond_timedwait (LANGUAGE.md §12.1) -------------------- */
/* Self-contained additions of the systems interface (rt/sys.c has the
 * rest): the same checks as mutex_lock and cond_wait. */
#include <time.h>

/* 1 if it took the lock, else 0 (held by anyone, its caller included). */
int __cuckoo_mutex_trylock(struct mutex *h) {
  struct mutex_rec *m = check_mutex(RT_HERE, h, "mutex_trylock");
  if (!mutex_try_acquire(m))
    return 0;
  mutex_taken(m);
  return 1;
}

/* Waits at most TIMEOUT_NS (0 or less: only reacquires the mutex): 0 when
 * woken, -ETIMEDOUT when the time ran out; either way with M held again.
 * The time is measured on the monotonic clock (the futex's relative
 * timeout), so setting the date moves no deadline; a timeout past time_t's
 * end saturates instead of wrapping. */
int __cuckoo_cond_timedwait(struct cond *hc, struct mutex *hm, long long timeout_ns) {
  struct cond_rec *c = check_cond(RT_HERE, hc, "cond_timedwait");
  struct mutex_rec *m = check_mutex(RT_HERE, hm, "cond_timedwait");
  if (timeout_ns < 0)
    timeout_ns = 0;
  long long max_sec = (long long)(((unsigned long long)1 << (sizeof(time_t) * 8 - 1)) - 1);
  long long sec = timeout_ns / 1000000000ll;
  struct timespec rel;
  rel.tv_sec = (time_t)(sec > max_sec ? max_sec : sec);
  rel.tv_nsec = (long)(timeout_ns % 1000000000ll);
  return cond_block(c, m, &rel);
}

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
 * Thread, mutex and condition objects come from type-stable pools (their
 * memory is never released, a freed one goes on a free list for the next
 * of the same type), so a stale handle points at an object of the right
 * type: using one after join/mutex_free traps delete where the state shows
 * it, and otherwise acts on whatever object now lives there -- wrong, but
 * memory-safe.  Pool and stack bookkeeping use one runtime lock. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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

/* ---- threads ------------------------------------------------------------ */

enum { THREAD_FREE, THREAD_LIVE, THREAD_JOINING };

struct thread {
  pthread_t pt;
  int state;
  int result;
  int (*entry)(const struct __cuckoo_args *a);
  const struct __cuckoo_args *args;   /* the copy, at the top of the stack */
  struct stack *stack;
  struct thread *next_free;
};

static struct thread *free_threads;

static void *thread_main(void *arg) {
  struct thread *t = arg;
  __cuckoo_stack_limit = (unsigned)(uintptr_t)t->stack->low + RT_STACK_RESERVE;
  t->result = t->entry(t->args);
  return NULL;
}

struct thread *__cuckoo_spawn(int (*entry)(const struct __cuckoo_args *a),
                              const struct __cuckoo_args *a, unsigned size,
                              const struct __cuckoo_site *s) {
  size_t stack = rt_thread_stack_size();
  size_t copy = ((size_t)size + 15) & ~(size_t)15;
  if (copy > stack / 2)
    rt_trap_site(s, "stack", "frame of %llu bytes exceeds the stack limit", size, 0);

  rt_lock(&pool_lock);
  struct thread *t = free_threads;
  if (t != NULL)
    free_threads = t->next_free;
  else
    t = rt_meta_alloc(sizeof *t);
  struct stack *st = t ? stack_get() : NULL;
  if (st == NULL) {
    if (t != NULL) {
      t->next_free = free_threads;
      free_threads = t;
    }
    rt_unlock(&pool_lock);
    rt_trap_text(s, "memory", "out of memory for a thread");
  }
  rt_unlock(&pool_lock);

  char *top = st->low + stack;
  char *args = top - copy;
  if (size > 0)
    memcpy(args, a, size);
  t->entry = entry;
  t->args = (const struct __cuckoo_args *)args;
  t->stack = st;
  t->result = 0;
  __atomic_store_n(&t->state, THREAD_LIVE, __ATOMIC_RELEASE);

  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstack(&attr, st->low, stack - copy);
  int err = pthread_create(&t->pt, &attr, thread_main, t);
  pthread_attr_destroy(&attr);
  if (err != 0) {
    rt_lock(&pool_lock);
    t->state = THREAD_FREE;
    st->next_free = free_stacks;
    free_stacks = st;
    t->next_free = free_threads;
    free_threads = t;
    rt_unlock(&pool_lock);
    rt_trap_text(s, "memory", "cannot create a thread");
  }
  return t;
}

int __cuckoo_join(struct thread *t) {
  RT_CHECK_NULL(RT_HERE, t, "join");
  int expected = THREAD_LIVE;
  if (!__atomic_compare_exchange_n(&t->state, &expected, THREAD_JOINING, 0, __ATOMIC_ACQ_REL,
                                   __ATOMIC_ACQUIRE))
    rt_trap_call(RT_HERE, "delete", "join of a thread that was already joined", 0, 0);
  pthread_join(t->pt, NULL);
  int result = t->result;
  rt_lock(&pool_lock);
  t->stack->next_free = free_stacks;
  free_stacks = t->stack;
  __atomic_store_n(&t->state, THREAD_FREE, __ATOMIC_RELEASE);
  t->next_free = free_threads;
  free_threads = t;
  rt_unlock(&pool_lock);
  return result;
}

/* ---- mutexes and condition variables ------------------------------------ */

struct mutex {
  pthread_mutex_t pm;
  int live;
  struct mutex *next_free;
};

struct cond {
  pthread_cond_t pc;
  int live;
  struct cond *next_free;
};

static struct mutex *free_mutexes;
static struct cond *free_conds;

static const char *const msg_oom = "out of memory";

struct mutex *__cuckoo_mutex_new(void) {
  rt_lock(&pool_lock);
  struct mutex *m = free_mutexes;
  if (m != NULL)
    free_mutexes = m->next_free;
  else
    m = rt_meta_alloc(sizeof *m);
  rt_unlock(&pool_lock);
  if (m == NULL)
    rt_trap_call(RT_HERE, "memory", msg_oom, 0, 0);
  pthread_mutex_init(&m->pm, NULL);
  __atomic_store_n(&m->live, 1, __ATOMIC_RELEASE);
  return m;
}

static void check_mutex(const void *ret, struct mutex *m, const char *fn) {
  RT_CHECK_NULL(ret, m, fn);
  if (!__atomic_load_n(&m->live, __ATOMIC_ACQUIRE))
    rt_trap_call(ret, "delete", "mutex used after mutex_free", 0, 0);
}

void __cuckoo_mutex_free(struct mutex *m) {
  check_mutex(RT_HERE, m, "mutex_free");
  rt_lock(&pool_lock);
  m->live = 0;
  m->next_free = free_mutexes;
  free_mutexes = m;
  rt_unlock(&pool_lock);
}

void __cuckoo_mutex_lock(struct mutex *m) {
  check_mutex(RT_HERE, m, "mutex_lock");
  pthread_mutex_lock(&m->pm);
}

void __cuckoo_mutex_unlock(struct mutex *m) {
  check_mutex(RT_HERE, m, "mutex_unlock");
  pthread_mutex_unlock(&m->pm);
}

struct cond *__cuckoo_cond_new(void) {
  rt_lock(&pool_lock);
  struct cond *c = free_conds;
  if (c != NULL)
    free_conds = c->next_free;
  else
    c = rt_meta_alloc(sizeof *c);
  rt_unlock(&pool_lock);
  if (c == NULL)
    rt_trap_call(RT_HERE, "memory", msg_oom, 0, 0);
  pthread_cond_init(&c->pc, NULL);
  __atomic_store_n(&c->live, 1, __ATOMIC_RELEASE);
  return c;
}

static void check_cond(const void *ret, struct cond *c, const char *fn) {
  RT_CHECK_NULL(ret, c, fn);
  if (!__atomic_load_n(&c->live, __ATOMIC_ACQUIRE))
    rt_trap_call(ret, "delete", "condition variable used after cond_free", 0, 0);
}

void __cuckoo_cond_free(struct cond *c) {
  check_cond(RT_HERE, c, "cond_free");
  rt_lock(&pool_lock);
  c->live = 0;
  c->next_free = free_conds;
  free_conds = c;
  rt_unlock(&pool_lock);
}

void __cuckoo_cond_wait(struct cond *c, struct mutex *m) {
  check_cond(RT_HERE, c, "cond_wait");
  check_mutex(RT_HERE, m, "cond_wait");
  pthread_cond_wait(&c->pc, &m->pm);
}

void __cuckoo_cond_signal(struct cond *c) {
  check_cond(RT_HERE, c, "cond_signal");
  pthread_cond_signal(&c->pc);
}

void __cuckoo_cond_broadcast(struct cond *c) {
  check_cond(RT_HERE, c, "cond_broadcast");
  pthread_cond_broadcast(&c->pc);
}

/* ---- mutex_trylock, cond_timedwait (LANGUAGE.md §12.1) -------------------- */
/* Self-contained additions of the systems interface (rt/sys.c has the
 * rest): the same checks as mutex_lock and cond_wait. */
#include <time.h>

/* 1 if it took the lock, else 0 (held by anyone, its caller included). */
int __cuckoo_mutex_trylock(struct mutex *m) {
  check_mutex(RT_HERE, m, "mutex_trylock");
  return pthread_mutex_trylock(&m->pm) == 0;
}

/* Waits at most TIMEOUT_NS (0 or less: only reacquires the mutex): 0 when
 * woken, -ETIMEDOUT when the time ran out; either way with M held again.
 * The deadline is on CLOCK_REALTIME (the condition's default clock),
 * saturated at time_t's end instead of wrapping. */
int __cuckoo_cond_timedwait(struct cond *c, struct mutex *m, long long timeout_ns) {
  check_cond(RT_HERE, c, "cond_timedwait");
  check_mutex(RT_HERE, m, "cond_timedwait");
  int saved = errno;
  struct timespec now, until;
  clock_gettime(CLOCK_REALTIME, &now);
  if (timeout_ns < 0)
    timeout_ns = 0;
  long long max_sec = (long long)(((unsigned long long)1 << (sizeof(time_t) * 8 - 1)) - 1);
  long long sec = (long long)now.tv_sec + timeout_ns / 1000000000ll;
  long nsec = now.tv_nsec + (long)(timeout_ns % 1000000000ll);
  if (nsec >= 1000000000l) {
    nsec -= 1000000000l;
    sec++;
  }
  if (sec > max_sec) {
    sec = max_sec;
    nsec = 999999999l;
  }
  until.tv_sec = (time_t)sec;
  until.tv_nsec = nsec;
  int r = pthread_cond_timedwait(&c->pc, &m->pm, &until);
  errno = saved;
  return r == ETIMEDOUT ? -ETIMEDOUT : 0;
}

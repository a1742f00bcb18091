/* chan.c -- channels of owned pointers (LANGUAGE.md §13.2, doc/abi.md
 * "Channels").
 *
 * A channel is a bounded FIFO of pointers.  Only the pointer travels: the
 * sender's variable was emptied by the move (the compiler's part), and the
 * receiver gets the object after the runtime checked that it is the start
 * of a live heap object of the type the receiver names -- so a channel
 * never lets a stack address, an interior pointer or an object of another
 * type through, whatever a hand-written object sent.
 *
 * Handles (chan_t *) are like mutexes' (thread.c): an address in a
 * reservation mapped PROT_NONE, whose offset is the index of a record in
 * a table the program cannot reach.  Channels are never freed (there is
 * no chan_free), so every handle handed out stays valid.
 *
 * Waiting: one runtime lock per channel (rt_lock, which defers signal
 * handlers while it is held) guards the ring; a waiter notes the
 * channel's sequence word, releases the lock and sleeps on the word with
 * a futex, so no signal handler is ever deferred while a thread waits,
 * and a handler that sends or receives on the channel its thread is
 * waiting on finds the lock free. */
#include <errno.h>
#include <sys/mman.h>
#include <string.h>
#include <unistd.h>

#include "rt.h"

#define CHAN_MAX (1u << 16)       /* channels a program may make */
#define CHAN_CAPACITY_MAX (1 << 20)
#define HANDLE_STRIDE 8u

struct chan;                      /* opaque: handles are not objects */

struct chan_rec {
  rt_lock_t lock;
  unsigned seq;                   /* futex word: bumped by every change */
  unsigned waiters;               /* threads asleep on seq */
  unsigned cap, head, count;
  unsigned closed;
  void **ring;                    /* cap slots */
};

static rt_lock_t chan_pool_lock = RT_LOCK_INIT;
static char *chan_handles;        /* CHAN_MAX * HANDLE_STRIDE bytes, PROT_NONE */
static struct chan_rec *chan_recs;
static unsigned chan_used;        /* records handed out (atomic) */

struct chan *__cuckoo_chan_new(int capacity) {
  const void *ret = RT_HERE;
  if (capacity < 1 || capacity > CHAN_CAPACITY_MAX)
    rt_trap_site(rt_callsite(ret), "memory", "channel capacity %lld not in [1, 1048576]",
                 capacity, 0);
  void **ring = rt_meta_alloc(sizeof(void *) * (size_t)capacity);
  rt_lock(&chan_pool_lock);
  if (chan_handles == NULL) {
    char *h = mmap(NULL, (size_t)CHAN_MAX * HANDLE_STRIDE, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    void *r = mmap(NULL, (size_t)CHAN_MAX * sizeof(struct chan_rec), PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (h != MAP_FAILED && r != MAP_FAILED) {
      chan_recs = r;
      __atomic_store_n(&chan_handles, h, __ATOMIC_RELEASE);
    }
  }
  if (ring == NULL || chan_handles == NULL || chan_used >= CHAN_MAX) {
    rt_unlock(&chan_pool_lock);
    rt_trap_call(ret, "memory", "out of memory", 0, 0);
  }
  unsigned i = chan_used;
  struct chan_rec *c = &chan_recs[i];
  c->cap = (unsigned)capacity;
  c->ring = ring;
  /* the record is complete before its handle can pass the check */
  __atomic_store_n(&chan_used, i + 1, __ATOMIC_RELEASE);
  rt_unlock(&chan_pool_lock);
  return (struct chan *)(void *)(chan_handles + (size_t)i * HANDLE_STRIDE);
}

/* The record handle H names; NULL traps null, anything else that is not a
 * handle chan_new made traps cast.  Reads nothing at H. */
static struct chan_rec *chan_record(const struct chan *h, const void *ret, const char *fn) {
  RT_CHECK_NULL(ret, h, fn);
  char *base = __atomic_load_n(&chan_handles, __ATOMIC_ACQUIRE);
  unsigned used = __atomic_load_n(&chan_used, __ATOMIC_ACQUIRE);
  uintptr_t off = (uintptr_t)h - (uintptr_t)base;
  if (base == NULL || (uintptr_t)h < (uintptr_t)base || off % HANDLE_STRIDE != 0 ||
      off / HANDLE_STRIDE >= used) {
    char text[96];
    size_t n = 0;
    for (const char *parts[] = { fn, ": not a channel made by chan_new", NULL }, **p = parts; *p; p++)
      for (const char *c = *p; *c && n + 1 < sizeof text; c++)
        text[n++] = *c;
    text[n] = 0;
    rt_trap_text(rt_callsite(ret), "cast", text);
  }
  return &chan_recs[off / HANDLE_STRIDE];
}

/* With C's lock held: releases it and sleeps until C changes. */
static void chan_wait(struct chan_rec *c) {
  unsigned seq = __atomic_load_n(&c->seq, __ATOMIC_ACQUIRE);
  __atomic_fetch_add(&c->waiters, 1, __ATOMIC_ACQ_REL);
  rt_unlock(&c->lock);
  rt_futex_wait(&c->seq, seq, NULL);
  __atomic_fetch_sub(&c->waiters, 1, __ATOMIC_ACQ_REL);
  rt_lock(&c->lock);
}

/* With C's lock held: C changed; wakes its waiters. */
static void chan_changed(struct chan_rec *c) {
  __atomic_fetch_add(&c->seq, 1, __ATOMIC_ACQ_REL);
  if (__atomic_load_n(&c->waiters, __ATOMIC_ACQUIRE))
    rt_futex_wake(&c->seq, 0x7fffffff);
}

void __cuckoo_chan_send(struct chan *h, struct __cuckoo_obj *p, const struct __cuckoo_site *s) {
  struct chan_rec *c = chan_record(h, RT_HERE, "chan_send");
  if (p == NULL)
    rt_trap_text(s, "null", "chan_send of a null pointer (NULL means closed to chan_recv)");
  /* sent from a domain: the object and what it owns are the domain's no
   * more (§13.3), before another thread can receive them */
  rt_alloc_disown(p);
  rt_lock(&c->lock);
  while (!c->closed && c->count == c->cap)
    chan_wait(c);
  if (c->closed) {
    rt_unlock(&c->lock);
    rt_trap_text(s, "own", "chan_send on a closed channel");
  }
  c->ring[(c->head + c->count) % c->cap] = p;
  c->count++;
  chan_changed(c);
  rt_unlock(&c->lock);
}

static struct __cuckoo_obj *chan_recv(struct chan *h, const struct __cuckoo_type *t, int is_array,
                                      const struct __cuckoo_site *s, const void *ret) {
  struct chan_rec *c = chan_record(h, ret, "chan_recv");
  rt_lock(&c->lock);
  while (!c->closed && c->count == 0)
    chan_wait(c);
  if (c->count == 0) {             /* closed and empty */
    rt_unlock(&c->lock);
    return NULL;
  }
  void *p = c->ring[c->head];
  c->ring[c->head] = NULL;
  c->head = (c->head + 1) % c->cap;
  c->count--;
  chan_changed(c);
  rt_unlock(&c->lock);
  /* the object, not the channel, is checked: it is the receiver's now */
  if (!rt_heap_is_live(p, t, is_array, s)) {
    char detail[512];
    static const char text[] = "chan_recv: the object received is not a live heap object of type ";
    size_t n = sizeof text - 1, m = strnlen(t->canon, sizeof detail - n - 4);
    memcpy(detail, text, n);
    memcpy(detail + n, t->canon, m);
    if (is_array && n + m + 3 < sizeof detail) {
      memcpy(detail + n + m, "[]", 2);
      m += 2;
    }
    detail[n + m] = 0;
    rt_trap_text(s, "cast", detail);
  }
  return p;
}

struct __cuckoo_obj *__cuckoo_chan_recv(struct chan *h, const struct __cuckoo_type *t,
                                        const struct __cuckoo_site *s) {
  return chan_recv(h, t, 0, s, RT_HERE);
}

struct __cuckoo_obj *__cuckoo_chan_recv_array(struct chan *h, const struct __cuckoo_type *elem,
                                              const struct __cuckoo_site *s) {
  return chan_recv(h, elem, 1, s, RT_HERE);
}

void __cuckoo_chan_close(struct chan *h) {
  struct chan_rec *c = chan_record(h, RT_HERE, "chan_close");
  rt_lock(&c->lock);
  c->closed = 1;
  chan_changed(c);
  rt_unlock(&c->lock);
}

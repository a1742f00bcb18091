/* LANGUAGE.md §13.3 and §10: a mutex freed while a domain call holds it,
 * and made again (its record reused) for another thread's domain call,
 * must not let the first call's recovery corrupt the runtime: the
 * recovery then releases a mutex it no longer owns -- wrong, as any use
 * after mutex_free, but memory-safe -- and both threads go on.  (The
 * runtime once linked held mutexes through their records, and this
 * recovery wrote into the other thread's stack.) */
#include <cuckoo.ckh>

struct flags { int step; } *flags;     /* read inside the domains */
mutex_t *lock_a;
mutex_t *lock_b;

struct st { int n; };
struct st *st_setup(void) { return new(struct st); }

void wait_for(int step) {
  while (atomic_load(&flags->step) < step)
    sleep_ns(100000);
}

int hold_and_fail(struct st *s, int k) {
  mutex_lock(lock_a);
  atomic_store(&flags->step, 1);
  wait_for(2);
  int (*a)[] = new(int[1]);
  return (*a)[k] + s->n;          /* k = 5: traps */
}

int hold_and_wait(struct st *s, int k) {
  mutex_lock(lock_b);
  atomic_store(&flags->step, 2);
  wait_for(3);
  mutex_unlock(lock_b);
  return k + s->n;
}

int lock_unlock(struct st *s, int k) {
  mutex_lock(lock_b);
  mutex_unlock(lock_b);
  return k + s->n;
}

int thread_a(int k) {
  domain_t *d = domain_new(st_setup);
  int r = domain_call(d, hold_and_fail, k);
  atomic_store(&flags->step, 3);
  return r;
}

int main(void) {
  flags = new(struct flags);
  lock_a = mutex_new();
  thread_t t = spawn thread_a(5);
  wait_for(1);
  mutex_free(lock_a);             /* held by thread_a's domain call */
  lock_b = mutex_new();           /* most likely lock_a's record again */
  domain_t *d = domain_new(st_setup);
  int b = domain_call(d, hold_and_wait, 7);
  printf("A: %d, B: %d\n", join(t), b);
  printf("B again: %d\n", domain_call(d, lock_unlock, 8));
  return 0;
}

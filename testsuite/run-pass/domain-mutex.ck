/* LANGUAGE.md §13.3: a runtime error inside a domain releases the mutexes
 * that the call took (and only those: one the caller held before stays
 * held); a call that returns normally with a mutex held hands it to its
 * caller; a mutex taken with mutex_trylock or re-taken by cond_timedwait
 * is released too. */
#include <cuckoo.ckh>

struct locks {
  mutex_t *own_lock;              /* made by setup */
  cond_t *cv;
};

mutex_t *shared;                  /* made by main, read inside */
mutex_t *outside;                 /* held by main around a call */

struct locks *locks_setup(void) {
  struct locks *l = new(struct locks);
  l->own_lock = mutex_new();
  l->cv = cond_new();
  return l;
}

int lock_and_fail(struct locks *l, int i) {
  mutex_lock(shared);
  mutex_lock(l->own_lock);
  int (*a)[] = new(int[2]);
  return (*a)[i];                 /* i >= 2 traps with both held */
}

int lock_and_return(struct locks *l, int i) {
  (void)l;
  mutex_lock(shared);
  return i;
}

int trylock_and_fail(struct locks *l, int i) {
  int took = mutex_trylock(shared);
  cond_timedwait(l->cv, shared, 1000);
  assert(took == 0 && i == 0);    /* took is 1: traps */
  return 0;
}

int main(void) {
  shared = mutex_new();
  outside = mutex_new();
  domain_t *d = domain_new(locks_setup);
  mutex_lock(outside);
  printf("fail: %d\n", domain_call(d, lock_and_fail, 5));
  printf("shared free: %d\n", mutex_trylock(shared));
  mutex_unlock(shared);
  printf("outside still held: %d\n", !mutex_trylock(outside));
  mutex_unlock(outside);
  printf("return holding: %d\n", domain_call(d, lock_and_return, 7));
  printf("shared still held: %d\n", !mutex_trylock(shared));
  mutex_unlock(shared);
  printf("trylock then fail: %d\n", domain_call(d, trylock_and_fail, 0));
  printf("shared free: %d\n", mutex_trylock(shared));
  mutex_unlock(shared);
  printf("again: %d\n", domain_call(d, lock_and_fail, 1));
  return 0;
}

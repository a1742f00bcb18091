/* LANGUAGE.md §13.3 ("releases the mutexes that the call took"), doc/domains.md
 * "Mutexes": a mutex that a call took and still holds when it returns is
 * its caller's.  Inside an enclosing domain call, it is that call's: a
 * failure of the enclosing call releases it.  Outside every domain, it is
 * the program's: a later failure of the same domain does not release it.
 * A call that takes a mutex and releases it leaves nothing behind. */
#include <cuckoo.ckh>

mutex_t *m1;                      /* made by main, read inside */
mutex_t *m2;

struct inner { int n; };
struct inner *inner_setup(void) { return new(struct inner); }

int take_m1(struct inner *s, int k) {
  s->n++;
  mutex_lock(m1);
  return k;
}

int lock_unlock(struct inner *s, int k) {
  mutex_lock(m1);
  s->n += k;
  mutex_unlock(m1);
  return s->n;
}

struct outer { domain_t *in; };

struct outer *outer_setup(void) {
  struct outer *o = new(struct outer);
  o->in = domain_new(inner_setup);
  return o;
}

/* the inner call hands m1 out to this one, which then traps for i >= 2 */
int inner_then_fail(struct outer *o, int i) {
  int r = domain_call(o->in, take_m1, 3);
  int (*a)[] = new(int[2]);
  return (*a)[i] + r;
}

int take_m2(struct outer *o, int i) {
  (void)o;
  mutex_lock(m2);
  return i;
}

int fail(struct outer *o, int i) {
  int r = domain_call(o->in, lock_unlock, 1);
  int (*a)[] = new(int[2]);
  return (*a)[i] + r;
}

int main(void) {
  m1 = mutex_new();
  m2 = mutex_new();
  domain_t *d = domain_new(outer_setup);
  printf("inner then fail: %d\n", domain_call(d, inner_then_fail, 5));
  printf("m1 free: %d\n", mutex_trylock(m1));
  mutex_unlock(m1);
  printf("inner then return: %d\n", domain_call(d, inner_then_fail, 1));
  printf("m1 still held: %d\n", !mutex_trylock(m1));
  mutex_unlock(m1);
  printf("take m2: %d\n", domain_call(d, take_m2, 4));
  printf("fail: %d\n", domain_call(d, fail, 9));
  printf("m2 still held: %d\n", !mutex_trylock(m2));
  mutex_unlock(m2);
  printf("m1 free: %d\n", mutex_trylock(m1));
  mutex_unlock(m1);
  printf("again: %d\n", domain_call(d, fail, 0));
  return 0;
}

/* LANGUAGE.md §13.3: after domain_revoke(d), domain_call(d, ...) yields
 * DOMAIN_REVOKED and the domain's objects are gone; revoking twice is
 * harmless.  A domain revoked from inside its own call finishes that
 * call, and is emptied on the way out. */
#include <cuckoo.ckh>

struct store {
  int (*items)[];
  int n;
};

domain_t *self_domain;            /* read inside the domain */

struct store *store_setup(void) {
  struct store *s = new(struct store);
  s->items = new(int[8]);
  return s;
}

int store_put(struct store *s, int v) {
  int (*more)[] = new(int[4]);    /* owned by the domain */
  (*more)[0] = v;
  (*s->items)[s->n % 8] = v;
  s->n++;
  return s->n;
}

int store_quit(struct store *s, int v) {
  domain_revoke(self_domain);
  return s->n + v;
}

int main(void) {
  int base = heap_objects();
  domain_t *d = domain_new(store_setup);
  printf("put: %d\n", domain_call(d, store_put, 7));
  printf("put: %d\n", domain_call(d, store_put, 8));
  printf("objects: %d\n", domain_objects(d));
  domain_revoke(d);
  printf("after revoke: %d (DOMAIN_REVOKED is %d), objects %d, heap %+d\n",
         domain_call(d, store_put, 9), DOMAIN_REVOKED, domain_objects(d), heap_objects() - base);
  domain_revoke(d);
  printf("revoked twice: %d\n", domain_call(d, store_put, 9));

  self_domain = domain_new(store_setup);
  printf("put: %d\n", domain_call(self_domain, store_put, 1));
  printf("quit from inside: %d\n", domain_call(self_domain, store_quit, 10));
  printf("then: %d, objects %d, heap %+d\n", domain_call(self_domain, store_put, 1),
         domain_objects(self_domain), heap_objects() - base);
  return 0;
}

/* LANGUAGE.md §13.3: inside a domain the runtime makes no store into the
 * program's static storage for it (doc/domains.md "Runtime entries that
 * store for the program").  In a call it is a failure of the domain
 * (DOMAIN_FAILED, the global unchanged); in setup -- which runs inside the
 * domain -- a runtime error of the caller, here main: the line names the
 * entry, kind own, at the call in setup. */
#include <cuckoo.ckh>

int counter = 3;
int *gp = &counter;               /* domain code may read gp */
char label[8] = "static";
char (*gl)[] = label;

struct st { int n; };

int bump(struct st *s, int k) {
  s->n++;
  atomic_add(gp, k);
  return s->n;
}

struct st *own good_setup(void) { return new(struct st); }

struct st *own bad_setup(void) {
  struct st *own s = new(struct st);
  memset_array(gl, 'x', 3);
  return s;
}

int main(void) {
  domain_t *d = domain_new(good_setup);
  printf("bump: %d, counter %d\n", domain_call(d, bump, 5), counter);
  atomic_add(gp, 5);
  printf("outside: counter %d\n", counter);
  fflush(stdout);
  domain_t *e = domain_new(bad_setup);
  printf("not reached %d\n", e != NULL);
  return 0;
}

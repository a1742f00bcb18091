/* LANGUAGE.md §13.3: when the rebuild after a failure fails itself, that
 * is a runtime error of the caller of the failed domain_call: the
 * domain's own failure is reported (prefixed), then setup's ends the
 * process. */
#include <cuckoo.ckh>

struct runs { int n; } *runs;     /* read inside: a heap object */

struct worker { int (*slots)[]; };

struct worker *worker_setup(void) {
  runs->n++;
  struct worker *w = new(struct worker);
  w->slots = new(int[runs->n == 1 ? 2 : 0]);
  (*w->slots)[1] = 7;              /* the second build traps */
  return w;
}

int work(struct worker *w, int i) { return (*w->slots)[i]; }

int main(void) {
  runs = new(struct runs);
  domain_t *d = domain_new(worker_setup);
  printf("%d\n", domain_call(d, work, 1));
  printf("%d\n", domain_call(d, work, 2));
  puts("not reached");
  return 0;
}

/* LANGUAGE.md §13.3: domain_new(setup) needs the name of a function
 * `S *setup(void)` for a complete struct S. */
#include <cuckoo.ckh>

struct st { int n; };
struct later;
union un { int a; };

struct st *with_param(int x) { struct st *s = new(struct st); s->n = x; return s; }
int returns_int(void) { return 1; }
struct later *incomplete(void) { return NULL; }
union un *a_union(void) { return new(union un); }
const struct st *const_state(void) { return new(struct st); }
int (*an_array(void))[] { return new(int[2]); }
struct st *fine(void) { return new(struct st); }

int main(void) {
  struct st *(*fp)(void) = fine;
  domain_new(with_param);
  domain_new(returns_int);
  domain_new(incomplete);
  domain_new(a_union);
  domain_new(const_state);
  domain_new(an_array);
  domain_new(fp);
  domain_new(undeclared);
  domain_t *d = domain_new(fine);
  int *wrong = domain_new(fine);
  return d == NULL && wrong == NULL;
}

/* LANGUAGE.md §13.3: domain_call(d, f, args) needs a function named
 * `int f(S *state, P1, ..., Pn)` with arithmetic P1..Pn, a domain_t *
 * first, and arguments that fit P1..Pn. */
#include <cuckoo.ckh>

struct st { int n; };
struct st *st_setup(void) { return new(struct st); }

void returns_void(struct st *s, int x) { s->n = x; }
int state_is_int(int s, int x) { return s + x; }
int state_is_array(int (*s)[], int x) { return (*s)[0] + x; }
int takes_pointer(struct st *s, int *p) { return s->n + *p; }
int takes_struct(struct st *s, struct st v) { return s->n + v.n; }
int no_state(void) { return 0; }
int fine(struct st *s, int x, double y) { return s->n + x + (int)y; }

int main(void) {
  domain_t *d = domain_new(st_setup);
  int (*fp)(struct st *, int) = NULL;
  int x = 1;
  domain_call(d, returns_void, 1);
  domain_call(d, state_is_int, 1);
  domain_call(d, state_is_array, 1);
  domain_call(d, takes_pointer, &x);
  domain_call(d, takes_struct, 1);
  domain_call(d, no_state);
  domain_call(d, fp, 1);
  domain_call(x, fine, 1, 2.0);
  domain_call(d, fine, 1);
  domain_call(d, fine, 1, 2.0, 3);
  domain_call(d, fine, "one", 2.0);
  return domain_call(d, fine, 1, 2.0);
}

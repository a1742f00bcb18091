/* LANGUAGE.md §13.3: "storing into a global variable inside a domain traps
 * own (or is a compile error where the compiler can see it)".  Three
 * stores the compiler cannot see, each a failure of the domain
 * (DOMAIN_FAILED, the global unchanged):
 *   - through a global pointer that points to a global (reading a global
 *     is allowed, and *gp is not a store into a global variable by name);
 *   - through a pointer to a global kept in a shared heap object;
 *   - in a function called through a function pointer (not domain code
 *     to the compiler).
 * Each store is checked at run time (doc/domains.md "Isolation"); this was
 * a known gap, listed in XFAIL_TESTS, until the checks were built. */
#include <cuckoo.ckh>

int counter;
int *gp = &counter;
struct holder { int *p; };
struct holder *H;
void bump(void) { counter++; }
void (*hook)(void) = bump;

struct st { int n; };
struct st *own st_setup(void) { return new(struct st); }
int via_pointer(struct st *s, int k) { s->n++; *gp = k; return 0; }
int via_heap(struct st *s, int k) { s->n++; *H->p = k; return 0; }
int via_hook(struct st *s, int k) { s->n += k; hook(); return 0; }

int main(void) {
  H = new(struct holder);
  H->p = &counter;
  domain_t *d = domain_new(st_setup);
  printf("via pointer: %d, counter %d\n", domain_call(d, via_pointer, 5), counter);
  printf("via heap: %d, counter %d\n", domain_call(d, via_heap, 7), counter);
  printf("via hook: %d, counter %d\n", domain_call(d, via_hook, 1), counter);
  return 0;
}

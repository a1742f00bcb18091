/* LANGUAGE.md §13.3: storing into a global variable (or taking the
 * address of one that is not const), spawn, signal_handler and
 * trap_handler in code that runs inside a domain -- the functions
 * domain_new and domain_call name, and what they call -- are errors. */
#include <cuckoo.ckh>
struct st { int n; };
int counter;
int table[4];
const int limits[3] = {1, 2, 3};
char name[8];
void on_sig(int s) { (void)s; }
int helper(int x) { counter += x; return limits[x % 3] + table[x & 3] + lengthof(name); }
int bump(int *p) { *p = 1; return 0; }
struct st *setup(void) { table[0] = 1; return new(struct st); }
int fill(struct st *s, int k) {
  strlcpy(name, "x");
  bump(&counter);
  signal_handler(SIGINT, on_sig);
  thread_t t = spawn helper(1);
  printf("%s\n", name);
  return helper(k) + s->n + join(t);
}
int main(void) {
  domain_t *d = domain_new(setup);
  counter = 3;
  return domain_call(d, fill, 2) > 0 ? 0 : 1;
}

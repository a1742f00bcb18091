/* LANGUAGE.md §13.3: the runtime keeps a domain's state, so a domain_call
 * function takes it as a plain pointer: an owned state parameter could be
 * deleted (the domain would keep a pointer to freed memory, which the
 * next domain_new reuses for its own state) or sent away, and a global
 * one kept past the call.  cuckoo-ld refuses such an entry as well
 * (link/cc-forged-domain-state.sh). */
#include <cuckoo.ckh>

struct st { int x; };
struct st *st_setup(void) { return new(struct st); }

int takes_own(struct st *own s, int k) { delete(s); return k; }
int takes_global(struct st *global s, int k) { return s->x + k; }
int plain(struct st *s, int k) { return s->x + k; }

int main(void) {
  domain_t *d = domain_new(st_setup);
  domain_call(d, takes_own, 0);
  domain_call(d, takes_global, 0);
  return domain_call(d, plain, 0);
}

/* link/cc-domain-forged.sh: a domain_call with an owned argument (LANGUAGE.md
 * §13.3), whose mask the mutants change. */
#include <cuckoo.ckh>
struct a { int x; };
struct pkt { int n; };
struct a *own a_setup(void) { return new(struct a); }
int a_take(struct a *s, int k, struct pkt *own p) { s->x = k + p->n; delete(p); return s->x; }
int main(void) {
  domain_t *da = domain_new(a_setup);
  struct pkt *own p = new(struct pkt);
  return domain_call(da, a_take, 1, p);
}

/* link/cc-domain-forged.sh: two domains of two state types (LANGUAGE.md
 * §13.3), whose calls the mutants mix up. */
#include <cuckoo.ckh>
struct a { int x; };
struct b { int (*p)[]; };
struct a *a_setup(void) { return new(struct a); }
struct b *b_setup(void) { struct b *s = new(struct b); s->p = new(int[2]); return s; }
int a_fn(struct a *s, int k) { s->x = k; return s->x; }
int b_fn(struct b *s, int k) { return (*s->p)[k & 1]; }
int main(void) {
  domain_t *da = domain_new(a_setup);
  domain_t *db = domain_new(b_setup);
  return domain_call(da, a_fn, 1) + domain_call(db, b_fn, 0);
}

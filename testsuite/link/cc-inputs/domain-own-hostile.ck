/* link/cc-domain-own-hostile.sh: a domain_call with owned arguments whose
 * words the mutants forge (linked --trust): the runtime refuses a forged
 * or NULL handle, another descriptor, a NULL function, and adopts only
 * what is the start of a live heap object, once. */
#include <cuckoo.ckh>
struct st { struct pkt *own a; struct pkt *own b; int calls; };
struct pkt { int n; };
struct other { int y; };
int spot;
struct st *own setup(void) { return new(struct st); }
struct other *own other_setup(void) { return new(struct other); }
int hold(struct st *s, struct pkt *own p, int k, struct pkt *own q) {
  s->calls += k;
  s->a = p;
  s->b = q;
  return 1;
}
int boom(struct st *s, int i) {
  int small[1];
  small[i] = s->calls;
  return small[0];
}
int main(void) {
  domain_t *d = domain_new(setup);
  domain_t *e = domain_new(other_setup);
  int h0 = heap_objects();
  struct pkt *own p = new(struct pkt);
  struct pkt *own q = new(struct pkt);
  int r = domain_call(d, hold, p, 5, q);
  printf("call %d objects %d heap %+d\n", r, domain_objects(d), heap_objects() - h0);
  r = domain_call(d, boom, 3);
  printf("fail %d objects %d heap %+d %d\n", r, domain_objects(d), heap_objects() - h0,
         domain_objects(e));
  return 0;
}

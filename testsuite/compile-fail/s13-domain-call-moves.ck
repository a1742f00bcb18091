/* LANGUAGE.md §13.1/§13.3: an owned argument of domain_call moves into the
 * domain, so the caller's variable cannot be used after the call -- on
 * the path through the call, whatever the call's result. */
#include <cuckoo.ckh>

struct packet { int len; };
struct st { int n; };

struct st *own st_setup(void) { return new(struct st); }
int take_packet(struct st *s, struct packet *own p) {
  s->n += p->len;
  delete(p);
  return s->n;
}

int main(void) {
  domain_t *d = domain_new(st_setup);
  struct packet *own p = new(struct packet);
  if (domain_call(d, take_packet, p) < 0)
    return p->len;
  struct packet *own q = new(struct packet);
  domain_call(d, take_packet, q);
  delete(q);
  return 0;
}

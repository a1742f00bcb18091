/* LANGUAGE.md §13.1/§13.3: "Every object allocated while a thread runs
 * inside d belongs to d, until it leaves through chan_send (or share)".
 * share(p) inside a domain makes p's object an ordinary shared object for
 * good: it is no longer the domain's (domain_objects does not count it),
 * and a failure of the domain must not delete it -- here a packet sent
 * out of the domain points to it with a plain pointer, and the receiver
 * still reads it, whole, after the domain failed and was rebuilt.  What
 * the shared object owns leaves with it. */
#include <cuckoo.ckh>

struct label { int (*own text)[]; };
struct packet { int len; struct label *tag; };   /* tag: a plain pointer */
struct st { int sent; };

chan_t *out;

struct st *own make(void) { return new(struct st); }

int produce(struct st *s, int n) {
  struct label *own l = new(struct label);
  l->text = new(int[3]);
  l->text[1] = n;
  struct packet *own p = new(struct packet);
  p->len = n;
  p->tag = share(l);
  chan_send(out, p);
  s->sent++;
  return s->sent;
}

int fail(struct st *s, int at) {
  int a[2];
  a[at] = s->sent;
  return a[0];
}

int main(void) {
  out = chan_new(4);
  domain_t *d = domain_new(make);
  int before = heap_objects();
  printf("produce: %d\n", domain_call(d, produce, 42));
  printf("domain objects: %d (the state)\n", domain_objects(d));
  printf("fail: %d\n", domain_call(d, fail, 5));
  printf("heap after the failure: %+d\n", heap_objects() - before);
  struct packet *own p = chan_recv(out, struct packet);
  struct label *l = p->tag;
  printf("packet %d, label %d, heap %+d\n", p->len, l->text[1], heap_objects() - before);
  delete(p);
  printf("heap %+d (the label is shared for good)\n", heap_objects() - before);
  return 0;
}

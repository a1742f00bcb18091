/* LANGUAGE.md §13.3, doc/domains.md "The fast path": every way an owned
 * argument reaches a domain -- the fast entry (a packet whose owned words
 * hold leaves: listed at once), its fall-back to the general walk (a
 * list, whose nodes own more; an array of packets), the slow entry (a
 * nested call, whose argument is the calling domain's object), the
 * entry with the domain locked but not ready (revoked: the objects are
 * deleted), and NULL; and what the call does with the parts of what it
 * was given (the fast path lists at the call's end only what the call
 * kept): a child kept in the domain's own object, a child in a local when
 * the call fails, a packet sent on before the call fails, one of two
 * packets kept, an array renewed.
 * Each line checks domain_objects() and heap_objects(): the objects moved
 * in are the domain's exactly, and none is lost or left behind. */
#include <cuckoo.ckh>

struct packet {
  int len;
  int (*own data)[];
  struct packet *own next;        /* a list of packets: a tree, not leaves */
};

struct state {
  struct packet *own kept;
  struct packet *own (*own many)[];
  int calls;
};

struct state *own setup(void) { return new(struct state); }

struct packet *own packet_new(int len, int chain) {
  struct packet *own p = new(struct packet);
  p->len = len;
  p->data = new(int[len]);
  (*p->data)[0] = len;
  if (chain > 0)
    p->next = packet_new(len + 1, chain - 1);
  return p;
}

/* the objects of a list of packets: two a packet (lent, recursively) */
int count(struct packet *p) { return p == NULL ? 0 : 2 + count(p->next); }

int keep(struct state *s, struct packet *own p, int tag) {
  s->calls++;
  int n = count(p) + tag - tag;
  s->kept = p;                    /* the old one is deleted */
  return n;
}

int keep_two(struct state *s, struct packet *own p, int k, struct packet *own q) {
  s->calls += k;
  int n = count(p) + count(q);
  p->next = q;
  s->kept = p;
  return n;
}

int keep_many(struct state *s, struct packet *own (*own a)[]) {
  int n = 0;
  for (unsigned i = 0; i < lengthof(a); i++)
    n += count(a[i]);
  s->many = a;
  return n;
}

int consume(struct state *s, struct packet *own p) {
  (void)s;
  int n = count(p);
  delete(p);
  return n;
}

int boom(struct state *s, struct packet *own p) {
  int n = count(p);
  int small[1];
  small[n] = s->calls;            /* n >= 1: traps bounds, p dies with the domain */
  return small[0];
}

int nothing(struct state *s, struct packet *own p) {
  (void)s;
  return p == NULL ? 7 : -1;
}

/* what the call does with the packet's parts (the fast path marks them,
 * and lists at the call's end only what the call kept) */
int keep_data(struct state *s, struct packet *own p) {
  struct packet *own q = new(struct packet);
  q->data = take(p->data);        /* the child moves into the domain's own object */
  delete(p);
  int n = (int)lengthof(q->data);
  s->kept = q;
  return n;
}

int data_then_fail(struct state *s, struct packet *own p) {
  int (*own d)[] = take(p->data); /* in a local when the call fails: dies too */
  delete(p);
  int small[1];
  small[lengthof(d)] = s->calls;
  return small[0];
}

chan_t *out;

int send_then_fail(struct state *s, struct packet *own p, int n) {
  chan_send(out, p);              /* gone: the failure does not take it */
  int small[1];
  small[n] = s->calls;
  return small[0];
}

int keep_first(struct state *s, struct packet *own p, struct packet *own q) {
  s->kept = p;
  delete(q);
  return 1;
}

int grow(struct state *s, struct packet *own (*own a)[]) {
  renew(a, lengthof(a) + 2);      /* the old block freed, the new one the domain's */
  a[lengthof(a) - 1] = new(struct packet);
  int n = (int)lengthof(a);
  s->many = a;
  return n;
}

domain_t *inner;

/* inside the domain `outer`: a packet it made goes on into `inner` */
int forward(struct state *s, int len) {
  struct packet *own p = packet_new(len, 1);
  int before = domain_objects(inner);
  int r = domain_call(inner, keep, p, 1);
  s->calls++;
  return r == 4 && domain_objects(inner) == before + 4 ? 1 : 0;
}

int h0;
void line(const char (*what)[], int r, domain_t *d, int objects) {
  printf("%-26s result %d, objects %d, heap %+d\n", what, r, domain_objects(d) - objects,
         heap_objects() - h0);
}

int main(void) {
  int start = heap_objects();
  domain_t *d = domain_new(setup);
  inner = domain_new(setup);
  domain_t *outer = domain_new(setup);
  h0 = heap_objects();
  int base = domain_objects(d);   /* the state */

  line("leaves (fast)", domain_call(d, keep, packet_new(3, 0), 5), d, base);
  line("a list (walked)", domain_call(d, keep, packet_new(3, 3), 5), d, base);
  line("two packets", domain_call(d, keep_two, packet_new(2, 0), 1, packet_new(4, 1)), d, base);
  struct packet *own (*own a)[] = new(struct packet *own[3]);
  a[0] = packet_new(1, 0);
  a[2] = packet_new(1, 2);
  line("an array of packets", domain_call(d, keep_many, a), d, base);
  line("consumed", domain_call(d, consume, packet_new(9, 2)), d, base);
  line("NULL", domain_call(d, nothing, NULL), d, base);
  line("failure", domain_call(d, boom, packet_new(2, 1)), d, base);
  h0 = heap_objects();
  line("a child kept", domain_call(d, keep_data, packet_new(5, 0)), d, base);
  line("a child in a local, fail", domain_call(d, data_then_fail, packet_new(3, 0)), d, base);
  h0 = heap_objects();
  out = chan_new(2);
  line("sent, then fail", domain_call(d, send_then_fail, packet_new(4, 1), 3), d, base);
  struct packet *own got = chan_recv(out, struct packet);
  printf("received whole: %d\n", count(got) == 4 && (*got->data)[0] == 4);
  delete(got);
  line("received, deleted", 0, d, base);
  line("one kept, one deleted", domain_call(d, keep_first, packet_new(2, 0), packet_new(2, 2)), d, base);
  struct packet *own (*own b)[] = new(struct packet *own[2]);
  b[1] = packet_new(1, 0);
  line("an array renewed", domain_call(d, grow, b), d, base);
  line("failure", domain_call(d, boom, packet_new(2, 0)), d, base);
  h0 = heap_objects();

  int ib = domain_objects(inner);
  line("nested (slow)", domain_call(outer, forward, 5), inner, ib);
  line("the outer domain", 0, outer, 1);

  domain_revoke(d);
  h0 = heap_objects();
  line("revoked (deleted)", domain_call(d, keep, packet_new(6, 2), 1), d, 0);
  domain_revoke(inner);
  domain_revoke(outer);
  h0 = start;
  line("all revoked", 0, d, 0);
  return 0;
}

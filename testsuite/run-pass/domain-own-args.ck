/* LANGUAGE.md §13.3: "owned arguments move into the domain".  A packet
 * (with a buffer it owns) passed to a domain_call becomes the domain's:
 * kept in the state, it is the domain's object (domain_objects counts it
 * and what it owns); when a later call fails, it is deleted with the rest
 * of the domain -- no object is lost or left behind (heap_objects).  A
 * packet moved into a revoked domain is deleted at once, and one that the
 * call deletes itself is simply gone. */
#include <cuckoo.ckh>

struct packet {
  int len;
  int (*own data)[];
};

struct filter {
  struct packet *own kept;        /* the last packet it accepted */
  int seen;
};

struct filter *own filter_setup(void) { return new(struct filter); }

/* Accepts the packet: the state keeps it (the old one is deleted). */
int keep(struct filter *f, struct packet *own p, int tag) {
  f->seen++;
  p->len = tag;
  f->kept = p;
  return f->seen;
}

/* Looks at the packet and at the kept one, then traps for a bad index:
 * both packets die with the domain. */
int inspect(struct filter *f, struct packet *own p, int i) {
  int sum = p->len + f->kept->len;
  delete(p);
  return sum + (*f->kept->data)[i];
}

int consume(struct filter *f, int before, struct packet *own p) {
  (void)f;
  int n = p->len + before;
  delete(p);
  return n;
}

struct packet *own packet_new(int n) {
  struct packet *own p = new(struct packet);
  p->len = n;
  p->data = new(int[n]);
  return p;
}

int main(void) {
  domain_t *d = domain_new(filter_setup);
  int heap0 = heap_objects();
  printf("objects: %d\n", domain_objects(d));
  struct packet *own p = packet_new(4);
  printf("keep: %d\n", domain_call(d, keep, p, 7));
  printf("objects: %d, heap %+d\n", domain_objects(d), heap_objects() - heap0);
  struct packet *own q = packet_new(2);
  printf("inspect: %d\n", domain_call(d, inspect, q, 1));
  struct packet *own r = packet_new(3);
  printf("inspect bad: %d\n", domain_call(d, inspect, r, 5));
  printf("objects: %d, heap %+d\n", domain_objects(d), heap_objects() - heap0);
  struct packet *own s = packet_new(5);
  printf("consume: %d\n", domain_call(d, consume, 10, s));
  printf("objects: %d, heap %+d\n", domain_objects(d), heap_objects() - heap0);
  domain_revoke(d);
  struct packet *own t = packet_new(6);
  printf("revoked: %d\n", domain_call(d, consume, 1, t));
  printf("objects: %d, heap %+d\n", domain_objects(d), heap_objects() - heap0);
  return 0;
}

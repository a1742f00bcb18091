/* LANGUAGE.md §13.3 with threads and owned arguments: four threads move
 * packets into one shared domain (the calls contend for its lock: some
 * take the fast entry, some the slow one) and into a domain of their own
 * (always the fast entry), while the blocks the calls free are reused at
 * once by the other threads' packets.  The calls keep some packets,
 * delete others, and fail now and then with a packet in hand.  At the end
 * each domain holds exactly what its state keeps (domain_objects), and
 * once every domain is revoked the heap holds what it held before: no
 * packet was lost, none taken for another call's. */
#include <cuckoo.ckh>

struct packet {
  int len;
  int (*own data)[];
};

struct box {
  struct packet *own kept;
  int seen;
};

domain_t *shared_domain;

struct box *own box_setup(void) { return new(struct box); }

struct packet *own packet_new(int n) {
  struct packet *own p = new(struct packet);
  p->len = n;
  p->data = new(int[n % 5 + 1]);
  return p;
}

/* what = 0: delete it; 1: keep it (the kept one before is deleted); 2: fail */
int handle(struct box *b, struct packet *own p, int what) {
  b->seen++;
  int n = p->len;
  if (what == 1) {
    b->kept = p;
    return n + 1;
  }
  if (what == 2) {
    int small[1];
    small[what] = n;              /* traps bounds: p dies with the domain */
    return small[0];
  }
  delete(p);
  return n + 1;
}

int worker(int id) {
  domain_t *mine = domain_new(box_setup);
  int ok = 0, failed = 0;
  for (int i = 0; i < 400; i++) {
    int what = i % 37 == id ? 2 : i % 3 == 0 ? 1 : 0;
    int r = domain_call(shared_domain, handle, packet_new(i), what);
    int s = domain_call(mine, handle, packet_new(i + 1), i % 5 == 0 ? 1 : 0);
    ok += (r > 0) + (s > 0);
    failed += r == DOMAIN_FAILED;
  }
  /* its own domain holds its state and at most one packet (two objects) */
  int held = domain_objects(mine);
  domain_revoke(mine);
  return ok * 10000 + failed * 100 + held;
}

int main(void) {
  int start = heap_objects();
  shared_domain = domain_new(box_setup);
  thread_t t[4];
  for (int i = 0; i < 4; i++)
    t[i] = spawn worker(i);
  int ok = 0, failed = 0, held = 0;
  for (int i = 0; i < 4; i++) {
    int r = join(t[i]);
    ok += r / 10000;
    failed += r / 100 % 100;
    held += r % 100;
  }
  printf("ok %d failed %d held %d\n", ok, failed, held);
  printf("shared domain holds %d\n", domain_objects(shared_domain));
  domain_revoke(shared_domain);
  printf("heap %+d\n", heap_objects() - start);
  return 0;
}

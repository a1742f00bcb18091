/* LANGUAGE.md §13.3 with threads: four threads call one domain at once.
 * The domain runs one call at a time, so its counter counts exactly; a
 * failure on one thread rebuilds the domain (the counter restarts) and
 * never takes another thread's objects or its call with it; at the end
 * every call is accounted for and the heap holds what a fresh domain
 * holds. */
#include <cuckoo.ckh>

struct counter {
  int n;
  int (*log)[];
};

domain_t *shared_domain;

struct counter *counter_setup(void) {
  struct counter *c = new(struct counter);
  c->log = new(int[8]);
  return c;
}

int count(struct counter *c, int fail) {
  int (*scratch)[] = new(int[3]);
  (*scratch)[0] = c->n;
  c->n++;
  int busy = 0;
  for (int i = 0; i < 200; i++)
    busy += i;
  if (fail)
    return (*c->log)[8 + fail];   /* traps bounds */
  return c->n + busy - busy;
}

int worker(int id) {
  int ok = 0, failed = 0;
  for (int i = 0; i < 300; i++) {
    int r = domain_call(shared_domain, count, i % 50 == id ? 1 : 0);
    if (r > 0)
      ok++;
    else if (r == DOMAIN_FAILED)
      failed++;
  }
  return ok * 1000 + failed;
}

int main(void) {
  shared_domain = domain_new(counter_setup);
  int fresh = heap_objects();
  thread_t t[4];
  for (int i = 0; i < 4; i++)
    t[i] = spawn worker(i);
  int ok = 0, failed = 0;
  for (int i = 0; i < 4; i++) {
    int r = join(t[i]);
    ok += r / 1000;
    failed += r % 1000;
  }
  printf("ok %d failed %d\n", ok, failed);
  /* one more failure: the domain is then exactly a fresh one */
  printf("fail: %d\n", domain_call(shared_domain, count, 1));
  printf("heap %+d, domain holds %d\n", heap_objects() - fresh, domain_objects(shared_domain));
  printf("first count: %d\n", domain_call(shared_domain, count, 0));
  return 0;
}

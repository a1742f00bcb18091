/* LANGUAGE.md §13.3, doc/domains.md "Threads calling the same domain":
 * four threads call one domain 20,000 times each, every 997th call of a
 * thread failing (and rebuilding the domain).
 * The domain's lock (one lock bts / lock dec on the fast path, a futex
 * when contended) must let exactly one call run at a time: every call
 * that succeeded is counted once in the domain's state since its last
 * rebuild (no call sees another running), every call yields its result
 * or DOMAIN_FAILED, and the domain ends with its state's one object. */
#include <cuckoo.ckh>

struct tally { int n; int running; };

domain_t *dom;

struct tally *own tally_setup(void) { return new(struct tally); }

int bump(struct tally *t, int fail) {
  if (t->running != 0)
    return 1000000;               /* two calls at once: reported below */
  t->running = 1;
  t->n++;
  int (*a)[] = new(int[2]);
  int r = (*a)[fail ? 5 : 0];     /* fail: bounds, inside the domain */
  delete(a);
  t->running = 0;
  return r + 1;
}

int worker(int id) {
  int ok = 0, failed = 0, bad = 0;
  for (int i = 0; i < 20000; i++) {
    int r = domain_call(dom, bump, (i + id) % 997 == 0);
    if (r == 1)
      ok++;
    else if (r == DOMAIN_FAILED)
      failed++;
    else
      bad++;
  }
  return bad * 100000 + (ok + failed == 20000 ? 0 : 1);
}

int main(void) {
  dom = domain_new(tally_setup);
  int heap0 = heap_objects();
  thread_t t[4];
  for (int k = 0; k < 4; k++)
    t[k] = spawn worker(k);
  int problems = 0;
  for (int k = 0; k < 4; k++)
    problems += join(t[k]);
  printf("problems: %d, heap %+d, domain objects %d\n", problems, heap_objects() - heap0,
         domain_objects(dom));
  return 0;
}

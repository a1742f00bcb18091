/* LANGUAGE.md §13.3: a packet filter in a protection domain.  A malformed
 * packet traps inside the domain: the caller gets DOMAIN_FAILED, the
 * domain is rebuilt (setup runs again), the next call succeeds, the
 * objects the domain held are all deleted (heap_objects), the mutex the
 * failed call held is released, and the program's trap_handler is not
 * run (the error did not end the process). */
#include <cuckoo.ckh>

struct filter {
  int seen;
  int (*hits)[];                  /* per first byte, 0..15 */
};

mutex_t *stats_lock;              /* read inside the domain, never stored */
struct stats {
  int calls;
} *stats;

struct filter *filter_setup(void) {
  struct filter *f = new(struct filter);
  f->hits = new(int[16]);
  puts("filter_setup");
  return f;
}

/* A packet: its first byte indexes the table, which the malformed one
 * overruns; each call also makes a scratch copy that only the domain's
 * recovery frees. */
int filter_packet(struct filter *f, int first, int len) {
  mutex_lock(stats_lock);
  stats->calls++;
  unsigned char (*copy)[] = new(unsigned char[len]);
  (*copy)[0] = (unsigned char)first;
  f->seen++;
  (*f->hits)[first]++;            /* traps bounds for first >= 16 */
  mutex_unlock(stats_lock);
  return f->seen * 100 + (*f->hits)[first];
}

void on_trap(const char kind[], const char detail[]) {
  printf("trap handler ran: %s: %s\n", kind, detail);
}

int main(void) {
  stats_lock = mutex_new();
  stats = new(struct stats);
  trap_handler(on_trap);
  int base = heap_objects();
  domain_t *d = domain_new(filter_setup);
  int built = heap_objects();
  printf("domain holds %d objects, heap grew by %d\n", domain_objects(d), built - base);
  printf("packet 3: %d\n", domain_call(d, filter_packet, 3, 64));
  printf("packet 5: %d\n", domain_call(d, filter_packet, 5, 64));
  printf("domain holds %d objects\n", domain_objects(d));
  int r = domain_call(d, filter_packet, 200, 64);
  printf("malformed packet: %d (DOMAIN_FAILED is %d)\n", r, DOMAIN_FAILED);
  printf("domain holds %d objects, heap differs by %d from a fresh domain\n",
         domain_objects(d), heap_objects() - built);
  printf("stats lock free: %d\n", mutex_trylock(stats_lock));
  mutex_unlock(stats_lock);
  printf("packet 3 again: %d\n", domain_call(d, filter_packet, 3, 64));
  printf("calls counted: %d\n", stats->calls);
  return 0;
}

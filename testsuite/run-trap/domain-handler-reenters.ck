/* LANGUAGE.md §13.3, doc/domains.md "Threads and re-entry": a handler
 * raised inside a domain call runs outside every domain, but that domain
 * is still running on its thread.  A domain_call into it from the handler
 * is a re-entry -- a runtime error `own`, which ends the process as any
 * error of a handler does -- not a wait for the domain to be released,
 * which would never end. */
#include <cuckoo.ckh>

domain_t *dom;

struct st { int n; };
struct st *st_setup(void) { return new(struct st); }

int count(struct st *s, int k) {
  s->n += k;
  return s->n;
}

void on_signal(int sig) {
  printf("handler\n");
  printf("%d\n", domain_call(dom, count, sig));
}

int raise_it(struct st *s, int sig) {
  s->n++;
  return raise(sig);
}

int main(void) {
  signal_handler(SIGUSR1, on_signal);
  dom = domain_new(st_setup);
  printf("count: %d\n", domain_call(dom, count, 2));
  printf("%d\n", domain_call(dom, raise_it, SIGUSR1));
  return 0;
}

/* LANGUAGE.md §13.3: a signal handler is not part of the domain its
 * thread happens to be in (doc/decisions.md): raised inside a domain
 * call, a handler that traps ends the process as it would anywhere else,
 * instead of being taken for a failure of the domain. */
#include <cuckoo.ckh>

int depth[2];

void on_signal(int sig) {
  int i = sig;
  depth[i] = 1;                   /* SIGUSR1 is 10: traps */
}

struct st { int n; };
struct st *st_setup(void) { return new(struct st); }

int raise_it(struct st *s, int sig) {
  s->n++;
  return raise(sig);
}

int main(void) {
  signal_handler(SIGUSR1, on_signal);
  domain_t *d = domain_new(st_setup);
  puts("calling");
  printf("%d\n", domain_call(d, raise_it, SIGUSR1));
  return 0;
}

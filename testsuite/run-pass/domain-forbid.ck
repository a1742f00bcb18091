/* LANGUAGE.md §13.3: spawn, signal_handler and trap_handler inside a
 * domain trap `own` -- a failure of the domain -- where the compiler
 * cannot see them (here through a function pointer that setup stored in
 * the state), and the domain goes on working. */
#include <cuckoo.ckh>

int idle(int x) { return x; }
void on_signal(int sig) { (void)sig; }
void on_trap(const char kind[], const char detail[]) { (void)kind; (void)detail; }

int start_thread(int x) { return join(spawn idle(x)); }
int set_signal(int x) { signal_handler(SIGUSR1, on_signal); return x; }
int set_trap(int x) { trap_handler(on_trap); return x; }

struct plugin {
  int (*hooks[3])(int);
};

struct plugin *plugin_setup(void) {
  struct plugin *p = new(struct plugin);
  p->hooks[0] = start_thread;
  p->hooks[1] = set_signal;
  p->hooks[2] = set_trap;
  return p;
}

int run_hook(struct plugin *p, int which) {
  int (*h)(int) = p->hooks[which];
  return h(which + 10);
}

int main(void) {
  domain_t *d = domain_new(plugin_setup);
  for (int i = 0; i < 3; i++)
    printf("hook %d inside: %d, outside: %d\n", i, domain_call(d, run_hook, i), start_thread(i));
  set_signal(1);
  set_trap(1);
  return 0;
}

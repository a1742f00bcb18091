/* LANGUAGE.md §13.3: trap_handler inside domain plugin_setup traps own; inside setup, as a
 * runtime error of the caller (the compiler cannot see it through the
 * function pointer). */
#include <cuckoo.ckh>

int idle(int x) { return x; }
void on_signal(int sig) { (void)sig; }
void on_trap(const char kind[], const char detail[]) { (void)kind; (void)detail; }

void forbidden(void) {
  trap_handler(on_trap);
}

struct plugin { void (*hook)(void); };
void (*hook)(void) = forbidden;   /* read by setup */

struct plugin *plugin_setup(void) {
  struct plugin *p = new(struct plugin);
  p->hook = hook;
  p->hook();
  return p;
}

int main(void) {
  domain_t *d = domain_new(plugin_setup);
  return d != NULL;
}

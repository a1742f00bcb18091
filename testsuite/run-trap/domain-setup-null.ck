/* LANGUAGE.md §13.3: a setup that yields no state is a failure of setup,
 * so a runtime error of the caller (doc/decisions.md). */
#include <cuckoo.ckh>

struct conf { int x; };

struct conf *conf_setup(void) { return NULL; }

int main(void) {
  domain_t *d = domain_new(conf_setup);
  return d != NULL;
}

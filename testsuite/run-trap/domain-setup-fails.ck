/* LANGUAGE.md §13.3: a failure inside setup itself is a runtime error of
 * the caller -- here main, so the process ends with the usual line. */
#include <cuckoo.ckh>

struct parser { int (*table)[]; };

struct parser *parser_setup(void) {
  struct parser *p = new(struct parser);
  p->table = new(int[4]);
  (*p->table)[4] = 1;
  return p;
}

int main(void) {
  puts("before");
  domain_t *d = domain_new(parser_setup);
  puts("not reached");
  return d != NULL;
}

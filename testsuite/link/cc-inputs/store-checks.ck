/* Stores the proof checker must see checked (doc/domains.md "Isolation:
 * the store checks"): through a parameter, and into a global by name. */
#include <cuckoo.ckh>

int counter;

void put(int *p, int v) { *p = v; }

void bump(void) { counter = counter + 1; }

int main(void) {
  int *h = new(int);
  put(h, 3);
  put(&counter, 4);
  bump();
  printf("%d %d\n", *h, counter);
  return 0;
}

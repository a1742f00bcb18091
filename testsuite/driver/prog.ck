/* prog.ck -- the program of the driver tests (driver/*.sh).  The tests
 * find lines by their marker comments (LINE-...), so keep the markers. */
#include <cuckoo.ckh>
#include "prog.ckh"

int add(int a, int b) {
  int s = a + b; /* LINE-ADD */
  return s;
}

int main(int argc, string *argv[]) {
  int x = add(2, PROG_VALUE); /* LINE-BREAK */
  x = x + 1; /* LINE-NEXT */
#ifdef PROG_EXTRA
  x = x + PROG_EXTRA; /* LINE-EXTRA */
#endif
  printf("%d\n", x); /* LINE-PRINT */
  return 0;
}

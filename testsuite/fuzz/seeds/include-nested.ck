#include "fuzz2.ckh"
int main(void) {
  pair_t p = fz_make(3);
  int CAT(x, 1) = SQ(p.b[1]);
  printf("%d\n", CALL(fz_add, x1, p.a));
  return 0;
}

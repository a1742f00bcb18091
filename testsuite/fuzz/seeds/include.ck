#include "fuzz.ckh"
int main(void) {
  int a[N] = {1, 2, 3, 4};
  printf("%d %d %s\n", fz_add(1, 2), fz_sum(a), STR(N));
  return 0;
}

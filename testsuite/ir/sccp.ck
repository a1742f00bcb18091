/* sccp.ck -- what sparse conditional constant propagation (opt/sccp.c)
 * sees and propagation of single definitions does not: a variable that
 * keeps its constant around a loop because the assignment that would
 * change it is dead (still) -- a branch whose operands are then
 * constants -- and a variable assigned in both arms of a decided branch
 * (decided); and what it must leave: a variable that does change
 * (changes), a division (divides), a value read from memory (loaded). */
#include <cuckoo.ckh>

int still(int n) {
  int k = 0;
  int s = 0;
  for (int i = 0; i < n; i++) {
    if (k != 0)
      k = k + 1;                  /* never runs: k stays 0 */
    s += k;
  }
  return s + k;                   /* 0 */
}

int decided(int n) {
  int mode = 2;
  int x;
  if (mode == 2)
    x = 10;
  else
    x = n;                        /* dead */
  int (*a)[] = new(int[4]);
  (*a)[x - 7] = n;                /* index 3: the check's operands constant */
  int r = (*a)[3] + x;
  delete(a);
  return r;
}

int changes(int n) {
  int k = 1;
  for (int i = 0; i < n; i++)
    k = k * 2;
  return k;
}

int divides(int n) {
  int d = 0;
  if (n > 100)
    d = 4;
  return 100 / (d + 1);           /* d varies: kept, with its check */
}

int table[2] = {5, 7};

int loaded(void) {
  int k = table[1];
  return k + 1;
}

int main(void) {
  printf("%d %d %d %d %d %d\n", still(5), decided(9), changes(4), divides(3), divides(200), loaded());
  return 0;
}

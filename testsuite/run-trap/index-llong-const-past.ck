/* A constant long long index past a length read from memory traps. */
#include <cuckoo.ckh>

int main(void) {
  int (*p)[] = new(int[3]);
  (*p)[2LL] = 1;
  printf("%d\n", (*p)[2LL]);
  return (*p)[3LL];
}

/* A constant long long index into an array whose length is read from
 * memory (a T (*)[] or a T[] parameter) is checked against that length:
 * in range, it works (p[0LL] trapped always). */
#include <cuckoo.ckh>

static int sum3(int a[]) { return a[0LL] + a[1ULL] + a[2LL]; }

int main(void) {
  int (*p)[] = new(int[3]);
  (*p)[0LL] = 5;
  (*p)[2ULL] = 7;
  (*p)[1LL] += (*p)[0LL] + (*p)[2LL];
  printf("%d %d %d\n", (*p)[0LL], (*p)[1ULL], (*p)[2LL]);
  printf("%d\n", sum3(*p));
  long long (*q)[] = new(long long[2]);
  (*q)[1LL] = 0x100000000LL;
  (*q)[0LL] = (*q)[1LL] + 1;
  printf("%lld %lld\n", (*q)[0LL], (*q)[1LL]);
  delete(q);
  delete(p);
  return 0;
}

#include <cuckoo.ckh>
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define FOREACH(i, n) for (int i = 0; i < (n); i++)
#if defined(__CUCKOO__) && __CUCKOO__ >= 1
#define ON 1
#else
#error not Cuckoo
#endif
int main(void) {
  int (*p)[] = new(int[8]);
  FOREACH(i, 8) (*p)[i] = MAX(i, 3) * ON;
  printf("%d\n", (*p)[7]);
  delete(p);
  return 0;
}

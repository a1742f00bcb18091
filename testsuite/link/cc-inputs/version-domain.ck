/* Loop versioning on the domain flag (objcheck/cc-version-domain.sh):
 * scale's stores through v need the store check of LANGUAGE.md §13.3;
 * -O2 runs a copy without them when the thread is outside every domain. */
#include <cuckoo.ckh>

void scale(int (*v)[], int n, int k) {
  for (int i = 0; i < n; i++)
    v[i] = v[i] * k;
}

int main(void) {
  int a[4] = {1, 2, 3, 4};
  scale(&a, 4, 3);
  printf("%d %d\n", a[0], a[3]);
  return 0;
}

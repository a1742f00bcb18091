/* §7: every argument needs a conversion. */
#include <cuckoo.ckh>

int main(void) {
  int a = 1, b = 2;
  printf("%d\n", a, b);
  return 0;
}

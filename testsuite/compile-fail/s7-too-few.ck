/* §7: every conversion needs an argument. */
#include <cuckoo.ckh>

int main(void) {
  int w = 3;
  printf("%d x %d\n", w);
  return 0;
}

/* §7: %d takes an int, not a double. */
#include <cuckoo.ckh>

int main(void) {
  double ratio = 0.5;
  printf("ratio: %d\n", ratio);
  return 0;
}

/* §7: %lld takes only long long or unsigned long long. */
#include <cuckoo.ckh>

int main(void) {
  int n = 10;
  printf("%lld\n", n);
  return 0;
}

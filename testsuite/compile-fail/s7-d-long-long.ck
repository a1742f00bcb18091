/* §7: %d takes int or unsigned, never long long. */
#include <cuckoo.ckh>

int main(void) {
  long long t = clock_ns();
  printf("%d ns\n", t);
  return 0;
}

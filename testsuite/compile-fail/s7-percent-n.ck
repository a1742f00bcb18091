/* §7: %n would write through an argument: not in Cuckoo. */
#include <cuckoo.ckh>

int main(void) {
  int n = 0;
  printf("hello%n\n", &n);
  return n;
}

/* §7: an unknown conversion is an error. */
#include <cuckoo.ckh>

int main(void) {
  printf("value: %k\n", 1);
  return 0;
}

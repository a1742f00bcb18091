/* §7: a '*' width takes an int argument before the value. */
#include <cuckoo.ckh>

int main(void) {
  double width = 8;
  printf("[%*d]\n", width, 42);
  return 0;
}

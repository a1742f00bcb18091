/* §7: %f takes a double; an int is not converted. */
#include <cuckoo.ckh>

int main(void) {
  int half = 1;
  printf("%.2f\n", half);
  return 0;
}

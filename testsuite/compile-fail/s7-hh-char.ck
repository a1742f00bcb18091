/* §7: hh and h apply to the integer conversions only. */
#include <cuckoo.ckh>

int main(void) {
  char c = 'A';
  printf("%hhc\n", c);
  return 0;
}

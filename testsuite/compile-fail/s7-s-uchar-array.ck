/* §7: %s takes an array of plain char only. */
#include <cuckoo.ckh>

int main(void) {
  unsigned char bytes[4] = {65, 66, 67, 0};
  printf("%s\n", bytes);
  return 0;
}

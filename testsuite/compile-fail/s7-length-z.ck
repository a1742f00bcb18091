/* §7: the length modifiers are hh, h, l and ll; C's z, j, t and L are not
 * in Cuckoo. */
#include <cuckoo.ckh>

int main(void) {
  char name[8] = "cuckoo";
  printf("%zu\n", strlen(name));
  return 0;
}

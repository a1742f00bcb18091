/* §7: combinations C leaves undefined are errors: '#' with %d. */
#include <cuckoo.ckh>

int main(void) {
  printf("%#d\n", 8);
  return 0;
}

/* §7: a lone '%' at the end of the format is an incomplete conversion. */
#include <cuckoo.ckh>

int main(void) {
  printf("100%");
  return 0;
}

/* §7: fprintf is checked too; its format is argument 2. */
#include <cuckoo.ckh>

int main(void) {
  fprintf(stderr, "error: %s\n");
  return 1;
}

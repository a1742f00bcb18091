/* §7: %s takes a char array; a char * points to one char. */
#include <cuckoo.ckh>

int main(void) {
  char buf[8] = "abc";
  char *c = &buf[0];
  printf("%s\n", c);
  return 0;
}

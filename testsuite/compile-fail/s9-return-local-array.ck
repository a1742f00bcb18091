/* §9: a local array converts to a pointer into the frame; it cannot be returned. */
#include <cuckoo.ckh>

string *greeting(void) {
  char buf[16] = "hello";
  return buf;
}

int main(void) {
  printf("%s\n", greeting());
  return 0;
}

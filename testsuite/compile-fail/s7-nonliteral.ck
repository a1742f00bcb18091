/* §7: the format must be a string literal. */
#include <cuckoo.ckh>

void say(const char msg[]) {
  printf(msg);
}

int main(void) {
  say("hi\n");
  return 0;
}

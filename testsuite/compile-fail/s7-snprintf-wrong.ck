/* §7: snprintf is checked too: argument 3 is the first value. */
#include <cuckoo.ckh>

int main(void) {
  char buf[32];
  snprintf(buf, "%u items", "three");
  puts(buf);
  return 0;
}

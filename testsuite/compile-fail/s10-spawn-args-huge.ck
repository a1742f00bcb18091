/* §10: spawn's argument block is copied into the new thread's first frame:
 * larger than 2^31 - 1 bytes it is an error (the size wrapped, and the
 * program passed the audit). */
#include <cuckoo.ckh>

struct Big {
  char a[1500000000];
};

extern int f(struct Big x, struct Big y);
struct Big gb;

int main(void) {
  thread_t t = spawn f(gb, gb);
  return join(t);
}

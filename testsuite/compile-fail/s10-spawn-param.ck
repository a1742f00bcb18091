/* §10: a pointer parameter not declared global may point into a caller's
 * stack, so it cannot be passed on to a new thread. */
#include <cuckoo.ckh>

int worker(int *n) {
  return *n * 2;
}

int start(int *n) {
  thread_t t = spawn worker(n);
  return join(t);
}

int main(void) {
  int *n = new(int);
  *n = 21;
  printf("%d\n", start(n));
  return 0;
}

/* §10: no argument of spawn may be stack-bound; a local array is passed by
 * address, so it cannot be handed to a thread.  Allocate it with new. */
#include <cuckoo.ckh>

int total(const int v[]) {
  int s = 0;
  for (unsigned i = 0; i < lengthof(v); i++)
    s += v[i];
  return s;
}

int main(void) {
  int data[4] = {1, 2, 3, 4};
  thread_t t = spawn total(data);
  printf("%d\n", join(t));
  return 0;
}

/* §9, §10: the argument of spawn must not be stack-bound: the thread may
 * outlive the frame. */
#include <cuckoo.ckh>

int worker(int *counter) {
  return *counter + 1;
}

int main(void) {
  int counter = 0;
  thread_t t = spawn worker(&counter);
  return join(t);
}

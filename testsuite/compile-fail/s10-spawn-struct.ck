/* §10: a struct passed to spawn by value must not hold a stack-bound
 * pointer. */
#include <cuckoo.ckh>

struct job {
  int id;
  int *result;
};

int run(struct job j) {
  *j.result = j.id;
  return 0;
}

int main(void) {
  int result = 0;
  struct job j = {1, &result};
  thread_t t = spawn run(j);
  join(t);
  printf("%d\n", result);
  return 0;
}

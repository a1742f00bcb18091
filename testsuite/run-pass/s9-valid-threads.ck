/* §9, §10: threads get heap and static addresses; a global parameter
 * carries a heap object into a shared structure. */
#include <cuckoo.ckh>

struct job {
  int id;
  int (*results)[];
};

struct job *queue[4];
int base = 100;

void enqueue(int slot, struct job *global j) {
  queue[slot] = j;
}

int work(struct job *global j) {
  (*j->results)[j->id] = j->id * j->id;
  return j->id;
}

int add(int *global a, int *global b) {
  return *a + *b;
}

int main(void) {
  int (*results)[] = new(int[4]);
  for (int i = 0; i < 4; i++) {
    struct job *j = new(struct job);
    j->id = i;
    j->results = results;
    enqueue(i, j);
  }
  thread_t t[4];
  for (int i = 0; i < 4; i++)
    t[i] = spawn work(queue[i]);
  int ids = 0;
  for (int i = 0; i < 4; i++)
    ids += join(t[i]);
  printf("ids: %d\n", ids);
  for (int i = 0; i < 4; i++)
    printf("result %d: %d\n", i, (*results)[i]);

  int *extra = new(int);
  *extra = 5;
  thread_t u = spawn add(&base, extra);
  printf("add: %d\n", join(u));
  return 0;
}

/* The allocator's single-thread fast path (doc/runtime.md "The
 * allocator"): until the first spawn the heap takes no lock; spawn turns
 * the lock on before the child runs.  Objects made before the spawn are
 * deleted by the threads, which also race on new and delete of the same
 * types; type-stable reuse holds all along (a stale pointer to a deleted
 * node still sees a node), and the live-object count comes back exact. */
#include <cuckoo.ckh>

struct node {
  struct node *next;
  int v;
  int w;
};

struct plain3 {
  int a, b, c;
};

struct node *(*early)[];

int worker(int id) {
  int sum = 0;
  for (int round = 0; round < 200000; round++) {
    struct node *n = new(struct node);
    int (*v)[] = new(int[round % 37]);
    struct plain3 *p = new(struct plain3);
    if (n->next != NULL || n->v != 0 || p->a != 0)
      sum += 1000000;                 /* a reused block was not zeroed */
    n->v = id;
    p->a = 0x41414141;
    n->next = n;
    delete(p);
    delete(v);
    if (n->v != id || n->next != n)
      sum += 1000000;                 /* another thread got our node */
    delete(n);
  }
  for (int i = id; i < 64; i += 4) {
    sum += (*early)[i]->v;
    delete((*early)[i]);
  }
  return sum;
}

int main(void) {
  int before = heap_objects();
  early = new(struct node *[64]);
  for (int i = 0; i < 64; i++) {
    (*early)[i] = new(struct node);
    (*early)[i]->v = i;
  }
  /* a stale pointer before any thread: the block goes back to nodes only */
  struct node *n = new(struct node);
  n->v = 5;
  struct node *stale = n;
  delete(n);
  struct plain3 *(*fill)[] = new(struct plain3 *[100]);
  for (int i = 0; i < 100; i++) {
    (*fill)[i] = new(struct plain3);
    (*fill)[i]->a = 0x41414141;
    (*fill)[i]->b = 0x41414141;
    (*fill)[i]->c = 0x41414141;
  }
  printf("stale node: next %s, v %d\n", stale->next == NULL ? "null" : "set", stale->v);
  printf("live after filling: %d\n", heap_objects() - before);

  thread_t t[4];
  for (int i = 0; i < 4; i++)
    t[i] = spawn worker(i);
  int total = 0;
  for (int i = 0; i < 4; i++)
    total += join(t[i]);
  printf("threads: %d (the early nodes' values sum to 2016)\n", total);
  for (int i = 0; i < 100; i++)
    delete((*fill)[i]);
  delete(fill);
  delete(early);
  printf("live after the threads: %d\n", heap_objects() - before);

  /* after the spawn: the same checks, now under the lock */
  n = new(struct node);
  n->v = 7;
  stale = n;
  delete(n);
  struct plain3 *q = new(struct plain3);
  q->a = 0x41414141;
  printf("stale node: next %s, v %d\n", stale->next == NULL ? "null" : "set", stale->v);
  struct node *again = new(struct node);
  printf("reused for a node: %s, zeroed: %d\n", again == stale ? "yes" : "no", again->v);
  delete(again);
  delete(q);
  printf("live at the end: %d\n", heap_objects() - before);
  return 0;
}

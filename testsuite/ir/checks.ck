/* checks.ck -- the checks lowering makes and the passes that remove them:
 * a NULL check repeated on one pointer (null-checks), one at a loop's head
 * (hoist-null), a constant index into an array of known length
 * (constant-checks), a division by a constant (constant-checks). */
#include <cuckoo.ckh>

struct node {
  int v;
  struct node *next;
};

int sum(struct node *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p->v;
  return s + p->next->v + p->v;
}

int pick(int (*a)[8], int k) {
  return (*a)[3] + k / 4 + (*a)[k & 7];
}

int main(void) {
  struct node *a = new(struct node);
  a->v = 1;
  a->next = new(struct node);
  a->next->v = 2;
  int (*v)[8] = (int (*)[8])new(int[8]);
  printf("%d %d\n", sum(a, 3), pick(v, 9));
  return 0;
}

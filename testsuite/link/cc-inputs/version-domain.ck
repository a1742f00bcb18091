/* Loop versioning on the domain flag (objcheck/cc-version-domain.sh):
 * scale's stores through v, and mark's through the nodes of a list, need
 * the store check of LANGUAGE.md §13.3; -O2 runs a copy without them when
 * the thread is outside every domain.  mark's loop leaves from two places
 * (`p != NULL && ...`) and from a break; part's holds two loops. */
#include <cuckoo.ckh>

void scale(int (*v)[], int n, int k) {
  for (int i = 0; i < n; i++)
    v[i] = v[i] * k;
}

struct node {
  struct node *next;
  int key;
};

int mark(struct node *global p, int limit) {
  int n = 0;
  while (p != NULL && n < limit) {
    if (p->key < 0)
      break;
    p->key = -p->key - 1;
    p = p->next;
    n++;
  }
  return n;
}

int part(int (*v)[], int pivot) {
  int i = 0, j = lengthof(v) - 1;
  while (i <= j) {
    while (v[i] < pivot)
      i++;
    while (v[j] > pivot)
      j--;
    if (i <= j) {
      int t = v[i];
      v[i] = v[j];
      v[j] = t;
      i++;
      j--;
    }
  }
  return i;
}

int main(void) {
  int a[4] = {1, 2, 3, 4};
  scale(&a, 4, 3);
  struct node *list = NULL;
  for (int i = 0; i < 5; i++) {
    struct node *q = new(struct node);
    q->key = i == 3 ? -9 : i;
    q->next = list;
    list = q;
  }
  int m = mark(list, 10);
  printf("%d %d %d %d %d\n", a[0], a[3], m, list->key, mark(list->next, 1));
  int b[6] = {9, 1, 8, 2, 7, 3};
  int k = part(&b, 5);
  printf("%d %d %d %d %d %d %d\n", k, b[0], b[1], b[2], b[3], b[4], b[5]);
  return 0;
}

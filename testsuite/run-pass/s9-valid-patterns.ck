/* §9: the patterns the lifetime analysis must accept.  Pointers into the
 * stack may go into locals, down to parameters not declared global, be
 * compared and read through; heap and static addresses may go anywhere. */
#include <cuckoo.ckh>

struct node {
  int value;
  struct node *next;
};

struct box {
  int *item;
};

struct view {
  int len;
  int *first;
};

struct point {
  int x, y;
};

typedef const char text[];

struct node *list;                 /* a heap list in a global */
int answer = 42;                   /* static storage */
int *favourite = &answer;          /* a static address in a global */

void swap(int *a, int *b) {
  int t = *a;
  *a = *b;
  *b = t;
}

int sum(const int v[]) {
  int s = 0;
  for (unsigned i = 0; i < lengthof(v); i++)
    s += v[i];
  return s;
}

/* A global parameter may be stored in the heap and in globals. */
void push(struct node *global n) {
  n->next = list;
  list = n;
}

struct node *same(struct node *global n) {
  return n;
}

/* A local holding parameters, read through: the result is an int. */
int max_of(int *a, int *b) {
  int *m = *a > *b ? a : b;
  return *m;
}

/* A value read through a (stack-bound) pointer is not stack-bound. */
int *item_of(struct box *b) {
  return b->item;
}

/* String literals have static storage. */
text *yes_no(int ok) {
  return ok ? "yes" : "no";
}

void fill(char buf[], int n) {
  snprintf(buf, "n=%d", n);
}

/* A struct holding a stack pointer passed by value to a plain parameter. */
int first_of(struct view v) {
  return v.len > 0 ? *v.first : -1;
}

/* A pointer passed down a recursion. */
int count_down(int *steps, int n) {
  if (n == 0)
    return *steps;
  *steps += 1;
  return count_down(steps, n - 1);
}

int main(void) {
  int x = 1, y = 2;
  swap(&x, &y);
  int *p = &x;
  int *q = &y;
  if (p != q && p != NULL)
    printf("swapped: %d %d\n", *p, *q);
  printf("max: %d\n", max_of(&x, &y));

  int data[4] = {1, 2, 3, 4};
  printf("sum: %d\n", sum(data));
  int (*whole)[4] = &data;
  (*whole)[0] = 10;
  printf("sum: %d\n", sum(data));

  char name[16] = "cuckoo";
  printf("%s\n", name);
  fill(name, 5);
  printf("%s\n", name);

  for (int i = 0; i < 3; i++) {
    struct node *n = new(struct node);
    n->value = i;
    push(n);
  }
  for (struct node *n = same(list); n; n = n->next)
    printf("node %d\n", n->value);

  /* heap and static addresses may be stored through pointers */
  int **cell = new(int *);
  *cell = &answer;
  **cell += 1;
  printf("answer: %d %d\n", answer, *favourite);

  /* a local that holds only heap addresses may have its address taken */
  int *h = new(int);
  int **hp = &h;
  **hp = 7;
  printf("h: %d\n", *h);

  struct box b;
  b.item = new(int);
  *b.item = 8;
  int *it = item_of(&b);
  printf("item: %d\n", *it);

  struct view v = {1, &x};
  printf("first: %d\n", first_of(v));

  struct point pt = (struct point){3, 4};
  struct point *pp = &(struct point){5, 6};
  printf("points: %d %d\n", pt.x + pt.y, pp->x * pp->y);

  printf("%s %s\n", yes_no(1), yes_no(0));

  int steps = 0;
  printf("steps: %d\n", count_down(&steps, 4));
  return 0;
}

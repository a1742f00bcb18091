/* doc/decisions.md "Owned locals leaving their scope", for locals that
 * hold owned pointers inside them: a struct with owned members (nested
 * too), an array of owned pointers, one inside a struct.
 * When the scope ends, every object they still own is deleted; what was
 * taken out first is not.  Counted with heap_objects(). */
#include <cuckoo.ckh>

struct node {
  int v;
  struct node *own next;
};

struct pair {
  struct node *own a;
  int tag;
  struct node *own b;
};

struct outer {
  int n;
  struct pair p;                  /* nested */
  struct node *own list[3];       /* an array inside a struct */
};

struct node *own one(int v) {
  struct node *own x = new(struct node);
  x->v = v;
  x->next = new(struct node);     /* each node owns one more */
  return x;
}

int struct_local(int early) {
  struct pair p;
  p.a = one(1);
  p.b = one(2);
  p.tag = 3;
  if (early)
    return p.a->v + p.b->v;       /* both go, after the value */
  struct node *own kept = take(p.a);
  int r = kept->v;
  delete(kept);
  return r + p.tag;               /* p.b goes; p.a is NULL */
}

int array_local(int n) {
  struct node *own arr[4];
  for (int i = 0; i < n; i++)
    arr[i] = one(i);
  int s = 0;
  for (int i = 0; i < n; i++)
    s += arr[i]->v;
  return s;                       /* every element goes */
}

int nested(void) {
  struct outer o;
  o.n = 1;
  o.p.a = one(5);
  o.list[0] = one(6);
  o.list[2] = one(7);
  for (int i = 0; i < 3; i++) {
    struct pair q;                /* goes at the end of each iteration */
    q.a = one(i);
    if (i == 1)
      continue;
    q.b = one(i);
  }
  return o.p.a->v + o.list[2]->v;
}

int main(void) {
  int h0 = heap_objects();
  printf("struct early: %d, heap %+d\n", struct_local(1), heap_objects() - h0);
  printf("struct late: %d, heap %+d\n", struct_local(0), heap_objects() - h0);
  printf("array: %d, heap %+d\n", array_local(4), heap_objects() - h0);
  printf("array part: %d, heap %+d\n", array_local(2), heap_objects() - h0);
  printf("nested: %d, heap %+d\n", nested(), heap_objects() - h0);
  return 0;
}

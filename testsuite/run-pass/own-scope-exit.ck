/* LANGUAGE.md §13.1, doc/decisions.md "Owned locals leaving their scope":
 * an owned local (or parameter) that still holds an object when control
 * leaves its scope has the object deleted, with everything it owns, on
 * every way out -- the end of the block, break, continue, return, a goto
 * out of the block -- unless it was moved (a move empties it).  Counted
 * with heap_objects(): nothing leaks, nothing is deleted twice. */
#include <cuckoo.ckh>

struct node {
  int v;
  struct node *own next;
};

struct node *own chain(int n) {
  struct node *own head = NULL;
  for (int i = 0; i < n; i++) {
    struct node *own x = new(struct node);
    x->v = i;
    x->next = head;               /* moves head */
    head = x;                     /* moves x */
  }
  return head;                    /* moves head: nothing is deleted */
}

int block_end(void) {
  {
    struct node *own a = chain(3);
    if (a->v != 2)
      return -1;
  }                               /* a and its two nodes go */
  return 0;
}

int loop_exits(int n) {
  int sum = 0;
  for (int i = 0; i < n; i++) {
    struct node *own a = chain(2);
    sum += a->v;
    if (i == 1)
      continue;                   /* a goes */
    if (i == 3)
      break;                      /* a goes */
  }                               /* a goes at the end of each other iteration */
  return sum;
}

int early_return(int k) {
  struct node *own a = chain(2);
  struct node *own b = chain(k);
  if (k > 3)
    return a->v + b->v;           /* both go, after the value is computed */
  struct node *own c = take(b->next);
  return c == NULL ? 0 : c->v;    /* a, b and c go */
}

int goto_out(int k) {
  int r = 0;
  {
    struct node *own a = chain(4);
    r = a->v;
    if (k)
      goto out;                   /* a goes */
    r = -1;
  }
out:
  return r;
}

int goto_back(int k) {
  int n = 0;
again:
  ;
  struct node *own a = chain(2); /* a goto back to 'again' deletes the old a */
  n++;
  if (n < k)
    goto again;
  return n + a->v;
}

int param_dies(struct node *own p, int keep) {
  if (keep)
    return p->v;                  /* p goes */
  delete(p);                      /* p is emptied: nothing more goes */
  return 0;
}

struct node *own param_moves(struct node *own p) { return p; }

int in_switch(int k) {
  int r = 0;
  switch (k) {
  case 1: {
    struct node *own a = chain(3);
    r = a->v;
    break;                        /* a goes */
  }
  default:
    r = 7;
  }
  return r;
}

int main(void) {
  int h0 = heap_objects();
  printf("block end: %d, heap %+d\n", block_end(), heap_objects() - h0);
  printf("loop: %d, heap %+d\n", loop_exits(10), heap_objects() - h0);
  printf("early return: %d, heap %+d\n", early_return(5), heap_objects() - h0);
  printf("late return: %d, heap %+d\n", early_return(3), heap_objects() - h0);
  printf("goto out: %d, heap %+d\n", goto_out(1), heap_objects() - h0);
  printf("no goto: %d, heap %+d\n", goto_out(0), heap_objects() - h0);
  printf("goto back: %d, heap %+d\n", goto_back(5), heap_objects() - h0);
  printf("param kept: %d, heap %+d\n", param_dies(chain(3), 1), heap_objects() - h0);
  printf("param deleted: %d, heap %+d\n", param_dies(chain(3), 0), heap_objects() - h0);
  struct node *own q = param_moves(chain(2));
  printf("param moved out: %d, heap %+d\n", q->v, heap_objects() - h0);
  printf("switch: %d %d, heap %+d\n", in_switch(1), in_switch(2), heap_objects() - h0);
  for (int i = 0; i < 3; i++) {
    struct node *own r = chain(1);
    q->next = r;                  /* the old q->next is deleted by the store */
  }
  printf("stored: heap %+d\n", heap_objects() - h0);
  delete(q);
  printf("end: heap %+d\n", heap_objects() - h0);
  return 0;
}

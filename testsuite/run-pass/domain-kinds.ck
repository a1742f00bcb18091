/* LANGUAGE.md §13.3: every kind of runtime error inside a domain is a
 * failure of the domain -- those of compiled checks and those the runtime
 * raises from inside its own functions (whose C frames the recovery
 * abandons) -- and after each one the domain works again and the heap
 * holds what a fresh domain holds. */
#include <cuckoo.ckh>

struct box {
  int (*cells)[];
  struct box *next;
};

struct box *box_setup(void) {
  struct box *b = new(struct box);
  b->cells = new(int[4]);
  return b;
}

int copy_too_much(char (*s)[]) {
  memcpy_array(*s, "toolong", 8);                     /* bounds, inside the runtime */
  return 0;
}

int fail(struct box *b, int how) {
  char small[4];
  int zero = how - how;
  struct box *none = b->next;     /* NULL */
  (*b->cells)[0] = how;
  switch (how) {
  case 0: return (*b->cells)[how + 4];               /* bounds */
  case 1: return none->next != NULL;                 /* null */
  case 2: return how / zero;                         /* divide */
  case 3: write_bytes(1, small, 100); return 0;      /* bounds, inside the runtime */
  case 4: { int (*big)[] = new(int[how - 5]); return lengthof(big); }   /* memory */
  case 5: { struct box *x = new(struct box); struct box *y = x; delete(x); delete(y);
            return 0; }                              /* delete */
  case 6: assert(how == 7); return 0;                /* assert */
  case 7: { char (*s)[] = new(char[2]); return snprintf(small, "%s", *s) + copy_too_much(s); }
  default: return (*b->cells)[0];
  }
}

int main(void) {
  domain_t *d = domain_new(box_setup);
  int fresh = heap_objects();
  for (int how = 0; how < 8; how++) {
    int r = domain_call(d, fail, how);
    int ok = domain_call(d, fail, 100);
    printf("%d: %d, then %d, heap %+d\n", how, r, ok, heap_objects() - fresh);
  }
  return 0;
}

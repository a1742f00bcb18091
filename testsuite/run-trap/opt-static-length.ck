/* opt-static-length.ck -- a pointer to an array inside a global struct,
 * indexed by a constant out of range once the passes know what the
 * pointer holds (the variable's first value is dead, so propagation
 * makes the pointer the symbol's address and the index part of the
 * displacement).  The check must stay and trap where -O0's does, and the
 * access after it must not become a relocation outside the object, which
 * the linker refuses (opt/constant.c decides the check from the global's
 * type).  In range, through the same kind of pointer, it reads. */
#include <cuckoo.ckh>

struct B { int lo; int a[5]; int hi; };
struct B gb = {1, {10, 11, 12, 13, 14}, 2};
struct N { int x; struct B in[2]; } gn;
static int id(int v) { return v; }

int main(void) {
  int (*q)[] = &gn.in[1].a;
  q[id(4)] = 40;
  printf("%d %d\n", q[id(4)], (int)lengthof(q));
  int (*p)[] = &gb.a;
  printf("%d\n", p[id(4)]);
  printf("%d\n", p[id(7)]);
  return 0;
}

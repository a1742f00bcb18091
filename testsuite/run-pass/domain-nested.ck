/* LANGUAGE.md §13.3 with domains inside domains: a failure inside the
 * inner domain B is B's alone (A's call goes on, A's objects stay); a
 * domain_call into a domain already running on the thread is a runtime
 * error `own` of the calling domain; a stack overflow and a negative
 * result are failures of the domain too; a domain_new whose setup fails
 * inside A is a failure of A; the objects each domain makes while it runs
 * are its own. */
#include <cuckoo.ckh>

struct a_state { int calls; };
struct b_state { int (*buf)[]; };

domain_t *outer;
domain_t *inner;

struct a_state *a_setup(void) { return new(struct a_state); }

struct b_state *b_setup(void) {
  struct b_state *b = new(struct b_state);
  b->buf = new(int[4]);
  return b;
}

int b_work(struct b_state *b, int k) {
  int (*tmp)[] = new(int[2]);
  (*tmp)[1] = k;
  return (*b->buf)[k] + k;        /* k >= 4 traps bounds inside B */
}

int b_recurse(struct b_state *b, int n) {
  int local[64];
  local[n & 63] = n;
  return b_recurse(b, n + 1) + local[0];
}

int b_negative(struct b_state *b, int n) {
  (void)b;
  return -n;
}

int a_work(struct a_state *a, int k) {
  a->calls++;
  int (*mine)[] = new(int[1]);    /* A's */
  (*mine)[0] = k;
  int r = domain_call(inner, b_work, k);
  return 1000 * a->calls + (r < 0 ? 500 : r);
}

struct b_state *broken_setup(void) {
  struct b_state *b = new(struct b_state);
  b->buf = new(int[1]);
  (*b->buf)[1] = 1;               /* traps: a failure of setup, so of A */
  return b;
}

int a_make_broken(struct a_state *a, int k) {
  a->calls++;
  domain_t *d = domain_new(broken_setup);
  return domain_call(d, b_work, k);
}

int a_reenter(struct a_state *a, int k) {
  a->calls++;
  return domain_call(outer, a_work, k);
}

int main(void) {
  outer = domain_new(a_setup);
  inner = domain_new(b_setup);
  printf("A then B: %d\n", domain_call(outer, a_work, 2));
  int a_objects = domain_objects(outer), b_objects = domain_objects(inner);
  printf("A then failing B: %d\n", domain_call(outer, a_work, 9));
  printf("A kept its objects: %d, B rebuilt: %d\n", domain_objects(outer) - a_objects,
         domain_objects(inner) - b_objects);
  printf("A into itself: %d\n", domain_call(outer, a_reenter, 1));
  printf("A making a domain whose setup fails: %d\n", domain_call(outer, a_make_broken, 1));
  printf("A after: %d\n", domain_call(outer, a_work, 3));
  printf("stack overflow in B: %d\n", domain_call(inner, b_recurse, 0));
  printf("negative result: %d\n", domain_call(inner, b_negative, 5));
  printf("zero result: %d\n", domain_call(inner, b_negative, 0));
  printf("B after: %d\n", domain_call(inner, b_work, 1));
  return 0;
}

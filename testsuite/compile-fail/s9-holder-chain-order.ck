/* §9: whether a local holds a stack address does not depend on the order
 * of the stores: copies through a cycle, a struct member and an
 * initializer written before the store of the address all count. */
struct Box {
  int *p;
};

int *g;

int main(void) {
  int x;
  int *a;
  int *b;
  struct Box box = {a};
  int *c = box.p;
  a = b;
  b = a;
  b = (0, &x);
  g = c;
  return 0;
}

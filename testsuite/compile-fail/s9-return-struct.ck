/* §9: returning a struct that holds a pointer to the stack. */
struct pair {
  int *a, *b;
};

struct pair make(void) {
  int x = 1, y = 2;
  struct pair p = {&x, &y};
  return p;
}

int main(void) {
  struct pair p = make();
  return *p.a;
}

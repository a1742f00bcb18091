/* §9: a compound literal is an automatic object of the enclosing function. */
struct point {
  int x, y;
};

struct point *origin;

void init(void) {
  origin = &(struct point){0, 0};
}

int main(void) {
  init();
  return 0;
}

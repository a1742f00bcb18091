/* §9: a struct value that holds a stack-bound pointer is itself
 * stack-bound. */
struct view {
  int len;
  int *first;
};

struct view saved;

void snapshot(void) {
  int data = 9;
  struct view v;
  v.len = 1;
  v.first = &data;
  saved = v;
}

int main(void) {
  snapshot();
  return 0;
}

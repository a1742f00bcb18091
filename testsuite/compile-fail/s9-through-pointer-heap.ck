/* §9: the heap outlives every frame. */
int main(void) {
  int (*slots)[] = new(int[4]);
  int *(*refs)[] = new(int *[4]);
  int x = 3;
  (*slots)[0] = x;
  (*refs)[0] = &x;
  return 0;
}

/* §9: a pointer parameter not declared global may point into the caller's
 * stack, so it cannot be returned. */
int *larger(int *a, int *b) {
  return *a >= *b ? a : b;
}

int main(void) {
  int x = 1, y = 2;
  return *larger(&x, &y);
}

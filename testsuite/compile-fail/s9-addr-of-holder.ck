/* §9: a local that may hold a stack address must never be reached through
 * a pointer: set_ptr could read *pp and store it anywhere. */
void set_ptr(int **pp) {
  **pp = 1;
}

int main(void) {
  int x = 0;
  int *p = &x;
  set_ptr(&p);
  return x;
}

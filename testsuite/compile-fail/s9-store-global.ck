/* §9: a pointer to a local cannot be stored in a global variable. */
int *last;

void remember(void) {
  int x = 42;
  last = &x;
}

int main(void) {
  remember();
  return 0;
}

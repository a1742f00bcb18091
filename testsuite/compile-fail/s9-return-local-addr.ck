/* §9: returning the address of a local leaves it dangling. */
int *counter(void) {
  int n = 0;
  return &n;
}

int main(void) {
  int *p = counter();
  return *p;
}

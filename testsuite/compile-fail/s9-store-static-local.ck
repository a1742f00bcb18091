/* §9: a static local outlives the frame just like a global does. */
int *cache(int v) {
  static int *saved;
  int copy = v;
  saved = &copy;
  return NULL;
}

int main(void) {
  cache(1);
  return 0;
}

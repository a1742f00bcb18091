/* §10: a frame plus the frames of the static callees its stack check covers
 * (§11) larger than 2^31 - 1 bytes is an error: the sum must not wrap into
 * a small check. */
static int g(void) {
  char a[2000000000];
  a[3] = 1;
  return a[3];
}

static int h(void) {
  char a[1000000000];
  a[3] = 1;
  return a[3] + g();
}

int f(void) { return h(); }

int main(void) { return f(); }

/* §10: a function whose frame is larger than 2^31 - 1 bytes is an error,
 * even when each object in it is smaller: the layout must not wrap (it
 * gave offsets that overlapped the caller's frames). */
int f(void) {
  char a[2000000000];
  char b[2000000000];
  a[1] = 1;
  b[1] = 2;
  return a[1] + b[1];
}

int main(void) { return f(); }

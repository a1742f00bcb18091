/* §9: stack-boundness is inferred over the whole function: q may hold
 * what p holds, whatever the order of the statements. */
int *out;

void f(int flag) {
  int x = 0;
  int *p = NULL;
  int *q = NULL;
  for (int i = 0; i < 2; i++) {
    if (i == 1)
      out = q;
    q = p;
    if (flag)
      p = &x;
  }
}

int main(void) {
  f(1);
  return 0;
}

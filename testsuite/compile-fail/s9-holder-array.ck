/* §9: a local array that may hold stack addresses cannot be passed by
 * address. */
int sum(int *v[]) {
  int s = 0;
  for (unsigned i = 0; i < lengthof(v); i++)
    if (v[i])
      s += *v[i];
  return s;
}

int main(void) {
  int a = 1, b = 2;
  int *ptrs[2];
  ptrs[0] = &a;
  ptrs[1] = &b;
  return sum(ptrs);
}

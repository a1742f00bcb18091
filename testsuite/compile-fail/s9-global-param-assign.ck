/* §9: a global parameter is never stack-bound, so nothing stack-bound may
 * be assigned to it. */
int *kept;

void keep(int *global p) {
  int fallback = 0;
  if (!p)
    p = &fallback;
  kept = p;
}

int main(void) {
  keep(NULL);
  return 0;
}

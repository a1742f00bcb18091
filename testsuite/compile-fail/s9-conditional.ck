/* §9: c ? a : b is stack-bound if either arm is. */
int fallback_value = 0;
int *current;

void choose(int use_local) {
  int local = 1;
  current = use_local ? &local : &fallback_value;
}

int main(void) {
  choose(0);
  return 0;
}

/* §9: the address of an element of a parameter's array is as stack-bound as
 * the parameter itself. */
int *first_slot;

void track(int v[]) {
  first_slot = &v[0];
}

int main(void) {
  int data[3] = {1, 2, 3};
  track(data);
  return 0;
}

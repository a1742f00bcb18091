/* §9: the address of an element of a local array that holds stack
 * addresses is rejected, as for the whole array. */
void clear(int **slot) {
  *slot = NULL;
}

int main(void) {
  int a = 1, b = 2;
  int *pair[2] = {&a, &b};
  clear(&pair[1]);
  return *pair[0];
}

/* §9: a parameter declared global only accepts pointers that are not
 * stack-bound. */
int *registry;

void enroll(int *global p) {
  registry = p;
}

int main(void) {
  int id = 5;
  enroll(new(int));
  enroll(&id);
  return 0;
}

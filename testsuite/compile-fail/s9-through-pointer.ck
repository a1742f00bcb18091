/* §9: an object reached through a pointer (here the caller's) may outlive
 * the frame, so a stack address cannot be stored in it. */
struct box {
  int *item;
};

void fill(struct box *b) {
  int local = 7;
  b->item = &local;
}

int main(void) {
  struct box b;
  fill(&b);
  return 0;
}

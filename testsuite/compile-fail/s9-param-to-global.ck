/* §9: storing a non-global pointer parameter in a global. */
struct node {
  int value;
  struct node *next;
};

struct node *head;

void push(struct node *n) {
  n->next = head;
  head = n;
}

int main(void) {
  push(new(struct node));
  return 0;
}

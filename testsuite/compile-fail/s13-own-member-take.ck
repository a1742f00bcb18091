/* §13.1: an owned member, element or global is not moved by reading it:
 * take() moves it and leaves NULL behind. */
#include <cuckoo.ckh>
struct node { int v; struct node *own next; };
struct node *own head;
struct node *own slots[4];
void give(struct node *own n) { delete(n); }
int main(void) {
    struct node *own n = new(struct node);
    n->next = new(struct node);
    struct node *own m = n->next;
    give(n->next);
    give(head);
    struct node *own e = slots[1];
    struct node *own ok = take(n->next);
    give(take(head));
    give(take(slots[2]));
    struct node *plain = n->next;
    int x = take(n->v);
    give(ok);
    give(n);
    return x;
}

/* §13.1: a lent pointer is a plain pointer: it never becomes owned again
 * (it cannot be moved on, nor stored into an owned variable or member). */
#include <cuckoo.ckh>
struct node { int v; struct node *own next; };
struct node *own kept;
void give(struct node *own n) { delete(n); }
void look(struct node *n) {
    struct node *own m = n;
    give(n);
    kept = n;
    n->next = n;
}
int main(void) {
    struct node *own n = new(struct node);
    look(n);
    give(n);
    return 0;
}

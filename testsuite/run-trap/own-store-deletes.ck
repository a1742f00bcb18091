/* §13.1: storing into an owned member that holds an object deletes the
 * object first (recursively): a lent pointer to the old one then names
 * no live object, and deleting it traps. */
#include <cuckoo.ckh>
struct node {
    int v;
    struct node *own next;
};
void replace(struct node *n, struct node *old) {
    n->next = new(struct node);
    printf("replaced\n");
    delete(old);
    printf("not reached\n");
}
int main(void) {
    struct node *own n = new(struct node);
    n->next = new(struct node);
    replace(n, n->next);
    delete(n);
    return 0;
}

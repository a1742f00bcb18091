/* §13.1: deleting an object deletes what its owned members point to: the
 * second node is gone once the head is, so deleting it again traps. */
#include <cuckoo.ckh>
struct node {
    int v;
    struct node *own next;
};
struct node *own head;
void drop_head_then(struct node *second) {
    delete(head);
    printf("head deleted\n");
    delete(second);                 /* already deleted with the head */
    printf("not reached\n");
}
int main(void) {
    head = new(struct node);
    head->next = new(struct node);
    head->next->next = new(struct node);
    drop_head_then(head->next);
    return 0;
}

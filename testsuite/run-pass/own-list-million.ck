/* §13.1: deleting the head of a long owned list deletes every node, and
 * the runtime does it without recursion: a million nodes, deleted on a
 * spawned thread's 1 MiB stack, three times over (the memory is reused). */
#include <cuckoo.ckh>

struct node {
    int v;
    struct node *own next;
};


int build_and_delete(int n) {
    struct node *own head = NULL;
    for (int i = 0; i < n; i++) {
        struct node *own x = new(struct node);
        x->v = i;
        x->next = take(head);       /* head is a local: take leaves NULL */
        head = x;
    }
    int first = head->v;
    delete(head);                   /* a million nodes, one call */
    return first == n - 1;
}

int main(void) {
    for (int round = 0; round < 3; round++) {
        thread_t t = spawn build_and_delete(1000000);
        printf("round %d: %d\n", round, join(t));
    }
    return 0;
}

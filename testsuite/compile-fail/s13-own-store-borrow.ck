/* §13.1, §9: the callee sees a lent pointer as stack-bound, so it cannot
 * keep it: not in a global, not in the heap, not as its result. */
#include <cuckoo.ckh>
struct node { int v; struct node *next; };
struct node *saved;
void keep_global(struct node *n) { saved = n; }
void keep_heap(struct node *n, struct node *global h) { h->next = n; }
struct node *keep_result(struct node *n) { return n; }
int main(void) {
    struct node *own n = new(struct node);
    keep_global(n);
    keep_heap(n, new(struct node));
    keep_result(n);
    delete(n);
    return 0;
}

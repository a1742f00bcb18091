/* §13.1: a loan lasts for the whole call, so no other argument of that
 * call may move the lent variable (the callee would delete what it was
 * lent); an object is not moved into a place reached through itself. */
#include <cuckoo.ckh>
struct n { int v; struct n *own next; };
void both(struct n *lent, struct n *own given) { delete(given); lent->v = 1; }
struct n *own pass(struct n *own p) { return p; }
int main(void) {
    struct n *own p = new(struct n);
    both(p, p);
    struct n *own q = new(struct n);
    q->next = new(struct n);
    both(q->next, q);
    struct n *own r = new(struct n);
    r->next = r;
    struct n *own s = new(struct n);
    both(s, pass(s));
    struct n *own t = new(struct n);
    both(t, new(struct n));         /* fine: lent, and another object given */
    delete(t);
    return 0;
}

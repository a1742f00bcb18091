/* §13.1: a const owned variable keeps its object: it cannot be moved
 * (a move sets it to NULL), taken or deleted. */
#include <cuckoo.ckh>
struct n { int v; };
void give(struct n *own p) { delete(p); }
int main(void) {
    struct n *own const p = new(struct n);
    give(p);
    struct n *own const q = new(struct n);
    struct n *s = share(q);
    struct n *own const r = new(struct n);
    delete(r);
    struct n *own const t = new(struct n);
    struct n *own u = take(t);
    delete(u);
    return s->v;
}

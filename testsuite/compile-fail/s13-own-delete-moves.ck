/* §13.1: delete(p) moves p (and delete(c ? p : q) both); share(p) moves
 * p; return p moves p. */
#include <cuckoo.ckh>
struct pkt { int len; };
struct pkt *own pass(struct pkt *own p) {
    return p;
}
int either(int c) {
    struct pkt *own a = new(struct pkt);
    struct pkt *own b = new(struct pkt);
    delete(c ? a : b);
    return a->len;
}
int main(void) {
    struct pkt *own p = new(struct pkt);
    delete(p);
    p->len = 1;
    struct pkt *own q = new(struct pkt);
    struct pkt *s = share(q);
    delete(q);
    struct pkt *own r = pass(new(struct pkt));
    struct pkt *own t = pass(r);
    r = pass(r);
    return s->len + t->len;
}

/* §13.1: an owned variable moves only where its value goes somewhere (=,
 * an initializer, an own argument, return, spawn, chan_send, share):
 * comparing it, testing it, choosing it with ?: for a comparison or a
 * loan, and lending it leave it in place; a move leaves NULL behind. */
#include <cuckoo.ckh>
struct pkt {
    int len;
};
int peek(struct pkt *p) { return p ? p->len : -1; }
struct pkt *own pass(struct pkt *own p) { return p; }
int main(int argc, string *argv[]) {
    struct pkt *own p = new(struct pkt);
    struct pkt *own q = new(struct pkt);
    p->len = 1;
    q->len = 2;
    if ((argc > 0 ? p : q) != NULL && p && !(q == NULL))
        printf("both still here: %d %d\n", p->len, q->len);
    printf("lent: %d %d\n", peek(argc > 0 ? p : q), peek(q));
    printf("after the loans: %d %d\n", p->len, q->len);
    struct pkt *own r = argc > 0 ? pass(p) : NULL;    /* moves p on one path */
    printf("moved: r %d, q %d\n", r->len, q->len);
    struct pkt *own s = argc > 0 ? q : NULL;          /* moves q (one path, then NULL) */
    printf("s %d\n", peek(s));
    delete(r);
    delete(s);
    return lengthof(argv) > 0 ? 0 : 1;
}

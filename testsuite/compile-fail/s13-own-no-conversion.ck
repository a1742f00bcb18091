/* §13.1: only new's result becomes owned; a plain pointer, the address
 * of a variable or of a static object never does, by conversion or by
 * cast, and an owned pointer becomes plain only through share(p) or a
 * loan to a call. */
#include <cuckoo.ckh>
struct pkt { int len; };
struct pkt gpkt;
void give(struct pkt *own p) { delete(p); }
int main(void) {
    struct pkt local;
    struct pkt *plain = new(struct pkt);
    struct pkt *own a = plain;
    struct pkt *own b = &local;
    struct pkt *own c = &gpkt;
    give(plain);
    struct pkt *own d = (struct pkt *own) plain;
    struct pkt *own e = new(struct pkt);
    struct pkt *f = e;
    struct pkt *g = (struct pkt *) e;
    struct pkt *h = share(e);
    int (*own fp)(void);
    return a != NULL && b != NULL && c != NULL && d != NULL && f != NULL && g != NULL && h != NULL;
}

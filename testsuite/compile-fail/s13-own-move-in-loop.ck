/* §13.1: a move inside a loop is a use after move on the loop's next
 * trip, through while, for, do and continue. */
#include <cuckoo.ckh>
struct pkt { int len; };
void keep(struct pkt *own p) { delete(p); }
int main(void) {
    struct pkt *own p = new(struct pkt);
    for (int i = 0; i < 3; i++)
        keep(p);
    struct pkt *own q = new(struct pkt);
    int n = 0;
    while (n++ < 3) {
        if (n == 2)
            continue;
        struct pkt *own t = q;
        delete(t);
    }
    struct pkt *own ok = NULL;
    for (int i = 0; i < 3; i++) {
        ok = new(struct pkt);      /* assigned again on every trip: fine */
        keep(ok);
    }
    struct pkt *own d = new(struct pkt);
    do {
        delete(d);
    } while (n-- > 0);
    return 0;
}

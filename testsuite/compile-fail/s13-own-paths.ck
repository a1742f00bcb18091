/* §13.1: moves are followed through goto, switch, &&, || and ?:. */
#include <cuckoo.ckh>
struct pkt { int len; };
int give(struct pkt *own p) { delete(p); return 1; }
int main(int argc, string *argv[]) {
    struct pkt *own a = new(struct pkt);
    if (argc == 3)
        goto out;
    give(a);
out:
    a->len = 1;
    struct pkt *own b = new(struct pkt);
    switch (argc) {
    case 1:
        give(b);
        break;
    case 2:
        b = new(struct pkt);
        /* fall through */
    default:
        break;
    }
    b->len = 2;
    struct pkt *own c = new(struct pkt);
    if (argc > 5 && give(c))
        argc = 0;
    c->len = 3;
    struct pkt *own d = new(struct pkt);
    int k = argc > 5 ? give(d) : 0;
    d->len = k;
    struct pkt *own e = new(struct pkt);
    struct pkt *own f = argc > 5 ? e : NULL;
    e->len = 4;
    struct pkt *own g = new(struct pkt);
    if (argc < 0) {
        give(g);
        exit(1);               /* does not return: no path to the use below */
    }
    g->len = 5;
    give(f);
    return lengthof(argv);
}

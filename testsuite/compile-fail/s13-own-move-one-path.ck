/* §13.1: a move on one path of an if makes every later use an error;
 * assigning the variable again ends the move. */
#include <cuckoo.ckh>
struct pkt { int len; };
void keep(struct pkt *own p) { delete(p); }
int main(int argc, string *argv[]) {
    struct pkt *own p = new(struct pkt);
    if (argc > 1)
        keep(p);
    p->len = 1;
    struct pkt *own q = new(struct pkt);
    if (argc > 2)
        keep(q);
    else
        q = new(struct pkt);
    q->len = 2;
    struct pkt *own r = new(struct pkt);
    keep(r);
    r = new(struct pkt);
    r->len = 3;
    return lengthof(argv) > 0 && p != NULL;
}

/* Mutation input: owned pointers (LANGUAGE.md §13): a channel whose
   chan_recv may yield NULL, an owned list in a global, an owned member
   stored into (deleting what it held) and taken. */
#include <cuckoo.ckh>

struct pkt {
    int len;
    struct pkt *own next;
};

struct pkt *own keep;

int recv_len(chan_t *c)
{
    struct pkt *own p = chan_recv(c, struct pkt);
    int n = p->len;
    delete(p);
    return n;
}

void stash(struct pkt *own p)
{
    p->next = take(keep);
    keep = p;
}

int first_len(struct pkt *p) { return p->next->len + p->len; }

int main(int argc, string *argv[])
{
    chan_t *c = chan_new(2);
    struct pkt *own p = new(struct pkt);
    p->len = argc;
    chan_send(c, p);
    int n = recv_len(c);
    stash(new(struct pkt));
    stash(new(struct pkt));
    return n + first_len(keep) + (int)lengthof(argv);
}

/* The worked example of the manual (doc/cuckoo.texi, "Protection
 * Domains"), kept identical to it: a packet filter in a domain, packets
 * moved into it, a malformed one trapping. */
#include <cuckoo.ckh>

struct packet {
    int len;
    int (*own bytes)[];
};

struct filter {
    int seen;
    int (*hits)[];              /* per first byte, 0..15 */
};

struct filter *own filter_setup(void) {
    struct filter *own f = new(struct filter);
    f->hits = new(int[16]);
    return f;
}

/* p moves into the domain: deleted when this call ends (p's scope),
   or with the rest of the domain when the call fails */
int filter_packet(struct filter *f, struct packet *own p) {
    int first = (*p->bytes)[0];
    f->seen++;
    (*f->hits)[first]++;        /* traps bounds when first >= 16 */
    return f->seen;
}

struct packet *own packet(int first, int len) {
    struct packet *own p = new(struct packet);
    p->len = len;
    p->bytes = new(int[len]);
    (*p->bytes)[0] = first;
    return p;
}

int main(void) {
    domain_t *d = domain_new(filter_setup);
    int built = heap_objects();
    printf("%d\n", domain_call(d, filter_packet, packet(3, 64)));    /* 1 */
    printf("%d\n", domain_call(d, filter_packet, packet(200, 64)));  /* -1: DOMAIN_FAILED */
    printf("%d\n", heap_objects() - built);      /* 0: nothing lost or left */
    printf("%d\n", domain_call(d, filter_packet, packet(3, 64)));    /* 1: rebuilt */
    domain_revoke(d);
    printf("%d\n", domain_call(d, filter_packet, packet(3, 64)));    /* -2: DOMAIN_REVOKED */
    printf("%d\n", heap_objects() - built);      /* -2: the state, its table */
    return 0;
}

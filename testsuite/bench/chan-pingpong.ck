/* chan-pingpong.ck -- the cost of a channel transfer (LANGUAGE.md §13.2).
 *
 * Two threads bounce one packet through a pair of channels.  "move": the
 * owned packet itself goes back and forth (zero copy).  "copy": at every
 * hop the receiver makes a fresh packet, copies the 1500 bytes in and
 * deletes the one it got, as a channel of values would.  Prints the time
 * per one-way transfer of each, in nanoseconds (a median of 5 runs); then
 * the same for a stream of packets through a channel of capacity 64,
 * where a transfer seldom has to wake the other thread.
 * Not part of `make check`; run it by hand (doc/bench.md):
 *     cuckoo-cc -O2 chan-pingpong.ck -o pingpong && ./pingpong [HOPS] */
#include <cuckoo.ckh>

struct packet {
    int seq;
    unsigned char data[1500];
};

int echo(chan_t *in, chan_t *out, int copy) {
    int n = 0;
    for (;;) {
        struct packet *own p = chan_recv(in, struct packet);
        if (p == NULL)
            break;
        if (copy) {
            struct packet *own q = new(struct packet);
            *q = *p;
            q->seq++;
            delete(p);
            chan_send(out, q);
        } else {
            p->seq++;
            chan_send(out, p);
        }
        n++;
    }
    chan_close(out);
    return n;
}

/* nanoseconds per one-way transfer over HOPS round trips */
long long run(int hops, int copy) {
    chan_t *ab = chan_new(1);
    chan_t *ba = chan_new(1);
    thread_t t = spawn echo(ab, ba, copy);
    struct packet *own p = new(struct packet);
    for (int i = 0; i < 1500; i++)
        p->data[i] = (unsigned char)i;
    long long start = clock_ns();
    for (int i = 0; i < hops; i++) {
        if (copy) {
            struct packet *own q = new(struct packet);
            *q = *p;
            delete(p);
            chan_send(ab, q);
        } else {
            chan_send(ab, p);
        }
        p = chan_recv(ba, struct packet);
    }
    long long ns = clock_ns() - start;
    chan_close(ab);
    join(t);
    if (p->seq != 2 * hops - hops || p->data[1499] != (unsigned char)1499)
        printf("wrong packet: seq %d\n", p->seq);
    delete(p);
    return ns / (2LL * hops);
}

/* stream: one thread sends N packets through a channel of capacity 64,
 * the other takes them (copying each into a fresh packet when COPY);
 * nanoseconds per packet.  Transfers rarely wake a thread here. */
int drain(chan_t *in, int copy) {
    int n = 0;
    for (;;) {
        struct packet *own p = chan_recv(in, struct packet);
        if (p == NULL)
            break;
        if (copy) {
            struct packet *own q = new(struct packet);
            *q = *p;
            n += q->data[1499] == (unsigned char)1499;
            delete(q);
        } else {
            n += p->data[1499] == (unsigned char)1499;
        }
        delete(p);
    }
    return n;
}

long long stream(int n, int copy) {
    chan_t *c = chan_new(64);
    thread_t t = spawn drain(c, copy);
    long long start = clock_ns();
    for (int i = 0; i < n; i++) {
        struct packet *own p = new(struct packet);
        p->seq = i;
        p->data[1499] = (unsigned char)1499;
        chan_send(c, p);
    }
    chan_close(c);
    int got = join(t);
    long long ns = clock_ns() - start;
    if (got != n)
        printf("lost packets: %d of %d\n", got, n);
    return ns / n;
}

long long median5(int hops, int copy) {
    long long v[5];
    for (int i = 0; i < 5; i++)
        v[i] = copy >= 2 ? stream(hops * 10, copy - 2) : run(hops, copy);
    for (int i = 1; i < 5; i++)
        for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
            long long t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    return v[2];
}

int main(int argc, string *argv[]) {
    int hops = argc > 1 ? atoi(*argv[1]) : 20000;
    if (hops < 1)
        hops = 1;
    long long move = median5(hops, 0);
    long long copy = median5(hops, 1);
    printf("chan ping-pong, %d round trips: move %lld ns/transfer, copy of 1500 bytes %lld ns/transfer\n",
           hops, move, copy);
    long long smove = median5(hops, 2);
    long long scopy = median5(hops, 3);
    printf("chan stream, %d packets: move %lld ns/packet, copy of 1500 bytes %lld ns/packet\n",
           hops * 10, smove, scopy);
    return 0;
}

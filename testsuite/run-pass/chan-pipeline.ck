/* §13.2: a pipeline of three threads passing owned packet buffers through
 * bounded channels.  Only the pointer travels: each stage owns the packet
 * while it works on it, and no lock guards the packet's contents.  The
 * last stage hands the payload on as an owned byte array. */
#include <cuckoo.ckh>

#define NPACKETS 2000

struct packet {
    int seq;
    int len;
    unsigned sum;
    unsigned char data[1500];
};

/* stage 1: makes the packets */
int produce(chan_t *out, int n) {
    for (int i = 0; i < n; i++) {
        struct packet *own p = new(struct packet);
        p->seq = i;
        p->len = 64 + i % 1400;
        for (int k = 0; k < p->len; k++)
            p->data[k] = (unsigned char)(i + k);
        chan_send(out, p);          /* p is the channel's now */
    }
    chan_close(out);
    return n;
}

/* stage 2: checks and scrambles each packet, then sends its payload on
 * as an array of exactly its length */
int filter(chan_t *in, chan_t *out) {
    int n = 0;
    for (;;) {
        struct packet *own p = chan_recv(in, struct packet);
        if (p == NULL)
            break;                  /* closed and drained */
        unsigned char (*own payload)[] = new(unsigned char[p->len]);
        unsigned sum = 0;
        for (int k = 0; k < p->len; k++) {
            sum += p->data[k];
            payload[k] = p->data[k] ^ 0x5a;
        }
        if (p->seq != n)
            printf("out of order: %d after %d\n", p->seq, n - 1);
        delete(p);
        chan_send(out, payload);
        n++;
    }
    chan_close(out);
    return n;
}

int main(void) {
    chan_t *raw = chan_new(8);
    chan_t *payloads = chan_new(3);
    thread_t t1 = spawn produce(raw, NPACKETS);
    thread_t t2 = spawn filter(raw, payloads);
    int got = 0;
    long long bytes = 0;
    unsigned bad = 0;
    for (;;) {
        unsigned char (*own b)[] = chan_recv(payloads, unsigned char[]);
        if (b == NULL)
            break;
        unsigned len = lengthof(b);
        if (len != (unsigned)(64 + got % 1400))
            bad++;
        for (unsigned k = 0; k < len; k++)
            if ((b[k] ^ 0x5a) != (unsigned char)(got + (int)k))
                bad++;
        bytes += len;
        got++;
        delete(b);
    }
    printf("produced %d, filtered %d, received %d, %lld bytes, %u bad\n", join(t1), join(t2),
           got, bytes, bad);
    return 0;
}

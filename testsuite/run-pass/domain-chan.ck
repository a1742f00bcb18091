/* An owned packet sent on a channel from inside a protection domain is no
   longer the domain's, and neither is what it owns: when the domain fails
   later, the receiver still holds the packet, whole (§13.2, §13.3). */
#include <cuckoo.ckh>

struct packet { int len; int (*own data)[]; };
struct st { int sent; };

chan_t *out;

struct st *own make(void) { return new(struct st); }

int produce(struct st *s, int n)
{
    struct packet *own p = new(struct packet);
    p->len = n;
    p->data = new(int[n]);
    for (int i = 0; i < n; i++)
        p->data[i] = i * i;
    chan_send(out, p);
    s->sent++;
    return s->sent;
}

int fail(struct st *s, int at)
{
    int a[2];
    a[at] = s->sent;
    return a[0];
}

int main(void)
{
    out = chan_new(4);
    int before = heap_objects();
    domain_t *d = domain_new(make);
    printf("%d\n", domain_call(d, produce, 100));
    printf("%d\n", domain_objects(d));
    printf("%d\n", domain_call(d, fail, 5));
    struct packet *own p = chan_recv(out, struct packet);
    int sum = 0;
    for (int i = 0; i < p->len; i++)
        sum += p->data[i];
    printf("%d %d %d\n", p->len, sum, heap_objects() - before);
    delete(p);
    domain_revoke(d);
    printf("%d\n", heap_objects() - before);
    return 0;
}

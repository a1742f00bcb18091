/* §13.2: chan_recv(c, T) checks that the object received is a T. */
#include <cuckoo.ckh>
struct a { int x; };
struct b { int x; };
int main(void) {
    chan_t *c = chan_new(2);
    chan_send(c, new(struct a));
    struct b *own ok = NULL;
    printf("sent\n");
    ok = chan_recv(c, struct b);
    printf("not reached %d\n", ok->x);
    return 0;
}

/* §13.2: chan_send moves the pointer into the channel. */
#include <cuckoo.ckh>
struct buf { char data[64]; };
int main(void) {
    chan_t *c = chan_new(4);
    struct buf *own b = new(struct buf);
    chan_send(c, b);
    b->data[0] = 'x';
    chan_send(c, b);
    struct buf *own r = chan_recv(c, struct buf);
    r->data[1] = 'y';
    return 0;
}

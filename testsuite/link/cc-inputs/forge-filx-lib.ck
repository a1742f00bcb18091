
struct filx { int lock; int fd; int writing; int mode; unsigned pos; unsigned len; int eof; int pad[4]; };

struct filx *forged(void)
{
    struct filx *f = new(struct filx);
    f->fd = 1;
    f->writing = 1;
    f->mode = 3;
    f->len = 0u - 64u;
    return f;
}

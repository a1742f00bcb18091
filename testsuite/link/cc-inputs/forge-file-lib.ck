/* forge-file-*.ck: a unit that does not include cuckoo.ckh defines the
 * runtime's reserved tag `file' with a length word of its choosing; the
 * unit that includes the header only sees the incomplete FILE, which
 * agrees with it, and hands the forged object to fprintf.  The compiler
 * refuses this definition; cc-reserved-tag.sh renames a legal tag to
 * `file' in the assembly to check that the linker refuses it too. */
struct file { int lock; int fd; int writing; int mode; unsigned pos; unsigned len; int eof; int pad[4]; };

struct file *forged(void)
{
    struct file *f = new(struct file);
    f->fd = 1;
    f->writing = 1;
    f->mode = 3;
    f->len = 0u - 64u;
    return f;
}

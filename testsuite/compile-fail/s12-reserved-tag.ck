/* §12: the runtime's struct tags are reserved even where cuckoo.ckh is not
 * included: a unit that defined struct file could hand its own object to
 * fprintf as a FILE *.  Every scope, struct or union. */
struct file { int fd; unsigned len; };
union mutex { int a; };
struct __cuckoo_type { int size; };
struct chan;
struct list { int v; };

int f(void)
{
    struct cond { int x; } c;
    struct thread { int y; } t;
    return c.x + t.y;
}

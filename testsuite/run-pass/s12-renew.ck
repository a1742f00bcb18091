/* §12.1: renew(p, n) grows or shrinks a heap array: the first
 * min(lengthof(p), n) elements copied (pointers and nested length words
 * included), the rest zero, the old array deleted, p and the result the
 * new array; renew of NULL allocates. */
#include <cuckoo.ckh>
struct P { int *q; int v[2]; };
int main(void) {
    int (*a)[] = NULL;
    renew(a, 3);
    a[2] = 7;
    printf("%u %d\n", lengthof(a), a[2]);
    renew(a, 5);
    a[4] = 9;
    printf("%u %d %d %d\n", lengthof(a), a[2], a[3], a[4]);
    int (*b)[] = renew(a, 2);
    printf("%u %u %d\n", lengthof(a), lengthof(b), a == b);
    struct P (*ps)[] = new(struct P[1]);
    int x = 5;
    ps[0].v[1] = 11;
    ps[0].q = new(int);
    *ps[0].q = 42;
    renew(ps, 3);
    printf("%u %d %d %u %d\n", lengthof(ps), ps[0].v[1], *ps[0].q, lengthof(ps[2].v), ps[2].q == NULL);
    char (*s)[] = new(char[4]);
    strlcpy(s, "abc");
    renew(s, 10);
    printf("%s %u\n", *s, lengthof(s));
    int (*keep)[] = a;
    return x - 5;
}

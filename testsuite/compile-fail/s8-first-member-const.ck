/* §8: a cast from a struct pointer to a pointer to its first member keeps
 * the qualifiers of the struct, when the first member is an array and
 * however many levels deep the cast reaches; adding them is fine. */
struct S { int a[4]; int x; };
struct A { int v; };
struct A2 { struct A a; };
struct M { const int a[2][3]; };
struct N { int a[2][3]; };
struct W { struct S s; };
void f(const struct S *p, const struct A2 *q, struct M *m, const struct N *n,
       volatile struct A2 *vq, const struct W *w) {
    int (*a)[4] = (int (*)[4]) p;
    const int (*b)[4] = (const int (*)[4]) p;
    const int (*b2)[2] = (const int (*)[2]) p;
    int (*b3)[2] = (int (*)[2]) p;
    int *c = (int *) q;
    const int *d = (const int *) q;
    struct A *e = (struct A *) q;
    int (*g)[2][3] = (int (*)[2][3]) m;
    const int (*h)[2][3] = (const int (*)[2][3]) m;
    int (*i)[2][3] = (int (*)[2][3]) n;
    int *j = (int *) vq;
    const volatile int *k = (const volatile int *) vq;
    int (*l)[4] = (int (*)[4]) w;
    const int (*o)[3] = (const int (*)[3]) w;
}
int main(void) { return 0; }

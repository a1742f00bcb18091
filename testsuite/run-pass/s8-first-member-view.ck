/* §8: first-member casts at every depth, with the struct's qualifiers
 * kept, see the first member's elements (past its length word). */
#include <cuckoo.ckh>
struct S { int a[4]; int x; };
struct W { struct S s; int y; };
struct N { int m[2][3]; };
static const struct W cw = { { {1, 2, 3, 4}, 5 }, 6 };
int main(void) {
    const struct W *w = &cw;
    const int (*v)[4] = (const int (*)[4]) w;
    const int (*v2)[2] = (const int (*)[2]) w;
    const struct S *s = (const struct S *) w;
    printf("%d %d %u %d %u %d\n", v[0], v[3], lengthof(v), v2[1], lengthof(v2), s->x);
    struct N *n = new(struct N);
    int (*m)[2][3] = (int (*)[2][3]) n;
    m[1][2] = 42;
    printf("%d %u %u\n", n->m[1][2], lengthof(m), lengthof(m[0]));
    const struct N *cn = n;
    const int (*cm)[2][3] = (const int (*)[2][3]) cn;
    printf("%d\n", cm[1][2]);
    struct W *nw = NULL;
    int (*nv)[4] = (int (*)[4]) nw;
    printf("%d\n", nv == NULL);
    return 0;
}

/* §4, §8: an address constant in a static initializer points exactly
 * where the same expression points at run time: a first-member view of a
 * struct whose first member is an array is its element 0 (past the
 * length word), members of members, elements of elements, strings. */
#include <cuckoo.ckh>
struct S { int a[4]; int x; };
struct W { struct S s; int y; };
struct S gs = { {1, 2, 3, 4}, 5 };
struct W gw = { { {6, 7, 8, 9}, 10 }, 11 };
int m[3][4];
int (*q)[4] = (int (*)[4]) &gs;
const int (*q2)[2] = (const int (*)[2]) &gw;
int *r = &gw.s.a[2];
int *x = &gw.s.x;
int *e = &m[2][3];
int (*row)[4] = &m[1];
int (*whole)[3][4] = &m;
const char (*str)[] = "hello";
const char *h = &"hello"[1];
struct S *sp = (struct S *) &gw;
int (*nq)[4] = (int (*)[4]) (struct S *) NULL;
int main(void) {
    printf("%d %d %d %d %d %d %d %d %d %d %d\n",
           q == (int (*)[4]) &gs, q2 == (const int (*)[2]) &gw, r == &gw.s.a[2],
           x == &gw.s.x, e == &m[2][3], row == &m[1], whole == &m, h == &"hello"[1],
           sp == (struct S *) &gw, nq == NULL, str[4] == 'o');
    printf("%d %u %d %u\n", q[0], lengthof(q), q2[1], lengthof(q2));
    q[0] = 100;      /* element 0, never the length word */
    q[3] = 400;
    printf("%d %d %u %d\n", gs.a[0], gs.a[3], lengthof(gs.a), gs.x);
    m[2][3] = 42;
    m[1][0] = 7;
    printf("%d %d %d %d %s %c\n", *e, row[0], *r, *x, *str, *h);
    return 0;
}

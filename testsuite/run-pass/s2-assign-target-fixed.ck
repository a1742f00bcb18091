/* LANGUAGE.md §2: in E1 = E2 and E1 op= E2 the object E1 designates is
 * found, and checked, before E2 is evaluated; the store goes there even
 * if E2 changes a variable that E1's address was computed from. */
#include <cuckoo.ckh>

struct S { int x; int y; int a[3]; };
struct T { int (*p)[]; int k; };

static int bump(int v) { return v + 1; }
static struct S mk(int v) { struct S s; s.x = v; s.y = v; return s; }

int main(void) {
    int (*big)[] = new(int[100]);
    int (*small)[] = new(int[2]);
    int (*guard)[] = new(int[2]);
    int (*p)[] = big;
    int i = 50;
    (*guard)[0] = 1234; (*guard)[1] = 5678;

    p[i] = (p = small, 7);                 /* into big[50] */
    printf("1: %d %u\n", big[50], lengthof(p));

    p = big;
    p[i] += (p = small, 3);                /* big[50] = 10 */
    printf("2: %d\n", big[50]);

    p = big;
    p[i] = (i = 1000000, bump(p == big ? 8 : 9));  /* index 50 of big */
    printf("3: %d %d\n", big[50], i);

    int a[4];
    int j = 1;
    a[j] = (j = 1000000, 5);               /* a[1] */
    printf("4: %d %d %d\n", a[1], a[0], j);

    j = 2;
    a[j] += (j++, j++, 40);                /* a[2] */
    printf("5: %d %d\n", a[2], j);

    j = 3;
    a[j] = j == 3 ? (j = -7, 11) : 0;      /* a[3] */
    printf("6: %d %d\n", a[3], j);

    struct S *sp = new(struct S);
    struct S *keep = sp;
    sp->y = (sp = NULL, 3);                /* keep->y, no store through NULL */
    printf("7: %d %d\n", keep->y, sp == NULL);

    sp = keep;
    sp->a[1] = (sp = NULL, 21);
    printf("8: %d\n", keep->a[1]);

    sp = keep;
    *sp = (sp = NULL, mk(9));              /* a struct copy into *keep */
    printf("9: %d %d %d\n", keep->x, keep->y, keep->a[1]);

    struct S s;
    struct S t;
    t.a[2] = 100;
    int k = 2;
    s.a[k] += (s = t, k = 0, 1);           /* s.a[2] = 100 + 1 */
    printf("10: %d %d\n", s.a[2], s.a[0]);

    struct T tt;
    tt.p = big;
    tt.p[1] = (tt.p = small, 77);          /* big[1] */
    printf("11: %d %u\n", big[1], lengthof(tt.p));

    int (*q)[] = big;
    int m = 5;
    q[m]++;
    q[m] = q[m] + (q = small, m = 0, 1);   /* big[5] = 1 + 1 */
    printf("12: %d %d\n", big[5], small[0]);

    printf("guard: %d %d small: %d %d\n", (*guard)[0], (*guard)[1], small[0], small[1]);
    return 0;
}

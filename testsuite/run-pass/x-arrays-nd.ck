#include <cuckoo.ckh>

struct Pt { int x, y; };
struct Shape { const char name[8]; struct Pt pts[3]; int (*area)(int); double scale; };

int sq(int x) { return x * x; }
int cube(int x) { return x * x * x; }

static int g3[2][3][4] = { { { 1, 2, 3, 4 }, { 5, 6 }, [2] = { [3] = 9 } }, [1][1][2] = 77, [1][2] = { 8 } };
static struct Shape shapes[3] = {
    { "tri", { { 0, 0 }, { 4, 0 }, { 0, 3 } }, sq, 1.5 },
    [2] = { .name = "pt", .area = cube, .pts[1].y = -8, .scale = -2 },
};
static char words[3][6] = { "one", "three", "" };
static long long lls[2][2] = { { 1LL << 40, -1 }, { 3 } };
static int (*fns[3])(int) = { cube, 0, sq };
static const double dtab[2][3] = { { 0.5, 1.5 }, { -1 } };
static struct Pt *gp = &shapes[2].pts[1];

int sum3(int m[][3][4])
{
    int s = 0;
    unsigned i, j, k;
    for (i = 0; i < lengthof(m); i++)
        for (j = 0; j < lengthof(m[i]); j++)
            for (k = 0; k < lengthof(m[i][j]); k++)
                s += m[i][j][k] * (int)(i * 100 + j * 10 + k);
    return s;
}

void fill(int (*row)[4], int base)
{
    int k;
    for (k = 0; k < 4; k++)
        (*row)[k] = base + k;
}

int counter(void)
{
    static int n = 10;
    static int hist[5];
    hist[n % 5]++;
    return n++ * 100 + hist[n % 5] + hist[(n - 1) % 5];
}

int main(void)
{
    int i, j, k;
    int loc[3][2][5];
    printf("%d %d %d %d\n", (int)sizeof(loc), (int)sizeof(loc[0]), (int)sizeof(loc[0][0]), (int)lengthof(loc[2][1]));
    for (i = 0; i < 3; i++)
        for (j = 0; j < 2; j++)
            for (k = 0; k < 5; k++)
                loc[i][j][k] = i * 100 + j * 10 + k;
    int (*p2)[2][5] = &loc[1];
    int (*p1)[5] = &(*p2)[1];
    (*p1)[4] = -1;
    p2[0][0] = -2;
    printf("%d %d %d %d\n", loc[1][1][4], loc[1][0][0], p1[3], (int)lengthof(p2));
    printf("%d\n", sum3(g3));
    for (i = 0; i < 2; i++)
        for (j = 0; j < 3; j++) {
            for (k = 0; k < 4; k++)
                printf("%d ", g3[i][j][k]);
            printf("| ");
        }
    printf("\n");
    fill(&g3[1][2], 40);
    printf("%d %d\n", g3[1][2][3], sum3(g3));
    for (i = 0; i < 3; i++) {
        struct Shape *s = &shapes[i];
        printf("%s %d %d %d %d %g %d\n", s->name, s->pts[0].x, s->pts[1].x, s->pts[1].y, s->pts[2].y, s->scale,
               s->area ? s->area(i + 2) : -1);
    }
    gp->x = 99;
    printf("%d %d\n", shapes[2].pts[1].x, gp->y);
    for (i = 0; i < 3; i++)
        printf("[%s] %d ", words[i], (int)lengthof(words[i]));
    printf("\n%lld %lld %lld %lld\n", lls[0][0], lls[0][1], lls[1][0], lls[1][1]);
    for (i = 0; i < 3; i++)
        printf("%d ", fns[i] ? fns[i](i + 3) : 0);
    printf("\n%g %g %g %g\n", dtab[0][1], dtab[0][2], dtab[1][0], dtab[1][2]);
    for (i = 0; i < 4; i++)
        printf("%d ", counter());
    printf("\n");
    /* re-executed declarations are zeroed, arrays keep their length words */
    for (i = 0; i < 3; i++) {
        int z;
        int arr[3];
        struct Pt pt;
        double dz;
        long long lz;
        char s[4];
        int m2[2][2];
        printf("%d %d %d %d %d %g %lld %d %d %d %d\n", z, arr[0], arr[2], pt.x, pt.y, dz, lz, s[0],
               (int)lengthof(arr), (int)lengthof(m2[1]), m2[1][1]);
        z = i + 1;
        arr[0] = arr[2] = 5;
        pt.x = pt.y = 6;
        dz = 7.5;
        lz = -8;
        s[0] = 'x';
        m2[1][1] = 9;
        struct Pt lit = (struct Pt){ i, i * 2 };
        int *q = &(int[3]){ 1, 2, 3 }[i];
        printf("%d %d %d\n", lit.x, lit.y, *q);
    }
    i = 0;
again:
    {
        int w;
        char buf[3];
        printf("w=%d b=%d len=%d\n", w, buf[1], (int)lengthof(buf));
        w = 42;
        buf[1] = 'y';
        if (++i < 3) goto again;
    }
    return 0;
}

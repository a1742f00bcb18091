#include <cuckoo.ckh>

struct V3 { double x, y, z; };
struct Pair { int a; char b; };
typedef long long (*op7)(int, long long, double, char, struct Pair, float, unsigned short);
typedef struct V3 (*vop)(struct V3, struct V3, double);

long long sum7(int a, long long b, double c, char d, struct Pair e, float f, unsigned short g)
{
    return a + b + (long long)c + d + e.a + e.b + (long long)f + g;
}
long long mix7(int a, long long b, double c, char d, struct Pair e, float f, unsigned short g)
{
    return (a * b) ^ ((long long)(c * f) + d * e.a - e.b * g);
}
struct V3 vadd(struct V3 a, struct V3 b, double k) { struct V3 r = { a.x + k * b.x, a.y + k * b.y, a.z + k * b.z }; return r; }
struct V3 vcross(struct V3 a, struct V3 b, double k)
{
    struct V3 r = { k * (a.y * b.z - a.z * b.y), k * (a.z * b.x - a.x * b.z), k * (a.x * b.y - a.y * b.x) };
    return r;
}
int sq(int x) { return x * x; }
struct Pair mkp(int a, char b) { struct Pair p = { a, b }; return p; }

struct Table { op7 ops[2]; vop vops[2]; int (*un)(int); };
static struct Table tab = { { sum7, mix7 }, { vadd, vcross }, sq };

op7 pick(int i) { return tab.ops[i & 1]; }

int main(void)
{
    int i;
    struct V3 a = { 1, 2, 3 }, b = { -4, 0.5, 2 };
    for (i = 0; i < 4; i++) {
        long long r = tab.ops[i & 1](sq(i + 1), (long long)sq(i + 2) << 32, 1.5 * sq(i), (char)sq(i + 3),
                                     mkp(sq(i), (char)('a' + i)), 2.5f, (unsigned short)(60000 + sq(i)));
        long long r2 = pick(i + 1)(tab.un(i), pick(i)(1, 2, 3.0, 4, mkp(5, 6), 7.0f, 8), tab.un(tab.un(i)), 'z',
                                   mkp(tab.un(2), 'q'), (float)tab.un(3), 9);
        printf("%lld %lld\n", r, r2);
        struct V3 c = tab.vops[i & 1](a, tab.vops[(i + 1) & 1](b, a, i), 0.5 * i);
        printf("%g %g %g\n", c.x, c.y, c.z);
        a = c;
    }
    {
        op7 f = NULL;
        int n = 0;
        for (i = 0; i < 3; i++) {
            f = f == sum7 ? mix7 : sum7;
            n += (int)f(i, i, i, (char)i, mkp(i, (char)i), (float)i, (unsigned short)i);
        }
        printf("%d %d\n", n, f == mix7);
    }
    return 0;
}

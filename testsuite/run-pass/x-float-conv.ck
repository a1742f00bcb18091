#include <cuckoo.ckh>

static double dv[12] = { 0.0, -0.0, 1.0, -1.5, 2.5, 3.4028235e38, 1e40, -1e40,
                         2147483647.0, 2147483648.0, -2147483649.0, 4294967295.5 };
static float fv[6] = { 0.5f, -0.0f, 16777217.0f, 1e-45f, -3.75f, 3e9f };

float addf2(float a, float b) { return a + b; }
double dmix(float a, double b, int c, float d) { return a * b + c - d; }
float tofloat(double d) { return (float)d; }

struct FD { float f; double d; char c; float g; };
struct FD mkfd(float f, double d) { struct FD r; r.f = f; r.d = d; r.c = 'q'; r.g = f * 2; return r; }

void cmpd(double a, double b)
{
    printf("%d%d%d%d%d%d", a < b, a <= b, a > b, a >= b, a == b, a != b);
    printf("%d%d%d", !(a < b), !(a == b), a ? 1 : 0);
    if (a < b) printf("L"); else printf("n");
    if (a == b) printf("E"); else printf("n");
    if (a != b) printf("N"); else printf("n");
    if (!(a >= b)) printf("G\n"); else printf("n\n");
}
void cmpf(float a, float b)
{
    printf("%d%d%d%d%d%d", a < b, a <= b, a > b, a >= b, a == b, a != b);
    if (a > b) printf("g"); else printf("-");
    if (a <= b) printf("l\n"); else printf("-\n");
}

int main(void)
{
    int i, j;
    double zero = 0.0;
    double nan = zero / zero;
    double inf = 1.0 / zero;
    float fnan = (float)nan;
    for (i = 0; i < 12; i++) {
        double d = dv[i];
        float f = (float)d;
        printf("%g %g %d %u %d %d %lld %llu\n", d, (double)f, (int)d, (unsigned)d, (short)d, (char)(int)d,
               (long long)d, (unsigned long long)d);
        printf("%d %u %d\n", (int)f, (unsigned)f, (unsigned char)(int)f);
        printf("%g %g %g\n", -d, d * -1.0, 1.0 / d);
    }
    for (i = 0; i < 6; i++) {
        float f = fv[i];
        printf("%g %g %d %g %g\n", (double)f, (double)(f * f), (int)f, (double)(f + 1), (double)(f / 3));
    }
    printf("nan %d %d %d %d\n", (int)nan, (int)inf, (int)-inf, (int)fnan);
    printf("%lld %lld\n", (long long)nan, (long long)inf);
    for (i = 0; i < 4; i++) {
        double a = i == 0 ? nan : i == 1 ? -0.0 : i == 2 ? 0.0 : inf;
        for (j = 0; j < 4; j++) {
            double b = j == 0 ? nan : j == 1 ? 0.0 : j == 2 ? -0.0 : -inf;
            cmpd(a, b);
            cmpf((float)a, (float)b);
        }
    }
    {
        int big = 16777217;
        unsigned ub = 4294967295u;
        float f = big;
        double d = ub;
        float f2 = ub;
        int neg = -7;
        unsigned char uc = 200;
        signed char sc = -100;
        short sh = -30000;
        unsigned short us = 60000;
        printf("%g %g %g %g\n", (double)f, d, (double)f2, (double)(float)neg);
        printf("%g %g %g %g\n", (double)(float)uc, (double)sc, (double)(float)sh, (double)us);
        f = 0.1f;
        d = 0.1;
        printf("%d %d %d\n", f == d, (double)f == d, f == (float)d);
        printf("%.10g %.17g\n", (double)addf2(0.1f, 0.2f), dmix(1.5f, 2.25, -3, 0.125f));
        printf("%.9g\n", (double)tofloat(1.0 / 3.0));
        struct FD s = mkfd(2.5f, -1e100);
        struct FD t = s;
        t.g += 1;
        printf("%g %g %c %g %g\n", (double)t.f, t.d, t.c, (double)t.g, (double)s.g);
    }
    {
        float f = 1.0f;
        double d = 1.0;
        f++; ++f; f--; f += 0.5f;
        d--; --d; d *= 3; d /= -0.0;
        printf("%g %g\n", (double)f, d);
        f = 3.0f;
        i = 7;
        i += f * 1.5f;
        printf("%d\n", i);
        i = 7;
        i *= 0.7;
        printf("%d\n", i);
        unsigned u = 10;
        u -= 20.5;
        printf("%u\n", u);
        char c = 'a';
        c += 1.9;
        printf("%c\n", c);
        long long ll = 100;
        ll *= 1.5;
        printf("%lld\n", ll);
    }
    {
        double x = -0.0;
        printf("%g %g %d %d\n", x, -x, x == 0.0, 1 / x < 0);
        x = 0.0;
        x = -x;
        printf("%g\n", 1 / x);
        printf("%g %g\n", 0.0 - 0.0, -0.0 - 0.0);
    }
    return 0;
}

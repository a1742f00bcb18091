#include <cuckoo.ckh>

static int calls;
int id(int x) { calls++; return x; }
long long idl(long long x) { calls++; return x; }
double idd(double x) { calls++; return x; }

int f12(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k, int l)
{
    return a * b + c * d - (e / f) % g + (h ^ i) - (j | k) * l;
}

double fmix(int a, double b, char c, float d, long long e, unsigned short f, double g, int h, float i)
{
    return a + b * c - d / 2 + (double)e + f - g * h + i;
}

long long lmix(long long a, int b, long long c, int d, long long e, long long f, int g)
{
    return (a * b + c) * d - e / (f | 1) + ((a ^ c) >> g) + (e % 1000) * (c - a);
}

int main(void)
{
    int a = 3, b = -7, c = 11, d = 13, e = 1000, f = 7, g = 9, h = 0x55, i = 0x0f, j = 6, k = 9, l = -3;
    int r, t;
    unsigned u;
    int n;
    for (n = 0; n < 3; n++) {
        r = a * b + c * d - (e / f) % g + (h ^ i) - (j | k) * l
            + (a + b) * (c - d) * (e + f) / (g - h + 1000) - ((i << 3) >> (j & 3))
            + (a * (b * (c * (d * (e * (f * (g * (h * (i * (j * (k * l)))))))))))
            + ((a < b) + (c > d) * 2 + (e == f) * 4 + (g != h) * 8 + (i <= j) * 16 + (k >= l) * 32);
        printf("%d\n", r);
        t = f12(a, b, c, d, e, f, g, h, i, j, k, l);
        printf("%d\n", t);
        u = (unsigned)a * b + (unsigned)c / (unsigned)(d - 20) + ((unsigned)e >> 3) % (unsigned)(f + 1) - (unsigned)g * (h ^ (unsigned)i);
        printf("%u\n", u);
        a += 5; b *= -3; c ^= 0x77; d -= 1; e = e * 3 + 1; f += 2; g += 1; h <<= 1; i = ~i; j++; k--; l = l * l;
    }
    {
        int x1 = id(1), x2 = id(2), x3 = id(3), x4 = id(4), x5 = id(5), x6 = id(6);
        int x7 = id(7), x8 = id(8), x9 = id(9), x10 = id(10), x11 = id(11), x12 = id(12);
        int s = f12(id(x1), id(x2) + x3, f12(x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12),
                    x4 * x5, x6 + 100, x7, x8 + 1, id(x9) * id(x10), x11, x12,
                    f12(x12, x11, x10, x9, x8, x7, x6, x5, x4, x3, x2, x1), x1 + x2 + x3 + x4 + x5 + x6);
        printf("%d %d\n", s, calls);
        printf("%d\n", x1 * x12 + x2 * x11 + x3 * x10 + x4 * x9 + x5 * x8 + x6 * x7
                        + (x1 + x2) * (x3 + x4) * (x5 + x6) * (x7 + x8) * (x9 + x10) * (x11 + x12));
    }
    {
        double dd = fmix(id(-4), idd(1.5), 'A', 2.5f, idl(-100000000000LL), 65535, idd(0.125), id(12), 0.75f);
        printf("%.17g\n", dd);
        printf("%.17g\n", fmix(1, fmix(2, 3.0, 4, 5.0f, 6, 7, 8.0, 9, 10.0f), 'c', -1.0f, 1LL << 50, 1, 2.0, 3, 4.0f));
        long long q = lmix(idl(123456789LL), id(-1000), idl(0x123456789LL), 77, -9876543210LL, 0x10000LL, 5);
        printf("%lld\n", q);
        printf("%lld\n", lmix(q, 3, q >> 7, -2, q * 5, q | 0xff, 33));
        long long a1 = q, a2 = q >> 1, a3 = q >> 2, a4 = q >> 3, a5 = q >> 4, a6 = q >> 5, a7 = ~q;
        printf("%lld\n", a1 * a2 + a3 * a4 - a5 * a6 + (a7 ^ a1) - (a2 | a3) * (a4 & a5) + a6 / (a7 | 1) % 1000);
        double b1 = 1.5, b2 = -2.25, b3 = 3.125, b4 = 1e10, b5 = -1e-3, b6 = 7, b7 = 0.5, b8 = 100;
        printf("%.17g\n", b1 * b2 + b3 * b4 - b5 / b6 * (b7 - b8) + (b1 + b2) * (b3 + b4) * (b5 + b6) / (b7 + b8));
        float c1 = 1.5f, c2 = 3.0f, c3 = -0.5f, c4 = 1e6f;
        printf("%.9g\n", (double)(c1 * c2 - c3 * c4 + c1 / c2 * (c3 - c4) + b1 * c1));
    }
    return 0;
}

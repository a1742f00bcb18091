/* Floating temps in %xmm registers (-O1 and up): more live doubles than
   registers, doubles live across calls (which destroy every %xmm),
   float and double mixed, every conversion, arguments and results, and a
   value defined on two paths.  Any misallocation changes a printed digit. */
#include <cuckoo.ckh>

struct pt { double x, y; float w; };

static double g_acc;

static double scale(double v, double by) { return v * by; }
static float halve(float f) { return f / 2.0f; }
static double twice(double d) { g_acc += d; return d + d; }

static double pressure(int n)
{
    double a = 1.5, b = 2.25, c = -3.125, d = 4.0, e = 0.5, f = 6.75, g = -7.0, h = 8.5, k = 0.125;
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
        a += b * 0.5;
        b -= c / 4.0;
        c = c * 1.0625 + d;
        d = -d + e;
        e += f - g;
        f = f * 0.75 + h;
        g -= h * k;
        h += a - b;
        k = k * 1.5;
        sum += a + b + c + d + e + f + g + h + k;
    }
    return sum + a * b - c * d + e / f - g * h + k;
}

static double across_calls(double x)
{
    double y = x * 3.0;
    double z = twice(y);        /* y, x live across the call */
    double w = scale(z, x);
    float q = halve((float)w);
    return x + y + z + w + q;
}

static double pick(double a, double b, int which)
{
    double r = which ? a : b;   /* one temp, two definitions */
    if (r < 0.0)
        r = -r;
    return r;
}

static int compare_all(double a, double b)
{
    int m = 0;
    if (a < b) m |= 1;
    if (a <= b) m |= 2;
    if (a > b) m |= 4;
    if (a >= b) m |= 8;
    if (a == b) m |= 16;
    if (a != b) m |= 32;
    m |= (a < b) << 6;
    m |= (a == b) << 7;
    m |= (a != b) << 8;
    return m;
}

int main(void)
{
    printf("pressure %.6f\n", pressure(20));
    double ac = across_calls(1.25);
    printf("calls %.6f acc %.6f\n", ac, g_acc);
    printf("pick %.3f %.3f %.3f\n", pick(-2.5, 3.0, 1), pick(-2.5, 3.0, 0), pick(1.0, -1.0, 0));
    printf("cmp %d %d %d\n", compare_all(1.0, 2.0), compare_all(2.0, 2.0), compare_all(3.0, 2.0));

    struct pt ps[6];
    for (int i = 0; i < 6; i++) {
        ps[i].x = i * 1.5;
        ps[i].y = (double)(i - 3) / 4.0;
        ps[i].w = (float)i * 0.25f;
    }
    double sx = 0.0, sy = 0.0;
    float sw = 0.0f;
    for (int i = 0; i < 6; i++) {
        sx += ps[i].x * ps[i].w;
        sy -= ps[i].y;
        sw += ps[i].w * ps[i].w;
    }
    printf("structs %.6f %.6f %.6f\n", sx, sy, (double)sw);

    /* conversions, each result used after others are computed */
    int i1 = -7;
    unsigned u1 = 4000000000u;
    long long l1 = -123456789012LL;
    unsigned long long ul = 18000000000000000000ULL;
    double d1 = i1, d2 = u1, d3 = (double)l1, d4 = (double)ul;
    float f1 = (float)d2, f2 = i1;
    double back = f1;
    int ti = (int)(d1 * 2.5);
    unsigned tu = (unsigned)(d2 - 1.0);
    long long tl = (long long)(d3 / 3.0);
    unsigned long long tul = (unsigned long long)(d4 / 2.0);
    printf("conv %.1f %.1f %.1f %.1f %.1f %.1f %.1f\n", d1, d2, d3, d4, (double)f1, (double)f2, back);
    printf("trunc %d %u %lld %llu\n", ti, tu, tl, tul);

    double arr[10];
    for (int i = 0; i < 10; i++)
        arr[i] = i * i * 0.5;
    double mx = arr[0], mn = arr[0], tot = 0.0;
    for (int i = 1; i < 10; i++) {
        double v = arr[i] - 10.0;
        if (v > mx) mx = v;
        if (v < mn) mn = v;
        tot += v;
    }
    printf("arr %.3f %.3f %.3f\n", mx, mn, tot);
    return 0;
}

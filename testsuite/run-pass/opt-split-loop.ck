/* Values live through a loop that needs more registers than there are,
 * neither read nor written there (mach/split.c copies them before the loop
 * and back after it): ints, a long long, doubles, nested loops, a loop
 * left by a break and by its test. */
#include <cuckoo.ckh>

static int data[64];

static int crowded(int n, int seed)
{
    int before1 = seed * 3 + 1, before2 = seed ^ 0x55, before3 = seed - 7;
    long long wide = (long long)seed << 33;
    int a = 1, b = 2, c = 3, d = 4, e = 5;
    for (int i = 0; i < n; i++) {
        a += data[i & 63] ^ b;
        b += a * 3 + c;
        c ^= b + d;
        d += c - e;
        e = e * 5 + a;
        if (e == 12345)
            break;
    }
    return before1 + before2 * 2 + before3 * 3 + (int)(wide >> 33) + a + b + c + d + e;
}

static int nested(int n)
{
    int total = 0, outer_kept = n * 11;
    for (int k = 0; k < n; k++) {
        int row = k * 7, col = k ^ 9, kept = k + 100;
        int p = 0, q = 1, r = 2, s = 3, u = 4;
        for (int j = 0; j < 40; j++) {
            p += data[(j + row) & 63];
            q ^= p + r;
            r += q * s;
            s -= r ^ u;
            u += s + p;
        }
        total += p + q + r + s + u + row + col + kept;
    }
    return total + outer_kept;
}

static double floats(int n)
{
    double keep1 = n * 0.5, keep2 = n * 0.25, keep3 = n + 0.125;
    double x0 = 1, x1 = 2, x2 = 3, x3 = 4, x4 = 5, x5 = 6, x6 = 7;
    for (int i = 0; i < n; i++) {
        x0 = x0 * 0.5 + x1;
        x1 = x1 * 0.25 + x2;
        x2 = x2 * 0.125 + x3;
        x3 = x3 * 0.5 + x4;
        x4 = x4 * 0.25 + x5;
        x5 = x5 * 0.125 + x6;
        x6 = x6 * 0.5 + x0;
    }
    return keep1 + keep2 + keep3 + x0 + x1 + x2 + x3 + x4 + x5 + x6;
}

int main(void)
{
    for (int i = 0; i < 64; i++)
        data[i] = i * 37 % 101;
    printf("%d %d %d\n", crowded(50, 9), crowded(0, 4), crowded(1000, -3));
    printf("%d %d\n", nested(30), nested(0));
    printf("%.3f %.3f\n", floats(20), floats(0));
    return 0;
}

/* Copies between values in memory (mach/regalloc.c, share_spill_slots):
 * `y = x` and then x changes while y is still read, both spilled across
 * calls with more values live than registers -- they may not share a
 * slot; and a chain of copies whose ranges do not meet, which may. */
#include <cuckoo.ckh>

static int g[8];

static int step(int v) { g[v & 7] += v; return v * 7 + 1; }

static int churn(int seed)
{
    int x = step(seed), a = step(x), b = step(a), c = step(b), d = step(c);
    int y = x;
    x = step(x) + a;
    int e = step(y), f = step(x);
    int z = e;
    e = step(b) ^ z;
    int w = step(c + d);
    return x + 3 * y + 5 * a + 7 * b + 11 * c + 13 * d + 17 * e + 19 * f + 23 * z + 29 * w;
}

static long long wide(int seed)
{
    long long x = (long long)step(seed) << 20, a = x + step(seed + 1), b = a * 3 + step(seed + 2);
    long long y = x;
    x = x * 5 + step((int)a);
    long long z = step((int)b) + y;
    return x + 3 * y + 5 * a + 7 * b + 11 * z;
}

int main(void)
{
    for (int i = 0; i < 5; i++)
        printf("%d %lld\n", churn(i * 1000 - 2000), wide(i * 77 - 100));
    int s = 0;
    for (int i = 0; i < 8; i++)
        s += g[i];
    printf("%d\n", s);
    return 0;
}

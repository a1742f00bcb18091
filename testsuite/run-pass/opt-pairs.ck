/* long long in register pairs (cc/mach/regalloc.c, linear_scan_holes;
 * cc/i386/isel.c, in_pair): at -O1 and up a long long temp may live in two
 * general registers, the low word in one and the high word in another.
 * Every 64-bit operation reads and writes both halves: add/sub with carry,
 * bitwise, multiply (the result comes back in %edx:%eax and must reach the
 * pair before anything reads it), shifts, ordered and equality compares
 * (high word first, then the low word unsigned), conversions to and from
 * double, loads and stores, call arguments, and a long long index checked
 * against an array's length.  Many long long values live at once evict
 * each other's pairs.  A half taken from the wrong register, a carry lost
 * or a high word not stored prints a different line from -O0 and gcc. */
#include <cuckoo.ckh>

static long long table[16];

static long long mix(long long a, long long b, int k)
{
    return (a ^ (b << (k & 31))) + (b >> 3) - (long long)k * 1000003;
}

/* four long longs and four ints live through the loop */
static long long crowd(int n)
{
    long long a = 1, b = -2, c = 0x123456789LL, d = -0x7654321012345LL;
    int p = 3, q = 5, r = 7, s = 11;
    for (int i = 0; i < n; i++) {
        a = a * 3 + b;
        b ^= c >> 5;
        c += d - (long long)i * p;
        d = (d << 1) | (a & 1);
        p += q;
        q ^= r + i;
        r -= s;
        s += p & 15;
        if (a < b)
            a -= c;
        if (c >= d)
            d += 0x100000000LL;
        if (a == d)
            b++;
    }
    return a + b + c + d + p + q + r + s;
}

static unsigned long long ucompare(unsigned long long x, unsigned long long y)
{
    unsigned long long n = 0;
    for (int i = 0; i < 40; i++) {
        if (x < y)
            n += 1;
        if (x > y)
            n += 0x10000;
        if (x <= y)
            n += 0x100000000ULL;
        x = x * 0x9E3779B97F4A7C15ULL + 1;
        y ^= x >> 17;
    }
    return n;
}

static double to_double(long long a, long long b)
{
    double sum = 0;
    for (int i = 0; i < 10; i++) {
        sum += (double)(a + i) / 7.0;
        a = a * 5 - b;
        b = (long long)(sum * 3.5);
    }
    return sum + (double)b;
}

/* a long long index, checked against the array's length in a pair */
static long long indexed(long long from, int n)
{
    long long s = 0;
    for (long long i = from; i < from + n; i++) {
        table[i & 15] += i * i;
        s += table[i % 16];
    }
    return s;
}

static long long through_pointer(long long *cell, long long x)
{
    long long old = *cell;
    *cell = old * x - (old >> 2);
    return old + *cell;
}

int main(void)
{
    printf("%lld\n", crowd(1000));
    printf("%lld\n", crowd(3));
    printf("%llu\n", ucompare(5, 7));
    printf("%llu\n", ucompare(0xFFFFFFFF00000000ULL, 0xFFFFFFFFULL));
    printf("%.3f\n", to_double(123456789012LL, -98765));
    printf("%lld\n", indexed(3, 100));
    printf("%lld\n", indexed(0x100000000LL, 50));
    long long *cell = new(long long);
    *cell = 0x0123456789ABLL;
    long long t = 0;
    for (int i = 1; i < 20; i++)
        t ^= through_pointer(cell, i);
    printf("%lld %lld\n", t, *cell);
    long long m = 0;
    for (int k = 0; k < 64; k++)
        m += mix(m + k, 0x7FFFFFFF12345LL - k, k);
    printf("%lld\n", m);
    return 0;
}

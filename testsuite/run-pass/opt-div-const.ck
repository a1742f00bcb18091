/* Division by a constant (cc/i386/isel.c div_pow2, opt_div_cannot_trap):
 * a power of two is shifts and masks, rounding toward zero for negative
 * dividends; a division by a constant other than 0 and -1 cannot trap,
 * so gvn merges repeated ones and licm hoists an invariant one out of a
 * loop -- one that may run no times, too.  An unsigned division by
 * another constant is a multiply by its reciprocal where one fits in 32
 * bits (udiv_magic), divl otherwise (7).  Every result is what -O0 and
 * gcc print. */
#include <cuckoo.ckh>

static int values[12] = {0, 1, -1, 2, -2, 7, -7, 1000001, -1000001, 2147483647, -2147483647 - 1, -65537};

static void signed_pow2(int x)
{
    printf("%d %d %d %d %d %d %d %d | %d %d %d %d %d %d %d %d\n",
           x / 2, x / 4, x / 8, x / 16, x / 256, x / 65536, x / 1073741824, x / 3,
           x % 2, x % 4, x % 8, x % 16, x % 256, x % 65536, x % 1073741824, x % 3);
}

static void unsigned_pow2(unsigned x)
{
    printf("%u %u %u %u %u | %u %u %u %u %u\n", x / 2u, x / 8u, x / 65536u, x / 2147483648u, x / 10u,
           x % 2u, x % 8u, x % 65536u, x % 2147483648u, x % 10u);
}

static unsigned unsigned_other(unsigned x)
{
    unsigned h = x / 3u + x % 3u * 7u;
    h = h * 31u + x / 7u + x % 7u;
    h = h * 31u + x / 10u + x % 10u;
    h = h * 31u + x / 26u + x % 26u;
    h = h * 31u + x / 641u + x % 641u;
    h = h * 31u + x / 40000u + x % 40000u;
    h = h * 31u + x / 100000u + x % 100000u;
    h = h * 31u + x / 2147483647u + x % 2147483647u;
    h = h * 31u + x / 2147483649u + x % 2147483649u;
    h = h * 31u + x / 3000000000u + x % 3000000000u;
    h = h * 31u + x / 4294967295u + x % 4294967295u;
    return h;
}

/* the bound n / 2 is computed once, before the loop (which may run no
 * times: n / 2 cannot trap) */
static int walk(int n)
{
    int s = 0;
    for (int i = 0; i < n / 2; i++)
        s += i % 4 - i / 8;
    return s;
}

/* the same quotient twice: the second is the first's */
static int twice(int n, int m)
{
    int a = n / 4 + m;
    int b = n / 4 - m;
    return a * b + n % 16 - n % 16 / 2;
}

static long long wide(long long x)
{
    return x / 4 + x % 8 + x / 1000 - x / 4;
}

int main(void)
{
    for (int k = 0; k < lengthof(values); k++) {
        signed_pow2(values[k]);
        unsigned_pow2((unsigned)values[k]);
    }
    unsigned edges[14] = {0u, 1u, 2u, 6u, 9u, 25u, 26u, 39999u, 40000u, 2147483647u, 2147483648u, 2147483649u,
                          3000000000u, 4294967295u};
    for (int k = 0; k < lengthof(edges); k++)
        printf("%u ", unsigned_other(edges[k]));
    unsigned x = 12345u, sum = 0u;
    for (int k = 0; k < 100000; k++) {
        x = x * 1103515245u + 12345u;
        sum = sum * 33u + unsigned_other(x ^ (x >> 7));
    }
    printf("| %u\n", sum);
    printf("%d %d %d %d %d\n", walk(-5), walk(0), walk(1), walk(9), walk(1001));
    printf("%d %d %d\n", twice(37, 2), twice(-37, 5), twice(-2147483647 - 1, 1));
    printf("%lld %lld %lld\n", wide(123456789012LL), wide(-123456789012LL), wide(-5LL));
    return 0;
}

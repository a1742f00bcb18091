/* Division by a constant (cc/i386/isel.c div_pow2, opt_div_cannot_trap):
 * a power of two is shifts and masks, rounding toward zero for negative
 * dividends; a division by a constant other than 0 and -1 cannot trap,
 * so gvn merges repeated ones and licm hoists an invariant one out of a
 * loop -- one that may run no times, too.  Every result is what -O0 and
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
    printf("%d %d %d %d %d\n", walk(-5), walk(0), walk(1), walk(9), walk(1001));
    printf("%d %d %d\n", twice(37, 2), twice(-37, 5), twice(-2147483647 - 1, 1));
    printf("%lld %lld %lld\n", wide(123456789012LL), wide(-123456789012LL), wide(-5LL));
    return 0;
}

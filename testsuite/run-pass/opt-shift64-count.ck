/* A long long shifted by a count computed in the loop: the count, an int,
 * may live in %edx between the instructions (cc/mach/regalloc.c,
 * spare_homes), but a 64-bit shift loads its value into %edx:%eax before
 * it reads the count (cc/i386/isel.c, shift64), so there the count must
 * not be in %edx (i386_edx_reads).  With long longs in register pairs
 * the pool registers went to the pairs and the count to %edx: the shift
 * used the value's high word as its count (a shift by 63 for 0, by 0 for
 * 1).  Found by differential fuzzing against gcc; each shape prints what
 * -O0 and gcc print. */
#include <cuckoo.ckh>

int flag = 1;

static long long masked_zero(void)
{
    long long count = 0, x = -65537;
    for (int k = 0; k < 2; k++)
        x <<= (count & 63);
    return x;
}

static long long folded_constant(void)
{
    long long x = -65537;
    for (int k = 0; k < 9; k++)
        x >>= (1LL & 63);
    return x;
}

static unsigned long long unsigned_constant(void)
{
    unsigned long long v[2] = {99, 12345}, u = 0;
    for (int k = 0; k < 2; k++)
        u = v[k] >> (1LL & 63);
    return u;
}

static long long from_array(long long x)
{
    int a = -1, b = 1;
    long long counts[2] = {0, 15};
    for (int k = 0; k < 2; k++) {
        b = ((b ? a : k) > 5);
        x <<= (counts[k & 1] & 63);
        a = (flag ? 0 : (a ? k : k));
    }
    return x ^ b;
}

int main(void)
{
    printf("%lld\n", masked_zero());
    printf("%lld\n", folded_constant());
    printf("%llu\n", unsigned_constant());
    printf("%lld\n", from_array(12345));
    return 0;
}

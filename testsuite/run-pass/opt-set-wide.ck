/* A comparison's 0 or 1 widened to long long (cc/i386/isel.c,
 * set_in_al): `sete %al; movzbl %al, %eax; xorl %edx, %edx`, the value
 * never in a register of its own.  Summed, returned, compared with every
 * condition, signed and unsigned, at -O0/-O1/-O2 as gcc. */
#include <cuckoo.ckh>

static long long zero_sum(int i, int sum, int v[])
{
    if (i == lengthof(v))
        return sum == 0;
    return zero_sum(i + 1, sum, v) + zero_sum(i + 1, sum + v[i], v);
}

static long long flags(int a, int b, unsigned u, unsigned w)
{
    long long s = 0;
    s += (long long)(a < b) << 0;
    s += (long long)(a <= b) << 1;
    s += (long long)(a > b) << 2;
    s += (long long)(a >= b) << 3;
    s += (long long)(a == b) << 4;
    s += (long long)(a != b) << 5;
    s += (long long)(u < w) << 6;
    s += (long long)(u >= w) << 7;
    s += (long long)(a == 0) * 1000000000000LL;
    return s;
}

int main(void)
{
    int v[10] = {3, -1, -2, 5, -5, 4, -4, 1, 2, -3};
    printf("%lld\n", zero_sum(0, 0, v));
    printf("%lld %lld %lld %lld\n", flags(1, 2, 1u, 2u), flags(2, 1, 3000000000u, 1u), flags(0, 0, 0u, 0u),
           flags(-1, 1, 4294967295u, 1u));
    long long n = 0;
    for (int i = -3; i < 4; i++)
        n = n * 2 + (i * i == 4);
    printf("%lld\n", n);
    return 0;
}

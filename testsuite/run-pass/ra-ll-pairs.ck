/* long long values handed from one instruction to the next in
   %edx:%eax (-O1 and up: a temp used once, by the next instruction, is
   not written to its slot): chains of operations, commutative operands
   in either order, shifts, a call's result, returns, and values that
   are used twice (which must be stored).  Any lost or stale half changes
   a printed number. */
#include <cuckoo.ckh>

static long long count_from(int i, int sum, const int (*v)[8])
{
    if (i == 8)
        return sum == 0;
    return count_from(i + 1, sum, v) + count_from(i + 1, sum + (*v)[i], v);
}

static long long chain(long long a, long long b, int s)
{
    long long t = (a * 3 + b) ^ (a >> s);
    long long u = (b - t) | (t << (s & 7));
    long long v = -(u & 0x0f0f0f0f0f0fLL) + ~a;
    return (v + t) - (u >> 3) + (long long)(unsigned long long)(v >> 40);
}

static unsigned long long mix(unsigned long long x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

static long long twice_used(long long a)
{
    long long t = a * 7;        /* used twice: stored and read back */
    long long s = t + t;
    return s - (t >> 1);
}

int main(void)
{
    int vals[8] = {5, -3, 2, -4, 7, -7, 1, -1};
    printf("subsets %lld\n", count_from(0, 0, &vals));
    long long acc = 0;
    for (int i = 0; i < 50; i++)
        acc += chain(acc + i, i * 1000003LL, i % 23);
    printf("chain %lld\n", acc);
    unsigned long long h = 1;
    for (int i = 0; i < 100; i++)
        h = mix(h + (unsigned long long)i);
    printf("mix %llu\n", h);
    long long tw = 0;
    for (int i = -20; i < 20; i++)
        tw = tw * 3 + twice_used(i * 123456789LL);
    printf("twice %lld\n", tw);
    long long m = 1;
    int c = 0;
    while (m > 0 && m < 1000000000000000LL) {
        m = m * 7 + (m >> 2);
        c++;
    }
    printf("grow %lld %d %d\n", m, c, m == 1000000000000000LL ? 1 : m > 0);
    return 0;
}

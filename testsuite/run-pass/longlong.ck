/* long long arithmetic on i386: 64-bit add, mul, div, mod, compare, convert. */
#include <cuckoo.ckh>

long long fact(int n)
{
    long long r = 1;
    for (int i = 2; i <= n; i++)
        r *= i;
    return r;
}

unsigned long long ufib(int n)
{
    unsigned long long a = 0, b = 1;
    while (n-- > 0) {
        unsigned long long t = a + b;
        a = b;
        b = t;
    }
    return a;
}

int main(void)
{
    for (int n = 15; n <= 21; n += 3)
        printf("fact(%d) = %lld\n", n, fact(n));
    printf("fib(90) = %llu\n", ufib(90));
    printf("fib(100) wraps = %llu\n", ufib(100));
    long long a = 1234567890123LL;
    long long b = -98765;
    printf("%lld %lld %lld %lld %lld\n", a + b, a - b, a * b, a / b, a % b);
    printf("%lld %lld\n", -a / 1000, -a % 1000);
    unsigned long long u = 18446744073709551615ULL;
    printf("%llu %llu %llx %llX\n", u / 3, u % 1000, u / 16, u - 0xABCULL);
    printf("cmp %d %d %d\n", a > b, (unsigned long long)b > (unsigned long long)a, a == a + 0);
    long long max = LLONG_MAX;
    max = max + 1;
    printf("wrap %lld\n", max);
    int narrow = a;
    printf("narrow %d %u\n", narrow, (unsigned)(a >> 32));
    long long fromneg = -1;
    unsigned long long fromneg2 = (unsigned)-1;
    printf("ext %llx %llx\n", (unsigned long long)fromneg, fromneg2);
    long long big = 3000000000LL * 3;
    printf("big %lld %lld\n", big, big / 7);
    printf("mix %lld\n", 7 + 2LL * 4000000000u);
    printf("bits %llx %llx %llx\n", 0xFF00FF00FF00FF00ULL & 0x0FF00FF00FF00FF0ULL,
           0x1ULL | 0x8000000000000000ULL, ~0ULL ^ 0xFFFFULL);
    long long m = -7;
    printf("ll div %lld %lld %lld %lld\n", m / 2, m % 2, m / -2, m % -2);
    return 0;
}

/* LLONG_MIN % -1 is a remainder overflow. */
#include <cuckoo.ckh>

long long rem(long long a, long long b) { return a % b; }

int main(void)
{
    long long a = LLONG_MIN;
    long long b = -3;
    printf("%lld\n", rem(a, b));
    b = -1;
    printf("%lld\n", rem(a, b));
    return 0;
}

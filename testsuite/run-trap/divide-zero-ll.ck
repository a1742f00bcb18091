/* long long division by zero. */
#include <cuckoo.ckh>

long long zero(void) { return 0; }

int main(void)
{
    long long big = 1LL << 40;
    long long q = big / 1024;
    printf("%lld\n", q);
    big /= zero();
    printf("%lld\n", big);
    return 0;
}

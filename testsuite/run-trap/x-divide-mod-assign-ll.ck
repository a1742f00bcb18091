/* a long long %= through an array element, zero divisor from a global. */
#include <cuckoo.ckh>

static long long zero;

int main(void)
{
    long long v[3] = { 10, 20, 30 };
    int i;
    for (i = 0; i < 2; i++) {
        v[i] %= 7 - i * 7 / 2 + zero;
        printf("%lld\n", v[i]);
    }
    v[1] %= zero;
    return 0;
}

/* -1 as an int divisor that came through an unsigned constant (held as
 * 4294967295 once propagated): INT_MIN / it still overflows and traps at
 * its check at every level, as INT_MIN / -1 does (found by review: the
 * check went, and the division was a negation giving INT_MIN). */
#include <cuckoo.ckh>

static int f(int x)
{
    unsigned u = 4294967295u;
    int d = (int)u;
    return x / d;
}

static int g(int x)
{
    unsigned u = 4294967295u;
    int d = (int)u;
    return x % d;
}

int main(void)
{
    printf("%d %d\n", f(7), g(7));
    printf("%d\n", f(-2147483647 - 1));
    return 0;
}

/* A long long index in a register pair (-O1 and up, cc/mach/regalloc.c)
 * whose high word is not zero: the bounds check tests the pair's high
 * register, then compares the low register with the length in place
 * (cc/i386/isel.c, check_bounds), and the trap names the whole 64-bit
 * index, the same at every level.  Here the index goes negative. */
#include <cuckoo.ckh>

long long cells[8];

long long walk(long long from, int n)
{
    long long s = 0;
    for (long long i = from; i > from - n; i--) {
        s += cells[i] * i;
        cells[i] = s;
    }
    return s;
}

int main(void)
{
    for (int i = 0; i < 8; i++)
        cells[i] = i * 0x100000001LL + 5;
    printf("%lld\n", walk(7, 8));
    printf("%lld\n", walk(3, 5));
    return 0;
}

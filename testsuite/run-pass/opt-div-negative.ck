/* Signed division by -1 and by minus a power of two (cc/i386/isel.c,
 * div32): x / -1 is -x and x % -1 is 0; x / -2^k is -(x / 2^k) and
 * x % -2^k is x % 2^k.  Against gcc at every level, over the edges of
 * the range and a walk through it (INT_MIN / -1 traps:
 * run-trap/divide-overflow-neg1). */
#include <cuckoo.ckh>

static int edges[14] = {0, 1, -1, 2, -2, 3, -3, 2147483647, -2147483647 - 1, -2147483647, 2147483646,
                        1073741824, -1073741824, -1073741825};

static unsigned mix(int x)
{
    unsigned h = 0;
    h = h * 31u + (unsigned)(x / -2) * 7u + (unsigned)(x % -2);
    h = h * 31u + (unsigned)(x / -4) * 7u + (unsigned)(x % -4);
    h = h * 31u + (unsigned)(x / -16) * 7u + (unsigned)(x % -16);
    h = h * 31u + (unsigned)(x / -1024) * 7u + (unsigned)(x % -1024);
    h = h * 31u + (unsigned)(x / -65536) * 7u + (unsigned)(x % -65536);
    h = h * 31u + (unsigned)(x / -1073741824) * 7u + (unsigned)(x % -1073741824);
    h = h * 31u + (unsigned)(x / (-2147483647 - 1)) * 7u + (unsigned)(x % (-2147483647 - 1));
    if (x != -2147483647 - 1)
        h = h * 31u + (unsigned)(x / -1) * 7u + (unsigned)(x % -1);
    return h;
}

int main(void)
{
    for (int i = 0; i < 14; i++) {
        int x = edges[i];
        printf("%d: %d %d %d %d %d %d %d %d %d %d %d %d\n", x, x / -2, x % -2, x / -4, x % -4, x / -16, x % -16,
               x / -1073741824, x % -1073741824, x / (-2147483647 - 1), x % (-2147483647 - 1),
               x == -2147483647 - 1 ? 0 : x / -1, x == -2147483647 - 1 ? 0 : x % -1);
    }
    unsigned h = 0;
    for (int x = -2147483647 - 1, n = 0; n < 70000; n++, x += 61357)
        h = h * 17u + mix(x);
    printf("%u\n", h);
    return 0;
}

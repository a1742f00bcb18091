/* A bounds check inside a loop around which mach/split.c split the live
 * ranges of values it does not read: the same trap, line and index at
 * every level, and what was printed before it. */
#include <cuckoo.ckh>

static int data[64];

static int crowded(int n, int seed)
{
    int before1 = seed * 3 + 1, before2 = seed ^ 0x55, before3 = seed - 7;
    int a = 1, b = 2, c = 3, d = 4, e = 5;
    for (int i = 0; i < n; i++) {
        a += data[i] ^ b;
        b += a * 3 + c;
        c ^= b + d;
        d += c - e;
        e = e * 5 + a;
    }
    return before1 + before2 * 2 + before3 * 3 + a + b + c + d + e;
}

int main(void)
{
    for (int i = 0; i < 64; i++)
        data[i] = i * 37 % 101;
    printf("%d\n", crowded(64, 5));
    printf("%d\n", crowded(65, 5));
    return 0;
}

/* A value the crowded loop writes (`kept = i` on one iteration) is not
 * split around it (mach/split.c: only values the loop neither reads nor
 * writes): split, the copy back at the exit would undo the write. */
#include <cuckoo.ckh>

static int data[64];

static int crowded(int n, int seed)
{
    int kept = seed * 3 + 1, k2 = seed ^ 0x55, k3 = seed - 7;
    int a = 1, b = 2, c = 3, d = 4, e = 5;
    for (int i = 0; i < n; i++) {
        a += data[i & 63] ^ b;
        b += a * 3 + c;
        c ^= b + d;
        d += c - e;
        e = e * 5 + a;
        if (i == 7)
            kept = i;
    }
    return kept + k2 * 2 + k3 * 3 + a + b + c + d + e;
}

int main(void)
{
    for (int i = 0; i < 64; i++)
        data[i] = i * 37 % 101;
    printf("%d %d\n", crowded(50, 9), crowded(3, 4));
    return 0;
}

/* Live ranges with holes (cc/mach/regalloc.c, linear_scan_holes, -O1 and
 * up): temps live only in one arm of an `if` share registers with temps
 * of the other arm, and values live across a loop keep theirs around
 * both.  Six values live through the loop, five more in each arm, one
 * defined before the `if` and read after it (live in both arms), one
 * defined before it and read only in the `else` arm (dead in the `then`
 * arm: a hole in its hull).  Any two temps placed in one register while
 * both are live give a wrong sum at some level, where -O0 and gcc agree. */
#include <cuckoo.ckh>

int table[64];

int mixed(int n, int k)
{
    int a = 1, b = 2, c = 3, d = 4, e = 5, f = 6;
    for (int i = 0; i < n; i++) {
        int keep = table[(i * 7) & 63] ^ k;
        int only_else = table[i & 63] * 3 + k;   /* dead in the `then` arm */
        if ((i & 3) == 0) {
            int p = a + i, q = b * 3 + i, r = c - i, s = d ^ i, t = e + f;
            a += p ^ q;
            b += r - s;
            c ^= t + p;
            d += q & r;
            e -= s | t;
        } else {
            int u = f + i, v = e * 5, w = d - c, x = b ^ a, y = i * i + only_else;
            f += u ^ v;
            e += w - x;
            d ^= y + u;
            c += v & w;
            b -= x | y;
        }
        f += keep;
        a ^= f >> 3;
    }
    return a + b + c + d + e + f;
}

int main(void)
{
    for (int i = 0; i < 64; i++)
        table[i] = i * 37 + 11;
    printf("%d\n", mixed(1000, 5));
    printf("%d\n", mixed(7, 99));
    printf("%d\n", mixed(0, 1));
    return 0;
}

/* More live ints than registers inside loops (-O1 and up spills by loop
   depth, keeps the innermost loop's values in registers and gives %edx to
   one more where the expansions allow it), spilled bases
   and indexes checked and then used (the check's load is reused by the
   access), byte stores, variable shifts, division, and values live
   across calls.  Any misallocation changes the printed sums. */
#include <cuckoo.ckh>

#define N 12

static int a[N][N], b[N][N], c[N][N];
static unsigned char bytes[64];

static int ident(int x) { return x; }

static void mul(int (*x)[N][N], int (*y)[N][N], int (*z)[N][N])
{
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int s = 0, t = 0, u = 1;
            for (int k = 0; k < N; k++) {
                int p = (*x)[i][k], q = (*y)[k][j];
                s += p * q;
                t ^= p + k;
                u = u * 3 + (q >> (k & 3));
            }
            (*z)[i][j] = s + t - u;
        }
}

/* the same on the arrays themselves: one of the loop counters gets %edx */
static int mul_static(void)
{
    int h = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int s = 0;
            for (int k = 0; k < N; k++)
                s += a[i][k] * b[k][j];
            c[i][j] = s;
            h = h * 7 + s;
        }
    return h;
}

static int many(int n)
{
    int v0 = 1, v1 = 2, v2 = 3, v3 = 4, v4 = 5, v5 = 6, v6 = 7, v7 = 8;
    for (int i = 0; i < n; i++) {
        v0 += v7 >> (i & 7);
        v1 ^= v0 * 3;
        v2 -= v1 / (i + 1);
        v3 += v2 % 17;
        v4 = v4 * 5 + v3;
        v5 += ident(v4) & 0xff;     /* v0..v7 live across the call */
        v6 = (v6 << 1) | (v5 & 1);
        v7 += v6 - v0;
        bytes[(v0 + i) & 63] = (unsigned char)(v1 + v2);
        bytes[(v3 ^ i) & 63] += (unsigned char)v7;
    }
    int h = 0;
    for (int i = 0; i < 64; i++)
        h = h * 31 + bytes[i];
    return v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7 + h;
}

static int walk(int (*rows)[N][N], int n)
{
    int total = 0;
    for (int r = 0; r < n; r++) {
        int i = ident(r) % N;       /* i and rows live across the call */
        for (int j = 0; j < N; j++)
            total += (*rows)[i][j] - (*rows)[j][i];
    }
    return total;
}

int main(void)
{
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = i * 7 - j * 3;
            b[i][j] = (i ^ j) + 1;
        }
    mul(&a, &b, &c);
    int h = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            h = h * 17 + c[i][j];
    printf("mul %d\n", h);
    printf("many %d\n", many(300));
    printf("static %d\n", mul_static());
    printf("walk %d\n", walk(&c, 40));
    return 0;
}

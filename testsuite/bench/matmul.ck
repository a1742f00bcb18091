/* MATMUL (Cuckoo version): arrays in loops.  C += A * B for two N x N
   unsigned matrices, REPEAT times, A's diagonal changing between rounds;
   the inner loop (over a row of B and of C) is one gcc vectorises.  Must
   print the same line as matmul.c. */
#include <cuckoo.ckh>

#ifndef N
#define N 120
#endif
#ifndef REPEAT
#define REPEAT 200
#endif

static unsigned a[N][N], b[N][N], c[N][N];

static void multiply_add(void)
{
    for (int i = 0; i < N; i++)
        for (int k = 0; k < N; k++) {
            unsigned aik = a[i][k];
            for (int j = 0; j < N; j++)
                c[i][j] += aik * b[k][j];
        }
}

int main(void)
{
    unsigned x = 7;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            x = x * 1103515245u + 12345u;
            a[i][j] = (x >> 16) & 255;
            x = x * 1103515245u + 12345u;
            b[i][j] = (x >> 16) & 255;
            c[i][j] = 0;
        }
    for (int r = 0; r < REPEAT; r++) {
        multiply_add();
        a[r % N][r % N] += 1;
    }
    unsigned check = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            check = check * 31 + c[i][j];
    printf("matmul: %d x %d, %d rounds, c[1][2] %u, check %u\n", N, N, REPEAT, c[1][2], check);
    return 0;
}

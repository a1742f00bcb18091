/* The middle dimension of a 3-D array is checked against its own length. */
#include <cuckoo.ckh>

static int m[2][3][4];

int main(void)
{
    int i, j;
    for (i = 0; i < 2; i++)
        for (j = 0; j <= 3; j++) {
            m[i][j][2] = i + j;
            printf("%d %d\n", i, j);
        }
    return 0;
}

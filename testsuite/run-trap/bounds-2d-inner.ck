/* The inner index of a 2-D array is checked against the inner length. */
#include <cuckoo.ckh>

int main(void)
{
    int m[3][5];
    int col = 4;
    for (int i = 0; i < 3; i++)
        m[i][col] = i;
    col += 3;
    printf("%d\n", m[1][col]);
    return 0;
}

/* -fcheck-report: nested loops.  The outer loop's test implies the outer
   index's bound in the inner body; a loop that changes the outer index
   inside the inner one keeps that check. */
#include <cuckoo.ckh>

static int grid[12][10];

int sum(void)
{
    int s = 0;
    for (int i = 0; i < 12; i++)
        for (int j = 0; j < 10; j++)
            s += grid[i][j];
    return s;
}

/* kept: the inner loop changes i before grid[i] is read again */
int skew(void)
{
    int s = 0;
    int i = 0;
    while (i < 12) {
        for (int j = 0; j < 10; j++) {
            s += grid[i][j];
            if (j == 9)
                i++;
        }
    }
    return s;
}

int main(void)
{
    grid[3][4] = 7;
    printf("%d %d\n", sum(), skew());
    return 0;
}

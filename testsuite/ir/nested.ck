/* -O2 (the IR is opt/nested.ir; run-pass/opt-nested.ck runs it): the test of an outer loop implies its index's bound in the inner
   loop's body, as long as nothing on the way changes the index
   (cc/opt.c remove_branch_bounds). */
#include <cuckoo.ckh>

static unsigned a[12][10], b[12][10];

/* both checks of a[i][j] go: i < 12 from the outer test, j < 10 from the
   inner one */
void fill(void)
{
    for (int i = 0; i < 12; i++)
        for (int j = 0; j < 10; j++)
            a[i][j] = (unsigned)(i * j);
}

/* kept: the inner loop changes i's value before a[i] */
unsigned skew(void)
{
    unsigned s = 0;
    int i = 0;
    while (i < 12) {
        for (int j = 0; j < 10; j++) {
            s += b[i][j];
            if (j == 9)
                i++;
        }
    }
    return s;
}

/* kept for b[k]: k is tested against 12 but the inner loop reads b[k + 1] */
unsigned next_row(void)
{
    unsigned s = 0;
    for (int k = 0; k < 11; k++)
        for (int j = 0; j < 10; j++)
            s += b[k + 1][j];
    return s;
}
